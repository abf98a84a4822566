"""Who said it: speaker phrases next to a cue, and their resolution to a named speaker.

A speaker phrase is read from the words around a cue (``Im Chon Il said``, ``said Putin``,
``the North Korean diplomat noted``, ``he added``, ``according to the Kremlin``). Names are
resolved to the fullest form the article gives (``Caddell`` → ``Pat Caddell``), or to the
entity the entity extractor built when it is given. Pronouns go to the most recent person of a
matching gender, preferring people who were just quoted; descriptions (``the diplomat``, ``the
vice foreign minister``) go to the most recent person whose titles or roles fit. When nothing
fits, the speaker is ``None``: a wrong name is worse than none.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable

from newscli.model import Entity, Mention
from newscli.quote_lexicon import (
    BETWEEN,
    CUE_FORMS,
    DETERMINERS,
    FEMALE_NAMES,
    FEMALE_WORDS,
    MALE_NAMES,
    MALE_WORDS,
    NON_NAME_CAPS,
    ORG_ROLES,
    PERSON_ROLES,
    PRONOUNS,
    ROLE_IMPLIES,
    TITLES,
    VAGUE_HEADS,
)
from newscli.regex_cache import compile as compile_re
from newscli.sources import UNNAMED, unnamed_ending_at, unnamed_from

_PREMOD = frozenset(
    """former chief senior top longtime then deputy press campaign police party state federal
    national local veteran retired acting interim assistant associate executive general
    managing vice political foreign economic legal communications policy senior junior
    majority minority ranking""".split()
)
_PERSON_TITLES = frozenset(
    """mr mrs ms miss dr sen rep gov president senator governor secretary minister sir
    dame lord lady judge justice mayor prof professor rev gen general""".split()
)
_CONNECTORS = frozenset("de van von bin al da del der la le du di ibn dos das y".split())
_ORG_WORDS = frozenset(
    """times post news journal herald tribune guardian telegraph press party committee
    ministry department kremlin house council bank inc corp corporation co ltd llc group
    university agency office commission association institute foundation court police
    service network company campaign administration government embassy fund union authority
    society trust caucus forum
    organization organisation center centre board bureau reuters tass ap afp bloomberg
    cnn nbc abc cbs fox msnbc politifact pentagon congress senate parliament assembly
    federation league alliance coalition movement church school college hospital
    airlines motors systems technologies media magazine review daily weekly""".split()
)


class Item:
    """One unit of a sentence: a word, a punctuation mark, or a whole quotation (``q``).

    A plain slotted class (not a dataclass), which mypyc compiles to a C struct: tens of
    thousands are made per second, and ``cap`` is computed once here rather than on every look
    (an ASCII first letter is tested by its code, without a method call).
    """

    __slots__ = ("cap", "end", "kind", "low", "piece", "start", "text")

    def __init__(
        self, kind: str, start: int, end: int, text: str, low: str, piece: int = -1
    ) -> None:
        self.kind = kind  # w | p | q
        self.start = start
        self.end = end
        self.text = text
        self.low = low
        self.piece = piece
        cap = False
        if kind == "w" and text:
            o = ord(text[0])
            cap = 65 <= o <= 90 if o < 128 else text[0].isupper()
        self.cap = cap

    def __repr__(self) -> str:
        return f"Item({self.kind!r}, {self.text!r})"


class Phrase:
    """A speaker phrase: ``items[i:j]`` of a unit; ``kind`` is name | pron | desc | vague | anon
    (an unnamed source, see ``sources.py``).

    A plain class with its own ``__init__`` (not ``@record``): mypyc makes it a C struct."""

    __slots__ = ("end", "head", "i", "j", "kind", "name_end", "name_start", "start", "titles")

    def __init__(
        self,
        i: int,
        j: int,
        kind: str,
        start: int,
        end: int,
        name_start: int = -1,
        name_end: int = -1,
        head: str = "",
        titles: list[str] | None = None,
    ) -> None:
        self.i = i
        self.j = j
        self.kind = kind
        self.start = start
        self.end = end
        self.name_start = name_start
        self.name_end = name_end
        self.head = head
        self.titles: list[str] = [] if titles is None else titles


def _is_initial(it: Item) -> bool:
    t = it.text
    return len(t) <= 3 and t[:1].isupper() and t.endswith(".")


def _name_like(it: Item) -> bool:
    return it.kind == "w" and (it.text[:1].isupper() or _is_initial(it))


def _title_key(low: str) -> str:
    return low.rstrip(".")


def _strip_titles(items: list[Item], i: int, j: int) -> tuple[int, list[str]]:
    """Index of the first name word after the titles in ``items[i:j]`` (``South Korean
    President Park Geun-hye`` → ``Park Geun-hye``), and the titles."""
    titles: list[str] = []
    start = i
    if j - i >= 2 and items[j - 1].low.strip(".") in _ORG_WORDS:
        return start, titles  # "the Justice Department": an organisation's name, no title
    for m in range(i, j - 1):
        low = items[m].low
        if _title_key(low) in TITLES or low in TITLES:
            titles.append(_title_key(low))
            start = m + 1
        elif low == "the" and m == start:
            start = m + 1
    return start, titles


_WHEN = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday week month year weekend
    morning afternoon evening night""".split()
)


