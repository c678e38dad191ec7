//! Stage 4 — match: each sentence's words against the lexicon → [`Hit`]s.
//!
//! One pass over the words of a sentence: each word's fold key (lower case, no accents) looks
//! up the lexicon sequences starting with that word, which are then checked exactly (accent
//! rules, gaps); a word that is a conditional-mood form in the verb-form table is a
//! `hedge.conditional` hit. No Unicode `\b` regex runs here (see `token`).

use std::ops::Range;

use crate::lexicon::morphology::Morphology;
use crate::lexicon::Lexicon;
use crate::segment::Segmented;
use crate::token::{self, Token};

/// A marker found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Lexicon::entries`].
    pub entry: u32,
    /// Byte span in the document text.
    pub span: Range<usize>,
    /// Indices of the words it covers in its sentence's [`MatchedSentence::tokens`].
    pub tokens: Range<usize>,
    /// Is the (single) word a conditional-mood verb form?
    pub conditional: bool,
}

/// A sentence's words and the markers found in it.
#[derive(Debug, Clone, Default)]
pub struct MatchedSentence {
    pub tokens: Vec<Token>,
    pub hits: Vec<Hit>,
}

/// Matches every sentence of a segmented document.
pub fn match_document(text: &str, seg: &Segmented, lex: &Lexicon) -> Vec<MatchedSentence> {
    let mut scratch = Scratch::default();
    seg.sentences.iter().map(|s| match_span_with(text, s.span.clone(), lex, &mut scratch)).collect()
}

/// Word buffers reused from sentence to sentence (allocating them for each sentence was a
/// noticeable share of a run).
#[derive(Default)]
struct Scratch {
    key: String,
    next: String,
    lower: String,
}

/// Matches the words of `text[span]`.
pub fn match_span(text: &str, span: Range<usize>, lex: &Lexicon) -> MatchedSentence {
    match_span_with(text, span, lex, &mut Scratch::default())
}

fn match_span_with(text: &str, span: Range<usize>, lex: &Lexicon, scratch: &mut Scratch) -> MatchedSentence {
    let tokens = token::tokenize(&text[span.clone()], span.start);
    let mut hits: Vec<Hit> = Vec::new();
    let Scratch { key, next, lower } = scratch;
    // Hits are pushed in order of their first word, so the hits that can cover word `i` are at
    // the end of `hits`: those starting at most `longest - 1` words before it. Looking only
    // there (not at every hit of the sentence) keeps a sentence of millions of words linear.
    let mut longest = 1;
    for (i, t) in tokens.iter().enumerate() {
        let first_at_i = hits.len();
        let word = &text[t.span.clone()];
        if let Some(cands) = lex.by_first_word.get(token::folded(word, key)) {
            // The next word's fold key, computed once for all the candidates that need it.
            let next_key = match tokens.get(i + 1) {
                Some(t) if cands.iter().any(|c| c.second.is_some()) => token::folded(&text[t.span.clone()], next),
                _ => "",
            };
            for c in cands {
                if c.second.as_ref().is_some_and(|second| second != next_key) {
                    continue;
                }
                if let Some(n) = c.seq.matches_at(text, &tokens, i).filter(|&n| !inside_compound(text, &tokens, i..i + n)) {
                    let span = t.span.start..tokens[i + n - 1].span.end;
                    if !hits[first_at_i..].iter().any(|h| h.entry == c.entry && h.span == span) {
                        hits.push(Hit { entry: c.entry, span, tokens: i..i + n, conditional: false });
                        longest = longest.max(n);
                    }
                }
            }
        }
        if is_conditional_word(word, lex.morphology, lower) {
            // A lexicon hit covering this word wins (e.g. `pourrait` as a modal, `il
            // semblerait`); a one-word hit keeps the information that it is a conditional.
            let mut claimed = false;
            let near = hits.iter_mut().rev().take_while(|h| h.tokens.start + longest > i);
            for h in near.filter(|h| h.tokens.contains(&i)) {
                h.conditional |= h.tokens.len() == 1;
                claimed = true;
            }
            if let (false, Some(entry)) = (claimed, lex.conditional) {
                hits.push(Hit { entry, span: t.span.clone(), tokens: i..i + 1, conditional: true });
            }
        }
    }
    hits.retain(|h| !excepted(text, &tokens, h, lex));
    hits.sort_by_key(|a| (a.span.start, a.span.end, a.entry));
    MatchedSentence { tokens, hits }
}

