"""The extraction pipeline: Document -> events, in batches.

    split sentences (rules) -> find triggers (regex over lower-cased text) -> candidates
    -> spaCy NER on candidate sentences only (one nlp.pipe call per batch)
    -> weapons, actors (knowledge), places (geo) over the document
    -> frames -> events
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from dataclasses import replace
from itertools import islice

from sitrep.extract.assemble import borrow_places, finish, group_frames
from sitrep.extract.dates import find_dateline
from sitrep.extract.frames import DocMentions, _lower, frames_for, not_a_place, sentence_triggers
from sitrep.extract.nlp import Entity, entities
from sitrep.extract.sentences import Sentence, split_sentences
from sitrep.geo import PlaceMention, geocode_text
from sitrep.knowledge import find_actors, find_sources, find_weapons
from sitrep.knowledge.triggers import cues
from sitrep.model import Document, Event

BATCH_SIZE = 32
_JUDGEMENT = re.compile(r"\b(?:likely|unlikely|almost certain(?:ly)?|realistic possibility|remote chance|probably|killed|wounded|injured|dead)\b")
_RESPONSE = re.compile(
    r"\b(?:denied|denies|rejected|dismissed|confirmed|confirms|claimed|claims|acknowledged|admitted|blamed|accused"
    r"|main target|targets?|aimed at|were aimed|was aimed|directed at|toll)\b"
)
_NAME_RUN = re.compile(r"\b[A-Z][a-z’'.]+(?:[ -](?:[A-Z]\.|[A-Z][a-z’']+))+")
_ORG_WORDS = re.compile(r"\b(?:Post|Times|News|Ministry|Command|Forces|Group|Agency|Institute|Council|Office|Army|Navy|Force|Guard|Service|Department|Committee|Staff)\b")


class _Prepared:
    __slots__ = ("doc", "sentences", "candidates", "entities", "weapons", "actors", "sources", "need_ner")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.sentences: list[Sentence] = split_sentences(doc.text)
        self.candidates: list[Sentence] = _candidates(self.sentences)
        self.entities: list[Entity] = []
        self.weapons = find_weapons(doc.text) if self.candidates else []
        self.actors = find_actors(doc.text) if self.candidates else []
        self.sources = find_sources(doc.text) if self.candidates else []
        known = sorted((m.start, m.end) for m in (*self.weapons, *self.actors, *self.sources))
        self.need_ner = [s for s in self.candidates if _unknown_names(doc.text, s, known)]


def _unknown_names(text: str, s: Sentence, known: list[tuple[int, int]]) -> bool:
    """Does the sentence name someone the lexicons do not know? (Only then does NER run on it.)
    Person names are two or more capitalised words in a row; one-word names ("Putin") and
    known people, forces, weapons and sources come from the knowledge files."""
    for m in _NAME_RUN.finditer(text, s.start, s.end):
        if not any(a <= m.start() and m.end() <= b for a, b in known):
            return True
    return False


def _candidates(sentences: list[Sentence]) -> list[Sentence]:
    cue = cues()
    out: list[Sentence] = []
    last = -10
    for s in sentences:
        if s.furniture:
            continue
        low = _lower(s.text)
        own = bool(sentence_triggers(low) or _JUDGEMENT.search(low) or cue.first_time.search(low))
        refers = s.index - last <= 2 and bool(cue.anaphora.match(low) or cue.media_description.search(low))
        # "Ukraine's military denied responsibility", "The main target was Kyiv": about the event before
        follows = s.index - last == 1 and bool(_RESPONSE.search(low))
        if own or refers or follows:
            out.append(s)
            last = s.index
    return out


def _exclusions(prep: _Prepared) -> list[tuple[int, int]]:
    """Spans that are people, organisations or named weapon systems, so the geocoder leaves
    them alone ("Bradley fighting vehicles" is not a town in Illinois).

    spaCy's PERSON entities are not among them: the small model tags lone city names
    ("Sumy", "Kryvyi Rih") as people, so they are checked after geocoding (:func:`_not_people`)."""
    spans = [(e.start, e.end) for e in prep.entities if e.label == "ORG" and _ORG_WORDS.search(e.text)]
    spans += [(a.start, a.end) for a in prep.actors if a.actor.type == "person"]
    spans += [(m.start, m.end) for m in prep.sources if _ORG_WORDS.search(m.text)]
    spans += [(w.start, w.end) for w in prep.weapons if not w.generic]
    return spans


def _after_dateline(s: Sentence, cut: dict[int, int]) -> Sentence:
    """The sentence without the wire dateline it opens with ("KYIV, May 14 (Reuters) - ")."""
    end = cut.get(s.start)
    if end is None or end >= s.end:
        return s
    return replace(s, start=end, text=s.text[end - s.start :])


def _not_people(places: list[PlaceMention], ents: list[Entity]) -> list[PlaceMention]:
    """Drop places that are part of a longer PERSON entity ('Vladimir' in 'Vladimir Putin'); a place
    whose span is the whole entity ('Sumy' tagged PERSON) is a place the model mislabelled."""
    # "Wad Madani's central market": the possessive ending is not part of the (mislabelled) name
    people = [(e.start, e.end - 2 if e.text.endswith(("'s", "’s")) else e.end) for e in ents if e.label == "PERSON"]
    if not people:
        return places
    return [
        p for p in places
        # a PERSON inside the place's name ("Don" in "Rostov-on-Don") says nothing about the place
        if not any(a < p.end and p.start < b and not (p.start <= a and b <= p.end) for a, b in people)
    ]


def _extract_prepared(prep: _Prepared) -> list[Event]:
    doc = prep.doc
    if not prep.candidates:
        return []
    lines = [d for d in (find_dateline(doc.text, s.start, doc.published) for s in prep.sentences) if d is not None]
    exclude = _exclusions(prep) + [(d.start, d.end) for d in lines]
    places = _not_people(geocode_text(doc.text, exclude=exclude), prep.entities)
    filed = next((d.filed for d in lines if d.filed is not None), None)
    mentions = DocMentions(
        places=places,
        weapons=prep.weapons,
        actors=prep.actors,
        entities=sorted(prep.entities, key=lambda e: e.start),
        published=doc.published or filed,
    )
    cut = {d.start: d.end for d in lines}
    frames = [f for s in prep.candidates for f in frames_for(doc.text, _after_dateline(s, cut), mentions)]
    drafts = group_frames(frames)
    borrow_places(drafts, prep.sentences, [p for p in places if not not_a_place(doc.text, p)])
    return finish(drafts, doc, prep.sentences)


def extract_documents(docs: Iterable[Document], *, batch_size: int = BATCH_SIZE) -> Iterator[tuple[Document, list[Event]]]:
    """Events of each document, in input order. The model runs once per batch, on candidate sentences only."""
    it = iter(docs)
    while True:
        batch = [_Prepared(d) for d in islice(it, batch_size)]
        if not batch:
            return
        spans = [(s.start, s.text) for p in batch for s in p.need_ner]
        ents = entities(spans)
        k = 0
        for p in batch:
            for _ in p.need_ner:
                p.entities.extend(ents[k])
                k += 1
        for p in batch:
            yield p.doc, _extract_prepared(p)


def extract_events(doc: Document) -> list[Event]:
    """Events of one document."""
    return next(extract_documents([doc]))[1]


def extract_text(
    text: str,
    published: date | str | None = None,
    *,
    source: str | None = None,
    doc_id: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> list[Event]:
    """``sitrep.extract(text, published="2022-06-25")``: the events of one text."""
    if isinstance(published, str):
        published = date.fromisoformat(published)
    doc = Document(
        id=doc_id or Document.make_id(text),
        text=text.replace("\r\n", "\n"),
        published=published,
        url=url,
        title=title,
        source=source,
        origin="<text>",
    )
    return extract_events(doc)


__all__ = ["BATCH_SIZE", "extract_documents", "extract_events", "extract_text"]
