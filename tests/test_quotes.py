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


def test_a_description_of_another_party_is_not_the_person():
    from newscli.entities import extract_entities

    text = (
        "Mary Hale, the Democratic nominee, campaigned in Ohio on Monday.\n\n"
        '"We will win this state," Hale told supporters.\n\n'
        '"They are rigged," the Republican candidate said.\n\n'
        '"We are confident," the Democratic candidate said later.'
    )
    seg = segment(text)
    qs = extract_quotes(seg, extract_entities(seg))
    assert [q.speaker for q in qs] == ["Mary Hale", None, "Mary Hale"]
    assert qs[1].speaker_mention.text == "the Republican candidate"


def test_an_organisation_named_after_a_title_word_keeps_its_name():
    from newscli.entities import extract_entities

    text = 'The Justice Department said the law was "in open defiance of the Constitution."'
    seg = segment(text)
    assert one(text, extract_entities(seg)).speaker == "Justice Department"


def test_a_dateline_place_is_not_the_subject_of_a_participle():
    from newscli.entities import extract_entities

    text = (
        "AUSTIN, Texas (AP) \u2014 A federal judge on Wednesday blocked a law, calling it an "
        '"offensive deprivation" of a right.'
    )
    seg = segment(text)
    assert [q.speaker for q in extract_quotes(seg, extract_entities(seg))] in ([], [None])


@pytest.mark.parametrize(
    "text",
    [
        '"It is bad," Secretary of State Ana Silva said.',
        '"It is bad," said Secretary of State Ana Silva.',
        'Secretary of State Ana Silva said: "It is bad."',
        '"It is bad," said Minister of Health Ana Silva.',
    ],
)
def test_a_title_with_its_complement_before_the_name(text):
    q = one(text)
    assert q.speaker == "Ana Silva"
    # the mention holds the whole title: "Secretary of State Ana Silva"
    assert q.speaker_mention.text.split()[:2] in (["Secretary", "of"], ["Minister", "of"])


def test_an_age_belongs_to_the_description():
    text = (
        "Foreign Minister Ana Silva said on Monday that the border would reopen.\n\n"
        "The 58-year-old minister added that trade would resume in June."
    )
    qs = quotes(text)
    assert qs[1].speaker_mention.text == "The 58-year-old minister"
    assert qs[1].speaker == "Ana Silva"


def test_a_nationality_for_a_person_is_the_person_just_named():
    from newscli import inspect

    text = (
        "Derby won\n\nManager Alex Ferguson praised Russian fans after the match. "
        "“He was magnificent,” the Scot said."
    )
    q = inspect(text, sections=["quotes"]).quotes[0]
    assert q.speaker == "Alex Ferguson"
    assert q.speaker_mention.text == "the Scot"
    # with nobody named before, nobody
    q = inspect("Derby won\n\n“We won,” the Scot said.", sections=["quotes"]).quotes[0]
    assert q.speaker is None


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "Sen. Jeff Sessions of Alabama called it “a tax-and-spend blueprint.”",
            "Jeff Sessions",
            "Sen. Jeff Sessions of Alabama",
        ),
        (
            "Gov. Rick Perry toured the site. The governor of Texas said the plan would fail.",
            "Rick Perry",
            "The governor of Texas",
        ),
    ],
)
def test_a_person_of_a_place_is_the_person(text, speaker, mention):
    from newscli import inspect

    q = inspect("Budget\n\n" + text, sections=["quotes"]).quotes[-1]
    assert (q.speaker, q.speaker_mention.text) == (speaker, mention)


def test_an_object_pronoun_after_a_cue_is_not_the_speaker():
    text = "Budget\n\nThe senator, a Republican from the South, called it “a blueprint.”"
    from newscli import inspect

    for q in inspect(text, sections=["quotes"]).quotes:
        assert q.speaker_mention is None or q.speaker_mention.text != "it"


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
    [
        *"abc XYZ.,;:!?\n\"'“”‘’«»`-—(",
        *(" said ", " Mr. ", " he ", " that ", "''", "``", " according to ", " by the "),
        *(" put it", " her claim ", " an agreement to ", " criticized ", " and ", " They "),
    ]
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


# -- round two: reported speech, boundaries, speakers, hostile input ---------------------------


