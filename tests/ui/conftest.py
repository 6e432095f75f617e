"""Fixtures for the desktop tests: a fresh temporary vault and environment per test."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "correct horse battery staple"


def _catalog():
    from desktop.ui.base.forms import FormCatalog

    return FormCatalog()


# One catalogue of the installed forms for the whole test session (loading them takes a moment).
FORMS = _catalog()


@pytest.fixture(scope="session", autouse=True)
def _gc_on_gui_thread(qapp):
    """As the app does: Python's garbage collector runs on the GUI thread only."""
    import gc

    from desktop.ui.base import gcguard

    guard = gcguard.install(qapp)
    yield guard
    guard.timer.stop()
    gc.enable()


@pytest.fixture(autouse=True)
def ui_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """XDG folders and TMPDIR inside tmp_path, floor KDF so vaults open fast."""
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        d = tmp_path / var.lower()
        d.mkdir()
        monkeypatch.setenv(var, str(d))
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setenv("TESTIMONY_KDF_PROFILE", "floor")
    yield tmp_path
    from desktop.ui.base import workers

    workers.wait_all()


@pytest.fixture
def translations(qapp):
    from desktop.ui.base.i18n import Translations

    t = Translations(qapp)
    t.install("en")
    yield t
    t.install("en")


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def make_vault(vault_path: Path):
    """Create the vault directly (tests not about the first-run screen)."""
    from desktop.core.vault import Vault

    def make():
        vault, _code = Vault.create(vault_path, PASSPHRASE)
        return vault

    return make


@pytest.fixture
def shell(qtbot, vault_path: Path, translations):
    from desktop.ui.app import ShellWindow

    def build():
        window = ShellWindow(vault_path, translations, forms=FORMS)
        qtbot.addWidget(window)
        window.show()
        return window

    return build


@pytest.fixture
def unlocked(qtbot, shell, make_vault):
    """A shell window with an unlocked session on a fresh vault."""
    vault = make_vault()
    window = shell()
    window.open_session(vault)
    yield window
    window.lock()


# ---------------------------------------------------------------- headquarters and field, with a bundle

HQ_PASSPHRASE = "headquarters passphrase long enough"
EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "forms" / "examples"


def save_examples(vault, names: list[str] | None = None) -> list[str]:
    """Save the example interviews of tests/data/forms/examples (all, or those named)."""
    import json

    from desktop.core.records import save_new_record

    ids = []
    for p in sorted(EXAMPLES.glob("*.json")):
        if names is not None and p.stem not in names:
            continue
        doc = json.loads(p.read_text(encoding="utf-8"))
        ids.append(save_new_record(vault, FORMS.get(doc["form"], doc["version"]), doc["answers"]))
    return ids


@pytest.fixture
def hq_and_field(tmp_path: Path):
    """An analyst vault, a field vault that trusts its card, nine example
    interviews saved in the field and exported to a bundle."""
    from types import SimpleNamespace

    from desktop.core import bundle, cards
    from desktop.core.crypto import FLOOR
    from desktop.core.records import export_view
    from desktop.core.vault import Vault

    hq, _code, card = cards.init_hq(tmp_path / "hq", HQ_PASSPHRASE, "Headquarters (test)", kdf=FLOOR)
    field, _code = Vault.create(tmp_path / "field", PASSPHRASE, kdf=FLOOR)
    field.set_meta("researcher_code", "R-07")
    cards.trust_card(field, card.to_json().encode())
    ids = save_examples(field)
    out = tmp_path / "from-the-field.tstm"
    bundle.export_bundle(field, card.fingerprint, out, export_view)
    ns = SimpleNamespace(hq=hq, field=field, card=card, ids=ids, bundle=out, tmp=tmp_path)
    yield ns
    for v in (hq, field):
        if not v.is_locked:
            v.lock()
