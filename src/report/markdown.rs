//! Markdown: the comparison as a pipe table, for notes and course material.
use std::io::{self, Write};

use super::{fmt_left_out_short, fmt_score_interval, fmt_top, overlaps_previous, Render, Report, Style, LEFT_OUT_NOTE, OVERLAP_NOTE};
use crate::classify::Label;

pub struct Markdown;

impl Render for Markdown {
    fn render(&self, report: &Report, _style: Style, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "| # | article | sentences | left out | claims | % reported | % attributed | % hedged | % boosted | % asserted | assertiveness (95 %) | % quoted | top markers |")?;
        writeln!(out, "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")?;
        for (i, a) in report.articles.iter().enumerate() {
            let s = &a.summary;
            let p = |l: Label| format!("{:.1}", s.percent_of(l));
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {:.1} | {} | {} | {} | {} | {}{} | {:.1} | {} |",
                i + 1,
                super::term_safe(&a.label).replace('|', "\\|"),
                s.sentences,
                fmt_left_out_short(s),
                s.claims + s.quoted_claims,
                s.reported_percent,
                p(Label::Attributed),
                p(Label::Hedged),
                p(Label::Boosted),
                p(Label::Asserted),
                if overlaps_previous(&report.articles, i) { "≈ " } else { "" },
                fmt_score_interval(s),
                s.quoted_percent,
                fmt_top(&s.top_markers).replace('|', "\\|")
            )?;
        }
        writeln!(out)?;
        writeln!(out, "{LEFT_OUT_NOTE}")?;
        if (1..report.articles.len()).any(|i| overlaps_previous(&report.articles, i)) {
            writeln!(out)?;
            writeln!(out, "{OVERLAP_NOTE}")?;
        }
        Ok(())
    }
}