def test_that_inside_the_clause_is_not_the_complementiser():
    q = one("Fire chief Dana Holt said crews have footage that shows the blaze.")
    assert q.text == "crews have footage that shows the blaze"
    assert q.speaker == "Dana Holt"


def test_nested_cue_in_subordinate_clause_stays_in_the_content():
    text = (
        "Retired Adm. Leo Park said Gray was “entirely right” when he said on Monday that "
        "under the mayor, “the bridges have been left to rot.”"
    )
    qs = quotes(text)
    assert qs[0].kind == "mixed" and qs[0].speaker == "Leo Park"
    assert qs[0].text.endswith("left to rot.”")


def test_and_said_takes_the_sentence_subject():
    q = one("Nadia Cole toured the flooded school and said the repairs would take a year.")
    assert (q.kind, q.speaker, q.text) == (
        "indirect",
        "Nadia Cole",
        "the repairs would take a year",
    )


def test_but_has_said_is_the_same_speaker():
    qs = quotes("Rita Vance has urged towns to save water but has said she will not ration it.")
    said = [q for q in qs if q.cue and q.cue.text == "said"]
    assert said and said[0].speaker == "Rita Vance"
    assert said[0].text == "she will not ration it"
    assert not any(q.text.endswith(" but") for q in qs)


def test_speech_nouns_with_that_or_to():
    q = one("Mayor Ann Lister has been frank in her acknowledgment that the budget had failed.")
    assert q.kind == "indirect" and q.text == "the budget had failed"
    assert q.speaker == "Ann Lister" and q.cue.text == "acknowledgment"
    q = one("After a long night the two sides reached an agreement to share the river water.")
    assert q.text == "to share the river water" and q.speaker is None


def test_relative_clause_after_a_plural_noun_is_not_speech():
    assert quotes("Many of the claims that farmers raise were answered in the report.") == []


def test_judging_verbs_speak_only_with_a_quoted_phrase():
    q = one("Governor Paul Reyes criticized the new tax as a “crazy scheme” on Tuesday.")
    assert q.kind == "mixed" and q.speaker == "Paul Reyes"
    assert "crazy scheme" in q.text
    assert quotes("Governor Paul Reyes criticized the new tax on Tuesday.") == []


def test_long_quotation_closing_reported_speech_is_also_a_direct_quote():
    text = (
        "The envoy stated that during the talks, the two leaders “agreed to open three new "
        "border crossings and to double the trade in grain before the end of the year.”"
    )
    qs = quotes(text)
    kinds = [q.kind for q in qs]
    assert kinds == ["mixed", "direct"]
    mixed, direct = qs
    assert mixed.text.startswith("during the talks")
    assert mixed.start < direct.start and direct.end == mixed.end
    assert direct.text.startswith("“agreed")


def test_that_followed_by_a_comma_is_kept():
    q = one("Omar Haddad said that, if elected, he would halve the fares.")
    assert q.text == "that, if elected, he would halve the fares"


def test_demonstrative_that_is_the_subject():
    q = one("Lena Brandt said that would pay for two new ferries.")
    assert q.text == "that would pay for two new ferries"


def test_connective_opening_the_sentence_is_left_out():
    q = one("But the new levy still favours the rich, the Budget Council said.")
    assert q.text == "the new levy still favours the rich"
    assert q.speaker == "Budget Council"


def test_source_with_a_prepositional_phrase():
    q = one("Experts on trade and farming said the new tariff could change that.")
    assert q.text == "the new tariff could change that" and q.speaker is None


def test_circumstance_then_pronoun_subject():
    q = one("Carla Mendes said after the vote she would not accept the offer.")
    assert q.text == "she would not accept the offer" and q.speaker == "Carla Mendes"


def test_aside_in_parentheses_ends_the_reported_speech():
    q = one("Hugo Stein said the new line will open next spring (the old one closed in May).")
    assert q.text == "the new line will open next spring"


def test_they_resolves_to_the_organisation_that_just_spoke():
    text = (
        "The Northern Water Authority said on Monday that the reservoirs were full. "
        "They added that no restrictions were planned."
    )
    qs = quotes(text)
    assert [q.speaker for q in qs] == ["Northern Water Authority"] * 2
    assert qs[1].speaker_mention.text == "They"


def test_they_after_a_person_stays_unknown():
    qs = quotes("Maria Lopez said the plan was bad. They said it would fail.")
    assert [q.speaker for q in qs] == ["Maria Lopez", None]


