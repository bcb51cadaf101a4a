"""The signature blocks: prepared by, reviewed by, and "Mengetahui, Kepala ..." of the agency;
the head of agency alone (an agency's plan); the city's smart city coordinator (the recap, the
city plan).

Each block has its role, the position, room to sign (and for the head, to
stamp), the name underlined, pangkat/golongan and NIP. They read in the order
the sheet passes through hands: prepared -> reviewed -> approved. The sheet
keeps the whole group on one page with the verification block: a signature
separated from what it signs is worthless.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from kotacerdas_desktop.domain.model import ROLE_APPROVED, ROLE_PREPARED, ROLE_REVIEWED, Signatory
from kotacerdas_desktop.domain.nip import format_nip
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.reports.document import Letterhead, SignedLetterhead
from kotacerdas_desktop.reports.indonesian import place_and_date
from kotacerdas_desktop.reports.sheet_data import SheetData
from kotacerdas_desktop.reports.styles import markup, para, styles, table_style

BLANK_NAME = "(" + "." * 45 + ")"
BLANK_NIP = "NIP. " + "." * 36
SIGN_SPACE = 20 * mm
STAMP_SPACE = 24 * mm
CLOSING = t(
    "Demikian lembar evaluasi mandiri ini dibuat dengan sebenar-benarnya untuk dipergunakan "
    "sebagaimana mestinya.",
    "This self-assessment evaluation sheet was made truthfully, to be used as intended.",
)
COORDINATOR_LINE = "selaku Koordinator Smart City"
ROLE_LINES = {
    ROLE_PREPARED: t("Disiapkan oleh,", "Prepared by,"),
    ROLE_REVIEWED: t("Diperiksa oleh,", "Reviewed by,"),
    ROLE_APPROVED: t("Mengetahui,", "Acknowledged by,"),
}


def head_position(data: Letterhead, signatory: Signatory | None) -> str:
    """ "Kepala Dinas Komunikasi dan Informatika" when the position says just "Kepala" or nothing."""
    position = signatory.position.strip() if signatory else ""
    if position.lower() in ("", "kepala", "kepala opd"):
        return str(t(f"Kepala {data.agency.name}", f"Head of {data.agency.name}"))
    return position


def person_lines(signatory: Signatory | None) -> list[Paragraph]:
    """Name underlined, rank, NIP; an empty signatory leaves dotted lines to write on by hand."""
    st = styles()
    if signatory is None or not signatory.name.strip():
        return [
            para(BLANK_NAME, st.signature),
            para("", st.signature),
            para(BLANK_NIP, st.signature),
        ]
    nip = f"NIP. {format_nip(signatory.nip)}" if signatory.nip.strip() else BLANK_NIP
    return [
        Paragraph(f"<b><u>{markup(signatory.name)}</u></b>", st.signature),
        para(signatory.rank, st.signature),
        para(nip, st.signature),
    ]


def signature_table(columns: list[list[Flowable | str]], width: float) -> Table:
    """Blocks side by side, line by line, so names and NIPs stand level even when a position wraps."""
    rows = [list(line) for line in zip(*columns, strict=True)]
    table = Table(rows, colWidths=[width / len(columns)] * len(columns), hAlign="CENTER")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
        )
    )
    return table


def _block(
    data: SignedLetterhead, role: str, positions: list[str], space: float, dated: bool = False
) -> list[Flowable | str]:
    st = styles()
    signatory = data.agency.signatories.get(role)
    date_line = place_and_date(data.city, data.sign_date) if dated else ""
    return [
        para(date_line, st.signature),
        para(str(ROLE_LINES[role]), st.signature),
        *[para(line, st.signature) for line in positions],
        Spacer(1, space),
        *person_lines(signatory),
    ]


def head_block(data: SignedLetterhead, width: float, dated: bool = False) -> Table:
    """The head of agency's block ("Mengetahui, Kepala ..."), centred: the sheet puts it under
    the other two, an agency's plan is signed by it alone (``dated``: under the place and date)."""
    positions = [head_position(data, data.agency.signatories.get(ROLE_APPROVED)), data.city]
    return signature_table([_block(data, ROLE_APPROVED, positions, STAMP_SPACE, dated)], width)


def coordinator_block(data: SignedLetterhead, width: float) -> Table:
    """Place and date, the head of the coordinating agency (``data.agency``) as the city's smart
    city coordinator, room to sign and stamp, name, rank and NIP, on the right half: the
    recap's and the city plan's signature."""
    st = styles()
    head = data.agency.head
    lines = [
        para(place_and_date(data.city, data.sign_date), st.signature),
        para(head_position(data, head), st.signature),
        para(data.city, st.signature),
        para(COORDINATOR_LINE, st.signature),
        Spacer(1, STAMP_SPACE),
        *person_lines(head),
    ]
    return signature_table([[""] * len(lines), lines], width)


def signatures(data: SheetData, width: float) -> list[Flowable]:
    """The closing sentence, then the blocks in reading order: prepared by (left), reviewed by
    (right, under the place and date), and the head of agency centred below them. The caller
    keeps them on one page with what must stay beside them (the verification block)."""
    st = styles()
    people = data.agency.signatories
    position = {role: (people[role].position if role in people else "") for role in ROLE_LINES}
    pair = signature_table(
        [
            _block(data, ROLE_PREPARED, [position[ROLE_PREPARED]], SIGN_SPACE),
            _block(data, ROLE_REVIEWED, [position[ROLE_REVIEWED]], SIGN_SPACE, dated=True),
        ],
        width,
    )
    head = head_block(data, width * 0.7)
    return [
        Spacer(1, 5 * mm),
        para(str(CLOSING), st.body),
        Spacer(1, 5 * mm),
        pair,
        Spacer(1, 7 * mm),
        head,
    ]
