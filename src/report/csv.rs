//! CSV: one row per article, numbers unformatted, for spreadsheets. Written with the `csv`
//! crate (RFC 4180 quoting); a text cell that a spreadsheet would take for a formula is
//! neutralised (see [`cell`]).
use std::io::{self, Write};

use super::{Render, Report, Style};
use crate::classify::Label;

/// CSV settings. The default is what scripts read: `,` between cells, `.` in numbers, no BOM.
#[derive(Debug, Clone, Copy, Default)]
pub struct Csv {
    /// French spreadsheets (Excel, LibreOffice in French): `;` between cells and a decimal
    /// comma (`22,7`), since `,` is their decimal separator.
    pub french: bool,
    /// Start with a UTF-8 byte-order mark, without which Excel reads the file as Windows-1252
    /// (« MÃ©dias » for « Médias »).
    pub bom: bool,
}

/// A text cell (label, file name, markers): one that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return would be read as a formula by a spreadsheet (a page title turned label can
/// be `=HYPERLINK(…)`), so it gets a leading apostrophe, which spreadsheets show as text.
pub fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The I/O error inside a csv error, with its kind (a closed pipe stays a closed pipe).
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The columns `--sources` adds, after the others: claims credited to a named source (person,
/// institution, media) and to a vague one, and the most credited source that the text names
/// (its key, kind and claims; empty when it names none).
const SOURCE_COLUMNS: [&str; 5] = ["named_source_claims", "vague_source_claims", "top_source", "top_source_kind", "top_source_claims"];

/// The cells of [`SOURCE_COLUMNS`] for an article's sources (most credited first).
fn source_cells(list: &[crate::classify::source::SourceCount]) -> [String; 5] {
    let (named, vague) = crate::classify::source::named_and_vague(list);
    let top = list.iter().find(|c| !c.key.is_empty());
    [
        named.to_string(),
        vague.to_string(),
        top.map(|c| cell(&c.key)).unwrap_or_default(),
        top.map(|c| c.kind.as_str().to_string()).unwrap_or_default(),
        top.map(|c| c.claims.to_string()).unwrap_or_default(),
    ]
}

impl Render for Csv {
    fn render(&self, report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()> {
        if self.bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let delimiter = if self.french { b';' } else { b',' };
        let mut w = csv::WriterBuilder::new().delimiter(delimiter).terminator(csv::Terminator::Any(b'\n')).from_writer(out);
        // A figure with one decimal, with the decimal separator of the spreadsheet.
        let num = |v: f64| {
            let s = format!("{v:.1}");
            if self.french {
                s.replace('.', ",")
            } else {
                s
            }
        };
        let mut header = vec![
            "rank",
            "article",
            "file",
            "sentences",
            "claims",
            "attributed_pct",
            "hedged_pct",
            "boosted_pct",
            "asserted_pct",
            "assertiveness",
            "quoted_pct",
            "markers_per_1000_words",
            "top_markers",
            "excluded",
            "not_analysed",
            "format",
            "encoding",
            "assertiveness_low",
            "assertiveness_high",
            "reported_pct",
            "own_voice_score",
            "quoted_claims",
        ];
        if style.sources {
            header.extend(SOURCE_COLUMNS);
        }
        w.write_record(&header).map_err(io_error)?;
        for (i, a) in report.articles.iter().enumerate() {
            let s = &a.summary;
            let p = |l: Label| num(s.percent_of(l));
            let top = s.top_markers.iter().map(|(id, n)| format!("{id}:{n}")).collect::<Vec<_>>().join(" ");
            let mut row = vec![
                (i + 1).to_string(),
                cell(&a.label),
                cell(&a.file),
                s.sentences.to_string(),
                s.claims.to_string(),
                p(Label::Attributed),
                p(Label::Hedged),
                p(Label::Boosted),
                p(Label::Asserted),
                s.assertiveness.map(num).unwrap_or_default(),
                num(s.quoted_percent),
                num(s.markers_per_1000_words),
                cell(&top),
                s.excluded.to_string(),
                s.not_analysed.to_string(),
                a.format.as_str().to_string(),
                cell(&a.encoding),
                s.interval.map(|i| num(i[0])).unwrap_or_default(),
                s.interval.map(|i| num(i[1])).unwrap_or_default(),
                num(s.reported_percent),
                s.own_voice_score.map(num).unwrap_or_default(),
                s.quoted_claims.to_string(),
            ];
            if style.sources {
                row.extend(source_cells(s.sources.as_deref().unwrap_or(&[])));
            }
            w.write_record(&row).map_err(io_error)?;
        }
        w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formula_leading_cells_are_neutralised() {
        for f in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(cell(f), format!("'{f}"));
        }
        assert_eq!(cell("Le Monde"), "Le Monde");
        assert_eq!(cell("a=b"), "a=b");
    }
}
