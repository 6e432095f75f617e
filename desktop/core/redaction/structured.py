"""Structured identifiers: phones, e-mail, URLs, handles, ID numbers, dates of
birth, addresses, vehicle plates and coordinates.  All offsets are into the
*normalised* text (ASCII digits, folded Arabic letters)."""
from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

PHONE_REGIONS = ("SY", "LB", "JO", "TR", "IQ")


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    label: str
    key: str  # identity of the value, for pseudonyms
    multi: bool = False  # a known identity matched on two or more name parts
    names_key: str = ""  # the name-list key of a span that took a known identity's key


EMAIL_LOCAL_RE = re.compile(r"[A-Za-z0-9._%+-]{1,64}$")
EMAIL_DOMAIN_RE = re.compile(r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])")


def find_emails(text: str) -> list[Hit]:
    """Anchored on '@' so a hostile run of letters costs linear time."""
    hits = []
    pos = text.find("@")
    while pos >= 0:
        left = EMAIL_LOCAL_RE.search(text, max(0, pos - 64), pos)
        dom = EMAIL_DOMAIN_RE.match(text, pos + 1, min(len(text), pos + 300))
        if left and dom:
            s0 = left.start()
            while s0 < pos and text[s0] in "._%+-":
                s0 += 1
            if s0 < pos:
                hits.append(Hit(s0, dom.end(), "EMAIL", text[s0:dom.end()].lower()))
        pos = text.find("@", pos + 1)
    return hits
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'\u0600-\u06ff]+"
    r"|(?<![A-Za-z0-9.@])(?:facebook|fb|instagram|twitter|x|t|youtube|youtu|tiktok|telegram|wa|m\.facebook)"
    r"\.(?:com|me|be|org)/[^\s<>\"'\u0600-\u06ff]+",
    re.IGNORECASE)
HANDLE_CUE_RE = re.compile(
    r"(?:skype|username|user\s+name|account|signal|telegram|instagram|snapchat|tiktok|twitter|facebook|"
    r"سكايب|حسابه|حسابها|حساب|اسم\s+المستخدم)(?:\s+(?:name|id|handle|account|is|was|:))*\s*:?\s+"
    r"(@?[A-Za-z][A-Za-z0-9_.]{2,40}[A-Za-z0-9_])", re.IGNORECASE)
HANDLE_RE = re.compile(r"(?<![A-Za-z0-9_.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,30}[A-Za-z0-9_])?")
PHONE_CAND_RE = re.compile(r"(?<![\w.])(?:\+|00)?\(?\d[\d\s\-().]{5,22}\d(?![\d])")
DATEISH_RE = re.compile(r"^\s*(?:\d{1,2}[-.]\d{1,2}[-.]\d{2,4}|\d{4}[-.]\d{1,2}[-.]\d{1,2}|\d{4}\s*-\s*\d{4})\s*$")
PHONE_CUE_RE = re.compile(
    r"(?:phone|mobile|cell|tel|whatsapp|whats app|number|call|signal|telegram|"
    r"هاتف|موبايل|جوال|رقم|رقمه|رقمها|واتس|واتساب|تلفون|تليفون|اتصل)", re.IGNORECASE)

ID_CUE = (r"(?<![A-Za-z\u0621-\u064a])(?:national\s+(?:id|identity|number|no\.?)(?:\s+(?:card|number|no\.?))?|"
          r"id\s+(?:card|number|no\.?)|"
          r"identity\s+card|passport(?:\s+(?:number|no\.?))?|civil\s+registry(?:\s+number)?|"
          r"military\s+(?:id|number|service\s+number)|registration\s+number|family\s+book|"
          r"الرقم\s+الوطني|رقم\s+وطني|رقمه\s+الوطني|رقم\s+الهويه|الهويه|هويته|هويتها|البطاقه\s+الشخصيه|"
          r"جواز\s+السفر|جواز\s+سفر|جوازه|رقم\s+الجواز|رقم\s+القيد|القيد|الرقم\s+العسكري|دفتر\s+العائله)")
ID_CUE_RE = re.compile(ID_CUE + r"[^0-9\n]{0,25}?((?-i:[A-Z]{1,2}\s?)?\d[\d\s\-/]{3,16}\d)", re.IGNORECASE)
ID_BARE_RE = re.compile(r"(?<![\w+])(?:\d{11}|[A-Z]{1,2}\d{7,9})(?![\w])")

MONTHS_EN = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
             r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
MONTHS_AR = (r"(?:كانون\s+الثاني|كانون\s+الاول|تشرين\s+الثاني|تشرين\s+الاول|شباط|اذار|نيسان|ايار|حزيران|تموز|"
             r"اب|ايلول|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر)")
