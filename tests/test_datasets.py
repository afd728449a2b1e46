import filecmp
import subprocess
import sys
from pathlib import Path

import netmap

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples" / "2x5"


def test_load_2x5_is_clean_and_shaped_like_the_initiative():
    m = netmap.datasets.load_2x5()
    assert m.issues.empty
    assert 60 <= m.n_actors <= 120
    assert m.waves == (2013, 2014, 2016)
    assert {"public", "business", "third", "academia", "philanthropy"} <= set(
        m.actors["sector"])
    assert set(m.actors["level"]) == {"person", "organisation"}
    assert m.actors.loc["sheatufim", "backbone"] == "yes"
    kinds = set(m.bodies["kind"])
    assert {"partner_network", "steering_committee", "working_team", "coalition",
            "sector_team"} <= kinds
    assert m.actors["name"].str.contains("[א-ת]").all()
    assert m.actors["name_en"].notna().all()
    assert {"partnership", "exchange", "transactional"} <= set(m.ties["tie_class"])


def test_the_ministry_takes_the_lead_between_waves():
    m = netmap.datasets.load_2x5()
    chairs = {w: m.at(w).memberships.query("body == 'steering_committee' and "
                                           "role == 'chair'")["actor"].tolist()
              for w in m.waves}
    assert chairs[2013] == ["trump"]
    assert chairs[2014] == ["moe"] and chairs[2016] == ["moe"]
    degree = {w: int(((m.at(w).ties["source"] == "moe")
                      | (m.at(w).ties["target"] == "moe")).sum()) for w in m.waves}
    assert degree[2013] < degree[2014] < degree[2016]


def test_business_coalition_and_third_sector_team_are_single_sector():
    m = netmap.datasets.load_2x5()
    sector = m.actors["sector"]
    members = m.memberships
    coalition = members.loc[members["body"] == "business_coalition", "actor"]
    team = members.loc[members["body"] == "third_sector_team", "actor"]
    assert set(sector[coalition]) == {"business"}
    assert set(sector[team]) == {"third"}
    assert m.bodies.loc["business_coalition", "coordinator"] == "beit_yatziv"


def test_repository_face_is_the_packaged_files():
    packaged = Path(str(netmap.datasets.sample_files("2x5")))
    names = ["actors.csv", "ties.csv", "memberships.csv", "bodies.csv",
             "activities.csv", "README.md"]
    match, mismatch, errors = filecmp.cmpfiles(SAMPLE, packaged, names, shallow=False)
    assert match == names, (mismatch, errors)


def test_sample_reads_through_the_public_reader():
    assert netmap.read_csv(SAMPLE).equals(netmap.datasets.load_2x5())


def test_readme_says_illustrative():
    text = (SAMPLE / "README.md").read_text(encoding="utf-8").lower()
    assert "illustrative" in text
    assert "not a record" in text or "not the record" in text


def test_composition_script_reproduces_the_files(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "tools" / "compose_2x5.py"),
                    str(tmp_path)], check=True, capture_output=True)
    for name in ["actors.csv", "ties.csv", "memberships.csv", "bodies.csv",
                 "activities.csv"]:
        assert (tmp_path / name).read_bytes() == (SAMPLE / name).read_bytes(), name
