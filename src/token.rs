//! Words, shared by the lexicon (to cut patterns into words) and the matcher (to cut text).
//!
//! A word is a maximal run of alphanumeric characters; apostrophes, hyphens, spaces and
//! punctuation are the gaps between words. Comparison rules for French:
//! - case is ignored (É = é);
//! - an upper-case letter written without its accent matches the accented letter ("Etat" =
//!   "État"), as French often drops accents on capitals; a lower-case one does not
//!   ("présume" ≠ "présumé");
//! - in gaps, `’` = `'`, runs of white space are one space, and the non-breaking hyphen is `-`.

use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// A fast, non-cryptographic hasher for short word keys (the FxHash mixing step, word by
/// word): the lexicon's word index is looked up once per word of the text, where SipHash cost
/// more than the rest of the look-up.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(c.try_into().unwrap())).wrapping_mul(K);
        }
        // The last 0–7 bytes in at most two loads (overlapping for 5–7 and 2–3 bytes); the
        // length is mixed in, so overlapping loads still tell words apart.
        let r = chunks.remainder();
        let tail = match r.len() {
            0 => 0,
            1 => u64::from(r[0]),
            2..=3 => u64::from(u16::from_le_bytes([r[0], r[1]])) | u64::from(r[r.len() - 1]) << 16,
            n => u64::from(u32::from_le_bytes(r[..4].try_into().unwrap())) | u64::from(u32::from_le_bytes(r[n - 4..].try_into().unwrap())) << 32,
        };
        self.0 = (self.0.rotate_left(5) ^ tail ^ bytes.len() as u64).wrapping_mul(K);
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

/// A `HashMap` build-hasher using [`WordHasher`].
pub type WordHash = BuildHasherDefault<WordHasher>;

/// A set of words (the word lists of the scoring and reading rules), hashed with
/// [`WordHasher`]: the classifier looks words up in them for every sentence.
pub type WordSet = std::collections::HashSet<String, WordHash>;

/// A word of the text: its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
}

/// Byte classes for [`tokenize`]: an ASCII letter or digit, another ASCII byte, or the first
/// or a following byte of a longer UTF-8 character.
const ASCII_ALNUM: u8 = 1;
const ASCII_OTHER: u8 = 0;
const NON_ASCII: u8 = 2;
static BYTE_CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = if (b as u8).is_ascii_alphanumeric() { ASCII_ALNUM } else { ASCII_OTHER };
        b += 1;
    }
    t
};

/// Cuts `text` into words; spans are offset by `base`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let bytes = text.as_bytes();
    // Is the character at `i` a letter or digit, and its length? (`i` is a char boundary.)
    let at = |i: usize| -> (bool, usize) {
        match BYTE_CLASS[bytes[i] as usize] {
            ASCII_ALNUM => (true, 1),
            ASCII_OTHER => (false, 1),
            // U+00C0..U+00FF (« é », « à »…): letters but for × (C3 97) and ÷ (C3 B7), as
            // `is_alnum` has them.
            _ if bytes[i] == 0xc3 && i + 1 < bytes.len() => (!matches!(bytes[i + 1], 0x97 | 0xb7), 2),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (is_alnum(c), c.len_utf8())
            }
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        // The gap: ASCII bytes that are not letters or digits skipped in a tight loop.
        while i < bytes.len() && BYTE_CLASS[bytes[i] as usize] == ASCII_OTHER {
            i += 1;
        }
        if i == bytes.len() {
            break;
        }
        let start = i;
        if BYTE_CLASS[bytes[i] as usize] == ASCII_ALNUM {
            i += 1;
        } else {
            let (alnum, len) = at(i);
            i += len;
            if !alnum {
                continue;
            }
        }
        // The word: ASCII letters and digits in a tight loop, other characters decoded.
        while i < bytes.len() {
            match BYTE_CLASS[bytes[i] as usize] {
                ASCII_ALNUM => i += 1,
                ASCII_OTHER => break,
                _ => {
                    let (alnum, len) = at(i);
                    if !alnum {
                        break;
                    }
                    i += len;
                }
            }
        }
        out.push(Token { span: base + start..base + i });
    }
    out
}

/// `c.is_alphanumeric()`, answered without the Unicode tables for the characters of French
/// text (ASCII, Latin-1, the general punctuation block: spaces, quotes, dashes).
#[inline]
pub fn is_alnum(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphanumeric(),
        0x80..=0xff => matches!(c as u32, 0xaa | 0xb2 | 0xb3 | 0xb5 | 0xb9 | 0xba | 0xbc..=0xbe | 0xc0..=0xd6 | 0xd8..=0xf6 | 0xf8..=0xff),
        0x2000..=0x206f => false,
        _ => c.is_alphanumeric(),
    }
}

/// `c.is_alphabetic()`, with the fast path of [`is_alnum`].
#[inline]
pub fn is_alpha(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphabetic(),
        0x80..=0xff => matches!(c as u32, 0xaa | 0xb5 | 0xba | 0xc0..=0xd6 | 0xd8..=0xf6 | 0xf8..=0xff),
        0x2000..=0x206f => false,
        _ => c.is_alphabetic(),
    }
}

