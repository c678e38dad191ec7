//! The comparison table for the terminal, drawn with comfy-table.
use std::io::{self, Write};

use comfy_table::{presets, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table as Grid, Width};

use super::{
    fmt_left_out_short, fmt_score_interval, fmt_top, left_out_note, overlap_note, overlaps_previous, term_safe, Lang, Render, Report, Style,
    TABLE_WIDTH,
};
use crate::classify::Label;

pub struct Table;

impl Render for Table {
    fn render(&self, report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()> {
        let mut t = Grid::new();
        t.load_style(presets::UTF8_FULL_CONDENSED);
        t.set_content_arrangement(ContentArrangement::Dynamic);
        let width = style.width.unwrap_or(TABLE_WIDTH);
        t.set_width(width);
        // Below NARROW columns, the 13 columns of the wide layout break their headers and
        // figures mid-word: the figures keep their width (headers on two lines), the sentence
        // count and the top markers are left out (a note says so) and the names wrap.
        let narrow = width < NARROW;
        let l = style.lang;
        let header = match l {
            Lang::Fr => [
                "#",
                "article",
                "phrases",
                "hors score",
                "affirmations",
                "% rapportées",
                "% attribuées",
                "% prudentes",
                "% appuyées",
                "% affirmées",
                "score (95 %)",
                "% citées",
                "marqueurs fréquents",
            ],
            Lang::En => [
                "#",
                "article",
                "sentences",
                "left out",
                "claims",
                "% reported",
                "% attributed",
                "% hedged",
                "% boosted",
                "% asserted",
                "score (95 %)",
                "% quoted",
                "top markers",
            ],
        };
        let header = if narrow { header.map(two_lines) } else { header.map(str::to_string) };
        t.set_header(header.map(Cell::new));
        for (i, a) in report.articles.iter().enumerate() {
            let s = &a.summary;
            let num = |v: f64| if l == Lang::Fr { l.num(v) } else { format!("{v:.1}") };
            let p = |x: Label| num(s.percent_of(x));
            let right = |v: String| Cell::new(v).set_alignment(CellAlignment::Right);
            let mark = if overlaps_previous(&report.articles, i) { "≈ " } else { "" };
            let mut score = right(format!("{mark}{}", fmt_score_interval(s, l)));
            if style.color {
                score = score.add_attribute(comfy_table::Attribute::Bold);
            }
            t.add_row(vec![
                right((i + 1).to_string()),
                Cell::new(term_safe(&a.label)),
                right(s.sentences.to_string()),
                right(fmt_left_out_short(s)),
                right((s.claims + s.quoted_claims).to_string()),
                right(num(s.reported_percent)),
                right(p(Label::Attributed)),
                right(p(Label::Hedged)),
                right(p(Label::Boosted)),
                right(p(Label::Asserted)),
                score,
                right(num(s.quoted_percent)),
                Cell::new(fmt_top(&s.top_markers, &report.markers)),
            ]);
        }
        if !style.color {
            t.force_no_tty();
        }
        if narrow {
            for (i, c) in t.column_iter_mut().enumerate() {
                c.set_constraint(match i {
                    SENTENCES | TOP_MARKERS => ColumnConstraint::Hidden,
                    ARTICLE => ColumnConstraint::LowerBoundary(Width::Fixed(12)),
                    _ => ColumnConstraint::ContentWidth,
                });
            }
        }
        writeln!(out, "{t}")?;
        if narrow {
            writeln!(
                out,
                "{}",
                l.t(
                    "Colonnes « phrases » et « marqueurs fréquents » omises à cette largeur (--width 150 ou plus les montre).",
                    "Columns `sentences` and `top markers` left out at this width (--width 150 or more shows them)."
                )
            )?;
        }
        if l == Lang::Fr {
            writeln!(out, "Classés par assertivité : moyenne des points des affirmations, 0 = tout est nuancé, attribué à une source ou cité, 100 = tout est affirmé avec insistance.")?;
            writeln!(out, "Le score décrit comment le média parle, pas s'il a raison, ni s'il est partial ou de qualité. (95 %) = l'intervalle où le score pourrait tomber avec d'autres phrases du même genre.")?;
            writeln!(out, "% rapportées = affirmations attribuées à une source ou citées (qui parle) ; % attribuées, prudentes, appuyées, affirmées = parts des affirmations du média lui-même (avec quelle assurance).")?;
        } else {
            writeln!(out, "Sorted by assertiveness: mean points of the claims, 0 = everything hedged, credited to a source or quoted, 100 = everything asserted and insisted on.")?;
            writeln!(out, "It measures how the outlet speaks, not whether it is right, biased or good. (95 %) = the interval the score could take with other sentences of the same kind.")?;
            writeln!(out, "% reported = claims credited to a source or quoted (who speaks); % attributed, hedged, boosted, asserted = shares of the outlet's own-voice claims (how sure).")?;
        }
        if (1..report.articles.len()).any(|i| overlaps_previous(&report.articles, i)) {
            writeln!(out, "{}", overlap_note(l))?;
        }
        writeln!(out, "{}", left_out_note(l))?;
        if !report.included_parts.is_empty() {
            let inc: Vec<&str> = report.included_parts.iter().map(|p| p.as_str()).collect();
            writeln!(out, "{} {}.", l.t("Comptées avec --include :", "Counted with --include:"), inc.join(", "))?;
        }
        writeln!(
            out,
            "{}",
            l.t(
                "Pourquoi : `hedge analyze FICHIER` montre chaque phrase et chaque marqueur.",
                "Why: `hedge analyze FILE` shows every sentence and marker."
            )
        )
    }
}

/// Tables narrower than this get the narrow layout (see [`Table::render`]).
pub const NARROW: u16 = 150;
const ARTICLE: usize = 1;
const SENTENCES: usize = 2;
const TOP_MARKERS: usize = 12;

/// A header on two lines, cut at its first space (`% reported` → `%` / `reported`, `score (95 %)`
/// → `score` / `(95 %)`), so a column is as wide as its figures.
fn two_lines(h: &str) -> String {
    match h.split_once(' ') {
        Some((a, b)) => format!("{a}\n{b}"),
        None => h.to_string(),
    }
}
