//! Quotations against the fr-litbank citation files (`hedge eval quotes DIR`).
//!
//! The folder holds brat standoff files: `NAME.txt` and `NAME.ann`, where `Citation` spans
//! (character offsets, possibly in several fragments `a b;c d` around a speech tag) are the
//! quoted words, `Entite` spans the speaker mentions and `Introducteur` spans the speech cues;
//! relations `Source Arg1:<Entite> Arg2:<Citation>` and `Introduction Arg1:<Introducteur>
//! Arg2:<Citation>` link them.
//!
//! Scores:
//! - **sentences**: `hedge`'s own sentences; a sentence is quoted in the gold when at least half
//!   of its letters are inside a gold citation, and quoted for `hedge` when its voice is quoted.
//!   A gold-quoted sentence is counted under the mark that opens its citation (« or a dash);
//!   a sentence only `hedge` quotes, under the mark of `hedge`'s quotation.
//! - **tokens**: every word (run of letters or digits); quoted in the gold when inside a
//!   citation fragment, for `hedge` when inside the quoted words of one of its quotations.
//! - **speakers**: each of `hedge`'s quotations that overlaps a gold citation is matched to the
//!   citation it overlaps most. *Named*: `hedge` gives a speaker. *Right*: the gold citation
//!   has a speaker mention and `hedge`'s speaker shares a word with it, determiners aside
//!   (« le laquais » and « laquais », « Roger » and « Roger »; a pronoun counts as a word:
//!   « il » is right when the gold mention is « il »).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Prf;
use crate::classify::{QuoteInfo, Voice};
use crate::input::{Origin, Planned};
use crate::lexicon::Lexicon;
use crate::pipeline::{analyze, load, ReadOptions};
use crate::segment::QuoteMark;

/// How a gold citation, or a quotation of `hedge`'s, is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Opener {
    Guillemet,
    Dash,
    Other,
}

impl Opener {
    fn of_mark(m: QuoteMark) -> Opener {
        match m {
            QuoteMark::Guillemet => Opener::Guillemet,
            QuoteMark::Dash => Opener::Dash,
            QuoteMark::Curly | QuoteMark::Straight => Opener::Other,
        }
    }
    fn of_text(t: &str) -> Opener {
        match t.trim_start().chars().next() {
            Some('«') => Opener::Guillemet,
            Some('—' | '–' | '-') => Opener::Dash,
            _ => Opener::Other,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Opener::Guillemet => "«",
            Opener::Dash => "dash",
            Opener::Other => "other",
        }
    }
}

/// One gold citation (byte offsets into the text).
#[derive(Debug, Clone)]
struct GoldQuote {
    pieces: Vec<(usize, usize)>,
    opener: Opener,
    speaker: Option<String>,
}

/// Speaker figures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SpeakerScore {
    /// `hedge`'s quotations that overlap a gold citation.
    pub found: usize,
    /// … for which `hedge` names a speaker.
    pub named: usize,
    /// … of those, whose gold citation has a speaker mention.
    pub named_gold: usize,
    /// … of those, where `hedge`'s speaker shares a word with the gold mention.
    pub right: usize,
    /// Found quotations whose gold citation has a speaker mention.
    pub found_gold: usize,
    /// … for which `hedge` names a speaker.
    pub found_gold_named: usize,
    /// named / found.
    pub named_share: f64,
    /// found_gold_named / found_gold.
    pub named_share_when_gold: f64,
    /// right / named_gold.
    pub right_share: f64,
}

/// An error, for `--verbose`.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteError {
    pub file: String,
    /// `missed` (quoted in the gold only), `extra` (quoted by `hedge` only), `speaker` (wrong
    /// speaker) or `unnamed` (no speaker where the gold has one).
    pub kind: &'static str,
    pub text: String,
    /// For `speaker`: hedge's speaker and the gold's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Results of [`eval_quotes`].
