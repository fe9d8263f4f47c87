"""Source aliases added for the gold set's error classes: commands, agencies, titled officials."""

from __future__ import annotations

import pytest

from sitrep.knowledge import SourceInfo, classify_source

SOUTH = SourceInfo("Operational Command South", "military", "UA")
EAST = SourceInfo("Eastern Command of the Armed Forces of Ukraine", "military", "UA")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Ukraine's southern command", SOUTH),
        ("Southern Command of the Armed Forces of Ukraine", SOUTH),
        ("Ukraine's eastern command", EAST),
        ("Operational Command East", EAST),
        ("the Qatari foreign ministry", SourceInfo("Ministry of Foreign Affairs of Qatar", "government", "QA")),
        ("Ukraine's special forces", SourceInfo("Special Operations Forces of Ukraine", "military", "UA")),
        ("Myanmar's shadow government", SourceInfo("National Unity Government", "government", "MM")),
        ("Myanmar's military", SourceInfo("Armed Forces of Myanmar", "military", "MM")),
        ("Military Forces of Myanmar", SourceInfo("Armed Forces of Myanmar", "military", "MM")),
        ("Military Forces of Ukraine", SourceInfo("Armed Forces of Ukraine", "military", "UA")),
        ("Houthi Movement", SourceInfo("Houthis", "military", "YE")),
        ("Gaza health officials", SourceInfo("Gaza Health Ministry", "government", "PS")),
        ("Russia's aviation agency", SourceInfo("Rosaviatsia", "government", "RU")),
        ("Ukraine's border service", SourceInfo("State Border Guard Service of Ukraine", "military", "UA")),
        ("Ukraine's human rights ombudsman", SourceInfo("Ombudsman of Ukraine", "government", "UA")),
        ("Ukraine's prosecutor general", SourceInfo("Prosecutor General's Office of Ukraine", "government", "UA")),
        ("the UN refugee agency", SourceInfo("UNHCR", "government", None)),
        ("Energy company Ukrenergo", SourceInfo("Ukrenergo", "unknown", "UA")),
        ("local activists", SourceInfo("Witnesses", "witness", None)),
    ],
)
def test_new_source_aliases(phrase: str, expected: SourceInfo) -> None:
    assert classify_source(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Governor Serhii Lysak", "Serhii Lysak"),
        ("regional governor Oleh Kiper", "Oleh Kiper"),
        ("Moscow mayor Sergei Sobyanin", "Sergei Sobyanin"),
    ],
)
def test_titled_person_is_named_not_generic_officials(phrase: str, name: str) -> None:
    info = classify_source(phrase)
    assert info is not None and info.name == name and info.source_type == "government"


def test_known_titled_person_keeps_their_side() -> None:
    assert classify_source("Kharkiv mayor Ihor Terekhov") == SourceInfo("Ihor Terekhov", "government", "UA")


def test_bare_title_stays_generic() -> None:
    assert classify_source("the governor") == SourceInfo("Officials", "government", None)
    assert classify_source("the regional military administration") == SourceInfo("Officials", "government", None)
