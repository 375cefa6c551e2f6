"""Signing in: a user name and a password, checked against the database on a worker
thread, so that a slow server shows as "signing in…", never as a frozen dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
)

from ...domain.language import Language
from ...domain.workflow import Actor
from ...services.accounts import SignInFailed, has_users, sign_in
from ...services.environment import Environment
from ..common.failures import Failure, NoticeLabel
from ..common.styles import ERROR_STYLE
from ..common.tasks import TaskRunner


class SignInDialog(QDialog):
    def __init__(self, env: Environment, language: Language = Language.CHINESE, parent=None):
        super().__init__(parent)
        self.env = env
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in — 12351 Hotline Desk"))

        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.Password)
        self.error = NoticeLabel(self)
        self.error.setObjectName("error")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.sign_in_button = buttons.button(QDialogButtonBox.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.try_sign_in)
        # Typed through without the mouse: Return moves on from the name, signs in from
        # the password.
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)
        self._tasks = TaskRunner(env, language, self)
        self._checking = False
        self._quit = False
        # A database that does not answer is said when the user signs in.
        self._tasks.run(lambda: has_users(env), self._say_if_empty, self._not_known_yet)

    def _say_if_empty(self, any_users: bool) -> None:
        if not any_users:
            self.error.say(
                self.tr(
                    "This database has no users yet. Start the app with --demo, or create "
                    "one: hotline-desktop create-user NAME --role admin --unit sx-centre"
                ),
                ERROR_STYLE,
            )
            self.error.show()

    def _not_known_yet(self, failure: Failure) -> None:
        if not failure.is_outage:
            self._refuse_failure(failure)

    def try_sign_in(self) -> None:
        if self._checking:
            return  # the first press is being answered
        name = self.username.text().strip()
        if not name:
            self._refuse(self.tr("Type your user name."), self.username)
            return
        password = self.password.text()
        self._set_checking(True)
        self._tasks.run(
            lambda: sign_in(self.env, name, password), self._signed_in, self._not_signed_in
        )

    def _signed_in(self, actor: Actor) -> None:
        self._set_checking(False)
        if self._quit:
            return  # the user quit while the server was answering
        self.actor = actor
        self.accept()

    def _not_signed_in(self, failure: Failure) -> None:
        self._set_checking(False)
        if isinstance(failure.error, SignInFailed):
            # The same words for both mistakes: a guesser learns nothing about user names.
            self._refuse(self.tr("Unknown user name or wrong password."), self.password)
        else:
            self._refuse_failure(failure)

    def _refuse_failure(self, failure: Failure) -> None:
        self.error.say_failure(
            failure, self.tr("Not signed in: %1").replace("%1", failure.text), ERROR_STYLE
        )
        self.error.show()
        self.username.setFocus()

    def _set_checking(self, checking: bool) -> None:
        self._checking = checking
        self.sign_in_button.setEnabled(not checking)
        for field in (self.username, self.password):
            field.setReadOnly(checking)
        if checking:
            self.error.say(self.tr("Signing in…"))
            self.error.show()

    def reject(self) -> None:
        self._quit = True
        super().reject()

    def wait_for_workers(self) -> None:
        """Before the database closes: a sign-in still waiting on the server ends first."""
        self._tasks.wait()

    def _refuse(self, message: str, field: QLineEdit) -> None:
        self.error.say(message, ERROR_STYLE)
        self.error.show()
        if field is self.password:
            self.password.clear()  # the user name they typed stays
        field.setFocus()
