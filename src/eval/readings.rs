//! Evaluation of the conditional-reading classifier against hand-annotated gold data
//! (`shared/eval/cnd-readings/*.jsonl`, one conditional word per line; see GUIDELINES.md
//! there).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::classify::reading::{classify_reading, Reading, ReadingRules};
use crate::lexicon::morphology::Morphology;
use crate::token;

/// One gold line.
#[derive(Debug, Deserialize)]
struct GoldItem {
    item: String,
    word: String,
    /// Code-point offsets of the word in `text`.
    start: usize,
    end: usize,
    reading: Reading,
    text: String,
}

/// Scores of one reading.
#[derive(Debug, Clone, Serialize)]
pub struct ReadingScore {
    pub reading: Reading,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Gold items of this reading.
    pub support: usize,
    /// Items predicted as this reading.
    pub predicted: usize,
}

/// A misclassified item.
#[derive(Debug, Clone, Serialize)]
pub struct ReadingError {
    pub item: String,
    pub word: String,
    pub gold: Reading,
    pub predicted: Reading,
    pub text: String,
}

/// Results of [`eval_readings`].
#[derive(Debug, Clone, Serialize)]
pub struct ReadingsEval {
    pub n: usize,
    /// Five-way accuracy.
    pub accuracy: f64,
    /// Accuracy of hedge (hearsay, epistemic) vs. not hedge.
    pub hedge_accuracy: f64,
    /// In the order of [`Reading::all`].
    pub per_reading: Vec<ReadingScore>,
    /// Labels of the confusion matrix rows and columns ([`Reading::all`]).
    pub labels: Vec<Reading>,
    /// `confusion[gold][predicted]`.
    pub confusion: [[usize; 5]; 5],
    pub errors: Vec<ReadingError>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Byte offset of code point `cp` in `s`.
fn byte_offset(s: &str, cp: usize) -> Option<usize> {
    if cp == s.chars().count() {
        return Some(s.len());
    }
    s.char_indices().nth(cp).map(|(b, _)| b)
}

/// Classifies every item of a gold file and scores the result.
pub fn eval_readings(path: &Path) -> Result<ReadingsEval, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let morph = Morphology::embedded();
    let rules = ReadingRules::embedded();
    let mut confusion = [[0usize; 5]; 5];
    let mut errors = Vec::new();
    let mut n = 0;
    let mut hedge_ok = 0;
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldItem = serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
        let (Some(bs), Some(be)) = (byte_offset(&g.text, g.start), byte_offset(&g.text, g.end)) else {
            return Err(format!("{}:{}: offsets {}..{} outside the text", path.display(), i + 1, g.start, g.end));
        };
        let tokens = token::tokenize(&g.text, 0);
        let Some(at) = tokens.iter().position(|t| t.span.start == bs && t.span.end == be) else {
            return Err(format!("{}:{}: no word at {}..{} ({:?})", path.display(), i + 1, g.start, g.end, g.word));
        };
        let pred = classify_reading(&g.text, &tokens, at, morph, rules);
        n += 1;
        confusion[g.reading.index()][pred.index()] += 1;
        if pred.is_hedge() == g.reading.is_hedge() {
            hedge_ok += 1;
        }
        if pred != g.reading {
            errors.push(ReadingError { item: g.item, word: g.word, gold: g.reading, predicted: pred, text: g.text });
        }
    }
    let correct: usize = (0..5).map(|k| confusion[k][k]).sum();
    let per_reading = Reading::all()
        .iter()
        .map(|&r| {
            let k = r.index();
            let support: usize = confusion[k].iter().sum();
            let predicted: usize = (0..5).map(|g| confusion[g][k]).sum();
            let precision = ratio(confusion[k][k], predicted);
            let recall = ratio(confusion[k][k], support);
            let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
            ReadingScore { reading: r, precision, recall, f1, support, predicted }
        })
        .collect();
    Ok(ReadingsEval {
        n,
        accuracy: ratio(correct, n),
        hedge_accuracy: ratio(hedge_ok, n),
        per_reading,
        labels: Reading::all().to_vec(),
        confusion,
        errors,
    })
}

impl ReadingsEval {
    /// A plain-text summary (figures, per-reading scores, confusion matrix; errors if asked).
    pub fn render(&self, verbose: bool) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let _ = writeln!(
            s,
            "n = {}  five-way accuracy = {:.3}  hedge/not-hedge accuracy = {:.3}",
            self.n, self.accuracy, self.hedge_accuracy
        );
        let _ = writeln!(s, "{:<15} {:>6} {:>6} {:>6} {:>8} {:>9}", "reading", "P", "R", "F1", "support", "predicted");
        for r in &self.per_reading {
            let _ = writeln!(
                s,
                "{:<15} {:>6.3} {:>6.3} {:>6.3} {:>8} {:>9}",
                r.reading.as_str(),
                r.precision,
                r.recall,
                r.f1,
                r.support,
                r.predicted
            );
        }
        let _ = writeln!(s, "confusion (rows gold, columns predicted):");
        let _ = write!(s, "{:<15}", "");
        for l in &self.labels {
            let _ = write!(s, " {:>6.6}", l.as_str());
        }
        let _ = writeln!(s);
        for (k, l) in self.labels.iter().enumerate() {
            let _ = write!(s, "{:<15}", l.as_str());
            for v in self.confusion[k] {
                let _ = write!(s, " {v:>6}");
            }
            let _ = writeln!(s);
        }
        if verbose {
            for e in &self.errors {
                let _ = writeln!(
                    s,
                    "{}  {}  gold={} predicted={}  {}",
                    e.item,
                    e.word,
                    e.gold.as_str(),
                    e.predicted.as_str(),
                    e.text
                );
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_a_tiny_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.jsonl");
        let lines = [
            r#"{"item":"a","file":"f","sent_id":"s","word":"voudrais","start":3,"end":11,"reading":"attenuation","hedge":false,"text":"Je voudrais partir."}"#,
            r#"{"item":"b","file":"f","sent_id":"s","word":"aurait","start":8,"end":14,"reading":"hypothetical","hedge":false,"text":"Été, il aurait fui."}"#,
        ];
        std::fs::write(&p, lines.join("\n")).unwrap();
        let e = eval_readings(&p).unwrap();
        assert_eq!(e.n, 2);
        assert_eq!(e.confusion[Reading::Attenuation.index()][Reading::Attenuation.index()], 1);
        assert_eq!(e.errors.len(), 1);
        assert_eq!(e.errors[0].predicted, Reading::Hearsay);
        assert!((e.accuracy - 0.5).abs() < 1e-9);
        assert!((e.hedge_accuracy - 0.5).abs() < 1e-9);
        assert!(e.render(true).contains("gold=hypothetical"));
    }
}
