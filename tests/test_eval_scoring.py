"""Scoring: pairs gold and predicted events, counts per field, CASE classes and the confusion matrix."""

from __future__ import annotations

from sitrep.evaluate import NO_EVENT, GoldDoc, score
from sitrep.evaluate.scoring import source_match
from sitrep.model import Acled, Claim, Event, EventDate, Evidence, Location, Weapon

SHELL = Acled("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence")
GOLD_EVENT = {
    "kind": "strike",
    "acled": {"event_type": SHELL.event_type, "sub_event_type": SHELL.sub_event_type, "disorder_type": "Political violence"},
    "date": {"start": "2024-05-01", "end": "2024-05-01"},
    "locations": [{"name": "Kharkiv", "lat": 49.98, "lon": 36.25, "country": "UA", "precision": 1}],
    "weapons": [{"name": "S-300"}],
    "claims": [{"source": "Air Force of Ukraine", "modality": "asserted", "probability": None}],
}


def _event(kind="strike", acled=SHELL, start="2024-05-01", lat=49.99, weapon="S-300", source="Ukrainian Air Force", at=0) -> Event:
    return Event(
        id=f"evt_{kind}_{at}",
        kind=kind,
        acled=acled,
        date=EventDate(start=start, end=start),
        summary="",
        locations=(Location(text="Kharkiv", name="Kharkiv", lat=lat, lon=36.25, country="UA", precision=1),),
        weapons=(Weapon(text=weapon, name=weapon),),
        claims=(Claim(source=source, source_type="military", modality="asserted"),),
        evidence=(Evidence(doc_id="d", start=at, end=at + 5, sentence="x"),),
    )


def test_eval_scoring_perfect_prediction_scores_one():
    doc = GoldDoc(id="1", text="t", published=None, events=(GOLD_EVENT,))
    r = score("gold", [doc], [[_event()]])
    for name in ("event", "kind", "acled_sub_type", "date", "locations", "weapons", "claim_source", "claim_modality"):
        assert r.field(name).f1 == 1.0, name
    assert not r.errors


def test_eval_scoring_wrong_fields_and_spurious_event_are_counted():
    doc = GoldDoc(id="1", text="the text", published=None, events=(GOLD_EVENT,))
    wrong = _event(start="2024-04-30", lat=48.0, weapon="Kh-101", at=0)
    extra = _event(kind="battle", acled=Acled("Battles", "Armed clash"), at=10)
    r = score("gold", [doc], [[wrong, extra]])
    ev = r.field("event")
    assert (ev.tp, ev.fp, ev.fn) == (1, 1, 0)
    assert r.field("date").tp == 0 and r.field("date").fn == 1
    assert r.field("locations").f1 == 0.0
    assert r.field("weapons").fp >= 1 and r.field("weapons").fn == 1
    assert r.errors and r.errors[0].doc_id == "1"
    assert any("spurious battle" in p for p in r.errors[0].problems)
    assert r.confusion.count("strike", "strike") == 1 and r.confusion.count("(none)", "battle") == 1


def test_eval_scoring_missed_event_lowers_recall_only():
    doc = GoldDoc(id="1", text="t", published=None, events=(GOLD_EVENT, {**GOLD_EVENT, "label": "second"}))
    r = score("gold", [doc], [[_event()]])
    ev = r.field("event")
    assert ev.precision == 1.0 and ev.recall == 0.5


def test_eval_scoring_source_names_match_through_the_knowledge_file():
    assert source_match({"source": "Air Force of Ukraine"}, Claim(source="Ukrainian Air Force"))
    assert not source_match({"source": "Air Force of Ukraine"}, Claim(source="Ministry of Defence of Russia"))


def test_eval_scoring_case_counts_no_event_as_a_class():
    docs = [
        GoldDoc(id="a", text="t", published=None, label="Armed clash"),
        GoldDoc(id="b", text="t", published=None, label=NO_EVENT),
        GoldDoc(id="c", text="t", published=None, label=NO_EVENT),
    ]
    clash = _event(kind="battle", acled=Acled("Battles", "Armed clash"))
    r = score("case", docs, [[clash], [], [clash]])
    assert r.field("sub_event_type").tp == 2
    assert abs(r.micro_f1 - 2 / 3) < 1e-9
    by = {c.name: c for c in r.classes}
    assert set(by) == {"Armed clash", NO_EVENT}
    assert by[NO_EVENT].recall == 0.5 and by["Armed clash"].precision == 0.5
    assert abs(r.macro_f1 - (by[NO_EVENT].f1 + by["Armed clash"].f1) / 2) < 1e-9