#[derive(Debug, Clone, Serialize)]
pub struct QuotesEval {
    pub files: usize,
    pub gold_quotes: usize,
    /// Sentence level, all marks together and by opening mark (« , dash, other).
    pub sentences: Prf,
    pub sentences_by_mark: BTreeMap<Opener, Prf>,
    /// Sentences opened by « (as in `sentences_by_mark`), leaving out those inside a long
    /// quotation of `hedge`'s: one that runs over several paragraphs, each reopened by « (a
    /// letter, a journal, a story told by a character), or that no » closes before its
    /// paragraph ends. fr-litbank marks some such texts and not others.
    pub sentences_guillemet_short: Prf,
    /// Word level, likewise.
    pub tokens: Prf,
    pub tokens_by_mark: BTreeMap<Opener, Prf>,
    pub speakers: SpeakerScore,
    pub errors: Vec<QuoteError>,
}

fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Reads one `.ann` file against its text: the citations with their opener and speaker.
fn read_ann(ann: &str, text: &str, name: &str) -> Result<Vec<GoldQuote>, String> {
    let map = char_to_byte(text);
    let byte = |c: &str, line: usize| -> Result<usize, String> {
        let n: usize = c.parse().map_err(|_| format!("{name}:{line}: bad offset {c:?}"))?;
        map.get(n).copied().ok_or_else(|| format!("{name}:{line}: offset {n} is past the end of the text"))
    };
    let mut spans: HashMap<String, (String, Vec<(usize, usize)>)> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut sources: HashMap<String, String> = HashMap::new();
    for (i, line) in ann.lines().enumerate() {
        let lineno = i + 1;
        let mut cols = line.split('\t');
        let (Some(id), Some(def)) = (cols.next(), cols.next()) else { continue };
        if id.starts_with('T') {
            let (kind, offsets) = def.split_once(' ').ok_or_else(|| format!("{name}:{lineno}: no offsets"))?;
            let mut pieces = Vec::new();
            for frag in offsets.split(';') {
                let (a, b) = frag.split_once(' ').ok_or_else(|| format!("{name}:{lineno}: bad fragment {frag:?}"))?;
                pieces.push((byte(a, lineno)?, byte(b, lineno)?));
            }
            spans.insert(id.to_string(), (kind.to_string(), pieces));
            order.push(id.to_string());
        } else if id.starts_with('R') {
            let mut parts = def.split(' ');
            if parts.next() == Some("Source") {
                let arg = |p: Option<&str>| p.and_then(|a| a.split_once(':')).map(|(_, v)| v.to_string());
                if let (Some(ent), Some(cit)) = (arg(parts.next()), arg(parts.next())) {
                    sources.insert(cit, ent);
                }
            }
        }
    }
    let mut out = Vec::new();
    for id in &order {
        let (kind, pieces) = &spans[id];
        if kind != "Citation" {
            continue;
        }
        let opener = Opener::of_text(&text[pieces[0].0..pieces[0].1]);
        let speaker = sources.get(id).and_then(|e| spans.get(e)).map(|(_, p)| p.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>().join(" "));
        out.push(GoldQuote { pieces: pieces.clone(), opener, speaker });
    }
    Ok(out)
}

/// Lower-cased words of a speaker string, determiners and particles aside.
fn speaker_words(s: &str) -> Vec<String> {
    const SKIP: [&str; 14] = ["le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette", "ces"];
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).filter(|w| !SKIP.contains(&w.as_str())).collect()
}

/// Does `hedge`'s speaker name the gold mention (they share a word, determiners aside)?
pub fn speaker_right(predicted: &str, gold: &str) -> bool {
    let g = speaker_words(gold);
    let p = speaker_words(predicted);
    if g.is_empty() || p.is_empty() {
        // « l'un »: only small words; compare them whole.
        let norm = |s: &str| s.to_lowercase().replace('’', "'");
        return norm(predicted).trim() == norm(gold).trim();
    }
    p.iter().any(|w| g.contains(w))
}

/// Is byte `at` inside one of the sorted, disjoint ranges? Walks `k` forward (calls in order).
fn inside(ranges: &[(usize, usize, Opener)], k: &mut usize, at: usize) -> Option<Opener> {
    while *k < ranges.len() && ranges[*k].1 <= at {
        *k += 1;
    }
    ranges.get(*k).filter(|r| r.0 <= at).map(|r| r.2)
}

