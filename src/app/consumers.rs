//! The consumers of the pipeline's event stream, one per way a run's results are written: the
//! whole report (`build_report`, for the table, JSON, CSV, Markdown and HTML views), the
//! streamed `analyze` text (`write_text`) and JSON Lines (`write_jsonl`); the progress bar and
//! the problems named on stderr are shared.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::classify::{Label, ScoringRules};
use crate::extract::PartKind;
use crate::input::{self, InputProblem};
use crate::lexicon::Lexicon;
use crate::pipeline::{analyze_inputs, Event, RunOptions};
use crate::progress::Progress;
use crate::report::{self, Article, InputError, MarkerInfo, Report, Scoring, Style};

use super::Terminal;

/// The inputs of a run. `compare` passes its labels (`Some`): an input with none is named from
/// its content (a page's site and title, a file's first heading); `analyze` passes `None`: its
/// one input keeps its file name, which its streamed text view shows before the document is read.
fn plan(inputs: &[String], labels: Option<&[(String, String)]>) -> (Vec<input::Planned>, Vec<InputProblem>, Vec<InputProblem>) {
    let (mut planned, problems, warnings) = input::discover(inputs, labels.unwrap_or(&[]));
    if labels.is_none() {
        for p in &mut planned {
            p.label_given = true;
        }
    }
    (planned, problems, warnings)
}

/// The progress line for a run over `planned`, on stderr when it is a terminal. A run that
/// writes its results as they come (`streaming`: text view, jsonl) draws none when those results
/// go to a terminal themselves: they show the progress, and the bar would be drawn among them.
pub(super) fn progress_for(planned: &[input::Planned], term: Terminal, streaming: bool) -> Progress {
    Progress::new(progress_enabled(term, streaming), input::file_bytes(planned), planned.len())
}

/// Is a progress bar drawn? (See [`progress_for`].)
pub(super) fn progress_enabled(term: Terminal, streaming: bool) -> bool {
    term.stderr_is_tty && !(streaming && term.stdout_is_tty)
}

/// The scoring constants every report prints (those of the run's `scoring.toml`).
pub(super) fn scoring(rules: &ScoringRules) -> Scoring {
    Scoring { base: Label::CLAIMS.iter().map(|&l| (l, rules.base(l).unwrap_or(0))).collect(), quoted: rules.base.quoted, formula: report::FORMULA }
}

/// Reads, analyses and collects every input; problems go to `err` and into the report.
pub(super) fn build_report(
    inputs: &[String],
    labels: Option<&[(String, String)]>,
    lex: &Lexicon,
    run: RunOptions,
    term: Terminal,
    err: &mut dyn Write,
) -> io::Result<(Report, bool)> {
    let (planned, mut problems, mut warnings) = plan(inputs, labels);
    let included_parts: Vec<PartKind> = run.include.parts.iter().copied().collect();
    let mut articles = Vec::new();
    let mut progress = progress_for(&planned, term, false);
    let mut sentences = Vec::new();
    analyze_inputs(&planned, lex, run, &mut |ev| {
        match ev {
            Event::Begin { name, warnings: w, .. } => warnings.extend(w.into_iter().map(|m| InputProblem::new(name.clone(), m))),
            Event::Sentences { sentences: s, .. } => sentences.extend(s),
            Event::Article { input, name, summary, info } => articles.push(Article {
                label: info.label(input),
                file: name,
                format: info.format,
                encoding: info.encoding.to_string(),
                summary,
                sentences: std::mem::take(&mut sentences),
                parts: info.parts,
                languages: info.languages,
                text: info.text,
                quotes: info.quotes,
            }),
            Event::Failed(problem) => {
                sentences.clear();
                problems.push(problem);
            }
            Event::Progress { bytes, inputs } => progress.update(bytes, inputs, err)?,
        }
        Ok(())
    })?;
    progress.finish(err)?;
    // When sentences are dropped (compare), keep only the markers named by top markers.
    let mut markers = BTreeMap::new();
    let mut add = |id: &str| note_marker(&mut markers, lex, id);
    for a in &articles {
        for s in &a.sentences {
            for m in &s.markers {
                add(&m.id);
            }
        }
        for (id, _) in &a.summary.top_markers {
            add(id);
        }
    }
    print_warnings(&warnings, term.lang, err)?;
    for p in &problems {
        writeln!(err, "hedge: {}", problem_line(p, term.lang))?;
    }
    let failed = !problems.is_empty();
    let as_errors = |v: Vec<InputProblem>| v.into_iter().map(|InputProblem { name, message }| InputError { file: name, message }).collect();
    let report = Report {
        schema: report::SCHEMA,
        scoring: scoring(&lex.rules.scoring),
        included_parts,
        articles,
        markers,
        errors: as_errors(problems),
        warnings: as_errors(warnings),
    };
    Ok((report, failed))
}

