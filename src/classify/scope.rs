//! What is left out of the outlet's score, sentence by sentence: sentences in a part of the page
//! that is not the article (byline, boilerplate, reader comments — unless `--include` names it)
//! and sentences in another language.
//!
//! A sentence in an excluded part keeps its label and markers, so a reader sees what including
//! it would change; it just earns no points and is counted apart. A sentence in another
//! language gets NONE and no markers: a French lexicon cannot read it, so any label would be
//! noise.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{Label, SentenceScore};
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
pub fn apply_scope(scores: &mut [SentenceScore], parts: &[Part], languages: &[Language], include: &Include) {
    let (mut pi, mut li) = (0, 0);
    for s in scores.iter_mut() {
        while pi < parts.len() && parts[pi].end <= s.start {
            pi += 1;
        }
        while li < languages.len() && languages[li].end <= s.start {
            li += 1;
        }
        let part = parts.get(pi).filter(|p| p.start <= s.start);
        s.part = part.map_or(PartKind::Body, |p| p.kind);
        if let Some(p) = part.filter(|p| !include.counts(p.kind)) {
            s.excluded = Some(Excluded::Part {
                part: p.kind,
                rule: p.rule.clone(),
                explain: p.explain.clone().unwrap_or_default(),
            });
        } else if let Some(l) = languages.get(li).filter(|l| l.start <= s.start) {
            s.excluded = Some(Excluded::Language {
                language: l.code.clone(),
                language_name: l.name.clone(),
                confidence: l.confidence,
            });
            s.label = Label::None;
            s.not_claim = None;
            s.markers.clear();
            s.flags.retain(|f| matches!(f.as_str(), "heading" | "list_item" | "quoted"));
            s.speaker = None;
        }
        if s.excluded.is_some() {
            s.base = None;
            s.points = None;
        }
    }
}
