"""Fixed word lists of the name model's features (see model.py)."""

# A full stop after these does not end a sentence ("C. H. Douglas", "Dr. Haddad").
ABBREV = frozenset(["mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "capt", "sgt", "rev",
                    "mt", "vs", "sen", "rep", "gov", "pres", "maj", "cpl", "fr", "hon", "inc", "corp"])
AR_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
AR_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ون", "ين", "ات", "ان", "ه", "ي", "ك")

# Words that end or begin an organisation's name (a feature, not a rule).
ORG_WORDS = frozenset([
    "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "group", "bank", "foundation",
    "club", "university", "college", "school", "institute", "ministry", "council", "party", "committee",
    "association", "union", "agency", "authority", "office", "department", "hospital", "pharmacy",
    "electric", "markets", "capital", "partners", "fund", "forces", "army", "brigade", "battalion",
    "division", "front", "movement", "network", "news", "times", "post", "journal", "channel", "tv",
    "radio", "airlines", "airways", "church", "mosque", "court", "commission", "organisation",
    "organization", "society", "federation", "league",
])
