"""The FastAPI application: the HTTP API over the event store, and the map/timeline page.

    request -> BodySizeLimit -> SecurityHeaders -> route -> params.parse_* -> Store -> JSON

Every failure leaves as ``{"ok": false, "error": ..., "status": ...}`` (see :func:`_install_errors`).
"""

from __future__ import annotations

import hmac
import html
import importlib
import json
import logging
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.errors import InputError, SitrepError, StoreError
from sitrep.model import Document, Event, document_to_dict, event_to_dict
from sitrep.store.base import Store
from sitrep.web.basemap import basemap_geojson
from sitrep.web.cache import VersionedCache
from sitrep.web.clusters import event_point
from sitrep.web.points import PointReader
from sitrep.web.middleware import BodySizeLimit, SecurityHeaders, error_body
from sitrep.web.params import (
    FILTER_PARAMS,
    PAGE_PARAMS,
    ApiError,
    check_known,
    parse_filter,
    parse_query,
    parse_zoom,
)

log = logging.getLogger("sitrep.web")

STATIC_DIR = Path(__file__).parent / "static"
DEFAULT_MAX_REQUEST_BYTES = 2 * 1024 * 1024
GEOJSON_MAX_LIMIT = 10_000
#: A cluster request reads at most this many events (the newest first).
CLUSTER_MAX_EVENTS = 100_000
#: A cluster response holds at most this many markers (the largest cells).
MAX_CELLS = 3000

Params = Mapping[str, Sequence[str]]

# ------------------------------------------------------------------ OpenAPI-only parameter docs
# The handlers parse ``request.query_params`` themselves (see params.py); these annotations
# exist so that /docs lists every parameter.
Since = Annotated[str | None, Query(description="first day, inclusive (YYYY-MM-DD)")]
Until = Annotated[str | None, Query(description="last day, inclusive (YYYY-MM-DD)")]
Kind = Annotated[list[str] | None, Query(description="event kind; repeat or comma-separate")]
Country = Annotated[str | None, Query(description="ISO country code of any location, e.g. UA")]
Admin1 = Annotated[str | None, Query(description="first-level region of any location")]
ActorP = Annotated[str | None, Query(description="substring of an actor name or text")]
WeaponP = Annotated[str | None, Query(description="substring of a weapon name, text or NATO name")]
SourceP = Annotated[str | None, Query(description="substring of a claim source or outlet")]
Bbox = Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")]
Q = Annotated[str | None, Query(description="words that must all appear in summary or evidence")]
Limit = Annotated[str | None, Query(description="page size, 1..1000 (default 100)")]
Offset = Annotated[str | None, Query(description="events to skip (default 0)")]
Zoom = Annotated[str | None, Query(description="map zoom level 0..20 (default 6)")]


class DocumentIn(BaseModel):
    """A document to ingest through ``POST /api/documents``."""

    text: str = Field(min_length=1, description="the article text, exactly as published")
    title: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="the outlet, e.g. 'The War Zone'")
    published: date | None = Field(None, description="publication date (YYYY-MM-DD)")


def _params(request: Request) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        out.setdefault(key, []).append(value)
    return out


def _ok(payload: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse({"ok": True, **payload}, status_code=status)


def _doc_summary(doc: Document) -> dict[str, Any]:
    d = document_to_dict(doc)
    d.pop("text", None)
    d["chars"] = len(doc.text)
    return d


def _feature(event: Event) -> dict[str, Any] | None:
    point = event_point(event)
    if point is None:
        return None
    place = next((loc for loc in event.locations if loc.lat is not None and loc.lon is not None), None)
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [point.lon, point.lat]},
        "properties": {
            "id": event.id,
            "kind": event.kind,
            "date_start": event.date.start,
            "date_end": event.date.end,
            "summary": event.summary,
            "place": place.name if place else None,
            "country": place.country if place else None,
            "fatalities": event.fatalities,
        },
    }


def _index_html(tile_url: str | None) -> str:
    template = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    config = json.dumps({"tileUrl": tile_url})
    return template.replace("__SITREP_CONFIG__", html.escape(config, quote=True))


def _docs_html() -> str:
    return (STATIC_DIR / "docs.html").read_text(encoding="utf-8")


def _swagger_dir() -> Path | None:
    try:
        module = importlib.import_module("swagger_ui_bundle")
    except ModuleNotFoundError:
        return None
    return Path(module.swagger_ui_path)


def _leaflet_dir() -> Path:
    module = importlib.import_module("xstatic.pkg.leaflet")
    return Path(module.BASE_DIR)


