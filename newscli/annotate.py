"""An article as a flat run of text pieces, each carrying the layers that cover it.

The terminal view (``newscli read``) and the HTML export draw the same thing, so the hard part
lives here once: spans from three layers (entity mentions, quotes, time expressions) that may nest,
cross or repeat are made non-overlapping *within* each layer by one deterministic rule, then the
text is cut at every remaining span boundary and at paragraph boundaries. Concatenating every
piece of every block gives back the article text exactly, character for character, so a renderer
cannot lose or invent text.

The rule within a layer is *leftmost-longest* (as in regular expressions): spans are taken in order
of start, longer first at the same start, earlier in the extractor's list on a tie, and a span is
kept only if it starts at or after the end of the last kept one. A name nested in a longer name
(``Pyongyang`` inside ``Russian Embassy in Pyongyang``) yields to the longer one; of two crossing
spans the one that starts first wins. A quote is one unit with all its parts; a quote inside
another (``within``: the direct part of a mixed quote) is left to the quote that holds it, not
counted as dropped. What is dropped is
counted in :attr:`AnnotatedArticle.hidden`. Across layers nothing is dropped: a piece carries its
quote, entity and timex together. Sorting makes it O(n log n) in the number of spans; the cut is
linear in the text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from newscli.model import ENTITY_LABELS, Article, Metadata, Span

LAYERS = ("quotes", "entities", "timeline")

# Legend order for entity labels (OntoNotes names), the common ones first.
LABEL_ORDER = ENTITY_LABELS
LABEL_NAMES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country/city",
    "LOC": "place",
    "NORP": "nationality/group",
    "FAC": "facility",
    "EVENT": "event",
    "LAW": "law",
    "PRODUCT": "product",
    "WORK_OF_ART": "work",
    "LANGUAGE": "language",
}


class EntityTag(NamedTuple):
    """One entity mention (``start``/``end`` is the whole mention, not just this piece)."""

    id: str
    label: str
    name: str
    start: int
    end: int


class QuoteTag(NamedTuple):
    """One quoted part of quote number ``number`` (1-based, in the article's order)."""

    number: int
    kind: str
    speaker: str | None
    speaker_id: str | None
    start: int  # this part
    end: int
    last: bool  # the last part of the quote: where the speaker is shown


class TimexTag(NamedTuple):
    """One time expression with its resolved TIMEX3 value."""

    type: str
    value: str
    mod: str | None
    start: int
    end: int


@dataclass(slots=True)
class Piece:
    """A run of text with the same layers throughout. ``role`` is structural: ``title``,
    ``dateline``, ``date`` or ``byline`` (header fields), or ``None``."""

    start: int
    end: int
    text: str
    entity: EntityTag | None = None
    quote: QuoteTag | None = None
    timex: TimexTag | None = None
    role: str | None = None

    @property
    def plain(self) -> bool:
        return self.entity is None and self.quote is None and self.timex is None


@dataclass(slots=True)
class Block:
    """``header`` (before the body), ``paragraph``, or ``gap`` (the whitespace between them)."""

    kind: str
    start: int
    end: int
    pieces: list[Piece]

    @property
    def has_quote(self) -> bool:
        return any(p.quote is not None for p in self.pieces)


@dataclass(slots=True)
class AnnotatedArticle:
    source: str
    text: str
    metadata: Metadata
    blocks: list[Block]
    layers: tuple[str, ...]
    labels: list[str]  # entity labels shown, in legend order
    hidden: dict[str, int] = field(default_factory=dict)  # spans dropped by the overlap rule
    counts: dict[str, int] = field(default_factory=dict)  # spans shown, per layer

    @property
    def pieces(self) -> list[Piece]:
        return [p for b in self.blocks for p in b.pieces]


def parse_layers(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"quotes,entities"`` → ``("quotes", "entities")`` in canonical order; ValueError if unknown.

    ``entity``/``quote``/``timex``/``time``/``dates`` are accepted as synonyms."""
    if value is None:
        return LAYERS
    items = value.split(",") if isinstance(value, str) else list(value)
    synonyms = {
        "quote": "quotes",
        "entity": "entities",
        "timex": "timeline",
        "time": "timeline",
        "times": "timeline",
        "dates": "timeline",
    }
    wanted = set()
    for raw in items:
        name = raw.strip().lower()
        if not name:
            continue
        name = synonyms.get(name, name)
        if name not in LAYERS:
            raise ValueError(f"unknown layer {raw.strip()!r} (use quotes, entities, timeline)")
        wanted.add(name)
    if not wanted:
        return LAYERS
    return tuple(layer for layer in LAYERS if layer in wanted)


def _leftmost_longest(units: list[tuple[int, int, int, object]]) -> tuple[list[object], int]:
    """Keep non-overlapping (start, end, order, payload) units; return them and how many dropped."""
    units.sort(key=lambda u: (u[0], -(u[1] - u[0]), u[2]))
    kept: list[object] = []
    last_end = -1
    for start, end, _order, payload in units:
        if start >= last_end:
            kept.append(payload)
            last_end = end
    return kept, len(units) - len(kept)


def _valid(start: int, end: int, n: int) -> bool:
    return 0 <= start < end <= n


def _header_spans(text: str) -> tuple[int, list[tuple[int, int, str]]]:
    """The body start and the header's role spans, from the reader when it is available."""
    try:
        from newscli.reader import parse_header
    except ImportError:  # the reader is optional for this module
        return 0, []
    try:
        h = parse_header(text)
    except Exception:  # a header we cannot read is no reason not to show the article
        return 0, []
    roles = []
    for span, role in ((h.title_span, "title"), (h.date_span, "date"), (h.byline_span, "byline")):
        if span is not None and _valid(span[0], span[1], h.body_start):
            roles.append((span[0], span[1], role))
    return h.body_start, roles


def _paragraphs(text: str, body_start: int) -> list[Span]:
    from newscli.segment import split_paragraphs

    return split_paragraphs(text, body_start)


def annotate(
    article: Article,
    *,
    layers: Iterable[str] = LAYERS,
    labels: Iterable[str] | None = None,
    speaker: str | None = None,
    body_start: int | None = None,
    paragraphs: list[Span] | None = None,
) -> AnnotatedArticle:
    """Cut ``article`` into blocks of pieces.

    ``layers`` picks what to show; ``labels`` keeps only entities with those labels; ``speaker``
    keeps only quotes whose speaker's name contains it (case-insensitive). ``body_start`` and
    ``paragraphs`` default to what the reader and the segmenter find.
    """
    text = article.text
    n = len(text)
    wanted = set(parse_layers(list(layers)))
    label_set = {lab.upper() for lab in labels} if labels else None
    needle = speaker.casefold() if speaker else None

    roles: list[tuple[int, int, str]] = []
    if body_start is None:
        body_start, roles = _header_spans(text)
    body_start = max(0, min(body_start, n))
    if paragraphs is None:
        paragraphs = _paragraphs(text, body_start)
    dl = article.metadata.dateline
    if dl is not None and _valid(dl.start, dl.end, n):
        roles.append((dl.start, dl.end, "dateline"))
    kept_roles, _ = _leftmost_longest([(s, e, i, (s, e, r)) for i, (s, e, r) in enumerate(roles)])
    roles = kept_roles  # type: ignore[assignment]

    hidden: dict[str, int] = {}
    counts: dict[str, int] = {}

    # --- entities: one unit per mention
    entity_tags: list[EntityTag] = []
    shown_labels: set[str] = set()
    if "entities" in wanted and article.entities:
        units: list[tuple[int, int, int, object]] = []
        order = 0
        for e in article.entities:
            if label_set is not None and e.label.upper() not in label_set:
                continue
            for m in e.mentions:
                if _valid(m.start, m.end, n):
                    units.append(
                        (m.start, m.end, order, EntityTag(e.id, e.label, e.name, m.start, m.end))
                    )
                order += 1
        kept, dropped = _leftmost_longest(units)
        entity_tags = [k for k in kept if isinstance(k, EntityTag)]
        shown_labels = {t.label for t in entity_tags}
        hidden["entities"] = dropped
        counts["entities"] = len(entity_tags)

    # --- quotes: one unit per quote, covering all its parts
    quote_tags: list[QuoteTag] = []
    if "quotes" in wanted and article.quotes:
        units = []
        chosen = [
            needle is None or bool(q.speaker and needle in q.speaker.casefold())
            for q in article.quotes
        ]
        for number, q in enumerate(article.quotes, 1):
            if not chosen[number - 1]:
                continue
            w = q.within
            if w is not None and 0 <= w < len(chosen) and w != number - 1 and chosen[w]:
                continue  # the same words as the quote that holds it, which is shown
            parts = sorted((p.start, p.end) for p in q.parts if _valid(p.start, p.end, n))
            if not parts:
                if not _valid(q.start, q.end, n):
                    continue
                parts = [(q.start, q.end)]
            # parts of one quote must not overlap each other: merge touching/overlapping ones
            merged: list[list[int]] = []
            for s, e in parts:
                if merged and s <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], e)
                else:
                    merged.append([s, e])
            tags = tuple(
                QuoteTag(number, q.kind, q.speaker, q.speaker_id, s, e, i == len(merged) - 1)
                for i, (s, e) in enumerate(merged)
            )
            units.append((merged[0][0], merged[-1][1], number, tags))
        kept, dropped = _leftmost_longest(units)
        for tags in kept:
            quote_tags.extend(tags)  # type: ignore[arg-type]
        hidden["quotes"] = dropped
        counts["quotes"] = len(kept)

    # --- time expressions
    timex_tags: list[TimexTag] = []
    if "timeline" in wanted and article.timeline:
        units = []
        for order, t in enumerate(article.timeline):
            if _valid(t.start, t.end, n):
                units.append(
                    (t.start, t.end, order, TimexTag(t.type, t.value, t.mod, t.start, t.end))
                )
        kept, dropped = _leftmost_longest(units)
        timex_tags = [k for k in kept if isinstance(k, TimexTag)]
        hidden["timeline"] = dropped
        counts["timeline"] = len(timex_tags)

    # --- blocks: header, paragraphs, and the gaps between them, covering [0, n)
    spans: list[tuple[int, int, str]] = []
    head = text[:body_start]
    if head.strip():  # the header without the blank lines around it
        lead = len(head) - len(head.lstrip())
        spans.append((lead, len(head.rstrip()), "header"))
    for p in paragraphs:
        s, e = max(p[0], body_start), min(p[1], n)
        if s < e and (not spans or s >= spans[-1][1]):
            spans.append((s, e, "paragraph"))
    frames: list[tuple[int, int, str]] = []
    pos = 0
    for s, e, kind in spans:
        if s > pos:
            frames.append((pos, s, "gap"))
        frames.append((s, e, kind))
        pos = e
    if pos < n:
        frames.append((pos, n, "gap"))

    # every boundary: span ends and block ends; piece k is [bounds[k], bounds[k + 1])
    bounds = sorted(
        {0, n}
        | {x for f in frames for x in f[:2]}
        | {x for t in entity_tags for x in (t.start, t.end)}
        | {x for t in quote_tags for x in (t.start, t.end)}
        | {x for t in timex_tags for x in (t.start, t.end)}
        | {x for r in roles for x in r[:2]}
    )
    slots = max(len(bounds) - 1, 0)
    ent_at: list[EntityTag | None] = [None] * slots
    quo_at: list[QuoteTag | None] = [None] * slots
    tim_at: list[TimexTag | None] = [None] * slots
    rol_at: list[str | None] = [None] * slots
    # spans within a layer do not overlap, so this is linear in the number of pieces
    for at, tags in ((ent_at, entity_tags), (quo_at, quote_tags), (tim_at, timex_tags)):
        for tag in tags:
            for k in range(bisect_left(bounds, tag.start), bisect_left(bounds, tag.end)):
                at[k] = tag  # type: ignore[call-overload]
    for rs, re_, role in roles:  # type: ignore[misc]
        for k in range(bisect_left(bounds, rs), bisect_left(bounds, re_)):
            rol_at[k] = role

    blocks: list[Block] = []
    for fs, fe, kind in frames:
        if kind == "gap":  # whitespace between blocks: never marked
            blocks.append(Block(kind, fs, fe, [Piece(fs, fe, text[fs:fe])]))
            continue
        pieces = [
            Piece(
                bounds[k],
                bounds[k + 1],
                text[bounds[k] : bounds[k + 1]],
                ent_at[k],
                quo_at[k],
                tim_at[k],
                rol_at[k],
            )
            for k in range(bisect_left(bounds, fs), bisect_left(bounds, fe))
        ]
        blocks.append(Block(kind, fs, fe, pieces))

    return AnnotatedArticle(
        source=article.source,
        text=text,
        metadata=article.metadata,
        blocks=blocks,
        layers=tuple(layer for layer in LAYERS if layer in wanted),
        labels=sorted(shown_labels, key=_label_key),
        hidden=hidden,
        counts=counts,
    )


def _label_key(label: str) -> tuple[int, str]:
    try:
        return (LABEL_ORDER.index(label), label)
    except ValueError:
        return (len(LABEL_ORDER), label)


__all__ = [
    "LABEL_NAMES",
    "LABEL_ORDER",
    "LAYERS",
    "AnnotatedArticle",
    "Block",
    "EntityTag",
    "Piece",
    "QuoteTag",
    "TimexTag",
    "annotate",
    "parse_layers",
]
