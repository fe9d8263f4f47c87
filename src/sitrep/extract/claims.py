"""Who claims it, and how sure they are.

Attribution patterns ("according to a Facebook post from X", "X claimed", "the latest
intelligence update from X noted", "video from X showed", "X said in a statement") give the
source phrase, the reporting verb and the medium; ``sitrep.knowledge`` names and types the
source; hedges and the UK Probability Yardstick give modality, confidence and probability.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.knowledge import (
    actor_for_side,
    classify_source,
    demonym_side,
    find_confidence,
)
from sitrep.model import Claim

_VERBS = (
    r"claimed|claims|claim|said|says|say|reported|reports|report|stated|states|announced|announces|noted|notes|"
    r"confirmed|confirms|denied|denies|deny|rejected|refuted|dismissed|suggested|suggests|suggest|predicted|predicts|predict|"
    r"assessed|assesses|assess|believes|believe|estimated|estimates|wrote|writes|posted|posts|added|told|tells|showed|shows|"
    r"indicated|indicates|warned|warns|alleged|alleges|insisted|insists|acknowledged|admitted|admits|revealed|reveals|"
    r"published|released|mentioned|observed|forecast|forecasts|expects|expect|concluded|cited|quoted|blamed|blames|accused|accuses"
)
_MEDIA = (
    r"(?i:(?:facebook|telegram|twitter|x|instagram|youtube|vk|truth social)(?: post| channel| statement| message| video)?|"
    r"(?:(?:latest|daily|new|recent|regular|weekly|morning|evening|official) )*(?:intelligence update|intelligence report|situation report|sitrep|update|"
    r"statement|press release|press conference|briefing|report|video|footage|photos?|images|interview|post|bulletin|communiqu[eé]|summary|assessment|"
    r"analysis|dispatch|broadcast|address|speech|tweet|message|imagery|satellite imagery))"
)
_CAPSEQ = r"[A-Z][\w’'.\-]*(?:[ -](?:of the|of|for|and|de|al|[A-Z(][\w’'.\-)]*))*"
_HEAD = (
    r"(?:government|military|army|officials?|authorities|forces|troops|command|spokes(?:man|woman|person)|ministry|president|"
    r"governor|mayor|prosecutors?|police|sources|media|outlets?|analysts|intelligence|defen[cs]e ministry|foreign ministry|"
    r"general staff|air force|navy|administration|state media|news agency|military bloggers|milbloggers|bloggers?|channel)"
)
_GROUP = r"(?:officials|analysts|experts|residents|witnesses|eyewitnesses|sources|observers|locals|authorities|military bloggers|milbloggers|bloggers)"
# an office named in lower case: "the regional military administration said", "the interior ministry said"
_OFFICE = (
    r"(?:(?:regional|city|local|district|state|national|interior|defen[cs]e|foreign|health|emergencies|military) )+"
    r"(?:administration|ministry|prosecutor’?'?s office|police|command|spokes(?:man|woman|person))"
)
_SRC = (
    r"(?P<src>(?:[Tt]he |[Aa]n? )?(?:" + _CAPSEQ + r"(?: (?:[a-z]+ )?" + _HEAD + r")?"
    r"|(?:(?:some|several|many|local|regional|western|military|independent|[A-Z][a-z]+) )?" + _GROUP
    + r"|" + _OFFICE + r"))"
)
_DET = r"(?:(?i:a|an|the) )?"

_ACCORDING = re.compile(
    r"\b(?i:according to) " + _DET + r"(?:(?P<medium>" + _MEDIA + r") (?:from|by|of|on|published by|posted by|released by) )?" + _SRC
)
_MEDIUM_FROM = re.compile(
    r"(?:^|\b)" + _DET + r"(?P<medium>" + _MEDIA + r") (?:from|by|of|released by|published by|posted by) " + _SRC
    + r"(?: (?:on|in) [A-Z]\w+)?,? (?:(?:also|further|specifically|reportedly) )?(?P<verb>" + _VERBS + r")\b"
)
_SUBJECT_VERB = re.compile(_SRC + r",? (?:(?:also|further|had|has|have|previously|later|reportedly) )?(?P<verb>" + _VERBS + r")\b")
_VERB_BY = re.compile(r"\b(?P<verb>reported|claimed|confirmed|denied|published|released|cited|quoted) by " + _SRC)
_SAID_IN = re.compile(r"\bin an? (?P<medium>" + _MEDIA + r")\b")
_INFO_FROM = re.compile(
    r"\b(?P<src>(?:information|reports?|intelligence|data|sources?) (?:from|in) [A-Z][\w’']+(?: [A-Z][\w’']+)*) (?P<verb>suggests|suggest|indicates|indicate|shows|show)\b"
)
_DENIAL = re.compile(r"\b(?:denied|denies|deny|rejected|refuted|dismissed (?:\w+ ){0,2}(?:claims?|reports?)|false|fake)\b")
_HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps|suggests?|suggesting|reportedly|apparently|appears?|appeared|allegedly|unconfirmed|indicating|indicates|seems?)\b")
_MODAL = re.compile(r"may|might|could|possibly|perhaps|reportedly|apparently|allegedly")
_CLAIM_VERB_MODALITY = {
    "denied": "denied", "denies": "denied", "deny": "denied", "rejected": "denied", "refuted": "denied", "dismissed": "denied",
    "predicted": "predicted", "predicts": "predicted", "predict": "predicted", "forecast": "predicted", "forecasts": "predicted",
    "expects": "predicted", "expect": "predicted", "warned": "predicted", "warns": "predicted",
    "assessed": "assessed", "assesses": "assessed", "assess": "assessed", "believes": "assessed", "believe": "assessed",
    "estimated": "assessed", "estimates": "assessed", "concluded": "assessed",
    "suggests": "possible", "suggest": "possible", "suggested": "possible", "indicated": "possible", "indicates": "possible",
    "claimed": "claimed", "claims": "claimed", "claim": "claimed", "alleged": "claimed", "alleges": "claimed",
    "insisted": "claimed", "insists": "claimed", "blamed": "claimed", "blames": "claimed", "accused": "claimed", "accuses": "claimed",
}
_NOT_SOURCES = frozenset(
    ["it", "this", "that", "they", "he", "she", "we", "there", "which", "who", "what", "video", "footage", "russia", "ukraine", "the", "a", "an", "russian", "ukrainian", "forces", "troops", "but", "and", "as", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)
_TYPE_WORDS = (
    ("intelligence", re.compile(r"intelligence|\bgur\b|\bhur\b|\bsbu\b|\bfsb\b|\bcia\b|\bmi6\b")),
    ("military", re.compile(r"\barmy\b|armed forces|\bforces\b|command|general staff|military|air force|navy|brigade|battalion|regiment|commander|spokesm[ae]n for the|\bidf\b|defen[cs]e forces")),
    ("government", re.compile(r"ministry|minister|government|president|governor|official|kremlin|mayor|office|administration|parliament|state department|white house|authorities|prosecutor|police|spokes")),
    ("analyst", re.compile(r"analyst|institute|think[- ]tank|\bisw\b|expert|researcher|observer|rusi|csis|oryx")),
    ("social_media", re.compile(r"telegram|blogger|channel|twitter|\bx account|influencer")),
    ("witness", re.compile(r"witness|resident|local|survivor|villager")),
    ("media", re.compile(r"\bpost\b|times|news|agency|\btv\b|radio|reuters|journal|bbc|cnn|guardian|press|tass|ria|interfax|newspaper|outlet|media|reporter|correspondent|al jazeera")),
)


@dataclass(frozen=True, slots=True)
class ClaimMention:
    start: int  # offsets into the sentence text
    end: int
    claim: Claim


@dataclass(frozen=True, slots=True)
class Stance:
    """How the sentence itself hedges what it reports."""

    modality: str  # asserted | assessed | predicted | possible | denied
    confidence: str | None
    probability: tuple[float, float] | None
    span: tuple[int, int] | None  # of the confidence words, in the sentence


def _clean_source(phrase: str) -> str:
    phrase = phrase.strip(" ,.;:")
    phrase = re.sub(r"’s$|'s$", "", phrase)
    return phrase


def _country_government(phrase: str) -> str | None:
    """"Russia said", "Ukraine claimed": a country that speaks is its government."""
    word = re.sub(r"^(?:the|a|an) ", "", phrase, flags=re.IGNORECASE)
    if not re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", word) or demonym_side(word) is None:
        return None
    info = classify_source(f"{word}'s government")
    if info is None:  # a capital speaks for its government: "Kyiv denied", "Moscow said"
        side = demonym_side(word)
        forces = actor_for_side(side) if side else None
        country = forces.name.rpartition(" of ")[2] if forces is not None and " of " in forces.name else None
        info = classify_source(f"{country}'s government") if country and country != word else None
    return info.name if info is not None else None


def _source_type(phrase: str, medium: str | None) -> tuple[str, str]:
    info = classify_source(phrase)
    if info is not None:
        name, stype = info.name, info.source_type
    else:
        low = phrase.lower()
        name = re.sub(r"^(?:the|a|an) ", "", phrase)
        stype = next((t for t, rx in _TYPE_WORDS if rx.search(low)), "unknown")
    if medium and "intelligence" in medium.lower():
        stype = "intelligence"
    elif medium and stype == "unknown" and re.search(r"telegram|facebook|twitter|instagram|youtube|\bvk\b", medium.lower()):
        stype = "social_media"
    return name, stype


def _denial_elsewhere(sentence: str, s: int, e: int, verb: str | None) -> bool:
    """Is the sentence's denial someone else's? (The source's own verb is not a denial and no
    denial word follows it in its own clause.)"""
    if verb and _CLAIM_VERB_MODALITY.get(verb.lower()) == "denied":
        return False
    clause_end = min((i for i in (sentence.find(";", e), sentence.find(". ", e)) if i != -1), default=len(sentence))
    clause_start = max(sentence.rfind(";", 0, s), sentence.rfind(". ", 0, s), 0)
    return not _DENIAL.search(sentence, e, clause_end) and not _DENIAL.search(sentence, clause_start, s)


def stance(sentence: str, prediction: bool, anchor: int | None = None) -> Stance:
    """The sentence's own modality (what it asserts, predicts, assesses, hedges or denies)."""
    yard = [c for c in find_confidence(sentence) if c.probability is not None]
    if prediction:
        conf = yard[0] if yard else None
        found = list(_HEDGE.finditer(sentence))
        hedge = next((h for h in found if _MODAL.fullmatch(h.group(0).lower())), found[0] if found else None)
        if conf is not None:
            return Stance("predicted", conf.text, conf.probability, (conf.start, conf.end))
        if hedge:
            return Stance("predicted", hedge.group(0), None, hedge.span())
        return Stance("predicted", None, None, None)
    if _DENIAL.search(sentence):
        return Stance("denied", None, None, None)
    if yard:
        c = yard[0]
        return Stance("assessed", c.text, c.probability, (c.start, c.end))
    hedges = list(_HEDGE.finditer(sentence))
    modals = [h for h in hedges if _MODAL.fullmatch(h.group(0).lower())]
    hedges = modals or hedges  # "suggests Russia may be ...": the modal qualifies the event, the verb reports it
    if hedges:
        # the hedge nearest before the event's trigger is the one that qualifies it
        before = [h for h in hedges if anchor is None or h.start() < anchor]
        h = before[-1] if before else hedges[0]
        return Stance("possible", h.group(0), None, h.span())
    return Stance("asserted", None, None, None)


