"""Two context bugs: a wire dateline is publication context, and spaCy's PERSON tag on a city name."""

from __future__ import annotations

from datetime import date

from sitrep.extract import extract_text
from sitrep.extract.dates import find_dateline
from sitrep.extract.nlp import Entity
from sitrep.extract.pipeline import _not_people
from sitrep.geo import geocode_text


def test_dateline_is_found_with_its_filing_date():
    text = "KYIV, May 14 (Reuters) - Russian missiles hit Kharkiv on Monday."
    d = find_dateline(text, 0, date(2024, 5, 14))
    assert d is not None
    assert text[d.end :].startswith("Russian missiles")
    assert d.filed == date(2024, 5, 14)
    assert find_dateline("Russian missiles hit Kharkiv on Monday.", 0, None) is None


def test_dateline_does_not_date_the_event():
    events = extract_text("KYIV, May 14 (Reuters) - Russian missiles hit Kharkiv on Monday, killing two people.", "2024-05-14")
    assert [e.kind for e in events] == ["strike"]
    assert (events[0].date.start, events[0].date.text) == ("2024-05-13", "Monday")
    assert [loc.name for loc in events[0].locations] == ["Kharkiv"]  # not the dateline's Kyiv


def test_dateline_year_resolves_relative_dates_without_publication_date():
    events = extract_text("KYIV, May 14, 2024 (Reuters) - Russian missiles hit Kharkiv on Monday.")
    assert events and events[0].date.start == "2024-05-13"


def _ent(text: str, name: str, label: str = "PERSON") -> Entity:
    i = text.index(name)
    return Entity(start=i, end=i + len(name), text=name, label=label)


def test_place_that_is_the_whole_person_entity_is_kept():
    text = "The Air Force of Ukraine said Russia attacked Sumy with drones."
    places = geocode_text(text)
    kept = _not_people(places, [_ent(text, "Sumy")])
    assert "Sumy" in [p.text for p in kept]


def test_place_inside_a_longer_person_name_is_dropped():
    text = "Kharkiv Terekhov met officials in Kryvyi Rih."
    places = geocode_text(text, exclude=[])
    assert {"Kryvyi Rih"} <= {p.text for p in places}
    # a PERSON entity that strictly contains a place drops it; one that IS the place keeps it
    fake = [p for p in geocode_text("Kharkiv was hit.")]
    assert [p.text for p in fake] == ["Kharkiv"]
    assert _not_people(fake, [Entity(0, 16, "Kharkiv Terekhov", "PERSON")]) == []
    kept = [p.text for p in _not_people(places, [_ent(text, "Kharkiv Terekhov"), _ent(text, "Kryvyi Rih")])]
    assert kept == ["Kryvyi Rih"]


def test_city_tagged_person_reaches_the_event():
    events = extract_text("Russian missiles hit Kryvyi Rih on Monday, killing three people, Oleksandr Vilkul said.", "2024-05-14")
    assert events and "Kryvyy Rih" in [loc.name for loc in events[0].locations]


def test_extract_named_weapon_is_not_a_place():
    from sitrep.extract import extract_text

    events = extract_text(
        "The United States announced a $400 million military aid package for Ukraine, including "
        "Patriot interceptors, HIMARS ammunition and Bradley fighting vehicles.",
        published="2024-05-12",
    )
    places = [loc.name for ev in events for loc in ev.locations]
    assert "Bradley" not in places
    assert any(w.name.startswith("M2 Bradley") or "Bradley" in w.name for ev in events for w in ev.weapons)
