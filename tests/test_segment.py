"""Paragraph, sentence and token splitting on the hard cases of news text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newscli import segment as segment_module
from newscli.segment import segment, split_paragraphs


def sentences(text: str, body_start: int = 0) -> list[str]:
    seg = segment(text, body_start)
    return [text[s.start : s.end] for s in seg.sentences]


def test_abbreviations_initials_and_decimals_do_not_split():
    text = (
        "Mr. Smith met Vladimir V. Putin in St. Petersburg on Jan. 5 at 10 a.m. local time. "
        "Prices rose 3.5 pct to 1,000.25 dlrs."
    )
    assert sentences(text) == [
        "Mr. Smith met Vladimir V. Putin in St. Petersburg on Jan. 5 at 10 a.m. local time.",
        "Prices rose 3.5 pct to 1,000.25 dlrs.",
    ]


def test_abbreviation_at_sentence_end_before_an_opener():
    text = "He moved to the U.S. He liked it. Shares of Acme Inc. The firm said no."
    assert sentences(text) == [
        "He moved to the U.S.",
        "He liked it.",
        "Shares of Acme Inc.",
        "The firm said no.",
    ]


def test_quote_that_ends_a_sentence_and_quote_before_attribution():
    text = '"We will win," he said. "It is over." She left! Did he? "Why?" she asked.'
    assert sentences(text) == [
        '"We will win," he said.',
        '"It is over."',
        "She left!",
        "Did he?",
        '"Why?" she asked.',
    ]


def test_detached_period_artifact_ends_a_sentence():
    text = '"We agree," Jane Roe said . "The rest follows."'
    assert sentences(text) == ['"We agree," Jane Roe said .', '"The rest follows."']


def test_dateline_is_not_a_sentence_of_its_own():
    for opener in (
        "KYIV, March 3. /TASS/. ",
        "IGORA /Leningrad Region/, May 14. /TASS/. ",
        "NEW YORK, March 3 - ",
        "NASHVILLE, Tenn., March 3 - ",
        "SEOUL, Oct. 10 (Yonhap) -- ",
    ):
        text = opener + "The council met. It voted."
        assert sentences(text) == [opener + "The council met.", "It voted."], opener


def test_hard_wrapped_paragraphs_and_indented_paragraph_starts():
    text = (
        "    LONDON, March 4 - The committee said prices would rise\n"
        "sharply next year because of lower output in the main growing\n"
        "areas, traders said.\n"
        "    The report follows a meeting of the producers' group held\n"
        "here last week.\n"
    )
    seg = segment(text)
    assert len(seg.paragraphs) == 2
    assert len(seg.sentences) == 2
    assert text[seg.paragraphs[1].start :].startswith("The report follows")


def test_indented_wire_copy_keeps_ragged_paragraphs_whole():
    text = (
        "    NEW YORK, March 5 - The agency said it placed\n"
        "on review the long-term debt of Example Industries Corp\n"
        "because of the recapitalization plans.\n"
        "    It gave no other details.\n"
    )
    seg = segment(text)
    assert len(seg.paragraphs) == 2
    assert len(seg.sentences) == 2


def test_blank_lines_separate_paragraphs_and_unwrapped_lines_stand_alone():
    text = "First paragraph here.\n\nSecond one.\nA separate short line\nAnother line of a list"
    pars = [text[p.start : p.end] for p in split_paragraphs(text)]
    assert pars[0] == "First paragraph here."
    assert "Second one." in pars
    assert "A separate short line" in pars


def test_all_caps_headline_line_keeps_its_own_sentence():
    text = "RIVAL TEAMS SHARE THE POINTS\nMADRID 1996-08-31\nThe match ended level."
    got = sentences(text)
    assert got[0] == "RIVAL TEAMS SHARE THE POINTS"
    assert got[-1] == "The match ended level."


def test_tokens_split_possessives_and_keep_hyphenated_names():
    text = "North Korea’s leader Kim Jong-un visited the U.S. in 2019."
    seg = segment(text)
    words = [t.text for t in seg.tokens]
    assert words[:4] == ["North", "Korea", "’s", "leader"]
    assert "Jong-un" in words and "U.S." in words and "2019" in words


def test_combining_marks_and_invisible_characters_stay_inside_words():
    from newscli.segment import tokenize

    text = 'Jose\u0301 Garci\u0301a said\u200b \ufeff"na\u00adtion-wide" Sta\u200bte, cafe\u0301.'
    words = [t.text for t in tokenize(text)]
    assert words == [
        "Jose\u0301",
        "Garci\u0301a",
        "said",  # the zero-width space after it is skipped like white space
        '"',  # and so is the BOM before the quote mark
        "na\u00adtion-wide",
        '"',
        "Sta\u200bte",
        ",",
        "cafe\u0301",
        ".",
    ]


_MARKED_ALPHABET = list("aB ’'.-1\n\u0301\u0308\u200b\u200d\ufeff\u00ad\U0001f600\ufe0f")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_MARKED_ALPHABET), max_size=60))
def test_tokens_of_marked_text_cover_every_visible_character(text):
    from newscli.segment import tokenize

    invisible = set("\u200b\u200d\ufeff\u00ad")
    covered = set()
    end = 0
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text and t.start >= end and t.text
        assert not set(t.text) <= invisible  # no token is only invisible characters
        covered.update(range(t.start, t.end))
        end = t.end
    for i, ch in enumerate(text):
        if not ch.isspace() and ch not in invisible:
            assert i in covered, (text, i)


def _tokens_by_findall(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The tokens the slow way: one match at a time, with its own offsets."""
    import re

    pattern = re.compile(segment_module._TOKEN_SPLIT_RE.pattern)
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aZ' ’s.-1,:/ \n\té—“")), max_size=80),
    st.integers(0, 90),
    st.integers(0, 90),
)
def test_tokenize_offsets_match_the_pattern_on_any_range(text, a, b):
    from newscli.segment import tokenize

    a, b = sorted((min(a, len(text)), min(b, len(text))))
    got = [tuple(t) for t in tokenize(text, a, b)]
    assert got == _tokens_by_findall(text, a, b)
    assert [tuple(t) for t in tokenize(text)] == _tokens_by_findall(text, 0, len(text))


