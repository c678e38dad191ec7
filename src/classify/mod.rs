//! Stage 5 — classify: a sentence's hits, its quotations and its words → [`SentenceScore`].
//!
//! Each sentence gets a voice (the outlet's own, or a quoted speaker's), a label
//! (ATTRIBUTED, HEDGED, BOOSTED, ASSERTED — in that order of precedence — or NONE when it is not
//! a claim), flags, its markers (with the reading of each conditional), and for the outlet's
//! own claims the points it adds to the article's assertiveness: the base of its label plus the
//! weights of its counted markers, kept between 0 and 100 (bases in `lexicons/scoring.toml`).

pub mod reading;
pub mod scope;

use crate::token::WordSet;
use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::lexicon::{Category, Lexicon, Rule};
use crate::matcher::MatchedSentence;
use crate::segment::{Quote, QuoteMark, SentenceKind, Segmented};
use reading::{classify_reading_in, lower_words, Reading, ReadingRules};
pub use scope::{apply_scope, Excluded, Include};
use crate::extract::PartKind;

/// What a sentence does with the information it gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// Credits a source (selon X, a déclaré Y).
    Attributed,
    /// Does not vouch for it (conditionnel de prudence, semble, probablement…).
    Hedged,
    /// Insists that it is true (évidemment, la vérité c'est que…).
    Boosted,
    /// States it in its own voice, with no source and no hedge.
    Asserted,
    /// Not a claim: a question, a byline, a date, a fragment with no verb.
    None,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Attributed => "ATTRIBUTED",
            Label::Hedged => "HEDGED",
            Label::Boosted => "BOOSTED",
            Label::Asserted => "ASSERTED",
            Label::None => "NONE",
        }
    }
    /// The four claim labels, in order of precedence.
    pub const CLAIMS: [Label; 4] = [Label::Attributed, Label::Hedged, Label::Boosted, Label::Asserted];
    /// Every label, NONE last.
    pub const ALL: [Label; 5] = [Label::Attributed, Label::Hedged, Label::Boosted, Label::Asserted, Label::None];
}

/// Whose voice a sentence is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// The outlet's own voice: it counts toward the article's score.
    Own,
    /// Mostly inside a quotation: the quoted speaker's words.
    Quoted,
}

/// Why a sentence is not a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotClaim {
    Question,
    TooShort,
    Metadata,
    NoVerb,
}

impl NotClaim {
    pub fn explain(self) -> &'static str {
        match self {
            NotClaim::Question => "une question n'affirme rien",
            NotClaim::TooShort => "trop courte pour affirmer quelque chose",
            NotClaim::Metadata => "métadonnée (date, source, signature)",
            NotClaim::NoVerb => "pas de verbe conjugué : un titre ou un fragment",
        }
    }
}

/// A marker found in a sentence, as the classifier used it.
#[derive(Debug, Clone, Serialize)]
pub struct MarkerHit {
    /// Index into the lexicon's entries (not serialised; `id` is the stable name).
    #[serde(skip)]
    pub entry: u32,
    pub id: String,
    pub category: Category,
    pub text: String,
    /// Byte span in the document text.
    pub start: usize,
    pub end: usize,
    /// Inside a quotation (the quoted speaker's word, not the outlet's)?
    pub in_quote: bool,
    /// For a conditional-mood verb: its reading.
    pub reading: Option<Reading>,
    /// Does it count for the sentence's label and points?
    pub counted: bool,
    /// Points it adds (0 when not counted).
    pub weight: i32,
}

/// The classification of one sentence.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceScore {
    /// 1-based number in the article.
    pub number: usize,
    pub start: usize,
    pub end: usize,
    pub kind: SentenceKind,
    pub text: String,
    pub words: usize,
    pub label: Label,
    pub voice: Voice,
    /// Who is quoted, when the sentence is in a quoted voice and a speaker is named nearby.
    pub speaker: Option<String>,
    pub not_claim: Option<NotClaim>,
    /// Other categories present besides the label, and traits (question, heading…).
    pub flags: Vec<String>,
    pub markers: Vec<MarkerHit>,
    /// For the outlet's own claims: the base points of the label.
    pub base: Option<i32>,
    /// For the outlet's own claims: base + counted weights, kept within 0..=100.
    pub points: Option<i32>,
    /// Byte spans (in the document text, clipped to the sentence) of the quoted words inside
    /// it, for renderers that set quoted speech apart (HTML). Not in the JSON schema.
    #[serde(skip)]
    pub quotes: Vec<Range<usize>>,
    /// The part of the page it is in (title, body, byline, boilerplate, comments).
    pub part: PartKind,
    /// Why it is left out of the score (a part that is not the article, another language).
    pub excluded: Option<Excluded>,
}

