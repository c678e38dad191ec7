//! The "no verb" claim filter against UD gold (`hedge eval verbs FILE.conllu…`).
//!
//! A sentence with no finite verb is not a claim for `hedge`: it is labelled NONE with
//! `not_claim = no_verb` (a title, a fragment, a caption). This measures that filter as a
//! detector of **verbless sentences** (the positive class) on UD CoNLL-U files.
//!
//! The protocol, in full:
//! - **Gold.** A UD sentence has a finite verb when one of its words has `VerbForm=Fin` in its
//!   FEATS; otherwise it is verbless. (Words are the surface words of [`super::conllu`]: a
//!   multiword token carries the features of its first part. In the UD French files no later
//!   part of a multiword token is finite, so this reads every finite word.)
//! - **Input.** Each sentence's `# text` is analysed on its own, as one plain-text document,
//!   with the same pipeline call as the other evaluations (`analyze(extract_with(…))`).
//! - **Prediction.** `hedge` may cut the text into several sentences. The UD sentence is
//!   predicted verbless when *every* one of them has `not_claim = no_verb`, and predicted to
//!   have a verb otherwise (one of them is a claim candidate with a verb, or carries a counted
//!   marker, which skips the verb check).
//! - **Left out.** A UD sentence is left out of the scores when one of `hedge`'s sentences of
//!   it is rejected for another reason (question, too short, metadata, call to action,
//!   announces), or left out as another language (no verb check runs on it), or when its text
//!   gives no sentence at all. The left-out sentences are counted by reason (the first reason
//!   met, in text order).
//! - **Baseline**, computed in the same run on the same scored sentences: verbless when no
//!   word of the text (`hedge`'s tokenizer) has any finite reading in the verb table
//!   ([`Morphology::lookup`] with [`Tags::FINITE`]), even when the word is also a noun or an
//!   adjective (« place », « fin »).
//! - **Scores.** Precision, recall and F1 of the verbless class per file and overall, and the
//!   share of gold-finite sentences called verbless (false positives / gold-finite sentences):
//!   these are real claims the filter drops.
//!
//! A second measure reads the same gold for the **word sense of reporting verbs**: every
//! counted attribution marker of a verb entry (`lemmas`) stands on a UD word whose part of
//! speech says whether it is a verb (`VERB`, `AUX`) or a noun, adjective or name (« la *formule*
//! d'Aristote », « l'autre *juge* », « les eaux du *Jura* »): the latter report nothing.
//! Every UD sentence is analysed (also those left out above). Baseline, same run: every word
//! that the verb table gives as a form of one of those entries' verbs (the forms the entries
//! would find with no sense check). Precision = share of the hits on a verb; the number of
//! hits on verbs shows what a stricter rule costs.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use super::conllu::{read_conllu, UdSentence};
use super::Prf;
use crate::classify::{NotClaim, SentenceScore};
use crate::extract::extract_with;
use crate::lexicon::morphology::{Morphology, Tags};
use crate::lexicon::Lexicon;
use crate::pipeline::analyze;
use crate::token;

/// One detector's figures on a set of scored sentences (positive class: verbless).
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct VerblessScore {
    /// tp: gold verbless and called verbless; fp: gold finite, called verbless; fn: gold
    /// verbless, called with a verb.
    pub scores: Prf,
    /// Gold finite and called with a verb.
    pub tn: usize,
    /// fp / (fp + tn): the share of gold-finite sentences (real claims) called verbless.
    pub finite_called_verbless: f64,
}

