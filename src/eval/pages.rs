//! Saved web pages read right? (`hedge eval pages EXPECTATIONS.json DIR`)
//!
//! For each page of an expectations file (the format of `../shared/eval/web-pages-fr`: per file,
//! `must_contain` snippets of the article, `must_not_contain` snippets of page furniture, or the
//! article's `expected_html`), the page is read as `hedge compare` reads it, and this reports:
//! whether it was refused (and why), which must-keep snippets lie in scored sentences, which
//! must-drop snippets do, and the word F1 of the scored text against the expected article.
//!
//! A snippet "lies in scored text" when one of its occurrences in the extracted text has every
//! character inside sentences that count toward the score (title or body, in French). Matching
//! ignores differences of white space (any run of spaces, line breaks, no-break spaces is
//! one space) and apostrophes (’ = '), and is done on NFC text.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::classify::{Excluded, SentenceScore};
use crate::input::{Origin, Planned};
use crate::lexicon::Lexicon;
use crate::pipeline::{analyze, load, ReadOptions};

/// One entry of the expectations file (other fields, such as `url` or `meta`, are ignored).
#[derive(Debug, Clone, Default, Deserialize)]
struct Expectation {
    #[serde(default)]
    must_contain: Vec<String>,
    #[serde(default)]
    must_not_contain: Vec<String>,
    /// The expected article: HTML, or the name of an HTML file in DIR.
    #[serde(default)]
    expected_html: Option<String>,
}

/// Where a snippet was found.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SnippetCheck {
    pub snippet: String,
    /// `scored`, `not in the text`, or the reason it is left out (`boilerplate (parts.copyright)`,
    /// `another language (eng)`).
    pub found: String,
}

/// One page's figures.
#[derive(Debug, Clone, Serialize)]
pub struct PageResult {
    pub file: String,
    /// Why the page gave no article (None: it was read).
    pub refused: Option<String>,
    /// The row label `compare` would show.
    pub label: Option<String>,
    pub sentences: usize,
    /// Sentences counted toward the score (title and body, in French).
    pub scored: usize,
    pub keep: Vec<SnippetCheck>,
    pub keep_found: usize,
    pub drop: Vec<SnippetCheck>,
    /// Must-drop snippets found in scored text (failures).
    pub drop_scored: usize,
    /// Word F1 of the scored text against the expected article (pages with `expected_html`).
    pub word_f1: Option<f64>,
    pub word_precision: Option<f64>,
    pub word_recall: Option<f64>,
    /// The assertiveness score (None: no claim, or refused).
    pub score: Option<f64>,
}

/// Totals over the pages.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PagesTotals {
    pub pages: usize,
    pub refused: usize,
    pub keep_total: usize,
    pub keep_found: usize,
    pub drop_total: usize,
    pub drop_scored: usize,
    pub f1_pages: usize,
    /// The lowest word F1 over the pages with an expected article.
    pub f1_min: Option<f64>,
    pub f1_mean: Option<f64>,
}

/// The result of `hedge eval pages`.
#[derive(Debug, Clone, Serialize)]
pub struct PagesEval {
    pub pages: Vec<PageResult>,
    pub totals: PagesTotals,
}

impl PagesEval {
    /// The text report.
    pub fn render(&self, verbose: bool) -> String {
        let mut s = String::new();
        s.push_str("Saved pages: extraction checked against expected snippets and articles\n");
        s.push_str(&format!("{:<38} {:>9} {:>6} {:>6} {:>5} {:>7}  {}\n", "page", "sentences", "scored", "keep", "drop", "word F1", "status"));
        for p in &self.pages {
            let status = match &p.refused {
                Some(r) => format!("REFUSED: {r}"),
                None => p.label.clone().unwrap_or_default(),
            };
            let keep = if p.keep.is_empty() { "–".to_string() } else { format!("{}/{}", p.keep_found, p.keep.len()) };
            let drop = if p.drop.is_empty() { "–".to_string() } else { format!("{}/{}", p.drop_scored, p.drop.len()) };
            let f1 = p.word_f1.map(|f| format!("{f:.3}")).unwrap_or_else(|| "–".into());
            s.push_str(&format!("{:<38} {:>9} {:>6} {:>6} {:>5} {:>7}  {}\n", p.file, p.sentences, p.scored, keep, drop, f1, status));
            if verbose {
                for c in p.keep.iter().filter(|c| c.found != "scored") {
                    s.push_str(&format!("    keep missed ({}): {:?}\n", c.found, c.snippet));
                }
                for c in p.drop.iter().filter(|c| c.found == "scored") {
                    s.push_str(&format!("    drop scored: {:?}\n", c.snippet));
                }
                if let (Some(pr), Some(rc)) = (p.word_precision, p.word_recall) {
                    s.push_str(&format!("    word precision {pr:.3}, recall {rc:.3}\n"));
                }
            }
        }
        let t = &self.totals;
        s.push_str(&format!(
            "totals: {} pages, {} refused; must-keep in scored text {}/{}; must-drop in scored text {}/{}",
            t.pages, t.refused, t.keep_found, t.keep_total, t.drop_scored, t.drop_total
        ));
        if let (Some(min), Some(mean)) = (t.f1_min, t.f1_mean) {
            s.push_str(&format!("; word F1 over {} pages: min {min:.3}, mean {mean:.3}", t.f1_pages));
        }
        s.push('\n');
        s
    }
}

