//! The source a sentence credits (issue 19, item 2): who speaks, normalised to a key and typed
//! as a named person, an institution, a media outlet or a vague or anonymous source, with the
//! word lists of `lexicons/rules/sources.toml`. The rule of what counts: `docs/SOURCES.md`.
//!
//! Runs only on sentences labelled ATTRIBUTED and on quoted sentences whose speaker is named.
//! The source is, in order: the speaker of the quotation (quoted voice); the phrase after a
//! source word (« selon X », « d'après X », « cité par X »); the subject of a reporting verb,
//! after it when the verb is inverted (« …, a déclaré le général X », « ce qu'affirment X »,
//! « indique-t-il ») and before it otherwise (« la BBC a confirmé »). A pronoun (« selon eux »)
//! stands for the last source named in the three sentences before.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::speaker::{TagRules, Tagger};
use super::{Flag, Label, SentenceScore, Voice};
use crate::lexicon::Category;
use crate::token::WordSet;

/// What kind of source is credited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Person,
    Institution,
    Media,
    Vague,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Institution => "institution",
            SourceKind::Media => "media",
            SourceKind::Vague => "vague",
        }
    }
    /// The French word shown to students.
    pub fn french(self) -> &'static str {
        match self {
            SourceKind::Person => "personne",
            SourceKind::Institution => "institution",
            SourceKind::Media => "média",
            SourceKind::Vague => "vague",
        }
    }
    /// The word shown to students: French, or English (`as_str`).
    pub fn name(self, fr: bool) -> &'static str {
        if fr {
            self.french()
        } else {
            self.as_str()
        }
    }
    /// Every kind, in the order the explanations are shown.
    pub const ALL: [SourceKind; 4] = [SourceKind::Person, SourceKind::Institution, SourceKind::Media, SourceKind::Vague];
    pub fn parse(s: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The source of one sentence (`source` in the JSON of a sentence).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The words of the text that name it (« des journalistes de la BBC »); null when the
    /// sentence credits a source it does not name (« a été saluée comme… »).
    pub text: Option<String>,
    /// Its normalised name (« BBC »): determiners, heads (« journalistes de ») and titles
    /// dropped; empty when it names none.
    pub key: String,
    pub kind: SourceKind,
    /// A pronoun or bare title standing for a source named before (see
    /// [`resolve_back_references`]); not in the JSON.
    #[serde(skip)]
    pub refers_back: bool,
}

/// The last source named in an article and the number of its sentence.
pub type LastSource = Option<(usize, Source)>;

