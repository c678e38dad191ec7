//! TEMPORARY minimal splitter (replaced by the seg branch).
use super::{Quote, Sentence, SentenceKind, SegmentRules};
pub(crate) fn split_sentences(text: &str, _rules: &SegmentRules, _q: &[Quote]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let end_here = (b[i] == b'.' || b[i] == b'?' || b[i] == b'!') && (i + 1 == b.len() || b[i + 1] == b' ' || b[i + 1] == b'\n') || b[i] == b'\n';
        if end_here {
            let e = if b[i] == b'\n' { i } else { i + 1 };
            push(text, start, e, &mut out);
            start = e;
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}
fn push(text: &str, s: usize, e: usize, out: &mut Vec<Sentence>) {
    let seg = &text[s..e];
    let t = seg.trim();
    if t.is_empty() { return; }
    let off = s + (seg.len() - seg.trim_start().len());
    let kind = if t.ends_with(['.', '!', '?', '»', '…']) { SentenceKind::Body } else { SentenceKind::Heading };
    out.push(Sentence { span: off..off + t.len(), kind });
}
