"""A one-sentence summary of an event, written from its fields (never invented)."""

from __future__ import annotations

from sitrep.model import Event

_LABEL = {
    "strike": "Strike",
    "interception": "Interception",
    "battle": "Fighting",
    "territory_change": "Territory change",
    "violence_against_civilians": "Violence against civilians",
    "protest": "Protest",
    "riot": "Riot",
    "arrest": "Arrests",
    "personnel_change": "Personnel change",
    "deployment": "Deployment",
    "logistics": "Logistics",
    "diplomacy": "Diplomacy",
    "looting": "Looting/property destruction",
    "assessment": "Assessment",
    "other": "Development",
}
_QUAL = {"more_than": "more than ", "at_least": "at least ", "about": "about ", "at_most": "up to ", "fewer_than": "fewer than "}
_MAX = 300


def _join(names: list[str]) -> str:
    names = list(dict.fromkeys(n for n in names if n))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def summarize(event: Event) -> str:
    """E.g. "Strike by Military Forces of Russia with 6 Tu-22M3 and 12 Kh-22 (launched) from
    Belarus on Kyiv Oblast, Chernihiv Oblast and Sumy Oblast, 2022-06-25 (per Government of Ukraine)."
    Assessments quote their judgement instead."""
    if event.kind == "assessment" and event.evidence:
        text = event.evidence[0].sentence
        conf = next((c.confidence for c in event.claims if c.confidence), None)
        head = f"Assessment ({conf}): " if conf else "Assessment: "
        return (head + text)[:_MAX]
    parts = [_LABEL.get(event.kind, event.kind.capitalize())]
    initiators = [a.name for a in event.actors if a.role == "initiator"]
    others = [a.name for a in event.actors if a.role in ("subject", "participant")]
    if initiators:
        parts.append("by " + _join(initiators))
    elif others:
        parts.append("involving " + _join(others[:4]))
    counted = {q.item: q for q in event.quantities}
    weapons = []
    for w in event.weapons:
        q = counted.get(w.name)
        weapons.append(f"{_QUAL.get(q.qualifier, '')}{q.value} {w.name}" if q else w.name)
    if weapons:
        parts.append("with " + _join(weapons[:5]))
    origins = [loc.name for loc in event.locations if loc.role == "origin"]
    if origins:
        parts.append("from " + _join(origins))
    places = [loc.name for loc in event.locations if loc.role in ("target", "site", "destination", None)]
    if places:
        parts.append(("on " if event.kind in ("strike", "interception") else "in ") + _join(places[:5]))
    targets = [a.name for a in event.actors if a.role == "target"]
    if targets and event.kind not in ("strike", "interception"):
        parts.append("against " + _join(targets))
    text = " ".join(parts)
    if event.date.start:
        text += f", {event.date.start}" + (f" ({event.date.time_of_day})" if event.date.time_of_day else "")
    killed = sum(c.value for c in event.casualties if c.outcome == "killed")
    injured = sum(c.value for c in event.casualties if c.outcome == "injured")
    if killed or injured:
        bits = [f"{killed} killed" if killed else "", f"{injured} injured" if injured else ""]
        text += "; " + ", ".join(b for b in bits if b)
    sources = [c.source for c in event.claims if c.source and c.source != "unknown" and c.verb]
    if sources:
        text += f" (per {_join(sources[:3])})"
    return (text + ".")[:_MAX]


__all__ = ["summarize"]
