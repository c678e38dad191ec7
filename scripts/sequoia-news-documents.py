#!/usr/bin/env python3
"""Rebuilds the regional news articles of UD French-Sequoia (the 524 `annodis.er_*` sentences:
L'Est Républicain, 1999) as text files, for a sentence gold of mainstream reporting (session 20,
tests/data/news-gold/dev-4.jsonl): the genre data is mostly opinion and alternative outlets, and
hedge scores lower on outlets it never read (heldout-6: 0.726 on title and body claims, against
0.837 on the genre data's held-out sets).

The sentences are numbered in reading order across Sequoia's train, dev and test files (1–524,
no gap). A sentence of at most 10 words with no final punctuation mark (« Gutenberg »,
« Amélioration de la sécurité », « Une nouvelle école pour la commune ») is a headline and
starts a new article; a one-sentence article joins the next one (a kicker before its headline).
Each article is written as its headlines (one paragraph each), then its other sentences as one
paragraph (tests/common/mod.rs, `write_sequoia_news`, rebuilds the same files for the tests).
Third-party text (LGPL-LR): written outside the repository only.

usage: python3 scripts/sequoia-news-documents.py OUT_DIR [--worksheet [HEDGE_BINARY]]
       writes OUT_DIR/sequoia-er-NNN.txt and prints the article count; with --worksheet, also
       the annotators' worksheet of the blind labelling (tests/data/news-gold/PROMPT.md):
       OUT_DIR/sentences-a.json and OUT_DIR/sentences-b.json, every sentence as
       `hedge analyze --format json` cuts it (offsets into the files above), articles
       alternating between the two halves
"""
import glob, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEQUOIA = os.path.join(HERE, '..', '..', 'shared', 'eval', 'ud-french', 'UD_French-Sequoia')


def sentences():
    found = {}
    for path in sorted(glob.glob(os.path.join(SEQUOIA, '*.conllu'))):
        sid = None
        with open(path, encoding='utf8') as f:
            for line in f:
                if line.startswith('# sent_id = '):
                    sid = line.split('=', 1)[1].strip()
                elif line.startswith('# text = ') and sid and sid.startswith('annodis.er_'):
                    found[int(sid.split('_')[1])] = line.split('=', 1)[1].strip()
    return [found[k] for k in sorted(found)]


def is_headline(s):
    return len(s.split()) <= 10 and not re.search(r'[.!?…:;»"”)]$', s)


def articles(sents):
    arts = []
    for s in sents:
        if is_headline(s) or not arts:
            arts.append([s])
        else:
            arts[-1].append(s)
    # A lone headline (kicker) joins the article after it.
    merged = []
    for a in arts:
        if merged and len(merged[-1]) == 1:
            merged[-1] += a
        else:
            merged.append(a)
    return merged


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    arts = articles(sentences())
    for k, a in enumerate(arts, 1):
        n_head = 1
        while n_head < len(a) and is_headline(a[n_head]):
            n_head += 1
        with open(os.path.join(out, f'sequoia-er-{k:03d}.txt'), 'w', encoding='utf8') as w:
            w.write('\n\n'.join(a[:n_head]) + '\n\n' + ' '.join(a[n_head:]) + '\n')
    print(f'{len(arts)} articles, {sum(len(a) for a in arts)} sentences', file=sys.stderr)
    if '--worksheet' in sys.argv[2:]:
        rest = [a for a in sys.argv[2:] if a != '--worksheet']
        worksheet(out, len(arts), rest[0] if rest else os.path.join(HERE, '..', 'target', 'release', 'hedge'))


def worksheet(out, n, hedge):
    halves = {'a': [], 'b': []}
    for k in range(1, n + 1):
        name = f'sequoia-er-{k:03d}.txt'
        d = json.loads(subprocess.run([hedge, 'analyze', os.path.join(out, name), '--format', 'json'], capture_output=True, text=True, check=True).stdout)
        d = d['articles'][0] if 'articles' in d else d
        rows = [{'id': f'{name[:-4]}-{i + 1:03d}', 'file': name, 'start': s['start'], 'end': s['end'], 'text': s['text']} for i, s in enumerate(d['sentences'])]
        # Articles alternate between the halves, the smaller half taking the next one.
        half = 'a' if len(halves['a']) <= len(halves['b']) else 'b'
        halves[half] += rows
    for half, rows in halves.items():
        with open(os.path.join(out, f'sentences-{half}.json'), 'w', encoding='utf8') as w:
            json.dump(rows, w, ensure_ascii=False, indent=0)
        print(f'half {half}: {len(rows)} sentences', file=sys.stderr)


if __name__ == '__main__':
    main()
