#!/usr/bin/env python3
"""Pools the title-and-body confusion of `hedge eval gold` over several news-gold sets
(tests/data/news-gold/SET.jsonl), and prints per-label precision and recall of the pool.

Counts only: the sentences are not printed, so a held-out set can be pooled without being read
(docs/ACCURACY.md, "Session 16"). As in `hedge eval gold`, a claim in a quoted voice counts as
ATTRIBUTED.

usage: python3 scripts/news-gold-confusion.py [--hedge BINARY] SET [SET ...]
       python3 scripts/news-gold-confusion.py heldout heldout-2 heldout-3 heldout-4 heldout-5
       python3 scripts/news-gold-confusion.py heldout-6     (the saved web pages, session 19)
       python3 scripts/news-gold-confusion.py dev-4         (Sequoia's regional news, session 20)
       python3 scripts/news-gold-confusion.py gsd-dev gsd-heldout
                                   (UD French-GSD's web sentences, session 24: tests/data/gsd-gold/)
"""
import atexit, collections, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..')
ARTICLES = os.path.join(ROOT, '..', 'shared', 'eval', 'semeval2023-fr-genre', 'articles')
# heldout-6 (session 19) is made of the saved web pages.
PAGES = os.path.join(ROOT, '..', 'shared', 'eval', 'web-pages-fr', 'pages')
LABELS = ['ATTRIBUTED', 'HEDGED', 'BOOSTED', 'ASSERTED', 'NONE']


def sequoia_articles():
    """dev-4 (session 20) is made of Sequoia's Est Républicain articles, rebuilt in a temporary
    folder by scripts/sequoia-news-documents.py (third-party text, never kept in the repository)."""
    out = tempfile.mkdtemp(prefix='hedge-sequoia-news-')
    atexit.register(shutil.rmtree, out, True)
    subprocess.run([sys.executable, os.path.join(HERE, 'sequoia-news-documents.py'), out], check=True, capture_output=True)
    return out


def gsd_sentences():
    """The GSD sets (session 24) point into one file per sentence of UD French-GSD's dev file,
    written in a temporary folder by scripts/gsd-sentences.py (third-party text)."""
    out = tempfile.mkdtemp(prefix='hedge-gsd-')
    atexit.register(shutil.rmtree, out, True)
    subprocess.run([sys.executable, os.path.join(HERE, 'gsd-sentences.py'), out], check=True, capture_output=True)
    return out


def confusion(hedge, name):
    if name.startswith('gsd-'):
        gold = os.path.join(ROOT, 'tests', 'data', 'gsd-gold', name[4:] + '.jsonl')
        dirs = [gsd_sentences()]
    else:
        gold = os.path.join(ROOT, 'tests', 'data', 'news-gold', name + '.jsonl')
        dirs = [ARTICLES, PAGES] + ([sequoia_articles()] if name == 'dev-4' else [])
    args = [a for d in dirs for a in ('--articles', d)]
    out = subprocess.run([hedge, 'eval', 'gold', gold] + args, capture_output=True, text=True, check=True).stdout.splitlines()
    start = next(k for k, l in enumerate(out) if l.startswith('title and body claims'))
    table = next(k for k in range(start, len(out)) if out[k].startswith('confusion'))
    counts = collections.Counter()
    for row in out[table + 2:table + 2 + len(LABELS)]:
        cells = row.split()
        for col, value in zip(LABELS, cells[1:]):
            counts[(cells[0], col)] += int(value)
    return counts


def main():
    args = sys.argv[1:]
    hedge = os.path.join(ROOT, 'target', 'release', 'hedge')
    if args[:1] == ['--hedge']:
        hedge, args = args[1], args[2:]
    if not args:
        sys.exit(__doc__)
    total = collections.Counter()
    for name in args:
        total.update(confusion(hedge, name))
    n = sum(total.values())
    print(f"{', '.join(args)}: {n} title and body claims, accuracy {sum(total[(l, l)] for l in LABELS) / n:.3f}")
    print('gold \\ hedge ' + ''.join(f'{l[:10]:>11}' for l in LABELS))
    for g in LABELS:
        print(f'{g:13}' + ''.join(f'{total[(g, h)]:11}' for h in LABELS))
    for l in LABELS[:4]:
        predicted = sum(total[(g, l)] for g in LABELS)
        support = sum(total[(l, h)] for h in LABELS)
        p = total[(l, l)] / predicted if predicted else float('nan')
        r = total[(l, l)] / support if support else float('nan')
        print(f'{l:11} precision {p:.2f}  recall {r:.2f}  (support {support})')


if __name__ == '__main__':
    main()
