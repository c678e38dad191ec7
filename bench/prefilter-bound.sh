#!/usr/bin/env bash
# What the prefilter of issue 18 (items 1-3) can gain at best, measured (session 19).
#
# An oracle splits the sentences of 20 MB of news text (bench/news-corpus.sh: the seeds and the
# genre articles, repeated), by hedge's own output, into those any
# prefilter must send to the full analysis (a marker, counted or not; a quoted voice; a
# quotation character: all of them are output) and those a cheap pass could settle alone. Both
# halves are written 6 sentences to a paragraph and timed, one thread, streamed, interleaved
# with `wc -w` on the whole corpus (hyperfine, 7 runs each, the fastest kept: the least disturbed
# on this shared machine). The best a prefilter design can do is a pass
# over every byte plus today's full analysis of the flagged half; the script prints what that
# gives against `wc -w`, and how much faster the flagged analysis itself must become for the
# issue's 0.5x target. It also prints the flagged share of bench/run.sh's corpus (UD French
# sentences and the seeds, bench/corpus.py).
#
# Needs: python3, hyperfine and ../shared.
# Usage: bench/prefilter-bound.sh [HEDGE]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/news-corpus.sh
python3 bench/corpus.py > /dev/null
HEDGE=${1:-target/release/hedge}
[[ $# -ge 1 ]] || cargo build --release --quiet
C=bench/corpus/plain-20mb.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$HEDGE" analyze "$C" --input-format text --format jsonl --threads 2 > "$work/all.jsonl"
"$HEDGE" analyze bench/corpus/100mb/part-000.txt --input-format text --format jsonl > "$work/ud.jsonl"
python3 - "$work" <<'PY'
import json, re, sys
work = sys.argv[1]
QUOTE = re.compile(r'[«»“”"]')
def split(path, write):
    out = {True: [], False: []}
    for line in open(path, encoding='utf8'):
        d = json.loads(line)
        if d.get('type') != 'sentence':
            continue
        t = d['text']
        out[bool(d['markers']) or d['voice'] != 'own' or bool(QUOTE.search(t))].append(t)
    n = len(out[True]) + len(out[False])
    b = {k: sum(len(t.encode()) for t in v) for k, v in out.items()}
    print(f"{dict(all='news', ud='bench/run.sh corpus')[path.split('/')[-1][:-6]]:<19} {n:>7} sentences: flagged {len(out[True]) / n:.3f} of sentences, {b[True] / (b[True] + b[False]):.3f} of bytes")
    if write:
        for k, name in [(True, 'flagged'), (False, 'unflagged')]:
            with open(f'{work}/{name}.txt', 'w', encoding='utf8') as w:
                for i in range(0, len(out[k]), 6):
                    w.write(' '.join(out[k][i:i + 6]) + '\n\n')
split(f'{work}/all.jsonl', True)
split(f'{work}/ud.jsonl', False)
PY
bytes=$(wc -c < "$C")
export HEDGE_STREAM_MIN_BYTES=1000000
hyperfine -N --warmup 1 --runs 7 --export-json "$work/t.json" \
    "wc -w $C" \
    "$HEDGE compare $C --input-format text --threads 1 --format json" \
    "$HEDGE compare $work/flagged.txt --input-format text --threads 1 --format json" \
    "$HEDGE compare $work/unflagged.txt --input-format text --threads 1 --format json" > /dev/null
python3 - "$work/t.json" "$bytes" <<'PY'
import json, sys
r = [x['min'] for x in json.load(open(sys.argv[1]))['results']]
wc, whole, flagged, unflagged = r
mb = int(sys.argv[2]) / 1e6
print(f"wc -w {wc:.3f} s; hedge, whole corpus {whole:.3f} s ({wc / whole:.3f}x wc -w); flagged part {flagged:.3f} s, unflagged part {unflagged:.3f} s")
# The issue's prototype pass (hashing every word, the candidate check) ran at 154-179 MB/s.
for name, p in [("a pass as fast as the issue's prototype (165 MB/s)", mb / 165), ("a pass that costs nothing", 0.0)]:
    print(f"best prefilter design, {name}: {wc / (p + flagged):.3f}x wc -w; for 0.5x the flagged analysis must be {flagged / max(2 * wc - p, 1e-9):.1f}x faster than today" if 2 * wc > p else f"best prefilter design, {name}: {wc / (p + flagged):.3f}x wc -w; 0.5x is out of reach whatever the flagged analysis costs")
PY
