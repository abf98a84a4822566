"""Capitalised words that are page furniture or word-shapes, not names.

Web articles carry lines that no reporter wrote as prose: a reading time (``4 Min Read``), a
clock with its zone (``9:30 AM ET``), a lawmaker's party and home town (``D-Kenosha``), a photo
credit (``EPA-EFE``), a modifier built on a name (``Android-based``). Their capitals are no
evidence of a name. The tests here read one chunk (its words, the token before it) and say
what it is; :mod:`newscli.ner_rules` asks them before it guesses.
"""

from __future__ import annotations

from typing import Final

from newscli.regex_cache import compile as compile_re

__all__ = ["agency_pair", "camel_company", "furniture", "modifier_compound", "party_town"]

_MERIDIEM: Final = frozenset("am pm a.m. p.m.".split())
_ZONES: Final = frozenset(
    "et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest jst ist hkt aest".split()
)
_READ_UNITS: Final = frozenset("min mins minute minutes".split())
# "(D-Kenosha)", ", R-Fort Worth": a party letter and the member's home town or district
_PARTY_TOWN: Final = compile_re(r"[DRI]-[A-Z][a-z]+$")
# "Android-based", "Kremlin-backed": a name used as a modifier (the whole word is no name)
_MODIFIER_TAILS: Final = frozenset(
    """based backed owned led made run funded controlled linked style era free like related
    sponsored brokered allied aligned affiliated powered friendly focused centric compatible
    enabled only specific""".split()
)
# name prefixes with an inner capital: "McCarthy", "DeSantis", "LeBron", "O'Neill"
_CAMEL_PREFIXES: Final = frozenset(
    ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz")
)


def furniture(lows: list[str], before: str) -> bool:
    """A clock and its zone (``AM ET``; ``ET`` after ``9:30`` or ``a.m.``), or a reading
    time (``Min Read`` after a number): page lines, no names."""
    first = lows[0]
    if (first in _MERIDIEM or first in _ZONES) and all(w in _MERIDIEM or w in _ZONES for w in lows):
        return first in _MERIDIEM or (
            len(lows) == 1 and (before[:1].isdigit() or before.lower() in _MERIDIEM)
        )
    return first in _READ_UNITS and lows[-1] == "read" and before[:1].isdigit()


def party_town(word: str, before: str) -> bool:
    """``Rep. Tom Harris, D-Kenosha, said``: a party letter and a town after a name."""
    return before in (",", "(") and word != "D-Day" and _PARTY_TOWN.match(word) is not None


def modifier_compound(word: str) -> bool:
    """``Android-based``, ``Kremlin-backed``: a name with a participle or suffix after a hyphen
    is a modifier of the noun after it."""
    base, _, tail = word.rpartition("-")
    return bool(base) and tail in _MODIFIER_TAILS


def agency_pair(word: str) -> bool:
    """``EPA-EFE``, ``AFP-JIJI``: two agencies' initials joined in a photo credit."""
    parts = word.split("-")
    return len(parts) >= 2 and all(2 <= len(p) <= 6 and p.isalpha() and p.isupper() for p in parts)


def camel_company(word: str) -> bool:
    """``FactSet``, ``PayPal``, ``BlackRock``: a capital inside a word after a lower-case
    letter is a company's spelling; name prefixes (``McCarthy``, ``DeSantis``) are not."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    return any(
        word[i].isupper() and word[i - 1].islower() and word[:i] not in _CAMEL_PREFIXES
        for i in range(2, len(word))
    )
