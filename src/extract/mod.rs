//! Stage 2 — extract and normalise: decoded text → [`Document`].
//!
//! Plain text, Markdown and saved web pages (HTML) become one model: the text that is analysed
//! and shown, its blocks (headings, paragraphs, list items), the parts of the page (title,
//! body, byline/meta, boilerplate, reader comments — see [`parts`]) and the passages that are
//! not in French (see [`language`]). Invisible format characters (soft hyphens, zero-width
//! spaces…) are removed and the text is put in Unicode NFC (so that "é" is one character
//! whichever way it was typed); the byte offsets of every later stage point into
//! `Document::text`. For plain text already in NFC (the usual case, checked with the fast
//! quick-check) the text is the decoded file, so offsets are also offsets into it; for Markdown
//! and HTML they point into the extracted text, which the JSON report of `analyze` includes.

pub mod html;
pub mod language;
pub mod markdown;
pub mod name;
pub mod parts;

use std::ops::Range;

use serde::Serialize;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

pub use crate::input::Format;
pub use language::{Language, LanguageRules};
pub use parts::{Part, PartKind, PartRules};

use crate::rules::Rules;

/// An article ready for analysis.
#[derive(Debug, Clone)]
pub struct Document {
    /// The label shown in reports.
    pub label: String,
    /// Where it came from (file path or `<stdin>`).
    pub name: String,
    /// NFC text: what is analysed and shown.
    pub text: String,
    /// Whether normalisation changed the text (offsets then point into the NFC text).
    pub renormalised: bool,
    /// How the source was read.
    pub format: Format,
    /// The encoding the bytes were decoded with (`UTF-8`, `windows-1252`…).
    pub encoding: &'static str,
    /// Headings, paragraphs and list items, in order (spans into `text`).
    pub blocks: Vec<Block>,
    /// The parts of the page, in order, covering every block.
    pub parts: Vec<Part>,
    /// Passages identified as not French, in order.
    pub languages: Vec<Language>,
    /// Read whole as one article (false for a chunk of a corpus read in pieces).
    pub article: bool,
    /// The site name a web page declares (None for text and Markdown).
    pub site: Option<String>,
}

impl Document {
    /// The text of the article's title (the first block of its title part), if it has one.
    pub fn title(&self) -> Option<&str> {
        let part = self.parts.iter().find(|p| p.kind == PartKind::Title)?;
        let block = self.blocks.iter().find(|b| b.span.start >= part.start && b.span.end <= part.end)?;
        Some(&self.text[block.span.clone()])
    }

    /// Reads the document as a corpus, like a chunk of a streamed one: no page parts (a corpus
    /// has no single byline or end of article), foreign passages not read as quotations.
    pub fn as_corpus(&mut self) {
        self.parts.clear();
        self.article = false;
    }

    /// A readable name for reports when the user gave none: site (or file name) and title
    /// (see [`name::article_name`]).
    pub fn article_name(&self) -> Option<String> {
        name::article_name(self.site.as_deref(), &self.name, self.title())
    }
}

/// A block of text: a heading, a paragraph or a list item (span trimmed of white space).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub span: Range<usize>,
    pub kind: BlockKind,
}

/// What a block is in the source's own markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A Markdown or HTML heading, with its level (1 = title).
    Heading(u8),
    /// A paragraph (in plain text: a line).
    Paragraph,
    ListItem,
    /// The author line a web page marks as such.
    Byline,
}

/// Why a source gave no document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractError(pub String);

/// Builds a plain-text document from decoded text (UTF-8, built-in part and language rules).
pub fn extract(label: &str, name: &str, text: String) -> Document {
    extract_with(label, name, text, Rules::builtin())
}

/// [`extract`] with the given rules.
pub fn extract_with(label: &str, name: &str, text: String, rules: &Rules) -> Document {
    let (text, renormalised) = normalise(text);
    let blocks = plain_blocks(&text);
    document(label, name, text, renormalised, Format::Text, "UTF-8", blocks, Some(rules.parts()), &rules.languages)
}

/// Builds a document from one chunk of a plain-text corpus (a large file read in pieces): a
/// corpus has no page parts (no title, byline or comments to find), only languages. A chunk may
/// be white space only (a long run of blank lines cut in pieces): it then has no sentence; a
/// file with no text at all is reported by `input::stream`, which sees the whole file.
pub fn extract_chunk(label: &str, name: &str, text: String, encoding: &'static str) -> Document {
    extract_chunk_with(label, name, text, encoding, Rules::builtin())
}