/// Gives each back-reference (« selon eux », « le secrétaire ») the key and kind of the last
/// source named (not vague) in the three sentences before, else a vague source. `last` carries
/// it from one chunk of a file to the next: run on the chunks in order it gives the result of
/// the whole file (`src/pipeline.rs`).
pub fn resolve_back_references(out: &mut [SentenceScore], last: &mut LastSource, rules: &SourceRules) {
    for s in out.iter_mut() {
        let Some(src) = &mut s.source else { continue };
        if src.refers_back {
            match last {
                Some((n, l)) if s.number.saturating_sub(*n) <= 3 => {
                    src.key = l.key.clone();
                    src.kind = l.kind;
                }
                _ => {
                    src.key = rules.normalise(src.text.as_deref().unwrap_or("")).0;
                    src.kind = SourceKind::Vague;
                }
            }
        } else if src.kind != SourceKind::Vague {
            *last = Some((s.number, src.clone()));
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    kinds: Kinds,
    determiners: Vec<String>,
    heads: Vec<String>,
    vague_markers: Vec<String>,
    subject_markers: Vec<String>,
    pronouns: Vec<String>,
    vague: Vec<String>,
    titles: Vec<String>,
    media: Vec<String>,
    institution: Vec<String>,
    // Optional (added in session 9): an older copy of sources.toml still loads.
    #[serde(default)]
    documents: Vec<String>,
    #[serde(default)]
    persons: Vec<String>,
    // Optional (added in session 10).
    #[serde(default)]
    data: Vec<String>,
    #[serde(default)]
    alias: Vec<Alias>,
    #[serde(default)]
    example: Vec<Example>,
    #[serde(default)]
    counterexample: Vec<Counter>,
}

/// The French explanation of each kind (for students).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kinds {
    pub person: String,
    pub institution: String,
    pub media: String,
    pub vague: String,
}

impl Kinds {
    /// The explanation of one kind.
    pub fn get(&self, kind: SourceKind) -> &str {
        match kind {
            SourceKind::Person => &self.person,
            SourceKind::Institution => &self.institution,
            SourceKind::Media => &self.media,
            SourceKind::Vague => &self.vague,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Alias {
    key: String,
    kind: SourceKind,
    forms: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    phrase: String,
    key: String,
    kind: SourceKind,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Counter {
    phrase: String,
    kind: SourceKind,
}

/// The rules of `lexicons/rules/sources.toml`, words folded.
#[derive(Debug, Clone)]
pub struct SourceRules {
    pub kinds: Kinds,
    determiners: WordSet,
    heads: Vec<Vec<String>>,
    vague_markers: WordSet,
    subject_markers: WordSet,
    pronouns: WordSet,
    vague: WordSet,
    titles: WordSet,
    media: WordSet,
    institution: WordSet,
    documents: WordSet,
    persons: WordSet,
    data: WordSet,
    alias: Vec<(String, SourceKind, Vec<String>)>,
}

const FILE: &str = "sources.toml";

fn fold(w: &str) -> String {
    let mut out = String::new();
    if w.contains('’') {
        crate::token::fold_key(&w.replace('’', "'"), &mut out);
    } else {
        crate::token::fold_key(w, &mut out);
    }
    out
}

fn folded_set(v: &[String]) -> WordSet {
    v.iter().map(|w| fold(w)).collect()
}

/// The fold of a word, borrowed when the word is its own fold (ASCII with no capital: most
/// words).
fn fold_cow(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(fold(w))
    }
}

/// A word of a phrase: its text and its fold; a comma is a word of its own.
struct Word<'a> {
    text: &'a str,
    fold: Cow<'a, str>,
}

impl Word<'_> {
    fn named(&self) -> bool {
        self.text.chars().any(char::is_uppercase)
    }
}

fn words(phrase: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let is_word = |c: char| crate::token::is_alnum(c) || c == '-' || c == '.';
    for (i, c) in phrase.char_indices() {
        if is_word(c) {
            start.get_or_insert(i);
            continue;
        }
        let end = if c == '\'' || c == '’' { i + c.len_utf8() } else { i };
        if let Some(s) = start.take() {
            out.push(&phrase[s..end]);
        }
        if c == ',' {
            out.push(",");
        }
    }
    if let Some(s) = start {
        out.push(&phrase[s..]);
    }
    let n = out.len();
    out.into_iter()
        .enumerate()
        .map(|(k, w)| if k + 1 == n || w.len() > 3 { w.trim_end_matches('.') } else { w })
        .filter(|w| !w.is_empty())
        .map(|text| Word { text, fold: fold_cow(text) })
        .collect()
}

fn join(ws: &[Word]) -> String {
    let mut out = String::with_capacity(ws.iter().map(|w| w.text.len() + 1).sum());
    for (k, w) in ws.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w.text);
    }
    if out.contains(" - ") {
        out = out.replace(" - ", "-");
    }
    out
}

