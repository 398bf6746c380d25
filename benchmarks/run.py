"""FibroMap's performance benchmark: every figure of design.md §5 beside its budget, in one run.

    python benchmarks/run.py [--report] [--json OUT.json] [--quick] [--only start]

It measures, on this machine and in this run:

- floor: a bare PySide6 process that shows one empty window, paints once and quits
  (``benchmarks/bare_qt_window.py``), as a whole process, median of N runs;
- start: the ``fibromap`` command (``app.main.main``, what the desktop entry runs) with
  ``--exit-after-first-paint``, as a whole process (the real start,
  quitting once the first map is painted), median of N runs, and its ratio to the floor;
  the first run (cold geometry cache) is reported apart;
- click to card: a mouse click (QTest press + release on the map's viewport) on a random
  point inside a random region of every map, until the frame that shows the region's
  heading and cards has been painted (timers do not run meanwhile, so work the app
  schedules for after that frame is not counted in it, but it runs before the next
  click); after each map switch it waits for the app's idle work, as a user looks at a
  new map before clicking;
- frames: a full repaint of every map's view at 1920x1080 and 3840x2160 (antialiased), and
  stroke playback at 3840x2160 with its clock moved 1/60 s per frame (every frame has work;
  the frame that answers Play, which hides every arrow at once, is reported apart);
- search: each keystroke (QTest.keyClick into the Ctrl+F box) until the results are painted;
- loading every map, cold (SVG parsed, cache written) and from the cache;
- resident memory (VmRSS) of a FibroMap process with every map loaded and the window shown;
- the countdown's end error when the UI thread stalls for 2 s in the middle of a hold.

Timings on a shared machine are noisy: the start is a ratio to a floor measured in the
same run, with floor and app runs interleaved, and every figure is a median or a
percentile over many repetitions. It exits 1 if a budget is missed, unless --report
(print the table, exit 0: what CI uses). Settings, notes and the geometry cache live in
a temporary folder, never the user's. Takes about a minute (--quick: fewer repetitions).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FRAME_BUDGET_MS = 1000 / 60
QUERIES = [
    # names, prefixes and one-typo words, as people type them
    "petrissage",
    "petris",
    "trapezus",
    "thenar eminense",
    "ironing",
    "occipital",
    "greater trochanter",
    "knee",
    "tender point",
    "cross fiber",
    "cross-fibre friction",
    "connective tissue",
    "lubrication",
    "side lying",
    "prone",
    "exercise",
    "maintenance",
    "periosteal",
    "post isometric",
    "relaxation",
    "hip",
    "thigh",
    "shoulder",
    "forearm",
    "palmar",
    "dorsal hand",
    "cervical",
    "upper thoracic",
    "abdominal",
    "sub-scapular",
    "hand against hand",
    "back of the fingers",
    "thumb after thumb",
    "carotid",
    "trigger poimt",
    "myofascial",
    "fibromyositis",
    "ischemic compresion",
    "squeezing",
    "kneading",
]


@dataclass
class Figure:
    """One measured figure, its budget and whether it passed."""

    name: str
    value: float
    unit: str
    budget: str
    passed: bool | None  # None: reported only, no budget
    detail: str = ""


def percentile(values: list[float], q: float) -> float:
    """Return the q-th percentile (0..100) with linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


# --- processes ------------------------------------------------------------------------------


