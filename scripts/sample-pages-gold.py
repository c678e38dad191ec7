#!/usr/bin/env python3
"""Writes the annotators' worksheet of the blind news gold's eighth round (session 19,
tests/data/news-gold/heldout-6.jsonl): every sentence, as `hedge analyze --format jsonl` cuts
it, of the saved French news and opinion pages of ../shared/eval/web-pages-fr/pages — outlets
the genre data does not hold (Le Monde, Le Devoir, L'Opinion, DW, Bondy Blog, AOC, Gala…), read
for no label rule. Left out: laviedesidees.fr.evaluation.html (a 36 kB academic essay, 213
sentences: half the round on its own), readability-videos-2.html (a page of video captions),
and the `.expected.html` files (extraction answers, not pages).

The offsets are into the text hedge extracts from each page (what `hedge eval gold --articles
../shared/eval/web-pages-fr/pages` compares them with); the annotators read that extracted text
(written beside the worksheet, third-party text: outside the repository) and label blind,
following tests/data/news-gold/PROMPT.md.

usage: python3 scripts/sample-pages-gold.py OUT_DIR [HEDGE_BINARY]
       writes OUT_DIR/sentences-a.json, OUT_DIR/sentences-b.json (two halves, by page) and
       OUT_DIR/articles/<page>.txt
"""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, '..', '..', 'shared', 'eval', 'web-pages-fr', 'pages')
LEFT_OUT = {'laviedesidees.fr.evaluation.html', 'readability-videos-2.html'}


def main():
    out = sys.argv[1]
    hedge = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, '..', 'target', 'release', 'hedge')
    os.makedirs(os.path.join(out, 'articles'), exist_ok=True)
    pages = sorted(p for p in os.listdir(PAGES) if p.endswith('.html') and not p.endswith('.expected.html') and p not in LEFT_OUT)
    halves = {'a': [], 'b': []}
    total = 0
    for page in pages:
        d = json.loads(subprocess.run([hedge, 'analyze', os.path.join(PAGES, page), '--format', 'json'], capture_output=True, text=True, check=True).stdout)
        d = d['articles'][0] if 'articles' in d else d
        with open(os.path.join(out, 'articles', page[:-5] + '.txt'), 'w', encoding='utf8') as w:
            w.write(d['text'])
        rows = [{'id': f'{page[:-5]}-{k + 1:03d}', 'file': page, 'start': s['start'], 'end': s['end'], 'text': s['text']} for k, s in enumerate(d['sentences'])]
        # Pages alternate between the halves, the larger half always taking the next one last.
        half = 'a' if len(halves['a']) <= len(halves['b']) else 'b'
        halves[half] += rows
        total += len(rows)
        print(f'{page}: {len(rows)} sentences -> half {half}', file=sys.stderr)
    for half, rows in halves.items():
        with open(os.path.join(out, f'sentences-{half}.json'), 'w', encoding='utf8') as w:
            json.dump(rows, w, ensure_ascii=False, indent=0)
    print(f'{total} sentences of {len(pages)} pages', file=sys.stderr)


if __name__ == '__main__':
    main()
