"""``newscli overview``: speakers, names and dates over a corpus, with known counts."""

from __future__ import annotations

import io
import json
import random

import pytest

from newscli.model import Article
from newscli.overview import Overview, fill_gaps, overview, period

from .test_read import build

A1 = 'Ana Lima said the port would reopen. "We trust Brazil," Lima said on Monday.'
A2 = (
    'Bo Chen met Ana Lima in Lisbon in May 2020. "Lisbon and Brazil agree," Chen said. '
    "Talks last week were calm."
)
A3 = (
    'Nobody knows, a source said. "It is over," someone said in 2019. '
    "The BBC ran it for three days."
)


def corpus() -> dict[str, Article]:
    a1 = build(
        A1,
        entities=[
            ("E1", "PERSON", "Ana Lima", [("Ana Lima", 0), ("Lima", 1)]),
            ("E2", "GPE", "Brazil", [("Brazil", 0)]),
        ],
        quotes=[
            ("the port would reopen", "Ana Lima", "indirect"),
            ('"We trust Brazil,"', "Ana Lima", "direct"),
        ],
        timex=[("Monday", "DATE", "2020-04-27")],
        source="a1.txt",
    )
    a2 = build(
        A2,
        entities=[
            ("E1", "PERSON", "Bo Chen", [("Bo Chen", 0), ("Chen", 1)]),
            ("E2", "PERSON", "Ana Lima", [("Ana Lima", 0)]),
            ("E3", "GPE", "Lisbon", [("Lisbon", 0), ("Lisbon", 1)]),
            ("E4", "GPE", "Brazil", [("Brazil", 0)]),
        ],
        quotes=[('"Lisbon and Brazil agree,"', "Bo Chen", "direct")],
        timex=[("May 2020", "DATE", "2020-05"), ("last week", "DATE", "2020-W18")],
        source="a2.txt",
    )
    a3 = build(
        A3,
        entities=[("E1", "ORG", "BBC", [("BBC", 0)])],
        quotes=[("Nobody knows", None, "indirect"), ('"It is over,"', None, "direct")],
        timex=[("2019", "DATE", "2019"), ("three days", "DURATION", "P3D")],
        source="a3.txt",
    )
    return {"a1.txt": a1, "a2.txt": a2, "a3.txt": a3}


EXPECTED_MONTH = {
    "articles": 3,
    "failed": 0,
    "quotes": {
        "total": 5,
        "attributed": 3,
        "distinct_speakers": 2,
        "speakers": [
            {
                "name": "Ana Lima",
                "quotes": 2,
                "share": 0.4,
                "articles": 1,
                "role": None,
                "linked": [{"name": "Brazil", "label": "GPE", "count": 1}],
            },
            {
                "name": "Bo Chen",
                "quotes": 1,
                "share": 0.2,
                "articles": 1,
                "role": None,
                "linked": [
                    {"name": "Brazil", "label": "GPE", "count": 1},
                    {"name": "Lisbon", "label": "GPE", "count": 1},
                ],
            },
        ],
    },
    "entities": {
        "PERSON": [
            {"name": "Ana Lima", "articles": 2, "mentions": 3},
            {"name": "Bo Chen", "articles": 1, "mentions": 2},
        ],
        "ORG": [{"name": "BBC", "articles": 1, "mentions": 1}],
        "GPE": [
            {"name": "Brazil", "articles": 2, "mentions": 2},
            {"name": "Lisbon", "articles": 1, "mentions": 2},
        ],
    },
    "timeline": {
        "by": "month",
        "dates": 4,
        "placed": 2,
        "unplaced": 2,  # 2020-W18 with no anchor, and the bare year 2019
        "histogram": [{"period": "2020-04", "count": 1}, {"period": "2020-05", "count": 1}],
    },
}


def test_known_counts_per_month():
    data = overview(corpus().values()).to_dict()
    assert data == EXPECTED_MONTH
    assert list(data["entities"]) == ["PERSON", "ORG", "GPE"]  # legend order, not arrival


