"""Use cases of the analyst's desk, shared by the window and the command line:
incidents (create, attach acts, candidates, corroboration, quotations),
people across testimonies (suggest, confirm, reject, status history, reveal),
counts that count each person and incident once, report drafts and exports.

Every rule is decided here: a place must come from the gazetteer, a type
from the vocabulary, a quotation from a redacted narrative, a revealed name
is logged in the custody log, suggestions never link anything by themselves.
"""

from __future__ import annotations

from ...desk.model import CORROBORATION_LEVELS, ActRef, Mention, Sources, UnitMention, victim_mentions
from ...desk.suggest import Candidate, IncidentProposal, PersonSuggestion, UnitSuggestion
from .counts import Counts, incidents_by_sources, loose_acts, victims_by_status, violations_by_perpetrator
from .exports import demo_record_count, export, export_tables, fill_demo
from .incidents import (IncidentView, accept_proposal, add_quote, attach, candidates, create_incident, detach,
                        incident_view, reject_candidate, reject_proposal, set_corroboration)
from .people import (StatusEntry, Suggestions, confirm_group, confirm_same, person_history, publishable_name,
                     reject_same, reveal_person, suggest, unlink)
from .picture import VICTIM_STATUSES, CancelFn, Desk, ProgressFn, check_place, check_type, load
from .report import report_data, report_html

__all__ = [
                        "CORROBORATION_LEVELS",
                        "VICTIM_STATUSES",
                        "ActRef",
                        "CancelFn",
    "Candidate",
                        "Counts",
                        "Desk",
                        "IncidentProposal",
                        "IncidentView",
                        "Mention",
                        "PersonSuggestion",
    "ProgressFn",
                        "Sources",
                        "StatusEntry",
                        "Suggestions",
                        "UnitMention",
                        "UnitSuggestion",
                        "accept_proposal",
                        "add_quote",
                        "attach",
                        "candidates",
                        "check_place",
                        "check_type",
                        "confirm_group",
                        "confirm_same",
                        "create_incident",
                        "demo_record_count",
                        "detach",
                        "export",
                        "export_tables",
                        "fill_demo",
                        "incident_view",
                        "incidents_by_sources",
                        "load",
                        "loose_acts",
                        "person_history",
                        "publishable_name",
                        "reject_candidate",
                        "reject_proposal",
                        "reject_same",
                        "report_data",
                        "report_html",
                        "reveal_person",
                        "set_corroboration",
                        "suggest",
                        "unlink",
                        "victim_mentions",
                        "victims_by_status",
                        "violations_by_perpetrator",
]
