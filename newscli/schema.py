"""The published JSON Schema of one ``--json`` article object (``newscli schema`` prints it).

Keep it in step with the ``to_dict`` methods in ``model.py``; a test validates real output
against it.
"""

from __future__ import annotations

from typing import Any

from newscli.model import ENTITY_LABELS, SCHEMA_VERSION

_NULLABLE_STR: dict[str, Any] = {"type": ["string", "null"]}
_OFFSETS: dict[str, Any] = {
    "start": {"type": "integer", "minimum": 0},
    "end": {"type": "integer", "minimum": 0},
}
_MENTION: dict[str, Any] = {
    "type": "object",
    "required": ["start", "end", "text"],
    "properties": {**_OFFSETS, "text": {"type": "string"}},
    "additionalProperties": False,
}
_RANGE: dict[str, Any] = {
    "type": "object",
    "required": ["start", "end"],
    "properties": dict(_OFFSETS),
    "additionalProperties": False,
}

METADATA: dict[str, Any] = {
    "type": "object",
    "required": [
        "title",
        "date",
        "date_source",
        "date_precision",
        "modified",
        "dateline",
        "byline",
        "authors",
        "language",
        "counts",
        "reading_minutes",
        "lead",
    ],
    "properties": {
        "title": _NULLABLE_STR,
        "date": {
            "type": ["string", "null"],
            "description": "ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, or a datetime with offset.",
        },
        "date_source": {
            "enum": [
                "option",
                "header",
                "json-ld",
                "meta",
                "time",
                "printed",
                "htmldate",
                "html",
                "dateline",
                "warc",
                None,
            ],
            "description": "Where the date was found: the --date option, the text's header, "
            "a web page's JSON-LD, meta tags, <time> element, printed time stamp or htmldate's "
            "search of the page, the dateline, or (last) the day a web archive's crawler "
            "fetched the page (its WARC-Date).",
        },
        "date_precision": {"enum": ["year", "month", "day", "time", None]},
        "modified": {
            "type": ["string", "null"],
            "description": "When a web page says it was last changed (ISO 8601).",
        },
        "dateline": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["text", "place", "date_text", "date", "agency", "start", "end"],
                    "properties": {
                        "text": {"type": "string"},
                        "place": _NULLABLE_STR,
                        "date_text": _NULLABLE_STR,
                        "date": _NULLABLE_STR,
                        "agency": _NULLABLE_STR,
                        **_OFFSETS,
                    },
                    "additionalProperties": False,
                },
            ]
        },
        "byline": _NULLABLE_STR,
        "authors": {"type": "array", "items": {"type": "string"}},
        "language": _NULLABLE_STR,
        "counts": {
            "type": "object",
            "required": ["paragraphs", "sentences", "words", "characters"],
            "properties": {
                k: {"type": "integer", "minimum": 0}
                for k in ("paragraphs", "sentences", "words", "characters")
            },
            "additionalProperties": False,
        },
        "reading_minutes": {"type": "number", "minimum": 0},
        "lead": _NULLABLE_STR,
    },
    "additionalProperties": False,
}

QUOTE: dict[str, Any] = {
    "type": "object",
    "required": [
        "start",
        "end",
        "text",
        "kind",
        "speaker",
        "speaker_id",
        "speaker_mention",
        "cue",
        "paragraph",
        "sentence",
        "parts",
        "within",
    ],
    "properties": {
        **_OFFSETS,
        "text": {"type": "string"},
        "kind": {"enum": ["direct", "mixed", "indirect"]},
        "speaker": {
            "type": ["string", "null"],
            "description": "The canonical name; 'unnamed source' for a source the article "
            "describes without naming it (the description is speaker_mention); null when the "
            "speaker cannot be known.",
        },
        "speaker_id": _NULLABLE_STR,
        "speaker_mention": {"oneOf": [{"type": "null"}, _MENTION]},
        "cue": {"oneOf": [{"type": "null"}, _MENTION]},
        "paragraph": {"type": "integer", "minimum": 0},
        "sentence": {"type": "integer", "minimum": 0},
        "parts": {"type": "array", "items": _RANGE},
        "within": {
            "type": ["integer", "null"],
            "minimum": 0,
            "description": "The index in this article's quotes of the quote whose span holds "
            "this one (the direct quote inside a mixed one: the same words, reported twice); "
            "null for a quote inside no other.",
        },
    },
    "additionalProperties": False,
}

ENTITY: dict[str, Any] = {
    "type": "object",
    "required": ["id", "name", "label", "aliases", "role", "count", "mentions"],
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "label": {"enum": list(ENTITY_LABELS)},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "role": _NULLABLE_STR,
        "count": {"type": "integer", "minimum": 1},
        "mentions": {"type": "array", "items": _MENTION, "minItems": 1},
    },
    "additionalProperties": False,
}

TIMEX: dict[str, Any] = {
    "type": "object",
    "required": ["start", "end", "text", "type", "value", "mod", "anchor", "sentence"],
    "properties": {
        **_OFFSETS,
        "text": {"type": "string"},
        "type": {"enum": ["DATE", "TIME", "DURATION", "SET"]},
        "value": {"type": "string", "minLength": 1},
        "mod": _NULLABLE_STR,
        "anchor": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["begin", "end"],
                    "properties": {"begin": {"type": "string"}, "end": {"type": "string"}},
                    "additionalProperties": False,
                },
            ]
        },
        "sentence": {"oneOf": [{"type": "null"}, _RANGE]},
    },
    "additionalProperties": False,
}

WARC: dict[str, Any] = {
    "type": "object",
    "description": "batch over a web archive: the record the page came from.",
    "required": ["file", "offset", "record_id", "date"],
    "properties": {
        "file": {"type": "string", "description": "The web archive, as given."},
        "offset": {"type": "integer", "minimum": 0, "description": "The record's byte offset."},
        "record_id": {"type": ["string", "null"], "description": "Its WARC-Record-ID."},
        "date": {"type": ["string", "null"], "description": "Its WARC-Date (crawl time)."},
    },
    "additionalProperties": False,
}

ARTICLE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": f"https://newscli.invalid/schema/article-{SCHEMA_VERSION}.json",
    "title": "newscli article",
    "description": "One article as printed by `newscli show --json` (one object per line).",
    "type": "object",
    "required": ["schema_version", "source", "metadata", "warnings"],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "source": {"type": "string", "description": "The path as given; '-' for stdin."},
        "id": {
            "type": "string",
            "description": "batch over a corpus file: the record id (--id-field), if any.",
        },
        "warc": WARC,
        "text": {"type": "string", "description": "The article text (with --include-text)."},
        "metadata": METADATA,
        "quotes": {"type": "array", "items": QUOTE},
        "entities": {"type": "array", "items": ENTITY},
        "timeline": {"type": "array", "items": TIMEX},
        "warnings": {
            "type": "array",
            "items": {"type": "string"},
            "description": "What the analysis could not do for this article, one line each: "
            "no reference date, an expression the calendar cannot resolve, work cut short.",
        },
    },
    "additionalProperties": False,
}