/// Reads the expectations and checks every page of `dir` they name.
pub fn eval_pages(expectations: &Path, dir: &Path, lex: &Lexicon) -> Result<PagesEval, String> {
    let bytes = std::fs::read(expectations).map_err(|e| format!("{}: {e}", expectations.display()))?;
    let exp: BTreeMap<String, Expectation> = serde_json::from_slice(&bytes).map_err(|e| {
        format!("{}: not an expectations file ({e}); expected {{\"page.html\": {{\"must_contain\": […], …}}}}", expectations.display())
    })?;
    let mut pages = Vec::new();
    for (file, e) in &exp {
        let path = dir.join(file);
        if !path.is_file() {
            return Err(format!("{}: {file} is not a file in {}", expectations.display(), dir.display()));
        }
        let mut e = e.clone();
        if let Some(h) = e.expected_html.as_mut().filter(|h| !h.contains('<')) {
            let p = dir.join(h.trim());
            *h = std::fs::read_to_string(&p).map_err(|err| format!("{}: {file}: expected_html {}: {err}", expectations.display(), p.display()))?;
        }
        pages.push(check_page(file, &path, &e, lex));
    }
    let mut t = PagesTotals { pages: pages.len(), ..Default::default() };
    let mut f1s = Vec::new();
    for p in &pages {
        t.refused += usize::from(p.refused.is_some());
        t.keep_total += p.keep.len();
        t.keep_found += p.keep_found;
        t.drop_total += p.drop.len();
        t.drop_scored += p.drop_scored;
        f1s.extend(p.word_f1);
    }
    if !f1s.is_empty() {
        t.f1_pages = f1s.len();
        t.f1_min = Some(round3(f1s.iter().copied().fold(f64::INFINITY, f64::min)));
        t.f1_mean = Some(round3(f1s.iter().sum::<f64>() / f1s.len() as f64));
    }
    Ok(PagesEval { pages, totals: t })
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn check_page(file: &str, path: &Path, e: &Expectation, lex: &Lexicon) -> PageResult {
    let planned = Planned { label: file.to_string(), label_given: true, origin: Origin::File(path.to_path_buf()) };
    let mut r = PageResult {
        file: file.to_string(),
        refused: None,
        label: None,
        sentences: 0,
        scored: 0,
        keep: Vec::new(),
        keep_found: 0,
        drop: Vec::new(),
        drop_scored: 0,
        word_f1: None,
        word_precision: None,
        word_recall: None,
        score: None,
    };
    let doc = match load(&planned, ReadOptions::default(), &lex.rules) {
        Ok(d) => d,
        Err(p) => {
            r.refused = Some(p.message.clone());
            let missing = |s: &String| SnippetCheck { snippet: s.clone(), found: "page refused".into() };
            r.keep = e.must_contain.iter().map(missing).collect();
            r.drop = e.must_not_contain.iter().map(missing).collect();
            if e.expected_html.is_some() {
                r.word_f1 = Some(0.0);
            }
            return r;
        }
    };
    let a = analyze(&doc, lex);
    r.label = Some(doc.label.clone());
    r.sentences = a.sentences.len();
    r.scored = a.sentences.iter().filter(|s| s.excluded.is_none()).count();
    r.score = a.summary.assertiveness.map(round3);
    let text = Normalised::new(&doc.text);
    r.keep = e.must_contain.iter().map(|s| locate(s, &text, &a.sentences)).collect();
    r.keep_found = r.keep.iter().filter(|c| c.found == "scored").count();
    r.drop = e.must_not_contain.iter().map(|s| locate(s, &text, &a.sentences)).collect();
    r.drop_scored = r.drop.iter().filter(|c| c.found == "scored").count();
    if let Some(html) = &e.expected_html {
        let gold = html_text(html);
        let scored: String = a.sentences.iter().filter(|s| s.excluded.is_none()).map(|s| &doc.text[s.start..s.end]).collect::<Vec<_>>().join(" ");
        let (p, rc, f) = word_f1(&scored, &gold);
        r.word_precision = Some(round3(p));
        r.word_recall = Some(round3(rc));
        r.word_f1 = Some(round3(f));
    }
    r
}

/// The text of an HTML fragment (tags dropped, entities decoded).
pub fn html_text(html: &str) -> String {
    let doc = dom_query::Document::from(html);
    doc.select("body").text().to_string()
}

/// Words: runs of letters and digits, lowercased.
fn words(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *m.entry(w.nfc().collect::<String>().to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// Precision, recall and F1 of the words of `got` against those of `want` (as multisets).
pub fn word_f1(got: &str, want: &str) -> (f64, f64, f64) {
    let (g, w) = (words(got), words(want));
    let common: usize = g.iter().map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0))).sum();
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    let p = if ng == 0 { 0.0 } else { common as f64 / ng as f64 };
    let r = if nw == 0 { 0.0 } else { common as f64 / nw as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

/// A text with white space runs folded to one space and ’ to ', with the byte offset in the
/// original of every byte of the folded text.
struct Normalised {
    text: String,
    origin: Vec<usize>,
}

impl Normalised {
    fn new(s: &str) -> Normalised {
        let mut text = String::with_capacity(s.len());
        let mut origin = Vec::with_capacity(s.len());
        let mut in_space = false;
        for (i, c) in s.char_indices() {
            let c = match c {
                '’' | '‘' => '\'',
                c if c.is_whitespace() => ' ',
                c => c,
            };
            if c == ' ' {
                if in_space {
                    continue;
                }
                in_space = true;
            } else {
                in_space = false;
            }
            let mut buf = [0u8; 4];
            for _ in c.encode_utf8(&mut buf).bytes() {
                origin.push(i);
            }
            text.push(c);
        }
        Normalised { text, origin }
    }
}

/// Where the snippet is: in scored sentences, in left-out ones (which part), or nowhere.
fn locate(snippet: &str, text: &Normalised, sentences: &[SentenceScore]) -> SnippetCheck {
    let nfc: String = snippet.trim().nfc().collect();
    let needle = Normalised::new(&nfc).text;
    let mut found = "not in the text".to_string();
    if needle.is_empty() {
        return SnippetCheck { snippet: snippet.to_string(), found };
    }
    for (at, _) in text.text.match_indices(&needle) {
        let (start, end) = (text.origin[at], text.origin[at + needle.len() - 1] + 1);
        // The sentences the occurrence touches, and whether every one of them is scored.
        let touched: Vec<&SentenceScore> = sentences.iter().filter(|s| s.start < end && s.end > start).collect();
        match touched.iter().find(|s| s.excluded.is_some()) {
            None if !touched.is_empty() => return SnippetCheck { snippet: snippet.to_string(), found: "scored".into() },
            None => found = "outside every sentence".into(),
            Some(s) => {
                found = match &s.excluded {
                    Some(Excluded::Part { part, rule, .. }) => format!("{} ({})", part.as_str(), rule.as_deref().unwrap_or("?")),
                    Some(Excluded::Language { language, .. }) => format!("another language ({language})"),
                    None => unreachable!(),
                }
            }
        }
    }
    SnippetCheck { snippet: snippet.to_string(), found }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_f1_counts_words_as_multisets() {
        let (p, r, f) = word_f1("Le chat, le chat dort.", "le chat dort bien");
        assert!((p - 0.6).abs() < 1e-9 && (r - 0.75).abs() < 1e-9, "{p} {r}");
        assert!((f - 2.0 * 0.6 * 0.75 / 1.35).abs() < 1e-9);
        assert_eq!(word_f1("", "x"), (0.0, 0.0, 0.0));
    }

    #[test]
    fn html_text_drops_tags_and_decodes_entities() {
        let t = html_text("<div><p>Un <b>fait</b>&nbsp;:</p><p>l&rsquo;autre</p></div>");
        assert!(t.contains("Un fait\u{a0}:") && t.contains("l’autre"), "{t:?}");
    }

    #[test]
    fn snippets_match_across_white_space_and_apostrophes() {
        let n = Normalised::new("Il a dit\n\nqu’il  viendra.");
        assert_eq!(n.text, "Il a dit qu'il viendra.");
        let at = n.text.find("qu'il").unwrap();
        assert_eq!(&"Il a dit\n\nqu’il  viendra."[n.origin[at]..], "qu’il  viendra.");
    }
}
