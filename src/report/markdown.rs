//! Markdown: the comparison as a pipe table, for notes and course material.
use std::io::{self, Write};

use super::{fmt_left_out_short, fmt_score_interval, fmt_top, left_out_note, overlap_note, overlaps_previous, Lang, Render, Report, Style};
use crate::classify::Label;

pub struct Markdown;

impl Render for Markdown {
    fn render(&self, report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()> {
        let l = style.lang;
        writeln!(
            out,
            "{}",
            l.t(
                "| # | article | phrases | hors score | affirmations | % rapportées | % attribuées | % prudentes | % appuyées | % affirmées | assertivité (95 %) | % citées | marqueurs fréquents |",
                "| # | article | sentences | left out | claims | % reported | % attributed | % hedged | % boosted | % asserted | assertiveness (95 %) | % quoted | top markers |"
            )
        )?;
        writeln!(out, "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")?;
        for (i, a) in report.articles.iter().enumerate() {
            let s = &a.summary;
            let num = |v: f64| if l == Lang::Fr { l.num(v) } else { format!("{v:.1}") };
            let p = |x: Label| num(s.percent_of(x));
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {}{} | {} | {} |",
                i + 1,
                super::term_safe(&a.label).replace('|', "\\|"),
                s.sentences,
                fmt_left_out_short(s),
                s.claims + s.quoted_claims,
                num(s.reported_percent),
                p(Label::Attributed),
                p(Label::Hedged),
                p(Label::Boosted),
                p(Label::Asserted),
                if overlaps_previous(&report.articles, i) { "≈ " } else { "" },
                fmt_score_interval(s, l),
                num(s.quoted_percent),
                fmt_top(&s.top_markers, &report.markers).replace('|', "\\|")
            )?;
        }
        writeln!(out)?;
        writeln!(out, "{}", left_out_note(l))?;
        if (1..report.articles.len()).any(|i| overlaps_previous(&report.articles, i)) {
            writeln!(out)?;
            writeln!(out, "{}", overlap_note(l))?;
        }
        Ok(())
    }
}
