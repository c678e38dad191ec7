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
    // The fields of the seed-gold schema (`../shared/eval/seed-gold`, its GUIDELINES.md): `part`
    // and `quote` are read, the others are the annotator's and ignored.
    /// Where the sentence sits: title, body, meta, boilerplate, comment.
    #[serde(default)]
    part: Option<String>,
    /// Mostly inside a direct quotation. Under this schema a quoted claim is labelled
    /// ATTRIBUTED (its speaker credited), so `hedge`'s quoted-voice claims are compared as such.
    #[serde(default)]
    quote: Option<bool>,
    /// Whether the sentence is a claim (the label is NONE when it is not).
    #[serde(default)]
    claim: Option<bool>,
    #[serde(default, rename = "id")]
    #[allow(dead_code)]
    _id: Option<serde_json::Value>,
    #[serde(default, rename = "attributed")]
    #[allow(dead_code)]
    _attributed: Option<serde_json::Value>,
    #[serde(default, rename = "hedged")]
    #[allow(dead_code)]
    _hedged: Option<serde_json::Value>,
    #[serde(default, rename = "boosted")]
    #[allow(dead_code)]
    _boosted: Option<serde_json::Value>,
    #[serde(default, rename = "counterfactual")]
    #[allow(dead_code)]
    _counterfactual: Option<serde_json::Value>,
    #[serde(default, rename = "markers")]
    #[allow(dead_code)]
    _markers: Option<serde_json::Value>,
    #[serde(default, rename = "adjudicated")]
    #[allow(dead_code)]
    _adjudicated: Option<serde_json::Value>,
}

/// Parts of the page that are not the article (seed-gold `part`): such a sentence counts as
/// carrying the `excluded` flag.
const EXCLUDED_PARTS: [&str; 3] = ["meta", "boilerplate", "comment"];

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

/// Scores over one set of gold sentences.
#[derive(Debug, Clone, Serialize)]
pub struct Scores {
    pub n: usize,
    pub accuracy: f64,
    /// Mean F1 over the labels present in the gold.
    pub macro_f1: f64,
    /// In the order of [`Label::ALL`].
    pub per_label: Vec<LabelScore>,
    /// `confusion[gold][predicted]`, in the order of [`Label::ALL`].
    pub confusion: Vec<Vec<usize>>,
    /// The trivial baseline: the accuracy of always answering the most frequent gold label of
    /// these sentences (fitted on them).
    pub baseline: Baseline,
}

/// Always the same label: which one, and its accuracy.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Baseline {
    pub label: Label,
    pub accuracy: f64,
}

