//! `hedge eval facts GOLD`: pair precision and recall of the fact groups of `compare --facts`
//! against a hand-made alignment gold (format and rule: docs/FACTS.md).
//!
//! A pair is two sentences of different articles in the same group; the gold pairs are the
//! cross-article pairs of each gold fact, unioned over the facts. The run is made of the files
//! the gold's `articles` line names (or, without one, the files its facts name), analysed as
//! `hedge compare` analyses them, so that the rarity weights are those of the same run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::classify::SentenceScore;
use crate::eval::Prf;
use crate::facts::{align, Params};
use crate::input::{Origin, Planned};
use crate::lexicon::Lexicon;
use crate::pipeline::{analyze, load, ReadOptions};

#[derive(Debug, Deserialize)]
struct GoldLine {
    /// A header line: the files of the run.
    #[serde(default)]
    articles: Option<Vec<String>>,
    #[serde(default)]
    fact: Option<String>,
    #[serde(default)]
    members: Vec<GoldMember>,
}

#[derive(Debug, Deserialize)]
struct GoldMember {
    file: String,
    text: String,
}

/// One sentence, for the error listing.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct PairSide {
    pub file: String,
    pub number: usize,
    pub text: String,
}

/// The result.
#[derive(Debug, Clone, Serialize)]
pub struct FactsEval {
    pub articles: usize,
    pub gold_facts: usize,
    pub gold_pairs: usize,
    pub predicted_groups: usize,
    pub predicted_pairs: usize,
    pub pairs: Prf,
    /// Gold facts with at least one cross-article pair found.
    pub facts_found: usize,
    /// Gold sentences hedge does not find as one of its sentences (or that are not claims).
    pub missing_sentences: Vec<String>,
    pub false_pairs: Vec<(PairSide, PairSide)>,
    pub missed_pairs: Vec<(String, PairSide, PairSide)>,
    /// The pair score and shared-feature count of each false pair, then of each missed pair
    /// (None when the two sentences share no feature), in the order of the two lists.
    #[serde(skip)]
    pub false_scores: Vec<Option<crate::facts::PairScore>>,
    #[serde(skip)]
    pub missed_scores: Vec<Option<crate::facts::PairScore>>,
    /// The parameters used.
    pub params: String,
    /// Leave one article out: for each article, the link threshold chosen on the gold pairs of
    /// the other articles ([`LINK_GRID`], [`PRECISION_FLOOR`], other parameters as given), then
    /// the pairs that involve the article scored at that threshold.
    pub held_out: Vec<HeldOut>,
    /// The held-out pairs of every article pooled (each pair counted once per article it
    /// involves, so twice).
    pub held_out_pooled: Prf,
    /// The pair score alone, without grouping: at each threshold, the cross-article pairs that
    /// score at least it with at least `min_shared` shared features, against the gold pairs
    /// (what a perfect grouping of the pair scores could reach). `(threshold, pairs)`.
    pub pair_curve: Vec<(f64, Prf)>,
    /// Gold pairs that share no feature at all, and that share fewer than `min_shared`.
    pub gold_sharing_nothing: usize,
    pub gold_sharing_too_little: usize,
}

/// One article held out.
#[derive(Debug, Clone, Serialize)]
pub struct HeldOut {
    pub article: String,
    /// The link threshold chosen on the other articles' pairs.
    pub link: f64,
    /// Pairs that involve the article, at that threshold.
    pub pairs: Prf,
    /// Pairs that involve the article, at the parameters given (no choice).
    pub at_given: Prf,
}

/// The precision the leave-one-article-out choice requires on the other articles (issue 19's
/// target): among the thresholds that reach it, the one with the highest recall.
pub const PRECISION_FLOOR: f64 = 0.80;

/// The link thresholds tried by the leave-one-article-out choice.
pub const LINK_GRID: [f64; 16] = [0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.24, 0.26, 0.28, 0.30, 0.32, 0.34, 0.36, 0.38, 0.40];

fn prf(predicted: &BTreeSet<(Sid, Sid)>, gold: &BTreeMap<(Sid, Sid), String>, keep: impl Fn(&(Sid, Sid)) -> bool) -> Prf {
    let pred: Vec<&(Sid, Sid)> = predicted.iter().filter(|p| keep(p)).collect();
    let tp = pred.iter().filter(|p| gold.contains_key(p)).count();
    let gold_n = gold.keys().filter(|p| keep(p)).count();
    Prf { tp, fp: pred.len() - tp, fn_: gold_n - tp, ..Prf::default() }.finish()
}