def _org_link(items: list[Item], k: int, lo: int) -> bool:
    """``Commission on Presidential Debates``, ``Bureau of Prisons``: a lower-case link inside
    an organisation's name (only after an organisation word, so ``Xi Jinping of China`` stays
    two names), or the ``of`` after a title (``Secretary of State``)."""
    if items[k - 1].low not in ("of", "for", "on", "a", "the") or not items[k].cap:
        return False
    m = k - 1
    while m >= lo and items[m].low in ("of", "for", "on", "a", "the") and k - m <= 2:
        m -= 1
    if m >= lo and items[m].cap and items[m].low.strip(".") in _ORG_WORDS:
        return True
    return m == k - 2 and items[k - 1].low == "of" and _title_key(items[m].low) in TITLES


_VERB_ENDS = ("s", "ed", "ant", "ants", "ing")  # continues, appeared, wants, declining


def phrase_left(items: list[Item], k: int, lo: int = 0) -> Phrase | None:
    """The speaker phrase ending just before ``items[k]`` (the cue), or None."""
    j = k - 1
    ing = items[k].low.endswith("ing")
    while (
        j >= lo
        and (items[j].kind == "w" or (ing and items[j].low in ("’s", "'s")))
        and not items[j].cap  # "Theresa May said": May is a name here
        and (items[j].low in BETWEEN or items[j].low.endswith(("ly", "n't", "n’t")))
    ):
        j -= 1
    # "continues to insist", "appeared to suggest", "refused to say": a verb and "to" first
    if (
        j - 1 >= lo
        and items[j].low == "to"
        and items[j - 1].kind == "w"
        and not items[j - 1].cap
        and items[j - 1].low.endswith(_VERB_ENDS)
    ):
        j -= 2
        while j >= lo and items[j].kind == "w" and not items[j].cap and items[j].low in BETWEEN:
            j -= 1
    # "The Times on Saturday wrote", "Trump last week said"
    if j - 1 >= lo and items[j].low in _WHEN and items[j - 1].low in ("on", "last", "this"):
        j -= 2
        while j >= lo and items[j].kind == "w" and not items[j].cap and items[j].low in BETWEEN:
            j -= 1
    if j < lo:
        return None
    d = unnamed_ending_at(items, j, lo)
    if d >= 0:  # "one source familiar with the matter said": unnamed, whatever its nouns
        return Phrase(d, j + 1, "anon", items[d].start, items[j].end, head=items[j].low)
    p = phrase_ending_at(items, j, lo)
    if p is None or p.kind == "vague":
        q = _pp_head(items, j, lo)
        if q is not None:
            return q
    if p is not None and p.kind in ("vague", "desc") and p.i - 2 >= lo:
        return _chain_left(items, p, lo)
    return p


_QUANTITY = frozenset("one some many all each both none most several two three".split())


def _chain_left(items: list[Item], p: Phrase, lo: int) -> Phrase:
    """``the authorities and the family of one of the victims said``: descriptions linked by
    ``of`` and ``and`` are one speaker phrase when it opens the clause; the first of the pair
    speaks for both, as with names."""
    q = p
    while q.i - 2 >= lo and items[q.i - 1].low in ("of", "and") and p.j - q.i < 16:
        link = q.i - 1
        left = phrase_ending_at(items, link - 1, lo)
        if left is None and items[link - 1].low in _QUANTITY:
            w = items[link - 1]
            left = Phrase(link - 1, link, "vague", w.start, w.end, head=w.low)
        if left is None or left.kind not in ("vague", "desc", "name"):
            return p
        q = left
    if q is p or not (q.i == lo or items[q.i - 1].kind == "q" or items[q.i - 1].text in ",—―–("):
        return p
    q.j = p.j
    q.end = p.end
    return q


_PP_LINKS = frozenset("of on at from for in with".split())


def _pp_head(items: list[Item], j: int, lo: int) -> Phrase | None:
    """``Experts on trade and farming said``, ``officials at the agency said``: a source noun
    with a short prepositional phrase after it. The head must be a role or a vague source."""
    m = j
    while m > lo and j - m < 7 and items[m].kind == "w" and items[m].low not in _PP_LINKS:
        m -= 1
    if m <= lo or items[m].low not in _PP_LINKS or m == j:
        return None
    h = items[m - 1]
    base = h.low[:-1] if h.low.endswith("s") else h.low
    if h.kind != "w" or not (h.low in VAGUE_HEADS or base in PERSON_ROLES or h.low in PERSON_ROLES):
        return None
    if h.low in VAGUE_HEADS:
        # "Experts on North Korea": a source, never a name
        d = m - 2 if m - 2 >= lo and items[m - 2].low in DETERMINERS else m - 1
        return Phrase(d, j + 1, "vague", items[d].start, items[j].end, head=h.low)
    p = phrase_ending_at(items, m - 1, lo)
    if p is None:
        return None
    p.j = j + 1
    p.end = items[j].end
    return p


# words that send a run of capitalised words down the full ``phrase_ending_at`` path: without
# them, a run is a bare name (see ``plain_name_run``)
_RUN_STOPS = (
    NON_NAME_CAPS
    | frozenset(CUE_FORMS)
    | frozenset(PRONOUNS)
    | TITLES
    | _CONNECTORS
    | frozenset(("of", "for", "on", "a", "the", "and", "’s", "'s"))
)


