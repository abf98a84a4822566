"""Entities in today's news as written (issue 20): match reports, page furniture, long
organisation names and whole role phrases. Every sentence here is made up."""

from __future__ import annotations

from newscli.entities import extract_entities
from newscli.segment import segment


def ents(text: str):
    return extract_entities(segment(text, 0))


def labels(text: str) -> dict[str, str]:
    """Every mention's text -> its entity's label."""
    return {m.text: e.label for e in ents(text) for m in e.mentions}


# ---------------------------------------------------------------------------------- sport

MATCH = (
    "Leeds City went top of the Premier League on Sunday with a 3-1 victory over Grimsby at "
    "Elland Road. City had lost to Preston a week earlier.\n\n"
    "Winger Tomasz Kowalczyk scored twice for Wrexham last season before he signed for Leeds "
    "City, whose manager praised the striker after the match. Norwich fans sang throughout.\n\n"
    "Next week Leeds City are at home to Kendal, who earned a 2-2 draw against Stoke."
)


def test_a_score_before_the_result_noun_makes_a_match_report_of_town_clubs():
    got = labels(MATCH)
    for club in ("Grimsby", "Preston", "Wrexham", "Kendal", "Norwich"):
        assert got.get(club) == "ORG", (club, got.get(club))


def test_a_league_named_before_a_weekday_is_one_organisation():
    got = labels(MATCH)
    assert got.get("Premier League") == "ORG"
    assert "League" not in got


def test_a_club_short_name_joins_the_full_name():
    club = next(e for e in ents(MATCH) if e.name == "Leeds City")
    assert club.label == "ORG"
    assert "City" in {m.text for m in club.mentions}


def test_a_given_name_in_the_place_of_a_team_is_a_club():
    text = (
        "Holders Burnley suffered a 0-3 defeat at home. Striker Ola Bakare scored for Chelsea, "
        "and the goalkeeper kept a clean sheet as the league leaders beat Sheffield."
    )
    got = labels(text)
    assert got.get("Chelsea") == "ORG"
    assert got.get("Ola Bakare") == "PERSON"


def test_a_national_team_stays_its_country():
    text = (
        "Belgium beat Portugal 2-0 in a World Cup qualifier on Tuesday. The striker scored "
        "his first goal of the season, the coach said, and the match drew a full stadium."
    )
    got = labels(text)
    assert got.get("Belgium") == "GPE"
    assert got.get("Portugal") == "GPE"


def test_a_role_word_with_a_hyphen_opens_no_organisation():
    text = (
        "Harlow beat Dorking 2-1 in the league match on Saturday, the manager "
        "said after the striker scored.\n\nMatch-winner Ademola Baker struck in the 88th "
        "minute."
    )
    person = next(e for e in ents(text) if e.name == "Ademola Baker")
    assert person.label == "PERSON"
    assert all(e.label != "ORG" or "Baker" not in e.name for e in ents(text))


def test_a_club_word_opening_a_sentence_before_its_manager():
    text = (
        "Bolton United lost 1-0 to Oldham in the league on Friday, and the striker was "
        "injured before the match.\n\nUnited manager Grace Mbeki said the season was long."
    )
    club = next(e for e in ents(text) if e.name == "Bolton United")
    assert {m.text for m in club.mentions} == {"Bolton United", "United"}


# ---------------------------------------------------------------------------------- page lines


def test_a_bulleted_line_opens_a_sentence():
    text = (
        "Floods closed roads across the region on Friday.\n\n"
        "• Navy divers searched the harbour overnight.\n"
        "• Rescue teams reached the valley by noon.\n"
    )
    got = labels(text)
    assert "Navy" not in got
    assert "Rescue" not in got


def test_clock_zones_reading_times_and_common_acronyms_are_no_names():
    text = (
        "Trading resumed at 10:15 AM ET on Monday. 6 Min Read. The EV charger and the SUV "
        "were parked outside. Polls close at 8 p.m. PT in the west."
    )
    got = labels(text)
    for word in ("AM ET", "ET", "Min Read", "EV", "SUV", "PT"):
        assert word not in got, word


def test_a_title_of_a_field_names_nobody():
    got = labels("Amara Diallo, Professor of Oceanography at Dunmore College, said so.")
    assert "Oceanography" not in got
    assert got.get("Amara Diallo") == "PERSON"


def test_party_and_home_town_after_a_lawmaker_is_no_name():
    got = labels("State Sen. Carla Ruiz, R-Wausau, voted against the bill on Tuesday.")
    assert "R-Wausau" not in got
    assert got.get("Carla Ruiz") == "PERSON"


def test_a_name_used_as_a_modifier_is_no_name():
    got = labels("The company sold a Linux-based tablet and a Vortexa-owned app last year.")
    assert "Linux-based" not in got
    assert "Vortexa-owned" not in got


def test_a_photo_credit_of_two_agencies_is_an_organisation():
    got = labels("Crowds gathered in the square on Sunday. Photo: ANP-AFP")
    assert got.get("ANP-AFP") == "ORG"


def test_an_inner_capital_spells_a_company_not_a_surname():
    got = labels("Figures compiled by DataStream showed, and MacLeod and DeLuca agreed.")
    assert got.get("DataStream") == "ORG"
    assert got.get("MacLeod") != "ORG"
    assert got.get("DeLuca") != "ORG"


# ---------------------------------------------------------------------------------- long names


def test_an_office_named_by_its_holder_is_one_organisation():
    got = labels(
        "Lawyers asked the County Prosecutor's Office to reply, and the state Attorney "
        "General's Office said it would review the case."
    )
    assert got.get("County Prosecutor's Office") == "ORG"
    assert got.get("Attorney General's Office") == "ORG"
    assert "Office" not in got


def test_a_body_named_for_its_purpose_runs_over_for_the_and_of_the():
    name = "Council for the Protection of the Coastal Wetlands"
    got = labels(f"The {name} filed a complaint on Monday.")
    assert got.get(name) == "ORG"


def test_a_newspaper_in_a_title_case_byline_is_whole():
    for paper in ("Detroit Post", "Fresno Globe"):
        got = labels(f"Storms hit the coast on Monday.\n\nReporting by Ana Ruiz, The {paper}")
        assert got.get(paper) == "ORG", got
        assert paper.split()[0] not in got


# ---------------------------------------------------------------------------------- roles


def person(text: str, name: str):
    return next(e for e in ents(text) if e.name == name and e.label == "PERSON")


def test_an_appositive_role_stops_before_and_a_second_description():
    text = "Ivana Horvat, Croatia's Chief Trade Envoy and a former banker, said on Friday."
    assert person(text, "Ivana Horvat").role == "Croatia's Chief Trade Envoy"


def test_an_appositive_role_runs_to_the_body_it_names():
    text = "Dawa Tsering, vice chairman of the Qinghai provincial government, spoke on Friday."
    assert person(text, "Dawa Tsering").role == (
        "vice chairman of the Qinghai provincial government"
    )


def test_a_portfolio_opening_a_sentence_stays_in_the_role():
    text = "Ports reopened. Housing Minister Nadia Okafor said rents would fall."
    assert person(text, "Nadia Okafor").role == "Housing Minister"


def test_a_title_with_nobody_named_is_no_entity():
    got = labels("The National Climate Adviser and the envoy met on Monday in Lagos.")
    assert "National Climate Adviser" not in got