/// `analyze` as text, written as the analysis goes (each sentence as soon as it and those
/// before it are done): memory stays bounded whatever the size of the input. An input that
/// fails after some of its sentences were written ends with a line that says so, and no
/// summary. Problems also go to `err`.
pub(super) fn write_text(
    inputs: &[String],
    lex: &Lexicon,
    run: RunOptions,
    style: Style,
    term: Terminal,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let (planned, mut problems, mut warnings) = input::discover(inputs, &[]);
    let included_parts: Vec<PartKind> = run.include.parts.iter().copied().collect();
    let mut text = report::TextStream::new(style, &scoring(&lex.rules.scoring), &included_parts);
    let mut markers = BTreeMap::new();
    let mut progress = progress_for(&planned, term, true);
    // Articles finished; whether the current one has its head written, and how many of its
    // sentences.
    let (mut articles, mut begun, mut written) = (0, false, 0);
    analyze_inputs(&planned, lex, run, &mut |ev| {
        match ev {
            Event::Begin { input, name, format, encoding, warnings: w } => {
                text.begin(out, &input.label, &name, format, encoding)?;
                warnings.extend(w.into_iter().map(|m| InputProblem::new(name.clone(), m)));
                (begun, written) = (true, 0);
            }
            Event::Sentences { sentences, .. } => {
                written += sentences.len();
                for s in &sentences {
                    for m in &s.markers {
                        note_marker(&mut markers, lex, &m.id);
                    }
                    text.sentence(out, s, &markers)?;
                }
            }
            Event::Article { input, name, summary, info } => {
                if !std::mem::take(&mut begun) {
                    text.begin(out, &input.label, &name, info.format, info.encoding)?;
                }
                articles += 1;
                text.end(out, &input.label, &summary)?;
                out.flush()?;
            }
            Event::Failed(p) => {
                if std::mem::take(&mut begun) {
                    writeln!(out, "\nStopped — {p}")?;
                    if written > 0 {
                        writeln!(out, "  the sentences above were analysed; the rest of the file was not, and it has no summary")?;
                    } else {
                        writeln!(out, "  no sentence of it was analysed")?;
                    }
                }
                problems.push(p);
            }
            Event::Progress { bytes, inputs } => progress.update(bytes, inputs, err)?,
        }
        Ok(())
    })?;
    finish(&mut progress, &warnings, &problems, term.lang, err)?;
    Ok(u8::from(articles == 0 || !problems.is_empty()))
}

/// Adds what the lexicon says of marker `id` to `markers`, once.
pub(super) fn note_marker(markers: &mut BTreeMap<String, MarkerInfo>, lex: &Lexicon, id: &str) {
    if !markers.contains_key(id) {
        if let Some(info) = marker_info(lex, id) {
            markers.insert(id.to_string(), info);
        }
    }
}

