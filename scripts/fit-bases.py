#!/usr/bin/env python3
"""Can the points of each label be fitted to genre labels? (docs/SCORE.md)

Runs `hedge analyze --format json` on every opinion/reporting article of a genre label file,
counts each article's claims per class (quoted, attributed, hedged, boosted, asserted), then
  1. grid-searches the five bases (0..100) for the best in-sample AUC (opinion > reporting);
  2. estimates how that fit generalises: 5-fold cross-validation, the grid fitted on 4 folds
     and the AUC of the pooled held-out predictions, over 5 shuffles (seeded).
If the cross-validated AUC is well under the in-sample one, the fitted bases fit noise.

usage: scripts/fit-bases.py LABELS.tsv DIR [--hedge target/release/hedge]
"""
import itertools, json, random, subprocess, sys
from pathlib import Path

def auc(pos, neg):
    s = sum(1.0 if p > q else 0.5 if p == q else 0.0 for p in pos for q in neg)
    return s / (len(pos) * len(neg))

def counts(hedge, path):
    out = subprocess.run([hedge, "analyze", "--format", "json", str(path)], capture_output=True, text=True, check=True).stdout
    c = dict(q=0, att=0, hed=0, boo=0, ass=0)
    for s in json.loads(out)["articles"][0]["sentences"]:
        if s["excluded"] or s["label"] == "NONE":
            continue
        key = "q" if s["voice"] == "quoted" else {"ATTRIBUTED": "att", "HEDGED": "hed", "BOOSTED": "boo", "ASSERTED": "ass"}[s["label"]]
        c[key] += 1
    return c

def score(c, w):
    n = sum(c.values())
    return sum(w[k] * c[k] for k in c) / n if n else 0.0

def fold_auc(items, w):
    return auc([score(c, w) for g, c in items if g == "opinion"], [score(c, w) for g, c in items if g == "reporting"])

def main():
    args = sys.argv[1:]
    hedge = "target/release/hedge"
    if "--hedge" in args:
        i = args.index("--hedge"); hedge = args[i + 1]; del args[i:i + 2]
    labels, d = Path(args[0]), Path(args[1])
    items = []
    for line in labels.read_text(encoding="utf-8-sig").splitlines():
        if "\t" not in line:
            continue
        f, g = line.split("\t", 1)
        if g.strip() in ("opinion", "reporting"):
            items.append((g.strip(), counts(hedge, d / f)))
    vals = [0, 15, 35, 50, 75, 100]
    grid = [dict(q=q, att=a, hed=h, boo=b, ass=75) for q, a, h, b in itertools.product(vals, vals, vals, [75, 100])]
    today = dict(q=35, att=35, hed=35, boo=75, ass=75)
    best = max(grid, key=lambda w: fold_auc(items, w))
    print(f"articles: {len(items)}; grid of {len(grid)} base settings (asserted fixed at 75)")
    print(f"bases of scoring.toml (no marker weights): in-sample AUC {fold_auc(items, today):.3f}")
    print(f"best grid bases {best}: in-sample AUC {fold_auc(items, best):.3f}")
    rng = random.Random(1)
    cv = []
    for _ in range(5):
        rng.shuffle(items)
        folds = [items[i::5] for i in range(5)]
        preds = []
        for i in range(5):
            train = [x for j, f in enumerate(folds) if j != i for x in f]
            w = max(grid, key=lambda w: fold_auc(train, w))
            preds += [(g, score(c, w)) for g, c in folds[i]]
        cv.append(auc([s for g, s in preds if g == "opinion"], [s for g, s in preds if g == "reporting"]))
    print("5-fold cross-validated AUC of the fitted bases, 5 shuffles: " + ", ".join(f"{x:.3f}" for x in cv))

if __name__ == "__main__":
    main()
