"""Lazy, load-once access to the generated gazetteers in ``newscli/data/``.

The files are read the first time an article needs them (not at import), so ``import
newscli.entities`` stays cheap for commands that never look at entities. Sources and licences
are written at the top of each data file; ``scripts/build_gazetteers.py`` regenerates them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent / "data"


def _lines(name: str) -> list[str]:
    """The data lines of a generated file (its ``#`` header lines are all at the top)."""
    lines = (DATA / name).read_text(encoding="utf-8").split("\n")
    k = 0
    while k < len(lines) and lines[k].startswith("#"):
        k += 1
    while lines and not lines[-1]:
        lines.pop()
    return lines[k:]


class Place(NamedTuple):
    label: str  # GPE | LOC
    kind: str  # C country, S state/province, T town/city, R region
    canonical: str  # "" when the name is its own canonical form (shared object)


def canonical(name: str, place: Place) -> str:
    """The canonical name of a place as written ``name`` (``DPRK`` -> ``North Korea``)."""
    return place.canonical or name


@dataclass(slots=True)
class Gazetteer:
    places: dict[str, Place]  # exact surface form -> place
    demonyms: dict[str, str]  # demonym / group -> canonical place or group
    given: frozenset[str]
    surnames: frozenset[str]
    common: frozenset[str]
    languages: frozenset[str]
    max_place_tokens: int
    multi_first: frozenset[str]  # first words of multi-word places and demonyms


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Read every data file once per process."""
    places: dict[str, Place] = {}
    lines = _lines("places.tsv")
    heads = [i for i, ln in enumerate(lines) if ln[:1] == "@"]
    for h, nxt in zip(heads, [*heads[1:], len(lines)], strict=True):
        label, kind, *eq = lines[h][1:].split("\t")
        rows = lines[h + 1 : nxt]
        if eq:  # "alias<TAB>canonical" rows
            for ln in rows:
                name, canon = ln.split("\t")
                places[name] = Place(label, kind, canon)
        else:  # plain names share one Place: the canonical form is the name itself
            places.update(dict.fromkeys(rows, Place(label, kind, "")))
    multi = {k for k in places if " " in k}
    max_tokens = max(k.count(" ") for k in multi) + 1
    demonyms = dict(ln.split("\t") for ln in _lines("demonyms.tsv"))
    multi.update(k for k in demonyms if " " in k)
    return Gazetteer(
        places=places,
        demonyms=demonyms,
        given=frozenset(_lines("given_names.txt")),
        surnames=frozenset(_lines("surnames.txt")),
        common=frozenset(_lines("common_words.txt")),
        languages=frozenset(_lines("languages.txt")),
        max_place_tokens=max_tokens,
        multi_first=frozenset(k.split(" ", 1)[0] for k in multi),
    )
