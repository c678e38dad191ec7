//! Runs each lexicon entry's examples through the matcher: every example must contain the
//! entry, no counterexample may (used by `hedge lexicon check` and by the test suite). The engine
//! rule files are checked by their loader, [`crate::rules::Rules::check_file`].

use crate::lexicon::{Entry, Lexicon, LexiconError};
use crate::matcher::match_span;

/// Checks the examples of the entries selected by `which`; returns one error per failure.
pub fn check_examples(lex: &Lexicon, which: impl Fn(&Entry) -> bool) -> Vec<LexiconError> {
    let mut out = Vec::new();
    for (i, e) in lex.entries.iter().enumerate().filter(|(_, e)| which(e)) {
        let found = |s: &str| match_span(s, 0..s.len(), lex).hits.iter().any(|h| h.entry as usize == i);
        let err =
            |msg: String| LexiconError { file: e.location.file.clone(), line: Some(e.location.line), marker: Some(e.key.clone()), message: msg };
        for x in &e.examples {
            if !found(x) {
                out.push(err(format!("example does not match: {x:?}")));
            }
        }
        for x in &e.counterexamples {
            if found(x) {
                out.push(err(format!("counterexample matches: {x:?}")));
            }
        }
    }
    out
}
