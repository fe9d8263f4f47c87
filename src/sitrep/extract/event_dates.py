"""An event's date from its frames (sitrep.extract.assemble): its own text date, else its partner's
(an interception and the strike it answers), else the date of the sentence just before it (a report goes
on about the day its lead gave; "the next day" moves one on), else the publication date. A forecast, and
a sentence about a state of things ("fighting continued"), are dated by their report."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from sitrep.extract.dates import find_dates
from sitrep.extract.frames import _event_dates_first
from sitrep.model import Document, EventDate

if TYPE_CHECKING:
    from sitrep.extract.assemble import _Draft

MAX_GAP = 2  # sentences between reports of one event (assemble._MAX_GAP)
_DATE_PARTNERS = {("interception", "strike"), ("strike", "interception")}


def _sibling_date(d: _Draft, drafts: list[_Draft]):  # type: ignore[no-untyped-def]
    """The text date of the nearest event within two sentences (earlier first), for an event whose
    own sentences give none: "Air defence shot down 37 missiles" after "on 21 March, the enemy..."."""
    near = sorted(
        (0 if e.first_index <= d.first_index else 1, abs(e.first_index - d.first_index), n)
        for n, e in enumerate(drafts)
        if e is not d and 0 <= d.first_index - e.first_index <= MAX_GAP and e.text_date() is not None and (d.kind, e.kind) in _DATE_PARTNERS
    )
    return drafts[near[0][2]].text_date() if near else None


INHERIT_GAP = 1  # sentences back an undated event looks for the date of the story it continues
# "Russia is likely diverting traffic", "fighting continued on the outskirts": a state of things at the
# time of the report, not a continuation of the day the sentence before gave
_ONGOING = re.compile(r"(?i)\b(?:(?:is|are|am)\s+(?:\w+ly\s+)?(?:still\s+)?\w+ing|continu(?:e|es|ed|ing)|remain(?:s|ed)?|ongoing|still)\b")
# "The next day, drones hit Sumy", "Two days earlier, Putin had named ...": days on from (or back
# before) the day the sentence before gave
_SHIFT = re.compile(
    r"(?i)\b(?:the\s+(?:next|following)\s+(?:day|morning|evening|night)"
    r"|(?P<n>an?|one|two|three|four|five|six|seven|[1-7])\s+days?\s+(?P<dir>later|earlier|before(?=\s*[,.;]|$)))\b"
)
_N = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# "Separately, a roadside bomb killed three soldiers": another story, not the day of the one before
_NEW_STORY = re.compile(r"(?i)^\W*(?:separately|elsewhere|in (?:a|another) separate|in another (?:incident|attack|development))\b")


def _shift(m: re.Match[str]) -> int:
    if not m["n"]:
        return 1
    n = _N.get(m["n"].lower()) or int(m["n"])
    return n if m["dir"].lower() == "later" else -n


def _earlier_date(d: _Draft, drafts: Sequence[_Draft], sentences: Sequence[object], published):  # type: ignore[no-untyped-def]
    """The date of the sentence just before an undated event's: a report goes on about the day its
    lead gave ("Later that day an Iskander hit Pavlohrad", "Air defence shot down 21 of them")."""
    first = d.first_index
    for i in range(first - 1, max(-1, first - 1 - INHERIT_GAP), -1):
        own = [f.dates[0] for e in drafts for f in e.frames if f.sentence.index == i and f.dates]
        if own:
            return own[0]
        s = next((s for s in sentences if s.index == i), None)  # type: ignore[attr-defined]
        if s is not None:
            found = _event_dates_first(find_dates(s.text, published), s.text)  # type: ignore[attr-defined]
            if found:
                return found[0]
    return None


def event_date(d: _Draft, doc: Document, drafts: list[_Draft] | None = None, sentences: Sequence[object] = ()) -> EventDate:
    """The event's date (see the module docstring)."""
    td = d.text_date() or (_sibling_date(d, drafts) if drafts else None)
    ongoing = any(_ONGOING.search(f.sentence.text) for f in d.frames)
    other_story = bool(_NEW_STORY.search(d.frames[0].sentence.text))
    if td is None and drafts and d.kind != "assessment" and not ongoing and not other_story:  # a forecast: its report's date
        td = _earlier_date(d, drafts, sentences, doc.published)
        shift = next((m for f in d.frames for m in [_SHIFT.search(f.sentence.text)] if m), None)
        if td is not None and td.precision == "day" and shift is not None:
            moved = td.end_date + timedelta(days=_shift(shift))  # "The next day, drones hit Sumy"
            if doc.published is None or moved <= doc.published:
                td = replace(td, start_date=moved, end_date=moved, time_of_day=None, text=shift.group(0))
    if td is not None:
        end = td.end_date
        if doc.published is not None and td.start_date <= doc.published < end:
            end = doc.published  # "in February", reported on 27 February: nothing after the report
        return EventDate(
            start=td.start_date.isoformat(),
            end=end.isoformat(),
            precision=td.precision,
            basis="text",
            time_of_day=td.time_of_day,
            text=td.text,
        )
    if doc.published is None:
        return EventDate(start=None, end=None, precision=None, basis="published", time_of_day=None, text=None)
    iso = doc.published.isoformat()
    return EventDate(start=iso, end=iso, precision="day", basis="published", time_of_day=None, text=None)


__all__ = ["event_date"]
