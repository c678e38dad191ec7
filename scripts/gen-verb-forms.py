#!/usr/bin/env python3
"""Regenerate lexicons/markers/fr/generated/formes-verbales.tsv from Debian's hunspell-fr-comprehensive.

Source: the Dicollecte/Grammalecte French dictionary ("toutes variantes": classical and 1990
reform spellings), as packaged by Debian in `hunspell-fr-comprehensive` (MPL-2.0). Its affix
file carries morphological fields (`po:cond`, `po:ipre`, `po:ppas`, ...) on every verb
suffix rule, and its .dic file gives every word's part of speech (`po:v1...` for verbs,
`po:nom`, `po:adj`, `po:adv`, ... otherwise). This script expands the suffix rules itself
(stdlib only; `unmunch` drops the morphological fields), so every form's mood comes from
the dictionary, never from a spelling pattern.

Usage (Debian/Ubuntu):
    apt-get install -y hunspell-fr-comprehensive
    python3 scripts/gen-verb-forms.py            # writes lexicons/markers/fr/generated/formes-verbales.tsv

Options: --aff/--dic to point at other copies of fr.aff/fr.dic, --version to record another
package version in the header (by default it is read with dpkg-query), --out for the output.

Output format (see src/lexicon/morphology.rs): `#` header lines, then
`form<TAB>lemma<TAB>tags`, one line per (form, lemma), tags merged and ordered as
cond,ind,subj,imp,inf,ppr,ppas,nonverb; `nonverb` when the same spelling is also a
lowercase non-verb word of the dictionary (noun, adjective, adverb, pronoun, preposition,
interjection...). Lines sorted by form then lemma (code-point order); forms lowercase NFC.
Prefix rules (elided l', n', qu'... and unit prefixes) are not applied: they do not make
new verb forms. Proper nouns (capitalised entries) do not count as `nonverb`.
"""

import argparse
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

PACKAGE = "hunspell-fr-comprehensive"
TAG_ORDER = ["cond", "ind", "subj", "imp", "inf", "ppr", "ppas", "nonverb"]
# Grammalecte's mood/tense fields -> our tags.
MOOD = {
    "po:cond": "cond",
    "po:ipre": "ind",
    "po:iimp": "ind",
    "po:ipsi": "ind",
    "po:ifut": "ind",
    "po:spre": "subj",
    "po:simp": "subj",
    "po:impe": "imp",
    "po:infi": "inf",
    "po:ppre": "ppr",
    "po:ppas": "ppas",
}
VERB_PO = re.compile(r"^po:v([0-9])")
# A few mood fields sit on .dic entries as `is:infi`, `is:ipre`... rather than `po:`.
MOOD.update({"is:" + k[3:]: v for k, v in list(MOOD.items())})


def nfc_lower(s):
    return unicodedata.normalize("NFC", s).lower()


def split_flags(flags):
    """FLAG long: every flag is two characters."""
    return [flags[i : i + 2] for i in range(0, len(flags), 2)]


def parse_aff(path):
    """Returns (suffix rules by flag, NEEDAFFIX flag, FORBIDDENWORD flag)."""
    sfx = defaultdict(list)
    needaffix = forbidden = None
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        parts = lines[i].split()
        i += 1
        if not parts:
            continue
        if parts[0] == "FLAG" and parts[1] != "long":
            sys.exit(f"unsupported FLAG {parts[1]}: this script expects FLAG long")
        if parts[0] == "NEEDAFFIX":
            needaffix = parts[1]
        elif parts[0] == "FORBIDDENWORD":
            forbidden = parts[1]
        elif parts[0] == "SFX" and len(parts) == 4 and parts[3].isdigit():
            flag, count = parts[1], int(parts[3])
            for _ in range(count):
                r = lines[i].split()
                i += 1
                assert r[0] == "SFX" and r[1] == flag, lines[i - 1]
                strip = "" if r[2] == "0" else r[2]
                add = r[3].split("/", 1)[0]
                add = "" if add == "0" else add
                cond = r[4] if len(r) > 4 else "."
                morph = r[5:]
                cond_re = None if cond == "." else re.compile("(?:" + cond + ")$")
                sfx[flag].append((strip, add, cond_re, morph))
    return sfx, needaffix, forbidden


