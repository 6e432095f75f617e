"""Refusals shown in the window: translated from their code, never parsed from text.

Every code of ``desktop.core.errors.MESSAGES`` has its English template here
as a literal (so pyside6-lupdate collects it); a test keeps the two in step.
A refusal whose code only carries free text (``{detail}``) shows that text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.errors import Refusal, refusal_of


def catalogue() -> dict[str, str]:
    """Code -> template in the interface language (literals so that lupdate finds them)."""
    return {
        "refused": "{detail}",
        "cancelled": QCoreApplication.translate("Refusal", "Cancelled; nothing was stored"),
        "passphrase.empty": QCoreApplication.translate("Refusal", "The passphrase must not be empty"),
        "passphrase.too_short": QCoreApplication.translate("Refusal", "The passphrase is too short: use at least {minimum} characters, better four or more words"),  # noqa: E501 - one literal per message, for lupdate
        "passphrase.weak": QCoreApplication.translate("Refusal", "The passphrase is too weak (easy to guess): use four or more words or a longer phrase"),  # noqa: E501 - one literal per message, for lupdate
        "passphrase.mismatch": QCoreApplication.translate("Refusal", "The two passphrases differ; nothing was changed"),
        "passphrase.duress_same": QCoreApplication.translate("Refusal", "The duress passphrase must differ from the real one"),  # noqa: E501 - one literal per message, for lupdate
        "passphrase.current_wrong": QCoreApplication.translate("Refusal", "The current passphrase is wrong; nothing was changed"),  # noqa: E501 - one literal per message, for lupdate
        "unlock.wrong_passphrase": QCoreApplication.translate("Refusal", "Wrong passphrase"),
        "unlock.wrong_recovery_code": QCoreApplication.translate("Refusal", "Wrong recovery code"),
        "unlock.attempts_left": QCoreApplication.translate("Refusal", "Wrong passphrase; {left} attempt(s) left before the vault is wiped"),  # noqa: E501 - one literal per message, for lupdate
        "unlock.recovery_attempts_left": QCoreApplication.translate("Refusal", "Wrong recovery code; {left} attempt(s) left before the vault is wiped"),  # noqa: E501 - one literal per message, for lupdate
        "unlock.wiped": QCoreApplication.translate("Refusal", "Too many failed unlocks ({failures}): the vault was wiped, as its settings asked"),  # noqa: E501 - one literal per message, for lupdate
        "unlock.limit_invalid": QCoreApplication.translate("Refusal", "The number of failed unlocks before a wipe must be between 0 (off) and {maximum}"),  # noqa: E501 - one literal per message, for lupdate
        "vault.exists": QCoreApplication.translate("Refusal", "A vault already exists at {path}; refusing to overwrite it"),  # noqa: E501 - one literal per message, for lupdate
        "vault.missing": QCoreApplication.translate("Refusal", "No vault at {path}"),
        "vault.locked": QCoreApplication.translate("Refusal", "The vault is locked"),
        "vault.error": "{detail}",
        "vault.kdf_below_floor": QCoreApplication.translate("Refusal", "Key derivation parameters below the floor (m=64 MiB, t=3) are refused"),  # noqa: E501 - one literal per message, for lupdate
        "vault.slots_damaged": QCoreApplication.translate("Refusal", "{path} is damaged ({reason}); the vault's key slots cannot be read and it cannot be opened"),  # noqa: E501 - one literal per message, for lupdate
        "vault.slots_missing": QCoreApplication.translate("Refusal", "{path} is missing: the vault's keys are gone (wiped or deleted); it cannot be opened"),  # noqa: E501 - one literal per message, for lupdate
        "vault.rotation_unfinished": QCoreApplication.translate("Refusal", "The key slots are damaged (an interrupted key change cannot be finished)"),  # noqa: E501 - one literal per message, for lupdate
        "vault.wipe_unconfirmed": QCoreApplication.translate("Refusal", "Quick wipe destroys the vault for good; repeat with --yes to do it"),  # noqa: E501 - one literal per message, for lupdate
        "record.invalid_answers": QCoreApplication.translate("Refusal", "{count} invalid answer(s); nothing was saved"),
        "record.not_found": QCoreApplication.translate("Refusal", "No record {record_id}"),
        "file.exists": QCoreApplication.translate("Refusal", "{path} already exists; choose another file name"),
        "file.inside_vault": QCoreApplication.translate("Refusal", "{path} is inside the vault at {vault}; choose a file outside it"),  # noqa: E501 - one literal per message, for lupdate
        "file.no_folder": QCoreApplication.translate("Refusal", "Cannot write {path}: its folder does not exist"),
        "bundle.refused": "{detail}",
        "bundle.new_device": QCoreApplication.translate("Refusal", "Bundle refused: it was signed by a device not seen before ({fingerprint})"),  # noqa: E501 - one literal per message, for lupdate
        "bundle.changed_key": QCoreApplication.translate("Refusal", "Bundle refused: the researcher {researcher}'s device key has changed (was {known_fingerprint}, now {fingerprint})"),  # noqa: E501 - one literal per message, for lupdate
        "bundle.other_device": QCoreApplication.translate("Refusal", "Bundle refused: it is signed by device {fingerprint}, not by the device you accepted ({expected}); nothing was changed"),  # noqa: E501 - one literal per message, for lupdate
        "export.unreviewed": QCoreApplication.translate("Refusal", "{count} interview(s) have narratives nobody reviewed ({records}): review them first, or send them with automatic redaction only (--send-unreviewed)"),  # noqa: E501 - one literal per message, for lupdate
        "bundle.not_age": QCoreApplication.translate("Refusal", "Bundle refused: it is not a bundle (not an age-encrypted file)"),  # noqa: E501 - one literal per message, for lupdate
        "bundle.age_armored": QCoreApplication.translate("Refusal", "Bundle refused: it is ASCII-armored; bundles are binary age files (decode it with 'age -d' first)"),  # noqa: E501 - one literal per message, for lupdate
        "bundle.age_header_too_long": QCoreApplication.translate("Refusal", "Bundle refused: its age header is longer than {limit} bytes (a real bundle's is a few hundred)"),  # noqa: E501 - one literal per message, for lupdate
        "bundle.age_too_many_recipients": QCoreApplication.translate("Refusal", "Bundle refused: its age header lists {count} recipients (at most {limit} are accepted)"),  # noqa: E501 - one literal per message, for lupdate
        "bundle.other_headquarters": QCoreApplication.translate("Refusal", "Bundle refused: it was made for another headquarters (recipient {recipient}), not this one ({ours})"),  # noqa: E501 - one literal per message, for lupdate
        "bundle.changed_researcher": QCoreApplication.translate("Refusal", "Bundle refused: device {fingerprint} is registered for researcher {bound}, but this bundle claims researcher {researcher}; verify with the researchers before accepting it (--accept-changed-key)"),  # noqa: E501 - one literal per message, for lupdate
        "bundle.claims_other_researcher": QCoreApplication.translate("Refusal", "Bundle refused: device {fingerprint} is registered for researcher {bound}, but this bundle claims researcher {researcher}, whose device is {known_fingerprint}"),  # noqa: E501 - one literal per message, for lupdate
        "bundle.unknown_form": QCoreApplication.translate("Refusal", "Bundle refused: record {record_id} was made with form {form_id} version {version}, which this headquarters does not have; install that form first"),  # noqa: E501 - one literal per message, for lupdate
        "bundle.unknown_answers": QCoreApplication.translate("Refusal", "Bundle refused: record {record_id} has answers that its form {form_id} {version} does not have ({keys}); nothing was imported"),  # noqa: E501 - one literal per message, for lupdate
        "trust.refused": "{detail}",
        "handover.unconfirmed": QCoreApplication.translate("Refusal", "This forgets data on this laptop for good; repeat with --yes to do it"),  # noqa: E501 - one literal per message, for lupdate
        "form.refused": "{detail}",
        "schema.refused": "{detail}",
        "crypto.refused": "{detail}",
        "keystore.refused": "{detail}",
        "desk.format": QCoreApplication.translate("Refusal", "The export format is huridocs or uwazi"),  # noqa: E501 - one literal per message, for lupdate
        "desk.report_lang": QCoreApplication.translate("Refusal", "The report language is 'en' or 'ar'"),  # noqa: E501 - one literal per message, for lupdate
        "desk.report_digits": QCoreApplication.translate("Refusal", "The report's digits are 'native' (Arabic-Indic in Arabic) or 'western', not {digits}"),  # noqa: E501 - one literal per message, for lupdate
        "desk.place_missing": QCoreApplication.translate("Refusal", "An incident needs a place (a city of the gazetteer)"),  # noqa: E501 - one literal per message, for lupdate
        "desk.city_unknown": QCoreApplication.translate("Refusal", "'{city}' is not a city of the gazetteer"),  # noqa: E501 - one literal per message, for lupdate
        "desk.district_unknown": QCoreApplication.translate("Refusal", "'{district}' is not a district of {city} in the gazetteer"),  # noqa: E501 - one literal per message, for lupdate
        "desk.type_unknown": QCoreApplication.translate("Refusal", "'{act_type}' is not a type of act of the vocabulary"),  # noqa: E501 - one literal per message, for lupdate
        "desk.person_kind": QCoreApplication.translate("Refusal", "A person is a 'victim' or a perpetrator 'unit'"),  # noqa: E501 - one literal per message, for lupdate
        "desk.same_mention": QCoreApplication.translate("Refusal", "A mention is already itself"),  # noqa: E501 - one literal per message, for lupdate
        "desk.group_too_small": QCoreApplication.translate("Refusal", "Confirm at least two mentions as one 'victim' or 'unit'"),  # noqa: E501 - one literal per message, for lupdate
        "desk.no_person": QCoreApplication.translate("Refusal", "No person {person_id}"),  # noqa: E501 - one literal per message, for lupdate
        "desk.bad_date": QCoreApplication.translate("Refusal", "The date is not a valid approximate date (day, month, part of month, year or range)"),  # noqa: E501 - one literal per message, for lupdate
        "desk.no_act": QCoreApplication.translate("Refusal", "Testimony {record_id} has no act {act_index}"),  # noqa: E501 - one literal per message, for lupdate
        "desk.bad_level": QCoreApplication.translate("Refusal", "Corroboration is one of: {levels}"),  # noqa: E501 - one literal per message, for lupdate
        "desk.no_incident": QCoreApplication.translate("Refusal", "No incident {incident_id}"),  # noqa: E501 - one literal per message, for lupdate
        "desk.quote_not_attached": QCoreApplication.translate("Refusal", "Quote only testimonies attached to this incident"),  # noqa: E501 - one literal per message, for lupdate
        "desk.quote_no_text": QCoreApplication.translate("Refusal", "Testimony {record_id} has no text at {field_path}"),  # noqa: E501 - one literal per message, for lupdate
        "desk.quote_not_part": QCoreApplication.translate("Refusal", "The quotation must be a part of the text"),  # noqa: E501 - one literal per message, for lupdate
        "desk.proposal_small": QCoreApplication.translate("Refusal", "A proposal joins acts of at least two testimonies"),  # noqa: E501 - one literal per message, for lupdate
        "desk.proposal_unknown": QCoreApplication.translate("Refusal", "A proposal names acts that do not exist"),  # noqa: E501 - one literal per message, for lupdate
        "desk.nothing_to_change": QCoreApplication.translate("Refusal", "Nothing to change, or a field an incident does not have"),  # noqa: E501 - one literal per message, for lupdate
        "desk.not_attached": QCoreApplication.translate("Refusal", "That act is not attached to this incident"),  # noqa: E501 - one literal per message, for lupdate
        "desk.not_in_person": QCoreApplication.translate("Refusal", "That mention is not part of a person"),  # noqa: E501 - one literal per message, for lupdate
        "trust.card_too_large": QCoreApplication.translate("Refusal", "This file is too large to be a recipient card"),  # noqa: E501 - one literal per message, for lupdate
        "trust.card_invalid": QCoreApplication.translate("Refusal", "This is not a valid recipient card (damaged or of another format)"),  # noqa: E501 - one literal per message, for lupdate
        "trust.card_altered": QCoreApplication.translate("Refusal", "The card's printed fingerprint does not match its keys; it was altered"),  # noqa: E501 - one literal per message, for lupdate
        "trust.org_empty": QCoreApplication.translate("Refusal", "The organisation name must not be empty"),  # noqa: E501 - one literal per message, for lupdate
        "trust.not_hq": QCoreApplication.translate("Refusal", "This is a field vault, not a headquarters (analyst) vault"),  # noqa: E501 - one literal per message, for lupdate
        "trust.unknown_recipient": QCoreApplication.translate("Refusal", "No trusted recipient with fingerprint {fingerprint}; register its card first (testimony hq trust CARD)"),  # noqa: E501 - one literal per message, for lupdate
        "trust.unknown_bundle": QCoreApplication.translate("Refusal", "No imported bundle {bundle_id}"),  # noqa: E501 - one literal per message, for lupdate
        "trust.receipt_too_large": QCoreApplication.translate("Refusal", "This file is too large to be a receipt"),  # noqa: E501 - one literal per message, for lupdate
        "trust.receipt_invalid": QCoreApplication.translate("Refusal", "This is not a valid receipt file"),  # noqa: E501 - one literal per message, for lupdate
        "trust.receipt_signature": QCoreApplication.translate("Refusal", "The receipt's signature is not valid; it was altered or not made by headquarters"),  # noqa: E501 - one literal per message, for lupdate
        "trust.receipt_not_ours": QCoreApplication.translate("Refusal", "This receipt is for a bundle this vault did not send to that recipient"),  # noqa: E501 - one literal per message, for lupdate
        "handover.what": QCoreApplication.translate("Refusal", "Choose 'identities' or 'records'"),  # noqa: E501 - one literal per message, for lupdate
        "handover.partial": QCoreApplication.translate("Refusal", "Headquarters did not receive the whole of record {record_id} (identities or original attachments stayed here); it was not deleted"),  # noqa: E501 - one literal per message, for lupdate
        "handover.no_receipt": QCoreApplication.translate("Refusal", "Record {record_id} has no receipt from headquarters; nothing was forgotten"),  # noqa: E501 - one literal per message, for lupdate
    }


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def message(exc: BaseException) -> str:
    """The refusal as one line in the interface language."""
    refusal: Refusal = refusal_of(exc)
    template = catalogue().get(refusal.code)
    if template is None or template == "{detail}":
        return refusal.message
    params = _Keep({k: str(v) for k, v in refusal.params.items()})
    return " ".join(template.format_map(params).split())
