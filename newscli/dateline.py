"""Wire datelines and written dates.

A dateline is the place (and often the date and the agency) that opens a wire story:
``MOSCOW, April 27. /TASS/.``, ``NEW YORK, March 3 -``, ``WASHINGTON (Reuters) -``,
``SEOUL, Oct. 10 (Yonhap) --``, ``New Delhi, November 17:``, ``MOSCOW:``. It is matched only at the
start of one of the first body paragraphs, with one anchored regular expression whose every
repetition is bounded, so the cost is constant per paragraph whatever the article length.

A dateline's date has no year in most styles; its ISO form is only given when a year is known
(from the date in the dateline itself or from the article date), never guessed.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from functools import cache
from pathlib import Path

from newscli.record import record
from newscli.regex_cache import compile as compile_re

# --- months and written dates -----------------------------------------------------------------

_MONTH_WORDS = (
    # English, then French, Spanish, German, Italian, Portuguese and Dutch (hand-written)
    "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug"
    "|september sept sep|october oct|november nov|december dec",
    "janvier janv|février fevrier févr fevr|mars|avril avr|mai|juin|juillet juil|août aout"
    "|septembre|octobre|novembre|décembre decembre déc",
    "enero ene|febrero|marzo|abril abr|mayo|junio|julio|agosto|septiembre setiembre|octubre"
    "|noviembre|diciembre dic",
    "januar jänner|februar|märz|april|mai|juni|juli|august|september|oktober okt|november"
    "|dezember dez",
    "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre",
    "janeiro|fevereiro|março marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro"
    "|dezembro",
    "januari|februari|maart mrt|april|mei|juni|juli|augustus|september|oktober|november|december",
)
_MONTHS: dict[str, int] = {}
for _lang in _MONTH_WORDS:
    for _i, _names in enumerate(_lang.split("|"), start=1):
        for _name in _names.split():
            _MONTHS.setdefault(_name, _i)
MONTH_RE = (
    "(?i:"
    + "|".join(re.escape(k) for k in sorted(_MONTHS, key=lambda k: (-len(k), k)))
    + r")\.?(?![^\W\d_])"
)
_WEEKDAY_RE = (
    r"(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day|sday|nesday|rsday|urday)?\.?,?\s+"
)
_DAY_RE = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
_YEAR_RE = r"(?:,?\s+(?:de\s+)?\d{4}(?!\d))"
# "April 27", "Oct. 10", "March 3, 2020", "27 April", "27 April 2020", "Tuesday, May 5",
# "17 de noviembre", "17. November"
DATE_TEXT_RE = (
    rf"(?:{_WEEKDAY_RE})?(?:{MONTH_RE}\s+{_DAY_RE}{_YEAR_RE}?"
    rf"|{_DAY_RE}\.?\s+(?:de\s+)?{MONTH_RE}{_YEAR_RE}?)"
)
_DATE_PARTS_SRC = (
    rf"(?:{_WEEKDAY_RE})?(?:(?P<m1>{MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
    rf"(?:,?\s+(?P<y1>\d{{4}})(?!\d))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<m2>{MONTH_RE})"
    rf"(?:,?\s+(?:de\s+)?(?P<y2>\d{{4}})(?!\d))?)"
)


@cache
def _date_parts_re() -> re.Pattern[str]:
    """Compiled on first use: ``re`` compiles in pure Python and the month list makes this
    pattern cost milliseconds, which a run without a dated dateline need not pay."""
    return compile_re(_DATE_PARTS_SRC)


def month_number(word: str) -> int | None:
    return _MONTHS.get(word.strip(". ").lower())


def date_text_parts(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a dateline date such as ``Oct. 10`` or ``3 March 2020``."""
    m = _date_parts_re().match(text.strip())
    if not m:
        return None
    month = month_number(m.group("m1") or m.group("m2"))
    day = int(m.group("d1") or m.group("d2"))
    y = m.group("y1") or m.group("y2")
    if month is None or not 1 <= day <= 31:
        return None
    return month, day, int(y) if y else None


def _valid(y: int, m: int, d: int) -> bool:
    try:
        _dt.date(y, m, d)
    except ValueError:
        return False
    return True


