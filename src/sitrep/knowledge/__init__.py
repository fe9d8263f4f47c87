"""The knowledge layer: weapons, actors, sources and the Probability Yardstick.

Each lexicon lives in a versioned data file under ``knowledge/data/``; a loader validates it
(duplicates, unknown categories, aliases claimed by two entries) and compiles one
Aho-Corasick matcher, cached after the first load. The ``find_*`` functions run over whole
documents and return frozen mention records with character offsets into the text.
"""

from __future__ import annotations

from sitrep.knowledge.actors import (
    ActorMention,
    acled_actor_name,
    acled_inter_code,
    actor_for_side,
    demonym_side,
    find_actors,
    load_actors,
)
from sitrep.knowledge.sources import (
    MediumMention,
    SourceInfo,
    SourceMention,
    classify_source,
    find_media,
    find_sources,
    load_sources,
)
from sitrep.knowledge.weapons import (
    WeaponEntry,
    WeaponMention,
    find_weapons,
    get_weapon,
    load_weapons,
)
from sitrep.knowledge.yardstick import (
    ConfidenceMention,
    find_confidence,
    load_yardstick,
    yardstick,
)


def load_all() -> None:
    """Load and validate every packaged knowledge file (raises KnowledgeError on a bad one)."""
    load_weapons()
    load_actors()
    load_sources()
    load_yardstick()


__all__ = [
    "ActorMention",
    "ConfidenceMention",
    "MediumMention",
    "SourceInfo",
    "SourceMention",
    "WeaponEntry",
    "WeaponMention",
    "acled_actor_name",
    "acled_inter_code",
    "actor_for_side",
    "classify_source",
    "demonym_side",
    "find_actors",
    "find_confidence",
    "find_media",
    "find_sources",
    "find_weapons",
    "get_weapon",
    "load_actors",
    "load_all",
    "load_sources",
    "load_weapons",
    "load_yardstick",
    "yardstick",
]
