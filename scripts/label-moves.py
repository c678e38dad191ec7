#!/usr/bin/env python3
"""Which sentences a rule change moves: runs two builds of hedge on every genre-data article,
the seeds and all UD French text, and prints each sentence whose label or counted markers
differ — except in the held-out articles, whose moves are only counted, never printed (the
articles of tests/data/news-gold/heldout*.jsonl and of the readings halves C and D,
tests/data/readings-news/labels-c.jsonl and labels-d.jsonl, but the six dev-3.jsonl opened;
and, in the UD text, the GSD sentences of tests/data/gsd-gold/heldout.jsonl). The command behind the "readable moves" columns of
docs/ACCURACY.md (sessions 16 and 17; earlier sessions used a throw-away copy of it).

usage: python3 scripts/label-moves.py OLD_HEDGE NEW_HEDGE [-- ARGS FOR THE NEW BUILD]
       python3 scripts/label-moves.py /tmp/hedge-before target/release/hedge
       python3 scripts/label-moves.py target/release/hedge target/release/hedge -- --rules my/scoring.toml
"""
import bisect, glob, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..')
SHARED = os.path.join(ROOT, '..', 'shared', 'eval')
ARTICLES = os.path.join(SHARED, 'semeval2023-fr-genre', 'articles')


def files_of(paths):
    out = set()
    for path in paths:
        for line in open(path, encoding='utf8'):
            if line.strip():
                out.add(json.loads(line)['file'])
    return out


def held_out():
    """File names of the articles no rule may be read from: the held-out news gold, and the
    articles of readings halves C and D but the six that dev-3.jsonl opened in session 17 (their
    sentences were read for labels then; docs/ACCURACY.md, "Session 17")."""
    gold = os.path.join(ROOT, 'tests', 'data', 'news-gold')
    readings_c = files_of([os.path.join(ROOT, 'tests', 'data', 'readings-news', f) for f in ('labels-c.jsonl', 'labels-d.jsonl')
                           if os.path.exists(os.path.join(ROOT, 'tests', 'data', 'readings-news', f))])
    opened = files_of([os.path.join(gold, 'dev-3.jsonl')])
    return files_of(glob.glob(os.path.join(gold, 'heldout*.jsonl'))) | (readings_c - opened)


def held_out_gsd():
    """The GSD sentences of the held-out GSD gold (tests/data/gsd-gold/heldout.jsonl, session 24,
    one file per sentence named after its sent_id): their moves in the UD text are only counted."""
    path = os.path.join(ROOT, 'tests', 'data', 'gsd-gold', 'heldout.jsonl')
    if not os.path.exists(path):
        return set()
    return {'fr-ud-' + f[len('gsd-'):-len('.txt')] for f in files_of([path])}


def ud_text(path, hidden_ids):
    """Every sentence of the UD French treebanks, one paragraph each. Returns the byte offsets
    of the paragraphs, and those whose sent_id is in `hidden_ids`."""
    starts, hidden, at, sid = [], set(), 0, None
    with open(path, 'w', encoding='utf8') as out:
        for conllu in sorted(glob.glob(os.path.join(SHARED, 'ud-french', '*', '*.conllu'))):
            for line in open(conllu, encoding='utf8'):
                if line.startswith('# sent_id = '):
                    sid = line.split('=', 1)[1].strip()
                elif line.startswith('# text = '):
                    para = line[len('# text = '):].rstrip('\n') + '\n\n'
                    starts.append(at)
                    if sid in hidden_ids:
                        hidden.add(at)
                    out.write(para)
                    at += len(para.encode('utf8'))
    return starts, hidden


def sentences(hedge, path, extra):
    args = [hedge, 'analyze', path, '--format', 'jsonl'] + extra
    out = subprocess.run(args, capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        d = json.loads(line)
        if d.get('type') == 'sentence':
            # Full ids (a marker that changes family moves), readings, counted or not.
            markers = tuple((m['id'], m['counted'], m.get('reading')) for m in d['markers'])
            rows[d['start']] = (d['label'], markers, d['text'], d.get('voice'))
    return rows


def short(markers):
    """« visiblement », « conditionnel-:hypothetical » (« - »: not counted)."""
    return [m[0].split('.')[-1] + ('' if m[1] else '-') + (':' + m[2] if m[2] else '') for m in markers]


def main():
    argv = sys.argv[1:]
    extra = argv[argv.index('--') + 1:] if '--' in argv else []
    argv = argv[:argv.index('--')] if '--' in argv else argv
    if len(argv) != 2:
        sys.exit(__doc__)
    old, new = argv
    hidden = held_out()
    with tempfile.TemporaryDirectory() as tmp:
        ud = os.path.join(tmp, 'ud-all.txt')
        para_starts, hidden_ud = ud_text(ud, held_out_gsd())
        files = sorted(glob.glob(os.path.join(ARTICLES, '*.txt'))) + sorted(glob.glob(os.path.join(ROOT, 'seeds', '*.txt'))) + [ud]
        moved, hidden_moves = 0, 0
        for f in files:
            text_args = ['--input-format', 'text'] if f == ud else []
            a, b = sentences(old, f, text_args), sentences(new, f, text_args + extra)
            for start, after in sorted(b.items()):
                before = a.get(start)
                if before == after:
                    continue
                if os.path.basename(f) in hidden or (f == ud and para_starts[bisect.bisect_right(para_starts, start) - 1] in hidden_ud):
                    hidden_moves += before is None or before[0] != after[0]
                    continue
                moved += 1
                was = before[:2] if before else ('?', ())
                print(f"{os.path.basename(f)[:18]:18} {was[0]:10} -> {after[0]:10} {short(was[1])} -> {short(after[1])}\n     {after[2][:300]}")
        print(f"moved readable: {moved}; held-out label moves (counted, not shown): {hidden_moves}")


if __name__ == '__main__':
    main()
