"""Run presentation mode on the screens an offscreen config file describes; print what it finds as JSON.

The tests start this in a subprocess, because conftest gives the test process
one plain offscreen screen and Qt reads the screens once, at start.
Usage: ``QT_QPA_PLATFORM=offscreen:configfile=SCREENS.json python presentation_probe.py``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget


def smallest_text_px(stage: QWidget) -> dict[str, float]:
    """Return the smallest text on the stage, in screen pixels, by where it is drawn."""
    from app.ui.presentation_stage import PresentationStage

    assert isinstance(stage, PresentationStage)
    scale = stage.view.view_scale()
    scene = stage.scene
    found: dict[str, float] = {}
    labels = [
        round(item.font_size()) * item.scale() * scale for item in scene.label_items if item.isVisible()
    ]
    badges = [
        round(item.font_size()) * item.scale() * scale
        for item in scene.badge_items.values()
        if item.isVisible()
    ]
    if labels:
        found["map labels"] = min(labels)
    if badges:
        found["arrow numbers"] = min(badges)
    widgets = [
        w for w in stage.findChildren(QWidget) if isinstance(w, QLabel | QPushButton) and w.isVisible()
    ]
    texts = [QFontInfo(w.font()).pixelSize() for w in widgets if (w.text() if hasattr(w, "text") else "")]
    if texts:
        found["overlays"] = min(texts)
    return found


def main() -> int:
    """Drive a short class and report screens, text sizes and the restored window."""
    app = QApplication([sys.argv[0]])
    from app.model.clock import ManualClock
    from app.model.presentation import Stop, overlaps
    from app.services.library import load_library
    from app.services.user_data import UserDataStore
    from app.ui.main_window import MainWindow

    window = MainWindow(load_library(), clock=ManualClock(), store=UserDataStore(Path(tempfile.mkdtemp())))
    window.resize(1200, 760)
    window.show()
    app.processEvents()
    report: dict[str, object] = {"screens": [s.name() for s in app.screens()]}
    before = (window.geometry().getRect(), window.screen().name())
    mode = window.presentation
    mode.enter()
    app.processEvents()
    stage = mode.stage
    assert stage is not None
    report["audience"] = window.screen().name()
    report["audience_full_screen"] = window.isFullScreen()
    report["stage_size"] = [stage.width(), stage.height()]
    report["presenter"] = mode.presenter.screen().name() if mode.presenter else None
    sizes: dict[str, float] = {}
    covered = []
    for map_id in stage.plan.map_ids:
        stage.go_to(Stop(map_id))
        app.processEvents()
        for region_id in list(stage.scene.region_items)[:4]:
            stage.open_region(region_id)
            app.processEvents()
            target = stage.target_box()
            card = stage.card_overlay.geometry().getRect()
            if target is None or overlaps(card, target):
                covered.append(f"{map_id}/{region_id}")
            for where, px in smallest_text_px(stage).items():
                sizes[where] = min(px, sizes.get(where, px))
        for order in stage.plan.arrows_of(map_id)[:3]:
            stage.go_to(Stop(map_id, order))
            app.processEvents()
            for where, px in smallest_text_px(stage).items():
                sizes[where] = min(px, sizes.get(where, px))
    report["smallest_text_px"] = sizes
    report["covered"] = covered
    if mode.presenter is None:
        mode.toggle_docked()
        app.processEvents()
        report["docked_smallest_text_px"] = smallest_text_px(stage)
    else:
        mode.swap()
        app.processEvents()
        report["swapped"] = [window.screen().name(), mode.presenter.screen().name()]
        mode.swap()
        app.processEvents()
        report["swapped_back"] = [window.screen().name(), mode.presenter.screen().name()]
    mode.leave()
    app.processEvents()
    report["restored"] = (window.geometry().getRect(), window.screen().name()) == before
    report["presenter_left"] = mode.presenter is None
    window.close()
    print(json.dumps(report))  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