impl SentenceScore {
    /// Is it a claim in the outlet's own voice (what the headline score is about)?
    pub fn is_own_claim(&self) -> bool {
        self.voice == Voice::Own && self.label != Label::None && self.excluded.is_none()
    }
}

/// The scoring data of `lexicons/scoring.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringRules {
    pub base: Bases,
    pub claims: ClaimRules,
    pub self_speech: SelfSpeechRules,
}

/// When a reporting verb's subject is the first person (`[self_speech]` in scoring.toml).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfSpeechRules {
    pub subjects: WordSet,
    pub third_person: WordSet,
    pub skip: WordSet,
    pub verbs: WordSet,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bases {
    pub asserted: i32,
    pub boosted: i32,
    pub attributed: i32,
    pub hedged: i32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimRules {
    pub min_words: usize,
    pub finite_words: WordSet,
    pub not_claim_prefixes: Vec<String>,
}

static SCORING: &str = include_str!("../../lexicons/scoring.toml");

impl ScoringRules {
    pub fn embedded() -> &'static ScoringRules {
        static R: OnceLock<ScoringRules> = OnceLock::new();
        R.get_or_init(|| ScoringRules::from_toml(SCORING).expect("lexicons/scoring.toml is checked by tests"))
    }
    pub fn from_toml(text: &str) -> Result<ScoringRules, String> {
        toml::from_str(text).map_err(|e| format!("lexicons/scoring.toml: {e}"))
    }
    pub fn base(&self, label: Label) -> Option<i32> {
        match label {
            Label::Asserted => Some(self.base.asserted),
            Label::Boosted => Some(self.base.boosted),
            Label::Attributed => Some(self.base.attributed),
            Label::Hedged => Some(self.base.hedged),
            Label::None => None,
        }
    }
}

/// Share of a sentence's letters that must lie inside quotation marks for it to be in a quoted
/// voice.
const QUOTED_SHARE: f64 = 0.5;

/// A quotation of the article (`quotes` in the JSON): where it is, how it is opened, who
/// says it and with what speech verb, when the text names them.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteInfo {
    /// Byte span in the document text, quotation marks included (for a quotation broken by a
    /// speech tag, from its first piece to its last).
    pub start: usize,
    pub end: usize,
    /// How it is opened: guillemet, curly, straight or dash.
    pub mark: QuoteMark,
    /// The byte spans of the quoted words (more than one when a speech tag breaks it:
    /// « — Oui, répondit-il, c'est vrai. »).
    pub pieces: Vec<[usize; 2]>,
    /// The person or body quoted, as the text names it (a name or a noun phrase; a pronoun when
    /// that is all the tag gives); absent when no such phrase is found.
    pub speaker: Option<String>,
    /// The speech verb or source word that introduces it (« dit », « a ajouté », « selon »).
    pub cue: Option<String>,
}

/// Classifies every sentence of a document.
pub fn classify(text: &str, seg: &Segmented, matched: &[MatchedSentence], lex: &Lexicon, rules: &ScoringRules) -> Vec<SentenceScore> {
    classify_with_quotes(text, seg, matched, lex, rules).0
}