fn count(by: &mut BTreeMap<Opener, Prf>, all: &mut Prf, gold: Option<Opener>, hedge: Option<Opener>) {
    let (tp, fp, fn_) = match (gold, hedge) {
        (Some(g), Some(_)) => (Some(g), None, None),
        (Some(g), None) => (None, None, Some(g)),
        (None, Some(h)) => (None, Some(h), None),
        (None, None) => return,
    };
    if let Some(o) = tp {
        by.entry(o).or_default().tp += 1;
        all.tp += 1;
    }
    if let Some(o) = fp {
        by.entry(o).or_default().fp += 1;
        all.fp += 1;
    }
    if let Some(o) = fn_ {
        by.entry(o).or_default().fn_ += 1;
        all.fn_ += 1;
    }
}

/// Scores `hedge`'s quotations against every `NAME.ann` + `NAME.txt` pair of `dir`.
pub fn eval_quotes(dir: &Path, lex: &Lexicon) -> Result<QuotesEval, String> {
    let mut anns: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    if anns.is_empty() {
        return Err(format!("{}: no .ann file", dir.display()));
    }
    let mut r = QuotesEval {
        files: 0,
        gold_quotes: 0,
        sentences: Prf::default(),
        sentences_by_mark: BTreeMap::new(),
        sentences_guillemet_short: Prf::default(),
        tokens: Prf::default(),
        tokens_by_mark: BTreeMap::new(),
        speakers: SpeakerScore::default(),
        errors: Vec::new(),
    };
    for ann_path in &anns {
        let txt_path = ann_path.with_extension("txt");
        let name = txt_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let raw = std::fs::read_to_string(&txt_path).map_err(|e| format!("{}: {e}", txt_path.display()))?;
        let ann = std::fs::read_to_string(ann_path).map_err(|e| format!("{}: {e}", ann_path.display()))?;
        let planned = Planned { label: name.clone(), label_given: true, origin: Origin::File(txt_path.clone()) };
        let doc = load(&planned, ReadOptions::default(), &lex.rules).map_err(|e| e.to_string())?;
        if doc.text != raw {
            return Err(format!("{}: the text hedge reads differs from the file (offsets would not match)", txt_path.display()));
        }
        let gold = read_ann(&ann, &raw, &name)?;
        r.files += 1;
        r.gold_quotes += gold.len();
        let a = analyze(&doc, lex);
        let text = &doc.text;
        // Gold fragments and hedge's quoted pieces, sorted and disjoint.
        let mut gold_pieces: Vec<(usize, usize, Opener)> = gold.iter().flat_map(|g| g.pieces.iter().map(|&(s, e)| (s, e, g.opener))).collect();
        gold_pieces.sort();
        let mut merged: Vec<(usize, usize, Opener)> = Vec::new();
        for p in gold_pieces {
            match merged.last_mut() {
                Some(m) if p.0 <= m.1 => m.1 = m.1.max(p.1),
                _ => merged.push(p),
            }
        }
        let gold_pieces = merged;
        let hedge_pieces: Vec<(usize, usize, Opener)> =
            a.quotes.iter().flat_map(|q| q.pieces.iter().map(|p| (p[0], p[1], Opener::of_mark(q.mark)))).collect();
        // Sentences.
        for s in &a.sentences {
            let (mut kg, mut kh) = (0, 0);
            let (mut letters, mut in_gold) = (0usize, 0usize);
            let mut gold_opener: BTreeMap<Opener, usize> = BTreeMap::new();
            let mut hedge_opener: BTreeMap<Opener, usize> = BTreeMap::new();
            let k0 = gold_pieces.partition_point(|p| p.1 <= s.start);
            let h0 = hedge_pieces.partition_point(|p| p.1 <= s.start);
            kg += k0;
            kh += h0;
            for (i, c) in text[s.start..s.end].char_indices() {
                if !c.is_alphanumeric() {
                    continue;
                }
                letters += 1;
                if let Some(o) = inside(&gold_pieces, &mut kg, s.start + i) {
                    in_gold += 1;
                    *gold_opener.entry(o).or_default() += 1;
                }
                if let Some(o) = inside(&hedge_pieces, &mut kh, s.start + i) {
                    *hedge_opener.entry(o).or_default() += 1;
                }
            }
            if letters == 0 {
                continue;
            }
            let top = |m: &BTreeMap<Opener, usize>| m.iter().max_by_key(|(_, n)| **n).map(|(o, _)| *o);
            let g = (in_gold * 2 >= letters).then(|| top(&gold_opener)).flatten();
            let h = (s.voice == Voice::Quoted).then(|| top(&hedge_opener).unwrap_or(Opener::Other));
            count(&mut r.sentences_by_mark, &mut r.sentences, g, h);
            let first = a.quotes.partition_point(|q| q.end <= s.start);
            let long = a.quotes.get(first).filter(|q| q.start < s.end).is_some_and(|q| long_guillemet_quote(&text[q.start..q.end], q.mark));
            if !long && (g == Some(Opener::Guillemet) || (g.is_none() && h == Some(Opener::Guillemet))) {
                let mut by = BTreeMap::new();
                count(&mut by, &mut r.sentences_guillemet_short, g, h);
            }
            let kind = match (g, h) {
                (Some(_), None) => Some("missed"),
                (None, Some(_)) => Some("extra"),
                _ => None,
            };
            if let Some(kind) = kind {
                r.errors.push(QuoteError { file: name.clone(), kind, text: s.text.clone(), detail: None });
            }
        }
        // Tokens.
        let (mut kg, mut kh) = (0, 0);
        let mut in_word = false;
        for (i, c) in text.char_indices() {
            let letter = c.is_alphanumeric();
            if letter && !in_word {
                let g = inside(&gold_pieces, &mut kg, i);
                let h = inside(&hedge_pieces, &mut kh, i);
                count(&mut r.tokens_by_mark, &mut r.tokens, g, h);
            }
            in_word = letter;
        }
        // Speakers.
        for q in &a.quotes {
            let overlap = |g: &GoldQuote| -> usize {
                g.pieces.iter().map(|&(s, e)| q.pieces.iter().map(|p| e.min(p[1]).saturating_sub(s.max(p[0]))).sum::<usize>()).sum()
            };
            let Some(g) = gold.iter().filter(|g| overlap(g) > 0).max_by_key(|g| overlap(g)) else { continue };
            score_speaker(&mut r.speakers, q, g, text, &name, &mut r.errors);
        }
    }
    r.sentences = r.sentences.finish();
    r.sentences_guillemet_short = r.sentences_guillemet_short.finish();
    r.tokens = r.tokens.finish();
    for p in r.sentences_by_mark.values_mut().chain(r.tokens_by_mark.values_mut()) {
        *p = p.finish();
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let s = &mut r.speakers;
    s.named_share = ratio(s.named, s.found);
    s.named_share_when_gold = ratio(s.found_gold_named, s.found_gold);
    s.right_share = ratio(s.right, s.named_gold);
    Ok(r)
}

/// A quotation opened by « that runs over several paragraphs (a line break, then « again) or
/// that no » closes.
fn long_guillemet_quote(quoted: &str, mark: QuoteMark) -> bool {
    if mark != QuoteMark::Guillemet {
        return false;
    }
    let reopened = quoted.match_indices('\n').any(|(i, _)| quoted[i..].trim_start().starts_with('«'));
    reopened || !quoted.trim_end().ends_with('»')
}

fn score_speaker(s: &mut SpeakerScore, q: &QuoteInfo, g: &GoldQuote, text: &str, file: &str, errors: &mut Vec<QuoteError>) {
    s.found += 1;
    s.found_gold += usize::from(g.speaker.is_some());
    let Some(p) = &q.speaker else {
        if let Some(gs) = &g.speaker {
            let from = text[..q.start].char_indices().rev().nth(80).map_or(0, |(i, _)| i);
            let to = text[q.end..].char_indices().nth(80).map_or(text.len(), |(i, _)| q.end + i);
            errors.push(QuoteError {
                file: file.to_string(),
                kind: "unnamed",
                text: format!("{}[[{}]]{}", &text[from..q.start], &text[q.start..q.end], &text[q.end..to]),
                detail: Some(format!("gold: {gs:?}")),
            });
        }
        return;
    };
    s.named += 1;
    let Some(gs) = &g.speaker else { return };
    s.found_gold_named += 1;
    s.named_gold += 1;
    if speaker_right(p, gs) {
        s.right += 1;
    } else {
        errors.push(QuoteError {
            file: file.to_string(),
            kind: "speaker",
            text: text[q.start..q.end].to_string(),
            detail: Some(format!("hedge: {p:?}, gold: {gs:?}")),
        });
    }
}

impl QuotesEval {
    /// A plain-text summary (errors too if asked).
    pub fn render(&self, verbose: bool) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let _ = writeln!(s, "{} files, {} gold quotations", self.files, self.gold_quotes);
        let _ = writeln!(s, "{:<22} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}", "level / opened by", "P", "R", "F1", "tp", "fp", "fn");
        let mut row = |name: String, p: &Prf| {
            let _ = writeln!(s, "{:<22} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6}", name, p.precision, p.recall, p.f1, p.tp, p.fp, p.fn_);
        };
        row("sentences, all".into(), &self.sentences);
        for (o, p) in &self.sentences_by_mark {
            row(format!("sentences, {}", o.as_str()), p);
        }
        row("sentences, « short".into(), &self.sentences_guillemet_short);
        row("tokens, all".into(), &self.tokens);
        for (o, p) in &self.tokens_by_mark {
            row(format!("tokens, {}", o.as_str()), p);
        }
        let k = &self.speakers;
        let _ = writeln!(
            s,
            "speakers: {} quotations found; speaker named for {} ({:.1} %); of the {} found whose gold names one, named for {} ({:.1} %); right in {} of {} ({:.1} %)",
            k.found,
            k.named,
            100.0 * k.named_share,
            k.found_gold,
            k.found_gold_named,
            100.0 * k.named_share_when_gold,
            k.right,
            k.named_gold,
            100.0 * k.right_share
        );
        if verbose {
            for e in &self.errors {
                let _ = writeln!(
                    s,
                    "{}  {}  {}{}",
                    e.file,
                    e.kind,
                    e.text.replace('\n', " ⏎ "),
                    e.detail.as_ref().map(|d| format!("  [{d}]")).unwrap_or_default()
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
    fn reads_discontinuous_citations_and_their_speaker() {
        let text = "— Tiens, dit-il, nous avons eu la même idée.";
        let ann = "T1\tCitation 0 8;17 44\t— Tiens, nous avons eu la même idée.\nT6\tIntroducteur 9 12\tdit\nT7\tEntite 13 15\til\nR1\tSource Arg1:T7 Arg2:T1\n";
        let g = read_ann(ann, text, "t").unwrap();
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].opener, Opener::Dash);
        assert_eq!(g[0].speaker.as_deref(), Some("il"));
        // Character offsets become byte offsets (— is 3 bytes).
        assert_eq!(&text[g[0].pieces[0].0..g[0].pieces[0].1], "— Tiens,");
        assert_eq!(&text[g[0].pieces[1].0..g[0].pieces[1].1], "nous avons eu la même idée.");
    }

    #[test]
    fn a_long_quotation_runs_over_paragraphs_or_is_never_closed() {
        assert!(long_guillemet_quote("« Mon ami,\n« Je vous écris. »", QuoteMark::Guillemet));
        assert!(long_guillemet_quote("« Je vous écris.", QuoteMark::Guillemet));
        assert!(!long_guillemet_quote("« Je vous écris. »", QuoteMark::Guillemet));
        assert!(!long_guillemet_quote("— Je vous écris.", QuoteMark::Dash));
    }

    #[test]
    fn speaker_right_shares_a_word_beside_determiners() {
        assert!(speaker_right("le laquais", "laquais"));
        assert!(speaker_right("Roger", "Roger"));
        assert!(speaker_right("Le Premier ministre israélien, Yaïr Lapid", "Yaïr Lapid"));
        assert!(!speaker_right("Les", "les soldats") || speaker_words("Les").is_empty());
        assert!(!speaker_right("la mère", "le père"));
    }
}
