"""One change channel: a workstation's own write refreshes its pages once, the echo of
the write (PostgreSQL's notification, or the ids a poll sees grown) joining it."""

from __future__ import annotations

from dataclasses import asdict

from hotline_desktop.services.queue import SavedView
from hotline_desktop.store.models import Ticket
from hotline_desktop.ui.shell.change_watch import POLL_INTERVAL_MS, SETTLE_MS
from hotline_desktop.ui.shell.main_window import MainWindow
from tests.calls import wage_call


def test_a_call_saved_here_refreshes_the_queue_once(qtbot, env, staff, ui_settings):
    window = MainWindow(env, staff.dispatcher, "en", ui_settings)
    qtbot.addWidget(window)
    window.show()
    queue, form = window.queue, window.intake
    queue.show_view(SavedView.ALL)
    qtbot.waitUntil(lambda: form.is_ready() and queue.model.total() == 0)
    qtbot.wait(POLL_INTERVAL_MS + SETTLE_MS)  # the watch has its baseline
    refreshes = []
    real = queue.refresh
    queue.refresh = lambda: (refreshes.append(1), real())

    call = asdict(wage_call())
    form.fill({key: value for key, value in call.items() if not key.startswith("risks")})
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save(create_ticket=True)
    qtbot.waitUntil(lambda: queue.model.total() == 1, timeout=5000)
    # Two polls and a settle later, nothing more came of the one write.
    qtbot.wait(2 * POLL_INTERVAL_MS + SETTLE_MS)
    assert refreshes == [1]
    assert Ticket.select().count() == 1
    window.close()