/// Classifies every sentence of a document and lists its quotations.
pub fn classify_with_quotes(
    text: &str,
    seg: &Segmented,
    matched: &[MatchedSentence],
    lex: &Lexicon,
    rules: &ScoringRules,
) -> (Vec<SentenceScore>, Vec<QuoteInfo>) {
    let rrules = ReadingRules::embedded();
    let mut out: Vec<SentenceScore> = Vec::with_capacity(seg.sentences.len());
    // Scratch space for lower-cased words, reused from sentence to sentence.
    let mut lower = String::new();
    for (i, (s, m)) in seg.sentences.iter().zip(matched).enumerate() {
        let span = s.span.clone();
        let stext = &text[span.clone()];
        let mut self_speech = false;
        let voice = if quoted_share(text, &span, &seg.quotes) >= QUOTED_SHARE { Voice::Quoted } else { Voice::Own };
        // Lower-cased once per sentence for all its conditionals (not once per conditional).
        let words = if m.hits.iter().any(|h| h.conditional) { lower_words(text, &m.tokens) } else { Vec::new() };
        let mut markers: Vec<MarkerHit> = m
            .hits
            .iter()
            .map(|h| {
                let e = &lex.entries[h.entry as usize];
                let in_quote = quote_at(&seg.quotes, h.span.start).is_some_and(|q| h.span.end <= q.inner.end);
                let reading = h.conditional.then(|| {
                    classify_reading_in(text, &m.tokens, &words, h.tokens.start, lex.morphology, rrules)
                });
                let voice_ok = voice == Voice::Quoted || !in_quote;
                let reading_ok = e.category != Category::Hedge || reading.is_none_or(Reading::is_hedge);
                let own_speech = e.category == Category::Attribution
                    && matches!(e.rule, Rule::Lemmas { .. })
                    && first_person_subject(text, &m.tokens, h.tokens.start, lex, &rules.self_speech);
                if own_speech {
                    self_speech = true;
                }
                let counted = voice_ok && reading_ok && !own_speech;
                MarkerHit {
                    entry: h.entry,
                    id: e.id.clone(),
                    category: e.category,
                    text: text[h.span.clone()].to_string(),
                    start: h.span.start,
                    end: h.span.end,
                    in_quote,
                    reading,
                    counted,
                    weight: if counted { e.weight } else { 0 },
                }
            })
            .collect();
        markers.sort_by_key(|h| (h.start, h.end, h.entry));
        let has = |c: Category| markers.iter().any(|h| h.counted && h.category == c);
        let not_claim = not_a_claim(text, stext, m, lex, rules, markers.iter().any(|h| h.counted), &mut lower);
        let label = if not_claim.is_some() {
            Label::None
        } else if has(Category::Attribution) {
            Label::Attributed
        } else if has(Category::Hedge) {
            Label::Hedged
        } else if has(Category::Booster) {
            Label::Boosted
        } else {
            Label::Asserted
        };
        let mut flags: Vec<String> = Vec::new();
        for (c, l, f) in [
            (Category::Attribution, Label::Attributed, "attributed"),
            (Category::Hedge, Label::Hedged, "hedged"),
            (Category::Booster, Label::Boosted, "boosted"),
        ] {
            if has(c) && label != l {
                flags.push(f.into());
            }
        }
        if markers.iter().any(|h| h.reading.is_some_and(|r| !r.is_hedge())) {
            flags.push("conditional_not_hedge".into());
        }
        if markers.iter().any(|h| h.in_quote) && voice == Voice::Own {
            flags.push("markers_in_quote".into());
        }
        if self_speech {
            flags.push("self_speech".into());
        }
        match s.kind {
            SentenceKind::Heading => flags.push("heading".into()),
            SentenceKind::ListItem => flags.push("list_item".into()),
            SentenceKind::Body => {}
        }
        if voice == Voice::Quoted {
            flags.push("quoted".into());
        }
        let (base, points) = if voice == Voice::Own && label != Label::None {
            let base = rules.base(label).unwrap_or(0);
            let sum: i32 = markers.iter().map(|h| h.weight).sum();
            (Some(base), Some((base + sum).clamp(0, 100)))
        } else {
            (None, None)
        };
        out.push(SentenceScore {
            number: i + 1,
            start: span.start,
            end: span.end,
            kind: s.kind,
            text: stext.to_string(),
            words: m.tokens.len(),
            label,
            voice,
            speaker: None,
            not_claim,
            flags,
            markers,
            base,
            points,
            // Only the quotations over this sentence (a scan of all of them made a large
            // document quadratic: a 1 GB chunk did not finish in 10 minutes).
            quotes: quotes_over(&seg.quotes, &span).map(|q| q.inner.start.max(span.start)..q.inner.end.min(span.end)).collect(),
            part: PartKind::Body,
            excluded: None,
        });
    }
    attach_speakers(text, seg, &mut out);
    let quotes = quote_list(seg, &out);
    (out, quotes)
}

