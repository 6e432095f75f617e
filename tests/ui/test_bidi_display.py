"""Witness text with bidirectional controls never displays reordered (issue 10, item 13)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.base.timefmt import isolate, local_time
from desktop.ui.base.widgets import PlainLabel, clean_text

CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200e\u200f"


def test_labels_and_isolates_drop_the_witness_controls(qtbot, qapp):
    hostile = "\u2067\u202b+963 944 \u202e777 123\u202c\u2069"
    label = PlainLabel(hostile)
    qtbot.addWidget(label)
    assert label.text() == "+963 944 777 123"
    assert clean_text("\u2068Yusuf \u2067Haddad\u2069\u2069") == "\u2068Yusuf Haddad\u2069"
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        assert isolate(hostile) == "\u2066+963 944 777 123\u2069"  # only the interface's own isolate
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    stamp = local_time("2026-01-02T03:04:05+00:00")
    assert clean_text(stamp) == stamp  # the interface's left-to-right timestamps keep their isolate
    assert not any(ch in clean_text("a\u202eb\u2066c") for ch in CONTROLS)
    deep = "\u2066" * 5000 + "x" + "\u2069" * 5000  # hostile nesting: cleaned, not recursed into
    assert clean_text(deep) == "\u2066x\u2069"


def test_a_sentence_keeps_the_isolates_of_its_values_and_drops_theirs(qtbot):
    from desktop.ui.base.i18n import ltr
    from desktop.ui.base.widgets import sentence

    label = PlainLabel(sentence("created {when} by {who}", when=ltr("2026-12-01"), who="R-0\u202e9"))
    qtbot.addWidget(label)
    assert label.text() == "created \u20662026-12-01\u2069 by R-09"  # the value's own override is gone
    label.setText("created " + ltr("2026-12-01"))  # text built any other way is cleaned whole
    assert label.text() == "created 2026-12-01"


def test_arabic_testimony_at_headquarters_keeps_dates_and_codes_in_order(qtbot, translations, tmp_path):
    """In Arabic, the record's line keeps each date and code left to right (not 01-12-2026), repeat
    entries read as the form names them ("فعل ١"), and revisions are numbered in Arabic digits."""
    from desktop.core import cards
    from desktop.core.crypto import FLOOR
    from desktop.ui.app import ShellWindow

    v, _code, _card = cards.init_hq(tmp_path / "hq", "headquarters passphrase long enough", "HQ", kdf=FLOOR)
    acts = [{"act_type": "killing", "act_date": {"precision": "day", "date": "2012-02-04"},
             "act_location": {"city": "homs"}, "act_victims": [{"status": "killed"}]}]
    rid = v.add_record("eyewitness_force", "1", {"acts": acts}, {},
                       origin={"researcher": "R-09", "device": "GEN-DEVICE-09\u202e", "field_rev": 1})
    try:
        translations.install("ar", "native")
        window = ShellWindow(v.path, translations)
        qtbot.addWidget(window)
        window.open_session(v)
        window.main.open_record(rid)
        view = window.main.record_view
        meta = view.meta.text()
        created = meta.split("\u2066")[2].split("\u2069")[0]  # reference, then the creation time
        assert created[:4] == "\u0662\u0660\u0662\u0666" and created[4] == "/", meta  # ٢٠٢٦/…, isolated
        assert "\u2066R-09\u2069" in meta and "\u2066GEN-DEVICE-09\u2069" in meta and "\u202e" not in meta
        entries = [view.answers.topLevelItem(i).child(j).text(0) for i in range(view.answers.topLevelItemCount())
                   for j in range(view.answers.topLevelItem(i).childCount())]
        assert "فعل \u0661" in entries, entries
        act = next(view.answers.topLevelItem(i).child(j) for i in range(view.answers.topLevelItemCount())
                   for j in range(view.answers.topLevelItem(i).childCount())
                   if view.answers.topLevelItem(i).child(j).text(0) == "فعل \u0661")
        answers = [act.child(k).text(1) for k in range(act.childCount())]
        assert any("قتل" in a for a in answers), answers  # the act's own answers, under it
        assert view.history.item(0, 0).text() == "\u0661" and view.origins.item(0, 0).text() == "\u0661"
    finally:
        translations.install("en")
        v.lock()


def _ink(text: str) -> bytes:
    """The pixels a right-to-left label draws for ``text``, cropped to the ink."""
    from PIL import Image, ImageChops
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtWidgets import QLabel

    import io

    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    label.setText(text)
    label.resize(420, 30)
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    label.grab().save(buf, "PNG")
    image = Image.open(io.BytesIO(bytes(buf.data().data()))).convert("L")
    box = ImageChops.invert(image).point(lambda v: 255 if v > 60 else 0).getbbox()
    cropped = image.crop(box)
    return cropped.tobytes() + repr(cropped.size).encode()


def test_an_arabic_date_is_drawn_year_first_from_the_left(qtbot, translations):
    """2026-12-01 in Arabic-Indic digits is drawn ٢٠٢٦/١٢/٠١ (year, month, day from the left),
    not ٠١-١٢-٢٠٢٦: compared with the same digits forced into that visual order."""
    from desktop.ui.base.i18n import date_text

    translations.install("ar", "native")
    shown = date_text("2026-12-01")
    forced = "\u202d" + shown.strip("\u2066\u2069") + "\u202c"  # left-to-right override: drawn as written
    assert _ink(shown) == _ink(forced), shown
    assert _ink(shown) != _ink("\u202d٠١/١٢/٢٠٢٦\u202c")
    translations.install("ar", "western")
    assert date_text("2026-12-01") == "\u20662026-12-01\u2069"  # Western digits keep their hyphens
