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
import json, os, random, sys

from news_conditionals import occurrences

args = sys.argv[1:]
sheet = None
if '--worksheet' in args:
    k = args.index('--worksheet')
    sheet = args[k + 1]
    del args[k:k + 2]
directory = args[0] if args else '../shared/eval/fr-litbank-citations'
by = occurrences(directory)
population = sorted(x for fn, xs in by.items() if fn.endswith('.txt') for x in xs)
print('population', len(population), 'texts', len({x[0] for x in population}), file=sys.stderr)
drawn = sorted(random.Random(20261206).sample(population, 100))
rows = []
for k, (fn, bs, be, w) in enumerate(drawn):
    rows.append({"item": "fic-%03d" % k, "file": fn, "start": bs, "end": be, "word": w, "half": "F"})
    sys.stdout.write(json.dumps(rows[-1], ensure_ascii=False) + "\n")
if sheet:
    with open(sheet, 'w', encoding='utf8') as f:
        for r in rows:
            raw = open(os.path.join(directory, r['file']), 'rb').read()
            before = raw[:r['start']].decode('utf8')[-600:]
            after = raw[r['end']:].decode('utf8')[:200]
            f.write(json.dumps({"item": r['item'], "word": r['word'], "context": before + '[[' + r['word'] + ']]' + after}, ensure_ascii=False) + "\n")
