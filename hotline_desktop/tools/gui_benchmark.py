"""`hotline-desktop benchmark-gui`: the queue as a dispatcher meets it, on a full database.

For each database URL given (load one first with ``hotline-desktop demo --tickets
1000000``), in fresh processes:

- cold start: from launching Python to a main window showing its first page, with the
  theme, the translations and the schema check (the sign-in dialog is left out: the
  time there is the user's typing);
- the queue's first page, a filter change, a search and a jump to the last row, each
  as the user waits for it (action to rows in the model, worker thread included) and
  as the app's query path (its SQL built, run and decoded) against the same SQL run
  bare in the same run;
- a repaint of the table with its rows, against a frame of 16 ms;
- the peak memory of the process after all of it.

Medians over repeated runs; the machine is shared and noisy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable

from .timing import Timings, measure, ratio, timed_result, times

TARGET_MS = 100.0
TARGET_RATIO = 2.0
TARGET_START_SECONDS = 2.0
TARGET_MEMORY_MB = 400.0
FRAME_MS = 16.0
SEARCH_TERMS = ("欠薪", "工伤认定", "塔吊司机")
FILTER_CATEGORIES = ("wages", "social_insurance", "work_injury", "platform_rights")
_READY = "ready"


def run_gui_benchmark(urls: list[str], username: str, runs: int) -> int:
    print(
        f"GUI benchmark, {runs} runs each, medians; targets on SQLite: first page, filter "
        f"and search ≤ {TARGET_MS:.0f} ms and ≤ {TARGET_RATIO:.0f}× the bare query, start "
        f"≤ {TARGET_START_SECONDS:.0f} s, peak memory ≤ {TARGET_MEMORY_MB:.0f} MB"
    )
    for url in urls:
        starts = Timings([_cold_start(url, username) for _ in range(runs)])
        figures = _child("queue", url, username, str(runs))
        _report(url, starts.p50, json.loads(figures))
    return 0


def _child_command(*arguments: str) -> list[str]:
    """This module, run in a fresh process (the code at its end)."""
    return [sys.executable, "-m", __name__, *arguments]


def _child_environment() -> dict[str, str]:
    """The offscreen platform, unless the caller's environment names another."""
    return {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}


def _child(*arguments: str) -> str:
    result = subprocess.run(
        _child_command(*arguments),
        capture_output=True,
        text=True,
        env=_child_environment(),
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"benchmark process failed:\n{result.stderr}")
    return result.stdout.strip().splitlines()[-1]


def _cold_start(url: str, username: str) -> float:
    def launch() -> tuple[subprocess.Popen, str]:
        process = subprocess.Popen(
            _child_command("start", url, username),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_child_environment(),
        )
        return process, process.stdout.readline().strip()

    (process, line), elapsed = timed_result(launch)
    process.wait()
    if line != _READY:
        raise RuntimeError(f"the window did not start:\n{process.stderr.read()}")
    return elapsed


def _report(url: str, start: float, figures: dict) -> None:
    print(f"\n{url}: {figures['tickets']:,} tickets")
    print(f"  cold start to a usable window  {start:6.2f} s")
    print(f"  {'':28} {'user waits':>11} {'query path':>11} {'bare SQL':>9} {'ratio':>6}")
    for name, figure in figures["operations"].items():
        print(
            f"  {name:28} {figure['waits']:8.1f} ms {figure['path']:8.2f} ms "
            f"{figure['bare']:6.2f} ms {times(ratio(figure['path'], figure['bare']), '5.1f')}"
        )
    print(f"  repaint of the table           {figures['paint']:6.1f} ms (a frame: {FRAME_MS} ms)")
    print(f"  peak memory                    {figures['memory_mb']:6.0f} MB")


# ---- the child processes ----


def _open_window(url: str, username: str):
    from PySide6.QtWidgets import QApplication

    from ..config import folders
    from ..services.accounts import actor_for
    from ..services.environment import open_environment
    from ..store.models import User
    from ..ui.common.i18n import install_translators
    from ..ui.shell.main_window import MainWindow
    from ..ui.shell.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    install_translators(app, "zh_CN")
    apply_theme(app, dark=False)
    env, _done = open_environment(url, folders.backup_dir(), create=False)
    actor = actor_for(User.get(User.username == username))
    window = MainWindow(env, actor, "zh_CN")
    window.resize(1400, 800)
    window.show()
    return app, env, actor, window


