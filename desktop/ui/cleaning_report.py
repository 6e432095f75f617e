"""What the cleaner did to one attachment, and taking a decrypted copy out.

Both windows use these from the record view: the cleaning report (found,
removed, could not be removed and why) and "Save a copy…", which writes a
decrypted copy through the same core call as ``testimony attachment export``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services import Attachment, Vault, attachments

from .base import workers
from .base.widgets import PlainLabel, clean_text, heading


class CleaningWords(QObject):
    """Translated names for the report's statuses and the cleaners' fixed labels.

    A label with details in brackets ("container tags (title, location)") has
    its head translated and its technical details kept as they are.
    """

    def __init__(self) -> None:
        super().__init__()
        self.heads = {
            "EXIF GPS position": self.tr("EXIF GPS position"),
            "camera make and model": self.tr("camera make and model"),
            "EXIF orientation": self.tr("EXIF orientation"),
            "maker notes": self.tr("maker notes"),
            "EXIF dates and times": self.tr("EXIF dates and times"),
            "camera serial numbers": self.tr("camera serial numbers"),
            "owner, artist or copyright": self.tr("owner, artist or copyright"),
            "software name": self.tr("software name"),
            "embedded thumbnail": self.tr("embedded thumbnail"),
            "EXIF": self.tr("EXIF"),
            "XMP": self.tr("XMP"),
            "IPTC / Photoshop data": self.tr("IPTC / Photoshop data"),
            "ICC colour profile": self.tr("ICC colour profile"),
            "comment": self.tr("comment"),
            "PNG text chunks": self.tr("PNG text chunks"),
            "container tags": self.tr("container tags"),
            "video stream tags": self.tr("video stream tags"),
            "audio stream tags": self.tr("audio stream tags"),
            "embedded cover picture": self.tr("embedded cover picture"),
            "data track": self.tr("data track"),
            "subtitle track": self.tr("subtitle track"),
            "data after the last audio frame": self.tr("data after the last audio frame"),
            "data that is not audio between or after frames": self.tr("data that is not audio between or after frames"),
            "document information": self.tr("document information"),
            "XMP metadata": self.tr("XMP metadata"),
            "embedded file attachments": self.tr("embedded file attachments"),
            "document JavaScript": self.tr("document JavaScript"),
            "JavaScript actions": self.tr("JavaScript actions"),
            "open action": self.tr("open action"),
            "document actions": self.tr("document actions"),
            "bookmarks": self.tr("bookmarks"),
            "form fields": self.tr("form fields"),
            "structure tree": self.tr("structure tree"),
            "page labels": self.tr("page labels"),
            "layer names": self.tr("layer names"),
            "annotations": self.tr("annotations"),
            "page metadata, actions or thumbnails on": self.tr("page metadata, actions or thumbnails on"),
            "pdfTeX keys with source file paths": self.tr("pdfTeX keys with source file paths"),
            "piece info": self.tr("piece info"),
            "XMP metadata on objects": self.tr("XMP metadata on objects"),
            "EXIF or other metadata inside": self.tr("EXIF or other metadata inside"),
            "core properties": self.tr("core properties"),
            "application properties": self.tr("application properties"),
            "custom properties": self.tr("custom properties"),
            "document metadata": self.tr("document metadata"),
            "application settings": self.tr("application settings"),
            "list of editors": self.tr("list of editors"),
            "comment authors": self.tr("comment authors"),
            "thumbnail": self.tr("thumbnail"),
            "custom XML data": self.tr("custom XML data"),
            "revision session ids": self.tr("revision session ids"),
            "tracked deletions": self.tr("tracked deletions"),
            "tracked insertions": self.tr("tracked insertions"),
            "tracked moves": self.tr("tracked moves"),
            "tracked change marks": self.tr("tracked change marks"),
            "tracked changes": self.tr("tracked changes"),
            "authors and initials of comments and changes": self.tr("authors and initials of comments and changes"),
            "authors and dates of comments": self.tr("authors and dates of comments"),
            "dates of comments and changes": self.tr("dates of comments and changes"),
        }

    def kind(self, kind: str) -> str:
        """The kind of an attached file, in the interface language."""
        return {"image": self.tr("image"), "audio": self.tr("audio"), "video": self.tr("video"),
                "pdf": self.tr("PDF"), "document": self.tr("document"), "other": self.tr("other file")}.get(
                    kind, clean_text(kind))

    def status(self, status: str) -> str:
        return {
            "cleaned": self.tr("cleaned"),
            "partial": self.tr("partly cleaned (not sent by default)"),
            "not_cleaned": self.tr("not cleaned (not sent by default)"),
        }.get(status, self.tr("not cleaned (not sent by default)"))

    def item(self, text: str) -> str:
        text = clean_text(text)
        for head in sorted(self.heads, key=len, reverse=True):
            if text == head or text.startswith((head + " ", head + "(")):
                return self.heads[head] + text[len(head):]
        return text

    def summary(self, att: Attachment) -> str:
        report = att.report or {}
        if att.clean_status == "cleaned":
            removed = [self.item(x) for x in report.get("removed", att.removed)]
            text = (self.tr("removed: {items}").format(items=", ".join(removed)) if removed
                    else self.tr("no metadata found; rebuilt anyway"))
            if att.faces_sha256:
                doc = att.faces or {}
                if doc.get("video"):
                    text += " — " + self.tr("faces hidden in the video")
                else:
                    text += " — " + self.tr("{n} face(s) hidden").format(n=len(doc.get("boxes", [])))
            return text
        if att.clean_status == "partial":
            kept = [self.item(k.get("what", "")) for k in report.get("kept", [])]
            return self.tr("left in: {items}").format(items=", ".join(kept))
        return clean_text(report.get("reason") or att.clean_reason)


class CleaningReportDialog(QDialog):
    def __init__(self, att: Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        words = CleaningWords()
        report = att.report or {}
        self.setWindowTitle(self.tr("Cleaning report"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(clean_text(att.filename), level=2))
        self.status = PlainLabel(self.tr("Status: {status}").format(status=words.status(att.clean_status)))
        self.status.setAccessibleName(self.tr("Cleaning status"))
        lay.addWidget(self.status)
        if report.get("method"):
            lay.addWidget(PlainLabel(self.tr("How: {method}").format(method=clean_text(report["method"]))))
        if report.get("clean_mime") and report.get("clean_mime") != report.get("mime"):
            lay.addWidget(PlainLabel(self.tr("The copy is {new} (the original is {old}).").format(
                new=clean_text(report["clean_mime"]), old=clean_text(report.get("mime", "")))))
        sections = [
            (self.tr("Found"), [words.item(x) for x in report.get("found", [])]),
            (self.tr("Removed"), [words.item(x) for x in report.get("removed", att.removed)]),
            (self.tr("Could not be removed"), [f"{words.item(k.get('what', ''))} — {clean_text(k.get('why', ''))}"
                                               for k in report.get("kept", [])]),
            (self.tr("Good to know"), [clean_text(x) for x in report.get("notes", [])]),
        ]
        if att.clean_status == "not_cleaned":
            sections.insert(0, (self.tr("Why there is no cleaned copy"),
                                [clean_text(report.get("reason") or att.clean_reason)]))
        if att.clean_status == "cleaned" and not report.get("found"):
            lay.addWidget(PlainLabel(self.tr("No metadata was found; the file was rebuilt anyway, so nothing "
                                             "hidden in it could come along.")))
        self.lists: dict[str, QListWidget] = {}
        for title, items in sections:
            if not items:
                continue
            lay.addWidget(PlainLabel(title))
            lst = QListWidget()
            lst.setAccessibleName(title)
            lst.addItems(items)
            lst.setMaximumHeight(24 * min(6, len(items)) + 8)
            lay.addWidget(lst)
            self.lists[title] = lst
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


class SaveCopyDialog(QDialog):
    """Choose cleaned copy or original, warn, write it on a worker thread."""

    saved = Signal(str, str)  # path, sha256
    save_failed = Signal(str)

    def __init__(self, vault: Vault, att: Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault, self.att = vault, att
        self.task: workers.Task | None = None
        self.setWindowTitle(self.tr("Save a copy"))
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Save a decrypted copy of {name}").format(name=clean_text(att.filename)),
                              level=2))
        lay.addWidget(PlainLabel(self.tr(
            "The copy leaves the vault: it is written unencrypted where you choose, and anyone who gets "
            "the disk or the USB stick can read it. Taking it out is written to the custody log.")))
        self.cleaned = QRadioButton(self.tr("The cleaned copy (metadata removed)"))
        self.original = QRadioButton(self.tr("The original file, with everything in it (GPS position, device, names)"))
        self.cleaned.setEnabled(att.cleaned)
        (self.cleaned if att.cleaned else self.original).setChecked(True)
        if not att.cleaned:
            lay.addWidget(PlainLabel(self.tr("This file has no cleaned copy; only the original can be saved.")))
        lay.addWidget(self.cleaned)
        lay.addWidget(self.original)
        row = QHBoxLayout()
        self.out = QLineEdit()
        self.out.setAccessibleName(self.tr("Save the copy as"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose)
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        lay.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Saving"))
        lay.addWidget(self.progress)
        self.message = PlainLabel("")
        lay.addWidget(self.message)
        buttons = QHBoxLayout()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self._cancel_or_close)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.start)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        lay.addLayout(buttons)

    def choose(self) -> None:
        name = attachments.copy_filename(self.att, original=self.original.isChecked())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the copy"), clean_text(name),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.out.setText(path)

    def start(self) -> None:
        out = self.out.text().strip()
        if not out:
            self.message.setText(self.tr("Choose where to save the copy."))
            return
        vault, att_id, original = self.vault, self.att.id, self.original.isChecked()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.save_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel"))
        self.message.setText(self.tr("Decrypting…"))
        self.task = workers.run_task(
            lambda progress, cancelled: (out, attachments.export_copy(vault, att_id, Path(out), original=original,
                                                                      progress=progress, cancel=cancelled)),
            with_progress=True)
        self.task.progress.connect(self._progress)
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 0)

    def _done(self, result: tuple[str, str]) -> None:
        self.task = None
        path, sha = result
        self.progress.setValue(1000)
        self.close_button.setText(self.tr("Close"))
        self.save_button.setEnabled(True)
        self.message.setText(self.tr("Saved to {path}; SHA-256 checked: {sha}").format(path=path, sha=sha))
        self.saved.emit(path, sha)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.close_button.setText(self.tr("Close"))
        self.save_button.setEnabled(True)
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        self.message.setText(text)
        self.save_failed.emit(text)

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()
