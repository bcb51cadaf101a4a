"""The one exception type every layer raises for a rule a user broke.

It carries a bilingual message and, where known, the field that caused it,
so the GUI can show the message next to that field and the command line can
print it on stderr.
"""

from __future__ import annotations

from kotacerdas_desktop.domain.text import LocalText


class KotaCerdasError(Exception):
    """A user-facing error: nothing was changed when it is raised."""

    def __init__(self, message: LocalText, field: str | None = None) -> None:
        super().__init__(message.id)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message.get()


class ValidationError(KotaCerdasError):
    """Input that breaks a rule (a NIP, a level, a year, a catalogue file)."""


class NotFoundError(KotaCerdasError):
    """A code or id that names nothing stored."""


class LockedError(KotaCerdasError):
    """A change to a finalized assessment, which is immutable."""


class StorageError(KotaCerdasError):
    """The database file cannot be used (missing folder, read-only, foreign or newer file)."""


class BusyError(StorageError):
    """Another program held the database's write lock past the wait: nothing was written."""


class DamagedError(StorageError):
    """The file's own structure is damaged: it is not written to, and a backup can replace it."""