def test_joint_speakers_give_the_first_named():
    q = one("Ken Ito and Sara Bloom said the bridge would reopen in March.")
    assert q.speaker == "Ken Ito"


def test_hostile_walls_finish_fast():
    import time

    walls = [
        '"' * 20_000,
        ("“ ” \" ' ‘ ’ « » `` '' " * 2_000),
        ("“a ‘b " * 25 + "x" + "’ b” a" * 25 + " he said. ") * 20,
        "Alpha Beta Gamma Delta Says Epsilon " * 600,
        "Hi.\n\n" * 5_000,
    ]
    for text in walls:
        seg = segment(text)
        seg.tokens  # noqa: B018 - tokenise outside the timed part
        t0 = time.perf_counter()
        qs = extract_quotes(seg, None)
        assert time.perf_counter() - t0 < 1.0
        check_spans(text, qs)


def test_a_wall_of_marks_does_not_hide_the_rest_of_the_article():
    text = (
        '"' * 3_000
        + "\n\n“We will rebuild the port,” said Mayor Ines Duarte.\n\n"
        + "“ ” ‘ ’ " * 800
        + "\n\nPort director Ravi Shah said the work would start in June."
    )
    qs = quotes(text)
    check_spans(text, qs)
    assert [q.speaker for q in qs] == ["Ines Duarte", "Ravi Shah"]


def test_nested_quotes_fifty_deep_still_parse():
    inner = "“a ‘b " * 25 + "core" + "’ b” a" * 25
    text = f"“{inner} done,” said Tom Reed. Later he said the talks were over."
    qs = quotes(text)
    check_spans(text, qs)
    assert qs and all(q.speaker == "Tom Reed" for q in qs)


def test_named_speaker_verb_and_quoted_object_is_mixed():
    q = one("Senator Joan Pike urged voters on Sunday to “stand up for the river.”")
    assert q.kind == "mixed" and q.speaker == "Joan Pike"
    q = one("Leo Brandt proclaimed a goal of “clean water for every town.”")
    assert q.kind == "mixed" and q.speaker == "Leo Brandt"
    assert q.text.startswith("a goal of")


def test_passive_or_titled_object_is_not_speech():
    assert quotes("He has been investigated by the council for selling “miracle” pills.") == []
    assert quotes("Ada Moss watched the film “Blue Night” twice.") == []


def test_according_to_a_report_or_statistics():
    q = one("Some drivers would pay more under the plan, according to an analysis by Rita Moss.")
    assert q.speaker == "Rita Moss"
    assert q.text == "Some drivers would pay more under the plan"
    q = one("About 9.9 million workers live in the state, according to federal statistics.")
    assert q.kind == "indirect" and q.speaker is None
    q = one("According to a new report by the Daily Herald, party staff are calling voters.")
    assert q.speaker == "Daily Herald" and q.text == "party staff are calling voters"


def test_as_x_put_it():
    q = one('The main rule is a "lawful source of income," as a state memo put it.')
    assert q.cue.text == "put it" and q.speaker is None
    q = one('As Ms. Vance put it in a letter in July, the station is "a voice apart."')
    assert q.kind == "mixed" and q.speaker == "Vance"
    assert q.text.startswith("the station is")


def test_negated_cue_reporting_a_question():
    q = one("Lawmakers have not said when they would vote on the bill.")
    assert q.text == "when they would vote on the bill" and q.speaker is None
    assert quotes("The firm did not respond to the letter.") == []


def test_capitalised_group_at_sentence_start_is_not_a_name():
    q = one("Officials said the bridge would reopen in March.")
    assert q.speaker is None and q.speaker_mention.text == "Officials"


def test_quoted_object_before_another_cue():
    qs = quotes('Ted Marsh exhorted members to "vote with your heart" and said he would stay.')
    assert [(q.kind, q.speaker) for q in qs] == [("mixed", "Ted Marsh"), ("indirect", "Ted Marsh")]
    assert qs[0].text == 'members to "vote with your heart"'
    q = one("In recent weeks, Reid has gone after the banker as a “greedy old fox.”")
    assert q.kind == "mixed" and q.speaker == "Reid"


