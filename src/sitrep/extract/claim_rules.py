"""How an event's claims are judged once they are gathered.

A belligerent reporting its own forces' success or the enemy's losses makes a claim, not a
neutral report; one side's report that the other side denies or blames away is a claim too, as is
one the text calls unverifiable (unless footage confirms it); one source gives one claim. Also the
small helpers that tell a trailing attribution ("..., the ministry said.") from a leading one, and the
document-level rules that give a claim to another event: a pronoun that speaks again ("..., she added")
and a concession of damage ("claimed the drones were downed, but acknowledged a fire").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sitrep.extract.claims import find_claims, stance
from sitrep.knowledge import classify_source, demonym_side, find_sources
from sitrep.model import Claim

_REPORTING = frozenset({"said", "says", "say", "stated", "states", "announced", "reported", "reports", "according to", "added", "told"})
_CLAIMABLE = frozenset({"strike", "interception", "battle", "territory_change"})


_SUCCESS = (
    r"(?:taken|took|seized|captured|repelled|repulsed|thwarted|destroyed|killed|shot down|downed|hit|retaken|recaptured|"
    r"struck|sank|liberated|attacked|entered|cleared|eliminated|intercepted|"
    # its own attack on the enemy ("Hezbollah says it launched drones at a base", "the group said it overran a post")
    r"fired|launched|overran|overrun|shelled|ambushed|bombed|stormed|beat back|beaten back)"
)
_OWN_FORCES = re.compile(
    r"\b(?:its|their|our|his) (?:own )?(?:forces|troops|units|army|military|air defen[cs]es?|soldiers|fighters|navy|fleet|drones|missiles|"
    r"aircraft|(?:fighter )?jets|warplanes|planes|artillery|air force|special forces|naval forces|marines|paratroopers)"
    r"(?: and (?:allied|other|partner) [\w-]+(?: [\w-]+)?)?"  # "its fighters and allied resistance forces had taken"
    r"(?: (?!been\b|were\b|was\b)\w+){0,2}? (?:had |has |have )?(?:successfully )?" + _SUCCESS + r"\b"
    r"|\b(?:said|says|stated|told|reported|announced) (?:\w+ ){0,3}?(?:that )?(?:it|they) (?:had |has |have )?(?:successfully )?"
    + _SUCCESS + r"\b"
)
_FORCES_OF = re.compile(r"\b([A-Z][a-z]+) (?:forces|troops|units|soldiers|fighters|navy|drones|missiles)\b")
# "58 Ukrainian drones were destroyed", "sank the Russian corvette": the enemy's losses
_ENEMY_LOSS = re.compile(
    # (not "killed when Israeli jets struck": the demonym after a conjunction names the attacker)
    r"\b(?:killed|destroyed|sank|sunk|shot down|downed|eliminated|wiped out)\b"
    r"(?:\W+(?!(?:when|as|after|by|during|while|because|amid|in|from)\b)\w+){0,4}?\W+([A-Z][a-z]+)\b"
    r"|\b([A-Z][a-z]+) (?:\w+ ){0,2}?(?:were|was|had been|have been) (?:\w+ )?(?:killed|destroyed|sunk|shot down|downed|eliminated)\b"
)
_PARTISAN = re.compile(r"[A-Z][a-z]+ (?:sources|milbloggers|military bloggers|war bloggers|bloggers|Telegram channels)$")
_PARTISAN_IN = re.compile(r"\b[A-Z][a-z]+ (?:sources|milbloggers|military bloggers|war bloggers|bloggers|Telegram channels)\b")
_NOT_CLAIMANTS = frozenset({"media", "analyst", "witness", "social_media"})
_UNVERIFIED = re.compile(r"\b(?:(?:cannot|could not|can ?not|was unable to|were unable to) (?:independently )?(?:verify|confirm)|without (?:providing )?evidence|unverified)\b", re.IGNORECASE)


# "the Ukrainian military stated that its forces continue to hold the village": a denial of a capture
_HOLDING = re.compile(
    r"\b(?:continues?|continued) to (?:hold|control|defend)|\bstill (?:holds?|held|holding|controls?|in control)\b|"
    r"\b(?:remains?|remained) in (?:control|(?:their|its|our) positions)\b|\bretains? control\b|"
    r"\b(?:has|have|had) not (?:been )?(?:withdrawn|retreated|lost|captured|taken|fallen)\b|\bno (?:withdrawal|retreat)\b",
    re.IGNORECASE,
)
_STATING = frozenset({*_REPORTING, "stating", "saying", "insisted", "insisting"})


def holding(c: Claim, kind: str, sentence: str, rivals: bool) -> Claim:
    """ "Russia claimed the capture of X; the Ukrainian military stated its forces continue to hold the
    village": a report that the defenders still hold the place denies a rival's claimed capture."""
    # (a report its own side's success made a claim of is still, against the rival's capture, a denial)
    if kind != "territory_change" or not rivals or c.modality not in ("asserted", "claimed") or (c.verb or "").lower() not in _STATING:
        return c
    return replace(c, modality="denied") if _HOLDING.search(_clause_of(c, sentence)) else c


