#!/usr/bin/env bash
# Builds bench/corpus/plain-20mb.txt (git-ignored) if it is missing: the seeds and the 80
# articles of ../shared/eval/semeval2023-fr-genre, repeated to 20 MB of French news text.
# Sourced by bench/instructions.sh and bench/prefilter-bound.sh.
f=bench/corpus/plain-20mb.txt
if [[ ! -s $f ]]; then
    mkdir -p bench/corpus
    while [ "$(stat -c %s $f 2>/dev/null || echo 0)" -lt 20000000 ]; do
        cat seeds/*.txt ../shared/eval/semeval2023-fr-genre/articles/*.txt >> $f
    done
fi