def resolve_year(month: int, day: int, ref: str | None) -> str | None:
    """ISO date for a year-less ``month/day`` near the reference date ``ref`` (ISO), or None.

    The year is the one that puts the day closest to the reference (a dateline of December 31
    on a story dated January 1 belongs to the previous year)."""
    if not ref or len(ref) < 4 or not ref[:4].isdigit():
        return None
    year = int(ref[:4])
    try:
        ref_day = _dt.date.fromisoformat(ref[:10]) if len(ref) >= 10 else None
    except ValueError:
        ref_day = None
    if ref_day is None:
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None
    best: _dt.date | None = None
    for y in (year - 1, year, year + 1):
        if not _valid(y, month, day):
            continue
        cand = _dt.date(y, month, day)
        if best is None or abs((cand - ref_day).days) < abs((best - ref_day).days):
            best = cand
    return best.isoformat() if best else None


# --- full written dates (header lines, HTML meta) ---------------------------------------------

# Time zones as news pages write them; the abbreviations are the common unambiguous ones.
_ZONES = {
    "UTC": "Z", "GMT": "Z", "Z": "Z", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00",
    "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
    "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00",
    "MSK": "+03:00", "IST": "+05:30", "PKT": "+05:00", "JST": "+09:00", "KST": "+09:00",
    "HKT": "+08:00", "SGT": "+08:00", "AEST": "+10:00", "AEDT": "+11:00",
}  # fmt: skip
_TZ_RE = (
    r"(?:[+-]\d{2}(?::?\d{2})?|(?i:" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")\b)"
)
_ISO_RE = compile_re(
    r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d{1,9})?)?"
    rf"[ ]?(?P<tz>{_TZ_RE})?)?)?)?"
)
_COMPACT_RE = compile_re(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T(?P<H>\d{2})(?P<M>\d{2}))?")
_WRITTEN_SRC = (
    rf"(?:{_WEEKDAY_RE})?(?:(?P<m1>{MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(?P<m2>{MONTH_RE}),?\s+(?:de\s+)?"
    r"(?P<y2>\d{4})"
    rf"|(?P<m3>{MONTH_RE})\s+(?P<y3>\d{{4}}))(?!\d)"
    r"(?:,?\s*(?:at\s+)?(?P<H>\d{1,2})[:.](?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ap>[ap]\.?m\.?)?"
    rf"(?:\s*(?P<tz>{_TZ_RE}))?)?"
)


@cache
def _written_re() -> re.Pattern[str]:
    """Compiled on first use (only header lines and HTML dates need it; see above)."""
    return compile_re(_WRITTEN_SRC, re.I)


_NUMERIC_RE = compile_re(
    r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})(?!\d)"
    r"|(?P<y2>\d{4})[./](?P<m2>\d{1,2})[./](?P<d2>\d{1,2})(?!\d)"
)


def _tz(tz: str | None) -> str:
    if not tz:
        return ""
    tz = tz.upper()
    if tz in _ZONES:
        return _ZONES[tz]
    sign, digits = tz[0], tz[1:].replace(":", "")
    if len(digits) == 2:
        digits += "00"
    return f"{sign}{digits[:2]}:{digits[2:4]}"


def parse_date_value(value: str, *, whole: bool = False) -> tuple[str, str] | None:
    """ISO 8601 string and precision (``day``/``month``/``year``) of a written date, or None.

    Accepts ISO 8601 (with time and offset), ``20200427``, ``April 27, 2020``, ``27 April 2020``,
    ``April 2020``, ``27.04.2020`` (day first), ``2020/04/27``, optionally with a weekday and a
    time (and a zone: ``+03:00``, ``GMT``, ``EST``). A time is kept with its offset when given;
    nothing is invented: no year, no date. With ``whole`` the date must be all of ``value``
    (a line that merely starts with a date is not a date line)."""
    s = value.strip()
    if not s or len(s) > 200:
        return None
    found = _parse_date(s)
    if found is None:
        return None
    iso, precision, end = found
    if whole and s[end:].strip(" \t.,;|()[]-–—"):
        return None
    return iso, precision


