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
    find_sources,
)
from sitrep.model import Claim

_VERBS = (
    r"claimed|claims|claim|said|says|say|reported|reports|report|stated|states|announced|announces|noted|notes|"
    r"confirmed|confirms|denied|denies|deny|rejected|refuted|dismissed|suggested|suggests|suggest|predicted|predicts|predict|"
    r"assessed|assesses|assess|believes|believe|estimated|estimates|wrote|writes|posted|posts|added|told|tells|showed|shows|"
    r"indicated|indicates|warned|warns|alleged|alleges|insisted|insists|acknowledged|admitted|admits|revealed|reveals|"
    r"published|released|mentioned|observed|forecast|forecasts|expects|expect|concluded|cited|quoted|blamed|blames|accused|accuses|"
    r"congratulated|congratulates|conceded|concedes"
)
_MEDIA = (
    r"(?i:(?:facebook|telegram|twitter|x|instagram|youtube|vk|truth social)(?: post| channel| statement| message| video)?|"
    r"(?:(?:latest|daily|new|recent|regular|weekly|morning|evening|nightly|televised|video|official) )*(?:intelligence update|intelligence report|situation report|sitrep|update|"
    r"statement|press release|press conference|briefing|report|video|footage|photos?|images|interview|post|bulletin|communiqu[eé]|summary|assessment|"
    r"analysis|dispatch|broadcast|address|speech|tweet|message|imagery|satellite imagery))"
)
_CAPSEQ = r"[A-Z][\w’'.\-]*(?:[ -](?:(?:of the|of|for|and|de|al)\b|[A-Z(][\w’'.\-)]*))*"
_HEAD = (
    r"(?:government|military|army|officials?|authorities|forces|troops|command|spokes(?:man|woman|person)|ministry|president|"
    r"governor|mayor|prosecutors?|police|sources|media|outlets?|analysts|intelligence|defen[cs]e ministry|foreign ministry|"
    r"general staff|air force|navy|administration|state media|news agency|military bloggers|milbloggers|bloggers?|channel)"
)
_GROUP = (
    r"(?:officials|analysts|experts|residents|witnesses|eyewitnesses|sources|observers|locals|authorities|military bloggers|"
    r"milbloggers|bloggers|media|news outlets|medics|doctors|rescuers)"
)
# an office named in lower case: "the regional military administration said", "the interior ministry said"
_OFFICE = (
    r"(?:(?:regional|city|local|district|state|national|interior|defen[cs]e|foreign|health|emergencies|military) )+"
    r"(?:administration|ministry|prosecutor’?'?s office|police|command|spokes(?:man|woman|person)|government|authorities)"
)
_SRC = (
    r"(?P<src>(?<![\w’'-])(?:[Tt]he |[Aa]n? )?(?:" + _CAPSEQ + r"(?: (?:[a-z]+ )?" + _HEAD + r")?"
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
_ANY_VERB = re.compile(r"\b(?:" + _VERBS + r"|show|indicate)\b")
# "the army, for its part, said": a discourse aside between a subject and its reporting verb
_ASIDE_WORDS = r"(?:for (?:its|their|his|her|our) (?:own )?part|in (?:its|their|his|her) turn|in turn|meanwhile|however|though|too|in response)"
_SUBJECT_VERB = re.compile(
    _SRC + r"(?:, " + _ASIDE_WORDS + r",)?,? (?:(?:also|further|had|has|have|previously|later|reportedly|separately|additionally) )?(?P<verb>"
    + _VERBS + r")\b"
)
# "the defence ministry in Berlin said": a government office named by its capital
_IN_CAPITAL = re.compile(
    r"\b(?P<src>(?:[Tt]he )?(?:government|(?:defen[cs]e|foreign|interior) ministry|military|army) in (?P<city>[A-Z][a-z]+))"
    r"(?: on [A-Z]\w+)?,? (?:(?:also|further|separately|later) )?(?P<verb>" + _VERBS + r")\b"
)
_VERB_BY = re.compile(r"\b(?P<verb>reported|claimed|confirmed|denied|published|released|cited|quoted) by " + _SRC)
_SAID_IN = re.compile(r"\b[Ii]n an? (?P<medium>" + _MEDIA + r")\b")
_INFO_FROM = re.compile(
    r"\b(?P<src>(?:information|reports?|intelligence|data|sources?) (?:from|in) [A-Z][\w’']+(?: [A-Z][\w’']+)*) (?P<verb>suggests|suggest|indicates|indicate|shows|show)\b"
)
# a reporting verb whose subject is the noun phrase right before it ("the army said", "Ukraine's
# border service said", "residents who fled told reporters")
_CHUNK_VERB = re.compile(
    r"\b(?P<verb>said|says|say|told|tells|reported|reports|stated|states|announced|announces|claimed|claims|"
    r"denied|denies|confirmed|confirms|added|wrote|writes|noted|notes|warned|insisted|acknowledged|admitted|"
    r"accused|accuses|blamed|blames|alleged|alleges|indicates|indicate|shows|show|showed|suggests|suggest|suggested)\b"
)
_ACCORDING_ANY = re.compile(r"\b(?i:according to) (?P<src>[^,;.:()]+)")
_CHUNK_TAIL = re.compile(
    r"(?:\s+(?:also|further|later|earlier|previously|reportedly|had|has|have|hours later|in a statement|"
    r"on (?:[A-Z]\w+|\d+ \w+)(?: (?:morning|evening|night|afternoon))?|"
    # "footage published on October 25 indicates": when the evidence appeared
    r"(?:published|posted|released|filmed|taken|circulated) (?:on|in) (?:[A-Z][a-z]+(?: \d{1,2})?|\d{1,2} [A-Z][a-z]+))"
    r"|,\s*" + _ASIDE_WORDS + r"\s*,)*\s*$"
)
_CHUNK_BREAK = re.compile(r"(?:[,;:—(]|\b(?:that|and|but|while|as|after|before|when|because)\b)\s*")
_CHUNK_HEAD = re.compile(
    r"\b(?:army|military|junta|prosecutors?|director|governor|mayor|spokes(?:man|woman|person)|ministry|police|"
    r"officials?|commander|minister|ombudsman|agency|service|administration|office|alliance|council|command|brigade|battalion|regiment|"
    r"authorities|residents|witnesses|activists|monitors?|group|movement|rebels|militants|fighters|medics|doctors|paramedics|"
    r"rescuers|(?:health|aid|rescue) workers)$"
)
_CHUNK_SKIP = re.compile(
    r"^(?:it|this|that|they|he|she|we|i|you|there|which|who|what|these|those|one|some|many|others?|no|none)\b"
    r"|\b(?:was|were|is|are|been|be|being|not|never)$",
    re.IGNORECASE,
)
_SOURCE_TAIL = re.compile(
    r"(?:\s+(?:security|press|intelligence|media|service|agency|office|spokes(?:man|woman|person)|command|chief|head|"
    r"officials?|commander|leader|director|units?|channel))*(?:\s+(?:of|in|from) (?:the )?[\w’'-]+(?: [A-Z][\w’'-]+)?)?\s*"
)
_PERSON_END = re.compile(r"(?:^|\s)[A-Z][a-z][\w’'-]+ [A-Z][a-z][\w’'-]+$")
_ORG_NAME = re.compile(r"[A-Z][\w’'-]*(?: (?:of|the|for|and|[A-Z][\w’'-]*))+")
_TITLED_AFTER = re.compile(r"\s+(?P<name>[A-Z][a-z][\w’'-]+(?: [A-Z][a-z][\w’'-]+){1,2})\b")
_COLON_SRC = re.compile(r"^(?:[A-Z][\w’'-]*\s+){0,4}[\w’'-]+:\s")
_CITING = re.compile(r"\bciting (?P<src>(?:(?:local|several|two|three|unnamed|anonymous|[a-z]+ )?(?:witnesses|residents|eyewitnesses|sources|officials|survivors|activists)))\b")
_REJECT_OBJECT = re.compile(
    r"(?:(?:the|these|those|such|any|all|its|their|his|her) )?(?:\w+ )?(?:claims?|reports?|allegations?|accusations?|"
    r"involvement|responsibility|charges?)\b|(?:it|this|that|them|as)\b",
    re.IGNORECASE,
)

# a title in apposition to a person: "Oleh Syniehubov, the Kharkiv governor, told Reuters", "according to
# Oleksandr Prokudin, the governor of Kherson region"
_TITLE_HEAD = (
    r"(?:governor|mayor|minister|spokes(?:man|woman|person)|commander|chief|head|director|official|general|adviser|advisor|"
    r"secretary|president|leader|ombudsman|prosecutor|representative|officer|envoy|chairman|founder|financier|analyst|"
    r"blogger|milblogger|expert|colonel|administrator|observer)"
)
_TITLE_PHRASE = r"(?:the|a|an|[A-Z][\w’'-]*['’]s) [^,;()]{0,80}?\b" + _TITLE_HEAD + r"s?\b[^,;()]{0,60}?"
_PERSON = r"[A-Z][a-z][\w’'-]+(?: [A-Z][a-z][\w’'-]+){1,2}"
_APPOSITIVE = re.compile(
    r"(?P<src>" + _PERSON + r"), (?P<title>" + _TITLE_PHRASE + r"),"
    r" (?:(?:also|later|earlier|further|on [A-Z]\w+) )?(?P<verb>" + _VERBS + r")\b"
)
_TITLE_AFTER = re.compile(r",? (?P<title>" + _TITLE_PHRASE + r")(?=[,.;]|$)")
# "..., but acknowledged that a fire broke out": a second reporting verb of the same subject
_SECOND_VERB = re.compile(
    r",? (?:but|and|yet|while) (?:(?:later|also|then|subsequently) )?(?P<verb>acknowledged|admitted|conceded|confirmed|denied|"
    r"added|said|claimed|insisted)\b"
)
# "..., saying they would return to their bases": a participle reports what the clause's subject says
_PARTICIPLE = re.compile(
    r"(?:,|\band) (?P<verb>saying|adding|announcing|claiming|stating|insisting|noting|denying|confirming|acknowledging|"
    r"admitting)\b"
)
_LEAD_SUBJECT = re.compile(
    r"^(?P<src>(?:[A-Z][\w’'.-]*|[a-z]+(?= [A-Z]))(?: (?:of the|of|[A-Z][\w’'.-]*|boss|leader|chief|president|minister|"
    r"governor|mayor|head|commander|spokes(?:man|woman|person)|founder|financier))*)\s+(?:has |have |had |later |also )?[a-z]+"
)
# "ISW's assessment that ...", "the ministry's claim that ...": a possessive names the source
_POSSESSIVE = re.compile(
    r"(?P<src>(?:the )?" + _CAPSEQ + r")['’]s? (?:latest |own |earlier |recent )?(?P<verb>assessment|claim|report|statement|"
    r"estimate|forecast|conclusion) that\b"
)
# "claims the army dismissed as lies", "a claim the Pentagon rejected": the object comes first
_CLAIM_REJECTED = re.compile(
    r"\b(?:claims?|reports?|allegations?|accusations?|accounts?|assertions?) (?:that |which )?"
    r"(?P<src>(?:the |a |an )?[A-Za-z][\w’'.-]*(?: [A-Za-z][\w’'.-]*){0,2}) (?:has |have |had )?"
    r"(?:(?:flatly|strongly|quickly|later|swiftly|firmly) )?(?P<verb>dismissed|rejected|denied|refuted|disputed)\b"
)
_POSSESSIVE_CUE = re.compile(r"['’]s? (?:latest |own |earlier |recent )?(?:assessment|claim|report|statement|estimate|forecast|conclusion) that\b")
_REJECTED_CUE = re.compile(r"\b(?:dismissed|rejected|denied|refuted|disputed)\b")
# "struck what the military called a weapons depot": the source names the target
_WHAT_CALLED = re.compile(
    r"\bwhat (?P<src>(?:the |an? )?(?:[A-Z][\w’'-]+ )*(?:army|military|police|air force|navy|officials|authorities|"
    r"(?:defen[cs]e |foreign |interior )?ministry|[A-Z][\w’'-]+)) "
    r"(?P<verb>called|described as|said was|said were|identified as)\b"
)
# "Ukrainian officials, speaking on condition of anonymity, said": an aside between the source and its verb
_ASIDE = re.compile(
    r"(?P<src>(?:[A-Z][\w’'-]+ )?(?:(?:senior|military|security|intelligence|government|defen[cs]e) )?"
    r"(?:officials?|sources?|diplomats?|officers?|commanders?|soldiers?|residents|witnesses)|" + _PERSON + r"), "
    r"(?:speaking|who spoke|who asked|who declined|who requested|who did not want)[^,;]{0,80}, (?P<verb>" + _VERBS + r")\b"
)
# "RIA cited the defence ministry as saying": the one cited speaks too
_CITED_AS = re.compile(r"\b(?:cited|quoted) " + _SRC + r" as (?P<verb>saying|stating|reporting|claiming)\b")
# "..., the mayor wrote on Telegram", "said in its daily intelligence update": how the claim was published
_MEDIUM_AFTER = re.compile(r"(?: on [A-Z]\w+| late| early)?,? (?:on|in|via) (?:(?:his|her|its|their|a|an|the) )?(?P<medium>" + _MEDIA + r")\b")
_PARTICIPLE_MODALITY = {"claiming": "claimed", "insisting": "claimed", "denying": "denied"}
_EVIDENCE = re.compile(r"(?i)footage|imagery|images|video|photos")
_SHOWING = frozenset({"indicates", "indicate", "indicated", "shows", "show", "showed", "confirms", "confirmed"})
_PREP_BEFORE = re.compile(r"\b(?:in|near|from|at|around|outside|across)\s+$")
_RELATIVE_BEFORE = re.compile(
    r"\b(?!(?:of|said|says|claimed|claims|reported|stated|added|noted|announced|warned|told|insisted|believes|showed|shows)\b)"
    r"[\w-]+ (?:that|which) (?:the )?$"
)
_PURPOSE = re.compile(r"\b(?:is|are|was|were) (?:\S+ ){0,2}(?:intended|meant|designed|aimed) to\b")
_FORECAST = re.compile(r"\b(?:will|predicts?|predicted|forecasts?|expects?|expected|in the coming|set to|poised to|plans? to|preparing to)\b")
_FUTURE = re.compile(r"(?<!\bwhich )(?<!\bwho )(?<!\bthat )\bwill (?!have\b)")
# "they are unlikely to take the town": a yardstick word with an infinitive judges what is to come
_TO_COME = re.compile(r"\s+to\s+(?!have\b|be\s+(?:intended|aimed|designed|meant|used|responsible)\b)[a-z]+")
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|refuted|(?:rejected|dismissed) (?:\w+ ){0,2}(?:claims?|reports?|allegations?|accusations?|"
    r"involvement|responsibility)|rejected (?:it|this|that|them)|false|fake)\b"
)
_HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps|suggests?|suggesting|reportedly|apparently|appears?|appeared|allegedly|unconfirmed|indicating|indicates|seems?)\b")
_MODAL = re.compile(r"may|might|could|possibly|perhaps|reportedly|apparently|allegedly")
_CLAIM_VERB_MODALITY = {
    "denied": "denied", "denies": "denied", "deny": "denied", "rejected": "denied", "refuted": "denied", "dismissed": "denied",
    "disputed": "denied",
    "predicted": "predicted", "predicts": "predicted", "predict": "predicted", "forecast": "predicted", "forecasts": "predicted",
    "expects": "predicted", "expect": "predicted", "warned": "predicted", "warns": "predicted",
    "assessed": "assessed", "assesses": "assessed", "assess": "assessed", "believes": "assessed", "believe": "assessed",
    "estimated": "assessed", "estimates": "assessed", "concluded": "assessed",
    "suggests": "possible", "suggest": "possible", "suggested": "possible", "indicated": "possible", "indicates": "possible",
    "claimed": "claimed", "claims": "claimed", "claim": "claimed", "alleged": "claimed", "alleges": "claimed",
    "insisted": "claimed", "insists": "claimed", "blamed": "claimed", "blames": "claimed", "accused": "claimed", "accuses": "claimed",
    # a belligerent congratulating its troops on a capture claims the capture
    "congratulated": "claimed", "congratulates": "claimed", "claiming": "claimed", "denying": "denied",
    "assessment": "assessed", "estimate": "assessed",
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
    ("witness", re.compile(r"witness|resident|local(?! media| news| outlets| press| journalists| reporters)|survivor|villager|medics|doctors|paramedics|rescuers|(?:health|aid|rescue) workers")),
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


def _capital_office(phrase: str) -> str | None:
    """ "the government in Berlin", "the defence ministry in Kyiv": that country's office."""
    office, _, city = re.sub(r"^(?:the|a|an) ", "", phrase, flags=re.IGNORECASE).partition(" in ")
    side = demonym_side(city) if city else None
    forces = actor_for_side(side) if side else None
    country = forces.name.rpartition(" of ")[2] if forces is not None and " of " in forces.name else None
    info = classify_source(f"{country}'s {office}") if country else None
    return info.name if info is not None and info.side == side else None


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


def _verb_windows(sentence: str, reach: int = 200) -> list[tuple[int, int]]:
    """Merged stretches of ``sentence`` that end at a reporting verb and reach ``reach`` characters back."""
    out: list[tuple[int, int]] = []
    for m in _ANY_VERB.finditer(sentence):
        lo = max(0, m.start() - reach)
        lo = sentence.rfind(" ", 0, lo) + 1 if lo else 0  # start on a word
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], m.end())
        else:
            out.append((lo, m.end()))
    return out


