"""Refuse SVG files that could hurt: entity bombs, external references, huge or deep documents.

The check runs on the raw bytes with defusedxml before svgelements sees them,
so nothing in a map file can make the app load a file or a URL.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import defusedxml
import defusedxml.ElementTree as DET

from app.model.problems import ContentError

MAX_SVG_BYTES = 2_000_000
MAX_ELEMENTS = 20_000
MAX_DEPTH = 32
MAX_PATH_DATA = 100_000  # characters of one "d" attribute
MAX_PATH_NUMBERS = 200_000  # numbers in all the path data of one file (the built-in maps use < 15,000)
_NOT_A_NUMBER = re.compile(r"nan|inf", re.IGNORECASE)
# Attributes that hold numbers; svgelements would silently skip a "NaN" in them.
NUMERIC_ATTRIBUTES = {
    "d",
    "points",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "width",
    "height",
    "viewBox",
    "transform",
    "data-order",
}
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")

FORBIDDEN_TAGS = {"image", "use", "script", "foreignObject", "style", "iframe", "feImage"}


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def check_svg_bytes(data: bytes, name: str) -> ET.Element:
    """Parse an SVG safely and check it against the limits.

    Args:
        data: the file's bytes.
        name: the file's name, for messages.

    Returns:
        The parsed root element.

    Raises:
        ContentError: naming the file and the first problem found.
    """
    if len(data) > MAX_SVG_BYTES:
        raise ContentError.single(name, "file", f"is {len(data):,} bytes; the limit is {MAX_SVG_BYTES:,}")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError.single(
            name, f"byte {exc.start}", "is not UTF-8 text (map files must be saved as UTF-8)"
        ) from exc
    try:
        root: ET.Element = DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DTDForbidden as exc:
        raise ContentError.single(name, "DOCTYPE", "declares a DTD, which map files may not use") from exc
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden) as exc:
        raise ContentError.single(
            name, "DOCTYPE", "declares XML entities, which map files may not use"
        ) from exc
    except ET.ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":", 1)[0]
        raise ContentError.single(
            name, f"line {line} column {column + 1}", f"is not well-formed XML ({reason})"
        ) from exc
    if _local(root.tag) != "svg":
        raise ContentError.single(name, "root", f"is <{_local(root.tag)}>, not <svg>")
    _check_tree(root, name)
    return root


def _check_tree(root: ET.Element, name: str) -> None:
    count = numbers = 0
    stack: list[tuple[ET.Element, int]] = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        count += 1
        tag = _local(element.tag)
        where = f"<{tag}{' id=' + repr(element.get('id')) if element.get('id') else ''}>"
        if count > MAX_ELEMENTS:
            raise ContentError.single(name, "file", f"has more than {MAX_ELEMENTS:,} elements")
        if depth > MAX_DEPTH:
            raise ContentError.single(name, where, f"is nested more than {MAX_DEPTH} levels deep")
        if tag in FORBIDDEN_TAGS:
            raise ContentError.single(name, where, f"<{tag}> elements are not allowed in map files")
        for attribute, value in element.attrib.items():
            if _local(attribute) == "href":
                raise ContentError.single(
                    name,
                    where,
                    f"refers to {value[:80]!r}; map files may not reference files or URLs",
                )
            if _local(attribute) == "d" and len(value) > MAX_PATH_DATA:
                raise ContentError.single(
                    name,
                    where,
                    f"path data is {len(value):,} characters; the limit is {MAX_PATH_DATA:,}",
                )
            if _local(attribute) in NUMERIC_ATTRIBUTES and (bad := _NOT_A_NUMBER.search(value)):
                raise ContentError.single(
                    name, where, f"{_local(attribute)}={value[:60]!r}: {bad.group()!r} is not a finite number"
                )
            if _local(attribute) in ("d", "points"):
                numbers += len(_NUMBER.findall(value))
                if numbers > MAX_PATH_NUMBERS:
                    raise ContentError.single(
                        name, where, f"the paths hold more than {MAX_PATH_NUMBERS:,} numbers in all"
                    )
        stack.extend((child, depth + 1) for child in element)
