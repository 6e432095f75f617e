"""The use cases: the only door the window and the command line use.

One module per concern: ``access`` (create, unlock, passphrase rule,
failed-unlock policy, lock, wipe, duress), ``interviews`` (submit, drafts,
reveal), ``exchange`` (export, receipts, import, handover, trust),
``attachments`` (decrypted copies, cleaning reports, faces hidden, removing
the originals after import), ``forms_admin`` (XLSForm import), ``analysis`` and ``desk`` (the analyst's
desk: incidents, people across testimonies, counts, report drafts, exports).
Every safety rule is decided here, so it cannot differ between the two front
ends. Refusals are :class:`desktop.core.errors.Refusal` with a code and parameters.
"""

from ..errors import Refusal
from ..numerals import DIGIT_STYLES, month_name, write_digits, zero_digit
from ..textsafe import strip_bidi
from ..vault import Attachment, Cancelled, Draft, Record, RecordSummary, Vault

__all__ = ["DIGIT_STYLES", "Attachment", "Cancelled", "Draft", "Record", "RecordSummary", "Refusal", "Vault",
           "month_name", "strip_bidi", "write_digits", "zero_digit"]
