"""Round-2 count and casualty wording: partitives, coordination, tolls that rise, casualty routing.

Sentences are general paraphrases (other places, numbers and word orders than the gold passages).
"""

from __future__ import annotations

import pytest

import sitrep
from sitrep.extract.counts import people_counts
from sitrep.extract.numbers import find_casualties, find_numbers, find_quantities, settle_tolls


def _events(text: str, published: str = "2024-03-01"):
    return sitrep.extract(text, published=published)


def _qs(text: str, kind: str) -> set[tuple[str, str | None, int]]:
    return {(q.item, q.role, q.value) for e in _events(text) if e.kind == kind for q in e.quantities}


def _cas(text: str, kind: str = "strike") -> set[tuple[str, str, int]]:
    return {(c.group, c.outcome, c.value) for e in _events(text) if e.kind == kind for c in e.casualties}


def _items(text: str, *words: str) -> list[tuple[int, int, str]]:
    out = []
    for w in words:
        i = text.index(w)
        out.append((i, i + len(w), w.rstrip("s")))
    return out


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("Several hundred veterans", 100, "at_least"),
        ("a few thousand residents", 1000, "at_least"),
        ("more than two dozen", 24, "more_than"),
        ("Forty-seven were", 47, "exact"),
    ],
)
def test_vague_and_hyphenated_numbers(text: str, value: int, qualifier: str) -> None:
    n = find_numbers(text)[0]
    assert (n.value, n.qualifier) == (value, qualifier)


# --------------------------------------------------------------- quantities


def test_partitive_with_a_bare_total_refers_to_the_earlier_item() -> None:
    text = "Overnight Russia launched 52 Geran drones at Kyiv. Air defence destroyed 47 of the 52 over the region."
    assert ("Shahed-136", "intercepted", 47) in _qs(text, "interception")


def test_out_of_partitive() -> None:
    text = "Air defence units intercepted 18 out of 22 drones over the Sumy region overnight, the air force said."
    qs = _qs(text, "interception")
    assert ("drone", "intercepted", 18) in qs
    assert ("drone", "intercepted", 22) not in qs


def test_partitive_takes_the_passive_verb_after_a_relative_clause() -> None:
    text = "Nineteen of the 23 Iskander missiles the enemy launched at Dnipro on Tuesday were brought down, the command said."
    assert ("9M723 Iskander-M", "intercepted", 19) in _qs(text, "interception")


def test_sentence_opening_bare_count_refers_back() -> None:
    text = "The enemy fired thirty Shahed drones at Mykolaiv overnight. Twenty-six were shot down."
    assert ("Shahed-136", "intercepted", 26) in _qs(text, "interception")


def test_partitive_with_the_item_named_after_of_the() -> None:
    text = "Rebels launched 14 drones at the convoy; a frigate and two helicopters shot down eight of the drones."
    items = _items(text, "drones", "frigate", "helicopters")
    items.append((text.rindex("drones"), text.rindex("drones") + 6, "drone"))
    qs = {(q.item, q.role, q.value) for q in find_quantities(text, items)}
    assert ("drone", "intercepted", 8) in qs
    assert not any(q[0] == "frigate" for q in qs)  # the shooter is not a loss


def test_single_munition_in_a_counted_list() -> None:
    text = "The militia fired six rockets and an anti-ship missile at the tanker."
    items = _items(text, "rockets", "anti-ship missile")
    qs = {(q.item, q.role, q.value) for q in find_quantities(text, items)}
    assert ("anti-ship missile", "launched", 1) in qs
    assert ("rocket", "launched", 6) in qs


def test_a_lone_munition_is_not_a_count() -> None:
    text = "A missile hit a warehouse in the port."
    assert find_quantities(text, _items(text, "missile")) == []


def test_abbreviation_in_the_gap_and_coordination_stop() -> None:
    text = "Its forces destroyed three U.K.-made Challenger tanks and a Bradley near the village."
    items = _items(text, "Challenger", "Bradley")
    qs = {(q.item, q.role, q.value) for q in find_quantities(text, items)}
    assert ("Challenger", "destroyed", 3) in qs
    text2 = "Drones destroyed at least four landing craft and a patrol boat at the base."
    items2 = [(text2.index("patrol boat"), text2.index("patrol boat") + 11, "patrol boat")]
    assert all(q.value != 4 for q in find_quantities(text2, items2))


def test_uavs_count_drones() -> None:
    assert ("drone", "intercepted", 23) in _qs("Air defence shot down 23 unmanned aerial vehicles over Bryansk overnight.", "interception")