def _time(iso: str, m: re.Match[str], ap: str = "") -> str:
    hh, mm = int(m.group("H")), int(m.group("M"))
    if ap == "pm" and hh < 12:
        hh += 12
    elif ap == "am" and hh == 12:
        hh = 0
    if hh > 23 or mm > 59:
        return iso
    return f"{iso}T{hh:02d}:{mm:02d}:{m.group('S') or '00'}{_tz(m.group('tz'))}"


def _parse_date(s: str) -> tuple[str, str, int] | None:
    m = _ISO_RE.match(s)
    if m and m.group("m") is None and len(s) != 4:
        m = None  # "2021/03/04", "2021 March": not ISO
    if m and (len(s) == m.end() or not s[m.end()].isdigit()):
        y, mo, d = int(m.group("y")), m.group("m"), m.group("d")
        if mo is None:
            return (f"{y:04d}", "year", m.end()) if 1000 <= y <= 2999 else None
        if d is None:
            return (f"{y:04d}-{mo}", "month", m.end()) if 1 <= int(mo) <= 12 else None
        if not _valid(y, int(mo), int(d)):
            return None
        iso = f"{y:04d}-{mo}-{d}"
        if m.group("H") is not None:
            iso = _time(iso, m)
        return iso, "day", m.end()
    m = _COMPACT_RE.fullmatch(s)
    if m:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        return (f"{y:04d}-{mo:02d}-{d:02d}", "day", m.end()) if _valid(y, mo, d) else None
    m = _written_re().match(s)
    if m:
        if m.group("m3"):
            mo = month_number(m.group("m3"))
            return (f"{int(m.group('y3')):04d}-{mo:02d}", "month", m.end()) if mo else None
        mo = month_number(m.group("m1") or m.group("m2") or "")
        d = int(m.group("d1") or m.group("d2"))
        y = int(m.group("y1") or m.group("y2"))
        if mo is None or not _valid(y, mo, d):
            return None
        iso = f"{y:04d}-{mo:02d}-{d:02d}"
        if m.group("H") is not None:
            iso = _time(iso, m, (m.group("ap") or "").replace(".", "").lower())
        return iso, "day", m.end()
    m = _NUMERIC_RE.match(s)
    if m:
        g = m.group
        y, mo, d = int(g("y") or g("y2")), int(g("m") or g("m2")), int(g("d") or g("d2"))
        return (f"{y:04d}-{mo:02d}-{d:02d}", "day", m.end()) if _valid(y, mo, d) else None
    return None


# --- agencies ---------------------------------------------------------------------------------

# Canonical spelling of the news agencies a dateline may name, keyed by lower-cased variants.
_AGENCY_NAMES = {
    "TASS": ("tass", "itar-tass", "itar tass"),
    "Reuters": ("reuters", "thomson reuters", "reuter"),
    "AP": ("ap", "associated press", "the associated press"),
    "AFP": ("afp", "agence france-presse", "agence france presse"),
    "Xinhua": ("xinhua", "xinhuanet"),
    "Yonhap": ("yonhap", "yonhap news agency"),
    "KCNA": ("kcna",),
    "Kyodo": ("kyodo", "kyodo news"),
    "Jiji": ("jiji", "jiji press"),
    "Interfax": ("interfax",),
    "RIA Novosti": ("ria novosti", "ria"),
    "Sputnik": ("sputnik",),
    "dpa": ("dpa",),
    "ANSA": ("ansa",),
    "EFE": ("efe",),
    "PTI": ("pti",),
    "IANS": ("ians",),
    "ANI": ("ani",),
    "UPI": ("upi", "united press international"),
    "Bloomberg": ("bloomberg",),
    "CNN": ("cnn",),
    "AAP": ("aap",),
    "APP": ("app",),
    "UNI": ("uni",),
    "IRNA": ("irna",),
    "Anadolu": ("anadolu", "aa"),
    "Bernama": ("bernama",),
    "Antara": ("antara",),
    "CP": ("cp", "canadian press", "the canadian press"),
    "PA": ("pa", "press association"),
    "Belga": ("belga",),
    "Prensa Latina": ("prensa latina",),
    "WAFA": ("wafa",),
    "KUNA": ("kuna",),
    "WAM": ("wam",),
    "SPA": ("spa",),
    "MENA": ("mena",),
    "BSS": ("bss",),
    "Ukrinform": ("ukrinform",),
    "BelTA": ("belta",),
    "Europa Press": ("europa press",),
    "APA": ("apa",),
    "ANP": ("anp",),
    "Lusa": ("lusa",),
    "Agência Brasil": ("agência brasil", "agencia brasil"),
    "Adnkronos": ("adnkronos",),
    "AGI": ("agi",),
    "PAP": ("pap",),
    "CTK": ("ctk", "čtk"),
    "MTI": ("mti",),
    "NTB": ("ntb",),
    "Ritzau": ("ritzau",),
    "STT": ("stt",),
    "KNA": ("kna",),
    "EPA": ("epa",),
    "PNA": ("pna",),
    "Notimex": ("notimex",),
    "Tanjug": ("tanjug",),
    "Hina": ("hina",),
    "BTA": ("bta",),
    "Agerpres": ("agerpres",),
    "Trend": ("trend",),
}
AGENCIES = {v: k for k, vs in _AGENCY_NAMES.items() for v in vs}
_AGENCY_WORD_RE = compile_re(r"[A-Za-z][A-Za-z\-]*")


