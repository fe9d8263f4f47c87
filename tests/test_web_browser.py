"""The page in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) against uvicorn on loopback."""

from __future__ import annotations

import itertools
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_web_data import XSS_TEXT, build_db

from sitrep.model import Document

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (make deps)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    import uvicorn

    from sitrep.web import create_app

    db = tmp_path_factory.mktemp("browser") / "browser.db"
    mode = build_db(db)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start on loopback")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", mode
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    base, _mode = server
    context = browser.new_context(viewport={"width": 1400, "height": 850})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.outside = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("request", lambda r: None if r.url.startswith(base) else pg.outside.append(r.url))
    yield pg
    context.close()


def _events(base: str) -> list[dict]:
    return httpx.get(f"{base}/api/events?limit=1000").json()["events"]


def _wait_map(pg, previous: str | None = None) -> int:
    pg.wait_for_function(
        "(prev) => document.body.dataset.mapReady && document.body.dataset.mapReady !== prev",
        arg=previous or "", timeout=15000,
    )
    pg.wait_for_timeout(150)
    return int(pg.evaluate("document.body.dataset.mapEvents"))


def test_web_browser_map_shows_events_at_their_places_and_evidence(page, server) -> None:
    base, mode = server
    located = [e for e in _events(base) if any(l["lat"] is not None for l in e["locations"])]
    assert located, f"no located events in the {mode} database"
    page.goto(f"{base}/#map=2/30/20")  # the whole world: every located event is in view
    shown = _wait_map(page)
    assert shown == len(located)
    page.wait_for_selector(".ev-marker, .ev-cluster")
    # Each single marker sits on its event's first located place.
    placed = page.evaluate(
        """() => [...document.querySelectorAll('.ev-marker')].map((m) => {
              const r = m.getBoundingClientRect(), c = document.getElementById('map').getBoundingClientRect();
              const s = window.sitrep.shown.find((p) => p.id === m.dataset.eventId);
              const want = window.sitrep.map.latLngToContainerPoint([s.lat, s.lon]);
              return {id: m.dataset.eventId, dx: r.left + r.width / 2 - c.left - want.x,
                      dy: r.top + r.height / 2 - c.top - want.y, lat: s.lat, lon: s.lon};
            })"""
    )
    assert placed
    first_place = {e["id"]: next(l for l in e["locations"] if l["lat"] is not None) for e in located}
    for p in placed:
        assert abs(p["dx"]) < 2 and abs(p["dy"]) < 2
        assert (p["lat"], p["lon"]) == (first_place[p["id"]]["lat"], first_place[p["id"]]["lon"])
    target = placed[0]["id"]
    page.click(f'.ev-marker[data-event-id="{target}"]')
    page.wait_for_selector("#event-view .evidence")
    record = next(e for e in located if e["id"] == target)
    text = page.inner_text("#event-view")
    assert record["summary"] in text
    assert record["evidence"][0]["sentence"].split("\n")[0][:40] in page.inner_text("#event-view .evidence")
    assert page.locator("#event-view .evidence mark").count() >= 1
    assert f"event={target}" in page.url
    assert page.outside == [] and page.dialogs == []
    # The screenshot for the record: the seed's events around Ukraine, the fall of Sievierodonetsk open.
    seed = next(
        (e for e in located if e["kind"] == "territory_change" and "Sievierodonetsk" in e["evidence"][0]["sentence"]),
        None,
    )
    assert seed is not None, "the seed's fall of Sievierodonetsk should be on the map"
    page.goto("about:blank")
    page.goto(f"{base}/#map=6/49.2/33.5&event={seed['id']}")
    _wait_map(page, None)
    page.wait_for_selector("#event-view .evidence mark")
    assert "Sievierodonetsk" in page.inner_text("#event-view .evidence")
    _wait_settled(page, seed["id"])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "screenshot.png"))
    assert page.outside == [] and page.dialogs == []


def _wait_settled(pg, event_id: str) -> None:
    """The base layer drawn, the selection ring on the event, no map request in flight."""
    pg.wait_for_function("() => (document.body.dataset.baseLayer || '').includes('border')", timeout=20000)
    pg.wait_for_selector(f'.ev-selection[data-selected-event="{event_id}"]')
    pg.wait_for_function("() => document.body.dataset.mapBusy === '0'", timeout=15000)
    pg.wait_for_timeout(300)


