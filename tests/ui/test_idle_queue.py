"""Idle work runs one job per turn of the event loop, and only once the queue has begun."""

from app.ui.scene_shelf import IdleQueue


def test_jobs_wait_for_start_then_later_jobs_run_on_their_own(qtbot):
    queue = IdleQueue()
    ran: list[str] = []
    queue.add(lambda: ran.append("first"))
    qtbot.wait(20)
    assert ran == []  # before the first paint, nothing runs
    queue.start()
    qtbot.waitUntil(lambda: ran == ["first"], timeout=1000)
    queue.add(lambda: ran.append("later"))  # e.g. a map's cards, queued when it is shown
    qtbot.waitUntil(lambda: ran == ["first", "later"], timeout=1000)
    assert queue.pending == 0


def test_cancel_stops_jobs_queued_afterwards_too(qtbot):
    queue = IdleQueue()
    ran: list[str] = []
    queue.start()
    queue.cancel()
    queue.add(lambda: ran.append("late"))
    qtbot.wait(20)
    assert ran == []
    assert queue.pending == 1
