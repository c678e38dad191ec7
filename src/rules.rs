//! The engine rules: the seven data files of `lexicons/rules/` (`languages.toml`, `parts.toml`,
//! `quotes.toml`, `readings.toml`, `scoring.toml`, `segmentation.toml`, `sources.toml`; the
//! marker families are in `lexicons/markers/`). One loader reads them all into one [`Rules`] value:
//! the built-in copies (embedded at build time), each replaced by a file of the same name when
//! one is given (`--rules`, or `--lexicon` for `parts.toml` and `languages.toml`). The run
//! carries that value to every stage (in [`crate::lexicon::Lexicon::rules`]); no stage reads a
//! rule file of its own.
//!
//! A file that does not load is an error naming it, with the line and column TOML gives
//! (`scoring.toml:3:12: invalid type: string "beaucoup", expected i32`).

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde::de::DeserializeOwned;

use crate::classify::reading::ReadingRules;
use crate::classify::source::SourceRules;
use crate::classify::speaker::TagRules;
use crate::classify::ScoringRules;
use crate::extract::{LanguageRules, PartRules};
use crate::segment::SegmentRules;

/// The engine rule files, by file name, with their built-in text.
pub const BUILTIN: [(&str, &str); 7] = [
    ("languages.toml", include_str!("../lexicons/rules/languages.toml")),
    ("parts.toml", include_str!("../lexicons/rules/parts.toml")),
    ("quotes.toml", include_str!("../lexicons/rules/quotes.toml")),
    ("readings.toml", include_str!("../lexicons/rules/readings.toml")),
    ("scoring.toml", include_str!("../lexicons/rules/scoring.toml")),
    ("segmentation.toml", include_str!("../lexicons/rules/segmentation.toml")),
    ("sources.toml", include_str!("../lexicons/rules/sources.toml")),
];

/// Where the built-in rule files are, in the source tree (for messages).
pub const BUILTIN_DIR: &str = "lexicons/rules";

/// The built-in text of a rule file (`"scoring.toml"`).
pub fn builtin_text(file: &str) -> &'static str {
    BUILTIN.iter().find(|(n, _)| *n == file).map(|(_, t)| *t).unwrap_or_else(|| panic!("{file} is not an engine rule file"))
}

/// Is this path an engine rule file (by its name)?
pub fn is_rule_file(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| BUILTIN.iter().any(|(f, _)| *f == n))
}

