//! Segmentation rules: abbreviations, list markers, punctuation classes — loaded from the
//! data file `lexicons/rules/segmentation.toml` (commented in French for the teachers who edit it).

use crate::token::WordSet;

use crate::rules::RuleError;

const FILE: &str = "segmentation.toml";

/// The rules the splitter applies. Build with [`SegmentRules::embedded`] or
/// [`SegmentRules::from_toml`].
#[derive(Debug, Clone)]
pub struct SegmentRules {
    /// Abbreviations (with their final period) after which a sentence never ends.
    pub(crate) never_final: WordSet,
    /// Abbreviations after which a sentence ends only if an upper-case letter follows.
    pub(crate) maybe_final: WordSet,
    /// Longest abbreviation, in bytes: bounds the backward scan for the word before a period.
    pub(crate) max_abbrev_len: usize,
    /// Single capitals ("W.") and chains of them ("J.-M.", "J.R.R.") are initials.
    pub(crate) initials: bool,
    /// Capitalised words that start a sentence even with no punctuation before them.
    pub(crate) strong_starts: WordSet,
    /// Capitalised words that start a sentence after a semicolon.
    pub(crate) semicolon_starts: WordSet,
    /// Capitalised articles that start a sentence when a lower-case word follows.
    pub(crate) article_starts: WordSet,
    /// Capitalised words that start a sentence after a colon.
    pub(crate) colon_starts: WordSet,
    /// Lower-case words after which no sentence starts without punctuation.
    pub(crate) never_before_start: WordSet,
    /// A semicolon followed by white space ends a sentence.
    pub(crate) semicolon_final: bool,
    /// A single period followed by a lower-case word ends the sentence (see the TOML).
    pub(crate) lower_after_period: bool,
    /// Lower-case words that start a sentence after a period ("à" for "À").
    pub(crate) lower_starts: WordSet,
    /// Bullet characters that start a list line when followed by a space.
    pub(crate) bullets: Vec<char>,
    /// Longest number that starts a numbered list line.
    pub(crate) max_list_digits: usize,
    /// Sentence-final punctuation.
    pub(crate) terminals: Vec<char>,
    /// Closing marks that still belong to the sentence after its final punctuation.
    pub(crate) closers: Vec<char>,
    /// Non-alphanumeric characters that may start a sentence.
    pub(crate) openers: Vec<char>,
    /// A line whose last significant character is one of these is a body sentence, not a
    /// heading.
    pub(crate) line_final: Vec<char>,
}

/// A field whose value is unusable: the field, the value (to find its line) and why.
struct Invalid {
    field: String,
    value: Option<String>,
    message: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    abreviations: RawAbbrev,
    #[serde(default)]
    debuts: RawStarts,
    listes: RawLists,
    ponctuation: RawPunct,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAbbrev {
    jamais_finales: Vec<String>,
    #[serde(default)]
    parfois_finales: Vec<String>,
    #[serde(default = "yes")]
    initiales: bool,
}

fn yes() -> bool {
    true
}

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawStarts {
    #[serde(default)]
    forts: Vec<String>,
    #[serde(default)]
    apres_point_virgule: Vec<String>,
    #[serde(default)]
    articles: Vec<String>,
    #[serde(default)]
    apres_deux_points: Vec<String>,
    #[serde(default)]
    jamais_apres: Vec<String>,
    #[serde(default)]
    minuscules: Vec<String>,
    #[serde(default)]
    minuscule_apres_point: bool,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLists {
    #[serde(default)]
    puces: Vec<String>,
    #[serde(default = "three")]
    chiffres_max: usize,
}

fn three() -> usize {
    3
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPunct {
    finales: Vec<String>,
    #[serde(default)]
    fermantes: Vec<String>,
    #[serde(default)]
    ouvrantes: Vec<String>,
    #[serde(default)]
    fin_de_ligne_phrase: Vec<String>,
    #[serde(default)]
    point_virgule_finale: bool,
}

fn chars(field: &str, items: &[String]) -> Result<Vec<char>, Invalid> {
    items
        .iter()
        .map(|s| {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) if !c.is_whitespace() => Ok(c),
                _ => Err(Invalid {
                    field: field.to_string(),
                    value: Some(s.clone()),
                    message: format!("« {s} » doit être un seul caractère visible (one visible character)"),
                }),
            }
        })
        .collect()
}

fn words(field: &str, items: &[String]) -> Result<WordSet, Invalid> {
    let mut out = WordSet::default();
    for w in items {
        let body = w.strip_suffix('\'').unwrap_or(w);
        if body.is_empty() || !body.chars().all(char::is_alphabetic) {
            return Err(Invalid {
                field: field.to_string(),
                value: Some(w.clone()),
                message: format!(
                    "« {w} » : un mot s'écrit en lettres, éventuellement suivies d'une apostrophe \
                     (a word is letters, optionally followed by an apostrophe)"
                ),
            });
        }
        if w.ends_with('\'') {
            out.insert(format!("{body}’"));
        }
        out.insert(w.clone());
    }
    Ok(out)
}

fn abbrevs(field: &str, items: &[String]) -> Result<WordSet, Invalid> {
    let mut out = WordSet::default();
    for a in items {
        if !a.ends_with('.') || a.chars().any(char::is_whitespace) || a.len() < 2 {
            return Err(Invalid {
                field: field.to_string(),
                value: Some(a.clone()),
                message: format!(
                    "« {a} » : une abréviation s'écrit sans espace et se termine par un point \
                     (an abbreviation has no space and ends with a period)"
                ),
            });
        }
        out.insert(a.clone());
        // "cf." is also recognised as "Cf." at the start of a sentence.
        if a.chars().all(|c| !c.is_uppercase()) {
            let mut it = a.chars();
            if let Some(first) = it.next() {
                let cap: String = first.to_uppercase().chain(it).collect();
                out.insert(cap);
            }
        }
    }
    Ok(out)
}

impl SegmentRules {
    /// The rules of `lexicons/rules/segmentation.toml`, embedded at compile time, parsed once.
    pub fn embedded() -> &'static SegmentRules {
        &crate::rules::Rules::builtin().segmentation
    }