impl Baseline {
    fn line(&self) -> String {
        format!("baseline, always {} (the most frequent gold label): accuracy {:.3}", self.label.as_str(), self.accuracy)
    }
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
    /// Always the most frequent gold label (see [`Scores::baseline`]).
    pub baseline: Baseline,
    pub labels: Vec<Label>,
    /// `confusion[gold][predicted]`, in the order of `labels`.
    pub confusion: Vec<Vec<usize>>,
    pub flags: Vec<FlagScore>,
    pub errors: Vec<GoldError>,
    /// When the gold gives each sentence's `part` and `claim` (the seed-gold schema): the scores
    /// over the claims of the article's title and body only, the figure that matters for the
    /// outlet's score.
    pub body_claims: Option<Scores>,
    /// Sentences of a quoted voice (seed-gold schema) compared as ATTRIBUTED.
    pub quoted_as_attributed: usize,
    /// Gold lines skipped because they hold no letter or digit (markup such as « --- »).
    pub markup_only: usize,
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

/// Where `want` occurs in `text` when only letters and digits are compared: (start, end) byte
/// spans in `text`, from its first to its last letter or digit.
fn loose_matches(text: &str, want: &str) -> Vec<(usize, usize)> {
    let key: Vec<char> = want.chars().filter(|c| c.is_alphanumeric()).collect();
    if key.is_empty() {
        return Vec::new();
    }
    let hay: Vec<(usize, char)> = text.char_indices().filter(|(_, c)| c.is_alphanumeric()).collect();
    let mut out = Vec::new();
    if hay.len() < key.len() {
        return out;
    }
    for i in 0..=hay.len() - key.len() {
        if hay[i].1 == key[0] && hay[i..i + key.len()].iter().zip(&key).all(|((_, a), b)| a == b) {
            let (last, c) = hay[i + key.len() - 1];
            out.push((hay[i].0, last + c.len_utf8()));
        }
    }
    out
}

/// Scores over (gold, predicted) pairs.
fn scores(pairs: &[(Label, Label)]) -> Scores {
    let labels = Label::ALL;
    let index = |l: Label| labels.iter().position(|&x| x == l).expect("every label is in Label::ALL");
    let mut confusion = vec![vec![0usize; labels.len()]; labels.len()];
    for &(g, p) in pairs {
        confusion[index(g)][index(p)] += 1;
    }
    let n = pairs.len();
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
    let macro_f1 = if present.is_empty() { 0.0 } else { present.iter().map(|s| s.f1).sum::<f64>() / present.len() as f64 };
    let top = per_label.iter().max_by_key(|s| s.support).expect("Label::ALL is not empty");
    let baseline = Baseline { label: top.label, accuracy: ratio(top.support, n) };
    Scores { n, accuracy: ratio(correct, n), macro_f1, per_label, confusion, baseline }
}

/// Scores `hedge` against a gold JSONL file; article files are looked for next to it.
pub fn eval_gold(path: &Path, lex: &Lexicon) -> Result<GoldEval, String> {
    eval_gold_in(path, &[], lex)
}

/// Where the article of a gold line is: the path as given when absolute; else, in order, next
/// to the JSONL file, in each of `articles`, in the current folder, and in `seeds/` under it
/// (so that the project's seed gold, whose `file` names the seed articles, runs as it is from the
/// repository root).
pub(crate) fn resolve(base: &Path, articles: &[PathBuf], file: &str) -> PathBuf {
    let p = Path::new(file);
    if p.is_absolute() {
        return p.to_path_buf();
    }
    let first = base.join(p);
    let mut candidates = vec![first.clone()];
    candidates.extend(articles.iter().map(|d| d.join(p)));
    candidates.push(p.to_path_buf());
    candidates.push(Path::new("seeds").join(p));
    candidates.into_iter().find(|c| c.is_file()).unwrap_or(first)
}

/// [`eval_gold`], also looking for articles in the folders `articles`.
pub fn eval_gold_in(path: &Path, articles: &[PathBuf], lex: &Lexicon) -> Result<GoldEval, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut analyses: HashMap<PathBuf, (String, Analysis)> = HashMap::new();
    let mut flag_counts: BTreeMap<&str, (usize, usize, usize)> = CHECKED_FLAGS.iter().map(|&f| (f, (0, 0, 0))).collect();
    let mut errors = Vec::new();
    let mut pairs: Vec<(Label, Label)> = Vec::new();
    let mut body_pairs: Vec<(Label, Label)> = Vec::new();
    let mut has_parts = false;
    let mut quoted_as_attributed = 0;
    let mut markup_only = 0;
    for (i, line) in raw.lines().enumerate() {
        let lineno = i + 1;
        let at = |msg: String| format!("{}:{lineno}: {msg}", path.display());
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let g: GoldLine = serde_json::from_str(line).map_err(|e| at(e.to_string()))?;
        let file = resolve(&base, articles, &g.file);
        if !analyses.contains_key(&file) {
            let planned = Planned { label: g.file.clone(), label_given: true, origin: Origin::File(file.clone()) };
            let doc = load(&planned, ReadOptions::default(), &lex.rules).map_err(|e| at(e.to_string()))?;
            let a = analyze(&doc, lex);
            analyses.insert(file.clone(), (doc.text, a));
        }
        let (text, a) = &analyses[&file];
        let find = |t: &str, nth: usize, near: Option<usize>| -> Result<(usize, usize), String> {
            let want = crate::extract::normalise(t.trim().to_string()).0;
            let exact: Vec<(usize, usize)> = text.match_indices(want.as_str()).map(|(s, _)| (s, s + want.len())).collect();
            // Copied from the raw file of a Markdown article (« # Titre », « [lien](#) »,
            // « *mot* »): compare letters and digits only with the extracted text.
            let found = if exact.is_empty() {
                let md = crate::extract::markdown::to_text(&want).0;
                let loose = loose_matches(text, &md);
                if loose.is_empty() {
                    loose_matches(text, &want)
                } else {
                    loose
                }
            } else {
                exact
            };
            let mut found = found.into_iter();
            match near {
                // The occurrence nearest to the offset given beside the text.
                Some(n) => found.min_by_key(|&(s, _)| s.abs_diff(n)),
                None => found.nth(nth - 1),
            }
            .ok_or_else(|| at(format!("sentence not found in {}: {want:?}", g.file)))
        };
        // A line of markup with no letter or digit (« --- », seed-gold schema): nothing of it
        // is left in the extracted text, so there is no sentence to compare.
        if g.part.is_some() && g.text.as_deref().is_some_and(|t| !t.chars().any(char::is_alphanumeric)) {
            markup_only += 1;
            continue;
        }
        let (start, end) = match (&g.text, g.start, g.end) {
            (Some(t), None, None) => {
                let nth = g.occurrence.unwrap_or(1);
                if nth == 0 {
                    return Err(at("occurrence counts from 1".into()));
                }
                find(t, nth, None)?
            }
            (None, Some(s), Some(e)) => {
                if s >= e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                    return Err(at(format!("span {s}..{e} is not inside the text of {} ({} bytes)", g.file, text.len())));
                }
                (s, e)
            }
            // Both (the seed-gold schema): the text decides, the offsets pick among its
            // occurrences (offsets into the raw file shift when the text is normalised).
            (Some(t), Some(s), Some(_)) if g.part.is_some() || g.quote.is_some() => find(t, 1, Some(s))?,
            _ => return Err(at("give the sentence as \"text\", or as \"start\" and \"end\" (not both)".into())),
        };
        let overlap = |s: usize, e: usize| e.min(end).saturating_sub(s.max(start));
        let best = a
            .sentences
            .iter()
            .filter(|s| overlap(s.start, s.end) > 0)
            .max_by(|x, y| overlap(x.start, x.end).cmp(&overlap(y.start, y.end)).then(y.start.cmp(&x.start)))
            .ok_or_else(|| at(format!("no sentence of hedge's at {start}..{end} in {}", g.file)))?;
        // Under the seed-gold schema a claim in a quoted voice is credited to its speaker.
        let predicted = if g.quote.is_some() && best.voice == Voice::Quoted && best.label != Label::None {
            if best.label != Label::Attributed {
                quoted_as_attributed += 1;
            }
            Label::Attributed
        } else {
            best.label
        };
        pairs.push((g.label, predicted));
        if let Some(part) = &g.part {
            has_parts = true;
            if matches!(part.as_str(), "title" | "body") && g.claim.unwrap_or(g.label != Label::None) {
                body_pairs.push((g.label, predicted));
            }
        }
        if g.label != predicted {
            errors.push(GoldError { line: lineno, file: g.file.clone(), gold: g.label, predicted, text: text[start..end].to_string() });
        }
        let gold_excluded = g.part.as_deref().is_some_and(|p| EXCLUDED_PARTS.contains(&p));
        for (&flag, c) in flag_counts.iter_mut() {
            let (gold, predicted) = match flag {
                "quoted" => (g.quote == Some(true) || g.flags.iter().any(|f| f == flag), best.voice == Voice::Quoted),
                _ => (gold_excluded || g.flags.iter().any(|f| f == flag), best.excluded.is_some()),
            };
            c.0 += usize::from(gold);
            c.1 += usize::from(gold && predicted);
            c.2 += usize::from(!gold && predicted);
        }
    }
    if pairs.is_empty() {
        return Err(format!("{}: no gold sentence", path.display()));
    }
    let all = scores(&pairs);
    let flags = flag_counts.into_iter().map(|(f, (gold, agreed, extra))| FlagScore { flag: f.to_string(), gold, agreed, extra }).collect();
    Ok(GoldEval {
        n: all.n,
        files: analyses.len(),
        accuracy: all.accuracy,
        macro_f1: all.macro_f1,
        baseline: all.baseline,
        per_label: all.per_label,
        labels: Label::ALL.to_vec(),
        confusion: all.confusion,
        flags,
        errors,
        body_claims: has_parts.then(|| scores(&body_pairs)),
        quoted_as_attributed,
        markup_only,
    })
}

