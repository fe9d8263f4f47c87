"""ACLED sub-event types of a text's main event: general codebook rules (CASE 2021 area).

Every sentence here is a new paraphrase, not a CASE snippet: the rules must hold for any text.
"""

from __future__ import annotations

import pytest

from sitrep.evaluate.scoring import case_prediction
from sitrep.extract import extract_text
from sitrep.knowledge.triggers import find_triggers, validate_all

PUB = "2023-05-14"
NO_EVENT = case_prediction(())


def _main(text: str) -> str:
    """The ACLED sub-event type of the text's main event (the first one ACLED codes)."""
    return case_prediction(extract_text(text, PUB))


def test_knowledge_files_validate():
    validate_all()


# --- remote violence vs fighting -------------------------------------------------------------


def test_launching_attacks_names_no_missile():
    assert _main("Insurgents launched several attacks on army posts in Tillaberi region, killing nine soldiers.") == "Armed clash"


def test_a_launched_chemical_attack_stays_chemical():
    assert _main("Government forces launched a chemical attack on the rebel-held town of Kafr Zita, residents said.") == "Chemical weapon"


def test_riot_control_grenades_are_an_intervention_not_a_grenade_attack():
    assert _main("Officers fired stun grenades to break up crowds of protesters in Lagos on Tuesday.") == "Protest with intervention"


# --- protests ---------------------------------------------------------------------------------


def test_detainees_in_a_protest_are_not_an_intervention():
    assert _main("Relatives of detainees held a sit-in outside the central prison in Nablus on Monday.") == "Peaceful protest"


def test_riot_police_are_not_rioters():
    assert _main("Riot police watched as thousands of teachers marched through Nairobi to demand higher pay.") == "Peaceful protest"
    assert _main("Riot police chased students through the campus after a rally in Dhaka.") == "Protest with intervention"


def test_beating_a_protester_is_excessive_force():
    assert _main("Police beat an elderly demonstrator during a rally in Minsk on Sunday.") == "Excessive force against protesters"


def test_an_attack_on_a_peaceful_protest_is_the_protest_and_its_repression():
    assert _main("Soldiers attacked a peaceful sit-in in Omdurman, injuring dozens of people.") == "Excessive force against protesters"


def test_tear_gas_deployed_is_no_troop_deployment():
    assert _main("Police deployed tear gas to scatter protesters in Conakry on Thursday.") == "Protest with intervention"


def test_a_protest_against_violence_is_not_violent():
    assert _main("Students rallied in Bogota on Friday against police violence.") == "Peaceful protest"
    assert _main("Hundreds of protesters clashed with police and set cars on fire in Dakar.") == "Violent demonstration"


def test_rival_crowds_fighting_each_other_are_mob_violence():
    assert _main("Rival demonstrations in Portland turned violent as the groups threw rocks at each other.") == "Mob violence"


def test_civil_disobedience_is_a_protest():
    assert any(h.kind == "protest" for h in find_triggers("supporters began a campaign of civil disobedience in yerevan"))
    assert any(h.kind == "protest" for h in find_triggers("villagers formed a human chain along the highway"))


# --- arrests ----------------------------------------------------------------------------------


def test_raids_to_arrest_people_are_arrests():
    assert _main("Security forces carried out raids to arrest opposition activists in Harare overnight.") == "Arrests"


def test_arrests_before_a_protest_are_arrests_not_a_protest():
    assert _main("Police arrested several opposition activists ahead of a planned rally in Kampala.") == "Arrests"


def test_ongoing_detentions_are_reported_not_intended():
    assert _main("Authorities continued to detain journalists in Asmara this week.") == "Arrests"


def test_armed_group_members_intercepted_are_arrested():
    assert _main("Police intercepted six suspected members of an armed group near Kano on Sunday.") == "Arrests"


# --- territory --------------------------------------------------------------------------------


def test_a_military_spokesman_does_not_make_the_state_the_taker():
    assert _main("A military spokesman said the insurgents had seized the town of Mansila on Monday.") == "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    "text",
    [
        "troops have taken dozens of rohingya men from the village",
        "soldiers captured at least five people including two women near the border",
    ],
)
def test_taking_counted_people_is_not_taking_ground(text):
    assert not any(h.kind == "territory_change" for h in find_triggers(text))


def test_taking_counted_places_is_taking_ground():
    assert any(h.kind == "territory_change" for h in find_triggers("rebels captured two army camps near kidal"))
    assert any(h.kind == "territory_change" for h in find_triggers("the militia seized three villages in the north"))


def test_ground_taken_without_resistance_is_a_non_violent_transfer():
    assert _main("Rebel fighters entered Kalehe on Sunday without meeting any resistance, residents said.") == "Non-violent transfer of territory"


def test_ground_handed_over_is_a_non_violent_transfer():
    assert _main("Government troops handed over control of the district to a local militia on Wednesday.") == "Non-violent transfer of territory"


# --- no event ---------------------------------------------------------------------------------


def test_saying_who_was_behind_an_attack_is_no_new_event():
    assert _main("Separatist fighters are believed to be behind last week's bombing of a bus in Quetta, officials said.") == NO_EVENT