CONFIRMED = re.compile(r"\b(?:footage|imagery|images|video|photos?)\b[^.;]{0,40}\b(?:confirms?|confirmed|shows?|showed)\b", re.IGNORECASE)
_BLAME = frozenset({"accused", "accuses", "blamed", "blames"})
_AGREEING = frozenset({"confirmed", "confirms", "acknowledged", "admitted", "admits"})


def _claim_side(c: Claim) -> str | None:
    """The side a claim's source speaks for ("Government of Russia" -> RU), if known."""
    info = classify_source(c.source)
    if info is not None and info.side:
        return info.side
    country = c.source.rpartition(" of ")[2] if " of " in c.source else ""
    side = demonym_side(country) if country else None
    if side is None and c.text:
        info = classify_source(c.text)
        side = info.side if info is not None else None
    return side


def _clause_of(c: Claim, sentence: str) -> str:
    """The clause (between semicolons) that holds a claim's attribution."""
    at = sentence.find(c.text) if c.text else -1
    if at == -1:
        return sentence
    start = sentence.rfind(";", 0, at) + 1
    end = sentence.find(";", at + len(c.text))
    return sentence[start : len(sentence) if end == -1 else end]


_SUBJECT_SUCCESS = re.compile(r"(?: [\w-]+){0,2}? (?:had |has |have )?(?:successfully )?" + _SUCCESS + r"\b")


def _named_subject(c: Claim, clause: str) -> bool:
    """ "Arakan Army fighters overran a junta outpost, the ethnic armed group said": the source itself is the
    subject of the success it reports (named before its attribution)."""
    info = classify_source(c.source)
    at = clause.find(c.text) if c.text else -1
    if info is None or at <= 0:
        return False
    return any(m.source == info and m.end <= at and _SUBJECT_SUCCESS.match(clause, m.end) for m in find_sources(clause[:at]))


def own_success(c: Claim, kind: str, sentence: str) -> Claim:
    """ "Russia's defence ministry said its forces had taken the town", "... said 58 Ukrainian drones were
    destroyed": a belligerent reporting its own forces' success or the enemy's losses makes a claim."""
    if c.modality != "asserted" or (c.verb or "").lower() not in _REPORTING or kind not in _CLAIMABLE:
        return c
    # "according to Russian sources", "footage posted by Russian milbloggers": one side's unverified account
    partisan = _PARTISAN.match(c.source) or _PARTISAN_IN.search(c.text or "")
    if partisan and demonym_side(partisan.group(0).split()[0]) is not None:
        return replace(c, modality="claimed")
    if c.source_type in _NOT_CLAIMANTS:
        return c
    clause = _clause_of(c, sentence)
    if _OWN_FORCES.search(clause) or _named_subject(c, clause):
        return replace(c, modality="claimed")
    side = _claim_side(c)
    if side is None:
        return c
    for m in _ENEMY_LOSS.finditer(clause):
        enemy = demonym_side(m.group(1) or m.group(2))
        if enemy is not None and enemy != side:
            return replace(c, modality="claimed")
    # "Shoigu told Putin that Russian forces had taken Lysychansk": the speaker's side reports its gain
    if kind == "territory_change" and any(demonym_side(m.group(1)) == side for m in _FORCES_OF.finditer(clause)):
        return replace(c, modality="claimed")
    return c


