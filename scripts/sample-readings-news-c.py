#!/usr/bin/env python3
"""Draws half C of the news conditionals: tests/data/readings-news/labels-c.jsonl.

Same population as scripts/sample-readings-news.py (every conditional form of
lexicons/markers/fr/generated/formes-verbales.tsv, tag `cond`, not the homographs of `choir`,
found as a word in the 80 articles of shared/eval/semeval2023-fr-genre/articles/), minus the
words that are already items of tests/data/readings-news/labels.jsonl (same file and start
byte). Fixed seed (random.Random(2026)): at most 3 of the remaining words per article, drawn at
random, then at most 70 items over all articles, drawn at random; every item gets half "C" and
an item id news-c-NNN in (file, start) order. Writes item, file, byte offsets, word and half (no
text) as JSONL on stdout; the reading of each item was then added by hand, blind to hedge
(docs/ACCURACY.md, "News conditionals, half C and a second annotator").

usage: python3 scripts/sample-readings-news-c.py [ARTICLES_DIR] > sample-c.jsonl
"""
import json, random, sys

from news_conditionals import LABELS_AB, articles_dir, items_of, occurrences

by = occurrences(articles_dir(), skip=items_of(LABELS_AB))
rng = random.Random(2026)
pool = []
for a in sorted(by):
    xs = list(by[a])
    rng.shuffle(xs)
    pool += xs[:3]
rng.shuffle(pool)
out = sorted(pool[:70])
print('remaining words', sum(len(v) for v in by.values()), 'articles', len(by), 'pool', len(pool),
      'drawn', len(out), 'articles drawn', len({o[0] for o in out}), file=sys.stderr)
for k, (fn, bs, be, w) in enumerate(out):
    sys.stdout.write(json.dumps({"item": "news-c-%03d" % k, "file": fn, "start": bs, "end": be, "word": w, "half": "C"}, ensure_ascii=False) + "\n")
