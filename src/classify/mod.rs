//! Stage 5 — classify: a sentence's hits, its quotations and its words → [`SentenceScore`].
//!
//! Each sentence gets a voice (the outlet's own, or a quoted speaker's), a label
//! (ATTRIBUTED, HEDGED, BOOSTED, ASSERTED — in that order of precedence — or NONE when it is not
//! a claim), flags, its markers (with the reading of each conditional), and for the outlet's
//! own claims the points it adds to the article's assertiveness: the base of its label plus the
//! weights of its counted markers, kept between 0 and 100 (bases in `lexicons/rules/scoring.toml`).

pub mod reading;
pub mod scope;
pub mod source;
pub mod speaker;

use crate::token::{ment_adverb, punctuation_between, WordSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::extract::PartKind;
use crate::lexicon::morphology::Tags;
use crate::lexicon::{Category, Lexicon, Rule};
use crate::matcher::MatchedSentence;
use crate::rules::Rules;
use crate::segment::{Quote, QuoteMark, Segmented, SentenceKind};
use reading::{earlier_sentences, explain_reading_in_context, lower_words, Reading};
pub use scope::{apply_scope, Excluded, Include, OtherLanguage};

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

/// What else is true of a sentence besides its label (JSON: the snake_case names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Attribution markers present, but the sentence got another label (e.g. a first-person
    /// reporting verb: the writer speaking of themself).
    Attributed,
    /// Hedge markers present, the label is another (attributed wins).
    Hedged,
    /// Booster markers present, the label is another.
    Boosted,
    /// A conditional whose reading is not a hedge (hypothetical, future in the past…).
    ConditionalNotHedge,
    /// Markers inside a short quotation of an own-voice sentence: not counted for the outlet.
    MarkersInQuote,
    /// A reporting verb with a first-person subject: the writer speaking of themself.
    SelfSpeech,
    /// A verb of showing (« montrer », « prouver »…) whose subject is a fact, not a source
    /// (« ce cercle vicieux démontre que… »): the writer draws the conclusion.
    Evidence,
    /// « Selon » or « d'après » meaning "in accordance with, depending on" (« administré selon
    /// les recommandations »): no source.
    Manner,
    /// No finite verb was found, but the sentence is a whole one of the body — at least
    /// `claims.nominal_min_words` words and a final full stop, « ! » or « … » (« Coup de
    /// tonnerre politique en Italie. », « Soit une progression de 31 % en sept jours. »): a
    /// nominal sentence, or a verb the dictionary also reads as a noun. It stays a claim.
    Nominal,
    /// A report inside a phrase that sets it aside (« Contrairement aux affirmations du GIEC
    /// selon lesquelles… », « malgré les affirmations selon lesquelles… »): the sentence's claim
    /// is the writer's own, against it; the marker is not counted.
    Rejected,
    /// A reporting verb in the infinitive after « peut », « doit », « va »… (`[potential]`):
    /// something that can, must or will be said, not a report (« tout exploitant peut le
    /// confirmer », « ces normes devraient indiquer »), or in a clause opened by « si » that
    /// supposes or asks about it (« Si l'on considère que… »); the verb is not counted.
    Potential,
    /// An own-voice claim credited to the speaker of a quotation it holds, named in the same
    /// sentence (« « … », analyse Orietta Cazzuli »).
    QuoteCredited,
    /// An own-voice claim of a paragraph that the paragraph before announces as someone's
    /// words, ending on a reporting verb or source and a colon (« Libération écrit : » and then
    /// the newspaper's paragraph, a block quotation whose marks the page did not keep).
    Announced,
    /// An own-voice claim of a post embedded in the page (a tweet), whose signature line
    /// follows it in the same paragraph (« — Régis de Castelnau (@R_DeCastelnau) July 19,
    /// 2022 »): the words are the account holder's.
    Signed,
    Heading,
    ListItem,
    /// Mostly inside a quotation.
    Quoted,
}

impl Flag {
    /// The JSON name (`quoted`, `list_item`…).
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::Attributed => "attributed",
            Flag::Hedged => "hedged",
            Flag::Boosted => "boosted",
            Flag::ConditionalNotHedge => "conditional_not_hedge",
            Flag::MarkersInQuote => "markers_in_quote",
            Flag::SelfSpeech => "self_speech",
            Flag::Evidence => "evidence",
            Flag::Manner => "manner",
            Flag::Rejected => "rejected",
            Flag::Potential => "potential",
            Flag::Nominal => "nominal",
            Flag::QuoteCredited => "quote_credited",
            Flag::Announced => "announced",
            Flag::Signed => "signed",
            Flag::Heading => "heading",
            Flag::ListItem => "list_item",
            Flag::Quoted => "quoted",
        }
    }
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
    /// Ends with a colon and only announces what follows (« Asia News précise : »).
    Announces,
    /// An instruction or appeal to the reader (« cliquez ici », « pensez à réserver »).
    CallToAction,
    /// A prescription: « il faut » + an infinitive (« Il faut les entendre »).
    Prescription,
}

impl NotClaim {
    pub fn explain(self) -> &'static str {
        match self {
            NotClaim::Question => "une question n'affirme rien",
            NotClaim::TooShort => "trop courte pour affirmer quelque chose",
            NotClaim::Metadata => "métadonnée (date, source, signature)",
            NotClaim::NoVerb => "pas de verbe conjugué : un titre ou un fragment",
            NotClaim::Announces => "elle annonce la suite (deux-points) sans rien affirmer elle-même",
            NotClaim::CallToAction => "une consigne ou un appel au lecteur (impératif), pas une affirmation",
            NotClaim::Prescription => "une prescription (« il faut… ») : elle dit ce qu'il faudrait faire, pas ce qui est",
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
    /// For a conditional-mood verb: the rule that decided its reading (`[why]` of readings.toml).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading_rule: Option<&'static str>,
    /// Why that rule gives that reading, in French (not serialised: `reading_rule` names it).
    #[serde(skip)]
    pub reading_why: Option<String>,
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
    pub flags: Vec<Flag>,
    pub markers: Vec<MarkerHit>,
    /// For claims: the base points of the label (of a quotation, for a quoted claim).
    pub base: Option<i32>,
    /// For claims: base + counted weights, kept within 0..=100 (a quoted claim: its base).
    pub points: Option<i32>,
    /// Byte spans (in the document text, clipped to the sentence) of the quoted words inside
    /// it, for renderers that set quoted speech apart (HTML). Not in the JSON schema.
    #[serde(skip)]
    pub quotes: Vec<Range<usize>>,
    /// The part of the page it is in (title, body, byline, boilerplate, comments).
    pub part: PartKind,
    /// Why it is left out of the score (a part that is not the article, another language).
    pub excluded: Option<Excluded>,
    /// A passage in another language inside an article that is French overall: the outlet
    /// reproduces a source's text, so the sentence is read as a quotation (see [`scope`]).
    /// Absent from the JSON when None.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_language: Option<OtherLanguage>,
    /// The source it credits (ATTRIBUTED sentences, quoted sentences with a named speaker):
    /// see [`source`]. Absent from the JSON when None.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<source::Source>,
}

impl SentenceScore {
    /// Is it a claim in the outlet's own voice (what the headline score is about)?
    pub fn is_own_claim(&self) -> bool {
        self.voice == Voice::Own && self.is_claim()
    }
    /// Is it a claim that counts in the article's score (own voice or quoted, not left out)?
    pub fn is_claim(&self) -> bool {
        self.label != Label::None && self.excluded.is_none()
    }
}

/// The scoring data of `lexicons/rules/scoring.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringRules {
    pub base: Bases,
    pub claims: ClaimRules,
    pub self_speech: SelfSpeechRules,
    /// Optional: a copy of scoring.toml made before session 9 has no `[evidence]` (then no
    /// subject of « montrer » is taken for a fact).
    #[serde(default)]
    pub evidence: EvidenceRules,
    /// Optional (session 10): without `[manner]`, every « selon » is a source.
    #[serde(default)]
    pub manner: MannerRules,
    /// Phrases that set a report aside (`[rejected]`). Optional (session 11).
    #[serde(default)]
    pub rejected: RejectedRules,
    /// Optional (session 16).
    #[serde(default)]
    pub potential: PotentialRules,
}

/// When « selon » or « d'après » means "in accordance with, depending on" (`[manner]` in
/// scoring.toml).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MannerRules {
    /// The ids of the markers with both senses.
    pub markers: WordSet,
    /// Words after which the marker opens a new part of the sentence, as after a comma.
    pub detached_after: WordSet,
    /// Relative pronouns after the marker (« l'affirmation selon laquelle »): a report.
    pub relatives: WordSet,
}

/// Phrases that set a report aside (`[rejected]` in scoring.toml).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectedRules {
    /// Words or word sequences that open such a phrase (« contrairement à », « malgré »).
    pub openers: Vec<String>,
}

/// Modals and « aller » whose infinitive is a speech that can, must or will happen
/// (`[potential]` in scoring.toml).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PotentialRules {
    /// Their forms that govern such an infinitive (« peut », « devrait », « va »…).
    pub governing: WordSet,
    /// Conjunctions whose clause supposes or asks what its verb says (« si »): a reporting verb
    /// there reports nothing that was said (« Si l'on considère que… »).
    #[serde(default)]
    pub hypothesis: WordSet,
    /// Words before such a conjunction that make it concede a fact instead (« même si »).
    #[serde(default)]
    pub concessive: WordSet,
}

/// When a verb of showing has a fact for subject (`[evidence]` in scoring.toml).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRules {
    /// The verbs whose subject is a source or a piece of evidence (« montrer », « prouver »…).
    pub lemmas: WordSet,
    /// Subjects that stand for a fact of the text (« cela », « ce qui », « tout », « rien »).
    pub demonstratives: WordSet,
    /// Words that end the subject when walking back from the verb (« que », « et »…).
    pub boundaries: WordSet,
    /// Verbs whose subject is a means or a cause and that govern an infinitive (« ce qui
    /// contribue à expliquer », « la preuve permettant d'affirmer »). Optional (session 10).
    #[serde(default)]
    pub means_verbs: WordSet,
}

