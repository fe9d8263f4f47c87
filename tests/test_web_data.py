"""Databases for the web tests: hand-built events, and the bundled samples through the real pipeline."""

from __future__ import annotations

import sitrep

from datetime import date
from pathlib import Path

from sitrep.model import (
    Actor,
    Claim,
    Document,
    Event,
    EventDate,
    Evidence,
    Location,
    Mark,
    event_from_dict,
    event_to_dict,
)
from sitrep.store import open_store

SEED_TEXT = (
    "Russian forces launched missile attacks from Belarus on Saturday. "
    "Six Russian Tu-22M3 bombers launched 12 Kh-22 cruise missiles at Kyiv, "
    "the Ukrainian government claimed.\n"
    "Russian forces have taken Sievierodonetsk after weeks of heavy fighting."
)
XSS_TEXT = (
    "Shelling hit Kharkiv on 3 March. <script>window.__pwned = 1; alert('x')</script> "
    "Officials said <img src=x onerror=\"window.__pwned = 2; alert('y')\"> three people were hurt."
)


def _event(doc: Document, sentence: str, kind: str, day: str, place: tuple[str, float, float], *,
           word: str, source: str | None = None) -> Event:
    start = doc.text.index(sentence)
    w = start + sentence.index(word)
    p = start + sentence.index(place[0])
    claims = (Claim(source=source, source_type="government", text=f"{source} claimed",
                    verb="claimed", modality="claimed"),) if source else ()
    return Event(
        id=Event.make_id(doc.id, start, kind),
        kind=kind,
        acled=None,
        date=EventDate(start=day, end=day, precision="day", basis="published"),
        summary=f"{kind.replace('_', ' ').capitalize()} at {place[0]}.",
        actors=(Actor(text="Russian forces", name="Military Forces of Russia", side="RU",
                      type="state_forces", role="initiator"),),
        locations=(Location(text=place[0], name=place[0], role="target", country="UA",
                            lat=place[1], lon=place[2], precision=1),),
        claims=claims,
        evidence=(Evidence(doc_id=doc.id, start=start, end=start + len(sentence), sentence=sentence,
                           marks=(Mark(w, w + len(word), "trigger"),
                                  Mark(p, p + len(place[0]), "location"))),),
        doc_ids=(doc.id,),
    )


def hand_built() -> list[tuple[Document, list[Event]]]:
    """Three located events on three days plus an article whose text holds HTML/script."""
    seed = Document(Document.make_id(SEED_TEXT), SEED_TEXT, date(2022, 6, 25),
                    "https://example.invalid/seed", "Seed live blog", "The War Zone", "test")
    s1 = SEED_TEXT.split("\n")[0]
    s2 = SEED_TEXT.split("\n")[1]
    xss = Document(Document.make_id(XSS_TEXT), XSS_TEXT, date(2022, 3, 3),
                   "javascript:alert(1)", "<b>Bold</b> title", "<i>Outlet</i>", "test")
    return [
        (seed, [
            _event(seed, s1, "strike", "2022-06-25", ("Kyiv", 50.45, 30.52), word="launched",
                   source="Government of Ukraine"),
            _event(seed, s2, "territory_change", "2022-06-24", ("Sievierodonetsk", 48.95, 38.49),
                   word="taken"),
        ]),
        (xss, [_event(xss, XSS_TEXT, "strike", "2022-03-03", ("Kharkiv", 49.99, 36.23), word="Shelling")]),
    ]


SAMPLES = Path(sitrep.__file__).parent / "samples"


def samples_through_pipeline() -> list[tuple[Document, list[Event]]]:
    """The bundled samples (with their manifest metadata) read and extracted by the real pipeline,
    plus an article whose text carries markup that must render as text."""
    from sitrep.extract import extract_documents
    from sitrep.ingest import read_inputs

    docs = [item for item in read_inputs([str(SAMPLES)]) if isinstance(item, Document)]
    assert len(docs) >= 10, "the bundled samples should give at least 10 documents"
    xss = Document(Document.make_id(XSS_TEXT), XSS_TEXT, date(2022, 3, 3), None, "xss", "test", "test")
    return list(extract_documents(docs + [xss]))


def build_db(path: Path, *, real_pipeline: bool = True) -> str:
    """Fill a new database at ``path``; returns "pipeline" or "hand-built"."""
    mode = "pipeline" if real_pipeline else "hand-built"
    batches = samples_through_pipeline() if real_pipeline else hand_built()
    with open_store(path) as store:
        for doc, events in batches:
            store.add_document(doc, events)
    return mode


def test_web_data_hand_built_events_are_valid_records() -> None:
    for doc, events in hand_built():
        for event in events:
            assert event_from_dict(event_to_dict(event)) == event
            for ev in event.evidence:
                assert doc.text[ev.start:ev.end] == ev.sentence
                for mark in ev.marks:
                    assert ev.start <= mark.start < mark.end <= ev.end
