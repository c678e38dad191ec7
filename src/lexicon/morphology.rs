//! French verb morphology from a real lexicon: the generated table
//! `lexicons/fr/generated/formes-verbales.tsv` (see its header for provenance and licence, and
//! `scripts/gen-verb-forms.py` to regenerate it).
//!
//! File format: `#` comment lines, then one line per (form, lemma):
//! `form<TAB>lemma<TAB>tags`, tags comma-separated from `cond` (conditional), `ind`
//! (indicative), `subj` (subjunctive), `imp` (imperative), `inf`, `ppr` (present participle),
//! `ppas` (past participle), and `nonverb` when the same spelling is also a word of another
//! part of speech in the source dictionary (a noun, adjective…). Forms are lowercase NFC.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Grammatical tags of a verb form, as bit flags.
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
    fn parse(s: &str) -> Option<Tags> {
        Some(match s {
            "cond" => Tags::COND,
            "ind" => Tags::IND,
            "subj" => Tags::SUBJ,
            "imp" => Tags::IMP,
            "inf" => Tags::INF,
            "ppr" => Tags::PPR,
            "ppas" => Tags::PPAS,
            "nonverb" => Tags::NONVERB,
            _ => return None,
        })
    }
}

/// One reading of a form: which verb, with which tags.
#[derive(Debug, Clone, Copy)]
pub struct FormInfo {
    pub lemma: u32,
    pub tags: Tags,
}

/// The verb-form table.
#[derive(Debug, Default)]
pub struct Morphology {
    forms: HashMap<Box<str>, Vec<FormInfo>>,
    lemmas: Vec<Box<str>>,
    lemma_ids: HashMap<Box<str>, u32>,
}

static EMBEDDED_TABLE: &str = include_str!("../../lexicons/fr/generated/formes-verbales.tsv");
static EMBEDDED: OnceLock<Morphology> = OnceLock::new();

impl Morphology {
    /// The table compiled into the binary, parsed once per process.
    pub fn embedded() -> &'static Morphology {
        EMBEDDED.get_or_init(|| {
            Morphology::parse(EMBEDDED_TABLE).expect("the embedded verb-form table is checked by tests")
        })
    }

    /// Parses a table; errors give the line number.
    pub fn parse(text: &str) -> Result<Morphology, String> {
        let mut m = Morphology::default();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(form), Some(lemma), Some(tags), None) = (cols.next(), cols.next(), cols.next(), cols.next()) else {
                return Err(format!("line {}: expected form<TAB>lemma<TAB>tags", i + 1));
            };
            let mut t = Tags::default();
            for tag in tags.split(',') {
                t = t.union(Tags::parse(tag).ok_or_else(|| format!("line {}: unknown tag {tag:?}", i + 1))?);
            }
            let lemma_id = match m.lemma_ids.get(lemma) {
                Some(&id) => id,
                None => {
                    let id = m.lemmas.len() as u32;
                    m.lemmas.push(lemma.into());
                    m.lemma_ids.insert(lemma.into(), id);
                    id
                }
            };
            m.forms.entry(form.into()).or_default().push(FormInfo { lemma: lemma_id, tags: t });
        }
        Ok(m)
    }

    /// Every reading of a lowercase form (empty if the form is not a verb form).
    pub fn lookup(&self, form: &str) -> &[FormInfo] {
        self.forms.get(form).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Is this lowercase form a conditional of some verb?
    pub fn is_conditional(&self, form: &str) -> bool {
        self.lookup(form).iter().any(|f| f.tags.contains(Tags::COND))
    }

    /// The lemma of a conditional form, if it is one.
    pub fn conditional_lemma(&self, form: &str) -> Option<&str> {
        self.lookup(form)
            .iter()
            .find(|f| f.tags.contains(Tags::COND))
            .map(|f| self.lemma_name(f.lemma))
    }

    /// Is this lowercase form a finite verb form that is not also another kind of word?
    pub fn is_unambiguous_finite(&self, form: &str) -> bool {
        let infos = self.lookup(form);
        infos.iter().any(|f| f.tags.intersects(Tags::FINITE)) && !infos.iter().any(|f| f.tags.contains(Tags::NONVERB))
    }

    /// The infinitive behind a lemma id.
    pub fn lemma_name(&self, id: u32) -> &str {
        &self.lemmas[id as usize]
    }

    /// Does the table know this infinitive?
    pub fn has_lemma(&self, lemma: &str) -> bool {
        self.lemma_ids.contains_key(lemma)
    }

    /// All forms of `lemma` having any of the tags in `any_of`, sorted.
    pub fn forms_of(&self, lemma: &str, any_of: Tags) -> Vec<&str> {
        self.forms_of_many(&[(lemma, any_of)]).pop().unwrap_or_default()
    }

    /// The forms of several lemmas at once, each with its own tag filter, in one pass over the
    /// table (one pass per lemma would cost a scan of every form for each reporting verb).
    /// Returns one sorted list per request, in request order; an unknown lemma gives an empty list.
    pub fn forms_of_many(&self, requests: &[(&str, Tags)]) -> Vec<Vec<&str>> {
        let mut wanted: HashMap<u32, Vec<(usize, Tags)>> = HashMap::new();
        for (i, (lemma, tags)) in requests.iter().enumerate() {
            if let Some(&id) = self.lemma_ids.get(*lemma) {
                wanted.entry(id).or_default().push((i, *tags));
            }
        }
        let mut out: Vec<Vec<&str>> = vec![Vec::new(); requests.len()];
        for (form, infos) in &self.forms {
            for f in infos {
                for &(i, tags) in wanted.get(&f.lemma).map(Vec::as_slice).unwrap_or(&[]) {
                    if f.tags.intersects(tags) && out[i].last() != Some(&&**form) {
                        out[i].push(form);
                    }
                }
            }
        }
        for v in &mut out {
            v.sort_unstable();
            v.dedup();
        }
        out
    }

    /// Number of distinct forms.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
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
