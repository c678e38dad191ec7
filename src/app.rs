//! Turns a parsed command line into work and output. Output goes to the writers it is given;
//! the exit status is returned: 0 all good, 1 some input or lexicon failed, 2 usage error.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::classify::{Label, ScoringRules};
use crate::cli::{AnalyzeFormat, Cli, ColorChoice, Command, CompareFormat, EvalCommand, EvalFormat, LexiconCommand};
use crate::input::{self, InputProblem};
use crate::lexicon::{Lexicon, LexiconError};
use crate::pipeline::{analyze_inputs, Event, RunOptions};
use crate::progress::Progress;
use crate::report::{self, Article, InputError, MarkerInfo, Render, Report, Scoring, Style};

/// The terminal facts `run` needs to decide on colour.
#[derive(Debug, Clone, Copy)]
pub struct Terminal {
    pub stdout_is_tty: bool,
    /// Progress bars are drawn only on a terminal.
    pub stderr_is_tty: bool,
}

/// Decides colour once: `always`/`never` win; `auto` means a terminal, NO_COLOR unset or empty,
/// and CLICOLOR not 0 (CLICOLOR_FORCE forces it on).
pub fn use_color(choice: ColorChoice, term: Terminal) -> bool {
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if var("NO_COLOR").is_some() {
                return false;
            }
            if var("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                return true;
            }
            if var("CLICOLOR").is_some_and(|v| v == "0") {
                return false;
            }
            term.stdout_is_tty
        }
    }
}

/// Runs a command.
pub fn run(cli: Cli, term: Terminal, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    match cli.command {
        Command::Analyze(a) => {
            let lex = match load_lexicon(&a.common.lexicons, err)? {
                Some(l) => l,
                None => return Ok(1),
            };
            let style = Style { color: use_color(a.common.color, term) };
            let run = RunOptions::new(a.common.threads, true);
            if a.format == AnalyzeFormat::Jsonl {
                return write_jsonl(&[a.input], &[], &lex, run, term, out, err);
            }
            let (report, failed) = build_report(&[a.input], &[], &lex, run, term, err)?;
            if report.articles.is_empty() {
                return Ok(1);
            }
            match a.format {
                AnalyzeFormat::Text => report::Text.render(&report, style, out)?,
                AnalyzeFormat::Json | AnalyzeFormat::Jsonl => report::Json.render(&report, style, out)?,
            }
            Ok(u8::from(failed))
        }
        Command::Compare(c) => {
            let lex = match load_lexicon(&c.common.lexicons, err)? {
                Some(l) => l,
                None => return Ok(1),
            };
            let style = Style { color: use_color(c.common.color, term) };
            let run = RunOptions::new(c.common.threads, false);
            if c.format == CompareFormat::Jsonl {
                return write_jsonl(&c.inputs, &c.labels, &lex, run, term, out, err);
            }
            let (mut report, failed) = build_report(&c.inputs, &c.labels, &lex, run, term, err)?;
            if report.articles.is_empty() {
                writeln!(err, "hedge: no article could be analysed")?;
                return Ok(1);
            }
            // Most assertive first; articles with no claim last; ties by label.
            report.articles.sort_by(|a, b| {
                let key = |x: &Article| x.summary.assertiveness.unwrap_or(-1.0);
                key(b).total_cmp(&key(a)).then_with(|| a.label.cmp(&b.label))
            });
            let r: &dyn Render = match c.format {
                CompareFormat::Table => &report::Table,
                CompareFormat::Json => &report::Json,
                CompareFormat::Csv => &report::Csv,
                CompareFormat::Markdown => &report::Markdown,
                CompareFormat::Jsonl => unreachable!("handled above"),
            };
            r.render(&report, style, out)?;
            Ok(u8::from(failed))
        }
        Command::Lexicon(cmd) => run_lexicon(cmd, out, err),
        Command::Eval(cmd) => run_eval(cmd, out, err),
    }
}

