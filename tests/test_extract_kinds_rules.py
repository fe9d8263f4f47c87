"""Event detection, kinds and ACLED sub-types: the general rules added for issue 4 (kinds area)."""

from __future__ import annotations

from sitrep.extract import extract_text
from sitrep.knowledge.triggers import find_triggers, validate_all

PUB = "2024-03-09"


def _kinds(text: str) -> list[str]:
    return [e.kind for e in extract_text(text, PUB)]


def _subs(text: str) -> list[str | None]:
    return [e.acled.sub_event_type if e.acled else None for e in extract_text(text, PUB)]


def test_knowledge_files_still_validate():
    validate_all()


def test_a_wave_mixing_missiles_and_drones_is_coded_by_its_missiles():
    subs = _subs("Overnight Russia launched 30 Shahed drones and 12 cruise missiles at Zhytomyr oblast.")
    assert subs[0] == "Shelling/artillery/missile attack"


def test_drones_alone_stay_a_drone_strike():
    subs = _subs("Overnight Russia launched 30 Shahed drones at Zhytomyr oblast; most were shot down.")
    assert subs[0] == "Air/drone strike"


def test_captured_people_and_weapons_are_not_a_territory_change():
    assert "territory_change" not in _kinds("Eight attackers were killed and two were captured alive after they stormed a checkpoint.")
    assert _kinds("Police said 40 rifles and 3,000 bullets were captured in a warehouse in Mombasa.") == ["interception"]


def test_forces_that_only_withdraw_change_their_activity():
    subs = _subs("French forces have withdrawn from their last base in northern Mali.")
    assert subs == ["Change to group/activity"]


def test_a_capture_after_a_withdrawal_is_still_a_transfer_of_territory():
    kinds = _kinds("Rebel fighters took control of the town of Aleppo after government troops withdrew from it.")
    assert kinds == ["territory_change"]


def test_a_failed_attempt_to_take_ground_is_a_battle():
    kinds = _kinds("Militants tried to take control of a hill near Marib, but army units pushed them back.")
    assert kinds and kinds[0] == "battle"


def test_a_denied_strike_is_not_reported():
    assert "strike" not in _kinds("The ministry said its aircraft had carried out no air strikes near Idlib in recent days.")


def test_a_specific_deadly_hit_inside_a_wave_is_its_own_strike():
    evs = extract_text(
        "Russia fired 60 missiles and 40 drones at Ukraine overnight. In Odesa, a missile hit a school, killing two people.", PUB
    )
    strikes = [e for e in evs if e.kind == "strike"]
    assert len(strikes) == 2
    assert "part_of_larger" in strikes[1].flags and strikes[1].parent == strikes[0].id


def test_hits_after_the_interception_belong_to_the_strike():
    evs = extract_text(
        "Overnight the enemy attacked with 20 missiles. Air defence shot down 15 missiles. Hits were recorded in Sumy oblast.", PUB
    )
    assert [e.kind for e in evs] == ["strike", "interception"]


def test_two_clauses_of_one_kind_with_two_attackers_are_two_events():
    kinds = _kinds("Militants fired rockets at an army base near Kirkuk on Monday, and the air force responded with air strikes on their hideouts.")
    assert kinds.count("strike") == 2


def test_tear_gas_on_protesters_is_a_protest_not_a_chemical_attack():
    evs = extract_text("Police fired tear gas at thousands of protesters in Nairobi, and dozens suffocated.", PUB)
    assert evs and evs[0].kind == "protest"
    assert evs[0].acled is not None and evs[0].acled.sub_event_type != "Chemical weapon"


def test_soldiers_killed_at_the_front_without_a_weapon_named_is_a_battle():
    assert _kinds("Three Ukrainian soldiers were killed in the east despite the ceasefire.") == ["battle"]


def test_rape_outweighs_the_entry_into_a_village():
    subs = _subs("Soldiers entered a village near Wau on Sunday and raped several women.")
    assert subs and subs[0] == "Sexual violence"


def test_an_appositive_naming_the_same_attack_is_not_a_second_clause():
    evs = extract_text("The enemy launched 40 Shahed drones from Kursk, the largest drone attack this year.", PUB)
    assert [e.kind for e in evs] == ["strike"]


def test_new_trigger_phrases():
    kinds = {h.kind for h in find_triggers("the army lost control of two outposts")}
    assert "territory_change" in kinds
    assert any(h.kind == "logistics" for h in find_triggers("norway committed on friday to provide further f-16 jets"))
    assert any(h.kind == "diplomacy" for h in find_triggers("the government withdrew from a landmark arms control treaty"))
    assert not any(h.hint == "air" for h in find_triggers("of the 50 air attack weapons, 41 were destroyed"))
    assert any(h.kind == "interception" for h in find_triggers("of the 50 air attack weapons, 41 were destroyed"))


def test_attribution_and_expulsions_are_not_the_event_itself():
    assert not extract_text("The group took credit for the suicide bombing in Kabul.", PUB) or all(
        e.kind != "strike" for e in extract_text("The group took credit for the suicide bombing in Kabul.", PUB)
    )
    assert all(e.kind != "protest" for e in extract_text("Minsk expelled two Polish diplomats for taking part in opposition rallies.", PUB))