impl VerblessScore {
    fn count(&mut self, gold_verbless: bool, predicted_verbless: bool) {
        match (gold_verbless, predicted_verbless) {
            (true, true) => self.scores.tp += 1,
            (false, true) => self.scores.fp += 1,
            (true, false) => self.scores.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn add(&mut self, o: &VerblessScore) {
        self.scores.add(&o.scores);
        self.tn += o.tn;
    }
    fn finish(mut self) -> Self {
        self.scores = self.scores.finish();
        let finite = self.scores.fp + self.tn;
        self.finite_called_verbless = if finite == 0 { 0.0 } else { self.scores.fp as f64 / finite as f64 };
        self
    }
}

/// The figures of one file (or of all files together).
#[derive(Debug, Clone, Default, Serialize)]
pub struct VerbsFileEval {
    pub file: String,
    /// UD sentences read.
    pub sentences: usize,
    /// UD sentences scored (read minus left out).
    pub scored: usize,
    pub left_out: usize,
    /// Scored sentences that `hedge` cuts into several sentences.
    pub cut: usize,
    /// Scored sentences with no `VerbForm=Fin` word.
    pub gold_verbless: usize,
    /// Scored sentences with a `VerbForm=Fin` word.
    pub gold_finite: usize,
    pub hedge: VerblessScore,
    pub baseline: VerblessScore,
}

impl VerbsFileEval {
    fn add(&mut self, o: &VerbsFileEval) {
        self.sentences += o.sentences;
        self.scored += o.scored;
        self.left_out += o.left_out;
        self.cut += o.cut;
        self.gold_verbless += o.gold_verbless;
        self.gold_finite += o.gold_finite;
        self.hedge.add(&o.hedge);
        self.baseline.add(&o.baseline);
    }
    fn finish(mut self) -> Self {
        self.hedge = self.hedge.finish();
        self.baseline = self.baseline.finish();
        self
    }
}

/// An error of `hedge`'s filter, for `--verbose`.
#[derive(Debug, Clone, Serialize)]
pub struct VerbError {
    pub file: String,
    pub sent_id: String,
    /// `dropped_claim` (gold finite, `hedge` says no verb: a real claim left out) or
    /// `missed_verbless` (gold verbless, `hedge` finds a verb).
    pub kind: &'static str,
    /// For `dropped_claim`: the gold finite words. For `missed_verbless`: the words `hedge`
    /// reads as finite, or the counted marker that skipped the check.
    pub detail: String,
    pub text: String,
}

/// Reporting-verb hits by the gold part of speech of the word they stand on.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct SenseCount {
    /// On a word tagged `VERB` or `AUX`.
    pub on_verb: usize,
    /// On a word of another part of speech (noun, adjective, proper noun…).
    pub on_other: usize,
    /// on_verb / (on_verb + on_other).
    pub precision: f64,
}

impl SenseCount {
    fn count(&mut self, upos: &str) {
        if matches!(upos, "VERB" | "AUX") {
            self.on_verb += 1;
        } else {
            self.on_other += 1;
        }
    }
    fn finish(mut self) -> Self {
        let n = self.on_verb + self.on_other;
        self.precision = if n == 0 { 0.0 } else { self.on_verb as f64 / n as f64 };
        self
    }
}

/// A reporting-verb hit on a word the gold does not tag as a verb, for `--verbose`.
#[derive(Debug, Clone, Serialize)]
pub struct SenseError {
    pub file: String,
    pub sent_id: String,
    pub marker: String,
    pub word: String,
    pub upos: String,
    pub text: String,
}

/// Results of [`eval_verbs`].
#[derive(Debug, Clone, Serialize)]
pub struct VerbsEval {
    /// Counted reporting-verb markers by the gold part of speech of their first word.
    pub reporting_hits: SenseCount,
    /// The baseline: every form of those verbs.
    pub reporting_forms: SenseCount,
    /// `hedge`'s reporting-verb hits on non-verbs.
    pub sense_errors: Vec<SenseError>,
    pub files: Vec<VerbsFileEval>,
    pub overall: VerbsFileEval,
    /// Left-out UD sentences by reason (question, too_short, metadata, call_to_action,
    /// announces, other_language, no_sentence).
    pub left_out_by_reason: BTreeMap<&'static str, usize>,
    /// `hedge`'s errors, in file order.
    pub errors: Vec<VerbError>,
}

/// Did `hedge` find no finite verb in the sentence: `not_claim = no_verb`, or a whole sentence
/// kept as a claim all the same (flag `nominal`)? This eval measures the verb detector, not the
/// claim decision.
fn verbless(s: &SentenceScore) -> bool {
    s.not_claim == Some(NotClaim::NoVerb) || s.flags.contains(&crate::classify::Flag::Nominal)
}

/// Why a UD sentence is left out, if it is: the first of its `hedge` sentences rejected for a
/// reason other than no verb.
fn left_out_reason(sentences: &[SentenceScore]) -> Option<&'static str> {
    if sentences.is_empty() {
        return Some("no_sentence");
    }
    sentences.iter().find_map(|s| match (s.not_claim, &s.excluded) {
        (Some(NotClaim::Question), _) => Some("question"),
        (Some(NotClaim::TooShort), _) => Some("too_short"),
        (Some(NotClaim::Metadata), _) => Some("metadata"),
        (Some(NotClaim::CallToAction), _) => Some("call_to_action"),
        (Some(NotClaim::Prescription), _) => Some("prescription"),
        (Some(NotClaim::Announces), _) => Some("announces"),
        (None, Some(crate::classify::scope::Excluded::Language { .. })) => Some("other_language"),
        _ => None,
    })
}

