"""Round 4 quantity and casualty rules, checked on paraphrases (other names, numbers, word order)."""

from __future__ import annotations

import sitrep
from sitrep.extract.item_roles import lexicon_munition, single_role_after
from sitrep.extract.numbers import find_casualties, find_quantities


def _counts(text: str, kind: str | None = None) -> set[tuple[str, str | None, int]]:
    return {
        (q.item, q.role, q.value)
        for e in sitrep.extract(text, published="2024-03-10")
        if kind is None or e.kind == kind
        for q in e.quantities
    }


def test_lexicon_munition_knows_names_without_category_words() -> None:
    assert lexicon_munition("KN-23")
    assert not lexicon_munition("M1 Abrams")
    assert not lexicon_munition("no such weapon")


def test_named_ballistic_missile_destroyed_by_air_defence_is_intercepted() -> None:
    text = "The enemy fired three KN-23 missiles at Zaporizhzhia. Air defence crews destroyed two of them."
    assert ("KN-23", "intercepted", 2) in _counts(text, "interception")
    qs = find_quantities("Patriot crews destroyed one KN-23 over the city.", [(27, 32, "KN-23")])
    assert [(q.item, q.role, q.value) for q in qs] == [("KN-23", "intercepted", 1)]


def test_single_platform_lost_helper() -> None:
    text = "a Su-25 was shot down near Bakhmut"
    assert single_role_after(text, 7) == "destroyed"
    assert single_role_after("a Su-25 flew over the town", 7) is None


def test_fired_named_drones_at_a_city_is_a_strike() -> None:
    assert ("Shahed-136", "launched", 35) in _counts("The Russians fired 35 Shaheds at Kharkiv before dawn, the mayor said.", "strike")


def test_means_of_air_attack_is_a_mixed_total() -> None:
    text = "Overnight the enemy used 62 means of air attack against Ukraine; air defence destroyed 50 of them."
    assert ("air attack weapon", "launched", 62) in _counts(text, "strike")
    assert ("air attack weapon", "intercepted", 50) in _counts(text, "interception")


def test_one_count_over_two_generic_munitions_is_a_mixed_total() -> None:
    text = "Hezbollah fired about 40 rockets and drones at northern Israel on Sunday, the army said."
    assert ("air attack weapon", "launched", 40) in _counts(text, "strike")
    # each kind counted on its own stays apart
    own = _counts("Russia launched 18 cruise missiles and 30 drones at Ukraine overnight.", "strike")
    assert ("cruise missile", "launched", 18) in own and ("drone", "launched", 30) in own


def test_nearly_all_downed_is_not_all_downed() -> None:
    text = "The enemy launched more than 90 drones and missiles at Lviv, and almost all were shot down, officials said."
    assert not any(role == "intercepted" for _, role, _ in _counts(text))


def test_interception_own_launched_count_all_downed() -> None:
    text = "The ministry said six drones had been used in the raid, all of them shot down or jammed."
    assert ("drone", "intercepted", 6) in _counts(text, "interception")


def test_paramilitaries_and_members_of_guards_are_military() -> None:
    cas = find_casualties("Troops repelled the assault, killing at least 14 paramilitaries.")
    assert [(c.group, c.outcome) for c in cas] == [("military", "killed")]
    cas = find_casualties("The strike killed five members of the Republican Guards, the ministry said.")
    assert [(c.group, c.value) for c in cas] == [("military", 5)]


def test_sought_medical_help_is_injured() -> None:
    cas = find_casualties("Four residents sought medical treatment after the blast.")
    assert [(c.group, c.outcome, c.value) for c in cas] == [("civilians", "injured", 4)]
    assert find_casualties("The city's medical services were on alert.") == []
