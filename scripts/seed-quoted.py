#!/usr/bin/env python3
"""Quoted voice on the seeds against the hand gold (`quote: true` in seed-gold.jsonl).

Usage (from the repository root, after `cargo build --release`):
    python3 scripts/seed-quoted.py ../shared/eval/seed-gold/seed-gold.jsonl [--verbose]

Each gold sentence is found in the text `hedge analyze --format json` reads (Markdown marks
stripped when the raw text is not found) and matched to the hedge sentence overlapping it most.
Prints how many gold-quoted sentences hedge also puts in a quoted voice, how many it adds, and
the speaker hedge gives each quotation of the seeds.
"""
import json, re, subprocess, sys, os

gold_path = sys.argv[1]
verbose = '--verbose' in sys.argv
gold = [json.loads(l) for l in open(gold_path, encoding='utf-8') if l.strip()]
seeds = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'seeds')
tp = fp = fn = notfound = 0
rows = []
for f in sorted({g['file'] for g in gold}):
    out = subprocess.run(['target/release/hedge', 'analyze', '--format', 'json', os.path.join(seeds, f)],
                         capture_output=True, check=True).stdout
    art = json.loads(out)['articles'][0]
    text, sents = art['text'], art['sentences']
    for g in (g for g in gold if g['file'] == f):
        gt = g['text']
        s = text.find(gt)
        if s < 0:
            gt = re.sub(r'^[#>*\s-]+', '', gt).replace('**', '').replace('\\', '')
            gt = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', gt)[:40]
            s = text.find(gt)
        if s < 0:
            notfound += 1
            continue
        bs, be = len(text[:s].encode()), len(text[:s + len(gt)].encode())
        best = max(sents, key=lambda x: min(x['end'], be) - max(x['start'], bs))
        hq, gq = best['voice'] == 'quoted', g['quote']
        tp += hq and gq
        fp += hq and not gq
        fn += gq and not hq
        if hq != gq:
            rows.append(('extra' if hq else 'missed', g['id'], g['text'][:100]))
print(f'quoted sentences: gold {tp + fn}, hedge agrees {tp}, hedge adds {fp}, misses {fn} '
      f'({notfound} gold sentences not found in the text)')
if verbose:
    for r in rows:
        print(*r)
