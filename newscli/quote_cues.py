"""Which cue words report speech where they stand: a ruling only before ``that``, a verb that
usually takes a thing as its object (``posting results``) only before a clause, and never a
bulleted headline (``• Retailers caution about Christmas supply``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscli.quote_lexicon import DETERMINERS, PRONOUNS, WEAK_CUES

if TYPE_CHECKING:  # quotes imports this module
    from newscli.speakers import Item

OBJECT_PRONOUNS = frozenset("it him her them us me".split())


def that_ahead(items: list[Item], k: int) -> bool:
    """``that`` right after the cue or after a short time adjunct (``ruled Friday morning
    that``, ``ruled on Tuesday that``)."""
    for m in range(k, min(len(items), k + 5)):
        it = items[m]
        if it.low == "that":
            return True
        if it.kind != "w" or it.low in DETERMINERS:
            return False  # "ruled the country that …": an object first
    return False


# cues that more often take a thing as their object than report speech ("posting results",
# "observing waves of activity"): after a preposition they report speech only before a clause
OBJECT_CUES = WEAK_CUES | frozenset(
    "observe note disclose announce recount cite praise hail tout slam blast".split()
)
PREP_ING = frozenset("by after before when while since from without".split())


def clause_next(items: list[Item], k: int) -> bool:
    """Does reported speech open at ``items[k]``: ``that``, a colon, a quotation, a pronoun
    subject (``after noting he would …``)?"""
    if k >= len(items):
        return False
    it = items[k]
    return (
        it.kind == "q"
        or it.text == ":"
        or it.low == "that"
        or (it.low in PRONOUNS and it.low not in OBJECT_PRONOUNS)
    )


_BULLETS = "•·▪◦‣●■-*–—"


def in_bullet_headline(text: str, start: int, end: int) -> bool:
    """``• Retailers caution about Christmas supply``: a bulleted line without a full stop is
    a headline, and reported speech never runs on into the next bulleted line."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    line = text[ls : le if le >= 0 else len(text)].strip()
    if line[:1] in _BULLETS and line[-1:] not in '.!?"”’':
        return True
    nl = text.find("\n", start, end)
    return nl >= 0 and text[nl:end].lstrip()[:1] in _BULLETS
