"""Keep the screen from blanking while a timer runs (org.freedesktop.ScreenSaver over D-Bus).

Each inhibition opens its own connection to the session bus and calls
``Inhibit(application_name, reason)`` on it, without waiting for the reply.
:meth:`ScreenSaverInhibitor.release` closes that connection. The Idle
Inhibition spec says inhibition stops "when the UnInhibit method is called,
or the application disconnects from the D-Bus session bus"; closing is used
because PySide6 cannot send the ``uint32`` cookie ``UnInhibit`` expects (a
Python int goes out as ``int32``, and ``QDBusArgument << int`` as ``uint16``),
and a wrongly typed ``UnInhibit`` is refused by GNOME's and KDE's services.

Where QtDBus, the session bus or the service is missing, nothing happens and
nothing is printed: the screen may blank, the timer still runs.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusPendingCallWatcher

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"
_names = itertools.count(1)


class ScreenSaverInhibitor(QObject):
    """Asks the desktop not to blank the screen; idempotent and quiet where it cannot.

    Args:
        app_name: the application name the desktop shows for the inhibition.
        bus_address: a D-Bus address to use instead of the session bus (tests).
        parent: the owning QObject.

    Signals:
        changed(bool): the desktop confirmed an inhibition (True) or it ended (False).
    """

    changed = Signal(bool)

    def __init__(
        self, app_name: str = "FibroMap", bus_address: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._app_name = app_name
        self._bus_address = bus_address
        self._connection_name: str | None = None
        self._watcher: QDBusPendingCallWatcher | None = None
        self._cookie: int | None = None

    @property
    def requested(self) -> bool:
        """Whether an inhibition is held or on its way (between inhibit and release)."""
        return self._connection_name is not None

    @property
    def pending(self) -> bool:
        """Whether the desktop's answer to the request is still awaited."""
        return self._watcher is not None

    @property
    def active(self) -> bool:
        """Whether the desktop has confirmed the inhibition."""
        return self._cookie is not None

    def inhibit(self, reason: str) -> None:
        """Ask the desktop not to blank the screen; nothing if already asked.

        Args:
            reason: why, in the user's language (the desktop may show it).
        """
        if self._connection_name is not None:
            return
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher
        except ImportError:  # a PySide6 build without QtDBus (Windows, macOS)
            return
        name = f"fibromap-screensaver-{id(self):x}-{next(_names)}"
        if self._bus_address is None:
            bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)
        else:
            bus = QDBusConnection.connectToBus(self._bus_address, name)
        if not bus.isConnected():
            QDBusConnection.disconnectFromBus(name)
            return
        self._connection_name = name
        message = QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "Inhibit")
        message.setArguments([self._app_name, reason])
        self._watcher = QDBusPendingCallWatcher(bus.asyncCall(message), self)
        self._watcher.finished.connect(self._replied)

    def release(self) -> None:
        """Let the screen blank again; nothing if not inhibiting."""
        name, self._connection_name = self._connection_name, None
        if name is None:
            return
        if self._watcher is not None:
            self._watcher.finished.disconnect(self._replied)
            self._watcher.deleteLater()
            self._watcher = None
        from PySide6.QtDBus import QDBusConnection

        QDBusConnection.disconnectFromBus(name)
        if self._cookie is not None:
            self._cookie = None
            self.changed.emit(False)

    def _replied(self, watcher: QDBusPendingCallWatcher) -> None:
        from PySide6.QtDBus import QDBusConnection, QDBusMessage

        self._watcher = None
        watcher.deleteLater()
        reply = watcher.reply()
        arguments = reply.arguments()
        if reply.type() is QDBusMessage.MessageType.ReplyMessage and arguments:
            self._cookie = int(arguments[0])
            self.changed.emit(True)
        elif self._connection_name is not None:
            # No such service here: close now; release() still ends the request.
            QDBusConnection.disconnectFromBus(self._connection_name)
