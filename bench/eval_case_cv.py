"""How far a small supervised layer on top of the rules would take CASE 2021 task 2 — measured
honestly, by stratified k-fold cross-validation (no snippet is ever scored by a model trained on it).

    .venv/bin/python bench/eval_case_cv.py [--folds 10] [--seed 0] [--embeddings FILE.npy]

Features per snippet: hashed lower-cased word unigrams and bigrams, plus the rule extractor's own
answer (the ACLED sub-type of its main event) and the kinds of all its events. Classifier:
multinomial logistic regression (numpy, full-batch gradient descent with L2). With --embeddings,
also sentence embeddings of the snippets (a float array, one row per snippet in file order, made
outside the project, e.g. with all-MiniLM-L6-v2), alone and with the rules' answer. Printed:
micro- and macro-F1 of the rules alone and of each model, all on the same folds.
Nothing here is shipped in the extractor; it is an experiment to size the gap.
"""

from __future__ import annotations

import argparse
import re
import sys
import zlib
from itertools import pairwise
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "tests" / "data" / "case2021_task2_dev.jsonl"
DIM = 1 << 13
_WORD = re.compile(r"[a-z][a-z'-]+|\d+")


def _h(tok: str) -> int:
    return zlib.crc32(tok.encode("utf-8")) & (DIM - 1)


def featurize(text: str, extra: list[str]) -> list[int]:
    words = _WORD.findall(text.lower())
    toks = words + [f"{a} {b}" for a, b in pairwise(words)]
    return [_h(t) for t in toks] + [_h("§" + e) for e in extra for _ in range(3)]


def matrix(rows: list[list[int]]) -> np.ndarray:
    x = np.zeros((len(rows), DIM), dtype=np.float32)
    for i, idx in enumerate(rows):
        for j in idx:
            x[i, j] += 1.0
    x = np.log1p(x)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-9)


def train(x: np.ndarray, y: np.ndarray, k: int, steps: int = 300, lr: float = 4.0, l2: float = 1e-4) -> np.ndarray:
    w = np.zeros((x.shape[1], k), dtype=np.float32)
    onehot = np.eye(k, dtype=np.float32)[y]
    for _ in range(steps):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ (p - onehot) / len(y) + l2 * w
        w -= lr * grad
    return w


def scores(gold: list[str], pred: list[str]) -> tuple[float, float]:
    labels = sorted(set(gold))
    micro = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    f1s = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return micro, sum(f1s) / len(f1s)


def folds(y: np.ndarray, k: int, seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    out: list[list[int]] = [[] for _ in range(k)]
    for lab in np.unique(y):
        idx = np.flatnonzero(y == lab)
        rng.shuffle(idx)
        for i, j in enumerate(idx):
            out[i % k].append(int(j))
    return [np.array(sorted(f)) for f in out]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--embeddings", type=Path, default=None, help="precomputed snippet embeddings (.npy)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from sitrep.evaluate import extract_gold, load_gold
    from sitrep.evaluate.scoring import case_prediction

    _fmt, docs = load_gold(CASE)
    events = extract_gold(docs)
    gold = [d.label or "" for d in docs]
    rules = [case_prediction(e) for e in events]
    labels = sorted(set(gold))
    y = np.array([labels.index(g) for g in gold])
    text_x = matrix([featurize(d.text, []) for d in docs])
    both_x = matrix([featurize(d.text, ["rule=" + r] + ["kind=" + e.kind for e in evs]) for d, r, evs in zip(docs, rules, events)])
    sets = [("text", text_x, 300), ("text+rules", both_x, 300)]
    if args.embeddings is not None:
        emb = np.load(args.embeddings).astype(np.float32)
        if emb.shape[0] != len(docs):
            raise SystemExit(f"{args.embeddings}: {emb.shape[0]} rows, expected {len(docs)} (one per snippet)")
        rule_x = np.eye(len(labels), dtype=np.float32)[[labels.index(r) for r in rules]]
        sets += [("embeddings", emb, 500), ("embeddings+rules", np.hstack([emb, rule_x]), 500)]
    preds = {name: [""] * len(docs) for name, _x, _n in sets}
    for test in folds(y, args.folds, args.seed):
        mask = np.ones(len(docs), dtype=bool)
        mask[test] = False
        for name, x, steps in sets:
            w = train(x[mask], y[mask], len(labels), steps=steps)
            for i, c in zip(test, (x[test] @ w).argmax(axis=1)):
                preds[name][i] = labels[c]
    print(f"CASE 2021 task 2, {len(docs)} snippets, {args.folds}-fold stratified cross-validation (seed {args.seed})")
    print(f"{'rules alone':>28}: micro-F1 {scores(gold, rules)[0]:.3f}  macro-F1 {scores(gold, rules)[1]:.3f}")
    for name, p in preds.items():
        mi, ma = scores(gold, p)
        print(f"{name + ' (cross-validated)':>28}: micro-F1 {mi:.3f}  macro-F1 {ma:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
