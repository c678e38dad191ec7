//! French verb morphology from a real lexicon: the generated table
//! `lexicons/markers/fr/generated/formes-verbales.tsv` (see its header for provenance and licence, and
//! `scripts/gen-verb-forms.py` to regenerate it).
//!
//! File format: `#` comment lines, then one line per (form, lemma):
//! `form<TAB>lemma<TAB>tags`, tags comma-separated from `cond` (conditional), `ind`
//! (indicative), `subj` (subjunctive), `imp` (imperative), `inf`, `ppr` (present participle),
//! `ppas` (past participle), and `nonverb` when the same spelling is also a word of another
//! part of speech in the source dictionary (a noun, adjective…). Forms are lowercase NFC.

use std::borrow::Cow;
use std::collections::HashMap;

use super::morph_table::{self, Sections};

/// Grammatical tags of a verb form, as bit flags (bit order: `morph_table::TAG_NAMES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tags(u16);

impl Tags {
    pub const COND: Tags = Tags(1);
    pub const IND: Tags = Tags(1 << 1);
    pub const SUBJ: Tags = Tags(1 << 2);
    pub const IMP: Tags = Tags(1 << 3);
    pub const INF: Tags = Tags(1 << 4);
    pub const PPR: Tags = Tags(1 << 5);
    pub const PPAS: Tags = Tags(1 << 6);
    pub const NONVERB: Tags = Tags(1 << 7);
    /// Finite forms: conditional, indicative, subjunctive, imperative.
    pub const FINITE: Tags = Tags(1 | 1 << 1 | 1 << 2 | 1 << 3);

    pub fn contains(self, other: Tags) -> bool {
        self.0 & other.0 == other.0
    }
    pub fn intersects(self, other: Tags) -> bool {
        self.0 & other.0 != 0
    }
    pub fn union(self, other: Tags) -> Tags {
        Tags(self.0 | other.0)
    }
}

/// One reading of a form: which verb, with which tags.
#[derive(Debug, Clone, Copy)]
pub struct FormInfo {
    pub lemma: u32,
    pub tags: Tags,
}

/// The verb-form table, in the compiled form of [`morph_table`]: looked up in place.
#[derive(Debug)]
pub struct Morphology {
    bytes: Cow<'static, [u8]>,
    s: Sections,
    /// The quick filter of conditional forms (their last bytes), copied out of the table.
    cond_suffixes: Vec<u32>,
}

/// The table compiled by `build.rs` from `lexicons/markers/fr/generated/formes-verbales.tsv`.
static EMBEDDED_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/formes-verbales.bin"));
static EMBEDDED: std::sync::OnceLock<Morphology> = std::sync::OnceLock::new();

/// The readings of one form.
#[derive(Debug, Clone)]
pub struct FormInfos<'a> {
    m: &'a Morphology,
    range: std::ops::Range<usize>,
}

impl<'a> FormInfos<'a> {
    pub fn iter(&self) -> impl Iterator<Item = FormInfo> + 'a {
        let m = self.m;
        self.range.clone().map(move |r| m.reading(r))
    }
    pub fn is_empty(&self) -> bool {
        self.range.is_empty()
    }
}

