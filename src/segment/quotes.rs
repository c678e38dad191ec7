//! TEMPORARY minimal quotes (replaced by the seg branch).
use super::Quote;
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c { '«' => open = Some(i), '»' => if let Some(s) = open.take() { out.push(Quote { span: s..i + 2, inner: s + 2..i }) }, _ => {} }
    }
    out
}
