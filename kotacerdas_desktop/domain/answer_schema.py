"""The one list of what an answer and its evidence hold.

The store's columns and SQL, reopening as a new revision, the fingerprint's
canonical data, the command line's JSON and the exchange package all read
these tuples, so a field added here reaches every one of them, and a field
added anywhere else fails a test (tests/domain/test_answer_schema.py). The
city picture reads only the fields marked ``city`` (CITY_ANSWER_FIELDS); a
user of the picture that needs another fails tests/store/test_city.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    city: bool = False  # read for the city picture (store/city.py): its figures and register

    def signed(self, canonical_version: int) -> bool:
        return self.signed_since is not None and self.signed_since <= canonical_version


ANSWER_FIELDS: tuple[Field, ...] = (
    Field("level", LEVEL, signed_since=1, edited=True, city=True),
    Field("not_applicable", BOOL, signed_since=1, edited=True, city=True),
    Field("na_reason", TEXT, signed_since=1, edited=True),
    Field("justification", TEXT, signed_since=1, edited=True),
    Field("follow_up", TEXT, signed_since=1, edited=True, city=True),
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
# What the city's figures, lists and follow-up register use of an answer: a city reads 60 x 100
# answers per year, and leaving the justifications out halves the reading.
CITY_ANSWER_FIELDS = tuple(f for f in ANSWER_FIELDS if f.city)
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
_EVIDENCE_VALUES = tuple((f.name, _CONVERT[f.kind]) for f in EVIDENCE_FIELDS)


def answer_reader(
    fields: Sequence[Field] = ANSWER_FIELDS,
) -> Callable[[str, Sequence[Any]], Answer]:
    """A maker of Answers from an indicator code and a row of values in ``fields``' order (a
    SELECT of those columns); a field not among ``fields`` keeps its default. Each field's
    converter is looked up once: a city reads thousands of answers."""
    names = tuple(f.name for f in fields)
    converters = tuple(_CONVERT[f.kind] for f in fields)

    def read(indicator_code: str, values: Sequence[Any]) -> Answer:
        return Answer(
            indicator_code,
            **{n: convert(v) for n, convert, v in zip(names, converters, values, strict=True)},
        )

    return read


_read_answer = answer_reader()


def answer_from_row(indicator_code: str, row: dict) -> Answer:
    """An Answer from a row (or JSON object) holding every answer field."""
    return _read_answer(indicator_code, [row.get(name) for name in ANSWER_NAMES])


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
