"""``fibromap validate PATH [--json]``: check a content pack without opening a window.

Nothing here imports Qt, so it runs on a machine without a display (CI, a
content author's server). One line per problem, ``file: location: severity:
message``; exit status 1 when any problem is an error, 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app.model.content import Catalog
from app.model.problems import ContentError, Problem, has_errors
from app.model.wording import counted
from app.services.library import load_library
from app.services.pack_library import read_pack, report_json


def validate_pack(path: Path, built_in: Catalog | None = None) -> tuple[list[Problem], str]:
    """Check the pack at ``path`` against the format and the built-in content.

    Args:
        path: the pack's folder, .zip or pack.json.
        built_in: the built-in content (loaded here if None).

    Returns:
        Every problem found, and a one-line verdict for people.
    """
    base = built_in if built_in is not None else load_library().catalog
    try:
        pack = read_pack(path, base)
    except ContentError as exc:
        return exc.problems, f"{path}: not a usable content pack"
    problems = list(pack.problems)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    verdict = (
        f"{path}: content pack {pack.manifest.id!r} {pack.manifest.version}: "
        f"{len(pack.maps)} of {counted(len(pack.catalog.maps), 'map')} usable, "
        f"{counted(len(pack.catalog.techniques), 'card')}; {counted(errors, 'error')}, "
        f"{counted(warnings, 'warning')}"
    )
    return problems, verdict


def run(argv: Sequence[str]) -> int:
    """Run the sub-command; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="fibromap validate", description="Check a content pack (a folder or a .zip) without a window."
    )
    parser.add_argument("path", type=Path, help="the pack's folder, .zip file or pack.json")
    parser.add_argument("--json", action="store_true", help="print the problems as a JSON list")
    args = parser.parse_args(list(argv))
    try:
        problems, verdict = validate_pack(args.path)
    except RecursionError:  # the limits should stop every case first; never a traceback
        problems, verdict = [Problem(str(args.path), "file", "is nested too deeply")], "not usable"
    if args.json:
        print(report_json(problems))  # noqa: T201
    else:
        for problem in problems:
            print(problem.line())  # noqa: T201
        print(verdict, file=sys.stderr)  # noqa: T201
    return 1 if has_errors(problems) else 0
