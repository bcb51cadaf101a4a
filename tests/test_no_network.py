"""The program opens no network connection, ever: the main flows run with every way of making
a socket made to fail the test.

Python's own socket functions are replaced, and an audit hook (which sees sockets made by
any module, C code included) refuses and records every socket event while the test runs.
The flows: a demo city; agencies, assessments, answers, finalizing and reopening from the
command line; catalogue import; the evaluation sheet; export and import of a package; the
city recap and the follow-up register; check, verify, history, backups.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import ssl  # noqa: F401  defines its socket class now, from the real one (see no_network)
import sys
import urllib.request  # noqa: F401  imported by the sheet's XML escaping, before the guard
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.factories import tiny_catalogue_data
from tests.helpers import run_cli

_armed: list[list[str]] = []  # the attempts list of the running test, when one runs


def _audit(event: str, args: tuple) -> None:
    if _armed and event.startswith("socket."):
        _armed[-1].append(f"{event}{args!r}")
        raise AssertionError(f"the program tried to use the network: {event}")


sys.addaudithook(_audit)  # hooks stay for the session; this one acts only while armed


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every socket the program tries to make, each of which failed (an empty list: none).

    ``socket.socket`` stays a class (modules subclass it when imported); modules that do so
    at import are imported above, so they keep the real class after the test."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(f"socket call {args!r}")
        raise AssertionError("the program tried to use the network")

    class RefusingSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            refuse(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", RefusingSocket)
    for name in ("create_connection", "create_server", "getaddrinfo", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, refuse)
    _armed.append(attempts)
    try:
        yield attempts
    finally:
        _armed.pop()


def test_the_armed_guard_catches_a_socket(no_network):
    """The guard itself: a socket made any way fails (so a pass below means something)."""
    import _socket

    with pytest.raises(AssertionError):
        socket.socket()
    with pytest.raises(AssertionError):
        _socket.socket()
    assert len(no_network) == 2


def test_the_main_flows_open_no_socket(capsys, tmp_path: Path, no_network):
    year = dt.date.today().year
    db, coordinator = tmp_path / "opd.sqlite", tmp_path / "koordinator.sqlite"

    def ok(database: Path, *args: str) -> str:
        code, out, err = run_cli(capsys, database, *args)
        assert code == 0, (args, err)
        return out

    ok(db, "demo")
    catalogue = tmp_path / "kecil.json"
    catalogue.write_text(json.dumps(tiny_catalogue_data()), encoding="utf-8")
    ok(db, "catalogue", "import", str(catalogue))
    ok(db, "catalogue", "show", "--json")
    ok(db, "agency", "add", "DISPORA", "Dinas Pemuda dan Olahraga", "--head-name", "Sari Wulandari",
       "--head-nip", "197101101998032006")  # fmt: skip
    new = json.loads(ok(db, "assessment", "list", "--json"))
    made = ok(db, "assessment", "new", "DISPORA", str(year), "--framework", "TINY")
    assessment_id = made.split("#")[1].split()[0]
    for code in ("A.X.1", "A.X.2", "A.Y.1", "B.X.1", "E.X.1"):
        ok(db, "assessment", "answer", assessment_id, code, "--level", "3",
           "--justification", "Ada.", "--evidence", "SK Tim")  # fmt: skip
    ok(db, "assessment", "finalize", assessment_id)
    final = json.loads(ok(db, "assessment", "show", assessment_id, "--json"))
    ok(db, "verify", final["fingerprint"])
    ok(db, "sheet", assessment_id, "--out", str(tmp_path / "lembar.pdf"))
    ok(db, "assessment", "reopen", assessment_id)
    ok(db, "history", assessment_id)
    ok(db, "export", assessment_id, "--out", str(tmp_path / "paket.kcpkg"))
    ok(coordinator, "agency", "add", "BAPPEDA", "Badan Perencanaan")
    ok(coordinator, "import", str(tmp_path / "paket.kcpkg"), "--import-catalogue")
    last_year = str(max(a["year"] for a in new if a["status"] == "finalized"))
    ok(db, "recap", "--year", last_year, "--out", str(tmp_path / "rekap.pdf"),
       "--coordinator", "BAPPEDA")  # fmt: skip
    ok(db, "recap", "--year", last_year, "--out", str(tmp_path / "rekap.xlsx"))
    ok(db, "register", "--year", last_year, "--out", str(tmp_path / "rtl.xlsx"))
    ok(db, "backup")
    ok(db, "check")
    assert (tmp_path / "lembar.pdf").stat().st_size > 10_000
    assert (tmp_path / "rekap.pdf").stat().st_size > 10_000
    assert no_network == []