YEAR = r"(?:19|20)\d{2}"
DATE_RE = re.compile(
    r"(?<!\d)(?:"
    r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:19|20)?\d{2}"
    r"|" + YEAR + r"\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,2}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTHS_EN + r"\.?,?\s+" + YEAR +
    r"|" + MONTHS_EN + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+" + YEAR +
    r"|" + MONTHS_EN + r"\.?,?\s+" + YEAR +
    r"|\d{1,2}\s+(?:من\s+)?(?:شهر\s+)?" + MONTHS_AR + r"\s+(?:من\s+)?(?:عام|سنه|لعام)?\s*" + YEAR +
    r"|(?:شهر\s+)?" + MONTHS_AR + r"\s+(?:من\s+)?(?:عام|سنه|لعام)?\s*" + YEAR +
    r"|" + YEAR +
    r")(?!\d)", re.IGNORECASE)
DOB_CUE_RE = re.compile(
    r"(?<![A-Za-z])(?:born|birth|d\.?o\.?b\.?|b\.(?=\s*\d)|مواليد|تولد|تولّد|مولود|مولوده|ولد|ولدت|الميلاد|ميلاده|ميلادها|ميلاد|المولد|عيد\s+ميلاد)",
    re.IGNORECASE)

ADDR_EN_RE = re.compile(
    r"(?<![A-Za-z])(?:building|bldg\.?|house|apartment|apt\.?|flat|block|floor)\s*(?:no\.?|number|#)?\s*\d+[A-Za-z]?"
    r"(?:\s*,?\s*(?:apartment|apt\.?|flat|floor)\s*(?:no\.?|number|#)?\s*\d+)?",
    re.IGNORECASE)
ADDR_EN_STREET_BEFORE = re.compile(r"(?:[A-Z][\w'\-]*\s+){1,3}(?:[Ss]treet|St\.|[Rr]oad|Rd\.),?\s+$")
ADDR_EN_NUM_RE = re.compile(
    r"(?<![\w])\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][\w'\-]*\s+){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane)")
ADDR_AR_RE = re.compile(
    r"(?<![\u0621-\u064a])(?:[وف]?(?:بناء|بنايه|عماره|مبنى|مبني|منزل|بيت|شقه|طابق|الطابق|محضر|بلوك|جاده|زقاق|دخله))"
    r"\s*(?:رقم|رقمه|رقمها|نمره)?\s*\d+"
    r"(?:\s*,?\s*(?:[وف]?(?:شقه|طابق|الطابق))\s*(?:رقم)?\s*\d+)?")
ADDR_AR_STREET_BEFORE = re.compile(r"شارع\s+[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+)?\s*,?\s+$")


ORD_EN = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|ground|top|last|\d{1,2}(?:st|nd|rd|th))"
LANDMARK_EN = (r"(?:pharmacy|bakery|mosque|school|hospital|clinic|shop|store|grocery|market|bank|church|station|"
               r"roundabout|square|bridge|cemetery|petrol\s+station|gas\s+station|garage|cafe|restaurant|hotel)")
CAPW = r"(?:[A-Z][\w'\-]*\s+){1,3}"
ADDR_FLOOR_EN = re.compile(
    r"(?<![A-Za-z])(?:on|at|in)\s+the\s+" + ORD_EN + r"\s+floor(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'\-]*\s+){0,3}"
    r"(?:building|tower|block|house)(?:\s*(?:no\.?|number|#)?\s*\d+[A-Za-z]?)?)?")
# where someone lives, described by what is next to it or by its street: an
# address only after a word about a home (an incident "near the bakery" is a place)
ADDR_NEAR_EN = re.compile(
    r"(?<![A-Za-z])(?:"
    r"(?:next\s+to|opposite|behind|beside|across\s+from)\s+the\s+(?:[\w'\-]+\s+){0,2}?" + LANDMARK_EN +
    r"(?:\s+(?:on|in)\s+" + CAPW + r"(?:Street|St\.|Road|Rd\.|Avenue|Lane))?"
    r"|(?:on|in|off)\s+" + CAPW + r"(?:Street|Road|Avenue|Lane)"
    r")")
HOME_EN = re.compile(r"(?<![A-Za-z])(?:live|lives|lived|living|home|house|flat|apartment|address|stay|stays|stayed|"
                     r"staying|rent|rented|reside|resides)(?![A-Za-z])", re.IGNORECASE)
ORD_AR = r"(?:الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|الارضي|الاخير|العلوي|السفلي)"
LANDMARK_AR = (r"(?:ال|لل|ل)?(?:صيدليه|فرن|مخبز|مسجد|جامع|مدرسه|مشفي|مستشفي|مستوصف|محل|دكان|سوق|بنك|مصرف|كنيسه|دوار|"
               r"ساحه|جسر|مقبره|محطه|كازيه|مقهي|مطعم|فندق|بقاليه)")
