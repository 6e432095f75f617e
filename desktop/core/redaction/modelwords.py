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

# Capitalised words that end the name of a place or organisation after a name
# the model took for a person's ("Carnegie Hall", "Rumba Room", "Nicholson's Limited").
PLACE_HEADS = frozenset([
    "street", "road", "avenue", "lane", "drive", "boulevard", "hall", "house", "lake", "park", "room", "county",
    "beach", "market", "limited", "hotel", "restaurant", "cafe", "bar", "grill", "theatre", "theater", "centre",
    "center", "airport", "station", "river", "island", "bay", "valley", "liquor", "associates", "sons",
    "broadcasting", "service", "services", "motors", "industries", "enterprises", "stadium", "museum", "library",
])
# Those that are common family names too: not taken as the last word of a name ("Ji-sung Park").
SURNAME_HEADS = frozenset(["hall", "house", "lake", "park", "bay", "beach", "street", "lane", "drive", "bar", "banks",
                           "river", "valley", "island", "market", "sons"])
# A company's legal form after its name and a comma ("Hagler Bailly, Inc.").
COMPANY_SUFFIXES = frozenset(["inc", "corp", "co", "ltd", "llc", "llp", "lp", "plc", "pc", "pty", "gmbh", "ag", "sa"])
