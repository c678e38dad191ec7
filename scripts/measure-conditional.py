#!/usr/bin/env python3
"""Development aid: word-level precision/recall of conditional-mood detection by table lookup.

A word is predicted conditional when its lowercase NFC form is tagged `cond` in the verb-form
table; gold = `Mood=Cnd` in the FEATS column of the UD CoNLL-U files, after applying
GOLD-CORRECTIONS.tsv. Multiword-token lines (ids like 4-5) are skipped; their parts are words.

    python3 scripts/measure-conditional.py [--gold DIR] [--table FILE] [--quiet]
"""

import argparse
import os
import unicodedata
from collections import Counter

FILES = [
    "UD_French-GSD/fr_gsd-ud-dev.conllu",
    "UD_French-Sequoia/fr_sequoia-ud-train.conllu",
    "UD_French-Sequoia/fr_sequoia-ud-dev.conllu",
    "UD_French-Sequoia/fr_sequoia-ud-test.conllu",
    "UD_French-ParTUT/fr_partut-ud-train.conllu",
    "UD_French-ParTUT/fr_partut-ud-dev.conllu",
    "UD_French-ParTUT/fr_partut-ud-test.conllu",
]


def load_table(path):
    cond = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            form, _lemma, tags = line.rstrip("\n").split("\t")
            if "cond" in tags.split(","):
                cond.add(form)
    return cond


def load_corrections(path):
    corr = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            file, sent_id, form, _gold, correct = line.rstrip("\n").split("\t")
            corr[(file, sent_id, form)] = correct
    return corr


def words(path):
    """Yields (sent_id, form, upos, feats dict)."""
    sent_id = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                feats = dict(kv.split("=", 1) for kv in cols[5].split("|")) if cols[5] != "_" else {}
                yield sent_id, cols[1], cols[3], cols[2], feats


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default="/work/shared/eval/ud-french")
    ap.add_argument("--table", default=os.path.join(here, "..", "lexicons", "markers", "fr", "generated", "formes-verbales.tsv"))
    ap.add_argument("--quiet", action="store_true", help="no FP/miss listing")
    args = ap.parse_args()

    cond = load_table(args.table)
    corr = load_corrections(os.path.join(args.gold, "GOLD-CORRECTIONS.tsv"))
    used = set()
    total = Counter()
    fps, fns = [], []
    print(f"{'file':50} {'gold':>5} {'tp':>5} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for rel in FILES:
        c = Counter()
        for sent_id, form, upos, lemma, feats in words(os.path.join(args.gold, rel)):
            mood = feats.get("Mood")
            key = (rel, sent_id, form)
            if key in corr:
                mood = corr[key]
                used.add(key)
            gold = mood == "Cnd"
            pred = unicodedata.normalize("NFC", form).lower() in cond
            c["gold"] += gold
            if gold and pred:
                c["tp"] += 1
            elif pred:
                c["fp"] += 1
                fps.append((rel, sent_id, form, upos, lemma, feats.get("Mood", "_")))
            elif gold:
                c["fn"] += 1
                fns.append((rel, sent_id, form, upos, lemma, mood))
        total.update(c)
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"{rel:50} {c['gold']:5} {c['tp']:5} {c['fp']:4} {c['fn']:4} {p:6.4f} {r:6.4f} {f:6.4f}")
    p, r, f = prf(total["tp"], total["fp"], total["fn"])
    print(f"{'OVERALL':50} {total['gold']:5} {total['tp']:5} {total['fp']:4} {total['fn']:4} {p:6.4f} {r:6.4f} {f:6.4f}")
    unused = set(corr) - used
    if unused:
        print(f"warning: {len(unused)} gold corrections matched no word: {sorted(unused)}")
    if not args.quiet:
        print(f"\nfalse positives ({len(fps)}): file sent_id form UPOS lemma gold-Mood")
        for x in fps:
            print("  FP", *x)
        print(f"\nmisses ({len(fns)}): file sent_id form UPOS lemma gold-Mood")
        for x in fns:
            print("  FN", *x)


if __name__ == "__main__":
    main()
