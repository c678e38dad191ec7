//! Scoring `hedge` against sentence labels of your own (`hedge eval gold FILE.jsonl`).
//!
//! The format (documented for users in `docs/GOLD.md`): one JSON object per line, for one
//! sentence of one article:
//!
//! ```json
//! {"file": "articles/le-monde.txt", "text": "Selon l'AFP, le convoi comptait 50 camions.", "label": "ATTRIBUTED"}
//! {"file": "articles/le-monde.txt", "start": 120, "end": 188, "label": "HEDGED", "flags": ["quoted"]}
//! ```
//!
//! - `file`: the article, relative to the JSONL file's folder (or absolute). It is read exactly
//!   as `hedge analyze` reads it (format, encoding, page parts).
//! - the sentence: either `text` (its exact words, found in the article; `occurrence` picks the
//!   n-th one when it appears several times, from 1) or `start`/`end` (byte offsets in the text
//!   `hedge analyze --format json` shows, end exclusive).
//! - `label`: ATTRIBUTED, HEDGED, BOOSTED, ASSERTED or NONE (not a claim, or left out).
//! - `flags` (optional): what else the annotator says of the sentence; `quoted` (the sentence
//!   is in a quoted voice) and `excluded` (not part of the article: comments, appeal, other
//!   language) are checked against `hedge`; other flags are kept and ignored.
//!
//! The gold sentence is matched to the `hedge` sentence that overlaps it most (ties: the
//! first). Scores: accuracy, per-label precision / recall / F1, macro-F1 over the labels present
//! in the gold, the confusion matrix, and for each checked flag how often `hedge` agrees.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::classify::{Label, Voice};
use crate::input::{Origin, Planned};
use crate::lexicon::Lexicon;
use crate::pipeline::{analyze, load, Analysis, ReadOptions};

/// One gold line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldLine {
    file: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    occurrence: Option<usize>,
    #[serde(default)]
    start: Option<usize>,
    #[serde(default)]
    end: Option<usize>,
    label: Label,
    #[serde(default)]
    flags: Vec<String>,
    /// Free text for the annotator (ignored).
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

/// Scores of one label.
#[derive(Debug, Clone, Serialize)]
pub struct LabelScore {
    pub label: Label,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Gold sentences with this label.
    pub support: usize,
    /// Sentences `hedge` gave this label.
    pub predicted: usize,
}

/// Agreement on one flag.
#[derive(Debug, Clone, Serialize)]
pub struct FlagScore {
    pub flag: String,
    /// Gold sentences with the flag.
    pub gold: usize,
    /// Sentences where `hedge` sets it too.
    pub agreed: usize,
    /// Sentences where `hedge` sets it and the gold does not.
    pub extra: usize,
}

/// A disagreement, for `--verbose`.
#[derive(Debug, Clone, Serialize)]
pub struct GoldError {
    /// Line of the JSONL file.
    pub line: usize,
    pub file: String,
    pub gold: Label,
    pub predicted: Label,
    pub text: String,
}

/// Results of [`eval_gold`].
#[derive(Debug, Clone, Serialize)]
pub struct GoldEval {
    pub n: usize,
    pub files: usize,
    pub accuracy: f64,
    /// Mean F1 over the labels present in the gold.
    pub macro_f1: f64,
    /// In the order of [`Label::ALL`].
    pub per_label: Vec<LabelScore>,
    pub labels: Vec<Label>,
    /// `confusion[gold][predicted]`, in the order of `labels`.
    pub confusion: Vec<Vec<usize>>,
    pub flags: Vec<FlagScore>,
    pub errors: Vec<GoldError>,
}