# a news site named as the source: "(STL.News)", "KOMPAS.com", "(UrduPoint News"
_SITE_AGENCY_RE = compile_re(
    r"[A-Za-z][\w\-]{1,30}\.(?i:com|news|net|org|in|pk|tv|info|co(?:\.[a-z]{2})?)"
    r"|[A-Z][\w\-]{1,20}(?: [A-Z][\w\-]{1,20})? (?:News|Press|Agency|Newswire|Wire)"
)
_AFTER_AGENCY_RE = compile_re(r"\s+[-–—]\s+")


def canonical_agency(raw: str) -> str | None:
    """The agency a dateline tag names: a known agency in canonical spelling, an unknown
    all-caps acronym or a news site's name as written, a pair of them (``UrduPoint News /
    Sputnik``), else None (``(AP Photo)``, ``(file)`` are not agencies). A date after the
    agency (``Sputnik - 03rd September, 2020``) is not part of it."""
    s = _AFTER_AGENCY_RE.split(" ".join(raw.split()), maxsplit=1)[0].strip(" .,")
    if "/" in s:
        parts = [p.strip(" .,") for p in s.split("/")]
        names = [_one_agency(p) for p in parts if p]
        if len(names) > 1 and all(names):
            return " / ".join(n for n in names if n)
    return _one_agency(s)


def _one_agency(raw: str) -> str | None:
    s = " ".join(raw.replace("/", " ").split()).strip(" .,")
    if not s or len(s) > 60:
        return None
    low = s.lower()
    if low in AGENCIES:
        return AGENCIES[low]
    words = [w.lower() for w in _AGENCY_WORD_RE.findall(s)]
    if any(w in ("photo", "photos", "file", "video", "updated", "update") for w in words):
        return None
    # "Reuters Health", "Thomson Reuters Foundation", "AFP/Getty"
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i : i + n])
            if key in AGENCIES and (n > 1 or len(key) > 2 or key.upper() in s):
                return AGENCIES[key]
    # an unknown agency written in capitals: "(NNA)", "(KUNA)", "(SABA NEWS)"
    if compile_re(r"[A-Z][A-Z&\-]{1,11}(?: [A-Z][A-Z&\-]{1,11}){0,2}").fullmatch(s):
        return s
    if _SITE_AGENCY_RE.fullmatch(s):
        return s
    return None


# --- datelines --------------------------------------------------------------------------------