/// The baseline: no word of `text` has a finite reading in the verb table.
pub fn baseline_verbless(text: &str, morph: &Morphology) -> bool {
    let mut lower = String::new();
    !token::tokenize(text, 0)
        .iter()
        .any(|t| morph.lookup(token::lowered(&text[t.span.clone()], &mut lower)).iter().any(|f| f.tags.intersects(Tags::FINITE)))
}

/// Scores the no-verb filter (and the baseline) on CoNLL-U files.
pub fn eval_verbs(paths: &[PathBuf], lex: &Lexicon) -> Result<VerbsEval, String> {
    let mut files = Vec::new();
    let mut overall = VerbsFileEval { file: "overall".into(), ..Default::default() };
    let mut left_out_by_reason: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut errors = Vec::new();
    let (mut reporting_hits, mut reporting_forms, mut sense_errors) = (SenseCount::default(), SenseCount::default(), Vec::new());
    let report_lemmas = reporting_lemmas(lex);
    let mut lower = String::new();
    for path in paths {
        let name = path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
        let sentences = read_conllu(path)?;
        let mut f = VerbsFileEval { file: name.clone(), sentences: sentences.len(), ..Default::default() };
        for s in &sentences {
            let a = analyze(&extract_with(&s.sent_id, &s.sent_id, s.text.clone(), &lex.rules), lex);
            for w in &s.words {
                let form = token::lowered(&w.form, &mut lower);
                if lex
                    .morphology
                    .lookup(form)
                    .iter()
                    .any(|f| !f.tags.contains(Tags::INF) && report_lemmas.contains(lex.morphology.lemma_name(f.lemma)))
                {
                    reporting_forms.count(&w.upos);
                }
            }
            for m in a.sentences.iter().flat_map(|x| &x.markers).filter(|m| m.counted && is_reporting_verb(lex, m.entry)) {
                let Some(w) = word_at(s, m.start, &m.text) else { continue };
                reporting_hits.count(&w.upos);
                if !matches!(w.upos.as_str(), "VERB" | "AUX") {
                    sense_errors.push(SenseError {
                        file: name.clone(),
                        sent_id: s.sent_id.clone(),
                        marker: m.id.clone(),
                        word: w.form.clone(),
                        upos: w.upos.clone(),
                        text: s.text.clone(),
                    });
                }
            }
            if let Some(reason) = left_out_reason(&a.sentences) {
                f.left_out += 1;
                *left_out_by_reason.entry(reason).or_default() += 1;
                continue;
            }
            f.scored += 1;
            f.cut += usize::from(a.sentences.len() > 1);
            let gold_verbless = !s.words.iter().any(|w| w.feat("VerbForm") == Some("Fin"));
            if gold_verbless {
                f.gold_verbless += 1;
            } else {
                f.gold_finite += 1;
            }
            let predicted = a.sentences.iter().all(verbless);
            f.hedge.count(gold_verbless, predicted);
            f.baseline.count(gold_verbless, baseline_verbless(&s.text, lex.morphology));
            if gold_verbless != predicted {
                let (kind, detail) =
                    if predicted { ("dropped_claim", gold_finite_words(s)) } else { ("missed_verbless", verb_evidence(&a.sentences, lex)) };
                errors.push(VerbError { file: name.clone(), sent_id: s.sent_id.clone(), kind, detail, text: s.text.clone() });
            }
        }
        overall.add(&f);
        files.push(f.finish());
    }
    Ok(VerbsEval {
        reporting_hits: reporting_hits.finish(),
        reporting_forms: reporting_forms.finish(),
        sense_errors,
        files,
        overall: overall.finish(),
        left_out_by_reason,
        errors,
    })
}

