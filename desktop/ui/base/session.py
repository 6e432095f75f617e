"""The unlocked session: the open vault, and the signals around locking.

Screens receive a Session, call the vault through it, and listen to
``locking`` (flush what you hold: drafts) and ``locked`` (drop plaintext).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.core.services import access

from .forms import FormCatalog

if TYPE_CHECKING:
    from desktop.core.services import Vault


class Session(QObject):
    locking = Signal()  # about to lock: save drafts now
    locked = Signal()

    def __init__(self, vault: Vault, forms: FormCatalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.forms = forms
        self.lang = "en"

    @property
    def is_locked(self) -> bool:
        return self.vault.is_locked

    def lock(self) -> None:
        if self.vault.is_locked:
            return
        self.locking.emit()
        access.lock(self.vault)  # also forgets caches holding name parts
        self.locked.emit()
