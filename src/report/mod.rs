//! Stage 7 — render: the [`Report`] model → bytes, one type per output format.
//!
//! Renderers see only the report model, never the lexicon, a regex or a file handle.

mod csv;
pub mod html;
mod json;
mod markdown;
pub mod messages;
mod table;
mod text;

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::aggregate::ArticleSummary;
use crate::classify::{Label, SentenceScore};
use crate::extract::{Language, Part, PartKind};
use crate::input::Format;
use crate::lexicon::Category;

pub use self::csv::Csv;
pub use self::html::{Html, Lang};
pub use self::json::Json;
pub use self::markdown::Markdown;
pub use self::table::Table;
pub use self::text::{Text, TextStream};

/// Version of the JSON document (`schema` field); documented in `docs/JSON.md`.
pub const SCHEMA: &str = "hedge.report/2";

/// What a marker id means, for the markers present in a report.
#[derive(Debug, Clone, Serialize)]
pub struct MarkerInfo {
    pub category: Category,
    pub family: String,
    pub family_label: String,
    pub grade: Option<String>,
    pub weight: i32,
    pub explain: String,
    /// The marker as a reader knows it: its first word form, lemma or pattern (`démentir`,
    /// `selon`); `conditionnel` for the conditional mood.
    pub word: String,
}

/// The scoring constants, printed with every report so that figures can be recomputed.
#[derive(Debug, Clone, Serialize)]
pub struct Scoring {
    pub base: BTreeMap<Label, i32>,
    /// The points of a claim inside a quotation.
    pub quoted: i32,
    pub formula: &'static str,
}

/// One analysed article.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub label: String,
    pub file: String,
    /// How the file was read: text, markdown or html.
    pub format: Format,
    /// The encoding it was decoded with (`UTF-8`, `windows-1252`…).
    pub encoding: String,
    pub summary: ArticleSummary,
    /// Empty in `compare` JSON (summaries only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<SentenceScore>,
    /// The parts of the page (title, body, byline, boilerplate, comments); `analyze` only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    /// Passages in another language; `analyze` only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    /// The text every byte offset points into (for Markdown and HTML, the extracted text);
    /// `analyze` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The quotations, with speaker and cue when the text names them; `analyze` only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<crate::classify::QuoteInfo>,
}

/// An input that could not be analysed (or, in `warnings`, a caveat about one).
#[derive(Debug, Clone, Serialize)]
pub struct InputError {
    pub file: String,
    pub message: String,
}

/// Everything a renderer needs.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub scoring: Scoring,
    /// Parts of a page counted besides title and body (`--include`).
    pub included_parts: Vec<PartKind>,
    pub articles: Vec<Article>,
    pub markers: BTreeMap<String, MarkerInfo>,
    pub errors: Vec<InputError>,
    /// Inputs analysed with a caveat (e.g. invalid bytes replaced), and side-file lines skipped.
    pub warnings: Vec<InputError>,
}

/// Output options that are not the format itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
    /// The language of the terminal views (labels, headers, sentences of the summary).
    pub lang: Lang,
    /// Width of the terminal table in columns; None = [`TABLE_WIDTH`] (pipes, files: the
    /// output does not depend on who runs it).
    pub width: Option<u16>,
    /// `--sources`: the `analyze` text shows the source of each attributed or quoted claim and
    /// the sources of the article in its summary.
    pub sources: bool,
}

/// Width of the comparison table when it is not written to a terminal and `--width` is not given.
pub const TABLE_WIDTH: u16 = 160;

