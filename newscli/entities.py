"""Named entities, typed and merged: one :class:`~newscli.model.Entity` per real-world thing.

``extract_entities(seg)`` runs the rule-and-gazetteer recogniser (:mod:`newscli.ner_rules`) and
merges its mentions: ``Vladimir Putin`` / ``Putin`` / ``Vladimir Vladimirovich Putin`` /
``President Putin`` are one person; ``DPRK`` / ``North Korea`` one country (through the
gazetteer's alias table); an acronym joins the name whose initials it spells
(``International Atomic Energy Agency`` ... ``IAEA``). Each entity gets one label (the majority of
its mentions), its aliases, and for people the titles written next to them (``role`` as written,
``roles`` normalised, with classes such as ``diplomat`` or ``minister`` for the quote
attribution). Entities are sorted by salience: mention count, then first position.

Importing this module is cheap: gazetteers load on the first call.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Final

from newscli import ner_lexicon as lx
from newscli.model import Entity, Mention
from newscli.ner_sport import CLUB_TAILS
from newscli.regex_cache import compile as compile_re
from newscli.segment import Segmentation

if TYPE_CHECKING:  # imported on the first call (see recognise): not at start-up
    from newscli.gazetteer import Blocks, Place
    from newscli.model import Dateline
    from newscli.ner_rules import Raw

__all__ = ["extract_entities", "recognise", "role_names"]


def recognise(
    seg: Segmentation, dateline: Dateline | None = None, warnings: list[str] | None = None
) -> list[Raw]:
    """Typed mentions, unmerged (for benchmarks and debugging). ``dateline``, when the
    metadata found one, fixes the places it names (``NEW YORK --`` opens a sentence in
    capitals, where a name's words cannot be told from common ones)."""
    from newscli.ner_rules import Recogniser

    rec = Recogniser(seg)
    raws = rec.run()
    if rec.sports:
        from newscli.ner_sport import as_clubs

        raws = as_clubs(raws, seg.text, rec.places)
    if warnings is not None:
        warnings.extend(rec.notes)
    if dateline is not None and dateline.place:
        raws = _with_dateline_places(raws, seg.text, dateline, rec.places)
    if dateline is not None and dateline.agency:
        raws = _with_dateline_agency(raws, seg.text, dateline)
    if "“" in seg.text or '"' in seg.text:
        raws = _with_quoted_titles(raws, seg.text)
    return raws


# a quoted title after the kind of work it names: the novel "War and Peace", the film “Jaws”
_WORK_NOUNS = (
    *"""novel book film movie song album poem opera musical documentary series sitcom painting
    memoir essay anthem hymn ballad podcast""".split(),
    "author of",
    "director of",
)
_TITLE_AFTER_RE = compile_re(r"[\"“]([A-Z0-9][^\"“”\n]{0,78}?)[,.!?]?[\"”]")
_OWNER_BEFORE_RE = compile_re(r"\b[A-Z][A-Za-z]+['’]s\s+$")


def _title_cased(title: str) -> bool:
    """At least two words, each capitalised but the minor ones (and the first capitalised)."""
    words = title.split()
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in lx.MINOR_WORDS for w in words)
    )


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """The spans of quoted titles: after a work noun (``the novel "War and Peace"``), or in
    capitals after a possessive name (``NBC's "Meet the Press"``). The text is walked from
    quote mark to quote mark (a search in C), and only the words just before each are read."""
    found: list[tuple[int, int]] = []
    budget = 20000  # marks looked at: a wall of quote marks stays cheap
    for mark in ('"', "“"):
        i = text.find(mark)
        while i != -1 and budget > 0:
            budget -= 1
            if i == 0 or text[i - 1] not in " \t":
                i = text.find(mark, i + 1)
                continue
            before = " ".join(text[max(0, i - 40) : i].lower().split())
            if before.endswith((" called", " titled", " entitled")):
                before = before[: before.rfind(" ")]
            if before.endswith(("'s", "’s")) and _OWNER_BEFORE_RE.search(text, max(0, i - 30), i):
                # NBC's "Meet the Press", the paper's "Notes From Abroad": a title in capitals
                m = _TITLE_AFTER_RE.match(text, i)
                if m is not None and _title_cased(m.group(1)):
                    found.append(m.span(1))
            elif before.endswith(_WORK_NOUNS):
                noun = next(w for w in _WORK_NOUNS if before.endswith(w))
                if len(before) == len(noun) or not before[-len(noun) - 1].isalnum():
                    m = _TITLE_AFTER_RE.match(text, i)
                    if m is not None:
                        found.append(m.span(1))
            i = text.find(mark, i + 1)
    found.sort()
    return found


