"""The analyst's desk in the window: suggestions off the GUI thread, filing the
demo killing as one incident, confirming its victim, the chart dropping by one,
candidates, quotations, reveal logged, the report draft written; in Arabic too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core import cards
from desktop.core.crypto import FLOOR
from desktop.core.desk import sample
from desktop.core.services import desk
from desktop.ui.analyst.window import AnalystScreen
from desktop.core.errors import Refusal
from desktop.ui.app import ShellWindow
from desktop.ui.base import refusals

HQ_PASSPHRASE = "headquarters passphrase for tests"


@pytest.fixture
def hq(tmp_path):
    v, _code, _card = cards.init_hq(tmp_path / "hq", HQ_PASSPHRASE, "Desk (test)", kdf=FLOOR)
    sample.fill(v, 40)
    yield v
    if not v.is_locked:
        v.lock()


def _open(qtbot, translations, hq) -> AnalystScreen:
    window = ShellWindow(hq.path, translations)
    qtbot.addWidget(window)
    window.show()
    window.open_session(hq)
    assert isinstance(window.main, AnalystScreen)
    return window.main


def _killed_in(main, month_label: str) -> int:
    chart = main.patterns.by_month
    col = [s.key for s in chart.series].index("killed")
    return chart.values[chart.categories.index(month_label)][col]


def test_desk_files_the_demo_killing_and_counts_its_victim_once(qtbot, translations, hq, tmp_path, monkeypatch):
    main = _open(qtbot, translations, hq)
    main.show_desk()
    assert main.home.currentWidget() is main.desk
    page = main.desk.suggestions
    main.desk.tabs.setCurrentWidget(page)
    file_button = page._buttons[page.incidents][0]
    assert not file_button.isEnabled()  # nothing chosen: a click must not look as if it did something
    assert not page.progress.isVisible()  # no idle bar at 0 %
    with qtbot.waitSignal(page.found, timeout=30000):
        page.find_button.click()
        assert page.progress.isVisible()
    assert not page.progress.isVisible()
    assert not page.find_button.isEnabled() or page.task is None
    assert page.incidents.currentItem() is None and not file_button.isEnabled()

    d = desk.load(hq)
    eyewitness = next(a for a in d.acts if a.form_id == "eyewitness_force" and a.victims)
    n = next(i for i, p in enumerate(page.result.incidents) if eyewitness.key in {a.key for a in p.acts})
    row = next(r for r in range(page.incidents.count()) if page.incidents.item(r).data(Qt.ItemDataRole.UserRole) == n)
    page.incidents.setCurrentRow(row)
    assert "same place" in page.incidents.currentItem().text()
    month = main.labels.month("2012-02")
    killed_before = _killed_in(main, month)

    assert file_button.isEnabled()
    qtbot.mouseClick(file_button, Qt.MouseButton.LeftButton)
    assert len(desk.load(hq).incidents) == 1
    assert "Filed as one incident" in page.status.text()  # the analyst is told what happened
    pn = next(i for i, s in enumerate(page.result.people) if eyewitness.record_id in (s.a.record_id, s.b.record_id))
    row = next(r for r in range(page.people.count()) if page.people.item(r).data(Qt.ItemDataRole.UserRole) == pn)
    page.people.setCurrentRow(row)
    text = page.people.currentItem().text()
    assert "Yasser" not in text and "ياسر" not in text  # names compared, never shown in suggestions
    assert "names match" in text
    page.accept_person()
    assert _killed_in(main, month) == killed_before - 1  # the chart follows the confirmation

    # the incident: two independent sources, a corroboration level with its evidence, a quotation
    inc = main.desk.incidents
    main.desk.tabs.setCurrentWidget(inc)
    assert inc.table.rowCount() == 1 and inc.table.item(0, 3).text() == "2"
    assert "2 independent sources" in inc.sources_line.text()
    assert "(1 eyewitness, 1 relative)" in inc.sources_line.text(), inc.sources_line.text()
    inc.level.setCurrentIndex(inc.level.findData("corroborated"))
    inc.note.setText("Two accounts agree on time and place.")
    inc.save_level.click()
    assert desk.load(hq).incidents[0]["corroboration"] == "corroborated"
    companion = next(r for r in range(inc.sources.count()) if "F-311" in inc.sources.item(r).text())
    inc.sources.setCurrentRow(companion)
    cursor = inc.narrative.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(len("My brother was shot"), cursor.MoveMode.KeepAnchor)
    inc.narrative.setTextCursor(cursor)
    inc.quote_button.click()
    assert [q[3] for q in hq.quotes(desk.load(hq).incidents[0]["id"])] == ["My brother was shot"]

    # people: a pseudonym; the reveal asks, shows the names and is logged
    people = main.desk.people
    assert people.list.count() == 1 and "V-0001" in people.list.item(0).text()
    assert people.history.rowCount() == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(people.revealed, timeout=2000):
        people.reveal_button.click()
    assert "ياسر الحلبي" in people.names.text()
    assert hq.conn.execute("SELECT count(*) FROM custody WHERE action = 'person.reveal'").fetchone()[0] == 1

    # the report draft, written off the GUI thread
    inc.report()
    dlg = inc.dialog
    out = tmp_path / "draft.pdf"
    dlg.path.setText(str(out))
    with qtbot.waitSignal(dlg.written, timeout=60000):
        dlg.buttons.button(dlg.buttons.StandardButton.Save).click()
    assert out.read_bytes().startswith(b"%PDF")


def test_desk_in_arabic_and_by_keyboard(qtbot, translations, hq):
    translations.install("ar")
    main = _open(qtbot, translations, hq)
    assert main.layoutDirection() == Qt.LayoutDirection.RightToLeft
    main.act_desk.trigger()
    assert main.home.currentWidget() is main.desk
    assert main.desk.tabs.tabText(0) == "الحوادث"
    inc = main.desk.incidents
    assert inc.new_button.text() != "New incident…"
    for w in (inc.new_button, inc.report_button, main.desk.suggestions.find_button, inc.level, inc.note):
        assert w.focusPolicy() & Qt.FocusPolicy.TabFocus, w
    inc.new_incident()
    dlg = inc.dialog
    dlg.place.setCurrentIndex(dlg.place.findText("حمص"))
    dlg.save()
    assert len(desk.load(hq).incidents) == 1 and inc.table.rowCount() == 1
    assert inc.summary.text().startswith("الحوادث المسجّلة")
    # the desk's refusals are coded and shown in the interface's language
    shown = refusals.message(Refusal(code="desk.city_unknown", city="atlantis"))
    assert "atlantis" in shown and any("\u0600" <= c <= "\u06ff" for c in shown)


def test_desk_counts_and_codes_in_arabic_digits(qtbot, translations, hq):
    """One digit style per language: the desk's counts follow the interface (Arabic-Indic in Arabic)
    and codes such as device names stay left to right inside Arabic text."""
    translations.install("ar")
    main = _open(qtbot, translations, hq)
    main.act_desk.trigger()
    inc = main.desk.incidents
    inc.new_incident()
    dlg = inc.dialog
    dlg.place.setCurrentIndex(dlg.place.findText("حمص"))
    dlg.save()
    summary = inc.summary.text()
    assert not any("0" <= c <= "9" for c in summary), summary
    assert any("\u0660" <= c <= "\u0669" for c in summary), summary
    assert inc.table.item(0, 3).text() == "\u0660"  # no sources yet: zero, written the Arabic way


def _estimated_arrest(tmp_path):
    """An analyst vault with one testimony: an arrest of 4 people, nobody listed by name."""
    v, _code, _card = cards.init_hq(tmp_path / "hq-estimate", HQ_PASSPHRASE, "Desk (test)", kdf=FLOOR)
    act = {"act_type": "arbitrary_arrest", "act_date": {"precision": "day", "date": "2012-03-01"},
           "act_location": {"city": "homs", "district": "waer"}, "act_victims": [], "act_victim_count": 4,
           "act_perpetrators": [{"perp_type": "army"}]}
    rid = v.add_record("eyewitness_force", "1", {"acts": [act]}, {}, origin={"device": "D1"})
    return v, rid


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_victims_given_only_as_an_estimate_are_drawn_and_counted_as_estimates(qtbot, translations, tmp_path, lang):
    v, rid = _estimated_arrest(tmp_path)
    try:
        translations.install(lang)
        main = _open(qtbot, translations, v)
        main.show_patterns()
        chart = main.patterns.by_month
        keys = [s.key for s in chart.series]
        assert "estimate:arrested" in keys
        assert chart.values == [[4 if k == "estimate:arrested" else 0 for k in keys]]  # 4, not listed: estimated
        label = chart.series[keys.index("estimate:arrested")].label
        note = main.patterns.month_page.findChild(type(main.patterns.month_page.children()[1]), "hint").text()
        if lang == "en":
            assert label == "Arrested (estimate)" and "4 of them are estimates" in note
        else:
            assert "\u0664" in note and not any("0" <= c <= "9" for c in note), note  # ٤, Arabic-Indic
        iid = desk.create_incident(v, "arbitrary_arrest", {"precision": "day", "date": "2012-03-01"}, "homs",
                                   "waer", "Arrests at the checkpoint", [(rid, 0)])
        main.show_desk()
        inc = main.desk.incidents
        inc.refresh()
        inc.table.selectRow(0)
        assert inc.current == iid
        line = inc.sources_line.text()
        assert ("About 4 more victims" in line) if lang == "en" else ("\u0664" in line)
        if lang == "en":  # each count with its noun as the number takes it
            assert line.startswith("1 independent source (") and "in 1 testimony, from 1 device and" in line, line
    finally:
        v.lock()


@pytest.mark.parametrize("digits", ["native", "western"])
def test_report_draft_from_the_arabic_desk_writes_the_desk_s_digits(qtbot, translations, hq, tmp_path, digits):
    """The report the desk writes follows the digit setting the desk screens use."""
    from desktop.ui.base.settings import Settings

    Settings().digits = digits
    translations.install("ar")
    main = _open(qtbot, translations, hq)
    desk.create_incident(hq, "killing", {"precision": "day", "date": "2012-02-04"}, "homs", "khalidiya",
                         "Funeral shooting", [])
    main.show_desk()
    inc = main.desk.incidents
    inc.refresh()
    inc.report()
    dlg = inc.dialog
    assert dlg.lang.currentData() == "ar"
    out = tmp_path / "draft.html"
    dlg.path.setText(str(out))
    with qtbot.waitSignal(dlg.written, timeout=60000):
        dlg.buttons.button(dlg.buttons.StandardButton.Save).click()
    html = out.read_text(encoding="utf-8")
    assert ("٢٠١٢" in html) == (digits == "native") and ("2012" in html) == (digits == "western")


def test_a_wrapped_label_gives_back_the_height_it_needed_when_narrow(qtbot):
    from desktop.ui.base.widgets import PlainLabel

    label = PlainLabel("No incident selected: file one with New incident, or accept a suggested one. " * 2)
    qtbot.addWidget(label)
    label.show()
    label.resize(60, 20)  # before the first layout a label is narrow
    tall = label.minimumHeight()
    label.resize(900, 20)
    assert label.minimumHeight() < tall / 3  # one line again, not the narrow height for good


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_headquarters_fits_a_1366x768_laptop_on_every_screen(qtbot, translations, hq, lang):
    from PySide6.QtCore import QRect

    translations.install(lang)
    main = _open(qtbot, translations, hq)
    window = main.window()
    available = QRect(0, 0, 1366, 768 - 32)  # what the window manager leaves above a 32-pixel panel
    window.fit_to(available)
    height = window.height()
    assert height + window.FRAME_ALLOWANCE.height() <= 768 - 32
    d = desk.load(hq)
    a = next(x for x in d.acts if x.date)
    desk.create_incident(hq, a.act_type or "killing", a.date, a.city or "homs", a.district, "Filed", [a.key])
    main.show_patterns()
    for i in range(main.patterns.tabs.count()):
        main.patterns.tabs.setCurrentIndex(i)
    main.show_desk()
    inc = main.desk.incidents
    inc.refresh()
    inc.table.selectRow(0)
    # the incident's buttons are in sight, not below the fold of its scrolling pane
    for button in (inc.accept_button, inc.save_level):
        qtbot.waitUntil(lambda b=button: b.visibleRegion().boundingRect() == b.rect(), timeout=2000)
    for i in range(main.desk.tabs.count()):
        main.desk.tabs.setCurrentIndex(i)
        qtbot.waitUntil(lambda: window.minimumSizeHint().height() <= height, timeout=2000)
    main.open_record(d.acts[0].record_id)
    qtbot.waitUntil(lambda: window.minimumSizeHint().height() <= height, timeout=2000)
    assert window.height() == height


@pytest.mark.parametrize("digits", ["native", "western"])
def test_the_desk_and_the_report_name_months_alike_in_arabic(qapp, translations, digits):
    """One calendar: the desk lists 4 February 2012 as the report prints it (شباط, the Levantine name),
    not as Qt's Egyptian (فبراير) or Maghreb (فيفري) Arabic would, in either digit style."""
    from desktop.core.desk.report import format_date
    from desktop.core.services import zero_digit
    from desktop.ui.base.forms import FormCatalog
    from desktop.ui.base.labels import Labels

    translations.install("ar", digits)
    shown = Labels("ar", FormCatalog()).month("2012-02-04")
    assert shown == format_date({"precision": "day", "date": "2012-02-04"}, "ar", zero_digit("ar", digits))
    assert "شباط" in shown and ("٢٠١٢" in shown) == (digits == "native")


def test_source_kinds_are_counted_with_their_noun(qapp, translations):
    from desktop.ui.analyst import desk_text as words

    translations.install("en")
    assert words.kinds_counted("eyewitness", 1) == "1 eyewitness"
    assert words.kinds_counted("eyewitness", 3) == "3 eyewitnesses"
    assert words.kinds_counted("family", 2) == "2 relatives"
    translations.install("ar", "native")
    assert words.kinds_counted("eyewitness", 3) == "٣ من شهود العيان"