def test_verb_to_cue_and_negative_contractions():
    q = one("Gov. Ann Hale appeared to suggest that the plan had failed.")
    assert (q.speaker, q.text) == ("Ann Hale", "the plan had failed")
    q = one("Ana Ruiz isn't saying if the charity broke any laws.")
    assert (q.speaker, q.text) == ("Ana Ruiz", "if the charity broke any laws")
    q = one("Mia Cole continues to insist, most recently on the radio, that she will run.")
    assert (q.speaker, q.text) == ("Mia Cole", "she will run")


# -- fast paths (each must give what the slow path gave) ---------------------------------------


def test_name_learnt_later_in_a_sentence_with_only_apostrophes():
    # the last sentence has apostrophes but no cue, no quotation: it is read like a quiet
    # sentence, and its full name still names the speaker quoted before it
    text = (
        "Okafor said the dam’s gates would open on Friday.\n\n"
        "Engineers don’t expect floods, and Nneka Okafor’s team stays calm."
    )
    q = quotes(text)[0]
    assert (q.speaker, q.text) == ("Nneka Okafor", "the dam’s gates would open on Friday")


def test_article_without_speech_resolves_nobody():
    # no cue and no quotation: the names are never learnt (and nothing breaks)
    assert quotes("Nneka Okafor’s team opened the dam’s gates on Friday in Lagos.") == []


def test_cue_word_next_to_non_ascii_letters():
    # cue words are runs of a-z letters: "saidé" holds "said" (as [a-z]+ would split it)
    from newscli.quotes import _has_cue_word

    assert _has_cue_word("officials saidé that the gates would open")
    assert _has_cue_word("the mayor saíd: nothing", marks=True) is False
    assert _has_cue_word("they called it a flood") is False  # a soft cue needs "that"
    assert _has_cue_word("they called it a flood", marks=True)


def test_apostrophe_at_a_scan_boundary_is_read_as_before():
    # the scan skips apostrophes inside words, except where a range cuts a word
    from newscli.quote_marks import CLOSE, OPEN, scan_marks

    text = "Korea’s ‘new era’ began"
    marks = scan_marks(text, 0, len(text))
    assert [(m.pos, m.direction) for m in marks] == [(8, OPEN), (16, CLOSE)]
    # a range ending right after the apostrophe of "Korea’s": there it may close a quote
    assert [(m.pos, m.direction) for m in scan_marks(text, 0, 6)] == [(5, CLOSE)]


def _cap_runs(items) -> list[tuple[int, int]]:
    """(first, last) item of every run of capitalised words, as _register_run_names reads them."""
    runs, k = [], 0
    while k < len(items):
        if not items[k].cap:
            k += 1
            continue
        j = k
        while j + 1 < len(items) and items[j + 1].cap:
            j += 1
        runs.append((k, j))
        k = j + 1
    return runs


@pytest.mark.parametrize(
    "sentence",
    [
        "Yesterday Tomas Berg met Lena Varga and Mr. Ode in Kisumu before the vote.",
        "Foreign Minister Ines Kahl spoke as The Courier ran Miss Coast Aya Lind and Ivo Orlov.",
        "He told Ludwig van Rees and Bank of Halden chief Oren Tal about Standard Freight.",
        "Officials and Residents of North Vale met Dr. J. P. Moss and Ana De Souza Brito Costa.",
    ],
)
def test_plain_name_run_gives_what_the_full_walk_gives(sentence):
    # the shortcut may only claim runs where phrase_ending_at returns the bare run as a name
    from newscli.quotes import _itemize
    from newscli.speakers import phrase_ending_at, plain_name_run

    seg = segment(sentence)
    items = _itemize(seg.tokens, 0, len(seg.tokens), sentence)
    claimed = 0
    for k, j in _cap_runs(items):
        if not plain_name_run(items, k, j):
            continue
        claimed += 1
        p = phrase_ending_at(items, j, k)
        assert p is not None and p.kind == "name", [x.text for x in items[k : j + 1]]
        assert (p.i, p.j, p.name_start, p.name_end, p.titles) == (
            k,
            j + 1,
            items[k].start,
            items[j].end,
            [],
        )
    assert claimed >= 1


