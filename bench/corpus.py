#!/usr/bin/env python3
"""Builds the benchmark corpora from the repository's own data (standard library only).

Base text: the seed articles (seeds/*.txt) and the sentences of the UD French treebanks
(../shared/eval/ud-french/*/*.conllu, `# text = ` lines, 6 per paragraph), about 2.6 MB.
Outputs, under OUT (default bench/corpus, git-ignored):
  100mb/part-NNN.txt  the base text repeated to >= 100 MB, in files of about 1 MB
  1gb.txt             one single file of >= 1 GiB
  literals.txt        the lexicon's literal forms (every `patterns` and `forms` string of
                      lexicons/markers/fr/*.toml), one per line, for `rg -F -f`
"""
import glob, hashlib, os, sys, tomllib

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared = os.environ.get("HEDGE_SHARED", os.path.join(root, "..", "shared"))
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "bench", "corpus")

def base_text():
    parts = []
    for f in sorted(glob.glob(os.path.join(root, "seeds", "*.txt"))):
        parts.append(open(f, encoding="utf-8").read().strip())
    sents = []
    for f in sorted(glob.glob(os.path.join(shared, "eval", "ud-french", "*", "*.conllu"))):
        for line in open(f, encoding="utf-8"):
            if line.startswith("# text = "):
                sents.append(line[len("# text = "):].strip())
    if not sents:
        sys.exit(f"corpus.py: no UD sentences under {shared}/eval/ud-french (set HEDGE_SHARED)")
    for i in range(0, len(sents), 6):
        parts.append(" ".join(sents[i:i + 6]))
    return ("\n\n".join(parts) + "\n\n").encode("utf-8")

def literals():
    lits = set()
    for f in sorted(glob.glob(os.path.join(root, "lexicons", "markers", "fr", "*.toml"))):
        data = tomllib.load(open(f, "rb"))
        for m in data.get("marker", []):
            for k in ("patterns", "forms"):
                v = m.get(k, [])
                lits.update([v] if isinstance(v, str) else v)
            if "pattern" in m:
                lits.add(m["pattern"])
    return sorted(lits)

def write_repeated(path, base, size):
    with open(path, "wb") as w:
        n = 0
        while n < size:
            w.write(base)
            n += len(base)

def main():
    base = base_text()
    os.makedirs(os.path.join(out, "100mb"), exist_ok=True)
    stamp = os.path.join(out, "STAMP")
    key = hashlib.sha256(base).hexdigest()[:16] + "-v1"
    if os.path.exists(stamp) and open(stamp).read() == key:
        print(f"corpus up to date in {out}")
        return
    # ~1 MB files: the base cut at paragraph breaks, repeated until 100 MB.
    paras = base.split(b"\n\n")
    files, cur, total = [], [], 0
    while total < 100 * 1000 * 1000:
        for p in paras:
            if not p:
                continue
            cur.append(p)
            total += len(p) + 2
            if total >= (len(files) + 1) * 1_000_000:
                files.append(b"\n\n".join(cur) + b"\n")
                cur = []
            if total >= 100 * 1000 * 1000:
                break
    if cur:
        files.append(b"\n\n".join(cur) + b"\n")
    for i, data in enumerate(files):
        open(os.path.join(out, "100mb", f"part-{i:03}.txt"), "wb").write(data)
    write_repeated(os.path.join(out, "1gb.txt"), base, 1 << 30)
    open(os.path.join(out, "literals.txt"), "w", encoding="utf-8").write("\n".join(literals()) + "\n")
    open(stamp, "w").write(key)
    print(f"base text {len(base)/1e6:.2f} MB; 100mb/: {len(files)} files, {sum(map(len, files))/1e6:.1f} MB; 1gb.txt")

main()