/// What the report says of a marker id: its category, family, grade, weight and explanation.
fn marker_info(lex: &Lexicon, id: &str) -> Option<MarkerInfo> {
    let e = lex.entry(id)?;
    let f = lex.family_of(e);
    Some(MarkerInfo {
        category: e.category,
        family: f.id.clone(),
        family_label: f.label.clone(),
        grade: e.grade.clone(),
        weight: e.weight,
        explain: e.explain.clone(),
        word: match &e.rule {
            crate::lexicon::Rule::Patterns(v) | crate::lexicon::Rule::Forms(v) => v.first().cloned().unwrap_or_else(|| e.key.clone()),
            crate::lexicon::Rule::Lemmas { lemmas, .. } => lemmas.first().cloned().unwrap_or_else(|| e.key.clone()),
            crate::lexicon::Rule::Conditional => "conditionnel".into(),
        },
    })
}

/// Names every warning on `err` (`hedge: warning: FILE: …`).
pub(super) fn print_warnings(warnings: &[InputProblem], lang: report::Lang, err: &mut dyn Write) -> io::Result<()> {
    for w in warnings {
        writeln!(err, "hedge: {}: {}", report::messages::warning_word(lang), problem_line(w, lang))?;
    }
    Ok(())
}

/// `FILE: message`, the message in the terminal's language, control characters made visible.
pub(super) fn problem_line(p: &InputProblem, lang: report::Lang) -> String {
    format!("{}: {}", report::term_safe(&p.name), report::term_safe(&report::messages::localise(&p.message, lang)))
}

/// The end of a run that wrote its results as they came: the progress bar is cleared, then
/// every warning and every problem is named on `err`.
pub(super) fn finish(
    progress: &mut Progress,
    warnings: &[InputProblem],
    problems: &[InputProblem],
    lang: report::Lang,
    err: &mut dyn Write,
) -> io::Result<()> {
    progress.finish(err)?;
    print_warnings(warnings, lang, err)?;
    for p in problems {
        writeln!(err, "hedge: {}", problem_line(p, lang))?;
    }
    Ok(())
}

/// One line of `--format jsonl`.
#[derive(serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub(super) enum JsonLine<'a> {
    Sentence {
        file: &'a str,
        #[serde(flatten)]
        sentence: &'a crate::classify::SentenceScore,
    },
    Article {
        label: &'a str,
        file: &'a str,
        summary: &'a crate::aggregate::ArticleSummary,
    },
    Error {
        file: &'a str,
        message: &'a str,
    },
    /// The input is analysed, with a caveat (e.g. invalid bytes replaced).
    Warning {
        file: &'a str,
        message: &'a str,
    },
    /// `compare --facts`: one group of sentences that state the same fact, after the article
    /// lines (the fields of the JSON report's `facts` array).
    Fact {
        #[serde(flatten)]
        group: &'a crate::facts::FactGroup,
    },
}

pub(super) fn json_line(out: &mut dyn Write, line: &JsonLine) -> io::Result<()> {
    serde_json::to_writer(&mut *out, line).map_err(io::Error::from)?;
    writeln!(out)
}

/// What `--format jsonl` writes besides the article lines.
#[derive(Debug, Clone, Copy)]
pub(super) struct JsonlOptions {
    /// A line per sentence (`analyze`); the run must keep its sentences.
    pub sentences: bool,
    /// `--sources`: the article line's summary gets `sources`, counted from the sentences as
    /// they go by (the run must keep its sentences; they are not kept past their chunk).
    pub sources: bool,
    /// `compare --facts`: a `fact` line per group after the article lines (the run must keep
    /// its sentences; they are kept until the end, as the JSON report keeps them).
    pub facts: bool,
}

