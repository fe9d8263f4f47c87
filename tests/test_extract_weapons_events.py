"""Which weapons an event lists: interceptions vs the strikes they stop, slash groups, kits, targets,
unarmed kinds and generic words (tests/gold/README.md, "Weapons and quantities")."""

from __future__ import annotations

from sitrep import extract

DAY = "2024-05-14"


def _by_kind(text: str) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for e in extract(text, published=DAY):
        out.setdefault(e.kind, []).append([w.name for w in e.weapons])
    return out


def test_interception_of_them_names_the_launched_drone():
    got = _by_kind("Russia launched 30 Shahed drones at Odesa overnight. Air defence shot down 25 of them over the region.")
    assert got["strike"] == [["Shahed-136"]]
    assert got["interception"] == [["Shahed-136"]]


def test_weapons_not_intercepted_belong_to_the_strike_only():
    got = _by_kind(
        "Russia fired four Kh-22 missiles and 10 Kalibr missiles at Odesa overnight. Air defence destroyed all "
        "10 Kalibrs. The Kh-22 missiles could not be intercepted and hit the port."
    )
    assert got["interception"] == [["3M-14 Kalibr"]]
    assert set(got["strike"][0]) == {"Kh-22", "3M-14 Kalibr"}


def test_all_missiles_of_a_slash_group_are_intercepted_together():
    got = _by_kind(
        "Overnight the enemy attacked with 8 Kh-101/Kh-555 cruise missiles launched from Tu-95MS bombers. "
        "Air defence destroyed all 8 missiles over Kyiv oblast."
    )
    assert got["interception"] == [["Kh-101", "Kh-555"]]
    assert "Tu-95MS" in got["strike"][0]


def test_air_defence_that_shot_the_missiles_down_is_not_the_strikes_weapon():
    got = _by_kind(
        "Six ballistic missiles were fired at Kyiv before dawn; all six were destroyed by the Patriot system, "
        "the city administration said."
    )
    assert "MIM-104 Patriot" not in got["strike"][0]
    assert "ballistic missile" in got["strike"][0]


def test_a_list_of_weapons_is_not_split_into_two_events():
    got = _by_kind(
        "The Houthis launched 10 drones, two anti-ship ballistic missiles and three cruise missiles at ships in the "
        "Red Sea on Friday, all of which were shot down by US warships."
    )
    assert got["strike"] == [["drone", "anti-ship missile", "cruise missile"]]


def test_meetings_carry_no_weapons():
    events = extract("The foreign ministers of Poland and Ukraine met in Warsaw on Friday to talk about Leopard 2 tanks.", published=DAY)
    assert [e.kind for e in events] == ["diplomacy"]
    assert events[0].weapons == ()


def test_roadside_bomb_is_an_ied():
    got = _by_kind("A roadside bomb killed three soldiers near Gao on Monday, the army said.")
    assert got["strike"] == [["improvised explosive device"]]


def test_a_named_vessel_hit_is_listed_as_its_class():
    got = _by_kind("Ukrainian naval drones struck the Russian landing ship Yamal off Crimea overnight, Ukraine's navy said.")
    assert "landing ship" in got["strike"][0]


def test_generic_weapon_as_the_target_is_not_the_means():
    got = _by_kind(
        "Russian forces are using Lancet loitering munitions against Ukrainian artillery near Kupiansk, "
        "the General Staff said on Monday."
    )
    assert got["strike"] == [["ZALA Lancet"]]


def test_a_launcher_does_not_hide_the_rockets_it_fired():
    got = _by_kind("Russian forces shelled Kharkiv on Monday with rockets fired from RM-70 launchers, the governor said.")
    assert set(got["strike"][0]) == {"RM-70", "rocket"}


def test_shelling_in_a_disputed_account_is_no_weapon():
    got = _by_kind("Kyiv accuses Moscow of blowing up the bridge near Kherson on Tuesday; Moscow says Ukrainian forces shelled it.")
    assert got["strike"] == [[]]


def test_shelling_said_plainly_is_artillery():
    got = _by_kind("Russian shelling killed two people in Nikopol on Monday, the governor said.")
    assert got["strike"] == [["artillery"]]


def test_a_bare_missile_takes_the_only_type_the_text_names():
    got = _by_kind(
        "A Russian missile hit a school in Sumy on Monday, killing two people. It was one of 15 cruise missiles "
        "launched at Ukraine overnight."
    )
    assert got["strike"] and all(ws == ["cruise missile"] for ws in got["strike"])


def test_glide_kit_is_part_of_the_bomb_and_composite_names_one_missile():
    got = _by_kind("Russian Su-34 jets dropped FAB-500 bombs fitted with UMPK glide kits on Vovchansk on Sunday, police said.")
    assert got["strike"] == [["Su-34", "FAB-500"]]
    got = _by_kind("Russia launched three Iskander-M/S-400 missiles at Kharkiv overnight, the air force said.")
    assert got["strike"] == [["9M723 Iskander-M"]]
