"""Test doubles for the timer's side effects: sounds and the screensaver."""

from app.services.screensaver import ScreenSaverInhibitor
from app.ui.cue_player import CuePlayer


class RecordingPlayer(CuePlayer):
    """A silent player that remembers what it was asked to play."""

    def __init__(self) -> None:
        super().__init__(enabled=False)
        self.played: list[str] = []

    def play(self, name: str) -> None:
        self.played.append(name)


class RecordingInhibitor(ScreenSaverInhibitor):
    """An inhibitor that only records: True for inhibit, False for release."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[bool] = []

    def inhibit(self, reason: str) -> None:
        assert reason
        self.calls.append(True)

    def release(self) -> None:
        self.calls.append(False)
