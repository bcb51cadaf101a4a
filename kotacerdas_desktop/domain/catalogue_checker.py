"""The generic part of the catalogue checker: walk parsed JSON, fail with the path.

Every helper raises a ValidationError naming the file, the path inside it
(``dimensions[2].elements[0].indicators[3].levels``) and what is wrong, in
Indonesian and English (docs/catalogue-format.md).
"""

from __future__ import annotations

import re
from typing import Any

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.text import LocalText, shown, t

CODE = re.compile(r"[A-Z0-9][A-Z0-9._-]{0,63}")
VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z._+-]{0,31}")
MAX_WEIGHT = 1_000_000  # relative weights: a few digits say everything; sums stay exact and small


class Checker:
    """Walks the parsed JSON; every helper raises with the path it was given."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.codes: set[str] = set()
        # old code -> (path of the ``replaces`` entry naming it, the indicator continuing it)
        self.replaced: dict[str, tuple[str, str]] = {}

    def fail(self, path: str, problem: LocalText) -> ValidationError:
        source = shown(self.source)
        return ValidationError(
            t(
                f"Berkas katalog {source}, {path or '(akar)'}: {problem.id}",
                f"Catalogue file {source}, {path or '(root)'}: {problem.en}",
            ),
            field=path,
        )

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, t("harus berupa objek JSON", "must be a JSON object"))
        return value

    def items(self, data: dict[str, Any], key: str, path: str, *, min_items: int = 1) -> list:
        value = data.get(key)
        where = f"{path}.{key}" if path else key
        if not isinstance(value, list):
            raise self.fail(where, t("harus berupa daftar (array)", "must be a list (array)"))
        if len(value) < min_items:
            raise self.fail(
                where,
                t(
                    f"harus berisi paling sedikit {min_items} butir",
                    f"must hold at least {min_items} item(s)",
                ),
            )
        return value

    def text(
        self, data: dict[str, Any], key: str, path: str, *, required: bool = True
    ) -> LocalText:
        value = data.get(key)
        where = f"{path}.{key}" if path else key
        if value is None and not required:
            return LocalText("")
        if isinstance(value, dict) and isinstance(value.get("id"), str) and value["id"].strip():
            if not isinstance(value.get("en", ""), str):
                raise self.fail(where + ".en", t("harus berupa teks", "must be text"))
            return LocalText.from_json(value)
        raise self.fail(
            where,
            t(
                'harus berupa teks dwibahasa {"id": "...", "en": "..."} dengan "id" terisi',
                'must be a bilingual text {"id": "...", "en": "..."} with "id" filled in',
            ),
        )

    def weight(self, data: dict[str, Any], path: str, default: float = 1.0) -> float:
        value = data.get("weight", default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(f"{path}.weight", t("harus berupa angka", "must be a number"))
        if not 0 <= value <= MAX_WEIGHT:  # NaN compares false: refused too
            raise self.fail(
                f"{path}.weight",
                t(
                    f"bobot tidak boleh negatif dan paling besar {MAX_WEIGHT:,} ({shown(value)})",
                    f"a weight must not be negative and is at most {MAX_WEIGHT:,} ({shown(value)})",
                ),
            )
        return float(value)

    def weights_sum_above_zero(self, weights: list[float], path: str) -> None:
        """Siblings whose weights are all 0 leave their parent without a score: refused."""
        if not any(weights):
            raise self.fail(
                path,
                t(
                    "bobot semua butirnya 0; paling sedikit satu harus lebih dari 0 agar nilainya "
                    "dapat dihitung",
                    "every item's weight is 0; at least one must be above 0 so a score can be "
                    "computed",
                ),
            )

    def code(self, data: dict[str, Any], path: str, prefix: str = "") -> str:
        value = data.get("code")
        if not isinstance(value, str) or not CODE.fullmatch(value):
            raise self.fail(
                f"{path}.code" if path else "code",
                t(
                    "kode wajib diisi dengan huruf besar, angka, titik, - atau _ (maks. 64 karakter)",
                    "a code is required: capital letters, digits, dot, - or _ (at most 64 characters)",
                ),
            )
        if prefix and not value.startswith(prefix + "."):
            raise self.fail(
                f"{path}.code",
                t(
                    f'kode "{value}" harus diawali "{prefix}."',
                    f'code "{value}" must start with "{prefix}."',
                ),
            )
        if path:
            if value in self.codes:
                raise self.fail(
                    f"{path}.code",
                    t(
                        f'kode "{value}" dipakai lebih dari sekali',
                        f'code "{value}" is used more than once',
                    ),
                )
            self.codes.add(value)
        return value

    def version(self, data: dict[str, Any]) -> str:
        value = data.get("version")
        if not isinstance(value, str) or not VERSION.fullmatch(value):
            raise self.fail(
                "version",
                t(
                    "versi katalog wajib diisi: huruf, angka, titik, +, - atau _ (maks. 32 karakter), "
                    "mis. 2026.2",
                    "the catalogue version is required: letters, digits, dot, +, - or _ (at most 32 "
                    "characters), e.g. 2026.2",
                ),
            )
        return value

    def replaces(self, data: dict[str, Any], path: str, indicator: str) -> tuple[str, ...]:
        """An indicator's ``replaces``: codes of earlier versions, each claimed by one indicator only.

        Whether a replaced code is still a current code is known only when the
        whole file is read: ``check_replaced`` does that.
        """
        value = data.get("replaces", [])
        where = f"{path}.replaces"
        if not isinstance(value, list):
            raise self.fail(where, t("harus berupa daftar kode", "must be a list of codes"))
        codes = []
        for i, code in enumerate(value):
            item = f"{where}[{i}]"
            if not isinstance(code, str) or not CODE.fullmatch(code):
                raise self.fail(
                    item,
                    t(
                        "harus berupa kode indikator (huruf besar, angka, titik, - atau _)",
                        "must be an indicator code (capital letters, digits, dot, - or _)",
                    ),
                )
            if code in self.replaced:
                raise self.fail(
                    item,
                    t(
                        f'kode lama "{code}" sudah dilanjutkan oleh {self.replaced[code][1]}; satu kode lama hanya boleh dilanjutkan satu indikator',
                        f'old code "{code}" is already continued by {self.replaced[code][1]}; an old code may be continued by one indicator only',
                    ),
                )
            self.replaced[code] = (item, indicator)
            codes.append(code)
        return tuple(codes)

    def check_replaced(self) -> None:
        """Refuse an old code that is also a code of this version: its answers would have two homes."""
        for code, (path, _indicator) in self.replaced.items():
            if code in self.codes:
                raise self.fail(
                    path,
                    t(
                        f'kode "{code}" masih dipakai di versi ini, jadi tidak dapat digantikan',
                        f'code "{code}" is still used in this version, so it cannot be replaced',
                    ),
                )
