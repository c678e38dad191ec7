//! `hedge eval sources GOLD`: does hedge name the source of each attributed claim of a
//! hand-checked list, with the right key and kind (format and rule: docs/SOURCES.md)?
//!
//! A gold line: `{"file", "start", "text", "key", "kind"}` (file relative to the gold file). The
//! gold sentence is found among hedge's sentences by its first 24 letters and digits (hedge may
//! cut the text into sentences differently; Markdown marks are ignored). The key agrees when the
//! folded keys are equal; for a person, when the last words (surnames) are; for a vague source
//! the key is not compared (the kind says it all). Beside it, a trivial baseline: the first
//! capitalised word of the sentence after its first word, typed « person » (vague when none).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::classify::source::{Source, SourceKind};
use crate::classify::SentenceScore;
use crate::input::{Origin, Planned};
use crate::lexicon::Lexicon;
use crate::pipeline::{analyze, load, ReadOptions};

#[derive(Debug, Deserialize)]
struct GoldLine {
    file: String,
    text: String,
    key: String,
    kind: String,
}

/// Agreement counts of one method.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Agreement {
    /// Items given a source (any).
    pub predicted: usize,
    /// Items whose source has the right key (and kind vague for a vague gold source).
    pub key_right: usize,
    /// Items whose source has the right kind.
    pub kind_right: usize,
    /// key_right / predicted.
    pub precision: f64,
    /// key_right / items.
    pub recall: f64,
    /// kind_right / items.
    pub kind_agreement: f64,
}

/// One disagreement, for `--verbose`.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub file: String,
    pub text: String,
    pub gold: String,
    pub found: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourcesEval {
    pub items: usize,
    /// Gold sentences not found among hedge's sentences.
    pub missing: usize,
    pub hedge: Agreement,
    pub baseline: Agreement,
    pub misses: Vec<Miss>,
}

fn alnum(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn fold(s: &str) -> String {
    let mut out = String::new();
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| {
            crate::token::fold_key(w, &mut out);
            out.clone()
        })
        .collect();
    words.join(" ")
}

/// Do a found source and the gold one agree on the key?
fn key_agrees(found: &Source, key: &str, kind: SourceKind) -> bool {
    if kind == SourceKind::Vague {
        return found.kind == SourceKind::Vague;
    }
    let (a, b) = (fold(&found.key), fold(key));
    a == b || (kind == SourceKind::Person && found.kind == SourceKind::Person && a.rsplit(' ').next() == b.rsplit(' ').next())
}

/// The trivial baseline: the first capitalised word after the first word of the sentence.
pub fn baseline(text: &str) -> Source {
    let word = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .skip(1)
        .find(|w| w.chars().next().is_some_and(char::is_uppercase));
    match word {
        Some(w) => Source { text: Some(w.to_string()), key: w.to_string(), kind: SourceKind::Person, refers_back: false },
        None => Source { text: None, key: String::new(), kind: SourceKind::Vague, refers_back: false },
    }
}

fn tally(a: &mut Agreement, found: Option<&Source>, key: &str, kind: SourceKind) -> bool {
    let Some(f) = found else { return false };
    a.predicted += 1;
    let right = key_agrees(f, key, kind);
    a.key_right += usize::from(right);
    a.kind_right += usize::from(f.kind == kind);
    right
}

fn finish(mut a: Agreement, items: usize) -> Agreement {
    let r = |x: usize, n: usize| if n == 0 { 0.0 } else { x as f64 / n as f64 };
    a.precision = r(a.key_right, a.predicted);
    a.recall = r(a.key_right, items);
    a.kind_agreement = r(a.kind_right, items);
    a
}

/// Scores the sources of hedge and of the baseline against a gold file.
pub fn eval_sources(path: &Path, lex: &Lexicon) -> Result<SourcesEval, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut docs: BTreeMap<PathBuf, Vec<SentenceScore>> = BTreeMap::new();
    let mut r = SourcesEval { items: 0, missing: 0, hedge: Agreement::default(), baseline: Agreement::default(), misses: Vec::new() };
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let g: GoldLine = serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
        let kind = SourceKind::parse(&g.kind).ok_or_else(|| format!("{}:{}: unknown kind {:?}", path.display(), i + 1, g.kind))?;
        let file = if Path::new(&g.file).is_absolute() { PathBuf::from(&g.file) } else { base.join(&g.file) };
        if !docs.contains_key(&file) {
            let planned = Planned { label: file.display().to_string(), label_given: true, origin: Origin::File(file.clone()) };
            let doc = load(&planned, ReadOptions::default(), &lex.rules).map_err(|e| e.to_string())?;
            docs.insert(file.clone(), analyze(&doc, lex).sentences);
        }
        r.items += 1;
        let head: String = alnum(&g.text).chars().take(24).collect();
        let sentence = docs[&file].iter().find(|s| alnum(&s.text).contains(&head));
        if sentence.is_none() {
            r.missing += 1;
        }
        let found = sentence.and_then(|s| s.source.as_ref());
        let right = tally(&mut r.hedge, found, &g.key, kind);
        tally(&mut r.baseline, Some(&baseline(&g.text)), &g.key, kind);
        if !right {
            let name = file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            r.misses.push(Miss {
                file: name,
                text: g.text.chars().take(90).collect(),
                gold: format!("{} ({})", g.key, kind.as_str()),
                found: found.map_or("none".into(), |f| format!("{} ({})", f.key, f.kind.as_str())),
            });
        }
    }
    r.hedge = finish(r.hedge, r.items);
    r.baseline = finish(r.baseline, r.items);
    Ok(r)
}

impl SourcesEval {
    pub fn render(&self, verbose: bool) -> String {
        let mut s = format!("attributed claims {} · not found as a sentence {}\n", self.items, self.missing);
        s.push_str(&format!("{:<10} {:>9} {:>9} {:>9} {:>7} {:>14}\n", "", "predicted", "key right", "precision", "recall", "kind agreement"));
        for (name, a) in [("hedge", &self.hedge), ("baseline", &self.baseline)] {
            s.push_str(&format!(
                "{:<10} {:>9} {:>9} {:>9.4} {:>7.4} {:>14.4}\n",
                name, a.predicted, a.key_right, a.precision, a.recall, a.kind_agreement
            ));
        }
        s.push_str("baseline: the first capitalised word after the first word of the sentence, typed person (vague when none)\n");
        if verbose {
            for m in &self.misses {
                s.push_str(&format!("miss {} gold {} · found {}: {}\n", m.file, m.gold, m.found, m.text));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_agree_on_folded_words_and_surnames_and_vague_sources_on_the_kind() {
        let src = |key: &str, kind| Source { text: None, key: key.into(), kind, refers_back: false };
        assert!(key_agrees(&src("BBC", SourceKind::Media), "bbc", SourceKind::Media));
        assert!(key_agrees(&src("Mattis", SourceKind::Person), "James Mattis", SourceKind::Person));
        assert!(!key_agrees(&src("Mattis", SourceKind::Institution), "James Mattis", SourceKind::Person));
        assert!(key_agrees(&src("", SourceKind::Vague), "témoins", SourceKind::Vague));
        assert!(!key_agrees(&src("Turquie", SourceKind::Institution), "Ankara", SourceKind::Institution));
        assert_eq!(baseline("Selon la BBC, rien.").key, "BBC");
        assert_eq!(baseline("on dit que c'est vrai.").kind, SourceKind::Vague);
    }
}
