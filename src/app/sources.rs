//! The `--sources` views of `compare`: the JSON summaries with their sources and the
//! « Sources » section after the table.

use std::io::{self, Write};

use crate::report::{self, Report};

/// The JSON report with `sources` added to the summary of each article (`sources[i]` for
/// article i, when given) and a `facts` array (when given): nothing else changes.
pub(super) fn write_json_with_sources(
    report: &Report,
    sources: &[Vec<crate::classify::source::SourceCount>],
    facts: Option<&[crate::facts::FactGroup]>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut v = serde_json::to_value(report).map_err(io::Error::other)?;
    if let Some(arts) = v.get_mut("articles").and_then(|a| a.as_array_mut()) {
        for (a, list) in arts.iter_mut().zip(sources) {
            if let Some(summary) = a.get_mut("summary").and_then(|s| s.as_object_mut()) {
                summary.insert("sources".into(), serde_json::to_value(list).map_err(io::Error::other)?);
            }
        }
    }
    if let (Some(groups), Some(o)) = (facts, v.as_object_mut()) {
        o.insert("facts".into(), serde_json::to_value(groups).map_err(io::Error::other)?);
    }
    serde_json::to_writer_pretty(&mut *out, &v).map_err(io::Error::other)?;
    writeln!(out)
}

/// `compare --sources` in the table and Markdown formats: after the table, one line per article
/// (in the table's order) with its claims credited to a named source and to a vague one, then
/// its five most credited sources. At most 120 columns.
pub(super) fn write_sources_section(
    report: &Report,
    sources: &[Vec<crate::classify::source::SourceCount>],
    lang: report::Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    use crate::classify::source::{named_and_vague, show};
    let fr = lang == report::Lang::Fr;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        lang.t("Sources (affirmations créditées à une source nommée / vague)", "Sources (claims credited to a named / vague source)")
    )?;
    for (i, (a, list)) in report.articles.iter().zip(sources).enumerate() {
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
