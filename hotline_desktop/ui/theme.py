"""The qt-material theme, with its generated icons kept in the app's own cache directory."""

from __future__ import annotations

import atexit
import os
import shutil

from PySide6.QtWidgets import QApplication
from qt_material import apply_stylesheet  # imported after PySide6, as qt-material requires

from .. import settings

LIGHT_THEME = "light_blue.xml"
DARK_THEME = "dark_blue.xml"


def apply_theme(app: QApplication, dark: bool = False) -> None:
    # qt-material rewrites its icon folder on every start; a folder per process keeps
    # two running instances from deleting each other's icons.
    icons = settings.cache_dir() / "theme" / str(os.getpid())
    icons.mkdir(parents=True, exist_ok=True)
    atexit.register(shutil.rmtree, icons, ignore_errors=True)
    apply_stylesheet(
        app,
        theme=DARK_THEME if dark else LIGHT_THEME,
        invert_secondary=not dark,
        parent=str(icons),
        extra={"density_scale": "-1"},
    )