def plain_name_run(items: list[Item], k: int, j: int) -> bool:
    """Is the run of capitalised words ``items[k : j + 1]`` a bare name of at most four words
    (no title, article, connector, pronoun or cue), so that ``phrase_ending_at(items, j, k)``
    is the whole run as a name without titles? Learning an article's names meets thousands of
    such runs; this test is a fraction of the full walk's cost."""
    if j - k > 3:
        return False
    stops = _RUN_STOPS
    for m in range(k, j + 1):
        low = items[m].low
        if low in stops or low.rstrip(".") in stops:
            return False
        if k < m < j and (low in FEMALE_NAMES or low in MALE_NAMES):
            return False  # "former Miss Universe Alicia Machado": the name may start inside
    if j == k:
        low = items[j].low
        if low in VAGUE_HEADS or (low.endswith("s") and low[:-1] in PERSON_ROLES):
            return False
    return True


def phrase_ending_at(items: list[Item], j: int, lo: int = 0) -> Phrase | None:
    it = items[j]
    if it.kind == "p" and it.text == ")":
        # (R-S.C.): skip a short parenthesis after a name
        k = j - 1
        while k >= lo and k > j - 8 and items[k].text != "(":
            k -= 1
        if k > lo and items[k].text == "(":
            p = phrase_ending_at(items, k - 1, lo)
            if p is not None:
                p.j = j + 1
                p.end = items[j].end
            return p
        return None
    if it.kind == "p" and it.text == "," and j - 1 >= lo:
        return _appositive(items, j, lo)
    if it.kind != "w":
        return None
    if it.low in PRONOUNS:
        return Phrase(j, j + 1, "pron", it.start, it.end, head=it.low)
    if (_name_like(it) and it.low not in NON_NAME_CAPS) or (_name_like(it) and j > lo):
        k = j
        while (
            k - 1 >= lo
            and j - k < 7
            and (
                (
                    _name_like(items[k - 1])
                    and items[k - 1].low not in NON_NAME_CAPS
                    # a cue word is no name, but "State" in "Secretary of State" is
                    and (items[k - 1].low not in CUE_FORMS or _org_link(items, k - 1, lo))
                )
                or (items[k - 1].low in _CONNECTORS and k - 2 >= lo and _name_like(items[k - 2]))
                or _org_link(items, k, lo)
            )
        ):
            k -= 1
        if (
            k - 2 >= lo
            and items[k - 1].low in ("’s", "'s")
            and items[k - 2].cap
            and it.low.strip(".") in _ORG_WORDS
        ):
            # "Standard and Poor’s Corp", "Moody’s Investors Service"
            k -= 2
            while k - 1 >= lo and (items[k - 1].cap or items[k - 1].low == "and") and j - k < 8:
                k -= 1
        if k - 1 >= lo and items[k - 1].low == "the" and items[k - 1].cap:
            k -= 1
        if k - 2 >= lo and items[k - 1].low == "and" and _name_like(items[k - 2]):
            # "Obama and Clinton say": the first of the pair speaks for both
            pair = phrase_ending_at(items, k - 2, lo)
            if pair is not None and pair.kind == "name":
                pair.j = j + 1
                pair.end = it.end
                return pair
        while k < j and items[k].low in NON_NAME_CAPS and items[k].low != "the":
            k += 1
        if k == j and it.low in NON_NAME_CAPS:
            return None
        low1 = it.low
        if k == j and (low1 in VAGUE_HEADS or (low1.endswith("s") and low1[:-1] in PERSON_ROLES)):
            # "Lawmakers have not said", "Officials said": capitalised only by the sentence
            return Phrase(k, j + 1, "vague", it.start, it.end, head=low1)
        n0, titles = _strip_titles(items, k, j + 1)
        # "former Miss Universe Alicia Machado": the name starts at its first name
        for m in range(n0 + 1, j):
            w = items[m].low
            if (w in FEMALE_NAMES or w in MALE_NAMES) and not (
                items[m - 1].low in FEMALE_NAMES or items[m - 1].low in MALE_NAMES
            ):
                n0 = m
                break
        if it.low.strip(".") not in _ORG_WORDS:
            n0 = max(n0, j - 3)  # a person's name has at most four words
        lows = [x.low for x in items[n0 : j + 1]]
        honorific = any(t in ("mr", "mrs", "ms", "miss", "dr", "mx") for t in titles)
        if _title_key(lows[-1]) in TITLES and len(lows) == 1 and not honorific:
            # "The President said": a title alone is a description
            d = k - 1 if k - 1 >= lo and items[k - 1].low in DETERMINERS else k
            return Phrase(
                d, j + 1, "desc", items[d].start, it.end, head=_title_key(lows[-1]), titles=titles
            )
        start_i = k
        if k - 1 >= lo and items[k - 1].low == "the":
            start_i = k - 1
        p = Phrase(
            start_i,
            j + 1,
            "name",
            items[start_i].start,
            it.end,
            items[n0].start,
            it.end,
            head=lows[-1],
            titles=titles,
        )
        # role words and modifiers before the name: "Trump lawyer Marc Kasowitz",
        # "Clinton campaign spokesman Brian Fallon", "IMF chief economist Maury Obstfeld"
        m = start_i - 1
        first = start_i
        if (
            m - 1 >= lo
            and items[m].low in ("’s", "'s")
            and items[m - 1].cap
            and start_i < n0 + 1 + len(titles)
            and titles
        ):
            # "North Korea’s Vice Foreign Minister Im Chon Il": the possessor belongs to the title
            m -= 1
            while m - 1 >= lo and items[m - 1].cap and items[m - 1].low not in NON_NAME_CAPS:
                m -= 1
            first = m
            m -= 1
            p.i = first
            p.start = items[first].start
        while m >= lo and m > start_i - 7 and items[m].kind == "w":
            w = items[m].low
            if w in PERSON_ROLES or w in _PREMOD or w in ORG_ROLES:
                if w in PERSON_ROLES:
                    p.titles.append(w)
                first = m
                m -= 1
            elif items[m].cap and w not in NON_NAME_CAPS and w not in CUE_FORMS:
                first = m
                m -= 1
            else:
                break
        if first < start_i and any(
            items[x].low in PERSON_ROLES or items[x].low in _PREMOD for x in range(first, start_i)
        ):
            if first - 1 >= lo and items[first - 1].low in DETERMINERS:
                first -= 1
            p.i = first
            p.start = items[first].start
        return _home_state(items, p, lo)
    # a description: determiner + modifiers + head noun
    head = it.low
    k = j
    while k - 1 >= lo and k > j - 6 and items[k - 1].kind == "w":
        w = items[k - 1].low
        if (
            w == "year-old"
            and k - 3 >= lo
            and items[k - 2].text == "-"
            and items[k - 3].text.isdigit()
        ):
            k -= 3  # "the 60-year-old minister": the age is a modifier
            continue
        if w in DETERMINERS:
            k -= 1
            break
        if w in BETWEEN or w in PRONOUNS or w in _STOP_DESC:
            break
        k -= 1
    else:
        if k - 1 >= lo and items[k - 1].kind == "w" and items[k - 1].low in DETERMINERS:
            k -= 1
    has_det = k < j and items[k].low in DETERMINERS
    if k - 1 >= lo and (k == j or not has_det) and items[k - 1].low in ("’s", "'s"):
        # "the ad's narrator", "Clinton's spokesman": the possessor is part of the phrase
        m = k - 2
        while m >= lo and m > k - 6 and items[m].kind == "w" and items[m].low not in _STOP_DESC:
            if items[m].low in DETERMINERS:
                break
            m -= 1
        k = m if m >= lo and items[m].low in DETERMINERS else m + 1
        has_det = True
    base = head[:-1] if head.endswith("s") and head[:-1] in PERSON_ROLES else head
    if head in VAGUE_HEADS or (base != head and base in PERSON_ROLES):
        return Phrase(k, j + 1, "vague", items[k].start, it.end, head=head)
    if base in PERSON_ROLES or head in ORG_ROLES:
        return Phrase(k, j + 1, "desc", items[k].start, it.end, head=head)
    if has_det and len(head) > 2 and head.isalpha() and head not in _STOP_DESC:
        # "the announcer", "the letter", "the ruling": a source, but not a nameable one
        return Phrase(k, j + 1, "vague", items[k].start, it.end, head=head)
    return None


