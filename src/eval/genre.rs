//! Does the article score measure what it promises? (`hedge eval genre LABELS.tsv DIR`)
//!
//! An opinion piece asserts in its own voice; a report credits what it says to sources. A
//! score of "asserts rather than reports" should rank opinion pieces above reports. Given
//! articles with a genre label made by someone else (`file<TAB>label`, labels `opinion` and
//! `reporting`; other labels are ignored), this prints the AUC of the headline score for
//! opinion > reporting, the AUC of each class share, and the AUC of a trivial baseline computed
//! in the same run on the same articles, so that every change to the score is judged against
//! it. Each AUC comes with a 95 % bootstrap interval over the articles.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::classify::{Label, Voice};
use crate::input::{Origin, Planned};
use crate::lexicon::Lexicon;
use crate::pipeline::{analyze, load, ReadOptions};
use crate::score::{auc, auc_interval};

/// The reporting cues of the baseline (with a quotation mark, a sentence counts as reported).
const BASELINE_CUES: [&str; 12] =
    ["selon", "d'après", "a déclaré", "affirme", "a dit", "explique", "indique", "précise", "estime", "souligne", "assure", "rapporte"];

/// One measure: its AUC for opinion > reporting and the interval.
#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    pub name: &'static str,
    pub description: &'static str,
    pub auc: f64,
    pub interval: [f64; 2],
}

/// One article's figures.
#[derive(Debug, Clone, Serialize)]
pub struct GenreArticle {
    pub file: String,
    pub genre: String,
    pub claims: usize,
    pub assertiveness: Option<f64>,
    pub baseline: f64,
}

/// The result of `hedge eval genre`.
#[derive(Debug, Clone, Serialize)]
pub struct GenreEval {
    pub opinion: usize,
    pub reporting: usize,
    /// Labelled files with another genre (satire…), not scored.
    pub ignored: usize,
    /// Articles with no claim (no score): left out of every AUC.
    pub without_claims: Vec<String>,
    /// The headline first, then the shares, then the baseline.
    pub measures: Vec<Measure>,
    pub articles: Vec<GenreArticle>,
}

impl GenreEval {
    pub fn measure(&self, name: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.name == name)
    }

    /// The text table.
    pub fn render(&self, verbose: bool) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "Genre: does the score rank opinion above reporting? {} opinion, {} reporting articles ({} other labels ignored)\n",
            self.opinion, self.reporting, self.ignored
        ));
        s.push_str(&format!("{:<22} {:>6}  {:<13} {}\n", "measure", "AUC", "95 % interval", "what it is"));
        for m in &self.measures {
            s.push_str(&format!("{:<22} {:>6.3}  {:.3}–{:.3}   {}\n", m.name, m.auc, m.interval[0], m.interval[1], m.description));
        }
        if let (Some(h), Some(b)) = (self.measure("assertiveness"), self.measure("baseline")) {
            let verdict = if h.auc > b.auc { "above" } else { "NOT above" };
            s.push_str(&format!("headline {:.3} is {verdict} the baseline {:.3} (difference {:+.3})\n", h.auc, b.auc, h.auc - b.auc));
        }
        s.push_str(
            "AUC = probability that a random opinion article scores above a random report (0.5 = chance); interval: bootstrap over articles.\n",
        );
        if !self.without_claims.is_empty() {
            s.push_str(&format!("no claim, left out: {}\n", self.without_claims.join(", ")));
        }
        if verbose {
            s.push_str(&format!("{:<28} {:<10} {:>6} {:>13} {:>9}\n", "file", "genre", "claims", "assertiveness", "baseline"));
            for a in &self.articles {
                let score = a.assertiveness.map(|v| format!("{v:.1}")).unwrap_or_else(|| "–".into());
                s.push_str(&format!("{:<28} {:<10} {:>6} {:>13} {:>9.3}\n", a.file, a.genre, a.claims, score, a.baseline));
            }
        }
        s
    }
}

