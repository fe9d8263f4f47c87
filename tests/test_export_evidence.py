"""Evidence marks (document offsets) map onto the right words of the evidence sentence."""

from __future__ import annotations

from sitrep.export import Segment, evidence_segments
from sitrep.model import Evidence, Mark

SENTENCE = "Six Tu-22M3 bombers launched 12 Kh-22 missiles at Kyiv."
START = 1000  # the sentence's offset in its document


def _mark(word: str, field: str) -> Mark:
    i = SENTENCE.index(word)
    return Mark(START + i, START + i + len(word), field)


def test_export_evidence_segments_map_offsets():
    ev = Evidence("doc_1", START, START + len(SENTENCE), SENTENCE, (_mark("Kyiv", "location"), _mark("Tu-22M3", "weapon")))
    segs = evidence_segments(ev)
    assert "".join(s.text for s in segs) == SENTENCE
    assert [s for s in segs if s.field] == [Segment("Tu-22M3", "weapon"), Segment("Kyiv", "location")]


def test_export_evidence_segments_clip_and_overlap():
    ev = Evidence(
        "doc_1", START, START + len(SENTENCE), SENTENCE,
        (Mark(START - 5, START + 3, "quantity"), Mark(START + 1, START + 8, "weapon"), Mark(START + 500, START + 510, "date")),
    )
    segs = evidence_segments(ev)
    assert "".join(s.text for s in segs) == SENTENCE
    assert segs[0] == Segment("Six", "quantity")
    assert segs[1] == Segment(SENTENCE[3:8], "weapon")  # overlap: the earlier mark keeps its characters
    assert all(s.field != "date" for s in segs)


def test_export_evidence_segments_without_marks():
    ev = Evidence("doc_1", 0, len(SENTENCE), SENTENCE)
    assert evidence_segments(ev) == (Segment(SENTENCE),)
