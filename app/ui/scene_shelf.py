"""The scenes of the maps, each built the first time it is needed, and work kept for idle time.

Building a map's scene (its items, its badge places) takes a few to tens of
milliseconds; building all of them before the first paint made the start slow.
:class:`SceneShelf` is a mapping from map id to scene that builds a scene when
it is first looked up. :class:`IdleQueue` runs small jobs one at a time when
the event loop is idle (thumbnails, the search index, the hit-test geometry),
so the window is painted first and every job stays a short handler.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.model.lazy_shelf import LazyShelf
from app.ui.body_map_scene import BodyMapScene


class SceneShelf(LazyShelf[BodyMapScene]):
    """Map id -> scene, in content order; a scene is built on first lookup.

    Looking up, iterating over values or items builds what it touches; use
    :meth:`built` for the scenes that exist already (e.g. to restyle them).

    Args:
        ids: the usable maps, in content order.
        build: makes the scene of one map.
    """

    def built(self) -> dict[str, BodyMapScene]:
        """Return the scenes built so far (building none)."""
        return self.made()


class IdleQueue(QObject):
    """Runs queued jobs one per turn of the event loop, after the events waiting then.

    Args:
        parent: the owner; the jobs stop with it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: deque[Callable[[], object]] = deque()
        self._begun = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_one)

    def add(self, job: Callable[[], object], first: bool = False) -> None:
        """Queue a job after the others (before them all if ``first``); at once in idle time if begun."""
        if first:
            self._jobs.appendleft(job)
        else:
            self._jobs.append(job)
        if self._begun and not self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        """Begin running the queued jobs (again), and those queued from now on."""
        self._begun = True
        if self._jobs:
            self._timer.start()

    def run_all(self) -> None:
        """Run every queued job now (screenshots and benchmarks want the finished state)."""
        while self._jobs:
            self._jobs.popleft()()
        self._timer.stop()

    def cancel(self) -> None:
        """Drop every queued job, and run none queued later (the process is about to quit)."""
        self._begun = False
        self._jobs.clear()
        self._timer.stop()

    @property
    def begun(self) -> bool:
        """Whether the jobs have begun to run (the window's first paint is done)."""
        return self._begun

    @property
    def pending(self) -> int:
        """The number of jobs still queued."""
        return len(self._jobs)

    def _run_one(self) -> None:
        if self._jobs:
            self._jobs.popleft()()
        if not self._jobs:
            self._timer.stop()
