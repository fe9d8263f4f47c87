/* sitrep map/timeline page.
 *
 * State lives in the URL hash (#event=...&since=...&kind=a,b&map=z/lat/lon), so every view
 * is a deep link. All text from documents is untrusted: it reaches the page only through
 * textContent / createTextNode, never innerHTML.
 */
"use strict";

(function () {
  const KIND_COLOURS = {
    strike: "#d62728", interception: "#1f77b4", battle: "#ff7f0e", territory_change: "#9467bd",
    violence_against_civilians: "#8c564b", protest: "#e377c2", riot: "#bcbd22", arrest: "#7f7f7f",
    personnel_change: "#17becf", deployment: "#2ca02c", logistics: "#6b8e23", diplomacy: "#4a7ab0",
    looting: "#c49c94", assessment: "#a58cc8", other: "#555555",
  };
  const KINDS = Object.keys(KIND_COLOURS);
  const TEXT_FILTERS = ["actor", "weapon", "source", "q"];
  const PAGE = 50;
  const SVG_NS = "http://www.w3.org/2000/svg";

  const config = JSON.parse(document.querySelector('meta[name="sitrep-config"]').content || "{}");
  const state = { since: "", until: "", kind: [], actor: "", weapon: "", source: "", q: "", event: "", offset: 0 };
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }
  const colour = (kind) => KIND_COLOURS[kind] || KIND_COLOURS.other;

  // ------------------------------------------------------------------ URL state
  function readHash() {
    const h = new URLSearchParams(location.hash.replace(/^#/, ""));
    state.since = h.get("since") || "";
    state.until = h.get("until") || "";
    state.kind = (h.get("kind") || "").split(",").filter((k) => KINDS.includes(k));
    for (const f of TEXT_FILTERS) state[f] = h.get(f) || "";
    state.event = h.get("event") || "";
    const m = (h.get("map") || "").split("/").map(Number);
    return m.length === 3 && m.every(Number.isFinite) ? { zoom: m[0], lat: m[1], lon: m[2] } : null;
  }
  function writeHash() {
    const h = new URLSearchParams();
    if (state.event) h.set("event", state.event);
    if (state.since) h.set("since", state.since);
    if (state.until) h.set("until", state.until);
    if (state.kind.length) h.set("kind", state.kind.join(","));
    for (const f of TEXT_FILTERS) if (state[f]) h.set(f, state[f]);
    if (map) {
      const c = map.getCenter();
      h.set("map", `${map.getZoom()}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}`);
    }
    const next = "#" + h.toString();
    if (location.hash !== next) history.replaceState(null, "", next);
  }
  function filterParams(withDates) {
    const p = new URLSearchParams();
    if (withDates && state.since) p.set("since", state.since);
    if (withDates && state.until) p.set("until", state.until);
    if (state.kind.length) p.set("kind", state.kind.join(","));
    for (const f of TEXT_FILTERS) if (state[f]) p.set(f, state[f]);
    return p;
  }
  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await r.json();
    if (!r.ok || body.ok === false) throw new Error(body.error || `HTTP ${r.status}`);
    return body;
  }

  // ------------------------------------------------------------------ map
  let map = null;
  const markerLayer = L.layerGroup();
  const shown = []; // what the map shows now: {id, lat, lon, count, kind}
  let mapSeq = 0;

  function initMap(view) {
    map = L.map("map", { preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 14 });
    map.attributionControl.setPrefix(false);
    if (config.tileUrl) {
      L.tileLayer(config.tileUrl, { maxZoom: 18 }).addTo(map);
    } else {
      loadBaseLayer();
    }
    markerLayer.addTo(map);
    if (view) map.setView([view.lat, view.lon], view.zoom);
    else map.setView([48.5, 32], 5);
    map.on("moveend", () => { writeHash(); refreshMap(); });
    refreshMap();
  }

  // The offline base layer: land, then region (admin-1) lines, then country borders on top,
  // each in its own pane below the markers. Region lines appear from REGION_ZOOM on.
  const REGION_ZOOM = 4;
  const BASE_STYLE = {
    land: { color: "#7f98a8", weight: 0.8, fillColor: "#f1eee4", fillOpacity: 1 },
    region: { color: "#6f6a60", weight: 1, opacity: 0.85, dashArray: "5 3", fill: false },
    border: { color: "#3d3d3d", weight: 1.8, opacity: 0.9, fill: false },
  };
  function loadBaseLayer() {
    const layers = {};
    ["land", "region", "border"].forEach((name, i) => {
      map.createPane("base-" + name).style.zIndex = String(200 + i * 10);
    });
    getJSON("/api/basemap.geojson").then((geo) => {
      for (const f of geo.features) {
        const name = f.properties.layer;
        if (!BASE_STYLE[name]) continue;
        const pane = "base-" + name;
        layers[name] = L.geoJSON(f, {
          interactive: false, pane, renderer: L.canvas({ pane, padding: 0.3 }),
          style: () => BASE_STYLE[name],
        });
      }
      const showRegions = () => {
        if (!layers.region) return;
        if (map.getZoom() >= REGION_ZOOM) layers.region.addTo(map); else layers.region.remove();
      };
      if (layers.land) layers.land.addTo(map);
      if (layers.border) layers.border.addTo(map);
      showRegions();
      map.on("zoomend", showRegions);
      const text = String(geo.attribution || "Outlines: offline base layer");
      map.attributionControl.addAttribution(text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`));
      document.body.dataset.baseLayer = Object.keys(layers).sort().join(",");
    }).catch((e) => console.warn("base layer:", e.message));
  }

  // The selected event: a ring on its place, drawn above the markers (and above the cluster
  // that may hold it), ignoring the mouse so the marker below stays clickable.
  let selectionMarker = null;
  function showSelection(id, loc) {
    if (selectionMarker) { selectionMarker.remove(); selectionMarker = null; }
    if (!map || !loc) return;
    const ring = el("div", { class: "ev-selection", "data-selected-event": id });
    selectionMarker = L.marker([loc.lat, loc.lon], {
      icon: L.divIcon({ html: ring, className: "", iconSize: [40, 40] }),
      interactive: false, keyboard: false, zIndexOffset: 10000,
    }).addTo(map);
  }

  function markerIcon(cell) {
    const kind = cell.kinds[0][0];
    const node = el("div");
    node.style.background = colour(kind);
    if (cell.count === 1) {
      node.className = "ev-marker";
      node.dataset.eventId = cell.event_id;
      node.dataset.kind = kind;
      if (cell.event_id === state.event) node.classList.add("selected");
      return L.divIcon({ html: node, className: "", iconSize: [16, 16] });
    }
    const size = Math.min(46, 22 + Math.round(Math.log10(cell.count) * 9));
    node.className = "ev-cluster";
    node.dataset.count = String(cell.count);
    node.dataset.kind = kind;
    node.textContent = String(cell.count);
    return L.divIcon({ html: node, className: "", iconSize: [size, size] });
  }

  function tooltipFor(cell) {
    if (cell.count === 1) return el("span", { text: cell.summary || cell.event_id });
    const box = el("div");
    box.appendChild(el("strong", { text: `${cell.count} events` }));
    for (const [k, n] of cell.kinds.slice(0, 5)) box.appendChild(el("div", { text: `${k.replace(/_/g, " ")}: ${n}` }));
    return box;
  }

  async function refreshMap() {
    if (!map) return;
    const seq = ++mapSeq;
    document.body.dataset.mapBusy = "1";
    const b = map.getBounds().pad(0.2);
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    let west = b.getWest(), east = b.getEast();
    if (east - west >= 360) { west = -180; east = 180; }
    else { west = ((west + 540) % 360) - 180; east = ((east + 540) % 360) - 180; }
    const bbox = [west, clamp(b.getSouth(), -90, 90), east, clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(4));
    const p = filterParams(true);
    p.set("bbox", bbox.join(","));
    p.set("zoom", String(map.getZoom()));
    let body;
    try { body = await getJSON("/api/clusters?" + p.toString()); }
    catch (e) { showStatus(e.message, true); return; }
    if (seq !== mapSeq) return; // a newer request is on its way
    markerLayer.clearLayers();
    shown.length = 0;
    for (const cell of body.cells) {
      const m = L.marker([cell.lat, cell.lon], { icon: markerIcon(cell), keyboard: true, riseOnHover: true });
      m.bindTooltip(tooltipFor(cell), { direction: "top", offset: [0, -8] });
      if (cell.count === 1) m.on("click", () => selectEvent(cell.event_id));
      else m.on("click", () => map.setView([cell.lat, cell.lon], Math.min(map.getZoom() + 2, 14)));
      m.addTo(markerLayer);
      shown.push({ id: cell.event_id, lat: cell.lat, lon: cell.lon, count: cell.count, kind: cell.kinds[0][0] });
    }
    document.body.dataset.mapEvents = String(body.events);
    document.body.dataset.mapReady = String(seq);
    document.body.dataset.mapBusy = "0";
  }

  // ------------------------------------------------------------------ timeline
  let timeline = null; // {days: [...], x0, width}

  function dayNumber(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / 86400000); }
  function isoDay(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }

  async function refreshTimeline() {
    let body;
    try { body = await getJSON("/api/stats?" + filterParams(false).toString()); }
    catch (e) { showStatus(e.message, true); return; }
    renderKinds(body.by_kind);
    const byDay = new Map();
    for (const r of body.by_day) {
      if (!byDay.has(r.day)) byDay.set(r.day, []);
      byDay.get(r.day).push(r);
    }
    const days = [...byDay.keys()].sort();
    const svg = $("timeline-svg");
    svg.replaceChildren();
    const w = svg.clientWidth || 600, h = svg.clientHeight || 110;
    const axisH = 14;
    if (!days.length) {
      const t = document.createElementNS(SVG_NS, "text");
      t.setAttribute("x", "8"); t.setAttribute("y", "20"); t.setAttribute("class", "axis");
      t.textContent = "No dated events match the filters.";
      svg.appendChild(t);
      timeline = null;
      return;
    }
    const first = dayNumber(days[0]) - 1, last = dayNumber(days[days.length - 1]) + 1;
    const span = Math.max(1, last - first + 1);
    const bw = w / span;
    let max = 1;
    for (const rows of byDay.values()) max = Math.max(max, rows.reduce((s, r) => s + r.n, 0));
    const scale = (h - axisH - 4) / max;
    const bars = document.createElementNS(SVG_NS, "g");
    for (const [day, rows] of byDay) {
      let y = h - axisH;
      const x = (dayNumber(day) - first) * bw;
      rows.sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
      for (const r of rows) {
        const rh = Math.max(1, r.n * scale);
        y -= rh;
        const rect = document.createElementNS(SVG_NS, "rect");
        rect.setAttribute("x", x.toFixed(2)); rect.setAttribute("y", y.toFixed(2));
        rect.setAttribute("width", Math.max(1, bw - 1).toFixed(2)); rect.setAttribute("height", rh.toFixed(2));
        rect.setAttribute("fill", colour(r.kind));
        rect.setAttribute("data-day", day);
        const title = document.createElementNS(SVG_NS, "title");
        title.textContent = `${day} · ${r.kind.replace(/_/g, " ")}: ${r.n}`;
        rect.appendChild(title);
        bars.appendChild(rect);
      }
    }
    svg.appendChild(bars);
    // Axis labels at least LABEL_GAP px apart: the first anchored at its start, the last at
    // its end (so neither is clipped), the others centred on their day.
    const LABEL_GAP = 90;
    const ticks = Math.max(1, Math.min(span - 1, Math.floor(w / LABEL_GAP)));
    let lastDay = null;
    for (let i = 0; i <= ticks; i++) {
      const n = first + Math.round((i * (span - 1)) / ticks);
      if (n === lastDay) continue;
      lastDay = n;
      const t = document.createElementNS(SVG_NS, "text");
      const x = (n - first + 0.5) * bw;
      const anchor = i === 0 ? "start" : i === ticks ? "end" : "middle";
      t.setAttribute("x", (i === 0 ? 1 : i === ticks ? w - 1 : x).toFixed(1));
      t.setAttribute("y", String(h - 2));
      t.setAttribute("text-anchor", anchor);
      t.setAttribute("class", "axis");
      t.textContent = isoDay(n);
      svg.appendChild(t);
    }
    const brush = document.createElementNS(SVG_NS, "rect");
    brush.setAttribute("class", "brush"); brush.setAttribute("y", "0");
    brush.setAttribute("height", String(h - axisH)); brush.setAttribute("id", "timeline-brush");
    svg.appendChild(brush);
    timeline = { first, bw, h, brush };
    drawBrush();
  }

  function drawBrush() {
    if (!timeline) return;
    const { first, bw, brush } = timeline;
    if (!state.since && !state.until) { brush.setAttribute("width", "0"); brush.setAttribute("x", "0"); $("timeline-range").textContent = ""; return; }
    const svgW = $("timeline-svg").clientWidth;
    const a = state.since ? (dayNumber(state.since) - first) * bw : 0;
    const b = state.until ? (dayNumber(state.until) - first + 1) * bw : svgW;
    brush.setAttribute("x", Math.max(0, a).toFixed(1));
    brush.setAttribute("width", Math.max(1, Math.min(svgW, b) - Math.max(0, a)).toFixed(1));
    $("timeline-range").textContent = `${state.since || "…"} → ${state.until || "…"}`;
  }

  function initBrush() {
    const svg = $("timeline-svg");
    let start = null;
    const xOf = (ev) => ev.clientX - svg.getBoundingClientRect().left;
    svg.addEventListener("pointerdown", (ev) => {
      if (!timeline) return;
      start = xOf(ev);
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", (ev) => {
      if (start === null || !timeline) return;
      const x = xOf(ev);
      timeline.brush.setAttribute("x", Math.min(start, x).toFixed(1));
      timeline.brush.setAttribute("width", Math.abs(x - start).toFixed(1));
    });
    svg.addEventListener("pointerup", (ev) => {
      if (start === null || !timeline) return;
      const x = xOf(ev);
      const lo = Math.min(start, x), hi = Math.max(start, x);
      start = null;
      if (hi - lo < 3) { state.since = ""; state.until = ""; }
      else {
        state.since = isoDay(timeline.first + Math.floor(lo / timeline.bw));
        state.until = isoDay(timeline.first + Math.floor(hi / timeline.bw));
      }
      syncForm();
      applyFilters(false);
    });
  }

  // ------------------------------------------------------------------ filter panel
  function renderKinds(byKind) {
    const counts = new Map(byKind.map((r) => [r.kind, r.n]));
    const box = $("f-kinds");
    box.replaceChildren();
    for (const kind of KINDS) {
      const input = el("input", { type: "checkbox", value: kind, name: "kind" });
      input.checked = state.kind.includes(kind);
      const sw = el("span", { class: "swatch" });
      sw.style.background = colour(kind);
      box.appendChild(el("label", {}, input, sw, kind.replace(/_/g, " "),
        el("span", { class: "n", text: String(counts.get(kind) || 0) })));
    }
  }
  function syncForm() {
    $("f-since").value = state.since;
    $("f-until").value = state.until;
    for (const f of TEXT_FILTERS) $("f-" + f).value = state[f];
    for (const input of $("f-kinds").querySelectorAll("input")) input.checked = state.kind.includes(input.value);
  }
  function readForm() {
    state.since = $("f-since").value;
    state.until = $("f-until").value;
    for (const f of TEXT_FILTERS) state[f] = $("f-" + f).value.trim();
    state.kind = [...$("f-kinds").querySelectorAll("input:checked")].map((i) => i.value);
  }
  function applyFilters(withTimeline) {
    state.offset = 0;
    writeHash();
    refreshMap();
    refreshList();
    if (withTimeline) refreshTimeline(); else drawBrush();
  }

  // ------------------------------------------------------------------ list
  async function refreshList() {
    const p = filterParams(true);
    p.set("limit", String(PAGE));
    p.set("offset", String(state.offset));
    let body;
    try { body = await getJSON("/api/events?" + p.toString()); }
    catch (e) { showStatus(e.message, true); return; }
    showStatus(`${body.total.toLocaleString()} events match`, false);
    const list = $("event-list");
    list.replaceChildren();
    for (const ev of body.events) {
      const place = (ev.locations.find((l) => l.lat !== null) || ev.locations[0] || {}).name || "";
      const li = el("li", { "data-event-id": ev.id, tabindex: "0" },
        el("span", { class: "date", text: `${ev.date.start || "undated"} · ${ev.kind.replace(/_/g, " ")}${place ? " · " + place : ""}` }),
        ev.summary || ev.id);
      if (ev.id === state.event) li.classList.add("selected");
      li.addEventListener("click", () => selectEvent(ev.id, "zoom"));
      li.addEventListener("keydown", (k) => { if (k.key === "Enter") selectEvent(ev.id, "zoom"); });
      list.appendChild(li);
    }
    const end = Math.min(body.total, state.offset + body.events.length);
    $("list-range").textContent = body.total ? `${state.offset + 1}–${end} of ${body.total}` : "";
    $("list-prev").disabled = state.offset === 0;
    $("list-next").disabled = end >= body.total;
  }
  function showStatus(text, isError) {
    const node = $("match-count");
    node.textContent = text;
    node.classList.toggle("error", isError);
  }

  // ------------------------------------------------------------------ event panel
  function highlighted(text, base, marks, cls) {
    const box = el("div", { class: cls });
    const spans = (marks || [])
      .map((m) => ({ start: m.start - base, end: m.end - base, field: m.field }))
      .filter((m) => m.end > 0 && m.start < text.length && m.end > m.start)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let at = 0;
    for (const m of spans) {
      const s = Math.max(m.start, at, 0), e = Math.min(m.end, text.length);
      if (e <= s) continue;
      if (s > at) box.appendChild(document.createTextNode(text.slice(at, s)));
      const mk = el("mark", { class: "f-" + String(m.field).replace(/[^a-z_]/gi, ""), title: String(m.field), text: text.slice(s, e) });
      box.appendChild(mk);
      at = e;
    }
    if (at < text.length) box.appendChild(document.createTextNode(text.slice(at)));
    return box;
  }
  function safeLink(url, label) {
    try {
      const u = new URL(url);
      if (u.protocol === "http:" || u.protocol === "https:") {
        const a = el("a", { rel: "noopener noreferrer nofollow", target: "_blank", text: label || url });
        a.href = u.href;
        return a;
      }
    } catch (e) { /* not a URL: shown as text */ }
    return document.createTextNode(label || url);
  }
  function describe(list, fmt) { return list.length ? list.map(fmt).join("; ") : "—"; }

  function renderEvent(ev, docs, reports, disputes) {
    const view = $("event-view");
    view.replaceChildren();
    const badge = el("span", { class: "badge", text: ev.kind.replace(/_/g, " ") });
    badge.style.background = colour(ev.kind);
    view.appendChild(badge);
    view.appendChild(el("h2", { text: ev.summary || ev.id }));
    const d = ev.date || {};
    const fields = [
      ["id", ev.id],
      ["date", [d.start, d.end && d.end !== d.start ? "→ " + d.end : "", d.precision ? `(${d.precision}, from ${d.basis})` : "", d.time_of_day || "", d.text ? `“${d.text}”` : ""].filter(Boolean).join(" ") || "—"],
      ["ACLED", ev.acled ? `${ev.acled.event_type} · ${ev.acled.sub_event_type}` : "—"],
      ["actors", describe(ev.actors, (a) => `${a.name}${a.side ? " [" + a.side + "]" : ""}${a.role ? " (" + a.role + ")" : ""}`)],
      ["locations", describe(ev.locations, (l) => `${l.name}${l.admin1 ? ", " + l.admin1 : ""}${l.country ? ", " + l.country : ""}${l.role ? " (" + l.role + ")" : ""}${l.lat !== null && l.lat !== undefined ? ` @ ${l.lat.toFixed(3)}, ${l.lon.toFixed(3)}` : ""}${l.precision ? " p" + l.precision : ""}`)],
      ["weapons", describe(ev.weapons, (w) => `${w.name}${w.nato_name ? " “" + w.nato_name + "”" : ""}${w.category ? " — " + w.category : ""}${w.role ? " (" + w.role + ")" : ""}`)],
      ["quantities", describe(ev.quantities, (q) => `${q.qualifier !== "exact" ? q.qualifier.replace(/_/g, " ") + " " : ""}${q.value} ${q.item} ${q.role || ""}`.trim())],
      ["casualties", describe(ev.casualties, (c) => `${c.qualifier !== "exact" ? c.qualifier.replace(/_/g, " ") + " " : ""}${c.value} ${c.group} ${c.outcome}`)],
      ["fatalities", String(ev.fatalities)],
      ["flags", ev.flags.length ? ev.flags.join(", ") : "—"],
      ["parent", ev.parent || "—"],
      ["first reported", ev.first_reported || "—"],
    ];
    const dl = el("dl");
    for (const [k, v] of fields) { dl.appendChild(el("dt", { text: k })); dl.appendChild(el("dd", { text: v })); }
    view.appendChild(el("h3", { text: "Fields" }));
    view.appendChild(dl);

    view.appendChild(el("h3", { text: `Claims (${ev.claims.length})` }));
    if (!ev.claims.length) view.appendChild(el("p", { class: "hint", text: "Stated without attribution." }));
    for (const c of ev.claims) {
      const sure = [c.modality, c.confidence ? `“${c.confidence}”` : "", c.probability ? `${Math.round(c.probability[0] * 100)}–${Math.round(c.probability[1] * 100)}%` : ""].filter(Boolean).join(" · ");
      view.appendChild(el("div", { class: "claim" },
        el("strong", { text: c.source }), ` (${c.source_type})${c.medium ? " via " + c.medium : ""} — ${sure}`,
        c.text ? el("div", { text: `“${c.text}”` }) : null));
    }

    view.appendChild(el("h3", { text: `Evidence (${ev.evidence.length})` }));
    view.appendChild(el("p", { class: "legend-marks", text: "Highlighted: the words each field was extracted from (hover for the field)." }));
    for (const e of ev.evidence) {
      const box = highlighted(e.sentence, e.start, e.marks, "evidence");
      box.dataset.docId = e.doc_id;
      view.appendChild(box);
    }

    view.appendChild(el("h3", { text: `Documents (${docs.length})` }));
    for (const doc of docs) {
      const line = el("div", { class: "doc" });
      line.appendChild(doc.url ? safeLink(doc.url, doc.title || doc.url) : document.createTextNode(doc.title || doc.id));
      line.appendChild(document.createTextNode(` — ${doc.source || "unknown outlet"}${doc.published ? ", " + doc.published : ""} `));
      const btn = el("button", { type: "button", class: "show-doc", text: "Show text" });
      btn.addEventListener("click", () => showDocument(doc.id, ev, line, btn));
      line.appendChild(btn);
      view.appendChild(line);
    }
    renderReports(view, reports || [], disputes || []);
    view.hidden = false;
    $("panel-hint").hidden = true;
  }

  // A merged event: each document's own report side by side, and the figures they disagree on.
  function renderReports(view, reports, disputes) {
    if (reports.length < 2) return;
    view.appendChild(el("h3", { text: `Reports side by side (${reports.length})` }));
    const table = el("table", { class: "reports" });
    table.appendChild(el("tr", {}, el("th", { text: "source" }), el("th", { text: "date" }), el("th", { text: "places" }), el("th", { text: "figures" })));
    for (const r of reports) {
      const e = r.event, d = e.date || {};
      const figures = [...e.quantities.map((q) => `${q.value} ${q.item} ${q.role || ""}`.trim()), ...e.casualties.map((c) => `${c.value} ${c.group} ${c.outcome}`)];
      table.appendChild(el("tr", { "data-doc-id": r.doc_id },
        el("td", { text: `${r.source || r.doc_id}${r.published ? ", " + r.published : ""}` }),
        el("td", { text: d.start && d.end && d.end !== d.start ? `${d.start} → ${d.end}` : d.start || "—" }),
        el("td", { text: e.locations.map((l) => l.name).join(", ") || "—" }),
        el("td", { text: figures.join("; ") || "—" })));
    }
    view.appendChild(table);
    for (const dsp of disputes) {
      view.appendChild(el("p", { class: "dispute", text: `Disputed ${dsp.item}: ` + dsp.values.map((v) => `${v.value} (${v.source || v.doc_id})`).join(" vs ") }));
    }
  }

  async function showDocument(docId, ev, line, btn) {
    btn.disabled = true;
    let body;
    try { body = await getJSON("/api/documents/" + encodeURIComponent(docId)); }
    catch (e) { line.appendChild(el("p", { class: "error", text: e.message })); return; }
    const marks = ev.evidence.filter((e) => e.doc_id === docId).flatMap((e) => e.marks || []);
    line.appendChild(highlighted(body.document.text, 0, marks, "doc-text"));
  }

  // pan: "zoom" centres on the event at zoom >= 7 (a click in the list, a link without a map
  // view); "centre" centres on it at the current zoom (a link that also names a map view).
  async function selectEvent(id, pan) {
    state.event = id;
    writeHash();
    for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
    for (const node of document.querySelectorAll(`[data-event-id="${CSS.escape(id)}"]`)) node.classList.add("selected");
    let body;
    try { body = await getJSON("/api/events/" + encodeURIComponent(id)); }
    catch (e) {
      $("event-view").replaceChildren(el("p", { class: "error", text: e.message }));
      $("event-view").hidden = false;
      return;
    }
    renderEvent(body.event, body.documents, body.reports, body.disputes);
    const loc = body.event.locations.find((l) => l.lat !== null && l.lat !== undefined);
    showSelection(id, loc);
    if (pan && map && loc) {
      if (pan === "centre") map.panTo([loc.lat, loc.lon]);
      else map.setView([loc.lat, loc.lon], Math.max(map.getZoom(), 7));
    }
  }

  // ------------------------------------------------------------------ start
  function start() {
    const view = readHash();
    renderKinds([]);
    syncForm();
    initMap(view);
    initBrush();
    $("filter-form").addEventListener("submit", (ev) => { ev.preventDefault(); readForm(); applyFilters(true); });
    $("f-kinds").addEventListener("change", () => { readForm(); applyFilters(true); });
    $("f-reset").addEventListener("click", () => {
      Object.assign(state, { since: "", until: "", kind: [], actor: "", weapon: "", source: "", q: "" });
      syncForm(); applyFilters(true);
    });
    $("list-prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); refreshList(); });
    $("list-next").addEventListener("click", () => { state.offset += PAGE; refreshList(); });
    window.addEventListener("hashchange", () => {
      const before = state.event;
      const v = readHash();
      syncForm();
      if (v) map.setView([v.lat, v.lon], v.zoom);
      applyFilters(true);
      if (state.event && state.event !== before) selectEvent(state.event, v ? "centre" : "zoom");
    });
    let resizeTimer = null;
    window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(refreshTimeline, 200); });
    refreshList();
    refreshTimeline();
    if (state.event) selectEvent(state.event, view ? "centre" : "zoom");  // a deep link
    window.sitrep = { map, shown, state, selectEvent };
  }
  start();
})();
