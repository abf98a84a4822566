"""Page chrome: the lines of a web page that are not the story.

A generic extractor keeps what looks like prose, and news pages wrap their stories in prose that
is not news: subscription and newsletter prompts, ``Read more:`` links, share and comment
prompts, photo credits, copyright notices, affiliate disclosures, ``Category:`` labels and
printed time stamps. Left in, they become entities, quotes and dates. Each rule here is a kind
of line a reader recognises at a glance, stated for any site, not for one.

A line is judged alone and only when it is short: a paragraph of real prose that happens to
mention a newsletter is longer than the prompts are.
"""

from __future__ import annotations

import re

from newscli.dateline import MONTH_RE, parse_date_value
from newscli.regex_cache import compile as compile_re

# the longest line a rule may drop: prompts and credits are short; prose paragraphs are not
_MAX_CHROME = 260

# a label that opens the line: what follows is a link list, a credit or a page label
_LABEL_RE = compile_re(
    r"(?:read|see|watch|listen|click)\s+(?:more|also|next|here|now|the full story)\b"
    r"|(?:also|more)\s+read\b|related(?:\s+(?:stories|articles|coverage|news|content|links?))?\s*:"
    r"|(?:recommended|most\s+(?:read|popular|viewed)|trending|top\s+stories|more\s+from)\b"
    r"|(?:more|watch|listen|video|related|live)\s*:"
    r"|(?:categor(?:y|ies)|tags?|topics?|filed\s+under|posted\s+in|sections?|keywords)\s*:"
    r"|(?:release|publish(?:ed)?|posted|updated|last\s+updated|modified)\s+(?:date|on|at)?\s*:"
    r"|(?:photo|image|picture|video|graphic|illustration|file\s+photo)s?\s*(?:credit)?\s*:"
    r"|(?:credits?|source|caption|via)\s*:"
    r"|advertisement\b|sponsored\b|story continues below|continue reading\b"
    r"|(?:©|\(c\)\s|copyright\b)",
    re.I,
)
# prompts and notices anywhere in a short line
_PROMPT_RE = compile_re(
    r"\b(?:subscribe|subscribing|sign(?:ing)?[\s-]+up|signup|log\s*in\s+(?:to|for|here)"
    r"|newsletters?\b|already\s+a\s+subscriber|become\s+a\s+(?:member|subscriber)"
    r"|download\s+(?:our|the)\b[^.]{0,40}\bapps?\b|get\s+(?:our|the)\b[^.]{0,40}\b(?:app|newsletter)"
    r"|follow\s+(?:us|@?\w+(?:\s+\w+){0,4})\s+on\s+(?:twitter|facebook|instagram|linkedin|youtube"
    r"|tiktok|x\b|threads|telegram|whatsapp)"
    r"|(?:like|join)\s+us\s+on\s+(?:facebook|twitter|instagram)"
    r"|share\s+(?:this|on|via)\b|(?:leave|post|view|show|add)\s+(?:a\s+)?comments?\b"
    r"|join\s+the\s+(?:conversation|discussion)|comments?\s+(?:are|is)\s+closed"
    r"|(?:we\s+)?want\s+to\s+hear\s+(?:what\s+you\s+think|from\s+you)"
    r"|submit\s+(?:your|a)\s+letter|letters?\s+to\s+the\s+editor\s+(?:via|at|should)"
    r"|send\s+us\s+(?:a|your)\b|contact\s+us\s+at\b|tip\s+us\b|email\s+us\s+at\b"
    r"|all\s+rights\s+reserved|copyrighted\s+(?:property|material)"
    r"|(?:written\s+)?permission\s+(?:must|should)\s+be\s+obtained"
    r"|may\s+not\s+be\s+(?:reproduced|republished|published|copied|redistributed|rewritten)"
    r"|(?:affiliate|sponsored)\s+links?|(?:may|might)\s+earn\s+(?:a\s+)?(?:small\s+)?commission"
    r"|contains\s+(?:affiliate\s+links|references\s+to\s+products)"
    r"|we\s+recommend\s+the\s+best\s+products|independently\s+(?:selected|chosen|reviewed)"
    r"|to\s+(?:view|read|continue)\s+(?:the\s+full\s+story|reading)|for\s+the\s+full\s+story"
    r"|(?:breaking\s+news|latest\s+(?:news|stories))\s+(?:updates?|alerts?)\b"
    r"|never\s+miss\s+(?:the|a|an)\b|don'?t\s+miss\s+(?:out|a\s+story)"
    r"|(?:^|\s)\d+\s+min(?:ute)?s?\s+read\b|\bprint\s+this\s+(?:page|article))",
    re.I,
)
# a line that is nothing but a share bar, a credit or a count: "Share", "Tweet", "12 Comments"
_BARE_RE = compile_re(
    r"(?:share|tweet|email|print|comments?|reply|like|save|copy\s+link|facebook|twitter"
    r"|linkedin|whatsapp|pinterest|reddit|close|menu|advertisement|getty\s+images"
    r"|(?:posted|published|updated|last\s+updated)(?:\s+(?:on|at|by))?"
    r"|\d+\s+(?:comments?|shares?|views?|reads?))"
    r"(?:\s*[|/·•,]\s*(?:share|tweet|email|print|comments?|facebook|twitter|linkedin"
    r"|whatsapp|pinterest|reddit))*[\s.:]*",
    re.I,
)
# a credit at the end of a caption: "(Photo: Jane Roe/Reuters)", "REUTERS/Jane Roe", "Getty Images"
# (after the caption's sentence: "ENERGY/CALIFORNIA OIL" alone is a wire headline)
_CREDIT_END_RE = compile_re(
    r"(?:\((?i:photo|image|picture|credit|file)[^()]{0,80}\)"
    r"|(?<=[.!?)”\"] )(?:[A-Z]{2,}(?: [A-Z]{2,})?/[A-Z][a-z][\w.'’ -]{0,40}"
    r"|Getty Images|AFP via Getty Images|Shutterstock|AP Photo[^.]{0,40}|EPA-EFE[^.]{0,40}))"
    r"[\s.]*$"
)
_TIMESTAMP_RE = compile_re(
    r"(?:(?:last\s+)?updated|published|posted|first\s+published|modified|written)\b[\s:]*"
    r"(?:on|at)?\s*",
    re.I,
)

