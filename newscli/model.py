"""The data model: plain records shared by every extractor and by the output layer.

Every span is a pair of character offsets into the article text exactly as read, so that
``text[start:end]`` is the span. ``to_dict`` methods produce the JSON contract (see
``schema.py``); keep them in step with it.

The records are plain slotted classes with their own ``__init__`` (not ``@record``): compiled
(see setup.py) they become C structs whose fields the extractors read directly. Each keeps a
field-by-field ``__eq__`` and ``__repr__``, like the dataclasses they replaced.
"""

from __future__ import annotations

from typing import Any, ClassVar, NamedTuple

SCHEMA_VERSION = "1.1"  # 1.1: quotes[].within; warc; date_source warc; unnamed source

# Entity labels (OntoNotes names), the common ones first: the order of legends and listings.
ENTITY_LABELS = (
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "FAC",
    "EVENT",
    "LAW",
    "PRODUCT",
    "WORK_OF_ART",
    "LANGUAGE",
)


class Span(NamedTuple):
    """A half-open character range ``[start, end)``."""

    start: int
    end: int


class Token(NamedTuple):
    """A word, number or punctuation mark with its offsets."""

    start: int
    end: int
    text: str


class _Record:
    """What the records share, from their ``FIELDS`` (the constructor's parameters in order):
    a field-by-field ``__eq__`` and ``__repr__`` and pickling, as a dataclass would have."""

    __slots__ = ()
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(
            getattr(self, n) == getattr(other, n) for n in self.FIELDS
        )

    __hash__ = None  # type: ignore[assignment]  # mutable and compared by value

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), tuple(getattr(self, name) for name in self.FIELDS))


class Sentence(_Record):
    """A sentence; ``paragraph`` is the index of the paragraph that holds it."""

    __slots__ = ("end", "paragraph", "start")
    FIELDS: ClassVar[tuple[str, ...]] = ("start", "end", "paragraph")

    def __init__(self, start: int, end: int, paragraph: int) -> None:
        self.start = start
        self.end = end
        self.paragraph = paragraph


class Mention(_Record):
    """A piece of the article text: a name, a cue verb, a speaker as written."""

    __slots__ = ("end", "start", "text")
    FIELDS: ClassVar[tuple[str, ...]] = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


class Dateline(_Record):
    """The wire dateline that opens the body (``MOSCOW, April 27. /TASS/.``)."""

    __slots__ = ("agency", "date", "date_text", "end", "place", "start", "text")
    FIELDS: ClassVar[tuple[str, ...]] = (
        "text", "start", "end", "place", "date_text", "date", "agency",
    )  # fmt: skip

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        place: str | None,
        date_text: str | None,
        date: str | None,
        agency: str | None,
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.place = place
        self.date_text = date_text
        self.date = date
        self.agency = agency

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "place": self.place,
            "date_text": self.date_text,
            "date": self.date,
            "agency": self.agency,
            "start": self.start,
            "end": self.end,
        }


class Counts(_Record):
    __slots__ = ("characters", "paragraphs", "sentences", "words")
    FIELDS: ClassVar[tuple[str, ...]] = ("paragraphs", "sentences", "words", "characters")

    def __init__(
        self, paragraphs: int = 0, sentences: int = 0, words: int = 0, characters: int = 0
    ) -> None:
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.words = words
        self.characters = characters

    def to_dict(self) -> dict[str, int]:
        return {
            "paragraphs": self.paragraphs,
            "sentences": self.sentences,
            "words": self.words,
            "characters": self.characters,
        }