impl Morphology {
    /// The table compiled into the binary (built at compile time: no parsing at start-up).
    pub fn embedded() -> &'static Morphology {
        EMBEDDED.get_or_init(|| Morphology::new(Cow::Borrowed(EMBEDDED_TABLE)).expect("build.rs writes a valid table"))
    }

    /// Parses a table given as TSV text; errors give the line number.
    pub fn parse(text: &str) -> Result<Morphology, String> {
        Morphology::new(Cow::Owned(morph_table::compile(text)?)).ok_or_else(|| "internal error: bad compiled table".into())
    }

    fn new(bytes: Cow<'static, [u8]>) -> Option<Morphology> {
        let s = Sections::read(&bytes)?;
        let mut m = Morphology { bytes, s, cond_suffixes: Vec::new() };
        m.cond_suffixes = (0..s.cond_suffixes).map(|i| m.word(s.cond_suf + i) as u32).collect();
        Some(m)
    }

    #[inline]
    fn word(&self, i: usize) -> usize {
        let b = &self.bytes[i * 4..i * 4 + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
    }

    #[inline]
    fn str_at(&self, offsets: usize, i: usize) -> &[u8] {
        let (a, b) = (self.word(offsets + i), self.word(offsets + i + 1));
        &self.bytes[self.s.strings + a..self.s.strings + b]
    }

    #[inline]
    fn reading(&self, r: usize) -> FormInfo {
        let w = self.word(self.s.reading + r);
        FormInfo { lemma: (w >> 8) as u32, tags: Tags((w & 0xff) as u16) }
    }

    fn form_id(&self, form: &str) -> Option<usize> {
        let key = form.as_bytes();
        let h = morph_table::hash(key);
        let (a, b) = morph_table::bloom_bits(h, self.s.bloom_words * 32);
        if self.word(self.s.bloom + a / 32) & (1 << (a % 32)) == 0 || self.word(self.s.bloom + b / 32) & (1 << (b % 32)) == 0 {
            return None; // not a form (the filter has no false negatives)
        }
        let mask = self.s.slots - 1;
        let mut slot = h as usize & mask;
        loop {
            let id = self.word(self.s.slot + slot);
            if id == 0 {
                return None;
            }
            if self.str_at(self.s.form_str, id - 1) == key {
                return Some(id - 1);
            }
            slot = (slot + 1) & mask;
        }
    }

    fn lemma_id(&self, lemma: &str) -> Option<u32> {
        let (mut lo, mut hi) = (0, self.s.lemmas);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.str_at(self.s.lemma_str, mid).cmp(lemma.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid as u32),
            }
        }
        None
    }

    fn form_name(&self, id: usize) -> &str {
        std::str::from_utf8(self.str_at(self.s.form_str, id)).unwrap_or("")
    }

    /// Every reading of a lowercase form (empty if the form is not a verb form).
    pub fn lookup(&self, form: &str) -> FormInfos<'_> {
        let range = match self.form_id(form) {
            Some(id) => self.word(self.s.form_read + id)..self.word(self.s.form_read + id + 1),
            None => 0..0,
        };
        FormInfos { m: self, range }
    }

    /// Could this word, in any case, be a conditional? A quick test on the word as written,
    /// before lower-casing it: false when its last three letters, lower-cased, end no
    /// conditional form (true when it cannot tell, e.g. a non-ASCII ending).
    #[inline]
    pub fn may_be_conditional(&self, word: &str) -> bool {
        let b = word.as_bytes();
        match b.len().checked_sub(morph_table::SUFFIX) {
            Some(n) if b[n..].is_ascii() => {
                // On the stack: this runs for most words of the text.
                let mut end = [0u8; morph_table::SUFFIX];
                end.copy_from_slice(&b[n..]);
                end.make_ascii_lowercase();
                self.ends_like_conditional(&end)
            }
            Some(_) => true,
            None => self.s.cond_min_len <= b.len(),
        }
    }

    /// Is this lowercase form a conditional of some verb?
    pub fn is_conditional(&self, form: &str) -> bool {
        // Most words cannot be conditionals: their ending says so without a table look-up.
        if form.len() < self.s.cond_min_len {
            return false;
        }
        self.ends_like_conditional(form.as_bytes()) && self.lookup(form).iter().any(|f| f.tags.contains(Tags::COND))
    }

    /// Do the last bytes of this lower-case word end some conditional form?
    #[inline]
    fn ends_like_conditional(&self, lower: &[u8]) -> bool {
        morph_table::suffix_key(lower).is_some_and(|k| self.cond_suffixes.contains(&k))
    }

    /// The lemma of a conditional form, if it is one.
    pub fn conditional_lemma(&self, form: &str) -> Option<&str> {
        self.lookup(form).iter().find(|f| f.tags.contains(Tags::COND)).map(|f| self.lemma_name(f.lemma))
    }

    /// Is this lowercase form a finite verb form that is not also another kind of word?
    pub fn is_unambiguous_finite(&self, form: &str) -> bool {
        let infos = self.lookup(form);
        infos.iter().any(|f| f.tags.intersects(Tags::FINITE)) && !infos.iter().any(|f| f.tags.contains(Tags::NONVERB))
    }

    /// The infinitive behind a lemma id.
    pub fn lemma_name(&self, id: u32) -> &str {
        std::str::from_utf8(self.str_at(self.s.lemma_str, id as usize)).unwrap_or("")
    }

    /// Does the table know this infinitive?
    pub fn has_lemma(&self, lemma: &str) -> bool {
        self.lemma_id(lemma).is_some()
    }

    /// All forms of `lemma` having any of the tags in `any_of`, sorted.
    pub fn forms_of(&self, lemma: &str, any_of: Tags) -> Vec<&str> {
        self.forms_of_many(&[(lemma, any_of)]).pop().unwrap_or_default()
    }

    /// The forms of several lemmas at once, each with its own tag filter (the table indexes
    /// readings by lemma, so this reads only those lemmas' forms). Returns one sorted list per
    /// request, in request order; an unknown lemma gives an empty list.
    pub fn forms_of_many(&self, requests: &[(&str, Tags)]) -> Vec<Vec<&str>> {
        let mut cache: HashMap<(u32, u16), usize> = HashMap::new();
        let mut out: Vec<Vec<&str>> = Vec::with_capacity(requests.len());
        for (lemma, tags) in requests {
            let Some(id) = self.lemma_id(lemma) else {
                out.push(Vec::new());
                continue;
            };
            if let Some(&i) = cache.get(&(id, tags.0)) {
                out.push(out[i].clone());
                continue;
            }
            let (a, b) = (self.word(self.s.lemma_read + id as usize), self.word(self.s.lemma_read + id as usize + 1));
            let mut forms: Vec<&str> = Vec::new();
            for k in a..b {
                let r = self.word(self.s.by_lemma + k);
                if self.reading(r).tags.intersects(*tags) {
                    let f = self.form_name(self.word(self.s.read_form + r));
                    if forms.last() != Some(&f) {
                        forms.push(f);
                    }
                }
            }
            forms.sort_unstable();
            forms.dedup();
            cache.insert((id, tags.0), out.len());
            out.push(forms);
        }
        out
    }

    /// Number of distinct forms.
    pub fn len(&self) -> usize {
        self.s.forms
    }

    pub fn is_empty(&self) -> bool {
        self.s.forms == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_and_lemmas() {
        let m = Morphology::parse("# c\naurait\tavoir\tcond\ntirait\ttirer\tind\nporte\tporter\tind,subj,imp,nonverb\n").unwrap();
        assert!(m.is_conditional("aurait"));
        assert!(!m.is_conditional("tirait"));
        assert_eq!(m.conditional_lemma("aurait"), Some("avoir"));
        assert!(m.is_unambiguous_finite("tirait"));
        assert!(!m.is_unambiguous_finite("porte"));
        assert_eq!(m.forms_of("tirer", Tags::FINITE), vec!["tirait"]);
    }

    #[test]
    fn rejects_unknown_tags_with_line_number() {
        let e = Morphology::parse("a\tb\tcond\nx\ty\tzzz\n").unwrap_err();
        assert!(e.starts_with("line 2"), "{e}");
    }

    #[test]
    fn embedded_table_knows_conditionals_and_rejects_look_alikes() {
        let m = Morphology::embedded();
        for f in ["aurait", "tireraient", "confirmeraient", "adviendrait", "serait", "faudrait", "voudrais"] {
            assert!(m.is_conditional(f), "{f} should be conditional");
        }
        for f in ["tirait", "espéraient", "couvrait", "portrait", "retrait", "frais", "vrais", "engrais", "déclarait"] {
            assert!(!m.is_conditional(f), "{f} should not be conditional");
        }
    }
}
