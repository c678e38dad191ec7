//! The stages put together for one document: segment → match → classify → aggregate.

use crate::aggregate::{aggregate, ArticleSummary};
use crate::classify::{classify, ScoringRules, SentenceScore};
use crate::extract::Document;
use crate::lexicon::Lexicon;
use crate::matcher::match_document;
use crate::segment::{segment, SegmentRules};

/// Everything `hedge` finds in one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub sentences: Vec<SentenceScore>,
    pub summary: ArticleSummary,
}

/// Runs the analysis stages on a document.
pub fn analyze(doc: &Document, lex: &Lexicon) -> Analysis {
    let seg = segment(&doc.text, SegmentRules::embedded());
    let matched = match_document(&doc.text, &seg, lex);
    let sentences = classify(&doc.text, &seg, &matched, lex, ScoringRules::embedded());
    let summary = aggregate(&sentences);
    Analysis { sentences, summary }
}