/// When a reporting verb's subject is the first person (`[self_speech]` in scoring.toml).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfSpeechRules {
    pub subjects: WordSet,
    /// Words after which a « nous » opens its clause, so is the subject (« et nous disons »).
    pub clause_openers: WordSet,
    pub skip: WordSet,
    pub verbs: WordSet,
    /// Impersonal verbs that govern an infinitive with no subject of its own (« il faut
    /// rappeler que », « il convient de préciser »).
    pub impersonal: WordSet,
    /// First-person possessives: a subject they open is the writer's side (« notre groupe »).
    #[serde(default)]
    pub possessives: WordSet,
    /// Verbs of noticing whose subject « vous » / « tu », or whose imperative, is the reader
    /// the writer addresses (« Vous remarquerez que… », « Notez que… »). Optional (session 17).
    #[serde(default)]
    pub reader_lemmas: WordSet,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bases {
    pub asserted: i32,
    pub boosted: i32,
    pub attributed: i32,
    pub hedged: i32,
    /// A claim inside a quotation: the outlet reports someone else's words.
    pub quoted: i32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimRules {
    pub min_words: usize,
    pub finite_words: WordSet,
    pub not_claim_prefixes: Vec<String>,
    /// First words of a sentence ending with a colon that only announces what follows.
    pub announce_starts: WordSet,
    /// Endings and forms of a 2nd-person-plural imperative that, as the sentence's first finite
    /// verb, make it an instruction to the reader (« cliquez ici »).
    #[serde(default)]
    pub imperative_endings: Vec<String>,
    #[serde(default)]
    pub imperative_forms: WordSet,
    /// Pronouns right before a verb: after one of them, a finite form that is also a noun
    /// (« il *signe* ») is the verb. Optional (session 10).
    #[serde(default)]
    pub verb_clitics: WordSet,
    /// Forms of « falloir » that open a prescription when « il » comes right before them and an
    /// infinitive after (« Il faut les entendre »): not a claim. Optional (session 11).
    #[serde(default)]
    pub prescription_forms: WordSet,
    /// A body sentence with no finite verb found but at least this many words and a final
    /// full stop is a claim all the same (0: never). Optional (session 11).
    #[serde(default)]
    pub nominal_min_words: usize,
    /// A line with no finite verb, made of a topic, a colon and at least this many words after
    /// it (« Grèce : 80 km de clôture supplémentaires face à la Turquie ») is a claim: the words
    /// after the colon say something of the topic (0: never). Optional (session 13).
    #[serde(default)]
    pub headline_comment_min_words: usize,
    /// Forms of « devoir » after « nous » / « vous » that open a prescription with an infinitive
    /// (« Nous devons agir », « Vous ne devez pas recevoir ce médicament »). Optional (session 11).
    #[serde(default)]
    pub obligation_forms: WordSet,
    /// Forms of « falloir » that, followed by « que », open a prescription (« Il faut que l'on
    /// reste solidaires »). Optional (session 11).
    #[serde(default)]
    pub prescription_que_forms: WordSet,
    /// Adjectives of necessity that, after « il est / sera / serait » and before « de » and an
    /// infinitive, open a prescription (« Il est essentiel de réfléchir à l'impact »). Optional
    /// (session 13).
    #[serde(default)]
    pub prescription_adjectives: WordSet,
    /// First-person forms of verbs of wishing that, opening the sentence and followed by
    /// « que », make it a wish (« Nous espérons que la commission… »). Optional (session 11).
    #[serde(default)]
    pub wish_forms: WordSet,
    /// Forms of « devoir » that, first verb of the sentence, make an obligation with « être » and a
    /// participle (« Les terroristes doivent être détruits », « La dose doit être administrée en
    /// 15 minutes »). Optional (session 11).
    #[serde(default)]
    pub passive_obligation_forms: WordSet,
}

impl ScoringRules {
    /// The built-in rules (see [`crate::rules::Rules::builtin`]).
    pub fn embedded() -> &'static ScoringRules {
        &crate::rules::Rules::builtin().scoring
    }
    pub fn from_toml(text: &str) -> Result<ScoringRules, crate::rules::RuleError> {
        crate::rules::parse("scoring.toml", text)
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

    /// The base and points of an own-voice claim: the base of its label plus the weights of its
    /// markers (0 for uncounted ones), kept within 0..100.
    fn own_points(&self, label: Label, markers: &[MarkerHit]) -> (Option<i32>, Option<i32>) {
        let base = self.base(label).unwrap_or(0);
        let sum: i32 = markers.iter().map(|h| h.weight).sum();
        (Some(base), Some((base + sum).clamp(0, 100)))
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
pub fn classify(text: &str, seg: &Segmented, matched: &[MatchedSentence], lex: &Lexicon, rules: &Rules) -> Vec<SentenceScore> {
    classify_with_quotes(text, seg, matched, lex, rules).0
}

/// Classifies every sentence of a document and lists its quotations.
pub fn classify_with_quotes(
    text: &str,
    seg: &Segmented,
    matched: &[MatchedSentence],
    lex: &Lexicon,
    all: &Rules,
) -> (Vec<SentenceScore>, Vec<QuoteInfo>) {
    classify_document(text, seg, matched, lex, all, true)
}

/// [`classify_with_quotes`], finding the sentences' sources ([`SentenceScore::source`]) only
/// when `sources` is true. A run that hands out no sentence (`compare` without `--html`,
/// `--sources` or `--facts`) has no use for them: the labels, flags, points and figures are the
/// same either way, only `source` stays `None`.
pub fn classify_document(
    text: &str,
    seg: &Segmented,
    matched: &[MatchedSentence],
    lex: &Lexicon,
    all: &Rules,
    sources: bool,
) -> (Vec<SentenceScore>, Vec<QuoteInfo>) {
    let rules = &all.scoring;
    // Quotations cut around the speech tags inside them (« — Oui, répondit-il, c'est vrai. »).
    let tagger = speaker::Tagger::new(lex.morphology, &all.quotes);
    let (quotes, incises) = speaker::split_incises(text, &seg.quotes, &tagger);
    let quotes = &quotes[..];
    // The quotations that can make a sentence's voice quoted: not the names and titles (their
    // determiner in the sentence, checked below).
    let (named, names): (Vec<bool>, Vec<bool>) = quotes.iter().map(|q| naming_quote(text, q, &all.quotes, lex, &rules.claims)).unzip();
    let rrules = &all.readings;
    let mut out: Vec<SentenceScore> = Vec::with_capacity(seg.sentences.len());
    // Scratch space for lower-cased words, reused from sentence to sentence.
    let mut lower = String::new();
    for (i, (s, m)) in seg.sentences.iter().zip(matched).enumerate() {
        let span = s.span.clone();
        let stext = &text[span.clone()];
        let mut self_speech = false;
        let mut evidence = false;
        let mut manner = false;
        let mut rejected = false;
        let mut potential = false;
        let spoken = |k: usize| !named[k] || quotes[k].span.start <= span.start;
        let voice = if quoted_share(text, &span, quotes, spoken) >= QUOTED_SHARE { Voice::Quoted } else { Voice::Own };
        // Lower-cased once per sentence for all its conditionals (not once per conditional).
        let (words, earlier) = if m.hits.iter().any(|h| h.conditional) {
            (lower_words(text, &m.tokens), earlier_sentences(text, |j| seg.sentences.get(j).map(|s| s.span.clone()), i))
        } else {
            (Vec::new(), [None, None])
        };
        let mut markers: Vec<MarkerHit> = m
            .hits
            .iter()
            .map(|h| {
                let e = &lex.entries[h.entry as usize];
                let in_quote = quote_at(quotes, h.span.start).is_some_and(|q| h.span.end <= q.inner.end);
                let explained =
                    h.conditional.then(|| explain_reading_in_context(text, &m.tokens, &words, h.tokens.start, &earlier, lex.morphology, rrules));
                let reading = explained.map(|(r, _)| r);
                let reading_rule = explained.map(|(_, rule)| rule);
                let voice_ok = voice == Voice::Quoted || !in_quote;
                let reading_ok = e.category != Category::Hedge || reading.is_none_or(Reading::is_hedge);
                let own_speech = e.category == Category::Attribution
                    && match &e.rule {
                        Rule::Lemmas { lemmas, .. } => {
                            first_person_subject(text, &m.tokens, h.tokens.start, lex, &rules.self_speech)
                                || lemmas.iter().any(|l| rules.self_speech.reader_lemmas.contains(l.as_str()))
                                    && reader_subject(text, &m.tokens, h.tokens.start, lex, &rules.self_speech)
                        }
                        _ => false,
                    };
                if own_speech {
                    self_speech = true;
                }
                let shown_by_a_fact = e.category == Category::Attribution
                    && !own_speech
                    && matches!(&e.rule, Rule::Lemmas { lemmas, .. } if lemmas.iter().any(|l| rules.evidence.lemmas.contains(l)))
                    // An infinitive's subject is not the phrase before it (« non sans rappeler
                    // le rôle… »): the means verbs that govern one are the case below.
                    && !infinitive(text, &m.tokens, h.tokens.start, lex)
                    && evidence_subject(text, &m.tokens, h.tokens.start, h.tokens.end, lex, rules, &all.sources)
                    || e.category == Category::Attribution
                        && !own_speech
                        && matches!(e.rule, Rule::Lemmas { .. })
                        && infinitive_of_a_thing(text, &m.tokens, h.tokens.start, lex, rules, &all.sources);
                if shown_by_a_fact {
                    evidence = true;
                }
                let conformity = e.category == Category::Attribution
                    && rules.manner.markers.contains(&e.id)
                    && manner_complement(text, &m.tokens, h.tokens.start, h.tokens.end, rules, &all.sources);
                if conformity {
                    manner = true;
                }
                let set_aside = e.category == Category::Attribution
                    && !rules.rejected.openers.is_empty()
                    && rejected_report(text, &m.tokens, h.tokens.start, &rules.rejected);
                if set_aside {
                    rejected = true;
                }
                let unsaid = e.category == Category::Attribution
                    && !own_speech
                    && matches!(e.rule, Rule::Lemmas { .. })
                    && (potential_speech(text, &m.tokens, h.tokens.start, lex, rules)
                        || supposed_speech(text, &m.tokens, h.tokens.start, &rules.potential));
                if unsaid {
                    potential = true;
                }
                let counted = voice_ok && reading_ok && !own_speech && !shown_by_a_fact && !conformity && !set_aside && !unsaid;
                MarkerHit {
                    entry: h.entry,
                    id: e.id.clone(),
                    category: e.category,
                    text: text[h.span.clone()].to_string(),
                    start: h.span.start,
                    end: h.span.end,
                    in_quote,
                    reading,
                    reading_rule,
                    reading_why: reading_rule.and_then(|rule| rrules.why(rule)).map(str::to_string),
                    counted,
                    weight: if counted { e.weight } else { 0 },
                }
            })
            .collect();
        markers.sort_by_key(|h| (h.start, h.end, h.entry));
        let has = |c: Category| markers.iter().any(|h| h.counted && h.category == c);
        let mut not_claim = not_a_claim(text, stext, m, lex, rules, markers.iter().any(|h| h.counted), &mut lower)
            .or_else(|| announces(text, &span, &markers, rules, &mut lower));
        // A whole sentence of the body with no verb found still states something.
        let nominal = not_claim == Some(NotClaim::NoVerb)
            && ((s.kind == SentenceKind::Body
                && rules.claims.nominal_min_words > 0
                && m.tokens.len() >= rules.claims.nominal_min_words
                && without_closers(stext).ends_with(['.', '!', '…']))
                || topic_and_comment(stext, rules.claims.headline_comment_min_words));
        if nominal {
            not_claim = None;
        }
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
        let mut flags: Vec<Flag> = Vec::new();
        for (c, l, f) in [
            (Category::Attribution, Label::Attributed, Flag::Attributed),
            (Category::Hedge, Label::Hedged, Flag::Hedged),
            (Category::Booster, Label::Boosted, Flag::Boosted),
        ] {
            if has(c) && label != l {
                flags.push(f);
            }
        }
        if markers.iter().any(|h| h.reading.is_some_and(|r| !r.is_hedge())) {
            flags.push(Flag::ConditionalNotHedge);
        }
        if markers.iter().any(|h| h.in_quote) && voice == Voice::Own {
            flags.push(Flag::MarkersInQuote);
        }
        if self_speech {
            flags.push(Flag::SelfSpeech);
        }
        if evidence {
            flags.push(Flag::Evidence);
        }
        if manner {
            flags.push(Flag::Manner);
        }
        if rejected {
            flags.push(Flag::Rejected);
        }
        if potential {
            flags.push(Flag::Potential);
        }
        if nominal {
            flags.push(Flag::Nominal);
        }
        match s.kind {
            SentenceKind::Heading => flags.push(Flag::Heading),
            SentenceKind::ListItem => flags.push(Flag::ListItem),
            SentenceKind::Body => {}
        }
        if voice == Voice::Quoted {
            flags.push(Flag::Quoted);
        }
        // The points of a claim (how they make the article's score: `crate::score`).
        let (base, points) = match (voice, label) {
            (_, Label::None) => (None, None),
            // The quoted speaker's words: the outlet reports them, whatever markers they hold.
            (Voice::Quoted, _) => (Some(rules.base.quoted), Some(rules.base.quoted.clamp(0, 100))),
            (Voice::Own, _) => rules.own_points(label, &markers),
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
            quotes: quotes_over(quotes, &span).map(|q| q.inner.start.max(span.start)..q.inner.end.min(span.end)).collect(),
            part: PartKind::Body,
            excluded: None,
            other_language: None,
            source: None,
        });
    }
    let list = attach_speakers(text, quotes, &names, &incises, &tagger, rules, &mut out);
    credit_announced(text, &mut out, rules);
    credit_signed_posts(text, &mut out, rules);
    if sources {
        source::attach_sources(text, &mut out, &tagger, &all.sources);
    }
    (out, list)
}

/// Flags that say a sentence's reporting marker credits nobody (the writer, a fact, a manner,
/// a rejected report, a speech to come).
const NO_CREDIT: [Flag; 5] = [Flag::SelfSpeech, Flag::Evidence, Flag::Manner, Flag::Rejected, Flag::Potential];

/// A paragraph announced as someone's words is theirs: when a paragraph ends with a sentence
/// that names a source or a reporting verb and ends with a colon (« Libération écrit : »,
/// « Au cours de la conférence de presse, Biden a déclaré : »), the own-voice claims of the
/// next paragraph are attributed (flag `announced`) — a block quotation whose indentation or
/// marks were lost with the page's layout. Not when a sentence of that paragraph is quoted
/// (its speaker is found as for any quotation), nor after « Voici les détails : » (no
/// source), nor after the writer's own words (« Je m'explique : »).
fn credit_announced(text: &str, out: &mut [SentenceScore], rules: &ScoringRules) {
    let breaks = |a: &SentenceScore, b: &SentenceScore| text[a.end..b.start].contains('\n');
    for i in 0..out.len().saturating_sub(1) {
        let s = &out[i];
        // The reporting marker ends the sentence: at most two words between it and the colon
        // (« Libération écrit : », « a déclaré ceci : », « a-t-il expliqué : »; not « Elle
        // peut être résumée par le mème suivant : », whose content is an image).
        let Some(before_colon) = s.text.trim_end().strip_suffix(':') else { continue };
        // Where the third word from the end starts: a marker ending after it has at most two
        // words after it. One pass over the sentence, not one per marker.
        let mut last3 = [0usize; 3];
        let mut words = 0usize;
        for w in before_colon.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)) {
            last3[words % 3] = w.as_ptr() as usize - before_colon.as_ptr() as usize;
            words += 1;
        }
        let third_from_end = if words >= 3 { last3[words % 3] } else { 0 };
        let near_colon = |m: &MarkerHit| m.end.saturating_sub(s.start) > third_from_end;
        let announces = breaks(s, &out[i + 1])
            && s.markers.iter().any(|m| m.category == Category::Attribution && near_colon(m))
            && !s.flags.iter().any(|f| NO_CREDIT.contains(f));
        if !announces {
            continue;
        }
        let mut end = i + 2;
        while end < out.len() && !breaks(&out[end - 1], &out[end]) {
            end += 1;
        }
        let block = i + 1..end;
        if out[block.clone()].iter().any(|t| t.voice == Voice::Quoted) {
            continue;
        }
        for t in &mut out[block] {
            if t.voice == Voice::Own && !matches!(t.label, Label::None | Label::Attributed) {
                credit(t, Flag::Announced, rules);
            }
        }
    }
}