impl SourceRules {
    /// The built-in rules (see [`crate::rules::Rules::builtin`]).
    pub fn embedded() -> &'static SourceRules {
        &crate::rules::Rules::builtin().sources
    }

    /// Reads the rules and runs their examples and counterexamples.
    pub fn from_toml(text: &str) -> Result<SourceRules, crate::rules::RuleError> {
        let raw: Raw = crate::rules::parse(FILE, text)?;
        let rules = SourceRules {
            kinds: raw.kinds,
            determiners: folded_set(&raw.determiners),
            heads: raw.heads.iter().map(|h| words(h).into_iter().map(|w| w.fold.into_owned()).collect()).collect(),
            vague_markers: raw.vague_markers.into_iter().collect(),
            subject_markers: raw.subject_markers.into_iter().collect(),
            pronouns: folded_set(&raw.pronouns),
            vague: folded_set(&raw.vague),
            titles: folded_set(&raw.titles),
            media: folded_set(&raw.media),
            institution: folded_set(&raw.institution),
            documents: folded_set(&raw.documents),
            persons: folded_set(&raw.persons),
            data: folded_set(&raw.data),
            alias: raw.alias.into_iter().map(|a| (a.key, a.kind, a.forms.iter().map(|f| fold_phrase(f)).collect())).collect(),
        };
        let mut errors = Vec::new();
        for e in &raw.example {
            let (key, kind) = rules.normalise(&e.phrase);
            if key != e.key || kind != e.kind {
                errors.push((&e.phrase, format!("example {:?} gives {key:?} ({}), not {:?} ({})", e.phrase, kind.as_str(), e.key, e.kind.as_str())));
            }
        }
        for c in &raw.counterexample {
            if rules.normalise(&c.phrase).1 == c.kind {
                errors.push((&c.phrase, format!("counterexample {:?} is typed {}", c.phrase, c.kind.as_str())));
            }
        }
        match errors.first() {
            None => Ok(rules),
            // Positioned at the first failing phrase; every failure is listed.
            Some((phrase, _)) => {
                Err(crate::rules::RuleError::at_value(FILE, text, phrase, errors.iter().map(|(_, m)| m.as_str()).collect::<Vec<_>>().join("; ")))
            }
        }
    }

    /// Can the noun phrase `words` (each with whether it opens the sentence) be a source: a
    /// name (a capitalised word; at the sentence's start, one that is not a determiner), a word
    /// of a person, body, medium or document of these lists, a pronoun for someone named
    /// before, a name of an alias? « le rapport de la BBC », « l'Insee », « les chercheurs
    /// interrogés » (yes), « ce cercle vicieux », « les chiffres » (no).
    pub fn can_speak(&self, words: &[(&str, bool)]) -> bool {
        let single_aliases = || self.alias.iter().flat_map(|(_, _, forms)| forms.iter()).filter(|f| !f.contains(' '));
        words.iter().any(|&(w, first)| {
            let f = fold_cow(w.trim_end_matches(['\'', '’']));
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            (capitalised && !(first && (self.determiners.contains(&*f) || self.determiners.contains(&format!("{f}'")))))
                || [&self.titles, &self.vague, &self.media, &self.institution, &self.documents, &self.persons, &self.pronouns]
                    .iter()
                    .any(|set| set.contains(&*f))
                || single_aliases().any(|a| *a == f)
        })
    }

    /// Can the phrase `words` be what « selon » or « d'après » credits: a source of
    /// [`Self::can_speak`], or figures and data (« selon les chiffres officiels », « selon les
    /// estimations »: the `data` words of sources.toml)?
    pub fn can_report(&self, words: &[(&str, bool)]) -> bool {
        self.can_speak(words) || words.iter().any(|&(w, _)| self.data.contains(&*fold_cow(w.trim_end_matches(['\'', '’']))))
    }

    /// The explanation of a kind, in French (the English ones of the HTML report's `--ui en`
    /// are in `src/report/html/sources.rs`).
    pub fn explain(&self, kind: SourceKind) -> &str {
        self.kinds.get(kind)
    }

    fn skip_determiners(&self, w: &[Word], mut i: usize) -> usize {
        while w.get(i).is_some_and(|x| self.determiners.contains(&*x.fold)) && i + 1 < w.len() {
            i += 1;
        }
        i
    }

    /// The key and kind of a phrase naming a source.
    pub fn normalise(&self, phrase: &str) -> (String, SourceKind) {
        self.normalise_words(&words(phrase))
    }

    /// [`Self::normalise`] of the phrase cut into words `w`.
    fn normalise_words(&self, w: &[Word]) -> (String, SourceKind) {
        let i = self.skip_determiners(w, 0);
        let Some(first) = w.get(i) else {
            return (String::new(), SourceKind::Vague);
        };
        // The phrase up to its first comma; after the last comma, an apposition.
        let comma = w.iter().position(|x| x.text == ",").unwrap_or(w.len());
        let mut j = i;
        // Heads: « des journalistes de la BBC », « un excellent rapport de Quentin Somerville ».
        'heads: for s in i..comma {
            for h in &self.heads {
                if s + h.len() < comma && w[s..s + h.len()].iter().zip(h).all(|(x, y)| x.fold == y.as_str()) {
                    j = self.skip_determiners(w, s + h.len());
                    break 'heads;
                }
            }
        }
        let rest = &w[j..comma.max(j + 1).min(w.len())];
        let key = join(rest);
        let folded = rest.iter().map(|x| x.fold.as_ref()).collect::<Vec<_>>().join(" ");
        // An alias, alone or followed by lower-case words (« la BBC intitulé… »); the longest.
        let alias = self
            .alias
            .iter()
            .flat_map(|(k, kind, forms)| forms.iter().map(move |f| (k, kind, f)))
            .filter(|(_, _, f)| {
                folded == **f
                    || (folded.starts_with(f.as_str()) && folded[f.len()..].starts_with(' ') && !rest[f.split(' ').count()..].iter().any(Word::named))
            })
            .max_by_key(|(_, _, f)| f.len());
        if let Some((k, kind, _)) = alias {
            return (k.clone(), *kind);
        }
        if self.vague.contains(&*first.fold) {
            return (join(&w[i..comma.max(i + 1).min(w.len())]), SourceKind::Vague);
        }
        // « Le porte-parole du ministère, Igor Konashenkov »: the name after the comma.
        if let Some(last) = w.iter().rposition(|x| x.text == ",") {
            let app = &w[last + 1..];
            if app.first().is_some_and(Word::named) && app.iter().all(|x| !self.media.contains(&*x.fold) && !self.institution.contains(&*x.fold)) {
                return (join(app), SourceKind::Person);
            }
        }
        // « le général russe Valery Gerasimov »: the name after a title.
        // A title is a lower-case word (« général ») or opens the phrase (« M. Dupont »): the
        // « M. » of « Seymour M. Hersh » is an initial.
        if let Some(t) = rest.iter().enumerate().position(|(k, x)| self.titles.contains(&*x.fold) && (k == 0 || !x.named())) {
            if let Some(n) = rest[t + 1..].iter().position(Word::named) {
                let name = &rest[t + 1 + n..];
                let end = name.iter().position(|x| !x.named()).unwrap_or(name.len());
                if end > 0 {
                    return (join(&name[..end]), SourceKind::Person);
                }
            }
        }
        let any = |set: &WordSet| w[i..comma.min(w.len())].iter().any(|x| set.contains(&*x.fold));
        if any(&self.media) {
            return (key, SourceKind::Media);
        }
        if any(&self.institution) {
            return (key, SourceKind::Institution);
        }
        if rest.first().is_some_and(Word::named) {
            return (key, SourceKind::Person);
        }
        (key, SourceKind::Vague)
    }

    /// The source a phrase names. Its words are cut once, for the key and for the back
    /// reference (the phrase with its white space made single spaces, as shown, has the same
    /// words: white space only separates them).
    fn source(&self, phrase: &str) -> Source {
        let w = words(phrase);
        let (key, kind) = self.normalise_words(&w);
        let refers_back = self.refers_back_words(&w);
        Source { text: Some(phrase.split_whitespace().collect::<Vec<_>>().join(" ")), key, kind, refers_back }
    }

    /// A pronoun (« eux », « il ») or a bare title with a definite determiner (« le
    /// secrétaire », « le général »): it stands for a source named before.
    fn refers_back(&self, phrase: &str) -> bool {
        self.refers_back_words(&words(phrase))
    }

    /// [`Self::refers_back`] of the phrase cut into words `w`.
    fn refers_back_words(&self, w: &[Word]) -> bool {
        match w {
            [p] => self.pronouns.contains(&*p.fold),
            [d, t] => matches!(d.fold.as_ref(), "le" | "la" | "l'") && self.titles.contains(&*t.fold),
            _ => false,
        }
    }
}

