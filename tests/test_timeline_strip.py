"""The timeline's picture: an axis of the resolved dates with the article's date marked."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscli.cli import Env, app
from newscli.model import Timex
from newscli.render import timeline_line, timeline_strip
from newscli.timeline_picture import strip_cells

from .conftest import json_lines


def tx(begin: str, end: str | None = None, value: str = "X") -> Timex:
    return Timex(0, 1, "x", "DATE", value, anchor=(begin, end or begin))


def col(row: list[str], ch: str) -> list[int]:
    return [i for i, c in enumerate(row) if c == ch]


def test_marks_are_in_date_order_with_the_article_date_between_past_and_future():
    timeline = [tx("2019-04-25"), tx("2020-08-15"), tx("2020-07-19"), tx("2020-01-10")]
    marks, axis, labels = strip_cells(timeline, "2020-04-27", 60)
    assert len(marks) == len(axis) == len(labels) == 60
    dots = col(marks, "•")
    assert len(dots) == 4 and dots[0] == 0 and dots[-1] == 59  # the axis spans first to last
    (now,) = col(axis, "▲")
    assert dots[1] < now < dots[2]  # two dates before the article's, two after
    text = "".join(labels)
    assert text.index("2019") < text.index("2020")  # ticks labelled left to right


def test_dates_that_pile_up_are_counted_and_periods_dotted_to_their_end():
    timeline = [
        tx("2020-04-27"),
        tx("2020-04-27"),
        tx("2020-04-27"),
        tx("2019-01-01", "2019-12-31"),
    ]
    marks, axis, _ = strip_cells(timeline, "2020-04-27", 50)
    assert "3" in marks and marks[0] == "•"
    first_dot, last_dot = marks.index("·"), max(col(marks, "·"))
    # 2019 is dotted to its last day, about three quarters of the way to 27 April 2020
    assert first_dot == 1 and 0.7 < last_dot / marks.index("3") < 0.8
    assert col(axis, "▲") == col(marks, "3")


def test_an_outlier_is_cut_out_of_the_axis_not_crushing_the_rest():
    timeline = [tx("1950-06-01")] + [tx(f"2020-0{m}-15") for m in range(1, 9)]
    marks, axis, labels = strip_cells(timeline, "2020-04-27", 80)
    row = "".join(axis)
    assert " ≈ " in row
    cut = row.index("≈")
    assert col(marks, "•")[0] < cut
    later = [c for c in col(marks, "•") if c > cut]
    assert len(later) == 8 and later[-1] - later[0] > 40  # 2020 keeps its own, wide scale
    assert "1950" in "".join(labels)[:cut] and "2020" in "".join(labels)[cut:]


def test_no_cut_for_a_story_within_two_years():
    timeline = [tx("2019-01-01", "2019-12-31"), tx("2019-04-25"), tx("2020-08-15")]
    _, axis, _ = strip_cells(timeline, "2020-04-27", 80)
    assert "≈" not in axis


def test_nothing_to_draw_without_a_resolved_date():
    assert strip_cells([Timex(0, 1, "x", "DATE", "XXXX-WXX-2")], None, 80) is None
    assert timeline_strip([], "2020-01-01", 80) == []
    assert timeline_line([Timex(0, 1, "x", "DURATION", "P1Y")], None, 80) == []


days = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat)


@given(st.lists(st.tuples(days, days), min_size=1, max_size=30), days, st.integers(20, 200))
def test_any_dates_fit_the_width_and_every_expression_is_marked(pairs, ref, width):
    timeline = [tx(min(a, b), max(a, b)) for a, b in pairs]
    for line in [*timeline_strip(timeline, ref, width), *timeline_line(timeline, ref, width)]:
        assert line.cell_len <= width
    marks, axis, _ = strip_cells(timeline, ref, width)
    counted = sum(
        1 if c == "•" else int(c) if c.isdigit() else 10 for c in marks if c in "•23456789+"
    )
    assert counted >= min(len(timeline), 10) and "▲" in axis


@pytest.fixture()
def run(runner, monkeypatch, seed_path):
    from newscli import cli

    def go(*args: str, width: int = 80) -> str:
        monkeypatch.setattr(cli, "env", Env(environ={"COLUMNS": str(width)}))
        result = runner.invoke(app, [args[0], str(seed_path), *args[1:]])
        assert result.exit_code == 0, result.stderr
        return result.stdout

    return go


@pytest.mark.parametrize("width", [60, 80, 120])
def test_timeline_draws_the_seed_above_its_table(run, width):
    out = run("timeline", width=width)
    lines = out.splitlines()
    assert all(len(line) <= width for line in lines)
    (axis,) = [line for line in lines if "▲" in line and "─" in line]
    assert lines.index(axis) < next(i for i, line in enumerate(lines) if "In context" in line)
    assert "a date" in out and "the article's date" in out  # the key
    assert "\x1b" not in out  # reads without colour


@pytest.mark.parametrize("width", [60, 80, 120])
def test_show_draws_the_seed_in_two_lines_in_its_timeline_section(run, width):
    out = run("show", width=width)
    lines = out.splitlines()
    assert all(len(line) <= width for line in lines)
    (axis,) = [line for line in lines if "▲" in line and "─" in line]
    assert axis.strip().startswith("Jan 2019") and axis.strip().endswith("Aug 2020")
    assert lines.index(axis) > next(i for i, line in enumerate(lines) if "Timeline (" in line)


def test_json_has_no_picture(run):
    for command in ("timeline", "show"):
        out = run(command, "--json")
        (obj,) = json_lines(out)
        assert "▲" not in out and obj["timeline"]
