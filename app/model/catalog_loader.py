"""Load techniques.json: decode, validate against its JSON Schema, check references.

Every problem is reported with the file, a JSON path and a message, and all
problems are collected before raising, so an author sees them all at once.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import jsonschema

from app.model.content import (
    Catalog,
    Citation,
    CoursePhase,
    MapInfo,
    Page,
    PageSection,
    ProtocolStep,
    RegionInfo,
    Rule,
    Source,
    Technique,
    TenderPointInfo,
    ZoneInfo,
)
from app.model.problems import ContentError, Problem

MAX_CONTENT_BYTES = 5_000_000
SUPPORTED_SCHEMA_VERSION = 1
MAX_JSON_DEPTH = 32
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def json_path(parts: Iterable[object]) -> str:
    """Format a path into a JSON document the way authors read it: ``$.maps[0].id``."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


class ValidationMemo(Protocol):
    """Remembers which exact content files already passed the schema (a cache, keyed by digest)."""

    def is_known_valid(self, digest: str) -> bool:
        """Tell whether the content with this digest passed the schema before."""

    def remember_valid(self, digest: str) -> None:
        """Note that the content with this digest passed the schema."""


def read_json(path: Path, max_bytes: int = MAX_CONTENT_BYTES) -> Any:
    """Read and decode a JSON file, turning every failure into a :class:`ContentError`."""
    return decode_json(_read_bytes(path, max_bytes), path.name, max_bytes)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    name = path.name
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ContentError.single(name, "file", f"is {size:,} bytes; the limit is {max_bytes:,}")
        return path.read_bytes()
    except OSError as exc:
        raise ContentError.single(name, "file", f"cannot be read: {exc.strerror or exc}") from exc


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the last of two equal keys silently; a region named twice would vanish.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _refuse_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large a number")
    return value


def json_syntax_error(name: str, exc: json.JSONDecodeError) -> ContentError:
    """Return the problem a JSON syntax error makes, placed by line and column."""
    # json's "Unterminated string starting at" names the place that is already given first.
    what = exc.msg.removesuffix(" at").removesuffix(" starting")
    return ContentError.single(name, f"line {exc.lineno} column {exc.colno}", f"is not valid JSON: {what}")