def test_per_year_and_top():
    data = overview(corpus().values()).to_dict(by="year", top=1)
    assert data["timeline"] == {
        "by": "year",
        "dates": 4,
        "placed": 4,
        "unplaced": 0,
        "histogram": [{"period": "2019", "count": 1}, {"period": "2020", "count": 3}],
    }
    assert [s["name"] for s in data["quotes"]["speakers"]] == ["Ana Lima"]
    assert {k: [r["name"] for r in v] for k, v in data["entities"].items()} == {
        "PERSON": ["Ana Lima"],
        "ORG": ["BBC"],
        "GPE": ["Brazil"],
    }
    with pytest.raises(ValueError):
        overview([]).to_dict(by="week")


def test_json_contract_input_and_order_do_not_matter():
    arts = list(corpus().values())
    dicts = [a.to_dict() for a in arts]
    random.Random(7).shuffle(dicts)
    assert overview(dicts).to_dict() == EXPECTED_MONTH
    halves = overview(arts[:1])
    halves.merge(overview(arts[1:]))
    assert halves.to_dict() == EXPECTED_MONTH


def test_error_records_count_as_failed_and_names_merge_case_insensitively():
    ov = Overview()
    ov.add({"source": "x", "id": None, "error": "could not read"})
    for speaker in ("ANA LIMA", "Ana Lima", "Ana  Lima"):
        ov.add(
            {
                "metadata": {},
                "quotes": [{"start": 0, "end": 1, "speaker": speaker, "parts": []}],
                "entities": [],
                "timeline": [],
            }
        )
    data = ov.to_dict()
    assert data["failed"] == 1 and data["articles"] == 3
    (only,) = data["quotes"]["speakers"]
    assert only["quotes"] == 3 and only["articles"] == 3
    assert only["name"] in ("Ana Lima", "ANA LIMA", "Ana  Lima")


def test_period_uses_the_value_then_the_anchor():
    assert period("2020-04-27", None, "month") == "2020-04"
    assert period("2020-04-27T10:30", None, "month") == "2020-04"
    assert period("2020-04", None, "year") == "2020"
    assert period("2020", None, "month") is None
    assert period("2020-W17", {"begin": "2020-04-20", "end": "2020-04-26"}, "month") == "2020-04"
    assert period("2020-W18", {"begin": "2020-04-27", "end": "2020-05-03"}, "month") is None
    assert period("2020-SU", None, "year") == "2020"
    assert period("PRESENT_REF", ("2020-04-27", "2020-04-27"), "month") == "2020-04"
    assert period("XXXX-04-25", None, "month") is None
    assert period("XXXX-04-25", None, "year") is None
    assert period("2020-13", None, "month") is None


def test_fill_gaps():
    hist = [{"period": "2019-11", "count": 2}, {"period": "2020-02", "count": 1}]
    assert [r["period"] for r in fill_gaps(hist, "month")] == [
        "2019-11",
        "2019-12",
        "2020-01",
        "2020-02",
    ]
    assert fill_gaps(hist, "month", limit=3) == hist
    years = [{"period": "1990", "count": 1}, {"period": "1993", "count": 4}]
    assert [r["count"] for r in fill_gaps(years, "year")] == [1, 0, 0, 4]


def test_block_bar():
    from newscli.render import block_bar

    assert block_bar(10, 10, 5) == "█████"
    assert block_bar(1, 16, 2) == "▏"
    assert block_bar(5, 10, 3) == "█▌"
    assert block_bar(0, 10, 5) == "" and block_bar(1, 0, 5) == ""
    assert block_bar(1, 10_000, 5) == "▏"  # never invisible when there is something


@pytest.mark.parametrize("width", [60, 120])
def test_render_overview_fits_the_width(width):
    from newscli.render import make_console, render_overview

    buf = io.StringIO()
    render_overview(make_console(buf, width=width), overview(corpus().values()).to_dict())
    out = buf.getvalue()
    assert all(len(line) <= width for line in out.splitlines())
    assert "Overview of 3 articles" in out
    assert "5 quotes, 3 attributed (60%), 2 speakers" in out
    assert "Ana Lima" in out and "Bo Chen" in out and "BBC" in out
    assert "2020-04 " in out and "█" in out
    assert "2 of 4 dates placed; 2 not within one month" in out