_APPOS_PREPS = frozenset("at in on during speaking after before with for from via".split())
_STOP_DESC = frozenset(
    """that which who said says told and or but of for to in on at by with from as than
    because while when if after before""".split()
)


def _home_state(items: list[Item], p: Phrase, lo: int) -> Phrase:
    """``Sen. Jeff Sessions of Alabama``: a titled person (or a first name and a surname)
    followed by ``of`` and a place of one or two words is that person, not the place."""
    k = p.i
    if k - 2 < lo or items[k - 1].low != "of" or p.j - p.i > 2 or p.titles:
        return p
    left = phrase_ending_at(items, k - 2, lo)
    if (
        left is not None
        and left.kind == "desc"
        and (left.head in PERSON_ROLES or left.head in TITLES)
    ):
        left.j = p.j  # "the governor of Texas"
        left.end = p.end
        return left
    if left is None or left.kind != "name" or left.j - left.i < 2:
        return p
    first = next((x.low for x in items[left.i : left.j] if x.start == left.name_start), "")
    if not left.titles and first not in MALE_NAMES and first not in FEMALE_NAMES:
        return p
    left.j = p.j
    left.end = p.end
    return left


def _appositive(items: list[Item], comma: int, lo: int) -> Phrase | None:
    """The speaker before an apposition: ``Richard Revesz, director of the institute, said``,
    ``Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said``,
    ``one of the family's attorneys, Justin Bamberg, said``."""
    commas = [comma]
    k = comma - 1
    while k >= lo and comma - k < 45 and len(commas) <= 4:
        it = items[k]
        if it.kind == "q" or it.text in "!?;:":
            break
        if it.text == "." and not (
            k - 1 >= lo and items[k - 1].cap and len(items[k - 1].text) <= 5
        ):
            break  # a sentence end, not "R-Ky."
        if it.text == ",":
            commas.append(k)
        k -= 1
    if len(commas) < 2:
        return None
    c = commas[1]
    inner = items[c + 1 : comma]
    if inner and len(inner) <= 4 and all(_name_like(x) for x in inner):
        # the name is inside the commas
        p = phrase_ending_at(items, comma - 1, c + 1)
        if p is not None and p.kind == "name":
            outer = phrase_ending_at(items, c - 1, lo) if c - 1 >= lo else None
            if outer is not None and outer.kind in ("desc", "vague"):
                p.i, p.start = outer.i, outer.start
                p.titles.append(outer.head)
            p.j = comma
            p.end = items[comma - 1].end
            return p
    for idx in range(1, len(commas)):
        c = commas[idx]
        inner = items[c + 1 : commas[idx - 1]]
        if not _appos_ok(inner):
            return None
        p = phrase_ending_at(items, c - 1, lo) if c - 1 >= lo else None
        if p is None or p.kind not in ("name", "desc"):
            continue
        at_boundary = (
            p.i == lo
            or items[p.i - 1].kind == "q"
            or items[p.i - 1].text in ",—―–(:"
            or items[p.i - 1].low in ("and", "but", "while", "as")
        )
        if not at_boundary:
            continue
        p.j = comma
        p.end = items[comma - 1].end
        for seg in items[c + 1 : comma][:12]:
            if seg.kind == "w" and (seg.low in PERSON_ROLES or seg.low in TITLES):
                p.titles.append(seg.low)
        return p
    return None


