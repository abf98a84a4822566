"""What a corpus is about, at a glance: who is quoted, who is named, and when things happen.

:class:`Overview` folds articles in one at a time and keeps only counters, so memory grows with
the number of distinct names, never with the corpus. It reads the JSON contract (``show --json``,
``batch`` output) as well as :class:`~newscli.model.Article` objects, so the parallel workers of
``newscli.batch`` can do the analysis and the parent only counts; a ``batch`` file can be
summarised later without analysing anything again.

Names are merged across articles by their canonical form as the extractors give it (the entity
``name``, the quote ``speaker``), compared case-insensitively; the most frequent spelling is shown.
A speaker's *linked* entities are the entities named inside that speaker's quotes (not the
speaker themself): what they talk about. Dates are the resolved ``DATE``/``TIME`` values of the
timeline; a value that does not fall in one month (or year) — a week across two months, a
season, an unresolved ``XXXX-04-25`` — is counted as unplaced rather than guessed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newscli.model import Article
from newscli.regex_cache import compile as compile_re
from newscli.sources import UNNAMED

BY = ("month", "year")
_VALUE_RE = compile_re(r"(\d{4})(?:-(\d{2})(?![\d]))?")
_ISO_RE = compile_re(r"(\d{4})-(\d{2})-\d{2}")


def period(value: str, anchor: Mapping[str, Any] | tuple[str, str] | None, by: str) -> str | None:
    """The month (``YYYY-MM``) or year (``YYYY``) a TIMEX3 value falls in, or None."""
    m = _VALUE_RE.match(value or "")
    if m and (m.end() == len(value) or value[m.end()] in "-T"):
        year, month = m.group(1), m.group(2)
        if month is not None and 1 <= int(month) <= 12:
            return f"{year}-{month}" if by == "month" else year
        if by == "year" and (m.end() == len(value) or month is None):
            # YYYY, YYYY-W17, YYYY-Q1, YYYY-SU: the year is known whatever follows
            return year
    if anchor:
        begin, end = (
            (anchor.get("begin"), anchor.get("end")) if isinstance(anchor, Mapping) else anchor
        )
        b = _ISO_RE.match(begin or "")
        e = _ISO_RE.match(end or "")
        if b and e:
            if by == "year" and b.group(1) == e.group(1):
                return b.group(1)
            if by == "month" and b.group(1, 2) == e.group(1, 2) and 1 <= int(b.group(2)) <= 12:
                return f"{b.group(1)}-{b.group(2)}"
    if by == "year" and m and value[m.end() : m.end() + 1] in ("", "-"):
        return m.group(1)
    return None


class _Names:
    """Counts keyed case-insensitively, remembering the most frequent spelling."""

    __slots__ = ("spellings",)

    def __init__(self) -> None:
        self.spellings: dict[str, Counter[str]] = {}

    def key(self, name: str) -> str:
        k = " ".join(name.split()).casefold()
        seen = self.spellings.get(k)
        if seen is None:
            seen = self.spellings[k] = Counter()
        seen[name] += 1
        return k

    def show(self, key: str) -> str:
        # most frequent, then alphabetical: deterministic whatever the input order
        c = self.spellings[key]
        return min(c, key=lambda s: (-c[s], s))


@dataclass(slots=True)
class _Speaker:
    quotes: int = 0
    articles: int = 0
    roles: Counter[str] = field(default_factory=Counter)
    linked: Counter[tuple[str, str]] = field(default_factory=Counter)  # (label, name key)


@dataclass(slots=True)
class _Named:
    articles: int = 0
    mentions: int = 0


@dataclass(slots=True)
class Overview:
    """Running totals over a corpus; :meth:`add` one article at a time, then :meth:`to_dict`."""

    articles: int = 0
    failed: int = 0
    quotes: int = 0
    attributed: int = 0
    dates: int = 0
    speakers: dict[str, _Speaker] = field(default_factory=dict)
    named: dict[tuple[str, str], _Named] = field(default_factory=dict)
    months: Counter[str] = field(default_factory=Counter)
    years: Counter[str] = field(default_factory=Counter)
    unplaced: Counter[str] = field(default_factory=Counter)  # per granularity
    _names: _Names = field(default_factory=_Names)

    def add_article(self, article: Article) -> None:
        self.add(article.to_dict())

    def add(self, data: Mapping[str, Any]) -> None:
        """Fold in one article in the JSON contract (an ``error`` record counts as failed)."""
        if "error" in data and "metadata" not in data:
            self.failed += 1
            return
        self.articles += 1
        entities = data.get("entities") or []
        by_id: dict[str, Mapping[str, Any]] = {}
        mentions: list[tuple[int, int, str, str, str]] = []  # start, end, id, label, name key
        seen: set[tuple[str, str]] = set()
        for e in entities:
            label = str(e.get("label") or "")
            name = e.get("name") or ""
            if not label or not name:
                continue
            key = (label, self._names.key(name))
            by_id[str(e.get("id"))] = e
            n = len(e.get("mentions") or []) or int(e.get("count") or 0)
            named = self.named.get(key)
            if named is None:
                named = self.named[key] = _Named()
            named.mentions += n
            if key not in seen:
                named.articles += 1
                seen.add(key)
            for m in e.get("mentions") or []:
                mentions.append((m["start"], m["end"], str(e.get("id")), label, key[1]))
        mentions.sort()
        starts = [m[0] for m in mentions]

        quoted_here: set[str] = set()
        for q in data.get("quotes") or []:
            if q.get("within") is not None:
                continue  # the direct quote inside a mixed one: the same words, counted once
            self.quotes += 1
            speaker = q.get("speaker")
            if not speaker:
                continue
            self.attributed += 1
            if speaker == UNNAMED and not q.get("speaker_id"):
                continue  # described, not named: attributed, but no one to rank
            skey = self._names.key(speaker)
            sp = self.speakers.get(skey)
            if sp is None:
                sp = self.speakers[skey] = _Speaker()
            sp.quotes += 1
            if skey not in quoted_here:
                sp.articles += 1
                quoted_here.add(skey)
            own = by_id.get(str(q.get("speaker_id"))) if q.get("speaker_id") else None
            if own is not None and own.get("role"):
                sp.roles[str(own["role"])] += 1
            spans = [(p["start"], p["end"]) for p in q.get("parts") or []] or [
                (q["start"], q["end"])
            ]
            for s, e in spans:
                i = bisect_left(starts, s)
                while i < len(mentions) and mentions[i][0] < e:
                    _, me, mid, label, nkey = mentions[i]
                    if me <= e and mid != q.get("speaker_id") and nkey != skey:
                        sp.linked[(label, nkey)] += 1
                    i += 1

        for t in data.get("timeline") or []:
            if t.get("type") not in ("DATE", "TIME"):
                continue
            self.dates += 1
            value, anchor = str(t.get("value") or ""), t.get("anchor")
            for by, counter in (("month", self.months), ("year", self.years)):
                p = period(value, anchor, by)
                if p is None:
                    self.unplaced[by] += 1
                else:
                    counter[p] += 1

    def merge(self, other: Overview) -> None:
        """Add another overview's counts (e.g. one built in a worker process)."""
        for k, v in other._names.spellings.items():
            self._names.spellings.setdefault(k, Counter()).update(v)
        self.articles += other.articles
        self.failed += other.failed
        self.quotes += other.quotes
        self.attributed += other.attributed
        self.dates += other.dates
        for k, s in other.speakers.items():
            mine = self.speakers.setdefault(k, _Speaker())
            mine.quotes += s.quotes
            mine.articles += s.articles
            mine.roles.update(s.roles)
            mine.linked.update(s.linked)
        for k, n in other.named.items():
            mine_n = self.named.setdefault(k, _Named())
            mine_n.articles += n.articles
            mine_n.mentions += n.mentions
        self.months.update(other.months)
        self.years.update(other.years)
        self.unplaced.update(other.unplaced)

    def to_dict(self, *, top: int = 10, by: str = "month", linked: int = 5) -> dict[str, Any]:
        """The overview as JSON-ready data; ``top`` limits speakers and names per label."""
        if by not in BY:
            raise ValueError(f"by must be one of {BY}")
        show = self._names.show
        speakers = sorted(self.speakers.items(), key=lambda kv: (-kv[1].quotes, show(kv[0])))
        speaker_rows = []
        for key, s in speakers[:top]:
            links = sorted(s.linked.items(), key=lambda kv: (-kv[1], kv[0][0], show(kv[0][1])))
            role = min(s.roles, key=lambda r: (-s.roles[r], r)) if s.roles else None
            speaker_rows.append(
                {
                    "name": show(key),
                    "quotes": s.quotes,
                    "share": round(s.quotes / self.quotes, 4) if self.quotes else 0.0,
                    "articles": s.articles,
                    "role": role,
                    "linked": [
                        {"name": show(n), "label": lab, "count": c}
                        for (lab, n), c in links[:linked]
                    ],
                }
            )
        per_label: dict[str, list[tuple[str, _Named]]] = {}
        for (label, key), n in self.named.items():
            per_label.setdefault(label, []).append((key, n))
        from newscli.annotate import LABEL_ORDER

        def label_order(label: str) -> tuple[int, str]:
            return (LABEL_ORDER.index(label) if label in LABEL_ORDER else 99, label)

        entities: dict[str, list[dict[str, Any]]] = {}
        for label in sorted(per_label, key=label_order):
            rows = sorted(
                per_label[label], key=lambda kv: (-kv[1].articles, -kv[1].mentions, show(kv[0]))
            )
            entities[label] = [
                {"name": show(k), "articles": n.articles, "mentions": n.mentions}
                for k, n in rows[:top]
            ]
        counter = self.months if by == "month" else self.years
        return {
            "articles": self.articles,
            "failed": self.failed,
            "quotes": {
                "total": self.quotes,
                "attributed": self.attributed,
                "speakers": speaker_rows,
                "distinct_speakers": len(self.speakers),
            },
            "entities": entities,
            "timeline": {
                "by": by,
                "dates": self.dates,
                "placed": sum(counter.values()),
                "unplaced": self.unplaced[by],
                "histogram": [{"period": p, "count": counter[p]} for p in sorted(counter)],
            },
        }


