"""Passage fingerprints and diffs: what a re-read page or feed has that is new or edited."""

from __future__ import annotations

from sitrep.model import Document
from sitrep.watch import KnownPassage, diff_passages, fingerprint, split_passages

A = "Russian missiles hit Kharkiv on Monday, killing three people, the governor said."
B = "Air defence shot down 12 drones over Kyiv overnight, the city administration said."
A2 = "Russian missiles hit Kharkiv on Monday, killing four people, the governor said."


def _page(*paras: str) -> list[Document]:
    text = "\n".join(paras)
    return [Document(Document.make_id(text), text, origin="https://example.org/live")]


def _known(*paras: str) -> list[KnownPassage]:
    return [KnownPassage(fingerprint(p), None, Document.make_id(p), p) for p in paras]


def test_watch_fingerprint_ignores_case_and_spacing():
    assert fingerprint("Russian  missiles\nhit Kharkiv") == fingerprint("russian missiles hit kharkiv ")
    assert fingerprint(A) != fingerprint(A2)


def test_watch_page_passages_are_its_paragraphs():
    passages = split_passages(_page("Live", A, "", B, A))
    assert [p.text for p in passages] == ["Live", A, B]  # a repeated paragraph counts once
    assert all(p.key is None for p in passages)


def test_watch_diff_new_edited_unchanged_gone():
    diff = diff_passages(_known(A, "Old paragraph that was removed from the page entirely."), split_passages(_page(B, A2)))
    assert [p.text for p in diff.new] == [B]
    assert [(old.text, new.text) for old, new in diff.edited] == [(A, A2)]
    assert [k.text for k in diff.gone] == ["Old paragraph that was removed from the page entirely."]
    again = diff_passages(_known(B, A2), split_passages(_page(B, A2)))
    assert not again.new and not again.edited and len(again.unchanged) == 2


def test_watch_feed_entries_are_keyed_by_link():
    entries = [Document("d1", A2, url="https://example.org/a", origin="feed.xml#2"),
               Document("d2", B, url="https://example.org/b", origin="feed.xml#1")]
    known = [KnownPassage(fingerprint(A), "https://example.org/a", "dA", A)]
    diff = diff_passages(known, split_passages(entries))
    assert [p.key for p in diff.new] == ["https://example.org/b"]
    assert [(o.key, n.key) for o, n in diff.edited] == [("https://example.org/a", "https://example.org/a")]
