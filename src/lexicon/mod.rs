//! Lexicons: the marker families (TOML data in `lexicons/markers/fr/`, embedded at build time, plus
//! any `--lexicon` files), validated and compiled into a [`Lexicon`] the matcher runs.
//!
//! The format is documented for teachers in `lexicons/README.md`.

mod morph_table;
pub mod morphology;

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::rules::{RuleSource, Rules};
use crate::token::{self, Token};
use morphology::{Morphology, Tags};

include!(concat!(env!("OUT_DIR"), "/embedded_lexicons.rs"));

/// The three kinds of marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// The information is credited to a source (selon, a déclaré…).
    Attribution,
    /// The writer does not vouch for it (conditionnel, semble, probablement…).
    Hedge,
    /// The writer insists it is true (évidemment, la vérité c'est que…).
    Booster,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Attribution => "attribution",
            Category::Hedge => "hedge",
            Category::Booster => "booster",
        }
    }
    fn parse(s: &str) -> Option<Category> {
        match s {
            "attribution" => Some(Category::Attribution),
            "hedge" => Some(Category::Hedge),
            "booster" => Some(Category::Booster),
            _ => None,
        }
    }
}

/// A family of markers (one TOML file).
#[derive(Debug, Clone)]
pub struct Family {
    pub id: String,
    pub category: Category,
    pub label: String,
    pub explain: String,
    pub weight: i32,
    pub file: String,
}

/// How an entry finds its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Literal word sequences.
    Patterns(Vec<String>),
    /// Verb infinitives, expanded to their forms through the verb-form table; with
    /// `followed_by`, a form counts only when one of those words comes right after it
    /// (« note que », not « la note »).
    Lemmas { lemmas: Vec<String>, include_infinitive: bool, followed_by: Vec<String> },
    /// Single words.
    Forms(Vec<String>),
    /// Every verb form carrying a morphological tag (only `cond`).
    Conditional,
}

/// Where an entry was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One marker of a lexicon.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Stable id, `family.key` (e.g. `attribution.source.selon`).
    pub id: String,
    pub key: String,
    /// Index into [`Lexicon::families`].
    pub family: usize,
    pub category: Category,
    pub grade: Option<String>,
    pub weight: i32,
    pub explain: String,
    pub rule: Rule,
    pub exceptions: Vec<String>,
    /// For a `lemmas` entry of attribution: does a past participle count without an
    /// auxiliary (« les propos rapportés »)? By default it does not (see the matcher).
    pub bare_participle: bool,
    /// Nouns that, right after the marker (past a preposition and determiners), give it
    /// another sense (« selon la méthode », « répondre aux exigences »). Lower case, singular;
    /// the plural in -s or -x matches too.
    pub not_before: Vec<String>,
    /// For a `lemmas` entry: how a reflexive clitic before the verb (« s'indigne », « s'est
    /// ajouté ») bears on its sense.
    pub reflexive: Reflexive,
    /// For a `lemmas` entry: is the verb followed by a direct object (a determiner right
    /// after it: « écrire un livre », « assurer la sécurité ») another sense? An inverted tag
    /// (« …, a écrit le ministère ») still counts.
    pub object_other_sense: bool,
    /// Words that, right after the marker, give it another sense (« penser *à* ses enfants »
    /// is to think of them, not an opinion). Lower case.
    pub not_followed_by: Vec<String>,
    /// For a `lemmas` entry: words one of which must come later in the verb's clause (within
    /// [`crate::matcher::NEEDS_AFTER_WINDOW`] words, before another finite verb or a `;`, `:`, `?`, `!`) for it to
    /// count: « présenter X *comme* Y », « qualifier X *de* Y » report a judgement; « présenter
    /// un projet », « se qualifier pour la finale » do not. Lower case.
    pub needs_after: Vec<String>,
    /// For a `patterns` entry: does it count only at the head of its sentence, followed by
    /// the holder of an opinion and a comma (« *Pour* Macron, la laïcité, c'est la liberté »,
    /// « *Pour* lui, … »)? See [`crate::matcher`].
    pub opinion_holder: bool,
    pub examples: Vec<String>,
    pub counterexamples: Vec<String>,
    pub location: Location,
}