/// [`extract_chunk`] with the given rules (of these, only the languages: a corpus has no page
/// parts).
pub fn extract_chunk_with(label: &str, name: &str, text: String, encoding: &'static str, rules: &Rules) -> Document {
    let (text, renormalised) = normalise(text);
    let blocks = plain_blocks(&text);
    document(label, name, text, renormalised, Format::Text, encoding, blocks, None, &rules.languages)
}

/// Builds a document from decoded text read as `format`.
pub fn extract_as(label: &str, name: &str, text: String, format: Format, encoding: &'static str) -> Result<Document, ExtractError> {
    extract_as_with(label, name, text, format, encoding, Rules::builtin())
}

/// [`extract_as`] with the given rules (page parts and languages).
pub fn extract_as_with(
    label: &str,
    name: &str,
    text: String,
    format: Format,
    encoding: &'static str,
    rules: &Rules,
) -> Result<Document, ExtractError> {
    let mut site = None;
    let (text, renormalised, blocks) = match format {
        Format::Text => {
            let (text, renormalised) = normalise(text);
            let blocks = plain_blocks(&text);
            (text, renormalised, blocks)
        }
        Format::Markdown => {
            let (src, renormalised) = normalise(text);
            let (text, blocks) = markdown::to_text(&src);
            (text, renormalised, blocks)
        }
        Format::Html => {
            // The extracted text is normalised inside (before its blocks are found).
            let page = html::to_text(&text).map_err(|e| ExtractError(e.0))?;
            site = page.site;
            (page.text, false, page.blocks)
        }
    };
    if text.trim().is_empty() {
        return Err(ExtractError(format!("no text left after reading it as {}", format.as_str())));
    }
    let mut doc = document(label, name, text, renormalised, format, encoding, blocks, Some(rules.parts()), &rules.languages);
    doc.site = site;
    Ok(doc)
}

/// Finds the languages of an extracted text, and its parts when given part rules (not for a
/// chunk of a corpus).
#[allow(clippy::too_many_arguments)]
fn document(
    label: &str,
    name: &str,
    text: String,
    renormalised: bool,
    format: Format,
    encoding: &'static str,
    blocks: Vec<Block>,
    part_rules: Option<&PartRules>,
    language_rules: &LanguageRules,
) -> Document {
    let parts = match part_rules {
        Some(r) => parts::find_parts(&text, &blocks, r),
        None => Vec::new(),
    };
    let languages = language::find_languages(&text, &blocks, language_rules);
    Document {
        label: label.to_string(),
        name: name.to_string(),
        text,
        renormalised,
        format,
        encoding,
        blocks,
        parts,
        languages,
        article: part_rules.is_some(),
        site: None,
    }
}

/// Plain text: every non-blank line is a paragraph block.
pub fn plain_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = pos + (line.len() - line.trim_start().len());
            blocks.push(Block { span: start..start + trimmed.len(), kind: BlockKind::Paragraph });
        }
        pos += line.len();
    }
    blocks
}

/// Characters that are invisible and format only: soft hyphen (a hyphenation point that web
/// pages put inside long words: « dis\u{ad}ci\u{ad}plines » must read as one word), zero-width
/// space, non-joiner and joiner, left-to-right and right-to-left marks and embeddings, word
/// joiner and invisible operators, a byte-order mark inside the text, Mongolian vowel separator.
/// None of them is a letter or a space of French text; left in, they cut words in two.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// The text analysed and shown: invisible format characters removed (see
/// [`is_invisible_format`]), then NFC (skipped when the quick check says the text already is
/// NFC). Returns whether the text changed (offsets then point into the new text).
pub fn normalise(text: String) -> (String, bool) {
    let (text, crs) = cr_line_ends(text);
    // Fast path: a character below U+0300 other than the soft hyphen is never removed, is NFC
    // (quick check "yes") and has canonical combining class 0, so a text made only of such
    // characters is returned as it is, after one tight scan.
    let Some(first) = first_needing_care(&text) else {
        return (text, crs);
    };
    // Otherwise each line is treated apart, from the first line that needs care: a line break
    // is a starter that composes with nothing, so removing characters and putting the text in
    // NFC line by line gives the same text as doing it on the whole text at once.
    let start = text[..first].rfind('\n').map_or(0, |i| i + 1);
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..start]);
    let mut changed = false;
    for line in text[start..].split_inclusive('\n') {
        if first_needing_care(line).is_none() {
            out.push_str(line);
            continue;
        }
        let (line, stripped) = if line.contains(is_invisible_format) {
            (std::borrow::Cow::Owned(line.chars().filter(|&c| !is_invisible_format(c)).collect::<String>()), true)
        } else {
            (std::borrow::Cow::Borrowed(line), false)
        };
        changed |= stripped;
        match is_nfc_quick(line.chars()) {
            IsNormalized::Yes => out.push_str(&line),
            _ => {
                let before = out.len();
                out.extend(line.nfc());
                changed |= out[before..] != *line;
            }
        }
    }
    if changed {
        (out, true)
    } else {
        (text, crs)
    }
}

