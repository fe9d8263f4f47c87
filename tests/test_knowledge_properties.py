"""Invariants of every knowledge matcher on arbitrary text: no exception, true offsets, sorted spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.knowledge import (
    find_actors,
    find_confidence,
    find_media,
    find_sources,
    find_weapons,
)

FINDERS = (find_weapons, find_actors, find_sources, find_media, find_confidence)
WORDS = st.sampled_from(
    ["Kh-22", "Х-101", "Russian", "forces", "Putin", "“Backfire”", "bombers", "İ", "ß", "the", "Kyiv", "said",
     "highly likely", "may", "Grad", "Patriot", "/", "(", ")", "'s", "\n", "Ⅻ", "ﬁ", "Reuters", "video"]
)
TEXTS = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=40).map(" ".join))


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_finders_never_raise_and_offsets_are_true(text: str) -> None:
    for finder in FINDERS:
        found = finder(text)
        assert found == sorted(found, key=lambda m: m.start)
        last = 0
        for m in found:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
            assert m.start >= last
            last = m.end


def test_length_changing_lowercase_keeps_offsets() -> None:
    text = "İİİ Kh-22 and Russian forces"
    (w,) = find_weapons(text)
    assert text[w.start : w.end] == "Kh-22"
    (a,) = find_actors(text)
    assert a.text == "Russian forces"
