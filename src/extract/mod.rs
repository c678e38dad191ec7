//! Stage 2 — extract and normalise: decoded text → [`Document`].
//!
//! Text is put in Unicode NFC (so that "é" is one character whichever way it was typed); the
//! byte offsets of every later stage point into `Document::text`. When the input already is
//! NFC (the usual case, checked with the fast quick-check), the text is kept as is, so offsets
//! are also offsets into the decoded file.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// An article ready for analysis.
#[derive(Debug, Clone)]
pub struct Document {
    /// The label shown in reports.
    pub label: String,
    /// Where it came from (file path or `<stdin>`).
    pub name: String,
    /// NFC text.
    pub text: String,
    /// Whether normalisation changed the text (offsets then point into the NFC text).
    pub renormalised: bool,
}

/// Builds a document from decoded text.
pub fn extract(label: &str, name: &str, text: String) -> Document {
    let (text, renormalised) = normalise(text);
    Document { label: label.to_string(), name: name.to_string(), text, renormalised }
}

/// NFC normalisation, skipped when the quick check says the text already is NFC.
pub fn normalise(text: String) -> (String, bool) {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => (text, false),
        _ => {
            let n: String = text.nfc().collect();
            let changed = n != text;
            (n, changed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_decomposed_accents() {
        let d = extract("x", "x", "e\u{301}te\u{301}".to_string());
        assert_eq!(d.text, "été");
        assert!(d.renormalised);
        let d = extract("x", "x", "été".to_string());
        assert!(!d.renormalised);
    }
}
