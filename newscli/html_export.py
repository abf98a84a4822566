"""One self-contained HTML page showing the annotated article: something to attach to an email.

The page carries its CSS inline and nothing else: no script, no font, no image, no link is fetched,
and a Content-Security-Policy forbids them all. Every character of the article goes through
:func:`html.escape` (text and attributes alike), so ``<script>`` or ``"><img onerror=…>`` in an
article is shown, never run. Controls, bidi overrides and lone surrogates are shown as visible
``\\u202e`` escapes, as in the terminal, so no article can reorder or hide text on the page.

The text container (``div.nc-text``) holds exactly the article text and nothing else: the
speaker beside a quote and the value beside a time expression are CSS ``::after`` content of
empty marker elements, and everything else (label, speaker, TIMEX value) is in ``title=`` hover
text. Elements nest as role (title, dateline) > quote > entity > time expression; where spans of
different layers cross, the inner element is closed and reopened, so nesting stays valid.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from newscli import palette
from newscli.annotate import LABEL_NAMES, AnnotatedArticle, Block, Piece
from newscli.palette import tint
from newscli.regex_cache import compile as compile_re

_UNSAFE_RE = compile_re(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    r"\ud800-\udfff]"
)

# (background, accent) per label, from the one palette (the terminal's too): pale fills so that
# text stays readable, accents for borders.
LABEL_COLOURS = {label: (tint(c), c) for label, c in palette.LABEL_COLOURS.items()}
_OTHER_COLOURS = (tint(palette.OTHER_COLOUR), palette.OTHER_COLOUR)
QUOTE_ACCENT = palette.QUOTE_COLOUR

_BASE_CSS = """
:root{color-scheme:light;}
body{margin:0;background:#fafaf7;color:#1d1d1f;font:17px/1.6 Georgia,'Times New Roman',serif;}
main{max-width:46em;margin:0 auto;padding:1.5em 1.2em 3em;}
article.nc-article{background:#fff;border:1px solid #e3e3de;border-radius:8px;padding:1.4em 1.8em;
 margin:0 0 2em;}
h1.nc-h{font:600 1.45em/1.3 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 0 .5em;}
table.nc-meta{font:13px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;border-collapse:collapse;
 margin:0 0 1em;color:#333;}
table.nc-meta th{text-align:left;font-weight:600;padding:1px 1.2em 1px 0;vertical-align:top;
 color:#555;white-space:nowrap;}
table.nc-meta td{padding:1px 0;overflow-wrap:anywhere;}
.nc-legend{font:13px/2 system-ui,-apple-system,'Segoe UI',sans-serif;border-top:1px solid #eee;
 border-bottom:1px solid #eee;padding:.3em 0;margin:0 0 1.2em;}
.nc-legend>span{margin-right:1.1em;white-space:nowrap;}
.nc-legend small{color:#666;}
.nc-text{overflow-wrap:break-word;}
.nc-text p{margin:0 0 1em;white-space:normal;}
.nc-text .nc-header{white-space:pre-line;color:#555;margin:0 0 1em;}
.nc-title{font:600 1.15em/1.35 system-ui,-apple-system,'Segoe UI',sans-serif;color:#111;}
.nc-dateline{font-variant:small-caps;font-weight:600;letter-spacing:.03em;}
.nc-hdate,.nc-byline{font-style:italic;}
mark.nc-e{padding:0 .15em;border-radius:3px;border-bottom:2px solid;color:inherit;}
.nc-q{font-style:italic;background:#fff4e6;}
p.nc-has-q{border-left:4px solid %(quote)s;padding-left:.8em;margin-left:-1em;}
.nc-who::after{content:"\\2014\\00a0" attr(data-speaker);font:600 .78em system-ui,-apple-system,
 'Segoe UI',sans-serif;color:%(quote)s;margin-left:.35em;font-style:normal;white-space:nowrap;}
.nc-t{border-bottom:2px dotted #444;}
.nc-val::after{content:"[" attr(data-value) "]";font:.75em ui-monospace,Menlo,Consolas,monospace;
 color:#777;margin-left:.25em;font-style:normal;}
.nc-ctl{font:.8em ui-monospace,Menlo,Consolas,monospace;color:#b00;}
footer.nc-foot{font:12px system-ui,-apple-system,'Segoe UI',sans-serif;color:#888;
 text-align:center;}
"""


def _css() -> str:
    rules = [_BASE_CSS % {"quote": QUOTE_ACCENT}]
    for label, (bg, accent) in LABEL_COLOURS.items():
        rules.append(f"mark.nc-{label}{{background:{bg};border-color:{accent};}}")
    bg, accent = _OTHER_COLOURS
    rules.append(f"mark.nc-other{{background:{bg};border-color:{accent};}}")
    return "\n".join(rules)


def esc(text: str | None) -> str:
    """Escape for HTML text and attributes alike."""
    return html.escape(text or "", quote=True)


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    shown = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return f'<span class="nc-ctl" title="U+{code:04X}">{shown}</span>'


def text_html(text: str) -> str:
    """Article text as HTML: escaped, with unsafe characters shown as visible escapes."""
    out = esc(text)
    if _UNSAFE_RE.search(out):
        out = _UNSAFE_RE.sub(_visible, out)
    return out


def attr(text: str | None) -> str:
    """An attribute value: escaped, unsafe characters replaced by their escapes."""
    return esc(_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text or ""))


def _label_class(label: str) -> str:
    return f"nc-{label}" if label in LABEL_COLOURS else "nc-other"


_ROLE_CLASS = {"title": "nc-title", "dateline": "nc-dateline", "date": "nc-hdate"}


def _open(layer: str, piece: Piece) -> str:
    if layer == "role":
        return f'<span class="{_ROLE_CLASS.get(piece.role or "", "nc-byline")}">'
    if layer == "quote":
        q = piece.quote
        assert q is not None
        who = q.speaker or "unknown speaker"
        title = f"Quote {q.number} ({q.kind}) — {who}"
        return f'<span class="nc-q nc-q-{attr(q.kind)}" title="{attr(title)}">'
    if layer == "entity":
        e = piece.entity
        assert e is not None
        title = f"{e.label} · {e.name}"
        return (
            f'<mark class="nc-e {_label_class(e.label)}" title="{attr(title)}" '
            f'data-entity="{attr(e.id)}">'
        )
    t = piece.timex
    assert t is not None
    title = f"{t.type} · {t.value}" + (f" ({t.mod})" if t.mod else "")
    return f'<span class="nc-t" title="{attr(title)}">'


def _key(layer: str, piece: Piece) -> object:
    if layer == "role":
        return piece.role
    tag = {"quote": piece.quote, "entity": piece.entity, "timex": piece.timex}[layer]
    return tag  # frozen dataclasses: equal tags are the same span


def _layers(piece: Piece) -> list[tuple[str, object]]:
    out = []
    if piece.role is not None:
        out.append(("role", piece.role))
    for layer in ("quote", "entity", "timex"):
        key = _key(layer, piece)
        if key is not None:
            out.append((layer, key))
    return out


def _close(layer: str, key: object, at: int) -> str:
    end = "</mark>" if layer == "entity" else "</span>"
    if layer == "quote" and key.last and key.end == at:  # type: ignore[attr-defined]
        who = key.speaker or "unknown"  # type: ignore[attr-defined]
        end += f'<span class="nc-who" data-speaker="{attr(who)}"></span>'
    elif layer == "timex" and key.end == at:  # type: ignore[attr-defined]
        end += f'<span class="nc-val" data-value="{attr(key.value)}"></span>'  # type: ignore[attr-defined]
    return end


def block_html(block: Block) -> str:
    """The pieces of one block as properly nested inline elements."""
    out: list[str] = []
    stack: list[tuple[str, object]] = []
    pos = block.start
    for piece in block.pieces:
        want = _layers(piece)
        common = 0
        while common < len(stack) and common < len(want) and stack[common] == want[common]:
            common += 1
        while len(stack) > common:
            layer, key = stack.pop()
            out.append(_close(layer, key, pos))
        for layer, key in want[common:]:
            out.append(_open(layer, piece))
            stack.append((layer, key))
        out.append(text_html(piece.text))
        pos = piece.end
    while stack:
        layer, key = stack.pop()
        out.append(_close(layer, key, pos))
    return "".join(out)


def _meta_rows(doc: AnnotatedArticle) -> list[tuple[str, str]]:
    meta = doc.metadata
    rows: list[tuple[str, str]] = [("Source", doc.source)]
    if meta.date:
        extra = ", ".join(x for x in (meta.date_source, meta.date_precision) if x)
        rows.append(("Date", f"{meta.date} ({extra})" if extra else meta.date))
    if meta.dateline:
        d = meta.dateline
        parts = [p for p in (d.place, d.date_text, d.agency) if p]
        rows.append(("Dateline", " · ".join(parts) if parts else d.text))
    byline = ", ".join(meta.authors) if meta.authors else meta.byline
    if byline:
        rows.append(("Byline", byline))
    if meta.language:
        rows.append(("Language", meta.language))
    c = meta.counts
    if c.words:
        rows.append(
            (
                "Length",
                f"{c.words} words · {c.paragraphs} paragraphs · {meta.reading_minutes:g} min read",
            )
        )
    found = []
    names = {"quotes": "quotes", "entities": "entity mentions", "timeline": "time expressions"}
    for layer in doc.layers:
        if layer in doc.counts:
            found.append(f"{doc.counts[layer]} {names[layer]}")
    if found:
        rows.append(("Shown", " · ".join(found)))
    return rows


def _legend(doc: AnnotatedArticle) -> str:
    items = []
    for label in doc.labels:
        name = LABEL_NAMES.get(label, label.lower())
        items.append(
            f'<span><mark class="nc-e {_label_class(label)}">{esc(label)}</mark> '
            f"<small>{esc(name)}</small></span>"
        )
    if "quotes" in doc.layers:
        items.append(
            '<span><span class="nc-q">quote</span><span class="nc-who" data-speaker="speaker">'
            "</span></span>"
        )
    if "timeline" in doc.layers:
        items.append(
            '<span><span class="nc-t">time</span><span class="nc-val" data-value="value">'
            "</span></span>"
        )
    return f'<div class="nc-legend">{"".join(items)}</div>' if items else ""


def article_html(doc: AnnotatedArticle) -> str:
    """One ``<article>``: heading, metadata table, legend, then the annotated text."""
    heading = doc.metadata.title or doc.source
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{text_html(v)}</td></tr>" for k, v in _meta_rows(doc))
    body: list[str] = []
    for block in doc.blocks:
        if block.kind == "gap":
            body.append(text_html(block.pieces[0].text if block.pieces else ""))
        elif block.kind == "header":
            body.append(f'<div class="nc-header">{block_html(block)}</div>')
        else:
            cls = ' class="nc-has-q"' if block.has_quote else ""
            body.append(f"<p{cls}>{block_html(block)}</p>")
    return (
        '<article class="nc-article">'
        f'<h1 class="nc-h">{text_html(heading)}</h1>'
        f'<table class="nc-meta">{rows}</table>'
        f"{_legend(doc)}"
        f'<div class="nc-text">{"".join(body)}</div>'
        "</article>"
    )


_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'"


def render_html(docs: Sequence[AnnotatedArticle], *, title: str | None = None) -> str:
    """A complete page with every article in ``docs``, in order."""
    if title is None:
        title = (docs[0].metadata.title or docs[0].source) if docs else "newscli"
        if len(docs) > 1:
            title = f"{title} (+{len(docs) - 1} more)"
    lang = docs[0].metadata.language if docs and docs[0].metadata.language else "en"
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})?", lang):
        lang = "en"
    articles = "\n".join(article_html(d) for d in docs)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="newscli">\n'
        f"<title>{attr(title)}</title>\n<style>\n{_css()}\n</style>\n</head>\n<body>\n<main>\n"
        f"{articles}\n"
        '<footer class="nc-foot">made with newscli · hover a highlight for its label, '
        "speaker or value</footer>\n</main>\n</body>\n</html>\n"
    )


__all__ = ["LABEL_COLOURS", "article_html", "block_html", "esc", "render_html", "text_html"]
