"""Plausible officials for the demo city, generated from tables of name parts.

No real person may appear as a fictional official, so names are never
written out: each is put together from a given name, a middle name and a
family-style name of the same gender, and a generator never hands out the
same person twice. Ranks fit the post (heads of agencies, eselon II.b, are
Pembina Tingkat I (IV/b) or above), and every NIP is valid and agrees with
the person: birth date, appointment at a working age, gender digit.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from kotacerdas_desktop.demo.agencies import DemoAgency
from kotacerdas_desktop.domain.model import (
    ROLE_APPROVED,
    ROLE_PREPARED,
    ROLE_REVIEWED,
    Signatory,
)

MAN, WOMAN = 1, 2  # the NIP's gender digit

GIVEN = {
    MAN: (
        "Agus",
        "Arif",
        "Bayu",
        "Danang",
        "Dimas",
        "Eko",
        "Fajar",
        "Galih",
        "Hanif",
        "Heru",
        "Ilham",
        "Kukuh",
        "Lukman",
        "Nanang",
        "Rizal",
        "Sigit",
        "Taufik",
        "Wahyu",
        "Yoga",
        "Zainal",
    ),
    WOMAN: (
        "Anik",
        "Ayu",
        "Dian",
        "Endah",
        "Erna",
        "Fitri",
        "Indah",
        "Kartika",
        "Lilis",
        "Nurul",
        "Novita",
        "Puji",
        "Ratna",
        "Retno",
        "Rina",
        "Septi",
        "Tutik",
        "Wulan",
        "Yeni",
        "Yuni",
    ),
}
MIDDLE = {
    MAN: (
        "Adi",
        "Bagus",
        "Budi",
        "Cahyo",
        "Dwi",
        "Hari",
        "Joko",
        "Nur",
        "Setyo",
        "Tri",
        "Wisnu",
        "Yudha",
    ),
    WOMAN: (
        "Ari",
        "Dewi",
        "Dwi",
        "Eka",
        "Kurnia",
        "Nur",
        "Puspa",
        "Ratih",
        "Sekar",
        "Tri",
        "Wahyu",
        "Yulia",
    ),
}
FAMILY = {
    MAN: (
        "Adinugroho",
        "Baskoro",
        "Darmawan",
        "Firmansyah",
        "Hartanto",
        "Kusnadi",
        "Mardiyanto",
        "Nugraha",
        "Pamungkas",
        "Prakoso",
        "Raharjo",
        "Sasmito",
        "Subekti",
        "Sulistyo",
        "Wicaksono",
        "Wirawan",
    ),
    WOMAN: (
        "Andriani",
        "Cahyaningrum",
        "Damayanti",
        "Fatmawati",
        "Handayani",
        "Indrawati",
        "Kusumaningtyas",
        "Larasati",
        "Maharani",
        "Novitasari",
        "Pratiwi",
        "Rahayu",
        "Setyowati",
        "Susilowati",
        "Wijayanti",
        "Yuliani",
    ),
}
REVIEWER_DEGREES = ("S.E., M.M.", "S.Sos., M.Si.", "S.H., M.H.", "S.AP., M.AP.", "S.T., M.T.")
STAFF_DEGREES = ("S.Kom.", "S.T.", "S.E.", "S.Sos.", "S.Stat.", "A.Md.Kom.")

# (rank, birth years, appointment years) per post
HEAD = (("Pembina Tingkat I (IV/b)", "Pembina Utama Muda (IV/c)"), (1968, 1976), (1994, 2002))
REVIEWER = (("Pembina (IV/a)", "Pembina Tingkat I (IV/b)"), (1973, 1981), (1999, 2007))
STAFF = (
    ("Penata Muda (III/a)", "Penata Muda Tingkat I (III/b)", "Penata (III/c)"),
    (1988, 1997),
    (2014, 2022),
)


@dataclass(frozen=True)
class Person:
    name: str  # with titles and degrees, as printed under a signature
    nip: str
    rank: str


def _with_degrees(name: str, degrees: str) -> str:
    """ "dr.|M.Kes." puts "dr." before the name and "M.Kes." after it; "S.T., M.T." goes after."""
    front, _, back = degrees.rpartition("|")
    return f"{front} {name}, {back}".strip() if front else f"{name}, {degrees}"


class People:
    """Hands out distinct people; the same generator never repeats a name or a NIP."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: set[str] = set()
        self.nips: set[str] = set()

    def _bare_name(self, gender: int) -> str:
        while True:
            parts = (
                self.rng.choice(GIVEN[gender]),
                self.rng.choice(MIDDLE[gender]),
                self.rng.choice(FAMILY[gender]),
            )
            name = " ".join(parts)
            if name not in self.names and len(set(parts)) == 3:
                self.names.add(name)
                return name

    def _nip(self, gender: int, born: tuple[int, int], appointed: tuple[int, int]) -> str:
        while True:
            year = self.rng.randint(*born)
            birth = f"{year}{self.rng.randint(1, 12):02d}{self.rng.randint(1, 28):02d}"
            start = max(appointed[0], year + 22)
            appointment = f"{self.rng.randint(start, max(start, appointed[1]))}{self.rng.choice((1, 3, 12)):02d}"
            nip = f"{birth}{appointment}{gender}{self.rng.randint(1, 12):03d}"
            if nip not in self.nips:
                self.nips.add(nip)
                return nip

    def person(self, post: tuple, degrees: tuple[str, ...]) -> Person:
        ranks, born, appointed = post
        gender = self.rng.choice((MAN, WOMAN))
        chosen = self.rng.choice(degrees)
        if gender == WOMAN:
            chosen = chosen.replace("Drs.|", "Dra.|")
        bare = self._bare_name(gender)
        return Person(
            _with_degrees(bare, chosen),
            self._nip(gender, born, appointed),
            self.rng.choice(ranks),
        )

    def signatories(self, agency: DemoAgency) -> dict[str, Signatory]:
        """The operator who prepares, the official who reviews and the head who approves."""
        head = self.person(HEAD, agency.head_degrees)
        reviewer = self.person(REVIEWER, REVIEWER_DEGREES)
        staff = self.person(STAFF, STAFF_DEGREES)
        return {
            ROLE_PREPARED: Signatory(
                ROLE_PREPARED, staff.name, staff.nip, staff.rank, agency.staff_position
            ),
            ROLE_REVIEWED: Signatory(
                ROLE_REVIEWED, reviewer.name, reviewer.nip, reviewer.rank, agency.reviewer_position
            ),
            ROLE_APPROVED: Signatory(
                ROLE_APPROVED, head.name, head.nip, head.rank, agency.head_position
            ),
        }
