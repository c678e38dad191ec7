#!/usr/bin/env python3
"""Does the page's genre tell the reading of its conditionals? (issue 14, session 23)

Session 22 asked whether a page-level cue (reporting vs opinion) could decide the
journalistic-conditional defaults. The genre data (../shared/eval/semeval2023-fr-genre) labels
every page opinion, reporting or satire, and the readable news readings halves A and B
(tests/data/readings-news/labels.jsonl) are drawn from those pages. This prints, per genre, the
gold readings of those conditionals, and the items the hearsay defaults (`compound-hearsay`,
`state-hearsay`) decide with how many they get right. Halves C and D are held out and not used.

usage: python3 scripts/readings-by-genre.py [--hedge BINARY]
"""
import collections, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..')
args = sys.argv[1:]
hedge = args[args.index('--hedge') + 1] if '--hedge' in args else os.path.join(ROOT, 'target', 'release', 'hedge')
GENRE = os.path.join(ROOT, '..', 'shared', 'eval', 'semeval2023-fr-genre')
LABELS = os.path.join(ROOT, 'tests', 'data', 'readings-news', 'labels.jsonl')

genre = {}
for line in open(os.path.join(GENRE, 'labels.tsv')):
    parts = line.split()
    if len(parts) >= 2:
        genre[parts[0]] = parts[1]

items = [json.loads(l) for l in open(LABELS)]
gold = collections.Counter((genre[i['file']], i['reading']) for i in items)
pages = collections.Counter(genre[i['file']] for i in items)

defaults = collections.Counter()
by_id = {i['item']: i for i in items}
for half in ('A', 'B'):
    for rule in ('compound-hearsay', 'state-hearsay'):
        out = subprocess.run([hedge, 'eval', 'readings', LABELS, '--articles', os.path.join(GENRE, 'articles'), '--half', half, '--rule', rule],
                             capture_output=True, text=True, check=True).stdout
        for l in out.splitlines():
            m = re.match(r'(ok|ERR)\s+(\S+)\s', l)
            if not m:
                continue
            g = genre[by_id[m.group(2)]['file']]
            defaults[(g, 'decided')] += 1
            defaults[(g, 'right')] += m.group(1) == 'ok'

readings = ['hearsay', 'epistemic', 'attenuation', 'hypothetical', 'future_in_past']
print('genre'.ljust(10) + 'items'.rjust(6) + ''.join(r[:12].rjust(13) for r in readings) + '   hearsay defaults right / decided')
for g in sorted(pages):
    print(g.ljust(10) + str(pages[g]).rjust(6) + ''.join(str(gold[(g, r)]).rjust(13) for r in readings)
          + '   %d / %d' % (defaults[(g, 'right')], defaults[(g, 'decided')]))
print('news readings halves A and B (read); the genre is the outside label of the page.')