ADDR_FLOOR_AR = re.compile(
    r"(?<![\u0621-\u064a])[وف]?ال?طابق\s+" + ORD_AR + r"(?:\s+(?:من|في)\s+(?:ال)?(?:بنايه|بناء|عماره|مبني|برج|بيت)"
    r"(?:\s+ال[\u0621-\u064a]+)?(?:\s*(?:رقم)?\s*\d+)?)?")
ADDR_NEAR_AR = re.compile(
    r"(?<![\u0621-\u064a])(?:"
    r"(?:[وف]?(?:بجانب|جانب|مقابل|بجوار|جنب|جوار|وراء|خلف|قرب|بالقرب\s+من|المجاور|المجاوره))\s+" + LANDMARK_AR +
    r"(?:\s+ال[\u0621-\u064a]+)?(?:\s+(?:في|ب)\s*شارع\s+[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+)?)?"
    r"|شارع\s+[\u0621-\u064a]+(?:\s+ال[\u0621-\u064a]+)?"
    r")")
HOME_AR = re.compile(r"(?:يسكن|تسكن|يسكنون|نسكن|اسكن|يقيم|تقيم|يقيمون|نقيم|سكن|ساكن|ساكنين|بيت|بيته|بيتها|بيتهم|"
                     r"بيتنا|منزل|منزله|منزلها|منزلهم|منزلنا|شقه|شقته|شقتها|شقتهم|عنوان|عنوانه|عنوانها)")
_LEAD_PREP = re.compile(r"^(?:on|at|in|off)\s+", re.IGNORECASE)


def find_addresses(text: str) -> list[Hit]:
    hits = []
    # described in words: a floor (always), a landmark next to it or a street
    # without a number (after a word about a home, in the same sentence)
    words_rx: tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...] = (
        (ADDR_FLOOR_EN, None), (ADDR_FLOOR_AR, None), (ADDR_NEAR_EN, HOME_EN), (ADDR_NEAR_AR, HOME_AR))
    for wrx, home in words_rx:
        for m in wrx.finditer(text):
            s0, e0 = m.span()
            if home is not None:
                prior = text[max(0, s0 - 100):s0]
                cut = max(prior.rfind(". "), prior.rfind("\n"), prior.rfind("? "), prior.rfind("! "))
                if not home.search(prior[cut + 1:] if cut >= 0 else prior):
                    continue
            lead = _LEAD_PREP.match(text[s0:e0])
            if lead:
                s0 += lead.end()
            while e0 > s0 and text[e0 - 1] in " ,.":
                e0 -= 1
            if e0 - s0 >= 4:
                hits.append(Hit(s0, e0, "ADDRESS", "words:" + " ".join(text[s0:e0].lower().split())))
    for rx, before in ((ADDR_EN_RE, ADDR_EN_STREET_BEFORE), (ADDR_AR_RE, ADDR_AR_STREET_BEFORE)):
        for m in rx.finditer(text):
            s0 = m.start()
            b = before.search(text[max(0, s0 - 50):s0])
            if b:
                s0 = s0 - (len(text[max(0, m.start() - 50):m.start()]) - b.start())
            hits.append(Hit(s0, m.end(), "ADDRESS", text[s0:m.end()].lower()))
    for m in ADDR_EN_NUM_RE.finditer(text):
        hits.append(Hit(m.start(), m.end(), "ADDRESS", m.group().lower()))
    return hits


PLATE_CUE_RE = re.compile(
    r"(?:licen[cs]e\s+plate|number\s+plate|plate\s+number|plate|plates|registration|"
    r"لوحه|لوحتها|لوحته|رقم\s+اللوحه|نمره|نمرتها|نمرته|رقم\s+السياره|رقمها)", re.IGNORECASE)
PLATE_VAL_RE = re.compile(r"(?<![\w])(?:[A-Z]{1,3}[\s-]?)?\d(?:[\d\s-]{1,9})\d(?![\d])")

DEC = r"-?\d{1,3}\.\d{3,}"
COORD_DEC_RE = re.compile(
    r"(?<![\d.])(" + DEC + r")\s*°?\s*([NS])?\s*[,;/ ]\s*(" + DEC + r")\s*°?\s*([EW])?(?![\d])", re.IGNORECASE)
DMS = r"\d{1,3}\s*°\s*\d{1,2}\s*['′]\s*(?:\d{1,2}(?:\.\d+)?\s*(?:\"|″|'')\s*)?[NSEW]?"
COORD_DMS_RE = re.compile(r"(?<!\d)" + DMS + r"(?:\s*[,;]?\s*" + DMS + r")?")


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


SCORES_RE = re.compile(r"\s*\d{1,2}\s*[-:]\s*\d{1,2}(?:[\s,;]+\d{1,2}\s*[-:]\s*\d{1,2})+\s*")


