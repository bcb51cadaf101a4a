"""Bilingual text: Indonesian first, English second.

Every user-visible string in the domain, store and command line is a
``LocalText`` (or made with ``t()``), so the language is chosen once, where
the text is shown, and the same message serves the GUI and the command line.

The language of the interface is set once at start (``set_language``; see
kotacerdas_desktop/language.py for the flag, environment and setting). A
document written in another language than the interface (the evaluation
sheet stays Indonesian when the window is English) is built inside
``document_language(...)``, which holds only for the thread that builds it,
so a sheet made in a worker never changes what the window shows meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

LANGUAGES = ("id", "en")
_language = "id"
_document: ContextVar[str | None] = ContextVar("kotacerdas_document_language", default=None)


def _checked(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    return language


def set_language(language: str) -> None:
    """Choose the language of every text shown from now on ("id" or "en")."""
    global _language
    _language = _checked(language)


def current_language() -> str:
    """The language texts are written in here: the document's being built, else the interface's."""
    return _document.get() or _language


@contextmanager
def document_language(language: str) -> Iterator[None]:
    """Write every text in ``language`` while a document is built in this thread (and only here)."""
    token = _document.set(_checked(language))
    try:
        yield
    finally:
        _document.reset(token)


@dataclass(frozen=True)
class LocalText:
    """A text in Indonesian (``id``, always present) and English (``en``, may be empty)."""

    id: str
    en: str = ""

    def get(self, language: str | None = None) -> str:
        language = language or current_language()
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