def _plain_token_pattern(letter: str, alnum: str, apostrophe: str) -> str:
    """The token alternation written plainly (what the tuned pattern must match exactly)."""
    word_part = rf"{apostrophe}(?![sS]\b){letter}+"
    return (
        rf"((?:[A-Za-z]\.){{2,}}|\d+(?:[.,:/-]\d+)*|{apostrophe}[sS]\b"
        rf"|{letter}+(?:{word_part})*(?:-{alnum}+(?:{word_part})*)*|\S)"
    )


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZsS.'’-1,/: \né_²")), max_size=40))
def test_token_pattern_splits_as_the_plain_alternation(text):
    import re

    plain = re.compile(_plain_token_pattern(r"[^\W\d_]", r"[^\W_]", "['’]"))
    assert segment_module._TOKEN_SPLIT_RE.split(text) == plain.split(text)
    if text.isascii():
        plain_ascii = re.compile(_plain_token_pattern("[A-Za-z]", "[A-Za-z0-9]", "'"), re.ASCII)
        assert segment_module._TOKEN_SPLIT_ASCII_RE.split(text) == plain_ascii.split(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('a.!?…"”’) \n')), max_size=30), st.integers(0, 3))
def test_sentence_end_candidates_are_the_lookbehind_pattern_matches(text, start):
    import re

    plain = re.compile(r"(?<![.!?…])[.!?…]+[\"'”’»)\]]*(?=\s)")
    start = min(start, len(text))
    got = [(m.start(), m.start(1)) for m in segment_module._END_RE.finditer(text, start)]
    assert got == [m.span() for m in plain.finditer(text, start)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZq. 3'\n")), max_size=25))
def test_word_before_a_full_stop_read_backwards_is_the_forward_match(window):
    import re

    before = window + "."
    forward = re.search(r"([A-Za-z]+(?:\.[A-Za-z]+)*)\.$", before)
    backward = segment_module._WORD_BEFORE_REV_RE.match(before[::-1])
    assert (forward and forward.group(1)) == (backward and backward.group(1)[::-1])


def test_tokenize_a_range_with_trailing_space_and_adjacent_marks():
    from newscli.segment import tokenize

    text = "xx Le Monde’s (AFP)--said 3.5,  \n"
    toks = tokenize(text, 3, len(text))
    words = ["Le", "Monde", "’s", "(", "AFP", ")", "-", "-", "said", "3.5", ","]
    assert [t.text for t in toks] == words
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert tokenize(text, 5, 5) == [] and tokenize("   ") == []


def test_body_start_excludes_the_header(seed_text):
    seg = segment(seed_text, 17)
    assert seg.paragraphs[0].start == 17
    assert seed_text[seg.sentences[0].start] == '"'
    first_par = [s for s in seg.sentences if s.paragraph == 0]
    assert len(first_par) == 2
    dateline_par = seed_text[seg.paragraphs[1].start : seg.paragraphs[1].end]
    assert dateline_par.startswith("MOSCOW, April 27. /TASS/. The meeting")
    assert [s.paragraph for s in seg.sentences].count(1) == 1


def test_lookups_find_the_sentence_and_tokens():
    text = "One two. Three four five."
    seg = segment(text)
    assert seg.sentence_index(text.index("four")) == 1
    i, j = seg.token_range(seg.sentences[1].start, seg.sentences[1].end)
    assert [t.text for t in seg.tokens[i:j]] == ["Three", "four", "five", "."]
    assert [t.text for t in seg.sentence_tokens(0)] == ["One", "two", "."]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AB.?!\"'“”\n\t-/,0123")), max_size=300))