def child_env(home: Path) -> dict[str, str]:
    """The environment of every process measured: offscreen, a private home for Qt's folders."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    for var, sub in (("XDG_CACHE_HOME", "cache"), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data")):
        env[var] = str(home / sub)
    # An installed app has its bytecode compiled; from a checkout it is written at the first run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_process(args: list[str], env: dict[str, str]) -> float:
    """Run a process to its end and return its wall time in ms (fails loudly on an error)."""
    start = time.perf_counter()
    done = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed


FIBROMAP_COMMAND = "import sys; from app.main import main; sys.exit(main())"


def measure_start(runs: int, home: Path) -> tuple[list[Figure], dict[str, Any]]:
    """The floor and FibroMap's start, interleaved so both see the same machine."""
    env = child_env(home)
    floor_cmd = [sys.executable, str(ROOT / "benchmarks" / "bare_qt_window.py")]
    # What the installed ``fibromap`` command (and so the desktop entry) runs: app.main.main.
    app_cmd = [sys.executable, "-c", FIBROMAP_COMMAND, "--exit-after-first-paint"]
    cold = run_process(app_cmd, env)  # fills the geometry cache (and writes bytecode)
    run_process(floor_cmd, env)
    floors, starts = [], []
    for _ in range(runs):
        floors.append(run_process(floor_cmd, env))
        starts.append(run_process(app_cmd, env))
    floor, start = statistics.median(floors), statistics.median(starts)
    ratio = start / floor
    figures = [
        Figure("floor: bare Qt window, whole process", floor, "ms", "(reference)", None, f"median of {runs}"),
        Figure(
            "start to first map painted, whole process",
            start,
            "ms",
            "<= 2.0x floor",
            ratio <= 2.0,
            f"median of {runs}; {ratio:.2f}x the floor",
        ),
        Figure("start with a cold geometry cache (first run)", cold, "ms", "(reported)", None, "one run"),
    ]
    return figures, {"floor_ms": floors, "start_ms": starts, "cold_start_ms": cold, "ratio": ratio}


def measure_rss(home: Path) -> tuple[list[Figure], dict[str, Any]]:
    """Resident memory of a FibroMap process with every map loaded and the window shown (warm cache)."""
    env = child_env(home)
    probes = []
    # The first probe also fills the cache for every map's badges (the start runs show one map);
    # the second is a usual start of an app that has shown each map once before.
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--rss-child"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"memory probe failed:\n{done.stderr}")
        probes.append(float(done.stdout.strip().splitlines()[-1]))
    mb = probes[-1]
    return [
        Figure(
            "resident memory, every map loaded, window shown",
            mb,
            "MB",
            "<= 120 MB",
            mb <= 120,
            f"warm cache; {probes[0]:.0f} MB while first filling it",
        )
    ], {"rss_mb": mb, "rss_first_mb": probes[0]}


def rss_child() -> None:
    """(In a child process) start FibroMap as main() does, load everything, print VmRSS in MB."""
    from PySide6.QtWidgets import QApplication

    from app import APP_NAME
    from app.services import map_cache
    from app.services.library import load_library
    from app.ui.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    folder = map_cache.default_folder()
    cache = map_cache.GeometryCache(folder) if folder else None
    map_cache.install(cache)
    window = MainWindow(load_library(cache=cache))
    window.show()
    window.idle.run_all()
    for map_id in window.navigator.map_ids():
        window.show_map(map_id)
        app.processEvents()
    window.idle.run_all()
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            print(int(line.split()[1]) / 1024)  # noqa: T201
    window.close()


# --- in this process ------------------------------------------------------------------------


class PaintWatch:
    """Counts paint events of one widget (an event filter)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint

        class _Filter(QObject):
            def __init__(inner) -> None:  # noqa: N805
                super().__init__()
                inner.count = 0

            def eventFilter(inner, watched: QObject, event: QEvent) -> bool:  # noqa: N802, N805
                if event.type() == paint:
                    inner.count += 1
                return False

        self.filter = _Filter()

    def watch(self, widget: Any) -> None:
        """Count this widget's paints from now on."""
        widget.installEventFilter(self.filter)

    @property
    def count(self) -> int:
        """Paints seen so far."""
        return int(self.filter.count)


def process_until(done: Callable[[], bool], limit_s: float = 2.0, *, timers: bool = True) -> bool:
    """Process events until ``done()`` or the limit; returns whether it got done.

    With ``timers=False`` no timer fires meanwhile: work the app schedules for after a
    frame (on a timer) is not counted in that frame.
    """
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    flags = QEventLoop.ProcessEventsFlag.AllEvents
    if not timers:
        flags |= QEventLoop.ProcessEventsFlag.X11ExcludeTimers
    end = time.perf_counter() + limit_s
    while not done():
        QApplication.processEvents(flags)
        if time.perf_counter() > end:
            return False
    return True