def tabular(cand: str) -> bool:
    """Sports scores ("3-1 2-0 1-1") and rows of a number table ("0 3 1 2 0 0 1 4",
    "12 15 18 21 24 27"), not phone numbers."""
    if SCORES_RE.fullmatch(cand):
        return True
    groups = re.findall(r"\d+", cand)
    if len(groups) >= 4 and sum(len(g) == 1 for g in groups) * 2 >= len(groups):
        return True
    return len(groups) >= 6 and all(len(g) <= 3 for g in groups) and not cand.lstrip("( ").startswith(("+", "00"))


def find_phones(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for m in PHONE_CAND_RE.finditer(text):
        cand = m.group()
        base = m.start()
        if DATEISH_RE.match(cand) or tabular(cand):
            continue
        d = _digits(cand)
        if len(d) < 7:
            continue
        found = False
        for region in PHONE_REGIONS:
            for pm in PhoneNumberMatcher(cand, region, leniency=Leniency.VALID):
                num = pm.number
                key = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                hits.append(Hit(base + pm.start, base + pm.end, "PHONE", key))
                found = True
            if found:
                break
        if not found and 9 <= len(d) <= 14 and (cand.lstrip("(").startswith(("0", "+"))):
            ctx = text[max(0, base - 40):base]
            if PHONE_CUE_RE.search(ctx):
                hits.append(Hit(base, m.end(), "PHONE", d[-9:]))
    return hits


_YEAR_GAP = re.compile(r"[\s:,(]*(?:in|on|the\s+year|year|عام|سنه|في|من|لعام)?\s*(?:عام|سنه)?[\s:]*", re.IGNORECASE)


def find_dobs(text: str) -> list[Hit]:
    """Dates (or a bare year) that follow a birth cue in the same sentence."""
    hits = []
    seen = set()
    for cm in DOB_CUE_RE.finditer(text):
        e = cm.end()
        window = text[e:e + 60]
        cut = [x for x in (window.find(". "), window.find("\n"), window.find("; ")) if x >= 0]
        if cut:
            window = window[:min(cut)]
        m = DATE_RE.search(window)
        if not m or m.start() > 45:
            continue
        bare_year = re.fullmatch(YEAR, m.group()) is not None
        if bare_year and not _YEAR_GAP.fullmatch(window[:m.start()]):
            continue
        s0, e0 = e + m.start(), e + m.end()
        if (s0, e0) in seen:
            continue
        seen.add((s0, e0))
        hits.append(Hit(s0, e0, "DATE_OF_BIRTH", _digits(m.group()) or m.group()))
    return hits


def find_structured(text: str) -> list[Hit]:
    hits: list[Hit] = []
    hits.extend(find_emails(text))
    for m in URL_RE.finditer(text):
        s, e = m.span()
        while e > s and text[e - 1] in ".,;:!?)]}\"'":
            e -= 1
        hits.append(Hit(s, e, "URL", text[s:e].lower()))
    for m in HANDLE_CUE_RE.finditer(text):
        v = m.group(1)
        if any(c.isdigit() for c in v) or "_" in v or "." in v:
            hits.append(Hit(m.start(1), m.end(1), "HANDLE", v.lower().lstrip("@")))
    for m in HANDLE_RE.finditer(text):
        hits.append(Hit(m.start(), m.end(), "HANDLE", m.group().lower()))
    for m in COORD_DEC_RE.finditer(text):
        a, b = float(m.group(1)), float(m.group(3))
        if abs(a) <= 90 and abs(b) <= 180:
            hits.append(Hit(m.start(), m.end(), "COORDINATES", m.group()))
    for m in COORD_DMS_RE.finditer(text):
        hits.append(Hit(m.start(), m.end(), "COORDINATES", m.group()))
    for m in ID_CUE_RE.finditer(text):
        s, e = m.span(1)
        if len(_digits(m.group(1))) >= 5:
            hits.append(Hit(s, e, "ID_NUMBER", _digits(m.group(1))))
    for m in ID_BARE_RE.finditer(text):
        hits.append(Hit(m.start(), m.end(), "ID_NUMBER", m.group()))
    for m in PLATE_CUE_RE.finditer(text):
        window = text[m.end():m.end() + 40]
        cut = min([x for x in (window.find(". "), window.find("\n")) if x >= 0], default=len(window))
        pv = PLATE_VAL_RE.search(window[:cut])
        if pv and len(_digits(pv.group())) >= 3:
            s = m.end() + pv.start()
            e = m.end() + pv.end()
            while e > s and text[e - 1] in " -":
                e -= 1
            hits.append(Hit(s, e, "PLATE", _digits(pv.group())))
    hits.extend(find_addresses(text))
    hits.extend(find_dobs(text))
    hits.extend(find_phones(text))
    out = []
    for h in hits:
        s, e = h.start, h.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Hit(s, e, h.label, h.key))
    return out