fn fold_phrase(p: &str) -> String {
    words(p).iter().map(|w| w.fold.as_ref()).collect::<Vec<_>>().join(" ")
}

/// Sets the `source` of every sentence labelled ATTRIBUTED and of every quoted sentence whose
/// speaker is named (see the module's documentation).
pub fn attach_sources(text: &str, out: &mut [SentenceScore], tagger: &Tagger, rules: &SourceRules) {
    let tags = tagger.rules();
    // The nearest sentence before not itself announced (one pass: a paragraph of thousands of
    // announced sentences is not walked back once per sentence).
    let mut announcer: Option<usize> = None;
    for k in 0..out.len() {
        let s = &out[k];
        let this_announcer = announcer;
        if !s.flags.contains(&Flag::Announced) {
            announcer = Some(k);
        }
        // A quoted sentence, or an own-voice one credited to the speaker of its quotation
        // (`Flag::QuoteCredited`) or to the author of the embedded post it belongs to
        // (`Flag::Signed`): the source is that speaker.
        let credited = s.flags.contains(&Flag::QuoteCredited) || s.flags.contains(&Flag::Signed);
        let quoted = (s.voice == Voice::Quoted || credited) && s.speaker.is_some() && s.label != Label::None;
        if s.label != Label::Attributed && !quoted {
            continue;
        }
        let phrase = if quoted {
            s.speaker.clone().map(Ok)
        } else if s.flags.contains(&Flag::Announced) {
            // A paragraph announced as someone's words (« Libération écrit : »): the source is
            // the one the announcing sentence names, the nearest before it not announced itself.
            this_announcer.and_then(|j| marker_phrase(text, &out[j], tagger, rules, tags))
        } else {
            marker_phrase(text, s, tagger, rules, tags)
        };
        let s = &mut out[k];
        let source = match phrase {
            None => Source { text: None, key: String::new(), kind: SourceKind::Vague, refers_back: false },
            Some(Err(marker)) => {
                let refers_back = rules.refers_back(&marker);
                Source { text: Some(marker), key: String::new(), kind: SourceKind::Vague, refers_back }
            }
            Some(Ok(p)) => rules.source(&p),
        };
        s.source = Some(source);
    }
    resolve_back_references(out, &mut None, rules);
}