def _appos_ok(inner: list[Item]) -> bool:
    """Does this comma-delimited piece read as an apposition (``the minister``, ``of X``,
    ``a Republican``, ``R-Ky.``, ``who …``), not a clause?"""
    if not inner:
        return False
    first = inner[0]
    return (
        first.low in _APPOS_PREPS
        or first.low in DETERMINERS
        or first.low in ("who", "whose", "which", "where", "of")
        or first.low in PERSON_ROLES
        or first.low in _PREMOD
        or _title_key(first.low) in TITLES
        or first.text[:1].isdigit()
        or (first.cap and len(inner) >= 2)
        # a role after a word or two ("cheif commander of …", "county flood official"): a
        # misspelt or unlisted modifier does not turn the apposition into a clause
        or any(
            x.low in PERSON_ROLES and all(y.kind == "w" and not y.cap for y in inner[:n])
            for n, x in enumerate(inner[1:3], 1)
        )
    )


def phrase_right(items: list[Item], k: int, hi: int) -> Phrase | None:
    """The speaker phrase just after ``items[k]``: ``said Putin``, ``said the diplomat``."""
    j = k + 1
    if j >= hi or items[j].kind != "w":
        return None
    if items[j].low in PRONOUNS:
        return Phrase(j, j + 1, "pron", items[j].start, items[j].end, head=items[j].low)
    e = unnamed_from(items, j, hi)
    if e >= 0:
        return Phrase(j, e, "anon", items[j].start, items[e - 1].end, head=items[e - 1].low)
    m = j
    if items[m].low in DETERMINERS:
        m += 1
    e = m
    while e < hi and e - m < 8 and (items[e].kind == "w" or items[e].low in _POSSESSIVE):
        w = items[e]
        if (
            w.cap
            or _is_initial(w)
            or (w.low in _POSSESSIVE and e > m and items[e - 1].cap and e + 1 < hi)
            or (w.low in _CONNECTORS and e + 1 < hi and items[e + 1].cap)
            or (e + 1 < hi and items[e + 1].cap and _org_link(items, e + 1, m))
        ):
            e += 1
            continue
        if not w.cap and w.low not in _STOP_DESC and w.low not in BETWEEN and e - m < 5:
            # lower-case modifiers of a description ("the north korean diplomat")
            e += 1
            continue
        break
    # trim to the last name-like word or role head
    while e > m and not (
        items[e - 1].cap
        or items[e - 1].low in PERSON_ROLES
        or items[e - 1].low in ORG_ROLES
        or items[e - 1].low in VAGUE_HEADS
        or (items[e - 1].low.endswith("s") and items[e - 1].low[:-1] in PERSON_ROLES)
    ):
        e -= 1
    if e <= m:
        return None
    p = phrase_ending_at(items, e - 1, j)
    if p is None:
        return None
    # the phrase must start where we started, give or take modifiers ("9/11 widow Terry S.")
    # and an owner in the possessive ("Russia's Foreign Minister Sergei Lavrov")
    first = _after_owner(items, m, p.i)
    if p.i > first + 4 or any(items[x].cap for x in range(first, p.i)):
        return None
    if p.kind == "desc" and p.j + 2 < hi and items[p.j].text == ",":
        # "said her daughter, Camila Chavez, who …": the name in apposition is the speaker
        e2 = p.j + 1
        while e2 < hi and e2 - p.j <= 4 and (items[e2].cap or _is_initial(items[e2])):
            e2 += 1
        if e2 - p.j >= 3 and (e2 >= hi or items[e2].text in (",", ".", ";")):
            q = phrase_ending_at(items, e2 - 1, p.j + 1)
            if q is not None and q.kind == "name":
                q.titles.append(p.head)
                q.i, q.start = p.i, p.start
                return q
    return p


_POSSESSIVE = frozenset(("'s", "’s"))


def _after_owner(items: list[Item], m: int, j: int) -> int:
    """The index after a possessive owner that opens ``items[m:j]`` (``Russia 's``,
    ``the company 's``), else ``m``."""
    for k in range(m, min(j, m + 5)):
        if items[k].low in _POSSESSIVE:
            return k + 1 if k > m else m
        if items[k].kind != "w":
            break
    return m


class Person:
    """What the resolver knows about one speaker or named person (a native class)."""

    __slots__ = ("entity_id", "gender", "is_org", "key", "name", "roles", "votes")

    def __init__(self, name: str, key: str) -> None:
        self.name = name
        self.key = key
        self.gender = ""
        self.roles: set[str] = set()
        self.entity_id: str | None = None
        self.is_org = False
        self.votes: dict[str, int] = {}

    def sex(self) -> str:
        """Gender from names and titles, else from the pronouns that follow the mentions."""
        if self.gender or not self.votes:
            return self.gender
        m, f = self.votes.get("m", 0), self.votes.get("f", 0)
        return "m" if m > f else "f" if f > m else ""


