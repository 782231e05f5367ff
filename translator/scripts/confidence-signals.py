#!/usr/bin/env python3
"""Scores candidate confidence signals that ConfidenceSignals wrote (one TSV per model), as CalibrateConfidence scores
the one that ships: a logistic regression on standardised features, fitted on the even pairs of every set together,
then per set on the odd pairs the AUROC for "good" (sentence chrF >= 50) and the share of those at or above 0.5 that
are good. "pooled" is Tatoeba and FLORES together (everyday and general text).

    python3 translator/scripts/confidence-signals.py target/signals-en-de.tsv [...]

Needs numpy.
"""
import csv
import sys

import numpy as np

GOOD_CHRF = 50
SETS = ["tatoeba", "flores", "multi30k"]
FEATURES = [
    ["tp"],                        # what ships: the search's mean log P
    ["dmean"],                     # Monte Carlo dropout: mean log P over the passes
    ["tp", "dmean", "dstd"],       # ... with its spread
    ["tp", "ent"],                 # mean softmax entropy
    ["tp", "minlp"],               # the least likely token
    ["tp", "loglen", "ratio"],     # source length, target/source length
    ["tp", "dmean", "dstd", "ent", "minlp", "loglen", "ratio"],
    ["tp", "rt"],                  # round trip through the reverse model
    ["tp", "dmean", "dstd", "rt"],
]


def auroc(score, good):
    """Mann-Whitney: the chance that a good pair scores above a bad one, ties half."""
    pos, neg = score[good == 1], score[good == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    both = np.concatenate([pos, neg])
    order = np.argsort(both, kind="mergesort")
    ranks = np.empty(len(both))
    sorted_values = both[order]
    i = 0
    while i < len(both):
        j = i
        while j + 1 < len(both) and sorted_values[j + 1] == sorted_values[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return (ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def fit_logistic(x, y, ridge=1e-3):
    """Newton's method with a small ridge, intercept last."""
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x1.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-x1 @ w))
        gradient = x1.T @ (y - p) - ridge * np.r_[w[:-1], 0]
        hessian = (x1 * (p * (1 - p))[:, None]).T @ x1 + ridge * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w += step
        if np.abs(step).sum() < 1e-9:
            break
    return w


def matrix(rows, features):
    def column(name):
        if name == "loglen":
            return np.log([float(r["srclen"]) for r in rows])
        if name == "ratio":
            return np.log([float(r["hyplen"]) / float(r["srclen"]) for r in rows])
        return np.array([float(r[name]) for r in rows])
    return np.stack([column(f) for f in features], 1)


def report(path):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    has_round_trip = rows[0]["rt"] != "NaN"
    good = lambda rs: np.array([float(r["chrf"]) >= GOOD_CHRF for r in rs], dtype=float)
    fit = [r for r in rows if int(r["idx"]) % 2 == 0]
    check = [r for r in rows if int(r["idx"]) % 2 == 1]
    names = [s for s in SETS if any(r["set"] == s for r in rows)]
    groups = {s: [r for r in check if r["set"] == s] for s in names}
    groups["pooled"] = [r for r in check if r["set"] in ("tatoeba", "flores")]
    print(f"\n{path}: odd pairs " + ", ".join(f"{s} {len(g)} ({100 * good(g).mean():.1f}% good)"
                                         for s, g in groups.items()))
    print("| features | " + " | ".join(f"AUROC {s}" for s in groups) + " | ≥ 0.5 that are good: tatoeba / flores |")
    print("|---" * (len(groups) + 2) + "|")
    for features in FEATURES:
        if "rt" in features and not has_round_trip:
            continue
        x = matrix(fit, features)
        mean, spread = x.mean(0), x.std(0) + 1e-9
        w = fit_logistic((x - mean) / spread, good(fit))
        cells, precision = [], []
        for s, g in groups.items():
            z = (matrix(g, features) - mean) / spread
            p = 1 / (1 + np.exp(-(z @ w[:-1] + w[-1])))
            cells.append(f"{auroc(p, good(g)):.3f}")
            if s in ("tatoeba", "flores"):
                above = p >= 0.5
                precision.append(f"{100 * good(g)[above].mean():.0f}% of {above.sum()}" if above.any() else "–")
        print(f"| {' + '.join(features)} | " + " | ".join(cells) + " | " + " / ".join(precision) + " |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    for tsv in sys.argv[1:]:
        report(tsv)
