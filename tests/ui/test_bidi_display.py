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