def _with_quoted_titles(raws: list[Raw], text: str) -> list[Raw]:
    """``raws`` with each quoted title of a work (``the novel "War and Peace"``) as one
    WORK_OF_ART mention, in place of what the recogniser found inside the quotes."""
    from newscli.ner_rules import Raw

    titles = _quoted_titles(text)
    if not titles:
        return raws
    kept = [r for r in raws if not any(r.start < e and s < r.end for s, e in titles)]
    added = [
        Raw(s, e, "WORK_OF_ART", True, None, None, False, tuple(text[s:e].split()))
        for s, e in titles
    ]
    return sorted(kept + added, key=lambda r: r.start)


def _with_dateline_places(
    raws: list[Raw], text: str, dateline: Dateline, places: dict[str, Place] | Blocks
) -> list[Raw]:
    """``raws`` with each comma-separated part of the dateline's place as a place mention
    (what the recogniser found over those characters is replaced)."""
    from newscli.ner_rules import Raw

    place = dateline.place or ""
    at = dateline.start
    if not text.startswith(place, at):
        return raws
    added: list[Raw] = []
    for m in _PLACE_PART_RE.finditer(place):
        s, e = at + m.start(), at + m.end()
        caps = m.group().isupper()
        name = _display(m.group(), caps)
        p = places.get(name) or places.get(name.rstrip("."))
        label = p.label if p is not None else "GPE"
        canon = (p.canonical or name) if p is not None else name
        added.append(Raw(s, e, label, True, canon, None, caps, tuple(name.split())))
    if not added:
        return raws
    lo, hi = added[0].start, added[-1].end
    kept = [r for r in raws if r.end <= lo or r.start >= hi]
    return sorted(kept + added, key=lambda r: r.start)


def _with_dateline_agency(raws: list[Raw], text: str, dateline: Dateline) -> list[Raw]:
    """``raws`` with the agency (or each of a pair: ``UrduPoint News / Sputnik``) that the
    dateline names as an organisation: a source tag is never a person or a place."""
    from newscli.ner_rules import Raw

    window = text[dateline.start : dateline.end].lower()
    added: list[Raw] = []
    for name in (dateline.agency or "").split(" / "):
        i = window.find(name.lower())
        if i < 0 or not name.strip():
            continue
        s, e = dateline.start + i, dateline.start + i + len(name)
        written = text[s:e]
        # (an agency's name keeps its own capitals: TASS, not Tass)
        added.append(Raw(s, e, "ORG", True, name, None, False, tuple(written.split())))
    if not added:
        return raws
    kept = [r for r in raws if not any(r.start < a.end and a.start < r.end for a in added)]
    return sorted(kept + added, key=lambda r: r.start)


@lru_cache(maxsize=4096)
def _role_names(role: str) -> tuple[str, ...]:
    return tuple(role_names(role))


def role_names(role: str) -> list[str]:
    """Normalised role words for a title as written, with their classes.

    ``North Korea's Vice Foreign Minister`` -> ``["vice foreign minister", "minister",
    "diplomat", "official"]``. Used by the quote attribution to resolve ``the diplomat``.
    """
    from newscli.gazetteer import current

    g = current()  # on behalf of the document being read: not a new document
    words = role.replace("’", "'").split()
    # drop a leading nationality or place ("Russian President", "North Korea's ...")
    k = 0
    for cut in range(min(3, len(words)), 0, -1):
        head = " ".join(words[:cut])
        if head.endswith("'s"):
            head = head[:-2]
        if head in g.demonyms or head in g.places:
            k = cut
            break
    words = [_ABBREV_ROLE.get(w.lower().rstrip(".,"), w.lower().rstrip(".,")) for w in words[k:]]
    words = [w for w in words if w not in lx.HONORIFICS and w not in ("former", "late", "the")]
    out: list[str] = []
    if not words:
        return out
    phrase = " ".join(words)
    out.append(phrase)
    classes: list[str] = []
    # the earliest, longest known title inside the phrase ("ambassador" in "ambassador to X")
    found = ""
    for start in range(len(words)):
        for end in range(len(words), start, -1):
            sub = " ".join(words[start:end])
            if sub in lx.ROLE_CLASSES:
                found = sub
                break
        if found:
            break
    if found:
        if found not in out:
            out.append(found)
        classes.extend(lx.ROLE_CLASSES[found])
        head = found.rsplit(" ", 1)[-1]
    else:
        head = words[-1]
    if head in lx.ROLE_HEADS and head not in out:
        out.append(head)
        classes.extend(lx.ROLE_CLASSES.get(head, ()))
    for c in classes:
        if c not in out:
            out.append(c)
    return out


_ABBREV_ROLE: Final = {
    "gen": "general",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "maj": "major",
    "adm": "admiral",
    "cmdr": "commander",
    "prof": "professor",
    "pres": "president",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "brig": "brigadier",
    "rev": "reverend",
}


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w[0].isupper())


