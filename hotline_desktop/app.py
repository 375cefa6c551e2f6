"""Composition root: settings, database, translations, theme, main window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from collections.abc import Sequence
from pathlib import Path

from .config import folders

log = logging.getLogger(__name__)

DEMO_TICKETS = 3_000
LOG_FILE_BYTES = 1_000_000
LOG_FILES_KEPT = 5


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

    url = args.database or folders.default_database_url()
    env, done = open_environment(url, folders.backup_dir())
    log.info(done)
    install_reference_data(env)
    if args.demo and not Ticket.select().exists():
        from .demo.fresh_calls import load_demo

        load_demo(env, DEMO_TICKETS)
    return env


def log_to_file(folder: Path) -> Path | None:
    """Everything the app logs, in a rotated file of the user's log folder: a bug's
    traceback waits there for whoever maintains the installation."""
    path = folder / "hotline_desktop.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILES_KEPT, encoding="utf-8"
        )
    except OSError as error:
        log.warning("not logging to %s: %s", path, error)  # stderr still has it
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    log_to_file(folders.log_dir())
    args = parse_arguments(sys.argv[1:] if argv is None else argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from .domain.language import Language
    from .store.failures import known_error
    from .ui.common.failures import show_failure, show_unexpected, understand
    from .ui.common.i18n import install_translators
    from .ui.shell.preferences import Preferences

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(folders.APP_NAME)
    app.setOrganizationName("12351")
    preferences = Preferences.read(QSettings())
    language = Language.of(args.language or preferences.language)
    install_translators(app, language)
    # A bug in a slot or an event handler is shown and logged, never a silent end.
    sys.excepthook = lambda _kind, error, _traceback: show_unexpected(error, language)
    try:
        env = _prepare_database(args)
    except Exception as error:  # noqa: BLE001 - every failure to open is said, bugs too
        failure = understand(known_error(error), language)
        log.warning("the database cannot be opened: %s", error)
        text = app.translate("app", "The database cannot be opened:\n%1")
        show_failure(None, failure, text.replace("%1", failure.text)).exec()
        return 1

    from .ui.shell.main_window import MainWindow
    from .ui.shell.sign_in_dialog import SignInDialog
    from .ui.shell.theme import apply_theme

    apply_theme(app, dark=preferences.dark)
    sign_in = SignInDialog(env, language)
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