/// A lexicon problem, positioned: `file:line: marker "key": message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub file: String,
    pub line: Option<usize>,
    pub marker: Option<String>,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        write!(f, ": ")?;
        if let Some(m) = &self.marker {
            write!(f, "marker \"{m}\": ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for LexiconError {}

// ---- the TOML model -------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileModel {
    family: FamilyModel,
    #[serde(default)]
    marker: Vec<toml::Spanned<MarkerModel>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FamilyModel {
    id: String,
    label: String,
    explain: String,
    #[serde(default)]
    weight: i32,
}

/// How a reflexive clitic (se, s') before a verb bears on its sense (`reflexive` in a marker).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reflexive {
    /// The clitic changes nothing the matcher checks (the default).
    #[default]
    Either,
    /// The verb reports speech only as a pronominal verb (« s'indigner », « s'insurger »): « c'est
    /// indigne », « cela agace » report nothing.
    Only,
    /// As a pronominal verb it has another sense (« s'ajouter » = to be added, « se rappeler » =
    /// to remember, « s'annoncer » = to look like).
    Never,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkerModel {
    key: String,
    patterns: Option<Vec<String>>,
    lemmas: Option<Vec<String>>,
    forms: Option<Vec<String>>,
    morphology: Option<String>,
    #[serde(default)]
    include_infinitive: bool,
    #[serde(default)]
    followed_by: Vec<String>,
    #[serde(default)]
    bare_participle: bool,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    reflexive: Reflexive,
    #[serde(default)]
    object_other_sense: bool,
    #[serde(default)]
    not_followed_by: Vec<String>,
    #[serde(default)]
    needs_after: Vec<String>,
    #[serde(default)]
    opinion_holder: bool,
    grade: Option<String>,
    weight: Option<i32>,
    #[serde(default)]
    explain: String,
    #[serde(default)]
    exceptions: Vec<String>,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    counterexamples: Vec<String>,
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].bytes().filter(|&b| b == b'\n').count() + 1
}

/// [`line_of`] for positions met in increasing order (the markers of a file): counts only the
/// line breaks since the previous position (counting from the start of the file for each
/// marker was a quarter of loading the lexicon, the largest family having 152 markers).
struct Lines<'a> {
    text: &'a str,
    at: usize,
    line: usize,
}

impl Lines<'_> {
    fn line_of(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.at {
            (self.at, self.line) = (0, 1);
        }
        self.line += self.text.as_bytes()[self.at..byte].iter().filter(|&&b| b == b'\n').count();
        self.at = byte;
        self.line
    }
}