# the parts of a dateline's place: "KYIV, Ukraine", "HONG KONG/SINGAPORE", "IGORA /Leningrad/"
_PLACE_PART_RE = compile_re(r"[^\s,/][^,/]*[^\s,/]|[^\s,/]")


def _display(text: str, caps: bool) -> str:
    """A mention as a name: one line, single spaces, headline capitals turned to title case."""
    if not caps and "\n" not in text and "  " not in text:
        return text
    if caps and text.isupper():
        return " ".join(
            w if "." in w else "-".join(p.capitalize() for p in w.split("-")) for w in text.split()
        )  # ("D.C." and "U.S." stay as they are)
    return " ".join(text.split())


class _Group:
    __slots__ = ("canon", "label_votes", "mentions", "sort", "words")

    def __init__(self, canon: str | None) -> None:
        self.mentions: list[Raw] = []
        self.label_votes: dict[str, float] = {}
        self.canon = canon
        self.words: set[str] = set()
        self.sort = False  # mentions were not added in text order


def extract_entities(
    seg: Segmentation, dateline: Dateline | None = None, warnings: list[str] | None = None
) -> list[Entity]:
    """Find, type and merge the named entities of one segmented article; ``warnings``
    receives a line for anything cut short."""
    raws = recognise(seg, dateline, warnings)  # in text order
    if not raws:
        return []
    text = seg.text
    groups: list[_Group] = []
    by_key: dict[str, _Group] = {}
    persons: list[_Group] = []
    # persons: fullest names first so that a bare surname joins the full name
    people = [r for r in raws if r.label == "PERSON"]
    people.sort(key=_fullest_first)
    # word -> the person groups holding it, in creation order: a name joins the first group that
    # holds all its words, found among the groups holding its first word (not all groups)
    holding: dict[str, list[_Group]] = {}
    for r in people:
        words = [w.lower() for w in r.words]
        target = None
        if words:
            for held in holding.get(words[0], ()):
                gw = held.words
                if all(w in gw for w in words):
                    target = held
                    break
        if target is None:
            target = _Group(None)
            target.sort = True
            persons.append(target)
            groups.append(target)
        target.mentions.append(r)
        votes = target.label_votes
        votes["PERSON"] = votes.get("PERSON", 0.0) + (1.0 if r.strong else 0.4)
        gw = target.words
        for w in words:
            if w not in gw:
                gw.add(w)
                holding.setdefault(w, []).append(target)
            by_key.setdefault("p:" + w, target)
    person_words = {w for p in persons for w in p.words}
    acronyms: dict[str, _Group] = {}
    for r in raws:
        label = r.label
        if label == "PERSON":
            continue
        surface = text[r.start : r.end]
        low = surface.lower()
        if "\n" in low or "  " in low:
            low = " ".join(low.split())
        tkey = "t:" + low
        if label == "LANGUAGE":  # "in Russian" is not the Russian people
            key = "lang:" + low
            gp = by_key.get(key)
        else:
            key = label + ":" + r.canon.lower() if r.canon and label in _CANON_LABELS else tkey
            gp = by_key.get(key) or by_key.get(tkey)
        if gp is None and len(r.words) == 1:
            if surface.isupper():
                gp = acronyms.get(surface)
            if gp is None and not r.strong and low in person_words:
                gp = by_key.get("p:" + low)
                if gp is not None:
                    gp.sort = True
        if gp is None:
            gp = _Group(r.canon)
            groups.append(gp)
            by_key[key] = gp
            if label != "LANGUAGE":
                by_key.setdefault(tkey, gp)
            if len(r.words) >= 2 and label == "ORG":
                acronyms.setdefault(_initials(r.words), gp)
        gp.mentions.append(r)
        votes = gp.label_votes
        votes[label] = votes.get(label, 0.0) + (1.0 if r.strong else 0.4)
    _join_short_organisations(groups)
    _join_placed_organisations(groups)
    # salience order: most mentions first, then the earliest (a stable sort: ties keep the
    # order the groups were made in)
    order: list[tuple[int, int, int]] = []
    for n, gp in enumerate(groups):
        ms = gp.mentions
        if gp.sort:
            ms.sort(key=_start)
        order.append((-len(ms), ms[0].start, n))
    order.sort()
    entities: list[Entity] = []
    for _, _, n in order:
        gp = groups[n]
        votes = gp.label_votes
        label = ""
        top = -1.0
        for lb, v in votes.items():  # the most votes; the first label among equals
            if v > top:
                label = lb
                top = v
        ms = gp.mentions
        if len(ms) == 1:
            r = ms[0]
            surface = text[r.start : r.end]
            best = _display(surface, r.caps)
            if gp.canon and label in ("GPE", "LOC") and best.isupper():
                best = gp.canon
            aliases: list[str] = []
            mentions = [Mention(r.start, r.end, surface)]
            written = [r.role] if r.role else []
        else:
            mentions = []
            shown: list[str] = []
            cased: list[str] = []  # the names as written in running text (not re-cased)
            written = []
            for r in ms:
                surface = text[r.start : r.end]
                mentions.append(Mention(r.start, r.end, surface))
                d = _display(surface, r.caps)
                shown.append(d)
                if not r.caps:
                    cased.append(d)
                if r.role:
                    written.append(r.role)
            names = list(dict.fromkeys(shown))
            best = names[0]
            if len(names) > 1:
                # the fullest name as written in running text (not re-cased from a headline)
                best = _fullest(cased or names)
            if gp.canon and label in ("GPE", "LOC") and (gp.canon in names or best.isupper()):
                best = gp.canon
            low_best = best.lower()
            aliases = [s for s in names if s.lower() != low_best]
        roles: list[str] = []
        for ro in written:
            for x in _role_names(ro):
                if x not in roles:
                    roles.append(x)
        # (id, name, label, aliases, role, mentions, roles)
        entities.append(
            Entity(
                f"E{len(entities) + 1}",
                best,
                label,
                aliases,
                written[0] if written else None,
                mentions,
                roles,
            )
        )
    return entities


