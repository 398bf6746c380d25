"""Timer tests drive the app's manual clock: time moves only when a test says so."""

from app.model.clock import ManualClock as FakeClock

__all__ = ["FakeClock"]
