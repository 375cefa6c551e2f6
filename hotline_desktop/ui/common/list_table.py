"""A read-only table of short rows, for lists of tens of rows: a ticket's history, an
alert's linked tickets."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


class ListTable(QTableWidget):
    """A read-only table of short rows: the timeline, the payments, the assignments..."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        # Wrapped notes take the height their column's width asks for, whatever the width.
        header.sectionResized.connect(lambda *_: self.resizeRowsToContents())

    def set_rows(self, rows: list[list[str]], tooltips: list[str] | None = None) -> None:
        self.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if tooltips and tooltips[row]:
                    item.setToolTip(tooltips[row])
                self.setItem(row, column, item)
        self.resizeRowsToContents()
