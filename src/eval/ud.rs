//! Conditional-mood detection against the gold `Mood=Cnd` of UD French treebanks.
//!
//! Raw sentence text in (`# text`), word spans out: a predicted conditional counts as correct
//! when its byte span is exactly the span of a gold word whose Mood is Cnd (after the known
//! gold corrections).

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Serialize;

use super::conllu::{read_conllu, Corrections};
use super::Prf;
use crate::lexicon::morphology::Morphology;
use crate::matcher::conditional_words;

/// An error of the detector, for `--verbose`.
#[derive(Debug, Clone, Serialize)]
pub struct UdError {
    pub file: String,
    pub sent_id: String,
    pub word: String,
    /// "false_positive" or "miss".
    pub kind: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct UdFileEval {
    pub file: String,
    pub sentences: usize,
    pub gold: usize,
    pub scores: Prf,
}

#[derive(Debug, Clone, Serialize)]
pub struct UdEval {
    pub files: Vec<UdFileEval>,
    pub overall: Prf,
    pub gold: usize,
    pub corrections_applied: usize,
    pub errors: Vec<UdError>,
}

/// Scores conditional detection on CoNLL-U files.
pub fn eval_ud(paths: &[PathBuf], corrections: &Corrections, morph: &Morphology) -> Result<UdEval, String> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut all = Prf::default();
    let mut gold_total = 0;
    let mut applied = 0;
    for path in paths {
        let name = path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
        let sentences = read_conllu(path)?;
        let mut prf = Prf::default();
        let mut gold_n = 0;
        for s in &sentences {
            let mut gold: BTreeSet<(usize, usize)> = BTreeSet::new();
            for w in &s.words {
                let mut mood = w.feat("Mood").map(str::to_string);
                if let Some(c) = corrections.get(&(name.clone(), s.sent_id.clone(), w.form.clone())) {
                    mood = Some(c.clone());
                    applied += 1;
                }
                if mood.as_deref() == Some("Cnd") {
                    if let Some(sp) = &w.span {
                        gold.insert((sp.start, sp.end));
                    }
                }
            }
            let predicted: BTreeSet<(usize, usize)> = conditional_words(&s.text, morph).into_iter().map(|r| (r.start, r.end)).collect();
            gold_n += gold.len();
            for p in &predicted {
                if gold.contains(p) {
                    prf.tp += 1;
                } else {
                    prf.fp += 1;
                    errors.push(UdError {
                        file: name.clone(),
                        sent_id: s.sent_id.clone(),
                        word: s.text[p.0..p.1].to_string(),
                        kind: "false_positive",
                        text: s.text.clone(),
                    });
                }
            }
            for g in gold.difference(&predicted) {
                prf.fn_ += 1;
                errors.push(UdError {
                    file: name.clone(),
                    sent_id: s.sent_id.clone(),
                    word: s.text[g.0..g.1].to_string(),
                    kind: "miss",
                    text: s.text.clone(),
                });
            }
        }
        all.add(&prf);
        gold_total += gold_n;
        files.push(UdFileEval { file: name, sentences: sentences.len(), gold: gold_n, scores: prf.finish() });
    }
    Ok(UdEval { files, overall: all.finish(), gold: gold_total, corrections_applied: applied, errors })
}
