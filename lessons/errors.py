"""Why an input cannot become a lesson. The shell maps each reason to a friendly message."""
from __future__ import annotations


class LessonError(Exception):
    """Input that cannot become a lesson. `reason` is a stable code the shell translates."""

    reason = "unreadable"

    def __init__(self, detail: str = ""):
        super().__init__(detail or self.reason)
        self.detail = detail


class EmptyText(LessonError):
    reason = "empty"


class TooShort(LessonError):
    reason = "too_short"


class NotEnglish(LessonError):
    reason = "not_english"


class TooLarge(LessonError):
    reason = "too_large"


class Unreadable(LessonError):
    """Binary garbage, a broken .docx/.pdf, an unsupported file type."""

    reason = "unreadable"


class NoArticle(LessonError):
    """An HTML page with no article text in it."""

    reason = "no_article"


class FetchFailed(LessonError):
    """A URL that answered an error, never answered, or is not http(s). Raised by the shell."""

    reason = "fetch_failed"