def overview(articles: Iterable[Article | Mapping[str, Any]]) -> Overview:
    """Fold a stream of articles (objects or JSON-contract dicts) into an :class:`Overview`."""
    ov = Overview()
    for a in articles:
        if isinstance(a, Article):
            ov.add_article(a)
        else:
            ov.add(a)
    return ov


def fill_gaps(histogram: list[dict[str, Any]], by: str, limit: int = 60) -> list[dict[str, Any]]:
    """The histogram with empty periods between the first and last added (for drawing a time
    axis), unless that would exceed ``limit`` rows; then it is returned as it is."""
    if len(histogram) < 2:
        return list(histogram)
    first, last = histogram[0]["period"], histogram[-1]["period"]
    if by == "year":
        span = int(last) - int(first) + 1
        periods = [str(y) for y in range(int(first), int(last) + 1)] if span <= limit else None
    else:
        y0, m0 = int(first[:4]), int(first[5:7])
        y1, m1 = int(last[:4]), int(last[5:7])
        span = (y1 - y0) * 12 + (m1 - m0) + 1
        periods = None
        if span <= limit:
            periods = []
            y, m = y0, m0
            for _ in range(span):
                periods.append(f"{y:04d}-{m:02d}")
                m += 1
                if m > 12:
                    y, m = y + 1, 1
    if periods is None:
        return list(histogram)
    counts = {row["period"]: row["count"] for row in histogram}
    return [{"period": p, "count": counts.get(p, 0)} for p in periods]


__all__ = ["BY", "Overview", "fill_gaps", "overview", "period"]
