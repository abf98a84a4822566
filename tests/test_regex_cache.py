"""The compiled-regex cache: same patterns as ``re``, shared between processes, never trusted
blindly."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newscli import regex_cache

SEED = Path(__file__).resolve().parent.parent / "seeds" / "tass-2020-04-27-dprk-russia.txt"


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """The module with an empty in-memory state and its cache in a temporary folder."""
    monkeypatch.setenv("NEWSCLI_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_entries", None)
    monkeypatch.setattr(regex_cache, "_used", set())
    monkeypatch.setattr(regex_cache, "_memo", {})
    monkeypatch.setattr(regex_cache, "_dirty", False)
    monkeypatch.setattr(regex_cache, "misses", [])
    return tmp_path


PATTERNS = [
    (r"(?P<day>\d{1,2})\s+(?P<mon>jan|feb|mar)(?:\.|\b)", re.I),
    (r"\b(?:said|says|told)\b(?!\s+that)", 0),
    (r"(?<![\w.])(\d+)(?:,\d{3})*", 0),
    ('[\u201c\u201d"«»]', 0),
    (r"^(?P<a>x)(?P=a)+$", re.M),
]


def _reload_state(monkeypatch) -> None:
    """Forget what this process has in memory, as a new process would."""
    monkeypatch.setattr(regex_cache, "_entries", None)
    monkeypatch.setattr(regex_cache, "_used", set())
    monkeypatch.setattr(regex_cache, "_memo", {})
    monkeypatch.setattr(regex_cache, "_dirty", False)
    monkeypatch.setattr(regex_cache, "misses", [])


def test_cached_patterns_equal_re_and_behave_alike(fresh, monkeypatch):
    first = [regex_cache.compile(p, f) for p, f in PATTERNS]
    assert len(regex_cache.misses) == len(PATTERNS)
    regex_cache._save()
    assert any(p.name.startswith("regex-") for p in fresh.iterdir())
    _reload_state(monkeypatch)
    second = [regex_cache.compile(p, f) for p, f in PATTERNS]
    assert regex_cache.misses == []  # every one came from the file
    sample = "On 12 Jan. 2020 he said 1,234 «words» xxx"
    for (p, f), a, b in zip(PATTERNS, first, second, strict=True):
        assert a == b == re.compile(p, f)
        assert b.groupindex == re.compile(p, f).groupindex
        assert [m.span() for m in b.finditer(sample)] == [
            m.span() for m in re.compile(p, f).finditer(sample)
        ]


def test_damaged_file_falls_back_to_compiling(fresh, monkeypatch):
    regex_cache.compile(r"\bword\b")
    regex_cache._save()
    (path,) = [p for p in fresh.iterdir() if p.name.startswith("regex-")]
    path.write_bytes(b"\x00garbage")
    _reload_state(monkeypatch)
    assert regex_cache.compile(r"\bword\b").search("a word").span() == (2, 6)
    assert regex_cache.misses == [r"\bword\b"]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_file_others_can_write_is_ignored(fresh, monkeypatch):
    regex_cache.compile(r"\bword\b")
    regex_cache._save()
    (path,) = [p for p in fresh.iterdir() if p.name.startswith("regex-")]
    path.chmod(0o666)
    _reload_state(monkeypatch)
    regex_cache.compile(r"\bword\b")
    assert regex_cache.misses == [r"\bword\b"]


def test_caching_off_with_empty_directory(monkeypatch, tmp_path):
    _reload_state(monkeypatch)
    monkeypatch.setenv("NEWSCLI_CACHE_DIR", "")
    assert regex_cache.compile(r"a+b").fullmatch("aab")
    regex_cache._save()  # nowhere to write: nothing happens
    assert list(tmp_path.iterdir()) == []


def test_second_process_compiles_nothing_whatever_the_hash_seed(tmp_path):
    """Patterns built from word sets must come out the same in every process, or the cache
    never hits: a full analysis of the seed in a second process, under another hash seed,
    compiles no pattern itself."""
    code = (
        "import sys\n"
        "from newscli import inspect, regex_cache\n"
        f"inspect(open({str(SEED)!r}, encoding='utf-8').read())\n"
        "print(len(regex_cache.misses))\n"
        "print(*(repr(p[:80]) for p in regex_cache.misses), sep='\\n', file=sys.stderr)\n"
    )
    counts = []
    for seed in ("1", "2"):
        env = {**os.environ, "NEWSCLI_CACHE_DIR": str(tmp_path), "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        counts.append((int(out.stdout), out.stderr))
    assert counts[0][0] > 50
    assert counts[1][0] == 0, counts[1][1]
