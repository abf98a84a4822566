"""A quote inside another (the direct part of a mixed quote): the JSON keeps both and says how
they relate (``within``); the tables and ``read`` show the words once."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscli.cli import Env, app
from newscli.model import Quote, nest_quotes
from newscli.pipeline import inspect

from .conftest import json_lines

BUDGET = (
    "OSLO, March 3 (NTB) - Norway's finance minister Kari Nordmann said on Tuesday that the new "
    'budget "will carry the country through a difficult winter without new debt."\n\n'
    '"We have made hard choices," Nordmann told reporters in Oslo.\n\n'
    "The opposition leader, Ola Hansen, said the plan was reckless.\n"
)
INNER = '"will carry the country through a difficult winter without new debt."'


def _q(start: int, end: int, kind: str = "direct") -> Quote:
    return Quote(start, end, "x" * (end - start), kind)


def test_nest_quotes_points_each_quote_at_the_innermost_that_holds_it():
    quotes = [_q(0, 50, "mixed"), _q(10, 50), _q(20, 30), _q(60, 70), _q(65, 80), _q(90, 90)]
    nest_quotes(quotes)
    assert [q.within for q in quotes] == [None, 0, 1, None, None, None]


def test_same_span_twice_the_later_is_inside_the_earlier():
    quotes = [_q(5, 9), _q(5, 9)]
    nest_quotes(quotes)
    assert [q.within for q in quotes] == [None, 0]


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 20)), max_size=12))
def test_within_always_names_another_quote_that_holds_it(spans):
    quotes = [_q(s, s + n) for s, n in spans]
    nest_quotes(quotes)
    for i, q in enumerate(quotes):
        if q.within is not None:
            outer = quotes[q.within]
            assert q.within != i and outer.start <= q.start and q.end <= outer.end
        else:  # no other quote holds it, except one with the same span that comes later
            assert not any(
                o.start <= q.start and q.end <= o.end and (o.start, o.end) != (q.start, q.end)
                for o in quotes
            )


def test_the_direct_part_of_a_mixed_quote_is_within_it_in_the_json():
    article = inspect(BUDGET, "2024-03-05")
    quotes = article.to_dict()["quotes"]
    (inner,) = [q for q in quotes if q["text"] == INNER]
    outer = quotes[inner["within"]]
    assert outer["kind"] == "mixed" and INNER in outer["text"]
    assert outer["start"] <= inner["start"] and inner["end"] <= outer["end"]
    assert [q["within"] for q in quotes if q is not inner] == [None] * (len(quotes) - 1)


@pytest.fixture()
def table(runner, monkeypatch, tmp_path):
    from newscli import cli

    path = tmp_path / "budget.txt"
    path.write_text(BUDGET, encoding="utf-8")

    def run(command: str, *args: str, width: int = 80) -> str:
        monkeypatch.setattr(cli, "env", Env(environ={"COLUMNS": str(width)}))
        result = runner.invoke(app, [command, str(path), "--date", "2024-03-05", *args])
        assert result.exit_code == 0, result.stderr
        return result.stdout

    return run


@pytest.mark.parametrize("command", ["quotes", "show"])
@pytest.mark.parametrize("width", [60, 80, 120])
def test_tables_show_the_words_of_a_nested_quote_once(table, command, width):
    out = table(command, width=width)
    assert all(len(line) <= width for line in out.splitlines())
    section = out[out.index("Quotes (") :]
    section = section[: section.find("Entities (") if "Entities (" in section else None]
    assert " ".join(section.split()).count("through a difficult") == 1, out
    assert "└ direct" in section  # its number and kind, under the mixed quote's
    assert "more (--json" not in out  # nothing left out: the nested quote is in its row


def test_quotes_per_speaker_counts_the_nested_quote_with_its_holder(table):
    out = table("quotes")
    counts = out[out.index("Quotes per speaker") :]
    (row,) = [line for line in counts.splitlines() if "Kari Nordmann" in line]
    assert row.split()[-1] == "2"


def test_kind_filter_that_drops_the_holder_shows_the_inner_quote_itself(table):
    out = table("quotes", "--kind", "direct")
    assert "through a difficult" in " ".join(out.split()) and "└" not in out
    (obj,) = json_lines(table("quotes", "--kind", "direct", "--json"))
    assert [q["within"] for q in obj["quotes"]] == [None, None]
    (obj,) = json_lines(table("quotes", "--json"))
    assert [q["within"] for q in obj["quotes"]].count(None) == len(obj["quotes"]) - 1


def test_read_shows_the_words_once_and_hides_nothing(table):
    out = table("read", "--no-color", "--no-pager")
    assert "overlapping" not in out
    assert " ".join(out.split()).count("through a difficult") == 1
    n = len(json.loads(table("quotes", "--json"))["quotes"])
    assert f"{n - 1} quotes" in out
