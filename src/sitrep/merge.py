"""Merging: the reports of one real-world event, from many documents, become one event.

    reports (one Event per document that reports it)
      -> same_event(a, b)        pairwise: compatible kind, dates, places, actors, weapons
      -> cluster_reports(...)    connected components of that relation (+ user decisions)
      -> combine_reports(...)    one event: every doc, claim and evidence; disputes flagged

Rules (``same_event``):

- **kind**: equal kinds; ``assessment`` (forecasts, judgements) never merges.
- **documents**: two reports from the same document never merge (the extractor already
  decided they are different events).
- **dates**: the ranges overlap or lie within one day of each other (a night strike is
  reported under either date). Ranges longer than :data:`MAX_SPAN_DAYS` days are too vague
  to merge.
- **places**: only places whose wording appears in the report's evidence count (provenance:
  a merge rests on what the sentences say). Some target/site place of one lies within :data:`MAX_KM` km of one of the
  other, or one of them is a regional mention (precision 3, an admin1) of the region the
  other lies in. Countries (precision 4) and unlocated names do not count.
- **actors**: the initiators' sides must not be disjoint (who is the target is often left
  implicit, so targets are not compared).
- **weapons**: the munition families (drone, missile, bomb, artillery) must not be disjoint.

Components are the connected components of that relation over all stored reports, so they do
not depend on the order reports arrive in. Each component is then partitioned into events by
a pure function of its set (``partition``): earliest report first, a report joins the first
event it links to whose members' dates all agree with its own — so "within a day" cannot
chain Monday to Wednesday. User decisions refine both: ``apart`` pairs of documents never
link; ``together`` pairs of reports always do.

The merged event (``combine_reports``) is a pure function of its set of reports:

- **id**: the id of its *earliest* report (publication date, then report id). A report
  published later never changes it; when a report published earlier arrives later
  (back-fill), the event takes that report's id and the store keeps the old id as an alias.
  A single-report event keeps the extractor's id.
- **fatalities**: ACLED's most conservative figure, the lowest positive figure any report
  gives (0 when none reports deaths).
- **quantities, casualties**: every distinct figure, lowest value first for the same item and
  role; two reports giving different figures for the same item/role (or group/outcome) add
  the ``disputed`` flag, and :func:`disputes` lists who says what.
- **date**: of the most precise report (day before week; text before publication date;
  then earliest report). **summary, acled, parent**: of the earliest report.
- **actors, places, weapons, claims, evidence, doc_ids, flags**: the union, earliest report
  first; places sorted by precision (towns before regions) so the primary place is the most
  precise one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sitrep.model import Event, Location

MAX_KM = 25.0
MAX_SPAN_DAYS = 7
NO_MERGE_KINDS = frozenset({"assessment"})
DISPUTED = "disputed"

_FAMILIES = (
    ("drone", ("drone", "loitering")),
    ("missile", ("missile", "rocket")),
    ("bomb", ("bomb",)),
    ("artillery", ("howitzer", "artillery", "mortar", "shell")),
)
_NOT_MUNITION = ("air defence", "aircraft", "launcher", "system", "warship", "submarine", "helicopter")


@dataclass(frozen=True, slots=True)
class Report:
    """One document's account of an event: the extracted event and the document's date."""

    event: Event
    doc_id: str
    published: str | None = None  # ISO date of the document, for "earliest report"

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.published or "9999-99-99", self.event.id)


@dataclass(frozen=True, slots=True)
class Decisions:
    """What users decided: document pairs kept apart, report pairs forced together."""

    apart: frozenset[tuple[str, str]] = frozenset()  # (doc_id, doc_id), sorted pair
    together: frozenset[tuple[str, str]] = frozenset()  # (report_id, report_id), sorted pair

    def is_apart(self, a: Report, b: Report) -> bool:
        return _pair(a.doc_id, b.doc_id) in self.apart

    def is_together(self, a: Report, b: Report) -> bool:
        return _pair(a.id, b.id) in self.together


@dataclass(frozen=True, slots=True)
class Dispute:
    """Reports that disagree on one figure: ``values`` is ((value, doc_id, source), ...)."""

    field: str  # "quantity" or "casualty"
    item: str  # e.g. "Kh-101 launched", "civilians killed"
    values: tuple[tuple[int, str, str], ...]


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def report_of(event: Event, published: date | str | None = None, doc_id: str | None = None) -> Report:
    """A :class:`Report` for an event as the extractor returned it for one document."""
    did = doc_id or (event.doc_ids[0] if event.doc_ids else event.evidence[0].doc_id if event.evidence else event.id)
    pub = published.isoformat() if isinstance(published, date) else published
    return Report(event, did, pub)


# ----------------------------------------------------------------------------- pairwise


def _day(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def date_range(event: Event) -> tuple[date, date] | None:
    """The event's (start, end) days, or None when it has no usable date."""
    start = _day(event.date.start) or _day(event.date.end)
    end = _day(event.date.end) or start
    if start is None or end is None:
        return None
    return (start, end) if start <= end else (end, start)


