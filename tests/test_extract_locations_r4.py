"""Round 4 location rules: respelled foreign districts, front sectors, refugee camps, possessive
place names tagged as people, interceptions of an attack on a place."""

from __future__ import annotations

import sitrep
from sitrep.geo import geocode_text


def _resolved(text: str) -> dict[str, tuple[str | None, str | None, int | None]]:
    return {m.text: (m.location.name, m.location.country, m.location.precision) for m in geocode_text(text)}


def _by_kind(text: str) -> dict[str, list[tuple[str, str | None, int | None]]]:
    out: dict[str, list[tuple[str, str | None, int | None]]] = {}
    for e in sitrep.extract(text, published="2024-03-01"):
        out.setdefault(e.kind, []).extend((loc.name, loc.role, loc.precision) for loc in e.locations)
    return out


def test_respelled_foreign_district_is_not_a_place() -> None:
    # a Kharkiv district whose adjective folds to a small Iranian town's alternate name
    assert not any(c == "IR" for _, c, _ in _resolved("Shelling damaged houses in the Osnovianskyi district.").values())
    # a district of the main theatre still resolves to its town
    got = _resolved("Two people were wounded in the Bakhmutskyi raion on Tuesday.")
    assert got["Bakhmutskyi raion"][:2] == ("Bakhmut", "UA")


def test_front_sector_named_after_a_town_is_near_the_town() -> None:
    got = _resolved("Russian assaults continued in the Kurakhove direction this week.")
    assert got["Kurakhove"] == ("Kurakhove", "UA", 2)


def test_front_sector_named_after_a_region_is_the_region() -> None:
    got = _resolved("Fresh brigades were sent to the Kherson axis last month.")
    assert got["Kherson"][0] == "Kherson Oblast" and got["Kherson"][2] == 3


def test_plural_sector_word_applies_to_a_list() -> None:
    got = _resolved("Troops were shifted to the Siversk and Lyman sectors.")
    assert got["Siversk"][2] == 2 and got["Lyman"][2] == 2
    assert got["Lyman"][1] == "UA"


def test_front_sector_does_not_drop_the_place_units_came_from() -> None:
    ev = _by_kind("Russian paratroopers have likely been redeployed from Vuhledar to the Toretsk sector.")
    names = {n for n, _, _ in ev.get("deployment", [])}
    assert any("Vuhledar" in n or "Vuhle" in n for n in names) and "Toretsk" in names


def test_refugee_camp_is_a_curated_place_not_foreign_towns() -> None:
    got = _resolved("Soldiers stormed the Nur Shams refugee camp at dawn.")
    assert list(got.values()) == [("Nur Shams camp", "PS", 1)]
    got = _resolved("An air strike hit a school in Bureij camp, medics said.")
    assert got["Bureij camp"][1] == "PS"


def test_possessive_place_tagged_as_a_person_is_kept() -> None:
    # spaCy tags "Ed Damazin's" PERSON, possessive ending included
    ev = _by_kind("A drone hit Ed Damazin's central market on Sunday, killing five people, residents said.")
    assert any("Damazin" in n for n, _, _ in ev["strike"])


def test_interception_takes_the_place_the_attacked_sites_lie_in() -> None:
    ev = _by_kind("Rebel drones attacked an army base and a fuel depot in the city of Mandalay overnight. "
                  "The military said it had downed five drones.")
    assert ("Mandalay", "site", 1) in ev["interception"]
    # a hit somewhere in a city still does not place the interceptions there
    ev = _by_kind("Russian missiles struck a power plant in Dnipro overnight. Air defences shot down nine of 14 missiles.")
    assert ev.get("interception", []) == []


def test_interception_spread_over_regions_takes_no_attacked_town() -> None:
    ev = _by_kind("Ukrainian drones attacked a fuel depot in Bryansk overnight, officials said. "
                  "The defence ministry said 40 drones were shot down over six regions.")
    assert not any(n.startswith("Bryansk") for n, _, _ in ev.get("interception", []))


def test_blamed_capital_is_a_government_not_a_place() -> None:
    ev = _by_kind("Air defences shot down six drones over Belgorod overnight, the governor said, and he blamed "
                  "Kyiv for the attack.")
    names = {n for n, _, _ in ev["interception"]}
    assert "Kyiv" not in names and any(n.startswith("Belgorod") for n in names)


def test_interception_place_is_its_site() -> None:
    ev = _by_kind("Nine missiles were destroyed over Dnipropetrovsk oblast overnight, the air force said.")
    assert ev["interception"] and all(r == "site" for _, r, _ in ev["interception"])


def test_capital_that_did_not_confirm_is_a_government() -> None:
    ev = _by_kind("Ukrainian drones struck a fuel depot near Oleshky overnight, a claim Moscow has not confirmed.")
    names = {n for n, _, _ in ev["strike"]}
    assert "Moscow" not in names and "Oleshky" in names