def test_render_overview_of_nothing():
    from newscli.render import make_console, render_overview

    buf = io.StringIO()
    render_overview(make_console(buf, width=80), Overview().to_dict())
    out = buf.getvalue()
    assert "Overview of 0 articles" in out and "No quotes found." in out
    assert "No resolved dates." in out


# --- the CLI ----------------------------------------------------------------------------------


@pytest.fixture()
def corpus_dir(tmp_path, monkeypatch):
    """Three files whose analysis is the hand-built corpus (the pipeline is replaced)."""
    import newscli.pipeline

    arts = corpus()

    def inspect(text, date=None, *, source="<text>", sections=(), hints=None):
        from pathlib import Path

        art = corpus()[Path(source).name]
        art.source = source
        return art

    monkeypatch.setattr(newscli.pipeline, "inspect", inspect)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, art in arts.items():
        (folder / name).write_text(art.text, encoding="utf-8")
    return folder


def test_cli_overview_json(invoke, corpus_dir):
    result = invoke("overview", corpus_dir, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == EXPECTED_MONTH
    result = invoke("overview", corpus_dir, "--json", "--by", "year", "--top", "1", "-j", "1")
    data = json.loads(result.stdout)
    assert data["timeline"]["histogram"] == [
        {"period": "2019", "count": 1},
        {"period": "2020", "count": 3},
    ]
    assert len(data["quotes"]["speakers"]) == 1


def test_cli_overview_screen_and_failures(invoke, corpus_dir):
    result = invoke("overview", corpus_dir, corpus_dir / "missing.txt")
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    assert "Overview of 3 articles (1 failed)" in result.stdout
    assert "\x1b" not in result.stdout


def test_cli_overview_bad_options(invoke, corpus_dir):
    bad = invoke("overview", corpus_dir, "--by", "week")
    assert bad.exit_code == 2 and "--by" in bad.stderr
    assert invoke("overview", corpus_dir, "--top", "0").exit_code == 2


def test_cli_overview_reads_a_jsonl_corpus_with_the_real_pipeline(invoke, tmp_path):
    lines = [
        {"id": "1", "text": 'PARIS, May 3 (AFP) - "We are ready," said Marie Dubois on Monday.'},
        {"id": "2", "text": "BERLIN, June 9 (dpa) - Hans Weber met Marie Dubois in Berlin."},
        {"id": "3", "text": ""},
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = invoke("overview", path, "--json", "--date", "2021-05-05")
    data = json.loads(result.stdout)
    assert data["articles"] + data["failed"] == 3
    assert data["articles"] >= 2
    assert set(data) == {"articles", "failed", "quotes", "entities", "timeline"}


def test_cli_overview_on_all_cores_matches_one_core(invoke, tmp_path):
    """Enough files for batch to start worker processes; the totals must not change."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        (folder / f"{i:02d}.txt").write_text(
            f'LONDON, March {i % 28 + 1} (Reuters) - "Prices rose," said Ann Cole on Tuesday. '
            f"The Bank of England met in {2015 + i % 5}.\n",
            encoding="utf-8",
        )
    one = invoke("overview", folder, "--json", "--jobs", "1", "--date", "2020-04-01")
    two = invoke("overview", folder, "--json", "--jobs", "2", "--date", "2020-04-01")
    assert one.exit_code == two.exit_code == 0, two.stderr
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert json.loads(one.stdout)["articles"] == 60


def test_unnamed_sources_and_quotes_inside_quotes_are_not_ranked_as_speakers():
    from newscli import inspect

    text = (
        "SEOUL, May 2 (Reuters) - The deal is close, one source familiar with the talks said. "
        "Another deal is near, a second source said.\n\n"
        'Min-ji Park said the two sides had "formed good working relations and will keep '
        'talking next week."\n'
    )
    art = inspect(text, "2024-05-02")
    assert [q.speaker for q in art.quotes].count("unnamed source") == 2
    data = overview([art]).to_dict()
    speakers = [s["name"] for s in data["quotes"]["speakers"]]
    assert "unnamed source" not in speakers and "Min-ji Park" in speakers
    nested = sum(q.within is not None for q in art.quotes)
    assert nested == 1 and data["quotes"]["total"] == len(art.quotes) - 1
