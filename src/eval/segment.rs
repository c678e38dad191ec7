//! Evaluation of sentence segmentation against Universal Dependencies gold sentences.
//!
//! Protocol (issue 3): take the sentences of each CoNLL-U file in file order (optionally only
//! those whose `sent_id` starts with a prefix), group them 8 at a time (consecutive, within
//! one file; the last group may be shorter), join each group's texts with ONE space, and
//! segment the joined text with the embedded rules. A *boundary* is the byte offset where a
//! sentence starts, offset 0 excluded: the gold boundaries are the starts of the group's
//! 2nd…8th sentences, the predicted ones the starts of the predicted sentences but the first.
//! A predicted boundary equal to a gold one is a true positive; other predicted ones are
//! false positives, unmatched gold ones false negatives. Precision, recall and F1 are computed
//! over all groups of a file, and over all files.

use std::path::PathBuf;

use crate::eval::conllu::read_conllu;
use crate::segment::{segment, SegmentRules};

/// Sentences per group.
pub const GROUP: usize = 8;
/// Characters of context shown on each side of an error.
const CONTEXT: usize = 60;

pub use super::Prf as Scores;

/// Whether an error is a missed gold boundary or a boundary the segmenter invented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// A gold boundary the segmenter did not find (false negative).
    Missed,
    /// A predicted boundary that is not in the gold (false positive).
    False,
}

/// One boundary error, with the text around it: `context` is `left ⟦|⟧ right`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BoundaryError {
    pub kind: ErrorKind,
    pub file: String,
    /// The sent_id of the gold sentence that contains or starts at the offset.
    pub sent_id: String,
    pub context: String,
}

/// Scores of one file.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FileEval {
    pub file: String,
    pub sentences: usize,
    pub groups: usize,
    #[serde(flatten)]
    pub scores: Scores,
}

/// The result of [`eval_segment`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct SegmentEval {
    pub prefix: Option<String>,
    pub group_size: usize,
    pub files: Vec<FileEval>,
    pub overall: Scores,
    pub errors: Vec<BoundaryError>,
}

fn context(text: &str, at: usize) -> String {
    let left: String = {
        let mut v: Vec<char> = text[..at].chars().rev().take(CONTEXT).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let right: String = text[at..].chars().take(CONTEXT).collect();
    format!("{}⟦|⟧{}", left.trim_start(), right.trim_end())
}

/// Evaluates the embedded segmentation rules on `paths` (CoNLL-U files). See the module
/// documentation for the protocol.
pub fn eval_segment(paths: &[PathBuf], prefix: Option<&str>) -> Result<SegmentEval, String> {
    eval_segment_with(paths, prefix, SegmentRules::embedded())
}

/// [`eval_segment`] with the given segmentation rules (`--rules`).
pub fn eval_segment_with(paths: &[PathBuf], prefix: Option<&str>, rules: &SegmentRules) -> Result<SegmentEval, String> {
    let mut files = Vec::new();
    let mut overall = Scores::default();
    let mut errors = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let sents: Vec<_> = read_conllu(path)?.into_iter().filter(|s| prefix.is_none_or(|p| s.sent_id.starts_with(p))).collect();
        let mut scores = Scores::default();
        let mut groups = 0;
        for group in sents.chunks(GROUP) {
            groups += 1;
            let mut text = String::new();
            // (start offset, sent_id) of each gold sentence.
            let mut starts: Vec<(usize, &str)> = Vec::with_capacity(group.len());
            for s in group {
                if !text.is_empty() {
                    text.push(' ');
                }
                starts.push((text.len(), s.sent_id.as_str()));
                text.push_str(&s.text);
            }
            let gold: Vec<usize> = starts.iter().skip(1).map(|&(o, _)| o).collect();
            let pred: Vec<usize> = segment(&text, rules).sentences.iter().skip(1).map(|s| s.span.start).collect();
            let id_at = |off: usize| -> String {
                let i = starts.partition_point(|&(o, _)| o <= off).saturating_sub(1);
                starts.get(i).map_or(String::new(), |&(_, id)| id.to_string())
            };
            for &g in &gold {
                if pred.binary_search(&g).is_ok() {
                    scores.tp += 1;
                } else {
                    scores.fn_ += 1;
                    errors.push(BoundaryError { kind: ErrorKind::Missed, file: name.clone(), sent_id: id_at(g), context: context(&text, g) });
                }
            }
            for &p in &pred {
                if gold.binary_search(&p).is_err() {
                    scores.fp += 1;
                    errors.push(BoundaryError { kind: ErrorKind::False, file: name.clone(), sent_id: id_at(p), context: context(&text, p) });
                }
            }
        }
        overall.add(&scores);
        let scores = scores.finish();
        files.push(FileEval { file: name, sentences: sents.len(), groups, scores });
    }
    let overall = overall.finish();
    Ok(SegmentEval { prefix: prefix.map(str::to_string), group_size: GROUP, files, overall, errors })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_and_protocol_on_a_small_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.conllu");
        let conllu = "# sent_id = a1\n# text = Il pleut.\n1\tIl\til\tPRON\t_\t_\t0\troot\t_\t_\n2\tpleut\tpleuvoir\tVERB\t_\t_\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t_\t_\t0\troot\t_\t_\n\n\
# sent_id = a2\n# text = Titre\n1\tTitre\ttitre\tNOUN\t_\t_\t0\troot\t_\t_\n\n\
# sent_id = b1\n# text = Marc dort.\n1\tMarc\tMarc\tPROPN\t_\t_\t0\troot\t_\t_\n2\tdort\tdormir\tVERB\t_\t_\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t_\t_\t0\troot\t_\t_\n\n";
        std::fs::write(&p, conllu).unwrap();
        // "Il pleut. Titre Marc dort." → predicted boundary before "Titre" only.
        let e = eval_segment(std::slice::from_ref(&p), None).unwrap();
        assert_eq!((e.overall.tp, e.overall.fp, e.overall.fn_), (1, 0, 1));
        assert_eq!(e.errors.len(), 1);
        assert_eq!(e.errors[0].kind, ErrorKind::Missed);
        assert_eq!(e.errors[0].sent_id, "b1");
        assert!(e.errors[0].context.contains("Titre ⟦|⟧Marc dort."), "{}", e.errors[0].context);
        let e = eval_segment(&[p], Some("a")).unwrap();
        assert_eq!((e.overall.tp, e.overall.fp, e.overall.fn_), (1, 0, 0));
        assert_eq!(e.overall.f1, 1.0);
    }
}
