//! The word view of stage 4 (match): what the per-word scans of the analysis ask of a word,
//! answered by one look-up per word.
//!
//! Every word of every sentence is asked the same questions: does a lexicon sequence start with
//! it (its fold key's number in [`Lexicon::word_keys`]), is it a conditional-mood form (the
//! matcher's `hedge.conditional` hits), is it a finite verb (the classifier's no-verb check).
//! Each answer is a function of the word as written and of the lexicon, so the answers are
//! kept in a per-thread memo keyed by the word: a word seen before costs one hash look-up,
//! with no fold, no lower-casing and no verb-table look-up. The matcher computes the facts of
//! a sentence's words once ([`crate::matcher::MatchedSentence::facts`]) and the classifier
//! reads them from there.
//!
//! The memo belongs to one lexicon with its rules ([`Lexicon::generation`]); it is emptied
//! when another one is used, and it stops taking words at [`MEMO_WORDS`] (a word not kept is
//! computed each time: same answer).

use std::cell::RefCell;
use std::collections::HashMap;

use crate::lexicon::morphology::Morphology;
use crate::lexicon::Lexicon;
use crate::token::{self, WordHash};

/// The key number of a word whose fold key starts or continues no lexicon sequence.
pub const NO_KEY: u32 = u32::MAX;

/// The most words the memo of one thread keeps (about 4 MB).
pub const MEMO_WORDS: usize = 1 << 16;

/// What the per-word scans ask of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordFacts {
    key: u32,
    flags: u8,
}

impl WordFacts {
    const CONDITIONAL: u8 = 1;
    const FINITE: u8 = 2;

    /// The number of the word's fold key in [`Lexicon::word_keys`], or [`NO_KEY`].
    #[inline]
    pub fn key(self) -> u32 {
        self.key
    }

    /// Is the word a conditional-mood form of some verb (in any case: « Serait »)?
    #[inline]
    pub fn is_conditional(self) -> bool {
        self.flags & Self::CONDITIONAL != 0
    }

    /// Does the word count as a finite verb for the classifier's no-verb check: lower-cased,
    /// a word of the scoring rules' `claims.finite_words` (of the lexicon's rules), a finite
    /// form that is not also another kind of word, or a conditional form?
    #[inline]
    pub fn is_finite(self) -> bool {
        self.flags & Self::FINITE != 0
    }

    /// The facts of `word`, computed (not from the memo).
    pub fn compute(word: &str, lex: &Lexicon, fold: &mut String, lower: &mut String) -> WordFacts {
        let morph = lex.morphology;
        let key = lex.key_of(token::folded(word, fold)).unwrap_or(NO_KEY);
        let mut flags = 0;
        if is_conditional_word(word, morph, lower) {
            flags |= Self::CONDITIONAL;
        }
        let w = token::lowered(word, lower);
        if lex.rules.scoring.claims.finite_words.contains(w) || morph.is_unambiguous_finite(w) || morph.is_conditional(w) {
            flags |= Self::FINITE;
        }
        WordFacts { key, flags }
    }
}

/// Is `word` (as written) a conditional-mood form?
pub fn is_conditional_word(word: &str, morph: &Morphology, lower: &mut String) -> bool {
    if !morph.may_be_conditional(word) {
        return false;
    }
    morph.is_conditional(token::lowered(word, lower))
}

/// The facts of the words already met on this thread, for one lexicon.
#[derive(Default)]
pub struct WordMemo {
    generation: u64,
    known: HashMap<Box<str>, WordFacts, WordHash>,
    fold: String,
    lower: String,
}

thread_local! {
    static MEMO: RefCell<WordMemo> = RefCell::new(WordMemo::default());
}

impl WordMemo {
    /// Runs `f` with this thread's memo, made ready for `lex`.
    pub fn with<R>(lex: &Lexicon, f: impl FnOnce(&mut WordMemo) -> R) -> R {
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if m.generation != lex.generation {
                m.known.clear();
                m.generation = lex.generation;
            }
            f(&mut m)
        })
    }

    /// The facts of `word`, for the lexicon given to [`WordMemo::with`].
    #[inline]
    pub fn facts(&mut self, word: &str, lex: &Lexicon) -> WordFacts {
        debug_assert_eq!(self.generation, lex.generation);
        if let Some(&f) = self.known.get(word) {
            return f;
        }
        let f = WordFacts::compute(word, lex, &mut self.fold, &mut self.lower);
        if self.known.len() < MEMO_WORDS {
            self.known.insert(word.into(), f);
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_gives_what_is_computed() {
        let lex = Lexicon::embedded().unwrap();
        let (mut a, mut b) = (String::new(), String::new());
        let words = ["selon", "Selon", "SELON", "Etat", "état", "serait", "Serait", "est", "Est", "portrait", "de", "xyzzy", "aurait", "œuvre"];
        WordMemo::with(&lex, |m| {
            for _ in 0..2 {
                for w in words {
                    assert_eq!(m.facts(w, &lex), WordFacts::compute(w, &lex, &mut a, &mut b), "{w}");
                }
            }
        });
        let mut f = |w: &str| WordFacts::compute(w, &lex, &mut a, &mut b);
        assert!(f("serait").is_conditional() && f("Serait").is_finite());
        assert!(!f("portrait").is_conditional());
        assert!(f("est").is_finite());
        assert_eq!(f("Selon").key(), f("selon").key());
        assert_ne!(f("selon").key(), NO_KEY);
        assert_eq!(f("xyzzy").key(), NO_KEY);
    }

    #[test]
    fn another_lexicon_empties_the_memo() {
        let lex = Lexicon::embedded().unwrap();
        let mut other = Lexicon::embedded().unwrap();
        let text = std::fs::read_to_string("lexicons/rules/scoring.toml").unwrap().replace("\"a\", \"ai\",", "\"xyzzy\", \"a\", \"ai\",");
        other.set_rules(Rules::load(&[RuleSource { name: "scoring.toml".into(), text }]).unwrap());
        assert!(!WordMemo::with(&lex, |m| m.facts("xyzzy", &lex)).is_finite());
        assert!(WordMemo::with(&other, |m| m.facts("xyzzy", &other)).is_finite());
        assert!(!WordMemo::with(&lex, |m| m.facts("xyzzy", &lex)).is_finite());
    }

    use crate::rules::{RuleSource, Rules};
}
