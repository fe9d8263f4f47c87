"""geocode_text / explain / user places: the API the extractor and the CLI call."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sitrep.geo import Candidate, PlaceMention, explain, geocode_text, get_gazetteer


def test_geo_api_mentions_are_frozen_and_typed() -> None:
    ms = geocode_text("Russian forces shelled Kharkiv and Izium.")
    assert [m.text for m in ms] == ["Kharkiv", "Izium"]
    m = ms[0]
    assert isinstance(m, PlaceMention) and all(isinstance(c, Candidate) for c in m.candidates)
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.kind = "country"  # type: ignore[misc]
    assert m.location.geonameid == 706483 and 0 < (m.location.score or 0) <= 1


def test_geo_api_exclude_spans_are_skipped() -> None:
    text = "Vladimir Oblast governor spoke in Kharkiv."
    ms = geocode_text(text, exclude=[(text.index("Kharkiv"), text.index("Kharkiv") + 7)])
    assert "Kharkiv" not in [m.text for m in ms]


def test_geo_api_unknown_name_leaves_others_resolved() -> None:
    ms = geocode_text("Fighting near Zzyzxivka and Bakhmut, Donetsk Oblast, continued; Chasiv Yar was shelled.")
    names = {m.location.name for m in ms}
    assert {"Bakhmut", "Chasiv Yar"} <= names
    assert not any("Zzyzx" in m.text for m in ms)


def test_geo_api_unknown_village_with_region_is_coded_to_region() -> None:
    ms = geocode_text("A soldier was killed near Zzyzxivka village, Donetsk region.")
    m = next(m for m in ms if m.text.startswith("Zzyzxivka")) if any(m.text.startswith("Zzyzxivka") for m in ms) else None
    # an unknown name is not invented: either skipped, or coded to the region it names
    assert m is None or (m.location.admin1 == "Donetsk" and m.location.precision == 3)
    assert any(m.location.admin1 == "Donetsk" for m in ms)


def test_geo_api_region_cue_picks_the_namesake() -> None:
    a = geocode_text("Shelling hit Novoselivka in the Poltava region.")[0]
    b = geocode_text("Shelling hit Novoselivka, Donetsk Oblast.")[0]
    assert (a.location.admin1, b.location.admin1) == ("Poltava", "Donetsk")
    assert "Poltava" in (a.location.reason or "")
    assert len(a.candidates) >= 2


def test_geo_api_qualifiers_set_precision_2() -> None:
    for phrase, qual in (("near", "near"), ("on the outskirts of", "outskirts"), ("north of", "north of")):
        m = geocode_text(f"Russian troops attacked {phrase} Avdiivka.")[0]
        assert (m.qualifier, m.location.precision) == (qual, 2)


def test_geo_api_explain_lists_choice_score_runner_ups_and_reason() -> None:
    out = explain(geocode_text("Drones hit Mykolaivka, Sumy Oblast, overnight."))
    assert "Mykolaivka" in out and "score" in out and "why:" in out and "runner-up:" in out
    assert "region named next to it: Sumy" in out
    assert explain([]) == "no place names found"


def test_geo_api_empty_and_placeless_text() -> None:
    assert geocode_text("") == []
    assert geocode_text("nothing here but lower case words and 42 numbers.") == []


def test_geo_api_user_places_csv(tmp_path: Path) -> None:
    csv = tmp_path / "mine.csv"
    csv.write_text("name,variants,kind,lat,lon,country,admin1,precision\n"
                   "Forward Base Quokka,FB Quokka,landmark,48.1,37.7,UA,Donetsk,1\n", encoding="utf-8")
    gaz = get_gazetteer(places=csv)
    assert str(csv) in gaz.user_sources
    m = geocode_text("Supplies reached FB Quokka on Monday.")[0]
    assert m.location.name == "Forward Base Quokka" and m.kind == "landmark" and m.location.admin1 == "Donetsk"


def test_geo_api_cyrillic_and_renamed() -> None:
    ms = geocode_text("Обстріл Маріуполь тривав. Fighting continued in Artemivsk.")
    assert [m.location.name for m in ms] == ["Mariupol", "Bakhmut"]