def make_window(home: Path) -> Any:
    """A real main window, with the real library and cache, shown at 1440x900, idle work done."""
    from app.services import map_cache
    from app.services.library import load_library
    from app.services.user_data import UserDataStore
    from app.ui.main_window import MainWindow

    cache = map_cache.GeometryCache(home / "cache-inproc")
    map_cache.install(cache)
    window = MainWindow(load_library(cache=cache), store=UserDataStore(home / "notes"))
    window.resize(1440, 900)
    window.show()
    window.idle.run_all()
    process_until(lambda: False, 0.2)
    gc.freeze()  # as app.main does after the first paint: the start's objects are kept out of collections
    return window


def measure_clicks(window: Any, clicks: int, rng: random.Random) -> tuple[list[Figure], dict[str, Any]]:
    """Click random points of random regions of every map; time press to card panel painted."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLabel
    from shapely.geometry import Point

    maps = window.navigator.map_ids()
    per_map = -(-clicks // len(maps))
    times: list[float] = []
    per_map_p95: dict[str, float] = {}
    missed = 0
    for map_id in maps:
        window.show_map(map_id)
        # As a user looks at a new map before clicking it: the app's idle work (building the
        # cards this map's regions show) is done by then.
        process_until(lambda: window.idle.pending == 0, 5.0)
        process_until(lambda: False, 0.05)
        scene = window.scenes[map_id]
        body_map = scene.body_map
        view = window.view
        regions = list(body_map.regions.values())
        mine: list[float] = []
        last = ""
        while len(mine) < per_map:
            # Another region each time, as a user clicks (the same one again changes nothing).
            region = rng.choice([r for r in regions if r.id != last] or regions)
            x0, y0, x1, y1 = region.polygon.bounds
            for _ in range(200):
                x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
                if not region.polygon.contains(Point(x, y)):
                    continue
                pixel = view.mapFromScene(QPointF(x, y))
                back = view.mapToScene(pixel)
                # The pixel must land in this region and on no tender point (a point wins a click).
                if body_map.region_at(back.x(), back.y()) == region.id and not body_map.point_at(
                    back.x(), back.y()
                ):
                    break
            else:
                continue  # a sliver too thin to hit at this zoom: choose another region
            # The panel's heading names the region; it is painted in the same pass as the cards.
            # Every heading is watched (found before the press, out of the timing): the one
            # shown after the click may be another widget than the one shown before it.
            headings = window.cards.findChildren(QLabel, "PanelHeading")
            watch = PaintWatch()
            for heading in headings:
                watch.watch(heading)
            start = time.perf_counter()
            QTest.mouseClick(
                view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pixel
            )
            # Up to the frame that shows the card: what the app does after it on a timer
            # (the cards below the first screenful) is not part of it, but runs before the
            # next click, as it would while the user reads.
            painted = process_until(lambda w=watch: w.count > 0, timers=False)
            elapsed = (time.perf_counter() - start) * 1000
            process_until(lambda: False, 0.03)
            for heading in headings:
                heading.removeEventFilter(watch.filter)
            shown = [h.text() for h in headings if h.isVisible()]
            if not painted or shown != [window.library.catalog.maps[map_id].regions[region.id].name]:
                missed += 1
                continue
            mine.append(elapsed)
            last = region.id
        per_map_p95[map_id] = percentile(mine, 95)
        times += mine
    p50, p95 = percentile(times, 50), percentile(times, 95)
    worst = max(per_map_p95, key=lambda k: per_map_p95[k])
    return [
        Figure(
            "click to card painted, p50",
            p50,
            "ms",
            "(reported)",
            None,
            f"{len(times)} clicks, {len(maps)} maps",
        ),
        Figure(
            "click to card painted, p95",
            p95,
            "ms",
            "<= 16 ms",
            p95 <= 16,
            f"worst map {worst} p95 {per_map_p95[worst]:.1f} ms; {missed} clicks missed",
        ),
    ], {"click_ms": times, "click_p95_by_map": per_map_p95, "missed": missed}


def measure_frames(window: Any, repeats: int) -> tuple[list[Figure], dict[str, Any]]:
    """A full repaint of each map's view at 1080p and 4K, through the real BodyMapView."""
    from PySide6.QtWidgets import QApplication

    from app.ui.body_map_view import BodyMapView

    results: dict[str, dict[str, float]] = {}
    # A full 4K frame cannot be drawn faster than its 33 MB are copied: that copy is the frame's floor.
    frame_bytes = bytearray(3840 * 2160 * 4)
    copies = []
    for _ in range(repeats):
        start = time.perf_counter()
        bytes(frame_bytes)
        copies.append((time.perf_counter() - start) * 1000)
    copy_ms = statistics.median(copies)
    figures = [
        Figure("floor: copy one 3840x2160 frame (33 MB) in memory", copy_ms, "ms", "(reference)", None, "")
    ]
    for label, (w, h) in {"1920x1080": (1920, 1080), "3840x2160": (3840, 2160)}.items():
        view = BodyMapView()
        view.resize(w, h)
        view.show()
        QApplication.processEvents()
        medians = {}
        for map_id in window.navigator.map_ids():
            view.show_scene(window.scenes[map_id])
            QApplication.processEvents()
            view.viewport().repaint()  # the first paint fills caches; count the steady ones
            samples = []
            for _ in range(repeats):
                start = time.perf_counter()
                view.viewport().repaint()
                samples.append((time.perf_counter() - start) * 1000)
            medians[map_id] = statistics.median(samples)
        view.close()
        view.deleteLater()
        QApplication.processEvents()
        results[label] = medians
        worst = max(medians, key=lambda k: medians[k])
        budget = label == "3840x2160"
        figures.append(
            Figure(
                f"frame at {label}, worst map (median)",
                medians[worst],
                "ms",
                "<= 8 ms" if budget else "(reported)",
                medians[worst] <= 8 if budget else None,
                f"{worst}; {medians[worst] / copy_ms:.1f}x the copy; all maps: "
                + " ".join(f"{v:.1f}" for v in medians.values()),
            )
        )
    return figures, {"frame_ms": results, "copy_4k_ms": copy_ms}