def _until(app, done: Callable[[], bool], timeout: float = 60.0) -> None:
    """Run the event loop, looking every millisecond, until ``done()``."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    deadline = time.perf_counter() + timeout
    loop = QEventLoop()
    timer = QTimer()

    def look() -> None:
        if done() or time.perf_counter() > deadline:
            loop.quit()

    timer.timeout.connect(look)
    timer.start(1)
    loop.exec()
    timer.stop()
    if not done():
        raise TimeoutError("the queue did not answer within a minute")


def _seconds_until(
    app, signal, action: Callable[[], object], arrived: Callable[[], bool] = lambda: True
) -> float:
    """From ``action()`` to the first emission of ``signal`` after which ``arrived()``."""
    moments: list[float] = []

    def note(*_arguments) -> None:
        if not moments and arrived():
            moments.append(time.perf_counter())

    signal.connect(note)
    began = time.perf_counter()
    action()
    _until(app, lambda: bool(moments))
    signal.disconnect(note)
    return moments[0] - began


def _start(url: str, username: str) -> None:
    app, _env, _actor, window = _open_window(url, username)
    model = window.queue.model
    _until(app, lambda: model.rowCount() > 0 or model.total() == 0)
    app.processEvents()
    print(_READY, flush=True)
    window.close()


def _queue(url: str, username: str, runs: int) -> None:
    import resource

    from ..services import queue as service
    from ..services.queue import QueueFilter, QueueOrder, SavedView

    app, env, actor, window = _open_window(url, username)
    page = window.queue
    model = page.model
    page.show_view(SavedView.ALL)
    _until(app, lambda: model.total() is not None and not model.is_loading())

    def first_page_of(apply: Callable[[], None]) -> Callable[[], float]:
        """From the user's action to the first page in the model; its painting is
        measured on its own."""

        def one() -> float:
            seconds = _seconds_until(app, model.first_page_arrived, apply)
            _until(app, lambda: model.total() is not None and not model.is_loading())
            return seconds

        return one

    def set_category(code: str) -> None:
        combo = page.category_combo
        combo.setCurrentIndex(combo.findData(env.reference.category_id(code)))

    def set_search(text: str) -> None:
        page.category_combo.setCurrentIndex(0)
        page.search_edit.setText(text)
        page.apply_filters()

    def jump_to_end() -> float:
        """Ctrl+End on a fresh list: the last page is not there yet."""
        model.reset()
        _until(app, lambda: model.total() is not None and not model.is_loading())
        last = model.rowCount() - 1
        return _seconds_until(
            app,
            model.dataChanged,
            page.table.scrollToBottom,
            lambda: model.ticket_id_at(last) is not None,
        )

    def bare(queue: QueueFilter, from_end: bool = False) -> Callable[[], object]:
        query = service.page_query(
            env, actor, queue, QueueOrder(), after=None, offset=0, from_end=from_end, limit=200
        )
        sql, params = query.sql()
        return lambda: env.db.execute_sql(sql, params).fetchall()

    def path(queue: QueueFilter, from_end: bool = False) -> Callable[[], object]:
        return lambda: service.queue_page(env, actor, queue, from_end=from_end)

    everything = QueueFilter(view=SavedView.ALL)
    categories = [
        QueueFilter(view=SavedView.ALL, category_id=env.reference.category_id(code))
        for code in FILTER_CATEGORIES
    ]
    searches = [QueueFilter(view=SavedView.ALL, text=term) for term in SEARCH_TERMS]
    operations = {
        "first page": (
            [first_page_of(model.reset)],
            [everything],
            False,
        ),
        "filter change (category)": (
            [first_page_of(lambda code=code: set_category(code)) for code in FILTER_CATEGORIES],
            categories,
            False,
        ),
        "search (欠薪 工伤认定 塔吊司机)": (
            [first_page_of(lambda term=term: set_search(term)) for term in SEARCH_TERMS],
            searches,
            False,
        ),
        "jump to the last row": ([jump_to_end], [everything], True),
    }
    figures = {}
    for name, (actions, queues, from_end) in operations.items():
        if name == "jump to the last row":
            set_search("")
            _until(app, lambda: model.total() is not None and not model.is_loading())
        waits = Timings([actions[run % len(actions)]() for run in range(runs)])
        paths = measure(*(path(queue, from_end) for queue in queues), runs=runs * 3)
        bares = measure(*(bare(queue, from_end) for queue in queues), runs=runs * 3)
        figures[name] = {
            "waits": waits.p50 * 1000,
            "path": paths.p50 * 1000,
            "bare": bares.p50 * 1000,
        }
    page.table.scrollTo(model.index(0, 0))
    _until(app, lambda: model.ticket_id_at(0) is not None)
    paint = measure(page.table.viewport().repaint, runs=runs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "tickets": service.queue_count(env, actor, everything),
                "operations": figures,
                "paint": paint.p50 * 1000,
                "memory_mb": peak,
            }
        )
    )
    window.close()


if __name__ == "__main__":
    mode, database, user, *rest = sys.argv[1:]
    if mode == "start":
        _start(database, user)
    else:
        _queue(database, user, int(rest[0]))
