"""Packs added to the library: merged when good, refused and reported when not, built-in maps always kept."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from app.model.pack_files import MAX_FILE_BYTES, FolderPack
from app.model.pack_loader import load_pack, merge_catalogs
from app.services.library import load_library
from app.services.pack_library import add_pack, add_packs, content_schema, user_pack_paths
from tests.test_validate_command import EXAMPLE, EXPECTED, HOSTILE, generated, pack_path  # noqa: F401

BUILT_IN_MAPS = 9


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_the_built_in_content_is_a_pack_with_a_manifest(library):
    (report,) = library.packs
    assert report.loaded
    assert report.manifest is not None
    assert (report.manifest.id, report.manifest.content, report.manifest.maps) == (
        "fibromap",
        "data/techniques.json",
        "assets/bodymaps",
    )
    assert len(report.map_ids) == BUILT_IN_MAPS


def test_the_built_in_manifest_names_the_files_the_app_loads(library):
    """Loading the built-in pack through the pack loader gives the same content as the library."""
    from tests.conftest import ROOT

    pack = load_pack(FolderPack(ROOT, "built-in"), content_schema(), None, "data/pack.json")
    assert pack.catalog == library.catalog
    assert set(pack.maps) == set(library.maps)


def test_a_good_pack_adds_its_map_and_card_after_the_built_in_ones(library):
    combined = add_pack(library, EXAMPLE)
    assert [i.id for i in combined.map_infos()][-1] == "example-forearm"
    assert len(combined.maps) == BUILT_IN_MAPS + 1
    assert "example-ctm-forearm" in combined.catalog.techniques
    assert "connective-tissue-massage" in combined.catalog.techniques
    assert combined.catalog.protocol == library.catalog.protocol
    assert combined.packs[-1].loaded
    assert (
        combined.packs[-1].summary()
        == "Content pack “Example pack: forearm strokes” (example-pack) was loaded: 1 map."
    )
    assert library.maps.keys() != combined.maps.keys(), "the library passed in is not changed"
    assert combined.catalog.techniques_for_region("example-forearm", "example-forearm-flexors")[1].id == (
        "connective-tissue-massage"
    )


def test_the_same_pack_twice_is_refused_the_second_time(library, tmp_path):
    copy = shutil.copytree(EXAMPLE, tmp_path / "copy")
    combined = add_packs(library, [EXAMPLE, copy])
    assert [r.loaded for r in combined.packs] == [True, True, False]
    assert str(combined.packs[-1].problems[0]) == (
        "copy/pack.json: $.id: pack 'example' is already loaded from example-pack"
    )
    assert len(combined.maps) == BUILT_IN_MAPS + 1


def test_packs_may_not_redefine_each_others_ids(library, tmp_path):
    other = shutil.copytree(EXAMPLE, tmp_path / "other")
    manifest = (other / "pack.json").read_text().replace('"id": "example"', '"id": "other"')
    (other / "pack.json").write_text(manifest)
    combined = add_packs(library, [EXAMPLE, other])
    refused = combined.packs[-1]
    assert not refused.loaded
    assert any("techniques 'example-ctm-forearm': is already defined" in str(p) for p in refused.problems)


def test_a_pack_may_name_built_in_cards_but_not_another_packs(library, tmp_path):
    other = shutil.copytree(EXAMPLE, tmp_path / "other")
    for name in ("pack.json", "content.json", "maps/example-forearm.svg"):
        path = other / name
        path.write_text(path.read_text().replace('"example"', '"other"').replace("example-", "other-"))
    content = other / "content.json"
    content.write_text(
        content.read_text().replace(
            '"related": ["connective-tissue-massage"]', '"related": ["example-ctm-forearm"]'
        )
    )
    combined = add_packs(library, [EXAMPLE, other])
    refused = combined.packs[-1]
    assert not refused.loaded
    assert [str(p) for p in refused.problems] == [
        "other/content.json: $.techniques[0].related[0]: names unknown technique 'example-ctm-forearm'"
    ]
    alone = add_pack(library, other)
    assert not alone.packs[-1].loaded, "load order does not matter: it is refused on its own too"


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_a_broken_pack_never_takes_the_built_in_maps_away(case, library, generated):  # noqa: F811
    combined = add_pack(library, pack_path(case, generated))
    assert set(library.maps) <= set(combined.maps)
    assert [i.id for i in combined.map_infos()][:BUILT_IN_MAPS] == [i.id for i in library.map_infos()]
    report = combined.packs[-1]
    assert report.problems, "the failure is reported"
    assert report.summary().startswith("Content pack ")
    file, message = EXPECTED[case]
    assert any(message.split(": ", 1)[-1].split(": ", 1)[-1] in str(p) for p in report.problems)


def test_user_packs_are_folders_and_zips_in_name_order(tmp_path):
    (tmp_path / "b-pack").mkdir()
    (tmp_path / "a.zip").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / ".hidden").mkdir()
    assert [p.name for p in user_pack_paths(tmp_path)] == ["a.zip", "b-pack"]
    assert user_pack_paths(tmp_path / "missing") == []


def test_merge_keeps_the_base_first_and_its_protocol(library):
    pack = load_pack(FolderPack(EXAMPLE), content_schema(), library.catalog)
    merged = merge_catalogs(library.catalog, pack.catalog)
    assert list(merged.maps)[:-1] == list(library.catalog.maps)
    assert dataclasses.replace(merged, maps={}, techniques={}, sources={}, points={}, pages={}) == (
        dataclasses.replace(library.catalog, maps={}, techniques={}, sources={}, points={}, pages={})
    )


def test_a_folder_file_over_the_limit_is_not_read_whole(tmp_path):
    pack = shutil.copytree(EXAMPLE, tmp_path / "big")
    with (pack / "content.json").open("ab") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)
    report = add_pack(load_library(), pack).packs[-1]
    assert f"the limit is {MAX_FILE_BYTES:,}" in str(report.problems[0])