fn load_lexicon(paths: &[std::path::PathBuf], err: &mut dyn Write) -> io::Result<Option<Lexicon>> {
    let built = Lexicon::read_sources(paths).and_then(|s| Lexicon::build(&s));
    match built {
        Ok(l) => Ok(Some(l)),
        Err(e) => {
            writeln!(err, "hedge: lexicon error: {e}")?;
            Ok(None)
        }
    }
}

/// The progress line for a run over `planned`, on stderr when it is a terminal.
fn progress_for(planned: &[input::Planned], term: Terminal) -> Progress {
    let total: u64 = planned
        .iter()
        .filter_map(|p| match &p.origin {
            input::Origin::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
            input::Origin::Stdin => None,
        })
        .sum();
    Progress::new(term.stderr_is_tty, total, planned.len())
}

/// Reads, analyses and collects every input; problems go to `err` and into the report.
fn build_report(
    inputs: &[String],
    labels: &[(String, String)],
    lex: &Lexicon,
    run: RunOptions,
    term: Terminal,
    err: &mut dyn Write,
) -> io::Result<(Report, bool)> {
    let (planned, mut problems) = input::discover(inputs, labels);
    let mut articles = Vec::new();
    let mut progress = progress_for(&planned, term);
    let mut sentences = Vec::new();
    analyze_inputs(&planned, lex, run, &mut |ev| {
        match ev {
            Event::Sentences { sentences: s, .. } => sentences.extend(s),
            Event::Article { input, name, summary } => articles.push(Article {
                label: input.label.clone(),
                file: name,
                summary,
                sentences: std::mem::take(&mut sentences),
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
    let mut add = |id: &str| {
        if let Some(e) = lex.entry(id) {
            let f = lex.family_of(e);
            markers.entry(id.to_string()).or_insert_with(|| MarkerInfo {
                category: e.category,
                family: f.id.clone(),
                family_label: f.label.clone(),
                grade: e.grade.clone(),
                weight: e.weight,
                explain: e.explain.clone(),
            });
        }
    };
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
    for p in &problems {
        writeln!(err, "hedge: {p}")?;
    }
    let failed = !problems.is_empty();
    let rules = ScoringRules::embedded();
    let base = Label::CLAIMS.iter().map(|&l| (l, rules.base(l).unwrap_or(0))).collect();
    let report = Report {
        schema: report::SCHEMA,
        scoring: Scoring { base, formula: report::FORMULA },
        articles,
        markers,
        errors: problems.into_iter().map(|InputProblem { name, message }| InputError { file: name, message }).collect(),
    };
    Ok((report, failed))
}

/// One line of `--format jsonl`.
#[derive(serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum JsonLine<'a> {
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
}

fn json_line(out: &mut dyn Write, line: &JsonLine) -> io::Result<()> {
    serde_json::to_writer(&mut *out, line).map_err(io::Error::other)?;
    writeln!(out)
}

/// `--format jsonl`: writes each sentence (analyze) and each article as soon as it is done, in
/// input order; memory stays bounded whatever the size of the inputs. Problems also go to `err`.
fn write_jsonl(
    inputs: &[String],
    labels: &[(String, String)],
    lex: &Lexicon,
    run: RunOptions,
    term: Terminal,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let (planned, mut problems) = input::discover(inputs, labels);
    for p in &problems {
        json_line(out, &JsonLine::Error { file: &p.name, message: &p.message })?;
    }
    let mut progress = progress_for(&planned, term);
    let mut articles = 0;
    analyze_inputs(&planned, lex, run, &mut |ev| {
        match ev {
            Event::Sentences { input, sentences } => {
                let file = input.origin.display_name();
                for s in &sentences {
                    json_line(out, &JsonLine::Sentence { file: &file, sentence: s })?;
                }
            }
            Event::Article { input, name, summary } => {
                articles += 1;
                json_line(out, &JsonLine::Article { label: &input.label, file: &name, summary: &summary })?;
                out.flush()?;
            }
            Event::Failed(p) => {
                json_line(out, &JsonLine::Error { file: &p.name, message: &p.message })?;
                problems.push(p);
            }
            Event::Progress { bytes, inputs } => progress.update(bytes, inputs, err)?,
        }
        Ok(())
    })?;
    progress.finish(err)?;
    for p in &problems {
        writeln!(err, "hedge: {p}")?;
    }
    if articles == 0 && !run.keep_sentences {
        writeln!(err, "hedge: no article could be analysed")?;
    }
    Ok(u8::from(!problems.is_empty()))
}

fn run_lexicon(cmd: LexiconCommand, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    match cmd {
        LexiconCommand::List { category, lexicons } => {
            let Some(lex) = load_lexicon(&lexicons, err)? else { return Ok(1) };
            if let Some(c) = &category {
                if !["attribution", "hedge", "booster"].contains(&c.as_str()) {
                    writeln!(err, "hedge: unknown category {c:?} (expected attribution, hedge or booster)")?;
                    return Ok(2);
                }
            }
            let mut t = comfy_table::Table::new();
            t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
            t.force_no_tty();
            t.set_header(vec!["id", "category", "grade", "weight", "family"]);
            let mut n = 0;
            for e in lex.entries.iter().filter(|e| category.as_deref().is_none_or(|c| e.category.as_str() == c)) {
                t.add_row(vec![
                    e.id.clone(),
                    e.category.as_str().to_string(),
                    e.grade.clone().unwrap_or_default(),
                    format!("{:+}", e.weight),
                    lex.family_of(e).label.clone(),
                ]);
                n += 1;
            }
            writeln!(out, "{t}")?;
            writeln!(out, "{n} entries. Details: hedge lexicon show ID")?;
            Ok(0)
        }
        LexiconCommand::Show { id, lexicons } => {
            let Some(lex) = load_lexicon(&lexicons, err)? else { return Ok(1) };
            let Some(e) = lex.entry(&id) else {
                let close: Vec<&str> = lex.entries.iter().map(|e| e.id.as_str()).filter(|x| x.contains(id.rsplit('.').next().unwrap_or(&id))).take(5).collect();
                write!(err, "hedge: no lexicon entry {id:?}")?;
                if !close.is_empty() {
                    write!(err, " (did you mean: {}?)", close.join(", "))?;
                }
                writeln!(err, "; list them with `hedge lexicon list`")?;
                return Ok(1);
            };
            let f = lex.family_of(e);
            writeln!(out, "{}", e.id)?;
            writeln!(out, "  family:   {} ({}) — {}", f.id, f.label, f.explain)?;
            writeln!(out, "  category: {}", e.category.as_str())?;
            if let Some(g) = &e.grade {
                writeln!(out, "  grade:    {g}")?;
            }
            writeln!(out, "  weight:   {:+}", e.weight)?;
            writeln!(out, "  explain:  {}", e.explain)?;
            match &e.rule {
                crate::lexicon::Rule::Patterns(p) => writeln!(out, "  patterns: {}", p.join(" | "))?,
                crate::lexicon::Rule::Forms(p) => writeln!(out, "  forms:    {}", p.join(", "))?,
                crate::lexicon::Rule::Lemmas { lemmas, .. } => {
                    writeln!(out, "  lemmas:   {} (all their conjugated forms and participles)", lemmas.join(", "))?
                }
                crate::lexicon::Rule::Conditional => writeln!(out, "  words:    every conditional-mood form of every verb ({} forms in the table)", lex.morphology.len())?,
            }
            if !e.exceptions.is_empty() {
                writeln!(out, "  except:   {}", e.exceptions.join(" | "))?;
            }
            for x in &e.examples {
                writeln!(out, "  example:  {x}")?;
            }
            for x in &e.counterexamples {
                writeln!(out, "  not:      {x}")?;
            }
            writeln!(out, "  defined:  {}", e.location)?;
            Ok(0)
        }
        LexiconCommand::Check { paths } => {
            let sources = match Lexicon::read_sources(&paths) {
                Ok(s) => s,
                Err(e) => {
                    writeln!(err, "hedge: {e}")?;
                    return Ok(1);
                }
            };
            let lex = match Lexicon::build(&sources) {
                Ok(l) => l,
                Err(e) => {
                    writeln!(err, "{e}")?;
                    return Ok(1);
                }
            };
            let files: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
            let problems: Vec<LexiconError> = crate::check::check_examples(&lex, |e| files.contains(&e.location.file.as_str()));
            for p in &problems {
                writeln!(err, "{p}")?;
            }
            let n = lex.entries.iter().filter(|e| files.contains(&e.location.file.as_str())).count();
            if problems.is_empty() {
                writeln!(out, "ok: {n} entries in {} file(s), every example found and no counterexample matched", files.len())?;
                Ok(0)
            } else {
                writeln!(out, "{} problem(s) in {n} entries", problems.len())?;
                Ok(1)
            }
        }
    }
}

fn run_eval(cmd: EvalCommand, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    match cmd {
        EvalCommand::Ud { files, corrections, verbose, format } => {
            let morph = crate::lexicon::morphology::Morphology::embedded();
            let result = corrections
                .as_deref()
                .map(crate::eval::conllu::read_corrections)
                .transpose()
                .and_then(|c| crate::eval::ud::eval_ud(&files, &c.unwrap_or_default(), morph));
            print_eval(result, format, out, err, |r, out| {
                writeln!(out, "Conditional-mood words: predicted spans vs gold Mood=Cnd (exact span match)")?;
                writeln!(out, "{:<34} {:>9} {:>5} {:>4} {:>4} {:>9} {:>9} {:>9}", "file", "gold", "tp", "fp", "fn", "precision", "recall", "f1")?;
                for f in &r.files {
                    prf_row(out, &f.file, f.gold, &f.scores)?;
                }
                prf_row(out, "overall", r.gold, &r.overall)?;
                writeln!(out, "gold corrections applied: {}", r.corrections_applied)?;
                if verbose {
                    for e in &r.errors {
                        writeln!(out, "{} {} {} {:?}: {}", e.kind, e.file, e.sent_id, e.word, e.text)?;
                    }
                }
                Ok(())
            })
        }
        EvalCommand::Readings { file, verbose, format } => {
            print_eval(crate::eval::readings::eval_readings(&file), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
        }
        EvalCommand::Segment { files, prefix, verbose, format } => {
            let result = crate::eval::segment::eval_segment(&files, prefix.as_deref());
            print_eval(result, format, out, err, |r, out| {
                writeln!(
                    out,
                    "Sentence boundaries: gold sentences joined by one space, {} at a time{}",
                    r.group_size,
                    prefix.as_deref().map(|p| format!(", sent_id prefix {p:?}")).unwrap_or_default()
                )?;
                writeln!(out, "{:<34} {:>9} {:>5} {:>4} {:>4} {:>9} {:>9} {:>9}", "file", "sentences", "tp", "fp", "fn", "precision", "recall", "f1")?;
                for f in &r.files {
                    prf_row(out, f.file.rsplit('/').next().unwrap_or(&f.file), f.sentences, &f.scores)?;
                }
                prf_row(out, "overall", r.files.iter().map(|f| f.sentences).sum(), &r.overall)?;
                if verbose {
                    for e in &r.errors {
                        writeln!(out, "{:?} {} {}: {}", e.kind, e.file, e.sent_id, e.context)?;
                    }
                }
                Ok(())
            })
        }
    }
}

/// Prints an evaluation: its error, or JSON, or the text `as_text` writes.
fn print_eval<T: serde::Serialize>(
    result: Result<T, String>,
    format: EvalFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
    as_text: impl FnOnce(&T, &mut dyn Write) -> io::Result<()>,
) -> io::Result<u8> {
    let r = match result {
        Ok(r) => r,
        Err(e) => {
            writeln!(err, "hedge: {e}")?;
            return Ok(1);
        }
    };
    match format {
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &r).map_err(io::Error::other)?;
            writeln!(out)?;
        }
        EvalFormat::Text => as_text(&r, out)?,
    }
    Ok(0)
}

/// One row of an evaluation table.
fn prf_row(out: &mut dyn Write, name: &str, n: usize, s: &crate::eval::Prf) -> io::Result<()> {
    writeln!(out, "{:<34} {:>9} {:>5} {:>4} {:>4} {:>9.4} {:>9.4} {:>9.4}", name, n, s.tp, s.fp, s.fn_, s.precision, s.recall, s.f1)
}
