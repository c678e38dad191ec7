//! The word facts of the matcher (`hedge::words`, issue 18) against what they replace: on the
//! seeds and the sentences of the UD French treebanks, every word's memoised facts equal the
//! tests they stand for (fold key and index look-up, conditional test, the classifier's
//! finite-verb test), and the classification with the facts (the lexicon's own rules) is
//! identical to the one that scans the words again (the same rules in another value).
//! The UD text lives in `<shared>/eval/ud-french/` (see `tests/common`); without it only the
//! seeds are read.

mod common;

use hedge::classify::classify_with_quotes;
use hedge::extract::plain_blocks;
use hedge::lexicon::Lexicon;
use hedge::matcher::match_document;
use hedge::rules::Rules;
use hedge::segment::segment_blocks;
use hedge::token;
use hedge::words::{WordMemo, NO_KEY};

/// The seeds, then the UD sentences, six to a paragraph.
fn texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut seeds: Vec<_> = std::fs::read_dir(common::root().join("seeds")).unwrap().map(|e| e.unwrap().path()).collect();
    seeds.sort();
    for p in seeds.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        out.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
    }
    let Some(ud) = common::shared_or_skip("eval/ud-french") else { return out };
    let mut files = Vec::new();
    for tb in std::fs::read_dir(&ud).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()) {
        files.extend(std::fs::read_dir(tb).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "conllu")));
    }
    files.sort();
    assert!(!files.is_empty(), "no .conllu file in {}", ud.display());
    for f in files {
        let conllu = std::fs::read_to_string(&f).unwrap();
        let sentences: Vec<&str> = conllu.lines().filter_map(|l| l.strip_prefix("# text = ")).collect();
        let text = sentences.chunks(6).map(|c| c.join(" ")).collect::<Vec<_>>().join("\n\n");
        out.push((f.display().to_string(), text));
    }
    out
}

#[test]
fn word_facts_equal_the_tests_they_replace() {
    let lex = Lexicon::embedded().unwrap();
    let morph = lex.morphology;
    let finite_words = &lex.rules.scoring.claims.finite_words;
    let (mut fold, mut lower) = (String::new(), String::new());
    let mut words = 0;
    for (name, text) in texts() {
        WordMemo::with(&lex, |memo| {
            for t in token::tokenize(&text, 0) {
                let w = &text[t.span];
                let f = memo.facts(w, &lex);
                token::fold_key(w, &mut fold);
                assert_eq!(f.key(), lex.word_keys.get(fold.as_str()).copied().unwrap_or(NO_KEY), "{name}: key of {w:?}");
                token::lower_into(w, &mut lower);
                let conditional = morph.may_be_conditional(w) && morph.is_conditional(&lower);
                assert_eq!(f.is_conditional(), conditional, "{name}: conditional {w:?}");
                let finite = finite_words.contains(lower.as_str()) || morph.is_unambiguous_finite(&lower) || morph.is_conditional(&lower);
                assert_eq!(f.is_finite(), finite, "{name}: finite {w:?}");
                words += 1;
            }
        });
    }
    eprintln!("{words} words checked");
    assert!(words > 5_000, "{words} words");
}

#[test]
fn classification_is_the_same_with_and_without_the_word_facts() {
    let lex = Lexicon::embedded().unwrap();
    // The same rules in another value: the classifier then scans the words itself.
    let copy = Rules::load(&[]).unwrap();
    let mut sentences = 0;
    for (name, text) in texts() {
        let blocks = plain_blocks(&text);
        let seg = segment_blocks(&text, &lex.rules.segmentation, &blocks);
        let matched = match_document(&text, &seg, &lex);
        let (fast, fast_quotes) = classify_with_quotes(&text, &seg, &matched, &lex, &lex.rules);
        let (slow, slow_quotes) = classify_with_quotes(&text, &seg, &matched, &lex, &copy);
        assert_eq!(serde_json::to_string(&fast).unwrap(), serde_json::to_string(&slow).unwrap(), "{name}");
        assert_eq!(fast_quotes, slow_quotes, "{name}");
        sentences += fast.len();
    }
    eprintln!("{sentences} sentences classified both ways");
    assert!(sentences > 100, "{sentences} sentences");
}
