"""Every interactive element the main window exposes to assistive technology has a name."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from app.services.library import load_library

Role = QAccessible.Role
INTERACTIVE = {
    Role.PushButton,
    Role.CheckBox,
    Role.RadioButton,
    Role.ComboBox,
    Role.SpinBox,
    Role.EditableText,
    Role.ListItem,
    Role.List,
    Role.PageTab,
    Role.ButtonMenu,
    Role.MenuItem,
    Role.Link,
    Role.Slider,
    Role.Graphic,
    Role.Canvas,
    Role.Table,
    Role.Cell,
}


def walk(iface: QAccessibleInterface, depth: int = 0) -> Iterator[QAccessibleInterface]:
    """Yield an interface and all its descendants that are shown."""
    if iface is None or not iface.isValid() or iface.state().invisible or depth > 60:
        return
    yield iface
    for i in range(iface.childCount()):
        yield from walk(iface.child(i), depth + 1)


def nameless(root) -> list[str]:
    found = []
    for iface in walk(QAccessible.queryAccessibleInterface(root)):
        if iface.role() in INTERACTIVE and not iface.text(QAccessible.Text.Name).strip():
            obj = iface.object()
            found.append(
                f"{iface.role().name} {type(obj).__name__ if obj else '?'} {obj.objectName() if obj else ''}"
            )
    return found


def test_main_window_has_no_nameless_control_on_any_map(make_window, qtbot) -> None:
    library = load_library()
    window = make_window(library)
    window.start_tender_round()  # the timer's controls are shown too
    for map_id in window.navigator.map_ids():
        window.show_map(map_id)
        scene = window.scenes[map_id]
        window.show_region(next(iter(scene.region_items)))  # cards with their buttons, stars, notes
        assert nameless(window) == [], map_id
    names = {i.text(QAccessible.Text.Name) for i in walk(QAccessible.queryAccessibleInterface(window))}
    assert {"Session Guide", "Show on map", "Maps", "Technique cards"} <= names  # the walk reaches them


def test_the_walk_catches_a_nameless_control(qtbot) -> None:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.addWidget(QPushButton("Named"))
    layout.addWidget(QPushButton(""))
    qtbot.addWidget(box)
    box.show()
    assert nameless(box) == ["Button QPushButton "]


def test_the_map_names_every_region_arrow_and_point_with_its_number(make_window, qtbot) -> None:
    library = load_library()
    window = make_window(library)
    window.view.setFocus()
    for map_id in window.navigator.map_ids():
        window.show_map(map_id)
        scene = window.scenes[map_id]
        info = library.catalog.maps[map_id]
        view_iface = QAccessible.queryAccessibleInterface(window.view)
        for index, target in enumerate(scene.focus_targets):
            scene.set_focus_index(index)
            name = view_iface.text(QAccessible.Text.Name)
            description = view_iface.text(QAccessible.Text.Description)
            assert name.startswith(f"Body map: {info.title} — ")
            assert description
            assert description in name
            if target.kind == "region":
                assert info.regions[target.id].name in description
            elif target.kind == "arrow":
                assert f"Arrow {target.id} of " in description
            else:
                assert library.catalog.points[target.id].name in description
