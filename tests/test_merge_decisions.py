"""Merging in the store: merged records, disputes, stable ids and aliases, split/merge decisions,
and how `sitrep show`, `split`, `merge` and the API present them."""

from __future__ import annotations

import json
from datetime import date

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.model import (
    Actor,
    Casualty,
    Claim,
    Document,
    Event,
    EventDate,
    EventFilter,
    Evidence,
    Location,
    Quantity,
    Weapon,
)
from sitrep.store import open_store
from sitrep.web import create_app

KHARKIV = Location("Kharkiv", "Kharkiv", "target", "UA", "Kharkiv", None, 49.98, 36.25, 706483, 1)
KHARKIV_OBLAST = Location("Kharkiv region", "Kharkiv Oblast", "target", "UA", "Kharkiv", None, 49.98, 36.25, 706482, 3)
ODESA = Location("Odesa", "Odesa", "target", "UA", "Odesa", None, 46.48, 30.73, 698740, 1)


def report(n: int, *, place: Location = KHARKIV, day: str = "2024-05-14", killed: int = 0, launched: int | None = None,
           source: str = "Reuters", published: str = "2024-05-14", kind: str = "strike") -> tuple[Document, list[Event]]:
    doc_id = f"doc_dec{n:02d}"
    sentence = f"Russian missiles hit {place.text} ({n})."
    event = Event(
        id=Event.make_id(doc_id, 0, kind), kind=kind, acled=None, date=EventDate(day, day, "day", "text"),
        summary=sentence, actors=(Actor("Russian", "Military Forces of Russia", "RU", "state_forces", "initiator"),),
        locations=(place,), weapons=(Weapon("missiles", "missile", "missile", None, "munition"),),
        quantities=(Quantity("missile", "launched", launched, "exact", str(launched)),) if launched else (),
        casualties=(Casualty("civilians", "killed", killed),) if killed else (), fatalities=killed,
        claims=(Claim(source, "media", f"{source} said", "said"),),
        evidence=(Evidence(doc_id, 0, len(sentence), sentence),), doc_ids=(doc_id,),
    )
    return Document(doc_id, sentence, date.fromisoformat(published), source=source), [event]


def test_merge_gathers_reports_and_flags_disputes():
    with open_store(":memory:") as store:
        a, b, c = report(1, killed=3, launched=12), report(2, killed=5, launched=10, source="AP"), report(3, place=KHARKIV_OBLAST, source="Air Force")
        for doc, events in (a, b, c):
            store.add_reports(doc, events)
        [event] = store.query_events(EventFilter())
        assert event.id == min(r[1][0].id for r in (a, b, c))  # the earliest report's id (same day: the lowest)
        assert set(event.doc_ids) == {"doc_dec01", "doc_dec02", "doc_dec03"}
        assert {c.source for c in event.claims} == {"Reuters", "AP", "Air Force"}
        assert len(event.evidence) == 3 and event.locations[0] == KHARKIV  # the town before the region
        assert event.fatalities == 3 and "disputed" in event.flags  # ACLED: the most conservative figure
        assert [q.value for q in event.quantities] == [10, 12]
        disputes = {d.item: d.values for d in store.disputes_for_event(event.id)}
        assert disputes["civilians killed"] == ((3, "doc_dec01", "Reuters"), (5, "doc_dec02", "AP"))
        assert disputes["missile launched"] == ((10, "doc_dec02", "AP"), (12, "doc_dec01", "Reuters"))
        assert sorted(r.doc_id for r in store.reports_for_event(event.id)) == ["doc_dec01", "doc_dec02", "doc_dec03"]
        assert store.count_events(EventFilter(source="ap")) == 1


def test_merge_keeps_distractors_apart():
    with open_store(":memory:") as store:
        store.add_reports(*report(1))
        store.add_reports(*report(2, day="2024-05-16"))  # same town, two days later
        store.add_reports(*report(3, place=ODESA))  # same day, another town
        store.add_reports(*report(4, kind="interception"))  # the interception of the strike
        assert store.count_events(EventFilter()) == 4


