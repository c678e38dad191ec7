//! Quotation spans: « … » (with or without non-breaking spaces inside), “ … ” and straight
//! "…" pairs.
//!
//! Conventions:
//! * Only the OUTERMOST quotations are returned: in « a “ b ” c » the result is one quote,
//!   the whole « … ». The returned spans are sorted and never overlap.
//! * `span` includes the quotation marks; `inner` is what lies between them, trimmed of
//!   white space (so `« Bonjour »` has inner `Bonjour`).
//! * Unbalanced marks: a closing mark with no matching opening mark is ignored. A quotation
//!   still open at the end of a paragraph (a blank line) continues into the next paragraph if
//!   that paragraph starts with « (French convention for quotations spanning paragraphs);
//!   otherwise it closes at the end of its paragraph (its `span` then ends at the last visible
//!   character of the paragraph, with no closing mark). A quotation still open at the end of
//!   the text closes there.
//! * A straight " closes the open straight quotation if there is one; otherwise it opens one,
//!   unless it is followed by white space or the end of the text (a stray closing mark).
//!
//! Linear time, no allocation per character, never panics.

use super::Quote;

/// Deepest nesting of quotations followed.
const MAX_DEPTH: usize = 16;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Guillemet,
    Curly,
    Straight,
}

struct Open {
    mark: Mark,
    start: usize,
    inner_start: usize,
}

/// Finds the outermost quotations of `text`. See the module documentation for conventions.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    find_quotes_with(text, true)
}

/// `fast`: step over plain ASCII runs at once (false only in the tests that compare both).
fn find_quotes_with(text: &str, fast: bool) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // End of the last visible character seen (for closing at a paragraph end).
    let mut last_visible_end = 0usize;
    let mut pos = 0usize;
    let bytes = text.as_bytes();
    while pos < text.len() {
        // Fast path: a run of ASCII that holds no line break and no straight quotation mark
        // (most of the text) only moves `last_visible_end`.
        let mut p = pos;
        while let Some(&b) = bytes.get(p).filter(|_| fast) {
            match b {
                b'\n' | b'"' | 0x80.. => break,
                b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {}
                _ => last_visible_end = p + 1,
            }
            p += 1;
        }
        if p > pos {
            pos = p;
            continue;
        }
        let c = match text[pos..].chars().next() {
            Some(c) => c,
            None => break,
        };
        let len = c.len_utf8();
        if c == '\n' {
            // Blank line? Look past white space for a second line break.
            let mut q = pos + 1;
            let mut blank = false;
            while q < text.len() {
                let d = text[q..].chars().next().unwrap_or('x');
                if d == '\n' {
                    blank = true;
                } else if !d.is_whitespace() {
                    break;
                }
                q += d.len_utf8();
            }
            if blank {
                if !stack.is_empty() {
                    let next = text[q..].chars().next();
                    if next == Some('«') {
                        // Continuation: keep only the outermost guillemet open, if any.
                        let keep = stack.iter().position(|o| o.mark == Mark::Guillemet);
                        if let Some(k) = keep {
                            close_down_to(&mut stack, k + 1, last_visible_end, text, &mut out);
                            // Consume the continuation mark.
                            last_visible_end = q + '«'.len_utf8();
                            pos = q + '«'.len_utf8();
                            continue;
                        }
                    }
                    close_down_to(&mut stack, 0, last_visible_end, text, &mut out);
                }
                pos = q;
                continue;
            }
            pos += len;
            continue;
        }
        if c.is_whitespace() {
            pos += len;
            continue;
        }
        // Opening marks beyond this depth are ignored: keeps the scan linear on garbage input.
        let full = stack.len() >= MAX_DEPTH;
        match c {
            '«' | '“' if full => {}
            '«' => stack.push(Open { mark: Mark::Guillemet, start: pos, inner_start: pos + len }),
            '“' => stack.push(Open { mark: Mark::Curly, start: pos, inner_start: pos + len }),
            '»' | '”' => {
                let want = if c == '»' { Mark::Guillemet } else { Mark::Curly };
                if let Some(k) = stack.iter().rposition(|o| o.mark == want) {
                    close_down_to(&mut stack, k + 1, pos, text, &mut out);
                    close_top(&mut stack, pos, pos + len, text, &mut out);
                }
            }
            '"' => {
                if let Some(k) = stack.iter().rposition(|o| o.mark == Mark::Straight) {
                    close_down_to(&mut stack, k + 1, pos, text, &mut out);
                    close_top(&mut stack, pos, pos + len, text, &mut out);
                } else {
                    let followed_by_space =
                        text[pos + len..].chars().next().is_none_or(char::is_whitespace);
                    if !followed_by_space && !full {
                        stack.push(Open { mark: Mark::Straight, start: pos, inner_start: pos + len });
                    }
                }
            }
            _ => {}
        }
        last_visible_end = pos + len;
        pos += len;
    }
    close_down_to(&mut stack, 0, last_visible_end, text, &mut out);
    out.sort_by_key(|q| q.span.start);
    out
}

