//! Stage 3 — segment: French news text → sentences (with byte spans) and quotation spans.
//!
//! Input: the normalised text of a [`crate::extract::Document`]. Output: [`Segmented`], whose
//! sentence spans are in order, do not overlap, are trimmed of surrounding white space and
//! point into that text; everything between two sentences is white space.

use std::ops::Range;

mod quotes;
mod rules;
mod split;

pub use quotes::find_quotes;
pub use rules::{SegmentRules, RulesError};

/// What kind of text unit a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SentenceKind {
    /// Ends with sentence punctuation inside a paragraph.
    Body,
    /// A line that a line break ends with no final punctuation (title, sub-heading, byline…).
    Heading,
    /// A numbered or bulleted list line ("1 Des centaines…", "- …").
    ListItem,
}

/// One sentence: its byte span in the document text and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    pub kind: SentenceKind,
}

/// How a quotation is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteMark {
    /// « … »
    Guillemet,
    /// “ … ”
    Curly,
    /// " … "
    Straight,
    /// A dialogue or interview line opened by a dash (— or –), to the end of its paragraph.
    Dash,
}

/// A quotation: `span` includes the quotation marks, `inner` is the quoted text.
///
/// A quotation interrupted by a speech tag (« — Oui, répondit-il, c'est vrai. ») is split by
/// the classifier into pieces around the tag; `continues` marks a piece that resumes the
/// quotation before it. [`find_quotes`] never sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub span: Range<usize>,
    pub inner: Range<usize>,
    pub mark: QuoteMark,
    pub continues: bool,
}

/// The output of segmentation.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
}

/// Segment `text` into sentences and find its quotations.
pub fn segment(text: &str, rules: &SegmentRules) -> Segmented {
    let quotes = find_quotes(text);
    let sentences = split::split_sentences(text, rules, &quotes);
    Segmented { sentences, quotes }
}

/// Segments a document whose blocks are known (Markdown, HTML, plain lines): a sentence inside a
/// heading block is a heading and one inside a list item a list item, whatever its punctuation.
pub fn segment_blocks(text: &str, rules: &SegmentRules, blocks: &[crate::extract::Block]) -> Segmented {
    use crate::extract::BlockKind;
    let mut seg = segment(text, rules);
    let mut bi = 0;
    for s in &mut seg.sentences {
        while bi < blocks.len() && blocks[bi].span.end <= s.span.start {
            bi += 1;
        }
        let Some(b) = blocks.get(bi) else { break };
        if b.span.start <= s.span.start {
            match b.kind {
                BlockKind::Heading(_) => s.kind = SentenceKind::Heading,
                BlockKind::ListItem => s.kind = SentenceKind::ListItem,
                BlockKind::Paragraph | BlockKind::Byline => {}
            }
        }
    }
    seg
}
