//! Passages that are not in French. A French lexicon cannot read them: `classify::scope` reads
//! them as quotations inside an article that is French overall, else shows their sentences as
//! "not analysed", and the summary counts them apart.
//!
//! Identification is per block (a paragraph, a heading, a list item), with whatlang (trigram
//! profiles compiled into the crate; no model to download). Short text is where identifiers
//! err, and a French sentence full of names ("Ryan al-Kildani a protesté") must never be
//! dropped, so a block is marked only when it has at least `min_words` words, whatlang names
//! another language with at least `min_confidence`, and the block holds no more than
//! `max_french_words` French function words. The thresholds are in `lexicons/rules/languages.toml`.

use crate::token::WordSet;
use serde::{Deserialize, Serialize};
use whatlang::{Detector, Lang, Script};

use super::Block;

/// A passage in another language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Language {
    pub start: usize,
    pub end: usize,
    /// ISO 639-3 code (`eng`, `spa`…), or the script's name when only that is known.
    pub code: String,
    /// English name (`English`).
    pub name: String,
    /// whatlang's confidence, 0–1, two decimals.
    pub confidence: f64,
}

/// The thresholds of `lexicons/rules/languages.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageRules {
    pub min_words: usize,
    pub min_confidence: f64,
    pub max_french_words: usize,
    /// Languages whatlang chooses among (ISO 639-3), French included.
    pub candidates: Vec<String>,
    /// Frequent French words that no other candidate language shares.
    pub french_words: WordSet,
    /// whatlang's detector over `candidates`.
    #[serde(skip)]
    detector: Detector,
}

const FILE: &str = "languages.toml";

impl LanguageRules {
    /// The built-in rules (see [`crate::rules::Rules::builtin`]).
    pub fn embedded() -> &'static LanguageRules {
        &crate::rules::Rules::builtin().languages
    }
    pub fn from_toml(text: &str) -> Result<LanguageRules, crate::rules::RuleError> {
        let mut r: LanguageRules = crate::rules::parse(FILE, text)?;
        for c in &r.candidates {
            if Lang::from_code(c).is_none() {
                return Err(crate::rules::RuleError::at_value(FILE, text, c, format!("unknown language code {c:?}")));
            }
        }
        r.detector = Detector::with_allowlist(r.candidates.iter().filter_map(Lang::from_code).collect());
        Ok(r)
    }
    fn detector(&self) -> &Detector {
        &self.detector
    }
}

/// The verdict on one piece of text: None when it is French or too short or too unsure to say.
pub fn identify(s: &str, rules: &LanguageRules) -> Option<(String, String, f64)> {
    // One pass over the words, stopping at the first French word too many: a French paragraph
    // is settled after a few words, without whatlang (most of a corpus run's blocks).
    let (mut words, mut french) = (0usize, 0usize);
    let mut lower = String::new();
    for w in s.split(|c: char| !crate::token::is_alpha(c) && c != '\'' && c != '’').filter(|w| !w.is_empty()) {
        words += 1;
        if rules.french_words.contains(crate::token::lowered(w, &mut lower)) {
            french += 1;
            if french > rules.max_french_words {
                return None;
            }
        }
    }
    if words < rules.min_words {
        return None;
    }
    let det = rules.detector();
    match det.detect_script(s) {
        Some(Script::Latin) | None => {}
        Some(script) => return Some((script.name().to_lowercase(), script.name().to_string(), 1.0)),
    }
    let info = det.detect(s)?;
    if info.lang() == Lang::Fra || info.confidence() < rules.min_confidence {
        return None;
    }
    let conf = (info.confidence() * 100.0).round() / 100.0;
    Some((info.lang().code().to_string(), info.lang().eng_name().to_string(), conf))
}

/// Finds the blocks that are not in French; adjacent blocks of one language are merged.
pub fn find_languages(text: &str, blocks: &[Block], rules: &LanguageRules) -> Vec<Language> {
    let mut out: Vec<Language> = Vec::new();
    for b in blocks {
        let Some((code, name, confidence)) = identify(&text[b.span.clone()], rules) else { continue };
        out.push(Language { start: b.span.start, end: b.span.end, code, name, confidence });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> Option<String> {
        identify(s, LanguageRules::embedded()).map(|(c, _, _)| c)
    }

    #[test]
    fn english_paragraphs_are_found() {
        assert_eq!(
            id("A secret deal reportedly allowed some of the most notorious ISIS fighters to escape from a besieged Syrian city with their weapons.")
                .as_deref(),
            Some("eng")
        );
        assert_eq!(id("U.S. quietly let hundreds of ISIS fighters flee Raqqa").as_deref(), Some("eng"));
    }

    #[test]
    fn short_french_sentences_with_names_are_kept() {
        for s in [
            "Ryan al-Kildani, le chef des milices irakiennes Al-Hashd al-Shaabi, a protesté.",
            "Abu Basir al-Faransy témoigne depuis Idlib.",
            "Raqqa's Dirty Secret, BBC, novembre 2017.",
            "Le président Donald Trump a tweeté.",
            "Capture d'écran de l'article de la BBC",
            "CBS News partner BBC News",
            "Selon Seymour M. Hersh, The New Yorker.",
        ] {
            assert_eq!(id(s), None, "{s}");
        }
    }
}
