"""The one failure path: every error that reaches a window is sorted here, once.

A worker has already turned the drivers' errors into the project's own
(``store.failures.known_error``); what is left is sorted into the six things a
window can say: a field is wrong, the rules refuse, somebody else changed the ticket,
the database cannot be reached, the disk takes nothing more, or the program has a bug.
A window decides where to say it (under the field, in a notice, in a message box);
the sentence, in the user's language, and the technical detail behind "Details" come
from here. A bug is logged with its traceback the first time it is sorted, and the
user is told which file holds it.
"""

from __future__ import annotations

import html
import logging
import logging.handlers
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from ...domain.errors import (
    ConcurrentEdit,
    DatabaseUnavailable,
    HotlineError,
    InvalidInput,
    StepNotAllowed,
    StorageUnwritable,
)
from ...domain.language import Language
from ...store.failures import known_error
from .phrases import explained, in_language

log = logging.getLogger(__name__)

_DETAILS_LINK = "#details"


class FailureKind(Enum):
    FIELD = "field"  # a field the user filled in: said under it
    REFUSAL = "refusal"  # the rules say no, or what was asked for does not exist
    CONCURRENT_EDIT = "concurrent edit"  # somebody else changed it meanwhile
    UNREACHABLE = "unreachable"  # the database does not answer
    STORAGE = "storage"  # the disk is full or read-only
    BUG = "bug"  # a fault of the program's own: logged with its traceback


@dataclass(frozen=True)
class Failure:
    kind: FailureKind
    text: str  # one sentence in the user's language
    detail: str = ""  # what a maintainer needs, behind "Details"
    field: str | None = None  # the form field a FIELD failure is about
    error: BaseException | None = None

    @property
    def is_outage(self) -> bool:
        """The database or the disk, not the user and not the program: trying again
        later may work, and what was typed must be kept for it."""
        return self.kind in (FailureKind.UNREACHABLE, FailureKind.STORAGE)


def understand(error: BaseException, language: Language) -> Failure:
    """Sort ``error`` and say it in ``language``; a bug is logged here."""
    if isinstance(error, InvalidInput):
        return Failure(
            FailureKind.FIELD, in_language(error.message, language), field=error.field, error=error
        )
    if isinstance(error, ConcurrentEdit):
        return Failure(FailureKind.CONCURRENT_EDIT, _concurrent(error), error=error)
    if isinstance(error, DatabaseUnavailable):
        text = explained(error, language)
        return Failure(FailureKind.UNREACHABLE, text, error.detail, error=error)
    if isinstance(error, StorageUnwritable):
        text = explained(error, language)
        return Failure(FailureKind.STORAGE, text, error.detail, error=error)
    if isinstance(error, StepNotAllowed):  # the reason alone: the window names the step
        return Failure(FailureKind.REFUSAL, in_language(error.reason, language), error=error)
    if isinstance(error, HotlineError):  # a ticket not found, a wrong password…
        return Failure(FailureKind.REFUSAL, explained(error, language), error=error)
    return _bug(error)


def _concurrent(error: ConcurrentEdit) -> str:
    return (
        QCoreApplication.translate("Failures", "%1 changed ticket %2 at %3; reload it.")
        .replace("%1", error.changed_by)
        .replace("%2", error.ticket)
        .replace("%3", error.changed_at)
    )


def _bug(error: BaseException) -> Failure:
    if not getattr(error, "_hotline_logged", False):
        log.error("unexpected error", exc_info=error)
        error._hotline_logged = True  # sorted again by a second window: logged once
    where = log_file()
    if where is None:
        text = QCoreApplication.translate(
            "Failures", "An unexpected error occurred; it has been logged."
        )
    else:
        text = QCoreApplication.translate(
            "Failures", "An unexpected error occurred; the details are in %1."
        ).replace("%1", str(where))
    return Failure(FailureKind.BUG, text, f"{type(error).__name__}: {error}", error=error)


def log_file() -> Path | None:
    """The rotated file the application logs to, if it logs to one (the desktop app does)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def show_failure(parent: QWidget | None, failure: Failure, text: str | None = None) -> QMessageBox:
    """A message box that does not block (the workers' answers keep arriving), with the
    detail behind "Details"; ``text`` says it in the window's own words."""
    icon = QMessageBox.Warning if failure.kind in _WARNINGS else QMessageBox.Critical
    title = parent.windowTitle() if parent is not None else ""
    if not title:
        title = QCoreApplication.translate("Failures", "12351 Hotline Desk")
    box = QMessageBox(icon, title, text or failure.text, QMessageBox.Ok, parent)
    if failure.detail:
        box.setDetailedText(failure.detail)
    box.setAttribute(Qt.WA_DeleteOnClose)
    if parent is None:
        # Nothing owns a box without a window: kept until it is answered.
        _UNOWNED.add(box)
        box.finished.connect(lambda _result: _UNOWNED.discard(box))
    box.open()
    return box


_UNOWNED: set[QMessageBox] = set()


_WARNINGS = (FailureKind.FIELD, FailureKind.REFUSAL, FailureKind.CONCURRENT_EDIT)


def show_unexpected(error: BaseException, language: Language) -> None:
    """``sys.excepthook``: an error no task caught (a slot's, an event handler's) is
    logged and shown over the window in use, and the app goes on."""
    show_failure(QApplication.activeWindow(), understand(known_error(error), language))


class NoticeLabel(QLabel):
    """A line that says how an action went; a failure's detail opens from its "Details"
    link, so a Chinese window shows no English driver text of its own accord."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.LinksAccessibleByMouse | Qt.LinksAccessibleByKeyboard)
        self.linkActivated.connect(self._follow)
        self.detail = ""

    def say(self, text: str, style: str = "", *, rich: bool = False) -> None:
        """Plain text, or rich text the caller made (a link to a ticket)."""
        self.detail = ""
        self.setToolTip("")
        self.setTextFormat(Qt.RichText if rich else Qt.PlainText)
        self.setStyleSheet(style)
        self.setText(text)

    def say_failure(self, failure: Failure, text: str, style: str = "") -> None:
        """``text`` is the window's sentence about ``failure``; its detail stays behind
        the link (and in the tooltip)."""
        if not failure.detail:
            self.say(text, style)
            return
        details = QCoreApplication.translate("Failures", "Details")
        self.say(
            f'{html.escape(text)} <a href="{_DETAILS_LINK}">{html.escape(details)}</a>',
            style,
            rich=True,
        )
        self.detail = failure.detail
        self.setToolTip(failure.detail)

    def clear(self) -> None:
        self.say("")

    def plain_text(self) -> str:
        """What the label says, without the markup of its links."""
        if self.textFormat() != Qt.RichText:
            return self.text()
        document = QTextDocument()
        document.setHtml(self.text())
        return document.toPlainText()

    def _follow(self, link: str) -> None:
        if link == _DETAILS_LINK and self.detail:
            box = QMessageBox(
                QMessageBox.Information,
                QCoreApplication.translate("Failures", "Details"),
                self.detail,
                QMessageBox.Ok,
                self,
            )
            box.setAttribute(Qt.WA_DeleteOnClose)
            box.open()
