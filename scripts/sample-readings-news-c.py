#!/usr/bin/env python3
"""Draws half C of the news conditionals: tests/data/readings-news/labels-c.jsonl.

Same population as scripts/sample-readings-news.py (every conditional form of
lexicons/markers/fr/generated/formes-verbales.tsv, tag `cond`, not the homographs of `choir`,
found as a word in the 80 articles of shared/eval/semeval2023-fr-genre/articles/), minus the
words that are already items of tests/data/readings-news/labels.jsonl (same file and start
byte). Fixed seed (random.Random(2026)): at most 3 of the remaining words per article, drawn at
random, then at most 70 items over all articles, drawn at random; every item gets half "C" and
an item id news-c-NNN in (file, start) order. Writes item, file, byte offsets, word and half (no
text) as JSONL on stdout; the reading of each item was then added by hand, blind to hedge
(docs/ACCURACY.md, "News conditionals, half C and a second annotator").

usage: python3 scripts/sample-readings-news-c.py [ARTICLES_DIR] > sample-c.jsonl
"""
import re,os,json,random,sys
HERE=os.path.dirname(os.path.abspath(__file__))
T=os.path.join(HERE,'..','lexicons','markers','fr','generated','formes-verbales.tsv')
L=os.path.join(HERE,'..','tests','data','readings-news','labels.jsonl')
cond=set()
for l in open(T,encoding='utf8'):
    if l.startswith('#'): continue
    f,lem,tags=l.rstrip('\n').split('\t')
    if 'cond' in tags.split(',') and not f.startswith('cherr'): cond.add(f)
old=set()
for l in open(L,encoding='utf8'):
    d=json.loads(l); old.add((d['file'],d['start']))
D=sys.argv[1] if len(sys.argv)>1 else '../shared/eval/semeval2023-fr-genre/articles'
by={}
for fn in sorted(os.listdir(D)):
    t=open(os.path.join(D,fn),'rb').read().decode('utf8')
    for m in re.finditer(r"\w+",t):
        if m.group().lower() in cond:
            bs=len(t[:m.start()].encode()); be=bs+len(m.group().encode())
            if (fn,bs) in old: continue
            by.setdefault(fn,[]).append((fn,bs,be,m.group()))
rng=random.Random(2026)
pool=[]
for a in sorted(by):
    xs=list(by[a]); rng.shuffle(xs); pool+=xs[:3]
rng.shuffle(pool)
out=sorted(pool[:70])
print('remaining words',sum(len(v) for v in by.values()),'articles',len(by),'pool',len(pool),
      'drawn',len(out),'articles drawn',len({o[0] for o in out}),file=sys.stderr)
for k,(fn,bs,be,w) in enumerate(out):
    sys.stdout.write(json.dumps({"item":"news-c-%03d"%k,"file":fn,"start":bs,"end":be,"word":w,"half":"C"},ensure_ascii=False)+"\n")