_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_CAPS_WORD = rf"[{_UP}](?:[{_UP}'’.\-]|/(?=[{_UP}]))*(?![^\W_])"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,4}}"
_MIXED_WORD = rf"[{_UP}][\w'’.\-]*"
_PARTICLES = r"de|da|do|del|di|la|le|am|an|upon|on|al|el"
_MIXED_PLACE = rf"{_MIXED_WORD}(?:[ ](?:{_MIXED_WORD}|{_PARTICLES})){{0,3}}"
# a place typed in lower case after its first word ("La paz"): taken only when the gazetteer
# knows it (_check)
_LOWER_PLACE = rf"[{_UP}][a-zà-ÿ'’.\-]+[ ][a-zà-ÿ][a-zà-ÿ'’.\-]+"
_NOT_DATE = rf"(?!{MONTH_RE}\s*\d)"
_REGION = rf"{_NOT_DATE}(?:{_MIXED_WORD}|{_CAPS_WORD})(?:[ ]{_NOT_DATE}[{_UP}][\w'’.\-]*){{0,2}}"
_DASH = r"(?:--|[-–—―])"
_DATELINE_RE = compile_re(
    rf"(?P<place>{_CAPS_PLACE}|{_LOWER_PLACE}|{_MIXED_PLACE})"
    # "IGORA /Leningrad region/", "Chandigarh (Haryana) [India]"
    r"(?P<sub>(?:[ \t]*(?:/[^/\n]{1,40}/|\[[^\]\n]{1,40}\]|\([^()\n]{1,30}\)(?=[ \t]*\[))){1,2})?"
    rf"(?P<regions>(?:,[ \t]*{_REGION}){{0,2}})"
    rf"(?:,?[ \t]+|,[ \t]*|\.[ \t]+)?"
    rf"(?P<date>(?<=[ ,\t]){DATE_TEXT_RE})?"
    r"(?P<dot>\.)?"
    r"(?:[ \t]*(?:\((?P<ag1>[^()\n]{1,80})\)|/(?P<ag2>[^/\n]{1,60})/\.?))?"
    # the terminator: a dash (before a space, or glued to the story: "(Jiji Press)--The"), a
    # colon, a full stop, or the end of the line ("ANKARA" alone above the story)
    rf"(?P<term>[ \t]*{_DASH}(?=\s|$)|[ \t]*(?:--|[–—])(?=[{_UP}\"“])|[ \t]*:(?=\s|$)"
    r"|[ \t]*\.(?=\s|$)|[ \t]*(?=\r?\n)|)"
)
_AGENCY_ONLY_RE = compile_re(rf"\((?P<ag>[A-Za-z][A-Za-z .\-]{{0,30}})\)[ \t]*(?P<term>{_DASH})?")


@cache
def _date_agency_re() -> re.Pattern[str]:
    """``Jan. 3 (UPI) --``: a date and an agency with no place (compiled on first use)."""
    return compile_re(
        rf"(?P<date>{DATE_TEXT_RE})[ \t]*\((?P<ag>[A-Za-z][A-Za-z .\-]{{0,30}})\)"
        rf"[ \t]*(?P<term>{_DASH})(?=\s)"
    )


# Capitalised labels that open captions and boxes, not stories: "FILE PHOTO: ...", "NOTE: ..."
_LABELS = frozenset(
    """photo photos file video note notes update updated updates editor editors correction
    corrections clarification breaking exclusive analysis opinion comment commentary review
    interview advertisement sponsored watch read listen more related see also live factbox
    explainer timeline q&a reporting writing editing source sources caption credit image images
    urgent flash bulletin disclaimer warning attention important summary highlights tags topics
    share print email subscribe contact fact check""".split()
)


# Places a bare dateline ("MOSCOW:", "WASHINGTON --") may name: newscli/data/dateline_places.tsv,
# built by scripts/build_dateline_places.py from GeoNames (cities >= 50,000 inhabitants, capitals,
# countries, US states); loaded once, and only when a bare-form candidate appears.
_PLACES_FILE = Path(__file__).resolve().parent / "data" / "dateline_places.tsv"
_places: dict[str, str] | None = None


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.upper().replace("’", "'").split())


def _gazetteer() -> dict[str, str]:
    """Upper-cased, accent-free place name -> kind (C country, S US state, T city)."""
    global _places
    if _places is None:
        places: dict[str, str] = {}
        try:
            with _PLACES_FILE.open(encoding="utf-8") as fh:
                for line in fh:
                    if not line.startswith("#"):
                        name, _, kind = line.rstrip("\n").partition("\t")
                        places[name] = kind
        except OSError:
            pass
        _places = places
    return _places


