"""Weapon aliases fixed for the gold set's error classes (KAB family, IEDs, the Vampire name)."""

from __future__ import annotations

from sitrep.knowledge import find_weapons


def names(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.weapon.name) for m in find_weapons(text)]


def test_vampire_rockets_are_rockets_not_a_bomber_drone() -> None:
    got = names("Moscow blamed Ukraine for the attack, using Vampire rockets and Czech-made RM-70 launchers.")
    assert ("rockets", "rocket") in got
    assert all(name != "Baba Yaga" for _, name in got)


def test_vampire_drone_is_still_baba_yaga() -> None:
    assert names("a Vampire drone dropped mines on the road") == [("Vampire drone", "Baba Yaga")]


def test_kab_500_is_a_kab_in_one_mention() -> None:
    assert names("Su-34 aircraft dropped KAB-500 bombs on Bilopillia") == [
        ("Su-34 aircraft", "Su-34"),
        ("KAB-500 bombs", "glide bomb"),
    ]
    assert names("guided aerial bombs fell") == [("guided aerial bombs", "glide bomb")]


def test_truck_bomb_and_explosive_device_are_ieds() -> None:
    assert names("A truck bomb exploded on the Kerch bridge") == [("truck bomb", "improvised explosive device")]
    assert names("An explosive device planted on a road") == [("explosive device", "improvised explosive device")]
