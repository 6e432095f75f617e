"""Trust at both ends: registering a headquarters card only after comparing its
fingerprint, a researcher's changed key accepted only after a warning and a
second confirmation, creating a headquarters vault at first run; and the
bar charts mirror in right-to-left layouts."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from desktop.core import bundle, cards
from desktop.core.crypto import FLOOR, b64e
from desktop.core.records import export_view
from desktop.core.vault import Vault
from desktop.ui.analyst.import_dialog import ImportDialog, classify_refusal
from desktop.ui.analyst.window import AnalystScreen
from desktop.ui.base.charts import Series, StackedBarChart
from desktop.ui.recipients_dialog import TrustedRecipientsDialog

from .conftest import PASSPHRASE, save_examples


def test_card_is_trusted_only_after_confirming_the_fingerprint(qtbot, tmp_path):
    field, _ = Vault.create(tmp_path / "field", PASSPHRASE, kdf=FLOOR)
    hq, _code, card = cards.init_hq(tmp_path / "hq", "hq passphrase long enough", "Bureau ‫عربي‬", kdf=FLOOR)
    hq.lock()
    card_file = tmp_path / "card.json"
    cards.write_card(card, card_file)
    junk = tmp_path / "junk.json"
    junk.write_bytes(b"\x00not a card")

    dlg = TrustedRecipientsDialog(field)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 0
    with qtbot.waitSignal(dlg.card_refused, timeout=1000):
        assert not dlg.load_card(junk)
    assert dlg.load_card(card_file)
    assert dlg.confirm_box.isVisibleTo(dlg)
    assert dlg.card_fp.text() == card.fingerprint
    assert dlg.card_org.textFormat() == Qt.TextFormat.PlainText
    assert cards.recipients(field) == [] and not dlg.trust_button.isEnabled()
    dlg.matches.setChecked(True)
    with qtbot.waitSignal(dlg.trusted, timeout=1000):
        dlg.trust_button.click()
    assert [c.fingerprint for c in cards.recipients(field)] == [card.fingerprint]
    assert dlg.table.rowCount() == 1 and dlg.table.item(0, 1).text() == card.fingerprint
    field.lock()


def test_changed_key_needs_a_warning_and_two_confirmations(qtbot, hq_and_field):
    ns = hq_and_field
    bundle.import_bundle(ns.hq, ns.bundle, trust_new_device=True)
    # the same researcher code, but a new laptop (a new device key)
    other, _ = Vault.create(ns.tmp / "new-laptop", PASSPHRASE, kdf=FLOOR)
    other.set_meta("researcher_code", "R-07")
    cards.trust_card(other, ns.card.to_json().encode())
    save_examples(other, ["injured_person"])
    second = ns.tmp / "second.tstm"
    bundle.export_bundle(other, ns.card.fingerprint, second, export_view)
    new_fp = cards.device_identity(other)[1]
    other.lock()

    dlg = ImportDialog(ns.hq)
    qtbot.addWidget(dlg)
    dlg.path.setText(str(second))
    with qtbot.waitSignal(dlg.refused, timeout=20000) as refused:
        dlg.import_button.click()
    r = refused.args[0]
    assert r.kind == "changed_key" and r.fingerprint == new_fp and r.researcher == "R-07"
    assert r.known == cards.device_identity(ns.field)[1]
    assert dlg.key_box.isVisibleTo(dlg) and not dlg.device_box.isVisibleTo(dlg)
    assert new_fp in dlg.key_warning.text() and "R-07" in dlg.key_warning.text()
    assert not dlg.accept_key_button.isEnabled()
    dlg.key_verified.setChecked(True)
    dlg.accept_key_button.click()  # first click only arms
    assert dlg.task is None and dlg.report is None
    with qtbot.waitSignal(dlg.imported, timeout=20000) as done:
        dlg.accept_key_button.click()
    assert done.args[0].records_added == 1 and done.args[0].device == new_fp


def test_changed_researcher_code_accepted_in_the_window_after_a_warning(qtbot, hq_and_field):
    """A trusted laptop whose researcher corrected their code in Settings: the window says
    what changed and lets the analyst accept it deliberately (before, it only named a
    command-line flag)."""
    ns = hq_and_field
    bundle.import_bundle(ns.hq, ns.bundle, trust_new_device=True)
    ns.field.set_meta("researcher_code", "R-17")
    save_examples(ns.field, ["injured_person"])
    second = ns.tmp / "renamed.tstm"
    bundle.export_bundle(ns.field, ns.card.fingerprint, second, export_view)
    fp = cards.device_identity(ns.field)[1]

    dlg = ImportDialog(ns.hq)
    qtbot.addWidget(dlg)
    dlg.path.setText(str(second))
    with qtbot.waitSignal(dlg.refused, timeout=20000) as refused:
        dlg.import_button.click()
    r = refused.args[0]
    assert (r.kind, r.fingerprint, r.bound, r.researcher) == ("changed_researcher", fp, "R-07", "R-17")
    assert dlg.key_box.isVisibleTo(dlg)
    warning = dlg.key_warning.text()
    assert fp in warning and "R-07" in warning and "R-17" in warning and "--" not in warning
    assert not dlg.accept_key_button.isEnabled()
    dlg.key_verified.setChecked(True)
    dlg.accept_key_button.click()  # arms only
    assert dlg.task is None and ns.hq.device_researcher(b64e(cards.device_identity(ns.field)[0]))[1] == "R-07"
    with qtbot.waitSignal(dlg.imported, timeout=20000) as done:
        dlg.accept_key_button.click()
    assert done.args[0].records_added >= 1 and done.args[0].researcher == "R-17"
    assert ns.hq.device_researcher(b64e(cards.device_identity(ns.field)[0]))[1] == "R-17"
    assert any(e.action == "device.researcher" and e.details.get("was") == "R-07" for e in ns.hq.custody())


def test_an_acceptance_does_not_carry_over_to_another_file(qtbot, hq_and_field):
    """Refused for a changed researcher code, then another file typed in the path box:
    the warning goes, and no click imports the other file under the acceptance (it came
    from a device nobody was shown)."""
    ns = hq_and_field
    bundle.import_bundle(ns.hq, ns.bundle, trust_new_device=True)
    ns.field.set_meta("researcher_code", "R-17")
    save_examples(ns.field, ["injured_person"])
    renamed = ns.tmp / "renamed.tstm"
    bundle.export_bundle(ns.field, ns.card.fingerprint, renamed, export_view)
    stranger, _ = Vault.create(ns.tmp / "stranger", PASSPHRASE, kdf=FLOOR)
    stranger.set_meta("researcher_code", "R-99")
    cards.trust_card(stranger, ns.card.to_json().encode())
    save_examples(stranger, ["injured_person"])
    other = ns.tmp / "other.tstm"
    bundle.export_bundle(stranger, ns.card.fingerprint, other, export_view)
    stranger_key = b64e(cards.device_identity(stranger)[0])
    stranger.lock()
    known = len(ns.hq.list_records())

    dlg = ImportDialog(ns.hq)
    qtbot.addWidget(dlg)
    dlg.path.setText(str(renamed))
    with qtbot.waitSignal(dlg.refused, timeout=20000):
        dlg.import_button.click()
    assert dlg.key_box.isVisibleTo(dlg)
    dlg.key_verified.setChecked(True)
    dlg.accept_key_button.click()  # armed for the refused bundle's device
    dlg.path.setText(str(other))  # then another file
    assert not dlg.key_box.isVisibleTo(dlg) and not dlg.device_box.isVisibleTo(dlg)
    dlg.accept_key_button.click()
    dlg.accept_device()
    assert dlg.task is None  # nothing started
    assert len(ns.hq.list_records()) == known and ns.hq.device_researcher(stranger_key)[0] is False


def test_classify_refusal_other_errors():
    r = classify_refusal(bundle.BundleError("Bundle refused: manifest hash mismatch for records/x.json"))
    assert r.kind == "other" and "hash mismatch" in r.message
    assert classify_refusal(OSError("disk full")).kind == "other"


def test_first_run_creates_a_headquarters_vault(qtbot, shell, vault_path):
    window = shell()
    screen = window.current
    screen.role_hq.setChecked(True)
    screen.pass1.setText("river lantern quietly orange")
    screen.pass2.setText("river lantern quietly orange")
    qtbot.waitUntil(lambda: screen.kdf is not None, timeout=10000)
    assert not screen.create_button.isEnabled()  # the organisation name is required
    screen.org.setText("Headquarters")
    assert screen.create_button.isEnabled()
    with qtbot.waitSignal(screen.code_shown, timeout=20000):
        screen.create_button.click()
    screen.kept.setChecked(True)
    screen.next_button.click()
    screen.confirm_edit.setText(screen._code)
    with qtbot.waitSignal(window.unlocked, timeout=5000):
        screen.finish_button.click()
    main = window.main
    assert isinstance(main, AnalystScreen)
    assert main.vault.mode == "analyst"
    assert cards.hq_card(main.vault).fingerprint in main.hq_label.text()
    main.show_card()
    out = vault_path.parent / "card.json"
    with qtbot.waitSignal(main.card_dialog.saved, timeout=2000):
        assert main.card_dialog.save(out)
    assert cards.parse_card(out.read_bytes()).org == "Headquarters"
    window.lock()


def _bars(chart: StackedBarChart) -> dict[int, float]:
    """Category -> x centre of its first segment."""
    out: dict[int, float] = {}
    for rect, i, _j in chart._hit:
        out.setdefault(i, rect.center().x())
    return out


def test_charts_mirror_right_to_left(qtbot):
    series = [Series("killed", "قُتل", QColor("#8b1e1e")), Series("injured", "أُصيب", QColor("#e07b00"))]
    for orientation in (Qt.Orientation.Vertical, Qt.Orientation.Horizontal):
        chart = StackedBarChart(orientation)
        qtbot.addWidget(chart)
        chart.resize(600, 320)
        chart.set_data(["أيار 2012", "حزيران 2012", "تموز 2012"], series, [[2, 1], [0, 3], [1, 0]])
        assert chart.totals() == [3, 3, 1] and not chart.is_empty()
        chart.grab()
        ltr = _bars(chart)
        chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        chart.grab()
        rtl = _bars(chart)
        if orientation == Qt.Orientation.Vertical:
            assert ltr[0] < ltr[2] and rtl[0] > rtl[2]
        else:  # bars grow from the right edge
            assert rtl[0] > ltr[0]
        for rect, i, j in chart._hit:
            assert chart.bar_at(QPointF(rect.center())) == (i, j)


@pytest.mark.parametrize("rtl", [False, True])
def test_month_bars_too_narrow_for_their_labels_are_labelled_every_few_bars_in_full(qtbot, rtl):
    """Five years of months on a laptop: whole labels ("Feb 2012") every few bars, not
    "Feb …" under every bar, so each year can be read off the axis."""
    chart = StackedBarChart(Qt.Orientation.Vertical)
    qtbot.addWidget(chart)
    if rtl:
        chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    chart.resize(1000, 320)
    months = [f"{name} {2011 + i // 12}" for i, name in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                                                  "Aug", "Sep", "Oct", "Nov", "Dec"] * 5)]
    chart.set_data(months, [Series("killed", "Killed", QColor("#8b1e1e"))], [[1 + i % 3] for i in range(60)])
    chart.grab()
    shown = chart.labelled
    assert shown[0] == 0 and 1 < len(shown) < 60
    every = shown[1] - shown[0]
    centres = _bars(chart)
    slot = abs(centres[1] - centres[0])
    assert all(b - a == every for a, b in itertools.pairwise(shown))
    assert every * slot >= max(chart.fontMetrics().horizontalAdvance(m) for m in months)  # no overlap
