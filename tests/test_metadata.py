"""Metadata: datelines, dates, bylines, language, counts (hand-written articles only)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscli.dateline import canonical_agency, match_dateline, parse_date_value, resolve_year
from newscli.language import detect_language
from newscli.metadata import extract_metadata, parse_authors
from newscli.reader import parse_header
from newscli.segment import segment


def meta_of(text: str, date: str | None = None, hints=None):
    h = parse_header(text)
    seg = segment(text, h.body_start, h.title_span)
    return extract_metadata(seg, h, hints=hints, date=date)


# --- every dateline form of the issue, and a few more ----------------------------------------

FORMS = [
    # (opening, text, place, date_text, agency)
    ("MOSCOW, April 27. /TASS/.", "MOSCOW", "April 27", "TASS"),
    ("IGORA /Leningrad Region/, May 14. /TASS/.", "IGORA /Leningrad Region/", "May 14", "TASS"),
    ("NEW YORK, March 3 -", "NEW YORK", "March 3", None),
    ("NASHVILLE, Tenn., March 3 -", "NASHVILLE, Tenn.", "March 3", None),
    ("WASHINGTON (Reuters) -", "WASHINGTON", None, "Reuters"),
    ("SEOUL, Oct. 10 (Yonhap) --", "SEOUL", "Oct. 10", "Yonhap"),
    ("BEIJING, May 5 (Xinhua) --", "BEIJING", "May 5", "Xinhua"),
    ("LONDON (AP) —", "LONDON", None, "AP"),
    ("MOSCOW:", "MOSCOW", None, None),
    ("WASHINGTON (Reuters) –", "WASHINGTON", None, "Reuters"),
    ("New Delhi, November 17:", "New Delhi", "November 17", None),
    ("PARIS (AFP) -", "PARIS", None, "AFP"),
    ("TOKYO, March 17 (Kyodo) -", "TOKYO", "March 17", "Kyodo"),
    ("PYONGYANG, Jan. 2 (KCNA) --", "PYONGYANG", "Jan. 2", "KCNA"),
    ("OSAKA, Feb 3 (Jiji Press) -", "OSAKA", "Feb 3", "Jiji"),
    ("KYIV, Aug. 9 (Interfax) -", "KYIV", "Aug. 9", "Interfax"),
    ("MOSCOW. April 27 (Interfax) -", "MOSCOW", "April 27", "Interfax"),
    ("CUPERTINO, Calif., Nov. 2 (Reuters) -", "CUPERTINO, Calif.", "Nov. 2", "Reuters"),
    ("MINSK, June 1 (RIA Novosti) -", "MINSK", "June 1", "RIA Novosti"),
    ("ANKARA (Sputnik) -", "ANKARA", None, "Sputnik"),
    ("Berlin (dpa) -", "Berlin", None, "dpa"),
    ("ROME, Sept. 4 (ANSA) -", "ROME", "Sept. 4", "ANSA"),
    ("MADRID, 4 May (EFE) -", "MADRID", "4 May", "EFE"),
    ("NEW DELHI, Nov 17 (PTI)", "NEW DELHI", "Nov 17", "PTI"),
    ("Chennai, Dec 1 (IANS):", "Chennai", "Dec 1", "IANS"),
    ("SRINAGAR, July 7 (ANI):", "SRINAGAR", "July 7", "ANI"),
    ("CHICAGO (UPI) --", "CHICAGO", None, "UPI"),
    ("ZURICH (Bloomberg) --", "ZURICH", None, "Bloomberg"),
    ("WASHINGTON, D.C. —", "WASHINGTON, D.C.", None, None),
    ("ST. LOUIS, March 3 -", "ST. LOUIS", "March 3", None),
    ("WINSTON-SALEM, N.C., March 3 -", "WINSTON-SALEM, N.C.", "March 3", None),
    ("HONG KONG/SINGAPORE (Reuters) -", "HONG KONG/SINGAPORE", None, "Reuters"),
    ("NEW YORK, Dec. 3, 2020 (Reuters) -", "NEW YORK", "Dec. 3, 2020", "Reuters"),
    ("(CNN) —", None, None, "CNN"),
    ("OTTAWA, May 3 /TASS correspondent Ivan Petrov/.", "OTTAWA", "May 3", "TASS"),
    ("LONDON, Sept 28 (Reuters) –", "LONDON", "Sept 28", "Reuters"),
    ("MOSCOW, June 29.", "MOSCOW", "June 29", None),
    ("McLEAN, Va., March 9 -", "McLEAN, Va.", "March 9", None),
    ("COSTA MESA, Calif, March 9 -", "COSTA MESA, Calif", "March 9", None),
    ("MADRID, 17 de noviembre (EFE) -", "MADRID", "17 de noviembre", "EFE"),
    ("PARIS, 17 novembre 2020 (AFP) -", "PARIS", "17 novembre 2020", "AFP"),
    ("BERLIN, 17. November (dpa) -", "BERLIN", "17. November", "dpa"),
    ("MADRID, 17 Nov. (EUROPA PRESS) -", "MADRID", "17 Nov.", "Europa Press"),
    ("SANAA (SABA NEWS) -", "SANAA", None, "SABA NEWS"),
    ("NEW DELHI:", "NEW DELHI", None, None),
    ("Mumbai:", "Mumbai", None, None),
    ("TOKYO —", "TOKYO", None, None),
    # page text from many desks
    (
        "Chandigarh (Haryana) [India], April 16 (ANI):",
        "Chandigarh (Haryana) [India]",
        "April 16",
        "ANI",
    ),
    ("Washington, DC (STL.News) –", "Washington, DC", None, "STL.News"),
    (
        "MOSCOW (UrduPoint News / Sputnik - 03rd September, 2020)",
        "MOSCOW",
        "03rd September, 2020",
        "UrduPoint News / Sputnik",
    ),
    ("La paz, march 18 -", "La paz", "march 18", None),
    ("JAKARTA, KOMPAS.com -", "JAKARTA", None, "KOMPAS.com"),
    ("Jan. 3 (UPI) --", None, "Jan. 3", "UPI"),
]


@pytest.mark.parametrize(("opening", "place", "date_text", "agency"), FORMS)
def test_dateline_forms(opening, place, date_text, agency):
    body = f"{opening} The harbour authority said the new pier would open next week."
    m = match_dateline(body, 0)
    assert m is not None, opening
    assert (m.text, m.place, m.date_text, m.agency) == (opening, place, date_text, agency)
    assert body[m.start : m.end] == m.text


def test_dash_glued_to_the_story():
    body = "Tokyo, Jan. 16 (Jiji Press)--The Japanese government plans to extend the order."
    m = match_dateline(body, 0)
    assert m is not None and (m.place, m.date_text, m.agency) == ("Tokyo", "Jan. 16", "Jiji")
    assert body[m.end :].startswith("The Japanese")


def test_a_place_alone_on_the_line_above_the_story():
    from newscli import inspect

    a = inspect(" date 2022-05-12 Home\nANKARA\nTurkey's central bank held its main rate.")
    assert a.metadata.title is None
    assert (a.metadata.dateline.place, a.metadata.dateline.agency) == ("ANKARA", None)
    assert match_dateline("EXPLAINER\nWhat the new rules mean.", 0) is None
    assert match_dateline("Reporting\nBy Jane Roe", 0) is None


@pytest.mark.parametrize(
    "para",
    [
        "FILE PHOTO: A man walks past the closed bank in the capital.",
        "The government, march 18 - a date to remember.",
        "Washington (Photo News) - the president waved.",
        "NOTE: Figures are adjusted for the stock split.",
        "UPDATE: The road has reopened.",
        "CORONAVIRUS: What the new rules mean for you.",
        "IBM - the company said it would cut jobs.",
        "In addition, the union is strengthening its position.",
        "On Monday, March 3, the company said it would close.",
        "March 3 - the day it all happened.",
        "Paris: the city of light welcomes visitors.",
        "The minister (AP Photo) - smiled.",
        "U.S. officials said the talks would resume.",
        "REUTER",
    ],
)
def test_not_datelines(para):
    assert match_dateline(para, 0) is None


def test_reuters_1987_lines_have_no_agency():
    text = (
        "STEEL MAKER POSTS LOSS\n\n    PITTSBURGH, March 3 - A steel maker said it lost\n"
        "money in the quarter.\n    It gave no forecast.\n REUTER\n"
    )
    m = meta_of(text)
    assert m.dateline.place == "PITTSBURGH" and m.dateline.agency is None
    assert m.dateline.date is None  # no year anywhere: not invented
    assert m.title == "STEEL MAKER POSTS LOSS"
    assert text[m.dateline.start : m.dateline.end] == m.dateline.text == "PITTSBURGH, March 3 -"


def test_agency_names():
    assert canonical_agency("Reuters") == "Reuters"
    assert canonical_agency("The Associated Press") == "AP"
    assert canonical_agency("XINHUA") == "Xinhua"
    assert canonical_agency("Reuters Health") == "Reuters"
    assert canonical_agency("AP Photo") is None
    assert canonical_agency("file") is None
    assert canonical_agency("BERNAMA") == "Bernama"
    assert canonical_agency("NNA") == "NNA"  # an unknown acronym, as written


# --- dates ------------------------------------------------------------------------------------


def test_seed_like_article():
    text = (
        ' date 2020-04-27 "Our ties are strong," the envoy said .\n\n'
        "MOSCOW, April 27. /TASS/. The envoy praised the talks held last year in the port "
        "city, the embassy said on Monday.\n\nThe two sides will meet again."
    )
    m = meta_of(text)
    assert m.title is None
    assert (m.date, m.date_source, m.date_precision) == ("2020-04-27", "header", "day")
    dl = m.dateline
    assert (dl.place, dl.date_text, dl.agency, dl.date) == (
        "MOSCOW",
        "April 27",
        "TASS",
        "2020-04-27",
    )
    assert text[dl.start : dl.end] == dl.text == "MOSCOW, April 27. /TASS/."
    assert m.lead.startswith("The envoy praised")
    assert m.counts.paragraphs == 3
    assert m.language == "en"


def test_date_precedence():
    text = "Date: 2021-02-03\n\nLONDON, Feb. 2 (Reuters) - Prices rose on Tuesday, traders said."
    m = meta_of(text)
    assert (m.date, m.date_source) == ("2021-02-03", "header")
    assert m.dateline.date == "2021-02-02"
    m = meta_of(text, date="2019-12-31")
    assert (m.date, m.date_source) == ("2019-12-31", "option")
    body = "LONDON, Feb. 2 (Reuters) - Prices rose on Tuesday, traders said."
    m = meta_of(body, hints={"date": "2021-02-02T07:00:00Z"})
    assert (m.date, m.date_source) == ("2021-02-02T07:00:00Z", "html")
    m = meta_of("LONDON, Feb. 2, 2021 (Reuters) - Prices rose on Tuesday, traders said.")
    assert (m.date, m.date_source, m.date_precision) == ("2021-02-02", "dateline", "day")
    m = meta_of(body)
    assert m.date is None and m.date_source is None and m.dateline.date is None


def test_dateline_year_near_the_reference_date():
    assert resolve_year(12, 31, "2021-01-01") == "2020-12-31"
    assert resolve_year(1, 2, "2020-12-30") == "2021-01-02"
    assert resolve_year(3, 3, "2020-08") == "2020-03-03"
    assert resolve_year(2, 29, "2021-03-01") == "2020-02-29"
    assert resolve_year(3, 3, None) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-04-27", ("2020-04-27", "day")),
        ("2020-04", ("2020-04", "month")),
        ("2020", ("2020", "year")),
        ("2020-04-27T10:05:00+03:00", ("2020-04-27T10:05:00+03:00", "day")),
        ("2020-04-27T10:05Z", ("2020-04-27T10:05:00Z", "day")),
        ("April 27, 2020", ("2020-04-27", "day")),
        ("Monday, 27 April 2020 14:30 GMT", ("2020-04-27T14:30:00Z", "day")),
        ("Apr. 27, 2020 3:15 p.m.", ("2020-04-27T15:15:00", "day")),
        ("April 2020", ("2020-04", "month")),
        ("27.04.2020", ("2020-04-27", "day")),
        ("20200427", ("2020-04-27", "day")),
        ("March 4, 2021 at 9:15 am EST", ("2021-03-04T09:15:00-05:00", "day")),
        ("Thu, 04 Mar 2021 09:15:00 GMT", ("2021-03-04T09:15:00Z", "day")),
        ("2021-03-04 09:15:00 +0530", ("2021-03-04T09:15:00+05:30", "day")),
        ("2021/03/04", ("2021-03-04", "day")),
        ("17 de noviembre de 2020", ("2020-11-17", "day")),
        ("2020-02-30", None),
        ("yesterday", None),
        ("April 27", None),
    ],
)
def test_parse_date_value(value, expected):
    assert parse_date_value(value) == expected


# --- bylines ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Greg Lind, Reuters", ["Greg Lind"]),
        ("BY MARIA MCCARTHY, Reuters", ["Maria McCarthy"]),
        ("By Jane Roe and John van Doe", ["Jane Roe", "John van Doe"]),
        ("By Ana Lima, Staff Writer", ["Ana Lima"]),
        ("Ana Lima, Rui Sá", ["Ana Lima", "Rui Sá"]),
        ("By Tom Hale in Oslo", ["Tom Hale"]),
        ("By Reuters", []),
        ("The Associated Press", []),
        # a name in capitals runs into the agency or desk with no comma
        ("By CARLA DIAZ Associated Press", ["Carla Diaz"]),
        ("By CARLA DIAZ Staff Writer", ["Carla Diaz"]),
        ("Written by Carla Diaz", ["Carla Diaz"]),
        (None, []),
    ],
)
def test_parse_authors(byline, authors):
    assert parse_authors(byline) == authors


def test_byline_in_header_is_not_body():
    text = (
        "MILLS REPORT HIGHER OUTPUT\n\n    By Carla Diaz, Reuters\n\n    DENVER, June 3 - Flour "
        "mills in the region reported\nhigher output in May than in April.\n"
    )
    m = meta_of(text)
    assert m.byline == "By Carla Diaz, Reuters" and m.authors == ["Carla Diaz"]
    assert m.counts.paragraphs == 1
    assert m.lead == "Flour mills in the region reported higher output in May than in April."


def test_byline_paragraph_in_body_and_html_author():
    m = meta_of("By Lena Holt\n\nThe museum reopened on Sunday after a long renovation.")
    assert m.byline == "By Lena Holt" and m.authors == ["Lena Holt"]
    assert m.lead.startswith("The museum")
    m = meta_of("The museum reopened on Sunday.", hints={"author": "Lena Holt", "title": "Open"})
    assert (m.byline, m.authors, m.title) == ("Lena Holt", ["Lena Holt"], "Open")


# --- language -----------------------------------------------------------------------------------

LANGS = {
    "en": "The city council said on Monday that it would close the old bridge for repairs "
    "and that traffic would be diverted through the town centre until the work is done.",
    "nl": "De gemeenteraad heeft maandag besloten dat de oude brug voor herstel wordt gesloten "
    "en dat het verkeer door het centrum wordt omgeleid tot het werk klaar is.",
    "de": "Der Stadtrat hat am Montag beschlossen, dass die alte Brücke für Reparaturen "
    "geschlossen wird und der Verkehr durch die Innenstadt umgeleitet werden soll.",
    "fr": "Le conseil municipal a annoncé lundi que le vieux pont sera fermé pour des "
    "réparations et que la circulation sera déviée par le centre de la ville.",
    "es": "El ayuntamiento anunció el lunes que el viejo puente se cerrará por reparaciones y "
    "que el tráfico será desviado por el centro de la ciudad hasta que terminen las obras.",
    "it": "Il consiglio comunale ha annunciato lunedì che il vecchio ponte sarà chiuso per "
    "lavori e che il traffico sarà deviato nel centro della città.",
    "pt": "A câmara municipal anunciou na segunda-feira que a ponte velha será fechada para "
    "obras e que o trânsito será desviado pelo centro da cidade.",
    "ru": "Городской совет в понедельник объявил, что старый мост будет закрыт на ремонт, и "
    "движение пойдет через центр города.",
}


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_language(lang):
    assert detect_language(LANGS[lang]) == lang


def test_date_line_must_be_whole_when_asked():
    assert parse_date_value("March 4, 2021 was a Thursday") == ("2021-03-04", "day")
    assert parse_date_value("March 4, 2021 was a Thursday", whole=True) is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Общинският съвет обяви в понеделник, че старият мост ще бъде затворен за ремонт.", "bg"),
        ("Міська рада в понеділок оголосила, що старий міст буде закрито на ремонт.", "uk"),
        ("وزیر امور خارجه گفت که گفتگوها ادامه خواهد یافت", "fa"),
        ("أعلنت الحكومة يوم الاثنين أن الجسر القديم سيغلق", "ar"),
        ("東京で新しい橋が開通した。", "ja"),
        ("北京市政府星期一宣布，旧桥将关闭维修。", "zh"),
        ("서울시는 월요일 낡은 다리를 수리를 위해 폐쇄한다고 밝혔다.", "ko"),
        ("Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι η παλιά γέφυρα θα κλείσει.", "el"),
    ],
)
def test_language_by_script(text, lang):
    assert detect_language(text) == lang


def test_counts_skip_pieces_without_a_letter_or_digit():
    body = "The mayor -- who said \u2014 “no” -- left (again) ... at 5:30 ! _ …"
    m = meta_of(f"Mayor Leaves\n\n{body}")
    # words: The mayor who said “no” left (again) at 5:30; not: -- — ... ! _ …
    assert m.counts.words == 9


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ09_-.,'\"() \n\t\x1c\x7fé—")), max_size=40))
def test_word_count_is_pieces_with_a_letter_or_digit(body):
    import re

    from newscli.metadata import _count_words

    expected = sum(1 for piece in body.split() if re.search(r"[^\W_]", piece))
    assert _count_words(body) == expected


def test_language_script_among_latin_punctuation():
    # curly quotes and dashes are outside Latin-1 but belong to no script
    assert detect_language("“Привет” — сказал он, «это было очень хорошо»!") == "ru"
    assert detect_language("“שלום” — אמר הוא, זה היה טוב מאוד") == "he"
    assert detect_language("“Hello” — he said, “it was very good and we are glad”") == "en"


def test_language_undetermined_and_wire_briefs():
    assert detect_language("") == "und"
    assert detect_language("Xyzzy plugh") == "und"
    assert detect_language("ACME CORP QTR NET SHR 12 CTS VS 10 CTS") == "en"
    assert meta_of("Het nieuws van vandaag is dat de brug dicht is.").language == "nl"


# --- counts, title from hints, robustness ----------------------------------------------------


def test_counts_and_reading_minutes():
    text = "Port Opens\n\nThe port opened. Ships came in.\n\nTrade rose 5.5 pct."
    m = meta_of(text)
    assert m.title == "Port Opens"
    assert m.counts.paragraphs == 2 and m.counts.sentences == 3
    assert m.counts.words == 10
    assert m.counts.characters == len("The port opened. Ships came in.\n\nTrade rose 5.5 pct.")
    assert m.reading_minutes == 0.0
    long = "word " * 460
    assert meta_of(long).reading_minutes == 2.0


def test_header_title_beats_html_title():
    m = meta_of("Harbour reopens\n\nThe harbour reopened.", hints={"title": "Harbour | Site"})
    assert m.title == "Harbour reopens"


_pieces = st.sampled_from(
    [
        " date 2020-04-27 ",
        "HEADLINE\n\n",
        "By Ann Lee, Reuters\n\n",
        "MOSCOW, April 27. /TASS/. ",
        "NEW YORK, March 3 - ",
        "WASHINGTON (Reuters) - ",
        "(AP) — ",
        "LONDON: ",
        "Text goes on. ",
        "\n\n",
        "\n    ",
        "“Quote,” he said. ",
        "Title: X\n",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(_pieces, st.text(max_size=6)), max_size=12).map("".join),
    st.sampled_from([None, "2021-06-01", "2021-06", "bogus"]),
)
def test_extract_metadata_never_raises_and_spans_slice(text, date):
    m = meta_of(text, date=date)
    if m.dateline is not None:
        assert text[m.dateline.start : m.dateline.end] == m.dateline.text
    assert m.counts.paragraphs >= 0 and m.reading_minutes >= 0
    assert m.language is not None
    d = m.to_dict()
    assert set(d) >= {"title", "date", "dateline", "byline", "authors", "language", "counts"}


def test_hostile_input_is_fast():
    import time

    text = "A" * 200_000 + ", " + "March 3 " * 50_000 + "\n" + "(" * 100_000
    t0 = time.perf_counter()
    meta_of(text)
    meta_of("MOSCOW /" + "x" * 500_000)
    assert time.perf_counter() - t0 < 5


def test_counts_of_a_long_body_are_taken_in_pieces_alike():
    # a long body is counted in pieces cut at white space: the same words and characters as
    # the whole stripped body counted at once (words: pieces with a letter or a digit)
    para = "Dr. Müller — said «oui» 4/25/2019, ... then\u00a0left; -- ok 😀 x\u2003y\n\n"
    text = "Title: Long\n\n  " + para * 3000 + " \n"
    header = parse_header(text)
    seg = segment(text, header.body_start, header.title_span)
    counts = extract_metadata(seg, header).counts
    body = text[header.body_start :].strip()
    assert len(body) > 1 << 17
    assert counts.characters == len(body)
    assert counts.words == sum(any(c.isalnum() for c in w) for w in body.split())
