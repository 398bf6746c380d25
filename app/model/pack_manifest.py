"""A content pack's ``pack.json``: who made it, under which licence, and where its files are.

The built-in content is a pack too; its manifest is ``data/pack.json`` (the
wheel ships ``data/`` and ``assets/``), so its paths start with those folders.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.model.catalog_loader import decode_json, json_path
from app.model.pack_files import safe_name
from app.model.problems import ContentError, Problem

PACK_FORMAT_VERSION = 1
MAX_MANIFEST_BYTES = 20_000
_ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 80}
_TEXT = {"type": "string", "minLength": 1, "maxLength": 200}
_PATH = {"type": "string", "pattern": r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$", "maxLength": 200}

MANIFEST_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["schema_version", "id", "name", "version", "language", "author", "licence"],
    "properties": {
        "schema_version": {"const": PACK_FORMAT_VERSION},
        "id": _ID,
        "name": _TEXT,
        "version": {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+){0,3}([-+][A-Za-z0-9.]+)?$"},
        "language": {"type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},
        "author": _TEXT,
        "licence": _TEXT,
        "description": {"type": "string", "maxLength": 2000},
        "content": _PATH,
        "maps": _PATH,
    },
}

# Parts of the content that describe the article's protocol as a whole; only the
# built-in pack holds them, so a pack can add maps and cards but never rewrite the protocol.
BUILT_IN_ONLY = ("disclaimer", "general_techniques", "protocol", "course", "rules")


@dataclass(frozen=True)
class PackManifest:
    """What ``pack.json`` says.

    Attributes:
        content: the content JSON's path inside the pack.
        maps: the folder of the map SVGs inside the pack.
    """

    id: str
    name: str
    version: str
    language: str
    author: str
    licence: str
    schema_version: int = PACK_FORMAT_VERSION
    description: str = ""
    content: str = "content.json"
    maps: str = "maps"

    def map_path(self, file: str) -> str:
        """Return a map file's path inside the pack."""
        return f"{self.maps}/{file}"


def parse_manifest(data: bytes, name: str, *, trusted: bool = False) -> PackManifest:
    """Decode and validate a ``pack.json``.

    Args:
        data: the file's bytes.
        name: the file's name, for messages.
        trusted: the built-in pack's own manifest, checked by the tests: skip the schema
            check, so a usual start never imports jsonschema.

    Raises:
        ContentError: with every problem found, each naming ``name``.
    """
    document = decode_json(data, name, MAX_MANIFEST_BYTES)
    if trusted and isinstance(document, dict):
        return PackManifest(**document)
    import jsonschema  # imported here: only packs other than the built-in one need it

    validator = jsonschema.Draft202012Validator(MANIFEST_SCHEMA)
    problems = [
        Problem(name, json_path(e.absolute_path), _message(e))
        for e in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    ]
    for key in ("content", "maps"):
        value = document.get(key) if isinstance(document, dict) else None
        if isinstance(value, str) and safe_name(value) is None:
            problems.append(
                Problem(name, f"$.{key}", f"{value!r} leaves the pack's folder; use a path inside it")
            )
    if problems:
        raise ContentError(problems)
    return PackManifest(**document)


def _message(error: Any) -> str:
    if list(error.absolute_path) == ["schema_version"]:
        return f"schema_version must be {PACK_FORMAT_VERSION}; this app cannot read this pack"
    return str(error.message)


def pack_content_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """Derive the schema of a pack's content from the built-in content's schema.

    A pack's content has the same format, but the parts in :data:`BUILT_IN_ONLY`
    are not allowed and its sources may be left out (its cards may cite the
    built-in ones).
    """
    derived = copy.deepcopy(dict(schema))
    derived["required"] = [key for key in derived["required"] if key not in (*BUILT_IN_ONLY, "sources")]
    derived["properties"] = {k: v for k, v in derived["properties"].items() if k not in BUILT_IN_ONLY}
    derived["properties"]["sources"].pop("minItems", None)
    return derived


def built_in_only_problems(document: Any, name: str) -> list[Problem]:
    """Return a clear problem for each part of a pack's content only the built-in pack may hold."""
    if not isinstance(document, dict):
        return []
    return [
        Problem(name, f"$.{key}", "belongs to the built-in content; a pack cannot add or replace it")
        for key in BUILT_IN_ONLY
        if key in document
    ]