/// A rule file that does not load: `file:line:col: message` (line and column when known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl RuleError {
    /// An error of the built-in file `name` (`"scoring.toml"`), without a position.
    pub fn new(name: &str, message: impl Into<String>) -> RuleError {
        RuleError { file: format!("{BUILTIN_DIR}/{name}"), line: None, column: None, message: message.into() }
    }

    /// An error about a value of the file: positioned at the first line of `text` that holds
    /// `value` as a TOML string (`"…"`), when there is one.
    pub fn at_value(name: &str, text: &str, value: &str, message: impl Into<String>) -> RuleError {
        let mut e = RuleError::new(name, message);
        let quoted = format!("{value:?}");
        if let Some(b) = text.find(&quoted).or_else(|| text.find(&format!("'{value}'"))) {
            let (l, c) = line_col(text, b);
            (e.line, e.column) = (Some(l), Some(c));
        }
        e
    }

    /// The same problem, in the file named `file` (the one the user gave).
    pub fn in_file(mut self, file: &str) -> RuleError {
        self.file = file.to_string();
        self
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for RuleError {}

/// Line and column (both from 1, the column in characters) of byte `byte` of `text`.
pub fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    let before = &text[..byte];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Deserialises the rule file `name` (`"scoring.toml"`) from `text`: a TOML syntax error or a
/// field of the wrong shape is positioned at its line and column.
pub fn parse<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, RuleError> {
    toml::from_str(text).map_err(|e| {
        let mut r = RuleError::new(name, e.message().trim().to_string());
        if let Some(span) = e.span() {
            let (l, c) = line_col(text, span.start);
            (r.line, r.column) = (Some(l), Some(c));
        }
        r
    })
}

/// A rule file given at run time: its name as the user wrote it, and its text.
#[derive(Debug, Clone)]
pub struct RuleSource {
    pub name: String,
    pub text: String,
}

/// Every engine rule of a run.
#[derive(Debug)]
pub struct Rules {
    /// Page parts; the built-in rules are compiled on first use (a corpus read in chunks never
    /// uses them, and compiling their patterns is about a third of a short run's instructions).
    parts: OnceLock<PartRules>,
    pub languages: LanguageRules,
    pub segmentation: SegmentRules,
    pub quotes: TagRules,
    pub readings: ReadingRules,
    pub scoring: ScoringRules,
    pub sources: SourceRules,
}

impl Rules {
    /// The built-in rules, read once per process.
    pub fn builtin() -> &'static Arc<Rules> {
        static R: OnceLock<Arc<Rules>> = OnceLock::new();
        R.get_or_init(|| Arc::new(Rules::load(&[]).unwrap_or_else(|e| panic!("built-in rule file (checked by tests): {e}"))))
    }

    /// The built-in rules, each file replaced by the given one of the same name (of two with
    /// one name, the later wins). A given file that does not load is an error naming it.
    pub fn load(given: &[RuleSource]) -> Result<Rules, RuleError> {
        for s in given {
            if !is_rule_file(Path::new(&s.name)) {
                return Err(RuleError { file: s.name.clone(), line: None, column: None, message: not_a_rule_file() });
            }
        }
        let pick = |file: &str| -> (Option<&str>, &str) {
            match given.iter().rev().find(|s| Path::new(&s.name).file_name().and_then(|n| n.to_str()) == Some(file)) {
                Some(s) => (Some(s.name.as_str()), s.text.as_str()),
                None => (None, builtin_text(file)),
            }
        };
        fn load_one<T>(pick: (Option<&str>, &str), f: impl Fn(&str) -> Result<T, RuleError>) -> Result<T, RuleError> {
            let (name, text) = pick;
            f(text).map_err(|e| match name {
                Some(n) => e.in_file(n),
                None => e,
            })
        }
        let parts = OnceLock::new();
        if let (Some(_), _) = pick("parts.toml") {
            let _ = parts.set(load_one(pick("parts.toml"), PartRules::from_toml)?);
        }
        Ok(Rules {
            parts,
            languages: load_one(pick("languages.toml"), LanguageRules::from_toml)?,
            segmentation: load_one(pick("segmentation.toml"), SegmentRules::from_toml)?,
            quotes: load_one(pick("quotes.toml"), TagRules::from_toml)?,
            readings: load_one(pick("readings.toml"), ReadingRules::from_toml)?,
            scoring: load_one(pick("scoring.toml"), ScoringRules::from_toml)?,
            sources: load_one(pick("sources.toml"), SourceRules::from_toml)?,
        })
    }

    /// The page-part rules (the built-in ones compiled now if not yet done).
    pub fn parts(&self) -> &PartRules {
        self.parts.get_or_init(|| PartRules::parse(builtin_text("parts.toml")).unwrap_or_else(|e| panic!("{e}")))
    }

    /// Reads `--rules` paths: a rule file (named like one of [`BUILTIN`]), or a directory, whose
    /// rule files (found by name, subdirectories included) are taken; a directory without any
    /// is an error, and so is a file of another name.
    pub fn read(paths: &[PathBuf]) -> Result<Vec<RuleSource>, RuleError> {
        let err = |p: &Path, message: String| RuleError { file: p.display().to_string(), line: None, column: None, message };
        let mut files = Vec::new();
        for p in paths {
            if p.is_dir() {
                let mut found = Vec::new();
                crate::lexicon::toml_files(p, &mut found).map_err(|e| err(p, e.to_string()))?;
                found.retain(|f| is_rule_file(f));
                if found.is_empty() {
                    return Err(err(p, format!("directory has no engine rule file (looked for {})", names().join(", "))));
                }
                files.extend(found);
            } else if is_rule_file(p) {
                files.push(p.clone());
            } else {
                return Err(err(p, not_a_rule_file()));
            }
        }
        files
            .into_iter()
            .map(|f| {
                let text = std::fs::read(&f).map_err(|e| err(&f, e.to_string()))?;
                let text = String::from_utf8(text).map_err(|_| err(&f, "not valid UTF-8 text".into()))?;
                Ok(RuleSource { name: f.display().to_string(), text })
            })
            .collect()
    }

    /// Loads one rule file given by path as the run would, and runs the examples its rules
    /// carry (`parts.toml`); the error names the file.
    pub fn check_file(path: &Path) -> Result<(), RuleError> {
        let sources = Rules::read(&[path.to_path_buf()])?;
        let rules = Rules::load(&sources)?;
        if path.file_name().is_some_and(|n| n == "parts.toml") {
            let bad = rules.parts().check_examples();
            if let Some(first) = bad.first() {
                let (file, rest) = (path.display().to_string(), first.strip_prefix("lexicons/rules/parts.toml: ").unwrap_or(first));
                return Err(RuleError { file, line: None, column: None, message: rest.to_string() });
            }
        }
        Ok(())
    }
}