/// The longest post a signature credits, in bytes before the signature: a tweet holds at most
/// 280 characters (a few more bytes for accents); a paragraph longer than that above a
/// signature holds the writer's words too.
const POST_MAX_BYTES: usize = 600;

/// The signature line of an embedded post, as a page keeps it when the embed is not shown
/// (« — Régis de Castelnau (@R_DeCastelnau) July 19, 2022 », « — LCP (@LCP) 23 juillet
/// 2022 »): a dash, a name, an account in brackets, a date ending with its year. Returns the
/// name.
fn post_signature(sentence: &str) -> Option<&str> {
    let line = sentence.trim();
    let rest = line.strip_prefix('—').or_else(|| line.strip_prefix('–'))?.trim_start();
    let open = rest.rfind("(@")?;
    let name = rest[..open].trim();
    let (handle, date) = rest[open + 2..].split_once(')')?;
    let handle_ok = !handle.is_empty() && handle.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let date = date.trim();
    let year = date.rsplit(|c: char| !c.is_ascii_digit()).next().unwrap_or("");
    let date_ok = year.len() == 4 && date.split_whitespace().count() <= 4 && date.chars().any(char::is_alphabetic);
    (handle_ok && date_ok && !name.is_empty() && !name.contains('\n')).then_some(name)
}

/// A post embedded in the page is its author's: the signature line (see [`post_signature`])
/// is metadata, not a claim, and the own-voice claims of its paragraph before it (at most
/// [`POST_MAX_BYTES`] back) are attributed to the name it gives (flag `signed`).
fn credit_signed_posts(text: &str, out: &mut [SentenceScore], rules: &ScoringRules) {
    let blank_between = |a: &SentenceScore, b: &SentenceScore| text[a.end..b.start].matches('\n').count() >= 2;
    for i in 0..out.len() {
        let Some(name) = post_signature(&out[i].text).map(str::to_string) else { continue };
        let sig = &mut out[i];
        sig.label = Label::None;
        sig.not_claim = Some(NotClaim::Metadata);
        (sig.base, sig.points) = (None, None);
        let mut from = i;
        while from > 0 && !blank_between(&out[from - 1], &out[from]) && out[i].start - out[from - 1].start <= POST_MAX_BYTES {
            from -= 1;
        }
        for t in &mut out[from..i] {
            if t.voice == Voice::Own && !matches!(t.label, Label::None | Label::Attributed) {
                credit(t, Flag::Signed, rules);
                t.speaker = Some(name.clone());
            }
        }
    }
}

/// An own-voice claim holding a quotation (`quote`) whose speech tag (`cue`) is in the same
/// sentence is attributed: « « Les glaciers se réduisent », analyse Orietta Cazzuli. »,
/// « si la Crimée est attaquée, « ce sera la guerre », a-t-il prévenu. » The outlet credits
/// the claim to the speaker it names, as with a reporting verb in its own words.
fn credit_quote(
    out: &mut [SentenceScore],
    sentences: std::ops::RangeInclusive<usize>,
    quote: Range<usize>,
    cue: &Range<usize>,
    speaker: Option<String>,
    rules: &ScoringRules,
) {
    for s in out.get_mut(sentences).into_iter().flatten() {
        let holds = s.start <= cue.start && cue.end <= s.end && s.start < quote.end && quote.start < s.end;
        if !holds || s.voice != Voice::Own || matches!(s.label, Label::None | Label::Attributed) {
            continue;
        }
        credit(s, Flag::QuoteCredited, rules);
        s.speaker = speaker.clone();
    }
}

/// Relabels an own-voice claim ATTRIBUTED for the reason `why` (`quote_credited`,
/// `announced`, `signed`): the label it had stays as a flag (`hedged`, `boosted`), and its points are
/// those of an attributed claim with its markers.
fn credit(s: &mut SentenceScore, why: Flag, rules: &ScoringRules) {
    let was = match s.label {
        Label::Hedged => Some(Flag::Hedged),
        Label::Boosted => Some(Flag::Boosted),
        _ => None,
    };
    s.label = Label::Attributed;
    s.flags.extend(was);
    s.flags.push(why);
    s.flags.sort();
    s.flags.dedup();
    (s.base, s.points) = rules.own_points(Label::Attributed, &s.markers);
}

