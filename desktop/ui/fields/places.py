"""A place (gazetteer names and words) and an attachment chosen among the interview's files."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from ..base.widgets import PlainLabel, clean_text
from .base import Editor, _pick, register


def _placeholder(combo: QComboBox, text: str) -> None:
    edit = combo.lineEdit()  # editable combos have one
    if edit is not None:
        edit.setPlaceholderText(text)


@register("location")
class LocationEditor(Editor):
    """City and neighbourhood from the gazetteer (with completion), or a description."""

    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.gaz = self.field.gazetteer
        self.city = QComboBox()
        self.city.setEditable(True)
        self.city.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.city.setAccessibleName(self.tr("City or town"))
        _placeholder(self.city, self.tr("City or town"))
        self.city.addItem("", None)
        places = sorted(self.gaz.places.values(), key=lambda p: _pick(p.label, self.lang)) if self.gaz else []
        for p in places:
            self.city.addItem(clean_text(_pick(p.label, self.lang) or p.id), p.id)
        completer = QCompleter(self.city.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.city.setCompleter(completer)
        self.district = QComboBox()
        self.district.setEditable(True)
        self.district.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.district.setAccessibleName(self.tr("Neighbourhood"))
        _placeholder(self.district, self.tr("Neighbourhood"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Description (street, landmark, or a place not in the list)"))
        self.text.setAccessibleName(self.tr("Place description"))
        self.city.currentIndexChanged.connect(self._city_changed)
        self.district.currentIndexChanged.connect(self.changed)
        self.text.textChanged.connect(self.changed)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.city, 0, 0)
        grid.addWidget(self.district, 0, 1)
        grid.addWidget(self.text, 1, 0, 1, 2)
        self._city_changed()

    def _city_changed(self) -> None:
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem("", None)
        cid = self.city.currentData()
        if self.gaz and cid in self.gaz.places:
            items = sorted(self.gaz.places[cid].districts.items(), key=lambda kv: _pick(kv[1], self.lang))
            for did, label in items:
                self.district.addItem(clean_text(_pick(label, self.lang) or did), did)
            completer = QCompleter(self.district.model(), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.district.setCompleter(completer)
        self.district.setEnabled(self.district.count() > 1)
        self.district.blockSignals(False)
        self.changed.emit()

    def value(self) -> Any:
        out: dict[str, Any] = {}
        cid = self.city.currentData()
        if cid and self.city.currentText() == self.city.itemText(self.city.currentIndex()):
            out["city"] = cid
            did = self.district.currentData()
            if did:
                out["district"] = did
        t = self.text.text().strip()
        if t:
            out["text"] = t
        return out or None

    def set_value(self, value: Any) -> None:
        v = value if isinstance(value, dict) else {}
        self.city.setCurrentIndex(max(0, self.city.findData(v.get("city"))) if v.get("city") else 0)
        if v.get("district"):
            self.district.setCurrentIndex(max(0, self.district.findData(v.get("district"))))
        self.text.setText(clean_text(v.get("text") or ""))

    def focus_target(self) -> QWidget:
        return self.city


@register("attachment")
class AttachmentFieldEditor(Editor):
    """Points at one of the files added to this interview."""

    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.field.title(self.lang))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.combo, 1)
        self.hint = PlainLabel(self.tr("Add files in the Attachments panel first."), wrap=True)
        self.hint.setObjectName("hint")
        lay.addWidget(self.hint)
        self._wanted: str | None = None
        self.context.listeners.append(self._reload)
        self.combo.currentIndexChanged.connect(self._picked)
        self._reload()

    def _picked(self) -> None:
        self._wanted = self.combo.currentData()
        self.changed.emit()

    def _reload(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("— none —"), None)
        for att_id, name in self.context.attachments:
            self.combo.addItem(clean_text(name), att_id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(self._wanted)) if self._wanted else 0)
        self.combo.blockSignals(False)
        self.hint.setVisible(not self.context.attachments)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self._wanted = value
        self._reload()