/// Removes the diacritic of a lower-case French letter (é → e, ç → c); other characters are
/// returned unchanged.
pub fn strip_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        'ñ' => 'n',
        _ => c,
    }
}

/// Lower-case, accent-free key of a word: the index key under which lexicon words are found.
pub fn fold_key(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match latin1_lower(c) {
            Some(l) => out.push(strip_accent(l)),
            None => out.extend(c.to_lowercase().map(strip_accent)),
        }
    }
}

/// The lower case of an ASCII or Latin-1 letter (the letters of French text but œ, Œ and Ÿ),
/// without the Unicode tables; None for other characters. Same result as
/// `char::to_lowercase` for those characters (a unit test checks all 256).
#[inline]
fn latin1_lower(c: char) -> Option<char> {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 32),
        '\0'..='\u{ff}' => Some(c),
        _ => None,
    }
}

/// The word itself when it is ASCII with no capital (its own fold key and lower case, as most
/// words of a text are: looked up as they are, without a copy), else `build` of it in `buf`.
#[inline]
fn as_is_or<'a>(word: &'a str, buf: &'a mut String, build: fn(&str, &mut String)) -> &'a str {
    if word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
        return word;
    }
    build(word, buf);
    buf
}

/// The word in lower case (see [`lower_into`]), borrowed when it already is (ASCII with no
/// capital, or Latin-1 lower-case letters: most words), so that a walk over a sentence's words
/// allocates nothing for them.
pub fn lower_cow(word: &str) -> std::borrow::Cow<'_, str> {
    let as_is = word.bytes().all(|b| !b.is_ascii_uppercase()) && (word.is_ascii() || word.chars().all(|c| latin1_lower(c) == Some(c)));
    if as_is {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut out = String::new();
    lower_into(word, &mut out);
    std::borrow::Cow::Owned(out)
}

/// Does lower-casing `word` ([`lower_into`]) keep its length in bytes? It does when every
/// character is ASCII or Latin-1 (no UTF-8 lead byte from C4 on): such a word, of another length
/// than a word looked for, cannot lower-case to it, and a check may rule it out without
/// lower-casing it.
pub fn lowering_keeps_length(word: &str) -> bool {
    word.bytes().all(|b| b < 0xc4)
}

/// Is there punctuation (anything but white space and apostrophes) between tokens `i` and
/// `i + 1`? Words joined by white space or an elision (« l'a », « n'est ») belong to one phrase.
pub fn punctuation_between(text: &str, tokens: &[Token], i: usize) -> bool {
    text[tokens[i].span.end..tokens[i + 1].span.start].chars().any(|c| !c.is_whitespace() && c != '\'' && c != '’')
}

/// Is the lower-case word an adverb in -ment (« finalement », « également »), not a short word
/// that only ends so (« ment », « dément »)?
pub fn ment_adverb(w: &str) -> bool {
    w.len() > 6 && w.ends_with("ment")
}

/// Where the last `max` bytes of `span` in `text` start, moved forward to a character
/// boundary: a bounded look at the end of a span that may run for megabytes (a "sentence"
/// with no full stop).
pub fn tail_start(text: &str, span: std::ops::Range<usize>, max: usize) -> usize {
    let mut from = span.start.max(span.end.saturating_sub(max));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// The word's fold key (see [`fold_key`]), without a copy when the word already is one.
#[inline]
pub fn folded<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    as_is_or(word, buf, fold_key)
}

/// The word in lower case (see [`lower_into`]), without a copy when it already is.
#[inline]
pub fn lowered<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    as_is_or(word, buf, lower_into)
}

/// Lower-cases a word into `out`.
pub fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match latin1_lower(c) {
            Some(l) => out.push(l),
            None => out.extend(c.to_lowercase()),
        }
    }
}

/// Does the text word `text` match the lexicon word `lex` (lower-case, accented)?
pub fn word_matches(text: &str, lex: &str) -> bool {
    if text.is_ascii() && lex.is_ascii() {
        // Without accents the rules come down to ignoring case.
        return text.eq_ignore_ascii_case(lex);
    }
    let mut t = text.chars();
    let mut l = lex.chars();
    loop {
        match (t.next(), l.next()) {
            (None, None) => return true,
            (Some(tc), Some(lc)) => {
                if tc == lc {
                    continue;
                }
                let mut lower = tc.to_lowercase();
                let (Some(tl), None) = (lower.next(), lower.next()) else { return false };
                if tl == lc {
                    continue;
                }
                // An upper-case letter without its accent stands for the accented letter.
                if tc.is_uppercase() && strip_accent(tl) == tl && strip_accent(lc) == tl {
                    continue;
                }
                return false;
            }
            _ => return false,
        }
    }
}

