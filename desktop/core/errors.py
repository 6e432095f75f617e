"""Refusals with a code and parameters.

A refused action raises a :class:`Refusal` (or one of its subclasses in the
core: ``VaultError``, ``BundleError``, ``FormError``, ...). It carries

- ``code``: a stable dotted name (``"passphrase.weak"``, ``"unlock.wrong_passphrase"``),
- ``params``: the values the message needs (numbers, file names, fingerprints),

and ``str(refusal)`` is the English line rendered from :data:`MESSAGES`. The
window translates the code with its own catalogue (English and Arabic); the
command line prints the English line. Nobody parses message text.

A refusal raised with free text only (older call sites) gets its class's
default code and the text as ``params["detail"]``; the window then shows
the translated general sentence for that code followed by the detail.

This module imports nothing from the application: every layer may use it.
"""

from __future__ import annotations

from typing import Any

# English lines, one per code; ``{name}`` placeholders come from the parameters.
MESSAGES: dict[str, str] = {
    "refused": "{detail}",
    "cancelled": "Cancelled; nothing was stored",
    # access
    "passphrase.empty": "The passphrase must not be empty",
    "passphrase.too_short": "The passphrase is too short: use at least {minimum} characters, better four or more words",
    "passphrase.weak": "The passphrase is too weak (easy to guess): use four or more words or a longer phrase",
    "passphrase.mismatch": "The two passphrases differ; nothing was changed",
    "passphrase.duress_same": "The duress passphrase must differ from the real one",
    "passphrase.current_wrong": "The current passphrase is wrong; nothing was changed",
    "unlock.wrong_passphrase": "Wrong passphrase",
    "unlock.wrong_recovery_code": "Wrong recovery code",
    "unlock.attempts_left": "Wrong passphrase; {left} attempt(s) left before the vault is wiped",
    "unlock.recovery_attempts_left": "Wrong recovery code; {left} attempt(s) left before the vault is wiped",
    "unlock.wiped": "Too many failed unlocks ({failures}): the vault was wiped, as its settings asked",
    "unlock.limit_invalid": "The number of failed unlocks before a wipe must be between 0 (off) and {maximum}",
    "vault.exists": "A vault already exists at {path}; refusing to overwrite it",
    "vault.missing": "No vault at {path}",
    "vault.locked": "The vault is locked",
    "vault.error": "{detail}",
    "vault.kdf_below_floor": "Key derivation parameters below the floor (m=64 MiB, t=3) are refused",
    "vault.slots_damaged": "{path} is damaged ({reason}); the vault's key slots cannot be read and it cannot be opened",
    "vault.slots_missing": "{path} is missing: the vault's keys are gone (wiped or deleted); it cannot be opened",
    "vault.rotation_unfinished": "The key slots are damaged (an interrupted key change cannot be finished)",
    "vault.wipe_unconfirmed": "Quick wipe destroys the vault for good; repeat with --yes to do it",
    # records
    "record.invalid_answers": "{count} invalid answer(s); nothing was saved",
    "record.not_found": "No record {record_id}",
    # exchange
    "file.exists": "{path} already exists; choose another file name",
    "file.inside_vault": "{path} is inside the vault at {vault}; choose a file outside it",
    "file.no_folder": "Cannot write {path}: its folder does not exist",
    "bundle.refused": "{detail}",
    "bundle.new_device": "Bundle refused: it was signed by a device not seen before ({fingerprint})",
    "bundle.changed_key": "Bundle refused: the researcher {researcher}'s device key has changed "
                          "(was {known_fingerprint}, now {fingerprint})",
    "bundle.other_device": "Bundle refused: it is signed by device {fingerprint}, not by the device you accepted "
                           "({expected}); nothing was changed",
    "export.unreviewed": "{count} interview(s) have narratives nobody reviewed ({records}): review them first, "
                         "or send them with automatic redaction only (--send-unreviewed)",
    "bundle.not_age": "Bundle refused: it is not a bundle (not an age-encrypted file)",
    "bundle.age_armored": "Bundle refused: it is ASCII-armored; bundles are binary age files (decode it with "
                          "'age -d' first)",
    "bundle.age_header_too_long": "Bundle refused: its age header is longer than {limit} bytes (a real "
                                  "bundle's is a few hundred)",
    "bundle.age_too_many_recipients": "Bundle refused: its age header lists {count} recipients (at most "
                                      "{limit} are accepted)",
    "bundle.other_headquarters": "Bundle refused: it was made for another headquarters (recipient {recipient}), "
                                 "not this one ({ours})",
    "bundle.changed_researcher": "Bundle refused: device {fingerprint} is registered for researcher {bound}, but "
                                 "this bundle claims researcher {researcher}; verify with the researchers before "
                                 "accepting it (--accept-changed-key)",
    "bundle.claims_other_researcher": "Bundle refused: device {fingerprint} is registered for researcher "
                                      "{bound}, but this bundle claims researcher {researcher}, whose device is "
                                      "{known_fingerprint}",
    "bundle.unknown_form": "Bundle refused: record {record_id} was made with form {form_id} version {version}, "
                           "which this headquarters does not have; install that form first",
    "bundle.unknown_answers": "Bundle refused: record {record_id} has answers that its form {form_id} {version} "
                              "does not have ({keys}); nothing was imported",
    "trust.refused": "{detail}",
    "handover.unconfirmed": "This forgets data on this laptop for good; repeat with --yes to do it",
    # forms
    "form.refused": "{detail}",
    "schema.refused": "{detail}",
    "crypto.refused": "{detail}",
    "keystore.refused": "{detail}",
    # the analyst's desk
    "desk.format": "The export format is huridocs or uwazi",
    "desk.report_lang": "The report language is 'en' or 'ar'",
    "desk.report_digits": "The report's digits are 'native' (Arabic-Indic in Arabic) or 'western', not {digits}",
    "desk.place_missing": "An incident needs a place (a city of the gazetteer)",
    "desk.city_unknown": "'{city}' is not a city of the gazetteer",
    "desk.district_unknown": "'{district}' is not a district of {city} in the gazetteer",
    "desk.type_unknown": "'{act_type}' is not a type of act of the vocabulary",
    "desk.person_kind": "A person is a 'victim' or a perpetrator 'unit'",
    "desk.same_mention": "A mention is already itself",
    "desk.group_too_small": "Confirm at least two mentions as one 'victim' or 'unit'",
    "desk.no_person": "No person {person_id}",
    "desk.bad_date": "The date is not a valid approximate date (day, month, part of month, year or range)",
    "desk.no_act": "Testimony {record_id} has no act {act_index}",
    "desk.bad_level": "Corroboration is one of: {levels}",
    "desk.no_incident": "No incident {incident_id}",
    "desk.quote_not_attached": "Quote only testimonies attached to this incident",
    "desk.quote_no_text": "Testimony {record_id} has no text at {field_path}",
    "desk.quote_not_part": "The quotation must be a part of the text",
    "desk.proposal_small": "A proposal joins acts of at least two testimonies",
    "desk.proposal_unknown": "A proposal names acts that do not exist",
    "desk.nothing_to_change": "Nothing to change, or a field an incident does not have",
    "desk.not_attached": "That act is not attached to this incident",
    "desk.not_in_person": "That mention is not part of a person",
    # trust, receipts and handover
    "trust.card_too_large": "This file is too large to be a recipient card",
    "trust.card_invalid": "This is not a valid recipient card (damaged or of another format)",
    "trust.card_altered": "The card's printed fingerprint does not match its keys; it was altered",
    "trust.org_empty": "The organisation name must not be empty",
    "trust.not_hq": "This is a field vault, not a headquarters (analyst) vault",
    "trust.unknown_recipient": "No trusted recipient with fingerprint {fingerprint}; register its card first "
                               "(testimony hq trust CARD)",
    "trust.unknown_bundle": "No imported bundle {bundle_id}",
    "trust.receipt_too_large": "This file is too large to be a receipt",
    "trust.receipt_invalid": "This is not a valid receipt file",
    "trust.receipt_signature": "The receipt's signature is not valid; it was altered or not made by headquarters",
    "trust.receipt_not_ours": "This receipt is for a bundle this vault did not send to that recipient",
    "handover.what": "Choose 'identities' or 'records'",
    "handover.partial": "Headquarters did not receive the whole of record {record_id} (identities or original "
                        "attachments stayed here); it was not deleted",
    "handover.no_receipt": "Record {record_id} has no receipt from headquarters; nothing was forgotten",
}


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(code: str, params: dict[str, Any]) -> str:
    """The English line for ``code`` with ``params`` filled in."""
    template = MESSAGES.get(code, "{detail}")
    return " ".join(template.format_map(_Missing({k: _text(v) for k, v in params.items()})).split())


def _text(value: object) -> str:
    return str(value)


class Refusal(Exception):
    """A refused action; nothing was changed. ``str()`` is one English line.

    ``Refusal(code="passphrase.too_short", minimum=8)`` renders its message from
    the code; ``Refusal("free text")`` keeps the text under the class's default
    code (``params["detail"]``).
    """

    default_code = "refused"

    def __init__(self, message: str | None = None, *, code: str | None = None, **params: Any) -> None:
        self.code: str = code or self.default_code
        if message is not None:
            params.setdefault("detail", " ".join(str(message).split()))
        self.params: dict[str, Any] = params
        self.message: str = " ".join(str(message).split()) if message is not None else render(self.code, params)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": {k: _text(v) for k, v in self.params.items()}, "message": self.message}


def refusal_of(exc: BaseException) -> Refusal:
    """Any exception as a refusal (unknown ones keep their one-line text)."""
    if isinstance(exc, Refusal):
        return exc
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return Refusal(text)