/// Is the subject of the verb at token `verb` the first person (« je voudrais dire », « comme
/// je l'ai déclaré », « nous le répétons », « permettez-moi de rappeler »)? Walks back over
/// clitics, adverbs and auxiliary or modal verbs (the word lists of `[self_speech]`).
fn first_person_subject(text: &str, tokens: &[crate::token::Token], verb: usize, lex: &Lexicon, r: &SelfSpeechRules) -> bool {
    // Borrowed from the text when already lower case (no allocation per word looked at).
    let word = |i: usize| crate::token::lower_cow(&text[tokens[i].span.clone()]);
    let morph = lex.morphology;
    // The person is in the verb's ending: a finite form in -ons is the first person plural,
    // with « nous » or as an imperative (« Rappelons que… », « répétons-le »).
    let own = word(verb);
    if own.ends_with("ons") && morph.lookup(&own).iter().any(|f| f.tags.intersects(Tags::FINITE)) {
        return true;
    }
    // A capital loses its accent in print: « A noter que… » opening a sentence is « À noter »
    // (the verb « a » would need a subject before it).
    let unaccented = |i: usize| if i == 0 && &text[tokens[0].span.clone()] == "A" { std::borrow::Cow::Borrowed("à") } else { word(i) };
    if morph.lookup(&own).iter().any(|f| f.tags.contains(Tags::INF)) && impersonal_infinitive(verb, &unaccented, r) {
        return true;
    }
    let mut i = verb;
    while i > 0 {
        i -= 1;
        let w = word(i);
        if w == "nous" {
            // The subject « nous » opens its clause: first in the sentence, after punctuation,
            // or after a conjunction or adverb (`clause_openers`). After anything else — a
            // pronoun, a noun, « ne », a preposition — it is the object (« il nous a dit »,
            // « ces mêmes personnes nous disaient », « ils ne nous ont pas dit », « pour nous
            // dire ») and the subject is further left.
            if object_nous(text, tokens, i, r) || !first_plural_after(i, verb, &word, r) {
                continue;
            }
            return true;
        }
        if r.subjects.contains(&*w) {
            return true;
        }
        // A governing verb in -ons is the first person plural too, after « nous » or opening
        // the sentence (« nous nous plaisons à dire », « Tenons à rappeler »); not a noun
        // (« les télévisions ont annoncé »), not across punctuation (« … que nous
        // travaillions », explique X).
        let joined = text[tokens[i].span.end..tokens[i + 1].span.start].trim().is_empty();
        if joined && w.ends_with("ons") && (i == 0 || word(i - 1) == "nous") && morph.lookup(&w).iter().any(|f| f.tags.intersects(Tags::FINITE)) {
            return true;
        }
        // « permettez-moi de vous dire »
        if w == "moi" && i + 1 < verb && matches!(word(i + 1).as_ref(), "de" | "d") {
            return true;
        }
        if r.skip.contains(&*w) || morph.lookup(&w).iter().any(|f| r.verbs.contains(morph.lemma_name(f.lemma))) {
            continue;
        }
        // A subject opened by a first-person possessive speaks for the writer's side (« Notre
        // groupe estime que », « Mon groupe estimant que », « nos équipes ont constaté »).
        // Not across punctuation (« … hors de notre portée », affirmait M. Bush).
        return joined && i > 0 && r.possessives.contains(&*word(i - 1));
    }
    false
}

/// Is the subject of the verb of noticing at token `verb` the reader: « vous » or « tu » before
/// it, past clitics, adverbs and auxiliaries (« Vous remarquerez au passage que… », « vous avez
/// sans doute noté que… »), or is it an imperative opening the sentence (« Notez que… »,
/// « Remarquez, … »)? The writer then points the reader at a fact in his own voice; nobody is
/// cited.
fn reader_subject(text: &str, tokens: &[crate::token::Token], verb: usize, lex: &Lexicon, r: &SelfSpeechRules) -> bool {
    let word = |i: usize| crate::token::lower_cow(&text[tokens[i].span.clone()]);
    let morph = lex.morphology;
    let own = word(verb);
    let head = verb == 0 || (verb == 1 && matches!(word(0).as_ref(), "et" | "mais" | "or" | "alors" | "donc"));
    if head && own.ends_with("ez") && morph.lookup(&own).iter().any(|f| f.tags.intersects(Tags::FINITE)) {
        return true;
    }
    let mut i = verb;
    // A few words back at most (clitics, auxiliaries, adverbs): the walk is bounded per hit.
    while i > 0 && verb - i < 6 {
        i -= 1;
        if punctuation_between(text, tokens, i) {
            return false;
        }
        let w = word(i);
        if matches!(w.as_ref(), "vous" | "tu") {
            // « Si vous remarquez des effets… » is the reader as well.
            return true;
        }
        if r.skip.contains(&*w) || morph.lookup(&w).iter().any(|f| r.verbs.contains(morph.lemma_name(f.lemma))) || ment_adverb(&w) {
            continue;
        }
        return false;
    }
    false
}

/// Does the verb after the « nous » at token `nous` agree with it? The first word after it that
/// is not a clitic or an adverb of `[self_speech].skip` — the verb of speaking itself or its
/// auxiliary — must be a first person plural (-ons; -mes: « sommes », « dîmes »). When it is not,
/// « nous » is an object and the subject is elsewhere: inverted (« La science, nous dit-on, … »),
/// or after the verb (« ce que nous dit le rapport », « comme nous l'explique X »).
fn first_plural_after<'t>(nous: usize, verb: usize, word: &impl Fn(usize) -> std::borrow::Cow<'t, str>, r: &SelfSpeechRules) -> bool {
    (nous + 1..=verb).map(word).find(|w| w != "nous" && !r.skip.contains(&**w)).is_none_or(|w| w.ends_with("ons") || w.ends_with("mes"))
}

/// Is the word at token `i` an infinitive (« rappeler », « montrer »)?
fn infinitive(text: &str, tokens: &[crate::token::Token], i: usize, lex: &Lexicon) -> bool {
    let w = crate::token::lower_cow(&text[tokens[i].span.clone()]);
    lex.morphology.lookup(&w).iter().any(|f| f.tags.contains(Tags::INF))
}

/// Is the « nous » at token `i` an object rather than the subject: not first in the sentence,
/// not after punctuation, not after a word that opens a clause (`[self_speech].clause_openers`,
/// or an adverb in -ment)? « il nous a dit », « ces épisodes nous rappellent », « ils ne nous
/// ont pas dit », « pour nous dire ».
fn object_nous(text: &str, tokens: &[crate::token::Token], i: usize, r: &SelfSpeechRules) -> bool {
    if i == 0 || !text[tokens[i - 1].span.end..tokens[i].span.start].trim().is_empty() {
        return false;
    }
    let prev = crate::token::lower_cow(&text[tokens[i - 1].span.clone()]);
    !(r.clause_openers.contains(&*prev) || prev.ends_with("ment"))
}

/// Does the « selon » or « d'après » at tokens `start..end` mean "in accordance with, depending
/// on" (`[manner]` in scoring.toml)? It does when it is attached to the word before it (no
/// punctuation between them, not the sentence's first word, not after a conjunction) and the
/// phrase after it, up to punctuation or a clause word, names neither a source nor figures
/// ([`source::SourceRules::can_report`]): « administré selon les recommandations », « mise à
/// disposition selon les termes du contrat », « qui se définissent selon la société ». « Selon
/// l'ONG, … », « le bilan est lourd selon la police », « selon les chiffres officiels » and
/// « l'affirmation selon laquelle » stay sources.
fn manner_complement(
    text: &str,
    tokens: &[crate::token::Token],
    start: usize,
    end: usize,
    rules: &ScoringRules,
    sources: &source::SourceRules,
) -> bool {
    let r = &rules.manner;
    if start == 0 || end >= tokens.len() {
        return false;
    }
    let word = |i: usize| crate::token::lower_cow(&text[tokens[i].span.clone()]);
    // Punctuation (or a line break) between tokens i and i + 1.
    let gap = |i: usize| punctuation_between(text, tokens, i);
    if gap(start - 1) || r.detached_after.contains(&*word(start - 1)) || r.relatives.contains(&*word(end)) {
        return false;
    }
    let mut k = end;
    while k < tokens.len() && k < end + 8 && !rules.evidence.boundaries.contains(&*word(k)) {
        k += 1;
        if k < tokens.len() && gap(k - 1) {
            break;
        }
    }
    let words: Vec<(&str, bool)> = (end..k).map(|i| (&text[tokens[i].span.clone()], false)).collect();
    !words.is_empty() && !sources.can_report(&words)
}

/// Is the attribution marker at token `start` inside a phrase that sets the report aside: one
/// of `[rejected].openers` before it, with no punctuation between them (« Contrairement à ce
/// qui a été *dit*, les djihadistes étaient armés », « Malgré les affirmations occidentales
/// *selon* lesquelles… », « En dépit de la propagande *selon* laquelle… »)? The writer states
/// the opposite in the main clause: nobody is credited with it. Not past a coordination or more
/// than a dozen words back.
fn rejected_report(text: &str, tokens: &[crate::token::Token], start: usize, r: &RejectedRules) -> bool {
    let word = |i: usize| crate::token::lower_cow(&text[tokens[i].span.clone()]);
    let gap = |i: usize| punctuation_between(text, tokens, i);
    let mut k = start;
    // Within the phrase: no punctuation, no coordination (« malgré la pluie et a déclaré que »),
    // a dozen words at most. Each word is lower-cased once, and only when its length can be
    // one of the words looked for ([`crate::token::lowering_keeps_length`]). This runs for
    // every attribution marker.
    while k > 0 && start - k < 12 && !gap(k - 1) {
        let raw = &text[tokens[k - 1].span.clone()];
        let latin1 = crate::token::lowering_keeps_length(raw);
        let coordination =
            (!latin1 || raw.len() <= 4) && matches!(crate::token::lower_cow(raw).as_ref(), "et" | "ou" | "mais" | "puis" | "donc" | "car" | "or");
        if coordination {
            break;
        }
        k -= 1;
        if latin1 && !r.openers.iter().any(|o| o.split(' ').next().is_some_and(|f| f.len() == raw.len())) {
            continue;
        }
        let first = crate::token::lower_cow(raw);
        if r.openers.iter().any(|o| o.split(' ').enumerate().all(|(j, p)| k + j < start && if j == 0 { first == p } else { word(k + j) == p })) {
            return true;
        }
    }
    false
}

