"""Score extracted events against gold documents: precision, recall and F1 per field.

Own gold (events listed per passage): gold and predicted events of a passage are paired
greedily by similarity (kind, ACLED sub-type, places, weapons, date). Every field is scored
end to end: an unpaired gold event's values count as misses, an unpaired predicted event's
values as false alarms.

    event        an event was found at all (pairs / predicted, pairs / gold)
    kind, acled_type, acled_sub_type, date, fatalities      one value per event
    locations, actors, weapons, quantities, casualties      lists, items paired one to one
    claim_source, claim_modality                           claims, unattributed ones left out
    claim_probability                                      yardstick ranges of all claims (hedges need no source)

CASE 2021: one label per snippet; the prediction is the ACLED sub-event type of the main event
(the first event ACLED codes), "no ACLED event" when there is none. Micro-F1 is accuracy;
macro-F1 averages the per-class F1 over the classes in the gold.

UCDP: one event per row; detection, location within a tolerance that grows with
``where_prec``, date overlap, and fatalities against UCDP's best estimate.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sitrep.evaluate.gold import NO_EVENT, GoldDoc
from sitrep.model import Event
from sitrep.geo.distance import km

GOLD_FIELDS = (
    "event",
    "kind",
    "acled_type",
    "acled_sub_type",
    "date",
    "locations",
    "actors",
    "weapons",
    "quantities",
    "casualties",
    "fatalities",
    "claim_source",
    "claim_modality",
    "claim_probability",
)
RADIUS_KM = 25.0
# UCDP where_prec -> km tolerance (1 exact place, 2 within 25 km, 3 admin2, 4 admin1, 5 near admin1/border, 6 country, 7 sea)
UCDP_TOLERANCE_KM = {1: 25.0, 2: 50.0, 3: 100.0, 4: 200.0, 5: 300.0}
NONE = "(none)"


@dataclass(frozen=True, slots=True)
class FieldScore:
    """True positives, false positives and false negatives of one field (or class)."""

    name: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass(frozen=True, slots=True)
class Confusion:
    """Counts of (gold label, predicted label); ``labels`` in order of gold frequency."""

    labels: tuple[str, ...]
    counts: tuple[tuple[str, str, int], ...]  # (gold, predicted, n)

    def count(self, gold: str, predicted: str) -> int:
        return sum(n for g, p, n in self.counts if g == gold and p == predicted)


@dataclass(frozen=True, slots=True)
class DocError:
    """What went wrong on one gold document."""

    doc_id: str
    text: str
    errors: int
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GroupScores:
    """Field scores of a subset of the documents (e.g. one register)."""

    name: str
    docs: int
    fields: tuple[FieldScore, ...]


@dataclass(frozen=True, slots=True)
class DocScore:
    """The scoring of one document (internal unit, summed into the report)."""

    tally: tuple[tuple[str, int, int, int], ...]  # (field, tp, fp, fn)
    pairs: tuple[tuple[str, str], ...]  # (gold label, predicted label) for the confusion matrix
    problems: tuple[str, ...]


class _Tally:
    def __init__(self) -> None:
        self.c: dict[str, list[int]] = {}

    def add(self, name: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        cur = self.c.setdefault(name, [0, 0, 0])
        cur[0] += tp
        cur[1] += fp
        cur[2] += fn

    def frozen(self) -> tuple[tuple[str, int, int, int], ...]:
        return tuple((k, *v) for k, v in self.c.items())  # type: ignore[misc]


# ----------------------------------------------------------------------------- item matchers (gold dict, predicted object)


def _low(x: Any) -> str:
    return str(x or "").lower().strip()


def _same_region(g: Mapping[str, Any], p: Any) -> bool:
    """Both are regions (precision 3) of one country with the same name or admin1, spelled either way."""
    from sitrep.geo.normalize import skeleton

    if g.get("precision") != 3 or p.precision != 3 or g.get("country") != p.country:
        return False
    gold = {skeleton(str(x)) for x in (g.get("name"), g.get("admin1")) if x}
    got = {skeleton(str(x)) for x in (p.name, p.admin1) if x}
    return bool(gold & got)


def location_match(g: Mapping[str, Any], p: Any) -> bool:
    """Same GeoNames id, within RADIUS_KM, the same region (a region's point is arbitrary), or the same country."""
    if g.get("geonameid") and p.geonameid and g["geonameid"] == p.geonameid:
        return True
    if _same_region(g, p):
        return True
    if g.get("lat") is not None and p.lat is not None and g.get("lon") is not None and p.lon is not None:
        return km(g["lat"], g["lon"], p.lat, p.lon) <= RADIUS_KM
    if g.get("precision") == 4 or g.get("lat") is None:
        return bool(g.get("country")) and g.get("country") == p.country and (p.precision or 4) == 4
    return False


def actor_match(g: Mapping[str, Any], p: Any) -> bool:
    return _low(g.get("name")) == _low(p.name)


@cache
def canonical_weapon(name: str) -> str:
    """A weapon name as the knowledge file names it ("9K720 Iskander" -> "9M723 Iskander-M"), lower-cased."""
    from sitrep.knowledge import find_weapons

    found = find_weapons(name) if name else []
    return _low(found[0].weapon.name if len(found) == 1 else name)


def weapon_match(g: Mapping[str, Any], p: Any) -> bool:
    gn, pn = _low(g.get("name")), _low(p.name)
    if gn == pn or canonical_weapon(str(g.get("name") or "")) == canonical_weapon(p.name or ""):
        return True
    # "Patriot" names the same system as "MIM-104 Patriot"
    return bool(gn) and bool(pn) and (re.search(rf"(?:^|[\s-]){re.escape(gn)}$", pn) is not None)


def quantity_match(g: Mapping[str, Any], p: Any) -> bool:
    if g.get("value") != p.value or g.get("role") != p.role:
        return False
    gi, pi = _low(g.get("item")), _low(p.item)
    if gi == pi or (bool(gi) and bool(pi) and (gi in pi or pi in gi)):
        return True
    return bool(gi) and canonical_weapon(str(g.get("item"))) == canonical_weapon(p.item or "")


def casualty_match(g: Mapping[str, Any], p: Any) -> bool:
    return (g.get("group"), g.get("outcome"), g.get("value")) == (p.group, p.outcome, p.value)


@cache
def canonical_source(name: str) -> str:
    """A source name as the knowledge file names it ("Air Force of Ukraine" -> "Ukrainian Air Force"), lower-cased."""
    from sitrep.knowledge import classify_source

    name = re.sub(r"\b([A-Z])\.", r"\1", name or "")  # "U.S. Central Command" = "US Central Command"
    info = classify_source(name) if name else None
    return re.sub(r"^the ", "", _low(info.name if info is not None else name))


def source_match(g: Mapping[str, Any], p: Any) -> bool:
    gs, ps = canonical_source(str(g.get("source") or "")), canonical_source(p.source or "")
    return bool(gs) and bool(ps) and (gs == ps or gs in ps or ps in gs)


def modality_match(g: Mapping[str, Any], p: Any) -> bool:
    return source_match(g, p) and g.get("modality") == p.modality


def probability_match(g: Mapping[str, Any], p: Any) -> bool:
    gp, pp = g.get("probability"), p.probability
    return gp is not None and pp is not None and all(abs(a - b) < 1e-6 for a, b in zip(gp, pp))


def attributed(claims: Iterable[Any]) -> list[Any]:
    """Claims with a real source (the extractor's default 'unknown' claim is left out)."""
    return [c for c in claims if c.source and c.source != "unknown"]


def _pair_items(golds: Sequence[Any], preds: Sequence[Any], match: Callable[[Any, Any], bool]) -> tuple[int, int, int]:
    used: set[int] = set()
    tp = 0
    for g in golds:
        for i, p in enumerate(preds):
            if i not in used and match(g, p):
                used.add(i)
                tp += 1
                break
    return tp, len(preds) - tp, len(golds) - tp


# ----------------------------------------------------------------------------- own gold


def _sub(ev: Event) -> str | None:
    return ev.acled.sub_event_type if ev.acled else None


def _similarity(g: Mapping[str, Any], ev: Event) -> int:
    score = 0
    if g.get("kind") == ev.kind:
        score += 4
    ga = g.get("acled")
    if ga and ev.acled and ga.get("sub_event_type") == ev.acled.sub_event_type:
        score += 1
    if any(location_match(x, loc) for x in g.get("locations") or () for loc in ev.locations):
        score += 2
    if any(weapon_match(x, w) for x in g.get("weapons") or () for w in ev.weapons):
        score += 1
    if any(quantity_match(x, q) for x in g.get("quantities") or () for q in ev.quantities):
        score += 2
    gd = g.get("date") or {}
    if gd.get("start") and (gd.get("start"), gd.get("end")) == (ev.date.start, ev.date.end):
        score += 1
    return score


def pair_events(golds: Sequence[Mapping[str, Any]], preds: Sequence[Event]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing of gold and predicted events by similarity (best first)."""
    cands = sorted(
        ((_similarity(g, p), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    gused: set[int] = set()
    pused: set[int] = set()
    out = []
    for s, gi, pi in cands:
        if s <= 0 or gi in gused or pi in pused:
            continue
        gused.add(gi)
        pused.add(pi)
        out.append((gi, pi))
    return sorted(out)


_LISTS: tuple[tuple[str, str, Callable[[Any, Any], bool]], ...] = (
    ("locations", "locations", location_match),
    ("actors", "actors", actor_match),
    ("weapons", "weapons", weapon_match),
    ("quantities", "quantities", quantity_match),
    ("casualties", "casualties", casualty_match),
)


def _scalar(t: _Tally, name: str, want: Any, got: Any, problems: list[str], label: str) -> None:
    if want is None and got is None:
        return
    if want is not None and want == got:
        t.add(name, tp=1)
        return
    t.add(name, fp=int(got is not None), fn=int(want is not None))
    problems.append(f"{label}: {name} want {want} got {got}")


def _event_fields(t: _Tally, g: Mapping[str, Any] | None, ev: Event | None, problems: list[str]) -> None:
    label = (g.get("label") or g.get("kind")) if g else (ev.kind if ev else "")
    gd = (g.get("date") or {}) if g else {}
    ga = g.get("acled") if g else None
    _scalar(t, "kind", g.get("kind") if g else None, ev.kind if ev else None, problems, str(label))
    _scalar(t, "acled_type", ga.get("event_type") if ga else None, ev.acled.event_type if ev and ev.acled else None, problems, str(label))
    _scalar(t, "acled_sub_type", ga.get("sub_event_type") if ga else None, _sub(ev) if ev else None, problems, str(label))
    want_date = (gd.get("start"), gd.get("end")) if gd.get("start") else None
    got_date = (ev.date.start, ev.date.end) if ev and ev.date.start else None
    _scalar(t, "date", want_date, got_date, problems, str(label))
    wf = (g.get("fatalities") or None) if g else None
    gf = (ev.fatalities or None) if ev else None
    _scalar(t, "fatalities", wf, gf, problems, str(label))
    for name, attr, match in _LISTS:
        golds = list(g.get(attr) or ()) if g else []
        preds = list(getattr(ev, attr)) if ev else []
        tp, fp, fn = _pair_items(golds, preds, match)
        t.add(name, tp, fp, fn)
        if fp or fn:
            problems.append(f"{label}: {name} missed {fn} spurious {fp} (want {_brief(golds)} got {_brief(preds)})")
    gclaims = list(g.get("claims") or ()) if g else []
    pclaims = attributed(ev.claims) if ev else []
    # the yardstick probability is about the hedge words, so an unattributed claim's counts too
    pall = list(ev.claims) if ev else []
    for name, match, filt in (
        ("claim_source", source_match, None),
        ("claim_modality", modality_match, None),
        ("claim_probability", probability_match, "probability"),
    ):
        golds = [c for c in gclaims if filt is None or c.get(filt) is not None]
        preds = [c for c in (pclaims if filt is None else pall) if filt is None or getattr(c, filt) is not None]
        tp, fp, fn = _pair_items(golds, preds, match)
        t.add(name, tp, fp, fn)
        if (fp or fn) and name != "claim_probability":
            problems.append(f"{label}: {name} missed {fn} spurious {fp} (want {_brief(golds)} got {_brief(preds)})")


def _brief(items: Sequence[Any]) -> str:
    out = []
    for it in items:
        if isinstance(it, Mapping):
            keys = ("name", "source", "item", "group")
            head = next((str(it[k]) for k in keys if it.get(k)), "?")
            extra = [str(it[k]) for k in ("role", "value", "modality") if it.get(k) is not None]
        else:
            head = next((str(getattr(it, k)) for k in ("name", "source", "item", "group") if getattr(it, k, None)), "?")
            extra = [str(getattr(it, k)) for k in ("role", "value", "modality") if getattr(it, k, None) is not None]
        out.append(head + (f" ({', '.join(extra)})" if extra else ""))
    return "[" + "; ".join(out) + "]"


def score_gold_doc(doc: GoldDoc, events: Sequence[Event]) -> DocScore:
    t = _Tally()
    problems: list[str] = []
    pairs = pair_events(doc.events, events)
    gp = {gi for gi, _ in pairs}
    pp = {pi for _, pi in pairs}
    conf: list[tuple[str, str]] = []
    t.add("event", tp=len(pairs), fp=len(events) - len(pairs), fn=len(doc.events) - len(pairs))
    for gi, pi in pairs:
        _event_fields(t, doc.events[gi], events[pi], problems)
        conf.append((doc.events[gi]["kind"], events[pi].kind))
    for gi, g in enumerate(doc.events):
        if gi not in gp:
            problems.append(f"missed {g['kind']} event: {g.get('label', '')}")
            _event_fields(t, g, None, [])
            conf.append((g["kind"], NONE))
    for pi, ev in enumerate(events):
        if pi not in pp:
            sent = ev.evidence[0].sentence if ev.evidence else ""
            problems.append(f"spurious {ev.kind} event from: {sent[:160]}")
            _event_fields(t, None, ev, [])
            conf.append((NONE, ev.kind))
    return DocScore(tally=t.frozen(), pairs=tuple(conf), problems=tuple(problems))


# ----------------------------------------------------------------------------- CASE


def main_event(events: Sequence[Event]) -> Event | None:
    """The snippet's main event: the first one ACLED codes (by where its evidence starts)."""
    coded = [e for e in events if e.acled is not None]
    if not coded:
        return None
    return min(coded, key=lambda e: e.evidence[0].start if e.evidence else 0)


def case_prediction(events: Sequence[Event]) -> str:
    ev = main_event(events)
    return ev.acled.sub_event_type if ev is not None and ev.acled is not None else NO_EVENT


def score_case_doc(doc: GoldDoc, events: Sequence[Event]) -> DocScore:
    pred = case_prediction(events)
    gold = doc.label or NO_EVENT
    ok = pred == gold
    problems = () if ok else (f"want {gold} ({doc.raw_label}) got {pred}",)
    tally = (("sub_event_type", int(ok), int(not ok), int(not ok)),)
    return DocScore(tally=tally, pairs=((gold, pred),), problems=problems)


# ----------------------------------------------------------------------------- UCDP


def score_ucdp_doc(doc: GoldDoc, events: Sequence[Event]) -> DocScore:
    u = doc.ucdp
    assert u is not None
    t = _Tally()
    problems: list[str] = []
    coded = [e for e in events if e.kind != "assessment"]
    t.add("event", tp=int(bool(coded)), fn=int(not coded))
    if not coded:
        problems.append("no event found")
    tol = UCDP_TOLERANCE_KM.get(u.where_prec or 99)
    if tol is not None and u.lat is not None and u.lon is not None:
        locs = [loc for e in coded for loc in e.locations if loc.lat is not None and loc.lon is not None]
        if locs:
            best = min(km(u.lat, u.lon, loc.lat, loc.lon) for loc in locs)  # type: ignore[arg-type]
            ok = best <= tol
            t.add("locations", tp=int(ok), fp=int(not ok), fn=int(not ok))
            if not ok:
                problems.append(f"nearest place {best:.0f} km from UCDP's ({tol:.0f} km allowed): {', '.join(loc.name for loc in locs[:3])}")
        else:
            t.add("locations", fn=1)
            problems.append("no place with coordinates")
    if u.start is not None and coded:
        lo, hi = u.start.toordinal() - 1, (u.end or u.start).toordinal() + 1
        ok = any(_overlap(e, lo, hi) for e in coded)
        t.add("date", tp=int(ok), fp=int(not ok), fn=int(not ok))
        if not ok:
            problems.append(f"date: want {u.start}..{u.end} got {', '.join(str(e.date.start) for e in coded[:3])}")
    elif u.start is not None:
        t.add("date", fn=1)
    want = u.deaths or None
    got = max((e.fatalities for e in coded), default=0) or None
    if want is not None or got is not None:
        ok = want == got
        t.add("fatalities", tp=int(ok), fp=int(not ok and got is not None), fn=int(not ok and want is not None))
        if not ok:
            problems.append(f"fatalities: want {want} got {got}")
    return DocScore(tally=t.frozen(), pairs=(), problems=tuple(problems))


def _overlap(e: Event, lo: int, hi: int) -> bool:
    try:
        s = date.fromisoformat(e.date.start[:10]).toordinal()  # type: ignore[index]
        f = date.fromisoformat(e.date.end[:10]).toordinal()  # type: ignore[index]
    except (TypeError, ValueError):
        return False
    return s <= hi and f >= lo


# ----------------------------------------------------------------------------- summing up


def sum_fields(scores: Iterable[DocScore], order: Sequence[str]) -> tuple[FieldScore, ...]:
    c: dict[str, list[int]] = {}
    for s in scores:
        for name, tp, fp, fn in s.tally:
            cur = c.setdefault(name, [0, 0, 0])
            cur[0] += tp
            cur[1] += fp
            cur[2] += fn
    names = [n for n in order if n in c] + sorted(n for n in c if n not in order)
    return tuple(FieldScore(n, *c[n]) for n in names)


def confusion(scores: Iterable[DocScore]) -> Confusion:
    pairs = Counter(p for s in scores for p in s.pairs)
    freq = Counter()
    for (g, p), n in pairs.items():
        freq[g] += n
        freq[p] += 0
    labels = tuple(sorted(freq, key=lambda x: (x == NONE, -freq[x], x)))
    return Confusion(labels=labels, counts=tuple((g, p, n) for (g, p), n in sorted(pairs.items())))


def class_scores(conf: Confusion) -> tuple[FieldScore, ...]:
    """Per-label precision/recall from the confusion matrix (labels seen in the gold only)."""
    out = []
    for lab in conf.labels:
        tp = conf.count(lab, lab)
        gold_n = sum(n for g, _p, n in conf.counts if g == lab)
        pred_n = sum(n for _g, p, n in conf.counts if p == lab)
        if gold_n == 0 or lab == NONE:
            continue
        out.append(FieldScore(lab, tp, pred_n - tp, gold_n - tp))
    return tuple(out)


__all__ = [
    "GOLD_FIELDS",
    "Confusion",
    "DocError",
    "DocScore",
    "FieldScore",
    "GroupScores",
    "attributed",
    "case_prediction",
    "class_scores",
    "confusion",
    "km",
    "main_event",
    "pair_events",
    "score_case_doc",
    "score_gold_doc",
    "score_ucdp_doc",
    "sum_fields",
]
