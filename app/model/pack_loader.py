"""Load a content pack (manifest, content, maps) and combine packs into one catalog.

How packs combine (docs/content-packs.md says the same for authors):

- The built-in pack holds the protocol, the course, the rules, the disclaimer
  and the general techniques; another pack adds maps, technique cards,
  sources, tender points and reference pages, and may not hold those parts.
- Ids are not namespaced by the app: an id that is already defined by the
  built-in pack or an earlier pack is an error, and the pack is not loaded
  (authors prefix their ids with the pack's id to stay clear).
- A pack's cards, maps and points may name its own techniques and sources or
  the built-in ones, never another user pack's, so packs load in any order.
- A pack whose manifest or content has an error is not loaded at all; a map
  with an error is left out and the rest of the pack is used, as for the
  built-in content. Warnings never leave anything out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.model.body_map import BodyMap
from app.model.catalog_loader import catalog_from_document, decode_json
from app.model.content import Catalog
from app.model.crossref import check_map_against_content, check_points_drawn
from app.model.map_loader import parse_map
from app.model.pack_files import PackFiles
from app.model.pack_manifest import PackManifest, built_in_only_problems, pack_content_schema, parse_manifest
from app.model.problems import ContentError, Problem, has_errors

MANIFEST = "pack.json"
ADDED_PARTS = ("sources", "techniques", "maps", "points", "pages")


@dataclass(frozen=True)
class ContentPack:
    """A loaded pack: its manifest, its own content and the maps that loaded.

    Attributes:
        label: the pack as the user named it (folder or zip name).
        catalog: the pack's own content (not merged).
        maps: the maps that loaded, by map id.
        problems: problems of the maps left out, and warnings.
    """

    manifest: PackManifest
    label: str
    catalog: Catalog
    maps: dict[str, BodyMap]
    problems: tuple[Problem, ...] = ()


def load_pack(
    files: PackFiles,
    schema: Mapping[str, Any],
    base: Catalog | None = None,
    manifest_name: str = MANIFEST,
    loaded: Catalog | None = None,
    loaded_packs: Mapping[str, str] | None = None,
) -> ContentPack:
    """Load one pack.

    Args:
        files: where the pack's files come from.
        schema: the built-in content's JSON Schema.
        base: the built-in content (None when loading the built-in pack itself);
            the pack may refer to its ids.
        manifest_name: where the manifest is inside the pack.
        loaded: everything loaded before (the base if None); the pack must not
            redefine its ids.
        loaded_packs: the ids of the packs loaded before, with where each came from.

    Raises:
        ContentError: the manifest or the content cannot be used; every problem
            names the pack's file.
    """
    label = files.label
    if not files.exists(manifest_name):
        raise ContentError.single(
            f"{label}/{manifest_name}", "file", "is missing: a content pack needs one at its top"
        )
    manifest = parse_manifest(files.read(manifest_name), f"{label}/{manifest_name}")
    if loaded_packs and manifest.id in loaded_packs:
        raise ContentError.single(
            f"{label}/{manifest_name}",
            "$.id",
            f"pack {manifest.id!r} is already loaded from {loaded_packs[manifest.id]}",
        )
    content_name = f"{label}/{manifest.content}"
    document = decode_json(files.read(manifest.content), content_name)
    if base is not None:
        problems = built_in_only_problems(document, content_name)
        if problems:
            raise ContentError(problems)
        schema = pack_content_schema(schema)
    catalog = catalog_from_document(document, schema, content_name, base)
    if base is not None:
        problems = list(collisions(loaded or base, catalog, content_name, manifest.id))
        if problems:
            raise ContentError(problems)
    merged = catalog if base is None else merge_catalogs(base, catalog)
    maps, problems = _load_maps(files, manifest, catalog, merged)
    problems.extend(check_points_drawn(catalog, maps.values(), content_name))
    return ContentPack(manifest, label, catalog, maps, tuple(problems))


def _load_maps(
    files: PackFiles, manifest: PackManifest, catalog: Catalog, merged: Catalog
) -> tuple[dict[str, BodyMap], list[Problem]]:
    maps: dict[str, BodyMap] = {}
    problems: list[Problem] = []
    for info in catalog.maps.values():
        name = manifest.map_path(info.file)
        shown = f"{files.label}/{name}"
        try:
            body_map = parse_map(files.read(name), shown)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        found = [*body_map.problems, *check_map_against_content(body_map, info, merged)]
        problems.extend(found)
        if not has_errors(found):
            maps[info.id] = body_map
    return maps, problems


def collisions(base: Catalog, addition: Catalog, name: str, pack_id: str) -> Iterable[Problem]:
    """Yield an error for every id the addition defines that the base already has."""
    for part in ADDED_PARTS:
        taken: Mapping[str, object] = getattr(base, part)
        for ident in getattr(addition, part):
            if ident in taken:
                yield Problem(
                    name,
                    f"{part} {ident!r}",
                    f"is already defined by content loaded before this pack; "
                    f"give the pack's ids a prefix of their own (e.g. '{pack_id}-{ident}')",
                )


def merge_catalogs(base: Catalog, addition: Catalog) -> Catalog:
    """Return the base with the addition's maps, cards, sources, points and pages after its own."""
    return dataclasses.replace(
        base,
        sources={**base.sources, **addition.sources},
        techniques={**base.techniques, **addition.techniques},
        maps={**base.maps, **addition.maps},
        points={**base.points, **addition.points},
        pages={**base.pages, **addition.pages},
    )
