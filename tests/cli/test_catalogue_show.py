"""`kotacerdas catalogue show`: the framework's source, its level rule and what each indicator replaces."""

import json

from tests.helpers import run_cli


def test_show_names_the_source_the_level_rule_and_the_replaced_codes(capsys, store):
    db_path = store.path
    code, out, _ = run_cli(capsys, db_path, "catalogue", "show")
    assert code == 0
    assert out.splitlines()[0] == "Penilaian Mandiri Smart City — SMARTCITY 2026.2 (83 indikator)"
    assert "Sumber: Dimensi dan elemen mengikuti kerangka Gerakan Menuju 100 Smart City" in out
    assert "Aturan tingkat: Tingkat bersifat kumulatif" in out
    assert "GOV.PUB.03  Sejauh mana OPD Anda mengelola pengaduan" in out
    assert "[menggantikan SOC.COM.02]" in out


def test_show_json_carries_replaces_per_indicator(capsys, store):
    db_path = store.path
    code, out, _ = run_cli(capsys, db_path, "catalogue", "show", "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["level_rule"]["en"].startswith("Levels are cumulative")
    indicators = {
        i["code"]: i for d in shown["dimensions"] for e in d["elements"] for i in e["indicators"]
    }
    assert indicators["BRD.APP.03"]["replaces"] == ["LIV.HAR.03"]
    assert indicators["ENV.WAS.05"]["replaces"] == []
    assert indicators["ENB.LEAD.01"]["lens"] is None