class Metadata(_Record):
    """What the article says about itself. ``None`` means the text does not support a value."""

    __slots__ = (
        "authors", "byline", "counts", "date", "date_precision", "date_source", "dateline",
        "language", "lead", "modified", "reading_minutes", "title",
    )  # fmt: skip
    FIELDS: ClassVar[tuple[str, ...]] = (
        "title", "date", "date_source", "date_precision", "modified", "dateline", "byline",
        "authors", "language", "counts", "reading_minutes", "lead",
    )  # fmt: skip

    def __init__(
        self,
        title: str | None = None,
        date: str | None = None,
        date_source: str | None = None,
        date_precision: str | None = None,
        modified: str | None = None,
        dateline: Dateline | None = None,
        byline: str | None = None,
        authors: list[str] | None = None,
        language: str | None = None,
        counts: Counts | None = None,
        reading_minutes: float = 0.0,
        lead: str | None = None,
    ) -> None:
        self.title = title
        self.date = date
        self.date_source = date_source
        self.date_precision = date_precision
        self.modified = modified
        self.dateline = dateline
        self.byline = byline
        self.authors: list[str] = [] if authors is None else authors
        self.language = language
        self.counts: Counts = Counts() if counts is None else counts
        self.reading_minutes = reading_minutes
        self.lead = lead

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "date": self.date,
            "date_source": self.date_source,
            "date_precision": self.date_precision,
            "modified": self.modified,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "byline": self.byline,
            "authors": list(self.authors),
            "language": self.language,
            "counts": self.counts.to_dict(),
            "reading_minutes": self.reading_minutes,
            "lead": self.lead,
        }


class Timex(_Record):
    """A TIMEX3 time expression, normalised against the reference date."""

    __slots__ = ("anchor", "end", "mod", "sentence", "start", "text", "type", "value")
    FIELDS: ClassVar[tuple[str, ...]] = (
        "start",
        "end",
        "text",
        "type",
        "value",
        "anchor",
        "sentence",
        "mod",
    )

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        type: str,  # DATE | TIME | DURATION | SET
        value: str,
        anchor: tuple[str, str] | None = None,  # ISO dates bounding the value, for sorting
        sentence: Span | None = None,
        mod: str | None = None,  # TIMEX3 mod: START, MID, END, APPROX, ...
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.type = type
        self.value = value
        self.anchor = anchor
        self.sentence = sentence
        self.mod = mod

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "anchor": {"begin": self.anchor[0], "end": self.anchor[1]} if self.anchor else None,
            "sentence": (
                {"start": self.sentence.start, "end": self.sentence.end} if self.sentence else None
            ),
        }


class Entity(_Record):
    """One real-world thing named in the article, with all its mentions merged."""

    __slots__ = ("aliases", "id", "label", "mentions", "name", "role", "roles")
    FIELDS: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "label",
        "aliases",
        "role",
        "mentions",
        "roles",
    )

    def __init__(
        self,
        id: str,
        name: str,
        label: str,
        aliases: list[str] | None = None,
        role: str | None = None,
        mentions: list[Mention] | None = None,
        roles: list[str] | None = None,  # every title/description seen near it
    ) -> None:
        self.id = id
        self.name = name
        self.label = label
        self.aliases: list[str] = [] if aliases is None else aliases
        self.role = role
        self.mentions: list[Mention] = [] if mentions is None else mentions
        self.roles: list[str] = [] if roles is None else roles

    @property
    def count(self) -> int:
        return len(self.mentions)

    def to_dict(self) -> dict[str, Any]:
        # the mentions' dictionaries made here (what Mention.to_dict makes), not by a method
        # call each: an article has about twice as many mentions as entities
        mentions = self.mentions
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "aliases": list(self.aliases),
            "role": self.role,
            "count": len(mentions),
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in mentions],
        }


