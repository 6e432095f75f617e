"""One testimony at headquarters: the field record view (answers, attachments,
revisions, custody) plus where each revision came from and its links."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from desktop.core.services import analysis

from ..base.i18n import ltr
from ..base.labels import Labels
from ..base.session import Session
from ..base.widgets import Sentence, clean_text, sentence
from ..record_view import RecordView


class AnalystRecordView(RecordView):
    open_linked = Signal(str)

    def __init__(self, session: Session, record_id: str, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(session, record_id, parent)
        self.labels = labels
        # Analysts read what arrived; edits and redaction decisions belong to the field.
        self.edit_button.setVisible(False)
        self.back_button.setText(self.tr("← Testimonies"))
        self.back_button.setAccessibleName(self.tr("Back to the testimonies"))
        for attr in ("redaction_panel", "review_overview"):
            w = getattr(self, attr, None)
            if w is not None:
                self.tabs.removeTab(self.tabs.indexOf(w))
                w.deleteLater()
                setattr(self, attr, None)
        self.origins = QTableWidget()
        self.origins.setAccessibleName(self.tr("Origin of each revision"))
        self.tabs.insertTab(1, self.origins, self.tr("Origin"))
        self.links_table = QTableWidget()
        self.links_table.setAccessibleName(self.tr("Linked testimonies"))
        self.links_table.cellDoubleClicked.connect(self._open_link)
        self.tabs.insertTab(2, self.links_table, "")
        self.fill_origins()
        self.fill_links()

    def fill_origins(self) -> None:
        origins = self.vault.revision_origins(self.record_id)
        revs = [rev for rev, _ts in self.vault.revisions(self.record_id)]
        t = self.origins
        t.clear()
        t.setColumnCount(5)
        t.setHorizontalHeaderLabels([self.tr("Revision"), self.tr("Researcher"), self.tr("Device fingerprint"),
                                     self.tr("Bundle"), self.tr("Field revision")])
        t.setRowCount(len(origins))
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().setVisible(False)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for i, o in enumerate(origins):
            field_rev = o.get("field_rev")
            cells = [QLocale().toString(revs[i]) if i < len(revs) else "", clean_text(o.get("researcher") or "—"),
                     clean_text(o.get("device") or "—"), clean_text(o.get("bundle") or "—"),
                     QLocale().toString(field_rev) if isinstance(field_rev, int) else clean_text(str(field_rev or ""))]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col in (2, 3):
                    item.setFont(mono)
                t.setItem(i, col, item)
        t.resizeColumnsToContents()
        t.horizontalHeader().setStretchLastSection(True)
        last = origins[-1] if origins else {}
        researcher, device = last.get("researcher"), last.get("device")
        self._origin_text = sentence(self.tr("from {who}, device {device}"),  # codes kept left to right
                                     who=ltr(clean_text(researcher)) if researcher else self.tr("researcher not named"),
                                     device=ltr(clean_text(device)) if device else "—")
        self.show_record()

    def missing_identity_text(self) -> str:
        # Bundles carry no identities unless the researcher chose to send them.
        if not self.record.identity:
            return self.tr("(not sent to headquarters)")
        return super().missing_identity_text()

    def meta_text(self) -> Sentence:
        base = super().meta_text()
        extra = getattr(self, "_origin_text", None)
        return Sentence(base + " · " + extra) if extra else base  # two sentences: their values already clean

    def linked(self) -> list[tuple[str, str]]:
        """(other record id, kind) for every link of this record."""
        out = []
        for a, b, kind, _note in analysis.links(self.vault):
            if self.record_id in (a, b):
                out.append((b if a == self.record_id else a, kind))
        return out

    def fill_links(self) -> None:
        links = self.linked()
        t = self.links_table
        t.clear()
        t.setColumnCount(3)
        t.setHorizontalHeaderLabels([self.tr("Link"), self.tr("Reference"), self.tr("Interview type")])
        t.setRowCount(len(links))
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.verticalHeader().setVisible(False)
        self._link_ids = [other for other, _kind in links]
        for i, (other, kind) in enumerate(links):
            try:
                form_id = self.vault.get_record(other).form_id
            except Exception:  # noqa: BLE001 - a link to a record no longer here
                form_id = ""
            kind_text = self.tr("Same incident") if kind == "same_incident" else self.tr("Same victim")
            for col, text in enumerate([kind_text, other[:8], self.labels.form(form_id) if form_id else "—"]):
                t.setItem(i, col, QTableWidgetItem(text))
        t.resizeColumnsToContents()
        t.horizontalHeader().setStretchLastSection(True)
        self.tabs.setTabText(self.tabs.indexOf(t), self.tr("Links ({n})").format(n=QLocale().toString(len(links))))

    def _open_link(self, row: int, _col: int) -> None:
        if 0 <= row < len(self._link_ids):
            self.open_linked.emit(self._link_ids[row])
