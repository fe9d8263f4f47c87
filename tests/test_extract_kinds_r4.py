"""Event detection and grouping, round 4: protests beside arrests, an attack and its interception,
one subject with a fight and an interception, and a reply that is not the attack it answers."""

from __future__ import annotations

from sitrep.extract import extract_text

PUB = "2024-03-09"


def _kinds(text: str) -> list[str]:
    return sorted(e.kind for e in extract_text(text, PUB))


def test_arrests_during_a_rally_are_a_protest_and_an_arrest():
    text = "Police in Minsk detained 40 people during an unauthorised rally against the election result on Sunday, a rights group said."
    events = extract_text(text, PUB)
    assert sorted(e.kind for e in events) == ["arrest", "protest"]
    protest = next(e for e in events if e.kind == "protest")
    assert not protest.quantities  # the detainees are counted on the arrest, not the protest


def test_protesters_act_in_the_protest_and_are_targets_of_the_arrest():
    text = "Georgian police dispersed a demonstration outside parliament in Tbilisi on Tuesday and arrested 12 people."
    events = extract_text(text, PUB)
    roles = {e.kind: {a.role for a in e.actors if a.type == "state_forces"} for e in events}
    assert set(roles) == {"arrest", "protest"}
    assert roles["arrest"] in ({"initiator"}, set())
    assert roles["protest"] in ({"target"}, set())  # the police intervene in the protest


def test_arrested_protesters_alone_are_an_arrest():
    assert _kinds("Police in Almaty detained 25 demonstrators on Monday.") == ["arrest"]


def test_an_arrest_for_organising_a_protest_is_no_protest():
    assert _kinds("Belarusian police arrested an activist accused of organising protests.") == ["arrest"]
    assert _kinds("Police detained five opposition members ahead of a planned rally in the capital on Friday.") == ["arrest"]


def test_gathering_to_demand_is_a_protest_and_the_detentions_an_arrest():
    text = "Dozens of mothers of conscripts gathered in front of the regional administration in Belgorod on Sunday to demand their sons' return; police detained eight of them."
    assert _kinds(text) == ["arrest", "protest"]


def test_the_protest_beside_an_arrest_joins_the_protest_just_reported():
    text = (
        "Thousands of people protested in Yerevan against the border deal on Monday. "
        "Police used batons against demonstrators near the government building and detained at least 30 people."
    )
    assert _kinds(text) == ["arrest", "protest"]


def test_an_attack_by_drones_repelled_is_a_strike_and_an_interception():
    text = "Ukrainian air defences repelled an attack by 17 Russian Shahed drones on Odesa overnight, the southern command said."
    assert _kinds(text) == ["interception", "strike"]


def test_one_subject_repelling_an_assault_and_downing_a_drone_is_two_events():
    text = "Ukrainian troops repelled a Russian assault near Robotyne and downed two Orlan drones, the general staff said."
    assert _kinds(text) == ["battle", "interception"]
    text = "The army said it had fought off an RSF attack on its base in El Obeid and shot down a drone on Monday."
    assert _kinds(text) == ["battle", "interception"]


def test_a_reply_on_the_attackers_is_not_merged_into_their_attack():
    text = (
        "Hamas gunmen stormed Israeli villages near Sderot on Sunday, killing 20 residents, while the group fired hundreds of rockets from Gaza. "
        "Israel's army said it was striking Hamas targets across the Gaza Strip."
    )
    kinds = _kinds(text)
    assert kinds.count("strike") == 2
