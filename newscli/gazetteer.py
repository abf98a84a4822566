"""Lazy, load-once access to the generated gazetteers in ``newscli/data/``.

The files are read the first time an article needs them (not at import), so ``import
newscli.entities`` stays cheap for commands that never look at entities. Sources and licences
are written at the top of each data file; ``scripts/build_gazetteers.py`` regenerates them.

Two forms, because one article and a corpus want different things:

* :class:`Gazetteer` (full): plain dicts and frozensets, the fastest lookups. Building its ~130k
  names costs ~55 ms (parsing the text files; a pickle was hardly faster, ~40 ms), which one
  article does not repay.
* :class:`LazyGazetteer` (compact): each list sorted and cut into blocks of text, read with one
  ``marshal.loads`` (~1 ms); a lookup finds its block by bisection and parses only that block
  (into a frozenset or dict) on first touch. A lookup is a Python call (~0.4 us instead of
  ~0.05 us), so it serves the first document of a process; :func:`load` switches to the full
  form from the second document on (a batch pays the full build once per process).

The compact form lives in the user cache directory (:mod:`newscli.cache`); the first process
parses the text files and writes it. The cache file's name is a digest of the Python version,
this module and every data file (size and mtime), so any change rebuilds it; it is read only
when it belongs to the current user and nobody else can write it (marshal data runs no code,
but a planted file could still lie about names), and every failure (read-only home, stale or
damaged file) falls back to parsing the text files. ``NEWSCLI_CACHE_DIR=""`` turns it off.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from newscli.record import record

# os.path, not pathlib: pathlib costs ~7 ms of import for one directory name
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def data_body(name: str) -> str:
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
    body = data_body(name)
    return body.split("\n") if body else []


class Place(NamedTuple):
    label: str  # GPE | LOC
    kind: str  # C country, S state/province, T town/city, R region
    canonical: str  # "" when the name is its own canonical form (shared object)


def canonical(name: str, place: Place) -> str:
    """The canonical name of a place as written ``name`` (``DPRK`` -> ``North Korea``)."""
    return place.canonical or name


@record
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
    """The compact cache file for the current data and code, or None when caching is off."""
    from newscli.cache import cache_dir

    root = cache_dir()
    if root is None:
        return None
    import sys
    import zlib  # not hashlib: ~5 ms of import (OpenSSL) for a cache key

    key = [sys.version, _FORMAT]
    for path in (__file__, *(os.path.join(DATA, n) for n in _FILES)):
        st = os.stat(path)
        key.append(f"{path}|{st.st_size}|{st.st_mtime_ns}")
    raw = "\n".join(key).encode()
    digest = f"{zlib.crc32(raw):08x}{zlib.adler32(raw[::-1]):08x}{len(raw):x}"
    return os.path.join(root, f"gazetteer-{digest}.marshal")


# ------------------------------------------------------------------------- compact form
_FORMAT = "newscli-gazetteer-2"
_EMPTY: dict = {}
# "label kind" codes of the places blocks (one letter each), and the Place shared by the plain
# names of a section, as parse() shares them
_LABELS = {"G": "GPE", "L": "LOC"}
_SHARED: dict[str, Place] = {}


def _place(value: str) -> Place:
    """The Place of a compact value: label letter, kind letter, then any canonical name."""
    if len(value) > 2:
        return Place(_LABELS[value[0]], value[1], value[2:])
    p = _SHARED.get(value)
    if p is None:
        p = _SHARED[value] = Place(_LABELS[value[0]], value[1], "")
    return p


def _parse_set(text: str) -> frozenset[str]:
    return frozenset(text.split("\n"))


def _parse_lengths(text: str) -> dict[str, int]:
    parts = text.replace("\n", "\t").split("\t")
    return dict(zip(parts[::2], map(int, parts[1::2]), strict=True))


def _parse_pairs(text: str) -> dict[str, str]:
    parts = text.replace("\n", "\t").split("\t")
    return dict(zip(parts[::2], parts[1::2], strict=True))


class Blocks:
    """A read-only set or mapping kept as sorted blocks of UTF-8 text in a mapped file:
    ``key in b``, ``b.get(key)``, ``b[key]``. A block is read and parsed (by ``parse``) the
    first time a key falls into it; the others are never read."""

    __slots__ = ("_base", "_firsts", "_map", "_offsets", "_parse", "_parsed")

    def __init__(self, mapped, base: int, firsts: str, offsets: list[int], parse) -> None:
        self._map = mapped  # the cache file (an mmap, or bytes)
        self._base = base  # where the blocks of this list start in it
        self._firsts = firsts.split("\n")  # the first key of each block, sorted
        self._offsets = offsets  # block n is [offsets[n], offsets[n + 1]) from base
        self._parsed: list = [None] * len(self._firsts)
        self._parse = parse

    def _block(self, key: str):
        i = bisect_right(self._firsts, key) - 1
        if i < 0:
            return _EMPTY
        b = self._parsed[i]
        if b is None:
            base = self._base
            raw = self._map[base + self._offsets[i] : base + self._offsets[i + 1]]
            b = self._parsed[i] = self._parse(raw.decode("utf-8"))
        return b

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._block(key)

    def get(self, key: str, default=None):
        return self._block(key).get(key, default)

    def __getitem__(self, key: str):
        return self._block(key)[key]

    def __len__(self) -> int:
        return len(self.keys())

    def __iter__(self):
        return iter(self.keys())

    def keys(self) -> list[str]:
        """Every key, in sorted order (reads every block: for tests and tools)."""
        out: list[str] = []
        for first in self._firsts:
            out.extend(sorted(self._block(first)))
        return out


class PlaceBlocks(Blocks):
    """:class:`Blocks` of places: a block holds the compact values, a :class:`Place` is made
    the first time its name is looked up."""

    __slots__ = ()

    def get(self, key: str, default=None):
        b = self._block(key)
        v = b.get(key)
        if v is None:
            return default
        if v.__class__ is str:
            v = b[key] = _place(v)
        return v

    def __getitem__(self, key: str) -> Place:
        v = self.get(key)
        if v is None:
            raise KeyError(key)
        return v


class LazyGazetteer:
    """The gazetteers in compact form: the same attributes as :class:`Gazetteer`, each large
    list a :class:`Blocks` over the mapped cache file (``languages`` and ``demonyms`` are
    small and plain)."""

    __slots__ = (
        "common",
        "demonyms",
        "given",
        "languages",
        "max_place_tokens",
        "multi_first",
        "multi_len",
        "places",
        "surnames",
    )

    def __init__(self, mapped) -> None:
        import marshal

        if mapped[: len(_MAGIC)] != _MAGIC:
            raise ValueError("not a compact gazetteer")
        start = len(_MAGIC) + 8
        size = int.from_bytes(mapped[len(_MAGIC) : start], "little")
        index = marshal.loads(mapped[start : start + size])
        fmt, max_tokens, demonyms, languages, lists = index
        if fmt != _FORMAT:
            raise ValueError("another format")
        base = start + size

        def blocks(name: str, parse, kind: type[Blocks] = Blocks) -> Blocks:
            at, firsts, offsets = lists[name]
            return kind(mapped, base + at, firsts, offsets, parse)

        self.max_place_tokens: int = max_tokens
        self.demonyms: dict[str, str] = demonyms
        self.languages: frozenset[str] = languages
        self.places = blocks("places", _parse_pairs, PlaceBlocks)
        self.given = blocks("given", _parse_set)
        self.surnames = blocks("surnames", _parse_set)
        self.common = blocks("common", _parse_set)
        self.multi_len = blocks("multi_len", _parse_lengths)
        self.multi_first = self.multi_len  # the same keys


_MAGIC = b"newscli-gazetteer\n"
# entries per block: the index holds one key per block (its load is the fixed cost of a
# process), a lookup parses one block (building Place values is the costly part)
_BLOCK = {"places": 32, "given": 64, "surnames": 64, "common": 64, "multi_len": 32}


def compact(g: Gazetteer) -> bytes:
    """The compact form of ``g``: a header, a marshal index (first key and offset of every
    block), then the blocks of sorted ``key`` or ``key<TAB>value`` lines."""
    import marshal

    codes = {v: k for k, v in _LABELS.items()}
    lists = {
        "places": [f"{n}\t{codes[p.label]}{p.kind}{p.canonical}" for n, p in g.places.items()],
        "given": list(g.given),
        "surnames": list(g.surnames),
        "common": list(g.common),
        "multi_len": [f"{k}\t{v}" for k, v in g.multi_len.items()],
    }
    data = bytearray()
    index: dict[str, tuple[int, str, list[int]]] = {}
    for name, lines in lists.items():
        if any("\n" in ln or ln.count("\t") > 1 for ln in lines):
            raise ValueError(f"{name}: a name with a tab or a newline")
        lines.sort()
        at = len(data)
        firsts, offsets = [], [0]
        size = _BLOCK[name]
        for i in range(0, len(lines), size):
            part = lines[i : i + size]
            firsts.append(part[0].split("\t", 1)[0])
            data += "\n".join(part).encode("utf-8")
            offsets.append(len(data) - at)
        index[name] = (at, "\n".join(firsts), offsets)
    head = marshal.dumps(
        (_FORMAT, g.max_place_tokens, dict(g.demonyms), frozenset(g.languages), index)
    )
    return _MAGIC + len(head).to_bytes(8, "little") + head + bytes(data)


def read_compact(path: str) -> LazyGazetteer | None:
    """The compact gazetteer cached at ``path``, mapped (not read) into memory, or None
    (missing, foreign, damaged, stale)."""
    try:
        from newscli.cache import trusted

        with open(path, "rb") as f:
            if not trusted(f.fileno()):  # only a file of our own that no one else can write
                return None
            try:
                import mmap

                mapped: bytes | mmap.mmap = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            except (ImportError, OSError, ValueError):  # no mmap here: read it all
                mapped = f.read()
        return LazyGazetteer(mapped)
    except Exception:  # damaged or from another version: parse the text instead
        return None


AnyGazetteer = Gazetteer | LazyGazetteer
_full: Gazetteer | None = None
_lazy: LazyGazetteer | None = None
_documents = 0
# documents served by the compact form before the full one is built; a long-lived worker that
# warms up on a dummy article sets 0, so that the warm-up builds the full form
LAZY_DOCUMENTS = 1


def load() -> AnyGazetteer:
    """The gazetteers for one more document: the compact form for the first document of a
    process (when cached), the full form from then on. See the module docstring."""
    global _full, _lazy, _documents
    if _full is not None:
        return _full
    _documents += 1
    path = None
    if _documents <= LAZY_DOCUMENTS:
        if _lazy is not None:
            return _lazy
        try:
            path = cache_path()
        except OSError:
            path = None
        if path is not None:
            _lazy = read_compact(path)
            if _lazy is not None:
                return _lazy
    _full = parse()
    if _lazy is None:  # no usable cache file: write one for the next process
        if path is None:
            try:
                path = cache_path()
            except OSError:
                path = None
        if path is not None:
            from newscli.cache import prune, write_atomic

            if write_atomic(path, compact(_full)):
                prune(path)  # the files of earlier versions and installs
    return _full


def current() -> AnyGazetteer:
    """The gazetteers as they are now, without counting a document (for look-ups made on
    behalf of the document being read)."""
    if _full is not None:
        return _full
    if _lazy is not None:
        return _lazy
    return load()


def reset() -> None:
    """Forget the loaded gazetteers (tests, benchmarks): the next :func:`load` starts over."""
    global _full, _lazy, _documents
    _full = _lazy = None
    _documents = 0


def parse() -> Gazetteer:
    """Read every data file."""
    places: dict[str, Place] = {}
    # sections "@LABEL<TAB>KIND[<TAB>=]" then their rows; found with one split of the whole file
    # rather than a Python test per line (the load is the main start-up cost of entities)
    for section in ("\n" + data_body("places.tsv")).split("\n@")[1:]:
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