/// The flags `hedge` can be checked on.
const CHECKED_FLAGS: [&str; 2] = ["quoted", "excluded"];

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores `hedge` against a gold JSONL file.
pub fn eval_gold(path: &Path, lex: &Lexicon) -> Result<GoldEval, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let labels: Vec<Label> = Label::ALL.to_vec();
    let index = |l: Label| labels.iter().position(|&x| x == l).expect("every label is in Label::ALL");
    let mut confusion = vec![vec![0usize; labels.len()]; labels.len()];
    let mut analyses: HashMap<PathBuf, (String, Analysis)> = HashMap::new();
    let mut flag_counts: BTreeMap<&str, (usize, usize, usize)> = CHECKED_FLAGS.iter().map(|&f| (f, (0, 0, 0))).collect();
    let mut errors = Vec::new();
    let mut n = 0;
    for (i, line) in raw.lines().enumerate() {
        let lineno = i + 1;
        let at = |msg: String| format!("{}:{lineno}: {msg}", path.display());
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let g: GoldLine = serde_json::from_str(line).map_err(|e| at(e.to_string()))?;
        let file = if Path::new(&g.file).is_absolute() { PathBuf::from(&g.file) } else { base.join(&g.file) };
        if !analyses.contains_key(&file) {
            let planned = Planned { label: g.file.clone(), origin: Origin::File(file.clone()) };
            let doc = load(&planned, ReadOptions::default()).map_err(|e| at(e.to_string()))?;
            let a = analyze(&doc, lex);
            analyses.insert(file.clone(), (doc.text, a));
        }
        let (text, a) = &analyses[&file];
        let (start, end) = match (&g.text, g.start, g.end) {
            (Some(t), None, None) => {
                let want = crate::extract::normalise(t.trim().to_string()).0;
                let nth = g.occurrence.unwrap_or(1);
                if nth == 0 {
                    return Err(at("occurrence counts from 1".into()));
                }
                let s = text
                    .match_indices(want.as_str())
                    .nth(nth - 1)
                    .map(|(s, _)| s)
                    .ok_or_else(|| at(format!("sentence not found in {}: {want:?}", g.file)))?;
                (s, s + want.len())
            }
            (None, Some(s), Some(e)) => {
                if s >= e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                    return Err(at(format!("span {s}..{e} is not inside the text of {} ({} bytes)", g.file, text.len())));
                }
                (s, e)
            }
            _ => return Err(at("give the sentence as \"text\", or as \"start\" and \"end\" (not both)".into())),
        };
        let overlap = |s: usize, e: usize| e.min(end).saturating_sub(s.max(start));
        let best = a
            .sentences
            .iter()
            .filter(|s| overlap(s.start, s.end) > 0)
            .max_by(|x, y| overlap(x.start, x.end).cmp(&overlap(y.start, y.end)).then(y.start.cmp(&x.start)))
            .ok_or_else(|| at(format!("no sentence of hedge's at {start}..{end} in {}", g.file)))?;
        n += 1;
        confusion[index(g.label)][index(best.label)] += 1;
        if g.label != best.label {
            errors.push(GoldError { line: lineno, file: g.file.clone(), gold: g.label, predicted: best.label, text: text[start..end].to_string() });
        }
        for (&flag, c) in flag_counts.iter_mut() {
            let predicted = match flag {
                "quoted" => best.voice == Voice::Quoted,
                _ => best.excluded.is_some(),
            };
            let gold = g.flags.iter().any(|f| f == flag);
            c.0 += usize::from(gold);
            c.1 += usize::from(gold && predicted);
            c.2 += usize::from(!gold && predicted);
        }
    }
    if n == 0 {
        return Err(format!("{}: no gold sentence", path.display()));
    }
    let correct: usize = (0..labels.len()).map(|k| confusion[k][k]).sum();
    let per_label: Vec<LabelScore> = labels
        .iter()
        .enumerate()
        .map(|(k, &label)| {
            let support: usize = confusion[k].iter().sum();
            let predicted: usize = confusion.iter().map(|row| row[k]).sum();
            let precision = ratio(confusion[k][k], predicted);
            let recall = ratio(confusion[k][k], support);
            let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
            LabelScore { label, precision, recall, f1, support, predicted }
        })
        .collect();
    let present: Vec<&LabelScore> = per_label.iter().filter(|s| s.support > 0).collect();
    let macro_f1 = present.iter().map(|s| s.f1).sum::<f64>() / present.len() as f64;
    let flags = flag_counts.into_iter().map(|(f, (gold, agreed, extra))| FlagScore { flag: f.to_string(), gold, agreed, extra }).collect();
    Ok(GoldEval { n, files: analyses.len(), accuracy: ratio(correct, n), macro_f1, per_label, labels, confusion, flags, errors })
}

impl GoldEval {
    /// A plain-text summary (figures, per-label scores, confusion matrix; errors if asked).
    pub fn render(&self, verbose: bool) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let _ = writeln!(s, "{} gold sentences in {} article(s): accuracy {:.3}, macro-F1 {:.3}", self.n, self.files, self.accuracy, self.macro_f1);
        let _ = writeln!(s, "{:<11} {:>6} {:>6} {:>6} {:>8} {:>9}", "label", "P", "R", "F1", "support", "predicted");
        for r in &self.per_label {
            let _ = writeln!(s, "{:<11} {:>6.3} {:>6.3} {:>6.3} {:>8} {:>9}", r.label.as_str(), r.precision, r.recall, r.f1, r.support, r.predicted);
        }
        let _ = writeln!(s, "confusion (rows gold, columns hedge):");
        let _ = write!(s, "{:<11}", "");
        for l in &self.labels {
            let _ = write!(s, " {:>10}", l.as_str());
        }
        let _ = writeln!(s);
        for (k, l) in self.labels.iter().enumerate() {
            let _ = write!(s, "{:<11}", l.as_str());
            for v in &self.confusion[k] {
                let _ = write!(s, " {v:>10}");
            }
            let _ = writeln!(s);
        }
        for f in &self.flags {
            let _ = writeln!(s, "flag {:<9} gold {:>4}, hedge agrees on {:>4}, hedge adds {:>4}", f.flag, f.gold, f.agreed, f.extra);
        }
        if verbose {
            for e in &self.errors {
                let _ = writeln!(s, "line {}  {}  gold={} hedge={}  {}", e.line, e.file, e.gold.as_str(), e.predicted.as_str(), e.text);
            }
        }
        s
    }
}
