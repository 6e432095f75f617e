"""Word wrap for one column of a tree or table: Qt's item views elide long
text even with ``setWordWrap(True)`` because row heights ignore the column
width; this delegate measures the text at that width, so a narrative is read
whole (its redacted form, while masked) instead of being cut after a line."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

PADDING = 8
MAX_HEIGHT = 100_000


class WrapDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView, column: int) -> None:
        super().__init__(view)
        self.view = view
        self.column = column
        # a wider or narrower column changes every wrapped row's height
        view.header().sectionResized.connect(self._resized)

    def _resized(self, index: int, _old: int, _new: int) -> None:
        if index == self.column:
            self.view.scheduleDelayedItemsLayout()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != self.column:
            return size
        width = max(40, self.view.header().sectionSize(self.column) - PADDING)
        text = str(index.data() or "")
        rect = option.fontMetrics.boundingRect(0, 0, width, MAX_HEIGHT, int(Qt.TextFlag.TextWordWrap), text)
        return QSize(size.width(), max(size.height(), rect.height() + 4))
