//! Markdown: the comparison as a pipe table, for notes and course material.
use std::io::{self, Write};

use super::{fmt_left_out_short, fmt_score, fmt_top, Render, Report, Style, LEFT_OUT_NOTE};
use crate::classify::Label;

pub struct Markdown;

impl Render for Markdown {
    fn render(&self, report: &Report, _style: Style, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "| # | article | sentences | left out | claims | % attributed | % hedged | % boosted | % asserted | assertiveness | % quoted | top markers |")?;
        writeln!(out, "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")?;
        for (i, a) in report.articles.iter().enumerate() {
            let s = &a.summary;
            let p = |l: Label| format!("{:.1}", s.percent_of(l));
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.1} | {} |",
                i + 1,
                super::term_safe(&a.label).replace('|', "\\|"),
                s.sentences,
                fmt_left_out_short(s),
                s.claims,
                p(Label::Attributed),
                p(Label::Hedged),
                p(Label::Boosted),
                p(Label::Asserted),
                fmt_score(s.assertiveness),
                s.quoted_percent,
                fmt_top(&s.top_markers).replace('|', "\\|")
            )?;
        }
        writeln!(out)?;
        writeln!(out, "{LEFT_OUT_NOTE}")?;
        Ok(())
    }
}
