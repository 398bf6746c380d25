"""The screensaver inhibitor: quiet without a bus; Inhibit, then disconnect, on a private bus."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusServiceWatcher, QDBusVirtualObject

from app.services.screensaver import PATH, SERVICE, ScreenSaverInhibitor


def test_without_a_session_bus_nothing_happens(qapp, qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    inhibitor = ScreenSaverInhibitor()
    inhibitor.inhibit("A massage timer is running")
    assert not inhibitor.requested
    assert not inhibitor.active
    inhibitor.release()
    inhibitor.release()


def test_an_unreachable_address_is_quiet(qapp):
    inhibitor = ScreenSaverInhibitor(bus_address="unix:path=/nonexistent/fibromap-bus")
    inhibitor.inhibit("x")
    inhibitor.release()
    assert not inhibitor.requested


@pytest.fixture
def private_bus():
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


class FakeScreenSaver(QDBusVirtualObject):
    """Answers Inhibit with a cookie and remembers the calls."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, str, list, str]] = []

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        self.calls.append((message.member(), message.signature(), message.arguments(), message.service()))
        reply = message.createReply()
        if message.member() == "Inhibit":
            reply.setArguments([41])
        connection.send(reply)
        return True

    def introspect(self, path: str) -> str:
        return ""


def test_a_bus_without_the_service_is_quiet(qtbot, private_bus):
    inhibitor = ScreenSaverInhibitor(bus_address=private_bus)
    inhibitor.inhibit("x")
    assert inhibitor.requested
    qtbot.waitUntil(lambda: not inhibitor.pending, timeout=5000)  # an error reply, ignored
    assert not inhibitor.active
    inhibitor.release()
    assert not inhibitor.requested


def test_inhibit_once_and_release_by_disconnecting(qtbot, private_bus):
    service_bus = QDBusConnection.connectToBus(private_bus, "fake-screensaver")
    fake = FakeScreenSaver()
    assert service_bus.registerVirtualObject(PATH, fake)
    assert service_bus.registerService(SERVICE)
    try:
        inhibitor = ScreenSaverInhibitor("FibroMap", bus_address=private_bus)
        with qtbot.waitSignal(inhibitor.changed, timeout=5000) as blocker:
            inhibitor.inhibit("A massage timer is running")
            inhibitor.inhibit("again")  # idempotent
        assert blocker.args == [True]
        assert inhibitor.active
        assert [c[:3] for c in fake.calls] == [("Inhibit", "ss", ["FibroMap", "A massage timer is running"])]
        client = fake.calls[0][3]
        gone: list[str] = []
        watcher = QDBusServiceWatcher(
            client, service_bus, QDBusServiceWatcher.WatchModeFlag.WatchForUnregistration
        )
        watcher.serviceUnregistered.connect(gone.append)
        with qtbot.waitSignal(inhibitor.changed, timeout=5000) as blocker:
            inhibitor.release()
        assert blocker.args == [False]
        qtbot.waitUntil(lambda: gone == [client], timeout=5000)
        inhibitor.release()
        assert not inhibitor.requested
    finally:
        QDBusConnection.disconnectFromBus("fake-screensaver")


def test_release_before_the_reply_leaves_nothing_held(qtbot, private_bus):
    service_bus = QDBusConnection.connectToBus(private_bus, "fake-screensaver-2")
    fake = FakeScreenSaver()
    service_bus.registerVirtualObject(PATH, fake)
    service_bus.registerService(SERVICE)
    try:
        inhibitor = ScreenSaverInhibitor(bus_address=private_bus)
        inhibitor.inhibit("x")
        inhibitor.release()
        assert not inhibitor.pending
        qtbot.wait(100)  # let the call (if it left before the connection closed) and any reply arrive
        assert not inhibitor.active
        for *_, client in fake.calls:  # whoever asked has gone, so the inhibition has ended
            assert not service_bus.interface().isServiceRegistered(client).value()
        assert not inhibitor.requested
    finally:
        QDBusConnection.disconnectFromBus("fake-screensaver-2")
