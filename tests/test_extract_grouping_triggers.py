"""Event detection and kind from trigger entries added for round 2 (knowledge/data/triggers.json)."""

from __future__ import annotations

import pytest

from sitrep.extract import extract_text


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Mobile fire groups knocked out 17 of the attack drones over Poltava oblast overnight.", "interception"),
        ("A Russian quadcopter dropped grenades on a car in Beryslav on Monday, wounding two men.", "strike"),
        ("Ukrainian drones hit a Russian ammunition depot near Dzhankoi on Tuesday, the navy said.", "strike"),
        ("Sweden will send Ukraine more Archer howitzers and anti-tank weapons this year, its defence minister said.", "logistics"),
        ("A second consignment of Czech shells reached Ukraine on Friday, officials said.", "logistics"),
        ("Putin has named Colonel General Alexander Lapin as chief of staff of the ground forces.", "personnel_change"),
        ("Russia has likely started fielding the Tornado-S rocket launcher with units near Kreminna.", "deployment"),
        ("Russia has highly likely transferred elements of the 106th Guards Airborne Division to the Bakhmut sector.", "deployment"),
        ("Russian forces recently advanced northwest of Marinka, according to geolocated footage.", "territory_change"),
        ("Russia is likely rerouting supply convoys through Mariupol after strikes on the Crimean bridge.", "logistics"),
        ("The Brazilian president arrived in Beijing on Friday for talks with Xi Jinping.", "diplomacy"),
        ("Occupation authorities removed equipment from the Berdiansk port and took it to Russia, the mayor said.", "looting"),
        ("Overnight the enemy sent 31 Shahed drones against Ukraine from the Kursk direction.", "strike"),
        ("Air defence units destroyed 19 of them over Kyiv and Cherkasy oblasts.", "interception"),
        ("Two Iskander missiles launched from Kursk oblast slammed into a hospital in Sumy on Friday.", "strike"),
        ("The air force used MiG-29 jets to fire HARM missiles at a radar station in Crimea on Monday.", "strike"),
        ("The Netherlands said on Monday it would finance a Patriot battery for Ukraine.", "logistics"),
        ("Akhmat fighters were counterattacking west of Sudzha on Friday, Russian milbloggers claimed.", "battle"),
        ("Russia has highly likely committed elements of two motor rifle brigades to the Pokrovsk axis.", "deployment"),
        ("Geolocated footage indicates that Russian forces advanced to the western outskirts of Ocheretyne.", "territory_change"),
        ("Ukrainian sea drones destroyed two Russian patrol boats near Chornomorske on Sunday night.", "strike"),
    ],
)
def test_trigger_gives_the_kind(text: str, kind: str) -> None:
    assert kind in [e.kind for e in extract_text(text, published="2024-03-16")]


def test_warplanes_destroying_missiles_on_launchers_strike_them() -> None:
    text = "US warplanes destroyed eight Houthi missiles that were loaded on launchers and ready to fire, CENTCOM said."
    assert [e.kind for e in extract_text(text, published="2024-02-01")] == ["strike"]


def test_unit_names_with_assault_are_no_battle() -> None:
    text = "Russia has likely moved the 7th Guards Mountain Air Assault Division to the Kherson sector."
    assert "battle" not in [e.kind for e in extract_text(text, published="2024-03-16")]


def test_dismissing_a_claim_is_no_dismissal() -> None:
    text = "Ukraine's navy dismissed the reports as fabrications, saying its marines held the bridgehead."
    assert "personnel_change" not in [e.kind for e in extract_text(text, published="2024-03-16")]


@pytest.mark.parametrize(
    "text",
    [
        "ISW has not observed any indicators that Belarusian forces are massing near the border with Volyn Oblast.",
        "Whether Russia can hold Krynky through the winter will depend on whether it can keep its ferries running.",
        "Russian artillery crews typically fire three or four rounds before relocating to avoid counter-battery fire.",
        "Experts remain divided over whether the Kerch bridge can be repaired before the winter.",
        "That's all from us today. Our live coverage resumes tomorrow; you can read yesterday's updates on the strikes here.",
    ],
)
def test_no_event(text: str) -> None:
    assert extract_text(text, published="2024-03-16") == []