def mergeable(event: Event) -> bool:
    """Can this event merge at all (kind, a date no vaguer than a week, a located place)?"""
    rng = date_range(event)
    return (
        event.kind not in NO_MERGE_KINDS
        and rng is not None
        and (rng[1] - rng[0]).days <= MAX_SPAN_DAYS
        and bool(match_places(event))
    )


def _dates_compatible(a: Event, b: Event) -> bool:
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return False
    return max((rb[0] - ra[1]).days, (ra[0] - rb[1]).days) <= 1


def _grounded(loc: Location, event: Event) -> bool:
    """Is the place's wording in the event's evidence? (Events without evidence: yes.)"""
    if not event.evidence or not loc.text:
        return True
    words = loc.text.lower()
    return any(words in ev.sentence.lower() for ev in event.evidence)


def match_places(event: Event) -> list[Location]:
    """The places a merge compares: located targets and sites (else any located place) whose
    wording is in the evidence; no countries."""
    located = [
        loc for loc in event.locations
        if loc.lat is not None and loc.lon is not None and (loc.precision or 1) < 4 and _grounded(loc, event)
    ]
    primary = [loc for loc in located if loc.role in ("target", "site", None)]
    return primary or [loc for loc in located if loc.role != "origin"]


def is_regional(loc: Location) -> bool:
    return (loc.precision or 1) >= 3


def region_key(loc: Location) -> str | None:
    """``"ua/kharkiv"``: the admin1 a place lies in, for the regional rule."""
    if not loc.admin1:
        return None
    return f"{(loc.country or '').lower()}/{loc.admin1.lower()}"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _places_compatible(a: Event, b: Event) -> bool:
    for x in match_places(a):
        for y in match_places(b):
            if (is_regional(x) or is_regional(y)) and region_key(x) and region_key(x) == region_key(y):
                return True
            if not is_regional(x) and not is_regional(y) and km(x.lat, x.lon, y.lat, y.lon) <= MAX_KM:  # type: ignore[arg-type]
                return True
    return False


def _sides(event: Event, role: str) -> set[str]:
    return {a.side for a in event.actors if a.role == role and a.side}


def _actors_compatible(a: Event, b: Event) -> bool:
    sa, sb = _sides(a, "initiator"), _sides(b, "initiator")
    return not (sa and sb and not sa & sb)


def munition_families(event: Event) -> set[str]:
    """Coarse families (drone, missile, bomb, artillery) of the munitions an event names."""
    out: set[str] = set()
    for w in event.weapons:
        if w.role in ("platform", "system"):
            continue
        cat = (w.category or w.name or "").lower()
        if any(word in cat for word in _NOT_MUNITION):
            continue
        for family, words in _FAMILIES:
            if any(word in cat for word in words):
                out.add(family)
                break
    return out


def _weapons_compatible(a: Event, b: Event) -> bool:
    fa, fb = munition_families(a), munition_families(b)
    return not (fa and fb and not fa & fb)


def same_event(a: Report, b: Report, decisions: Decisions | None = None) -> bool:
    """Do two reports describe the same real-world event? (Symmetric and deterministic.)"""
    if decisions is not None:
        if decisions.is_together(a, b):
            return True
        if decisions.is_apart(a, b):
            return False
    ea, eb = a.event, b.event
    return (
        a.doc_id != b.doc_id
        and ea.kind == eb.kind
        and mergeable(ea)
        and mergeable(eb)
        and _dates_compatible(ea, eb)
        and _places_compatible(ea, eb)
        and _actors_compatible(ea, eb)
        and _weapons_compatible(ea, eb)
    )


