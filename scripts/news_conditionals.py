"""Shared by the readings samplers (scripts/sample-readings-news*.py, sample-readings-fiction.py):
the population they draw from — every conditional form of
lexicons/markers/fr/generated/formes-verbales.tsv (tag `cond`, not the homographs of `choir`),
found as a word in the files of a folder (the genre articles, or the fr-litbank texts), with
its byte offsets — their command line and the annotators' worksheet.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
FORMS = os.path.join(HERE, '..', 'lexicons', 'markers', 'fr', 'generated', 'formes-verbales.tsv')
LABELS_AB = os.path.join(HERE, '..', 'tests', 'data', 'readings-news', 'labels.jsonl')


def conditional_forms():
    cond = set()
    for l in open(FORMS, encoding='utf8'):
        if l.startswith('#'):
            continue
        f, _lemma, tags = l.rstrip('\n').split('\t')
        if 'cond' in tags.split(',') and not f.startswith('cherr'):
            cond.add(f)
    return cond


def articles_dir():
    return sys.argv[1] if len(sys.argv) > 1 else '../shared/eval/semeval2023-fr-genre/articles'


def occurrences(directory, skip=frozenset()):
    """{file: [(file, start byte, end byte, word)]} in text order, leaving out (file, start) in skip."""
    cond = conditional_forms()
    by = {}
    for fn in sorted(os.listdir(directory)):
        t = open(os.path.join(directory, fn), 'rb').read().decode('utf8')
        for m in re.finditer(r"\w+", t):
            if m.group().lower() in cond:
                bs = len(t[:m.start()].encode())
                be = bs + len(m.group().encode())
                if (fn, bs) in skip:
                    continue
                by.setdefault(fn, []).append((fn, bs, be, m.group()))
    return by


def items_of(path):
    """(file, start) of the items of a labels JSONL file."""
    return {(d['file'], d['start']) for d in map(json.loads, open(path, encoding='utf8'))}


def write_items(rows, directory, sheet=None):
    """Writes `rows` (item, file, start, end, word, half) as JSONL on stdout and, with `sheet`, the
    annotators' worksheet: each item with 600 characters before the word and 200 after, the word
    marked [[like this]]. The worksheet must lie outside the repository (third-party text)."""
    for r in rows:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    if sheet:
        with open(sheet, 'w', encoding='utf8') as f:
            for r in rows:
                raw = open(os.path.join(directory, r['file']), 'rb').read()
                before = raw[:r['start']].decode('utf8')[-600:]
                after = raw[r['end']:].decode('utf8')[:200]
                f.write(json.dumps({"item": r['item'], "word": r['word'], "context": before + '[[' + r['word'] + ']]' + after}, ensure_ascii=False) + "\n")


def directory_and_sheet(default):
    """The command line of the samplers: `[DIR] [--worksheet FILE]` → (DIR or `default`, FILE or None)."""
    args = sys.argv[1:]
    sheet = None
    if '--worksheet' in args:
        k = args.index('--worksheet')
        sheet = args[k + 1]
        del args[k:k + 2]
    return (args[0] if args else default), sheet