/// The quotations of the document, with the speaker of the first quoted sentence each covers.
fn quote_list(seg: &Segmented, sentences: &[SentenceScore]) -> Vec<QuoteInfo> {
    let mut out: Vec<QuoteInfo> = Vec::new();
    for q in &seg.quotes {
        if q.continues {
            if let Some(last) = out.last_mut() {
                last.end = q.span.end;
                last.pieces.push([q.inner.start, q.inner.end]);
                continue;
            }
        }
        let k = sentences.partition_point(|s| s.end <= q.span.start);
        let speaker = sentences[k..]
            .iter()
            .take_while(|s| s.start < q.span.end)
            .find(|s| s.voice == Voice::Quoted)
            .and_then(|s| s.speaker.clone());
        out.push(QuoteInfo { start: q.span.start, end: q.span.end, mark: q.mark, pieces: vec![[q.inner.start, q.inner.end]], speaker, cue: None });
    }
    out
}

/// Is the subject of the verb at token `verb` the first person (« je voudrais dire », « comme
/// je l'ai déclaré », « nous le répétons », « permettez-moi de rappeler »)? Walks back over
/// clitics, adverbs and auxiliary or modal verbs (the word lists of `[self_speech]`).
fn first_person_subject(text: &str, tokens: &[crate::token::Token], verb: usize, lex: &Lexicon, r: &SelfSpeechRules) -> bool {
    let word = |i: usize| {
        let mut w = String::new();
        crate::token::lower_into(&text[tokens[i].span.clone()], &mut w);
        w
    };
    let morph = lex.morphology;
    let mut i = verb;
    while i > 0 {
        i -= 1;
        let w = word(i);
        if w == "nous" {
            if i > 0 && r.third_person.contains(&word(i - 1)) {
                continue; // « il nous a dit » : nous is the object
            }
            return true;
        }
        if r.subjects.contains(&w) {
            return true;
        }
        // « permettez-moi de vous dire »
        if w == "moi" && i + 1 < verb && matches!(word(i + 1).as_str(), "de" | "d") {
            return true;
        }
        if r.skip.contains(&w) || morph.lookup(&w).iter().any(|f| r.verbs.contains(morph.lemma_name(f.lemma))) {
            continue;
        }
        return false;
    }
    false
}

// Quotations are sorted and never overlap (see `segment::find_quotes`), so the lookups below
// are binary searches and forward walks: scanning every quotation for every marker, letter or
// sentence made big documents quadratic.

/// The quotation whose inner text contains byte `at`, if any.
fn quote_at(quotes: &[Quote], at: usize) -> Option<&Quote> {
    let k = quotes.partition_point(|q| q.inner.end <= at);
    quotes.get(k).filter(|q| q.inner.start <= at)
}

/// The quotations whose inner text overlaps `span`, in order.
fn quotes_over<'q>(quotes: &'q [Quote], span: &Range<usize>) -> impl Iterator<Item = &'q Quote> {
    let k = quotes.partition_point(|q| q.inner.end <= span.start);
    let end = span.end;
    quotes[k..].iter().take_while(move |q| q.inner.start < end)
}

/// The share of the letters of `span` that are inside quotations (0 without letters).
fn quoted_share(text: &str, span: &Range<usize>, quotes: &[Quote]) -> f64 {
    let mut inside = 0;
    let mut total = 0;
    let mut relevant = quotes_over(quotes, span).peekable();
    if relevant.peek().is_none() {
        // No quotation here (most sentences): no need to count.
        return 0.0;
    }
    for (i, c) in text[span.clone()].char_indices() {
        if c.is_alphanumeric() {
            total += 1;
            let at = span.start + i;
            while relevant.next_if(|q| q.inner.end <= at).is_some() {}
            if relevant.peek().is_some_and(|q| q.inner.start <= at) {
                inside += 1;
            }
        }
    }
    if total == 0 { 0.0 } else { inside as f64 / total as f64 }
}

