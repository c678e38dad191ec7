//! What is left out of the outlet's score, sentence by sentence: sentences in a part of the page
//! that is not the article (byline, boilerplate, reader comments — unless `--include` names it)
//! and sentences in another language.
//!
//! A sentence in an excluded part keeps its label and markers, so a reader sees what including
//! it would change; it just earns no points and is counted apart.
//!
//! A sentence in another language has no markers: a French lexicon cannot read it. What it is
//! depends on the article around it:
//! - in an article that is French overall (no more sentences in other languages than in French,
//!   counted as `aggregate` does), it is a source's text that the outlet reproduces — a French
//!   outlet does not write its own prose in English — so it is read as a quotation: quoted
//!   voice, a claim unless it is a question or too short, the quoted base (issue 14). This holds
//!   for an article read whole, not for a chunk of a corpus (a corpus is not one article);
//! - otherwise (an article mostly in another language, a corpus chunk) it is not analysed: NONE,
//!   left out of the score.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{Flag, Label, NotClaim, ScoringRules, SentenceScore, Voice};
use crate::extract::{Language, Part, PartKind};

/// Why a sentence is left out of the score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Excluded {
    /// It is in a part of the page that is not the article.
    Part {
        part: PartKind,
        /// The rule that found the part (`parts.comments`, `html.byline`).
        rule: Option<String>,
        explain: String,
    },
    /// It is in another language: not analysed.
    Language {
        /// ISO 639-3 code (`eng`) or script name.
        language: String,
        language_name: String,
        confidence: f64,
    },
}

/// The language of a passage read as a quotation because the article around it is French.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OtherLanguage {
    /// ISO 639-3 code (`eng`) or script name.
    pub language: String,
    pub language_name: String,
    pub confidence: f64,
}

/// Which parts of a page count toward the score besides title and body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Include {
    pub parts: BTreeSet<PartKind>,
}

impl Include {
    pub fn counts(&self, kind: PartKind) -> bool {
        kind.counts_by_default() || self.parts.contains(&kind)
    }
}

/// Sets each sentence's part and, when it is left out, why (parts and languages are in order).
/// `article`: the sentences are a whole article (not a chunk of a corpus), so a passage in
/// another language inside an article that is French overall is read as a quotation.
pub fn apply_scope(scores: &mut [SentenceScore], parts: &[Part], languages: &[Language], include: &Include, article: bool, rules: &ScoringRules) {
    let (mut pi, mut li) = (0, 0);
    // Each sentence's part (when it is left out) and language, found once.
    let mut found: Vec<(Option<&Part>, Option<&Language>)> = Vec::with_capacity(scores.len());
    for s in scores.iter_mut() {
        while pi < parts.len() && parts[pi].end <= s.start {
            pi += 1;
        }
        while li < languages.len() && languages[li].end <= s.start {
            li += 1;
        }
        let part = parts.get(pi).filter(|p| p.start <= s.start);
        s.part = part.map_or(PartKind::Body, |p| p.kind);
        let out = part.filter(|p| !include.counts(p.kind));
        let lang = if out.is_some() { None } else { languages.get(li).filter(|l| l.start <= s.start) };
        found.push((out, lang));
    }
    // The same test as the summary's `not_french`: more sentences in another language than in
    // French, among those not left out as a page part.
    let foreign = found.iter().filter(|(p, l)| p.is_none() && l.is_some()).count();
    let french = found.iter().filter(|(p, l)| p.is_none() && l.is_none()).count();
    let reproduced = article && foreign <= french;
    for (s, (part, lang)) in scores.iter_mut().zip(found) {
        if let Some(p) = part {
            s.excluded = Some(Excluded::Part { part: p.kind, rule: p.rule.clone(), explain: p.explain.clone().unwrap_or_default() });
        } else if let Some(l) = lang {
            s.markers.clear();
            s.flags.retain(|f| matches!(f, Flag::Heading | Flag::ListItem | Flag::Quoted));
            s.speaker = None;
            if reproduced {
                quote_other_language(s, l, rules);
                continue;
            }
            s.excluded = Some(Excluded::Language { language: l.code.clone(), language_name: l.name.clone(), confidence: l.confidence });
            s.label = Label::None;
            s.not_claim = None;
        }
        if s.excluded.is_some() {
            s.base = None;
            s.points = None;
        }
    }
}

/// A sentence in another language inside a French article: the quoted words of a source. The
/// French lexicon cannot tell its claims from the rest, so only what needs no French is used: a
/// question or a sentence under `claims.min_words` words is not a claim, anything else is.
fn quote_other_language(s: &mut SentenceScore, l: &Language, rules: &ScoringRules) {
    let end = s.text.trim_end_matches(['»', '"', '”', '’', ')', ' ', '\u{a0}', '\u{202f}']);
    s.not_claim = if end.ends_with('?') {
        Some(NotClaim::Question)
    } else if s.words < rules.claims.min_words {
        Some(NotClaim::TooShort)
    } else {
        None
    };
    s.voice = Voice::Quoted;
    if !s.flags.contains(&Flag::Quoted) {
        s.flags.push(Flag::Quoted);
    }
    s.other_language = Some(OtherLanguage { language: l.code.clone(), language_name: l.name.clone(), confidence: l.confidence });
    if s.not_claim.is_some() {
        s.label = Label::None;
        s.base = None;
        s.points = None;
    } else {
        // The outlet's words say nothing of the source's certainty: a bare claim, scored as any
        // quoted claim.
        s.label = Label::Asserted;
        s.base = Some(rules.base.quoted);
        s.points = Some(rules.base.quoted.clamp(0, 100));
    }
}
