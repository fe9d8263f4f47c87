"""Kind refinement (triggers.json "refine") and the error classes it fixes, on sentences written here."""

from __future__ import annotations

import pytest

from sitrep.extract import extract_text
from sitrep.knowledge.triggers import refine_kind, refine_rules

PUB = "2024-05-14"


def kinds(text: str) -> list[str]:
    return [e.kind for e in extract_text(text, PUB)]


def subs(text: str) -> list[str | None]:
    return [e.acled.sub_event_type if e.acled else None for e in extract_text(text, PUB)]


def test_refine_rules_load_and_name_known_kinds():
    rules = refine_rules()
    assert len(rules) >= 5
    assert any(r.to is None for r in rules)  # some rules drop an event altogether


def test_refine_generic_attack_on_villagers_is_violence_against_civilians():
    assert kinds("Gunmen attacked a village in Zamfara state on Monday, killing nine villagers.") == ["violence_against_civilians"]


def test_refine_generic_attack_on_checkpoint_is_a_battle():
    assert kinds("Militants attacked an army checkpoint near Gao on Monday, officials said.") == ["battle"]


def test_refine_attack_with_a_named_delivery_stays_a_strike():
    assert kinds("Russian forces attacked Kharkiv with drones on Monday.") == ["strike"]


def test_refine_natural_disaster_is_no_event():
    assert kinds("A strong earthquake hit the coastal province on Monday, killing 12 people.") == []


def test_refine_protesters_throwing_stones_make_a_riot():
    assert subs("Protesters threw stones at police outside parliament on Monday.") == ["Violent demonstration"]


def test_refine_arrests_at_a_protest_are_an_intervention_unless_counted():
    assert subs("Police detained protesters during a rally in the capital on Monday.") == ["Protest with intervention"]
    assert "arrest" in kinds("Police detained at least 40 protesters during a rally in the capital on Monday.")


def test_refine_crime_is_no_event():
    assert kinds("Border police intercepted 20 migrant smugglers near the coast on Monday.") == []


def test_refine_kind_reapplies_after_a_change():
    low = "police arrested dozens during a protest after protesters threw stones at officers"
    assert refine_kind("arrest", low, generic=False) in ("riot", "arrest")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Police found and defused an explosive device near the airport on Monday.", "Disrupted weapons use"),
        ("Soldiers seized a cache of weapons and ammunition in the village on Monday.", "Disrupted weapons use"),
        ("Rebels fired shells filled with poisonous gas at the town on Monday, causing suffocation.", "Chemical weapon"),
        ("Turkish forces set up a new military observation post in Idlib province on Monday.", "Headquarters or base established"),
        ("The two sides exchanged prisoners of war on Monday.", "Agreement"),
    ],
)
def test_refine_acled_sub_types_of_error_classes(text, sub):
    assert subs(text)[:1] == [sub]


def test_refine_live_blog_update_prefix_is_news_not_furniture():
    text = "Update: the death toll from Friday's missile strike on Odesa has risen to 20, the governor says."
    assert kinds(text) == ["strike"]
    assert kinds("Updated 12:30 GMT") == []


def test_refine_a_sunk_ship_is_a_strike():
    assert kinds("Ukrainian naval drones sank the Russian corvette Ivanovets in the Black Sea overnight.") == ["strike"]