_SUBJECT_FORCES = re.compile(
    r"^\W*(?:(?:On|In|Early|Late) [^,]{1,40}, )?(?P<demonym>[A-Z][a-z]+) (?:[a-z]+ )?(?:troops|soldiers|forces|army|military|"
    r"jets|aircraft|warplanes|drones|artillery|navy|ships?|units?)\b"
)
_BARE_ARMY = re.compile(r"(?i)^(?:the )?(army|military)$")


def army_of_subject(c: Claim, sentence: str) -> Claim:
    """ "Israeli troops fought Hamas gunmen near the hospital, the army said": the army whose forces the
    sentence opens with reports its own action (not the army of the country the fighting is in)."""
    bare = _BARE_ARMY.match(c.source)
    subject = _SUBJECT_FORCES.match(sentence) if bare else None
    if bare is None or subject is None or demonym_side(subject.group("demonym")) is None:
        return c
    info = classify_source(f"{subject.group('demonym')} {bare.group(1).lower()}")
    if info is None or info.side is None or info.side != demonym_side(subject.group("demonym")):
        return c
    return replace(c, source=info.name, source_type=info.source_type)


def disputed(claims: list[Claim], text: str) -> list[Claim]:
    """One side claims or denies, another side says otherwise: the other side's plain reports are claims
    too ("the ombudsman says children were deported; Moscow denies this"); so are a belligerent's
    reports the text calls unverifiable."""
    sides = {id(c): _claim_side(c) for c in claims if c.source_type not in _NOT_CLAIMANTS}
    contested = {
        sides[id(c)] for c in claims if id(c) in sides and (c.modality == "denied" or (c.verb or "").lower() in _BLAME)
    } - {None}
    if CONFIRMED.search(text):
        return claims  # "Geolocated footage confirms Ukrainian control": verified, not merely claimed
    unverified = bool(_UNVERIFIED.search(text))
    out = []
    for c in claims:
        side = sides.get(id(c))
        if c.modality == "asserted" and c.verb and c.verb not in _AGREEING and id(c) in sides and (side is not None and contested - {side} or unverified):
            c = replace(c, modality="claimed")
        out.append(c)
    return out


def one_per_source(claims: list[Claim]) -> list[Claim]:
    """ "Russian officials said 21 were killed... Moscow blamed Ukraine": one source, one claim (its
    claim or denial rather than its plain report)."""
    rank = {"denied": 0, "claimed": 1}
    best: dict[str, Claim] = {}
    for c in claims:
        key = c.source.lower()
        if key not in best or rank.get(c.modality, 2) < rank.get(best[key].modality, 2):
            best[key] = c
    return [c for c in claims if best.get(c.source.lower()) is c]


def trailing(sentence: str, start: int, end: int) -> bool:
    """Is the attribution at [start, end) a trailing one ("..., the ministry said on Friday.")?"""
    return sentence[:start].rstrip(" \"'’”").endswith(",") and len(sentence) - end <= 40


def title_context(c: Claim, sentence: str) -> str:
    """A claim's attribution with the few words before it (the speaker's title)."""
    at = sentence.find(c.text) if c.text else -1
    return "" if at == -1 else sentence[max(0, at - 30) : at + len(c.text)]


def names_source(text: str, source: str) -> bool:
    """Does an attribution name the source? ("Air Force commander Mykola Oleshchuk said": the Air Force)"""
    if not text:
        return False
    info = classify_source(source)
    if info is None:
        return False
    # the name without its country: "Ukrainian Air Force" -> "air force"
    core = " ".join(w for w in info.name.split(" of ")[0].split() if demonym_side(w) is None).lower()
    return any(m.source == info for m in find_sources(text)) or (len(core) > 3 and core in text.lower())


