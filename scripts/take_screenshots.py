"""Take the README's screenshots again: the call intake, the queue, a ticket, a dispatch,
the alert centre and the risk rules.

    .venv/bin/python scripts/take_screenshots.py [--out docs/screenshots]

Builds a fresh demo database in a temporary folder with a fixed clock, so that the
pictures change only when the app does, then drives the real windows offscreen in
Chinese (or, with ``--language en``, in English), as a dispatcher sees them. Chinese
text needs a CJK font (``apt-get install fonts-noto-cjk`` on Debian).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from peewee import fn  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from hotline_desktop.config import folders  # noqa: E402
from hotline_desktop.demo.fresh_calls import load_demo  # noqa: E402
from hotline_desktop.domain.risk_rules import RiskKind  # noqa: E402
from hotline_desktop.domain.workflow import Step  # noqa: E402
from hotline_desktop.services.accounts import actor_for  # noqa: E402
from hotline_desktop.services.environment import open_environment  # noqa: E402
from hotline_desktop.services.queue import SavedView  # noqa: E402
from hotline_desktop.services.reference import install_reference_data  # noqa: E402
from hotline_desktop.store.models import Call, Caller, Ticket, TicketEvent, User  # noqa: E402
from hotline_desktop.ui.alerts.risk_rules_dialog import RiskRulesDialog  # noqa: E402
from hotline_desktop.ui.common.context import WindowContext  # noqa: E402
from hotline_desktop.ui.common.i18n import install_translators  # noqa: E402
from hotline_desktop.ui.shell.main_window import MainWindow  # noqa: E402
from hotline_desktop.ui.shell.theme import apply_theme  # noqa: E402

# A Friday morning: the morning's calls wait for dispatch, the week's tickets are open.
NOW = datetime(2026, 11, 27, 10, 30)
SIZE = (1440, 860)
DEMO_TICKETS = 3_000


def wait(app: QApplication, done: Callable[[], bool] = lambda: False, seconds: float = 10) -> None:
    """Let the window work (workers, repaints) until ``done()``, at most ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not done():
        app.processEvents()
        time.sleep(0.02)
    for _ in range(10):  # the last repaints
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--language", choices=("zh_CN", "en"), default="zh_CN")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="hotline-screenshots-"))
    # Drafts, settings and theme icons stay in the temporary folder.
    folders.data_dir = lambda: folder / "data"

    env, _done = open_environment(f"sqlite:///{folder / 'demo.db'}", folder, clock=lambda: NOW)
    install_reference_data(env)
    load_demo(env, DEMO_TICKETS)

    app = QApplication(sys.argv[:1])
    if not any("CJK" in family for family in QFontDatabase.families()):
        print("no CJK font installed: Chinese will show as boxes (apt-get install fonts-noto-cjk)")
    install_translators(app, args.language)
    apply_theme(app, dark=False)
    dispatcher = actor_for(User.get(User.username == "dispatcher"))
    window = MainWindow(
        env, dispatcher, args.language, QSettings(str(folder / "ui.ini"), QSettings.IniFormat)
    )
    window.resize(*SIZE)
    window.show()

    queue = window.queue
    queue.show_view(SavedView.ALL)
    wait(app, lambda: queue.model.total() is not None and not queue.model.is_loading())
    queue.table.selectRow(2)
    wait(app, seconds=0.3)
    window.grab().save(str(args.out / "queue.png"))

    take_intake(app, window, args.out)
    take_ticket(app, window, args.out)
    take_dispatch(app, window, args.out)
    take_alerts(app, window, args.out)
    take_rules(app, window, args.out)
    window.close()
    env.close()
    print(f"screenshots in {args.out}")
    return 0


def take_intake(app: QApplication, window: MainWindow, out: Path) -> None:
    """A repeat caller: the history panel fills when the phone field is left."""
    caller = (
        Caller.select(Caller)
        .join(Call)
        .group_by(Caller.id)
        .order_by(Caller.id.desc())
        .having(fn.COUNT(Call.id) >= 3)
        .first()
    )
    form = window.intake
    window.show_page(form)
    wait(app, form.is_ready)
    form.fill(
        {
            "phone": caller.phone,
            "caller_name": caller.name,
            "employer_name": "陕西秦岭建设工程有限公司",
            "region_code": "xa-yanta",
            "industry_code": "construction",
            "employment_form_code": "migrant",
            "kind": "request",
            "category_code": "wages",
            "headcount": 13,
            "amount": "600000",
            "description": (
                "我和工友共13人在西安市雁塔区某工地从事木工工作，项目完工已两个月，"
                "被拖欠工资60余万元，多次找项目部索要未果，希望工会帮助协调。"
            ),
            "urgency": "urgent",
        }
    )
    form.employer.setFocus()  # leaving the phone field looks the caller up
    found = lambda: form.assistant.suggestions and form.assistant.suggestions.category  # noqa: E731
    wait(app, lambda: form.history.notice.isVisible() and found())
    window.grab().save(str(out / "intake.png"))


def take_ticket(app: QApplication, window: MainWindow, out: Path) -> None:
    """A ticket with a long history: dispatched, signed, worked on, money recovered."""
    busiest = (
        Ticket.select(Ticket.id)
        .join(TicketEvent)
        .where(Ticket.recovered_total > 0)
        .group_by(Ticket.id)
        .order_by(fn.COUNT(TicketEvent.id).desc(), Ticket.id.desc())
        .first()
    )
    window.open_ticket(busiest.id)
    view = window.ticket_view
    wait(app, lambda: view.detail is not None and not view.is_loading())
    window.grab().save(str(out / "ticket.png"))


def take_dispatch(app: QApplication, window: MainWindow, out: Path) -> None:
    """The dispatch dialog, the org tree filtered as the dispatcher types."""
    waiting = Ticket.select(Ticket.id).where(Ticket.status == "new").order_by(Ticket.id).first()
    window.open_ticket(waiting.id)
    view = window.ticket_view
    wait(app, lambda: view.detail is not None and view.detail.id == waiting.id)
    dialog = view.open_step(Step.DISPATCH)
    dialog.tree.filter.insert("西安")
    wait(app, seconds=0.3)
    dialog.grab().save(str(out / "dispatch.png"))
    dialog.reject()


def take_alerts(app: QApplication, window: MainWindow, out: Path) -> None:
    """The alert centre after the first sweep, a 1155 alert chosen."""
    centre = window.alerts
    window.show_page(centre)
    wait(app, lambda: not window.sweeper._sweeping, seconds=30)
    centre.refresh()
    wait(app, lambda: not centre._refreshing and centre.table.rowCount() > 0)
    risky = [index for index, row in enumerate(centre.rows) if isinstance(row.kind, RiskKind)]
    centre.table.selectRow(risky[0] if risky else 0)
    wait(app, lambda: centre.detail is not None and centre.detail.row.id == centre.chosen_id())
    window.grab().save(str(out / "alerts.png"))


def take_rules(app: QApplication, window: MainWindow, out: Path) -> None:
    """The admin's editor of the risk rules, on the 危 tab."""
    admin = actor_for(User.get(User.username == "admin"))
    context = WindowContext(window.env, admin, window.tasks, window.language)
    dialog = RiskRulesDialog(context, window)
    dialog.resize(900, 650)
    dialog.show()
    wait(app, lambda: dialog.rules is not None)
    dialog.grab().save(str(out / "risk_rules.png"))
    dialog.reject()


if __name__ == "__main__":
    sys.exit(main())