/// A text whose lines end with a carriage return alone (files of the old Mac OS: at least two
/// « \r » and no « \r\n » anywhere) gets « \n » for each « \r », byte for byte, so that its
/// lines and paragraphs are seen and no offset moves. « \r\n » texts are left as they are.
fn cr_line_ends(text: String) -> (String, bool) {
    if !text.contains('\r') || text.contains("\r\n") || text.matches('\r').nth(1).is_none() {
        return (text, false);
    }
    (text.replace('\r', "\n"), true)
}

/// The byte offset of the first character that [`normalise`] may remove or change: one at
/// U+0300 or above (its UTF-8 lead byte is 0xCC or more) that is not [`always_kept`], or the
/// soft hyphen (C2 AD). A byte scan, decoding only characters from U+0300 on.
fn first_needing_care(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(k) = position_cc_or_ad(&b[from..]) {
        let i = from + k;
        if b[i] >= 0xcc {
            let c = s[i..].chars().next().unwrap_or('\0');
            if !always_kept(c) {
                return Some(i);
            }
            from = i + c.len_utf8();
            continue;
        }
        if i > 0 && b[i - 1] == 0xc2 {
            return Some(i - 1);
        }
        from = i + 1;
    }
    None
}

/// The first byte that is 0xCC or more or 0xAD: `b.iter().position(|&x| x >= 0xcc || x == 0xad)`,
/// eight bytes at a time (most of French text is ASCII; a test checks it against the byte loop).
fn position_cc_or_ad(b: &[u8]) -> Option<usize> {
    const LO: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    let mut base = 0;
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap());
        // Bytes of 0x80 or more: the rest of each (below 0x80) plus 0x34 reaches 0x80 exactly
        // when the byte is 0xCC or more; no carry crosses into the next byte.
        let ge_cc = w & HI & ((w & LO) + 0x3434_3434_3434_3434);
        // Bytes equal to 0xAD: the zero bytes of w ^ 0xADAD…, exactly (no borrow).
        let x = w ^ 0xadad_adad_adad_adad;
        let is_ad = !(((x & LO) + LO) | x | LO);
        let m = ge_cc | is_ad;
        if m != 0 {
            return Some(base + (m.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    chunks.remainder().iter().position(|&x| x >= 0xcc || x == 0xad).map(|k| base + k)
}

/// Characters from U+0300 on that French text uses often and that [`normalise`] never
/// changes: visible general punctuation (’ “ ” – — … and the narrow no-break space) and
/// currency signs (€). They are NFC (quick check "yes"), have combining class 0 and compose
/// with no neighbour (a test checks it against the Unicode tables).
fn always_kept(c: char) -> bool {
    matches!(c as u32, 0x2002..=0x200a | 0x2010..=0x2029 | 0x202f..=0x205f | 0x20a0..=0x20c0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eight_byte_scan_finds_the_byte_the_byte_loop_finds() {
        let slow = |b: &[u8]| b.iter().position(|&x| x >= 0xcc || x == 0xad);
        // Every byte value at every place of a 19-byte run, over ASCII and over other bytes.
        for fill in [b'a', 0x80, 0xcb, 0xac, 0xae, 0xc3, 0x7f, 0x00] {
            for pos in 0..19 {
                for v in 0..=255u8 {
                    let mut b = vec![fill; 19];
                    b[pos] = v;
                    assert_eq!(position_cc_or_ad(&b), slow(&b), "{fill:#x} {pos} {v:#x}");
                    assert_eq!(position_cc_or_ad(&b[pos..]), slow(&b[pos..]));
                }
            }
        }
        for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap() {
            let t = std::fs::read(e.unwrap().path()).unwrap();
            for from in 0..64.min(t.len()) {
                assert_eq!(position_cc_or_ad(&t[from..]), slow(&t[from..]));
            }
        }
    }

    #[test]
    fn composes_decomposed_accents() {
        let d = extract("x", "x", "e\u{301}te\u{301}".to_string());
        assert_eq!(d.text, "été");
        assert!(d.renormalised);
        let d = extract("x", "x", "été".to_string());
        assert!(!d.renormalised);
    }

    #[test]
    fn soft_hyphens_and_zero_width_characters_are_removed() {
        let d = extract("x", "x", "Les dis\u{ad}ci\u{ad}plines en\u{ad}semble, un\u{200b}mot, \u{feff}fin\u{2060}.".to_string());
        assert_eq!(d.text, "Les disciplines ensemble, unmot, fin.");
        assert!(d.renormalised);
        // Decomposed accents and soft hyphens together.
        let d = extract("x", "x", "e\u{301}\u{ad}te\u{301}".to_string());
        assert_eq!(d.text, "été");
        // Blocks are found in the cleaned text.
        let b = &d.blocks[0];
        assert_eq!(&d.text[b.span.clone()], "été");
    }

    /// The whole-text normalisation that [`normalise`] replaced (it works line by line).
    fn normalise_whole(text: String) -> (String, bool) {
        let (text, crs) = cr_line_ends(text);
        let (text, stripped) = if text.contains(is_invisible_format) {
            (text.chars().filter(|&c| !is_invisible_format(c)).collect::<String>(), true)
        } else {
            (text, crs)
        };
        match is_nfc_quick(text.chars()) {
            IsNormalized::Yes => (text, stripped),
            _ => {
                let n: String = text.nfc().collect();
                let changed = n != text;
                (n, changed || stripped)
            }
        }
    }

    #[test]
    fn always_kept_characters_are_stable() {
        for c in ('\u{300}'..='\u{3000}').filter(|&c| always_kept(c)) {
            assert!(!is_invisible_format(c), "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0, "{c:?}");
            // It composes with no neighbour: not with a letter before it, nor with a combining
            // mark after it.
            for n in ['e', 'a', 'A', '\u{301}', '\u{300}', '\u{327}'] {
                let pair: String = [c, n].iter().collect();
                assert_eq!(pair.nfc().collect::<String>(), format!("{c}{}", std::iter::once(n).nfc().collect::<String>()), "{c:?} {n:?}");
                let pair: String = [n, c].iter().collect();
                assert_eq!(pair.nfc().collect::<String>(), format!("{}{c}", std::iter::once(n).nfc().collect::<String>()), "{n:?} {c:?}");
            }
        }
    }

    #[test]
    fn line_by_line_normalisation_is_the_whole_text_one() {
        let pieces = [
            "’", "\u{202f}", "€", "\u{2000}", "a", "e", "\u{301}", "\u{300}", "\u{327}", "\u{ad}", "\u{200b}", "\n", "\r\n", " ", "é", "\u{1100}",
            "\u{1161}", "\u{f900}", "Å", "\u{212b}", "x.", "\u{feff}", "\u{323}",
        ];
        // Every string of up to 4 pieces, and some longer ones.
        let mut cases = vec![String::new()];
        for _ in 0..4 {
            let mut next = Vec::new();
            for c in &cases {
                for p in pieces {
                    next.push(format!("{c}{p}"));
                }
            }
            cases.extend(next);
            cases.sort();
            cases.dedup();
        }
        cases.push("Il a dit\u{ad}: e\u{301}te\u{301}\nLigne\n\u{301}début\nfin e\u{323}\u{302}".to_string());
        for c in cases {
            assert_eq!(normalise(c.clone()), normalise_whole(c.clone()), "{c:?}");
        }
    }

    #[test]
    fn old_mac_line_ends_are_line_ends() {
        // Lines ended by « \r » alone (no « \r\n » anywhere): each « \r » is a line break, byte
        // for byte; a « \r\n » text, or one stray « \r », is left as it is.
        let t = "Titre\r\rUn paragraphe. Deux.\rTrois.";
        let (n, changed) = normalise(t.to_string());
        assert!(changed);
        assert_eq!(n, "Titre\n\nUn paragraphe. Deux.\nTrois.");
        let got: Vec<&str> = plain_blocks(&n).iter().map(|b| &n[b.span.clone()]).collect();
        assert_eq!(got, ["Titre", "Un paragraphe. Deux.", "Trois."]);
        for kept in ["Titre\r\n\r\nUn paragraphe.\rDeux.", "Un seul \r ici."] {
            assert_eq!(normalise(kept.to_string()), (kept.to_string(), false), "{kept:?}");
        }
    }

    #[test]
    fn plain_lines_are_blocks() {
        let t = "Titre\r\n\r\n  Un paragraphe.  \nDeux.";
        let b = plain_blocks(t);
        let got: Vec<&str> = b.iter().map(|b| &t[b.span.clone()]).collect();
        assert_eq!(got, ["Titre", "Un paragraphe.", "Deux."]);
    }
}
