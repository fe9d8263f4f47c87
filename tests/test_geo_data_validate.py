"""The curated geography files load, validate and agree with GeoNames."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import KnowledgeError
from sitrep.geo import data as gdata
from sitrep.geo import get_gazetteer
from sitrep.geo.evaluate import km

# Admin1s whose capital lies in another admin1 (a city that is its own region).
CAPITAL_ELSEWHERE = {("UA", "13"), ("RU", "42"), ("RU", "47"), ("BY", "05"), ("SY", "08"), ("SY", "13")}


def test_geo_data_admin1_rows_are_valid() -> None:
    rows = gdata.load_admin1()
    assert len({(a.country, a.code) for a in rows}) == len(rows)
    ua = {a.name for a in rows if a.country == "UA"}
    assert len(ua) == 27 and {"Kyiv", "Kyiv City", "Crimea", "Sevastopol", "Luhansk", "Donetsk"} <= ua
    assert {a.country for a in rows} >= {"UA", "RU", "BY", "MD", "GE", "SY", "IL", "PS", "LB", "IQ", "YE", "SD"}


def test_geo_data_admin1_codes_match_their_capitals() -> None:
    gaz = get_gazetteer()
    by_gid = {gaz.geonameid[i]: i for i in range(len(gaz)) if gaz.geonameid[i] and gaz.kind[i] == 0}
    for a in gdata.load_admin1():
        if a.capital_id is None:
            continue
        i = by_gid.get(a.capital_id)
        assert i is not None, f"{a.name}: capital {a.capital_id} not in GeoNames cities500"
        assert km(gaz.lat[i], gaz.lon[i], a.lat, a.lon) < 30, a.name
        if (a.country, a.code) not in CAPITAL_ELSEWHERE:
            assert gaz.admin1[i] == a.name, f"{a.country}.{a.code} {a.name}: capital is in {gaz.admin1[i]}"


def test_geo_data_landmarks_refer_to_known_regions() -> None:
    names = {(a.country, a.name) for a in gdata.load_admin1()}
    lms = gdata.load_landmarks()
    assert len(lms) >= 30
    for lm in lms:
        if lm.admin1:
            assert (lm.country, lm.admin1) in names, lm.name
    wanted = {"Azovstal", "Zaporizhzhia Nuclear Power Plant", "Antonivskyi Bridge", "Kerch Bridge", "Snake Island",
              "Saky air base", "Engels air base", "Azot chemical plant", "Black Sea", "Sea of Azov", "Donbas",
              "Donets River"}
    assert wanted <= {lm.name for lm in lms}


def test_geo_data_word_lists_load() -> None:
    assert "saturday" in gdata.load_words("stopnames.txt")
    assert "post" in gdata.load_words("namewords.txt")
    assert gdata.load_suffixes()["oblasts"] == "admin1"
    assert any(q.phrase == "outskirts of" for q in gdata.load_qualifiers())
    assert gdata.load_demonyms()["Belarusian"] == "BY"
    assert gdata.load_focus()["UA"] > 0
    assert ("UA", "Donetsk") in gdata.load_frontline()


def test_geo_data_bad_landmark_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "places.csv"
    bad.write_text("name,lat,lon,kind\nMy Base,91.5,30.0,landmark\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"places\.csv:2: lat 91\.5 is outside"):
        gdata.load_landmarks(bad)
    bad.write_text("name,lat,lon,kind\nMy Base,50,30,castle\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="kind 'castle'"):
        gdata.load_landmarks(bad)
    bad.write_text("title,lat\nX,1\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="missing column"):
        gdata.load_landmarks(bad)
