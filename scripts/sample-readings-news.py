#!/usr/bin/env python3
"""Draws the sample of conditional-mood verbs behind tests/data/readings-news/labels.jsonl.

Fixed and seeded (random.Random(14)): every conditional form of lexicons/markers/fr/generated/
formes-verbales.tsv (tag `cond`, not the homographs of `choir`) found as a word in the 80
articles of shared/eval/semeval2023-fr-genre/articles/; at most 3 per article, drawn at random;
the articles are split in two halves A / B at random (alternating over a shuffled list).
Writes file, byte offsets, word and half (no text) as JSONL on stdout; the reading of each
item was then added by hand (docs/ACCURACY.md, "News conditionals").

usage: python3 scripts/sample-readings-news.py [ARTICLES_DIR] > sample.jsonl
"""
import json, random, sys

from news_conditionals import articles_dir, occurrences

by = occurrences(articles_dir())
rng = random.Random(14)
arts = sorted(by)
rng.shuffle(arts)
half = {a: ('A' if k % 2 == 0 else 'B') for k, a in enumerate(arts)}
out = []
for a in sorted(by):
    xs = list(by[a])
    rng.shuffle(xs)
    out += xs[:3]
print(len(out), len(by), sum(half[o[0]] == 'A' for o in out), file=sys.stderr)
out.sort()
for fn, bs, be, w in out:
    sys.stdout.write(json.dumps({"file": fn, "start": bs, "end": be, "word": w, "half": half[fn]}, ensure_ascii=False) + "\n")
