from sitrep.extract.sentences import split_sentences


def test_extract_sentences_offsets_and_abbreviations():
    text = "Gen. Valery Gerasimov visited the front. Russian forces shelled Kharkiv!\nU.S. officials said 12 missiles hit Lviv."
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Gen. Valery Gerasimov visited the front.",
        "Russian forces shelled Kharkiv!",
        "U.S. officials said 12 missiles hit Lviv.",
    ]
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_extract_sentences_furniture_is_marked_not_dropped():
    text = "Missiles hit Odesa overnight.\nContact the author: someone@example.com\nSign up for our newsletter"
    sents = split_sentences(text)
    assert [s.furniture for s in sents] == [False, True, True]


def test_extract_sentences_long_runs_are_cut():
    text = "word " * 2000
    sents = split_sentences(text)
    assert len(sents) > 1 and all(len(s.text) <= 1500 for s in sents)