/// The phrase naming the source of an own-voice attributed sentence, from its counted
/// attribution markers: Ok(words of the text), or Err(the marker's words) for a marker that
/// names no one (« on évalue à »); None when no marker gives a phrase.
fn marker_phrase(text: &str, s: &SentenceScore, tagger: &Tagger, rules: &SourceRules, tags: &TagRules) -> Option<Result<String, String>> {
    let clean = |r: std::ops::Range<usize>| text[r].split_whitespace().collect::<Vec<_>>().join(" ");
    let mut ms: Vec<_> = s.markers.iter().filter(|m| m.counted && m.category == Category::Attribution).collect();
    // Source words first (« selon X » names X outright), then verbs, each in text order. Only
    // the first few are tried, each on the text just before it (`SUBJECT_TAIL`): the subject of
    // a verb is near it, and a sentence of thousands of markers that name no one (« nous dit,
    // nous dit, … ») would otherwise be cut into words again from its start for each of them.
    ms.sort_by_key(|m| (!m.id.starts_with("attribution.source."), m.start));
    for m in ms.into_iter().take(MARKERS_TRIED) {
        if rules.vague_markers.contains(&m.id) {
            return Some(Err(m.text.clone()));
        }
        if rules.subject_markers.contains(&m.id) {
            continue;
        }
        if m.id.starts_with("attribution.source.") {
            if let Some(r) = tagger.phrase_at(text, m.end..s.end) {
                // « selon l'enquête menée par Hersh »: the author of the document.
                let rest = &text[r.end..s.end];
                if let Some(by) = rest.strip_prefix(" par ").map(|b| s.end - b.len()) {
                    if let Some(a) = tagger.phrase_at(text, by..s.end) {
                        return Some(Ok(clean(a)));
                    }
                }
                return Some(Ok(clean(r)));
            }
            // « selon certaines informations relâchées à la TV, … »: the words up to the next
            // punctuation mark (at most eight).
            let after = &text[m.end..s.end];
            let end = after.find([',', '.', ';', ':', '(', '«', '»', '"']).unwrap_or(after.len());
            let ws: Vec<&str> = after[..end].split_whitespace().take(8).collect();
            if ws.first().is_some_and(|w| w.chars().next().is_some_and(char::is_alphabetic)) {
                return Some(Ok(ws.join(" ")));
            }
            continue;
        }
        // A verb: inverted when nothing but auxiliaries, clitics and adverbs stand between it
        // and the start of the sentence, a comma, a closing quotation mark, a colon, « que »
        // or « comme » (« ce qu'affirment X », « comme le confirme X », « a déclaré X »). A
        // present participle (« arguant du fait ») has no subject after it.
        // The words before it (lower case, an elided word cut after its apostrophe: « l'|ONU »),
        // from the last one back, past auxiliaries, clitics and adverbs: the first other one
        // is `tail`. Only those words are lower-cased (not every word of the sentence for
        // each marker: 4 % of a corpus run's instructions).
        let from = crate::token::tail_start(text, s.start..m.start, SUBJECT_TAIL);
        let before = &text[from..m.start];
        let skipped = |w: &str| tags.auxiliaries.contains(w) || tags.clitics.contains(w) || (w.len() > 5 && w.ends_with("ment"));
        let mut tail = None;
        for w in before.split_whitespace().rev() {
            // Borrowed when already lower case ASCII (most words).
            let w: Cow<'_, str> = if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.to_lowercase().replace('’', "'"))
            };
            let (head, rest) = match w.find('\'') {
                Some(k) if k + 1 < w.len() => w.split_at(k + 1),
                _ => (w.as_ref(), ""),
            };
            tail = [rest, head].into_iter().find(|t| !t.is_empty() && !skipped(t)).map(str::to_string);
            if tail.is_some() {
                break;
            }
        }
        let words_left = tail.is_some();
        let tail = tail.unwrap_or_default();
        let participle = m.text.ends_with("ant");
        let after_clause = tail.ends_with(',');
        let inverted = !participle
            && (!words_left
                || after_clause
                || tail.ends_with('»')
                || tail.ends_with('"')
                || tail.ends_with(':')
                || matches!(tail.as_str(), "qu'" | "que" | "comme")
                || text[m.end..s.end].starts_with('-'));
        let found = if inverted && !after_clause {
            tagger.phrase_at(text, m.end..s.end).or_else(|| tagger.subject_of(text, from..m.end))
        } else if inverted {
            // « X, Y, a dénoncé » (a subject in apposition) or « …, a soutenu le colonel X ».
            tagger.subject_of(text, from..m.end).or_else(|| tagger.phrase_at(text, m.end..s.end))
        } else {
            tagger.subject_of(text, from..m.end)
        };
        if let Some(r) = found {
            return Some(Ok(clean(r)));
        }
    }
    None
}