def test_plain_name_run_leaves_titles_and_articles_to_the_full_walk():
    from newscli.quotes import _itemize
    from newscli.speakers import plain_name_run

    def plain(text: str) -> bool:
        seg = segment(text)
        items = _itemize(seg.tokens, 0, len(seg.tokens), text)
        return plain_name_run(items, 0, len(items) - 1)

    assert plain("Lena Varga")
    assert not plain("Minister Lena Varga")  # a title
    assert not plain("The Courier")  # an article
    assert not plain("Ludwig Van Rees")  # a connector
    assert not plain("Mr. Ode")  # an honorific
    assert not plain("Officials")  # a vague source
    assert not plain("Ana Bea Cruz Dias Moss")  # longer than a name


def test_quiet_sentence_learns_a_known_surname_but_not_a_weekday():
    # one capitalised word in a sentence without cue or quotation is a name only when the
    # article already knows it (or it is a first name): checked before any item is made
    from newscli.quotes import _pieces, _register_names, _units
    from newscli.speakers import Resolver

    text = (
        "Ruth Okonkwo chairs the port board. "
        "The cranes worried Okonkwo on Monday and the dockers waited."
    )
    seg = segment(text)
    pieces = _pieces(seg)
    units = _units(seg, pieces)
    resolver = Resolver(text, None)
    _register_names(units, resolver, seg, pieces)
    offsets = [o for o, _ in resolver.mentions]
    assert text.index("Ruth") in offsets
    assert text.index("Okonkwo on") in offsets  # the known surname, alone in its sentence
    assert text.index("Monday") not in offsets
    assert {p.name for _, p in resolver.mentions} == {"Ruth Okonkwo"}


def test_pronoun_after_a_name_reads_any_case_as_ignorecase_would():
    # the pronoun pattern spells out its letters' cases instead of using re.IGNORECASE (for
    # speed): it must find the same words, in capitals, with the dotless i and the long s
    import re

    from newscli.speakers import _pronoun_after

    reference = re.compile(r"\b(he|his|him|she|her|hers)\b", re.IGNORECASE)
    for after in [
        " said HE would go",
        " thanked Hers truly",
        " met her",
        " chose ſhe",
        " kept hıs word",
        " left the shelter",
        " hereby signed",
        " then Him",
        " no pronoun here",
    ]:
        m = reference.search(after, 0, 120)
        want = "" if m is None else ("f" if m.group(1).lower() in ("she", "her", "hers") else "m")
        assert _pronoun_after("Name" + after, 4) == want, after


def test_pronoun_after_matches_the_plain_pattern_on_random_text():
    # the pattern opens with its first letters and a look-behind instead of ``\b`` (for speed):
    # on any text and from any offset it must find what the plain word-bounded pattern finds
    import random
    import re

    from newscli.speakers import _pronoun_after

    reference = re.compile(r"\b(he|his|him|she|her|hers)\b", re.IGNORECASE)
    alphabet = "hHeErRsSſiIİımM _-a1é'’"
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        end = rng.randint(0, len(text))
        m = reference.search(text, end, end + 120)
        want = "" if m is None else ("f" if m.group(1).lower() in ("she", "her", "hers") else "m")
        assert _pronoun_after(text, end) == want, (text, end)


def test_quoted_spans_in_paragraphs_given_out_of_order():
    # the search for the next mark is shared by the paragraphs before it: paragraphs given
    # in any order (or without marks between them) still find every quotation of their own
    text = "“One,” she said.\n\nNo marks here.\n\nThen “two” came."
    paragraphs = [(0, 16), (18, 32), (34, len(text))]
    want = [(0, 6), (39, 44)]
    for order in (paragraphs, paragraphs[::-1], [paragraphs[2], paragraphs[0], paragraphs[1]]):
        got = sorted((q.start, q.end) for q in find_quoted_spans(text, order))
        assert got == want, order


@pytest.mark.parametrize(
    "opening",
    ["(CNN) -- ", "WASHINGTON (AP) -- ", "MOSCOW, April 27. /TASS/. ", "LONDON (Reuters) — "],
)
def test_a_dateline_is_not_part_of_what_was_said(opening: str) -> None:
    text = f"Storm hits coast\n\n{opening}A storm hit the coast on Tuesday, officials said.\n"
    q = one(text)
    assert q.text == "A storm hit the coast on Tuesday"
    check_spans(text, [q])


def test_a_sentence_with_its_own_quotation_is_not_a_tail_of_the_last():
    text = (
        'Ryan said the two plans "could not be more different." Asked whether a compromise '
        'was possible, he said: "I hope so."'
    )
    qs = quotes(text)
    assert [q.text for q in qs] == ['the two plans "could not be more different."', '"I hope so."']
    assert [q.speaker for q in qs] == ["Ryan", "Ryan"]
    check_spans(text, qs)


