"""Clubs in a match report: a name in the place of a team is an organisation.

A report of a team-sport match names its clubs after towns (``Southampton``), districts
(``Everton``) or given names (``Chelsea``), so the recogniser's reading of the name alone
(a place, a person) is wrong there. The syntax of a result says which names are teams:
``a 2-1 victory over X``, ``beat X``, ``drew with X``, ``signed for X``, ``at home to X``,
``X manager``. :func:`club_names` finds the names so placed in a report that
:func:`score_after` (or the recogniser's own test) marks as sport, and :func:`as_clubs`
relabels every mention of them as ORG (each mention of a name, so the merged entity votes
one way).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from newscli.regex_cache import compile as compile_re

if TYPE_CHECKING:
    from newscli.gazetteer import Blocks, Place
    from newscli.ner_rules import Raw

__all__ = ["as_clubs", "club_names", "score_after"]

# "a 2-1 victory", "a 4-0 win", "their 3-3 draw": the score before the noun of the result
_RESULT_AFTER: Final = compile_re(
    r"\s+(?:home\s+|away\s+)?(?:win|wins|victory|victories|defeat|defeats|draw|loss|losses"
    r"|triumph|thrashing|drubbing|lead|scoreline|aggregate)\b"
)

# the words just before a team's name (lower case, single-spaced); "for" alone is too loose
# ("for Biden"): it counts only after a verb or noun of playing
_BEFORE: Final = (
    " victory over",
    " victories over",
    " win over",
    " wins over",
    " win against",
    " victory against",
    " defeat to",
    " defeat by",
    " defeat against",
    " defeat at",
    " loss to",
    " loss against",
    " loss at",
    " draw with",
    " draw against",
    " draw at",
    " drew with",
    " drew at",
    " lost to",
    " lost at",
    " beat",
    " beating",
    " beaten by",
    " thrashed",
    " edged",
    " signed for",
    " signs for",
    " signed from",
    " joined from",
    " on loan at",
    " on loan from",
    " at home to",
    " away to",
    " away at",
    " manager of",
    " coach of",
    " played for",
    " plays for",
    " playing for",
    " scored for",
    " debut for",
    " goal for",
    " goals for",
    " appearances for",
    " season for",
    " fans of",
    " match against",
    " game against",
    " clash with",
    " tie against",
    " tie with",
)
# a noun of the club's staff or ground right after its name: "Everton manager", "Chelsea fans"
_AFTER: Final = frozenset(
    """manager boss coach striker midfielder defender goalkeeper keeper forward winger captain
    fans supporters chairman owner academy squad beat drew lost won""".split()
)
# after a club's last word opening a sentence ("City had lost", "United manager ..."): a verb
# or a noun of its staff
_OPENING_AFTER: Final = _AFTER | frozenset(
    """had have has are were was is will would led lead leads took moved go went face faced
    host hosted travel visit visited remain remained stay stayed""".split()
)
# the last word of a club's name, which alone stands for the club ("City", "United")
CLUB_TAILS: Final = frozenset(
    "City United Rovers Wanderers Athletic Albion Villa Hotspur Palace Forest Town County".split()
)
_RELABEL: Final = frozenset(("GPE", "PERSON", "LOC"))


def score_after(text: str, end: int) -> bool:
    """The score ending at ``end`` is followed by the noun of a result (``2-1 victory``)."""
    return _RESULT_AFTER.match(text, end, min(len(text), end + 24)) is not None


def _club_shaped(r: Raw, text: str, places: dict[str, Place] | Blocks) -> bool:
    """A name that can be a club: one word, or a name whose last word is a club's
    (``Sheffield United``); never a person's full name (``Raheem Sterling``), nor a country,
    a nation or a region (a national team is written as its country: ``Wales beat Chile``),
    only a town or a name the gazetteer does not hold."""
    if r.label == "PERSON":
        return len(r.words) == 1 or r.words[-1] in CLUB_TAILS
    p = places.get(r.canon or " ".join(r.words))
    return len(r.words) <= 3 and (p is None or p.kind == "T")


def club_names(raws: list[Raw], text: str, places: dict[str, Place] | Blocks) -> set[str]:
    """The names that the article places where a team stands."""
    found: set[str] = set()
    n = len(text)
    for r in raws:
        if r.label not in _RELABEL or not _club_shaped(r, text, places):
            continue
        before = " " + " ".join(text[max(0, r.start - 30) : r.start].lower().split())
        # a club's name after "the": "the Saints" is a nickname, not covered here
        if before.endswith(_BEFORE):
            found.add(text[r.start : r.end])
            continue
        k = r.end
        if k < n and text[k] == " ":
            e = k + 1
            while e < n and text[e].isalpha():
                e += 1
            if text[k + 1 : e].lower() in _AFTER:
                found.add(text[r.start : r.end])
    return found


def _opening_tails(raws: list[Raw], text: str) -> list[Raw]:
    """``United manager Erik ten Hag said``, ``City had lost``: a club's last word opening a
    sentence before a noun of its staff or a verb, when the article names the club in full
    (``Manchester United``); the recogniser sets such a word aside as a common one."""
    from newscli.ner_rules import Raw

    tails = {r.words[-1] for r in raws if r.label == "ORG" and len(r.words) >= 2}
    added: list[Raw] = []
    for tail in tails & CLUB_TAILS:
        i = text.find(tail)
        while i != -1:
            e = i + len(tail)
            opens = i == 0 or text[i - 1] == "\n" or text[max(0, i - 2) : i] in (". ", "? ", "! ")
            if opens and text[e : e + 1] == " ":
                k = e + 1
                while k < len(text) and text[k].isalpha():
                    k += 1
                if text[e + 1 : k] in _OPENING_AFTER:
                    added.append(Raw(i, e, "ORG", True, None, None, False, (tail,)))
            i = text.find(tail, e)
    return added


def as_clubs(raws: list[Raw], text: str, places: dict[str, Place] | Blocks) -> list[Raw]:
    """Relabel as ORG, in place, every mention of a name that the article uses as a team's;
    a person's name that also stands whole elsewhere is left (``Kane`` of ``Harry Kane``).
    Returns ``raws`` with the clubs' last words that open a sentence added."""
    names = club_names(raws, text, places)
    parts: set[str] = set()
    for r in raws:
        if r.label == "PERSON" and len(r.words) >= 2:
            parts.update(r.words)
    for r in raws:
        if r.label in _RELABEL and text[r.start : r.end] in names:
            if r.label == "PERSON" and len(r.words) == 1 and r.words[0] in parts:
                continue
            r.label = "ORG"
            r.canon = None
    added = _opening_tails(raws, text)
    if not added:
        return raws
    kept = [r for r in raws if not any(r.start < a.end and a.start < r.end for a in added)]
    return sorted(kept + added, key=_start)


def _start(r: Raw) -> int:
    return r.start