def test_web_browser_deep_link_pans_to_and_rings_the_event(page, server) -> None:
    base, _mode = server
    seed = next(e for e in _events(base)
                if e["kind"] == "territory_change" and "Sievierodonetsk" in e["evidence"][0]["sentence"])
    place = next(l for l in seed["locations"] if l["lat"] is not None)
    page.goto(f"{base}/#map=6/41.9/12.5&event={seed['id']}")  # a view of Rome, far from the event
    page.wait_for_selector("#event-view .evidence")
    _wait_settled(page, seed["id"])
    centre = page.evaluate("(() => { const c = window.sitrep.map.getCenter(); return [c.lat, c.lng, window.sitrep.map.getZoom()]; })()")
    assert abs(centre[0] - place["lat"]) < 0.05 and abs(centre[1] - place["lon"]) < 0.05
    assert centre[2] == 6  # the link's zoom is kept
    ring = page.locator(".ev-selection").bounding_box()
    want = page.evaluate(
        "([lat, lon]) => { const p = window.sitrep.map.latLngToContainerPoint([lat, lon]);"
        " const c = document.getElementById('map').getBoundingClientRect(); return [c.left + p.x, c.top + p.y]; }",
        [place["lat"], place["lon"]],
    )
    assert abs(ring["x"] + ring["width"] / 2 - want[0]) < 2 and abs(ring["y"] + ring["height"] / 2 - want[1]) < 2
    assert page.evaluate("getComputedStyle(document.querySelector('.ev-selection')).pointerEvents") == "none"
    # Region (oblast) outlines are drawn at this zoom, under the markers.
    assert page.evaluate("document.body.dataset.baseLayer") == "border,land,region"
    assert page.locator(".leaflet-base-region-pane canvas").count() == 1
    # The timeline's axis labels do not overlap and stay inside the timeline.
    boxes = page.eval_on_selector_all(
        "#timeline-svg text.axis", "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })")
    svg = page.locator("#timeline-svg").bounding_box()
    assert len(boxes) >= 3
    boxes.sort()
    assert all(a[1] + 4 <= b[0] for a, b in itertools.pairwise(boxes)), boxes
    assert boxes[0][0] >= svg["x"] - 0.5 and boxes[-1][1] <= svg["x"] + svg["width"] + 0.5


def test_web_browser_timeline_brush_filters_the_map(page, server) -> None:
    base, _mode = server
    page.goto(f"{base}/#map=2/30/20")
    before = _wait_map(page)
    page.wait_for_selector("#timeline-svg rect[data-day]")
    days = sorted({d for d in page.eval_on_selector_all("#timeline-svg rect[data-day]",
                                                        "els => els.map(e => e.dataset.day)")})
    assert len(days) >= 2, "the timeline needs events on two days or more"
    pick = days[len(days) // 2]
    bar = page.locator(f'#timeline-svg rect[data-day="{pick}"]').first.bounding_box()
    svg = page.locator("#timeline-svg").bounding_box()
    ready = page.evaluate("document.body.dataset.mapReady")
    # Brush from a day in the middle of the timeline to the right edge: earlier days drop out.
    page.mouse.move(bar["x"] + min(0.5, bar["width"] / 2), svg["y"] + 10)
    page.mouse.down()
    page.mouse.move(svg["x"] + svg["width"] - 2, svg["y"] + 20, steps=5)
    page.mouse.up()
    after = _wait_map(page, ready)
    expected = httpx.get(f"{base}/api/events?since={pick}&limit=1").json()["total"]
    assert 0 < after < before and after <= expected
    assert f"since={pick}" in page.url
    assert page.input_value("#f-since") == pick


def test_web_browser_untrusted_text_renders_as_text(page, server) -> None:
    base, _mode = server
    xss_id = Document.make_id(XSS_TEXT)
    events = [e for e in _events(base) if xss_id in e["doc_ids"]]
    assert events, "the article with <script> produced no event to open"
    page.goto(f"{base}/#event={events[0]['id']}")
    page.wait_for_selector("#event-view .evidence")
    page.click("#event-view .show-doc")
    page.wait_for_selector("#event-view .doc-text")
    page.wait_for_timeout(300)
    shown = page.inner_text("#event-view")
    assert "<script>window.__pwned = 1; alert('x')</script>" in shown
    assert "<img src=x onerror=" in shown
    assert page.evaluate("window.__pwned === undefined")
    assert page.dialogs == []
    assert page.locator("#event-view script, #event-view img").count() == 0
    assert page.outside == []
