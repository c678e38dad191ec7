#!/usr/bin/env python3
"""Draws the sample of conditional-mood verbs behind tests/data/readings-news/labels.jsonl.

Fixed and seeded (random.Random(14)): every conditional form of lexicons/markers/fr/generated/
formes-verbales.tsv (tag `cond`, not the homographs of `choir`) found as a word in the 80
articles of shared/eval/semeval2023-fr-genre/articles/; at most 3 per article, drawn at random;
the articles are split in two halves A / B at random (alternating over a shuffled list).
Writes file, byte offsets, word and half (no text) as JSONL on stdout; the reading of each
item was then added by hand (docs/ACCURACY.md, "News conditionals").

usage: python3 scripts/sample-readings-news.py [ARTICLES_DIR] > sample.jsonl
"""
import re,os,json,random,sys
T=os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','lexicons','markers','fr','generated','formes-verbales.tsv')
cond=set()
for l in open(T,encoding='utf8'):
    if l.startswith('#'): continue
    f,lem,tags=l.rstrip('\n').split('\t')
    if 'cond' in tags.split(',') and not f.startswith('cherr'): cond.add(f)
D=sys.argv[1] if len(sys.argv)>1 else '../shared/eval/semeval2023-fr-genre/articles'
by={}
for fn in sorted(os.listdir(D)):
    t=open(os.path.join(D,fn),'rb').read().decode('utf8')
    for m in re.finditer(r"\w+",t):
        if m.group().lower() in cond:
            bs=len(t[:m.start()].encode()); be=bs+len(m.group().encode())
            by.setdefault(fn,[]).append((fn,bs,be,m.group()))
rng=random.Random(14)
arts=sorted(by); rng.shuffle(arts)
half={a:('A' if k%2==0 else 'B') for k,a in enumerate(arts)}
out=[]
for a in sorted(by):
    xs=list(by[a]); rng.shuffle(xs); out+=xs[:3]
print(len(out), len(by), sum(half[o[0]]=='A' for o in out), file=sys.stderr)
out.sort()
if True:
    f=sys.stdout
    for fn,bs,be,w in out:
        f.write(json.dumps({"file":fn,"start":bs,"end":be,"word":w,"half":half[fn]},ensure_ascii=False)+"\n")
