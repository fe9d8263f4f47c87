"""What the geocoder returns: a place mention with its chosen location and runner-ups."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.model import Location


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry considered for a mention, with its score (probability, 0-1)."""

    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    geonameid: int | None
    population: int
    score: float
    clues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One place named in a text: where (offsets), what kind, and the resolved location."""

    start: int
    end: int
    text: str
    kind: str  # settlement | admin1 | admin2 | country | landmark | feature | region
    qualifier: str | None  # "near", "outskirts", "north of", ... or None
    location: Location  # role=None; lat/lon None when the name is not in the gazetteer
    candidates: tuple[Candidate, ...] = ()  # runner-ups, best first
    qualifies: bool = False  # (added) only qualifies the place before it ("X, Donetsk Oblast")

    @property
    def resolved(self) -> bool:
        return self.location.lat is not None


__all__ = ["Candidate", "PlaceMention"]
