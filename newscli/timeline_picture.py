"""The timeline as a picture: an axis of the resolved dates with the publication date marked, so
that a story's past, present and future are seen at a glance (tables only, never ``--json``).
This module lays it out as character cells, in plain Python; ``render.py`` draws them with Rich.

An axis runs from the earliest to the latest day any expression resolves to (its anchor) or the
publication day. Each expression is a mark at the column of its first day (``•``, or how many
pile up there: ``2`` … ``9``, ``+``); the rest of a period (``in 2019``, ``the past one year``) is
dotted to its last day. A gap that would crush everything else into a corner (one date in 1950,
the rest in 2020) is cut out of the axis and shown as ``≈``: each side keeps its own scale.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from itertools import pairwise
from typing import Any, NamedTuple

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
BREAK = " ≈ "
MARK, PERIOD, AXIS, TICK, NOW = "•", "·", "─", "┬", "▲"
MIN_GAP_DAYS = 2 * 365  # a break only for a gap of more than two years ...
GAP_SHARE = 0.75  # ... that takes more than three quarters of its stretch of the axis


def _day(iso: str | None) -> int | None:
    try:
        return _dt.date.fromisoformat((iso or "")[:10]).toordinal()
    except ValueError:
        return None


class Span(NamedTuple):
    first: int  # day ordinals, inclusive
    last: int


class Segment(NamedTuple):
    """A stretch of the axis: days ``lo`` to ``hi`` drawn in ``width`` columns from ``x``."""

    lo: int
    hi: int
    x: int
    width: int

    def col(self, day: int) -> int:
        if self.hi == self.lo:
            return self.x + (self.width - 1) // 2
        return self.x + round((day - self.lo) / (self.hi - self.lo) * (self.width - 1))


def resolved_spans(timeline: Sequence[Any]) -> list[Span]:
    """The days each expression with an anchor resolves to."""
    spans = []
    for t in timeline:
        if not t.anchor:
            continue
        first, last = _day(t.anchor[0]), _day(t.anchor[1])
        if first is not None and last is not None and first <= last:
            spans.append(Span(first, last))
    return spans


def _stretches(days: list[int]) -> list[tuple[int, int]]:
    """The sorted ``days`` cut at the gaps that would crush the rest (at most two cuts)."""
    out = [(0, len(days) - 1)]  # index ranges into days
    for _ in range(2):
        best = None
        for k, (a, b) in enumerate(out):
            span = days[b] - days[a]
            for i in range(a, b):
                gap = days[i + 1] - days[i]
                big = gap > MIN_GAP_DAYS and gap > GAP_SHARE * span
                if big and (best is None or gap > best[0]):
                    best = (gap, k, i)
        if best is None:
            break
        _, k, i = best
        a, b = out[k]
        out[k : k + 1] = [(a, i), (i + 1, b)]
    return [(days[a], days[b]) for a, b in out]


def layout(spans: list[Span], reference: int | None, width: int) -> list[Segment]:
    """The axis's stretches and where each is drawn in ``width`` columns."""
    days = sorted({d for s in spans for d in s} | ({reference} if reference else set()))
    stretches = _stretches(days)
    room = width - len(BREAK) * (len(stretches) - 1)
    if room < 12 * len(stretches):  # too narrow to cut: one scale for all
        stretches, room = [(days[0], days[-1])], width
    least = min(12, room // len(stretches))  # a stretch of one day still has room for its label
    total = sum(hi - lo for lo, hi in stretches) or 1
    free = room - least * len(stretches)
    widths = [least + int(free * (hi - lo) / total) for lo, hi in stretches]
    widths[-1] += room - sum(widths)
    segments, x = [], 0
    for (lo, hi), w in zip(stretches, widths, strict=True):
        segments.append(Segment(lo, hi, x, w))
        x += w + len(BREAK)
    return segments


def _label(day: int, unit: str, first: bool) -> str:
    d = _dt.date.fromordinal(day)
    if unit == "year":
        return str(d.year)
    if unit == "month":
        return str(d.year) if first or d.month == 1 else _MONTHS[d.month - 1]
    return f"{d.day} {_MONTHS[d.month - 1]}" + (f" {d.year}" if first else "")


def _ticks(seg: Segment) -> list[tuple[int, str]]:
    """(column, label) of the year, month or day boundaries that fit in the stretch."""
    lo, hi = _dt.date.fromordinal(seg.lo), _dt.date.fromordinal(seg.hi)
    span = seg.hi - seg.lo
    if span > 4 * 365:
        unit, size = "year", 5
        steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
        years = hi.year - lo.year + 1
        step = next((s for s in steps if years / s * size <= seg.width), steps[-1])
        starts = [
            _dt.date(y, 1, 1).toordinal()
            for y in range((lo.year + step - 1) // step * step, hi.year + 1, step)
            if y >= 1
        ]
    elif span > 62:
        unit, size = "month", 5
        months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
        step = next((s for s in (1, 2, 3, 6, 12) if months / s * size <= seg.width), 12)
        starts = []
        y, m = lo.year, lo.month
        while (y, m) <= (hi.year, hi.month):
            if (m - 1) % step == 0:
                starts.append(_dt.date(y, m, 1).toordinal())
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        unit, size = "day", 7
        step = next((s for s in (1, 2, 7, 14, 30) if (span + 1) / s * size <= seg.width), 30)
        starts = list(range(seg.lo, seg.hi + 1, step))
    inside = [d for d in starts if seg.lo <= d <= seg.hi]
    ticks = [(seg.col(d), _label(d, unit, i == 0)) for i, d in enumerate(inside)]
    if not ticks:  # no boundary inside (one day, or less than a month): name the first day
        ticks = [(seg.x, _label(seg.lo, "day", True))]
    return ticks


def strip_cells(
    timeline: Sequence[Any], reference: str | None, width: int
) -> tuple[list[str], list[str], list[str]] | None:
    """Three rows of ``width`` characters: the marks, the axis, the labels. None when no
    expression resolves to a day."""
    spans = resolved_spans(timeline)
    if not spans or width < 20:
        return None
    ref = _day(reference) if reference and len(reference) >= 10 else None
    segments = layout(spans, ref, width)

    def where(day: int) -> Segment:
        for seg in segments:
            if seg.lo <= day <= seg.hi:
                return seg
        return min(segments, key=lambda s: min(abs(day - s.lo), abs(day - s.hi)))

    marks = [" "] * width
    starts = [0] * width
    for s in spans:
        seg = where(s.first)
        starts[seg.col(s.first)] += 1
        if s.last == s.first:
            continue
        for seg in segments:  # the rest of a period, on every stretch it covers
            if s.first <= seg.hi and s.last >= seg.lo:
                a, b = seg.col(max(s.first, seg.lo)), seg.col(min(s.last, seg.hi))
                marks[a : b + 1] = [PERIOD] * (b + 1 - a)
    for c, n in enumerate(starts):
        if n:
            marks[c] = MARK if n == 1 else (str(n) if n < 10 else "+")
    axis = [" "] * width
    labels = [" "] * width
    for seg in segments:
        axis[seg.x : seg.x + seg.width] = [AXIS] * seg.width
        end = -1
        for c, text in _ticks(seg):
            axis[c] = TICK
            text = text[: seg.width]
            at = max(seg.x, min(c, seg.x + seg.width - len(text)))  # moved left to fit whole
            if at > end:
                labels[at : at + len(text)] = list(text)
                end = at + len(text)
    for left, right in pairwise(segments):
        axis[left.x + left.width : right.x] = list(BREAK)
    if ref is not None:
        axis[where(ref).col(ref)] = NOW
    return marks, axis, labels


def strip_key(axis: list[str], width: int, now: str) -> list[str]:
    """What the marks mean, on as many lines as ``width`` needs, never inside a part (``now``
    names the day marked ``▲``)."""
    parts = [f"{MARK} a date (2… how many)", f"{PERIOD} a period"]
    if NOW in axis:
        parts.append(f"{NOW} {now}")
    if BREAK.strip() in axis:
        parts.append(f"{BREAK.strip()} years cut out")
    key = parts[0]
    for part in parts[1:]:
        last = key.rsplit("\n", 1)[-1]
        key += ("\n" if len(last) + 2 + len(part) > width - 2 else "  ") + part
    return key.split("\n")


def _edge(day: int, span: int) -> str:
    """An end of the axis: the day, or the month on an axis of more than two months."""
    d = _dt.date.fromordinal(day)
    return f"{_MONTHS[d.month - 1]} {d.year}" if span > 62 else _label(day, "day", True)


def line_cells(
    timeline: Sequence[Any], reference: str | None, width: int
) -> tuple[str, str, list[str], list[str]] | None:
    """The picture in two lines (``show``): the first and last days as labels, and the marks
    and axis between them (``Jan 2019 ───▲── Aug 2020``); None when nothing is resolved."""
    spans = resolved_spans(timeline)
    if not spans:
        return None
    ref = _day(reference) if reference and len(reference) >= 10 else None
    days = [d for s in spans for d in s] + ([ref] if ref is not None else [])
    lo, hi = min(days), max(days)
    left, right = _edge(lo, hi - lo), _edge(hi, hi - lo)
    rows = strip_cells(timeline, reference, width - 2 - len(left) - len(right) - 2)
    if rows is None:
        return None
    marks, axis, _ = rows
    return left, right, marks, axis


__all__ = ["line_cells", "resolved_spans", "strip_cells", "strip_key"]
