"""Text bound for a terminal: article text is data, so every character that could act on the
terminal (C0 and C1 controls, DEL, bidi marks, line separators) or make the write fail (a lone
surrogate from a truncated emoji) is shown as a visible escape: ``\\x1b``, ``\\u2028``.

One set of characters for every output that can reach a terminal: tables, ``read``, CSV on a
terminal, and the one-line diagnostics on stderr."""

from __future__ import annotations

import re

from newscli.regex_cache import compile as compile_re

# C0 controls but tab and newline, DEL and the C1 controls, the bidi marks, the line and
# paragraph separators, and lone surrogates
_UNSAFE_RE = compile_re(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
# the same, and tab and newline too: what must stay on one line
_UNSAFE_LINE_RE = compile_re(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str | None) -> str:
    """``text`` safe to print: every unsafe character a visible escape (tabs and newlines
    kept)."""
    if not text:
        return ""
    return _UNSAFE_RE.sub(_visible, text)


def inert_line(text: str) -> str:
    """``text`` safe to print on one line: tabs and newlines escaped too."""
    return _UNSAFE_LINE_RE.sub(_visible, text)
