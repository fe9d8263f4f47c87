"""Small helpers that say what a counted item is and what happened to one lone item.

Split out of sitrep.extract.numbers (which is at its size limit): a munition by the weapons
lexicon ("KN-23" is a ballistic missile though its name says nothing), and a single platform lost
("an Il-76 crashed", "a Su-25 was shot down").
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.knowledge.weapons import get_weapon

__all__ = ["lexicon_munition", "single_role_after"]


@lru_cache(maxsize=2048)
def lexicon_munition(name: str) -> bool:
    """True when the weapons lexicon files `name` as a munition (a missile, attack drone, bomb, shell)."""
    entry = get_weapon(name)
    return entry is not None and entry.role == "munition"


# lost: passive "was shot down", or intransitive "crashed", "sank" ("a British destroyer shot down nine
# drones" is the shooter, not a loss)
_SINGLE_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,4}?\s+(?:(?:(?:was|has\s+been|had\s+been|were|is)\s+(?:\w+ly\s+)?(?:shot\s+down|downed|destroyed|sunk))"
    r"|(?:\w+ly\s+)?(?:crashed|sank|exploded|went\s+down))\b",
    re.IGNORECASE,
)


def single_role_after(text: str, pos: int) -> str | None:
    """ "an Il-76 military transport aircraft crashed", "a Su-25 was shot down": lost."""
    window = text[pos : pos + 70]
    cut = re.search(r"[.;:!?]|,\s", window)
    return "destroyed" if _SINGLE_AFTER.match(window[: cut.start()] if cut else window) else None