def test_a_name_in_apposition_after_an_inverted_description_is_the_speaker():
    text = (
        '"People forget how hard it was," said her daughter, Camila Chavez, who runs the '
        'foundation. "My mother was arrested 22 times."'
    )
    qs = quotes(text)
    assert [q.speaker for q in qs] == ["Camila Chavez", "Camila Chavez"]
    assert qs[0].speaker_mention.text == "her daughter, Camila Chavez"
    check_spans(text, qs)


def test_a_full_sentence_after_a_quotation_is_not_its_attribution():
    text = (
        'Alderman Scott Waguespack told reporters that the mayor "is balancing the budget on '
        "the backs of the poor.\" Emanuel's office did not respond to a request for comment."
    )
    qs = quotes(text)
    assert qs[0].text == 'the mayor "is balancing the budget on the backs of the poor."'
    check_spans(text, qs)


def test_a_quotation_after_a_colon_is_the_subjects():
    text = (
        'Scott Waguespack said the mayor "is wrong."\n\n'
        'Asked about the criticism, Rahm Emanuel was blunt: "They are entitled to their opinion."'
    )
    q = quotes(text)[-1]
    assert q.text == '"They are entitled to their opinion."'
    assert q.speaker == "Rahm Emanuel"


def test_a_phrase_followed_by_a_verb_after_a_cue_opens_the_reported_clause():
    text = 'Mike Pence, speaking on "Meet the Press," said the administration would "stand firm."'
    for q in quotes(text):
        assert q.speaker_mention is None or q.speaker_mention.text != "the administration"
    assert one('"We will win," said the senator, who is running again.').speaker_mention.text == (
        "the senator"
    )


def test_writer_attribution_at_the_very_end_of_the_text() -> None:
    # "we added" as the last words: the look-around for a quotation stops at the text's end
    from newscli import inspect

    article = inspect("Cook it well, we added.")
    assert isinstance(article.quotes, list)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“We are disappointed,” said Russia's Foreign Minister Sergei Lavrov.", "Sergei Lavrov"),
        ("“We are disappointed,” said Brazil's ambassador Sergio Danese.", "Sergio Danese"),
        ("“We are ready,” said Apple's chief executive, Tim Cook.", "Tim Cook"),
        ("“It is late,” said Smith's lawyer.", None),  # the lawyer, not Smith
    ],
)
def test_an_owner_in_the_possessive_is_not_the_speaker(sentence: str, speaker: str | None):
    from newscli import inspect

    (q,) = inspect(sentence, "2023-10-10").quotes
    assert q.speaker == speaker


def test_a_bare_dateline_is_not_part_of_what_was_said():
    from newscli import inspect

    text = "NEW DELHI: The cabinet on Tuesday approved two rail lines, minister Anurag Thakur said."
    (q,) = inspect(text, "2023-10-10").quotes
    assert q.text == "The cabinet on Tuesday approved two rail lines"
    assert q.speaker == "Anurag Thakur"


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        (
            "“The merger is off,” one source with direct knowledge of the deal told reporters.",
            "one source with direct knowledge of the deal",
        ),
        (
            "“No date is set,” a second person briefed on the negotiations said on Monday.",
            "a second person briefed on the negotiations",
        ),
        (
            "“Bids are due in June,” said a banker involved in the auction.",
            "a banker involved in the auction",
        ),
        (
            "The mine will reopen next week, according to two people familiar with the plan.",
            "two people familiar with the plan",
        ),
        (
            "“Nobody expected the vote,” a senior government official who asked not to be named "
            "said.",
            "a senior government official who asked not to be named",
        ),
        ("The talks stalled, sources said.", "sources"),
        (
            "Three villagers who asked not to be identified said the well had run dry.",
            "Three villagers who asked not to be identified",
        ),
    ],
)
def test_an_unnamed_source_is_a_speaker_of_its_own_kind(sentence: str, mention: str):
    # never a noun from inside the description ("the deal"), never a guessed name
    from newscli import inspect

    text = "Rahul Verma chairs the board. " + sentence
    qs = [q for q in inspect(text, "2024-05-01").quotes if "Rahul" not in q.text]
    assert len(qs) == 1, [q.text for q in qs]
    assert qs[0].speaker == "unnamed source"
    assert qs[0].speaker_id is None
    assert qs[0].speaker_mention is not None and qs[0].speaker_mention.text == mention