/// Is this lexicon entry a reporting verb (an attribution entry found by its verb forms)?
fn is_reporting_verb(lex: &Lexicon, entry: u32) -> bool {
    let e = &lex.entries[entry as usize];
    e.category == crate::lexicon::Category::Attribution && matches!(e.rule, crate::lexicon::Rule::Lemmas { .. })
}

/// The verbs of the attribution entries found by their forms.
fn reporting_lemmas(lex: &Lexicon) -> std::collections::HashSet<&str> {
    lex.entries
        .iter()
        .filter(|e| e.category == crate::lexicon::Category::Attribution)
        .filter_map(|e| match &e.rule {
            crate::lexicon::Rule::Lemmas { lemmas, .. } => Some(lemmas.iter().map(String::as_str)),
            _ => None,
        })
        .flatten()
        .collect()
}

/// The UD word a marker stands on: the one whose span holds its first byte and whose form
/// starts it, else the nearest word with the form of its first word (the document text may be
/// a few bytes shorter than the UD text: a soft hyphen is dropped when it is read).
fn word_at<'a>(s: &'a UdSentence, at: usize, marker: &str) -> Option<&'a super::conllu::UdWord> {
    let first = marker.split(|c: char| c.is_whitespace() || c == '\'' || c == '’' || c == '-').next().unwrap_or(marker).to_lowercase();
    let starts = |w: &super::conllu::UdWord| w.form.to_lowercase() == first;
    s.words
        .iter()
        .find(|w| w.span.as_ref().is_some_and(|r| r.contains(&at)) && starts(w))
        .or_else(|| s.words.iter().filter(|w| starts(w)).min_by_key(|w| w.span.as_ref().map_or(usize::MAX, |r| r.start.abs_diff(at))))
}

fn gold_finite_words(s: &UdSentence) -> String {
    let words: Vec<&str> = s.words.iter().filter(|w| w.feat("VerbForm") == Some("Fin")).map(|w| w.form.as_str()).collect();
    words.join(" ")
}

/// What made `hedge` see a verb: the counted markers (they skip the verb check) of the
/// sentences not called no_verb, else their words it reads as finite (a word after a verb
/// clitic is not named: the rule that found it is private to the classifier).
fn verb_evidence(sentences: &[SentenceScore], lex: &Lexicon) -> String {
    let mut out: Vec<String> = Vec::new();
    let (mut fold, mut lower) = (String::new(), String::new());
    for s in sentences.iter().filter(|s| !verbless(s)) {
        let markers: Vec<String> = s.markers.iter().filter(|m| m.counted).map(|m| format!("marker {} «{}»", m.id, m.text)).collect();
        if !markers.is_empty() {
            out.extend(markers);
            continue;
        }
        let finite: Vec<String> = token::tokenize(&s.text, 0)
            .iter()
            .map(|t| &s.text[t.span.clone()])
            .filter(|w| crate::words::WordFacts::compute(w, lex, &mut fold, &mut lower).is_finite())
            .map(str::to_string)
            .collect();
        if finite.is_empty() {
            out.push("a word after a verb clitic".into());
        } else {
            out.push(format!("finite: {}", finite.join(" ")));
        }
    }
    out.join("; ")
}

