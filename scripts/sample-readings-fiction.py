#!/usr/bin/env python3
"""Draws a readings set from French fiction: tests/data/readings-fiction/labels.jsonl.

Population: every conditional form of lexicons/markers/fr/generated/formes-verbales.tsv found
as a word in the .txt files of shared/eval/fr-litbank-citations/ (scripts/news_conditionals.py,
574 words in 18 texts). A random 100 of them (seed 20261206), in (file, start) order, ids
fic-NNN, half "F". Writes item, file, byte offsets, word and half (no text) as JSONL on stdout;
the readings were then added by blind annotators (docs/ACCURACY.md, "Session 22").

With --worksheet FILE it also writes, for annotators, each item with its context (600
characters before the word, 200 after, the word marked [[like this]]) as JSONL to FILE, which
must lie outside the repository: the texts are third-party.

usage: python3 scripts/sample-readings-fiction.py [TEXTS_DIR] [--worksheet FILE] > labels.jsonl
"""
import random, sys

from news_conditionals import directory_and_sheet, occurrences, write_items

directory, sheet = directory_and_sheet('../shared/eval/fr-litbank-citations')
by = occurrences(directory)
population = sorted(x for fn, xs in by.items() if fn.endswith('.txt') for x in xs)
print('population', len(population), 'texts', len({x[0] for x in population}), file=sys.stderr)
drawn = sorted(random.Random(20261206).sample(population, 100))
rows = [{"item": "fic-%03d" % k, "file": fn, "start": bs, "end": be, "word": w, "half": "F"} for k, (fn, bs, be, w) in enumerate(drawn)]
write_items(rows, directory, sheet)