def parse_dic(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines[1:]:  # first line: entry count
        if not line.strip():
            continue
        fields = line.split()
        head, morph = fields[0], fields[1:]
        # A '/' escaped as '\/' belongs to the word.
        m = re.match(r"^((?:[^/\\]|\\.)*)(?:/(.*))?$", head)
        word = m.group(1).replace("\\/", "/")
        flags = split_flags(m.group(2) or "")
        yield word, flags, morph


def expand(word, flags, sfx, needaffix):
    """Yields (form, rule morph fields) for the entry itself (unless NEEDAFFIX) and every suffix."""
    if needaffix not in flags:
        yield word, []
    for flag in flags:
        for strip, add, cond_re, morph in sfx.get(flag, ()):
            if strip and not word.endswith(strip):
                continue
            if cond_re is not None and not cond_re.search(word):
                continue
            yield word[: len(word) - len(strip)] + add, morph


def package_version():
    try:
        return subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", PACKAGE], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--aff", default="/usr/share/hunspell/fr.aff")
    ap.add_argument("--dic", default="/usr/share/hunspell/fr.dic")
    ap.add_argument("--version", default=None, help="package version for the header")
    ap.add_argument("--out", default=os.path.join(here, "..", "lexicons", "markers", "fr", "generated", "formes-verbales.tsv"))
    args = ap.parse_args()

    version = args.version or package_version()
    if not version:
        sys.exit(f"cannot tell the version of {PACKAGE}: install it or pass --version")
    with open(args.aff, encoding="utf-8") as f:
        if "TOUTES VARIANTES" not in f.read(2000).upper() and "--aff" not in sys.argv:
            print("warning: fr.aff does not look like the comprehensive ('toutes variantes') variant", file=sys.stderr)

    sfx, needaffix, forbidden = parse_aff(args.aff)
    entries = [e for e in parse_dic(args.dic) if forbidden not in e[1]]

    # Verbs that the dictionary lists as a bare infinitive only (about 150 rare verbs: abader,
    # abêtifier...) get the conjugation classes of the conjugated verb of the same group
    # (po:v1/po:v2: regular -er/-ir) whose infinitive shares the longest ending with theirs,
    # e.g. abêtifier is conjugated like bêtifier. Third-group ones (quérir, courre...) are
    # defective or irregular and stay infinitive-only.
    analog = {}  # (group, ending) -> flags of the model verb
    for word, flags, morph in sorted(entries, key=lambda e: e[0]):
        g = next((m.group(1) for m in map(VERB_PO.match, morph) if m), None)
        if g in ("1", "2") and any(f in sfx for f in flags) and word[:1].islower():
            for k in range(3, len(word) + 1):
                analog.setdefault((g, word[-k:]), [f for f in flags if f in sfx] + [needaffix])

    verb = defaultdict(set)  # (form, lemma) -> tags
    nonverb_forms = set()
    n_analog = 0
    for word, flags, morph in entries:
        pos = [m for m in morph if m.startswith("po:")]
        group = next((m.group(1) for m in map(VERB_PO.match, pos) if m), None)
        if group is not None:
            lemma = nfc_lower(word)
            if not any(f in sfx for f in flags) and group in ("1", "2"):
                model = next((analog[(group, word[-k:])] for k in range(len(word), 2, -1) if (group, word[-k:]) in analog), None)
                if model is not None:
                    flags, n_analog = model, n_analog + 1
            for form, rule_morph in expand(word, flags, sfx, needaffix):
                tags = {MOOD[m] for m in rule_morph if m in MOOD}
                if form == word and not rule_morph:
                    tags = {MOOD[m] for m in morph if m in MOOD}
                if not tags:
                    sys.exit(f"verb form without mood: {form} from {word} {morph} {rule_morph}")
                verb[(nfc_lower(form), lemma)] |= tags
        elif pos and word[:1].islower():
            for form, _ in expand(word, flags, sfx, needaffix):
                nonverb_forms.add(nfc_lower(form))

    rows = []
    for (form, lemma), tags in verb.items():
        if form in nonverb_forms:
            tags = tags | {"nonverb"}
        rows.append((form, lemma, ",".join(t for t in TAG_ORDER if t in tags)))
    rows.sort()

    lemmas = {r[1] for r in rows}
    n_cond = len({r[0] for r in rows if "cond" in r[2].split(",")})
    header = [
        "# French verb forms with mood tags: form<TAB>lemma<TAB>tags (format: src/lexicon/morphology.rs).",
        f"# Generated from the Debian package {PACKAGE} {version} (Dicollecte/Grammalecte French",
        "# dictionary v7.0, 'toutes variantes': classical and 1990-reform spellings), files fr.aff + fr.dic.",
        "# Licence: MPL-2.0 (Dicollecte contributors); see LICENSE-hunspell-fr.txt beside this file.",
        f"# Regenerate: apt-get install -y {PACKAGE}={version} && python3 scripts/gen-verb-forms.py",
        f"# {len(rows)} lines, {len({r[0] for r in rows})} distinct forms, {len(lemmas)} lemmas, {n_cond} conditional forms.",
        "# Do not edit by hand.",
    ]
    out = os.path.normpath(args.out)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{out}: {len(rows)} lines, {len(lemmas)} lemmas, {n_cond} conditional forms; "
          f"{n_analog} infinitive-only verbs conjugated by analogy", file=sys.stderr)


if __name__ == "__main__":
    main()
