"""The intake form's draft on disk: a crash or a power cut loses a second of typing, no more.

Every edit restarts a short timer; when the typing pauses, the fields are written
to a temporary file beside the draft, flushed to the disk and renamed over it, so
that the draft on disk is always a whole one, the old or the new.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ...services.environment import hotline_now

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 1000


@dataclass(frozen=True)
class Draft:
    saved_at: datetime
    fields: dict
    path: Path  # the file it lies in


class DraftStore(QObject):
    write_failed = Signal(object)  # the OSError: a crash now would lose the typing

    def __init__(self, path: Path, parent=None, delay_ms: int = AUTOSAVE_DELAY_MS):
        super().__init__(parent)
        self.path = Path(path)
        self._snapshot: Callable[[], dict] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    def changed(self, snapshot: Callable[[], dict]) -> None:
        """The fields changed: write ``snapshot()`` once the typing pauses."""
        self._snapshot = snapshot
        self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Write the latest fields now (an empty form leaves no draft behind)."""
        self._timer.stop()
        snapshot, self._snapshot = self._snapshot, None
        if snapshot is None:
            return
        fields = snapshot()
        if not fields:
            self.clear()
            return
        # Beijing time, as every time the app shows, whatever the workstation's zone.
        data = {"saved_at": hotline_now().isoformat(timespec="seconds"), "fields": fields}
        try:
            self._write(json.dumps(data, ensure_ascii=False, indent=1))
        except OSError as error:
            # A full or read-only disk must not stop the agent taking the call, but the
            # agent is told that the draft no longer protects it.
            log.warning("could not save the intake draft to %s: %s", self.path, error)
            self.write_failed.emit(error)

    def _write(self, text: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _sync_folder(self.path.parent)

    def waiting(self) -> list[Draft]:
        """Every draft left on disk, newest first: the call being typed when the app
        stopped, and any set aside while it was offered back."""
        folder, stem = self.path.parent, self.path.stem
        paths = [self.path, *folder.glob(f"{stem}.offered-*{self.path.suffix}")]
        drafts = [draft for path in paths if (draft := self._read(path))]
        return sorted(drafts, key=lambda draft: draft.saved_at, reverse=True)

    def load(self) -> Draft | None:
        """The newest draft left on disk, None when there is none."""
        drafts = self.waiting()
        return drafts[0] if drafts else None

    def set_aside(self, draft: Draft) -> Draft:
        """Move a draft being offered out of the way of the agent's new typing, whose
        own draft is saved meanwhile: neither is lost in a crash."""
        if draft.path != self.path:
            return draft
        aside = self.path.with_name(
            f"{self.path.stem}.offered-{uuid.uuid4().hex}{self.path.suffix}"
        )
        os.replace(self.path, aside)
        return replace(draft, path=aside)

    def forget(self, draft: Draft) -> None:
        """The agent restored or discarded the draft: its file goes."""
        draft.path.unlink(missing_ok=True)

    def _read(self, path: Path) -> Draft | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            draft = Draft(datetime.fromisoformat(data["saved_at"]), dict(data["fields"]), path)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("ignoring the unreadable intake draft %s: %s", path, error)
            return None
        return draft if draft.fields else None

    def clear(self) -> None:
        """Forget the draft: the call was saved, or the agent discarded it."""
        self._timer.stop()
        self._snapshot = None
        self.path.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself survive a power cut (POSIX; Windows cannot open a folder)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
