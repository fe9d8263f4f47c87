"""The UK Probability Yardstick and hedge/prediction/denial/claim cues."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.knowledge import find_confidence, yardstick

SEED = (Path(__file__).parent / "data" / "000_140fda5b5716f268.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("remote chance", (0.0, 0.05)),
        ("highly unlikely", (0.10, 0.20)),
        ("unlikely", (0.25, 0.35)),
        ("a realistic possibility", (0.40, 0.50)),
        ("likely", (0.55, 0.75)),
        ("probably", (0.55, 0.75)),
        ("probable", (0.55, 0.75)),
        ("highly likely", (0.80, 0.90)),
        ("“highly likely”", (0.80, 0.90)),
        ("almost certain", (0.95, 1.0)),
        ("almost certainly", (0.95, 1.0)),
        ("may", None),
        ("could", None),
    ],
)
def test_yardstick_ranges(phrase: str, expected: tuple[float, float] | None) -> None:
    assert yardstick(phrase) == expected


def test_longest_match_wins() -> None:
    found = find_confidence("It is highly likely, but highly unlikely to be almost certainly true.")
    assert [(m.text, m.probability) for m in found] == [
        ("highly likely", (0.80, 0.90)),
        ("highly unlikely", (0.10, 0.20)),
        ("almost certainly", (0.95, 1.0)),
    ]


def test_seed_cues() -> None:
    found = {(m.text, m.modality, m.probability) for m in find_confidence(SEED)}
    assert ("claimed", "claimed", None) in found
    assert ("according to", "claimed", None) in found
    assert ("highly likely", "assessed", (0.80, 0.90)) in found
    assert ("likely", "assessed", (0.55, 0.75)) in found
    assert ("suggests", "possible", None) in found
    assert ("predict", "predicted", None) in found
    assert ("may", "possible", None) in found
    for m in find_confidence(SEED):
        assert SEED[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Moscow denied the report", "denied"),
        ("officials rejected claims of a strike", "denied"),
        ("the offensive will likely stall", "predicted"),
        ("the bridge is set to reopen", "predicted"),
        ("the strike reportedly killed two", "possible"),
        ("the ministry announced", "claimed"),
    ],
)
def test_modalities(text: str, modality: str) -> None:
    assert modality in [m.modality for m in find_confidence(text)]


def test_will_likely_keeps_the_likely_range() -> None:
    (m,) = [m for m in find_confidence("Russia will likely attack") if m.modality == "predicted"]
    assert m.text == "will likely" and m.probability == (0.55, 0.75)


def test_month_may_is_not_a_hedge() -> None:
    assert find_confidence("In May the front held.") == []