fn render_scores(s: &mut String, per_label: &[LabelScore], labels: &[Label], confusion: &[Vec<usize>]) {
    use std::fmt::Write;
    let _ = writeln!(s, "{:<11} {:>6} {:>6} {:>6} {:>8} {:>9}", "label", "P", "R", "F1", "support", "predicted");
    for r in per_label {
        let _ = writeln!(s, "{:<11} {:>6.3} {:>6.3} {:>6.3} {:>8} {:>9}", r.label.as_str(), r.precision, r.recall, r.f1, r.support, r.predicted);
    }
    let _ = writeln!(s, "confusion (rows gold, columns hedge):");
    let _ = write!(s, "{:<11}", "");
    for l in labels {
        let _ = write!(s, " {:>10}", l.as_str());
    }
    let _ = writeln!(s);
    for (k, l) in labels.iter().enumerate() {
        let _ = write!(s, "{:<11}", l.as_str());
        for v in &confusion[k] {
            let _ = write!(s, " {v:>10}");
        }
        let _ = writeln!(s);
    }
}

impl GoldEval {
    /// A plain-text summary (figures, per-label scores, confusion matrix; errors if asked).
    pub fn render(&self, verbose: bool) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let _ = writeln!(s, "{} gold sentences in {} article(s): accuracy {:.3}, macro-F1 {:.3}", self.n, self.files, self.accuracy, self.macro_f1);
        let _ = writeln!(s, "{}", self.baseline.line());
        render_scores(&mut s, &self.per_label, &self.labels, &self.confusion);
        for f in &self.flags {
            let _ = writeln!(s, "flag {:<9} gold {:>4}, hedge agrees on {:>4}, hedge adds {:>4}", f.flag, f.gold, f.agreed, f.extra);
        }
        if let Some(b) = &self.body_claims {
            let _ = writeln!(
                s,
                "title and body claims (gold part title|body, claim true): {} sentences, accuracy {:.3}, macro-F1 {:.3}",
                b.n, b.accuracy, b.macro_f1
            );
            let _ = writeln!(s, "{}", b.baseline.line());
            render_scores(&mut s, &b.per_label, &self.labels, &b.confusion);
        }
        if self.quoted_as_attributed > 0 {
            let _ = writeln!(s, "claims in a quoted voice compared as ATTRIBUTED (seed-gold convention): {}", self.quoted_as_attributed);
        }
        if self.markup_only > 0 {
            let _ = writeln!(s, "gold lines of markup only (no letter or digit), skipped: {}", self.markup_only);
        }
        if verbose {
            for e in &self.errors {
                let _ = writeln!(s, "line {}  {}  gold={} hedge={}  {}", e.line, e.file, e.gold.as_str(), e.predicted.as_str(), e.text);
            }
        }
        s
    }
}