/// Is the subject of the verb of showing at tokens `verb..end` a fact rather than a source
/// (`[evidence]` in scoring.toml)? « Ce cercle vicieux démontre que… », « la crise montre
/// que… », « cela prouve que… », « ce dont témoigne le port du voile » are the writer's own
/// conclusions; « le rapport de la BBC montre que… », « l'Insee révèle que… », « comme le
/// confirme un article » credit a source. The subject is the noun phrase before the verb (over
/// clitics, adverbs and auxiliaries; « qui » takes its antecedent), or after it when the verb
/// comes first (« comme le montre X », « ce dont témoigne X », « …, montre un rapport »). It is
/// a source when a word of it is a name (capitalised) or a person, body, medium or document
/// word of sources.toml, or a personal pronoun; a fact when it is a demonstrative or a phrase of
/// common nouns only. When no subject is found, the verb stays a source.
fn evidence_subject(
    text: &str,
    tokens: &[crate::token::Token],
    verb: usize,
    end: usize,
    lex: &Lexicon,
    rules: &ScoringRules,
    sources: &source::SourceRules,
) -> bool {
    let r = &rules.evidence;
    // Borrowed from the text when already lower case (no allocation per word looked at).
    let word = |i: usize| crate::token::lower_cow(&text[tokens[i].span.clone()]);
    // Punctuation (or a line break) between token i and the next.
    let gap = |i: usize| {
        let between = &text[tokens[i].span.end..tokens.get(i + 1).map_or(tokens[i].span.end, |t| t.span.start)];
        between.chars().any(|c| !c.is_whitespace() && c != '\'' && c != '’' && c != '-')
    };
    let morph = lex.morphology;
    let auxiliary = |w: &str| morph.lookup(w).iter().any(|f| matches!(morph.lemma_name(f.lemma), "avoir" | "être"));
    // A word to walk over: a clitic, a listed adverb, an auxiliary, or an adverb in -ment
    // right after an auxiliary (« l'a amplement démontré »; not « le gouvernement démontre »).
    let skip = |i: usize| {
        let w = word(i);
        rules.self_speech.skip.contains(&*w)
            || auxiliary(&w)
            || (w.ends_with("ment") && i > 0 && auxiliary(&word(i - 1)))
            || (w == "nous" && object_nous(text, tokens, i, &rules.self_speech))
    };
    // The noun phrase tokens[from..to]: does it name a source?
    let speaks = |from: usize, to: usize| -> Option<bool> {
        if from >= to {
            return None;
        }
        let words: Vec<(&str, bool)> = (from..to).map(|k| (&text[tokens[k].span.clone()], k == 0)).collect();
        Some(sources.can_speak(&words))
    };
    // Walk back over clitics, adverbs and auxiliaries.
    let mut i = verb;
    while i > 0 && !gap(i - 1) && skip(i - 1) {
        i -= 1;
    }
    // The subject after the verb: from `end` to the next punctuation or boundary word.
    let after = || {
        let mut k = end;
        while k < tokens.len() && k < end + 8 && !r.boundaries.contains(&*word(k)) {
            if gap(k) {
                k += 1;
                break;
            }
            k += 1;
        }
        speaks(end, k).is_some_and(|source| !source)
    };
    if i == 0 || gap(i - 1) {
        // At the start of a clause: a speech tag after a quotation (« « … », a révélé
        // l'organisation »), a subject put after the verb (« …, montre un rapport de la BBC »),
        // or a participle whose subject is in another clause. All three mostly name a
        // source, and the words after the verb cannot tell them apart: it stays one.
        return false;
    }
    let prev = word(i - 1);
    if matches!(prev.as_ref(), "dont" | "comme") || (prev == "que" && i >= 2 && word(i - 2) == "ce") {
        return after();
    }
    if r.demonstratives.contains(&*prev) {
        return true;
    }
    let mut k = i - 1;
    if prev == "qui" {
        // The antecedent: « ce qui montre » is a fact; « un rapport qui montre » as any phrase.
        if k == 0 || gap(k - 1) {
            return false;
        }
        k -= 1;
        if r.demonstratives.contains(&*word(k)) {
            return true;
        }
    }
    // A passive with its agent (« une affaire révélée par Le Canard enchaîné »): the agent is
    // the source.
    if tokens.get(end).is_some() && word(end) == "par" {
        return false;
    }
    // The phrase before the verb, up to a boundary word, punctuation or the sentence's start. A
    // coordination inside it (« une enquête menée dans des ports belges, finnois et japonais a
    // révélé ») leaves its start unknown: then it stays a source.
    let last = k + 1;
    // A present participle qualifies the noun phrase right before it (« …, et les traces
    // *indiquant* la sortie de route sont discrètes »): an « et » before that phrase's
    // determiner ends it.
    let forms = morph.lookup(&word(verb));
    let participle = !forms.is_empty() && forms.iter().all(|f| f.tags.contains(Tags::PPR));
    loop {
        let w = word(k);
        if participle && matches!(w.as_ref(), "et" | "ou") && k + 1 < last && crate::matcher::SUBJECT_OPENERS.contains(&&*word(k + 1)) {
            k += 1;
            break;
        }
        // (« Et » opening the sentence links it to the one before, not two subjects.)
        if matches!(w.as_ref(), "et" | "ou") && k > 0 {
            return false;
        }
        if r.boundaries.contains(&*w) {
            k += 1;
            break;
        }
        if k == 0 || gap(k - 1) {
            break;
        }
        if last - k >= 8 {
            return false;
        }
        k -= 1;
    }
    speaks(k, last).is_some_and(|source| !source)
}

/// Is the reporting verb at token `verb` an infinitive whose speaker would be a thing: the
/// subject of the word that governs it is a fact, not a source (the test of
/// [`evidence_subject`])? « ce qui contribue à *expliquer* pourquoi », « la preuve la plus
/// évidente permettant d'*affirmer* que », « leur briefing tend à le *confirmer* »: nobody is
/// credited. The governing word is
/// found past object clitics, listed adverbs, « de », « à », « pour », « afin de »; it must be
/// one of `[evidence].means_verbs`, whose subject is then looked for before it. « Le ministre est
/// venu annoncer », « Washington refuse de confirmer » keep their source (not verbs of means);
/// in doubt (a coordination, punctuation, no subject) too.
fn infinitive_of_a_thing(
    text: &str,
    tokens: &[crate::token::Token],
    verb: usize,
    lex: &Lexicon,
    rules: &ScoringRules,
    sources: &source::SourceRules,
) -> bool {
    let word = |i: usize| crate::token::lower_cow(&text[tokens[i].span.clone()]);
    let gap = |i: usize| punctuation_between(text, tokens, i);
    let morph = lex.morphology;
    if !infinitive(text, tokens, verb, lex) {
        return false;
    }
    let mut i = verb;
    while i > 0 && !gap(i - 1) && (rules.self_speech.skip.contains(&*word(i - 1)) || matches!(word(i - 1).as_ref(), "pour" | "afin")) {
        i -= 1;
    }
    if i == verb || i == 0 || gap(i - 1) {
        return false;
    }
    let g = i - 1;
    let governing = word(g);
    if rules.evidence.boundaries.contains(&*governing) {
        return false;
    }
    // Only verbs whose subject is a means or a cause (« contribuer à », « permettre de »,
    // « tendre à »): the subject of « hésiter à », « tenter de », « refuser de » is someone, even
    // when no list names them (« certains végans n'hésitent pas à affirmer »).
    if !morph.lookup(&governing).iter().any(|f| rules.evidence.means_verbs.contains(morph.lemma_name(f.lemma))) {
        return false;
    }
    evidence_subject(text, tokens, g, g + 1, lex, rules, sources)
}

/// Is the reporting verb at token `verb` an infinitive governed by a form of `[potential]`
/// (« peut », « pourrait », « doit », « devrait », « va »…), past object clitics and adverbs?
/// Nobody has said it: a capacity (« tout exploitant de serre peut le confirmer »), an
/// obligation (« ces normes devraient indiquer le lien »), a plan (« le ministre va annoncer »)
/// or the writer's reasoning (« on peut en conclure que »). « a pu confirmer » (« pu » is not
/// listed), « aurait pu dire » and the narrative imperfect (« comme devait le conclure X »)
/// stay reports or go to the conditional's reading.
fn potential_speech(text: &str, tokens: &[crate::token::Token], verb: usize, lex: &Lexicon, rules: &ScoringRules) -> bool {
    let governing = &rules.potential.governing;
    if governing.is_empty() || !infinitive(text, tokens, verb, lex) {
        return false;
    }
    let word = |i: usize| crate::token::lower_cow(&text[tokens[i].span.clone()]);
    let gap = |i: usize| punctuation_between(text, tokens, i);
    let mut i = verb;
    // At most three clitics or adverbs between them (« peut nous le dire », « peut en conclure »).
    while i > 0 && verb - i < 3 && !gap(i - 1) {
        let w = word(i - 1);
        let skipped = (rules.self_speech.skip.contains(&*w) && !matches!(w.as_ref(), "à" | "de" | "d")) || w == "nous" || ment_adverb(&w);
        if !skipped {
            break;
        }
        i -= 1;
    }
    i > 0 && !gap(i - 1) && governing.contains(&*word(i - 1))
}

/// Is the reporting verb at token `verb` in a clause opened by a conjunction of `hypothesis`
/// (« si »), within the same stretch of words (no punctuation, no « que » or « qui » between)?
/// The clause supposes the speech or asks about it (« Si l'on considère que… », « Si Biden
/// pensait pouvoir… », « pour indiquer s'il plaide coupable »): nobody is cited. The conjunction
/// must be followed by a subject (a pronoun, a determiner, a name), which sets aside the « si »
/// of degree (« il l'a si bien expliqué »), and not follow a word of `concessive` (« même s'il
/// affirme que… » concedes a speech that took place).
fn supposed_speech(text: &str, tokens: &[crate::token::Token], verb: usize, rules: &PotentialRules) -> bool {
    if rules.hypothesis.is_empty() {
        return false;
    }
    const SUBJECTS: [&str; 35] = [
        "il", "ils", "elle", "elles", "on", "l", "vous", "nous", "je", "j", "tu", "le", "la", "les", "un", "une", "des", "du", "ce", "cet", "cette",
        "ces", "mon", "ma", "mes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "chaque",
    ];
    let word = |i: usize| crate::token::lower_cow(&text[tokens[i].span.clone()]);
    let mut i = verb;
    while i > 0 && verb - i < 8 && !punctuation_between(text, tokens, i - 1) {
        i -= 1;
        let w = word(i);
        if matches!(w.as_ref(), "que" | "qu" | "qui") {
            return false;
        }
        // « s'il », « s'ils »: the elided form before « il » only.
        let opens = rules.hypothesis.contains(&*w)
            || w == "s" && text[tokens[i].span.end..].starts_with(['\'', '’']) && matches!(word(i + 1).as_ref(), "il" | "ils");
        if opens {
            let subject = &text[tokens[i + 1].span.clone()];
            let has_subject =
                i + 1 < verb && (SUBJECTS.contains(&word(i + 1).as_ref()) || subject.starts_with(char::is_uppercase) && w.as_ref() != "s");
            let conceded = i > 0 && !punctuation_between(text, tokens, i - 1) && rules.concessive.contains(&*word(i - 1));
            return has_subject && !conceded;
        }
    }
    false
}

