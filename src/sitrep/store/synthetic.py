"""Deterministic synthetic documents and events, for tests and benchmarks of the store and API."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from sitrep.model import (
    Acled,
    Actor,
    Casualty,
    Claim,
    Document,
    Event,
    EventDate,
    Evidence,
    Location,
    Mark,
    Quantity,
    Weapon,
)

_KINDS = ("strike", "strike", "strike", "interception", "battle", "territory_change", "deployment", "assessment")
_ACLED = {
    "strike": Acled("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "interception": Acled("Strategic developments", "Disrupted weapons use", "Strategic developments"),
    "battle": Acled("Battles", "Armed clash"),
    "territory_change": Acled("Battles", "Government regains territory"),
    "deployment": Acled("Strategic developments", "Other", "Strategic developments"),
}
_ACTORS = (
    ("Russian forces", "Military Forces of Russia", "RU"),
    ("Ukrainian forces", "Military Forces of Ukraine", "UA"),
    ("Wagner Group", "Wagner Group", "RU"),
)
_WEAPONS = (
    ("Kh-101 cruise missiles", "Kh-101", "cruise missile", None, "munition"),
    ("Shahed-136 drones", "Shahed-136", "loitering munition", None, "munition"),
    ("Tu-95MS bombers", "Tu-95MS", "bomber aircraft", "Bear", "platform"),
    ("HIMARS", "M142 HIMARS", "rocket artillery", None, "system"),
)
_SOURCES = (
    ("Air Force of Ukraine", "military"),
    ("Ministry of Defence of the United Kingdom", "intelligence"),
    ("Reuters", "media"),
)
_PLACES = (
    ("Kharkiv", "Kharkiv", 49.99, 36.23),
    ("Odesa", "Odesa", 46.48, 30.73),
    ("Kyiv", "Kyiv City", 50.45, 30.52),
    ("Bakhmut", "Donetsk", 48.59, 38.0),
    ("Kherson", "Kherson", 46.64, 32.61),
)


def synthetic_event(rng: random.Random, doc_id: str, start: int, day: date) -> Event:
    """One plausible event of a random kind, with locations, claims and evidence."""
    kind = rng.choice(_KINDS)
    text, admin1, lat, lon = rng.choice(_PLACES)
    lat += rng.uniform(-1.5, 1.5)
    lon += rng.uniform(-1.5, 1.5)
    actor = rng.choice(_ACTORS)
    weapon = rng.choice(_WEAPONS)
    source, source_type = rng.choice(_SOURCES)
    n = rng.randint(1, 60)
    span = rng.choice((0, 0, 0, 0, 1, 6)) if kind != "assessment" else 40
    sentence = f"{actor[0]} launched {n} {weapon[0]} at {text} on {day.isoformat()}."
    offset = sentence.index(text)
    event = Event(
        id=Event.make_id(doc_id, start, kind),
        kind=kind,
        acled=_ACLED.get(kind),
        date=EventDate(day.isoformat(), (day + timedelta(days=span)).isoformat(), "day" if span == 0 else "week",
                       "text", rng.choice((None, "night", "morning")), day.isoformat()),
        summary=f"{actor[1]} {kind} with {weapon[1]} near {text}.",
        actors=(Actor(actor[0], actor[1], actor[2], "state_forces", "initiator"),),
        locations=(
            Location(text, text, "target", "UA", admin1, None, round(lat, 5), round(lon, 5), None, 1),
        ),
        weapons=(Weapon(*weapon),),
        quantities=(Quantity(weapon[1], "launched", n, rng.choice(("exact", "more_than")), str(n)),),
        casualties=(Casualty("civilians", "killed", n % 4, "exact", f"{n % 4} killed"),) if n % 3 == 0 else (),
        fatalities=n % 4 if n % 3 == 0 else 0,
        claims=(Claim(source, source_type, f"{source} said", "said", None, "claimed"),),
        flags=("first_time",) if n == 7 else (),
        evidence=(
            Evidence(doc_id, start, start + len(sentence), sentence,
                     (Mark(start + offset, start + offset + len(text), "location"),)),
        ),
        doc_ids=(doc_id,),
    )
    return event


def synthetic_corpus(
    n_events: int,
    *,
    seed: int = 0,
    first_day: date = date(2022, 2, 24),
    days: int = 365,
    events_per_doc: int = 5,
) -> Iterator[tuple[Document, list[Event]]]:
    """``n_events`` events spread over ``days`` days, grouped into documents."""
    rng = random.Random(seed)
    made = 0
    doc_no = 0
    while made < n_events:
        day = first_day + timedelta(days=rng.randrange(days))
        k = min(events_per_doc, n_events - made)
        doc_id = f"doc_synth{seed:04d}{doc_no:08d}"
        events = [synthetic_event(rng, doc_id, i * 200, day) for i in range(k)]
        text = " ".join(e.evidence[0].sentence.ljust(199) for e in events)
        yield Document(doc_id, text, day, None, f"Report {doc_no}", rng.choice(("Kyiv Independent", "Reuters")), None), events
        made += k
        doc_no += 1