/// How many of a sentence's attribution markers [`marker_phrase`] tries for a source phrase.
const MARKERS_TRIED: usize = 16;

/// How much text before a reporting verb [`marker_phrase`] reads for its subject (bytes; a
/// subject is a few words, this is hundreds).
const SUBJECT_TAIL: usize = 4096;

/// The claims credited to one source in an article (`sources` in the JSON summary).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceCount {
    /// The key as first written in the article (empty: a source the text does not name).
    pub key: String,
    pub kind: SourceKind,
    /// Claims (own-voice or quoted, counted in the score) credited to it.
    pub claims: usize,
}

/// Counts the claims per source: keys are compared folded (« BBC » = « bbc »), a key that is
/// empty is its own group; most claims first, then by key.
pub fn count_sources<'a>(sources: impl IntoIterator<Item = &'a Source>) -> Vec<SourceCount> {
    let mut out: Vec<SourceCount> = Vec::new();
    // Folded key and kind → index in `out` (a streamed corpus credits thousands of sources).
    let mut index: std::collections::HashMap<(String, SourceKind), usize> = std::collections::HashMap::new();
    for s in sources {
        match index.entry((fold_phrase(&s.key), s.kind)) {
            std::collections::hash_map::Entry::Occupied(e) => out[*e.get()].claims += 1,
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(out.len());
                out.push(SourceCount { key: s.key.clone(), kind: s.kind, claims: 1 });
            }
        }
    }
    out.sort_by_cached_key(|c| (std::cmp::Reverse(c.claims), fold_phrase(&c.key), c.kind));
    out
}

