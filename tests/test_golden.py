"""Golden files for the seed article: the JSON contract and the table people see.

When a change to an extractor is intended, regenerate with
``NEWSCLI_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and read the diff before committing.
"""

from __future__ import annotations

import json
import os

import pytest

from .conftest import GOLDEN, json_lines

UPDATE = bool(os.environ.get("NEWSCLI_UPDATE_GOLDEN"))


def _check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with NEWSCLI_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


def _seed_json(invoke, seed_path, *args: str) -> dict:
    result = invoke("show", "seeds/" + seed_path.name, "--json", *args)
    assert result.exit_code == 0, result.stderr
    (obj,) = json_lines(result.stdout)
    return obj


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch, seed_path):
    monkeypatch.chdir(seed_path.parent.parent)


def test_seed_json_matches_golden(invoke, seed_path):
    obj = _seed_json(invoke, seed_path)
    _check("seed-show.json", json.dumps(obj, indent=1, ensure_ascii=False) + "\n")


def test_seed_metadata_is_what_the_article_says(invoke, seed_path):
    meta = _seed_json(invoke, seed_path)["metadata"]
    assert meta["title"] is None
    assert (meta["date"], meta["date_source"], meta["date_precision"]) == (
        "2020-04-27",
        "header",
        "day",
    )
    d = meta["dateline"]
    assert (d["place"], d["date_text"], d["date"], d["agency"]) == (
        "MOSCOW",
        "April 27",
        "2020-04-27",
        "TASS",
    )
    assert meta["language"] == "en"
    assert meta["counts"]["paragraphs"] == 6
    assert meta["lead"].startswith("The meeting between Russian President Vladimir Putin")


def test_seed_quotes_are_all_im_chon_il(invoke, seed_path):
    quotes = _seed_json(invoke, seed_path)["quotes"]
    direct = [q for q in quotes if q["kind"] == "direct"]
    openings = [
        "The agreements reached",
        "During the past one year",
        "formed excellent personal relations",
        "Even in the severe environment",
        "The two countries will further strengthen",
    ]
    for opening in openings:
        assert any(opening in q["text"] for q in direct), opening
    reported = [q for q in quotes if q["kind"] != "direct"]
    assert len(reported) >= 3
    assert {q["speaker"] for q in quotes} == {"Im Chon Il"}
    cues = {q["speaker_mention"]["text"] for q in quotes if q["speaker_mention"]}
    assert {"he", "The diplomat", "the North Korean diplomat"} <= cues


def test_seed_entities_are_merged_and_typed(invoke, seed_path):
    entities = _seed_json(invoke, seed_path)["entities"]
    by_name = {e["name"]: e for e in entities}
    expected = {
        "Im Chon Il": "PERSON",
        "Kim Jong-un": "PERSON",
        "Russia": "GPE",
        "North Korea": "GPE",
        "Vladivostok": "GPE",
        "Pyongyang": "GPE",
        "Northeast Asia": "LOC",
        "Russky Island": "LOC",
        "Korean Peninsula": "LOC",
        "TASS": "ORG",
        "Facebook": "ORG",
        "UN": "ORG",
        "Russian": "NORP",
        "North Korean": "NORP",
    }
    for name, label in expected.items():
        assert by_name[name]["label"] == label, name
    putin = [e for e in entities if "Putin" in e["name"]]
    assert len(putin) == 1 and putin[0]["label"] == "PERSON"
    assert "Vladimir Vladimirovich Putin" in {m["text"] for m in putin[0]["mentions"]}
    assert "DPRK" in {m["text"] for m in by_name["North Korea"]["mentions"]}
    moscow = [e for e in entities if e["name"].lower() == "moscow"]
    assert moscow and moscow[0]["label"] == "GPE"
    places = {"Moscow", "MOSCOW", "Vladivostok", "Pyongyang", "Russia", "North Korea"}
    assert not [e for e in entities if e["name"] in places and e["label"] == "PERSON"]


def test_seed_timeline_resolves_against_the_header_date(invoke, seed_path):
    timeline = _seed_json(invoke, seed_path)["timeline"]
    found = {(t["text"], t["value"]) for t in timeline}
    assert ("Monday", "2020-04-27") in found or ("on Monday", "2020-04-27") in found
    assert ("April 25, 2019", "2019-04-25") in found
    assert ("April 27", "2020-04-27") in found
    assert ("2019", "2019") in found or ("in 2019", "2019") in found
    past_year = [t for t in timeline if "past one year" in t["text"]]
    assert past_year[0]["value"] == "P1Y"
    assert past_year[0]["anchor"] == {"begin": "2019-04-27", "end": "2020-04-27"}
    anniversaries = {t["value"] for t in timeline if "anniversary" in t["text"]}
    assert anniversaries == {"2020-08-15", "2020-07-19"}
    begins = [t["anchor"]["begin"] for t in timeline if t["anchor"]]
    assert begins == sorted(begins)


@pytest.mark.parametrize("command", ["show", "quotes", "entities", "timeline"])
def test_seed_tables_match_golden(invoke, seed_path, command):
    result = invoke(command, "seeds/" + seed_path.name)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    _check(f"seed-{command}.txt", result.stdout)
