"""Which agency coordinates the city's smart city team (Bappeda or Diskominfo).

The recap is printed on that agency's letterhead and signed by its head, so
the coordinator is remembered in the file once chosen. Until then it is
inferred only where there is no doubt: the file holds a single agency, or a
single one that is a planning (Bappeda) or communication and informatics
(Kominfo) office; otherwise the user is asked to name it.
"""

from __future__ import annotations

from kotacerdas_desktop.domain.errors import NotFoundError, ValidationError
from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.store.agencies import Agencies
from kotacerdas_desktop.store.settings import Settings

SETTING = "coordinator_agency"
# What names a coordinating office: Bappeda (and its Litbang variants) or Kominfo.
_CODE_MARKS = ("BAPPEDA", "BAPPELITBANG", "KOMINFO")
_NAME_MARKS = ("perencanaan pembangunan", "komunikasi dan informatika")


def may_coordinate(agency: Agency) -> bool:
    """Whether the agency is the kind of office that coordinates a city's smart city team."""
    code, name = agency.code.upper(), agency.name.lower()
    return any(mark in code for mark in _CODE_MARKS) or any(mark in name for mark in _NAME_MARKS)


class Coordinator:
    def __init__(self, settings: Settings, agencies: Agencies) -> None:
        self.settings = settings
        self.agencies = agencies

    def chosen(self, code: str) -> Agency:
        """The agency named on the command line or in a dialog; refused when it does not exist."""
        agency = self.agencies.find(code) if code.strip() else None
        if agency is None:
            known = ", ".join(a.code for a in self.agencies.list()) or "-"
            raise NotFoundError(
                t(
                    f'OPD koordinator "{code}" tidak ada di basis data ini. OPD yang ada: {known}.',
                    f'Coordinating agency "{code}" is not in this database. Agencies: {known}.',
                ),
                field="coordinator",
            )
        return agency

    def find(self) -> Agency | None:
        """The remembered coordinator, or the one beyond doubt; None when it cannot be told."""
        remembered = self.settings.get(SETTING)
        agency = self.agencies.find(remembered) if remembered else None
        if agency is not None:
            return agency
        agencies = self.agencies.list()
        if len(agencies) == 1:
            return agencies[0]
        candidates = [a for a in agencies if may_coordinate(a)]
        return candidates[0] if len(candidates) == 1 else None

    def get(self) -> Agency:
        """The coordinator, or a message saying how to choose one."""
        agency = self.find()
        if agency is not None:
            return agency
        candidates = [a.code for a in self.agencies.list() if may_coordinate(a)]
        hint = ", ".join(candidates) if candidates else "BAPPEDA, DISKOMINFO"
        raise ValidationError(
            t(
                "OPD koordinator smart city belum ditentukan. Sebutkan sekali dengan "
                f"--coordinator KODE (mis. {hint}); pilihan itu diingat.",
                "The smart city coordinating agency is not set. Name it once with "
                f"--coordinator CODE (e.g. {hint}); the choice is remembered.",
            ),
            field="coordinator",
        )

    def resolve(self, code: str | None, required: bool) -> Agency | None:
        """The agency named, else the remembered or evident one: the one way the recap and the
        city plan choose theirs. ``required`` (a PDF on its kop, signed by its head): the
        message of ``get`` rather than None."""
        if code:
            return self.chosen(code)
        return self.get() if required else self.find()

    def remember(self, code: str) -> Agency:
        """Keep the agency as the coordinator of this file."""
        agency = self.chosen(code)
        self.settings.set(SETTING, agency.code)
        return agency