def test_a_known_person_described_is_not_an_unnamed_source():
    from newscli import inspect

    for text in (
        "“We will appeal,” the two lawyers said.",
        "“It is late,” said the official familiar with the case, Ana Ruiz.",
        "He told officials familiar with the file that it was closed.",
    ):
        assert all(q.speaker != "unnamed source" for q in inspect(text, "2024-05-01").quotes)


@pytest.mark.parametrize(
    ("text", "full"),
    [
        (
            "“We moved 300 people,” said Chen Wei, a county official. Chen told state media that "
            "roads were cut. “The water is falling,” Chen added.",
            "Chen Wei",
        ),
        (
            "Pak Jong-su, a ministry spokesman, said the drills were a provocation. “We will "
            "answer,” Pak added.",
            "Pak Jong-su",
        ),
    ],
)
def test_a_family_name_first_alias_is_the_same_speaker(text: str, full: str):
    # the family name comes first: the bare alias is the person named in full, one entity
    from newscli import inspect

    qs = inspect(text, "2024-05-01").quotes
    assert len(qs) >= 2
    assert {q.speaker for q in qs} == {full}
    assert len({q.speaker_id for q in qs}) == 1 and qs[0].speaker_id is not None


def test_an_organisation_with_its_city_in_front_is_one_speaker():
    # "Nairobi's Water Services Board" and "the Nairobi Water Services Board" are one body
    from newscli import inspect

    text = (
        "Taps ran dry across Nairobi on Monday. Nairobi's Water Services Board said a main pipe "
        "had burst. The Nairobi Water Services Board also said repairs would take two days."
    )
    article = inspect(text, "2024-05-01")
    qs = article.quotes
    assert len(qs) == 2
    assert {q.speaker for q in qs} == {"Nairobi Water Services Board"}
    assert qs[0].speaker_id == qs[1].speaker_id is not None
    names = [e.name for e in article.entities if e.label == "ORG"]
    assert names == ["Nairobi Water Services Board"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tendai Moyo, provinical police inspector in Masvingo, said the road would stay shut.",
        "Tendai Moyo, cheif negotiator for the miners' union, said the road would stay shut.",
    ],
)
def test_a_misspelt_word_in_an_apposition_keeps_the_speaker(sentence: str):
    # the apposition reads as a role whatever word opens it: the quote keeps its speaker
    from newscli import inspect

    (q,) = inspect(sentence, "2024-05-01").quotes
    assert q.text == "the road would stay shut"
    assert q.speaker == "Tendai Moyo"


def test_coordinated_descriptions_speak_together():
    # "A and the B of C said": one speaker phrase opening the clause, the first for both
    from newscli import inspect

    text = (
        "The ferry sank near the harbour mouth at dawn, the coast guard and the relatives of two "
        "of the passengers said."
    )
    (q,) = inspect(text, "2024-05-01").quotes
    assert q.text == "The ferry sank near the harbour mouth at dawn"
    assert q.speaker_mention is not None
    assert q.speaker_mention.text == "the coast guard and the relatives of two of the passengers"


def test_a_cue_inside_the_reported_clause_is_not_the_attribution():
    # ", X said." at the end reports the whole clause before it, its verbs included
    from newscli import inspect

    text = (
        "The board would probably then ask the city's planning office to review the permit "
        "within a month, Okafor said."
    )
    (q,) = inspect(text, "2024-05-01").quotes
    assert q.speaker == "Okafor"
    assert q.cue is not None and q.cue.text == "said"
    assert q.text.startswith("The board would probably then ask")


@pytest.mark.parametrize(
    "text",
    [
        "The brewer lifted its shares by posting quarterly sales that topped every forecast.",
        "Seismologists raised the alert after observing swarms of small quakes under the lake.",
        "Grain prices jump in Kenya\n\n• Millers caution about maize supply\n• Bakers raise bread "
        "prices",
    ],
)
def test_verbs_that_are_not_speech_make_no_quote(text: str):
    # an -ing verb after a preposition with a thing as its object, and a bulleted headline
    from newscli import inspect

    assert inspect(text, "2024-05-01").quotes == []


