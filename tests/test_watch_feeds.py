"""`sitrep watch` on an RSS feed and a Telegram export that gain entries and edits."""

from __future__ import annotations

import json
import os
from collections import Counter

from test_watch_liveblog import CountingExtractor

from sitrep.model import EventFilter
from sitrep.store import open_store
from sitrep.watch import Watcher

STRIKE = "Russian missiles hit Dnipro on 3 June, killing two civilians, the regional governor said."
STRIKE_EDIT = "Russian missiles hit Dnipro on 3 June, killing five civilians, the regional governor said."
DRONES = "Air defence shot down 14 Shahed drones over Kyiv on 3 June, the Air Force of Ukraine said."


def rss(entries: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<item><title>Update</title><link>https://example.org/{key}</link><description>{text}</description>"
        "<pubDate>Mon, 03 Jun 2024 08:00:00 GMT</pubDate></item>"
        for key, text in entries
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Front wire</title>{items}</channel></rss>'


def test_watch_feed_file_new_entries_and_edits(tmp_path):
    feed = tmp_path / "front.xml"
    ex = CountingExtractor()
    with open_store(tmp_path / "w.db") as store:
        w = Watcher(store, extract=ex)
        feed.write_text(rss([("a", STRIKE)]))
        assert w.poll(str(feed)).new == 1
        assert w.poll(str(feed)).status == "not_modified"  # same file: not read again
        feed.write_text(rss([("b", DRONES), ("a", STRIKE_EDIT)]))  # a new entry on top, entry a edited
        os.utime(feed, ns=(1, 10**18))
        r = w.poll(str(feed))
        assert (r.new, r.edited, r.unchanged, r.extracted) == (1, 1, 0, 2)
        events = store.query_events(EventFilter())
        assert Counter(e.kind for e in events) == Counter({"strike": 1, "interception": 1})
        strike = next(e for e in events if e.kind == "strike")
        assert strike.fatalities == 5
        assert len(store.revisions_of(strike.doc_ids[0])) == 1
    assert set(ex.texts.values()) == {1}


def _telegram(messages: list[tuple[int, str]]) -> str:
    return json.dumps({
        "name": "Air Force of Ukraine",
        "type": "public_channel",
        "messages": [{"id": i, "type": "message", "date": "2024-06-03T09:00:00", "text": t} for i, t in messages],
    })


def test_watch_telegram_export_resumes(tmp_path):
    export = tmp_path / "result.json"
    db = tmp_path / "w.db"
    ex = CountingExtractor()
    with open_store(db) as store:
        export.write_text(_telegram([(1, STRIKE)]))
        assert Watcher(store, extract=ex).poll(str(export)).new == 1
        export.write_text(_telegram([(1, STRIKE), (2, DRONES)]))
        os.utime(export, ns=(1, 10**18))
        r = Watcher(store, extract=ex).poll(str(export))
        assert (r.new, r.unchanged) == (1, 1)
    with open_store(db) as store:  # restarted: the stamp is unchanged, nothing is read
        assert Watcher(store, extract=ex).poll(str(export)).status == "not_modified"
        export.write_text(_telegram([(1, STRIKE), (2, DRONES)]) + "\n")
        r = Watcher(store, extract=ex).poll(str(export))  # read again, but every message is known
        assert r.status == "read" and r.new == 0 and r.extracted == 0
        assert store.count_events(EventFilter()) == 2
    assert set(ex.texts.values()) == {1} and len(ex.texts) == 2


def test_ingest_reads_feeds_and_telegram_and_merges_them(tmp_path):
    """`sitrep ingest` takes the same feed and Telegram inputs; one strike reported by both is one event."""
    from typer.testing import CliRunner

    from sitrep.cli import app

    (tmp_path / "front.xml").write_text(rss([("a", STRIKE)]))
    (tmp_path / "result.json").write_text(_telegram([(7, STRIKE_EDIT)]))
    db = tmp_path / "i.db"
    out = CliRunner().invoke(app, ["ingest", str(tmp_path / "front.xml"), str(tmp_path / "result.json"), "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "documents read: 2; stored: 2" in out.stdout
    with open_store(db) as store:
        [event] = store.query_events(EventFilter())
        assert len(event.doc_ids) == 2 and event.fatalities == 2 and "disputed" in event.flags
        assert {r.document.source for r in store.reports_for_event(event.id)} == {"Front wire", "Air Force of Ukraine"}


def test_cli_watch_one_round(tmp_path):
    from typer.testing import CliRunner

    from sitrep.cli import app

    feed = tmp_path / "front.xml"
    feed.write_text(rss([("a", STRIKE), ("b", DRONES)]))
    db = tmp_path / "w.db"
    out = CliRunner().invoke(app, ["watch", str(feed), "--db", str(db), "--rounds", "1", "--interval", "5"])
    assert out.exit_code == 0, out.output
    assert "2 new, 0 edited, 0 unchanged passages; 2 new events" in out.stderr
    assert "polls: 1; passages new: 2, edited: 0; new events: 2; errors: 0" in out.stdout
    again = CliRunner().invoke(app, ["watch", str(feed), "--db", str(db), "--rounds", "1"])
    assert "polls: 1; passages new: 0, edited: 0; new events: 0; errors: 0" in again.stdout
    missing = CliRunner().invoke(app, ["watch", str(tmp_path / "nope.json"), "--db", str(db), "--rounds", "1"])
    assert "errors: 1" in missing.stdout and "nope.json" in missing.stderr
