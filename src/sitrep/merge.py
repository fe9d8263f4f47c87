"""Merging: the reports of one real-world event, from many documents, become one event.

    reports (one Event per document that reports it)
      -> same_event(a, b)        pairwise: compatible kind, dates, places, actors, weapons
      -> cluster_reports(...)    greedy events in canonical order (+ user decisions)
      -> combine_reports(...)    one event: every doc, claim and evidence; disputes flagged

Rules (``same_event``):

- **kind**: equal kinds; ``assessment`` (forecasts, judgements) never merges.
- **documents**: two reports from the same document never merge (the extractor already
  decided they are different events).
- **dates**: the ranges overlap, or lie within one day of each other when either date is
  uncertain — a night (reported under either date), a date that fell back to the publication
  date, or one vaguer than a day. Two days both stated in the text must be the same day:
  "Kharkiv was struck on Monday" and "... on Tuesday" are two strikes. Ranges longer than
  :data:`MAX_SPAN_DAYS` days are too vague to merge.
- **places**: only places whose wording appears in the report's evidence count (provenance:
  a merge rests on what the sentences say). Some target/site place of one lies within :data:`MAX_KM` km of one of the
  other, or one of them is a regional mention (precision 3, an admin1) of the region the
  other lies in. Countries (precision 4) and unlocated names do not count.
- **actors**: the initiators' sides must not be disjoint (who is the target is often left
  implicit, so targets are not compared).
- **weapons**: the munition families (drone, missile, bomb, artillery) must not be disjoint.

Events are built by a greedy pass in canonical order (publication date, then report id):
each report joins the earliest-founded event of an earlier report it links to, if its dates
agree with every member's (so "within a day" cannot chain Monday to Wednesday), else it founds
an event. The result is a pure function of the set of reports, so it does not depend on the
order they arrive in; the store keeps it up to date incrementally, re-deciding only the reports
a newcomer can affect. User decisions: ``apart`` pairs of documents never link or share an
event; ``together`` pairs of reports put their two events into one.

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
  first (an actor, place, weapon or figure named twice in other words is kept once, in the
  earliest wording); places sorted by precision (towns before regions) so the primary place
  is the most precise one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sitrep.model import Event, Location
from sitrep.geo.distance import km

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


def _sides(event: Event, role: str) -> set[str]:
    return {a.side for a in event.actors if a.role == role and a.side}


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


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the pairwise rule looks at, computed once per report."""

    report: Report
    ok: bool  # mergeable
    start: int  # date ordinals
    end: int
    loose: bool  # its day is uncertain (night, publication date, vaguer than a day)
    places: tuple[tuple[float, float, str | None, bool], ...]  # lat, lon, region, regional
    sides: frozenset[str]
    families: frozenset[str]


def facts(report: Report) -> _Facts:
    e = report.event
    rng = date_range(e)
    ok = mergeable(e)
    start, end = (rng[0].toordinal(), rng[1].toordinal()) if rng else (0, 0)
    loose = e.date.time_of_day == "night" or e.date.basis != "text" or e.date.precision != "day" or end > start
    places = tuple((loc.lat, loc.lon, region_key(loc), is_regional(loc)) for loc in match_places(e)) if ok else ()
    return _Facts(report, ok, start, end, loose, places, frozenset(_sides(e, "initiator")),  # type: ignore[arg-type]
                  frozenset(munition_families(e)))


def _dates_ok(a: _Facts, b: _Facts) -> bool:
    gap = max(b.start - a.end, a.start - b.end)
    return gap <= 0 or (gap == 1 and (a.loose or b.loose))


def _places_ok(a: _Facts, b: _Facts) -> bool:
    for lat1, lon1, r1, reg1 in a.places:
        for lat2, lon2, r2, reg2 in b.places:
            if reg1 or reg2:
                if r1 is not None and r1 == r2:
                    return True
            elif km(lat1, lon1, lat2, lon2) <= MAX_KM:
                return True
    return False


def linked(a: _Facts, b: _Facts, decisions: Decisions | None = None) -> bool:
    """:func:`same_event` on precomputed facts."""
    ra, rb = a.report, b.report
    if decisions is not None and decisions.is_apart(ra, rb):
        return False
    return (
        a.ok and b.ok
        and ra.doc_id != rb.doc_id
        and ra.event.kind == rb.event.kind
        and _dates_ok(a, b)
        and _places_ok(a, b)
        and not (a.sides and b.sides and not a.sides & b.sides)
        and not (a.families and b.families and not a.families & b.families)
    )


def same_event(a: Report, b: Report, decisions: Decisions | None = None) -> bool:
    """Do two reports describe the same real-world event? (Symmetric and deterministic.)"""
    return linked(facts(a), facts(b), decisions)


# ----------------------------------------------------------------------------- clusters


