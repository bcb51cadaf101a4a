"""The one way the GUI changes stored data (in the manner of Anki's aqt/operations).

Each operation is a small function that routes one user action to one store
call inside ``perform`` (or ``perform_in_background`` for long work); the
rules that decide it live in the store and the domain, never here.
``perform`` reports a KotaCerdasError in one way, next to the field it names
when the caller offers one (``FieldMessages``), otherwise through
``notifier().failed`` (the main window shows it); on success it times the
store call and emits one ``notifier().changed`` that every view listens to.
The operations are grouped by what they change (answers, records, exchange).
"""

from kotacerdas_desktop.gui.operations.answers import (
    accept_city_plan,
    accept_plan,
    add_evidence,
    attach_file,
    remove_evidence,
    save_answer,
    update_evidence,
)
from kotacerdas_desktop.gui.operations.core import (
    AGENCY,
    ANSWER,
    ASSESSMENT,
    BACKUP,
    EVIDENCE,
    FOLLOW_UP,
    PACKAGE,
    SETTINGS,
    Change,
    FieldMessages,
    notifier,
    perform,
    perform_in_background,
    report,
    timings,
)
from kotacerdas_desktop.gui.operations.exchange import (
    export_package,
    import_packages,
    remember_coordinator,
    write_recap,
    write_register,
)
from kotacerdas_desktop.gui.operations.records import (
    add_agency,
    fill_demo,
    finalize_assessment,
    make_backup,
    new_assessment,
    reopen_assessment,
    set_attachment_limit,
    set_language,
    set_operator_name,
    start_city,
    update_agency,
)

__all__ = [
    "AGENCY",
    "ANSWER",
    "ASSESSMENT",
    "BACKUP",
    "EVIDENCE",
    "FOLLOW_UP",
    "PACKAGE",
    "SETTINGS",
    "Change",
    "FieldMessages",
    "accept_city_plan",
    "accept_plan",
    "add_agency",
    "add_evidence",
    "attach_file",
    "export_package",
    "fill_demo",
    "finalize_assessment",
    "import_packages",
    "make_backup",
    "new_assessment",
    "notifier",
    "perform",
    "perform_in_background",
    "remember_coordinator",
    "remove_evidence",
    "reopen_assessment",
    "report",
    "save_answer",
    "set_attachment_limit",
    "set_language",
    "set_operator_name",
    "start_city",
    "timings",
    "update_agency",
    "update_evidence",
    "write_recap",
    "write_register",
]