/// The cross-article pairs of the groups `align` makes with `params`.
fn predicted_pairs(
    inputs: &[(String, &[SentenceScore])],
    analyses: &[(String, Vec<SentenceScore>)],
    params: &Params,
) -> (usize, BTreeSet<(Sid, Sid)>) {
    let groups = align(inputs, params);
    let mut predicted: BTreeSet<(Sid, Sid)> = BTreeSet::new();
    for g in &groups {
        let sids: Vec<Sid> = g
            .members
            .iter()
            .filter_map(|m| analyses[m.article_index].1.iter().position(|s| s.number == m.number).map(|i| (m.article_index, i)))
            .collect();
        for (i, &x) in sids.iter().enumerate() {
            for &y in &sids[i + 1..] {
                if x.0 != y.0 {
                    predicted.insert((x.min(y), x.max(y)));
                }
            }
        }
    }
    (groups.len(), predicted)
}

type Sid = (usize, usize); // (article index, sentence index in its article)

/// Scores the alignment against a gold file, with the given parameters.
pub fn eval_facts(path: &Path, lex: &Lexicon, params: &Params) -> Result<FactsEval, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let resolve = |f: &str| if Path::new(f).is_absolute() { PathBuf::from(f) } else { base.join(f) };
    let mut files: Vec<PathBuf> = Vec::new();
    let mut header = false;
    let mut facts: Vec<(String, Vec<(PathBuf, String)>)> = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let g: GoldLine = serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
        if let Some(a) = g.articles {
            header = true;
            files.extend(a.iter().map(|f| resolve(f)));
            continue;
        }
        let name = g.fact.unwrap_or_else(|| format!("line {}", i + 1));
        facts.push((name, g.members.into_iter().map(|m| (resolve(&m.file), m.text)).collect()));
    }
    if !header {
        for (_, ms) in &facts {
            for (f, _) in ms {
                if !files.contains(f) {
                    files.push(f.clone());
                }
            }
        }
    }
    let mut analyses: Vec<(String, Vec<SentenceScore>)> = Vec::new();
    for f in &files {
        let planned = Planned { label: f.display().to_string(), label_given: true, origin: Origin::File(f.clone()) };
        let doc = load(&planned, ReadOptions::default(), &lex.rules).map_err(|e| e.to_string())?;
        let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        analyses.push((name, analyze(&doc, lex).sentences));
    }
    let file_index = |f: &PathBuf| files.iter().position(|x| x == f);
    // Gold sentence → (article, sentence index): the sentence whose text equals it (or holds it).
    let mut missing = Vec::new();
    let mut gold_pairs: BTreeMap<(Sid, Sid), String> = BTreeMap::new();
    for (fact, ms) in &facts {
        let mut sids: Vec<Sid> = Vec::new();
        for (f, text) in ms {
            let want = crate::extract::normalise(text.trim().to_string()).0;
            let found = file_index(f).and_then(|a| {
                let ss = &analyses[a].1;
                ss.iter().position(|s| s.text.trim() == want).or_else(|| ss.iter().position(|s| s.text.contains(want.as_str()))).map(|i| (a, i))
            });
            match found {
                Some(sid) if crate::facts::is_candidate(&analyses[sid.0].1[sid.1]) => sids.push(sid),
                _ => missing.push(format!("{} ({}): {}", fact, f.display(), text)),
            }
        }
        for (i, &x) in sids.iter().enumerate() {
            for &y in &sids[i + 1..] {
                if x.0 != y.0 {
                    gold_pairs.entry((x.min(y), x.max(y))).or_insert_with(|| fact.clone());
                }
            }
        }
    }
    let inputs: Vec<(String, &[SentenceScore])> = analyses.iter().map(|(n, s)| (n.clone(), s.as_slice())).collect();
    let (n_groups, predicted) = predicted_pairs(&inputs, &analyses, params);
    // Leave one article out: the link threshold is chosen without the article's pairs.
    let by_link: Vec<(f64, BTreeSet<(Sid, Sid)>)> =
        LINK_GRID.iter().map(|&link| (link, predicted_pairs(&inputs, &analyses, &Params { link, ..*params }).1)).collect();
    let mut held_out = Vec::new();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (a, (name, _)) in analyses.iter().enumerate() {
        let involves = |p: &(Sid, Sid)| p.0 .0 == a || p.1 .0 == a;
        // The highest recall whose precision reaches the target (0.80) on the other
        // articles' pairs, the lower threshold on a tie; if none does, the highest precision.
        let mut best: Option<((bool, f64), usize)> = None;
        for (k, (_, pred)) in by_link.iter().enumerate() {
            let r = prf(pred, &gold_pairs, |p| !involves(p));
            let meets = r.precision >= PRECISION_FLOOR;
            let score = (meets, if meets { r.recall } else { r.precision });
            let better = |b: (bool, f64)| match (score.0, b.0) {
                (true, false) => true,
                (false, true) => false,
                _ => score.1 > b.1,
            };
            if best.is_none_or(|(b, _)| better(b)) {
                best = Some((score, k));
            }
        }
        let k = best.map(|b| b.1).unwrap_or(0);
        let pairs = prf(&by_link[k].1, &gold_pairs, involves);
        tp += pairs.tp;
        fp += pairs.fp;
        fn_ += pairs.fn_;
        held_out.push(HeldOut { article: name.clone(), link: by_link[k].0, pairs, at_given: prf(&predicted, &gold_pairs, involves) });
    }
    let held_out_pooled = Prf { tp, fp, fn_, ..Prf::default() }.finish();
    let side = |(a, i): Sid| PairSide { file: analyses[a].0.clone(), number: analyses[a].1[i].number, text: analyses[a].1[i].text.clone() };
    let tp = predicted.iter().filter(|p| gold_pairs.contains_key(p)).count();
    let false_pairs: Vec<(PairSide, PairSide)> = predicted.iter().filter(|p| !gold_pairs.contains_key(p)).map(|&(x, y)| (side(x), side(y))).collect();
    let missed_pairs: Vec<(String, PairSide, PairSide)> =
        gold_pairs.iter().filter(|(p, _)| !predicted.contains(p)).map(|(&(x, y), f)| (f.clone(), side(x), side(y))).collect();
    let scores = crate::facts::pair_scores(&inputs, params);
    let score_of = |&(x, y): &(Sid, Sid)| {
        let k = |(a, i): Sid| (a, analyses[a].1[i].number);
        let (kx, ky) = (k(x), k(y));
        scores.get(&(kx.min(ky), kx.max(ky))).cloned()
    };
    let sid_of_key: BTreeMap<(usize, usize), Sid> =
        analyses.iter().enumerate().flat_map(|(a, (_, ss))| ss.iter().enumerate().map(move |(i, s)| ((a, s.number), (a, i)))).collect();
    let pair_curve: Vec<(f64, Prf)> = (1..=20)
        .map(|k| {
            let t = k as f64 * 0.02;
            let above: BTreeSet<(Sid, Sid)> = scores
                .iter()
                .filter(|(_, p)| p.score >= t && p.shared >= params.min_shared)
                .filter_map(|((x, y), _)| Some((*sid_of_key.get(x)?, *sid_of_key.get(y)?)))
                .collect();
            (t, prf(&above, &gold_pairs, |_| true))
        })
        .collect();
    let gold_sharing_nothing = gold_pairs.keys().filter(|p| score_of(p).is_none()).count();
    let gold_sharing_too_little = gold_pairs.keys().filter(|p| score_of(p).is_some_and(|x| x.shared < params.min_shared)).count();
    let false_scores: Vec<Option<crate::facts::PairScore>> = predicted.iter().filter(|p| !gold_pairs.contains_key(p)).map(score_of).collect();
    let missed_scores: Vec<Option<crate::facts::PairScore>> = gold_pairs.keys().filter(|p| !predicted.contains(p)).map(score_of).collect();
    let found_facts: BTreeSet<&String> = gold_pairs.iter().filter(|(p, _)| predicted.contains(p)).map(|(_, f)| f).collect();
    let pairs = Prf { tp, fp: predicted.len() - tp, fn_: gold_pairs.len() - tp, ..Prf::default() }.finish();
    Ok(FactsEval {
        articles: files.len(),
        gold_facts: facts.len(),
        gold_pairs: gold_pairs.len(),
        predicted_groups: n_groups,
        predicted_pairs: predicted.len(),
        pairs,
        facts_found: found_facts.len(),
        missing_sentences: missing,
        false_pairs,
        missed_pairs,
        false_scores,
        missed_scores,
        params: format!(
            "link {} · min shared {} · merge {} · number ×{} · number+unit ×{} · prefix {} · ranges {} · spellings {} · acronyms {} · lemmas {} · nominalisations {} · attach {} · overlap {}",
            params.link,
            params.min_shared,
            params.merge,
            params.number_boost,
            params.unit_boost,
            params.prefix,
            if params.ranges { "on" } else { "off" },
            if params.spellings { "on" } else { "off" },
            if params.acronyms { "on" } else { "off" },
            if params.lemmas { "on" } else { "off" },
            if params.nominalisations { "on" } else { "off" },
            if params.attach > 0.0 { format!("{} (floor {})", params.attach, params.attach_floor) } else { "off".to_string() },
            params.overlap
        ),
        held_out,
        held_out_pooled,
        pair_curve,
        gold_sharing_nothing,
        gold_sharing_too_little,
    })
}

