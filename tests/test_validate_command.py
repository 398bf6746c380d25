"""`fibromap validate` on every hostile or broken pack: a clear verdict naming the file and problem."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.library import load_library
from app.validate_command import validate_pack
from tests.conftest import ROOT
from tests.hostile_factory import GENERATED

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
EXAMPLE = ROOT / "docs" / "example-pack"
SVG = "maps/example-forearm.svg"

# case -> (the file named, the start of its message); every case is an error unless listed in WARNINGS.
EXPECTED: dict[str, tuple[str, str]] = {
    "json-malformed": ("content.json", "line 3 column 18: error: is not valid JSON: Expecting value"),
    "json-truncated": ("content.json", "line 30 column 20: error: is not valid JSON: Unterminated string"),
    "json-not-utf8": ("content.json", "byte 662: error: is not UTF-8 text"),
    "json-wrong-types": ("content.json", "$.techniques[0].steps: error: 'pull' is not of type 'array'"),
    "json-missing-fields": ("content.json", "$.maps[0]: error: 'file' is a required property"),
    "json-duplicate-ids": ("content.json", "$.techniques[1].id: error: duplicate id 'example-ctm-forearm'"),
    "json-duplicate-keys": (
        "content.json",
        "key 'example-forearm-flexors': error: appears twice in one object",
    ),
    "json-deep-nesting": ("content.json", "file: error: is nested 50,001 levels deep; the limit is 32"),
    "json-nan": ("content.json", "file: error: is not valid JSON: NaN is not a number JSON allows"),
    "json-collides-with-built-in": (
        "content.json",
        "techniques 'connective-tissue-massage': error: is already defined by content loaded before",
    ),
    "json-rewrites-the-protocol": ("content.json", "$.disclaimer: error: belongs to the built-in content"),
    "json-unknown-reference": ("content.json", "$.techniques[0].cite[3].source: error: names unknown source"),
    "manifest-missing": ("pack.json", "file: error: is missing: a content pack needs one at its top"),
    "manifest-wrong": ("pack.json", "$: error: 'licence' is a required property"),
    "manifest-escapes": ("pack.json", "$.content: error: '../../../etc/passwd' leaves the pack's folder"),
    "svg-malformed": (SVG, "line 23 column 3: error: is not well-formed XML (mismatched tag)"),
    "svg-truncated": (SVG, "line 9 column 5: error: is not well-formed XML (unclosed token)"),
    "svg-not-utf8": (SVG, "byte 1158: error: is not UTF-8 text"),
    "svg-entity-bomb": (SVG, "DOCTYPE: error: declares a DTD, which map files may not use"),
    "svg-external-entity": (SVG, "DOCTYPE: error: declares a DTD, which map files may not use"),
    "svg-image-file": (SVG, "<image>: error: <image> elements are not allowed in map files"),
    "svg-xlink-url": (
        SVG,
        "<a>: error: refers to 'https://example.org/track.png'; map files may not reference",
    ),
    "svg-script": (SVG, "<script>: error: <script> elements are not allowed in map files"),
    "svg-deep-nesting": (SVG, "<g>: error: is nested more than 32 levels deep"),
    "svg-nan-coordinates": (
        SVG,
        "<path id='example-a1'>: error: d='M1000 440 L NaN 445': 'NaN' is not a finite",
    ),
    "svg-infinite-coordinates": (
        SVG,
        "<path id='example-a2'>: error: has a coordinate that is not a finite number",
    ),
    "svg-zero-area-region": (SVG, "<path id='example-forearm-wrist'>: error: a region must enclose an area"),
    "svg-self-intersecting-region": (
        SVG,
        "<path id='example-forearm-wrist'>: error: the region outline crosses itself",
    ),
    "svg-arrow-outside-region": (
        SVG,
        "<path id='example-a2'>: error: arrow 2: its base lies outside its region",
    ),
    "svg-arrow-numbering": (SVG, "arrows: error: must be numbered 1..2 (missing: 2)"),
    "svg-missing": (SVG, "file: error: cannot be read: No such file or directory"),
    "zip-slip-dotdot.zip": ("", "entry '../../evil.sh': error: its path leaves the pack's folder (zip-slip"),
    "zip-slip-absolute.zip": ("", "entry '/tmp/evil.sh': error: its path leaves the pack's folder (zip-slip"),
    "zip-symlink.zip": ("", "entry 'maps/example-forearm.svg': error: is a symbolic link"),
    "zip-ratio-bomb.zip": ("content.json", "file: error: expands past 439,100 bytes (a zip bomb?)"),
    "zip-not-a-zip.zip": ("", "file: error: is not a readable zip file: File is not a zip file"),
    "zip-truncated.zip": ("", "file: error: is not a readable zip file"),
    # made by tests/hostile_factory.py
    "json-too-large": ("content.json", "file: error: is 6,002,939 bytes; the limit is 5,000,000"),
    "svg-too-large": (SVG, "file: error: is 3,001,465 bytes; the limit is 2,000,000"),
    "svg-million-segments": (SVG, "file: error: is 5,001,474 bytes; the limit is 5,000,000"),
    "svg-many-long-paths": (SVG, "<path>: error: the paths hold more than 200,000 numbers in all"),
    "folder-symlink": (SVG, "file: error: is a symbolic link; packs may hold only plain files"),
    "zip-gigabyte-bomb": (
        "",
        "entry 'content.json': error: expands to 1,073,741,824 bytes; the limit is 5,000,000",
    ),
    "zip-lying-bomb": (
        "content.json",
        "file: error: cannot be read from the zip (damaged, or its sizes lie)",
    ),
    "zip-many-members": ("", "file: error: expands to 58,804,748 bytes in all; the limit is 50,000,000"),
}
WARNINGS: set[str] = set()  # no rule gives only a warning at present
VALID = {"json-html-in-card", "zip-good-in-folder.zip"}


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {case: make(folder / case) for case, make in GENERATED.items()}


@pytest.fixture(scope="session")
def built_in():
    return load_library().catalog


def pack_path(case: str, generated: dict[str, Path]) -> Path:
    return generated[case] if case in GENERATED else HOSTILE / case


def test_every_committed_fixture_has_an_expected_verdict():
    committed = {p.name for p in HOSTILE.iterdir()}
    assert committed == (set(EXPECTED) - set(GENERATED)) | VALID


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_each_hostile_pack_gets_a_clear_verdict(case, generated, built_in):
    path = pack_path(case, generated)
    problems, verdict = validate_pack(path, built_in)
    file, message = EXPECTED[case]
    named = f"{path.name}/{file}" if file else path.name
    lines = [p.line() for p in problems]
    assert f"{named}: {message}" in "\n".join(lines), lines
    assert any(p.is_error for p in problems) is (case not in WARNINGS)
    assert str(path) in verdict


@pytest.mark.parametrize("case", sorted(VALID))
def test_valid_packs_have_no_problems(case, built_in):
    problems, verdict = validate_pack(HOSTILE / case, built_in)
    assert problems == []
    assert "1 of 1 map usable" in verdict


def test_the_example_pack_validates():
    problems, verdict = validate_pack(EXAMPLE)
    assert problems == []
    assert verdict.endswith("content pack 'example' 1.0.0: 1 of 1 map usable, 1 card; 0 errors, 0 warnings")


def run_validate(*args: str) -> subprocess.CompletedProcess[str]:
    # No display and no Qt platform: validate must not need either.
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "app", "validate", *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_the_command_prints_one_line_per_problem_and_exits_1_on_errors():
    result = run_validate(str(HOSTILE / "json-wrong-types"))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "json-wrong-types/content.json: $.techniques[0].steps: error: 'pull' is not of type 'array'",
        "json-wrong-types/content.json: $.techniques[0].title: error: 5 is not of type 'string'",
    ]
    assert "not a usable content pack" in result.stderr


def test_the_command_prints_json_and_exits_0_for_a_good_pack():
    result = run_validate(str(EXAMPLE), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    broken = run_validate(str(HOSTILE / "svg-zero-area-region"), "--json")
    assert broken.returncode == 1
    (problem,) = json.loads(broken.stdout)
    assert problem == {
        "file": f"svg-zero-area-region/{SVG}",
        "location": "<path id='example-forearm-wrist'>",
        "severity": "error",
        "message": "a region must enclose an area",
    }


def test_the_command_accepts_the_example_pack_and_never_imports_qt():
    code = (
        "import sys; from app.main import main; rc = main(['validate', sys.argv[1]]);"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'; sys.exit(rc)"
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
