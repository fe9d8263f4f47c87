import pytest

from sitrep.errors import KnowledgeError
from sitrep.knowledge import triggers as tr
from sitrep.model import KINDS


def test_knowledge_triggers_files_validate():
    tr.validate_all()
    kinds = {g.kind for g in tr.trigger_groups()}
    # every kind but assessment (a stance, not a trigger) has trigger words
    assert kinds == set(KINDS) - {"assessment"}


@pytest.mark.parametrize(
    "sentence,kind",
    [
        ("a wave of six russian tu-22m3 bombers launched 12 kh-22 cruise missiles", "strike"),
        ("air defence shot down 33 of the 40 missiles", "interception"),
        ("russian forces have taken sievierodonetsk", "territory_change"),
        ("ukrainian forces liberated the village of klishchiivka", "territory_change"),
        ("police detained 40 protesters in minsk", "arrest"),
        ("the removal of several russian generals", "personnel_change"),
        ("putin and lukashenko held a meeting in saint petersburg", "diplomacy"),
        ("heavy fighting continued near bakhmut", "battle"),
    ],
)
def test_knowledge_triggers_find_kind(sentence, kind):
    assert kind in {h.kind for h in tr.find_triggers(sentence)}


def test_knowledge_triggers_furniture():
    rx = tr.furniture_regex()
    assert rx.search("contact the author: stetson.payne@thewarzone.com")
    assert rx.search("we will continue to update this post with new information until we state otherwise.")
    assert not rx.search("as noted in our previous coverage, russian forces are likely headed for lysychansk")


def test_knowledge_triggers_reject_bad_pattern(monkeypatch):
    monkeypatch.setattr(tr, "_load_json", lambda name: {"version": 1, "groups": [{"kind": "strike", "patterns": ["Upper"]}]})
    tr.trigger_groups.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match="lower-case"):
            tr.trigger_groups()
    finally:
        tr.trigger_groups.cache_clear()


def test_knowledge_triggers_acled_covers_every_kind():
    table = tr.acled_table()
    assert set(table["kinds"]) >= set(KINDS)
    assert table["kinds"]["assessment"] is None