/// `--format jsonl`: writes each sentence (analyze) and each article as soon as it is done, in
/// input order; memory stays bounded whatever the size of the inputs. Problems also go to `err`.
#[allow(clippy::too_many_arguments)]
pub(super) fn write_jsonl(
    inputs: &[String],
    labels: Option<&[(String, String)]>,
    lex: &Lexicon,
    run: RunOptions,
    what: JsonlOptions,
    term: Terminal,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let (planned, mut problems, mut warnings) = plan(inputs, labels);
    for p in &problems {
        json_line(out, &JsonLine::Error { file: &p.name, message: &p.message })?;
    }
    for w in &warnings {
        json_line(out, &JsonLine::Warning { file: &w.name, message: &w.message })?;
    }
    let mut progress = progress_for(&planned, term, true);
    let mut articles = 0;
    // `--sources`: the sources of the open article's claims.
    let mut credited: Vec<crate::classify::source::Source> = Vec::new();
    // `--facts`: the open article's claims (those the alignment looks at), then every article's
    // (label, assertiveness, claims).
    let mut claims: Vec<crate::classify::SentenceScore> = Vec::new();
    let mut done: Vec<(String, Option<f64>, Vec<crate::classify::SentenceScore>)> = Vec::new();
    analyze_inputs(&planned, lex, run, &mut |ev| {
        match ev {
            Event::Begin { name, warnings: w, .. } => {
                for m in w {
                    json_line(out, &JsonLine::Warning { file: &name, message: &m })?;
                    warnings.push(InputProblem::new(name.clone(), m));
                }
            }
            Event::Sentences { input, sentences } => {
                if what.sources {
                    credited.extend(sentences.iter().filter(|s| s.is_claim()).filter_map(|s| s.source.clone()));
                }
                if what.facts {
                    claims.extend(sentences.iter().filter(|s| crate::facts::is_candidate(s)).cloned());
                }
                if what.sentences {
                    let file = input.origin.display_name();
                    for s in &sentences {
                        json_line(out, &JsonLine::Sentence { file: &file, sentence: s })?;
                    }
                }
            }
            Event::Article { input, name, mut summary, info } => {
                articles += 1;
                if what.sources {
                    summary.sources = Some(crate::classify::source::count_sources(&credited));
                    credited.clear();
                }
                let label = info.label(input);
                json_line(out, &JsonLine::Article { label: &label, file: &name, summary: &summary })?;
                if what.facts {
                    done.push((label, summary.assertiveness, std::mem::take(&mut claims)));
                }
                out.flush()?;
            }
            Event::Failed(p) => {
                credited.clear();
                claims.clear();
                json_line(out, &JsonLine::Error { file: &p.name, message: &p.message })?;
                problems.push(p);
            }
            Event::Progress { bytes, inputs } => progress.update(bytes, inputs, err)?,
        }
        Ok(())
    })?;
    if what.facts && !done.is_empty() {
        // In the order of the JSON report (most assertive first, ties by label), so that the
        // groups are the same.
        done.sort_by(|a, b| b.1.unwrap_or(-1.0).total_cmp(&a.1.unwrap_or(-1.0)).then_with(|| a.0.cmp(&b.0)));
        let inputs: Vec<(String, &[crate::classify::SentenceScore])> = done.iter().map(|(l, _, s)| (l.clone(), s.as_slice())).collect();
        for group in &crate::facts::align(&inputs, &crate::facts::Params::default()) {
            json_line(out, &JsonLine::Fact { group })?;
        }
    }
    finish(&mut progress, &warnings, &problems, term.lang, err)?;
    if articles == 0 && !what.sentences {
        writeln!(err, "hedge: {}", report::messages::localise("no article could be analysed", term.lang))?;
    }
    Ok(u8::from(!problems.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_bar_keeps_out_of_results_written_to_a_terminal() {
        let term = |stdout_is_tty, stderr_is_tty| Terminal { stdout_is_tty, stderr_is_tty, lang: report::Lang::En, stdout_columns: None };
        // A report written at the end: the bar whenever stderr is a terminal.
        assert!(progress_enabled(term(true, true), false));
        assert!(progress_enabled(term(false, true), false));
        // Results written as they come: not among them on the terminal.
        assert!(!progress_enabled(term(true, true), true));
        assert!(progress_enabled(term(false, true), true));
        // Never in a pipe.
        assert!(!progress_enabled(term(false, false), false) && !progress_enabled(term(true, false), true));
    }
}
