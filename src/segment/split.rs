//! Sentence splitting: one linear scan over the characters, no allocation per character.
//!
//! Rules (the data — abbreviations, punctuation classes, list markers — are in
//! `lexicons/rules/segmentation.toml`):
//! * a line break always ends the current sentence (so a blank line does too; for a document,
//!   `segment_blocks` then joins a paragraph cut before a lower-case continuation). A sentence
//!   that is a whole line with no final punctuation is a [`SentenceKind::Heading`]; every
//!   sentence of a line that starts with a list marker ("1 Des…", "2. …", "- …") is a
//!   [`SentenceKind::ListItem`];
//! * inside a line, a run of final punctuation (`.`, `!`, `?`, `…`, `...`, `?!`…), followed by
//!   the closing marks that belong to it (`»`, `”`, closing `"`, `)`…), ends a sentence when
//!   white space and then a possible sentence start follow (an upper-case letter, a digit, an
//!   opening quotation mark…). Never after: a period glued to the next letter or digit
//!   (decimals `3.5`, `42.000`, URLs, e-mails), an abbreviation of `jamais_finales`, initials
//!   (`W.`, `J.-M.`), an elision `(…)` / `[...]`, or before a lower-case word. After an
//!   ellipsis or an abbreviation of `parfois_finales`, only an upper-case letter (or an
//!   opening guillemet, for the ellipsis) starts a new sentence.

use super::{Quote, SegmentRules, Sentence, SentenceKind};

#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

#[inline]
fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

/// Lower-cases `word` into `buf` without allocating (None if it does not fit).
fn ascii_lower_into<'b>(word: &str, buf: &'b mut [u8; 96]) -> Option<&'b str> {
    let mut n = 0;
    for c in word.chars() {
        for l in c.to_lowercase() {
            let len = l.len_utf8();
            if n + len > buf.len() {
                return None;
            }
            l.encode_utf8(&mut buf[n..n + len]);
            n += len;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

#[inline]
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}')
}

#[inline]
fn is_hspace(c: char) -> bool {
    c.is_whitespace() && !is_line_break(c)
}

/// Position of the first character at or after `pos` that is not horizontal white space.
#[inline]
fn skip_hspace(text: &str, mut pos: usize) -> usize {
    while let Some(c) = char_at(text, pos) {
        if !is_hspace(c) {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}

/// What the sentence scan does with an ASCII character inside an open sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AsciiClass {
    /// Only extends the sentence.
    Plain,
    /// Horizontal white space: skipped.
    Space,
    /// Needs the full rules.
    Special,
}

fn ascii_classes(rules: &SegmentRules) -> [AsciiClass; 128] {
    let mut t = [AsciiClass::Special; 128];
    for (b, slot) in t.iter_mut().enumerate() {
        let c = b as u8 as char;
        *slot = if c == ' ' || c == '\t' {
            AsciiClass::Space
        } else if c.is_ascii_graphic() && !c.is_ascii_uppercase() && c != ';' && c != '.' && !rules.terminals.contains(&c) {
            AsciiClass::Plain
        } else {
            AsciiClass::Special
        };
    }
    t
}

struct Splitter<'a> {
    ascii: [AsciiClass; 128],
    /// The lower-case letters of Latin-1 (U+00E0 to U+00FF: « é », « à », « è »…, two bytes
    /// each, C3 A0 to C3 BF) and the apostrophe ’ (E2 80 99) only extend an open sentence too,
    /// as ASCII `Plain` characters: none of them is a capital, white space or final punctuation
    /// of the rules (checked).
    latin1: bool,
    text: &'a str,
    rules: &'a SegmentRules,
    quotes: &'a [Quote],
    out: Vec<Sentence>,
    /// Start of the open sentence, if any.
    start: Option<usize>,
    /// End of the last visible character of the open sentence.
    last_end: usize,
    /// The open sentence started at the start of its line.
    started_at_line_start: bool,
    /// The current line starts with a list marker.
    line_list: bool,
    /// End of the list marker's punctuation ("1." → after the period), to ignore that period.
    marker_end: usize,
}