def test_aircraft_after_downed_drones_is_destroyed() -> None:
    qs = _qs("Air defence shot down 9 drones and a Su-24 bomber over the Black Sea.", "interception")
    assert ("Su-24", "destroyed", 1) in qs


# ------------------------------------------------------------------- people


def test_detained_of_them_counts_the_crowd_before() -> None:
    span = "About 400 students marched on parliament; police detained 31 of them."
    got = [(q.item, q.role, q.value) for q in people_counts(span, "arrest")]
    assert got == [("protester", "captured", 31)]


def test_abducted_others_counts_the_people_named_before() -> None:
    span = "Bandits shot dead four farmers and kidnapped 11 others near the market."
    got = [(q.item, q.role, q.value) for q in people_counts(span, "violence_against_civilians")]
    assert got == [("farmer", "captured", 11)]


# --------------------------------------------------------------- casualties


def test_rising_toll_replaces_the_earlier_figure() -> None:
    text = "Rocket fire on Sloviansk killed six civilians on Thursday. By Friday the toll had climbed to 11, the mayor said."
    assert _cas(text) == {("civilians", "killed", 11)}
    ev = next(e for e in _events(text) if e.kind == "strike")
    assert ev.fatalities == 11


def test_earlier_toll_is_dropped() -> None:
    cas = find_casualties("Eight workers are dead, the governor said; he had earlier put the toll at five.")
    assert [(c.outcome, c.value) for c in cas] == [("killed", 8)]


def test_settle_tolls_keeps_group() -> None:
    cas = find_casualties("Shelling killed four civilians. The death toll rose to seven.")
    settled = settle_tolls(cas)
    assert [(c.group, c.value) for c in settled] == [("civilians", 7)]


def test_second_object_of_a_kill_verb() -> None:
    cas = find_casualties("The drone strike killed five members of the Wagner group and a farmer.")
    assert {(c.group, c.outcome, c.value) for c in cas} == {("military", "killed", 5), ("civilians", "killed", 1)}
    cas2 = find_casualties("Artillery fire killed three soldiers and a civilian near the border.")
    assert {(c.group, c.value) for c in cas2} == {("military", 3), ("civilians", 1)}


def test_evacuees_are_civilians() -> None:
    cas = find_casualties("Three of the evacuees were injured when their bus came under fire.")
    assert [(c.group, c.outcome, c.value) for c in cas] == [("civilians", "injured", 3)]


def test_people_without_a_civilian_cue_stay_unknown() -> None:
    text = "Russian shelling of Kupiansk on Wednesday killed three people and wounded eight, the regional governor said."
    assert _cas(text) == {("unknown", "killed", 3), ("unknown", "injured", 8)}


def test_people_at_a_civilian_place_are_civilians() -> None:
    text = "A Russian missile hit a shopping centre in Kremenchuk on Monday, killing nine people and injuring 40."
    assert _cas(text) == {("civilians", "killed", 9), ("civilians", "injured", 40)}


def test_debris_casualties_go_to_the_strike_not_the_interception() -> None:
    text = (
        "Russia launched 30 Shahed drones at Kyiv overnight. Air defence shot down 27 of them; "
        "falling debris injured two people in the Obolonskyi district."
    )
    events = _events(text)
    assert not any(e.casualties for e in events if e.kind == "interception")
    assert ("unknown", "injured", 2) in {(c.group, c.outcome, c.value) for e in events if e.kind == "strike" for c in e.casualties}


def test_coordinated_people_of_one_group_add_up() -> None:
    cas = find_casualties("A drone hit a minibus near Beryslav, injuring a driver and his daughter.")
    assert [(c.group, c.outcome, c.value) for c in cas] == [("civilians", "injured", 2)]
    cas2 = find_casualties("Shelling killed four women and two children in the village.")
    assert [(c.group, c.outcome, c.value) for c in cas2] == [("civilians", "killed", 6)]


def test_crowd_before_an_arrest_is_not_the_detained() -> None:
    span = "Some 500 people gathered in the square; police detained 12 of them."
    assert [(q.item, q.value) for q in people_counts(span, "arrest")] == [("protester", 12)]


def test_killings_during_burning_belong_to_the_attack() -> None:
    text = "Militiamen attacked and torched three villages near Kutum on Sunday, killing at least 30 residents, local activists said."
    events = _events(text)
    assert not any(e.casualties for e in events if e.kind == "looting")
    assert any(("civilians", "killed", 30) in {(c.group, c.outcome, c.value) for c in e.casualties} for e in events)