_DAMAGE = re.compile(r"\b(?:damaged|destroyed|killed|injured|wounded|hit|fire|casualties|damage|dead)\b")
_SAYING = re.compile(r"\b(?:said|says|told|reported|according to|announced|stated|claimed|added)\b")
_CONCEDING = frozenset({"acknowledged", "admitted", "conceded", "confirmed"})
# "..., she added": a pronoun that speaks for the source named before
_PRONOUN_SAID = re.compile(
    r"(?:^|[,;]\s*)(?P<pro>[Hh]e|[Ss]he|[Ii]t)(?: (?:also|later|further|then))? "
    r"(?P<verb>added|adds|said|says|noted|stated|wrote|continued|told|reported|warned)\b"
)
_PERSON_NAME = re.compile(r"^[A-Z][a-z][\w’'-]+(?: [A-Z][a-z][\w’'-]+){1,2}$")
_INSTITUTION = re.compile(
    r"\b(?:Ministry|Force|Forces|Command|Staff|Office|Service|Administration|Council|Government|Army|Navy|Police|"
    r"Department|Agency|Institute|Directorate|Movement|Group|Union|Alliance|Kremlin|Officials|Brigade|Corps)\b"
)


def conceded_damage(drafts: Sequence[Any], max_gap: int) -> tuple[dict[int, list[tuple[str, Claim]]], frozenset[int]]:
    """ "The governor claimed air defences repelled the attack, but acknowledged a fire at the refinery": the
    concession reports the strike's damage, not the interception. Returns claims for strikes and the
    mentions to take from the interceptions."""
    out: dict[int, list[tuple[str, Claim]]] = {}
    moved: set[int] = set()
    strikes = [d for d in drafts if d.kind == "strike"]
    for d in drafts:
        if d.kind != "interception" or not strikes:
            continue
        for f in d.frames:
            for c in f.claims:
                if (c.claim.verb or "").lower() not in _CONCEDING:
                    continue
                rest = f.sentence.text[c.end - f.sentence.start :][:120].lower()
                if not _DAMAGE.search(rest):
                    continue
                gap = {id(e): min(abs(g.sentence.index - f.sentence.index) for g in e.frames) for e in strikes}
                near = [e for e in strikes if gap[id(e)] <= max_gap]
                if near:
                    target = min(near, key=lambda e: gap[id(e)])
                    out.setdefault(id(target), []).append((f.sentence.text, c.claim))
                    moved.add(id(c))
    return out, frozenset(moved)


def pronoun_claims(drafts: Sequence[Any], sentences: Sequence[object], max_gap: int) -> dict[int, list[tuple[str, Claim]]]:
    """ "Russian drones also hit a bus in Kherson, she added": the person (he, she) or body (it) named as a
    source in the sentences just before speaks again."""
    by_index = {getattr(s, "index"): getattr(s, "text") for s in sentences}
    found: dict[int, list[Claim]] = {}
    out: dict[int, list[tuple[str, Claim]]] = {}
    for d in drafts:
        for f in d.frames:
            m = _PRONOUN_SAID.search(f.sentence.text)
            if m is None or any(c.claim.source_type != "unknown" for c in f.claims):
                continue
            person = m.group("pro").lower() != "it"
            for i in range(f.sentence.index - 1, f.sentence.index - 2 - max_gap, -1):
                if i not in by_index:
                    continue
                if i not in found:
                    t = by_index[i]
                    found[i] = [x.claim for x in find_claims(t, stance(t, False))] if _SAYING.search(t) else []
                named = [
                    c for c in found[i]
                    if c.source != "unknown" and (bool(_PERSON_NAME.match(c.source)) and not _INSTITUTION.search(c.source)) == person
                ]
                if named:
                    st = f.stance
                    said = replace(named[-1], text=m.group(0).lstrip(",; "), verb=m.group("verb"), medium=None,
                                   modality=st.modality, confidence=st.confidence, probability=st.probability)
                    out.setdefault(id(d), []).append((f.sentence.text, said))
                    break
            break
    return out


__all__ = ["CONFIRMED", "army_of_subject", "conceded_damage", "disputed", "holding", "pronoun_claims", "names_source", "one_per_source", "own_success", "title_context", "trailing"]
