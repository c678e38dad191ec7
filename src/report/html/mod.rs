//! The classroom report: one self-contained HTML page (no network, no external font or script)
//! to project, explore and print.
//!
//! Everything is rendered here, on the server side, so the page reads and prints without
//! JavaScript; the small embedded script only adds sorting, the side-by-side view and keeps
//! explanations inside the window. Every piece of text from the report goes through [`esc`];
//! the data the script reads is JSON inside `<script type="application/json">`, escaped by
//! [`json_for_script`].
use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use super::{short_id, Article, MarkerInfo, Render, Report, Style};
use crate::aggregate::ArticleSummary;
use crate::classify::source::SourceKind;
use crate::classify::{Excluded, Flag, Label, MarkerHit, QuoteInfo, SentenceScore, Voice};
use crate::extract::PartKind;
use crate::lexicon::Category;

const CSS: &str = include_str!("style.css");
const JS: &str = include_str!("app.js");

mod facts;
mod sources;
mod strings;

pub use facts::facts_section;
pub use sources::sources_section;
pub use strings::Lang;

/// The HTML renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Html {
    pub lang: Lang,
    /// Print the teacher's key (labels, who speaks) on the worksheet.
    pub answers: bool,
    /// `--sources`: the source of each attributed or quoted claim under its label (the
    /// « Sources » section is [`sources_section`]).
    pub sources: bool,
}

/// Escapes text for HTML text content and for double- or single-quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON that can sit inside a `<script>` element: `<`, `>`, `&` and the JavaScript line
/// separators are written as `\uXXXX` escapes, so no text can close the element.
pub fn json_for_script<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Every label of the page, in one language.
/// CSS class suffix of a label (its short name).
fn label_class(l: Label) -> &'static str {
    super::label_name(l)
}

/// The symbol that doubles the colour of a label (for colour-blind readers and print).
fn label_symbol(l: Label) -> &'static str {
    match l {
        Label::Attributed => "◆",
        Label::Hedged => "~",
        Label::Boosted => "!",
        Label::Asserted => "■",
        Label::None => "○",
    }
}

fn category_class(c: Category) -> &'static str {
    match c {
        Category::Attribution => "attribution",
        Category::Hedge => "hedge",
        Category::Booster => "booster",
    }
}

fn category_label(c: Category) -> Label {
    match c {
        Category::Attribution => Label::Attributed,
        Category::Hedge => Label::Hedged,
        Category::Booster => Label::Boosted,
    }
}

/// The data the page script reads.
#[derive(Serialize)]
struct ScriptData<'a> {
    articles: Vec<ScriptArticle<'a>>,
}

#[derive(Serialize)]
struct ScriptArticle<'a> {
    id: String,
    label: &'a str,
}

impl Render for Html {
    fn render(&self, report: &Report, _style: Style, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.page(report).as_bytes())
    }
}

impl Html {
    /// The whole page.
    pub fn page(&self, report: &Report) -> String {
        let ui = self.lang.ui();
        let mut h = String::with_capacity(64 * 1024);
        let n = report.articles.len();
        let title = match (self.lang, n) {
            (_, 1) => format!("{} — {}", ui.title, report.articles[0].label),
            (Lang::Fr, _) => format!("{} — {n} articles", ui.title),
            (Lang::En, _) => format!("{} — {n} articles", ui.title),
        };
        let _ = write!(
            h,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
<meta name=\"generator\" content=\"hedge {}\">\n<title>{}</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>\n{}</style>\n</head>\n",
            ui.lang,
            env!("CARGO_PKG_VERSION"),
            esc(&title),
            CSS
        );
        let _ = write!(
            h,
            "<body class=\"{}\">\n<a class=\"skip\" href=\"#summary\">{}</a>\n",
            if self.answers { "answers" } else { "worksheet" },
            esc(ui.skip)
        );
        h.push_str(PATTERNS);
        // Header and navigation.
        let _ = write!(h, "<header class=\"top\">\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n", esc(ui.title), esc(ui.subtitle));
        let _ = write!(h, "<p class=\"print-only names\">{}</p>\n<p class=\"print-only\">{}</p>\n", esc(ui.worksheet_names), esc(ui.worksheet_help));
        if self.answers {
            let _ = writeln!(h, "<p class=\"print-only key-title\">{}</p>", esc(ui.key));
        }
        let _ = write!(h, "<nav aria-label=\"{}\"><ul>", esc(ui.nav));
        let _ = write!(h, "<li><a href=\"#summary\">{}</a></li><li><a href=\"#legend\">{}</a></li>", esc(ui.summary), esc(ui.legend));
        if n >= 2 {
            let _ = write!(h, "<li><a href=\"#side\">{}</a></li>", esc(ui.side));
        }
        for (i, a) in report.articles.iter().enumerate() {
            let _ = write!(h, "<li><a href=\"#a{}\">{}</a></li>", i + 1, esc(&a.label));
        }
        h.push_str("</ul></nav>\n</header>\n<main>\n");
        self.summary(report, &mut h);
        self.legend(&mut h);
        if n >= 2 {
            let _ = write!(
                h,
                "<section id=\"side\" class=\"side\" hidden aria-labelledby=\"side-h\">\n<h2 id=\"side-h\">{}</h2>\n<p>{}</p>\n\
<div class=\"pickers\"><label>{} <select id=\"pick-0\"></select></label> <label>{} <select id=\"pick-1\"></select></label></div>\n\
<div class=\"panes\"><div class=\"pane\" id=\"pane-0\"></div><div class=\"pane\" id=\"pane-1\"></div></div>\n</section>\n",
                esc(ui.side),
                esc(ui.side_help),
                esc(ui.side_left),
                esc(ui.side_right)
            );
        }
        let _ = write!(
            h,
            "<section id=\"articles\" aria-labelledby=\"articles-h\">\n<h2 id=\"articles-h\" class=\"screen-only\">{}</h2>\n",
            esc(ui.articles)
        );
        for (i, a) in report.articles.iter().enumerate() {
            self.article(report, i, a, &mut h);
        }
        h.push_str("</section>\n");
        if !report.errors.is_empty() {
            let _ = write!(h, "<section id=\"errors\" class=\"errors\">\n<h2>{}</h2>\n<ul>\n", esc(ui.errors));
            for e in &report.errors {
                let _ = writeln!(h, "<li><code>{}</code> : {}</li>", esc(&e.file), esc(&e.message));
            }
            h.push_str("</ul>\n</section>\n");
        }
        let _ = write!(h, "</main>\n<footer><p>{}</p></footer>\n", esc(ui.footer));
        let data = ScriptData {
            articles: report.articles.iter().enumerate().map(|(i, a)| ScriptArticle { id: format!("a{}", i + 1), label: &a.label }).collect(),
        };
        let _ = write!(
            h,
            "<script type=\"application/json\" id=\"hedge-data\">{}</script>\n<script>\n{}</script>\n</body>\n</html>\n",
            json_for_script(&data),
            JS
        );
        h
    }