impl VerbsEval {
    /// The text view: the two detectors side by side, per file and overall.
    pub fn render(&self, verbose: bool) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let _ = writeln!(s, "Verbless sentences (positive class: no VerbForm=Fin word in the gold): hedge's no_verb vs the baseline");
        let _ = writeln!(s, "baseline: verbless when no word has a finite reading in the verb table (even if also a noun)");
        let _ = writeln!(s, "dropped: gold-finite sentences called verbless (real claims left out), share of the gold-finite ones");
        let _ = writeln!(
            s,
            "{:<28} {:>6} {:>6} {:>5}  {:<8} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6} {:>8}",
            "file", "scored", "finite", "vless", "detector", "tp", "fp", "fn", "P", "R", "F1", "dropped"
        );
        let mut rows = |f: &VerbsFileEval| {
            for (i, (name, d)) in [("hedge", &f.hedge), ("baseline", &f.baseline)].into_iter().enumerate() {
                let (file, scored, finite, vless) = if i == 0 {
                    (f.file.as_str(), f.scored.to_string(), f.gold_finite.to_string(), f.gold_verbless.to_string())
                } else {
                    ("", String::new(), String::new(), String::new())
                };
                let p = &d.scores;
                let _ = writeln!(
                    s,
                    "{:<28} {:>6} {:>6} {:>5}  {:<8} {:>4} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3} {:>7.2}%",
                    file,
                    scored,
                    finite,
                    vless,
                    name,
                    p.tp,
                    p.fp,
                    p.fn_,
                    p.precision,
                    p.recall,
                    p.f1,
                    100.0 * d.finite_called_verbless
                );
            }
        };
        for f in &self.files {
            rows(f);
        }
        rows(&self.overall);
        let o = &self.overall;
        let _ = writeln!(
            s,
            "gold-finite sentences called verbless (real claims dropped): hedge {} of {} ({:.2} %), baseline {} of {} ({:.2} %)",
            o.hedge.scores.fp,
            o.gold_finite,
            100.0 * o.hedge.finite_called_verbless,
            o.baseline.scores.fp,
            o.gold_finite,
            100.0 * o.baseline.finite_called_verbless
        );
        let reasons: Vec<String> = self.left_out_by_reason.iter().map(|(r, n)| format!("{r} {n}")).collect();
        let _ = writeln!(
            s,
            "UD sentences read: {}; left out (a hedge sentence of it rejected for another reason): {}{}",
            o.sentences,
            o.left_out,
            if reasons.is_empty() { String::new() } else { format!(" ({})", reasons.join(", ")) }
        );
        let _ = writeln!(s, "scored sentences hedge cuts into several (verbless when all are no_verb): {}", o.cut);
        let _ = writeln!(s, "Reporting verbs (counted attribution markers of verb entries) by the gold part of speech of their word:");
        for (name, c) in [("hedge", &self.reporting_hits), ("baseline (every form of those verbs)", &self.reporting_forms)] {
            let _ = writeln!(s, "  {name}: on a verb {}, on another part of speech {}, precision {:.3}", c.on_verb, c.on_other, c.precision);
        }
        if verbose {
            for e in &self.errors {
                let _ = writeln!(s, "{} {} {} [{}]: {}", e.file, e.sent_id, e.kind, e.detail, e.text);
            }
            for e in &self.sense_errors {
                let _ = writeln!(s, "{} {} not_a_verb [{} «{}» {}]: {}", e.file, e.sent_id, e.marker, e.word, e.upos, e.text);
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_baseline_takes_any_finite_reading_for_a_verb() {
        let m = Morphology::embedded();
        // « porte » is a noun and a finite form of « porter »: the baseline sees a verb.
        assert!(!baseline_verbless("La porte du jardin", m));
        assert!(baseline_verbless("Un jardin sans fleurs", m));
    }

    #[test]
    fn a_scored_sentence_is_counted_once_in_the_right_cell() {
        let mut v = VerblessScore::default();
        v.count(true, true);
        v.count(false, true);
        v.count(false, false);
        v.count(false, false);
        v.count(true, false);
        let v = v.finish();
        assert_eq!((v.scores.tp, v.scores.fp, v.scores.fn_, v.tn), (1, 1, 1, 2));
        assert!((v.finite_called_verbless - 1.0 / 3.0).abs() < 1e-9);
    }
}