/// The sources of the claims of an article's sentences (claims left out of the score are not
/// counted).
pub fn article_sources(sentences: &[SentenceScore]) -> Vec<SourceCount> {
    count_sources(sentences.iter().filter(|s| s.is_claim()).filter_map(|s| s.source.as_ref()))
}

/// Claims credited to a named source (person, institution, media) and to a vague one.
pub fn named_and_vague(counts: &[SourceCount]) -> (usize, usize) {
    let vague = counts.iter().filter(|c| c.kind == SourceKind::Vague).map(|c| c.claims).sum();
    (counts.iter().map(|c| c.claims).sum::<usize>() - vague, vague)
}

/// One source as the terminal views show it: « BBC (média) », « source vague (« on »)».
pub fn show(key: &str, kind: SourceKind, fr: bool) -> String {
    match (kind, key.is_empty(), fr) {
        (SourceKind::Vague, true, true) => "source vague".into(),
        (SourceKind::Vague, true, false) => "vague source".into(),
        (SourceKind::Vague, false, true) => format!("source vague (« {key} »)"),
        (SourceKind::Vague, false, false) => format!("vague source (« {key} »)"),
        (k, _, fr) => format!("{key} ({})", k.name(fr)),
    }
}

/// The source of one claim as the sentence views show it: « source : BBC (média) », « source
/// vague (« on ») »; in English « source: BBC (media) », « vague source (« on ») ».
pub fn credited(key: &str, kind: SourceKind, fr: bool) -> String {
    let shown = show(key, kind, fr);
    match (kind, fr) {
        (SourceKind::Vague, _) => shown,
        (_, true) => format!("source : {shown}"),
        (_, false) => format!("source: {shown}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_file_loads_and_its_examples_pass() {
        SourceRules::from_toml(crate::rules::builtin_text(FILE)).unwrap();
    }

    /// The source of each sentence of a small text, as `hedge analyze` finds it.
    fn sources_of(text: &str) -> Vec<Option<(String, SourceKind)>> {
        let lex = crate::lexicon::Lexicon::embedded().unwrap();
        let doc = crate::extract::extract("t", "t.txt", text.to_string());
        crate::pipeline::analyze(&doc, &lex).sentences.into_iter().map(|s| s.source.map(|x| (x.key, x.kind))).collect()
    }

    #[test]
    fn the_source_is_found_after_source_words_and_around_reporting_verbs() {
        let got = sources_of(
            "Selon l'armée, trois soldats ont été blessés dans l'attaque.\n\n\
             Le bilan est lourd, a déclaré le général Jean Dupont.\n\n\
             Comme le confirme un article de la BBC, le convoi a quitté la ville.\n\n\
             Selon eux, les négociations ont duré plusieurs jours.\n\n\
             On estime à 300 le nombre de personnes évacuées hier soir.\n\n\
             La mairie a confirmé la fermeture des écoles lundi.\n\n\
             Le ciel était bleu au-dessus de la ville ce matin-là.",
        );
        let want = |k: &str, kind| Some((k.to_string(), kind));
        assert_eq!(got[0], want("armée", SourceKind::Institution));
        assert_eq!(got[1], want("Jean Dupont", SourceKind::Person)); // inverted after a comma
        assert_eq!(got[2], want("BBC", SourceKind::Media)); // « comme le confirme X »
        assert_eq!(got[3], want("BBC", SourceKind::Media)); // « eux »: the source before
        assert_eq!(got[4].as_ref().map(|x| x.1), Some(SourceKind::Vague)); // « on estime à »
        assert_eq!(got[5], want("mairie", SourceKind::Institution)); // subject before the verb
        assert_eq!(got[6], None); // not attributed
    }

    #[test]
    fn back_references_resolved_chunk_by_chunk_match_the_whole_text() {
        let lex = crate::lexicon::Lexicon::embedded().unwrap();
        let text = "La BBC a révélé un accord secret entre les forces en présence.\n\nSelon eux, le convoi comptait cinquante camions et treize bus.";
        let doc = crate::extract::extract("t", "t.txt", text.to_string());
        let whole = crate::pipeline::analyze(&doc, &lex).sentences;
        assert_eq!(whole[1].source.as_ref().map(|x| x.key.as_str()), Some("BBC"));
        // Chunk 2 alone does not know the BBC; carried over from chunk 1 it does.
        let mut second = whole[1..].to_vec();
        resolve_back_references(&mut second, &mut None, SourceRules::embedded());
        assert_eq!(second[0].source.as_ref().map(|x| x.kind), Some(SourceKind::Vague));
        let mut last = None;
        let mut first = whole[..1].to_vec();
        resolve_back_references(&mut first, &mut last, SourceRules::embedded());
        resolve_back_references(&mut second, &mut last, SourceRules::embedded());
        assert_eq!(second[0].source, whole[1].source);
    }

    #[test]
    fn claims_are_counted_per_folded_key_most_first() {
        let src = |key: &str, kind| Source { text: None, key: key.into(), kind, refers_back: false };
        let list = [src("BBC", SourceKind::Media), src("Imad", SourceKind::Person), src("bbc", SourceKind::Media), src("", SourceKind::Vague)];
        let c = count_sources(&list);
        assert_eq!(c[0], SourceCount { key: "BBC".into(), kind: SourceKind::Media, claims: 2 });
        assert_eq!(c.len(), 3);
        assert_eq!(named_and_vague(&c), (3, 1));
    }

    #[test]
    fn a_failing_example_is_an_error_naming_the_phrase() {
        let bad = crate::rules::builtin_text(FILE).replace("key    = \"Valery Gerasimov\"", "key    = \"Gerasimov\"");
        let e = SourceRules::from_toml(&bad).unwrap_err().to_string();
        assert!(e.contains("le général russe Valery Gerasimov"), "{e}");
        // Positioned at the example's line.
        assert!(e.starts_with("lexicons/rules/sources.toml:") && e.split(':').nth(1).is_some_and(|l| l.parse::<usize>().is_ok()), "{e}");
    }

    #[test]
    fn keys_drop_determiners_heads_and_titles_and_fold_aliases() {
        let r = SourceRules::embedded();
        assert_eq!(r.normalise("la BBC"), ("BBC".into(), SourceKind::Media));
        assert_eq!(r.normalise("des journalistes de la BBC"), ("BBC".into(), SourceKind::Media));
        assert_eq!(r.normalise("le colonel Ryan Dillon"), ("Ryan Dillon".into(), SourceKind::Person));
        assert_eq!(r.normalise("un excellent rapport de Quentin Somerville"), ("Quentin Somerville".into(), SourceKind::Person));
        assert_eq!(r.normalise("des sources russes").1, SourceKind::Vague);
        assert_eq!(r.normalise("la Turquie"), ("Turquie".into(), SourceKind::Institution));
        assert_eq!(r.normalise("Les déclarations de al-Kildani"), ("al-Kildani".into(), SourceKind::Person));
        assert_eq!(r.normalise("un ancien responsable de la défense").0, "ancien responsable de la défense");
        assert_eq!(r.normalise("Seymour M. Hersh").0, "Seymour M. Hersh");
        assert_eq!(r.normalise("M. Dupont"), ("Dupont".into(), SourceKind::Person));
        assert_eq!(r.normalise("un article de la BBC intitulé"), ("BBC".into(), SourceKind::Media));
        assert_eq!(show("BBC", SourceKind::Media, true), "BBC (média)");
        assert_eq!(show("", SourceKind::Vague, true), "source vague");
        assert_eq!(credited("BBC", SourceKind::Media, true), "source : BBC (média)");
        assert_eq!(credited("BBC", SourceKind::Media, false), "source: BBC (media)");
        assert_eq!(credited("on", SourceKind::Vague, true), "source vague (« on »)");
        assert_eq!(credited("on", SourceKind::Vague, false), "vague source (« on »)");
        assert!(r.refers_back("eux") && r.refers_back("Le secrétaire") && !r.refers_back("le secrétaire Mattis"));
    }
}