# a clock before the date: "10:55 AM ET, ", "11:25, "
_CLOCK_FIRST_RE = compile_re(
    r"\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?(?:\s+[A-Z]{2,4}\b)?\s*[,|]?\s*"
)


def chrome_kind(line: str) -> str | None:
    """Why ``line`` is page chrome (``label``, ``prompt``, ``share``, ``credit``, ``date``), or
    None when it may be story text."""
    s = line.strip()
    if not s:
        return None
    if len(s) > _MAX_CHROME:
        return None
    if _BARE_RE.fullmatch(s):
        return "share"
    if _LABEL_RE.match(s):
        return "label"
    if _PROMPT_RE.search(s):
        return "prompt"
    if _CREDIT_END_RE.search(s) and len(s) < 200 and not s.endswith(('"', "”")):
        return "credit"
    if printed_date(s) is not None:
        return "date"
    return None


# where a page's menus and breadcrumbs end up in copied text
_NAV_RE = compile_re(
    r"(?:go|skip|jump|back)\s+to\s+(?:the\s+)?(?:contents?|navigation|main\s+content|top|menu"
    r"|search|footer)"
    r"|(?:home|news|all\s+news|latest(?:\s+news)?|top\s+stories|menu|search|sections?)"
    r"\s*(?:>>?|»|›|/|\|)?"
    r"|[^\n]{1,60}(?:>>|»|›)\s*"
    r"|[\w&'’.-]+(?:\s+[\w&'’.-]+){0,3}(?:\s*[>»›|]\s*[\w&'’.-]+(?:\s+[\w&'’.-]+){0,3}){1,5}"
    r"|(?:www\.)?[\w-]{2,40}\.(?:com|net|org|info|news|co\.uk|co\.in|com\.pk|in|pk|tv|ru|cn)"
    r"|\d{1,3}\s+min(?:ute)?s?\s+(?:read|listen)"
    r"|(?:\d{1,2}|an?)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago|just\s+now",
    re.I,
)


