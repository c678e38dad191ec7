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
pub use rules::SegmentRules;

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
///
/// A paragraph break inside a sentence does not end it: when a paragraph ends with a word or a
/// comma (no final punctuation, no colon) and the next paragraph starts with a lower-case
/// letter, the two are one sentence cut by the page or its copy (« Il permettait aussi » /
/// « de sauver la vie… »), and are joined — unless either is a heading, a list item or a byline
/// in the source's markup, or a list line.
pub fn segment_blocks(text: &str, rules: &SegmentRules, blocks: &[crate::extract::Block]) -> Segmented {
    use crate::extract::BlockKind;
    let mut seg = segment(text, rules);
    join_continuations(text, &mut seg.sentences, blocks);
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

/// Joins a sentence cut by a line break before a lower-case continuation (see
/// [`segment_blocks`]).
fn join_continuations(text: &str, sentences: &mut Vec<Sentence>, blocks: &[crate::extract::Block]) {
    use crate::extract::BlockKind;
    // Is the block holding `pos` running text (a paragraph, or no block at all)?
    let running = |pos: usize| {
        let i = blocks.partition_point(|b| b.span.end <= pos);
        blocks.get(i).filter(|b| b.span.start <= pos).is_none_or(|b| b.kind == BlockKind::Paragraph)
    };
    let mut out: Vec<Sentence> = Vec::with_capacity(sentences.len());
    for s in sentences.drain(..) {
        if let Some(prev) = out.last_mut() {
            let gap = &text[prev.span.end..s.span.start];
            let last = text[prev.span.clone()].chars().next_back();
            let first = text[s.span.clone()].chars().next();
            if gap.contains('\n')
                && gap.chars().all(char::is_whitespace)
                && last.is_some_and(|c| c.is_alphabetic() || c == ',')
                && first.is_some_and(char::is_lowercase)
                && prev.kind != SentenceKind::ListItem
                && s.kind != SentenceKind::ListItem
                && running(prev.span.start)
                && running(s.span.start)
            {
                prev.span.end = s.span.end;
                prev.kind = s.kind;
                continue;
            }
        }
        out.push(s);
    }
    *sentences = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{markdown, plain_blocks};

    fn sentences(text: &str, blocks: &[crate::extract::Block]) -> Vec<String> {
        segment_blocks(text, SegmentRules::embedded(), blocks).sentences.iter().map(|s| text[s.span.clone()].to_string()).collect()
    }

    fn plain(text: &str) -> Vec<String> {
        sentences(text, &plain_blocks(text))
    }

    #[test]
    fn a_paragraph_break_before_a_lower_case_continuation_does_not_end_the_sentence() {
        // Seed 004: a sentence of a quoted passage cut in two paragraphs by the copy.
        let t = "Il permettait de sauver des vies et de mettre fin aux combats. Il permettait aussi\n\nde sauver la vie des Arabes, des Kurdes et des autres combattants engagés dans la lutte contre Daech.";
        let s = plain(t);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[1].starts_with("Il permettait aussi") && s[1].ends_with("contre Daech."), "{s:?}");
        // A single line break, and a comma before it.
        assert_eq!(plain("Les combattants,\nleurs familles et leurs armes sont partis.").len(), 1);
        // The joined sentence is running text, not a heading.
        let seg = segment_blocks(t, SegmentRules::embedded(), &plain_blocks(t));
        assert_eq!(seg.sentences[1].kind, SentenceKind::Body);
    }

    #[test]
    fn a_line_break_still_ends_a_heading_a_list_a_colon_or_a_finished_sentence() {
        // Final punctuation or a colon before the break, an upper-case start after it.
        assert_eq!(plain("Le convoi est parti.\n\nla suite du récit commence ici.").len(), 2);
        assert_eq!(plain("Voici les conditions :\n\nles combattants partent sans armes.").len(), 2);
        assert_eq!(plain("Le convoi est parti de Raqqa\n\nLes avions ont suivi le convoi.").len(), 2);
        // A list line on either side.
        assert_eq!(plain("- des camions\n- des autobus loués à la ville").len(), 2);
        assert_eq!(plain("Le convoi comptait des camions\n- des autobus loués à la ville").len(), 2);
        // A heading in the source's markup (Markdown `#`) stays apart from the paragraph under it.
        let (text, blocks) = markdown::to_text("# La sortie de Raqqa\n\nselon la BBC, le convoi est parti la nuit.");
        assert_eq!(sentences(&text, &blocks).len(), 2, "{text:?}");
    }
}