def linked_pairs(reports: Sequence[Report], decisions: Decisions | None = None) -> tuple[list[_Facts], list[list[int]]]:
    """Reports in canonical order (earliest first) and each one's linked neighbours (indexes).

    Candidates come from buckets of (kind, day), so the cost grows with the neighbours a
    report has, not with the square of the number of reports."""
    items = sorted({r.id: r for r in reports}.values(), key=lambda r: r.sort_key)
    fs = [facts(r) for r in items]
    buckets: dict[tuple[str, int], list[int]] = {}
    for i, f in enumerate(fs):
        if f.ok:
            for day in range(f.start, f.end + 1):
                buckets.setdefault((f.report.event.kind, day), []).append(i)
    neighbours: list[list[int]] = [[] for _ in fs]
    for i, f in enumerate(fs):
        if not f.ok:
            continue
        seen: set[int] = set()
        for day in range(f.start - 1, f.end + 2):
            for j in buckets.get((f.report.event.kind, day), ()):
                if j > i and j not in seen:
                    seen.add(j)
                    if linked(f, fs[j], decisions):
                        neighbours[i].append(j)
                        neighbours[j].append(i)
    return fs, [sorted(n) for n in neighbours]


def fits(f: _Facts, earlier_members: Iterable[_Facts], decisions: Decisions | None = None) -> bool:
    """May a report join an event whose members so far are ``earlier_members``? Its dates must
    agree with every one of theirs (so "within a day" cannot chain Monday to Wednesday) and no
    user decision may keep it apart from any of them."""
    for m in earlier_members:
        if not _dates_ok(f, m):
            return False
        if decisions is not None and decisions.is_apart(f.report, m.report):
            return False
    return True


def base_clusters(reports: Sequence[Report], decisions: Decisions | None = None) -> list[list[Report]]:
    """Greedy clustering in canonical order (publication date, then report id): each report
    joins the earliest-founded cluster of an earlier linked report that it :func:`fits`, or
    founds one. A pure function of the set of reports; a cluster's first report is its leader."""
    fs, neighbours = linked_pairs(reports, decisions)
    cluster_of: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    for i, f in enumerate(fs):
        chosen = i
        for c in sorted({cluster_of[j] for j in neighbours[i] if j < i}):
            if fits(f, (fs[m] for m in members[c]), decisions):
                chosen = c
                break
        cluster_of[i] = chosen
        members.setdefault(chosen, []).append(i)
    return [[fs[m].report for m in members[c]] for c in sorted(members)]


def join_decided(clusters: Sequence[Sequence[Report]], decisions: Decisions | None) -> list[list[Report]]:
    """Events from clusters: clusters tied by a user's 'together' decision become one event."""
    groups = [list(c) for c in clusters]
    if decisions is None or not decisions.together:
        return sorted(groups, key=lambda g: g[0].sort_key)
    where = {r.id: i for i, g in enumerate(groups) for r in g}
    parent = list(range(len(groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for a, b in sorted(decisions.together):
        if a in where and b in where:
            ra, rb = find(where[a]), find(where[b])
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    joined: dict[int, list[Report]] = {}
    for i, g in enumerate(groups):
        joined.setdefault(find(i), []).extend(g)
    return sorted((sorted(g, key=lambda r: r.sort_key) for g in joined.values()), key=lambda g: g[0].sort_key)


def cluster_reports(reports: Sequence[Report], decisions: Decisions | None = None) -> list[list[Report]]:
    """The events of a set of reports (each a list of reports, earliest first), earliest first."""
    return join_decided(base_clusters(reports, decisions), decisions)


# ----------------------------------------------------------------------------- combine


def _union(values: Iterable[object]) -> tuple:  # type: ignore[type-arg]
    return tuple(dict.fromkeys(values))


def _union_by(values: Iterable[object], key) -> tuple:  # type: ignore[no-untyped-def, type-arg]
    """Distinct by ``key``, the first wording kept (the same actor named "Russia" and "Russian forces")."""
    out: dict[object, object] = {}
    for v in values:
        out.setdefault(key(v), v)
    return tuple(out.values())


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
        enumerate(_union_by((loc for e in events for loc in e.locations), lambda x: (x.geonameid or x.name, x.role))),
        key=lambda il: (il[1].precision or 9, il[0]),
    )
    quantities = sorted(
        enumerate(_union_by((q for e in events for q in e.quantities), lambda q: (q.item, q.role, q.value, q.qualifier))),
        key=lambda iq: (iq[1].item, iq[1].role or "", iq[1].value, iq[0]),
    )
    casualties = sorted(
        enumerate(_union_by((c for e in events for c in e.casualties),
                            lambda c: (c.group, c.outcome, c.value, c.qualifier, c.side))),
        key=lambda ic: (ic[1].group, ic[1].outcome, ic[1].value, ic[0]),
    )
    deaths = [e.fatalities for e in events if e.fatalities > 0]
    flags = list(_union(f for e in events for f in e.flags if f != DISPUTED))
    if disputes(rs):
        flags.append(DISPUTED)
    reported = [e.first_reported for e in events if e.first_reported]
    return replace(
        first,
        date=dated.date,
        actors=_union_by((a for e in events for a in e.actors), lambda a: (a.name, a.side, a.type, a.role)),
        locations=tuple(loc for _, loc in places),
        weapons=_union_by((w for e in events for w in e.weapons), lambda w: (w.name, w.role)),
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
    "date_range",
    "disputes",
    "facts",
    "is_regional",
    "km",
    "linked",
    "match_places",
    "merge_events",
    "mergeable",
    "munition_families",
    "pairwise_scores",
    "region_key",
    "report_of",
    "same_event",
]
