#!/usr/bin/env python3
"""What AUC (opinion > reporting) would the headline reach if every sentence were labelled right?

Issue 13 asks for AUC >= 0.90 on the SemEval-2023 genre articles. Part of those articles (66 of
the 74 opinion and reporting ones) also has a hand-made sentence gold: tests/data/news-gold/
(dev, dev-2, heldout, heldout-2, heldout-3, heldout-4, heldout-5; labelled blind by two annotators with the
seed-gold guidelines). Scoring those gold labels with the headline's own formula gives the AUC a
*perfect* labeller would reach, beside the program's headline and the regex baseline on the same
articles (both from `hedge eval genre --format json`). 95 % intervals: bootstrap over the
articles (2,000 resamples, seed 1).

usage: python3 scripts/genre-ceiling.py [HEDGE_BINARY]
"""
import collections, glob, json, os, random, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..')
GENRE = os.path.join(ROOT, '..', 'shared', 'eval', 'semeval2023-fr-genre')
GOLD_SETS = ['dev', 'dev-2', 'heldout', 'heldout-2', 'heldout-3', 'heldout-4', 'heldout-5']


def auc(scored):
    op = [s for s, g in scored if g == 'opinion']
    rp = [s for s, g in scored if g == 'reporting']
    return sum((o > r) + 0.5 * (o == r) for o in op for r in rp) / (len(op) * len(rp))


def interval(rows, key, rng):
    op = [r for r in rows if r['genre'] == 'opinion']
    rp = [r for r in rows if r['genre'] == 'reporting']
    values = []
    for _ in range(2000):
        sample = [rng.choice(op) for _ in op] + [rng.choice(rp) for _ in rp]
        values.append(auc([(key(r), r['genre']) for r in sample]))
    values.sort()
    return values[50], values[1949]


def main():
    hedge = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'target', 'release', 'hedge')
    out = subprocess.run([hedge, 'eval', 'genre', os.path.join(GENRE, 'labels.tsv'), os.path.join(GENRE, 'articles'),
                          '--format', 'json'], capture_output=True, text=True, check=True).stdout
    articles = {a['file']: a for a in json.loads(out)['articles']}
    gold = collections.defaultdict(list)
    for name in GOLD_SETS:
        for line in open(os.path.join(ROOT, 'tests', 'data', 'news-gold', name + '.jsonl'), encoding='utf8'):
            d = json.loads(line)
            gold[d['file']].append(d)

    def mean_points(points):
        def score(items):
            claims = [d for d in items if d['label'] != 'NONE']
            # A claim mostly inside a quotation gets the quoted base, as in the headline.
            return sum(35 if d.get('quote') else points[d['label']] for d in claims) / len(claims)
        return score

    def share(pred, sign=1):
        def score(items):
            claims = [d for d in items if d['label'] != 'NONE']
            return sign * sum(map(pred, claims)) / len(claims)
        return score

    gold_scores = [
        ('gold labels, base points (asserted/boosted 75, attributed/hedged/quoted 35)',
         mean_points({'ASSERTED': 75, 'BOOSTED': 75, 'ATTRIBUTED': 35, 'HEDGED': 35})),
        ('gold labels, with typical marker weights (boosted 100, hedged 12)',
         mean_points({'ASSERTED': 75, 'BOOSTED': 100, 'ATTRIBUTED': 35, 'HEDGED': 12})),
        ('gold: reported share (attributed or quoted), lower = opinion',
         share(lambda d: d['label'] == 'ATTRIBUTED' or bool(d.get('quote')), -1)),
        ('gold: own-voice asserted + boosted share',
         share(lambda d: d['label'] in ('ASSERTED', 'BOOSTED') and not d.get('quote'))),
        ('gold: boosted share', share(lambda d: d['label'] == 'BOOSTED')),
        ('gold: hedged share, lower = opinion', share(lambda d: d['label'] == 'HEDGED', -1)),
    ]
    rows = []
    for f, items in sorted(gold.items()):
        a = articles.get(f)
        if a is None or a['genre'] not in ('opinion', 'reporting') or not any(d['label'] != 'NONE' for d in items):
            continue
        row = {'file': f, 'genre': a['genre'], 'headline': a['assertiveness'], 'baseline': a['baseline']}
        for name, fn in gold_scores:
            row[name] = fn(items)
        rows.append(row)
    n_op = sum(r['genre'] == 'opinion' for r in rows)
    print(f'{len(rows)} articles with a sentence gold: {n_op} opinion, {len(rows) - n_op} reporting')
    rng = random.Random(1)
    print(f"{'score':78s} {'AUC':>6s}  95 % interval")
    measures = [(name, (lambda n: lambda r: r[n])(name)) for name, _ in gold_scores]
    measures += [('hedge headline (assertiveness, its own labels)', lambda r: r['headline']),
                 ('regex baseline (same run)', lambda r: r['baseline'])]
    for name, key in measures:
        lo, hi = interval(rows, key, rng)
        print(f'{name:78s} {auc([(key(r), r["genre"]) for r in rows]):6.3f}  {lo:.3f}-{hi:.3f}')


if __name__ == '__main__':
    main()
