"""Lazy, load-once access to the generated gazetteers in ``newscli/data/``.

The files are read the first time an article needs them (not at import), so ``import
newscli.entities`` stays cheap for commands that never look at entities. Sources and licences
are written at the top of each data file; ``scripts/build_gazetteers.py`` regenerates them.

Parsing ~130k names costs ~55 ms; a pickle of the parsed :class:`Gazetteer` loads in ~35 ms, so
the first process writes one to the user cache directory (``$NEWSCLI_CACHE_DIR``, else
``$XDG_CACHE_HOME/newscli`` or ``~/.cache/newscli``) and later ones read it. The cache file's
name is a digest of the Python version, this module and every data file (size and mtime), so
any change rebuilds it; it is read only when it belongs to the current user and nobody else
can write it, and every failure (read-only home, stale or damaged file) falls back to parsing
the text files. ``NEWSCLI_CACHE_DIR=""`` (empty) turns the cache off.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

# os.path, not pathlib: pathlib costs ~7 ms of import for one directory name
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def _body(name: str) -> str:
    """The data of a generated file as one string, without its ``#`` header lines (all at the
    top) and trailing newlines. Split by the caller: one C-level ``split`` per file is the
    cheapest way to get ~130k words into sets."""
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        text = f.read()
    k = 0
    while text.startswith("#", k):
        nl = text.find("\n", k)
        if nl < 0:
            return ""
        k = nl + 1
    return text[k:].rstrip("\n")


def _lines(name: str) -> list[str]:
    """The data lines of a generated file (its ``#`` header lines are all at the top)."""
    body = _body(name)
    return body.split("\n") if body else []


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
    # first word -> most words in a multi-word place or demonym it opens ("New" -> 5): the
    # longest lookup worth trying at a capitalised word
    multi_len: dict[str, int]


def multi_lengths(names: Iterable[str]) -> dict[str, int]:
    """First word -> the most words of a multi-word name it opens."""
    out: dict[str, int] = {}
    for name in names:
        first = name.split(" ", 1)[0]
        n = name.count(" ") + 1
        if n > out.get(first, 0):
            out[first] = n
    return out


_FILES = (
    "places.tsv",
    "demonyms.tsv",
    "given_names.txt",
    "surnames.txt",
    "common_words.txt",
    "languages.txt",
)


def cache_path() -> str | None:
    """The cache file for the current data and code, or None when caching is off."""
    root = os.environ.get("NEWSCLI_CACHE_DIR")
    if root is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        root = os.path.join(base, "newscli")
    if not root:
        return None
    import sys
    import zlib  # not hashlib: ~5 ms of import (OpenSSL) for a cache key

    key = [sys.version]
    for path in (__file__, *(os.path.join(DATA, n) for n in _FILES)):
        st = os.stat(path)
        key.append(f"{path}|{st.st_size}|{st.st_mtime_ns}")
    raw = "\n".join(key).encode()
    digest = f"{zlib.crc32(raw):08x}{zlib.adler32(raw[::-1]):08x}{len(raw):x}"
    return os.path.join(root, f"gazetteer-{digest}.pickle")


def _read_cache(path: str) -> Gazetteer | None:
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            # only a file of our own that no one else can write (a pickle runs code)
            if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
                return None
            import pickle

            g = pickle.load(f)
    except Exception:  # missing, damaged or from another version: parse the text instead
        return None
    return g if isinstance(g, Gazetteer) else None


def _write_cache(path: str, g: Gazetteer) -> None:
    import pickle

    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(g, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: parallel workers never read half a file
    except Exception:  # read-only or full disk: the cache is only an optimisation
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteers, once per process: from the user cache when it is current, else parsed
    from the data files (and cached for the next process)."""
    try:
        path = cache_path()
    except OSError:
        path = None
    if path is not None:
        g = _read_cache(path)
        if g is not None:
            return g
    g = parse()
    if path is not None:
        _write_cache(path, g)
    return g


def parse() -> Gazetteer:
    """Read every data file."""
    places: dict[str, Place] = {}
    # sections "@LABEL<TAB>KIND[<TAB>=]" then their rows; found with one split of the whole file
    # rather than a Python test per line (the load is the main start-up cost of entities)
    for section in ("\n" + _body("places.tsv")).split("\n@")[1:]:
        head, _, body = section.partition("\n")
        label, kind, *eq = head.split("\t")
        rows = body.split("\n") if body else []
        if eq:  # "alias<TAB>canonical" rows
            for ln in rows:
                name, canon = ln.split("\t")
                places[name] = Place(label, kind, canon)
        elif places:  # plain names share one Place: the canonical form is the name itself
            places.update(dict.fromkeys(rows, Place(label, kind, "")))
        else:
            places = dict.fromkeys(rows, Place(label, kind, ""))
    multi = {k for k in places if " " in k}
    max_tokens = max(k.count(" ") for k in multi) + 1
    demonyms = dict(ln.split("\t") for ln in _lines("demonyms.tsv"))
    multi.update(k for k in demonyms if " " in k)
    return Gazetteer(
        multi_len=multi_lengths(multi),
        places=places,
        demonyms=demonyms,
        given=frozenset(_lines("given_names.txt")),
        surnames=frozenset(_lines("surnames.txt")),
        common=frozenset(_lines("common_words.txt")),
        languages=frozenset(_lines("languages.txt")),
        max_place_tokens=max_tokens,
        multi_first=frozenset(k.split(" ", 1)[0] for k in multi),
    )