def measure_playback(window: Any, frames_per_map: int) -> tuple[list[Figure], dict[str, Any]]:
    """Stroke playback at 4K: each frame moves the clock 1/60 s, then refresh and repaint."""
    from PySide6.QtWidgets import QApplication

    from app.model.clock import ManualClock
    from app.ui.body_map_view import BodyMapView
    from app.ui.stroke_playback_view import PlaybackOverlay
    from app.ui.theme import LIGHT

    view = BodyMapView()
    view.resize(3840, 2160)
    view.show()
    clock = ManualClock()
    overlay = PlaybackOverlay(None, LIGHT, clock)
    times: list[float] = []
    starts: list[float] = []
    for map_id in window.navigator.map_ids():
        scene = window.scenes[map_id]
        if not scene.body_map.arrows:
            continue  # nothing to play (the tender-point map)
        view.show_scene(scene)
        QApplication.processEvents()
        view.viewport().repaint()
        overlay.set_scene(scene)
        overlay.set_speed(2.0)  # more arrows per frame budget; each frame still has work
        # Pressing Play hides every arrow at once: a large repaint, reported on its own; the
        # dropped-frame budget is about the playing that follows.
        start = time.perf_counter()
        overlay.play()
        for _ in range(2):  # the scene's change is queued, then its repaint
            QApplication.processEvents()
        starts.append((time.perf_counter() - start) * 1000)
        for _ in range(frames_per_map):
            clock.advance(1 / 60)
            start = time.perf_counter()
            overlay.refresh()
            QApplication.processEvents()  # the partial repaint of what moved
            times.append((time.perf_counter() - start) * 1000)
        overlay.stop()
        QApplication.processEvents()
    view.close()
    p50, p99 = percentile(times, 50), percentile(times, 99)
    dropped = sum(t > FRAME_BUDGET_MS for t in times)
    return [
        Figure("playback frame at 3840x2160, p50", p50, "ms", "(reported)", None, f"{len(times)} frames"),
        Figure("playback frame at 3840x2160, p99", p99, "ms", "(reported)", None, ""),
        Figure(
            "playback start (Play pressed to its frame), worst",
            max(starts),
            "ms",
            "(reported)",
            None,
            f"{len(starts)} maps at 3840x2160",
        ),
        Figure(
            "playback dropped frames at 60 fps",
            dropped,
            "frames",
            "0",
            dropped == 0,
            f"frames over {FRAME_BUDGET_MS:.1f} ms of {len(times)}; max {max(times):.1f} ms",
        ),
    ], {"playback_ms": times, "playback_start_ms": starts, "dropped": dropped}