def known_place(name: str) -> str | None:
    """The gazetteer kind of a place name (any case), or None."""
    return _gazetteer().get(_fold(name.strip(" .")))


@record
class DatelineMatch:
    """A dateline found at ``start``; offsets are into the text searched."""

    start: int
    end: int
    text: str
    place: str | None
    date_text: str | None
    agency: str | None
    month_day: tuple[int, int] | None = None
    year: int | None = None


_BARE_TERMS = frozenset(("--", "-", "–", "—", "―", ":"))  # what ends a bare "PLACE --" dateline


def _is_caps(s: str) -> bool:
    if s.isascii():  # every ASCII letter is cased: the same test, in C
        return s.isupper()
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def match_dateline(text: str, pos: int, end: int | None = None) -> DatelineMatch | None:
    """The dateline that opens ``text`` at ``pos`` (a paragraph start), or None."""
    end = len(text) if end is None else end
    window_end = min(end, pos + 200)
    m = _DATELINE_RE.match(text, pos, window_end)
    if m is not None:
        found = _check(text, m, end)
        if found is not None:
            return found
    if pos < end and month_number(text[pos : pos + 10].split(" ", 1)[0]) is not None:
        m3 = _date_agency_re().match(text, pos, window_end)
        agency = canonical_agency(m3.group("ag")) if m3 is not None else None
        if m3 is not None and agency is not None:
            parts = date_text_parts(m3.group("date"))
            return DatelineMatch(
                pos,
                m3.end(),
                text[pos : m3.end()].strip(),
                None,
                m3.group("date").strip(),
                agency,
                (parts[0], parts[1]) if parts else None,
                parts[2] if parts else None,
            )
    if not text.startswith("(", pos):  # what _AGENCY_ONLY_RE opens with: most paragraphs
        return None
    m2 = _AGENCY_ONLY_RE.match(text, pos, window_end)
    if m2 is not None and m2.group("term"):
        agency = canonical_agency(m2.group("ag"))
        if agency is not None:
            return DatelineMatch(
                pos, m2.end(), text[pos : m2.end()].strip(), None, None, agency, None, None
            )
    return None