def nav_line(line: str) -> bool:
    """A menu, breadcrumb, site name or reading-time line: ``Go to Contents``, ``Home>>``,
    ``World » Europe``, ``UrduPoint.com``, ``2 Min Read``."""
    s = line.strip()
    return 0 < len(s) <= 80 and _NAV_RE.fullmatch(s) is not None


_PARTS_RE = compile_re(r"\s*\|\s*|\s+/\s+")
# a written date with its year at the start of a line, whatever is glued to it
_DATE_FIRST_RE = compile_re(
    rf"(?:{MONTH_RE})\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{MONTH_RE}),?\s+\d{{4}}"
)
# three lower-case words in a row: prose, not a stamp
_WORDS_RE = compile_re(r"\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b")
# "(Xinhua) " before a time stamp
_SOURCE_TAG_RE = compile_re(r"\([^()\n]{1,30}\)\s*")
# "Published on ...", "Updated: ..." inside a longer line
_STAMP_INSIDE_RE = compile_re(
    r"\b(?:first\s+)?(?P<word>published|updated|posted|written)\b(?:\s+(?:on|at))?[:\s]+", re.I
)


def printed_date(line: str) -> str | None:
    """The publication date of a printed time-stamp line, or None: ``Updated 10:55 AM ET, Mon
    September 25, 2017``, ``10:05 October 10, 2023``, ``(Xinhua) 11:25, April 21, 2021``,
    ``January 13, 2019``, ``By UPI Staff | Jan. 03, 2018``, ``Our Bureau New Delhi | Updated
    on March 30, 2020 Published on March 30, 2020`` (a published date before an updated one).
    A line that says more than a stamp (a sentence that mentions a date) is not one."""
    s = line.strip()
    if len(s) > 160:
        return None
    found = _stamp(s)
    if found is not None:
        return found
    if "|" in s or " / " in s:  # "By UPI Staff | Jan. 03, 2018", "Jan. 3, 2024 / 9:15 AM"
        for part in _PARTS_RE.split(s):
            found = _stamp(part.strip())
            if found is not None:
                return found
    glued = _DATE_FIRST_RE.match(s)
    if glued and len(s) - glued.end() <= 40 and not _WORDS_RE.search(s, glued.end()):
        # "October 10, 20232:15 PM GMT+1Updated 2 hours ago": a stamp copied without spaces
        parsed = parse_date_value(glued.group())
        if parsed:
            return parsed[0]
    stamps = list(_STAMP_INSIDE_RE.finditer(s))
    if stamps and len(s) <= 120:
        dated = []
        for m in stamps:
            rest = s[m.end() :]
            clock = _CLOCK_FIRST_RE.match(rest)
            parsed = parse_date_value(rest[clock.end() :] if clock else rest)
            if parsed:
                dated.append((m.group("word").lower() not in ("published", "written"), parsed[0]))
        if dated:
            return min(dated)[1]  # a published date first, else the first stamp
    return None


def _stamp(s: str) -> str | None:
    """The date of ``s`` when all of it is one time stamp."""
    if len(s) > 80:
        return None
    tag = _SOURCE_TAG_RE.match(s)
    if tag:
        s = s[tag.end() :]
    m = _TIMESTAMP_RE.match(s)
    rest = s[m.end() :] if m else s
    clock = _CLOCK_FIRST_RE.match(rest)
    if clock:
        rest = rest[clock.end() :]
    parsed = parse_date_value(rest, whole=True)
    return parsed[0] if parsed else None


def drop_chrome(
    paragraphs: list[str], title: str | None = None
) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The paragraphs that may be story text, in order (``title`` itself is not chrome), and
    the ones set aside as ``(index, kind, line)``: a printed date is metadata to the caller."""
    kept: list[str] = []
    dropped: list[tuple[int, str, str]] = []
    for i, p in enumerate(paragraphs):
        kind = None if p == title else chrome_kind(p)
        if kind is None:
            kept.append(p)
        else:
            dropped.append((i, kind, p))
    return kept, dropped