    /// Parses rules from the text of a TOML file in the format of `lexicons/rules/segmentation.toml`.
    pub fn from_toml(text: &str) -> Result<SegmentRules, RuleError> {
        let raw: RawRules = crate::rules::parse(FILE, text)?;
        SegmentRules::from_raw(raw).map_err(|e| {
            let message = format!("field `{}`: {}", e.field, e.message);
            match &e.value {
                Some(v) => RuleError::at_value(FILE, text, v, message),
                // The field's own line (`chiffres_max = 12`), or its table's.
                None => {
                    let key = e.field.rsplit('.').next().unwrap_or(&e.field);
                    let line = text
                        .lines()
                        .position(|l| l.trim_start().starts_with(key) && l[l.find(key).unwrap_or(0) + key.len()..].trim_start().starts_with('='));
                    let mut r = RuleError::new(FILE, message);
                    r.line = line.map(|l| l + 1);
                    r
                }
            }
        })
    }

    fn from_raw(raw: RawRules) -> Result<SegmentRules, Invalid> {
        let never_final = abbrevs("abreviations.jamais_finales", &raw.abreviations.jamais_finales)?;
        let maybe_final = abbrevs("abreviations.parfois_finales", &raw.abreviations.parfois_finales)?;
        let max_abbrev_len = never_final.iter().chain(maybe_final.iter()).map(String::len).max().unwrap_or(0);
        let terminals = chars("ponctuation.finales", &raw.ponctuation.finales)?;
        if terminals.is_empty() {
            return Err(Invalid {
                field: "ponctuation.finales".into(),
                value: None,
                message: "la liste ne peut pas être vide (must not be empty)".into(),
            });
        }
        if raw.listes.chiffres_max > 9 {
            return Err(Invalid { field: "listes.chiffres_max".into(), value: None, message: "au plus 9 (at most 9)".into() });
        }
        Ok(SegmentRules {
            never_final,
            maybe_final,
            max_abbrev_len,
            initials: raw.abreviations.initiales,
            strong_starts: words("debuts.forts", &raw.debuts.forts)?,
            semicolon_starts: words("debuts.apres_point_virgule", &raw.debuts.apres_point_virgule)?,
            article_starts: words("debuts.articles", &raw.debuts.articles)?,
            colon_starts: words("debuts.apres_deux_points", &raw.debuts.apres_deux_points)?,
            never_before_start: words("debuts.jamais_apres", &raw.debuts.jamais_apres)?,
            semicolon_final: raw.ponctuation.point_virgule_finale,
            lower_after_period: raw.debuts.minuscule_apres_point,
            lower_starts: words("debuts.minuscules", &raw.debuts.minuscules)?,
            bullets: chars("listes.puces", &raw.listes.puces)?,
            max_list_digits: raw.listes.chiffres_max,
            terminals,
            closers: chars("ponctuation.fermantes", &raw.ponctuation.fermantes)?,
            openers: chars("ponctuation.ouvrantes", &raw.ponctuation.ouvrantes)?,
            line_final: chars("ponctuation.fin_de_ligne_phrase", &raw.ponctuation.fin_de_ligne_phrase)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_parses() {
        let r = SegmentRules::embedded();
        assert!(r.never_final.contains("M."));
        assert!(r.never_final.contains("J.-C."));
        assert!(r.never_final.contains("Cf."));
        assert!(r.maybe_final.contains("etc."));
        assert!(r.terminals.contains(&'?'));
    }

    #[test]
    fn errors_are_clear() {
        let e = SegmentRules::from_toml("[abreviations\n").unwrap_err();
        assert!(e.to_string().starts_with("lexicons/rules/segmentation.toml:1:"), "{e}");
        let embedded = crate::rules::builtin_text(FILE);
        let bad = embedded.replace("\"M.\",", "\"M\",");
        let e = SegmentRules::from_toml(&bad).unwrap_err();
        assert!(e.to_string().contains("jamais_finales"), "{e}");
        let bad = embedded.replace("\"•\",", "\"••\",");
        let e = SegmentRules::from_toml(&bad).unwrap_err();
        assert!(e.to_string().contains("listes.puces"), "{e}");
    }
}