/// Closes the quotations above depth `keep` at `end` (no closing mark: span ends at `end`).
fn close_down_to(stack: &mut Vec<Open>, keep: usize, end: usize, text: &str, out: &mut Vec<Quote>) {
    while stack.len() > keep {
        close_top(stack, end, end, text, out);
    }
}

/// Pops the top quotation: its inner text ends at `inner_end`, its span at `span_end`.
/// Only outermost quotations (stack empty after the pop) are recorded.
fn close_top(stack: &mut Vec<Open>, inner_end: usize, span_end: usize, text: &str, out: &mut Vec<Quote>) {
    let Some(o) = stack.pop() else { return };
    if !stack.is_empty() {
        return;
    }
    let inner_end = inner_end.max(o.inner_start);
    let span_end = span_end.max(inner_end);
    let inner = trim_range(text, o.inner_start, inner_end);
    out.push(Quote { span: o.start..span_end, inner });
}

fn trim_range(text: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    let a = start + lead;
    a..a + trimmed.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The ASCII fast path finds the same quotations as the character-by-character scan.
        #[test]
        fn the_fast_path_finds_the_same_quotations(text in "([a-z «»“”\"'\n\t\r\u{a0}.,]|\n\n«|\" ){0,120}") {
            proptest::prop_assert_eq!(find_quotes_with(&text, true), find_quotes_with(&text, false));
        }
    }

    fn q(text: &str) -> Vec<(&str, &str)> {
        find_quotes(text).into_iter().map(|q| (&text[q.span], &text[q.inner])).collect()
    }

    #[test]
    fn guillemets_with_and_without_spaces() {
        assert_eq!(q("Il dit « bonjour » et «\u{a0}adieu\u{a0}»."), vec![("« bonjour »", "bonjour"), ("«\u{a0}adieu\u{a0}»", "adieu")]);
        assert_eq!(q("«Oui»"), vec![("«Oui»", "Oui")]);
        assert_eq!(q("«\u{202f}Oui\u{202f}»"), vec![("«\u{202f}Oui\u{202f}»", "Oui")]);
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(q("un “pacte” et un \"deal\" ici"), vec![("“pacte”", "pacte"), ("\"deal\"", "deal")]);
    }

    #[test]
    fn nested_gives_outer() {
        assert_eq!(q("« a “b” c » d"), vec![("« a “b” c »", "a “b” c")]);
        assert_eq!(q("« a « b » c » d"), vec![("« a « b » c »", "a « b » c")]);
    }

    #[test]
    fn paragraph_continuation() {
        let t = "« Un.\n\n« Deux. »\n\nFin.";
        assert_eq!(q(t), vec![("« Un.\n\n« Deux. »", "Un.\n\n« Deux.")]);
        let t = "« Un.\n\nDeux « trois » quatre.";
        assert_eq!(q(t), vec![("« Un.", "Un."), ("« trois »", "trois")]);
    }

    #[test]
    fn deep_garbage_is_linear() {
        let t = "«".repeat(200_000) + &"”".repeat(200_000);
        let start = std::time::Instant::now();
        let qs = find_quotes(&t);
        assert_eq!(qs.len(), 1);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn unbalanced() {
        assert_eq!(q("a » b"), vec![]);
        assert_eq!(q("« a"), vec![("« a", "a")]);
        assert_eq!(q("«"), vec![("«", "")]);
        assert_eq!(q("a \" b"), vec![]);
        assert_eq!(q("\""), vec![]);
        assert_eq!(q("”“"), vec![("“", "")]);
    }

    #[test]
    fn never_panics_sorted_non_overlapping() {
        let alphabet: Vec<char> = "«»“”\"\n \u{a0}a.é€😀\r".chars().collect();
        let mut seed = 0x2545F4914F6CDD1Du64;
        for _ in 0..3000 {
            let n = (seed % 40) as usize;
            let mut s = String::new();
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let qs = find_quotes(&s);
            let mut prev_end = 0;
            for x in &qs {
                assert!(x.span.start >= prev_end, "{s:?} {qs:?}");
                assert!(x.span.start <= x.inner.start && x.inner.end <= x.span.end, "{s:?} {qs:?}");
                assert!(x.inner.start <= x.inner.end);
                let _ = &s[x.span.clone()];
                let _ = &s[x.inner.clone()];
                prev_end = x.span.end;
            }
        }
    }
}
