//! The output contract of segmentation and analysis, as code.
//!
//! The property tests (`tests/properties.rs`) and the fuzz targets (`fuzz/`) check the same
//! promises through these functions, so a broken promise is reported the same way by both.
//! Each function returns the first broken promise as a message (with the offending spans).
//!
//! **Tiling.** White space between sentences belongs to no sentence, so "the sentences tile
//! the text" means: the sentences are non-empty, in order and do not overlap; each starts and
//! ends with a non-white-space character; and the text before the first sentence, between two
//! consecutive sentences and after the last one is white space only. Every visible character
//! of the text therefore lies in exactly one sentence, and joining the sentences with their
//! gaps gives back the text.

use std::ops::Range;

use crate::classify::Label;
use crate::pipeline::Analysis;
use crate::segment::Segmented;

fn span_ok(text: &str, span: &Range<usize>, what: &str) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!("{what} {span:?} is outside the text (length {})", text.len()));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("{what} {span:?} does not lie on character boundaries"));
    }
    Ok(())
}

/// Checks that `spans` tile `text` (see the module documentation).
pub fn check_tiling<'a>(text: &str, spans: impl IntoIterator<Item = &'a Range<usize>>) -> Result<(), String> {
    let mut prev = 0;
    for (n, span) in spans.into_iter().enumerate() {
        span_ok(text, span, "sentence")?;
        if span.start >= span.end {
            return Err(format!("sentence {n} {span:?} is empty"));
        }
        if span.start < prev {
            return Err(format!("sentence {n} {span:?} overlaps or precedes the one before (which ends at {prev})"));
        }
        let gap = &text[prev..span.start];
        if !gap.chars().all(char::is_whitespace) {
            return Err(format!("text {:?} between {prev} and {} belongs to no sentence", gap, span.start));
        }
        let s = &text[span.clone()];
        if s.trim() != s {
            return Err(format!("sentence {n} {span:?} {s:?} starts or ends with white space"));
        }
        prev = span.end;
    }
    let tail = &text[prev..];
    if !tail.chars().all(char::is_whitespace) {
        return Err(format!("text {tail:?} after the last sentence (from {prev}) belongs to no sentence"));
    }
    Ok(())
}

/// Checks the segmentation of `text`: sentences tile it; quotations lie on character
/// boundaries, are sorted, do not overlap, and each one's inner span lies within its span.
pub fn check_segmented(text: &str, seg: &Segmented) -> Result<(), String> {
    check_tiling(text, seg.sentences.iter().map(|s| &s.span))?;
    let mut prev = 0;
    for q in &seg.quotes {
        span_ok(text, &q.span, "quotation")?;
        span_ok(text, &q.inner, "quotation inner text")?;
        if q.span.start < prev {
            return Err(format!("quotation {:?} overlaps the one before (which ends at {prev})", q.span));
        }
        if !(q.span.start <= q.inner.start && q.inner.end <= q.span.end) {
            return Err(format!("quotation inner {:?} is not inside its span {:?}", q.inner, q.span));
        }
        prev = q.span.end;
    }
    Ok(())
}

/// Checks an analysis of `text`: its sentences tile the text and are numbered in order; each
/// sentence's `text` and word count are those of its span; every marker lies on character
/// boundaries inside its sentence, its `text` is its span, and markers are sorted; points are
/// given exactly to own-voice claims and lie in 0..=100; the summary adds up.
pub fn check_analysis(text: &str, a: &Analysis) -> Result<(), String> {
    let spans: Vec<Range<usize>> = a.sentences.iter().map(|s| s.start..s.end).collect();
    check_tiling(text, &spans)?;
    let mut words = 0;
    for (i, s) in a.sentences.iter().enumerate() {
        if s.number != i + 1 {
            return Err(format!("sentence {i} is numbered {}", s.number));
        }
        if s.text != text[s.start..s.end] {
            return Err(format!("sentence {} text {:?} is not its span {}..{}", s.number, s.text, s.start, s.end));
        }
        let tokens = crate::token::tokenize(&s.text, 0).len();
        if s.words != tokens {
            return Err(format!("sentence {} counts {} words, its text has {tokens}", s.number, s.words));
        }
        if s.excluded.is_none() {
            words += s.words; // left-out sentences (page parts, other languages) are not counted
        }
        let mut prev = (s.start, s.start);
        for m in &s.markers {
            let span = m.start..m.end;
            span_ok(text, &span, "marker")?;
            if m.start >= m.end || m.start < s.start || m.end > s.end {
                return Err(format!("marker {} {span:?} is empty or outside its sentence {}..{}", m.id, s.start, s.end));
            }
            if m.text != text[span.clone()] {
                return Err(format!("marker {} text {:?} is not its span {span:?}", m.id, m.text));
            }
            if (m.start, m.end) < prev {
                return Err(format!("marker {} {span:?} comes before the previous one {prev:?}", m.id));
            }
            if !m.counted && m.weight != 0 {
                return Err(format!("marker {} is not counted but weighs {}", m.id, m.weight));
            }
            prev = (m.start, m.end);
        }
        match (s.is_claim(), s.points) {
            (true, Some(p)) if (0..=100).contains(&p) => {}
            (false, None) => {}
            (claim, p) => return Err(format!("sentence {}: claim {claim} with points {p:?}", s.number)),
        }
    }
    let sum = &a.summary;
    if sum.sentences != a.sentences.len() || sum.words != words {
        return Err(format!("summary counts {} sentences and {} words, the analysis {} and {words}", sum.sentences, sum.words, a.sentences.len()));
    }
    if sum.claims + sum.quoted_claims + sum.not_claims + sum.excluded + sum.not_analysed != sum.sentences {
        return Err(format!(
            "claims {} + quoted {} + not claims {} + excluded {} + not analysed {} != sentences {}",
            sum.claims, sum.quoted_claims, sum.not_claims, sum.excluded, sum.not_analysed, sum.sentences
        ));
    }
    let by_label: usize = Label::CLAIMS.iter().map(|l| sum.counts.get(l).copied().unwrap_or(0)).sum();
    if by_label != sum.claims {
        return Err(format!("label counts add up to {by_label}, not to the {} claims", sum.claims));
    }
    let all = sum.claims + sum.quoted_claims;
    match (sum.assertiveness, sum.interval) {
        (Some(x), Some([lo, hi])) if all > 0 && (0.0..=100.0).contains(&x) && lo <= x + 0.05 && x <= hi + 0.05 => {}
        (None, None) if all == 0 || sum.not_french => {}
        (x, i) => return Err(format!("assertiveness {x:?} with interval {i:?} for {all} claims")),
    }
    Ok(())
}
