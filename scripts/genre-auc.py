# Genre check (issue 14): per article of ../shared/eval/semeval2023-fr-genre, assertiveness and the share of
# claims attributed or quoted; AUC of opinion > reporting. Usage: python3 scripts/genre-auc.py [path/to/hedge]
import json, subprocess, sys
import os
D=os.path.join(os.environ.get('HEDGE_SHARED','../shared'),'eval/semeval2023-fr-genre')
hedge=sys.argv[1] if len(sys.argv)>1 else 'target/release/hedge'
labels=dict(l.split('\t') for l in open(D+'/labels.tsv').read().split('\n') if l)
out=subprocess.run([hedge,'compare',D+'/articles','--format','json'],capture_output=True,text=True).stdout
d=json.loads(out)
rows=[]
for a in d['articles']:
    name=a['file'].split('/')[-1]
    s=a['summary']
    rows.append((name,labels.get(name),s))
def auc(pos,neg):
    c=0
    for p in pos:
        for n in neg: c+= 1 if p>n else 0.5 if p==n else 0
    return c/(len(pos)*len(neg))
keys=None
def get(s,k):
    return s.get(k)
ex=rows[0][2]
if '-k' in sys.argv: print(json.dumps(ex,indent=1)[:3000]); sys.exit()
def share_att(s):
    own=s['claims']; q=s.get('quoted_claims',0)
    att=s['counts']['ATTRIBUTED']
    return (att+q)/max(1,own+q)
for name,fn in [('assertiveness',lambda s:s['assertiveness']),('1-share attributed or quoted',lambda s:1-share_att(s))]:
    pos=[fn(s) for n,l,s in rows if l=='opinion']; neg=[fn(s) for n,l,s in rows if l=='reporting']
    print(f'{name}: AUC opinion>reporting {auc(pos,neg):.3f} (n opinion {len(pos)}, reporting {len(neg)})')
pos=[share_att(s) for n,l,s in rows if l=='reporting']; neg=[share_att(s) for n,l,s in rows if l=='opinion']
print('mean share attributed/quoted: reporting %.3f opinion %.3f'%(sum(pos)/len(pos),sum(neg)/len(neg)))
