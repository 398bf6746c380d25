"""PySide6 6.12.0 on CPython 3.11 aborted after a few thousand void Qt calls (platform-notes.md).

The dependency pin keeps that build out; this loop would abort the test process if it came back.
"""

import sys

import PySide6
from PySide6.QtGui import QPainterPath


def test_many_void_calls_do_not_crash(qapp):
    path = QPainterPath()
    for i in range(200_000):
        path.lineTo(float(i % 2), 2.0)  # alternate, or Qt drops the repeated point
    assert path.elementCount() == 200_001


def test_installed_pyside_is_not_the_crashing_combination():
    version = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    assert not (sys.version_info[:2] == (3, 11) and version >= (6, 12))