/// Is the infinitive at token `verb` governed by an impersonal construction, with no subject
/// to credit (« il faut rappeler que », « il convient de préciser », « il est important de
/// noter que », « il est à noter que », « à noter que »)? The writer speaks: no source.
fn impersonal_infinitive<'t>(verb: usize, word: &impl Fn(usize) -> std::borrow::Cow<'t, str>, r: &SelfSpeechRules) -> bool {
    // Does word `end` open the sentence (after « mais », « et », « or » at most)?
    let opens = |end: usize| (0..end).all(|k| matches!(word(k).as_ref(), "mais" | "et" | "or"));
    // An infinitive that opens the sentence is its subject (« Dire que la guerre serait finie
    // est une erreur », « Mais affirmer que tout va bien relève du mensonge »): nobody says it.
    if opens(verb) {
        return true;
    }
    // « être à » + infinitive is a passive of what is to be done, said by the writer: « Il est à
    // noter que… », « À noter que… » (« à » opening the sentence).
    if verb >= 1 && word(verb - 1) == "à" {
        if opens(verb - 1) {
            return true;
        }
        if verb >= 3 && matches!(word(verb - 2).as_ref(), "est" | "était" | "sera" | "serait") && matches!(word(verb - 3).as_ref(), "il" | "c" | "ce")
        {
            return true;
        }
    }
    let mut i = verb;
    // « de », « d' » and clitics or adverbs between the governing verb and the infinitive.
    while i > 0 && (matches!(word(i - 1).as_ref(), "de" | "d") || r.skip.contains(&*word(i - 1))) {
        i -= 1;
    }
    if i < 2 {
        return false;
    }
    let (w1, w2) = (word(i - 1), word(i - 2));
    // « il faut rappeler », « il convient de rappeler »
    if r.impersonal.contains(&*w1) && w2 == "il" {
        return true;
    }
    // « il est important de noter », « il est utile de rappeler »: an adjective after « il est »,
    // adverbs between them (« il est également intéressant de noter », « il est donc utile de »).
    if i < 3 || i >= verb {
        return false;
    }
    let mut k = i - 2;
    // Three adverbs at most (a bounded look-back per hit).
    while k > 1 && i - 2 - k < 3 && (r.skip.contains(&*word(k)) || ment_adverb(&word(k))) {
        k -= 1;
    }
    matches!(word(k).as_ref(), "est" | "était" | "serait" | "sera") && word(k - 1) == "il"
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

/// Is the quotation a name or a title rather than words someone said, and is it a name after a
/// naming participle ([`called`]), which gets no speaker? A name or title is opened right after a
/// determiner (`determiners` of quotes.toml, « au », « aux ») or a naming participle ([`called`]),
/// with no finite verb inside: « un « Guide d'inspiration pour célébrer le mois européen de la
/// diversité » », « le « prix des capitales européennes… » », « Le « Build Back Better » », « la
/// compétition appelée « les Petits Tigres » ». Such a quotation does not make its sentence a
/// quoted voice: the writer speaks, naming something. Its words are still inside a quotation
/// for the markers. With a finite verb it is speech worked into the sentence (« son « appel
/// pressant à la Russie pour qu'elle mette fin… » », « la « Turquie a obtenu ce qu'elle
/// voulait » »). Only a name after a participle loses its speaker: a word in quotation marks
/// after a determiner may still be someone's (« il existe des « indices » suffisants, a estimé
/// le juge »).
fn naming_quote(text: &str, q: &Quote, tags: &speaker::TagRules, lex: &Lexicon, claims: &ClaimRules) -> (bool, bool) {
    let by_participle = called(text, q, tags, lex);
    if !(by_participle || after_determiner(text, q, &tags.determiners)) {
        return (false, false);
    }
    let words_only = no_finite_verb(text, q, lex, claims);
    (words_only, words_only && by_participle)
}

/// Is the quotation opened right after a determiner (`determiners` of quotes.toml, « au »,
/// « aux »; « l' » elided)?
fn after_determiner(text: &str, q: &Quote, determiners: &WordSet) -> bool {
    let before = text[..q.span.start].trim_end_matches(char::is_whitespace);
    let (before, elided) = match before.strip_suffix(['\'', '’']) {
        Some(b) => (b, true),
        None => (before, false),
    };
    let start = last_word_start(before);
    let word = before[start..].to_lowercase();
    if word.is_empty() || before[..start].ends_with('-') {
        return false;
    }
    if elided {
        determiners.contains(&format!("{word}'"))
    } else {
        matches!(word.as_str(), "au" | "aux") || determiners.contains(&word)
    }
}

/// Where the run of letters that ends `s` starts (`s.len()` when `s` ends with no letter).
fn last_word_start(s: &str) -> usize {
    s.char_indices().rev().take_while(|(_, c)| c.is_alphabetic()).last().map_or(s.len(), |(i, _)| i)
}

/// Is the quotation opened right after a naming participle (`naming` of quotes.toml: « appelée »,
/// « dites », « surnommé »…), a determiner or « de » between them at most (« les associations
/// dites du « groupe des onze » »), and not after an auxiliary (« il a appelé « à la retenue » »:
/// a verb of speech)?
fn called(text: &str, q: &Quote, tags: &speaker::TagRules, lex: &Lexicon) -> bool {
    // The word before `end` in `text`, and where it starts.
    let last_word = |end: usize| {
        let before = text[..end].trim_end_matches(|c: char| c.is_whitespace() || c == '\'' || c == '’');
        let start = last_word_start(before);
        (start, before[start..].to_lowercase())
    };
    let (mut start, mut word) = last_word(q.span.start);
    if matches!(word.as_str(), "du" | "de" | "d" | "des" | "le" | "la" | "l" | "les") {
        (start, word) = last_word(start);
    }
    if !tags.naming.contains(&word) {
        return false;
    }
    // Not after an auxiliary: then the participle is a verb.
    let before = text[..start].trim_end();
    let aux = before[last_word_start(before)..].to_lowercase();
    aux != "été" && !crate::matcher::is_auxiliary(lex.morphology, &aux)
}

/// No finite verb inside the quotation: words named, not a clause said.
fn no_finite_verb(text: &str, q: &Quote, lex: &Lexicon, claims: &ClaimRules) -> bool {
    !crate::token::tokenize(&text[q.inner.clone()], 0).iter().any(|t| {
        let w = crate::token::lower_cow(&text[q.inner.start + t.span.start..q.inner.start + t.span.end]);
        claims.finite_words.contains(&*w) || lex.morphology.is_unambiguous_finite(&w)
    })
}

/// The share of the letters of `span` that are inside the quotations `keep` keeps (by index in
/// `quotes`; 0 without letters).
fn quoted_share(text: &str, span: &Range<usize>, quotes: &[Quote], keep: impl Fn(usize) -> bool) -> f64 {
    let mut inside = 0;
    let mut total = 0;
    let first = quotes.partition_point(|q| q.inner.end <= span.start);
    let mut relevant = quotes_over(quotes, span).enumerate().filter(|(k, _)| keep(first + k)).map(|(_, q)| q).peekable();
    if relevant.peek().is_none() {
        // No quotation here (most sentences): no need to count.
        return 0.0;
    }
    for (i, c) in text[span.clone()].char_indices() {
        if crate::token::is_alnum(c) {
            total += 1;
            let at = span.start + i;
            while relevant.next_if(|q| q.inner.end <= at).is_some() {}
            if relevant.peek().is_some_and(|q| q.inner.start <= at) {
                inside += 1;
            }
        }
    }
    if total == 0 {
        0.0
    } else {
        inside as f64 / total as f64
    }
}

/// Is the sentence's first finite verb a 2nd-person-plural imperative (`imperative_endings` /
/// `imperative_forms` of `[claims]`) opening its clause — the sentence's first word, after « ne »,
/// after punctuation or after « mais, et, donc, puis, alors » — with no « vous » before it, not
/// inverted (« Allez-vous… »), and no « que » after it? « Pour lire tout le reportage, cliquez
/// ici », « Ne divulguez votre mot de passe à personne » instruct the reader; « Vous pensez
/// que… », « Notez que le budget a été voté », « des œuvres dites dérivées » do not.
fn call_to_action(text: &str, tokens: &[crate::token::Token], lex: &Lexicon, r: &ClaimRules, lower: &mut String) -> bool {
    let morph = lex.morphology;
    let word = |k: usize, lower: &mut String| crate::token::lowered(&text[tokens[k].span.clone()], lower).to_string();
    let gap_before = |k: usize| if k == 0 { "" } else { &text[tokens[k - 1].span.end..tokens[k].span.start] };
    for (i, t) in tokens.iter().enumerate() {
        // Runs for every sentence: the word is borrowed, and the rest is looked at only for an
        // imperative.
        let w = crate::token::lowered(&text[t.span.clone()], lower);
        if w == "vous" {
            return false;
        }
        let forms = morph.lookup(w);
        if !forms.iter().any(|f| f.tags.intersects(Tags::FINITE)) {
            continue;
        }
        let imperative = (r.imperative_forms.contains(w) || r.imperative_endings.iter().any(|e| w.ends_with(e.as_str())))
            && forms.iter().any(|f| f.tags.contains(Tags::IMP));
        if !imperative {
            return false;
        }
        // Opening its clause, and not a capitalised name inside the sentence (« de Gérard Vergez »).
        let mut k = i;
        if k > 0 && matches!(word(k - 1, lower).as_str(), "ne" | "n") && gap_before(k).trim().is_empty() {
            k -= 1;
        }
        let opens = k == 0
            || gap_before(k).chars().any(|c| matches!(c, ',' | ':' | ';' | '(' | '-' | '—' | '–'))
            || matches!(word(k - 1, lower).as_str(), "mais" | "et" | "donc" | "puis" | "alors");
        let name = i > 0 && text[t.span.clone()].chars().next().is_some_and(char::is_uppercase);
        let inverted = tokens.get(i + 1).is_some_and(|_| gap_before(i + 1).trim() == "-" && word(i + 1, lower) == "vous");
        if !opens || name || inverted {
            return false;
        }
        return !states_after(text, tokens, i, lex, r, true, lower);
    }
    false
}

/// Does something after token `i` state a fact: a « que » clause (« Notez que le budget a été
/// voté »), or a clause of its own (« Ajoutez X, et le capitalisme sera remplacé », « Mais notez
/// le corollaire : la Grande-Bretagne fait monter les enchères »), or a relative on the whole
/// clause (« …, ce dont témoigne le port du masque »)? Not another relative or a « vous » clause
/// (« …, qui vous sont données », « si vous présentez »).
///
/// With `participles` false, a form that may also be a past participle (« poursuivis »,
/// « écoutés ») is not taken for a clause's verb: after a passive, it continues it (« doivent
/// être détruits à vue et non poursuivis »).
fn states_after(text: &str, tokens: &[crate::token::Token], i: usize, lex: &Lexicon, r: &ClaimRules, participles: bool, lower: &mut String) -> bool {
    let morph = lex.morphology;
    let word = |k: usize, lower: &mut String| crate::token::lowered(&text[tokens[k].span.clone()], lower).to_string();
    let que_after = (i + 1..tokens.len()).any(|j| matches!(word(j, lower).as_str(), "que" | "qu"));
    que_after
        || (i + 1..tokens.len()).any(|j| {
            let v = word(j, lower);
            let before = word(j - 1, lower);
            // A listed form after « de » or a determiner is the noun (« mot de passe »).
            let noun_slot = matches!(before.as_str(), "de" | "d" | "le" | "la" | "les" | "un" | "une" | "des" | "du");
            let finite = ((r.finite_words.contains(&v) && !noun_slot) || morph.is_unambiguous_finite(&v))
                && (participles || !morph.lookup(&v).iter().any(|f| f.tags.contains(Tags::PPAS)));
            // « ce qui », « ce dont » open a relative about the whole clause, which states a fact
            // (« Il faut compter avec la peur, ce dont témoigne le port du masque »).
            // Not a relative object (« utilisez ce qui marche »): after a comma.
            let sentential = matches!(before.as_str(), "qui" | "dont")
                && j >= 3
                && word(j - 2, lower) == "ce"
                && text[tokens[j - 3].span.end..tokens[j - 2].span.start].contains(',');
            finite
                && !r.imperative_endings.iter().any(|e| v.ends_with(e.as_str()))
                && (sentential || !matches!(before.as_str(), "qui" | "que" | "qu" | "dont" | "où" | "vous" | "y" | "en" | "se" | "s"))
        })
}

/// Is the sentence a prescription: it says what should be done, not what is — not a claim, as
/// the guidelines' calls to action (the seed gold's « Il faut encourager Lavrov… », « Les
/// terroristes doivent être détruits à vue », « La source de l'article … doivent être indiqués »)?
/// Four shapes, each opening the sentence (after « et », « mais », « alors », « donc ») and
/// with no « que » and no clause of its own after the verb that carries the prescription
/// ([`states_after`]; « Il faut savoir que… » states what follows « que »):
/// - « il » + a form of `claims.prescription_forms` (or « eût / aurait / avait fallu ») + an
///   infinitive past clitics and adverbs (`self_speech.skip`): « Il faut les entendre ». Not in
///   the negative: « Il ne faut pas sous-estimer la part… », « Il ne faudra pas s'étonner d'en
///   retrouver » assert by litotes (the seed gold: BOOSTED). Or « que » right after a form of
///   `claims.prescription_que_forms`: « Il faut que l'on reste solidaires ». Or « il est / sera /
///   serait » + an adjective of `claims.prescription_adjectives` + « de » + an infinitive: « Il est
///   par ailleurs essentiel de réfléchir à l'impact… » (not the negative either).
/// - a wish: « je » / « nous » + a form of `claims.wish_forms` + « que » (« Nous espérons que la
///   commission traitera… », the seed gold's NONE « Nous espérons que nos partenaires… »).
/// - « nous » / « vous » + a form of `claims.obligation_forms` + an infinitive: « Nous devons
///   mettre un terme à ses agissements », « Vous ne devez pas recevoir Aclasta si vous allaitez ».
/// - a form of `claims.passive_obligation_forms` as the sentence's first verb, with no
///   subordinating word before it, + « être » + a past participle: « Angiox doit être administré
///   avec de l'aspirine », « Les terroristes doivent être détruits ». A conditional one (« Si
///   l'ACT est inférieur…, un bolus doit être administré ») is left a claim.
///
/// `facts` are the matcher's word facts of the sentence when the rules are the lexicon's (the
/// finiteness of each word already looked up), else `None`.
fn prescription(
    text: &str,
    tokens: &[crate::token::Token],
    facts: Option<&[crate::words::WordFacts]>,
    lex: &Lexicon,
    rules: &ScoringRules,
    lower: &mut String,
) -> bool {
    let r = &rules.claims;
    let morph = lex.morphology;
    let word = |k: usize| crate::token::lower_cow(&text[tokens[k].span.clone()]);
    let has = |k: usize, t: Tags| k < tokens.len() && morph.lookup(&word(k)).iter().any(|f| f.tags.contains(t));
    let skip = |mut k: usize, negation: bool| {
        while k < tokens.len() && {
            let w = word(k);
            (rules.self_speech.skip.contains(&*w) || (w.ends_with("ment") && !has(k, Tags::INF)))
                && (negation || !matches!(w.as_ref(), "ne" | "n" | "pas"))
        } {
            k += 1;
        }
        k
    };
    // The first word past a conjunction, lower-cased once.
    let mut i = 0;
    let first = loop {
        if i + 2 >= tokens.len() {
            return false;
        }
        let w = word(i);
        if !matches!(w.as_ref(), "et" | "mais" | "alors" | "donc") {
            break w;
        }
        i += 1;
    };
    // « il est essentiel de » + infinitive: the same prescription with an adjective of necessity.
    if first == "il" && matches!(word(i + 1).as_ref(), "est" | "sera" | "serait") && !r.prescription_adjectives.is_empty() {
        let mut a = skip(i + 2, false);
        if a + 1 < tokens.len() && word(a) == "par" && word(a + 1) == "ailleurs" {
            a = skip(a + 2, false); // « Il est par ailleurs essentiel de »
        }
        if a + 2 < tokens.len() && r.prescription_adjectives.contains(&*word(a)) && matches!(word(a + 1).as_ref(), "de" | "d") {
            let k = skip(a + 2, false);
            return has(k, Tags::INF) && !states_after(text, tokens, k, lex, r, true, lower);
        }
        return false;
    }
    // « il faut » + infinitive
    if first == "il" && !r.prescription_forms.is_empty() {
        let mut v = i + 1;
        let w = word(v);
        if matches!(w.as_ref(), "eût" | "eut" | "aurait" | "avait") && word(v + 1) == "fallu" {
            v += 1;
        } else if !r.prescription_forms.contains(&*w) {
            return false;
        }
        let k = skip(v + 1, false);
        // « Il faut que l'on reste solidaires »: the clause after « que » is what must be done
        // (a subjunctive), not a fact. Not in the past (« Il fallait donc que 2,5 millions de
        // personnes quittent leur pays pour que… » tells what it took).
        if k < tokens.len() && matches!(word(k).as_ref(), "que" | "qu") && r.prescription_que_forms.contains(&*word(v)) {
            return true;
        }
        return has(k, Tags::INF) && !states_after(text, tokens, k, lex, r, true, lower);
    }
    // « Nous espérons que… », « Je souhaite que… »: a wish of the speaker, not a fact.
    // Not when a clause of its own follows after a comma (« J'espère qu'on n'en arrivera pas là,
    // mais Vladimir Poutine a clairement fait savoir… », « …, ce qui fait défaut jusqu'à présent »).
    if matches!(first.as_ref(), "je" | "j" | "nous") && i + 1 < tokens.len() && r.wish_forms.contains(&*word(i + 1)) {
        let v = skip(i + 2, false);
        let after_comma = |j: usize| text[tokens[j - 1].span.end..tokens[j].span.start].contains([',', ';']);
        let clause_after = (v + 1..tokens.len()).any(|j| {
            after_comma(j) && (word(j) == "mais" || (word(j) == "ce" && j + 1 < tokens.len() && matches!(word(j + 1).as_ref(), "qui" | "dont")))
        });
        return v < tokens.len() && matches!(word(v).as_ref(), "que" | "qu") && !clause_after;
    }
    // « nous devons » / « vous devez » + infinitive
    if matches!(first.as_ref(), "nous" | "vous") {
        let mut v = i + 1;
        if matches!(word(v).as_ref(), "ne" | "n") {
            v += 1;
        }
        if v >= tokens.len() || !r.obligation_forms.contains(&*word(v)) {
            return false;
        }
        let k = skip(v + 1, true);
        return has(k, Tags::INF) && !states_after(text, tokens, k, lex, r, true, lower);
    }
    // « … doit être » + past participle, the sentence's first verb
    if r.passive_obligation_forms.is_empty() {
        return false;
    }
    // The words looked for below are the forms of `passive_obligation_forms` and subordinating
    // words (7 bytes at most): a longer word that is not a verb is passed over without being
    // lower-cased ([`crate::token::lowering_keeps_length`]).
    let longest = r.passive_obligation_forms.iter().map(String::len).max().unwrap_or(0).max(7);
    for v in i..tokens.len() {
        let finite = facts.map(|f| f[v].is_finite());
        let raw = &text[tokens[v].span.clone()];
        if finite == Some(false) && raw.len() > longest && crate::token::lowering_keeps_length(raw) {
            continue;
        }
        let w = if v == i { std::borrow::Cow::Borrowed(first.as_ref()) } else { word(v) };
        if r.passive_obligation_forms.contains(&*w) {
            let k = skip(v + 1, true);
            return k + 1 < tokens.len() && word(k) == "être" && has(k + 1, Tags::PPAS) && !states_after(text, tokens, k + 1, lex, r, false, lower);
        }
        let subordinate = matches!(
            w.as_ref(),
            "que" | "qu" | "qui" | "dont" | "où" | "si" | "s" | "quand" | "lorsque" | "lorsqu" | "comme" | "car" | "puisque" | "puisqu"
        );
        let finite = finite.unwrap_or_else(|| r.finite_words.contains(&*w) || morph.is_unambiguous_finite(&w));
        if subordinate || finite {
            return false;
        }
    }
    false
}

/// Is the sentence a headline in two parts, topic then comment (« Grèce : 80 km de clôture
/// supplémentaires face à la Turquie », « Covid-19 : une France sans cap ni boussole face à la
/// septième vague »): a topic before its first colon, and at least `min_words` words after it
/// (« Du déjà vu : » announces, « Source : AFP » is too short, a web address is none)? The comment predicates
/// something of the topic without a verb: a claim. 0: never.
fn topic_and_comment(stext: &str, min_words: usize) -> bool {
    // A colon followed by a space (not « https:// », « 10:30 »), and no address after it.
    let Some((topic, comment)) = stext.split_once(':') else { return false };
    let words = |t: &str| t.split(|c: char| !crate::token::is_alnum(c)).filter(|w| !w.is_empty()).count();
    min_words > 0
        && comment.starts_with(char::is_whitespace)
        && !comment.contains("http")
        && !comment.contains("www.")
        && words(topic) >= 1
        && words(comment) >= min_words
        && !without_closers(stext).ends_with('?')
}

/// The sentence without the closing quotation marks, brackets and spaces after its last
/// punctuation mark.
fn without_closers(stext: &str) -> &str {
    stext.trim_end_matches(['»', '"', '”', ')', ' ', '\u{a0}', '\u{202f}'])
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
    if without_closers(stext).ends_with('?') {
        return Some(NotClaim::Question);
    }
    if m.tokens.len() < rules.claims.min_words {
        return Some(NotClaim::TooShort);
    }
    // The first 24 characters, lower-cased, start with one of the prefixes (no allocation:
    // this runs for every sentence). The first letter is lowered once and compared first: most
    // prefixes stop there.
    let head = || stext.chars().take(24).flat_map(char::to_lowercase);
    let first = head().next();
    if rules.claims.not_claim_prefixes.iter().any(|p| {
        p.chars().next() == first && {
            let mut h = head();
            p.chars().all(|c| h.next() == Some(c))
        }
    }) {
        return Some(NotClaim::Metadata);
    }
    if call_to_action(text, &m.tokens, lex, &rules.claims, lower) {
        return Some(NotClaim::CallToAction);
    }
    // The matcher's word facts hold for the lexicon's own rules only.
    let facts = std::ptr::eq(rules, &lex.rules.scoring).then_some(&m.facts[..]);
    if prescription(text, &m.tokens, facts, lex, rules, lower) {
        return Some(NotClaim::Prescription);
    }
    if has_marker {
        return None;
    }
    // The matcher's word facts answer it with the lexicon's rules (the run's: one look-up per
    // word, shared with the matcher); other scoring rules are asked word by word.
    let finite = match facts {
        Some(f) => f.iter().any(|f| f.is_finite()),
        None => m.tokens.iter().any(|t| {
            let w = crate::token::lowered(&text[t.span.clone()], lower);
            rules.claims.finite_words.contains(w) || lex.morphology.is_unambiguous_finite(w) || lex.morphology.is_conditional(w)
        }),
    };
    if !finite && !finite_after_clitic(text, &m.tokens, lex, &rules.claims, lower) {
        return Some(NotClaim::NoVerb);
    }
    None
}

/// Is a word that the dictionary knows both as a finite verb and as another kind of word
/// (« signe », « applique », « règne ») right after a pronoun of `claims.verb_clitics`, with no
/// punctuation between them (« il signe », « le contrat s'applique », « on ne dispose »), or
/// right after a name (capitalised, unknown to the verb table, not the sentence's first word:
/// « Tarzan règne », « la France dispose »)? Then it is the verb: the sentence has one. Not a
/// capitalised form (« Le Monde », headings in capitals). After a common noun the same form is
/// as often a noun or an adjective (« une nouvelle fracture », « la liste complète »): measured
/// with `hedge eval verbs`, not done (docs/ACCURACY.md).
fn finite_after_clitic(text: &str, tokens: &[crate::token::Token], lex: &Lexicon, claims: &ClaimRules, lower: &mut String) -> bool {
    if tokens.windows(2).any(|p| {
        let gap = &text[p[0].span.end..p[1].span.start];
        gap.chars().all(|c| c.is_whitespace() || c == '\'' || c == '’' || c == '-')
            && claims.verb_clitics.contains(&*crate::token::lower_cow(&text[p[0].span.clone()]))
            && lex.morphology.lookup(crate::token::lowered(&text[p[1].span.clone()], lower)).iter().any(|f| f.tags.intersects(Tags::FINITE))
    }) {
        return true;
    }
    // After a name (capitalised, unknown to the verb table, not the sentence's first word).
    let morph = lex.morphology;
    let word = |i: usize| crate::token::lower_cow(&text[tokens[i].span.clone()]);
    (2..tokens.len()).any(|i| {
        let (this, prev) = (&text[tokens[i].span.clone()], &text[tokens[i - 1].span.clone()]);
        text[tokens[i - 1].span.end..tokens[i].span.start].chars().all(char::is_whitespace)
            && !this.starts_with(char::is_uppercase)
            && prev.starts_with(char::is_uppercase)
            && morph.lookup(&word(i - 1)).is_empty()
            && morph.lookup(&word(i)).iter().any(|f| f.tags.intersects(Tags::FINITE))
    })
}

/// A sentence that ends with a colon and only announces what follows: it starts with a word of
/// `claims.announce_starts` (« Voici les détails : »), or a counted attribution marker stands
/// right before the colon, alone or followed by *que* (« Asia News précise : », « ont admis
/// que : ») — the reported words are all after the colon.
fn announces(text: &str, span: &Range<usize>, markers: &[MarkerHit], rules: &ScoringRules, lower: &mut String) -> Option<NotClaim> {
    let stext = text[span.clone()].trim_end();
    let colon = span.start + stext.strip_suffix(':')?.len();
    let first = stext.split(|c: char| !crate::token::is_alnum(c)).next().unwrap_or("");
    if rules.claims.announce_starts.contains(crate::token::lowered(first, lower)) {
        return Some(NotClaim::Announces);
    }
    let right_before = |h: &MarkerHit| {
        let gap = text[h.end.min(colon)..colon].trim();
        h.end <= colon && (gap.is_empty() || gap == "que" || gap == "qu'" || gap == "qu’")
    };
    markers.iter().any(|h| h.counted && h.category == Category::Attribution && right_before(h)).then_some(NotClaim::Announces)
}

/// Groups the quotation pieces into quotations, finds the speaker and cue of each, and gives
/// every quoted sentence the speaker of the quotation it lies in. The speaker is looked for, in
/// order: in a tag inside the quotation (« Il y a quelque chose, dit aussitôt Roger. »); right
/// after it in the same sentence (« …», a ajouté l'armée. »); before it in the same sentence
/// (« Le ministre a déclaré : « … » »); in the sentence before it when that one ends with a
/// colon or is a heading crediting a source; in the sentence right after it when that one
/// starts in lower case (« a déclaré le général X. »).
fn attach_speakers(
    text: &str,
    quotes: &[Quote],
    names: &[bool],
    incises: &[(usize, speaker::Tag)],
    tagger: &speaker::Tagger,
    rules: &ScoringRules,
    out: &mut [SentenceScore],
) -> Vec<QuoteInfo> {
    let mut list: Vec<QuoteInfo> = Vec::new();
    let mut incise = incises.iter().peekable();
    let mut i = 0;
    while i < quotes.len() {
        let mut j = i + 1;
        while j < quotes.len() && quotes[j].continues {
            j += 1;
        }
        let group = &quotes[i..j];
        let (start, end) = (group[0].span.start, group[j - i - 1].span.end);
        let mut tag: Option<speaker::Tag> = None;
        // A name in quotation marks after a naming participle (« la compétition appelée « les
        // Petits Tigres » ») is nobody's words: no speaker is looked for.
        let spoken = names[i..j].iter().any(|n| !n);
        // 1. A tag inside (or ending) the quotation.
        while let Some((_, t)) = incise.next_if(|(k, _)| *k < j) {
            if tag.is_none() && spoken && t.speaker.is_some() {
                tag = Some(t.clone());
            }
        }
        // The sentences the quotation starts and ends in.
        let first = out.partition_point(|s| s.end <= start);
        let last = out.partition_point(|s| s.end < end).min(out.len().saturating_sub(1));
        // 2. After it, in the same sentence (up to the next quotation).
        if tag.is_none() && spoken {
            if let Some(s) = out.get(last).filter(|s| s.end > end) {
                let stop = quotes.get(j).map_or(s.end, |q| q.span.start.min(s.end)).max(end);
                tag = tagger.after(text, end..stop).filter(|t| t.speaker.is_some());
            }
        }
        // 3. Before it, in the same sentence (from the previous quotation on).
        if tag.is_none() && spoken {
            if let Some(s) = out.get(first).filter(|s| s.start < start) {
                let from = if i > 0 { quotes[i - 1].span.end.max(s.start) } else { s.start };
                if from < start {
                    tag = tagger.before(text, from..start).filter(|t| t.speaker.is_some());
                }
            }
        }
        // 4. The sentence before, ending with a colon or a heading crediting a source.
        if tag.is_none() && spoken && first > 0 && out.get(first).is_some_and(|s| s.start >= start) {
            let b = &out[first - 1];
            let t = b.text.trim_end();
            let introduces = t.ends_with(':') || (b.label == Label::Attributed && b.kind == SentenceKind::Heading);
            if introduces && text[b.end..start].trim().is_empty() {
                tag = if t.ends_with(':') { tagger.colon(text, b.start..b.end) } else { tagger.forward(text, b.start..b.end) };
                tag = tag.filter(|t| t.speaker.is_some());
            }
        }
        // 5. The sentence right after, starting in lower case.
        if tag.is_none() && spoken {
            if let Some(a) = out.get(out.partition_point(|s| s.start < end)) {
                let gap = &text[end..a.start];
                if gap.trim().is_empty() && a.text.chars().next().is_some_and(|c| c.is_lowercase()) {
                    tag = tagger.after(text, a.start..a.end).filter(|t| t.speaker.is_some());
                }
            }
        }
        // A speaker named in the sentence that holds the quotation credits that sentence's
        // claim to them (steps 1–3; the guidelines' « speaker named in the same sentence »).
        // Not when the speaker is the writer (« quand je dis « inflation », je parle… »).
        let first_person = |sp: &Range<usize>| rules.self_speech.subjects.contains(&text[sp.clone()].to_lowercase());
        if let Some(t) = tag.as_ref().filter(|t| t.speaker.as_ref().is_some_and(|sp| !first_person(sp))) {
            let name = t.speaker.clone().map(|sp| text[sp].split_whitespace().collect::<Vec<_>>().join(" "));
            credit_quote(out, first..=last, start..end, &t.cue, name, rules);
        }
        let clean = |r: Range<usize>| text[r].split_whitespace().collect::<Vec<_>>().join(" ");
        list.push(QuoteInfo {
            start,
            end,
            mark: group[0].mark,
            pieces: group.iter().map(|q| [q.inner.start, q.inner.end]).collect(),
            speaker: tag.as_ref().and_then(|t| t.speaker.clone()).map(clean),
            cue: tag.as_ref().filter(|t| !t.cue.is_empty()).map(|t| clean(t.cue.clone())),
        });
        i = j;
    }
    // Each quoted sentence takes the speaker of the quotation holding most of its letters.
    for s in out.iter_mut().filter(|s| s.voice == Voice::Quoted) {
        let k = list.partition_point(|q| q.end <= s.start);
        let best = list[k..]
            .iter()
            .take_while(|q| q.start < s.end)
            .max_by_key(|q| q.pieces.iter().map(|p| p[1].min(s.end).saturating_sub(p[0].max(s.start))).sum::<usize>());
        s.speaker = best.and_then(|q| q.speaker.clone());
    }
    list
}

#[cfg(test)]
mod tests {
    use super::post_signature;

    #[test]
    fn a_post_signature_is_a_dash_a_name_an_account_and_a_dated_year() {
        assert_eq!(post_signature("— Jeanne Martin (@jmartin_34) July 19, 2022"), Some("Jeanne Martin"));
        assert_eq!(post_signature("– Le Journal (@lejournal) 23 juillet 2022 "), Some("Le Journal"));
        // A name with brackets of its own keeps them; the account is the last bracket.
        assert_eq!(post_signature("— Ville (officiel) (@ville) May 2, 2021"), Some("Ville (officiel)"));
        for not in [
            "Jeanne Martin (@jmartin_34) July 19, 2022",                                      // no dash
            "— Jeanne Martin (@jmartin_34)",                                                  // no date
            "— Jeanne Martin (@jmartin 34) July 19, 2022",                                    // not an account
            "— Jeanne Martin (@jmartin_34) 2022",                                             // a year alone
            "— (@jmartin_34) July 19, 2022",                                                  // no name
            "— Le maire a parlé (@mairie) et la séance a repris en juillet 2022 devant tous", // prose
        ] {
            assert_eq!(post_signature(not), None, "{not}");
        }
    }
}
