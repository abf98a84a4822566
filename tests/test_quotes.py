"""Quotation extraction and speaker attribution: hand-written cases for every form, the seed's
golden quotes, and property tests (never raises; every span slices to its text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscli.model import Entity, Mention
from newscli.quote_marks import find_quoted_spans
from newscli.quotes import extract_quotes
from newscli.segment import segment

SEED = Path(__file__).resolve().parent.parent / "seeds" / "tass-2020-04-27-dprk-russia.txt"


def quotes(text: str, entities: list[Entity] | None = None):
    return extract_quotes(segment(text), entities)


def one(text: str, entities: list[Entity] | None = None):
    qs = quotes(text, entities)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


def check_spans(text: str, qs) -> None:
    for q in qs:
        assert text[q.start : q.end] == q.text
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert text[m.start : m.end] == m.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text


# -- quote marks ------------------------------------------------------------------------------


def test_marks_curly_straight_guillemets_and_typewriter():
    text = (
        "“One,” she said. \"Two,\" he said. «Three», they said. ``Four,'' I said. "
        "''Five,'' we said."
    )
    inner = [text[q.inner.start : q.inner.end] for q in find_quoted_spans(text, [(0, len(text))])]
    assert inner == ["One,", "Two,", "Three", "Four,", "Five,"]


def test_apostrophes_are_not_quote_marks():
    text = "Korea’s leaders loved the ’90s and rock ’n’ roll, and the voters’ choice was clear."
    assert find_quoted_spans(text, [(0, len(text))]) == []


def test_nested_single_quotes_stay_inside():
    text = "“He told me, ‘Go home,’ and left,” she said."
    spans = find_quoted_spans(text, [(0, len(text))])
    assert [s.depth for s in spans] == [0, 1]
    q = one(text)
    assert q.text == "“He told me, ‘Go home,’ and left,”"


def test_unbalanced_mark_does_not_stop_the_rest():
    text = (
        "The mayor said the plan was “ready. Nobody agreed.\n\n"
        "“We will build it anyway,” the mayor, Ann Ruiz, said on Monday.\n\n"
        "“It is a good day,” said Tom Berg."
    )
    qs = quotes(text)
    check_spans(text, qs)
    texts = [q.text for q in qs]
    assert "“We will build it anyway,”" in texts
    assert "“It is a good day,”" in texts
    assert {q.speaker for q in qs if q.text.startswith("“We")} == {"Ann Ruiz"}


# -- direct quotes ----------------------------------------------------------------------------


def test_direct_after_quote():
    q = one("“We will not give up,” Maria Lopez said.")
    assert (q.kind, q.speaker, q.cue.text) == ("direct", "Maria Lopez", "said")
    assert q.text == "“We will not give up,”"
    assert q.speaker_mention.text == "Maria Lopez"


def test_direct_inverted_with_title_and_apposition():
    text = '"The numbers do not add up," said Sen. John Carter, a Republican from Ohio.'
    q = one(text)
    assert (q.kind, q.speaker) == ("direct", "John Carter")


def test_direct_before_quote_with_colon():
    q = one("The minister told reporters: “Talks will resume next week.”")
    assert q.kind == "direct"
    assert q.text == "“Talks will resume next week.”"


def test_multi_sentence_quote_and_continuation_in_next_sentence():
    text = "“We are ready. We have waited long enough,” Paul Weber said. “Now we act.”"
    qs = quotes(text)
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert [q.speaker for q in qs] == ["Paul Weber", "Paul Weber"]


def test_interrupted_quote_gives_two_linked_pieces():
    text = "“The deal,” Anna Berg said, “is not done yet.”"
    qs = quotes(text)
    assert [q.text for q in qs] == ["“The deal,”", "“is not done yet.”"]
    assert all(q.speaker == "Anna Berg" for q in qs)
    spans = [(p.start, p.end) for p in qs[0].parts]
    assert spans == [(q.start, q.end) for q in qs]
    assert qs[0].parts == qs[1].parts


def test_quote_running_over_paragraphs():
    text = (
        "Mayor Ann Ruiz spoke at length.\n\n"
        "“We will rebuild the bridge. It will take two years.\n\n"
        "“And we will pay for it without new taxes,” she said."
    )
    qs = quotes(text)
    check_spans(text, qs)
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert all(q.speaker == "Ann Ruiz" for q in qs)
    assert qs[0].text.startswith("“We will rebuild") and qs[1].text.startswith("“And we")
    assert len(qs[0].parts) == 2


def test_paragraph_of_quotes_inherits_previous_speaker():
    text = "Prime Minister Lena Holm said the budget was fair.\n\n“Nobody will pay more tax.”"
    qs = quotes(text)
    assert qs[-1].kind == "direct" and qs[-1].speaker == "Lena Holm"


def test_colon_paragraph_introduces_next_quote():
    text = "Lena Holm continued:\n\n“We have no other choice.”"
    q = one(text)
    assert q.speaker == "Lena Holm"


def test_dash_attribution():
    q = one("“The debate changed my mind.” ― Carla Ortiz")
    assert q.speaker == "Carla Ortiz"


# -- scare quotes and titles ------------------------------------------------------------------


def test_scare_quotes_and_titles_are_not_speech():
    text = (
        "The so-called “new era” began in May. Critics watched the film “Blue Night” twice. "
        "The plan was dubbed “Operation Sunrise” by officials."
    )
    assert quotes(text) == []


# -- mixed and indirect -----------------------------------------------------------------------


def test_mixed_quote():
    q = one("Kim said the talks were “a clear milestone” for both sides.")
    assert q.kind == "mixed"
    assert q.text == "the talks were “a clear milestone” for both sides"
    assert q.speaker == "Kim"


def test_indirect_said_that():
    q = one("Finance Minister Omar Haddad said that the deficit would shrink next year.")
    assert (q.kind, q.speaker) == ("indirect", "Omar Haddad")
    assert q.text == "the deficit would shrink next year"
    assert q.cue.text == "said"


def test_indirect_after_content():
    q = one("The deficit will shrink next year, Omar Haddad told reporters on Tuesday.")
    assert q.kind == "indirect"
    assert q.text == "The deficit will shrink next year"
    assert q.speaker == "Omar Haddad"


def test_according_to_before_and_after():
    a = one("According to the ministry, exports rose by 4 percent in March.")
    assert a.kind == "indirect" and a.text == "exports rose by 4 percent in March"
    b = one("Exports rose by 4 percent in March, according to Reuters.")
    assert b.text == "Exports rose by 4 percent in March" and b.speaker == "Reuters"


def test_parenthetical_cue():
    q = one("The plan, Haddad said, would cost less than expected.")
    assert q.kind == "indirect"
    assert q.text == "The plan, Haddad said, would cost less than expected"


def test_no_speech_without_cue():
    assert quotes("The company reported profits of $3 million. Revenue rose 5 percent.") == []
    assert quotes("The United States said nothing. Officials did not respond to requests.") == []


# -- speakers ---------------------------------------------------------------------------------


def test_pronoun_resolves_by_gender():
    text = (
        "Maria Lopez met Peter Novak on Monday. Novak said the talks went well.\n\n"
        "“We made progress,” she said."
    )
    qs = quotes(text)
    assert qs[-1].speaker == "Maria Lopez"
    assert qs[-1].speaker_mention.text == "she"


def test_description_resolves_to_role():
    text = (
        "Foreign Minister Ana Silva said on Monday that the border would reopen.\n\n"
        "The minister added that trade would resume in June."
    )
    qs = quotes(text)
    assert [q.speaker for q in qs] == ["Ana Silva", "Ana Silva"]
    assert qs[1].speaker_mention.text == "The minister"


def test_organisation_speaker():
    q = one("The Kremlin said the meeting would take place in the autumn.")
    assert q.speaker == "Kremlin"


def test_unknown_speaker_is_null():
    q = one("“It was a disaster,” a witness said.")
    assert q.speaker is None
    assert q.speaker_mention.text == "a witness"
    q2 = one("“Nobody saw it coming.”\n\nThe storm hit at night.")
    assert q2.speaker is None


def test_surname_resolves_to_full_name():
    text = "Pat Caddell spoke on Thursday.\n\n“Health matters,” Caddell said."
    assert one(text).speaker == "Pat Caddell"


def test_entities_give_canonical_name_and_id():
    text = "“We will win,” Dr. Jane Okafor said."
    start = text.index("Jane")
    ent = Entity(
        id="E7",
        name="Jane Okafor",
        label="PERSON",
        mentions=[Mention(start, start + 11, "Jane Okafor")],
    )
    q = one(text, [ent])
    assert (q.speaker, q.speaker_id) == ("Jane Okafor", "E7")


# -- the seed ---------------------------------------------------------------------------------


def test_seed_quotes_all_attributed_to_im_chon_il():
    text = SEED.read_text(encoding="utf-8")
    body = text.index('"')
    qs = extract_quotes(segment(text, body))
    check_spans(text, qs)
    direct = [q for q in qs if q.kind == "direct"]
    starts = [
        "clear milestone",
        "During the past one year",
        "formed excellent personal relations",
        "Even in the severe environment",
        "The two countries will further strengthen",
    ]
    for s in starts:
        assert any(s in q.text for q in qs), s
    assert len(direct) >= 4
    reported = [q for q in qs if q.kind in ("indirect", "mixed")]
    cues = {q.cue.text for q in reported if q.cue}
    assert {"said", "stated", "noted"} <= cues
    assert all(q.speaker == "Im Chon Il" for q in qs)
    mentions = {q.speaker_mention.text for q in qs if q.speaker_mention}
    assert {"The diplomat", "the North Korean diplomat", "he"} <= mentions


def test_seed_with_entities_if_available():
    pytest.importorskip("newscli.entities")
    from newscli.entities import extract_entities

    text = SEED.read_text(encoding="utf-8")
    seg = segment(text, text.index('"'))
    qs = extract_quotes(seg, extract_entities(seg))
    assert qs and all(q.speaker == "Im Chon Il" for q in qs)


# -- properties -------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [*"abc XYZ.,;:!?\n\"'“”‘’«»`-—", " said ", " Mr. ", " he ", " that ", "''", "``"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_property_never_raises_and_spans_slice(text):
    qs = quotes(text)
    check_spans(text, qs)
    for q in qs:
        assert q.kind in ("direct", "mixed", "indirect")
        for p in q.parts:
            assert 0 <= p.start < p.end <= len(text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_property_arbitrary_unicode(text):
    check_spans(text, quotes(text))


def test_hostile_input_is_fast():
    import time

    text = ("“" * 2000 + "a said " * 3000 + "'" * 2000 + "\n\n") * 8
    t0 = time.perf_counter()
    qs = quotes(text)
    assert time.perf_counter() - t0 < 5
    check_spans(text, qs)


def test_quotes_match_the_json_schema():
    jsonschema = pytest.importorskip("jsonschema")
    from newscli.schema import QUOTE

    text = SEED.read_text(encoding="utf-8")
    qs = extract_quotes(segment(text, text.index('"')))
    qs += quotes("“The deal,” Anna Berg said, “is not done yet.”")
    for q in qs:
        jsonschema.validate(q.to_dict(), QUOTE)
