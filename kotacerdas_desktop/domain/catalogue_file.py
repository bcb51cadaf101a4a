"""Read and check catalogue files (format ``kotacerdas-catalogue/1``, docs/catalogue-format.md).

The checker is hand-written rather than a JSON Schema library so the domain
stays standard-library only, and so every error names the file, the path
inside it (``dimensions[2].elements[0].indicators[3].levels``) and what is
wrong, in Indonesian and English.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from kotacerdas_desktop.domain.catalogue import (
    KIND_DIMENSION,
    KIND_ENABLER,
    LEVELS,
    METHOD_DIMENSIONS,
    METHOD_LENSES,
    METHODS,
    Catalogue,
    Dimension,
    Element,
    Indicator,
    Lens,
    Level,
    Predicate,
)
from kotacerdas_desktop.domain.catalogue_checker import Checker
from kotacerdas_desktop.domain.catalogue_json import MAX_FILE_BYTES, check_shape, parse, too_large
from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.text import LocalText, shown, t

FORMAT = "kotacerdas-catalogue/1"
LENS_CODE = re.compile(r"[a-z][a-z0-9_]{0,31}")


def parse_catalogue(data: Any, source: str = "<data>") -> Catalogue:
    """Check a parsed catalogue file and build the model; raise ValidationError naming the path."""
    c = Checker(source)
    check_shape(data, c.fail)
    root = c.obj(data, "")
    if root.get("format") != FORMAT:
        raise c.fail("format", t(f'harus "{FORMAT}"', f'must be "{FORMAT}"'))
    code = c.code(root, "")
    version = c.version(root)
    labels_raw = c.obj(root.get("level_labels"), "level_labels")
    level_labels = tuple(c.text(labels_raw, str(n), "level_labels") for n in LEVELS)
    raw_lenses = c.items(root, "lenses", "", min_items=0) if "lenses" in root else []
    lenses = tuple(_lens(c, raw, f"lenses[{i}]") for i, raw in enumerate(raw_lenses))
    lens_codes = {lens.code for lens in lenses}
    predicates = _predicates(c, root)
    dimensions = tuple(
        _dimension(c, c.obj(raw, f"dimensions[{i}]"), f"dimensions[{i}]", level_labels, lens_codes)
        for i, raw in enumerate(c.items(root, "dimensions", ""))
    )
    c.check_replaced()
    c.weights_sum_above_zero(
        [d.weight for d in dimensions if d.kind == KIND_DIMENSION], "dimensions"
    )
    index = c.obj(root.get("index", {}), "index")
    index_method = _index_method(c, index, lenses, dimensions)
    if lenses:  # shown with their weights even when the index weighs the dimensions
        c.weights_sum_above_zero([lens.weight for lens in lenses], "lenses")
    return Catalogue(
        code=code,
        version=version,
        name=c.text(root, "name", ""),
        description=c.text(root, "description", "", required=False),
        dimensions=dimensions,
        predicates=predicates,
        level_labels=level_labels,
        lenses=lenses,
        index_method=index_method,
        weights_source=c.text(index, "weights_source", "index", required=False),
        predicates_source=c.text(index, "predicates_source", "index", required=False),
        source=c.text(root, "source", "", required=False),
        level_rule=c.text(root, "level_rule", "", required=False),
    )


def _index_method(
    c: Checker, index: dict[str, Any], lenses: tuple[Lens, ...], dimensions: tuple[Dimension, ...]
) -> str:
    """The declared index method; a file without one (format 1 as first shipped) uses the
    lenses when every indicator of a dimension carries one, else the dimensions."""
    untagged = [
        indicator.code
        for dimension in dimensions
        if dimension.kind == KIND_DIMENSION
        for indicator in dimension.indicators()
        if indicator.lens is None
    ]
    method = index.get("method")
    if method is None:
        return METHOD_LENSES if lenses and not untagged else METHOD_DIMENSIONS
    if method not in METHODS:
        raise c.fail(
            "index.method",
            t('harus "lenses" atau "dimensions"', 'must be "lenses" or "dimensions"'),
        )
    if method == METHOD_LENSES:
        if not lenses or sum(lens.weight for lens in lenses) <= 0:
            raise c.fail(
                "lenses",
                t(
                    'metode "lenses" memerlukan lensa dengan bobot lebih dari 0',
                    'the "lenses" method needs lenses with a weight above 0',
                ),
            )
        if untagged:
            raise c.fail(
                "index.method",
                t(
                    f'metode "lenses": setiap indikator dimensi wajib punya lensa ({", ".join(untagged[:3])} belum)',
                    f'method "lenses": every indicator of a dimension needs a lens ({", ".join(untagged[:3])} has none)',
                ),
            )
    return method


def _lens(c: Checker, raw: Any, path: str) -> Lens:
    data = c.obj(raw, path)
    code = data.get("code")
    if not isinstance(code, str) or not LENS_CODE.fullmatch(code):
        raise c.fail(
            f"{path}.code",
            t(
                "kode lensa wajib diisi: huruf kecil, angka atau _ (maks. 32 karakter)",
                "a lens code is required: lower case letters, digits or _ (at most 32 characters)",
            ),
        )
    return Lens(code, c.text(data, "name", path), c.weight(data, path))


def _predicates(c: Checker, root: dict[str, Any]) -> tuple[Predicate, ...]:
    predicates = []
    for i, raw in enumerate(c.items(root, "predicates", "")):
        path = f"predicates[{i}]"
        data = c.obj(raw, path)
        minimum = data.get("min")
        if isinstance(minimum, bool) or not isinstance(minimum, (int, float)):
            raise c.fail(f"{path}.min", t("harus berupa angka", "must be a number"))
        if predicates and minimum <= predicates[-1].minimum:
            raise c.fail(
                f"{path}.min", t("batas predikat harus naik", "predicate limits must ascend")
            )
        if not predicates and minimum != 0:
            raise c.fail(
                f"{path}.min",
                t("predikat pertama harus mulai dari 0", "the first predicate must start at 0"),
            )
        predicates.append(Predicate(float(minimum), c.text(data, "label", path)))
    return tuple(predicates)


def _dimension(
    c: Checker,
    data: dict[str, Any],
    path: str,
    level_labels: tuple[LocalText, ...],
    lens_codes: set[str],
) -> Dimension:
    code = c.code(data, path)
    kind = data.get("kind", KIND_DIMENSION)
    if kind not in (KIND_DIMENSION, KIND_ENABLER):
        raise c.fail(
            f"{path}.kind",
            t('harus "dimension" atau "enabler"', 'must be "dimension" or "enabler"'),
        )
    elements = []
    for i, raw in enumerate(c.items(data, "elements", path)):
        epath = f"{path}.elements[{i}]"
        edata = c.obj(raw, epath)
        ecode = c.code(edata, epath, prefix=code)
        indicators = tuple(
            _indicator(
                c,
                c.obj(ind, f"{epath}.indicators[{j}]"),
                f"{epath}.indicators[{j}]",
                ecode,
                level_labels,
                lens_codes,
            )
            for j, ind in enumerate(c.items(edata, "indicators", epath))
        )
        c.weights_sum_above_zero([i.weight for i in indicators], f"{epath}.indicators")
        elements.append(
            Element(ecode, c.text(edata, "name", epath), indicators, c.weight(edata, epath))
        )
    c.weights_sum_above_zero([e.weight for e in elements], f"{path}.elements")
    return Dimension(
        code=code,
        name=c.text(data, "name", path),
        elements=tuple(elements),
        weight=c.weight(data, path),
        kind=kind,
        description=c.text(data, "description", path, required=False),
    )


def _indicator(
    c: Checker,
    data: dict[str, Any],
    path: str,
    element_code: str,
    level_labels: tuple[LocalText, ...],
    lens_codes: set[str],
) -> Indicator:
    code = c.code(data, path, prefix=element_code)
    lens = data.get("lens")
    if lens is not None and (not isinstance(lens, str) or lens not in lens_codes):
        raise c.fail(
            f"{path}.lens",
            t(
                f'lensa "{shown(lens)}" tidak dideklarasikan di "lenses"',
                f'lens "{shown(lens)}" is not declared in "lenses"',
            ),
        )
    levels_raw = c.items(data, "levels", path)
    by_number: dict[int, Level] = {}
    for i, raw in enumerate(levels_raw):
        lpath = f"{path}.levels[{i}]"
        ldata = c.obj(raw, lpath)
        number = ldata.get("level")
        if number not in LEVELS or isinstance(number, bool):
            raise c.fail(
                f"{lpath}.level", t("harus bilangan 1 sampai 5", "must be a whole number 1 to 5")
            )
        if number in by_number:
            raise c.fail(
                f"{lpath}.level",
                t(f"tingkat {number} muncul dua kali", f"level {number} appears twice"),
            )
        label = (
            c.text(ldata, "label", lpath, required=False)
            if "label" in ldata
            else level_labels[number - 1]
        )
        by_number[number] = Level(
            number,
            label,
            c.text(ldata, "description", lpath),
            c.text(ldata, "evidence", lpath, required=False),
        )
    missing = [str(n) for n in LEVELS if n not in by_number]
    if missing:
        raise c.fail(
            f"{path}.levels",
            t(
                f"tingkat {', '.join(missing)} belum ada; setiap indikator wajib punya tingkat 1-5",
                f"level(s) {', '.join(missing)} missing; every indicator needs levels 1-5",
            ),
        )
    allow_na = data.get("allow_na", False)
    if not isinstance(allow_na, bool):
        raise c.fail(f"{path}.allow_na", t("harus true atau false", "must be true or false"))
    return Indicator(
        code=code,
        question=c.text(data, "question", path),
        levels=tuple(by_number[n] for n in LEVELS),
        weight=c.weight(data, path),
        lens=lens,
        allow_na=allow_na,
        guidance=c.text(data, "guidance", path, required=False),
        replaces=c.replaces(data, path, code),
        note=c.text(data, "note", path, required=False),
    )


def load_catalogue_text(text: str, source: str) -> Catalogue:
    """Parse and check catalogue JSON text (domain/catalogue_json.py holds it to one meaning and
    to bounded size and shape); every refusal names the file and the place."""
    return parse_catalogue(parse(text, source), source)


def read_text_file(path: Path, kind: LocalText, field: str, limit: int = MAX_FILE_BYTES) -> str:
    """The text of a UTF-8 file a user named (a BOM dropped, line ends as text mode reads them),
    or ValidationError naming the file and what it is (``kind``: "Berkas katalog") when it cannot
    be read or is larger than ``limit`` (read no further than the limit: a device never ends)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
            size = max(os.fstat(handle.fileno()).st_size, len(data))
        if len(data) > limit:
            raise ValidationError(
                t(
                    f"{kind.id} {shown(path.name)} {too_large(size).id}",
                    f"{kind.get('en')} {shown(path.name)} {too_large(size).en}",
                ),
                field=field,
            )
        # Line ends as text mode reads them (a checkout or editor on Windows writes CRLF), so
        # the stored text and its SHA-256 are the same on every system.
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(
            t(
                f"{kind.id} {shown(path.name)} tidak dapat dibaca: {shown(exc, 200)}",
                f"{kind.get('en')} {shown(path.name)} cannot be read: {shown(exc, 200)}",
            ),
            field=field,
        ) from exc


def read_catalogue_text(path: Path) -> str:
    """The text of a catalogue file, or ValidationError naming the file when it cannot be read."""
    return read_text_file(path, t("Berkas katalog", "Catalogue file"), "file")


def read_catalogue_file(path: Path) -> Catalogue:
    """Read and check a catalogue file."""
    return load_catalogue_text(read_catalogue_text(path), path.name)