def _chunk_before(sentence: str, at: int, taken: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """The subject of a reporting verb at ``at``: the phrase back to the clause break before it,
    if it ends in a source ("the army said", "residents who fled told reporters")."""
    head = sentence[:at]
    tail = _CHUNK_TAIL.search(head)
    end = tail.start() if tail else len(head)
    if any(end - 1 <= fe <= at for _, fe in taken) or any(fs <= end - 1 < fe for fs, fe in taken):
        return None  # a pattern already named this verb's subject
    breaks = [b.end() for b in _CHUNK_BREAK.finditer(head, 0, end)]
    start = breaks[-1] if breaks else 0
    raw = head[start:end]
    phrase = raw.strip()
    if not phrase or len(phrase.split()) > 8 or _CHUNK_SKIP.search(phrase) or any(c.isdigit() for c in phrase):
        return None
    start += raw.find(phrase)
    rel = re.search(r"\s+(?:who|which)\b", phrase)  # "residents who fled told": the relative clause stays
    core = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", phrase[: rel.start()] if rel else phrase)
    if not core:
        return None
    hits = find_sources(core)
    if hits and _SOURCE_TAIL.fullmatch(core[hits[-1].end :]):
        return start, start + len(phrase), core
    if _PERSON_END.search(core) and classify_source(core) is not None:
        return start, start + len(phrase), core  # "mayor Ihor Terekhov", a known person
    if _CHUNK_HEAD.search(core.lower()) and (core[0].islower() or _ORG_NAME.fullmatch(core) or demonym_side(core.split()[0]) is not None):
        return start, start + len(phrase), re.sub(r"^([a-z][\w-]*)['’]s ", r"\1 ", core)  # "museum's director"
    return None


def _source_type(phrase: str, medium: str | None) -> tuple[str, str]:
    info = classify_source(phrase)
    if info is not None:
        name, stype = info.name, info.source_type
    else:
        low = phrase.lower()
        name = re.sub(r"^(?:the|a|an) ", "", phrase)
        stype = next((t for t, rx in _TYPE_WORDS if rx.search(low)), "unknown")
        titled = _TITLE_NAME.match(name)
        if titled:  # "Interior Minister Ihor Klymenko": the person speaks; the title only types them
            name = titled.group("name")
            stype = next((t for t, rx in _TYPE_WORDS if rx.search(titled.group("title").lower())), stype)
    if medium and "intelligence" in medium.lower():
        stype = "intelligence"
    elif medium and stype == "unknown" and re.search(r"telegram|facebook|twitter|instagram|youtube|\bvk\b", medium.lower()):
        stype = "social_media"
    return name, stype


# a title before a personal name ("Deputy Interior Minister Oleksandr Bondarenko", "army spokesman Nabil Abdallah")
_SPEAKER_TITLE = (
    r"(?i:minister|governor|mayor|spokes(?:man|woman|person)|commander|chief|head|president|"
    r"secretary|general|colonel|ombudsman|prosecutor(?: general)?|adviser|advisor|aide|envoy|chairman|director|official|"
    r"administrator|leader|lieutenant|major|captain|admiral)"
)
_TITLE_NAME = re.compile(r"^(?P<title>(?:[\w’'-]+ ){0,4}?" + _SPEAKER_TITLE + r") (?P<name>" + _PERSON + r")$")

# a lower-case title just before a name ("army spokesman", "the deputy defence minister"), not an organisation's name
_TITLE_BEFORE = re.compile(r"(?<![\w’'-])(?P<title>(?:[a-z][\w’'-]* ){0,3}?" + _SPEAKER_TITLE + r") $")


def _same_clause(sentence: str, a: int, b: int) -> bool:
    """Are offsets ``a`` and ``b`` in one clause (no semicolon between them)?"""
    lo, hi = min(a, b), max(a, b)
    return ";" not in sentence[lo:hi]


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
    if prediction and yard and _PURPOSE.search(sentence) and not _FORECAST.search(sentence):
        prediction = False  # "This is likely intended to slow Ukrainian advances": a judgement of purpose, not a forecast
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
        # "It is almost certain that tank losses will remain high": a judgement about the future is a forecast
        modality = "predicted" if _FUTURE.search(sentence) or _TO_COME.match(sentence, c.end) else "assessed"
        return Stance(modality, c.text, c.probability, (c.start, c.end))
    hedges = list(_HEDGE.finditer(sentence))
    modals = [h for h in hedges if _MODAL.fullmatch(h.group(0).lower())]
    hedges = modals or hedges  # "suggests Russia may be ...": the modal qualifies the event, the verb reports it
    if hedges:
        # the hedge nearest before the event's trigger is the one that qualifies it
        before = [h for h in hedges if anchor is None or h.start() < anchor]
        h = before[-1] if before else hedges[0]
        return Stance("possible", h.group(0), None, h.span())
    return Stance("asserted", None, None, None)


def _title_type(title: str) -> str:
    """The source type a person's title implies ("a spokesperson for Ukraine's southern defence forces": military)."""
    info = classify_source(title)
    if info is not None and info.source_type != "unknown" and info.name.lower() != "officials":
        return info.source_type
    low = title.lower()
    return next((t for t, rx in _TYPE_WORDS if rx.search(low)), "unknown")


def _more_verbs(sentence: str, found: list[tuple[int, int, str, str | None, str | None]]) -> None:
    """Reporting verbs without a subject of their own: a second verb of a source ("X claimed that ..., but
    acknowledged a fire") and a participle of the sentence's subject ("Prigozhin called off the march,
    saying ..."). Each gets its own mention at the verb, so it covers the clause it introduces."""
    for s, e, src, verb, medium in list(found):
        if not verb or verb == "according to":
            continue
        at = sentence.find(verb, e)
        if at == -1:
            continue
        for m in _SECOND_VERB.finditer(sentence, at + len(verb)):
            if any(at < fs < m.start() for fs, *_ in found):
                break  # another source speaks in between
            if m.group("verb") != verb:
                found.append((m.start("verb"), m.end("verb"), src, m.group("verb"), medium))
            break
    for m in _PARTICIPLE.finditer(sentence) if "ing" in sentence else ():
        if any(fs < m.start() for fs, *_ in found):
            continue  # "the General Staff said, adding that ...": that source's clause already
        lead = _LEAD_SUBJECT.match(sentence)
        if lead is None:
            continue
        src = _clean_source(lead.group("src"))
        if src.lower() in _NOT_SOURCES or (classify_source(src) is None and not _PERSON_END.search(" " + src)):
            continue
        found.append((m.start("verb"), m.end("verb"), src, m.group("verb"), None))


def find_claims(sentence: str, st: Stance) -> list[ClaimMention]:
    """Attributed claims in one sentence; their modality follows the sentence's stance."""
    found: list[tuple[int, int, str, str | None, str | None]] = []  # start, end, source, verb, medium

    def add(m: re.Match[str], verb: str | None, medium: str | None) -> None:
        src = _clean_source(m.group("src"))
        s, e = m.span("src")
        named = _TITLED_AFTER.match(sentence, e)
        if named and not src.endswith(("’s", "'s")) and classify_source(src + named.group(0)) is not None:
            src, e = _clean_source(sentence[s : named.end("name")]), named.end("name")
        src = _country_government(src) or (_capital_office(src) if " in " in src else None) or src
        if not src or src.lower() in _NOT_SOURCES or len(src) < 3:
            return
        if _RELATIVE_BEFORE.search(sentence, 0, s):
            return  # "an Il-76 that Moscow said was carrying prisoners": an aside about something else
        if any(not (e <= fs or s >= fe) for fs, fe, *_ in found):
            return
        found.append((s, e, src, verb, medium))

    for m in _ACCORDING.finditer(sentence):
        add(m, "according to", m.group("medium"))
    # the costly subject patterns end at a reporting verb: run them only on the stretches before one
    windows = _verb_windows(sentence)
    reporting = bool(windows)
    titles: dict[int, str] = {}  # a source's appositive title, by the source's start
    for m in (m for lo, hi in windows for m in _APPOSITIVE.finditer(sentence, lo, hi)):
        s, e = m.start("src"), m.end("title")
        if m.group("src").lower() not in _NOT_SOURCES and not any(not (e <= fs or s >= fe) for fs, fe, *_ in found):
            found.append((s, e, m.group("src"), m.group("verb").lower(), None))
            titles[s] = m.group("title")
    for m in _ASIDE.finditer(sentence) if "," in sentence else ():
        add(m, m.group("verb").lower(), None)
    for m in _CITED_AS.finditer(sentence) if " as " in sentence else ():
        add(m, m.group("verb"), None)
    for m in _WHAT_CALLED.finditer(sentence) if "what " in sentence else ():
        add(m, m.group("verb"), None)
    if _POSSESSIVE_CUE.search(sentence):
        for m in _POSSESSIVE.finditer(sentence):
            add(m, m.group("verb"), None)
    if _REJECTED_CUE.search(sentence):
        for m in _CLAIM_REJECTED.finditer(sentence):
            add(m, m.group("verb"), None)
    for m in (m for lo, hi in windows for m in _MEDIUM_FROM.finditer(sentence, lo, hi)):
        add(m, m.group("verb").lower(), m.group("medium"))
    for m in _INFO_FROM.finditer(sentence):
        add(m, m.group("verb"), None)
    for m in _IN_CAPITAL.finditer(sentence) if " in " in sentence else ():
        office = _capital_office(m.group("src"))
        if office is not None:
            add(m, m.group("verb"), None)
    for m in _VERB_BY.finditer(sentence):
        add(m, m.group("verb"), None)
    for m in (m for lo, hi in windows for m in _SUBJECT_VERB.finditer(sentence, lo, hi)):
        verb = m.group("verb")
        if verb in ("showed", "shows") and not re.search(r"video|footage|image|photo", m.group("src"), re.IGNORECASE):
            continue
        if re.search(r"['’]s?$", m.group("src")) and not sentence.startswith(" that", m.end()):
            continue  # "Voloshyn's report is consistent with ...": a possessive and a noun, not a subject and its verb
        if verb in ("rejected", "dismissed") and not _REJECT_OBJECT.match(sentence, m.end() + 1):
            continue  # "dismissed the defence minister", "rejected the plan": not a denial
        if _PREP_BEFORE.search(sentence, max(0, m.start("src") - 12), m.start("src")):
            continue  # "Officials in Kharkiv said": the place is not the speaker
        add(m, verb, None)
    for m in _ACCORDING_ANY.finditer(sentence):
        # "according to mayor Ihor Terekhov": a titled person or office the name patterns miss
        phrase = m.group("src").strip()
        s0 = m.start("src")
        if not any(not (s0 + len(phrase) <= fs or s0 >= fe) for fs, fe, *_ in found) and len(phrase.split()) <= 7:
            if classify_source(phrase) is not None:
                found.append((s0, s0 + len(phrase), phrase, "according to", None))
    for m in _CHUNK_VERB.finditer(sentence) if reporting else ():
        chunk = _chunk_before(sentence, m.start(), [(fs, fe) for fs, fe, *_ in found])
        if chunk is not None:
            found.append((chunk[0], chunk[1], chunk[2], m.group("verb").lower(), None))
    colon = _COLON_SRC.match(sentence)
    head = sentence[: colon.end()].rstrip(": ") if colon else ""
    if head and classify_source(head) is not None and not any(fs < len(head) for fs, *_ in found):
        found.append((0, len(head), head, None, None))  # "Russian MoD: air defence destroyed two drones": a live blog
    for m in _CITING.finditer(sentence):
        # "the UN refugee agency said, citing witnesses": the witnesses are a source too
        if not any(not (m.end("src") <= fs or m.start("src") >= fe) for fs, fe, *_ in found):
            found.append((m.start("src"), m.end("src"), m.group("src"), "cited", None))
    _more_verbs(sentence, found)
    said_in = _SAID_IN.search(sentence)
    deniers = {fs for fs, _, _, verb, _ in found if _CLAIM_VERB_MODALITY.get((verb or "").lower()) == "denied"}
    out = []
    for s, e, src, verb, medium in sorted(found):
        if medium is None and said_in and (said_in.start() > e or not sentence[: said_in.start()].strip()):
            medium = said_in.group("medium")  # "..., X said in a statement", "In a statement, X said"
        if medium is None and verb and verb != "according to":
            at = sentence.find(verb, e)
            after = _MEDIUM_AFTER.match(sentence, at + len(verb)) if at != -1 and at - e < 60 else None
            medium = after.group("medium") if after else None
        name, stype = _source_type(src, medium)
        title = titles.get(s) or (m.group("title") if (m := _TITLE_AFTER.match(sentence, e)) and _PERSON_END.search(" " + src) else None)
        if stype == "unknown" and not title and _PERSON_END.search(" " + src):
            before = _TITLE_BEFORE.search(sentence, max(0, s - 50), s)  # "army spokesman Nabil Abdallah said"
            title = before.group("title") if before else None
        if stype == "unknown" and title:
            stype = _title_type(title)  # "Oleksandr Prokudin, the governor of Kherson region": a government source
        modality = st.modality
        own = _CLAIM_VERB_MODALITY.get((verb or "").lower()) or _PARTICIPLE_MODALITY.get((verb or "").lower())
        if _EVIDENCE.search(name) and (verb or "").lower() in _SHOWING:
            own = "asserted"  # "Geolocated footage indicates that...": evidence shows, it does not hedge
            if modality == "possible" and st.span and st.span[0] >= e:
                modality = "asserted" if not _MODAL.search(sentence, st.span[0], st.span[1]) else modality
        if modality == "possible" and st.span and not _same_clause(sentence, s, st.span[0]):
            modality = "asserted"  # "X said 34 were killed; Y said ..., apparently alive": the hedge is Y's clause
        if own and (modality in ("asserted", "claimed") or own in ("claimed", "denied") and modality in ("predicted", "possible")):
            modality = own
        elif modality == "denied" and (deniers - {s} or _denial_elsewhere(sentence, s, e, verb)):
            # "X said its forces took the town; Y denied it": the denial is Y's, not X's
            modality = own or "asserted"
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
