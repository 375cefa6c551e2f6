"""Item data roles more than one feature reads: a row of any list may name a ticket."""

from __future__ import annotations

from PySide6.QtCore import Qt

TICKET_ID_ROLE = Qt.UserRole + 1