    /// The summary table: one row per article, sortable.
    fn summary(&self, report: &Report, h: &mut String) {
        let ui = self.lang.ui();
        let _ = write!(
            h,
            "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">{}</h2>\n<p class=\"help\">{}</p>\n<p class=\"help screen-only js-only\">{}</p>\n",
            esc(ui.summary),
            esc(ui.summary_help),
            esc(ui.sort_help)
        );
        h.push_str("<table class=\"summary\">\n<thead><tr>");
        let sort = |key: &str, kind: &str, text: String| format!("<button type=\"button\" data-key=\"{key}\" data-type=\"{kind}\">{text}</button>");
        let _ = write!(h, "<th scope=\"col\" class=\"rank\" aria-sort=\"ascending\">{}</th>", sort("rank", "num", esc(ui.col_rank)));
        let _ = write!(h, "<th scope=\"col\" class=\"name\">{}</th>", sort("label", "text", esc(ui.col_article)));
        let _ = write!(h, "<th scope=\"col\" class=\"bar\"><span class=\"bar-title\">{}</span><span class=\"bar-keys\">", esc(ui.col_bar));
        for l in Label::CLAIMS {
            let key = format!(
                "<svg width=\"16\" height=\"16\" aria-hidden=\"true\"><rect class=\"seg-{}\" width=\"16\" height=\"16\"/></svg> <span aria-hidden=\"true\">{}</span> {}",
                label_class(l),
                label_symbol(l),
                esc(self.lang.share(l))
            );
            h.push_str(&sort(label_class(l), "num", key));
        }
        h.push_str("</span></th>");
        for (key, name) in [("score", ui.col_score), ("quoted", ui.col_quoted), ("claims", ui.col_claims), ("out", ui.col_out)] {
            let _ = write!(h, "<th scope=\"col\" class=\"{key}\">{}</th>", sort(key, "num", esc(name)));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for (i, a) in report.articles.iter().enumerate() {
            let s = &a.summary;
            let v = |x: f64| format!("{x:.1}");
            let _ = write!(h, "<tr data-article=\"a{}\" data-k-rank=\"{}\" data-k-label=\"{}\"", i + 1, i + 1, esc(&a.label));
            for l in Label::CLAIMS {
                let _ = write!(h, " data-k-{}=\"{}\"", label_class(l), v(s.percent_of(l)));
            }
            let score = s.assertiveness.map(v).unwrap_or_default();
            let _ = write!(
                h,
                " data-k-score=\"{score}\" data-lo=\"{}\" data-hi=\"{}\" data-k-quoted=\"{}\" data-k-claims=\"{}\" data-k-out=\"{}\">",
                s.interval.map(|i| v(i[0])).unwrap_or_default(),
                s.interval.map(|i| v(i[1])).unwrap_or_default(),
                v(s.quoted_percent),
                s.claims + s.quoted_claims,
                s.excluded + s.not_analysed
            );
            let _ = write!(h, "<td class=\"rank\">{}</td>", i + 1);
            let _ = write!(h, "<th scope=\"row\" class=\"name\"><a href=\"#a{}\">{}</a></th>", i + 1, esc(&a.label));
            let shares: Vec<String> = Label::CLAIMS
                .iter()
                .map(|&l| {
                    format!("<span class=\"share\"><span aria-hidden=\"true\">{}</span> {}</span>", label_symbol(l), self.lang.num(s.percent_of(l)))
                })
                .collect();
            let _ = write!(h, "<td class=\"bar\">{}<span class=\"shares\" aria-hidden=\"true\">{}</span></td>", self.bar(s), shares.join(""));
            // `≈` when the interval overlaps the row above; the script recomputes it after a sort.
            let hidden = if super::overlaps_previous(&report.articles, i) { "" } else { " hidden" };
            let _ = write!(
                h,
                "<td class=\"score\" data-label=\"{}\"><span class=\"overlap\" title=\"{}\"{hidden}>≈ </span>{}{}</td>",
                esc(ui.col_score),
                esc(ui.not_significant),
                s.assertiveness.map(|x| self.lang.num(x)).unwrap_or_else(|| "–".into()),
                self.interval(s)
            );
            // data-label: the column's name, shown above the figure on a phone, where a row is a card.
            let _ = write!(h, "<td class=\"quoted\" data-label=\"{}\">{}</td>", esc(ui.col_quoted), self.lang.num(s.quoted_percent));
            // All claims, own-voice and quoted, as in the terminal table's `claims` column.
            let _ = writeln!(
                h,
                "<td class=\"claims\" data-label=\"{}\">{}</td><td class=\"out\" data-label=\"{}\">{}</td></tr>",
                esc(ui.col_claims),
                s.claims + s.quoted_claims,
                esc(ui.col_out),
                self.left_out_cell(s)
            );
        }
        h.push_str("</tbody>\n</table>\n</section>\n");
    }

    /// The 95 % interval of the score, after it: ` (40–58)`; empty without claims.
    fn interval(&self, s: &ArticleSummary) -> String {
        s.interval.map(|[lo, hi]| format!("<span class=\"interval\" title=\"95 %\"> ({lo:.0}–{hi:.0})</span>")).unwrap_or_default()
    }

    /// The "left out" cell: as the terminal's column (`37 + 9 eng`), with the language named.
    fn left_out_cell(&self, s: &ArticleSummary) -> String {
        let mut c = s.excluded.to_string();
        for (code, n) in &s.languages {
            let _ = write!(c, "<span class=\"out-lang\"> + {n} {}</span>", esc(&self.lang.in_language(code, code)));
        }
        c
    }

    /// Left-out sentences of an article, in words: `30 hors score : signature et date 1, texte
    /// de service 13, commentaires de lecteurs 16 · 9 non analysées (en anglais)`.
    fn left_out_words(&self, s: &ArticleSummary) -> String {
        let ui = self.lang.ui();
        let l = self.lang;
        let sep = if l == Lang::Fr { " : " } else { ": " };
        let mut out = Vec::new();
        if s.excluded > 0 {
            let by: Vec<String> = s.excluded_parts.iter().map(|(k, n)| format!("{} {n}", l.part_plural(*k))).collect();
            out.push(format!("{} {}{sep}{}", s.excluded, ui.out_score, by.join(", ")));
        }
        if s.not_analysed > 0 {
            let by: Vec<String> = match s.languages.iter().collect::<Vec<_>>()[..] {
                [(k, _)] => vec![l.in_language(k, k)],
                ref many => many.iter().map(|(k, n)| format!("{n} {}", l.in_language(k, k))).collect(),
            };
            let word = if l == Lang::Fr && s.not_analysed > 1 { "non analysées" } else { ui.not_analysed };
            out.push(format!("{} {word} ({})", s.not_analysed, by.join(", ")));
        }
        out.join(" · ")
    }

    /// The stacked bar of an article's own-voice claims, as inline SVG.
    fn bar(&self, s: &ArticleSummary) -> String {
        let ui = self.lang.ui();
        let parts: Vec<String> = Label::CLAIMS.iter().map(|&l| format!("{} {} %", self.lang.label(l), self.lang.num(s.percent_of(l)))).collect();
        let aria = if s.claims == 0 { ui.no_claim.to_string() } else { parts.join(", ") };
        let mut b = format!("<svg class=\"stack\" width=\"100%\" height=\"40\" role=\"img\" aria-label=\"{}\">", esc(&aria));
        if s.claims == 0 {
            let _ = write!(b, "<rect class=\"seg-empty\" width=\"100%\" height=\"40\"/><text x=\"50%\" y=\"26\" text-anchor=\"middle\" class=\"seg-text dark\">{}</text>", esc(ui.no_claim));
        }
        let mut x = 0.0;
        for l in Label::CLAIMS {
            let w = if s.claims == 0 { 0.0 } else { s.percent_of(l) };
            if w <= 0.0 {
                continue;
            }
            let _ = write!(
                b,
                "<rect class=\"seg-{}\" x=\"{x:.2}%\" width=\"{w:.2}%\" height=\"40\"><title>{}</title></rect>",
                label_class(l),
                esc(&format!("{} {} %", self.lang.label(l), self.lang.num(w)))
            );
            // The page script shortens or hides a label that does not fit its segment; without
            // the script, only wide segments are labelled.
            let class = if w >= 20.0 { "seg-text" } else { "seg-text narrow" };
            let _ = write!(
                b,
                "<text x=\"{:.2}%\" y=\"27\" text-anchor=\"middle\" class=\"{class}\" data-short=\"{w:.0}\" aria-hidden=\"true\">{} {w:.0} %</text>",
                x + w / 2.0,
                label_symbol(l)
            );
            x += w;
        }
        b.push_str("</svg>");
        b
    }

    /// The legend: marker styles and sentence labels.
    fn legend(&self, h: &mut String) {
        let ui = self.lang.ui();
        let l = self.lang;
        let _ = write!(h, "<section id=\"legend\" class=\"legend\" aria-labelledby=\"legend-h\">\n<h2 id=\"legend-h\">{}</h2>\n<p class=\"help screen-only\">{}</p>\n<div class=\"legend-cols\">\n", esc(ui.legend), esc(ui.legend_help));
        let _ = write!(h, "<div><h3>{}</h3>\n<ul class=\"plain\">\n", esc(ui.legend_markers));
        for c in [Category::Attribution, Category::Hedge, Category::Booster] {
            let _ = writeln!(h, "<li><span class=\"m m-{}\">{}</span> — {}</li>", category_class(c), esc(l.category(c)), esc(l.category_help(c)));
        }
        let _ = writeln!(h, "<li><span class=\"m m-hedge m-off\">{}</span> — {}</li>", esc(ui.not_counted), esc(ui.not_counted_help));
        let _ = writeln!(h, "<li><span class=\"q\">{}</span> — {}</li>\n</ul></div>", esc(ui.quote), esc(ui.quote_help));
        let _ = write!(h, "<div><h3>{}</h3>\n<ul class=\"plain\">\n", esc(ui.legend_labels));
        for lab in [Label::Attributed, Label::Hedged, Label::Boosted, Label::Asserted, Label::None] {
            let _ = writeln!(h, "<li>{} — {}</li>", badge(lab, l.label(lab)), esc(l.label_help(lab)));
        }
        let _ = writeln!(
            h,
            "<li><span class=\"badge b-quoted\"><span aria-hidden=\"true\">«»</span> {}</span> — {}</li>",
            esc(ui.quote),
            esc(ui.quote_help)
        );
        let _ = writeln!(h, "<li><span class=\"part-tag\">{}</span> — {}</li>", esc(ui.title_tag), esc(ui.title_help));
        let _ =
            writeln!(h, "<li><span class=\"out-tag\"><span aria-hidden=\"true\">⊘</span> {}</span> — {}</li>", esc(ui.out_score), esc(ui.out_help));
        let _ = writeln!(
            h,
            "<li><span class=\"out-tag\"><span aria-hidden=\"true\">⊘</span> {}</span> — {}</li>",
            esc(ui.not_analysed),
            esc(ui.lang_help)
        );
        h.push_str("</ul></div>\n</div>\n</section>\n");
    }

    /// One article: its figures and its numbered sentences.
    fn article(&self, report: &Report, i: usize, a: &Article, h: &mut String) {
        let ui = self.lang.ui();
        let l = self.lang;
        let s = &a.summary;
        let id = format!("a{}", i + 1);
        let _ = write!(
            h,
            "<article id=\"{id}\" class=\"article\" aria-labelledby=\"{id}-h\">\n<h2 id=\"{id}-h\">{}</h2>\n<p class=\"file\"><code>{}</code></p>\n",
            esc(&a.label),
            esc(&a.file)
        );
        let score = s.assertiveness.map(|x| l.num(x)).unwrap_or_else(|| "–".into());
        let _ = writeln!(
            h,
            "<p class=\"figures\">{} {} · {} {} · {} <strong>{score}</strong> / 100{} · {} % {}</p>",
            s.sentences,
            esc(ui.sentences),
            s.claims,
            esc(ui.own_claims),
            esc(ui.assertiveness),
            self.interval(s),
            l.num(s.quoted_percent),
            esc(ui.quoted_share)
        );
        let left_out = self.left_out_words(s);
        if !left_out.is_empty() {
            let _ = writeln!(h, "<p class=\"figures-out\"><span aria-hidden=\"true\">⊘</span> {}</p>", esc(&left_out));
        }
        let _ = writeln!(h, "<div class=\"article-bar screen-only\">{}</div>", self.bar(s));
        let mut extra = Vec::new();
        if !s.top_markers.is_empty() {
            let top: Vec<String> = s.top_markers.iter().map(|(id, n)| format!("{} ×{n}", short_id(id))).collect();
            extra.push(format!("{} : {}", ui.top_markers, top.join(", ")));
        }
        if !s.conditional_readings.is_empty() {
            let r: Vec<String> = s.conditional_readings.iter().map(|(r, n)| format!("{} {n}", l.reading(*r).0)).collect();
            extra.push(format!("{} : {}", ui.conditionals, r.join(" · ")));
        }
        if !extra.is_empty() {
            let text = if l == Lang::En { extra.join(" — ").replace(" : ", ": ") } else { extra.join(" — ") };
            let _ = writeln!(h, "<p class=\"figures-more screen-only\">{}</p>", esc(&text));
        }
        let _ = write!(
            h,
            "<table class=\"sentences\">\n<thead><tr><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"t\">{}</th><th scope=\"col\" class=\"lab\">{}</th><th scope=\"col\" class=\"who\">{}</th></tr></thead>\n<tbody>\n",
            esc(ui.th_num),
            esc(ui.th_sentence),
            esc(ui.th_label),
            esc(ui.th_who)
        );
        let mut prev: Option<&Excluded> = None;
        for sen in &a.sentences {
            self.sentence(report, &id, sen, &a.quotes, prev, h);
            prev = sen.excluded.as_ref();
        }
        h.push_str("</tbody>\n</table>\n</article>\n");
    }

    /// One sentence row. `prev` is why the sentence before it was left out, if it was: the key
    /// gives a reason once per run of sentences left out for the same reason.
    fn sentence(&self, report: &Report, article: &str, s: &SentenceScore, quotes: &[QuoteInfo], prev: Option<&Excluded>, h: &mut String) {
        let ui = self.lang.ui();
        let l = self.lang;
        let voice = if s.voice == Voice::Quoted { "quoted" } else { "own" };
        let out = match &s.excluded {
            Some(Excluded::Part { .. }) => " s-out out-part",
            Some(Excluded::Language { .. }) => " s-out out-lang",
            None => "",
        };
        let _ = write!(h, "<tr id=\"{article}-s{}\" class=\"s lab-{} voice-{voice} part-{}{out}\">", s.number, label_class(s.label), s.part.as_str());
        let _ = write!(h, "<td class=\"n\">{}</td><td class=\"t\">", s.number);
        if s.excluded.is_none() {
            if s.part == PartKind::Title {
                let _ = write!(h, "<span class=\"part-tag\" title=\"{}\">{}</span> ", esc(ui.title_help), esc(ui.title_tag));
            } else if s.part != PartKind::Body {
                // A part brought back into the score with --include: say so.
                let _ = write!(h, "<span class=\"part-tag\">{} · {}</span> ", esc(l.part_name(s.part, None)), esc(ui.counted_include));
            }
        }
        if let Some(Excluded::Part { part: PartKind::Comments, .. }) = &s.excluded {
            // Readers' words (insults too) stay on the screen, with their tag, but are not
            // printed on a class set: the sheet says what the row was.
            h.push_str("<span class=\"screen-only\">");
            sentence_text(s, report, l, h);
            let _ = write!(h, "</span><span class=\"print-only withheld\">{}</span>", esc(ui.comments_withheld));
        } else {
            sentence_text(s, report, l, h);
        }
        h.push_str("</td><td class=\"lab\">");
        if let Some(e) = &s.excluded {
            self.out_tag(s, e, h);
        } else if s.voice == Voice::Quoted && s.label != Label::None {
            let _ = write!(h, "<span class=\"badge b-quoted\"><span aria-hidden=\"true\">«»</span> {}</span>", esc(ui.quote));
            if let Some(sp) = &s.speaker {
                let _ = write!(h, "<span class=\"detail\">{} {}</span>", esc(ui.quoted_by), esc(sp));
            }
            if let Some(o) = &s.other_language {
                let _ = write!(
                    h,
                    "<span class=\"detail\" title=\"{}\">{}</span>",
                    esc(ui.lang_quoted_tip),
                    esc(&l.in_language(&o.language, &o.language_name))
                );
            }
            let _ = write!(h, "<span class=\"detail\">{} · {}</span>", esc(l.label(s.label)), esc(ui.out_of_score));
            if self.sources {
                sources::sentence_source(s, l, h);
            }
        } else {
            h.push_str(&badge(s.label, l.label(s.label)));
            if let Some(p) = s.points {
                let _ = write!(h, "<span class=\"detail\">{p} {}</span>", esc(ui.points));
            }
            // Attributed by a quotation it holds whose speaker it names, or as an embedded post
            // signed below it (no marker to point at).
            if let (true, Some(sp)) = (s.flags.contains(&Flag::QuoteCredited), &s.speaker) {
                let _ = write!(h, "<span class=\"detail\">{} {}</span>", esc(ui.quoted_by), esc(sp));
            } else if let (true, Some(sp)) = (s.flags.contains(&Flag::Signed), &s.speaker) {
                let _ = write!(h, "<span class=\"detail\">{} {}</span>", esc(ui.posted_by), esc(sp));
            }
            if let Some(n) = s.not_claim {
                let _ = write!(h, "<span class=\"detail\">{}</span>", esc(l.not_claim(n)));
            }
            if self.sources {
                sources::sentence_source(s, l, h);
            }
        }
        h.push_str("</td><td class=\"who\">");
        if let Some(e) = &s.excluded {
            // On the worksheet too: the row is marked, with no room to answer.
            let _ = write!(h, "<span class=\"who-out\">{}</span>", esc(&l.out_tag(e)));
            if self.answers {
                let reason = if prev == Some(e) { ui.same_reason.to_string() } else { self.out_reason(e) };
                let _ = write!(h, "<span class=\"key\">{}</span>", esc(&reason));
            }
        } else if self.answers {
            let _ = write!(h, "<span class=\"key\">{}</span>", esc(&self.who(s, quotes)));
        }
        h.push_str("</td></tr>\n");
    }

    /// The tag of a sentence left out of the score, with its explanation on hover, focus or tap.
    fn out_tag(&self, s: &SentenceScore, e: &Excluded, h: &mut String) {
        let ui = self.lang.ui();
        let l = self.lang;
        let sep = if l == Lang::Fr { " : " } else { ": " };
        let _ = write!(
            h,
            "<span class=\"out-tag\" tabindex=\"0\"><span aria-hidden=\"true\">⊘</span> {}<span class=\"tip\" role=\"tooltip\">",
            esc(&l.out_tag(e))
        );
        match e {
            Excluded::Part { part, rule, explain } => {
                let _ = write!(h, "<span class=\"tip-head\"><strong>{}</strong>", esc(l.part_name(*part, rule.as_deref())));
                if let Some(r) = rule {
                    let _ = write!(h, " <code>{}</code>", esc(r));
                }
                h.push_str("</span>");
                if !explain.is_empty() {
                    let _ = write!(h, "<span class=\"tip-line\">{}</span>", esc(explain));
                }
                let _ = write!(h, "<span class=\"tip-line\">{} {}</span>", esc(ui.include_hint), esc(part.as_str()));
                if s.label != Label::None {
                    let _ = write!(h, "<span class=\"tip-line\">{}{sep}{}</span>", esc(ui.would_be), esc(l.label(s.label)));
                }
            }
            Excluded::Language { language, language_name, confidence } => {
                let _ = write!(
                    h,
                    "<span class=\"tip-head\"><strong>{}</strong> <code>{}</code></span>",
                    esc(&l.in_language(language, language_name)),
                    esc(language)
                );
                let _ = write!(
                    h,
                    "<span class=\"tip-line\">{}{sep}{} ({}), {} {} %</span><span class=\"tip-line\">{}</span>",
                    esc(ui.detected),
                    esc(language_name),
                    esc(language),
                    esc(ui.confidence),
                    (confidence * 100.0).round(),
                    esc(ui.lang_tip)
                );
            }
        }
        h.push_str("</span></span>");
        if let (Excluded::Part { .. }, true) = (e, s.label != Label::None) {
            let _ = write!(h, "<span class=\"detail\">{}{sep}{}</span>", esc(ui.would_be), esc(l.label(s.label)));
        }
    }

    /// The teacher's key for a sentence left out: why.
    fn out_reason(&self, e: &Excluded) -> String {
        let ui = self.lang.ui();
        let l = self.lang;
        match e {
            Excluded::Part { part, rule, explain } if explain.is_empty() => format!("{} — {}", l.part_name(*part, rule.as_deref()), ui.out_score),
            Excluded::Part { explain, .. } => explain.clone(),
            Excluded::Language { language, language_name, confidence } => {
                format!("{} ({} {} %) — {}", l.in_language(language, language_name), ui.confidence, (confidence * 100.0).round(), ui.lang_tip)
            }
        }
    }

    /// The teacher's key for "Who speaks?". For a sentence credited to a source, the source as
    /// the text names it when a quotation of the sentence was tagged with it by the same word
    /// (« Selon un djihadiste français, « … » » → un djihadiste français), else the words that
    /// credit it.
    fn who(&self, s: &SentenceScore, quotes: &[QuoteInfo]) -> String {
        let ui = self.lang.ui();
        let l = self.lang;
        let words = |c: Category| -> String {
            let w: Vec<String> = s.markers.iter().filter(|m| m.counted && m.category == c).map(|m| format!("« {} »", m.text.trim())).collect();
            if w.is_empty() {
                String::new()
            } else {
                format!(" : {}", w.join(", "))
            }
        };
        let text = if s.label == Label::None {
            format!("{} ({})", ui.who_none, s.not_claim.map(|n| l.not_claim(n)).unwrap_or(""))
        } else if s.voice == Voice::Quoted {
            format!("{} : {}", ui.who_quote, s.speaker.as_deref().unwrap_or(ui.who_unknown))
        } else {
            match s.label {
                Label::Attributed => match (source_named(s, quotes), named_source(s)) {
                    (Some((speaker, cue)), _) => format!("{} : {speaker} (« {cue} »)", ui.who_source),
                    // The source found for the sentence (« Les opposants accusèrent… »).
                    (None, Some(name)) => {
                        let w = words(Category::Attribution);
                        format!("{} : {name}{}", ui.who_source, w.strip_prefix(" :").map(|x| format!(" ({})", x.trim())).unwrap_or_default())
                    }
                    (None, None) => format!("{}{}", ui.who_source, words(Category::Attribution)),
                },
                Label::Hedged => format!("{}{}", ui.who_hedge, words(Category::Hedge)),
                Label::Boosted => format!("{}{}", ui.who_boost, words(Category::Booster)),
                _ => ui.who_alone.to_string(),
            }
        };
        if l == Lang::En {
            text.replace(" : ", ": ")
        } else {
            text
        }
    }
}

/// The speaker of a quotation in the sentence whose cue is one of the sentence's counted
/// attribution markers (the quotation's speaker is then the sentence's source), and that cue.
/// The source the sentence credits, as the text names it (`SentenceScore::source`; for a
/// pronoun that stands for a source named before, that source's name); none for a vague one.
fn named_source(s: &SentenceScore) -> Option<&str> {
    let src = s.source.as_ref().filter(|x| x.kind != SourceKind::Vague && !x.key.is_empty())?;
    if src.refers_back {
        Some(src.key.as_str())
    } else {
        src.text.as_deref()
    }
}

/// For a claim credited to the speaker of its quotation (`Flag::QuoteCredited`), that speaker
/// and the tag's verb.
fn source_named<'a>(s: &SentenceScore, quotes: &'a [QuoteInfo]) -> Option<(&'a str, &'a str)> {
    let fold = |x: &str| x.trim().to_lowercase();
    let credited = s.flags.contains(&Flag::QuoteCredited);
    quotes.iter().filter(|q| q.start < s.end && q.end > s.start).find_map(|q| {
        let (speaker, cue) = (q.speaker.as_deref()?, q.cue.as_deref()?);
        let by_marker = s.markers.iter().any(|m| m.counted && m.category == Category::Attribution && fold(&m.text) == fold(cue));
        (by_marker || (credited && s.speaker.as_deref() == Some(speaker))).then_some((speaker, cue))
    })
}

