//! The comparison table for the terminal, drawn with comfy-table.
use std::io::{self, Write};

use comfy_table::{presets, Cell, CellAlignment, ContentArrangement, Table as Grid};

use super::{fmt_left_out_short, fmt_score, fmt_top, term_safe, Render, Report, Style, LEFT_OUT_NOTE};
use crate::classify::Label;

pub struct Table;

impl Render for Table {
    fn render(&self, report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()> {
        let mut t = Grid::new();
        t.load_style(presets::UTF8_FULL_CONDENSED);
        t.set_content_arrangement(ContentArrangement::Dynamic);
        t.set_width(160);
        t.set_header(
            ["#", "article", "sentences", "left out", "claims", "% attributed", "% hedged", "% boosted", "% asserted", "assertiveness", "% quoted", "top markers"]
                .map(Cell::new),
        );
        for (i, a) in report.articles.iter().enumerate() {
            let s = &a.summary;
            let p = |l: Label| format!("{:.1}", s.percent_of(l));
            let right = |v: String| Cell::new(v).set_alignment(CellAlignment::Right);
            let mut score = right(fmt_score(s.assertiveness));
            if style.color {
                score = score.add_attribute(comfy_table::Attribute::Bold);
            }
            t.add_row(vec![
                right((i + 1).to_string()),
                Cell::new(term_safe(&a.label)),
                right(s.sentences.to_string()),
                right(fmt_left_out_short(s)),
                right(s.claims.to_string()),
                right(p(Label::Attributed)),
                right(p(Label::Hedged)),
                right(p(Label::Boosted)),
                right(p(Label::Asserted)),
                score,
                right(format!("{:.1}", s.quoted_percent)),
                Cell::new(fmt_top(&s.top_markers)),
            ]);
        }
        if !style.color {
            t.force_no_tty();
        }
        writeln!(out, "{t}")?;
        writeln!(out, "Sorted by assertiveness (0 = everything hedged or attributed, 100 = everything asserted and insisted on).")?;
        writeln!(out, "Shares are of the outlet's own-voice claims; % quoted = claims inside quotations, left out of the score.")?;
        writeln!(out, "{LEFT_OUT_NOTE}")?;
        if !report.included_parts.is_empty() {
            let inc: Vec<&str> = report.included_parts.iter().map(|p| p.as_str()).collect();
            writeln!(out, "Counted with --include: {}.", inc.join(", "))?;
        }
        writeln!(out, "Why: `hedge analyze FILE` shows every sentence and marker.")
    }
}