def decode_json(raw: bytes, name: str, max_bytes: int = MAX_CONTENT_BYTES) -> Any:
    """Decode JSON bytes: size limit, UTF-8, syntax, no NaN/Infinity, no duplicate keys, nesting.

    Raises:
        ContentError: naming the file, where and what is wrong.
    """
    if len(raw) > max_bytes:
        raise ContentError.single(name, "file", f"is {len(raw):,} bytes; the limit is {max_bytes:,}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError.single(
            name, f"byte {exc.start}", "is not UTF-8 text (save the file as UTF-8)"
        ) from exc
    depth = _bracket_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise ContentError.single(
            name, "file", f"is nested {depth:,} levels deep; the limit is {MAX_JSON_DEPTH}"
        )
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as exc:
        raise json_syntax_error(name, exc) from exc
    except _DuplicateKey as exc:
        raise ContentError.single(name, f"key {exc.key!r}", "appears twice in one object") from exc
    except ValueError as exc:
        raise ContentError.single(name, "file", f"is not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise ContentError.single(name, "file", "is nested too deeply") from exc


def _bracket_depth(text: str) -> int:
    """Return the deepest nesting of [ and { outside strings (checked before parsing)."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def load_catalog(content_path: Path, schema_path: Path, memo: ValidationMemo | None = None) -> Catalog:
    """Load, validate and index a content file.

    Args:
        content_path: the techniques.json file.
        schema_path: its JSON Schema.
        memo: where digests of content that passed the schema are remembered; content
            with a known digest skips the schema check (jsonschema is slow to import and
            to run). The checks of references inside the file always run.

    Returns:
        The catalog, with every cross-reference inside the file checked.

    Raises:
        ContentError: with every problem found.
    """
    content_raw = _read_bytes(content_path, MAX_CONTENT_BYTES)
    schema_raw = _read_bytes(schema_path, MAX_CONTENT_BYTES)
    document = decode_json(content_raw, content_path.name)
    schema = decode_json(schema_raw, schema_path.name)
    digest = content_digest(content_raw, schema_raw)
    known = memo is not None and memo.is_known_valid(digest)
    catalog = catalog_from_document(document, schema, content_path.name, schema_checked=known)
    if memo is not None and not known:
        memo.remember_valid(digest)
    return catalog


def content_digest(content: bytes, schema: bytes) -> str:
    """Return the digest that names one exact pair of content and schema files."""
    digest = hashlib.sha256(b"fibromap-content\0")
    for part in (schema, content):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def catalog_from_document(
    document: Any,
    schema: Mapping[str, Any],
    name: str,
    base: Catalog | None = None,
    *,
    schema_checked: bool = False,
) -> Catalog:
    """Validate a decoded content document and build the catalog from it.

    Args:
        document: the decoded content.
        schema: the decoded JSON Schema.
        name: the file name used in messages.
        base: content the document may refer to without holding it (a pack's cards
            may cite the built-in sources and name the built-in techniques).
        schema_checked: the exact document passed this schema before (skip that check).
    """
    if not schema_checked:
        _check_schema(document, schema, name)
    catalog = _build(document)
    problems = list(check_references(catalog, document, name, base))
    if problems:
        raise ContentError(problems)
    return catalog


def _check_schema(document: Any, schema: Mapping[str, Any], name: str) -> None:
    import jsonschema  # imported here: a start with known content never needs it

    validator = jsonschema.Draft202012Validator(schema)
    problems = [
        Problem(name, json_path(error.absolute_path), _schema_message(error))
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    ]
    if problems:
        raise ContentError(problems)


def _schema_message(error: jsonschema.ValidationError) -> str:
    import jsonschema

    if error.validator == "schema_version" or list(error.absolute_path) == ["schema_version"]:
        return f"schema_version must be {SUPPORTED_SCHEMA_VERSION}; this app cannot read this file"
    if error.validator == "oneOf" and error.context:
        # oneOf errors list every branch; the most specific one says what to fix.
        best = jsonschema.exceptions.best_match(error.context)
        return str(best.message)
    return str(error.message)


def _cite(items: list[dict[str, str]]) -> tuple[Citation, ...]:
    return tuple(Citation(c["source"], c["locator"]) for c in items)


def _build(doc: dict[str, Any]) -> Catalog:
    techniques = {
        t["id"]: Technique(
            id=t["id"],
            title=t["title"],
            protocol_step=t["protocol_step"],
            figure=t["figure"],
            purpose=t["purpose"],
            hand_position=t["hand_position"],
            direction=t["direction"],
            pressure=t["pressure"],
            speed=t["speed"],
            duration=t["duration"],
            lubrication=t["lubrication"],
            client_position=t["client_position"],
            steps=tuple(t["steps"]),
            cautions=tuple(t["cautions"]),
            cite=_cite(t["cite"]),
            related=tuple(t.get("related", ())),
            duration_seconds=t.get("duration_seconds"),
        )
        for t in doc["techniques"]
    }
    maps = {m["id"]: _build_map(m) for m in doc["maps"]}
    points = {
        p["id"]: TenderPointInfo(
            p["id"], p["name"], p["side"], p["location"], tuple(p["techniques"]), _cite(p["cite"])
        )
        for p in doc.get("points", ())
    }
    return Catalog(
        schema_version=doc["schema_version"],
        disclaimer=doc.get("disclaimer", ""),
        sources={
            s["id"]: Source(s["id"], s["short"], s["citation"], s.get("note")) for s in doc.get("sources", ())
        },
        techniques=techniques,
        general_techniques=tuple(doc.get("general_techniques", ())),
        maps=maps,
        points=points,
        protocol=tuple(
            ProtocolStep(s["number"], s["title"], s["summary"], tuple(s["techniques"]), _cite(s["cite"]))
            for s in doc.get("protocol", ())
        ),
        course=tuple(
            CoursePhase(
                id=c["id"],
                title=c["title"],
                kind=c["kind"],
                text=c["text"],
                cite=_cite(c["cite"]),
                sessions=c.get("sessions"),
                massage_per_week_min=c.get("massage_per_week_min"),
                exercise_per_week_min=c.get("exercise_per_week_min"),
                exercise_per_week_max=c.get("exercise_per_week_max"),
                weeks=c.get("weeks"),
            )
            for c in doc.get("course", ())
        ),
        rules=tuple(
            Rule(
                id=r["id"],
                kind=r["kind"],
                text=r["text"],
                cite=_cite(r["cite"]),
                session_from=r.get("session_from"),
                session_to=r.get("session_to"),
                maintenance=r.get("maintenance", False),
                techniques=tuple(r.get("techniques", ())),
            )
            for r in doc.get("rules", ())
        ),
        pages={
            p["id"]: Page(
                p["id"],
                p["title"],
                tuple(
                    PageSection(
                        paragraphs=tuple(s["paragraphs"]),
                        cite=_cite(s["cite"]),
                        heading=s.get("heading"),
                        table=tuple(tuple(row) for row in s.get("table", ())),
                    )
                    for s in p["sections"]
                ),
            )
            for p in doc.get("pages", ())
        },
    )


def _build_map(m: dict[str, Any]) -> MapInfo:
    return MapInfo(
        id=m["id"],
        title=m["title"],
        file=m["file"],
        views=tuple(m["views"]),
        regions={
            rid: RegionInfo(rid, r["name"], tuple(r["techniques"]), r.get("view"), r.get("side"))
            for rid, r in m["regions"].items()
        },
        cite=_cite(m["cite"]),
        summary=m.get("summary"),
        techniques=tuple(m.get("techniques", ())),
        arrow_instructions={int(k): v for k, v in m.get("arrows", {}).items()},
        zones={
            zid: ZoneInfo(zid, z["name"], z["caution"], _cite(z["cite"]))
            for zid, z in m.get("zones", {}).items()
        },
    )


def _duplicates(doc: dict[str, Any], key: str, name: str) -> Iterable[Problem]:
    seen: dict[str, int] = {}
    for index, item in enumerate(doc.get(key, ())):
        ident = item["id"]
        if ident in seen:
            yield Problem(
                name,
                json_path([key, index, "id"]),
                f"duplicate id {ident!r} (first at {key}[{seen[ident]}])",
            )
        else:
            seen[ident] = index


def check_references(
    catalog: Catalog, doc: dict[str, Any], name: str, base: Catalog | None = None
) -> Iterable[Problem]:
    """Yield a problem for every duplicate id and every id that names nothing (here or in ``base``)."""
    for key in ("sources", "techniques", "maps", "points", "rules", "pages", "course"):
        yield from _duplicates(doc, key, name)
    techniques = {**(base.techniques if base else {}), **catalog.techniques}
    sources = {**(base.sources if base else {}), **catalog.sources}

    def missing_techniques(ids: Iterable[str], where: list[object]) -> Iterable[Problem]:
        for index, ident in enumerate(ids):
            if ident not in techniques:
                yield Problem(name, json_path([*where, index]), f"names unknown technique {ident!r}")

    def missing_sources(cites: Iterable[dict[str, str]], where: list[object]) -> Iterable[Problem]:
        for index, cite in enumerate(cites):
            if cite["source"] not in sources:
                yield Problem(
                    name,
                    json_path([*where, index, "source"]),
                    f"names unknown source {cite['source']!r}",
                )

    yield from missing_techniques(doc.get("general_techniques", ()), ["general_techniques"])
    for i, t in enumerate(doc["techniques"]):
        yield from missing_techniques(t.get("related", ()), ["techniques", i, "related"])
        yield from missing_sources(t["cite"], ["techniques", i, "cite"])
    for i, m in enumerate(doc["maps"]):
        yield from missing_sources(m["cite"], ["maps", i, "cite"])
        yield from missing_techniques(m.get("techniques", ()), ["maps", i, "techniques"])
        for rid, region in m["regions"].items():
            yield from missing_techniques(region["techniques"], ["maps", i, "regions", rid, "techniques"])
        for zid, zone in m.get("zones", {}).items():
            yield from missing_sources(zone["cite"], ["maps", i, "zones", zid, "cite"])
    for key in ("points", "protocol"):
        for i, item in enumerate(doc.get(key, ())):
            yield from missing_techniques(item["techniques"], [key, i, "techniques"])
            yield from missing_sources(item["cite"], [key, i, "cite"])
    for key in ("course", "rules"):
        for i, item in enumerate(doc.get(key, ())):
            yield from missing_sources(item["cite"], [key, i, "cite"])
            yield from missing_techniques(item.get("techniques", ()), [key, i, "techniques"])
    for i, page in enumerate(doc.get("pages", ())):
        for j, section in enumerate(page["sections"]):
            yield from missing_sources(section["cite"], ["pages", i, "sections", j, "cite"])