impl<'a> Splitter<'a> {
    /// The word starting at `pos`: its letters, and a following apostrophe if any ("C'").
    fn word_at(&self, pos: usize) -> &'a str {
        let text = self.text;
        let mut p = pos;
        while let Some(c) = char_at(text, p) {
            if crate::token::is_alpha(c) {
                p += c.len_utf8();
            } else {
                if c == '\'' || c == '’' {
                    p += c.len_utf8();
                }
                break;
            }
        }
        &text[pos..p]
    }

    /// Is the word starting at `pos` followed (after white space) by a lower-case word?
    /// "; Grosse journée" yes (a new sentence), "; Lucien Carillon (1928)" no (a list of names).
    fn followed_by_lower_word(&self, pos: usize) -> bool {
        let mut p = pos;
        while let Some(c) = char_at(self.text, p) {
            if c.is_whitespace() {
                break;
            }
            if !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’') {
                return false;
            }
            p += c.len_utf8();
            if p - pos > 64 {
                return false;
            }
        }
        let q = skip_hspace(self.text, p);
        q > p && char_at(self.text, q).is_some_and(char::is_lowercase)
    }

    /// A capitalised word at `pos`, after white space, inside an open sentence: does it start
    /// a new sentence although no final punctuation precedes it?
    fn soft_boundary(&self, pos: usize) -> bool {
        let Some(start) = self.start else { return false };
        if !char_before(self.text, pos).is_some_and(is_hspace) {
            return false;
        }
        if self.line_list && self.last_end <= self.marker_end {
            return false; // "1 Des centaines…": the list number is not a sentence.
        }
        let Some(pc) = char_before(self.text, self.last_end) else { return false };
        let rules = self.rules;
        let w = self.word_at(pos);
        if pc.is_alphanumeric() || pc == ')' {
            // Not after a list marker such as "(5)" or "a)".
            if pc == ')' && self.last_end - start <= 5 {
                return false;
            }
            // Not after an elision: « Nous sommes (…) Nous resterons. »
            let before = &self.text[start..self.last_end];
            if pc == ')' && (before.ends_with("(…)") || before.ends_with("(...)")) {
                return false;
            }
            // Not after a function word or a word that introduces a title ("intitulé").
            let before = &self.text[start..self.last_end];
            let prev_word = before.rsplit(|c: char| c.is_whitespace() || c == '\'' || c == '’').next().unwrap_or("");
            if prev_word.len() <= 24 && !prev_word.is_empty() {
                let mut buf = [0u8; 96];
                if let Some(lower) = ascii_lower_into(prev_word, &mut buf) {
                    if rules.never_before_start.contains(lower) {
                        return false;
                    }
                }
            }
            if rules.strong_starts.contains(w) {
                return true;
            }
            if rules.article_starts.contains(w) {
                // "Le maire" starts a sentence, "Le Monde" is a name.
                let q = skip_hspace(self.text, pos + w.len());
                let first = if w.ends_with('\'') || w.ends_with('’') {
                    char_at(self.text, pos + w.len())
                } else if q > pos + w.len() {
                    char_at(self.text, q)
                } else {
                    None
                };
                return first.is_some_and(char::is_lowercase);
            }
            false
        } else if pc == ';' {
            rules.strong_starts.contains(w) || rules.semicolon_starts.contains(w)
        } else if pc == ':' {
            rules.colon_starts.contains(w)
        } else {
            false
        }
    }

    /// Closes the open sentence at `end`. `at_line_end`: closed by a line break, the end of
    /// the text or a missing-punctuation boundary — an unpunctuated sentence is then a heading
    /// if it started a line (`soft`: even if it did not).
    fn close(&mut self, end: usize, at_line_end: bool) {
        self.close_as(end, at_line_end, false)
    }

    fn close_as(&mut self, end: usize, at_line_end: bool, soft: bool) {
        let Some(start) = self.start.take() else { return };
        let end = end.max(start + char_at(self.text, start).map_or(1, char::len_utf8));
        let kind = if self.line_list {
            SentenceKind::ListItem
        } else if at_line_end && (self.started_at_line_start || soft) && !self.ends_like_sentence(start, end) {
            SentenceKind::Heading
        } else {
            SentenceKind::Body
        };
        self.out.push(Sentence { span: start..end, kind });
    }

    /// Does text[start..end] end with final punctuation (before closing marks)?
    fn ends_like_sentence(&self, start: usize, end: usize) -> bool {
        let s = &self.text[start..end];
        for c in s.chars().rev() {
            if c.is_whitespace() || self.rules.closers.contains(&c) {
                continue;
            }
            return self.rules.line_final.contains(&c) || self.rules.terminals.contains(&c);
        }
        false
    }

    /// Does a list marker start at `pos` (the first visible character of a line)?
    /// Returns the end of the marker's punctuation, or 0 if there is none.
    fn list_marker(&self, pos: usize) -> Option<usize> {
        let text = self.text;
        let c = char_at(text, pos)?;
        if self.rules.bullets.contains(&c) {
            let after = pos + c.len_utf8();
            return match char_at(text, after) {
                Some(d) if is_hspace(d) => Some(after),
                _ => None,
            };
        }
        if !c.is_ascii_digit() {
            return None;
        }
        let mut p = pos;
        while let Some(d) = char_at(text, p) {
            if !d.is_ascii_digit() {
                break;
            }
            p += 1;
        }
        if p - pos > self.rules.max_list_digits {
            return None;
        }
        match char_at(text, p)? {
            '.' | ')' => match char_at(text, p + 1) {
                Some(d) if is_hspace(d) => Some(p + 1),
                _ => None,
            },
            d if is_hspace(d) => {
                let q = skip_hspace(text, p);
                match char_at(text, q) {
                    Some(e) if e.is_uppercase() => Some(p),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The word before the period at `dot` (without leading opening punctuation), with the
    /// period; None if it is longer than any abbreviation.
    fn word_before(&self, dot: usize) -> Option<&'a str> {
        let text = self.text;
        let limit = self.rules.max_abbrev_len + 8;
        let mut p = dot;
        while let Some(c) = char_before(text, p) {
            if c.is_whitespace() {
                break;
            }
            p -= c.len_utf8();
            if dot - p > limit {
                return None;
            }
        }
        // Strip leading opening punctuation: ( « " “ [ ' ’ …
        while let Some(c) = char_at(text, p) {
            if p >= dot || c.is_alphanumeric() {
                break;
            }
            p += c.len_utf8();
        }
        Some(&text[p..dot + 1])
    }

    /// Initials: "W", "J.-M", "J.R.R", "J-M" (the word before the final period).
    fn is_initials(word: &str) -> bool {
        let mut expect_letter = true;
        let mut prev_sep = '\0';
        let mut letters = 0;
        for c in word.chars() {
            if expect_letter {
                if !c.is_uppercase() {
                    return false;
                }
                letters += 1;
                expect_letter = false;
                prev_sep = '\0';
            } else {
                match c {
                    '.' => {
                        if prev_sep != '\0' {
                            return false;
                        }
                        prev_sep = '.';
                    }
                    '-' => {
                        prev_sep = '-';
                        expect_letter = true;
                    }
                    _ => {
                        // "J.R": a letter directly after a period.
                        if prev_sep == '.' && c.is_uppercase() {
                            letters += 1;
                            prev_sep = '\0';
                        } else {
                            return false;
                        }
                    }
                }
            }
        }
        letters > 0 && !expect_letter && prev_sep == '\0'
    }

    /// Is the straight quotation mark at `pos` a closing one?
    fn straight_closes(&self, pos: usize) -> bool {
        if self.quotes.binary_search_by(|q| q.span.end.cmp(&(pos + 1))).is_ok() {
            return true;
        }
        match char_at(self.text, pos + 1) {
            None => true,
            Some(c) => c.is_whitespace() || (!c.is_alphanumeric() && c != '"'),
        }
    }

    /// Handles the final punctuation starting at `pos`. Returns where scanning resumes, and
    /// closes the sentence if this is a boundary.
    fn terminal(&mut self, pos: usize) -> usize {
        let text = self.text;
        let rules = self.rules;
        // The run of final punctuation.
        let mut run_end = pos;
        let mut dots = 0;
        let mut ellipsis = false;
        while let Some(c) = char_at(text, run_end) {
            if !rules.terminals.contains(&c) && c != '.' {
                break;
            }
            if c == '.' {
                dots += 1;
            }
            if c == '…' {
                ellipsis = true;
            }
            run_end += c.len_utf8();
        }
        if dots >= 2 {
            ellipsis = true;
        }
        self.last_end = run_end;
        let next = char_at(text, run_end);
        // Glued to a letter or digit: 3.5, 42.000, www.site.fr, a.b@c.fr
        if next.is_some_and(char::is_alphanumeric) {
            return run_end;
        }
        // Elision (…) [...]
        if ellipsis && matches!(char_before(text, pos), Some('(' | '[')) && matches!(next, Some(')' | ']')) {
            return run_end;
        }
        let single_period = run_end == pos + 1 && char_at(text, pos) == Some('.');
        let mut need_upper = ellipsis;
        // May a lower-case word after this period start a sentence?
        let mut lower_ok = single_period && rules.lower_after_period;
        if single_period {
            if pos + 1 == self.marker_end {
                return run_end;
            }
            if let Some(word) = self.word_before(pos) {
                let bare = &word[..word.len() - 1];
                if bare.chars().count() <= 1 || bare.contains(|c: char| c.is_ascii_digit()) && bare.contains('.') {
                    lower_ok = false;
                }
                if rules.never_final.contains(word) {
                    return run_end;
                }
                if rules.maybe_final.contains(word) {
                    need_upper = true;
                }
                let bare = &word[..word.len() - 1];
                if rules.initials && Self::is_initials(bare) {
                    // A single capital before a word that starts sentences ("dans A. La
                    // longueur", "Dagobert I. Ils") is not an initial.
                    let q = skip_hspace(text, run_end);
                    let next_word = if q > run_end { self.word_at(q) } else { "" };
                    let single = bare.chars().count() == 1;
                    let prev_cap = {
                        let before = &text[..pos - bare.len()];
                        let before = before.trim_end();
                        let pw = before.rsplit(char::is_whitespace).next().unwrap_or("");
                        pw.chars().next().is_some_and(char::is_uppercase)
                    };
                    let starts = rules.strong_starts.contains(next_word) || (!prev_cap && rules.semicolon_starts.contains(next_word));
                    if !(single && starts) {
                        return run_end;
                    }
                }
            }
        }
        // Closing marks that belong to the sentence.
        let mut end = run_end;
        loop {
            let q = skip_hspace(text, end);
            let Some(c) = char_at(text, q) else { break };
            if !rules.closers.contains(&c) {
                break;
            }
            let glued = q == end;
            let ok = match c {
                '»' | '”' => true,
                '"' => {
                    // Spaced before and glued to a word after: an opening mark.
                    let opens = !glued && char_at(text, q + 1).is_some_and(char::is_alphanumeric);
                    !opens && self.straight_closes(q)
                }
                ')' | ']' | '*' | '_' | '’' => glued,
                _ => glued,
            };
            if !ok {
                break;
            }
            end = q + c.len_utf8();
        }
        self.last_end = end;
        let q = skip_hspace(text, end);
        let boundary = match char_at(text, q) {
            None => true,
            Some(c) if is_line_break(c) => true,
            Some(c) if c.is_uppercase() => true,
            Some(c) if c.is_lowercase() => !ellipsis && !need_upper && (rules.lower_starts.contains(self.word_at(q)) || (lower_ok && end == run_end)),
            Some(c) if c.is_numeric() => !need_upper,
            Some(c) if q == end => {
                // Glued punctuation after closing marks: "parti.»," — not a boundary.
                let _ = c;
                false
            }
            Some(c) if ellipsis => matches!(c, '«' | '“'),
            Some(_) if need_upper => false,
            Some(c) => rules.openers.contains(&c),
        };
        if boundary {
            self.close(end, false);
        }
        end
    }

    fn run(mut self) -> Vec<Sentence> {
        let text = self.text;
        let mut pos = 0usize;
        let mut at_line_start = true;
        let bytes = text.as_bytes();
        while let Some(c) = char_at(text, pos) {
            // Fast path, most of the text: inside an open sentence, a run of ASCII characters
            // that are neither line breaks, upper-case letters, `;` nor final punctuation
            // (lower-case letters, digits, spaces, commas…) needs none of the rules below.
            if !at_line_start && self.start.is_some() {
                let mut p = pos;
                while let Some(&b) = bytes.get(p) {
                    match self.ascii.get(b as usize) {
                        Some(AsciiClass::Plain) => self.last_end = p + 1,
                        Some(AsciiClass::Space) => {}
                        None if self.latin1 && b == 0xc3 && bytes.get(p + 1).is_some_and(|&d| d >= 0xa0) => {
                            self.last_end = p + 2;
                            p += 2;
                            continue;
                        }
                        None if self.latin1 && b == 0xe2 && bytes.get(p + 1) == Some(&0x80) && bytes.get(p + 2) == Some(&0x99) => {
                            self.last_end = p + 3;
                            p += 3;
                            continue;
                        }
                        _ => break,
                    }
                    p += 1;
                }
                if p > pos {
                    pos = p;
                    continue;
                }
            }
            let len = c.len_utf8();
            if is_line_break(c) {
                self.close(self.last_end, true);
                at_line_start = true;
                self.line_list = false;
                self.marker_end = 0;
                pos += len;
                continue;
            }
            if c.is_whitespace() {
                pos += len;
                continue;
            }
            let first_on_line = at_line_start;
            if at_line_start {
                at_line_start = false;
                match self.list_marker(pos) {
                    Some(end) => {
                        self.line_list = true;
                        self.marker_end = end;
                    }
                    None => {
                        self.line_list = false;
                        self.marker_end = 0;
                    }
                }
            }
            if c.is_uppercase() && self.soft_boundary(pos) {
                self.close_as(self.last_end, true, true);
            }
            if self.start.is_none() {
                self.start = Some(pos);
                self.started_at_line_start = first_on_line;
            }
            if c == ';' && self.rules.semicolon_final {
                let q = skip_hspace(text, pos + 1);
                // "; la suite" and "; Le lendemain" end the sentence; "; Lucien Carillon"
                // (a list of names) and "; 20 %" do not.
                let ends = q > pos + 1
                    && char_at(text, q).is_some_and(|d| {
                        let w = self.word_at(q);
                        (d.is_lowercase() && !is_line_break(d))
                            || self.rules.strong_starts.contains(w)
                            || self.rules.semicolon_starts.contains(w)
                            || self.rules.article_starts.contains(w)
                            || (d.is_uppercase() && self.followed_by_lower_word(q))
                    });
                if ends {
                    self.last_end = pos + 1;
                    self.close(pos + 1, false);
                    pos = q;
                    continue;
                }
            }
            if c == '.' || self.rules.terminals.contains(&c) {
                pos = self.terminal(pos);
                continue;
            }
            self.last_end = pos + len;
            pos += len;
        }
        self.close(self.last_end, true);
        self.out
    }
}

/// Splits `text` into sentences. See the module documentation for the rules.
pub(crate) fn split_sentences(text: &str, rules: &SegmentRules, quotes: &[Quote]) -> Vec<Sentence> {
    let latin1 =
        ('\u{e0}'..='\u{ff}').chain(['’']).all(|c| !c.is_uppercase() && !c.is_whitespace() && !is_line_break(c) && !rules.terminals.contains(&c));
    split_with(text, rules, quotes, ascii_classes(rules), latin1)
}

/// `ascii` all [`AsciiClass::Special`] and `latin1` false: no fast path (the tests compare both).
fn split_with(text: &str, rules: &SegmentRules, quotes: &[Quote], ascii: [AsciiClass; 128], latin1: bool) -> Vec<Sentence> {
    Splitter {
        ascii,
        latin1,
        text,
        rules,
        quotes,
        out: Vec::new(),
        start: None,
        last_end: 0,
        started_at_line_start: false,
        line_list: false,
        marker_end: 0,
    }
    .run()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::find_quotes;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The ASCII fast path changes nothing: the same sentences as the character-by-character
        /// scan, on text made of the characters the rules care about.
        #[test]
        fn the_fast_path_gives_the_same_sentences(text in "((Le|le|Il|M\\.|1\\.|-|«|»|“|”|\"|'|’|\\(|\\)|\\[…\\]|[a-zéàèçêÿ÷ß]{1,6}|[A-ZÉÀ][a-zéà]{0,5}|[0-9]{1,3})([ ,;:.!?…»”\"')]{0,2})( |  |\n|\n\n|\t|\u{a0})?){0,60}") {
            let rules = SegmentRules::embedded();
            let q = find_quotes(&text);
            let fast = split_sentences(&text, rules, &q);
            let slow = split_with(&text, rules, &q, [AsciiClass::Special; 128], false);
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    fn split(text: &str) -> Vec<(&str, SentenceKind)> {
        let q = find_quotes(text);
        split_sentences(text, SegmentRules::embedded(), &q).into_iter().map(|s| (&text[s.span], s.kind)).collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn basic() {
        assert_eq!(texts("Il pleut. Il vente ! Et toi ? Non."), vec!["Il pleut.", "Il vente !", "Et toi ?", "Non."]);
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            texts("M. Dupont et Mme Durand sont venus. Le Dr. Martin aussi."),
            vec!["M. Dupont et Mme Durand sont venus.", "Le Dr. Martin aussi."]
        );
        assert_eq!(texts("George W. Bush et J.-M. Le Pen. Fin."), vec!["George W. Bush et J.-M. Le Pen.", "Fin."]);
        assert_eq!(texts("En 52 av. J.-C. César gagna."), vec!["En 52 av. J.-C. César gagna."]);
        assert_eq!(texts("Des pommes, etc. Le reste."), vec!["Des pommes, etc.", "Le reste."]);
        assert_eq!(texts("Des pommes, etc. et des poires."), vec!["Des pommes, etc. et des poires."]);
    }

    #[test]
    fn numbers_urls() {
        assert_eq!(
            texts("Il a 3.5 et 42.000 € soit 27,10 %. Voir www.site.fr ou a.b@c.fr. Fin."),
            vec!["Il a 3.5 et 42.000 € soit 27,10 %.", "Voir www.site.fr ou a.b@c.fr.", "Fin."]
        );
    }

    #[test]
    fn quotes_and_ellipsis() {
        assert_eq!(texts("« Il est parti. » Le lendemain, rien."), vec!["« Il est parti. »", "Le lendemain, rien."]);
        assert_eq!(texts("« Qui ? » demanda-t-il."), vec!["« Qui ? » demanda-t-il."]);
        assert_eq!(texts("« Oui (…) non. » Fin."), vec!["« Oui (…) non. »", "Fin."]);
        assert_eq!(texts("Il hésita… Puis partit."), vec!["Il hésita…", "Puis partit."]);
        assert_eq!(texts("Il hésita... puis partit."), vec!["Il hésita... puis partit."]);
    }

    #[test]
    fn lines() {
        let t = "Titre sans point\nVoici :\n1 Des centaines. Au total.\n2. Contrairement à ça.\n\nFin.";
        assert_eq!(
            split(t),
            vec![
                ("Titre sans point", SentenceKind::Heading),
                ("Voici :", SentenceKind::Body),
                ("1 Des centaines.", SentenceKind::ListItem),
                ("Au total.", SentenceKind::ListItem),
                ("2. Contrairement à ça.", SentenceKind::ListItem),
                ("Fin.", SentenceKind::Body),
            ]
        );
    }

    #[test]
    fn initials_pattern() {
        assert!(Splitter::is_initials("W"));
        assert!(Splitter::is_initials("J.-M"));
        assert!(Splitter::is_initials("J.R.R"));
        assert!(!Splitter::is_initials("BBC"));
        assert!(!Splitter::is_initials("Il"));
        assert!(!Splitter::is_initials(""));
        assert!(!Splitter::is_initials("J.-"));
    }
}

#[cfg(test)]
mod invariants {
    use crate::segment::{segment, SegmentRules};

    /// Checks the output contract on `text`.
    pub(crate) fn check(text: &str) {
        let seg = segment(text, SegmentRules::embedded());
        let mut prev = 0;
        for s in &seg.sentences {
            assert!(s.span.start < s.span.end, "empty sentence in {text:?}: {:?}", seg.sentences);
            assert!(s.span.start >= prev, "overlap in {text:?}: {:?}", seg.sentences);
            assert!(text[prev..s.span.start].chars().all(char::is_whitespace), "non-space gap in {text:?}: {:?}", seg.sentences);
            let t = &text[s.span.clone()];
            assert_eq!(t, t.trim(), "untrimmed sentence in {text:?}");
            prev = s.span.end;
        }
        assert!(text[prev..].chars().all(char::is_whitespace), "tail not covered in {text:?}: {:?}", seg.sentences);
    }

    #[test]
    fn random_garbage() {
        let alphabet: Vec<char> = "«»“”\"'’()[]…. .?!\n\n \u{a0}\u{202f}aAzZéÉ09-*#:;,€😀\r\t\u{2029}".chars().collect();
        let mut seed = 0x9E3779B97F4A7C15u64;
        for _ in 0..20000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 48) as usize;
            let mut s = String::new();
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            check(&s);
        }
    }

    #[test]
    fn edge_inputs() {
        for t in ["", " ", "\n\n", ".", "...", "…", "«", "»", "\"", "M.", "1.", "1 A", "- ", "-", "(…)", "a.\u{a0}»", "é. É", "😀.😀"] {
            check(t);
        }
    }
}
