#!/usr/bin/env python3
"""Draws half D of the news conditionals: tests/data/readings-news/labels-d.jsonl.

Same population as scripts/sample-readings-news.py and -c.py (every conditional form of
lexicons/markers/fr/generated/formes-verbales.tsv, found as a word in the articles of
shared/eval/semeval2023-fr-genre/articles/), minus the items of halves A, B and C: every word
left, no draw (half C took at most 3 per article; these are the rest). Item ids news-d-NNN in
(file, start) order, half "D". Writes item, file, byte offsets, word and half (no text) as JSONL
on stdout; the readings were then added by blind annotators (docs/ACCURACY.md, "Session 21").

With --worksheet FILE it also writes, for annotators, each item with its context (600
characters before the word, 200 after, the word marked [[like this]]) as JSONL to FILE, which
must lie outside the repository: the articles are third-party text.

usage: python3 scripts/sample-readings-news-d.py [ARTICLES_DIR] [--worksheet FILE] > labels-d.jsonl
"""
import os, sys

from news_conditionals import LABELS_AB, items_of, directory_and_sheet, occurrences, write_items

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS_C = os.path.join(HERE, '..', 'tests', 'data', 'readings-news', 'labels-c.jsonl')

directory, sheet = directory_and_sheet('../shared/eval/semeval2023-fr-genre/articles')
by = occurrences(directory, skip=items_of(LABELS_AB) | items_of(LABELS_C))
out = sorted(x for xs in by.values() for x in xs)
print('remaining words', len(out), 'articles', len(by), file=sys.stderr)
rows = [{"item": "news-d-%03d" % k, "file": fn, "start": bs, "end": be, "word": w, "half": "D"} for k, (fn, bs, be, w) in enumerate(out)]
write_items(rows, directory, sheet)
