"""The data model: plain dataclasses shared by every extractor and by the output layer.

Every span is a pair of character offsets into the article text exactly as read, so that
``text[start:end]`` is the span. ``to_dict`` methods produce the JSON contract (see
``schema.py``); keep them in step with it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from newscli.record import factory, record

SCHEMA_VERSION = "1.0"

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


@record
class Sentence:
    """A sentence; ``paragraph`` is the index of the paragraph that holds it."""

    start: int
    end: int
    paragraph: int


@record
class Mention:
    """A piece of the article text: a name, a cue verb, a speaker as written."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@record
class Dateline:
    """The wire dateline that opens the body (``MOSCOW, April 27. /TASS/.``)."""

    text: str
    start: int
    end: int
    place: str | None
    date_text: str | None
    date: str | None
    agency: str | None

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


@record
class Counts:
    paragraphs: int = 0
    sentences: int = 0
    words: int = 0
    characters: int = 0

    def to_dict(self) -> dict[str, int]:
        return {
            "paragraphs": self.paragraphs,
            "sentences": self.sentences,
            "words": self.words,
            "characters": self.characters,
        }


@record
class Metadata:
    """What the article says about itself. ``None`` means the text does not support a value."""

    title: str | None = None
    date: str | None = None
    date_source: str | None = None
    date_precision: str | None = None
    dateline: Dateline | None = None
    byline: str | None = None
    authors: list[str] = factory(list)
    language: str | None = None
    counts: Counts = factory(Counts)
    reading_minutes: float = 0.0
    lead: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "date": self.date,
            "date_source": self.date_source,
            "date_precision": self.date_precision,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "byline": self.byline,
            "authors": list(self.authors),
            "language": self.language,
            "counts": self.counts.to_dict(),
            "reading_minutes": self.reading_minutes,
            "lead": self.lead,
        }


@record
class Timex:
    """A TIMEX3 time expression, normalised against the reference date."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    anchor: tuple[str, str] | None = None  # ISO dates bounding the value, for sorting
    sentence: Span | None = None
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, ...

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


@record
class Entity:
    """One real-world thing named in the article, with all its mentions merged."""

    id: str
    name: str
    label: str
    aliases: list[str] = factory(list)
    role: str | None = None
    mentions: list[Mention] = factory(list)
    roles: list[str] = factory(list)  # every title/description seen near it

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


@record
class Quote:
    """A quotation or a piece of reported speech, with the speaker when it can be known."""

    start: int
    end: int
    text: str
    kind: str  # direct | mixed | indirect
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_mention: Mention | None = None
    cue: Mention | None = None
    paragraph: int = 0
    sentence: int = 0
    parts: list[Span] = factory(list)  # the quoted pieces of an interrupted quote

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
        }


@record
class Article:
    """The full analysis of one article; ``None`` for a section that was not asked for."""

    source: str
    text: str
    metadata: Metadata
    quotes: list[Quote] | None = None
    entities: list[Entity] | None = None
    timeline: list[Timex] | None = None
    warnings: list[str] = factory(list)

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "metadata": self.metadata.to_dict(),
        }
        if include_text:
            out["text"] = self.text
        if self.quotes is not None:
            out["quotes"] = [q.to_dict() for q in self.quotes]
        if self.entities is not None:
            out["entities"] = [e.to_dict() for e in self.entities]
        if self.timeline is not None:
            out["timeline"] = [t.to_dict() for t in self.timeline]
        return out