/// A precision or recall, « - » when it has no denominator (an article with no gold pair).
fn ratio(x: f64, denominator: usize) -> String {
    if denominator == 0 {
        "-".to_string()
    } else {
        format!("{x:.4}")
    }
}

fn short_name(f: &str) -> String {
    f.chars().take(24).collect()
}

fn short(f: &str) -> String {
    f.chars().take(3).collect()
}

impl FactsEval {
    pub fn render(&self, verbose: bool) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        let _ = writeln!(s, "Fact alignment: sentence pairs (two articles, same group) against the hand-made gold");
        let _ = writeln!(
            s,
            "articles {} · gold facts {} · gold pairs {} · predicted groups {} · predicted pairs {}",
            self.articles, self.gold_facts, self.gold_pairs, self.predicted_groups, self.predicted_pairs
        );
        let _ = writeln!(s, "{:<12} {:>5} {:>4} {:>4} {:>9} {:>9} {:>9}", "", "tp", "fp", "fn", "precision", "recall", "f1");
        let p = &self.pairs;
        let _ = writeln!(s, "{:<12} {:>5} {:>4} {:>4} {:>9.4} {:>9.4} {:>9.4}", "pairs", p.tp, p.fp, p.fn_, p.precision, p.recall, p.f1);
        let _ = writeln!(s, "gold facts with at least one pair found: {} of {}", self.facts_found, self.gold_facts);
        let _ = writeln!(s, "parameters: {}", self.params);
        let _ = writeln!(s, "leave one article out (link: the highest recall at precision >= {PRECISION_FLOOR:.2} on the other articles' pairs; scored on the pairs that involve the article):");
        let _ = writeln!(
            s,
            "{:<24} {:>5} {:>5} {:>4} {:>4} {:>9} {:>9}   {:>9} {:>9}",
            "held out", "link", "tp", "fp", "fn", "precision", "recall", "P given", "R given"
        );
        for h in &self.held_out {
            let (p, g) = (&h.pairs, &h.at_given);
            let _ = writeln!(
                s,
                "{:<24} {:>5.2} {:>5} {:>4} {:>4} {:>9} {:>9}   {:>9} {:>9}",
                short_name(&h.article),
                h.link,
                p.tp,
                p.fp,
                p.fn_,
                ratio(p.precision, p.tp + p.fp),
                ratio(p.recall, p.tp + p.fn_),
                ratio(g.precision, g.tp + g.fp),
                ratio(g.recall, g.tp + g.fn_)
            );
        }
        let p = &self.held_out_pooled;
        let _ = writeln!(s, "{:<24} {:>5} {:>5} {:>4} {:>4} {:>9.4} {:>9.4}", "pooled", "", p.tp, p.fp, p.fn_, p.precision, p.recall);
        if !self.missing_sentences.is_empty() {
            let _ = writeln!(s, "gold sentences not found as claims of the run: {}", self.missing_sentences.len());
        }
        if verbose {
            let _ = writeln!(
                s,
                "gold pairs sharing no feature: {} · sharing fewer than min shared: {} (of {})",
                self.gold_sharing_nothing, self.gold_sharing_too_little, self.gold_pairs
            );
            let _ = writeln!(s, "pair score alone, no grouping (pairs scoring >= t with >= min shared features):");
            let _ = writeln!(s, "{:>5} {:>5} {:>5} {:>4} {:>9} {:>9}", "t", "tp", "fp", "fn", "precision", "recall");
            for (t, p) in &self.pair_curve {
                let _ = writeln!(s, "{t:>5.2} {:>5} {:>5} {:>4} {:>9} {:>9.4}", p.tp, p.fp, p.fn_, ratio(p.precision, p.tp + p.fp), p.recall);
            }
            for m in &self.missing_sentences {
                let _ = writeln!(s, "missing {m}");
            }
            let why = |x: Option<&Option<crate::facts::PairScore>>| match x.and_then(Option::as_ref) {
                Some(p) => format!("score {:.3}, {} shared: {}", p.score, p.shared, p.features.join(" · ")),
                None => "score 0, nothing shared".to_string(),
            };
            for (i, (a, b)) in self.false_pairs.iter().enumerate() {
                let (a_file, b_file, w) = (short(&a.file), short(&b.file), why(self.false_scores.get(i)));
                let _ = writeln!(s, "false  ({w}) {a_file}[{}] {}\n   ~   {b_file}[{}] {}", a.number, a.text, b.number, b.text);
            }
            for (i, (f, a, b)) in self.missed_pairs.iter().enumerate() {
                let (a_file, b_file, w) = (short(&a.file), short(&b.file), why(self.missed_scores.get(i)));
                let _ = writeln!(s, "missed ({f}; {w}) {a_file}[{}] {}\n   ~   {b_file}[{}] {}", a.number, a.text, b.number, b.text);
            }
        }
        s
    }
}
