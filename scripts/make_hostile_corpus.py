#!/usr/bin/env python3
"""Generate the hostile-input corpus of issue 7 into a folder, for tests and benchmarks.

    .venv/bin/python scripts/make_hostile_corpus.py OUT_DIR [--size BYTES] [--big BYTES]

Two kinds of hazard, both generated from scratch (no real article text, fixed random seed):

- **input faults** (files the reader must refuse or repair): a missing file, a permission-denied
  file, an empty folder, binary data, an empty and a whitespace-only file, invalid UTF-8,
  UTF-16 with and without a byte-order mark, mixed CR/LF/CRLF line ends, one very long line, a
  file over the size limit (sparse: it costs no disk), symlink loops and a dangling symlink;
- **text hazards** (valid text built to break extractors or to trigger super-linear regexes):
  odd and unbalanced quote marks, a quote never closed, 10,000 quote marks, quotes nested 50
  deep, 1 MB of capitalised words, of digits/dates/slashes, without spaces, right-to-left text
  with bidi controls, zero-width characters, emoji and combining marks, CJK, an all-capitals
  article, 100,000 paragraphs, Rich markup with ANSI/OSC escape sequences ...

``--size`` scales the text hazards (tests use a few kilobytes, ``bench/adversarial.py`` 1 MB).
:func:`build` returns a manifest: one :class:`Case` per command-line argument, saying whether
newscli should print a result (``ok``) or an error record (``error``) for it.
Importable: ``hazards(size)`` gives the text hazards as ``{name: text}``.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import random
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

SEED = 7
PROSE = (
    "The minister said on Monday that the talks in Geneva would resume next week. "
    "Officials from both sides met for three hours, according to a statement. "
    '"We are not there yet," Anna Keller told reporters, adding that a deal was close. '
    "The agreement, signed on 12 March 2021, expires at the end of the year.\n\n"
)
WORDS = (
    "minister talks week officials statement agreement council river budget harbour election "
    "court village winter market company report vote border train festival school"
).split()
CAPS = (
    "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima Mike November "
    "Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey Xray Yankee Zulu Geneva "
    "Paris Keller Smith University Ministry Bank President Minister"
).split()
QUOTE_MARKS = "\"'“”‘’«»„‚‹›「」『』`"


def _fill(unit: Callable[[random.Random], str], size: int, seed: int = SEED) -> str:
    """Repeat ``unit`` (a function of a seeded RNG) until the text reaches ``size`` characters."""
    rng = random.Random(seed)
    parts: list[str] = []
    n = 0
    while n < size:
        piece = unit(rng)
        parts.append(piece)
        n += len(piece)
    return "".join(parts)[:size]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(5, 14))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + ". "


# --- text hazards -----------------------------------------------------------------------------


def _odd_quotes(rng: random.Random) -> str:
    words = []
    for _ in range(12):
        w = rng.choice(WORDS + CAPS)
        r = rng.random()
        if r < 0.35:
            w = rng.choice(QUOTE_MARKS) + w
        elif r < 0.6:
            w += rng.choice(QUOTE_MARKS)
        words.append(w)
    return " ".join(words) + rng.choice([". ", ", said Keller. ", ' " ', "\n\n", ": "])


def _nested(rng: random.Random, depth: int = 50) -> str:
    opens = ["“", "‘", "«", '"', "'", "„"]
    closes = {"“": "”", "‘": "’", "«": "»", '"': '"', "'": "'", "„": "“"}
    stack = [rng.choice(opens) for _ in range(depth)]
    head = " ".join(f"{q}{rng.choice(CAPS)} said" for q in stack)
    tail = " ".join(f"{rng.choice(WORDS)}{closes[q]}" for q in reversed(stack))
    return f"Keller said: {head} {tail}, she added.\n\n"


def _digits(rng: random.Random) -> str:
    forms = (
        lambda: f"{rng.randint(1, 31)}/{rng.randint(1, 12)}/{rng.randint(1900, 2100)}",
        lambda: f"{rng.randint(1000, 2999)}-{rng.randint(0, 19):02d}-{rng.randint(0, 39):02d}",
        lambda: "/".join(str(rng.randint(0, 99)) for _ in range(rng.randint(2, 12))),
        lambda: str(rng.randint(0, 10**12)),
        lambda: f"{rng.randint(0, 29)}:{rng.randint(0, 69):02d}",
        lambda: f"{rng.randint(1900, 2100)}-{rng.randint(1900, 2100)}",
        lambda: f"{rng.randint(1, 999)}.{rng.randint(0, 999)},{rng.randint(0, 999)}",
        lambda: "12 March 2021",
        lambda: f"{rng.randint(1, 28)} {rng.choice(['Jan', 'May', 'Sept.', 'december'])}",
        lambda: "Q3 2020 FY2021 H1 1990s 2020s",
    )
    return " ".join(rng.choice(forms)() for _ in range(10)) + rng.choice([" ", "\n", ". ", "/"])


def _rtl(rng: random.Random) -> str:
    arabic = "قال الوزير يوم الاثنين إن المحادثات في جنيف ستستأنف الأسبوع المقبل".split()
    hebrew = "השר אמר ביום שני כי השיחות בז'נבה יתחדשו בשבוע הבא".split()
    bidi = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
    words = []
    for _ in range(14):
        w = rng.choice(arabic + hebrew + CAPS)
        if rng.random() < 0.3:
            w = rng.choice(bidi) + w + rng.choice(bidi)
        words.append(w)
    return " ".join(words) + rng.choice([". ", "« قال »", " “كلام” ", ".\n\n"])


def _zero_width(rng: random.Random) -> str:
    zw = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
    out = []
    for ch in _sentence(rng) + rng.choice(CAPS) + ' said "yes." ':
        out.append(ch)
        if rng.random() < 0.3:
            out.append(rng.choice(zw))
    return "".join(out)


def _emoji(rng: random.Random) -> str:
    emoji = ["👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇺🇦", "❤️", "🔥", "😀", "🧑🏿‍🚀"]
    combining = "".join(chr(c) for c in range(0x300, 0x36F))
    words = []
    for _ in range(10):
        w = rng.choice(WORDS + CAPS)
        if rng.random() < 0.4:
            w = "".join(c + "".join(rng.choices(combining, k=rng.randint(0, 6))) for c in w)
        if rng.random() < 0.3:
            w += rng.choice(emoji)
        words.append(w)
    return " ".join(words) + rng.choice([". ", " “ok” ", "!\n\n"])


def _cjk(rng: random.Random) -> str:
    zh = "外交部长星期一表示日内瓦的会谈将于下周恢复双方官员会面三个小时"
    ja = "大臣は月曜日にジュネーブでの協議が来週再開されると述べた"
    quote = rng.choice(["「", "『", "“"]) + "".join(rng.choices(zh + ja, k=12))
    quote += {"「": "」", "『": "』", "“": "”"}[quote[0]]
    body = "".join(rng.choices(zh + ja, k=rng.randint(10, 40)))
    return (
        body
        + rng.choice(["。", "，", "、", "！", "？"])
        + quote
        + "他说。"
        + rng.choice(["", "\n\n"])
    )


def _caps_article(rng: random.Random) -> str:
    return (
        f"{rng.choice(CAPS).upper()} {rng.choice(CAPS).upper()} SAID ON MONDAY THAT THE "
        f'{rng.choice(WORDS).upper()} IN GENEVA WOULD RESUME NEXT WEEK. "WE ARE CLOSE," '
        f"{rng.choice(CAPS).upper()} TOLD REUTERS ON 12 MARCH 2021.\n\n"
    )


def _markup(rng: random.Random) -> str:
    bits = [
        "[bold red]",
        "[/]",
        "[link=https://example.com]click[/link]",
        "\x1b[31m",
        "\x1b[0m",
        "\x1b[2J",
        "\x1b[1;1H",
        "\x1b]0;pwned\x07",
        "\x1b]8;;https://example.com\x07link\x1b]8;;\x07",
        "\x1b]52;c;cHduZWQ=\x07",
        "\r",
        "\x08\x08",
        "\x9b31m",
        "\x9d0;title\x9c",
        "\x00",
        "\x7f",
        "\u202e",
        "\x1bP+q\x1b\\",
    ]
    return _sentence(rng) + "".join(rng.choices(bits, k=4)) + ' "Quote [i]x[/i]" said Keller. '


def hazards(size: int = 1_000_000) -> dict[str, str]:
    """The text hazards, each about ``size`` characters (the paragraph article: 100,000
    paragraphs at full size, proportionally fewer below)."""
    paragraphs = max(10, size // 10)
    dated = "date 2020-04-27 "
    return {
        "quotes_unbalanced": _fill(_odd_quotes, size),
        "quote_never_closed": "GENEVA, May 4 (Reuters) - Keller said: “"
        + _fill(_sentence, size).replace('"', ""),
        "quote_marks_10000": 'He said "'
        + '"' * 10_000
        + " and “"
        + "”“" * 5_000
        + " end.\n\n"
        + _fill(lambda r: '"' + r.choice(WORDS) + '" ', max(0, size - 30_000)),
        "quotes_nested_50": _fill(_nested, size),
        "capitalised_words": _fill(lambda r: r.choice(CAPS) + " ", size),
        "capitalised_sentences": _fill(
            lambda r: " ".join(r.choice(CAPS) for _ in range(r.randint(1, 30))) + r.choice(". "),
            size,
        ),
        "digits_dates_slashes": dated + _fill(_digits, size),
        "no_spaces_letters": _fill(lambda r: r.choice(CAPS) + r.choice(WORDS), size),
        "no_spaces_punct": _fill(lambda r: r.choice(WORDS) + r.choice(".,;:-/'’\"“”()"), size),
        "one_char_repeated": "a" * size,
        "dots_repeated": "." * size,
        "hyphen_chain": "-".join(["ab"] * (size // 3)),
        "apostrophe_chain": "’".join(["d"] * (size // 2)),
        "initials_chain": "A. " * (size // 3),
        "abbreviations": _fill(
            lambda r: r.choice(["Mr. ", "U.S. ", "Inc. ", "Gen. ", "St. "]), size
        ),
        "rtl_bidi": _fill(_rtl, size),
        "zero_width": _fill(_zero_width, size),
        "emoji_combining": _fill(_emoji, size),
        "cjk": _fill(_cjk, size),
        "all_capitals": "GENEVA, MAY 4 (REUTERS) - " + _fill(_caps_article, size),
        # ten characters a paragraph: 100,000 paragraphs in the same 1 MB as the other cases
        "many_paragraphs": "".join(
            f"{WORDS[i % len(WORDS)][:3].title():<3} ran.\n\n" for i in range(paragraphs)
        ),
        "newlines_only_lines": _fill(
            lambda r: r.choice(WORDS) + r.choice(["\n", "\r", "\r\n"]), size
        ),
        "header_lines": _fill(
            lambda r: r.choice(["Title: x\n", "By: Keller\n", "Date: 2020\n"]), size
        ),
        "markup_ansi_osc": _fill(_markup, size),
        "said_cues": _fill(lambda r: r.choice(CAPS) + " said " + r.choice(CAPS) + " told ", size),
        "month_names": _fill(
            lambda r: r.choice(["May ", "March ", "June 3 ", "Monday ", "last ", "next ", "ago "]),
            size,
        ),
        "prose": _fill(lambda r: PROSE, size),
        # an opening single quote every 15 characters, never closed, in one long paragraph
        "single_opens_sparse": _fill(lambda r: "‘a bb cc dd ee ", size),
        "blank_runs": _fill(lambda r: r.choice(WORDS) + " " * r.randint(1, 5000) + "\t", size),
    }


# --- input faults -----------------------------------------------------------------------------


@dataclass(slots=True)
class Case:
    """One command-line argument and what newscli should do with it.

    ``expect``: ``ok`` (one result each), ``error`` (one error record each); ``records`` is how
    many outputs (results plus error records) the argument yields (a folder may yield several).
    ``note`` explains the case; ``root_ok`` marks cases root can read (permission denied)."""

    arg: str
    expect: str
    records: int = 1
    note: str = ""
    root_ok: bool = False


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def build(
    out: str | os.PathLike[str],
    *,
    size: int = 1_000_000,
    big: int | None = None,
    max_bytes: int = 20_000_000,
) -> list[Case]:
    """Write the corpus into ``out`` (created if needed); return the manifest.

    ``big`` is the length of the single-line file (default ``10 * size``); the over-the-limit
    file is a sparse file one byte over ``max_bytes``."""
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    big = 10 * size if big is None else big
    rng = random.Random(SEED)
    cases: list[Case] = []
    faults = root / "faults"
    faults.mkdir(exist_ok=True)

    def add(path: Path, expect: str, note: str, **kw: object) -> None:
        cases.append(Case(str(path), expect, note=note, **kw))  # type: ignore[arg-type]

    add(faults / "missing.txt", "error", "no such file")
    denied = _write(faults / "denied.txt", PROSE)
    os.chmod(denied, 0)
    add(denied, "error", "permission denied (root can still read it)", root_ok=True)
    empty_dir = faults / "empty_folder"
    empty_dir.mkdir(exist_ok=True)
    (empty_dir / "notes.csv").write_text("not,an,article\n")
    add(empty_dir, "error", "a folder with no articles")
    binary = bytes(rng.randrange(256) for _ in range(4096)) + b"\x00\x00\x00\x7fELF"
    add(_write(faults / "binary.txt", b"\x7fELF\x02\x01\x01\x00" + binary), "error", "binary")
    add(_write(faults / "empty.txt", b""), "error", "empty file")
    blank = " \t\n\r\n\x0c\x0b \u3000\u00a0\n"
    add(_write(faults / "whitespace.txt", blank), "error", "whitespace only")
    add(_write(faults / "bom_only.txt", codecs.BOM_UTF8), "error", "a UTF-8 BOM and nothing else")
    latin = PROSE.replace("Geneva", "Genève").replace("Keller", "Kellér").encode("cp1252")
    add(_write(faults / "invalid_utf8.txt", latin + b"\x81\x8d\x8f\x90\x9d\xff"), "ok", "cp1252")
    add(_write(faults / "truncated_utf8.txt", PROSE.encode() + "é".encode()[:1]), "ok", "cut")
    for name, codec, bom in (
        ("utf16le_bom.txt", "utf-16-le", codecs.BOM_UTF16_LE),
        ("utf16be_bom.txt", "utf-16-be", codecs.BOM_UTF16_BE),
        ("utf16le_nobom.txt", "utf-16-le", b""),
        ("utf16be_nobom.txt", "utf-16-be", b""),
        ("utf32le_bom.txt", "utf-32-le", codecs.BOM_UTF32_LE),
    ):
        add(_write(faults / name, bom + PROSE.encode(codec)), "ok", name[:-4])
    add(
        _write(
            faults / "utf16_odd_length.txt",
            codecs.BOM_UTF16_LE + PROSE.encode("utf-16-le") + b"\x41",
        ),
        "error",
        "UTF-16 with a dangling byte",
    )
    mixed = PROSE.replace("\n\n", "\r\n\r\n", 1).replace(". ", ".\r", 2).replace(", ", ",\n", 2)
    add(_write(faults / "mixed_newlines.txt", mixed), "ok", "CR, LF and CRLF")
    add(_write(faults / "cr_only.txt", PROSE.replace("\n", "\r")), "ok", "old Mac line ends")
    add(
        _write(faults / "one_long_line.txt", _fill(lambda r: PROSE.replace("\n", " "), big)),
        "ok",
        f"a single {big:,}-byte line",
    )
    over = faults / "too_large.txt"
    with open(over, "wb") as fh:
        fh.truncate(max_bytes + 1)  # sparse: no disk used, refused on its size alone
    add(over, "error", f"{max_bytes + 1:,} bytes > the {max_bytes:,}-byte limit")
    dangling = faults / "dangling.txt"
    if not dangling.is_symlink():
        dangling.symlink_to(faults / "nowhere.txt")
    add(dangling, "error", "a dangling symbolic link")
    # a folder with a symlink loop to itself, two .txt links pointing at each other, a dangling
    # .txt link, and one real article: the article and each broken .txt link are accounted for
    loop = faults / "loop_folder"
    loop.mkdir(exist_ok=True)
    _write(loop / "real.txt", PROSE)
    for link, target in (("self", "."), ("a.txt", "b.txt"), ("b.txt", "a.txt"), ("gone.txt", "x")):
        if not (loop / link).is_symlink():
            (loop / link).symlink_to(target)
    add(loop, "ok", "1 article + 3 broken .txt links (loops, dangling)", records=4)
    # HTML that must not reach the network nor expand entities
    html = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<html><head><title>T</title><script src="https://example.com/x.js">alert(1)</script>'
        "<style>p{}</style><!-- comment --><link rel=stylesheet href=https://example.com/s.css>"
        "</head><body><article><p>&xxe; GENEVA, May 4 (Reuters) - Talks <b>resumed<p>unclosed"
        "<img src=https://example.com/pixel.gif><iframe src=https://example.com></iframe>"
        "</article></body>"
    )
    add(_write(faults / "hostile.html", html), "ok", "scripts, entities, malformed markup")

    # the edges of the "nothing lost, nothing leaks, nothing hangs" issue
    story = PROSE.replace("\n\n", " ").strip()
    corpora = root / "corpora"
    corpora.mkdir(exist_ok=True)
    lines = [json.dumps({"id": "cut", "text": story + " \ud83d"}), json.dumps({"text": story})]
    add(_write(corpora / "surrogate.jsonl", "\n".join(lines) + "\n"), "ok", "lone surrogate",
        records=2)  # fmt: skip
    deep = "[" * 5000 + "]" * 5000
    add(_write(corpora / "deep.jsonl", deep + "\n" + lines[1] + "\n"), "error",
        "a line nested 5,000 deep, then a good record", records=2)  # fmt: skip
    objid = json.dumps({"id": {"nested": True}, "text": story})
    add(_write(corpora / "object_id.jsonl", objid + "\n"), "ok", "an object as the id")
    unclosed = f'id,text\na,"{story}"\nb,"{story}\nc,{story}\nd,{story}\n'
    add(_write(corpora / "unterminated.csv", unclosed), "ok",
        "a quote never closed swallows the rest", records=2)  # fmt: skip
    fifo = faults / "fifo.txt"
    if not fifo.exists():
        os.mkfifo(fifo)
    add(fifo, "error", "a FIFO: refused, never opened")
    nested = faults / "nested_folder"
    here = nested
    for _ in range(300):  # deep enough to show the walk has no recursion in it
        here = here / "d"
    here.mkdir(parents=True, exist_ok=True)
    _write(here / "bottom.txt", PROSE)
    _write(nested / "top.txt", PROSE)
    add(nested, "ok", "a folder 300 deep, an article at each end", records=2)
    escape = faults / "escape_folder"
    escape.mkdir(exist_ok=True)
    _write(escape / "inside.txt", PROSE)
    if not (escape / "parent").is_symlink():
        (escape / "parent").symlink_to("..")
    add(escape, "ok", "a link to the parent folder is not followed")
    for name, header in (("date_year_1.txt", "0001-01-01"), ("date_year_9999.txt", "9999-12-31")):
        add(
            _write(faults / name, f"Date: {header}\n\n{PROSE}"),
            "ok",
            "a date at the calendar's end",
        )
    zero = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "0001-01-01T00:00:00Z"}</script></head><body><article><p>'
        + story
        + "</p></article></body></html>"
    )
    add(_write(faults / "zero_date.html", zero), "ok", "a page dated 0001-01-01 (a placeholder)")

    texts = root / "texts"
    texts.mkdir(exist_ok=True)
    for name, text in hazards(size).items():
        add(_write(texts / f"{name}.txt", text), "ok", f"text hazard, {len(text):,} characters")
    (root / "manifest.json").write_text(json.dumps([asdict(c) for c in cases], indent=1))
    return cases


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="folder to write into (created if needed)")
    ap.add_argument("--size", type=int, default=1_000_000, help="text hazard size (characters)")
    ap.add_argument("--big", type=int, default=None, help="single-line file size (default 10x)")
    ap.add_argument("--max-bytes", type=int, default=20_000_000, help="the limit to exceed")
    args = ap.parse_args(argv)
    cases = build(args.out, size=args.size, big=args.big, max_bytes=args.max_bytes)
    for c in cases:
        print(f"{c.expect:5}  {c.records}  {c.arg}  ({c.note})")
    print(f"{len(cases)} arguments written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