/// The names of the engine rule files.
pub fn names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(n, _)| *n).collect()
}

fn not_a_rule_file() -> String {
    format!("not an engine rule file (a rule file is named {})", names().join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_file_loads() {
        let r = Rules::builtin();
        assert!(r.parts().rules.len() > 3);
        assert!(r.segmentation.never_final.contains("M."));
    }

    #[test]
    fn a_parse_error_is_positioned_in_the_given_file() {
        let bad = RuleSource { name: "ma-copie/scoring.toml".into(), text: "[base]\nasserted = \"beaucoup\"\n".into() };
        let e = Rules::load(&[bad]).unwrap_err();
        assert_eq!((e.file.as_str(), e.line, e.column), ("ma-copie/scoring.toml", Some(2), Some(12)), "{e}");
        assert!(e.to_string().starts_with("ma-copie/scoring.toml:2:12: "), "{e}");
    }

    #[test]
    fn the_projects_own_rule_files_pass_and_a_broken_one_names_its_file() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(BUILTIN_DIR);
        for f in names() {
            assert!(is_rule_file(&root.join(f)));
            Rules::check_file(&root.join(f)).unwrap_or_else(|e| panic!("{e}"));
        }
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("scoring.toml");
        std::fs::write(&bad, "[base]\nasserted = \"beaucoup\"\n").unwrap();
        let e = Rules::check_file(&bad).unwrap_err().to_string();
        assert!(e.starts_with(&format!("{}:2:12: ", bad.display())), "{e}");
        assert!(!is_rule_file(Path::new("lexicons/markers/fr/booster.toml")));
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_col("a\nàé x", 6), (2, 3));
        assert_eq!(line_col("abc", 0), (1, 1));
    }

    #[test]
    fn a_given_file_replaces_only_its_own_rules() {
        let text = builtin_text("scoring.toml").replace("asserted = 75", "asserted = 60");
        let r = Rules::load(&[RuleSource { name: "x/scoring.toml".into(), text }]).unwrap();
        assert_eq!(r.scoring.base.asserted, 60);
        assert_eq!(r.scoring.base.attributed, Rules::builtin().scoring.base.attributed);
        let e = Rules::load(&[RuleSource { name: "x/autre.toml".into(), text: String::new() }]).unwrap_err();
        assert!(e.message.starts_with("not an engine rule file"), "{e}");
    }
}
