"""The seed article's places (issue 3, point 4) and its traps (names that are not places)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.geo import PlaceMention, geocode_text
from sitrep.geo.evaluate import km

SEED = Path(__file__).parent / "data" / "000_140fda5b5716f268.txt"


@pytest.fixture(scope="module")
def mentions() -> list[PlaceMention]:
    return geocode_text(SEED.read_text(encoding="utf-8"))


def _at(ms: list[PlaceMention], text: str, surface: str, nth: int = 0) -> PlaceMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    hits = [m for m in ms if m.start <= start < m.end]
    assert hits, f"no place mention at {surface!r} (#{nth})"
    return hits[0]


def test_geo_seed_oblast_list_is_three_admin1(mentions: list[PlaceMention]) -> None:
    text = SEED.read_text(encoding="utf-8")
    i = text.index("Kyiv, Chernihiv, and Sumy oblasts")
    for surface, admin1 in (("Kyiv", "Kyiv"), ("Chernihiv", "Chernihiv"), ("Sumy", "Sumy")):
        m = next(m for m in mentions if m.start >= i and text[m.start:].startswith(surface))
        assert (m.kind, m.location.country, m.location.admin1, m.location.precision) == ("admin1", "UA", admin1, 3)
    sumy = next(m for m in mentions if m.text.startswith("Sumy"))
    assert km(sumy.location.lat, sumy.location.lon, 50.917, 34.799) < 5  # at the capital's point


def test_geo_seed_countries_and_demonym_territory(mentions: list[PlaceMention]) -> None:
    text = SEED.read_text(encoding="utf-8")
    by = _at(mentions, text, "Belarus")
    assert (by.kind, by.location.country, by.location.precision) == ("country", "BY", 4)
    air = _at(mentions, text, "Belarusian airspace")
    assert air.text == "Belarusian airspace" and air.location.country == "BY" and air.location.precision == 4
    ua = _at(mentions, text, "Ukraine")
    assert (ua.location.country, ua.location.precision) == ("UA", 4)


def test_geo_seed_towns(mentions: list[PlaceMention]) -> None:
    text = SEED.read_text(encoding="utf-8")
    spb = _at(mentions, text, "Saint Petersburg")
    assert spb.location.country == "RU" and spb.location.precision == 1
    assert km(spb.location.lat, spb.location.lon, 59.94, 30.31) < 25
    sev = _at(mentions, text, "Sievierodonetsk")
    assert sev.location.admin1 == "Luhansk" and sev.location.precision == 1
    assert km(sev.location.lat, sev.location.lon, 48.944, 38.488) < 25
    lys = _at(mentions, text, "Lysychansk")
    assert lys.location.precision == 1 and km(lys.location.lat, lys.location.lon, 48.912, 38.421) < 25
    lo = _at(mentions, text, "Luhansk Oblast")
    assert (lo.kind, lo.location.admin1, lo.location.precision) == ("admin1", "Luhansk", 3)
    db = _at(mentions, text, "Donbas")
    assert db.kind == "region" and db.location.precision == 3


def test_geo_seed_near_kyiv_is_precision_2(mentions: list[PlaceMention]) -> None:
    text = SEED.read_text(encoding="utf-8")
    m = _at(mentions, text, "Kyiv")  # "north and east of Kyiv"
    assert m.qualifier is not None and m.location.precision == 2


@pytest.mark.parametrize("trap", [
    "Russian forces", "Ukrainian troops", "Russian President", "Vladimir Putin", "Alexander Lukashenko",
    "Washington Post", "Air Force", "Southern Group of Forces", "Ministry of Defense", "Saturday",
    "The War Zone", "X-Files", "Russian ammunition", "Airborne Forces", "Andrei Serdyukov", "Alexandr Dvornikov",
])
def test_geo_seed_traps_are_not_places(mentions: list[PlaceMention], trap: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    start = 0
    while (i := text.find(trap, start)) >= 0:
        hit = [m.text for m in mentions if m.start < i + len(trap) and i < m.end]
        assert not hit, f"{trap!r} became a place: {hit}"
        start = i + 1


def test_geo_seed_mentions_sorted_and_offsets_match(mentions: list[PlaceMention]) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for m in mentions:
        assert text[m.start:m.end] == m.text == m.location.text
        assert m.location.role is None and m.location.reason
