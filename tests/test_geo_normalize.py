"""Spelling variants of one place share a skeleton; different places do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.geo.normalize import fold, is_indexable, skeleton


@pytest.mark.parametrize("variants", [
    ("Sievierodonetsk", "Syevyerodonets'k", "Severodonetsk", "Syeverodonets’k"),
    ("Kharkiv", "Kharkov", "Харків"),
    ("Krasnohorivka", "Krasnogorovka", "Красногорівка"),
    ("Novoselivka", "Novoselovka"),
    ("Luhansk", "Lugansk", "Луганськ"),
    ("Lysychansk", "Lysychans'k", "Lisichansk"),
    ("Horlivka", "Gorlovka"),
    ("Avdiivka", "Avdeevka", "Avdiyivka"),
    ("Popasna", "Popasnaya"),
    ("Saint Petersburg", "St. Petersburg", "St Petersburg"),
    ("Kyiv", "Київ"),
])
def test_geo_normalize_variants_meet(variants: tuple[str, ...]) -> None:
    assert len({skeleton(v) for v in variants}) == 1, {v: skeleton(v) for v in variants}


@pytest.mark.parametrize("a, b", [("Kyiv", "Kharkiv"), ("Sumy", "Sumska"), ("Donetsk", "Donetska"),
                                  ("Lviv", "Lutsk"), ("Bakhmut", "Bakhmach")])
def test_geo_normalize_different_places_differ(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


def test_geo_normalize_fold_drops_marks_and_apostrophes() -> None:
    assert fold("L’viv") == "lviv"
    assert fold("Zaporizhzhia-Oblast") == "zaporizhzhia oblast"
    assert fold("Mińsk  Mazowiecki") == "minsk mazowiecki"


def test_geo_normalize_indexable_names() -> None:
    assert is_indexable("Kyiv") and is_indexable("Київ") and is_indexable("Mińsk Mazowiecki")
    assert not is_indexable("IEV") and not is_indexable("ji fu") and not is_indexable("Кыив 2")
    assert not is_indexable("基輔")


@given(st.text(max_size=40))
def test_geo_normalize_never_raises_and_is_stable(s: str) -> None:
    k = skeleton(s)
    assert isinstance(k, str) and skeleton(s) == k
    assert fold(fold(s)) == fold(s)
