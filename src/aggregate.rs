//! Stage 6 — aggregate: an article's sentence scores → [`ArticleSummary`].
//!
//! Two axes, side by side: *who speaks* — the share of all claims that are reported (credited to
//! a source or quoted) — and *how sure* — the shares of the outlet's own-voice claims in each
//! class. The headline, assertiveness, is the mean points of all claims with its 95 % interval
//! (how both are computed: [`crate::score`]).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::classify::reading::Reading;
use crate::classify::{Excluded, Label, SentenceScore, Voice};
use crate::extract::PartKind;

/// How many marker ids are listed as an article's top markers.
pub const TOP_MARKERS: usize = 3;

/// The figures of one article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleSummary {
    /// Every sentence: claims + quoted_claims + not_claims + excluded + not_analysed.
    pub sentences: usize,
    /// Words of the sentences that are analysed and counted (not excluded, not another language).
    pub words: usize,
    /// Claims in the outlet's own voice (the base of every share and of the score).
    pub claims: usize,
    /// Claims in quoted voices.
    pub quoted_claims: usize,
    /// Sentences that are not claims (questions, bylines, fragments).
    pub not_claims: usize,
    /// Own-voice claims per label (ATTRIBUTED, HEDGED, BOOSTED, ASSERTED).
    pub counts: BTreeMap<Label, usize>,
    /// The same as percentages of own-voice claims (0 when there is no claim).
    pub percent: BTreeMap<Label, f64>,
    /// Sum of the points of all claims (own-voice and quoted).
    pub points: i64,
    /// The headline: mean points of all claims, own-voice and quoted, 0–100; None without claims,
    /// and None for an article mostly not in French (see `not_french`).
    pub assertiveness: Option<f64>,
    /// 95 % interval of `assertiveness` (bootstrap over the claims, seeded).
    pub interval: Option<[f64; 2]>,
    /// Mean points of the own-voice claims only (the score before quoted claims counted);
    /// None without own-voice claims.
    pub own_voice_score: Option<f64>,
    /// Who speaks: claims credited to a source (attributed) or quoted, in percent of all claims.
    pub reported_percent: f64,
    /// Quoted claims as a percentage of all claims.
    pub quoted_percent: f64,
    /// Counted markers (own voice and quoted), and per 1,000 words.
    pub markers: usize,
    pub markers_per_1000_words: f64,
    /// Most frequent counted markers in the outlet's own voice: (id, count), most frequent first.
    pub top_markers: Vec<(String, usize)>,
    /// Readings of the conditional-mood verbs found (own voice and quoted).
    pub conditional_readings: BTreeMap<Reading, usize>,
    /// Sentences left out because they are in a part of the page that is not the article
    /// (byline, boilerplate, comments), and how many in each part.
    pub excluded: usize,
    pub excluded_parts: BTreeMap<PartKind, usize>,
    /// Sentences not analysed because they are in another language, and how many per language
    /// (ISO 639-3 code).
    pub not_analysed: usize,
    pub languages: BTreeMap<String, usize>,
    /// Most of the article is in another language (more sentences not analysed than analysed):
    /// a French lexicon read only its stray French sentences, so it gets no score.
    pub not_french: bool,
    /// `--sources`: the claims credited to each source, most first (see
    /// [`crate::classify::source::article_sources`]); None (and absent from the JSON) without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<crate::classify::source::SourceCount>>,
}

