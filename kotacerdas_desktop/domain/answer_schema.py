"""The one list of what an answer and its evidence hold.

The store's columns and SQL, reopening as a new revision, the fingerprint's
canonical data, the command line's JSON and the exchange package all read
these tuples, so a field added here reaches every one of them, and a field
added anywhere else fails a test (tests/domain/test_answer_schema.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kotacerdas_desktop.domain.model import Answer, Evidence

TEXT, BOOL, LEVEL, INT = "text", "bool", "level", "int"


@dataclass(frozen=True)
class Field:
    name: str  # the attribute of Answer/Evidence, the column, the JSON key
    kind: str  # TEXT, BOOL, LEVEL (1-5 or null) or INT
    signed_since: int | None = None  # first canonical version whose fingerprint covers it
    edited: bool = False  # typed by the operator: validated, audited, undone

    def signed(self, canonical_version: int) -> bool:
        return self.signed_since is not None and self.signed_since <= canonical_version


ANSWER_FIELDS: tuple[Field, ...] = (
    Field("level", LEVEL, signed_since=1, edited=True),
    Field("not_applicable", BOOL, signed_since=1, edited=True),
    Field("na_reason", TEXT, signed_since=1, edited=True),
    Field("justification", TEXT, signed_since=1, edited=True),
    Field("follow_up", TEXT, signed_since=1, edited=True),
    Field("review_flag", BOOL, edited=True),
    Field("review_comment", TEXT, edited=True),
    Field("changed_by", TEXT),
    Field("changed_at", TEXT),
)

EVIDENCE_FIELDS: tuple[Field, ...] = (
    Field("title", TEXT, signed_since=1, edited=True),
    Field("number", TEXT, signed_since=1, edited=True),
    Field("date", TEXT, signed_since=1, edited=True),
    Field("file_name", TEXT),
    Field("sha256", TEXT, signed_since=1),
    Field("size", INT),
)

ANSWER_NAMES = tuple(f.name for f in ANSWER_FIELDS)
EDITED_ANSWER_NAMES = tuple(f.name for f in ANSWER_FIELDS if f.edited)
EDITED_EVIDENCE_NAMES = tuple(f.name for f in EVIDENCE_FIELDS if f.edited)
EVIDENCE_NAMES = tuple(f.name for f in EVIDENCE_FIELDS)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _level(value: Any) -> int | None:
    return None if value is None else int(value)


def _int(value: Any) -> int:
    return int(value or 0)


_CONVERT: dict[str, Callable[[Any], object]] = {
    BOOL: bool,
    TEXT: _text,
    LEVEL: _level,
    INT: _int,
}
# (name, converter) of every field, looked up once: a city reads thousands of answers.
_ANSWER_VALUES = tuple((f.name, _CONVERT[f.kind]) for f in ANSWER_FIELDS)
_EVIDENCE_VALUES = tuple((f.name, _CONVERT[f.kind]) for f in EVIDENCE_FIELDS)


def answer_from_row(indicator_code: str, row: dict) -> Answer:
    """An Answer from a row (or JSON object) holding every answer field."""
    get = row.get
    return Answer(indicator_code, **{name: value(get(name)) for name, value in _ANSWER_VALUES})


def evidence_from_row(row: dict, evidence_id: int | None = None) -> Evidence:
    """Evidence from a row (or JSON object) holding every evidence field."""
    get = row.get
    return Evidence(id=evidence_id, **{name: value(get(name)) for name, value in _EVIDENCE_VALUES})


def answer_record(answer: Answer) -> dict:
    """Every answer field as the store writes it (booleans as 0/1)."""
    return {
        f.name: int(getattr(answer, f.name)) if f.kind == BOOL else getattr(answer, f.name)
        for f in ANSWER_FIELDS
    }


def answer_json(answer: Answer) -> dict:
    """An answer with its evidence as JSON: the command line's `show --json` and the package."""
    return {
        "indicator": answer.indicator_code,
        **{f.name: getattr(answer, f.name) for f in ANSWER_FIELDS},
        "evidence": [
            {f.name: getattr(e, f.name) for f in EVIDENCE_FIELDS} for e in answer.evidence
        ],
    }


def answer_from_json(data: dict) -> Answer:
    answer = answer_from_row(data["indicator"], data)
    answer.evidence = [evidence_from_row(e) for e in data.get("evidence", [])]
    return answer


def signed_answer(answer: Answer, canonical_version: int) -> dict:
    """What the fingerprint covers of one answer (domain/fingerprint.py)."""
    return {
        "indicator": answer.indicator_code,
        **{f.name: getattr(answer, f.name) for f in ANSWER_FIELDS if f.signed(canonical_version)},
        "evidence": [
            {f.name: getattr(e, f.name) for f in EVIDENCE_FIELDS if f.signed(canonical_version)}
            for e in answer.evidence
        ],
    }