# ----------------------------------------------------------------------------- clusters


def components(reports: Sequence[Report], decisions: Decisions | None = None) -> list[list[Report]]:
    """Connected components of :func:`same_event`, each sorted earliest first."""
    items = sorted({r.id: r for r in reports}.values(), key=lambda r: r.sort_key)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if find(i) != find(j) and same_event(items[i], items[j], decisions):
                parent[max(find(i), find(j))] = min(find(i), find(j))
    groups: dict[int, list[Report]] = {}
    for i, r in enumerate(items):
        groups.setdefault(find(i), []).append(r)
    return sorted(groups.values(), key=lambda g: g[0].sort_key)


def _fits(report: Report, cluster: list[Report], decisions: Decisions | None) -> bool:
    """May ``report`` join ``cluster``? Its dates must agree with every member's (no chains
    of "within a day" across three days), and no user decision keeps them apart."""
    for m in cluster:
        if decisions is not None and decisions.is_apart(report, m):
            return False
        if not _dates_compatible(report.event, m.event):
            return False
    return True


def partition(component: Sequence[Report], decisions: Decisions | None = None) -> list[list[Report]]:
    """Split one component into events: earliest report first, each report joins the first
    event it links to and fits (see ``_fits``), else starts one; 'together' decisions then
    join the events they name. A pure function of the set of reports."""
    items = sorted({r.id: r for r in component}.values(), key=lambda r: r.sort_key)
    clusters: list[list[Report]] = []
    for r in items:
        for c in clusters:
            if any(same_event(r, m, decisions) for m in c) and _fits(r, c, decisions):
                c.append(r)
                break
        else:
            clusters.append([r])
    if decisions is not None and decisions.together:
        where = {r.id: i for i, c in enumerate(clusters) for r in c}
        for a, b in sorted(decisions.together):
            if a in where and b in where and where[a] != where[b]:
                keep, drop = sorted((where[a], where[b]))
                clusters[keep].extend(clusters[drop])
                for r in clusters[drop]:
                    where[r.id] = keep
                clusters[drop] = []
        clusters = [sorted(c, key=lambda r: r.sort_key) for c in clusters if c]
    return sorted(clusters, key=lambda g: g[0].sort_key)


def cluster_reports(reports: Sequence[Report], decisions: Decisions | None = None) -> list[list[Report]]:
    """The events of a set of reports: each component partitioned; sorted by earliest report."""
    out = [c for comp in components(reports, decisions) for c in partition(comp, decisions)]
    return sorted(out, key=lambda g: g[0].sort_key)


# ----------------------------------------------------------------------------- combine


def _union(values: Iterable[object]) -> tuple:  # type: ignore[type-arg]
    return tuple(dict.fromkeys(values))


def _best_date(reports: Sequence[Report]) -> Event:
    precision = {"day": 0, "week": 1, "month": 2, "year": 3}
    ranked = sorted(
        enumerate(reports),
        key=lambda ir: (precision.get(ir[1].event.date.precision or "", 9), ir[1].event.date.basis != "text", ir[0]),
    )
    return ranked[0][1].event


def disputes(reports: Sequence[Report], sources: dict[str, str] | None = None) -> tuple[Dispute, ...]:
    """Figures the reports disagree on, with who gives which (``sources``: doc id -> outlet)."""
    sources = sources or {}
    found: dict[tuple[str, str], dict[tuple[int, str], str]] = {}
    for r in sorted(reports, key=lambda r: r.sort_key):
        who = sources.get(r.doc_id) or _claim_source(r.event) or r.doc_id
        for q in r.event.quantities:
            found.setdefault(("quantity", f"{q.item} {q.role or ''}".strip()), {})[(q.value, r.doc_id)] = who
        for c in r.event.casualties:
            found.setdefault(("casualty", f"{c.group} {c.outcome}"), {})[(c.value, r.doc_id)] = who
    out = []
    for (field, item), by in sorted(found.items()):
        if len({v for v, _ in by}) > 1:
            out.append(Dispute(field, item, tuple(sorted((v, d, s) for (v, d), s in by.items()))))
    return tuple(out)