/// The baseline's score of a text: the share of its sentences (over 3 words; cut at `.`, `!`,
/// `?` before white space, and at line breaks) that hold no quotation mark and none of the
/// [`BASELINE_CUES`]. Deliberately naive: it is the figure the program must beat.
pub fn baseline(text: &str) -> f64 {
    let mut total = 0usize;
    let mut own = 0usize;
    let mut lower = String::new();
    for line in text.lines() {
        let mut start = 0;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let next_is_space = chars.get(k + 1).is_none_or(|&(_, n)| n.is_whitespace());
            if matches!(c, '.' | '!' | '?') && next_is_space {
                let end = i + c.len_utf8();
                count(&line[start..end], &mut total, &mut own, &mut lower);
                start = end;
            }
        }
        count(&line[start..], &mut total, &mut own, &mut lower);
    }
    if total == 0 {
        0.0
    } else {
        own as f64 / total as f64
    }
}

fn count(sentence: &str, total: &mut usize, own: &mut usize, lower: &mut String) {
    if sentence.split_whitespace().count() <= 3 {
        return;
    }
    *total += 1;
    lower.clear();
    lower.extend(sentence.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }));
    let quoted = sentence.contains(['«', '»', '“', '”', '"']);
    if !quoted && !BASELINE_CUES.iter().any(|c| lower.contains(c)) {
        *own += 1;
    }
}

/// Reads the label file: (line number, file, genre) for every row; bad lines are errors that
/// name the file and the line.
fn read_labels(path: &Path) -> Result<Vec<(usize, String, String)>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| format!("{}: not UTF-8 text ({e})", path.display()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |m: &str| format!("{}:{}: {m}", path.display(), i + 1);
        let Some((file, genre)) = line.split_once('\t') else {
            return Err(at("expected `file<TAB>label`, found no tab"));
        };
        let (file, genre) = (file.trim(), genre.trim());
        if file.is_empty() || genre.is_empty() {
            return Err(at("empty file name or label"));
        }
        rows.push((i + 1, file.to_string(), genre.to_lowercase()));
    }
    Ok(rows)
}

/// The share of all claims (own-voice and quoted) for which `f` holds.
fn share(sentences: &[crate::classify::SentenceScore], f: impl Fn(&crate::classify::SentenceScore) -> bool) -> f64 {
    let claims: Vec<_> = sentences.iter().filter(|s| s.is_claim()).collect();
    if claims.is_empty() {
        0.0
    } else {
        claims.iter().filter(|s| f(s)).count() as f64 / claims.len() as f64
    }
}

