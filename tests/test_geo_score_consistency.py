"""The fast ranking and the explained score are one formula."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.geo import get_gazetteer
from sitrep.geo.normalize import fold, skeleton
from sitrep.geo.resolve import _cues
from sitrep.geo.scan import scan
from sitrep.geo.score import Ctx, Cues, explain_score, rank


def test_geo_score_rank_equals_explain() -> None:
    gaz = get_gazetteer()
    rows = [json.loads(x) for x in (Path(__file__).parent / "data" / "toponyms.jsonl").read_text().splitlines()]
    text = " ".join(r["text"] for r in rows[1:120])
    raws = scan(text, gaz)
    ctx = Ctx(countries={"UA"}, admin1s={("UA", "Donetsk")}, anchors=[(48.0, 37.8, "Donetsk", -1, 0.668, False), (50.45, 30.52, "Kyiv", 3, 0.637, True)])
    locals_, local_cc, _, earlier, _ = _cues(text, raws, gaz)
    checked = 0
    for k, rm in enumerate(raws):
        s = text[rm.start:rm.name_end]
        c = Cues(k, s, skeleton(s), fold(s), locals_[k], local_cc[k], earlier[k])
        for score, i in rank(gaz, rm, ctx, c):
            assert abs(score - explain_score(gaz, rm, i, ctx, c)[0]) < 1e-9
            checked += 1
    assert checked > 300