def _check(text: str, m: re.Match[str], end: int) -> DatelineMatch | None:
    # a place alone on its line above the story ("ANKARA")
    alone = not m.group("term") and text[m.end() : m.end() + 1] in ("\n", "\r")
    if (
        m.group("date") is None
        and m.group("ag1") is None
        and m.group("ag2") is None
        and m.group("term").strip() not in _BARE_TERMS
        and not alone
    ):
        return None  # most paragraphs: what the tests below reject, found without them
    place = m.group("place")
    site = None
    regions = m.group("regions")
    if regions and m.group("ag1") is None and m.group("ag2") is None:
        last = regions.rsplit(",", 1)[1].strip()
        if _SITE_AGENCY_RE.fullmatch(last) and "." in last:
            site = last  # "JAKARTA, KOMPAS.com -": the news site, not a region
    place_end = m.end("regions") if regions else m.end("place")
    if site is not None:
        place_end = m.start("regions") + regions.rfind(",")
    if m.group("sub"):
        place_end = max(place_end, m.end("sub"))
    place_text = text[m.start() : place_end].strip(" \t,")
    date_text = m.group("date")
    raw_agency = m.group("ag1") or m.group("ag2")

    term = m.group("term").strip()
    caps = _is_caps(place)
    agency = site
    if raw_agency is not None:
        agency = canonical_agency(raw_agency)
        if agency is None:
            return None
    if place[:1].isupper() and any(w[:1].islower() for w in place.split()[1:]):
        # "La paz": a place typed in lower case is taken only when the gazetteer knows it
        lowered = [w for w in place.split()[1:] if w[:1].islower()]
        if not all(w in _PARTICLES.split("|") for w in lowered) and known_place(place) is None:
            return None
    sep = text[m.end("place") : m.start("date")] if date_text is not None else ""
    stop_sep = (
        date_text is not None
        and caps
        and agency is not None
        and "," not in sep
        and ("." in sep or (place.endswith(".") and place.count(".") == 1))
    )
    if date_text is not None and "," not in sep and not m.group("sub") and not stop_sep:
        return None  # "PLACE, Month D": the date is set off by a comma (or, before an
        # agency tag, a full stop: "MOSCOW. April 27 (Interfax) -")
    if stop_sep:
        place = place.rstrip(".")
        place_text = place_text.rstrip(".")
    words = place.replace("-", " ").split()
    if not words or len(place) > 40:
        return None
    if any(w.strip(".'’").lower() in _LABELS for w in words):
        return None
    if month_number(words[0]) is not None and len(words[0]) > 2:
        return None  # "March 3, ..." opens a sentence, not a dateline
    if alone and date_text is None and agency is None:
        # "ANKARA" on a line of its own: a known place in capitals, then the story's sentence
        nxt = text[m.end() : m.end() + 4].lstrip()
        if not caps or regions or len(words) > 3 or known_place(place) is None:
            return None
        if not nxt or not (nxt[0].isupper() or nxt[0] in "\"'“‘«"):
            return None
    elif date_text is None and agency is None:
        # bare forms: "MOSCOW:", "WASHINGTON --", "LONDON —": upper case place and a dash/colon
        if term not in _BARE_TERMS or len(words) > 4:
            return None
        if len(place.strip(".")) < 3:
            return None
        if not caps:
            # "Mumbai: ...": a known city (not a country or a topic) and a colon
            if term != ":" or m.group("regions") or known_place(place) != "T":
                return None
        elif not m.group("regions") and known_place(place) is None:
            return None  # "CORONAVIRUS:", "IBM -": a label or a name, not a place
        nxt = text[m.end() : m.end() + 3].lstrip()
        if nxt and not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "\"'“‘«"):
            return None  # "Paris: the city of light" is a heading, not a dateline
    elif not caps and agency is None and term not in ("--", "-", "–", "—", "―", ":"):
        return None  # mixed-case places need an agency tag or a terminator after the date
        # an upper-case place, a comma and a month-day is a dateline even when the dash that
        # should close it is missing ("NEW YORK, March 3 Stocks rose")
    d_end = m.end()
    # the dateline must be followed by the story (or end its line); a dash may touch it
    glued = term in ("--", "–", "—")
    if d_end < end and not text[d_end].isspace() and text[d_end] not in "\"'“‘«(" and not glued:
        return None
    if term == "." and agency is None and date_text is None:
        return None
    if term == "." and agency is None and date_text is not None and not caps:
        return None
    if date_text is None and raw_agency is not None:
        # "(UrduPoint News / Sputnik - 03rd September, 2020)": the date inside the source tag
        tail = _AFTER_AGENCY_RE.split(raw_agency, maxsplit=1)[1:]
        if tail and date_text_parts(tail[0]) is not None:
            date_text = tail[0].strip()
    parts = date_text_parts(date_text) if date_text else None
    dl_text = text[m.start() : d_end].strip()
    return DatelineMatch(
        start=m.start(),
        end=m.start() + len(text[m.start() : d_end].rstrip()),
        text=dl_text,
        place=place_text or None,
        date_text=date_text.strip() if date_text else None,
        agency=agency,
        month_day=(parts[0], parts[1]) if parts else None,
        year=parts[2] if parts else None,
    )


def find_dateline(
    text: str, starts: list[tuple[int, int]], *, strong_after: int | None = None
) -> DatelineMatch | None:
    """The first dateline at the start of one of the given ``(start, end)`` paragraphs.

    From index ``strong_after`` on (web pages put menus and captions before the story) only a
    dateline with an agency or a date counts: a bare ``PLACE:`` that late is more likely a
    label than the story's opening."""
    for i, (start, end) in enumerate(starts):
        found = match_dateline(text, start, end)
        if found is None:
            continue
        late = strong_after is not None and i >= strong_after
        if not late or found.agency is not None or found.date_text is not None:
            return found
    return None