impl Lang {
    /// The language of the terminal by default: French when the locale (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`, first one set) is French, else English.
    pub fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
        if locale.is_some_and(|l| l.to_ascii_lowercase().starts_with("fr")) {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// French or English, whichever this is.
    pub fn t(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// One output format.
pub trait Render {
    fn render(&self, report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()>;
}

/// The formula, in words (defined once, in the score stage).
pub use crate::score::FORMULA;

/// Short label of a class, for table headers and legends.
pub fn label_name(l: Label) -> &'static str {
    match l {
        Label::Attributed => "attributed",
        Label::Hedged => "hedged",
        Label::Boosted => "boosted",
        Label::Asserted => "asserted",
        Label::None => "none",
    }
}

/// The short name of a marker id: its last component (`attribution.source.selon` → `selon`).
pub fn short_id(id: &str) -> &str {
    id.rsplit('.').next().unwrap_or(id)
}

/// Text from an article, a file name or a side file, made safe for a terminal: every control
/// character but line feed and tab (C0, DEL, C1: ESC, OSC, CSI… which could move the cursor,
/// clear the screen, retitle the window or hide text) is shown as a visible symbol instead
/// (C0 as its Unicode control picture, `␛` for ESC; DEL `␡`; C1 `�`).
pub fn term_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !s.contains(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect::<String>()
        .into()
}

/// Formats an optional score.
pub fn fmt_score(s: Option<f64>) -> String {
    s.map(|v| format!("{v:.1}")).unwrap_or_else(|| "–".into())
}

/// The score with its 95 % interval: `46.3 (38.3–54.2)`; `–` without claims.
pub fn fmt_score_interval(s: &ArticleSummary, lang: Lang) -> String {
    if s.not_french {
        return fmt_not_french(s, lang);
    }
    match (s.assertiveness, s.interval) {
        (Some(v), Some([lo, hi])) if lang == Lang::Fr => format!("{} ({lo:.0}–{hi:.0})", lang.num(v)),
        (Some(v), Some([lo, hi])) => format!("{v:.1} ({lo:.0}–{hi:.0})"),
        (v, _) => fmt_score(v),
    }
}

/// The score cell of an article mostly in another language: `pas en français (en anglais, 95
/// phrases)`.
pub fn fmt_not_french(s: &ArticleSummary, lang: Lang) -> String {
    let main = s.languages.iter().max_by_key(|(code, n)| (**n, std::cmp::Reverse((*code).clone())));
    let which = main.map(|(code, _)| lang.in_language(code, code)).unwrap_or_default();
    match lang {
        Lang::Fr => format!("pas en français ({which}, {} phrases)", s.not_analysed),
        Lang::En => format!("not French ({which}, {} sentences)", s.not_analysed),
    }
}

/// In a list sorted by score: does article `i`'s interval overlap the one above it (the gap
/// between the two is not significant)?
pub fn overlaps_previous(articles: &[Article], i: usize) -> bool {
    i > 0 && crate::score::overlap(articles[i - 1].summary.interval, articles[i].summary.interval)
}

/// The footnote for the `≈` mark of [`overlaps_previous`].
pub fn overlap_note(lang: Lang) -> &'static str {
    lang.t(
        "≈ = son intervalle à 95 % chevauche celui de la ligne au-dessus : l'écart entre les deux n'est pas significatif.",
        "≈ = its 95 % interval overlaps the row above: the gap between the two is not significant (écart non significatif).",
    )
}

/// Top markers as `selon ×3, démentir ×2`: each by its word when the report knows it (its
/// short id otherwise).
pub fn fmt_top(top: &[(String, usize)], markers: &BTreeMap<String, MarkerInfo>) -> String {
    top.iter()
        .map(|(id, n)| format!("{} ×{n}", term_safe(markers.get(id).map_or_else(|| short_id(id), |m| m.word.as_str()))))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Left-out sentences of an article in a few words: `12 excluded (comments 8, boilerplate 4) ·
/// 5 not analysed (eng 5)` (in French: `12 exclues (commentaires 8, …) · 5 non analysées (eng 5)`);
/// empty when nothing is left out.
pub fn fmt_left_out(s: &ArticleSummary, lang: Lang) -> String {
    let mut out = Vec::new();
    if s.excluded > 0 {
        let by: Vec<String> =
            s.excluded_parts.iter().map(|(k, n)| format!("{} {n}", if lang == Lang::Fr { lang.part_name(*k, None) } else { k.as_str() })).collect();
        out.push(format!("{} {} ({})", s.excluded, lang.t("exclues", "excluded"), by.join(", ")));
    }
    if s.not_analysed > 0 {
        let by: Vec<String> = s.languages.iter().map(|(k, n)| format!("{k} {n}")).collect();
        out.push(format!("{} {} ({})", s.not_analysed, lang.t("non analysées", "not analysed"), by.join(", ")));
    }
    out.join(" · ")
}

/// Left-out sentences in a table cell: `30`, `37 + 9 eng`, or `0`.
pub fn fmt_left_out_short(s: &ArticleSummary) -> String {
    if s.not_analysed == 0 {
        return s.excluded.to_string();
    }
    let langs: Vec<String> = s.languages.iter().map(|(k, n)| format!("{n} {k}")).collect();
    format!("{} + {}", s.excluded, langs.join(" + "))
}

/// The footnote that explains the `left out` column.
pub fn left_out_note(lang: Lang) -> &'static str {
    lang.t(
        "hors score = phrases d'une signature, d'un texte de service (appel aux dons, copyright, boutons de partage) ou de commentaires de lecteurs \
(--include pour les compter), + phrases dans une autre langue (non analysées).",
        "left out = sentences in a byline, boilerplate (donation appeal, copyright, share buttons) or reader comments \
(count them with --include), + sentences in another language (not analysed).",
    )
}
