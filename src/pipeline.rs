//! The stages put together for one document: read → decode → extract, then segment → match →
//! classify → aggregate.

use crate::aggregate::{aggregate, ArticleSummary};
use crate::classify::{apply_scope, classify, Include, ScoringRules, SentenceScore};
use crate::extract::{extract_as, Document};
use crate::input::{self, Format, InputProblem, Planned};
use crate::lexicon::Lexicon;
use crate::matcher::match_document;
use crate::segment::{segment_blocks, SegmentRules};

/// Everything `hedge` finds in one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub sentences: Vec<SentenceScore>,
    pub summary: ArticleSummary,
}

/// How sources are read (`--encoding`, `--input-format`).
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub format: Option<Format>,
}

/// Reads, decodes and extracts one planned input.
pub fn load(planned: &Planned, opts: ReadOptions) -> Result<Document, InputProblem> {
    let name = planned.origin.display_name();
    let src = input::read(planned)?;
    let decoded = input::decode_with(&name, &src.bytes, opts.encoding)?;
    let format = input::detect_format(&planned.origin, &decoded.text, opts.format);
    extract_as(&planned.label, &name, decoded.text, format, decoded.encoding).map_err(|e| InputProblem::new(name, e.0))
}

/// Runs the analysis stages on a document, counting only its title and body.
pub fn analyze(doc: &Document, lex: &Lexicon) -> Analysis {
    analyze_with(doc, lex, &Include::default())
}

/// Runs the analysis stages on a document; `include` names the other parts that count.
pub fn analyze_with(doc: &Document, lex: &Lexicon, include: &Include) -> Analysis {
    let seg = segment_blocks(&doc.text, SegmentRules::embedded(), &doc.blocks);
    let matched = match_document(&doc.text, &seg, lex);
    let mut sentences = classify(&doc.text, &seg, &matched, lex, ScoringRules::embedded());
    apply_scope(&mut sentences, &doc.parts, &doc.languages, include);
    let summary = aggregate(&sentences);
    Analysis { sentences, summary }
}
