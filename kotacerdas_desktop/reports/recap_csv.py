"""The city matrix as CSV: one row per counted agency, then the city.

UTF-8 with a byte order mark, so Excel reads the agency names (and any
diacritics) right instead of guessing a Windows code page; comma-separated
with a decimal point, the form other programs read. The figures are the shown
ones (half-up to two places), as on the paper.
"""

from __future__ import annotations

import csv
import io

from kotacerdas_desktop.domain.figures import format_figure
from kotacerdas_desktop.reports.recap_data import RecapData, matrix_columns, matrix_rows
from kotacerdas_desktop.reports.recap_tables import predicate_label

BOM = "\ufeff"


def recap_csv(data: RecapData) -> bytes:
    columns = matrix_columns(data)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["Kode", "Perangkat Daerah", "Revisi", *[c.title for c in columns], "Predikat Indeks"]
    )
    for row in matrix_rows(data):
        figures = [format_figure(row.values[c.code], "en", "") for c in columns]
        writer.writerow(
            [
                row.code,
                row.name,
                "" if row.revision is None else row.revision,
                *figures,
                predicate_label(data.catalogue, row.values[columns[-1].code]),
            ]
        )
    return (BOM + buffer.getvalue()).encode("utf-8")
