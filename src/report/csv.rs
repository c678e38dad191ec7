//! CSV: one row per article, numbers unformatted, for spreadsheets.
use std::io::{self, Write};

use super::{Render, Report, Style};
use crate::classify::Label;

pub struct Csv;

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

impl Render for Csv {
    fn render(&self, report: &Report, _style: Style, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "rank,article,file,sentences,claims,attributed_pct,hedged_pct,boosted_pct,asserted_pct,assertiveness,quoted_pct,markers_per_1000_words,top_markers,excluded,not_analysed,format,encoding,assertiveness_low,assertiveness_high,reported_pct,own_voice_score,quoted_claims")?;
        for (i, a) in report.articles.iter().enumerate() {
            let s = &a.summary;
            let p = |l: Label| format!("{:.1}", s.percent_of(l));
            let top = s.top_markers.iter().map(|(id, n)| format!("{id}:{n}")).collect::<Vec<_>>().join(" ");
            writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{:.1},{:.1},{},{},{},{},{},{},{},{:.1},{},{}",
                i + 1,
                field(&a.label),
                field(&a.file),
                s.sentences,
                s.claims,
                p(Label::Attributed),
                p(Label::Hedged),
                p(Label::Boosted),
                p(Label::Asserted),
                s.assertiveness.map(|v| format!("{v:.1}")).unwrap_or_default(),
                s.quoted_percent,
                s.markers_per_1000_words,
                field(&top),
                s.excluded,
                s.not_analysed,
                a.format.as_str(),
                field(&a.encoding),
                s.interval.map(|i| format!("{:.1}", i[0])).unwrap_or_default(),
                s.interval.map(|i| format!("{:.1}", i[1])).unwrap_or_default(),
                s.reported_percent,
                s.own_voice_score.map(|v| format!("{v:.1}")).unwrap_or_default(),
                s.quoted_claims
            )?;
        }
        Ok(())
    }
}