def _install_errors(app: FastAPI) -> None:
    def shape(status: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
        return Response(
            error_body(status, message),
            status_code=status,
            media_type="application/json",
            headers=dict(headers or {}),
        )

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return shape(exc.status, exc.message, headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            message = f"no such page or resource: {request.url.path}; the API is described at /docs"
        elif exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}; see /docs"
        else:
            message = str(exc.detail)
        return shape(exc.status_code, message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return shape(400, "bad request: " + "; ".join(parts))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return shape(500, f"database error: {exc}")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return shape(500, "internal server error; the server log has the details")


def create_app(
    store_path: str | Path,
    *,
    token: str | None = None,
    tile_url: str | None = None,
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
) -> FastAPI:
    """The API and page over the database at ``store_path`` (read-only unless ``token`` is set)."""
    from sitrep.store import open_store

    if token is not None and not token.strip():
        raise SitrepError("the API token is empty; pass a non-empty --token or none at all")
    if tile_url is not None and not tile_url.startswith(("http://", "https://")):
        raise SitrepError(
            f"tile URL {tile_url!r} must start with http:// or https://, "
            "e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        )
    store = open_store(store_path, readonly=token is None)
    points = PointReader(store, CLUSTER_MAX_EVENTS)
    stats_cache = VersionedCache()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        points.close()
        store.close()

    app = FastAPI(
        title="sitrep",
        summary="Sourced, geocoded events from war and conflict reporting.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    _install_errors(app)
    app.add_middleware(BodySizeLimit, max_bytes=max_request_bytes)
    app.add_middleware(SecurityHeaders, tile_url=tile_url)  # outermost: also on 413s
    index = _index_html(tile_url)

    app.mount("/static/app", StaticFiles(directory=STATIC_DIR), name="app-static")
    app.mount("/static/leaflet", StaticFiles(directory=_leaflet_dir()), name="leaflet")
    swagger = _swagger_dir()
    if swagger is not None:
        app.mount("/static/swagger", StaticFiles(directory=swagger), name="swagger")

    @app.get("/", include_in_schema=False)
    def page() -> HTMLResponse:
        return HTMLResponse(index)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if swagger is None:
            raise ApiError(
                404, "the API docs page needs 'swagger-ui-bundle==1.1.0'; /openapi.json still works"
            )
        return HTMLResponse(_docs_html())

    @app.get("/api/events", summary="Events matching the filters, newest first, paged")
    def list_events(
        request: Request,
        since: Since = None, until: Until = None, kind: Kind = None, country: Country = None,
        admin1: Admin1 = None, actor: ActorP = None, weapon: WeaponP = None,
        source: SourceP = None, bbox: Bbox = None, q: Q = None,
        limit: Limit = None, offset: Offset = None,
    ) -> JSONResponse:
        params = _params(request)
        check_known(params, FILTER_PARAMS + PAGE_PARAMS)
        query = parse_query(params)
        records = ",".join(store.iter_event_json(query.flt))  # stored JSON as is: no decode/encode
        total = store.count_events(query.flt)
        head = json.dumps({"ok": True, "total": total, "limit": query.limit, "offset": query.offset})
        return Response(f'{head[:-1]},"events":[{records}]}}', media_type="application/json")

    @app.get("/api/events.geojson", summary="Located events as a GeoJSON FeatureCollection")
    def events_geojson(
        request: Request,
        since: Since = None, until: Until = None, kind: Kind = None, country: Country = None,
        admin1: Admin1 = None, actor: ActorP = None, weapon: WeaponP = None,
        source: SourceP = None, bbox: Bbox = None, q: Q = None,
        limit: Annotated[str | None, Query(description="1..10000 (default 100)")] = None,
        offset: Offset = None,
    ) -> JSONResponse:
        params = _params(request)
        check_known(params, FILTER_PARAMS + PAGE_PARAMS)
        query = parse_query(params, max_limit=GEOJSON_MAX_LIMIT)
        features = [f for f in map(_feature, store.iter_events(query.flt)) if f is not None]
        body = {
            "type": "FeatureCollection",
            "features": features,
            "total": store.count_events(query.flt),
            "limit": query.limit,
            "offset": query.offset,
        }
        return JSONResponse(body, media_type="application/geo+json")

    @app.get("/api/events/{event_id}", summary="One event with its evidence and documents")
    def get_event(event_id: str) -> JSONResponse:
        event = store.get_event(event_id)
        if event is None:
            raise ApiError(404, f"no event with id {event_id!r}; list events with /api/events")
        docs = store.documents_for_event(event_id)
        body = {"event": event_to_dict(event), "documents": [_doc_summary(d) for d in docs]}
        from sitrep.store.merging import reports_to_json

        # merged events: each document's own report side by side, and the figures they dispute
        body.update(reports_to_json(store.reports_for_event(event.id), store.disputes_for_event(event.id)))
        return _ok(body)

    @app.get("/api/documents/{doc_id}", summary="One stored document, with its full text")
    def get_document(doc_id: str) -> JSONResponse:
        doc = store.get_document(doc_id)
        if doc is None:
            raise ApiError(404, f"no document with id {doc_id!r}; event records list their doc_ids")
        return _ok({"document": document_to_dict(doc)})

    @app.get("/api/stats", summary="Counts of matching events by day and kind")
    def stats(
        request: Request,
        since: Since = None, until: Until = None, kind: Kind = None, country: Country = None,
        admin1: Admin1 = None, actor: ActorP = None, weapon: WeaponP = None,
        source: SourceP = None, bbox: Bbox = None, q: Q = None,
    ) -> JSONResponse:
        params = _params(request)
        check_known(params, FILTER_PARAMS)
        flt = parse_filter(params)

        def body() -> bytes:
            s = store.stats(flt)
            return json.dumps({
                "ok": True,
                "total": s.total,
                "by_kind": [{"kind": k, "n": n} for k, n in s.by_kind],
                "by_day": [{"day": d, "kind": k, "n": n} for d, k, n in s.by_day_kind],
            }, separators=(",", ":")).encode("utf-8")

        # Cached per (filter, PRAGMA data_version): any committed write starts afresh.
        return Response(stats_cache.get(flt, points.data_version(), body), media_type="application/json")

    @app.get("/api/clusters", summary="Map markers: matching events binned into screen cells")
    def clusters(
        request: Request,
        since: Since = None, until: Until = None, kind: Kind = None, country: Country = None,
        admin1: Admin1 = None, actor: ActorP = None, weapon: WeaponP = None,
        source: SourceP = None, bbox: Bbox = None, q: Q = None, zoom: Zoom = None,
    ) -> JSONResponse:
        params = _params(request)
        check_known(params, FILTER_PARAMS + ("zoom",))
        zoom_level = parse_zoom(params)
        flt = parse_filter(params)
        cells = points.clusters(flt, zoom_level)
        return _ok(
            {
                "zoom": zoom_level,
                "events": sum(c.count for c in cells),
                "truncated": len(cells) > MAX_CELLS,
                "cells": [
                    {
                        "lat": c.lat,
                        "lon": c.lon,
                        "count": c.count,
                        "kinds": [[k, n] for k, n in c.kinds],
                        "event_id": c.event_id,
                        "summary": c.summary,
                    }
                    for c in cells[:MAX_CELLS]
                ],
            }
        )

    @app.get("/api/basemap.geojson", summary="Offline base layer: land and country borders")
    def basemap() -> Response:
        return Response(
            basemap_geojson(),
            media_type="application/geo+json",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    @app.post(
        "/api/documents",
        status_code=201,
        summary="Ingest one document (only when the server has a token; send it as a Bearer token)",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": DocumentIn.model_json_schema()}},
            }
        },
    )
    async def post_document(request: Request) -> JSONResponse:
        _check_token(request, token)
        raw = await request.body()
        try:
            body = DocumentIn.model_validate_json(raw or b"null")
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors()
            )
            raise ApiError(400, f"bad document: {problems}; send JSON like {{\"text\": \"...\"}}") from None
        return await run_in_threadpool(_ingest, store, body)

    return app


def _check_token(request: Request, token: str | None) -> None:
    if token is None:
        raise ApiError(
            403,
            "this server is read-only: POST /api/documents works only when the server is "
            "started with a token (sitrep serve --token ...)",
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise ApiError(401, "missing token: send the header 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "wrong token: send the token the server was started with")


def _extract(docs: list[Document]) -> Iterator[tuple[Document, list[Event]]]:
    """The extraction stage (imported on first use: it loads spaCy)."""
    from sitrep.extract import extract_documents

    return extract_documents(docs)


def _ingest(store: Store, body: DocumentIn) -> JSONResponse:
    from sitrep.ingest.text import read_text

    try:
        doc = read_text(
            body.text, origin="api", published=body.published, url=body.url,
            title=body.title, source=body.source,
        )
    except InputError as exc:
        raise ApiError(400, str(exc)) from None
    if store.has_document(doc.id):
        return _ok({"doc_id": doc.id, "stored": False, "reason": "already stored", "event_ids": []}, 200)
    results = list(_extract([doc]))
    events = [e for _doc, evs in results for e in evs]
    result = store.add_reports(doc, events)  # merged with stored reports of the same events
    return _ok(
        {
            "doc_id": result.doc_id,
            "stored": result.stored,
            "events_added": result.events_added,
            "events_linked": result.events_linked,
            "reason": result.reason,
            "event_ids": [e.id for e in events],
        },
        201 if result.stored else 200,
    )


__all__ = ["DEFAULT_MAX_REQUEST_BYTES", "DocumentIn", "create_app"]