def _claim_source(event: Event) -> str | None:
    return next((c.source for c in event.claims if c.source and c.source != "unknown"), None)


def combine_reports(reports: Sequence[Report]) -> Event:
    """One event from the reports of one cluster (a pure function of the set)."""
    rs = sorted({r.id: r for r in reports}.values(), key=lambda r: r.sort_key)
    if not rs:
        raise ValueError("combine_reports needs at least one report")
    first = rs[0].event
    if len(rs) == 1:
        return first
    events = [r.event for r in rs]
    dated = _best_date(rs)
    places = sorted(
        enumerate(_union((loc for e in events for loc in e.locations))),
        key=lambda il: (il[1].precision or 9, il[0]),
    )
    quantities = sorted(
        enumerate(_union(q for e in events for q in e.quantities)), key=lambda iq: (iq[1].item, iq[1].role or "", iq[1].value, iq[0])
    )
    casualties = sorted(
        enumerate(_union(c for e in events for c in e.casualties)), key=lambda ic: (ic[1].group, ic[1].outcome, ic[1].value, ic[0])
    )
    deaths = [e.fatalities for e in events if e.fatalities > 0]
    flags = list(_union(f for e in events for f in e.flags if f != DISPUTED))
    if disputes(rs):
        flags.append(DISPUTED)
    reported = [e.first_reported for e in events if e.first_reported]
    return replace(
        first,
        date=dated.date,
        actors=_union(a for e in events for a in e.actors),
        locations=tuple(loc for _, loc in places),
        weapons=_union(w for e in events for w in e.weapons),
        quantities=tuple(q for _, q in quantities),
        casualties=tuple(c for _, c in casualties),
        fatalities=min(deaths) if deaths else 0,
        claims=_union(c for e in events for c in e.claims),
        flags=tuple(flags),
        parent=next((e.parent for e in events if e.parent), None),
        evidence=_union(ev for e in events for ev in e.evidence),
        doc_ids=_union(d for r in rs for d in (r.doc_id, *r.event.doc_ids)),
        first_reported=min(reported) if reported else None,
    )


def merge_events(
    reports: Iterable[Report], decisions: Decisions | None = None
) -> list[Event]:
    """Merge a batch of reports held in memory (no store): one event per cluster."""
    return [combine_reports(group) for group in cluster_reports(list(reports), decisions)]


@dataclass(frozen=True, slots=True)
class PairScores:
    """Pairwise merge quality: over all pairs of reports, same gold event vs same merged event."""

    true_pos: int
    false_pos: int
    false_neg: int

    @property
    def precision(self) -> float:
        return self.true_pos / (self.true_pos + self.false_pos) if self.true_pos + self.false_pos else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / (self.true_pos + self.false_neg) if self.true_pos + self.false_neg else 1.0


def pairwise_scores(gold: dict[str, str], predicted: dict[str, str]) -> PairScores:
    """Score ``predicted`` (report id -> event id) against ``gold`` (report id -> gold event)."""
    from collections import Counter

    ids = sorted(set(gold) & set(predicted))
    both = Counter((gold[i], predicted[i]) for i in ids)
    by_gold = Counter(gold[i] for i in ids)
    by_pred = Counter(predicted[i] for i in ids)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    tp = sum(pairs(n) for n in both.values())
    return PairScores(tp, sum(pairs(n) for n in by_pred.values()) - tp, sum(pairs(n) for n in by_gold.values()) - tp)


def window(event: Event) -> tuple[date, date] | None:
    """The days a candidate for ``event`` may fall on: its range widened by one day each side."""
    rng = date_range(event)
    if rng is None:
        return None
    return rng[0] - timedelta(days=1), rng[1] + timedelta(days=1)


__all__ = [
    "DISPUTED",
    "MAX_KM",
    "MAX_SPAN_DAYS",
    "Decisions",
    "Dispute",
    "PairScores",
    "Report",
    "cluster_reports",
    "combine_reports",
    "components",
    "date_range",
    "disputes",
    "is_regional",
    "km",
    "match_places",
    "merge_events",
    "mergeable",
    "munition_families",
    "pairwise_scores",
    "partition",
    "region_key",
    "report_of",
    "same_event",
    "window",
]
