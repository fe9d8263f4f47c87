"""Round 4 claim behaviours: titles stripped from named speakers, asides between a source and its
verb, descriptive offices resolved to the country's body or office-holder, attackers not read as
the enemy's losses, and one side's milbloggers named inside the attribution."""

from __future__ import annotations

import sitrep
from sitrep.knowledge.sources import officeholder


def _claims(text: str, published: str = "2024-03-01") -> list[tuple[str, str, str]]:
    return [(c.source, c.source_type, c.modality) for e in sitrep.extract(text, published=published) for c in e.claims]


def _sources(text: str, published: str = "2024-03-01") -> set[str]:
    return {s for s, _, _ in _claims(text, published)}


def test_title_before_unknown_person_is_dropped() -> None:
    got = _claims("Artillery hit a school in Sumy on Monday, killing two people, Deputy Interior Minister Petro Hordienko said.")
    assert ("Petro Hordienko", "government", "asserted") in got
    assert not any("Minister" in s for s, _, _ in got)


def test_military_title_types_the_person() -> None:
    got = _claims("Rebels shelled the airport in Goma on Friday, army spokesman Sylvain Ekenge Bomusa said.")
    names = {s: t for s, t, _ in got}
    assert "Sylvain Ekenge Bomusa" in names and names["Sylvain Ekenge Bomusa"] == "military"


def test_aside_between_subject_and_verb() -> None:
    text = (
        "Hezbollah said it fired a barrage of rockets at a base near Safed on Tuesday. "
        "The Israeli military, for its part, said most of the rockets fell in open areas."
    )
    assert "Israel Defense Forces" in _sources(text)


def test_aside_in_turn_with_possessive_source() -> None:
    text = "Russian drones struck the port of Izmail overnight. Ukraine's air force, in turn, said 17 drones were shot down."
    assert "Ukrainian Air Force" in _sources(text)


def test_bare_regional_police_is_the_countrys_police() -> None:
    got = _sources("Three people were wounded when shells hit a market in Nikopol on Sunday, the regional police said.")
    assert "Ukrainian police" in got and "regional police" not in got


def test_bare_police_in_israel() -> None:
    got = _sources("Police arrested 14 protesters outside the Knesset in Jerusalem on Monday, the city police said.")
    assert "Israel Police" in got


def test_attacker_after_when_is_not_the_enemys_loss() -> None:
    got = _claims("The health ministry in Gaza said 14 people were killed when Israeli tanks shelled a house in Khan Younis on Sunday.")
    assert ("Gaza Health Ministry", "government", "asserted") in got


def test_enemy_loss_still_claimed() -> None:
    got = _claims("Russia's defence ministry said its air defences destroyed 31 Ukrainian drones over the Bryansk region overnight.")
    assert any(s == "Ministry of Defence of Russia" and m == "claimed" for s, _, m in got)


def test_national_title_resolves_to_holder_on_date() -> None:
    got = _sources("Ukrainian troops advanced south of Bakhmut and retook two villages, the deputy defence minister said on Monday.", "2023-05-15")
    assert "Hanna Maliar" in got
    got = _sources("Russian forces shelled Kherson on Tuesday, wounding six people, the interior minister said.", "2022-06-07")
    assert "Denys Monastyrsky" in got


def test_national_title_without_known_holder_is_left() -> None:
    got = _sources("Fighters attacked an army post near Ménaka on Friday, killing four soldiers, the defence minister said.", "2023-05-15")
    assert not any(s in {"Hanna Maliar", "Oleksii Reznikov", "Sergei Shoigu"} for s in got)


def test_officeholder_terms() -> None:
    from datetime import date

    assert officeholder("defence minister", "Russia", date(2023, 1, 10)).name == "Sergei Shoigu"
    assert officeholder("defence minister", "Russia", date(2024, 8, 1)).name == "Andrei Belousov"
    assert officeholder("foreign minister", "Ukraine", date(2025, 1, 1)).name == "Andrii Sybiha"


def test_partisan_bloggers_named_in_attribution() -> None:
    got = _claims(
        "Russian forces hit a Ukrainian Patriot launcher near Pokrovsk with an Iskander missile on June 3, "
        "according to a video posted by pro-war Russian military bloggers."
    )
    assert got and all(m == "claimed" for s, _, m in got if s != "unknown")


def _by_kind_place(text: str, published: str = "2024-03-01") -> list[set[str]]:
    return [{c.source for c in e.claims if c.source != "unknown"} for e in sitrep.extract(text, published=published)]


def test_new_report_sentence_does_not_borrow_source() -> None:
    text = (
        "Russian drones hit a power substation in Sumy on Monday night, regional governor Volodymyr Artiukh said. "
        "Later that day, a Russian guided bomb hit a school in Krasnopillia."
    )
    got = _by_kind_place(text, "2024-06-10")
    assert len(got) == 2 and got[0] and not got[1]


def test_separately_opening_does_not_lend_backwards() -> None:
    text = (
        "Sudanese army jets bombed a market in Nyala on Saturday. "
        "Separately, RSF fighters shelled a hospital in El Fasher, killing six patients, medics said."
    )
    got = _by_kind_place(text)
    assert len(got) == 2 and not got[0] and got[1]


def test_plain_continuation_still_borrows() -> None:
    text = "Russian missiles struck Odesa port on Monday, the governor Oleh Kiper said. A grain terminal in Izmail was also hit."
    got = _by_kind_place(text, "2024-06-10")
    assert all(got)


def test_medics_are_a_source() -> None:
    got = _claims("Paramilitary fighters shelled a displacement camp near Zalingei on Sunday, killing nine people, doctors said.")
    assert ("doctors", "witness", "asserted") in got


def test_bare_army_is_the_army_of_the_forces_the_sentence_opens_with() -> None:
    got = _sources("Israeli soldiers clashed with Hamas fighters near the Kamal Adwan Hospital in Beit Lahia on Tuesday, the military said.")
    assert "Israel Defense Forces" in got and not any("Palestine" in s for s in got)


def test_bare_army_without_forces_subject_keeps_the_place() -> None:
    got = _sources("Gunmen attacked a checkpoint near Gao on Monday, killing three soldiers, the army said.")
    assert not any("Israel" in s for s in got)


def test_what_the_source_called_the_target() -> None:
    text = "Israeli warplanes bombed what the military called a Hamas command centre in Deir al-Balah on Wednesday."
    assert "Israel Defense Forces" in _sources(text)
    text = "Russian missiles hit what the Ukrainian air force described as a grain warehouse in Izmail on Monday."
    assert "Ukrainian Air Force" in _sources(text)


def test_holding_after_own_success_is_a_denial() -> None:
    text = (
        "Pro-Kremlin bloggers claimed on March 3 that Russian troops had captured the village of Ivanivske, "
        "but the Ukrainian General Staff said Ukrainian forces had repelled the assault and still held the village."
    )
    got = {s: m for e in sitrep.extract(text, published="2024-03-04") for s, _, m in
           [(c.source, c.source_type, c.modality) for c in e.claims] if e.kind == "territory_change"}
    assert any(m == "denied" for s, m in got.items() if "Ukraine" in s)


def test_local_media_is_a_media_source() -> None:
    got = _claims("Government aircraft bombed a market in Kutkai on Thursday, killing seven people, according to local media.")
    assert ("local media", "media", "asserted") in got


def test_evidence_published_on_a_date() -> None:
    got = _claims("Geolocated footage posted on March 12 shows that Ukrainian forces advanced north of Robotyne.", "2024-03-13")
    assert any(s.lower() == "geolocated footage" and m == "asserted" for s, _, m in got)
