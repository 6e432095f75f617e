"""Display labels for the codes analysts see: violations, forces, victim
statuses and places, from the shared vocabularies and gazetteer, in the
interface language. Unknown codes are shown as they are (plain text)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from desktop.core.services import month_name

from .forms import FormCatalog
from .i18n import digits
from .widgets import clean_text

if TYPE_CHECKING:
    from desktop.core.forms.vocab import Gazetteer, VocabStore


def _pick(texts: dict[str, str] | None, lang: str) -> str:
    if not texts:
        return ""
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")


@dataclass(frozen=True)
class PlaceChoice:
    city: str
    district: str | None
    label: str


class Labels:
    """Looks codes up once per screen; cheap to create."""

    def __init__(self, lang: str, forms: FormCatalog) -> None:
        self.lang = lang
        self.forms = forms
        self._vocab: dict[str, dict[str, str]] = {}
        self._gazetteer: Gazetteer | None = None
        self._store: VocabStore | None
        try:
            from desktop.core.services.forms_admin import vocabularies

            self._store = vocabularies(forms.registry())
        except Exception:  # noqa: BLE001 - labels fall back to the codes
            self._store = None

    def _terms(self, name: str) -> dict[str, str]:
        if name not in self._vocab:
            terms: dict[str, str] = {}
            if self._store is not None:
                try:
                    terms = {t.value: t.text(self.lang) for t in self._store.vocabulary(name).terms}
                except Exception:  # noqa: BLE001 - a missing vocabulary: show codes
                    terms = {}
            self._vocab[name] = terms
        return self._vocab[name]

    def unknown(self) -> str:
        return QCoreApplication.translate("Labels", "Unknown")

    def _term(self, vocab: str, code: str | None) -> str:
        if not code or code == "unknown":
            return self.unknown()
        return clean_text(self._terms(vocab).get(code, code))

    def violation(self, code: str | None) -> str:
        return self._term("violation_types", code)

    def perpetrator(self, code: str | None) -> str:
        return self._term("perpetrator_types", code)

    def status(self, code: str | None) -> str:
        return self._term("victim_status", code)

    def sex(self, code: str | None) -> str:
        return self._term("sex", code)

    def violation_codes(self) -> list[tuple[str, str]]:
        return list(self._terms("violation_types").items())

    def perpetrator_codes(self) -> list[tuple[str, str]]:
        return list(self._terms("perpetrator_types").items())

    # ---------------------------------------------------------------- places
    def gazetteer(self) -> Gazetteer | None:
        if self._gazetteer is None and self._store is not None:
            try:
                name = self._store.default_gazetteer()
                self._gazetteer = self._store.gazetteer(name) if name else None
            except Exception:  # noqa: BLE001 - no gazetteer: codes are shown
                self._gazetteer = None
        return self._gazetteer

    def places(self) -> list[PlaceChoice]:
        """Cities, each followed by its districts (for a filter list)."""
        gaz = self.gazetteer()
        out: list[PlaceChoice] = []
        if gaz is None:
            return out
        for place in gaz.places.values():
            city = clean_text(_pick(place.label, self.lang) or place.id)
            out.append(PlaceChoice(place.id, None, city))
            for did, texts in place.districts.items():
                out.append(PlaceChoice(place.id, did, f"{city} — {clean_text(_pick(texts, self.lang) or did)}"))
        return out

    def place(self, code: str | None, city: str | None = None) -> str:
        """A district or city code as shown; ``city`` narrows a district code."""
        if not code or code == "unknown":
            return self.unknown()
        gaz = self.gazetteer()
        if gaz is None:
            return clean_text(code)
        if city and city in gaz.places and code in gaz.places[city].districts:
            return clean_text(_pick(gaz.places[city].districts[code], self.lang))
        if code in gaz.places:
            return clean_text(_pick(gaz.places[code].label, self.lang))
        for place in gaz.places.values():
            if code in place.districts:
                city_name = _pick(place.label, self.lang)
                return clean_text(f"{_pick(place.districts[code], self.lang)} ({city_name})")
        return clean_text(code)

    # ---------------------------------------------------------------- dates and forms
    def month(self, key: str | None) -> str:
        """'2012-05' as 'May 2012' in the interface language."""
        if not key or key == "unknown":
            return self.unknown()
        parts = key.split("-")
        try:
            y, m = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1
            d = int(parts[2]) if len(parts) > 2 else 0
        except ValueError:
            return clean_text(key)
        date = QDate(y, m, d or 1)
        if not date.isValid():
            return clean_text(key)
        if self.lang == "ar":  # the report's month names (شباط, not Qt's فبراير or فيفري), the window's digits
            words = (f"{d} " if d else "") + f"{month_name(m, 'ar')} {y}"
            return digits(words)
        return QLocale().toString(date, "d MMM yyyy" if d else "MMM yyyy")

    def form(self, form_id: str) -> str:
        return clean_text(self.forms.title(form_id, self.lang))

