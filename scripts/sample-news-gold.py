#!/usr/bin/env python3
"""Draws the articles of the blind news gold (tests/data/news-gold/) and writes the annotators'
worksheet for one round.

The articles of ../shared/eval/semeval2023-fr-genre (labels.tsv): per round, 6 opinion and 6
reporting articles of a size window, drawn with a fixed seed among those no earlier round took:

  round 1 (dev.jsonl + heldout.jsonl)  seed 20261205, 1500-7000 bytes
  round 2 (heldout-2.jsonl)            seed 20261206, 1500-7000 bytes
  round 3 (dev-2.jsonl)                seed 20261207, 1500-8000 bytes
  round 4 (heldout-3.jsonl)            seed 20261208, 1500-9000 bytes; only 4 reporting
                                       articles were left in the window, so 6 opinion + 4
  round 5 (heldout-4.jsonl)            seed 20261209, 1500-9000 bytes; no reporting article
                                       was left at all, so 10 opinion
  round 6 (heldout-5.jsonl)            seed 20261210, 1500-10000 bytes; 10 opinion (session 16,
                                       drawn before any rule of that session was written)
  round 7 (dev-3.jsonl)                every article no earlier round took, of any size and
                                       genre (8 opinion, 6 satire; session 17). Not blind: the
                                       rule scans of sessions 11-16 had shown some of their
                                       sentences, so this round is a readable dev set

Round 1 was split by article: the first three opinion and first three reporting articles drawn
are dev, the others held out. The worksheet lists every sentence of the round's articles as
`hedge analyze --format jsonl` cuts it (id, file, byte offsets, text: third-party text, so write
it outside the repository); two annotators then labelled it blind, following
tests/data/news-gold/PROMPT.md (docs/ACCURACY.md, "News gold").

usage: python3 scripts/sample-news-gold.py ROUND [HEDGE_BINARY] > /tmp/sentences.json
       (the chosen files are printed on stderr)
"""
import json, os, random, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
GENRE = os.path.join(HERE, '..', '..', 'shared', 'eval', 'semeval2023-fr-genre')
ROUNDS = {1: (20261205, 7000, 6), 2: (20261206, 7000, 6), 3: (20261207, 8000, 6), 4: (20261208, 9000, 6),
          5: (20261209, 9000, 10), 6: (20261210, 10000, 10)}


def draw(round_no):
    """The articles of one round, by name."""
    rows = [l.split('\t') for l in open(os.path.join(GENRE, 'labels.tsv'), encoding='utf8').read().split('\n') if l.strip()]
    used = set()
    for r in range(1, round_no):
        used |= set(draw(r))
    if round_no == 7:
        return sorted(r[0] for r in rows if r[0] not in used)
    seed, top, per_label = ROUNDS[round_no]
    rng = random.Random(seed)
    chosen = []
    for label in ('opinion', 'reporting'):
        pool = sorted(r[0] for r in rows if r[1] == label and r[0] not in used
                      and 1500 <= os.path.getsize(os.path.join(GENRE, 'articles', r[0])) <= top)
        chosen += rng.sample(pool, min(per_label, len(pool)))
    return chosen


def main():
    round_no = int(sys.argv[1])
    hedge = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, '..', 'target', 'release', 'hedge')
    files = draw(round_no)
    print(' '.join(files), file=sys.stderr)
    items = []
    for f in files:
        out = subprocess.run([hedge, 'analyze', os.path.join(GENRE, 'articles', f), '--format', 'jsonl'],
                             capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            d = json.loads(line)
            if d.get('type') == 'sentence':
                items.append({"id": f"{f[:-4]}-{d['number']:03d}", "file": f, "start": d['start'], "end": d['end'], "text": d['text']})
    json.dump(items, sys.stdout, ensure_ascii=False, indent=0)


if __name__ == '__main__':
    main()
