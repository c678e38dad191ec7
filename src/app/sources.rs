//! The `--sources` views: the sources counted into each article's summary, the JSON report with
//! a `facts` array, and the « Sources » section after the table of `compare`.

use std::io::{self, Write};

use crate::report::{self, Report};

/// `--sources`: counts the claims credited to each source into the summary of every article
/// (from its sentences, before `compare` drops them). Every format then shows them: JSON and
/// JSONL as `summary.sources`, CSV as columns, the table as a section after it.
pub(super) fn count_into_summaries(report: &mut Report) {
    for a in &mut report.articles {
        a.summary.sources = Some(crate::classify::source::article_sources(&a.sentences));
    }
}

/// The JSON report with a `facts` array added: nothing else changes (the summaries carry their
/// `sources` when they were counted).
pub(super) fn write_json_with_facts(report: &Report, facts: &[crate::facts::FactGroup], out: &mut dyn Write) -> io::Result<()> {
    let mut v = serde_json::to_value(report).map_err(io::Error::other)?;
    if let Some(o) = v.as_object_mut() {
        o.insert("facts".into(), serde_json::to_value(facts).map_err(io::Error::other)?);
    }
    serde_json::to_writer_pretty(&mut *out, &v).map_err(io::Error::other)?;
    writeln!(out)
}

/// `compare --sources` in the table and Markdown formats: after the table, one line per article
/// (in the table's order) with its claims credited to a named source and to a vague one, then
/// its five most credited sources. At most 120 columns.
pub(super) fn write_sources_section(report: &Report, lang: report::Lang, out: &mut dyn Write) -> io::Result<()> {
    use crate::classify::source::{named_and_vague, show};
    let fr = lang == report::Lang::Fr;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        lang.t("Sources (affirmations créditées à une source nommée / vague)", "Sources (claims credited to a named / vague source)")
    )?;
    for (i, a) in report.articles.iter().enumerate() {
        let list = a.summary.sources.as_deref().unwrap_or(&[]);
        let (named, vague) = named_and_vague(list);
        writeln!(out, "{} {} · {} {named} / {} {vague}", i + 1, report::term_safe(&a.label), lang.t("nommées", "named"), lang.t("vagues", "vague"))?;
        let top: Vec<String> =
            list.iter().filter(|c| !c.key.is_empty()).take(5).map(|c| format!("{} ×{}", show(&c.key, c.kind, fr), c.claims)).collect();
        let mut line = String::from("   ");
        for t in top {
            let t = report::term_safe(&t).into_owned();
            if line.chars().count() + t.chars().count() + 3 > 120 {
                writeln!(out, "{line}")?;
                line = String::from("   ");
            }
            line.push_str(if line.trim().is_empty() { " " } else { " · " });
            line.push_str(&t);
        }
        if !line.trim().is_empty() {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
