//! Runs each lexicon entry's examples through the matcher: every example must contain the
//! entry, no counterexample may (used by `hedge lexicon check` and by the test suite); and checks
//! the engine rule files (`parts.toml`, `quotes.toml`, `segmentation.toml`, `readings.toml`,
//! `scoring.toml`, `languages.toml`, `sources.toml`) with the loader that reads each.

use crate::lexicon::{Entry, Lexicon, LexiconError};
use crate::matcher::match_span;

/// Checks the examples of the entries selected by `which`; returns one error per failure.
pub fn check_examples(lex: &Lexicon, which: impl Fn(&Entry) -> bool) -> Vec<LexiconError> {
    let mut out = Vec::new();
    for (i, e) in lex.entries.iter().enumerate().filter(|(_, e)| which(e)) {
        let found = |s: &str| match_span(s, 0..s.len(), lex).hits.iter().any(|h| h.entry as usize == i);
        let err = |msg: String| LexiconError {
            file: e.location.file.clone(),
            line: Some(e.location.line),
            marker: Some(e.key.clone()),
            message: msg,
        };
        for x in &e.examples {
            if !found(x) {
                out.push(err(format!("example does not match: {x:?}")));
            }
        }
        for x in &e.counterexamples {
            if found(x) {
                out.push(err(format!("counterexample matches: {x:?}")));
            }
        }
    }
    out
}

/// The engine rule files of `lexicons/`, by file name: they are not marker families.
pub const RULE_FILES: [&str; 7] = ["languages.toml", "parts.toml", "quotes.toml", "readings.toml", "scoring.toml", "segmentation.toml", "sources.toml"];

/// Is this path an engine rule file (by its name)?
pub fn is_rule_file(path: &std::path::Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| RULE_FILES.contains(&n))
}

/// Parses an engine rule file with its loader; the error names the file.
pub fn check_rule_file(path: &std::path::Path) -> Result<(), String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let result = match file {
        "languages.toml" => crate::extract::language::LanguageRules::from_toml(&text).map(drop),
        "parts.toml" => crate::extract::parts::PartRules::from_toml(&text).map(drop),
        "quotes.toml" => crate::classify::speaker::TagRules::from_toml(&text).map(drop),
        "readings.toml" => crate::classify::reading::ReadingRules::from_toml(&text).map(drop),
        "scoring.toml" => crate::classify::ScoringRules::from_toml(&text).map(drop),
        "segmentation.toml" => crate::segment::SegmentRules::from_toml(&text).map(drop).map_err(|e| e.to_string()),
        "sources.toml" => crate::classify::source::SourceRules::from_toml(&text).map(drop),
        _ => return Err(format!("{name}: not an engine rule file")),
    };
    // The loaders name the embedded file (`lexicons/scoring.toml: …`): name the file checked.
    result.map_err(|e| {
        let e = e.strip_prefix(&format!("lexicons/{file}: ")).unwrap_or(&e).to_string();
        format!("{name}: {e}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_projects_own_rule_files_pass_and_a_broken_one_names_its_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
        for f in RULE_FILES {
            assert!(is_rule_file(&root.join(f)));
            check_rule_file(&root.join(f)).unwrap_or_else(|e| panic!("{e}"));
        }
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("scoring.toml");
        std::fs::write(&bad, "[base]\nasserted = \"beaucoup\"\n").unwrap();
        let e = check_rule_file(&bad).unwrap_err();
        assert!(e.starts_with(&bad.display().to_string()) && e.contains("line 2"), "{e}");
        assert!(!is_rule_file(std::path::Path::new("lexicons/fr/booster.toml")));
    }
}