class Resolved:
    """A resolved speaker: the name to show, its entity, and the phrase as written."""

    __slots__ = ("entity_id", "mention", "name")

    def __init__(self, name: str | None, entity_id: str | None, mention: Mention | None) -> None:
        self.name = name
        self.entity_id = entity_id
        self.mention = mention


class Resolver:
    """Per-article speaker resolution with the article's names, titles and quoting history."""

    def __init__(self, text: str, entities: list[Entity] | None) -> None:
        self.text = text
        self.entities = entities or []
        self.people: dict[str, Person] = {}
        # (offset, person) for every name seen, speakers included, kept sorted by offset
        self.mentions: list[tuple[int, Person]] = []
        self._mention_offsets: list[int] = []
        self.speakers: list[tuple[int, Person]] = []
        # names that open a sentence: the likeliest antecedents of a following pronoun
        self.subjects: list[tuple[int, Person]] = []
        self._subject_offsets: list[int] = []
        self._ent_by_offset: list[tuple[int, int, Entity]] = []
        for e in self.entities:
            for m in e.mentions:
                self._ent_by_offset.append((m.start, m.end, e))
        self._ent_by_offset.sort(key=lambda t: t[0])
        self._ent_starts = [t[0] for t in self._ent_by_offset]
        self._name_cache: dict[tuple[str, tuple[str, ...]], Person] = {}
        # work to do before the first resolution (learning the article's names): an article
        # with no speaker to resolve never pays for it
        self.prepare: Callable[[], object] | None = None

    def note_subject(self, offset: int, person: Person) -> None:
        """A name opening a sentence (registered in text order)."""
        self.subjects.append((offset, person))
        self._subject_offsets.append(offset)

    # -- names -----------------------------------------------------------------------------
    def _entity_at(self, start: int, end: int, last: str) -> Entity | None:
        """The entity whose mention covers the surname of the name at ``[start, end)``, or is
        exactly that one word when the entity's name opens with it (``Xu`` of ``Xu Bo``)."""
        i = bisect_right(self._ent_starts, end) - 1
        while i >= 0:
            s, e, ent = self._ent_by_offset[i]
            if e <= start - 200:
                break
            if e > start and s < end and ent.label in ("PERSON", "ORG", "GPE", "NORP", "PER"):
                words = ent.name.split()
                if words and words[-1].lower().strip(".,") == last:
                    return ent
                if s == start and e == end and words and words[0].lower() == last:
                    return ent  # "Xu" after "Xu Bo": the family name comes first
            i -= 1
        return None

    def note_name(self, start: int, end: int, titles: list[str], offset: int) -> Person:
        """Register a name mention; returns the person it belongs to.

        People are keyed by entity id when the entity extractor covers the mention, else by
        surname, so ``Caddell`` joins ``Pat Caddell``. The canonical name is the longest clean
        form seen (an entity name is taken only when it ends with the same surname).
        """
        raw = self.text[start:end]
        key = (raw, tuple(titles))
        person = self._name_cache.get(key)
        if person is not None:
            # seen before with the same titles: only the mention and pronoun votes are new
            if not person.gender:
                g = _pronoun_after(self.text, end)
                if g:
                    person.votes[g] = person.votes.get(g, 0) + 1
            self._add_mention(offset, person)
            return person
        person = self._note_new(start, end, raw, titles, offset)
        self._name_cache[key] = person
        return person

    def _add_mention(self, offset: int, person: Person) -> None:
        if self.mentions and offset < self.mentions[-1][0]:
            i = bisect_right(self._mention_offsets, offset)
            self.mentions.insert(i, (offset, person))
            self._mention_offsets.insert(i, offset)
        else:
            self.mentions.append((offset, person))
            self._mention_offsets.append(offset)

    def _note_new(self, start: int, end: int, raw: str, titles: list[str], offset: int) -> Person:
        words = _name_words(raw)
        last = words[-1].lower().strip(".,")
        full = " ".join([w.lower().strip(".,") for w in words])
        ent = self._entity_at(start, end, last)
        person = self.people.get(ent.id) if ent is not None else None
        if person is None:
            person = self.people.get(full)
        if person is None:
            same = self.people.get(last)
            if same is not None and (len(words) == 1 or len(same.name.split()) == 1):
                person = same  # "Caddell" and "Pat Caddell" are one person
            elif same is not None and same.name.split()[0].lower() == words[0].lower():
                person = same
        if person is None:
            # a new person, or another of that surname ("Ivanka Trump" after "Donald Trump")
            person = Person(name=" ".join(words), key=full)
            if ent is None:
                person.is_org = any(w.lower().strip(".,") in _ORG_WORDS for w in words)
            self.people.setdefault(last, person)
        elif len(words) <= 4 and len(words) > len(person.name.split()):
            person.name = " ".join(words)
        self.people.setdefault(full, person)
        if ent is not None and person.entity_id is None:
            person.entity_id = ent.id
            self.people[ent.id] = person
            person.is_org = ent.label not in ("PERSON", "PER")
            ent_words = ent.name.split()
            while len(ent_words) > 1 and ent_words[0].lower().rstrip(".") in TITLES:
                ent_words = ent_words[1:]
            first = ent_words[0].lower().rstrip(".") if ent_words else ""
            if (
                ent_words
                and ent_words[-1].lower().strip(".,") == last
                and len(ent_words) <= 4
                and all(w[:1].isupper() for w in ent_words)
                and len(ent_words) >= len(person.name.split())
                and (first_name_sex(first) or len(first) <= 2 or first == words[0].lower())
            ):
                # the entity's fuller name, when it starts with a first name ("Crooked Hillary
                # Clinton" or "Pennsylvania Gov. Ed Rendell" do not)
                person.name = " ".join(ent_words)
            for r in [*ent.roles, ent.role or ""]:
                person.roles.update(w.lower().strip(".,") for w in r.split())
        if titles:
            roles = person.roles
            roles.update(titles)
            for t in titles:
                roles.update(ROLE_IMPLIES.get(t, ()))
                roles.update(_IMPLIED_BY.get(t, ()))
        if not person.gender:
            sex = first_name_sex(words[0].lower().strip("."))
            if titles and any(t in FEMALE_WORDS for t in titles):
                person.gender = "f"
            elif titles and any(t in MALE_WORDS for t in titles):
                person.gender = "m"
            elif sex and (len(words) >= 2 or person.name == words[0]):
                person.gender = sex
            else:
                g = _pronoun_after(self.text, end)
                if g:
                    person.votes[g] = person.votes.get(g, 0) + 1
        if person.is_org and (
            person.gender
            or (person.votes and not any(w.lower() in _ORG_WORDS for w in words))
            or any(t in PERSON_ROLES or t in _PERSON_TITLES for t in titles)
        ):
            # "Mr. Obama" is a person whatever a tagger said
            person.is_org = False
        elif (
            not person.is_org
            and not person.gender
            and not titles
            and len(words) >= 2
            and words[-1].lower().strip(".,") in _ORG_WORDS
        ):
            # "Commission on Presidential Debates", "Tax Foundation": an organisation's head
            # noun ends the name, whatever a tagger said; never "he" or "she"
            person.is_org = True
        self._add_mention(offset, person)
        return person

    # -- resolution --------------------------------------------------------------------------
    def resolve(self, p: Phrase, offset: int, paragraph_start: int) -> Resolved:
        """Resolve a speaker phrase found at ``offset``; records the speaker in the history."""
        if self.prepare is not None:
            prepare, self.prepare = self.prepare, None
            prepare()
        mention = Mention(p.start, p.end, self.text[p.start : p.end])
        if p.kind == "anon":
            return Resolved(UNNAMED, None, mention)  # a speaker of its own kind, never guessed
        person: Person | None = None
        if p.kind == "name" and self._nationality(p):
            person = self._someone(p.start)  # "the Scot said": the person just written about
        elif p.kind == "name":
            person = self.note_name(p.name_start, p.name_end, p.titles, p.start)
        elif p.kind == "pron":
            person = self._pronoun(p.head, offset, paragraph_start)
        elif p.kind == "desc":
            words = self.text[p.start : p.end].split()
            if words[0].lower() not in _INDEFINITE:
                # "an Iranian military commander" is someone new: never a known name
                person = self._description(
                    p.head, offset, paragraph_start, p.titles, _sides(words[1:])
                )
        if person is None:
            return Resolved(None, None, mention)
        self.speakers.append((offset, person))
        name = person.name
        if p.kind == "name" and person.is_org:
            # organisations are named as written: "the IMF", not an expansion
            name = " ".join(self.text[p.name_start : p.name_end].split())
            if name.lower().startswith("the "):
                name = name[4:]
            if "s " in name and person.entity_id is not None:
                # "Seoul's Unification Ministry" is the entity "Seoul Unification Ministry"
                flat = name.replace("'s ", " ").replace("’s ", " ").lower()
                for ent in self.entities:
                    if ent.id == person.entity_id and ent.name.lower() == flat:
                        name = ent.name
        return Resolved(_display(name), person.entity_id, mention)

    def _recent(self, offset: int, window: int) -> list[Person]:
        """People mentioned before ``offset`` (most recent first), within a window."""
        hi = bisect_right(self._mention_offsets, offset - 1)
        lo = bisect_right(self._mention_offsets, offset - window - 1)
        return [self.mentions[i][1] for i in range(hi - 1, lo - 1, -1)]

    def _pronoun(self, pron: str, offset: int, paragraph_start: int) -> Person | None:
        """``he``/``she``/``it``: a person named as a sentence subject since the last quote,
        else the most recent compatible speaker, else the most recent compatible name.
        ``they`` goes to an organisation that just spoke (``_they``); ``I``, ``we`` and relative
        pronouns are not resolved here."""
        g = PRONOUNS.get(pron, "")
        if g == "p":
            return self._they(offset)
        if g not in ("m", "f", "n"):
            return None
        want_org = g == "n"
        last_spk = next((o for o, _ in reversed(self.speakers) if o < offset), -1)
        k = bisect_right(self._subject_offsets, offset - 1) - 1
        while k >= 0:
            off, person = self.subjects[k]
            if off <= last_spk or offset - off > 600:
                break
            if person.is_org == want_org and _gender_ok(person, g):
                return person
            k -= 1
        for off, person in reversed(self.speakers):
            if off >= offset:
                continue
            if offset - off > 1500:
                break
            if person.is_org == want_org and _gender_ok(person, g):
                return person
        for person in self._recent(offset, 1200):
            if person.is_org == want_org and _gender_ok(person, g):
                return person
        if g in ("m", "f"):
            # the only person of that sex named so far, however far back
            found = {id(p): p for p in self._recent(offset, offset + 1) if p.sex() == g}
            if len(found) == 1:
                return next(iter(found.values()))
        return None

    def _nationality(self, p: Phrase) -> bool:
        """``the Scot``, ``the Argentine``: a nationality standing for a person (the entity
        extractor typed the word NORP)."""
        raw = self.text[p.start : p.name_end]
        words = raw.split()
        if len(words) != 2 or words[0].lower() != "the":
            return False
        ent = self._entity_at(p.name_start, p.name_end, words[1].lower().strip(".,"))
        return ent is not None and ent.label == "NORP"

    def _someone(self, offset: int) -> Person | None:
        """The person (not an organisation, a place or a people) most recently named before
        ``offset``."""
        not_people = {e.id for e in self.entities if e.label not in ("PERSON", "PER")}
        for person in self._recent(offset, 1200):
            if not person.is_org and person.entity_id not in not_people:
                return person
        return None

    def _they(self, offset: int) -> Person | None:
        """``they`` after an organisation spoke (``the ministry said … They added …``): the
        organisation, when it is the latest source close before; a person or nobody there
        means a group we cannot name, so None."""
        for off, person in reversed(self.speakers):
            if off >= offset:
                continue
            if offset - off > 800:
                return None
            return person if person.is_org and not person.name.isupper() else None
        return None

    def _description(
        self,
        head: str,
        offset: int,
        paragraph_start: int,
        titles: list[str],
        sides: set[str] | None = None,
    ) -> Person | None:
        """The latest person whose titles or roles fit the description's head; a party or
        nationality in it (``the Republican candidate``) rules out a person described with
        another one (``Clinton, the Democratic nominee``)."""
        head = head.rstrip(".")
        words = {head, *titles}
        wanted: set[str] = set(words)
        for w in words:
            wanted.update(ROLE_IMPLIES.get(w, ()))
        is_org = head in ORG_ROLES
        for person in self._recent(offset, 6000):
            if is_org:
                if person.is_org and (
                    head in person.name.lower() or head in person.roles or head == "kremlin"
                ):
                    return person
                continue
            if not person.is_org and (person.roles & wanted):
                if sides:
                    theirs = _sides(person.roles)
                    if theirs and not theirs & sides:
                        continue
                return person
        # no title or role fits: a description is never guessed onto the last speaker
        return None