def measure_search(window: Any, queries: list[str]) -> tuple[list[Figure], dict[str, Any]]:
    """Type each query into the Ctrl+F box key by key; time each key to the results painted."""
    from PySide6.QtTest import QTest

    search = window.search
    search.popup_over(window)
    process_until(lambda: False, 0.1)
    times: list[float] = []
    watch = PaintWatch()
    watch.watch(search.results.viewport())
    watch.watch(search.status)
    for query in queries:
        search.edit.clear()
        process_until(lambda: False, 0.01)
        for char in query:
            before = watch.count
            start = time.perf_counter()
            QTest.keyClick(search.edit, char)
            # Results that did not change need no paint: then the drained queue is the end.
            process_until(lambda b=before: watch.count > b, 0.2)
            times.append((time.perf_counter() - start) * 1000)
    search.close()
    p95 = percentile(times, 95)
    return [
        Figure(
            "search keystroke to results painted, p95",
            p95,
            "ms",
            "<= 50 ms",
            p95 <= 50,
            f"{len(times)} keystrokes over {len(queries)} queries; p50 {percentile(times, 50):.1f} ms",
        )
    ], {"search_ms": times}


def measure_loading(home: Path, repeats: int) -> tuple[list[Figure], dict[str, Any]]:
    """Each map cold (parsed, cache written) and from the cache; ms per map, median."""
    from app.services import resources
    from app.services.library import load_library
    from app.services.map_cache import GeometryCache

    catalog = load_library().catalog
    cold: dict[str, float] = {}
    warm: dict[str, float] = {}
    for info in catalog.maps.values():
        path = resources.map_file(info.file)
        cold_samples, warm_samples = [], []
        for k in range(repeats):
            cache = GeometryCache(home / f"load-{info.id}-{k}")
            start = time.perf_counter()
            cache.load_map(path)
            cold_samples.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            cache.load_map(path)
            warm_samples.append((time.perf_counter() - start) * 1000)
        cold[info.id] = statistics.median(cold_samples)
        warm[info.id] = statistics.median(warm_samples)
    return [
        Figure(
            "load a map, cold (parse SVG, write cache), worst",
            max(cold.values()),
            "ms",
            "(reported)",
            None,
            " ".join(f"{k}:{v:.0f}" for k, v in cold.items()),
        ),
        Figure(
            "load a map from the cache, worst",
            max(warm.values()),
            "ms",
            "(reported)",
            None,
            f"all {len(warm)} maps: {sum(warm.values()):.1f} ms",
        ),
    ], {"load_cold_ms": cold, "load_cached_ms": warm}