/// Parses one family file into a family and its entries (not yet compiled).
fn parse_file(file: &str, text: &str, morph: &Morphology) -> Result<(Family, Vec<Entry>), LexiconError> {
    let err = |line: Option<usize>, marker: Option<&str>, message: String| LexiconError {
        file: file.to_string(),
        line,
        marker: marker.map(str::to_string),
        message,
    };
    let model: FileModel = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        err(line, None, e.message().trim().to_string())
    })?;
    let fam = model.family;
    let family_line = text.find("[family]").map(|b| line_of(text, b));
    let (cat, name) = fam.id.split_once('.').unwrap_or((fam.id.as_str(), ""));
    let category = Category::parse(cat).ok_or_else(|| {
        err(family_line, None, format!("family id {:?}: unknown category {cat:?} (expected attribution, hedge or booster)", fam.id))
    })?;
    if !name.is_empty() && !valid_key(name.split('.').next().unwrap_or("")) {
        return Err(err(family_line, None, format!("family id {:?}: use lower-case ASCII letters, digits and '-'", fam.id)));
    }
    if fam.label.trim().is_empty() || fam.explain.trim().is_empty() {
        return Err(err(family_line, None, "family needs a label and an explain text".into()));
    }
    let family = Family { id: fam.id.clone(), category, label: fam.label, explain: fam.explain, weight: fam.weight, file: file.to_string() };
    let mut entries: Vec<Entry> = Vec::new();
    let mut lines = Lines { text, at: 0, line: 1 };
    for spanned in model.marker {
        let line = lines.line_of(spanned.span().start);
        let m = spanned.into_inner();
        let e = |msg: String| err(Some(line), Some(&m.key), msg);
        if !valid_key(&m.key) {
            return Err(e("key must be lower-case ASCII letters, digits and '-'".into()));
        }
        if entries.iter().any(|x| x.key == m.key) {
            return Err(e(format!("duplicate key (already defined in family {})", family.id)));
        }
        let literal = (m.patterns.iter().flatten().map(|p| ("patterns", p)))
            .chain(m.forms.iter().flatten().map(|p| ("forms", p)))
            .chain(m.exceptions.iter().map(|p| ("exceptions", p)));
        for (field, p) in literal {
            if let Some(c) = p.chars().find(|c| REGEX_SYNTAX.contains(c)) {
                return Err(e(format!(
                    "{field}: {p:?} is not literal words: {c:?} is regular-expression syntax (write each wording in full, e.g. [\"aurait\", \"auraient\"])"
                )));
            }
        }
        if m.not_before.iter().any(|w| token::tokenize(w, 0).len() != 1) {
            return Err(e("every not_before entry is one word (a noun)".into()));
        }
        if m.not_followed_by.iter().any(|w| token::tokenize(w, 0).len() != 1) {
            return Err(e("every not_followed_by entry is one word (« à », « aux »)".into()));
        }
        if m.needs_after.iter().any(|w| token::tokenize(w, 0).len() != 1) {
            return Err(e("every needs_after entry is one word (« comme », « de »)".into()));
        }
        if (m.object_other_sense || !m.not_followed_by.is_empty() || !m.needs_after.is_empty()) && m.lemmas.is_none() {
            return Err(e("object_other_sense, not_followed_by and needs_after apply to a lemmas entry (a verb)".into()));
        }
        if m.opinion_holder && m.patterns.is_none() {
            return Err(e("opinion_holder applies to a patterns entry (« pour »)".into()));
        }
        let rule = match (&m.patterns, &m.lemmas, &m.forms, &m.morphology) {
            (Some(p), None, None, None) => {
                if p.is_empty() || p.iter().any(|s| token::tokenize(s, 0).is_empty()) {
                    return Err(e("every pattern needs at least one word".into()));
                }
                Rule::Patterns(p.iter().map(|s| s.trim().to_string()).collect())
            }
            (None, Some(l), None, None) => {
                if l.is_empty() {
                    return Err(e("lemmas is empty".into()));
                }
                for lemma in l {
                    if !morph.has_lemma(lemma) {
                        return Err(e(format!(
                            "lemma {lemma:?} is not in the verb-form table (give its infinitive, or list its forms with `forms`)"
                        )));
                    }
                }
                if m.followed_by.iter().any(|w| token::tokenize(w, 0).is_empty()) {
                    return Err(e("every followed_by entry needs at least one word".into()));
                }
                Rule::Lemmas { lemmas: l.clone(), include_infinitive: m.include_infinitive, followed_by: m.followed_by.clone() }
            }
            (None, None, Some(f), None) => {
                if f.is_empty() || f.iter().any(|s| token::tokenize(s, 0).len() != 1) {
                    return Err(e("forms must be single words".into()));
                }
                Rule::Forms(f.iter().map(|s| s.trim().to_string()).collect())
            }
            (None, None, None, Some(tag)) => {
                if tag != "cond" {
                    return Err(e(format!("morphology = {tag:?}: only \"cond\" (the conditional mood) is supported")));
                }
                // Every conditional of every verb is one marker with one reading per use; a
                // second family claiming them all would silently take them over (and change
                // their weight). Only the built-in one's own entry may be replaced.
                if family.id != CONDITIONAL_FAMILY || m.key != CONDITIONAL_KEY {
                    return Err(e(format!(
                        "morphology = \"cond\" is reserved to the entry {CONDITIONAL_FAMILY}.{CONDITIONAL_KEY}, which already counts every conditional; \
                         to change it, write [family] id = \"{CONDITIONAL_FAMILY}\" and key = \"{CONDITIONAL_KEY}\" (it then replaces the built-in entry)"
                    )));
                }
                Rule::Conditional
            }
            _ => return Err(e("give exactly one of patterns, lemmas, forms or morphology".into())),
        };
        if m.explain.trim().is_empty() {
            return Err(e("explain is missing: say in one sentence, for students, why this marker counts".into()));
        }
        if m.examples.is_empty() {
            return Err(e("needs at least one example (a sentence where it must be found)".into()));
        }
        if m.counterexamples.is_empty() {
            return Err(e("needs at least one counterexample (a look-alike where it must not be found)".into()));
        }
        for x in &m.exceptions {
            if token::tokenize(x, 0).is_empty() {
                return Err(e(format!("exception {x:?} has no word")));
            }
        }
        entries.push(Entry {
            id: format!("{}.{}", family.id, m.key),
            key: m.key,
            family: 0,
            category,
            grade: m.grade,
            weight: m.weight.unwrap_or(family.weight),
            explain: m.explain.trim().to_string(),
            rule,
            exceptions: m.exceptions,
            bare_participle: m.bare_participle,
            not_before: m.not_before.iter().map(|w| w.to_lowercase()).collect(),
            reflexive: m.reflexive,
            object_other_sense: m.object_other_sense,
            not_followed_by: m.not_followed_by.iter().map(|w| w.to_lowercase()).collect(),
            needs_after: m.needs_after.iter().map(|w| w.to_lowercase()).collect(),
            opinion_holder: m.opinion_holder,
            examples: m.examples,
            counterexamples: m.counterexamples,
            location: Location { file: file.to_string(), line },
        });
    }
    if entries.is_empty() {
        return Err(err(family_line, None, "family has no [[marker]] entry".into()));
    }
    Ok((family, entries))
}

