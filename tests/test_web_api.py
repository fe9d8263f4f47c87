"""HTTP API: every endpoint, bad parameters, the error shape, the token rule, the size limit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))
from test_web_data import build_db, hand_built  # noqa: E402

from sitrep.model import event_to_dict  # noqa: E402
from sitrep.web import create_app  # noqa: E402
from sitrep.web.clusters import cluster_columns, cluster_points, event_point  # noqa: E402
from sitrep.web.middleware import content_security_policy  # noqa: E402

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "api.db"
    build_db(path, real_pipeline=False)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def _events():
    return [e for _d, evs in hand_built() for e in evs]


def _assert_error(r, status: int, *words: str) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["ok"] is False and body["status"] == status
    for w in words:
        assert w in body["error"]


def test_web_api_events_lists_exact_records_newest_first(client: TestClient) -> None:
    r = client.get("/api/events")
    body = r.json()
    assert r.status_code == 200 and body["ok"] is True
    assert body["total"] == 3 and body["limit"] == 100 and body["offset"] == 0
    by_id = {e.id: event_to_dict(e) for e in _events()}
    assert [e["date"]["start"] for e in body["events"]] == ["2022-06-25", "2022-06-24", "2022-03-03"]
    for record in body["events"]:
        assert record == by_id[record["id"]]


def test_web_api_events_filters_and_paging(client: TestClient) -> None:
    def ids(url: str) -> list[str]:
        r = client.get(url)
        assert r.status_code == 200, r.text
        return [e["locations"][0]["name"] for e in r.json()["events"]]

    assert ids("/api/events?since=2022-06-01&until=2022-06-30") == ["Kyiv", "Sievierodonetsk"]
    assert ids("/api/events?kind=territory_change") == ["Sievierodonetsk"]
    assert ids("/api/events?kind=strike,territory_change&until=2022-06-24") == ["Sievierodonetsk", "Kharkiv"]
    assert ids("/api/events?bbox=29,49,32,51") == ["Kyiv"]
    assert ids("/api/events?q=Sievierodonetsk") == ["Sievierodonetsk"]
    assert ids("/api/events?actor=russia&country=ua&kind=strike") == ["Kyiv", "Kharkiv"]
    assert ids("/api/events?source=government") == ["Kyiv"]
    page = client.get("/api/events?limit=1&offset=1").json()
    assert page["total"] == 3 and [e["locations"][0]["name"] for e in page["events"]] == ["Sievierodonetsk"]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("since=yesterday", ["since", "YYYY-MM-DD"]),
        ("since=2022-07-01&until=2022-06-01", ["after"]),
        ("kind=bombing", ["bombing", "strike"]),
        ("bbox=1,2,3", ["4 numbers"]),
        ("bbox=a,b,c,d", ["non-number"]),
        ("bbox=0,60,10,50", ["latitudes"]),
        ("bbox=0,0,200,10", ["longitudes"]),
        ("limit=0", ["limit", "1..1000"]),
        ("limit=5000", ["limit"]),
        ("limit=ten", ["whole number"]),
        ("offset=-1", ["offset"]),
        ("colour=red", ["unknown parameter", "colour"]),
        ("since=2022-01-01&since=2022-02-01", ["once"]),
    ],
)
def test_web_api_bad_parameters_are_400_with_one_shape(client: TestClient, query: str, words: list[str]) -> None:
    _assert_error(client.get(f"/api/events?{query}"), 400, *words)


def test_web_api_event_detail_has_evidence_and_documents(client: TestClient) -> None:
    event = _events()[0]
    body = client.get(f"/api/events/{event.id}").json()
    assert body["event"] == event_to_dict(event)
    assert body["event"]["evidence"][0]["marks"]
    [doc] = body["documents"]
    assert doc["id"] == event.doc_ids[0] and doc["source"] == "The War Zone" and "text" not in doc
    _assert_error(client.get("/api/events/evt_missing"), 404, "evt_missing")


def test_web_api_document_returns_full_text(client: TestClient) -> None:
    doc = hand_built()[1][0]
    body = client.get(f"/api/documents/{doc.id}").json()
    assert body["document"]["text"] == doc.text and body["document"]["published"] == "2022-03-03"
    _assert_error(client.get("/api/documents/doc_nope"), 404, "doc_nope")


def test_web_api_geojson_features_at_event_places(client: TestClient) -> None:
    r = client.get("/api/events.geojson?kind=strike")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    body = r.json()
    assert body["type"] == "FeatureCollection" and body["total"] == 2
    coords = {f["properties"]["place"]: f["geometry"]["coordinates"] for f in body["features"]}
    assert coords == {"Kyiv": [30.52, 50.45], "Kharkiv": [36.23, 49.99]}
    _assert_error(client.get("/api/events.geojson?limit=20000"), 400, "limit")


def test_web_api_stats_counts_by_day_and_kind(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["total"] == 3
    assert body["by_kind"] == [{"kind": "strike", "n": 2}, {"kind": "territory_change", "n": 1}]
    assert {"day": "2022-06-24", "kind": "territory_change", "n": 1} in body["by_day"]
    assert client.get("/api/stats?since=2022-06-25").json()["total"] == 1
    _assert_error(client.get("/api/stats?limit=3"), 400, "unknown parameter")


def test_web_api_clusters_group_by_zoom(client: TestClient) -> None:
    wide = client.get("/api/clusters?zoom=0").json()
    assert wide["events"] == 3 and len(wide["cells"]) == 1 and wide["cells"][0]["count"] == 3
    close = client.get("/api/clusters?zoom=8").json()
    singles = {c["event_id"] for c in close["cells"] if c["count"] == 1}
    assert singles == {e.id for e in _events()}
    boxed = client.get("/api/clusters?zoom=8&bbox=29,49,32,51").json()
    assert [c["summary"] for c in boxed["cells"]] == ["Strike at Kyiv."]
    _assert_error(client.get("/api/clusters?zoom=99"), 400, "zoom")


def test_web_api_clusters_vectorised_matches_reference() -> None:
    points = [p for p in map(event_point, _events()) if p is not None]
    for zoom in (2, 5, 9):
        ref = cluster_points(points, zoom)
        import numpy as np

        fast = cluster_columns([p.id for p in points], [p.kind for p in points],
                               [p.summary for p in points], np.array([p.lat for p in points]),
                               np.array([p.lon for p in points]), zoom)
        assert sorted((c.count, c.lat, c.lon, c.kinds, c.event_id) for c in fast) == sorted(
            (c.count, c.lat, c.lon, c.kinds, c.event_id) for c in ref)


def test_web_api_unknown_route_and_method_use_error_shape(client: TestClient) -> None:
    _assert_error(client.get("/api/nothing"), 404, "/api/nothing")
    _assert_error(client.delete("/api/events"), 405, "DELETE")


def test_web_api_post_refused_without_configured_token(client: TestClient) -> None:
    _assert_error(client.post("/api/documents", json={"text": "x"}), 403, "read-only", "--token")


def test_web_api_post_requires_the_token(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.web.app as web_app

    path = tmp_path / "rw.db"
    build_db(path, real_pipeline=False)
    doc, events = hand_built()[0]

    def fake_extract(docs):  # the extractor is tested elsewhere; here only the API's rules
        for d in docs:
            yield d, []

    monkeypatch.setattr(web_app, "_extract", fake_extract)
    with TestClient(create_app(path, token=TOKEN, max_request_bytes=4096), raise_server_exceptions=False) as c:
        body = {"text": "Air defence shot down three drones over Odesa.", "published": "2024-05-01"}
        r = c.post("/api/documents", json=body)
        _assert_error(r, 401, "Authorization: Bearer")
        assert r.headers["www-authenticate"] == "Bearer"
        _assert_error(c.post("/api/documents", json=body, headers={"Authorization": "Bearer nope"}), 401, "wrong")
        _assert_error(c.post("/api/documents", json=body, headers={"Authorization": f"Basic {TOKEN}"}), 401)
        auth = {"Authorization": f"Bearer {TOKEN}"}
        _assert_error(c.post("/api/documents", json={"title": "no text"}, headers=auth), 400, "text")
        _assert_error(c.post("/api/documents", content=b"{not json", headers=auth), 400, "bad document")
        _assert_error(c.post("/api/documents", json={"text": "x" * 5000}, headers=auth), 413, "limit")
        r = c.post("/api/documents", json=body, headers=auth)
        assert r.status_code == 201, r.text
        created = r.json()
        assert created["ok"] is True and created["stored"] is True and created["doc_id"].startswith("doc_")
        again = c.post("/api/documents", json=body, headers=auth).json()
        assert again["stored"] is False and again["reason"] == "already stored"
        assert c.get(f"/api/documents/{created['doc_id']}").json()["document"]["published"] == "2024-05-01"


def test_web_api_size_limit_applies_without_content_length(db: Path) -> None:
    app = create_app(db, token=TOKEN, max_request_bytes=100)

    def chunks():
        for _ in range(10):
            yield b"x" * 50

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/api/documents", content=chunks(), headers={"Authorization": f"Bearer {TOKEN}"})
    _assert_error(r, 413)


def test_web_api_page_is_local_and_locked_down(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert "http" not in r.text.replace('href="/docs"', "")  # every asset is local
    for asset in ("/static/leaflet/leaflet.js", "/static/leaflet/leaflet.css", "/static/app/app.js"):
        assert client.get(asset).status_code == 200
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/swagger/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert "/api/events" in client.get("/openapi.json").json()["paths"]


def test_web_api_tile_url_is_escaped_and_allowed_by_csp(db: Path) -> None:
    url = "https://{s}.tile.example.org/{z}/{x}/{y}.png?a=1&b=\"2\""
    with TestClient(create_app(db, tile_url=url)) as c:
        r = c.get("/")
    assert "&quot;2\\&quot;" in r.text or "&amp;b=" in r.text
    assert '"2\\"' not in r.text.split("sitrep-config")[1].split(">")[0]
    assert "https://*.tile.example.org" in r.headers["content-security-policy"]
    assert "img-src 'self' data:;" in content_security_policy(None) + ";"


def test_web_api_basemap_is_offline_geojson(client: TestClient) -> None:
    body = client.get("/api/basemap.geojson").json()
    layers = {f["properties"]["layer"]: f["geometry"] for f in body["features"]}
    assert layers["land"]["type"] == "MultiPolygon" and len(layers["land"]["coordinates"]) > 500
    assert layers["border"]["type"] == "MultiLineString" and len(layers["border"]["coordinates"]) > 300
    # Ukraine's land is there: some ring passes within half a degree of Odesa's coast.
    near = any(abs(lon - 30.7) < 0.5 and abs(lat - 46.5) < 0.5
               for poly in layers["land"]["coordinates"] for lon, lat in poly[0])
    assert near