impl ArticleSummary {
    /// The share of own-voice claims with this label, in percent (0 when absent).
    pub fn percent_of(&self, label: Label) -> f64 {
        self.percent.get(&label).copied().unwrap_or(0.0)
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Sums up the sentences of one article.
pub fn aggregate(sentences: &[SentenceScore]) -> ArticleSummary {
    let mut t = Tally::default();
    for s in sentences {
        t.add(s);
    }
    t.finish()
}

/// The running sums behind an [`ArticleSummary`]: sentences can be added one at a time, and
/// the tallies of consecutive parts of an article merged, in any grouping, with the same
/// result (only integer counts are kept; percentages are computed once, in [`Tally::finish`]).
/// This is what lets a large file be analysed in chunks, on several threads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    sentences: usize,
    words: usize,
    claims: usize,
    quoted_claims: usize,
    not_claims: usize,
    counts: BTreeMap<Label, usize>,
    points: i64,
    own_points: i64,
    /// Points → number of claims with those points (for the interval; merges in any order).
    hist: BTreeMap<i32, usize>,
    markers: usize,
    by_marker: BTreeMap<String, usize>,
    conditional_readings: BTreeMap<Reading, usize>,
    excluded_parts: BTreeMap<PartKind, usize>,
    languages: BTreeMap<String, usize>,
}

impl Tally {
    /// Adds one sentence.
    pub fn add(&mut self, s: &SentenceScore) {
        self.sentences += 1;
        match &s.excluded {
            Some(Excluded::Part { part, .. }) => {
                *self.excluded_parts.entry(*part).or_default() += 1;
                return;
            }
            Some(Excluded::Language { language, .. }) => {
                *self.languages.entry(language.clone()).or_default() += 1;
                return;
            }
            None => {}
        }
        self.words += s.words;
        self.markers += s.markers.iter().filter(|m| m.counted).count();
        for m in &s.markers {
            if let Some(r) = m.reading {
                *self.conditional_readings.entry(r).or_default() += 1;
            }
        }
        if s.label == Label::None {
            self.not_claims += 1;
            return;
        }
        let points = s.points.unwrap_or(0);
        self.points += i64::from(points);
        *self.hist.entry(points).or_default() += 1;
        match s.voice {
            Voice::Quoted => self.quoted_claims += 1,
            Voice::Own => {
                self.claims += 1;
                *self.counts.entry(s.label).or_default() += 1;
                self.own_points += i64::from(points);
                for m in s.markers.iter().filter(|m| m.counted) {
                    match self.by_marker.get_mut(m.id.as_str()) {
                        Some(n) => *n += 1,
                        None => {
                            self.by_marker.insert(m.id.clone(), 1);
                        }
                    }
                }
            }
        }
    }

    /// Adds the tally of another part of the article.
    pub fn merge(&mut self, o: Tally) {
        self.sentences += o.sentences;
        self.words += o.words;
        self.claims += o.claims;
        self.quoted_claims += o.quoted_claims;
        self.not_claims += o.not_claims;
        self.points += o.points;
        self.own_points += o.own_points;
        self.markers += o.markers;
        for (k, v) in o.hist {
            *self.hist.entry(k).or_default() += v;
        }
        for (k, v) in o.counts {
            *self.counts.entry(k).or_default() += v;
        }
        for (k, v) in o.by_marker {
            *self.by_marker.entry(k).or_default() += v;
        }
        for (k, v) in o.conditional_readings {
            *self.conditional_readings.entry(k).or_default() += v;
        }
        for (k, v) in o.excluded_parts {
            *self.excluded_parts.entry(k).or_default() += v;
        }
        for (k, v) in o.languages {
            *self.languages.entry(k).or_default() += v;
        }
    }

    /// Sentences added so far.
    pub fn sentences(&self) -> usize {
        self.sentences
    }

    /// The article's figures.
    pub fn finish(self) -> ArticleSummary {
        let mut counts: BTreeMap<Label, usize> = Label::CLAIMS.iter().map(|&l| (l, 0)).collect();
        for (k, v) in self.counts {
            *counts.entry(k).or_default() += v;
        }
        let claims = self.claims;
        let all = claims + self.quoted_claims;
        let not_analysed: usize = self.languages.values().sum();
        let excluded: usize = self.excluded_parts.values().sum();
        // Sentences of the article read as French: not left out as a page part, not another language.
        let french = self.sentences - excluded - not_analysed;
        let not_french = not_analysed > french;
        let scored = all > 0 && !not_french;
        let pct = |n: usize, d: usize| if d == 0 { 0.0 } else { round1(100.0 * n as f64 / d as f64) };
        let percent = counts.iter().map(|(&l, &n)| (l, pct(n, claims))).collect();
        let reported = counts.get(&Label::Attributed).copied().unwrap_or(0) + self.quoted_claims;
        let mut top: Vec<(String, usize)> = self.by_marker.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        top.truncate(TOP_MARKERS);
        ArticleSummary {
            sentences: self.sentences,
            words: self.words,
            claims,
            quoted_claims: self.quoted_claims,
            not_claims: self.not_claims,
            counts,
            percent,
            points: self.points,
            assertiveness: scored.then(|| round1(self.points as f64 / all as f64)),
            interval: if scored { crate::score::interval(&self.hist) } else { None },
            own_voice_score: (claims > 0).then(|| round1(self.own_points as f64 / claims as f64)),
            reported_percent: pct(reported, all),
            quoted_percent: pct(self.quoted_claims, all),
            markers: self.markers,
            markers_per_1000_words: if self.words == 0 { 0.0 } else { round1(1000.0 * self.markers as f64 / self.words as f64) },
            top_markers: top,
            conditional_readings: self.conditional_readings,
            excluded: self.excluded_parts.values().sum(),
            excluded_parts: self.excluded_parts,
            not_analysed,
            languages: self.languages,
            not_french,
            sources: None,
        }
    }
}
