"""Unnamed sources: ``one source with direct knowledge of the matter``, ``two people familiar
with the plans``, ``a banker involved in the process``, ``sources``.

A reporter who cannot name a source describes it: an indefinite head noun (a source, a person,
an official) and, most often, what makes it a source (``familiar with``, ``briefed on``,
``close to``, ``who asked not to be named``). The whole description is the speaker as written,
and the speaker is *unnamed*: never a noun from inside the description (``the matter``, ``the
talks``), and never a named person guessed from the context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # speakers imports this module
    from newscli.speakers import Item

UNNAMED = "unnamed source"

# heads that stand for a source when their description says why they know
_HEADS = frozenset(
    """source sources person people official officials insider insiders banker bankers
    diplomat diplomats executive executives aide aides investor investors trader traders
    lawmaker lawmakers employee employees staffer staffers adviser advisers advisor advisors
    analyst analysts individual individuals figure figures member members resident residents
    witness witnesses worker workers villager villagers relative relatives""".split()
)
# heads that are a source even without a description: ``a source said``, ``sources said``
_BARE = frozenset(("source", "sources"))
# the words that open a description saying why the source knows
_KNOWS = frozenset(
    """familiar briefed close involved knowledgeable aware with privy who speaking
    granted requesting""".split()
)
# they must be followed by one of these (``close to``, ``familiar with``, ``with knowledge``)
_KNOWS_NEXT: dict[str, tuple[str, ...]] = {
    "familiar": ("with",),
    "briefed": ("on", "about", "by"),
    "close": ("to",),
    "involved": ("in", "with"),
    "knowledgeable": ("about", "of", "on"),
    "aware": ("of",),
    "with": ("knowledge", "direct", "firsthand", "first-hand", "detailed", "access", "ties"),
    "privy": ("to",),
    "who": (
        "asked", "requested", "declined", "spoke", "was", "were", "is", "are", "did", "had",
        "has", "have", "could", "would", "insisted", "refused",
    ),
    "speaking": ("on", "anonymously", "privately"),
    "granted": ("anonymity",),
    "requesting": ("anonymity",),
}  # fmt: skip
_INDEFINITE = frozenset(
    """a an one two three four five six seven eight nine ten several some multiple many
    another other numerous""".split()
)
_ORDINALS = frozenset("second third fourth fifth other separate".split())
# what may stand between the determiner and the head (``a senior government official``)
_MODS = frozenset(
    """senior junior top former current government administration company industry
    military intelligence security police party campaign bank union defense defence
    foreign western local state federal regional high-ranking knowledgeable
    well-placed""".split()
)


def _knows_at(items: list[Item], m: int, hi: int) -> bool:
    """Does a description of why the source knows open at ``items[m]``?"""
    low = items[m].low
    nxt = _KNOWS_NEXT.get(low)
    if nxt is None or m + 1 >= hi or items[m + 1].kind != "w":
        return False
    return items[m + 1].low in nxt


def _determiner_left(items: list[Item], h: int, lo: int) -> int:
    """The index where the indefinite source phrase around head ``items[h]`` starts: up to
    three modifiers (``senior``, ``U.S.``, ``second``) after an indefinite determiner (``a``,
    ``one``, ``two``, ``several``), or -1. A plural head needs none (``officials familiar
    with …``) when it opens the clause."""
    m = h - 1
    while m >= lo and h - m <= 4 and items[m].kind == "w":
        low = items[m].low
        if low in _INDEFINITE or low.isdigit():
            if m - 1 >= lo and items[m - 1].low in ("the", "those", "these"):
                return -1  # "the two officials": someone already introduced
            return m
        if low in _ORDINALS or low in _MODS or low.endswith("-level") or items[m].cap:
            m -= 1
            continue
        break
    if not items[h].low.endswith("s"):
        return -1
    if m < lo or items[m].kind != "w" or items[m].low in ("and", "but"):
        return m + 1
    return -1


def unnamed_ending_at(items: list[Item], j: int, lo: int) -> int:
    """The unnamed source whose description ends at ``items[j]`` (just before a cue):
    ``one source with direct knowledge of the matter [told]``. Returns the index where the
    description starts, or -1."""
    h = j
    while h >= lo and j - h < 14 and items[h].kind == "w":
        low = items[h].low
        if low in _HEADS and (h == j or _knows_at(items, h + 1, j + 1)):
            if h == j and low not in _BARE:
                return -1
            d = _determiner_left(items, h, lo)
            if d < 0:
                if low in _BARE and h == j and (h == lo or items[h - 1].kind != "w"):
                    d = h  # "Sources said"
                else:
                    return -1
            if d > lo and items[d - 1].kind == "w" and items[d - 1].low not in ("and", "but"):
                return -1  # inside a longer clause: not the subject
            return d
        h -= 1
    return -1


def unnamed_from(items: list[Item], i: int, hi: int) -> int:
    """The unnamed source that opens at ``items[i]`` (just after a cue) and runs to the next
    punctuation: ``[said] a banker involved in the process``. Returns the index after its
    last word, or -1."""
    e = i
    while e < hi and e - i < 16 and items[e].kind == "w":
        e += 1
    if e == i:
        return -1
    for h in range(i, min(e, i + 5)):
        low = items[h].low
        if low not in _HEADS:
            continue
        if h + 1 == e and low in _BARE:
            pass
        elif not (h + 1 < e and _knows_at(items, h + 1, e)):
            return -1
        if _determiner_left(items, h, i) != i and not (low in _BARE and h == i):
            return -1
        return e
    return -1