/// The characters of the text between two words, normalised for comparison: `’`/`ʼ`/`‘` →
/// `'`, non-breaking hyphen → `-`, any run of white space → one space.
fn normalised_gap(gap: &str) -> impl Iterator<Item = char> + '_ {
    let mut in_space = false;
    gap.chars().filter_map(move |c| {
        if c.is_whitespace() {
            let first = !in_space;
            in_space = true;
            return first.then_some(' ');
        }
        in_space = false;
        Some(match c {
            '’' | 'ʼ' | '‘' => '\'',
            '\u{2011}' | '\u{2010}' => '-',
            other => other,
        })
    })
}

/// Is the text between two words, normalised as by [`normalise_gap`], equal to `want`? (No
/// allocation: the matcher asks this for every candidate sequence.)
pub fn gap_matches(gap: &str, want: &str) -> bool {
    normalised_gap(gap).eq(want.chars())
}

/// Normalises the text between two words for comparison (see [`normalised_gap`]).
pub fn normalise_gap(gap: &str, out: &mut String) {
    out.clear();
    out.extend(normalised_gap(gap));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowering_keeps_the_length_of_ascii_and_latin1_words_only() {
        let mut out = String::new();
        for c in (0u32..=0xff).filter_map(char::from_u32) {
            let w = format!("a{c}b");
            lower_into(&w, &mut out);
            assert!(lowering_keeps_length(&w) && out.len() == w.len(), "{c:?}");
        }
        // « İ » (U+0130) lower-cases to two characters: its length may change.
        assert!(!lowering_keeps_length("İSTANBUL") && !lowering_keeps_length("cœur"));
    }

    #[test]
    fn latin1_characters_cut_words_as_is_alphanumeric_says() {
        // The two-byte fast path for C3 xx (U+00C0..U+00FF), and the rest of Latin-1, inside,
        // around and alone.
        for c in '\u{80}'..='\u{ff}' {
            let text = format!("a{c}b {c} x{c} {c}y{c}{c}");
            let mut want = Vec::new();
            let mut start = None;
            for (i, d) in text.char_indices().chain([(text.len(), ' ')]) {
                match (d.is_alphanumeric(), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        want.push(s..i);
                        start = None;
                    }
                    _ => {}
                }
            }
            let got: Vec<_> = tokenize(&text, 0).into_iter().map(|t| t.span).collect();
            assert_eq!(got, want, "{c:?}");
        }
    }

    #[test]
    fn words_and_gaps() {
        let text = "Affirme-t-il qu’aujourd’hui 27,10 %";
        let words: Vec<&str> = tokenize(text, 0).iter().map(|t| &text[t.span.clone()]).collect();
        assert_eq!(words, ["Affirme", "t", "il", "qu", "aujourd", "hui", "27", "10"]);
        let mut g = String::new();
        normalise_gap(" \u{a0}\n ", &mut g);
        assert_eq!(g, " ");
        normalise_gap("’", &mut g);
        assert_eq!(g, "'");
        for (gap, want) in [(" \u{a0}\n ", " "), ("’", "'"), (" - ", " - "), ("\u{2011}", "-"), ("", ""), (" ", "'"), ("' ", "'"), (" ", "  ")] {
            normalise_gap(gap, &mut g);
            assert_eq!(gap_matches(gap, want), g == want, "{gap:?} {want:?}");
        }
    }

    #[test]
    fn the_latin1_shortcut_lowers_as_unicode_does() {
        for c in (0u32..=0xff).filter_map(char::from_u32) {
            let want: Vec<char> = c.to_lowercase().collect();
            assert_eq!(latin1_lower(c).map(|l| vec![l]), Some(want), "{c:?}");
        }
        assert_eq!(latin1_lower('Œ'), None);
        let (mut a, mut b) = (String::new(), String::new());
        lower_into("ÉTAT ŒUVRE Ÿ İ", &mut a);
        assert_eq!(a, "ÉTAT ŒUVRE Ÿ İ".to_lowercase());
        fold_key("ÉTÉ Œuvre", &mut b);
        assert_eq!(b, "ete œuvre");
        for w in ["selon", "Selon", "été", "2017", "x2", "İl", "aujourd"] {
            let (mut f, mut l, mut buf) = (String::new(), String::new(), String::new());
            fold_key(w, &mut f);
            lower_into(w, &mut l);
            assert_eq!(folded(w, &mut buf), f, "{w}");
            assert_eq!(lowered(w, &mut buf), l, "{w}");
        }
    }

    #[test]
    fn fast_character_classes_agree_with_unicode() {
        for c in ('\0'..='\u{3000}').chain(['\u{fb01}', '\u{1d400}', '\u{10ffff}']) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn accent_rules() {
        assert!(word_matches("État", "état"));
        assert!(word_matches("ETAT", "état"));
        assert!(word_matches("Etat", "état"));
        assert!(!word_matches("etat", "état"));
        assert!(!word_matches("présume", "présumé"));
        assert!(word_matches("PRÉSUMÉ", "présumé"));
        assert!(word_matches("A", "à"));
        assert!(!word_matches("selonx", "selon"));
        let mut k = String::new();
        fold_key("Été", &mut k);
        assert_eq!(k, "ete");
    }
}
