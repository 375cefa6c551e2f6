"""Signing in: a user name and a password, checked against the database."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ..domain.workflow import Actor
from ..services.accounts import SignInFailed, has_users, sign_in
from ..services.environment import Environment


class SignInDialog(QDialog):
    def __init__(self, env: Environment, parent=None):
        super().__init__(parent)
        self.env = env
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in — 12351 Hotline Desk"))

        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.Password)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Sign in"))
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
        if not has_users(env):
            self.error.setText(
                self.tr(
                    "This database has no users yet. Start the app with --demo, or create "
                    "one: hotline-desktop create-user NAME --role admin --unit sx-centre"
                )
            )
            self.error.show()

    def try_sign_in(self) -> None:
        name = self.username.text().strip()
        if not name:
            self._refuse(self.tr("Type your user name."), self.username)
            return
        try:
            self.actor = sign_in(self.env, name, self.password.text())
        except SignInFailed:
            # The same words for both mistakes: a guesser learns nothing about user names.
            self._refuse(self.tr("Unknown user name or wrong password."), self.password)
            return
        self.accept()

    def _refuse(self, message: str, field: QLineEdit) -> None:
        self.error.setText(message)
        self.error.show()
        if field is self.password:
            self.password.clear()  # the user name they typed stays
        field.setFocus()