class Quote(_Record):
    """A quotation or a piece of reported speech, with the speaker when it can be known."""

    __slots__ = (
        "cue", "end", "kind", "paragraph", "parts", "sentence", "speaker", "speaker_id",
        "speaker_mention", "start", "text", "within",
    )  # fmt: skip
    FIELDS: ClassVar[tuple[str, ...]] = (
        "start", "end", "text", "kind", "speaker", "speaker_id", "speaker_mention", "cue",
        "paragraph", "sentence", "parts", "within",
    )  # fmt: skip

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        kind: str,  # direct | mixed | indirect
        speaker: str | None = None,
        speaker_id: str | None = None,
        speaker_mention: Mention | None = None,
        cue: Mention | None = None,
        paragraph: int = 0,
        sentence: int = 0,
        parts: list[Span] | None = None,  # the quoted pieces of an interrupted quote
        within: int | None = None,  # index of the quote whose span holds this one
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.speaker_id = speaker_id
        self.speaker_mention = speaker_mention
        self.cue = cue
        self.paragraph = paragraph
        self.sentence = sentence
        self.parts: list[Span] = [] if parts is None else parts
        self.within = within

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_id": self.speaker_id,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "paragraph": self.paragraph,
            "sentence": self.sentence,
            "parts": [{"start": p.start, "end": p.end} for p in self.parts],
            "within": self.within,
        }


def clear_of_dateline(quotes: list[Quote], text: str, start: int, end: int) -> None:
    """A quote that starts inside the dateline (``PASADENA, Calif. - Scientists said …``: the
    dash the dateline ends with) starts after it, at its first word."""
    for q in quotes:
        if not start <= q.start < end < q.end:
            continue
        first = end
        while first < q.end and text[first].isspace():
            first += 1
        if first >= q.end:
            continue
        q.start, q.text = first, text[first : q.end]
        if q.parts and q.parts[0].start < first:
            head = q.parts[0]
            q.parts[0] = Span(first, head.end)


def nest_quotes(quotes: list[Quote]) -> None:
    """Set each quote's ``within`` to the index of the innermost other quote whose span holds it
    (the direct quote inside a mixed one), so that a reader can show those words once while the
    JSON keeps both quotes. Quotes with the same span are the same words: the later one is
    inside the earlier."""
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].start, -quotes[i].end, i))
    open_: list[int] = []  # indices of quotes whose span may still hold the next ones
    for i in order:
        q = quotes[i]
        while open_ and (quotes[open_[-1]].end < q.end or quotes[open_[-1]].end <= q.start):
            open_.pop()
        q.within = open_[-1] if open_ else None
        open_.append(i)


class Article(_Record):
    """The full analysis of one article; ``None`` for a section that was not asked for."""

    __slots__ = ("entities", "metadata", "quotes", "source", "text", "timeline", "warnings")
    FIELDS: ClassVar[tuple[str, ...]] = (
        "source", "text", "metadata", "quotes", "entities", "timeline", "warnings",
    )  # fmt: skip

    def __init__(
        self,
        source: str,
        text: str,
        metadata: Metadata,
        quotes: list[Quote] | None = None,
        entities: list[Entity] | None = None,
        timeline: list[Timex] | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        self.source = source
        self.text = text
        self.metadata = metadata
        self.quotes = quotes
        self.entities = entities
        self.timeline = timeline
        self.warnings: list[str] = [] if warnings is None else warnings

    def to_dict(self, include_text: bool = False, lazy: bool = False) -> dict[str, Any]:
        """The JSON object. ``lazy`` gives each section as an iterator that makes one item's
        dictionary at a time, for ``pipeline.write_json_line``: a long article's dictionaries
        are then never all alive at once."""
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "metadata": self.metadata.to_dict(),
        }
        if include_text:
            out["text"] = self.text
        if self.quotes is not None:
            quotes = (q.to_dict() for q in self.quotes)
            out["quotes"] = quotes if lazy else list(quotes)
        if self.entities is not None:
            entities = (e.to_dict() for e in self.entities)
            out["entities"] = entities if lazy else list(entities)
        if self.timeline is not None:
            timeline = (t.to_dict() for t in self.timeline)
            out["timeline"] = timeline if lazy else list(timeline)
        out["warnings"] = list(self.warnings)
        return out