/// The one entry that stands for every conditional-mood form (`morphology = "cond"`).
pub const CONDITIONAL_FAMILY: &str = "hedge.conditional";
pub const CONDITIONAL_KEY: &str = "conditionnel";

/// Characters of regular-expression syntax. Patterns are literal words: such a character would
/// silently never match (it is compared as text), so it is refused with a message instead.
const REGEX_SYNTAX: &[char] = &['\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '^', '$'];

fn valid_key(k: &str) -> bool {
    !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

// ---- the compiled lexicon -------------------------------------------------------------------

/// A word sequence to find: lower-case words and the normalised gaps between them.
#[derive(Debug, Clone)]
pub struct Sequence {
    pub words: Vec<String>,
    pub gaps: Vec<String>,
}

impl Sequence {
    fn parse(s: &str) -> Sequence {
        let toks = token::tokenize(s, 0);
        let mut words = Vec::with_capacity(toks.len());
        let mut gaps = Vec::new();
        let mut buf = String::new();
        for (i, t) in toks.iter().enumerate() {
            if i > 0 {
                token::normalise_gap(&s[toks[i - 1].span.end..t.span.start], &mut buf);
                gaps.push(buf.clone());
            }
            let mut w = String::new();
            token::lower_into(&s[t.span.clone()], &mut w);
            words.push(w);
        }
        Sequence { words, gaps }
    }

    /// Does the sequence match the text at token `at`? Returns the number of tokens matched.
    pub fn matches_at(&self, text: &str, tokens: &[Token], at: usize) -> Option<usize> {
        if at + self.words.len() > tokens.len() {
            return None;
        }
        for (k, w) in self.words.iter().enumerate() {
            let t = &tokens[at + k];
            if !token::word_matches(&text[t.span.clone()], w) {
                return None;
            }
            if k > 0 && !token::gap_matches(&text[tokens[at + k - 1].span.end..t.span.start], &self.gaps[k - 1]) {
                return None;
            }
        }
        Some(self.words.len())
    }
}

/// The numbered fold keys of the sequences' words, while compiling.
#[derive(Default)]
struct WordKeys {
    ids: HashMap<String, u32, token::WordHash>,
    by_first_word: Vec<Vec<Candidate>>,
    buf: String,
}

impl WordKeys {
    /// The number of the fold key of the lexicon word `w`, given a new one if it has none.
    fn id(&mut self, w: &str) -> u32 {
        token::fold_key(w, &mut self.buf);
        if let Some(&id) = self.ids.get(self.buf.as_str()) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(self.buf.clone(), id);
        id
    }
}

/// An exception of an entry: a sequence that, where it overlaps a hit, cancels it.
#[derive(Debug, Clone)]
pub struct Exception {
    /// The fold keys of its words, as their numbers in [`Lexicon::word_keys`] (a text word
    /// that matches one of them has its key: see [`Candidate::rest`]).
    pub keys: Box<[u32]>,
    pub seq: Sequence,
}

/// A sequence belonging to an entry.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub entry: u32,
    pub seq: Sequence,
    /// The fold keys of the sequence's words after the first, as their numbers in
    /// [`Lexicon::word_keys`]: the matcher skips the candidate when a following word of the
    /// text has another key (a word that matches has the same key), without checking it
    /// character by character. `il` and `de` start 40 sequences each, and « de la » starts
    /// several.
    pub rest: Box<[u32]>,
    /// A verb form of a `followed_by` entry without the words after it: it counts only as an
    /// inverted tag after a comma or a quotation (« …, notait l'ancien directeur », « …, montre
    /// un rapport de la BBC », « …, a soutenu le colonel »): a finite form, or a past participle
    /// after an auxiliary, before its subject.
    pub inverted_only: bool,
}

/// The compiled lexicon: families, entries, and the index the matcher uses.
#[derive(Debug)]
pub struct Lexicon {
    pub families: Vec<Family>,
    pub entries: Vec<Entry>,
    /// The fold keys (lower case, no accents) of the words of every sequence, numbered: a text
    /// word is looked up once, and its key's number then answers both "which sequences start
    /// here" ([`Lexicon::by_first_word`]) and "can this be the next word of a candidate"
    /// ([`Candidate::rest`]).
    pub word_keys: HashMap<String, u32, token::WordHash>,
    /// Candidates indexed by the number (in [`Lexicon::word_keys`]) of the fold key of their
    /// first word; empty (or past the end) for a key that never starts a sequence. Each list
    /// holds its one-word sequences first, then the others sorted by the key of their second
    /// word, so the matcher finds those that can go on with the next word of the text by a
    /// binary search (« de » starts 33 sequences; the order of the candidates does not change
    /// the hits, which are sorted by place and entry).
    pub by_first_word: Vec<Vec<Candidate>>,
    /// Exceptions of each entry.
    pub exceptions: Vec<Vec<Exception>>,
    /// The entry that stands for every conditional-mood form, if any.
    pub conditional: Option<u32>,
    pub morphology: &'static Morphology,
    /// The engine rules of the run (`lexicons/rules/*.toml`): the
    /// built-in ones, or with files replaced (`--lexicon` copies of `parts.toml` and
    /// `languages.toml`; see [`crate::rules`] and [`Lexicon::set_rules`] for `--rules`). Every
    /// stage of the pipeline reads its rules here.
    pub rules: Arc<Rules>,
    /// Engine rule files found among the `--lexicon` paths that this version cannot take from
    /// there (say so to the user rather than ignore them silently).
    pub ignored_rule_files: Vec<String>,
    /// Names this lexicon with its rules, for the matcher's per-thread memo of word facts
    /// (`crate::words`): a new number for every compiled lexicon and every change of rules.
    pub generation: u64,
}

/// A new [`Lexicon::generation`].
fn next_generation() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Engine rule files that `--lexicon` replaces: a file of this name among the paths replaces
/// the built-in one for the run.
pub const REPLACEABLE_RULE_FILES: [&str; 2] = ["parts.toml", "languages.toml"];

/// Where a lexicon file comes from.
pub struct LexiconSource {
    pub name: String,
    pub text: String,
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn embedded() -> Result<Lexicon, LexiconError> {
        Lexicon::build(&[])
    }

    /// The embedded lexicon plus extra files (later files add entries or replace those with the
    /// same id; a family header with the same id replaces the embedded one).
    pub fn build(extra: &[LexiconSource]) -> Result<Lexicon, LexiconError> {
        let morph = Morphology::embedded();
        let mut families: Vec<Family> = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        let (replaced, ignored_rule_files): (Vec<RuleSource>, Vec<RuleSource>) = extra
            .iter()
            .filter(|s| crate::rules::is_rule_file(Path::new(&s.name)))
            .map(|s| RuleSource { name: s.name.clone(), text: s.text.clone() })
            .partition(|s| Path::new(&s.name).file_name().and_then(|n| n.to_str()).is_some_and(|n| REPLACEABLE_RULE_FILES.contains(&n)));
        let rules = if replaced.is_empty() {
            Arc::clone(Rules::builtin())
        } else {
            let rules =
                Rules::load(&replaced).map_err(|e| LexiconError { file: e.file.clone(), line: e.line, marker: None, message: e.message.clone() })?;
            Arc::new(rules)
        };
        let ignored_rule_files = ignored_rule_files.into_iter().map(|s| s.name).collect();
        let embedded = EMBEDDED_FILES.iter().map(|(n, t)| (n.to_string(), t.to_string()));
        let extra = extra.iter().filter(|s| !crate::rules::is_rule_file(Path::new(&s.name))).map(|s| (s.name.clone(), s.text.clone()));
        for (name, text) in embedded.chain(extra) {
            let (family, new_entries) = parse_file(&name, &text, morph)?;
            let fi = match families.iter().position(|f| f.id == family.id) {
                Some(i) => {
                    families[i] = family;
                    i
                }
                None => {
                    families.push(family);
                    families.len() - 1
                }
            };
            for mut e in new_entries {
                e.family = fi;
                match entries.iter().position(|x| x.id == e.id) {
                    Some(i) => entries[i] = e,
                    None => entries.push(e),
                }
            }
        }
        let mut lex = Lexicon::compile(families, entries, morph);
        (lex.rules, lex.ignored_rule_files) = (rules, ignored_rule_files);
        lex.generation = next_generation();
        Ok(lex)
    }

    /// Runs with these engine rules (`--rules`: see [`Rules::load`]).
    pub fn set_rules(&mut self, rules: Rules) {
        self.rules = Arc::new(rules);
        self.generation = next_generation();
    }

    /// The candidates whose first word has the fold key numbered `key` in
    /// [`Lexicon::word_keys`] (none for [`crate::words::NO_KEY`] or a key that starts none).
    #[inline]
    pub fn candidates(&self, key: u32) -> &[Candidate] {
        self.by_first_word.get(key as usize).map_or(&[], Vec::as_slice)
    }

    /// The number of a fold key in [`Lexicon::word_keys`], if a sequence has it.
    pub fn key_of(&self, fold_key: &str) -> Option<u32> {
        self.word_keys.get(fold_key).copied()
    }

    /// Reads `--lexicon` paths: a file, or a directory of `.toml` files, its subdirectories
    /// included (sorted). Marker families add or replace entries; engine rule files
    /// (`parts.toml`…, see [`crate::rules::BUILTIN`]) are kept by name for [`Lexicon::build`],
    /// which takes those of [`REPLACEABLE_RULE_FILES`] and lists the others as ignored.
    pub fn read_sources(paths: &[std::path::PathBuf]) -> Result<Vec<LexiconSource>, LexiconError> {
        let mut out = Vec::new();
        for p in paths {
            let name = p.display().to_string();
            if p.is_dir() {
                let mut files = Vec::new();
                toml_files(p, &mut files).map_err(|e| LexiconError { file: name.clone(), line: None, marker: None, message: e.to_string() })?;
                if files.is_empty() {
                    return Err(LexiconError { file: name, line: None, marker: None, message: "directory has no .toml lexicon file".into() });
                }
                for f in files {
                    out.push(read_one(&f)?);
                }
            } else {
                out.push(read_one(p)?);
            }
        }
        Ok(out)
    }

    fn compile(families: Vec<Family>, entries: Vec<Entry>, morph: &'static Morphology) -> Lexicon {
        let mut keys = WordKeys::default();
        let mut conditional = None;
        let add = |entry: u32, seq: Sequence, inverted_only: bool, keys: &mut WordKeys| {
            let rest = seq.words[1..].iter().map(|w| keys.id(w)).collect();
            let first = keys.id(&seq.words[0]) as usize;
            if keys.by_first_word.len() <= first {
                keys.by_first_word.resize_with(first + 1, Vec::new);
            }
            keys.by_first_word[first].push(Candidate { entry, seq, rest, inverted_only });
        };
        for (i, e) in entries.iter().enumerate() {
            let i = i as u32;
            match &e.rule {
                Rule::Patterns(ps) => {
                    for p in ps {
                        add(i, Sequence::parse(p), false, &mut keys);
                    }
                }
                Rule::Forms(fs) => {
                    for f in fs {
                        add(i, Sequence::parse(f), false, &mut keys);
                    }
                }
                Rule::Lemmas { .. } => {} // expanded below, in one pass over the verb table
                Rule::Conditional => conditional = Some(i),
            }
        }
        let requests: Vec<(u32, &str, Tags, &[String])> = entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| match &e.rule {
                Rule::Lemmas { lemmas, include_infinitive, followed_by } => {
                    let mut tags = Tags::FINITE.union(Tags::PPR).union(Tags::PPAS);
                    if *include_infinitive {
                        tags = tags.union(Tags::INF);
                    }
                    lemmas.iter().map(|l| (i as u32, l.as_str(), tags, followed_by.as_slice())).collect()
                }
                _ => Vec::new(),
            })
            .collect();
        let plain: Vec<(&str, Tags)> = requests.iter().map(|&(_, l, t, _)| (l, t)).collect();
        for ((entry, _, _, followed_by), forms) in requests.iter().zip(morph.forms_of_many(&plain)) {
            for f in forms {
                if followed_by.is_empty() {
                    add(*entry, Sequence { words: vec![f.to_string()], gaps: vec![] }, false, &mut keys);
                } else {
                    for w in followed_by.iter() {
                        add(*entry, Sequence::parse(&format!("{f} {w}")), false, &mut keys);
                    }
                    // Finite forms (« …, notait X ») and past participles after an
                    // auxiliary (« …, a soutenu X »: see the matcher's `inverted_tag`).
                    if morph.lookup(f).iter().any(|r| r.tags.intersects(Tags::FINITE.union(Tags::PPAS))) {
                        add(*entry, Sequence { words: vec![f.to_string()], gaps: vec![] }, true, &mut keys);
                    }
                }
            }
        }
        let exceptions = entries
            .iter()
            .map(|e| {
                e.exceptions
                    .iter()
                    .map(|x| {
                        let seq = Sequence::parse(x);
                        Exception { keys: seq.words.iter().map(|w| keys.id(w)).collect(), seq }
                    })
                    .collect()
            })
            .collect();
        let WordKeys { mut ids, mut by_first_word, .. } = keys;
        ids.shrink_to_fit();
        by_first_word.shrink_to_fit();
        // One-word sequences first, then by the key of the second word (see `by_first_word`).
        for list in &mut by_first_word {
            list.sort_by_key(|c| c.rest.first().map_or(0, |&k| u64::from(k) + 1));
        }
        Lexicon {
            families,
            entries,
            word_keys: ids,
            by_first_word,
            exceptions,
            conditional,
            morphology: morph,
            rules: Arc::clone(Rules::builtin()),
            ignored_rule_files: Vec::new(),
            generation: next_generation(),
        }
    }

    /// Finds an entry by id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The family of an entry.
    pub fn family_of(&self, e: &Entry) -> &Family {
        &self.families[e.family]
    }
}