# the roles each title implies the other way round ("minister" → "diplomat", "official")
_IMPLIED_BY: dict[str, tuple[str, ...]] = {}
for _imp, _sources in ROLE_IMPLIES.items():
    for _t in _sources:
        _IMPLIED_BY[_t] = (*_IMPLIED_BY.get(_t, ()), _imp)
del _imp, _sources, _t

_INDEFINITE = frozenset("a an one another some several many any".split())


def _sides(words: Iterable[str]) -> set[str]:
    """The parties and nationalities among some words, lower-cased (``Republican``)."""
    from newscli.gazetteer import current

    demonyms = current().demonyms
    return {w.lower() for w in words if w[:1].isalpha() and w.capitalize() in demonyms}


def _gender_ok(person: Person, g: str) -> bool:
    """Can ``he``/``she``/``it`` refer to this person? Unknown sex is compatible; a name in
    capitals (``IRAN SAYS …`` headlines, agencies) is not a person a pronoun points to."""
    if person.name.isupper() and len(person.name) > 1:
        return False
    if g in ("m", "f"):
        return person.sex() in ("", g) and not person.is_org
    return True


# he, his, him, she, her, hers in any case; the letters spelled out as ``re.IGNORECASE`` would
# match them (with the dotted/dotless i and the long s) instead of folding the case of every
# character scanned: the same matches, about 40 % faster. The pattern opens with the set of
# first letters and checks the word boundary before it by a look-behind (``\b`` first would
# make the engine try the whole pattern at every position; a set first lets it jump from
# candidate letter to candidate letter in C): the same matches, over twice as fast again
_PRON_RE = compile_re(
    "[hHsS\u017f](?<!\\w[hHsS\u017f])"
    "(?:(?<=[hH])(?:[eE](?:[rR][sS\u017f]?)?|[iI\u0130\u0131][sS\u017fmM])|(?<=[sS\u017f])[hH][eE])"
    "\\b"
)


