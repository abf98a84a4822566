"""Compiled regular expressions kept between processes.

The recognisers use a few hundred patterns, some with long word alternations; ``re`` parses and
compiles them in pure Python, which costs about 100 ms at every start: more than the analysis
of an article. Compilation is deterministic, so its result (the ``_sre`` code of a pattern) is
kept in the user cache and handed back to ``_sre.compile`` by the next process.

Safety: an entry is cached only after the pattern rebuilt from it compares equal to the one
``re.compile`` returns in this interpreter (same code, flags and groups), the file's name
carries the Python version and ``_sre.MAGIC``, ``_sre`` itself validates any code it is given,
and a file is read only when it belongs to the current user and nobody else can write it
(:mod:`newscli.cache`). Anything unexpected (another Python, a damaged file, no cache directory)
falls back to plain ``re.compile``.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from typing import AnyStr

from .cache import cache_dir, read_private, write_atomic

try:  # the compiler's parts: private modules whose names changed in 3.11
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10 or another implementation
    try:
        import _sre
        import sre_compile as _compiler  # type: ignore[no-redef]
        import sre_parse as _parser  # type: ignore[no-redef]
    except ImportError:
        _sre = None  # type: ignore[assignment]

# (pattern, flags) -> (flags, code, groups, groupindex, indexgroup), the arguments of _sre.compile
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str | bytes, int]

_entries: dict[Key, Entry] | None = None
_used: set[Key] = set()
_memo: dict[Key, re.Pattern] = {}  # this process's compiled patterns, as re's own cache
_dirty = False
# patterns this process had to compile itself (for tests and benchmarks)
misses: list[str | bytes] = []
_MAX_ENTRIES = 4000  # beyond this, a save keeps only what this process used
_plain_compile = re.compile


def _path() -> str | None:
    root = cache_dir()
    if root is None or _sre is None:
        return None
    impl = sys.implementation
    tag = f"{impl.name}-{'.'.join(map(str, sys.version_info[:3]))}-{_sre.MAGIC}"
    return os.path.join(root, f"regex-{tag}.marshal")


def _load() -> dict[Key, Entry]:
    global _entries
    _entries = {}
    path = _path()
    if path is not None:
        data = read_private(path)
        if data is not None:
            try:
                loaded = marshal.loads(data)
            except (EOFError, ValueError, TypeError):
                loaded = None
            if isinstance(loaded, dict):
                _entries = loaded
        atexit.register(_save)
    return _entries


def _build(pattern: str | bytes, flags: int) -> Entry:
    """What ``re`` would hand to ``_sre.compile`` for this pattern."""
    p = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(p, flags)]  # opcodes are int subclasses
    groupindex = {str(k): int(v) for k, v in p.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (flags | p.state.flags, code, p.state.groups - 1, groupindex, tuple(indexgroup))


def compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, served from the cache when this pattern was compiled by
    an earlier process. Cheap to call again with the same pattern (a dictionary look-up, like
    ``re``'s own cache), so inline patterns can use it too."""
    key = (pattern, int(flags))
    compiled = _memo.get(key)
    if compiled is None:
        compiled = _memo[key] = _compile(pattern, key[1], key)
    return compiled


def _compile(pattern: AnyStr, flags: int, key: Key) -> re.Pattern[AnyStr]:
    global _dirty
    entries = _entries if _entries is not None else _load()
    entry = entries.get(key)
    if entry is not None:
        try:
            compiled = _sre.compile(pattern, *entry)
        except Exception:  # damaged entry: forget it and compile normally
            del entries[key]
            _dirty = True
        else:
            _used.add(key)
            return compiled
    compiled = _plain_compile(pattern, flags)
    misses.append(pattern)
    if _sre is not None and not flags & re.DEBUG:
        try:
            built = _build(pattern, flags)
            same = _sre.compile(pattern, *built) == compiled
        except Exception:  # an interpreter whose internals differ: never cache
            same = False
        if same:
            entries[key] = built
            _used.add(key)
            _dirty = True
    return compiled


def _save() -> None:
    """Write the cache at exit when this process compiled something new."""
    if not _dirty or _entries is None:
        return
    path = _path()
    if path is None:
        return
    entries = _entries
    if len(entries) > _MAX_ENTRIES:
        entries = {k: v for k, v in entries.items() if k in _used}
    write_atomic(path, marshal.dumps(entries))
