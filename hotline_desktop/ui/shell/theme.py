"""The qt-material theme, with its generated icons kept in the app's own cache directory."""

from __future__ import annotations

import os
import shutil

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication
from qt_material import apply_stylesheet  # imported after PySide6, as qt-material requires

from ...config import folders

LIGHT_THEME = "light_blue.xml"
DARK_THEME = "dark_blue.xml"


def apply_theme(app: QApplication, dark: bool = False) -> None:
    # qt-material rewrites its icon folder on every start; a folder per running instance
    # keeps two instances from deleting each other's icons.
    themes = folders.cache_dir() / "theme"
    _remove_abandoned(themes)
    icons = themes / str(os.getpid())
    icons.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(icons / "in-use.lock"))
    lock.tryLock(0)
    app.aboutToQuit.connect(lambda: (lock.unlock(), shutil.rmtree(icons, ignore_errors=True)))
    app.setProperty("theme_lock", lock)  # held as long as the application runs
    apply_stylesheet(
        app,
        theme=DARK_THEME if dark else LIGHT_THEME,
        invert_secondary=not dark,
        parent=str(icons),
        extra={"density_scale": "-1"},
    )
    app.setStyleSheet(app.styleSheet() + _ITEM_CHECKBOXES)


# qt-material draws no tick boxes in item views' rows, where Qt's own then show as black
# squares or not at all: the dispatch dialog ticks co-handling units in the org tree, and
# an alert's playbook is ticked off in a list.
_ITEM_CHECKBOXES = """
QTreeView::indicator, QListView::indicator { width: 24px; height: 24px; }
QTreeView::indicator:unchecked, QListView::indicator:unchecked {
    image: url(icon:/primary/checkbox_unchecked.svg); }
QTreeView::indicator:checked, QListView::indicator:checked {
    image: url(icon:/primary/checkbox_checked.svg); }
QTreeView::indicator:unchecked:disabled, QListView::indicator:unchecked:disabled {
    image: url(icon:/disabled/checkbox_unchecked.svg); }
QTreeView::indicator:checked:disabled, QListView::indicator:checked:disabled {
    image: url(icon:/disabled/checkbox_checked.svg); }
"""


def _remove_abandoned(themes) -> None:
    """Icon folders of instances that ended without cleaning up (killed, crashed)."""
    if not themes.exists():
        return
    for folder in themes.iterdir():
        lock = QLockFile(str(folder / "in-use.lock"))
        # A lock whose process is gone counts as stale and is taken over.
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            lock.unlock()
            shutil.rmtree(folder, ignore_errors=True)