def test_spans_are_well_formed_for_any_text(text):
    seg = segment(text)
    last = -1
    for p in seg.paragraphs:
        assert 0 <= p.start < p.end <= len(text)
        assert p.start > last
        last = p.end
    for s in seg.sentences:
        p = seg.paragraphs[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
        assert text[s.start : s.end] == text[s.start : s.end].strip()
    for t in seg.tokens:
        assert text[t.start : t.end] == t.text and t.text.strip() == t.text


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab AB.'’-\n\t\x1c0é\u0301\u200b😀,")), max_size=200),
    st.integers(1, 12),
)
def test_token_offsets_in_pieces_are_the_tokens(text, chunk):
    # a long article keeps only its tokens' offsets, found piece by piece: the same tokens
    starts, ends = segment_module._token_offsets(text, 0, chunk)
    tokens = segment_module.tokenize(text)
    assert list(zip(starts, ends, strict=True)) == [(t.start, t.end) for t in tokens]


def test_a_long_article_makes_its_tokens_on_demand():
    para = (
        "Dr. Anna Müller said the Caf\u00e9\u0301 \u201cwon\u2019t\u201d reopen\x1c on 4/25/2019. "
    )
    reps = segment_module._TOKEN_LIST_MAX_CHARS // len(para * 8) + 20
    text = "Title: A long one\n\n" + "\n\n".join([para * 8] * reps)
    body = text.index("Dr.")
    seg = segment(text, body)
    assert len(text) > segment_module._TOKEN_LIST_MAX_CHARS
    expected = segment_module.tokenize(text, body)
    n = len(seg.token_starts)
    assert seg.token_slice(0, n) == expected
    assert seg.token_slice(n - 7, n + 5) == expected[-7:]
    s = seg.sentences[3]
    assert seg.sentence_tokens(3) == [t for t in expected if s.start <= t.start < s.end]
    assert seg._tokens is None  # only the offsets are kept
