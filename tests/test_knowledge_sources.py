"""Source classification and medium spotting on the seed's phrasings."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.knowledge import SourceInfo, classify_source, find_media, find_sources

SEED = (Path(__file__).parent / "data" / "000_140fda5b5716f268.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the British Ministry of Defense", SourceInfo("British Ministry of Defence", "intelligence", "GB")),
        ("UK Defence Intelligence", SourceInfo("British Ministry of Defence", "intelligence", "GB")),
        ("the Air Force Command of the Armed Forces of Ukraine", SourceInfo("Ukrainian Air Force", "military", "UA")),
        ("Ukraine's air force", SourceInfo("Ukrainian Air Force", "military", "UA")),
        ("The Washington Post", SourceInfo("The Washington Post", "media", None)),
        ("The Ukrainian government", SourceInfo("Government of Ukraine", "government", "UA")),
        ("Western analysts", SourceInfo("Western analysts", "analyst", None)),
        ("Ukrainian Ministry of Defense", SourceInfo("Ministry of Defence of Ukraine", "government", "UA")),
        ("the Russian Defence Ministry", SourceInfo("Ministry of Defence of Russia", "military", "RU")),
        ("Russia's defense ministry", SourceInfo("Ministry of Defence of Russia", "military", "RU")),
        ("Belarusian state media", SourceInfo("Belarusian state media", "media", "BY")),
        ("the Institute for the Study of War", SourceInfo("Institute for the Study of War", "analyst", "US")),
        ("ISW", SourceInfo("Institute for the Study of War", "analyst", "US")),
        ("TASS", SourceInfo("TASS", "media", "RU")),
        ("Russian milbloggers", SourceInfo("Milbloggers", "social_media", None)),
        ("local residents", SourceInfo("Witnesses", "witness", None)),
        ("the IDF", SourceInfo("Israel Defense Forces", "military", "IL")),
        ("the Kremlin's", SourceInfo("Kremlin", "government", "RU")),
    ],
)
def test_classify_source(phrase: str, expected: SourceInfo) -> None:
    assert classify_source(phrase) == expected


def test_classify_source_finds_the_source_inside_a_longer_phrase() -> None:
    info = classify_source("a Facebook post from the Air Force Command of the Armed Forces of Ukraine")
    assert info == SourceInfo("Ukrainian Air Force", "military", "UA")


def test_classify_source_falls_back_to_known_people() -> None:
    assert classify_source("Kremlin aide Dmitry Peskov") is not None
    info = classify_source("Dmitry Peskov")
    assert info is not None and info.side == "RU" and info.source_type == "government"


def test_unknown_phrase_is_none() -> None:
    assert classify_source("a man on a bicycle") is None


def test_seed_sources() -> None:
    got = {(m.text, m.source.name) for m in find_sources(SEED)}
    assert ("Ukrainian government", "Government of Ukraine") in got
    assert ("Air Force Command of the Armed Forces of Ukraine", "Ukrainian Air Force") in got
    assert ("The Washington Post", "The Washington Post") in got
    assert ("Western analysts", "Western analysts") in got
    assert ("British Ministry of Defense", "British Ministry of Defence") in got
    assert ("Ukrainian Ministry of Defense", "Ministry of Defence of Ukraine") in got
    for m in find_sources(SEED):
        assert SEED[m.start : m.end] == m.text


def test_seed_media() -> None:
    got = [(m.text, m.medium) for m in find_media(SEED)]
    assert ("Facebook post", "Facebook post") in got
    assert ("intelligence update", "intelligence update") in got
    assert ("Video", "video") in got
    assert ("footage", "footage") in got


def test_media_words_need_word_boundaries() -> None:
    assert find_media("the reporters reported nothing") == []
    assert [m.medium for m in find_media("in a Telegram post and a tweet")] == ["Telegram", "X post"]
