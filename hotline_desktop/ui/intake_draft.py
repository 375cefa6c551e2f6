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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from ..services.environment import hotline_now

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 1000


@dataclass(frozen=True)
class Draft:
    saved_at: datetime
    fields: dict


class DraftStore(QObject):
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
            # A full or read-only disk must not stop the agent taking the call.
            log.warning("could not save the intake draft to %s: %s", self.path, error)

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

    @property
    def offered_path(self) -> Path:
        return self.path.with_name(f"{self.path.stem}.offered{self.path.suffix}")

    def set_aside(self) -> None:
        """Keep the draft being offered in a file of its own, so that the agent's new
        typing can be saved as the draft meanwhile: neither is lost in a crash."""
        if self.path.exists():
            os.replace(self.path, self.offered_path)

    def forget_offered(self) -> None:
        self.offered_path.unlink(missing_ok=True)

    def load(self) -> Draft | None:
        """The draft left on disk (else one set aside while it was offered), None when
        there is none or it cannot be read."""
        return self._read(self.path) or self._read(self.offered_path)

    def _read(self, path: Path) -> Draft | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            draft = Draft(datetime.fromisoformat(data["saved_at"]), dict(data["fields"]))
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