_CANON_LABELS: Final = frozenset(("GPE", "NORP", "LOC"))


def _join_short_organisations(groups: list[_Group]) -> None:
    """Merge an organisation named by its first word alone into the one organisation of the
    article whose full name begins with it (``Zorbix`` into ``Zorbix Inc``); with two
    candidates (``Manchester United`` and ``Manchester City``) nothing is merged. A club's
    last word alone (``City``, ``United``) joins the one organisation whose name ends with it."""
    firsts: dict[str, _Group | None] = {}
    lasts: dict[str, _Group | None] = {}  # by the last word, for a club's ("City", "United")
    shorts: list[_Group] = []
    for gp in groups:
        if gp.label_votes.keys() != {"ORG"}:
            continue
        long = [r.words for r in gp.mentions if len(r.words) >= 2]
        if not long:
            shorts.append(gp)
        for words in long:
            first = words[0].lower()
            held = firsts.get(first, gp)
            firsts[first] = gp if held is gp else None
            held = lasts.get(words[-1], gp)
            lasts[words[-1]] = gp if held is gp else None
    if not shorts or not (firsts or lasts):
        return
    for gp in shorts:
        word = gp.mentions[0].words[0]
        target = firsts.get(word.lower())
        if target is None and word in CLUB_TAILS:
            target = lasts.get(word)
        if target is None:
            continue
        target.mentions.extend(gp.mentions)
        target.label_votes["ORG"] += gp.label_votes["ORG"]
        target.sort = True
        groups.remove(gp)


def _join_placed_organisations(groups: list[_Group]) -> None:
    """Merge an organisation named with its country or city in front (``Seoul Unification
    Ministry``) with the same organisation named without it, as in ``Seoul's Unification
    Ministry`` (whose name is ``Unification Ministry``): the place must be a place of the
    article and the rest another organisation's whole name."""
    orgs: dict[str, _Group] = {}
    places: set[str] = set()
    for gp in groups:
        votes = gp.label_votes
        if votes.keys() == {"ORG"}:
            for r in gp.mentions:
                if len(r.words) >= 2:
                    orgs.setdefault(" ".join(r.words).lower(), gp)
        elif "GPE" in votes:
            for r in gp.mentions:
                places.add(" ".join(r.words).lower())
    if len(orgs) < 2 or not places:
        return
    for key, gp in list(orgs.items()):
        words = key.split()
        for n in (1, 2):
            if len(words) - n < 2 or " ".join(words[:n]) not in places:
                continue
            short = orgs.get(" ".join(words[n:]))
            if short is None or short is gp or short not in groups:
                continue
            gp.mentions.extend(short.mentions)
            gp.label_votes["ORG"] += short.label_votes["ORG"]
            gp.sort = True
            groups.remove(short)
            break


def _fullest_first(r: Raw) -> tuple[int, int]:
    """Persons' sort key: the most words first, then the earliest."""
    return (-len(r.words), r.start)


def _start(r: Raw) -> int:
    return r.start


def _fullest(names: list[str]) -> str:
    """The first of the fullest display names: most words, then not all capitals, then
    longest."""
    best = names[0]
    words = best.count(" ")
    cased = not best.isupper()
    size = len(best)
    for s in names[1:]:
        w = s.count(" ")
        if w < words:
            continue
        c = not s.isupper()
        if w == words and (c < cased or (c == cased and len(s) <= size)):
            continue
        best, words, cased, size = s, w, c, len(s)
    return best
