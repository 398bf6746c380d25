"""Property-based tests: generated packs and SVG documents are accepted or refused with a ContentError.

Never any other exception: whatever a pack holds, the loader answers with its own
error type and a message naming the file.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.model.map_loader import parse_map
from app.model.pack_loader import load_pack
from app.model.problems import ContentError
from tests.conftest import ROOT, SCHEMA

EXAMPLE = ROOT / "docs" / "example-pack"
PACK_JSON = (EXAMPLE / "pack.json").read_bytes()
CONTENT = json.loads((EXAMPLE / "content.json").read_text(encoding="utf-8"))
SVG_TEXT = (EXAMPLE / "maps" / "example-forearm.svg").read_text(encoding="utf-8")
SCHEMA_DOC = json.loads(SCHEMA.read_text(encoding="utf-8"))
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class MemoryPack:
    """A pack held in memory."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.label = "fuzz"

    def exists(self, name: str) -> bool:
        return name in self.files

    def read(self, name: str) -> bytes:
        if name not in self.files:
            raise ContentError.single(f"fuzz/{name}", "file", "is missing from the pack")
        return self.files[name]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


def refusal(load: Any) -> list[Any] | None:
    """Run a loader; return the problems of its ContentError, or None when it accepted."""
    try:
        load()
    except ContentError as exc:
        return exc.problems
    return None


def assert_accepted_or_refused(files: dict[str, bytes]) -> None:
    problems = refusal(lambda: load_pack(MemoryPack(files), SCHEMA_DOC, base=_base()))
    if problems is not None:
        assert problems
        assert all(p.file.startswith("fuzz/") and p.message for p in problems)


_BASE: list[Any] = []


def _base() -> Any:
    if not _BASE:
        from app.services.library import load_library

        _BASE.append(load_library().catalog)
    return _BASE[0]


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths_of(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths_of(child, (*prefix, index))
    return found


@FUZZ
@given(st.data())
def test_a_mutated_example_pack_is_accepted_or_refused_with_a_content_error(data):
    document = copy.deepcopy(CONTENT)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths_of(document)))
        replacement = data.draw(json_values)
        if not path:
            document = replacement
            break
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = replacement
    files = {
        "pack.json": PACK_JSON,
        "content.json": json.dumps(document).encode(),
        "maps/example-forearm.svg": SVG_TEXT.encode(),
    }
    assert_accepted_or_refused(files)


@FUZZ
@given(manifest=json_values, content=st.binary(max_size=300))
def test_any_manifest_and_any_bytes_as_content_are_refused_cleanly(manifest, content):
    assert_accepted_or_refused({"pack.json": json.dumps(manifest).encode(), "content.json": content})


numbers = st.one_of(
    st.integers(-5000, 5000).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["1e999", "-1e999", "NaN", "inf", ".", "-", "1e", "0x10", ""]),
)
commands = st.sampled_from(list("MmLlHhVvCcSsQqTtAaZz") + ["", ","])
path_data = st.lists(st.tuples(commands, st.lists(numbers, max_size=7)), max_size=12).map(
    lambda parts: " ".join(c + " " + " ".join(n) for c, n in parts)
)
attribute_values = st.one_of(path_data, numbers, st.text(max_size=15))
attribute_names = st.sampled_from(
    [
        "id",
        "d",
        "class",
        "data-order",
        "data-region",
        "data-style",
        "data-technique",
        "cx",
        "cy",
        "r",
        "x",
        "y",
        "transform",
        "viewBox",
        "href",
        "text-anchor",
        "width",
    ]
)


@st.composite
def elements(draw: Any, depth: int = 0) -> str:
    tag = draw(st.sampled_from(["g", "path", "circle", "text", "rect", "polygon", "image", "use", "a"]))
    attributes = draw(st.dictionaries(attribute_names, attribute_values, max_size=5))
    attrs = "".join(f' {k}="{_escape(v)}"' for k, v in attributes.items())
    children = ""
    if depth < 3 and tag in ("g", "a", "text"):
        children = "".join(draw(st.lists(elements(depth + 1), max_size=3)))
    return f"<{tag}{attrs}>{children}</{tag}>"


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


group_ids = st.sampled_from(["outline", "regions", "arrows", "points", "zones", "labels", "other"])


@st.composite
def svg_documents(draw: Any) -> bytes:
    groups = draw(st.lists(st.tuples(group_ids, st.lists(elements(1), max_size=4)), max_size=5))
    body = "".join(f'<g id="{gid}">{"".join(children)}</g>' for gid, children in groups)
    view_box = draw(
        st.sampled_from(['viewBox="0 0 1600 1000"', 'viewBox="0 0 0 0"', 'viewBox="nan 0 1 1"', ""])
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" {view_box}>{body}</svg>'.encode()


@FUZZ
@given(svg_documents())
def test_generated_svg_documents_are_accepted_or_refused_with_a_content_error(document):
    problems = refusal(lambda: parse_map(document, "fuzz.svg"))
    if problems is not None:
        assert problems
        assert all(p.file == "fuzz.svg" and p.message for p in problems)


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_as_a_map_are_refused_with_a_content_error(data):
    problems = refusal(lambda: parse_map(data, "fuzz.svg"))
    assert problems is None or problems[0].file == "fuzz.svg"