/// Words that may follow a verb after a hyphen without making a compound word: the clitics of
/// an inversion or an imperative (« affirme-t-il », « dit-on », « dites-le »).
const HYPHEN_CLITICS: [&str; 20] =
    ["t", "il", "elle", "ils", "elles", "on", "je", "tu", "nous", "vous", "moi", "toi", "lui", "leur", "le", "la", "les", "en", "y", "ce"];

/// Are the words `range` part of a longer compound word joined by hyphens (« d'après-midi »,
/// « c'est-à-dire »)? A hyphen then a clitic after them is an inversion, not a compound.
fn inside_compound(text: &str, tokens: &[Token], range: Range<usize>) -> bool {
    let first = &tokens[range.start];
    let last = &tokens[range.end - 1];
    if range.start > 0 {
        let gap = &text[tokens[range.start - 1].span.end..first.span.start];
        if gap == "-" {
            return true;
        }
    }
    if let Some(next) = tokens.get(range.end) {
        let gap = &text[last.span.end..next.span.start];
        if gap == "-" {
            let mut w = String::new();
            token::lower_into(&text[next.span.clone()], &mut w);
            return !HYPHEN_CLITICS.contains(&w.as_str());
        }
    }
    false
}

/// Is this word a conditional-mood verb form? (`lower` is scratch space.)
fn is_conditional_word(word: &str, morph: &Morphology, lower: &mut String) -> bool {
    if !morph.may_be_conditional(word) {
        return false;
    }
    morph.is_conditional(token::lowered(word, lower))
}

/// The byte spans of the conditional-mood words of `text` (what `hedge eval ud` scores).
pub fn conditional_words(text: &str, morph: &Morphology) -> Vec<Range<usize>> {
    let mut lower = String::new();
    token::tokenize(text, 0)
        .into_iter()
        .filter(|t| is_conditional_word(&text[t.span.clone()], morph, &mut lower))
        .map(|t| t.span)
        .collect()
}

/// Is the hit overlapped by one of its entry's exceptions?
fn excepted(text: &str, tokens: &[Token], h: &Hit, lex: &Lexicon) -> bool {
    lex.exceptions[h.entry as usize].iter().any(|x| {
        let n = x.words.len();
        let from = h.tokens.start.saturating_sub(n - 1);
        (from..h.tokens.end).any(|j| x.matches_at(text, tokens, j).is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str, lex: &Lexicon) -> Vec<String> {
        match_span(text, 0..text.len(), lex).hits.iter().map(|h| lex.entries[h.entry as usize].id.clone()).collect()
    }

    #[test]
    fn a_word_inside_a_hyphenated_compound_is_not_a_marker_but_an_inversion_is() {
        let lex = Lexicon::embedded().unwrap();
        // Issue 14: « d'après-midi » was read as the source preposition « d'après ».
        assert!(ids("Il est arrivé en début d'après-midi au centre de la ville.", &lex).is_empty());
        assert!(ids("Les associations, c'est-à-dire les bénévoles, ont voté.", &lex).is_empty());
        let found = ids("Le convoi est parti, affirme-t-il, dans la nuit.", &lex);
        assert!(found.iter().any(|i| i == "attribution.verb.affirmer"), "{found:?}");
        let found = ids("Le convoi est parti, dit-il, dans la nuit.", &lex);
        assert!(found.iter().any(|i| i == "attribution.verb.dire"), "{found:?}");
    }

    #[test]
    fn finds_conditionals_but_not_imperfects() {
        let lex = Lexicon::embedded().unwrap();
        let found = ids("Le convoi aurait compté 50 camions.", &lex);
        assert!(found.iter().any(|i| i == "hedge.conditional.conditionnel"), "{found:?}");
        let found = ids("Le convoi tirait une remorque près du portrait.", &lex);
        assert!(!found.iter().any(|i| i.starts_with("hedge.conditional")), "{found:?}");
    }
}
