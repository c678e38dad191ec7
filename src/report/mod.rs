//! Stage 7 — render: the [`Report`] model → bytes, one type per output format.
//!
//! Renderers see only the report model, never the lexicon, a regex or a file handle.

mod csv;
pub mod html;
mod json;
mod markdown;
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
pub use self::html::Html;
pub use self::json::Json;
pub use self::markdown::Markdown;
pub use self::table::Table;
pub use self::text::{Text, TextStream};

/// Version of the JSON document (`schema` field); documented in `docs/JSON.md`.
pub const SCHEMA: &str = "hedge.report/1";

/// What a marker id means, for the markers present in a report.
#[derive(Debug, Clone, Serialize)]
pub struct MarkerInfo {
    pub category: Category,
    pub family: String,
    pub family_label: String,
    pub grade: Option<String>,
    pub weight: i32,
    pub explain: String,
}

/// The scoring constants, printed with every report so that figures can be recomputed.
#[derive(Debug, Clone, Serialize)]
pub struct Scoring {
    pub base: BTreeMap<Label, i32>,
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

/// An input that could not be analysed.
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
}

/// Output options that are not the format itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
}

/// One output format.
pub trait Render {
    fn render(&self, report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()>;
}

/// The formula, in words.
pub const FORMULA: &str = "points of an own-voice claim = base of its label + weights of its counted markers, \
kept within 0..100; assertiveness = mean points of the outlet's own-voice claims";

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

/// Formats an optional score.
pub fn fmt_score(s: Option<f64>) -> String {
    s.map(|v| format!("{v:.1}")).unwrap_or_else(|| "–".into())
}

/// Top markers as `selon ×3, aurait ×2`.
pub fn fmt_top(top: &[(String, usize)]) -> String {
    top.iter().map(|(id, n)| format!("{} ×{n}", short_id(id))).collect::<Vec<_>>().join(", ")
}

/// Left-out sentences of an article in a few words: `12 excluded (comments 8, boilerplate 4) ·
/// 5 not analysed (eng 5)`; empty when nothing is left out.
pub fn fmt_left_out(s: &ArticleSummary) -> String {
    let mut out = Vec::new();
    if s.excluded > 0 {
        let by: Vec<String> = s.excluded_parts.iter().map(|(k, n)| format!("{} {n}", k.as_str())).collect();
        out.push(format!("{} excluded ({})", s.excluded, by.join(", ")));
    }
    if s.not_analysed > 0 {
        let by: Vec<String> = s.languages.iter().map(|(k, n)| format!("{k} {n}")).collect();
        out.push(format!("{} not analysed ({})", s.not_analysed, by.join(", ")));
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
pub const LEFT_OUT_NOTE: &str = "left out = sentences in a byline, boilerplate (donation appeal, copyright, share buttons) or reader comments \
(count them with --include), + sentences in another language (not analysed).";