/// A label badge: colour, symbol and word.
fn badge(l: Label, name: &str) -> String {
    format!("<span class=\"badge b-{}\"><span aria-hidden=\"true\">{}</span> {}</span>", label_class(l), label_symbol(l), esc(name))
}

/// The sentence's text with its markers highlighted and its quoted words set apart. A marker
/// that overlaps the one before it shares its highlight and adds its explanation to it.
fn sentence_text(s: &SentenceScore, report: &Report, l: Lang, h: &mut String) {
    let mut groups: Vec<(usize, usize, Vec<&MarkerHit>)> = Vec::new();
    for m in &s.markers {
        if m.start < s.start || m.end > s.end || m.start >= m.end {
            continue; // not inside the sentence: nothing to highlight
        }
        match groups.last_mut() {
            Some((_, end, ms)) if m.start < *end => {
                *end = (*end).max(m.end);
                ms.push(m);
            }
            _ => groups.push((m.start, m.end, vec![m])),
        }
    }
    let mut pos = s.start;
    for (start, end, ms) in &groups {
        plain_text(s, pos, *start, h);
        let first = ms[0];
        let off = if ms.iter().any(|m| m.counted) { "" } else { " m-off" };
        let ids: Vec<&str> = ms.iter().map(|m| m.id.as_str()).collect();
        let _ = write!(h, "<mark class=\"m m-{}{off}\" tabindex=\"0\" data-id=\"{}\">", category_class(first.category), esc(&ids.join(" ")));
        plain_text(s, *start, *end, h);
        h.push_str("<span class=\"tip\" role=\"tooltip\">");
        for m in ms {
            tip(m, report.markers.get(&m.id), l, h);
        }
        h.push_str("</span></mark>");
        pos = *end;
    }
    plain_text(s, pos, s.end, h);
}