def measure_countdown(runs: int) -> tuple[list[Figure], dict[str, Any]]:
    """A 4 s hold in the real TimerPanel on the real clock; the UI thread sleeps 2 s from 1 s in."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.theme import LIGHT
    from app.ui.timer_panel import TimerPanel

    def one_run() -> float:
        panel = TimerPanel(LIGHT, time.monotonic)
        panel.get_ready.setChecked(False)
        panel.sound.setChecked(False)
        panel.open_hold("benchmark hold", 4)
        panel.show()
        ends: list[float] = []
        panel.countdown.cue.connect(lambda kind: ends.append(time.monotonic()) if kind == "end" else None)
        QTimer.singleShot(1000, lambda: time.sleep(2.0))  # the stall, on the UI thread
        panel.toggle()
        deadline = time.monotonic() + 4.0
        process_until(lambda: bool(ends), 8.0)
        finished = panel.countdown.countdown.finished_at
        if finished is not None:
            deadline = finished  # the model's own deadline, set when it started
        panel.close_panel()
        panel.deleteLater()
        QApplication.processEvents()
        return abs(ends[0] - deadline) * 1000 if ends else float("inf")

    errors = [one_run() for _ in range(runs)]
    # The median: one run that another process delays says more about the machine than the app.
    typical = statistics.median(errors)
    return [
        Figure(
            "countdown end error after a 2 s UI stall, median",
            typical,
            "ms",
            "<= 60 ms",
            typical <= 60,
            f"{runs} run(s): " + " ".join(f"{e:.1f}" for e in errors),
        )
    ], {"countdown_error_ms": errors}


# --- the run ------------------------------------------------------------------------------


def print_table(figures: list[Figure]) -> None:
    """Print the figures, their budgets and pass/fail."""
    width = max(len(f.name) for f in figures)
    print(f"{'figure':<{width}}  {'value':>10}  {'budget':<14}  result  detail")  # noqa: T201
    for f in figures:
        result = "-" if f.passed is None else ("PASS" if f.passed else "FAIL")
        value = f"{f.value:.1f} {f.unit}" if f.unit != "frames" else f"{int(f.value)} {f.unit}"
        print(f"{f.name:<{width}}  {value:>10}  {f.budget:<14}  {result:<6}  {f.detail}")  # noqa: T201


def main(argv: list[str] | None = None) -> int:
    """Run every measurement, print the table, write JSON; 1 if a budget is missed (not with --report)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--report", action="store_true", help="print the table and exit 0 whatever it says")
    parser.add_argument("--json", type=Path, help="write every figure and sample to this file")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (below the issue's counts)")
    parser.add_argument("--seed", type=int, default=9, help="random seed for the click points")
    parser.add_argument(
        "--only", choices=["start"], help="measure only this figure (start: the floor and the start)"
    )
    parser.add_argument("--rss-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.rss_child:
        rss_child()
        return 0

    runs, clicks, repeats, playback_frames, countdowns = (
        (5, 90, 5, 60, 1) if args.quick else (10, 216, 15, 240, 3)
    )
    home = Path(tempfile.mkdtemp(prefix="fibromap-bench-"))
    env = child_env(home / "inproc")
    for var in ("QT_QPA_PLATFORM", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        os.environ[var] = env[var]
    started = time.perf_counter()
    figures: list[Figure] = []
    raw: dict[str, Any] = {}
    try:

        def add(result: tuple[list[Figure], dict[str, Any]]) -> None:
            figures.extend(result[0])
            raw.update(result[1])

        add(measure_start(runs, home / "start"))
        if args.only == "start":
            return _finish(args, figures, raw, started)
        add(measure_rss(home / "start"))  # the cache the start runs filled: a usual (warm) start
        add(measure_loading(home / "loading", 3))

        from PySide6.QtWidgets import QApplication

        app = QApplication([sys.argv[0]])
        app.setApplicationName("FibroMap")
        app.setOrganizationName("FibroMap")
        window = make_window(home / "window")
        add(measure_clicks(window, clicks, random.Random(args.seed)))
        add(measure_search(window, QUERIES))
        add(measure_frames(window, repeats))
        add(measure_playback(window, playback_frames))
        add(measure_countdown(countdowns))
        window.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return _finish(args, figures, raw, started)


def _finish(args: argparse.Namespace, figures: list[Figure], raw: dict[str, Any], started: float) -> int:
    """Print the table, write the JSON; 1 if a budget is missed (not with --report)."""
    elapsed = time.perf_counter() - started
    print_table(figures)
    failed = [f.name for f in figures if f.passed is False]
    print(  # noqa: T201
        f"\n{len(figures)} figures in {elapsed:.0f} s; "
        + (f"{len(failed)} over budget: {', '.join(failed)}" if failed else "every budget met")
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": {"cpus": os.cpu_count(), "load": os.getloadavg(), "python": sys.version},
                    "quick": args.quick,
                    "only": args.only,
                    "seconds": elapsed,
                    "figures": [asdict(f) for f in figures],
                    "samples": raw,
                },
                indent=1,
            )
        )
    return 0 if args.report or not failed else 1


if __name__ == "__main__":
    sys.exit(main())