def find_claims(sentence: str, st: Stance) -> list[ClaimMention]:
    """Attributed claims in one sentence; their modality follows the sentence's stance."""
    found: list[tuple[int, int, str, str | None, str | None]] = []  # start, end, source, verb, medium

    def add(m: re.Match[str], verb: str | None, medium: str | None) -> None:
        src = _clean_source(m.group("src"))
        src = _country_government(src) or src
        if not src or src.lower() in _NOT_SOURCES or len(src) < 3:
            return
        s, e = m.span("src")
        if any(not (e <= fs or s >= fe) for fs, fe, *_ in found):
            return
        found.append((s, e, src, verb, medium))

    for m in _ACCORDING.finditer(sentence):
        add(m, "according to", m.group("medium"))
    for m in _MEDIUM_FROM.finditer(sentence):
        add(m, m.group("verb").lower(), m.group("medium"))
    for m in _INFO_FROM.finditer(sentence):
        add(m, m.group("verb"), None)
    for m in _VERB_BY.finditer(sentence):
        add(m, m.group("verb"), None)
    for m in _SUBJECT_VERB.finditer(sentence):
        verb = m.group("verb")
        if verb in ("showed", "shows") and not re.search(r"video|footage|image|photo", m.group("src"), re.IGNORECASE):
            continue
        add(m, verb, None)
    said_in = _SAID_IN.search(sentence)
    out = []
    for s, e, src, verb, medium in sorted(found):
        if medium is None and said_in and said_in.start() > e:
            medium = said_in.group("medium")
        name, stype = _source_type(src, medium)
        modality = st.modality
        if verb and verb.lower() in _CLAIM_VERB_MODALITY and modality in ("asserted", "claimed"):
            modality = _CLAIM_VERB_MODALITY[verb.lower()]
        elif modality == "denied" and _denial_elsewhere(sentence, s, e, verb):
            # "X said its forces took the town; Y denied it": the denial is Y's, not X's
            modality = _CLAIM_VERB_MODALITY.get((verb or "").lower(), "asserted")
        text_end = max(e, said_in.end() if said_in and said_in.start() > e else e)
        vm = re.search(re.escape(verb), sentence[e:]) if verb and verb != "according to" else None
        if vm:
            text_end = max(text_end, e + vm.end())
        text_start = s
        if verb == "according to":
            text_start = max(0, sentence.rfind("according to", 0, s))
        out.append(
            ClaimMention(
                text_start,
                text_end,
                Claim(
                    source=name,
                    source_type=stype,
                    text=sentence[text_start:text_end],
                    verb=verb,
                    medium=medium,
                    modality=modality,
                    confidence=st.confidence,
                    probability=st.probability,
                ),
            )
        )
    return out


__all__ = ["ClaimMention", "Stance", "find_claims", "stance"]