def test_a_verb_after_a_preposition_still_reports_a_clause():
    from newscli import inspect

    text = "The mayor ended the meeting after noting that the budget was short."
    (q,) = inspect(text, "2024-05-01").quotes
    assert q.text == "the budget was short"


def test_a_ruling_is_attributed_speech():
    from newscli import inspect

    text = "Judge Grace Wanjiru ruled on Thursday morning that the seized phones were admissible."
    (q,) = inspect(text, "2024-05-01").quotes
    assert q.text == "the seized phones were admissible"
    assert q.speaker == "Grace Wanjiru"
    for text in (
        "The king ruled the island for forty years.",
        "Police ruled out foul play in the death.",
        "A new rule that caps rents takes effect in June, officials said.",
    ):
        assert all(q.cue is None or q.cue.text != "ruled" for q in inspect(text).quotes)
        assert all(q.cue is None or q.cue.text != "rule" for q in inspect(text).quotes)


def test_reported_speech_around_a_parenthetical_cue_starts_after_a_colon():
    from newscli import inspect

    text = (
        "Geologists long wanted to know why the valley sank: In the dry years, they say, farmers "
        "pumped the aquifer empty."
    )
    (q,) = inspect(text, "2024-05-01").quotes
    assert q.text.startswith("In the dry years")


def _long_quotes_text() -> str:
    """Over the token-list limit: tails that join the quotation before them, sentences of
    hundreds of words with quotations and ``Mr.`` that are chopped, walls without a stop."""
    long_sentence = " ".join(
        f'Mr. Keller of the board, who said "item {k} stays," met J. Okafor and others'
        for k in range(40)
    )
    paras = [
        '"Are we done?" Clinton said. "Not yet," added Mr. Moreau, a spokesman.',
        '"It is over." ― Anna Keller',
        "Olga Tanaka told reporters that the budget would be balanced by June.",
        long_sentence + ".",
        "Talks stalled; nobody had been consulted.",
        "He said: \u201cWe are close,\u201d and left. \u201cI will not resign\u201d was the line.",
        " ".join(["word"] * 1200) + ' "x"',
    ]
    return "Title: Talks\n\n" + "\n\n".join(paras * 60)


def _unit_rows(units, seg, pieces):
    from newscli.quotes import _unit_items

    return [
        (
            (u.start, u.end, u.paragraph, u.sentence, u.title_case, u.loud, u.cue, u.has_q),
            u.windows,
            [
                (it.kind, it.start, it.end, it.text, it.low, it.piece)
                for it in _unit_items(u, seg, pieces)
            ],
        )
        for u in units
    ]


def test_a_long_article_keeps_one_units_items_and_makes_the_same_ones_again():
    # a long article's units drop their items once settled (memory: an item per word of the
    # article was alive until the name pass) and make them again from token ranges: the same
    # units and items as an ordinary article's, which keeps them all
    from newscli.quotes import _pieces, _units
    from newscli.segment import Segmentation, tokenize

    text = _long_quotes_text()
    body = text.index("\n\n") + 2
    seg = segment(text, body)
    assert seg.long
    pieces = _pieces(seg)
    units = _units(seg, pieces)
    assert sum(1 for u in units if u.items) <= 1
    assert any(u.toks and len(u.toks) > 1 for u in units)  # a tail joined its quotation
    tokens = tokenize(text, body)
    kept = Segmentation(
        text=text,
        body_start=body,
        paragraphs=seg.paragraphs,
        sentences=seg.sentences,
        _sentence_starts=[s.start for s in seg.sentences],
        _tokens=tokens,
        _token_starts=[t.start for t in tokens],
        _tokenized=True,
    )
    assert not kept.long
    ref = _units(kept, pieces)
    assert len(ref) > len(seg.sentences) // 2
    assert _unit_rows(units, seg, pieces) == _unit_rows(ref, kept, pieces)
    assert [q.to_dict() for q in extract_quotes(seg)] == [q.to_dict() for q in extract_quotes(kept)]


def test_a_quote_starts_after_the_dateline_not_on_its_dash():
    from newscli import inspect

    text = (
        "PASADENA, Calif. - Scientists have found water ice near the moon's south pole, "
        "NASA said on Monday.\n"
    )
    (q,) = inspect(text, "2024-05-01").quotes
    assert q.text.startswith("Scientists") and text[q.start : q.end] == q.text