/// The `.toml` files under `dir`, subdirectories included, sorted by path.
pub fn toml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    let mut here: Vec<std::path::PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    here.sort();
    for p in here {
        if p.is_dir() {
            toml_files(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "toml") {
            out.push(p);
        }
    }
    Ok(())
}

fn read_one(p: &Path) -> Result<LexiconSource, LexiconError> {
    let name = p.display().to_string();
    let bytes = std::fs::read(p).map_err(|e| LexiconError { file: name.clone(), line: None, marker: None, message: e.to_string() })?;
    let text = String::from_utf8(bytes).map_err(|_| LexiconError {
        file: name.clone(),
        line: None,
        marker: None,
        message: "not valid UTF-8 text".into(),
    })?;
    Ok(LexiconSource { name, text })
}

/// Parses a single file against the embedded morphology, for `hedge lexicon check`.
pub fn parse_family_file(name: &str, text: &str) -> Result<(Family, Vec<Entry>), LexiconError> {
    parse_file(name, text, Morphology::embedded())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_counted_forward_are_those_counted_from_the_start() {
        let text = "a\nbé\n\n[[marker]]\nkey = 1\n[[marker]]\n";
        let mut lines = Lines { text, at: 0, line: 1 };
        for byte in [0, 2, 3, 6, 7, 20, 26, 5, 1, text.len(), text.len() + 9] {
            assert_eq!(lines.line_of(byte), line_of(text, byte), "byte {byte}");
        }
    }
}
