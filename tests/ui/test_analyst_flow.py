"""Headquarters in the app: import a field bundle (accepting the new device),
browse and filter testimonies, link two, see the patterns drawn, write a
receipt; then the field laptop imports the receipt and hands over."""

from __future__ import annotations

import csv
import json

from PySide6.QtCore import Qt

from desktop.core import analysis, cards
from desktop.ui.analyst.import_dialog import ImportDialog
from desktop.ui.analyst.window import AnalystScreen
from desktop.ui.app import ShellWindow
from desktop.ui.handover_dialog import HandoverDialog

from .conftest import FORMS


def _open_hq(qtbot, translations, hq) -> ShellWindow:
    window = ShellWindow(hq.path, translations, forms=FORMS)
    qtbot.addWidget(window)
    window.show()
    window.open_session(hq)
    assert isinstance(window.main, AnalystScreen)
    return window


def _choose(combo, value) -> None:
    idx = combo.findData(value)
    assert idx >= 0, value
    combo.setCurrentIndex(idx)


def test_analyst_imports_filters_links_charts_and_receipt(qtbot, translations, hq_and_field):
    ns = hq_and_field
    window = _open_hq(qtbot, translations, ns.hq)
    main = window.main
    assert ns.card.fingerprint in main.hq_label.text()
    assert main.testimonies.model.total == 0 and main.patterns.by_month.is_empty()

    # import: refused first because the device is new; its fingerprint is shown; accept it
    main.import_bundle()
    dlg: ImportDialog = main.import_dialog
    dlg.path.setText(str(ns.bundle))
    with qtbot.waitSignal(dlg.refused, timeout=20000) as refused:
        dlg.import_button.click()
    device_fp = cards.device_identity(ns.field)[1]
    assert refused.args[0].kind == "new_device"
    assert dlg.device_box.isVisibleTo(dlg) and dlg.device_fp.text() == device_fp
    assert main.testimonies.model.total == 0
    with qtbot.waitSignal(dlg.imported, timeout=20000) as done:
        dlg.accept_device_button.click()
    report = done.args[0]
    assert report.records_added == 9 and not report.refused
    assert dlg.report_fields["records_added"].text() == "9"
    assert dlg.report_fields["duplicates_skipped"].text() == "0"
    assert "R-07" in dlg.report_fields["source"].text()

    # every testimony listed, with its researcher and device
    tv = main.testimonies
    assert tv.model.total == 9 and tv.model.rowCount() == 9
    row = tv.model.index(0, tv.model.COLUMNS.index("device"))
    assert tv.model.data(row) == device_fp
    assert tv.model.data(tv.model.index(0, tv.model.COLUMNS.index("researcher"))) == "R-07"
    # and when and where its first act happened: what tells testimonies apart (all arrived together)
    first: dict[str, analysis.Act] = {}
    for a in analysis.acts(ns.hq):
        first.setdefault(a.record_id, a)
    when, where = tv.model.COLUMNS.index("when"), tv.model.COLUMNS.index("where")
    shown = [(tv.model.data(tv.model.index(r, when)), tv.model.data(tv.model.index(r, where)), first.get(rec.id))
             for r, rec in enumerate(tv.model.rows)]
    with_acts = [(w, p, a) for w, p, a in shown if a is not None and (a.day or a.month)]
    assert with_acts and all(w == tv.model.labels.month(a.day or a.month) for w, _p, a in with_acts)
    assert all(p == tv.model.labels.place(a.district or a.city) for _w, p, a in with_acts if a.district or a.city)

    # filters on acts: violation, perpetrator, place, dates; plus full-text search
    acts = analysis.acts(ns.hq)
    killing = {a.record_id for a in acts if a.act_type == "killing"}
    army = {a.record_id for a in acts if "army" in a.perpetrators}
    assert len(killing) >= 2 and army
    _choose(tv.violation_filter, "killing")
    assert {r.id for r in tv.model.rows} == killing
    _choose(tv.violation_filter, None)
    _choose(tv.perpetrator_filter, "army")
    assert {r.id for r in tv.model.rows} == army
    _choose(tv.perpetrator_filter, None)
    _choose(tv.place_filter, "homs/khalidiya")
    assert {r.id for r in tv.model.rows} == {a.record_id for a in acts if a.district == "khalidiya"}
    _choose(tv.place_filter, None)
    tv.since_on.setChecked(True)
    tv.since.setDate(tv.since.date().fromString("2012-05-01", "yyyy-MM-dd"))
    tv.until_on.setChecked(True)
    tv.until.setDate(tv.until.date().fromString("2012-05-31", "yyyy-MM-dd"))
    tv.apply()
    may = {a.record_id for a in acts if (a.day or a.month or "").startswith("2012-05")}
    assert {r.id for r in tv.model.rows} == may and may
    tv.since_on.setChecked(False)
    tv.until_on.setChecked(False)
    with qtbot.waitSignal(tv.searched, timeout=2000):
        qtbot.keyClicks(tv.search, "funeral")
    assert 0 < tv.model.total < 9
    tv.search.clear()
    tv.apply()

    # link two testimonies about the same killing
    _choose(tv.violation_filter, "killing")
    assert not tv.same_incident.isEnabled()
    tv.select_ids(sorted(killing)[:2])
    assert tv.same_incident.isEnabled()
    with qtbot.waitSignal(tv.linked, timeout=2000):
        tv.same_incident.click()
    assert len(analysis.links(ns.hq)) == 1
    _choose(tv.violation_filter, None)

    # patterns are drawn from the same data
    pv = main.patterns
    main.show_patterns()
    assert not pv.by_month.is_empty() and not pv.by_place.is_empty()
    assert pv.by_perpetrator.categories and sum(pv.by_perpetrator.totals()) == len(acts)
    killed = sum(v.get("status") == "killed" for a in acts for v in a.victims)
    killed_col = [s.key for s in pv.by_month.series].index("killed")
    assert sum(row[killed_col] for row in pv.by_month.values) == killed
    assert pv.by_sources.is_empty()  # no incident filed on the desk yet
    pv.by_month.grab()  # paints without error

    # the record view says where each revision came from, and shows the link
    rid = sorted(killing)[0]
    main.open_record(rid)
    rv = main.record_view
    assert not rv.edit_button.isVisibleTo(rv)
    assert rv.origins.rowCount() == 1
    assert rv.origins.item(0, 1).text() == "R-07" and rv.origins.item(0, 2).text() == device_fp
    assert rv.origins.item(0, 3).text() == report.bundle_id
    assert rv.links_table.rowCount() == 1
    main.show_list()

    # receipt for the imported bundle, and the flat export
    main.receipts()
    rd = main.receipt_dialog
    assert [b.bundle_id for b in rd.bundles] == [report.bundle_id]
    receipt = ns.tmp / "receipt.json"
    with qtbot.waitSignal(rd.written, timeout=2000):
        assert rd.write(rd.selected_bundle(), receipt)
    rd.reject()
    table = ns.tmp / "all.csv"
    with qtbot.waitSignal(main.table_exported, timeout=10000):
        main.start_export_table(table, "csv")
    with open(table, encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.DictReader(f))) == 9

    # importing the same bundle again changes nothing
    main.import_bundle()
    dlg = main.import_dialog
    dlg.path.setText(str(ns.bundle))
    with qtbot.waitSignal(dlg.imported, timeout=20000) as again:
        dlg.import_button.click()
    assert again.args[0].already_imported and dlg.report_fields["records_added"].text() == "0"
    dlg.reject()

    # Arabic: the screen is rebuilt right to left, labels from the vocabularies
    window.set_language("ar")
    try:
        main = window.main
        assert isinstance(main, AnalystScreen)
        main.show_patterns()
        chart = main.patterns.by_perpetrator
        assert chart.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert "الجيش النظامي" in chart.categories
        chart.grab()
        main.receipts()  # right to left, the only bundle is still preselected
        assert main.receipt_dialog.selected_bundle() == report.bundle_id
        main.receipt_dialog.reject()
    finally:
        window.set_language("en")
    window.lock()

    # field side: the receipt is verified, then identities are handed over
    hd = HandoverDialog(ns.field)
    qtbot.addWidget(hd)
    assert not hd.handover_button.isEnabled()
    with qtbot.waitSignal(hd.receipt_imported, timeout=2000):
        assert hd.load_receipt(receipt)
    assert len(cards.received_records(ns.field)) == 9 and hd.handover_button.isEnabled()
    hd.handover_button.click()
    assert hd.confirm_box.isVisibleTo(hd) and not hd.forget_button.isEnabled()
    hd.understood.setChecked(True)
    with qtbot.waitSignal(hd.handed_over, timeout=10000) as handed:
        hd.forget_button.click()
    assert sorted(handed.args[0]) == sorted(ns.ids)
    rec = ns.field.get_record(ns.ids[0], reveal=True)
    assert rec.identity_forgotten and not rec.identity


def test_tampered_receipt_is_refused(qtbot, hq_and_field):
    from desktop.core import bundle

    ns = hq_and_field
    report = bundle.import_bundle(ns.hq, ns.bundle, trust_new_device=True)
    doc = json.loads(cards.make_receipt(ns.hq, report.bundle_id))
    doc["records"][ns.ids[0]] = 7  # claims a revision headquarters never received
    path = ns.tmp / "bad-receipt.json"
    path.write_text(json.dumps(doc))
    hd = HandoverDialog(ns.field)
    qtbot.addWidget(hd)
    with qtbot.waitSignal(hd.receipt_refused, timeout=2000) as refused:
        assert not hd.load_receipt(path)
    assert "signature" in refused.args[0]
    assert cards.received_records(ns.field) == {}
    assert not hd.handover_button.isEnabled()
