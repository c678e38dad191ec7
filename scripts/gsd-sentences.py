#!/usr/bin/env python3
"""Writes the sentences of UD French-GSD's dev file as one text file each, for a sentence gold
of general French web text (session 24, tests/data/gsd-gold/): Wikipedia, blogs, news, reviews,
shuffled by the treebank ("there is no way to know what is the source or the genre of a given
sentence", its README). The 14 news-gold sets are news and opinion pages; this one asks whether
the labels hold on the French of the web at large, one sentence at a time (the project's
kept-back discourse corpus is news and Wikipedia).

Every sentence of fr_gsd-ud-dev.conllu becomes OUT_DIR/gsd-dev_NNNNN.txt (its `# text` line and
a newline; NNNNN from its sent_id), which is what `hedge eval gold tests/data/gsd-gold/SET.jsonl
--articles OUT_DIR` reads (tests/common/mod.rs, `write_gsd_sentences`, writes the same files
for the tests). Third-party text (CC BY-SA 4.0): written outside the repository only.

With --worksheet, it also draws 320 sentences at random (seed 20261213) and writes the blind
annotators' worksheet OUT_DIR/sentences.json: each drawn file cut into sentences as `hedge
analyze --format json` cuts it (offsets into the file), with its half — "a" (to be read:
dev.jsonl) or "b" (held out: heldout.jsonl), alternating in draw order.

usage: python3 scripts/gsd-sentences.py OUT_DIR [--worksheet [HEDGE_BINARY]]
"""
import json, os, random, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
GSD = os.path.join(HERE, '..', '..', 'shared', 'eval', 'ud-french', 'UD_French-GSD', 'fr_gsd-ud-dev.conllu')
DRAWN = 320
SEED = 20261213


def sentences():
    """(file name, text) of every sentence, in the treebank's order."""
    found, sid = [], None
    with open(GSD, encoding='utf8') as f:
        for line in f:
            if line.startswith('# sent_id = '):
                sid = line.split('=', 1)[1].strip()
            elif line.startswith('# text = ') and sid:
                found.append((sid.replace('fr-ud-', 'gsd-') + '.txt', line.split('=', 1)[1].strip()))
                sid = None
    return found


def worksheet(out, sents, hedge):
    drawn = random.Random(SEED).sample(sents, DRAWN)
    rows = []
    for k, (name, _) in enumerate(drawn):
        d = json.loads(subprocess.run([hedge, 'analyze', os.path.join(out, name), '--format', 'json'], capture_output=True, text=True, check=True).stdout)
        d = d['articles'][0] if 'articles' in d else d
        for i, s in enumerate(d['sentences']):
            rows.append({'id': f'{name[:-4]}-{i + 1}', 'file': name, 'start': s['start'], 'end': s['end'], 'text': s['text'], 'half': 'ab'[k % 2]})
    with open(os.path.join(out, 'sentences.json'), 'w', encoding='utf8') as w:
        json.dump(rows, w, ensure_ascii=False, indent=0)
    print(f'{DRAWN} sentences drawn, {len(rows)} items ({sum(r["half"] == "a" for r in rows)} in half a)', file=sys.stderr)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    sents = sentences()
    for name, text in sents:
        with open(os.path.join(out, name), 'w', encoding='utf8') as w:
            w.write(text + '\n')
    print(f'{len(sents)} sentences written', file=sys.stderr)
    if '--worksheet' in sys.argv[2:]:
        rest = [a for a in sys.argv[2:] if a != '--worksheet']
        worksheet(out, sents, rest[0] if rest else os.path.join(HERE, '..', 'target', 'release', 'hedge'))


if __name__ == '__main__':
    main()