def test_merge_id_stays_and_old_ids_resolve_when_an_earlier_report_arrives():
    with open_store(":memory:") as store:
        late = report(1, published="2024-05-15")
        store.add_reports(*late)
        first_id = late[1][0].id
        store.add_reports(*report(2, published="2024-05-16"))  # later: the id does not change
        assert [e.id for e in store.query_events(EventFilter())] == [first_id]
        early = report(3, published="2024-05-14")
        store.add_reports(*early)  # back-fill of an earlier report: it names the event now
        [event] = store.query_events(EventFilter())
        assert event.id == early[1][0].id
        assert store.get_event(first_id) == event and store.resolve_event_id(first_id) == event.id
        assert [d.id for d in store.documents_for_event(first_id)] == ["doc_dec03", "doc_dec01", "doc_dec02"]


def test_split_and_merge_decisions_survive_new_reports():
    with open_store(":memory:") as store:
        for n in (1, 2, 3):
            store.add_reports(*report(n))
        [event] = store.query_events(EventFilter())
        result = store.split_event(event.id, "doc_dec03")
        assert len(result.event_ids) == 2
        store.add_reports(*report(4))  # a new report links to both sides: the split holds
        groups = sorted(sorted(e.doc_ids) for e in store.query_events(EventFilter()))
        assert len(groups) == 2  # dec04 joins one side (the first in canonical order), never both
        with3 = next(g for g in groups if "doc_dec03" in g)
        assert "doc_dec01" not in with3 and "doc_dec02" not in with3
        assert not store.add_reports(*report(3)).stored  # re-ingest changes nothing
        assert sorted(sorted(e.doc_ids) for e in store.query_events(EventFilter())) == groups

        odesa = report(5, place=ODESA)
        store.add_reports(*odesa)
        kharkiv_id = store.resolve_event_id(report(1)[1][0].id)
        merged = store.merge_events_by_id(kharkiv_id, odesa[1][0].id)
        [merged_id] = merged.event_ids
        assert store.resolve_event_id(kharkiv_id) == store.resolve_event_id(odesa[1][0].id) == merged_id
        store.add_reports(*report(6, place=ODESA))  # joins the Odesa report, so the forced event
        together = store.get_event(merged_id)
        assert {"doc_dec01", "doc_dec02", "doc_dec05", "doc_dec06"} <= set(together.doc_ids)
        assert "doc_dec03" not in together.doc_ids and store.count_events(EventFilter()) == 2


def test_cli_show_split_merge_and_api(tmp_path):
    db = tmp_path / "m.db"
    with open_store(db) as store:
        for r in (report(1, killed=3), report(2, killed=5, source="AP"), report(3, place=ODESA)):
            store.add_reports(*r)
        kharkiv = store.resolve_event_id(report(1)[1][0].id)
        odesa = report(3)[1][0].id
    run = CliRunner()
    shown = run.invoke(app, ["show", kharkiv, "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.count("report: ") == 2 and "disputed: civilians killed: 3 (Reuters); 5 (AP)" in shown.stdout
    as_json = json.loads(run.invoke(app, ["show", kharkiv, "--db", str(db), "--json"]).stdout)
    assert sorted(r["doc_id"] for r in as_json["reports"]) == ["doc_dec01", "doc_dec02"]
    assert as_json["disputes"][0]["item"] == "civilians killed"

    with TestClient(create_app(db)) as client:
        body = client.get(f"/api/events/{kharkiv}").json()
        assert body["ok"] and len(body["reports"]) == 2 and body["disputes"][0]["values"][1]["source"] == "AP"

    out = run.invoke(app, ["split", kharkiv, "doc_dec02", "--db", str(db)])
    assert out.exit_code == 0 and out.stdout.count("evt_") == 2
    bad = run.invoke(app, ["split", kharkiv, "doc_nope", "--db", str(db)])
    assert bad.exit_code == 1 and "does not report event" in bad.stderr
    out = run.invoke(app, ["merge", kharkiv, odesa, "--db", str(db)])
    assert out.exit_code == 0, out.output
    with open_store(db) as store:
        assert sorted(store.get_event(kharkiv).doc_ids) == ["doc_dec01", "doc_dec03"]  # old ids resolve
        assert store.count_events(EventFilter()) == 2


def test_merge_upgrades_a_database_written_before_merging(tmp_path):
    import sqlite3

    from sitrep.store.migrations import APPLICATION_ID, LATEST_VERSION, MIGRATIONS

    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0][1] + f"\nPRAGMA application_id = {APPLICATION_ID};\nPRAGMA user_version = 1;")
    conn.close()
    with open_store(path) as store:
        assert store.schema_version == LATEST_VERSION >= 3
        for n in (1, 2):
            store.add_reports(*report(n))
        assert store.count_events(EventFilter()) == 1
