#!/usr/bin/env python3
"""Which reading rules hold on text they were not written from: for every rule of
src/classify/reading.rs, the items it decides and how many it gets right (five-way / hedge or
not), per readings set — the UD corpora and news halves A and B (read while writing rules)
beside the news halves C and D (never read); the fiction set (session 22) is read.

Counts only: no item text is printed (`hedge eval readings --verbose` is cut before its item
lines), so the held-out halves stay unread.

usage: python3 scripts/readings-by-rule.py [--hedge BINARY]
"""
import os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..')
args = sys.argv[1:]
hedge = os.path.join(ROOT, 'target', 'release', 'hedge')
if '--hedge' in args:
    hedge = args[args.index('--hedge') + 1]
EVAL = os.path.join(ROOT, '..', 'shared', 'eval')
ART = os.path.join(EVAL, 'semeval2023-fr-genre', 'articles')
RN = os.path.join(ROOT, 'tests', 'data', 'readings-news')
FIC = os.path.join(ROOT, 'tests', 'data', 'readings-fiction', 'labels.jsonl')
sets = [('UD', [os.path.join(EVAL, 'cnd-readings', 'dev.jsonl')]),
        ('news A', [os.path.join(RN, 'labels.jsonl'), '--articles', ART, '--half', 'A']),
        ('news B', [os.path.join(RN, 'labels.jsonl'), '--articles', ART, '--half', 'B']),
        ('news C*', [os.path.join(RN, 'labels-c.jsonl'), '--articles', ART, '--half', 'C']),
        ('news D*', [os.path.join(RN, 'labels-d.jsonl'), '--articles', ART, '--half', 'D'])]
if os.path.exists(FIC):
    sets.append(('fiction', [FIC, '--articles', os.path.join(EVAL, 'fr-litbank-citations'), '--half', 'F']))

table = {}
for name, a in sets:
    out = subprocess.run([hedge, 'eval', 'readings'] + a + ['--verbose'], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    k = next(i for i, l in enumerate(lines) if l.startswith('per rule'))
    for l in lines[k + 1:]:
        m = re.match(r'\s+(\S+)\s+(\d+)\s+(\d+)\s+(\d+)$', l)
        if not m:
            break  # the item lines start here: not read
        table.setdefault(m.group(1), {})[name] = tuple(int(x) for x in m.group(2, 3, 4))

names = [n for n, _ in sets]
print('rule'.ljust(30) + ''.join(n.rjust(14) for n in names))
print(' ' * 30 + ''.join('n 5w hedge'.rjust(14) for _ in names))
for rule in sorted(table, key=lambda r: -sum(v[0] for v in table[r].values())):
    cells = []
    for n in names:
        v = table[rule].get(n)
        cells.append(('%d %d %d' % v if v else '–').rjust(14))
    print(rule.ljust(30) + ''.join(cells))
print('* never read while writing rules (counts only). UD = GSD + ParTUT + Sequoia and the fiction set: read.')
