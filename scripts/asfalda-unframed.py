# Issue 14: a proxy for attribution false positives on UD_French-Sequoia. Every Sequoia sentence
# is analysed; the script counts the sentences hedge labels ATTRIBUTED and, of their counted
# attribution markers, those in sentences that carry no ASFALDA speech/source frame (most are
# word-sense errors: « la dose recommandée », « selon un processus »; ASFALDA is not exhaustive,
# so some are real reports). Usage, from the repository root:
#   python3 scripts/asfalda-unframed.py target/release/hedge [-v]
import collections, glob, json, os, subprocess, sys, tempfile

shared = os.path.join(os.environ.get('HEDGE_SHARED', '../shared'), 'eval')
hedge = sys.argv[1] if len(sys.argv) > 1 else 'target/release/hedge'
texts = []
for f in sorted(glob.glob(os.path.join(shared, 'ud-french/UD_French-Sequoia/*.conllu'))):
    for line in open(f, encoding='utf-8'):
        if line.startswith('# text = '):
            texts.append(line[9:].rstrip('\n'))
framed = set()
for line in open(os.path.join(shared, 'asfalda-french-framenet-sequoia/asfalda_sequoia.jsonl'), encoding='utf-8'):
    d = json.loads(line)
    names = {fe['name'] for fe in d['fes'] if 'start' in fe}
    if d['frame'] in ('FR_Attributed_information', 'FR_Quoting') or 'Speaker' in names or 'Source' in names:
        framed.add(d['text'].replace(' ', ''))
path = os.path.join(tempfile.mkdtemp(), 'sequoia.txt')
with open(path, 'w', encoding='utf-8') as f:
    f.write('\n\n'.join(texts) + '\n')
out = subprocess.run([hedge, 'analyze', path, '--format', 'json', '--input-format', 'text'], capture_output=True, text=True, check=True).stdout
n_att = 0
unframed = collections.Counter()
examples = collections.defaultdict(list)
for s in json.loads(out)['articles'][0]['sentences']:
    if s['label'] != 'ATTRIBUTED':
        continue
    n_att += 1
    key = s['text'].replace(' ', '')
    if any(key in k or k in key for k in framed):
        continue
    for m in s['markers']:
        if m['category'] == 'attribution' and m['counted']:
            unframed[m['id']] += 1
            examples[m['id']].append(s['text'][:200])
print('ATTRIBUTED sentences', n_att, '; counted attribution markers in sentences with no ASFALDA speech/source frame:', sum(unframed.values()))
if '-v' in sys.argv:
    for k, v in unframed.most_common():
        print(v, k)
        for e in examples[k][:6]:
            print('     ', e)
