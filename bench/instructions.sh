#!/usr/bin/env bash
# Instruction counts of `hedge compare` (valgrind cachegrind: deterministic, unlike time on a
# shared machine) on 3 MB of French news text, streamed as a corpus and read whole as one
# article (with page parts), and on `compare seeds/` (start-up). Session 7 of issue 18.
#
#   bench/instructions.sh BINARY...      (needs valgrind)
#
# The text: the seeds and the 80 articles of ../shared/eval/semeval2023-fr-genre, repeated
# to 20 MB in bench/corpus/plain-20mb.txt (git-ignored; its first 3 MB are measured).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "bench: missing valgrind" >&2; exit 2; }
source bench/news-corpus.sh
s=$(mktemp --suffix=.txt); head -c 3000000 $f > "$s"
ir() { valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/I *refs/ {print $NF}'; }
for b in "$@"; do
    echo "$b: 3 MB streamed $(export HEDGE_STREAM_MIN_BYTES=1000000; ir "$b" compare "$s" --threads 1 --format json)," \
        "read whole $(ir "$b" compare "$s" --threads 1 --format json), compare seeds/ $(ir "$b" compare seeds/)"
done
rm -f "$s"