/// Text between two document offsets of the sentence, quoted parts wrapped in `span.q`.
fn plain_text(s: &SentenceScore, from: usize, to: usize, h: &mut String) {
    let mut cuts = vec![from, to];
    for q in &s.quotes {
        for x in [q.start, q.end] {
            if from < x && x < to {
                cuts.push(x);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(text) = s.text.get(a.saturating_sub(s.start)..b.saturating_sub(s.start)) else { continue };
        if s.quotes.iter().any(|q| q.start <= a && b <= q.end) {
            let _ = write!(h, "<span class=\"q\">{}</span>", esc(text));
        } else {
            h.push_str(&esc(text));
        }
    }
}

/// The explanation of one marker, shown when its highlight is hovered, tapped or focused.
fn tip(m: &MarkerHit, info: Option<&MarkerInfo>, l: Lang, h: &mut String) {
    let ui = l.ui();
    let _ = write!(
        h,
        "<span class=\"tip-head\"><span class=\"badge b-{}\"><span aria-hidden=\"true\">{}</span> {}</span> <code>{}</code></span>",
        label_class(category_label(m.category)),
        label_symbol(category_label(m.category)),
        esc(l.category(m.category)),
        esc(&m.id)
    );
    if let Some(info) = info {
        let _ = write!(h, "<span class=\"tip-line\">{}</span>", esc(&info.explain));
    }
    if let Some(r) = m.reading {
        let (name, meaning) = l.reading(r);
        let verdict = if r.is_hedge() { ui.is_hedge } else { ui.not_hedge };
        let sep = if l == Lang::Fr { " : " } else { ": " };
        let _ = write!(
            h,
            "<span class=\"tip-line reading\"><strong>{}{sep}{}</strong> — {} ({})</span>",
            esc(ui.conditional),
            esc(name),
            esc(meaning),
            esc(verdict)
        );
        // Why the rule read it so (French for students, as the marker explanations).
        if let Some(why) = &m.reading_why {
            let _ = write!(h, "<span class=\"tip-line why\">{}{sep}{}</span>", esc(l.t("Pourquoi", "Why")), esc(why));
        }
    }
    if m.in_quote && !m.counted {
        let _ = write!(h, "<span class=\"tip-line\">{}</span>", esc(ui.in_quote));
    } else if !m.counted && m.category == Category::Attribution {
        let _ = write!(h, "<span class=\"tip-line\">{}</span>", esc(ui.no_source));
    } else if m.counted && m.weight != 0 {
        let sep = if l == Lang::Fr { " : " } else { ": " };
        let sign = if m.weight < 0 { "−" } else { "+" };
        let _ = write!(h, "<span class=\"tip-line\">{}{sep}{sign}{} {}</span>", esc(ui.weight), m.weight.abs(), esc(ui.points));
    }
}

/// SVG patterns used by the bars: a second cue besides colour (stripes, dots).
const PATTERNS: &str = "<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>\
<pattern id=\"pat-hedged\" width=\"10\" height=\"10\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
<rect class=\"pf-hedged\" width=\"10\" height=\"10\"/><rect class=\"pf-line\" width=\"3\" height=\"10\"/></pattern>\
<pattern id=\"pat-boosted\" width=\"10\" height=\"10\" patternUnits=\"userSpaceOnUse\">\
<rect class=\"pf-boosted\" width=\"10\" height=\"10\"/><circle class=\"pf-line\" cx=\"5\" cy=\"5\" r=\"2\"/></pattern>\
</defs></svg>\n";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::reading::Reading;
    use crate::report::{Scoring, SCHEMA};
    use std::collections::BTreeMap;

    #[test]
    fn esc_escapes_markup_and_quotes() {
        assert_eq!(esc(r#"<script>alert("x")</script> & 'y'"#), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
        assert_eq!(esc("l’AFP « dit »"), "l’AFP « dit »");
    }

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let j = json_for_script(&serde_json::json!({ "label": "</script><script>alert(1)</script> & \u{2028}" }));
        assert!(!j.contains('<') && !j.contains('>') && !j.contains('&'), "{j}");
        assert!(j.contains("\\u003c/script\\u003e"));
        let back: serde_json::Value = serde_json::from_str(&j).unwrap();
        assert_eq!(back["label"], "</script><script>alert(1)</script> & \u{2028}");
    }

    fn hostile_report() -> Report {
        let text = "Selon <script>document.title='PWNED'</script>, <img src=x onerror=alert(1)> </style> aurait « dit <b>x</b> ».";
        let sel = text.find("Selon").unwrap();
        let cond = text.find("aurait").unwrap();
        let q0 = text.find("dit").unwrap();
        let q1 = text.find(" »").unwrap();
        let hit = |id: &str, cat, start: usize, len: usize| MarkerHit {
            entry: 0,
            id: id.into(),
            category: cat,
            text: text[start..start + len].into(),
            start,
            end: start + len,
            in_quote: false,
            reading: Some(Reading::Hearsay).filter(|_| cat == Category::Hedge),
            reading_rule: Some("source-cue").filter(|_| cat == Category::Hedge),
            reading_why: Some("Une source <b>citée</b>.".to_string()).filter(|_| cat == Category::Hedge),
            counted: true,
            weight: -25,
        };
        let s = SentenceScore {
            number: 1,
            start: 0,
            end: text.len(),
            kind: crate::segment::SentenceKind::Body,
            text: text.into(),
            words: 12,
            label: Label::Attributed,
            voice: Voice::Own,
            speaker: None,
            not_claim: None,
            flags: vec![],
            markers: vec![hit("attribution.source.selon", Category::Attribution, sel, 5), hit("hedge.conditional.x<y>", Category::Hedge, cond, 6)],
            base: Some(35),
            points: Some(10),
            quotes: std::iter::once(q0..q1).collect(),
            part: crate::extract::PartKind::Body,
            excluded: None,
            other_language: None,
            source: None,
        };
        let mut markers = BTreeMap::new();
        markers.insert(
            "attribution.source.selon".to_string(),
            MarkerInfo {
                category: Category::Attribution,
                family: "f".into(),
                family_label: "F".into(),
                grade: None,
                weight: 0,
                explain: "Explication <em>risquée</em> & \"citée\"".into(),
                word: "selon".into(),
            },
        );
        let summary = crate::aggregate::aggregate(std::slice::from_ref(&s));
        Report {
            schema: SCHEMA,
            scoring: Scoring { base: BTreeMap::new(), quoted: 35, formula: "" },
            articles: vec![Article {
                label: "<script>alert('label')</script>".into(),
                file: "x\".txt".into(),
                format: crate::input::Format::Text,
                encoding: "utf-8".into(),
                summary,
                sentences: vec![s],
                parts: vec![],
                languages: vec![],
                text: None,
                quotes: vec![],
            }],
            markers,
            errors: vec![],
            warnings: vec![],
            included_parts: vec![],
        }
    }

    #[test]
    fn overlapping_neighbours_are_marked_and_distinct_ones_are_not() {
        let mut r = hostile_report();
        let a = r.articles[0].clone();
        let with = |lo: f64, hi: f64| {
            let mut x = a.clone();
            x.summary.interval = Some([lo, hi]);
            x
        };
        // 60–70, then 55–65 (overlaps the row above), then 10–20 (does not).
        r.articles = vec![with(60.0, 70.0), with(55.0, 65.0), with(10.0, 20.0)];
        let page = Html::default().page(&r);
        let marks: Vec<bool> = page.match_indices("<span class=\"overlap\"").map(|(i, _)| !page[i..i + 200].contains(" hidden>")).collect();
        assert_eq!(marks, [false, true, false], "the ≈ mark follows the intervals");
        assert!(page.contains("data-lo=\"55.0\" data-hi=\"65.0\""));
        assert!(page.contains("écart non significatif"));
    }

    #[test]
    fn article_text_labels_and_explanations_are_escaped() {
        let page = Html::default().page(&hostile_report());
        // Only the page's own two script elements and its own style element.
        assert_eq!(page.matches("<script").count(), 2, "{page}");
        assert_eq!(page.matches("</style>").count(), 1);
        assert!(!page.contains("<img"));
        assert!(!page.contains("<em>") && !page.contains("<b>x"));
        assert!(page.contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"));
        assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(page.contains("&lt;/style&gt;"));
        assert!(page.contains("Explication &lt;em&gt;risquée&lt;/em&gt; &amp; &quot;citée&quot;"));
        assert!(page.contains("data-id=\"hedge.conditional.x&lt;y&gt;\""));
        assert!(page.contains("<code>x&quot;.txt</code>"));
    }

    #[test]
    fn markers_quotes_readings_and_key_are_rendered() {
        let page = Html { lang: Lang::Fr, answers: true, sources: false }.page(&hostile_report());
        assert!(page.contains("<mark class=\"m m-attribution\" tabindex=\"0\" data-id=\"attribution.source.selon\">Selon<span class=\"tip\""));
        assert!(page.contains("<span class=\"q\">dit &lt;b&gt;x&lt;/b&gt;</span>"), "quoted words set apart");
        assert!(page.contains("Conditionnel : ouï-dire</strong>"));
        assert!(page.contains("<span class=\"tip-line why\">Pourquoi : Une source &lt;b&gt;citée&lt;/b&gt;.</span>"), "why, escaped");
        assert!(page.contains("Poids : −25 points"));
        assert!(page.contains("<span class=\"key\">Le média, d&#39;après une source : « Selon »</span>"));
        assert!(page.contains("<html lang=\"fr\">"));
        let en = Html { lang: Lang::En, answers: false, sources: false }.page(&hostile_report());
        assert!(en.contains("<html lang=\"en\">") && en.contains("Conditional: hearsay</strong>"));
        assert!(en.contains("<span class=\"tip-line why\">Why: Une source"));
        assert!(!en.contains("class=\"key\""), "no key without --answers");
    }

    #[test]
    fn per_sentence_sources_are_escaped_and_only_shown_when_asked() {
        use crate::classify::source::{Source, SourceKind};
        let mut r = hostile_report();
        let key = "<script>alert('k')</script> \"X\" & Y";
        r.articles[0].sentences[0].source = Some(Source { text: None, key: key.into(), kind: SourceKind::Media, refers_back: false });
        assert!(!Html::default().page(&r).contains("detail src"), "nothing without --sources");
        let page = Html { sources: true, ..Html::default() }.page(&r);
        assert!(
            page.contains("<span class=\"detail src\">source : &lt;script&gt;alert(&#39;k&#39;)&lt;/script&gt; &quot;X&quot; &amp; Y (média)</span>")
        );
        assert_eq!(page.matches("<script").count(), 2, "{page}");
        let en = Html { lang: Lang::En, sources: true, ..Html::default() }.page(&r);
        assert!(en.contains("<span class=\"detail src\">source: &lt;script&gt;"));
        // A sentence left out of the score is no claim: no source shown.
        r.articles[0].sentences[0].excluded = Some(Excluded::Part { part: PartKind::Byline, rule: None, explain: String::new() });
        assert!(!Html { sources: true, ..Html::default() }.page(&r).contains("detail src"));
    }

    #[test]
    fn one_bar_per_article_with_shares() {
        let page = Html::default().page(&hostile_report());
        assert_eq!(page.matches("<svg class=\"stack\"").count(), 2, "summary bar + article bar");
        assert!(page.contains("aria-label=\"attribuée 100,0 %, prudente 0,0 %, appuyée 0,0 %, affirmée 0,0 %\""));
    }
}
