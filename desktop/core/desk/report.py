"""A report draft for chosen incidents, as HTML in English or Arabic (right to
left), shaped like a field report: what was withheld and why, a table of the
incidents, then per incident the facts, the number and kinds of sources, the
quotations the analyst picked (always from redacted narratives) and the
victims, named only where the policy allows (the killed, and the
disappeared whose families agreed).

The core builds the HTML (every value escaped: a witness's words are never
markup); the window and the command line turn it into a PDF with Qt's text
engine, which shapes Arabic and lays it out right to left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import datetime as _dt
import html
import unicodedata
from dataclasses import dataclass, field

from .. import numerals
from ..forms.vocab import pick

PARTS = {"en": {"early": "early", "mid": "mid", "late": "late"},
         "ar": {"early": "أوائل", "mid": "منتصف", "late": "أواخر"}}

TEXT: dict[str, dict[str, str]] = {
    "title": {"en": "Draft report", "ar": "مسودة تقرير"},
    "draft": {"en": "Draft for internal review, prepared on {date} by {org}. Not for publication as it stands.",
              "ar": "مسودة للمراجعة الداخلية، أُعدّت في {date} لدى {org}. ليست للنشر بصيغتها الحالية."},
    "methodology": {"en": "Methodology", "ar": "المنهجية"},
    "method_1": {
        "en": "This draft covers {incidents} documented in {testimonies} gathered by "
              "{researchers}: interviews with eyewitnesses, people who were injured, relatives of "
              "people killed or disappeared, survivors of detention, medical workers and aid volunteers, the "
              "researchers' own observations and reviews of footage filmed by local activists.",
        "ar": "تغطي هذه المسودة {incidents} من الحوادث وثّقتها {testimonies} من الشهادات جمعها {researchers} من "
              "الباحثين: مقابلات مع شهود عيان، ومصابين، وأقارب قتلى ومختفين، وناجين من الاحتجاز، وعاملين في "
              "المجال الطبي ومتطوعين في الإغاثة، إضافة إلى ملاحظات الباحثين المباشرة ومراجعة تسجيلات صوّرها "
              "ناشطون محليون."},
    "method_2": {
        "en": "Everyone interviewed feared reprisals. The names of witnesses and of victims, and every other "
              "detail that could identify them (addresses, telephone numbers, identity numbers, faces, exact "
              "places of refuge and of field hospitals), have been withheld. Victims are named only when they "
              "were killed, or when they disappeared and their families agreed to their names being published; "
              "other victims are described by sex and age. Quotations come from the narratives after identifying "
              "details were removed: a mark such as [PERSON-1] stands for a withheld name.",
        "ar": "كان جميع من قابلناهم يخشون الانتقام. لذلك حُجبت أسماء الشهود والضحايا وكل تفصيل آخر قد يكشف "
              "هويتهم (العناوين، أرقام الهواتف، أرقام الهوية، الوجوه، أماكن اللجوء والمستشفيات الميدانية). لا "
              "تُذكر أسماء الضحايا إلا إذا قُتلوا، أو إذا اختفوا ووافقت عائلاتهم على نشر أسمائهم؛ ويُوصف "
              "الآخرون بالجنس والعمر. الاقتباسات مأخوذة من الروايات بعد حذف التفاصيل التي تكشف الهوية: علامة "
              "مثل [PERSON-1] تحلّ محل اسم محجوب."},
    "method_3": {
        "en": "Sources are counted as independent when they are different people; the number of field devices "
              "and researchers behind them is given as well. Each victim and each incident is counted once "
              "where analysts confirmed that testimonies describe the same person or event. Victim mentions in "
              "these incidents not yet confirmed as anyone, counted as they stand: {unconfirmed}.",
        "ar": "تُعدّ المصادر مستقلة حين يكون أصحابها أشخاصاً مختلفين، ويُذكر كذلك عدد الأجهزة الميدانية والباحثين "
              "الذين جمعوها. يُعدّ كل ضحية وكل حادثة مرة واحدة حيث أكّد المحللون أن الشهادات تصف الشخص نفسه أو "
              "الحدث نفسه؛ وفي هذه الحوادث {unconfirmed} من ذكر الضحايا لم يُؤكَّد بعد أنه لشخص بعينه، فيُعدّ كما هو."},
    "all_incidents": {"en": "All incidents in this draft", "ar": "جميع الحوادث في هذه المسودة"},
    "col_n": {"en": "No.", "ar": "الرقم"},
    "col_type": {"en": "Type of act", "ar": "نوع الفعل"},
    "col_date": {"en": "Date", "ar": "التاريخ"},
    "col_place": {"en": "Place", "ar": "المكان"},
    "col_victims": {"en": "Victims", "ar": "الضحايا"},
    "col_sources": {"en": "Independent sources", "ar": "المصادر المستقلة"},
    "col_corroboration": {"en": "Corroboration", "ar": "درجة التأييد"},
    "incident": {"en": "Incident {n}", "ar": "الحادثة {n}"},
    "facts": {"en": "What happened", "ar": "ما الذي حدث"},
    "sources": {"en": "Sources", "ar": "المصادر"},
    "sources_line": {"en": "{independent} ({kinds}), from {testimonies}, {devices} and {researchers}.",
                     "ar": "{independent} من المصادر المستقلة ({kinds})، من {testimonies} من الشهادات، "
                           "و{devices} من الأجهزة الميدانية، و{researchers} من الباحثين."},
    "corroboration_line": {"en": "Corroboration: {level}.", "ar": "درجة التأييد: {level}."},
    "victims": {"en": "Victims", "ar": "الضحايا"},
    "perpetrators": {"en": "Alleged perpetrators", "ar": "الجهات المتهمة"},
    "quotations": {"en": "From the testimonies", "ar": "من الشهادات"},
    "withheld": {"en": "name withheld", "ar": "الاسم محجوب"},
    "person": {"en": "a person", "ar": "شخص"},
    "age": {"en": "aged {age}", "ar": "عمره {age}"},
    "unconfirmed": {"en": "not yet confirmed across testimonies", "ar": "لم يُؤكَّد بعد عبر الشهادات"},
    "none": {"en": "None recorded.", "ar": "لا شيء مسجّل."},
    "estimated_more": {"en": "About {n} more victims were counted in the testimonies' estimated totals without "
                             "being listed one by one (an estimate).",
                       "ar": "ونحو {n} من الضحايا الآخرين عُدّوا في الأعداد التقديرية للشهادات دون ذكرهم واحداً "
                             "واحداً (تقدير)."},
    "victims_cell": {"en": "{listed} (+{n} estimated)", "ar": "{listed} (+{n} تقديراً)"},
    "unknown": {"en": "unknown", "ar": "غير معروف"},
}

KINDS = {
    "eyewitness": {"en": "eyewitness", "ar": "شاهد عيان"},
    "victim": {"en": "victim", "ar": "ضحية"},
    "family": {"en": "relative", "ar": "قريب"},
    "medical": {"en": "medical worker", "ar": "عامل طبي"},
    "aid_worker": {"en": "aid volunteer", "ar": "متطوع إغاثة"},
    "researcher_observation": {"en": "researcher's observation", "ar": "ملاحظة الباحث"},
    "footage": {"en": "footage", "ar": "تسجيل مصوّر"},
    "other": {"en": "other", "ar": "أخرى"},
}
KINDS_MANY_EN = {"eyewitness": "eyewitnesses", "victim": "victims", "family": "relatives",
                 "medical": "medical workers", "aid_worker": "aid volunteers",
                 "researcher_observation": "researcher's observations", "footage": "footage", "other": "other"}

LEVELS = {
    "unassessed": {"en": "not assessed yet", "ar": "لم تُقيَّم بعد"},
    "single_source": {"en": "single source", "ar": "مصدر واحد"},
    "partly_corroborated": {"en": "partly corroborated", "ar": "مؤيَّدة جزئياً"},
    "corroborated": {"en": "corroborated", "ar": "مؤيَّدة"},
    "strongly_corroborated": {"en": "strongly corroborated", "ar": "مؤيَّدة بقوة"},
    "contested": {"en": "contested", "ar": "متنازع عليها"},
}


def t(key: str, lang: str, **kw: object) -> str:
    return pick(TEXT[key], lang).format(**kw)


# The English sentences name a count with its noun in the form the number takes ("1 testimony",
# "3 testimonies"); the Arabic ones say "٣ من الشهادات", right for any number, themselves.
NOUNS = {"incident": ("incident", "incidents"), "testimony": ("testimony", "testimonies"),
         "researcher": ("researcher", "researchers"), "source": ("independent source", "independent sources"),
         "device": ("field device", "field devices")}


def counted(written: str, count: int, noun: str, lang: str) -> str:
    """``written`` (the count in the report's digits) as the sentence of ``lang`` needs it."""
    if lang != "en":
        return written
    one, many = NOUNS[noun]
    return f"{written} {one if count == 1 else many}"


def format_date(date: dict[str, Any] | None, lang: str, zero: str = "0") -> str:
    """An approximate date as a reader says it: '4 February 2012', 'early February 2012', '20–24 June 2012';
    its digits written from ``zero`` on (numerals.zero_digit)."""
    return numerals.write_digits(_date_words(date, lang), zero)


def _date_words(date: dict[str, Any] | None, lang: str) -> str:
    if not isinstance(date, dict):
        return t("unknown", lang)
    months = numerals.MONTHS.get(lang, numerals.MONTHS["en"])

    def day(iso: object) -> str:
        try:
            d = _dt.date.fromisoformat(str(iso))
        except ValueError:
            return str(iso)
        return f"{d.day} {months[d.month - 1]} {d.year}"

    def month(ym: object) -> str:
        try:
            y, m = str(ym).split("-")
            return f"{months[int(m) - 1]} {int(y)}"
        except (ValueError, IndexError):
            return str(ym)

    p = date.get("precision")
    if p == "day":
        return day(date.get("date"))
    if p == "month":
        return month(date.get("month"))
    if p == "part_of_month":
        part = PARTS.get(lang, PARTS["en"]).get(str(date.get("part")), "")
        return f"{part} {month(date.get('month'))}".strip()
    if p == "year":
        return str(date.get("year"))
    if p == "range":
        return f"{day(date.get('from'))} – {day(date.get('to'))}"
    return t("unknown", lang)


@dataclass
class VictimLine:
    name: str | None  # only where the policy allows
    pseudonym: str | None
    statuses: list[str]
    sex: str | None
    age: int | None
    age_group: str | None
    confirmed: bool


@dataclass
class IncidentSection:
    number: int
    act_type: str
    date: dict[str, Any] | None
    city: str | None
    district: str | None
    description: str
    corroboration: str
    corroboration_note: str
    independent: int
    testimonies: int
    devices: int
    researchers: int
    kinds: dict[str, int]
    victims: list[VictimLine] = field(default_factory=list)
    perpetrators: list[tuple[str, list[str]]] = field(default_factory=list)  # (force, units)
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (source kind, redacted text)
    estimated_more: int = 0  # victims the acts' estimated totals give beyond those listed


@dataclass
class ReportData:
    org: str
    generated: _dt.date
    testimonies: int
    researchers: int
    unconfirmed: int
    incidents: list[IncidentSection]


class Labeller:
    """Vocabulary and gazetteer labels in the report's language."""

    def __init__(self, lang: str) -> None:
        from ..forms.loader import store_for
        from ..paths import resources_dir

        self.lang = lang
        self.store = store_for(resources_dir())
        name = self.store.default_gazetteer()
        self.gaz = self.store.gazetteer(name) if name else None
        self._vocab: dict[str, dict[str, str]] = {}

    def term(self, vocab: str, code: str | None) -> str:
        if not code:
            return t("unknown", self.lang)
        if vocab not in self._vocab:
            self._vocab[vocab] = {c.value: c.text(self.lang) for c in self.store.vocabulary(vocab).terms}
        return self._vocab[vocab].get(code, code)

    def place(self, city: str | None, district: str | None) -> str:
        if not city:
            return t("unknown", self.lang)
        if self.gaz is None or city not in self.gaz.places:
            return ", ".join(x for x in (district, city) if x)
        c = self.gaz.places[city]
        city_label = pick(c.label, self.lang) or city
        if district and district in c.districts:
            return f"{pick(c.districts[district], self.lang)}، {city_label}" if self.lang == "ar" else \
                f"{pick(c.districts[district], self.lang)}, {city_label}"
        return city_label


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _strong_dir(text: str) -> str | None:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return None


def _free(text: str, lang: str, tag: str = "p", extra: str = "") -> str:
    """A witness's or an analyst's own words: escaped, laid out in their own direction."""
    direction = _strong_dir(text) or ("rtl" if lang == "ar" else "ltr")
    align = "right" if direction == "rtl" else "left"
    return f'<{tag} dir="{direction}" align="{align}"{extra}>{_e(text)}</{tag}>'


def _iso(text: str) -> str:
    """A value of either direction inside a sentence (first-strong isolate)."""
    return "\u2068" + text + "\u2069"


def render_html(data: ReportData, lang: str, digits: str = "native") -> str:
    """The draft as one HTML document (Qt rich-text subset: tables, headings, paragraphs, inline styles).
    Counts and dates in the digits ``lang`` is written with under the digit setting ``digits``
    (as the window writes them); codes and people's own words as they were written."""
    zero = numerals.zero_digit(lang, digits)

    def n(value: int) -> str:
        return numerals.write_digits(str(value), zero)

    lab = Labeller(lang)
    rtl = lang == "ar"
    d = ' dir="rtl" align="right"' if rtl else ""  # Qt's rich text needs both: direction and alignment
    html_dir = ' dir="rtl"' if rtl else ""
    align = "right" if rtl else "left"
    sep = "، " if rtl else ", "
    generated = format_date({"precision": "day", "date": data.generated.isoformat()}, lang, zero)
    method_1 = t("method_1", lang, incidents=counted(n(len(data.incidents)), len(data.incidents), "incident", lang),
                 testimonies=counted(n(data.testimonies), data.testimonies, "testimony", lang),
                 researchers=counted(n(data.researchers), data.researchers, "researcher", lang))
    out: list[str] = [
        f'<html lang="{lang}"{html_dir}><head><meta charset="utf-8">',
        f'<title>{_e(t("title", lang))} — {_e(data.org)}</title>',
        ("<style>body{font-family:'Noto Sans','Noto Sans Arabic','DejaVu Sans',sans-serif;font-size:10pt}"
        "h1{font-size:18pt}h2{font-size:14pt;margin-top:14pt}h3{font-size:11pt}"
        "td,th{padding:3pt;border:1px solid #999}th{background:#e8e8e8}"
        "blockquote{margin:6pt 18pt;color:#333}.note{color:#555}</style></head>"),
        f'<body{d} style="text-align:{align}">',
        f'<h1{d}>{_e(t("title", lang))} — {_e(data.org)}</h1>',
        f'<p{d} class="note">{_e(t("draft", lang, date=generated, org=data.org))}</p>',
        f'<h2{d}>{_e(t("methodology", lang))}</h2>',
        f'<p{d}>{_e(method_1)}</p>',
        f'<p{d}>{_e(t("method_2", lang))}</p>',
        f'<p{d}>{_e(t("method_3", lang, unconfirmed=n(data.unconfirmed)))}</p>',
        f'<h2{d}>{_e(t("all_incidents", lang))}</h2>',
        f'<table{d} width="100%" cellspacing="0" cellpadding="3" border="1"><tr>',
    ]
    for col in ("col_n", "col_type", "col_date", "col_place", "col_victims", "col_sources", "col_corroboration"):
        out.append(f"<th align=\"{align}\">{_e(t(col, lang))}</th>")
    out.append("</tr>")
    for inc in data.incidents:
        cells = [n(inc.number), lab.term("violation_types", inc.act_type), format_date(inc.date, lang, zero),
                 lab.place(inc.city, inc.district), _victims_cell(inc, lang, n), n(inc.independent),
                 pick(LEVELS.get(inc.corroboration, {}), lang) or inc.corroboration]
        out.append("<tr>" + "".join(f'<td align="{align}">{_e(c)}</td>' for c in cells) + "</tr>")
    out.append("</table>")
    for inc in data.incidents:
        title = (f'{t("incident", lang, n=n(inc.number))}: {lab.term("violation_types", inc.act_type)} — '
                 f'{lab.place(inc.city, inc.district)}{sep}{format_date(inc.date, lang, zero)}')
        out.append(f'<h2{d} style="page-break-before: always">{_e(title)}</h2>')
        out.append(f'<h3{d}>{_e(t("facts", lang))}</h3>')
        out.append(_free(inc.description or t("none", lang), lang))
        out.append(f'<h3{d}>{_e(t("sources", lang))}</h3>')
        kinds = sep.join(f"{n(count)} {_kind(k, count, lang)}" for k, count in sorted(inc.kinds.items()))
        line = t("sources_line", lang, independent=counted(n(inc.independent), inc.independent, "source", lang),
                 kinds=kinds, testimonies=counted(n(inc.testimonies), inc.testimonies, "testimony", lang),
                 devices=counted(n(inc.devices), inc.devices, "device", lang),
                 researchers=counted(n(inc.researchers), inc.researchers, "researcher", lang))
        out.append(f"<p{d}>{_e(line)}</p>")
        level = pick(LEVELS.get(inc.corroboration, {}), lang) or inc.corroboration
        out.append(f'<p{d}>{_e(t("corroboration_line", lang, level=level))}</p>')
        if inc.corroboration_note:
            out.append(_free(inc.corroboration_note, lang))
        out.append(f'<h3{d}>{_e(t("victims", lang))}</h3>')
        if inc.victims:
            out.append(f"<ul{d}>")
            for v in inc.victims:
                out.append(f"<li{d}>{_e(_victim_text(v, lab, lang, sep, n))}</li>")
            out.append("</ul>")
        elif not inc.estimated_more:
            out.append(f"<p{d}>{_e(t('none', lang))}</p>")
        if inc.estimated_more:
            out.append(f"<p{d}>{_e(t('estimated_more', lang, n=n(inc.estimated_more)))}</p>")
        if inc.perpetrators:
            out.append(f'<h3{d}>{_e(t("perpetrators", lang))}</h3><ul{d}>')
            for force, units in inc.perpetrators:
                text = lab.term("perpetrator_types", force) + (
                    f" ({sep.join(_iso(u) for u in units)})" if units else "")
                out.append(f"<li{d}>{_e(text)}</li>")
            out.append("</ul>")
        if inc.quotes:
            out.append(f'<h3{d}>{_e(t("quotations", lang))}</h3>')
            for kind, text in inc.quotes:
                quoted = ("«" + text + "»") if _strong_dir(text) == "rtl" else ("\u201c" + text + "\u201d")
                out.append(_free(quoted, lang, "blockquote"))
                out.append(f'<p{d} class="note">— {_e(pick(KINDS.get(kind, KINDS["other"]), lang))}</p>')
    out.append("</body></html>")
    return "\n".join(out)


def _kind(code: str, count: int, lang: str) -> str:
    if lang == "en" and count != 1:
        return KINDS_MANY_EN.get(code, "other")
    return pick(KINDS.get(code, KINDS["other"]), lang)


def _victims_cell(inc: IncidentSection, lang: str, n: Callable[[int], str]) -> str:
    listed = n(len(inc.victims))
    return t("victims_cell", lang, listed=listed, n=n(inc.estimated_more)) if inc.estimated_more else listed


def _victim_text(v: VictimLine, lab: Labeller, lang: str, sep: str, n: Callable[[int], str]) -> str:
    who = _iso(v.name) if v.name else t("person", lang)
    bits = []
    if v.sex:
        bits.append(lab.term("sex", v.sex))
    if v.age is not None:
        bits.append(t("age", lang, age=n(v.age)))
    elif v.age_group:
        bits.append(lab.term("age_groups", v.age_group))
    bits.append(" → ".join(lab.term("victim_status", s) for s in v.statuses) if lang != "ar" else
                " ← ".join(lab.term("victim_status", s) for s in v.statuses))
    if not v.name:
        bits.append(t("withheld", lang) + (f" ({v.pseudonym})" if v.pseudonym else ""))
    if not v.confirmed:
        bits.append(t("unconfirmed", lang))
    return f"{who}: " + sep.join(b for b in bits if b)
