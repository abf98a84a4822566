"""The user cache directory: where start-up work (parsed gazetteers, compiled regexes) is kept
between processes.

``$NEWSCLI_CACHE_DIR`` wins (empty turns caching off), else ``$XDG_CACHE_HOME/newscli`` or
``~/.cache/newscli``. A cached file is trusted only when it belongs to the current user and
nobody else can write it, and it is written atomically, so parallel workers never read half a
file. Every failure means "no cache": the cache is only an optimisation.
"""

from __future__ import annotations

import contextlib
import os


def cache_dir() -> str | None:
    """The cache directory (perhaps not created yet), or None when caching is off."""
    root = os.environ.get("NEWSCLI_CACHE_DIR")
    if root is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        root = os.path.join(base, "newscli")
    return root or None


def trusted(fd: int) -> bool:
    """Whether the open file ``fd`` belongs to us and nobody else can write it."""
    if not hasattr(os, "getuid"):  # no POSIX owners (Windows): the user's own profile
        return True
    st = os.fstat(fd)
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def read_private(path: str) -> bytes | None:
    """The bytes of a cache file we own and nobody else can write, else None."""
    try:
        with open(path, "rb") as f:
            return f.read() if trusted(f.fileno()) else None
    except OSError:
        return None


def write_atomic(path: str, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a private temporary file and a rename."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:  # read-only or full disk
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    return True


def prune(path: str, keep: int = 4) -> None:
    """After ``path`` was written, delete all but the ``keep`` newest files of its kind (its
    name up to the first ``-``, same extension) that we own: every upgrade or reinstall keys a
    new file, and nothing else would ever remove the old ones. A few stay, for other virtual
    environments that share this cache."""
    folder, name = os.path.split(path)
    kind = name.split("-", 1)[0] + "-"
    ext = os.path.splitext(name)[1]
    try:
        with os.scandir(folder) as it:
            found = [
                (e.stat().st_mtime_ns, e.path)
                for e in it
                if e.name.startswith(kind) and e.name.endswith(ext) and e.is_file()
            ]
    except OSError:
        return
    found.sort(reverse=True)
    uid = os.getuid() if hasattr(os, "getuid") else None
    for _, old in found[keep:]:
        if old == path:
            continue
        with contextlib.suppress(OSError):
            if uid is None or os.stat(old).st_uid == uid:
                os.unlink(old)
