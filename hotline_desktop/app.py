"""Composition root: settings, database, translations, theme, main window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from . import settings
from .domain.errors import HotlineError

log = logging.getLogger(__name__)

DEMO_TICKETS = 3_000


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="hotline-desktop-gui", description="12351 Hotline Desk")
    parser.add_argument("--database", metavar="URL", default=None)
    parser.add_argument(
        "--demo",
        action="store_true",
        help=f"load about {DEMO_TICKETS:,} demo tickets first if the database has none",
    )
    parser.add_argument(
        "--language",
        choices=("zh_CN", "en"),
        default=None,
        help="this time only (default: the language chosen in Preferences, else zh_CN)",
    )
    return parser.parse_args(argv)


def _prepare_database(args: argparse.Namespace):
    from .services.environment import open_environment
    from .services.reference import install_reference_data
    from .store.models import Ticket

    url = args.database or settings.default_database_url()
    env, done = open_environment(url, settings.backup_dir())
    log.info(done)
    install_reference_data(env)
    if args.demo and not Ticket.select().exists():
        from .demo.fresh_calls import load_demo

        load_demo(env, DEMO_TICKETS)
    return env


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = parse_arguments(sys.argv[1:] if argv is None else argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .i18n import install_translators
    from .ui.shell.preferences import Preferences

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(settings.APP_NAME)
    app.setOrganizationName("12351")
    preferences = Preferences.read(QSettings())
    language = args.language or preferences.language
    install_translators(app, language)
    try:
        env = _prepare_database(args)
    except HotlineError as error:
        log.error("%s", error)
        QMessageBox.critical(
            None,
            app.translate("app", "12351 Hotline Desk"),
            app.translate("app", "The database cannot be opened:\n%1").replace("%1", str(error)),
        )
        return 1

    from .ui.shell.main_window import MainWindow
    from .ui.shell.sign_in_dialog import SignInDialog
    from .ui.shell.theme import apply_theme

    apply_theme(app, dark=preferences.dark)
    sign_in = SignInDialog(env)
    if sign_in.exec() != SignInDialog.Accepted:
        sign_in.wait_for_workers()
        env.close()
        return 0
    window = MainWindow(env, sign_in.actor, language)
    window.show()
    try:
        return app.exec()
    finally:
        env.close()