/// Scores the articles of `dir` listed in `labels`.
pub fn eval_genre(labels: &Path, dir: &Path, lex: &Lexicon) -> Result<GenreEval, String> {
    let rows = read_labels(labels)?;
    type Row = (String, String, Option<f64>, usize, Vec<f64>);
    let mut scored: Vec<Row> = Vec::new();
    let mut ignored = 0;
    let mut without_claims = Vec::new();
    for (line, file, genre) in rows {
        if genre != "opinion" && genre != "reporting" {
            ignored += 1;
            continue;
        }
        let path: PathBuf = dir.join(&file);
        if !path.is_file() {
            return Err(format!("{}:{line}: {} is not a file in {}", labels.display(), file, dir.display()));
        }
        let planned = Planned { label: file.clone(), label_given: true, origin: Origin::File(path) };
        let doc = load(&planned, ReadOptions::default(), &lex.rules).map_err(|e| format!("{}:{line}: {e}", labels.display()))?;
        let a = analyze(&doc, lex);
        let s = &a.sentences;
        let own = |l: Label| move |x: &crate::classify::SentenceScore| x.voice == Voice::Own && x.label == l;
        // Every measure is oriented so that "more assertive" is higher.
        let values = vec![
            a.summary.assertiveness.unwrap_or(0.0),
            a.summary.own_voice_score.unwrap_or(0.0),
            -share(s, |x| x.voice == Voice::Quoted || x.label == Label::Attributed),
            -share(s, own(Label::Attributed)),
            -share(s, |x| x.voice == Voice::Quoted),
            share(s, own(Label::Hedged)),
            share(s, own(Label::Boosted)),
            share(s, own(Label::Asserted)),
            baseline(&doc.text),
        ];
        if a.summary.assertiveness.is_none() {
            without_claims.push(file.clone());
        }
        scored.push((file, genre, a.summary.assertiveness, a.summary.claims + a.summary.quoted_claims, values));
    }
    let opinion = scored.iter().filter(|r| r.1 == "opinion").count();
    let reporting = scored.len() - opinion;
    if opinion == 0 || reporting == 0 {
        return Err(format!("{}: needs both `opinion` and `reporting` rows (found {opinion} opinion, {reporting} reporting)", labels.display()));
    }
    const NAMES: [(&str, &str); 9] = [
        ("assertiveness", "the headline: mean points of all claims, quoted ones as reported"),
        ("own_voice_score", "mean points of own-voice claims only (the score before quoted claims counted)"),
        ("reported_share (−)", "claims attributed or quoted, of all claims (lower = more assertive)"),
        ("attributed_share (−)", "own-voice claims credited to a source, of all claims"),
        ("quoted_share (−)", "claims inside quotations, of all claims"),
        ("hedged_share", "own-voice hedged claims, of all claims"),
        ("boosted_share", "own-voice boosted claims, of all claims"),
        ("asserted_share", "own-voice bare assertions, of all claims"),
        ("baseline", "trivial: sentences with no quotation mark and none of 12 reporting cues"),
    ];
    let kept: Vec<&Row> = scored.iter().filter(|r| r.2.is_some()).collect();
    let measures = NAMES
        .iter()
        .enumerate()
        .map(|(k, &(name, description))| {
            let pos: Vec<f64> = kept.iter().filter(|r| r.1 == "opinion").map(|r| r.4[k]).collect();
            let neg: Vec<f64> = kept.iter().filter(|r| r.1 == "reporting").map(|r| r.4[k]).collect();
            Measure { name, description, auc: auc(&pos, &neg).unwrap_or(0.5), interval: auc_interval(&pos, &neg).unwrap_or([0.0, 1.0]) }
        })
        .collect();
    let articles =
        scored.iter().map(|r| GenreArticle { file: r.0.clone(), genre: r.1.clone(), claims: r.3, assertiveness: r.2, baseline: r.4[8] }).collect();
    Ok(GenreEval { opinion, reporting, ignored, without_claims, measures, articles })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_counts_sentences_without_quotes_or_cues() {
        // 4 sentences over 3 words: one quoted, one with « selon », two in the writer's voice.
        let t = "Le gouvernement ment sur tout. « Nous ne céderons pas », dit-il aux journalistes.\n\
                 Selon l'AFP, trois personnes sont mortes hier. Cette politique est une honte absolue ! Trop court.";
        assert!((baseline(t) - 0.5).abs() < 1e-9, "{}", baseline(t));
        assert_eq!(baseline(""), 0.0);
    }

    #[test]
    fn label_file_errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("labels.tsv");
        std::fs::write(&p, "\u{feff}a.txt\topinion\nb.txt reporting\n").unwrap();
        let e = read_labels(&p).unwrap_err();
        assert!(e.ends_with("labels.tsv:2: expected `file<TAB>label`, found no tab"), "{e}");
        std::fs::write(&p, "a.txt\topinion\n\nb.txt\t\n").unwrap();
        assert!(read_labels(&p).unwrap_err().contains("labels.tsv:3: empty file name or label"));
        std::fs::write(&p, "\u{feff}a.txt\tOpinion\r\n# comment\nb.txt\treporting\n").unwrap();
        let rows = read_labels(&p).unwrap();
        assert_eq!(rows, vec![(1, "a.txt".into(), "opinion".into()), (3, "b.txt".into(), "reporting".into())]);
    }
}