fn not_a_claim(
    text: &str,
    stext: &str,
    m: &MatchedSentence,
    lex: &Lexicon,
    rules: &ScoringRules,
    has_marker: bool,
    lower: &mut String,
) -> Option<NotClaim> {
    let end = stext.trim_end_matches(['»', '"', '”', ')', ' ', '\u{a0}', '\u{202f}']);
    if end.ends_with('?') {
        return Some(NotClaim::Question);
    }
    if m.tokens.len() < rules.claims.min_words {
        return Some(NotClaim::TooShort);
    }
    // The first 24 characters, lower-cased, start with one of the prefixes (no allocation:
    // this runs for every sentence).
    let head = || stext.chars().take(24).flat_map(char::to_lowercase);
    if rules.claims.not_claim_prefixes.iter().any(|p| {
        let mut h = head();
        p.chars().all(|c| h.next() == Some(c))
    }) {
        return Some(NotClaim::Metadata);
    }
    if has_marker {
        return None;
    }
    let finite = m.tokens.iter().any(|t| {
        let w = crate::token::lowered(&text[t.span.clone()], lower);
        rules.claims.finite_words.contains(w) || lex.morphology.is_unambiguous_finite(w) || lex.morphology.is_conditional(w)
    });
    if !finite {
        return Some(NotClaim::NoVerb);
    }
    None
}

/// For quoted sentences, finds the speaker named next to the quotation: in the same sentence
/// outside the quotation marks ("…», a déclaré le général X."), in the sentence before it when
/// that one ends with a colon ("Asia News précise :") or is a line crediting a source ("Toujours
/// selon Asia News"), or in the sentence right after the
/// quotation when it starts in lower case ("a déclaré le général X.").
fn attach_speakers(text: &str, seg: &Segmented, out: &mut [SentenceScore]) {
    for i in 0..out.len() {
        if out[i].voice != Voice::Quoted {
            continue;
        }
        let (start, end) = (out[i].start, out[i].end);
        let Some(q) = quotes_over(&seg.quotes, &(start..end)).next() else { continue };
        // 1. The same sentence, outside the quotation.
        let k = seg.quotes.partition_point(|q| q.span.end <= start);
        let mut quotes = seg.quotes[k..].iter().peekable();
        let outside: String = text[start..end]
            .char_indices()
            .filter(|(k, _)| {
                let at = start + k;
                while quotes.next_if(|q| q.span.end <= at).is_some() {}
                quotes.peek().is_none_or(|q| q.span.start > at)
            })
            .map(|(_, c)| c)
            .collect();
        if let Some(s) = speaker_text(&outside) {
            out[i].speaker = Some(s);
            continue;
        }
        // 2. The sentence before the quotation, ending with a colon.
        // Sentences are in order: those ending before the quotation are a prefix.
        let before = out[..i].partition_point(|s| s.end <= q.span.start).checked_sub(1).map(|k| &out[k]);
        if let Some(b) = before {
            let t = b.text.trim_end();
            let introduces = t.ends_with(':') || (b.label == Label::Attributed && b.kind == SentenceKind::Heading);
            if introduces && text[b.end..q.span.start].trim().is_empty() {
                if let Some(s) = speaker_text(t) {
                    out[i].speaker = Some(s);
                    continue;
                }
            }
        }
        // 3. The sentence right after the quotation, starting in lower case.
        if let Some(a) = out.get(out.partition_point(|s| s.start < q.span.end)) {
            let gap = &text[q.span.end..a.start];
            if gap.trim().is_empty() && a.text.chars().next().is_some_and(|c| c.is_lowercase()) {
                if let Some(s) = speaker_text(&a.text) {
                    out[i].speaker = Some(s);
                }
            }
        }
    }
}

/// Cleans a speaker tag: drops punctuation at both ends; None if it has no letter.
fn speaker_text(s: &str) -> Option<String> {
    let t = s.trim_matches(|c: char| !c.is_alphanumeric());
    if t.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    Some(t.split_whitespace().collect::<Vec<_>>().join(" "))
}
