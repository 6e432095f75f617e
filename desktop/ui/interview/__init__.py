"""The guided interview screen: the view, its checks and progress, its drafts, one section page."""

from __future__ import annotations

from .page import AUTOSAVE_MAX_MS, AUTOSAVE_MS, SectionPage
from .view import InterviewView

__all__ = ["AUTOSAVE_MAX_MS", "AUTOSAVE_MS", "InterviewView", "SectionPage"]
