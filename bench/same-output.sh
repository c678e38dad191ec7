#!/usr/bin/env bash
# Compares, byte for byte, what two builds of hedge print: every command and format on the
# seeds, the format samples (tests/data/formats), the saved-page fixtures (tests/data/pages),
# and a streamed plain-text corpus of about 30 MB (read in chunks). For refactors: the output
# must not change.
#
#   git worktree add /tmp/hedge-base REV && (cd /tmp/hedge-base && cargo build --release)
#   bench/same-output.sh /tmp/hedge-base/target/release/hedge target/release/hedge
#
# Prints one line per case (same / DIFFERS) and exits 1 when any output differs; the two
# outputs of a differing case are left in the work folder it names.
set -u
base=${1:?usage: bench/same-output.sh BASE_BINARY NEW_BINARY}
new=${2:?usage: bench/same-output.sh BASE_BINARY NEW_BINARY}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
corpus="$work/corpus-30mb.txt"
# About 30 MB of French text: the seeds, repeated (over the 16 MiB threshold, so it is streamed).
while [ "$(stat -c %s "$corpus" 2>/dev/null || echo 0)" -lt 30000000 ]; do
    cat seeds/*.txt >> "$corpus"
done

cases=(
    "compare seeds/"
    "compare seeds/ --format json"
    "compare seeds/ --format csv"
    "compare seeds/ --format markdown"
    "compare seeds/ --format jsonl"
    "compare seeds/ --lang fr"
    "compare seeds/ --facts"
    "analyze seeds/001_ecc43d926f07e1cb.txt"
    "analyze seeds/004_2850dcacc519e1fe.txt --format json"
    "analyze seeds/002_46bc0d5bcb7e6a9c.txt --format jsonl"
    "analyze seeds/003_dc6df32bf4e5101c.txt --lang fr"
    "compare tests/data/formats/ --format json"
    "compare tests/data/pages/ --format json"
    "analyze tests/data/formats/article.html --format json"
    "analyze tests/data/formats/article.md"
    "compare $corpus --format json --threads 2"
    "analyze $corpus --format jsonl --threads 2"
    "lexicon list"
    "lexicon check lexicons/"
)
differ=0
i=0
for c in "${cases[@]}"; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    "$base" $c > "$work/$i.base.out" 2> "$work/$i.base.err"; rb=$?
    # shellcheck disable=SC2086
    "$new" $c > "$work/$i.new.out" 2> "$work/$i.new.err"; rn=$?
    if cmp -s "$work/$i.base.out" "$work/$i.new.out" && cmp -s "$work/$i.base.err" "$work/$i.new.err" && [ $rb = $rn ]; then
        printf 'same     %s\n' "${c/$work\//}"
    else
        printf 'DIFFERS  %s  (outputs: %s/%s.{base,new}.{out,err})\n' "${c/$work\//}" "$work" "$i"
        differ=1
    fi
done
if [ $differ = 0 ]; then
    rm -rf "$work"
    echo "all ${#cases[@]} outputs are byte-identical"
fi
exit $differ
