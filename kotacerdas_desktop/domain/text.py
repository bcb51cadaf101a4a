"""Bilingual text: Indonesian first, English second.

Every user-visible string in the domain, store and command line is a
``LocalText`` (or made with ``t()``), so the language is chosen once, where
the text is shown, and the same message serves the GUI and the command line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

LANGUAGES = ("id", "en")
_language = os.environ.get("KOTACERDAS_LANG", "id")
if _language not in LANGUAGES:
    _language = "id"


def set_language(language: str) -> None:
    """Choose the language of every text shown from now on ("id" or "en")."""
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _language = language


def current_language() -> str:
    return _language


@dataclass(frozen=True)
class LocalText:
    """A text in Indonesian (``id``, always present) and English (``en``, may be empty)."""

    id: str
    en: str = ""

    def get(self, language: str | None = None) -> str:
        language = language or _language
        if language == "en" and self.en:
            return self.en
        return self.id

    def __str__(self) -> str:
        return self.get()

    def format(self, **values: object) -> LocalText:
        """The same text with ``{name}`` placeholders filled in both languages."""
        return LocalText(self.id.format(**values), self.en.format(**values) if self.en else "")

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "en": self.en} if self.en else {"id": self.id}

    @classmethod
    def from_json(cls, value: dict[str, str] | str | None) -> LocalText:
        if value is None:
            return cls("")
        if isinstance(value, str):
            return cls(value)
        return cls(value.get("id", ""), value.get("en", ""))


def t(indonesian: str, english: str) -> LocalText:
    """Mark a user-visible string for both languages at the place it is written."""
    return LocalText(indonesian, english)


def shown(value: object, limit: int = 60) -> str:
    """A value read from a file or written by another program, safe to put in a message: every
    character a terminal would act on or hide (controls, escapes, bidirectional marks, lone
    surrogates) is written as its escape (``\\x1b``, ``\\u202e``), and a long value is cut."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape", "backslashreplace").decode("ascii")
        for c in text
    )
