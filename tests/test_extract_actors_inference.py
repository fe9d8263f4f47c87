"""Actors completed from the passage (sitrep.extract.parties): who did it to whom."""

from __future__ import annotations

import sitrep

PUBLISHED = "2024-03-10"


def _actors(text: str, kind: str) -> dict[str, str | None]:
    events = [e for e in sitrep.extract(text, published=PUBLISHED) if e.kind == kind]
    assert events, f"no {kind} event in {text!r}"
    return {a.name: a.role for a in events[0].actors}


def test_interception_has_defender_and_attacker() -> None:
    text = "Overnight Russia launched 20 Shahed drones at Odesa region. Air defence shot down 15 of them over Odesa."
    assert _actors(text, "interception") == {"Military Forces of Ukraine": "initiator", "Military Forces of Russia": "target"}


def test_the_enemy_in_a_ukrainian_post_is_russia() -> None:
    text = "The enemy attacked Poltava with four Iskander-M missiles overnight, the Air Force said."
    assert _actors(text, "strike") == {"Military Forces of Russia": "initiator"}


def test_unattributed_strike_on_ukraine_is_russian() -> None:
    assert _actors("Missiles hit an industrial site in Zaporizhzhia on Friday.", "strike") == {"Military Forces of Russia": "initiator"}


def test_remote_explosive_gets_no_guessed_attacker() -> None:
    actors = _actors("A truck bomb exploded near a market in Kherson, killing four people.", "strike")
    assert actors == {"Civilians (Ukraine)": "target"}


def test_civilians_hurt_are_the_target_not_the_other_army() -> None:
    actors = _actors("Russian shelling damaged an apartment block in Nikopol on Tuesday, wounding three residents.", "strike")
    assert actors == {"Military Forces of Russia": "initiator", "Civilians (Ukraine)": "target"}


def test_military_object_hit_makes_the_other_side_the_target() -> None:
    actors = _actors("Ukrainian forces shelled a Russian command post near Tokmak on Sunday.", "strike")
    assert actors.get("Military Forces of Ukraine") == "initiator"
    assert actors.get("Military Forces of Russia") == "target"


def test_recapture_names_the_side_that_loses_ground() -> None:
    actors = _actors("Ukrainian troops recaptured the village of Staromaiorske on Thursday.", "territory_change")
    assert actors == {"Military Forces of Ukraine": "initiator", "Military Forces of Russia": "target"}


def test_speaker_that_lost_ground_is_the_target() -> None:
    actors = _actors("Sudan's army said on Monday it had lost control of the town of Singa to the RSF.", "territory_change")
    assert actors == {"Rapid Support Forces": "initiator", "Military Forces of Sudan": "target"}


def test_looting_of_homes_targets_civilians() -> None:
    actors = _actors("Russian troops looted homes in the occupied town of Oleshky, residents said.", "looting")
    assert actors == {"Military Forces of Russia": "initiator", "Civilians (Ukraine)": "target"}


def test_protest_and_arrest_crowds_and_police() -> None:
    text = "Thousands of people rallied in Tbilisi on Sunday against the bill. Police detained 30 protesters."
    assert _actors(text, "protest") == {"Protesters (Georgia)": "initiator"}
    assert _actors(text, "arrest") == {"Police Forces of Georgia": "initiator", "Protesters (Georgia)": "target"}


def test_agreement_between_governments() -> None:
    actors = _actors("Poland and Ukraine signed a security agreement in Warsaw on Monday.", "diplomacy")
    assert actors == {"Government of Poland": "participant", "Government of Ukraine": "participant"}


def test_aid_package_donor_and_recipient() -> None:
    actors = _actors("Germany announced a new military aid package for Ukraine on Tuesday.", "logistics")
    assert actors == {"Government of Germany": "initiator", "Military Forces of Ukraine": "participant"}


def test_speaker_is_not_a_party_to_a_strike() -> None:
    text = "Russian missiles hit Kharkiv overnight, injuring five people, mayor Ihor Terekhov said."
    actors = _actors(text, "strike")
    assert "Ihor Terekhov" not in actors
    assert actors.get("Military Forces of Russia") == "initiator"