def _pronoun_after(text: str, end: int) -> str:
    """The gender of the first personal pronoun in the 120 characters after a name."""
    m = _PRON_RE.search(text, end, end + 120)
    if m is None:
        return ""
    return "f" if m.group(0).lower() in ("she", "her", "hers") else "m"


_SEXES: dict[str, str] | None = None


def first_name_sex(first: str) -> str:
    """``f``/``m`` for a first name with a clear sex, else ``""``: hand lists first, then the
    SSA-derived list in ``data/quote_first_names.txt`` (loaded once, on first use)."""
    global _SEXES
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    if _SEXES is None:
        from newscli.gazetteer import data_body

        try:
            body = data_body("quote_first_names.txt")
        except OSError:
            body = ""
        # "name<TAB>sex" rows, neither with a space: pair up one C-level split
        fields = iter(body.split())
        table = dict(zip(fields, fields, strict=False))
        if not set(table.values()) <= {"f", "m"}:  # not the expected layout: read nothing
            table = {}
        _SEXES = table
    return _SEXES.get(first, "")


def _name_words(raw: str) -> list[str]:
    words = raw.replace("’s", "").replace("'s", "").split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return words or [raw]


def _display(name: str) -> str:
    if name.lower().startswith("the "):
        return name[4:]
    return name
