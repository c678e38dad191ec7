//! Turns a parsed command line into work and output. Output goes to the writers it is given;
//! the exit status is returned: 0 all good, 1 some input or lexicon failed, 2 usage error.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::classify::{Label, ScoringRules};
use crate::classify::Include;
use crate::cli::{AnalyzeFormat, Cli, ColorChoice, Command, Common, CompareFormat, EvalCommand, EvalFormat, EvalLexicon, HtmlArgs, IncludePart, InputFormat, LexiconCommand, UiLang};
use crate::extract::PartKind;
use crate::input::{self, Format, InputProblem};
use crate::lexicon::{Lexicon, LexiconError};
use crate::pipeline::{analyze_inputs, Event, ReadOptions, RunOptions};
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
            let style = Style { color: use_color(a.common.color, term), lang: terminal_lang(a.common.lang) };
            if html_onto_an_input(&a.html, std::slice::from_ref(&a.input), err)? {
                return Ok(2);
            }
            let run = run_options(&a.common, true, err)?;
            if a.format == AnalyzeFormat::Jsonl {
                return write_jsonl(&[a.input], &[], &lex, run, term, out, err);
            }
            if a.format == AnalyzeFormat::Text && a.html.html.is_none() {
                return write_text(&[a.input], &lex, run, style, term, out, err);
            }
            let (report, failed) = build_report(&[a.input], &[], &lex, run, term, err)?;
            if report.articles.is_empty() {
                // JSON readers still get a valid document, with the `errors` list.
                if matches!(a.format, AnalyzeFormat::Json | AnalyzeFormat::Jsonl) {
                    report::Json.render(&report, style, out)?;
                }
                return Ok(1);
            }
            let html_failed = write_html(&a.html, &report, None, err)?;
            match a.format {
                AnalyzeFormat::Text => report::Text.render(&report, style, out)?,
                AnalyzeFormat::Json | AnalyzeFormat::Jsonl => report::Json.render(&report, style, out)?,
            }
            Ok(u8::from(failed || html_failed))
        }
        Command::Compare(c) => {
            let lex = match load_lexicon(&c.common.lexicons, err)? {
                Some(l) => l,
                None => return Ok(1),
            };
            let style = Style { color: use_color(c.common.color, term), lang: terminal_lang(c.common.lang) };
            if html_onto_an_input(&c.html, &c.inputs, err)? {
                return Ok(2);
            }
            // The HTML report shows every sentence; the other formats only the summaries.
            let run = run_options(&c.common, c.html.html.is_some() || c.facts, err)?;
            if c.format == CompareFormat::Jsonl {
                return write_jsonl(&c.inputs, &c.labels, &lex, run, term, out, err);
            }
            let (mut report, failed) = build_report(&c.inputs, &c.labels, &lex, run, term, err)?;
            if report.articles.is_empty() {
                writeln!(err, "hedge: no article could be analysed")?;
                if c.format == CompareFormat::Json {
                    report::Json.render(&report, style, out)?;
                }
                return Ok(1);
            }
            // Most assertive first; articles with no claim last; ties by label.
            report.articles.sort_by(|a, b| {
                let key = |x: &Article| x.summary.assertiveness.unwrap_or(-1.0);
                key(b).total_cmp(&key(a)).then_with(|| a.label.cmp(&b.label))
            });
            let facts = c.facts.then(|| {
                let inputs: Vec<(String, &[crate::classify::SentenceScore])> =
                    report.articles.iter().map(|a| (a.label.clone(), a.sentences.as_slice())).collect();
                crate::facts::align(&inputs, &crate::facts::Params::default())
            });
            let html_failed = write_html(&c.html, &report, facts.as_deref(), err)?;
            if c.html.html.is_some() || c.facts {
                summaries_only(&mut report);
            }
            if let (Some(groups), CompareFormat::Json) = (&facts, c.format) {
                // The report with a `facts` array: nothing else changes.
                let mut v = serde_json::to_value(&report).map_err(io::Error::other)?;
                if let Some(o) = v.as_object_mut() {
                    o.insert("facts".into(), serde_json::to_value(groups).map_err(io::Error::other)?);
                }
                serde_json::to_writer_pretty(&mut *out, &v).map_err(io::Error::other)?;
                writeln!(out)?;
                return Ok(u8::from(failed || html_failed));
            }
            let r: &dyn Render = match c.format {
                CompareFormat::Table => &report::Table,
                CompareFormat::Json => &report::Json,
                CompareFormat::Csv => &report::Csv,
                CompareFormat::Markdown => &report::Markdown,
                CompareFormat::Jsonl => unreachable!("handled above"),
            };
            r.render(&report, style, out)?;
            match (&facts, c.format) {
                (Some(groups), CompareFormat::Table | CompareFormat::Markdown) => crate::facts::write_text(groups, out)?,
                (Some(_), _) => writeln!(err, "hedge: --facts is shown in the table, markdown and json formats only")?,
                (None, _) => {}
            }
            Ok(u8::from(failed || html_failed))
        }
        Command::Lexicon(cmd) => run_lexicon(cmd, out, err),
        Command::Eval(cmd) => run_eval(cmd, out, err),
    }
}

/// Is `--html PATH` one of the inputs (given, or found in a directory)? Then it says so on
/// `err` (the run is refused: the report would overwrite an article). A report hedge wrote
/// before is no input: directory walks skip it.
fn html_onto_an_input(args: &HtmlArgs, inputs: &[String], err: &mut dyn Write) -> io::Result<bool> {
    let Some(target) = args.html.as_deref().and_then(|p| std::fs::canonicalize(p).ok()) else { return Ok(false) };
    let (planned, _, _) = input::discover(inputs, &[]);
    let clash = planned.iter().any(|p| match &p.origin {
        input::Origin::File(f) => std::fs::canonicalize(f).is_ok_and(|f| f == target),
        input::Origin::Stdin => false,
    });
    if clash {
        let shown = args.html.as_deref().map(|p| p.display().to_string()).unwrap_or_default();
        writeln!(err, "hedge: --html {shown} is one of the articles to analyse; it is not overwritten (choose another path for the report)")?;
    }
    Ok(clash)
}

/// The language of the terminal views: `--lang`, else the locale's.
fn terminal_lang(lang: Option<UiLang>) -> report::Lang {
    match lang {
        Some(UiLang::Fr) => report::Lang::Fr,
        Some(UiLang::En) => report::Lang::En,
        None => report::Lang::from_env(),
    }
}

/// Writes the HTML report when `--html PATH` was given. Returns whether writing failed (the
/// problem, naming the path, is printed on `err`).
fn write_html(args: &HtmlArgs, report: &Report, facts: Option<&[crate::facts::FactGroup]>, err: &mut dyn Write) -> io::Result<bool> {
    let Some(path) = &args.html else { return Ok(false) };
    let lang = match args.ui.unwrap_or(UiLang::Fr) {
        UiLang::Fr => report::html::Lang::Fr,
        UiLang::En => report::html::Lang::En,
    };
    let page = report::Html { lang, answers: args.answers }.page(report);
    // `compare --facts`: the « Même fait, autres voix » section, before the articles.
    let page = match facts {
        Some(groups) => crate::facts::insert_html_section(&page, &crate::facts::html_section(groups, args.answers)),
        None => page,
    };
    match std::fs::write(path, page) {
        Ok(()) => Ok(false),
        Err(e) => {
            writeln!(err, "hedge: cannot write the HTML report {}: {e}", path.display())?;
            Ok(true)
        }
    }
}

/// Drops the sentences, and the markers that only they named, so that `compare` prints the same
/// summaries whether or not the HTML report asked for the sentences.
fn summaries_only(report: &mut Report) {
    for a in &mut report.articles {
        a.sentences = Vec::new();
        a.parts = Vec::new();
        a.languages = Vec::new();
        a.text = None;
        a.quotes = Vec::new();
    }
    let named: std::collections::BTreeSet<String> =
        report.articles.iter().flat_map(|a| a.summary.top_markers.iter().map(|(id, _)| id.clone())).collect();
    report.markers.retain(|id, _| named.contains(id));
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

/// The reading options and included parts of the command line.
fn options(common: &Common) -> (ReadOptions, Include) {
    let format = match common.input_format {
        InputFormat::Auto => None,
        InputFormat::Text => Some(Format::Text),
        InputFormat::Markdown => Some(Format::Markdown),
        InputFormat::Html => Some(Format::Html),
    };
    let mut include = Include::default();
    for p in &common.include {
        match p {
            IncludePart::Byline => include.parts.insert(PartKind::Byline),
            IncludePart::Boilerplate => include.parts.insert(PartKind::Boilerplate),
            IncludePart::Comments => include.parts.insert(PartKind::Comments),
            IncludePart::All => {
                include.parts.extend(PartKind::EXCLUDED);
                true
            }
        };
    }
    (ReadOptions { encoding: common.encoding, format }, include)
}

/// The run options of the command line. A thread count over [`crate::pipeline::MAX_THREADS`] is
/// lowered to it, with a note on `err`.
fn run_options(common: &Common, keep_sentences: bool, err: &mut dyn Write) -> io::Result<RunOptions> {
    let (read, include) = options(common);
    let max = crate::pipeline::MAX_THREADS;
    let threads = if common.threads > max {
        writeln!(err, "hedge: --threads {} is too many; using {max}", common.threads)?;
        max
    } else {
        common.threads
    };
    let mut run = RunOptions::new(threads, keep_sentences);
    run.read = read;
    run.include = include;
    Ok(run)
}

/// The progress line for a run over `planned`, on stderr when it is a terminal. A run that
/// writes its results as they come (`streaming`: text view, jsonl) draws none when those results
/// go to a terminal themselves: they show the progress, and the bar would be drawn among them.
fn progress_for(planned: &[input::Planned], term: Terminal, streaming: bool) -> Progress {
    let total: u64 = planned
        .iter()
        .filter_map(|p| match &p.origin {
            input::Origin::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
            input::Origin::Stdin => None,
        })
        .sum();
    Progress::new(progress_enabled(term, streaming), total, planned.len())
}

/// Is a progress bar drawn? (See [`progress_for`].)
fn progress_enabled(term: Terminal, streaming: bool) -> bool {
    term.stderr_is_tty && !(streaming && term.stdout_is_tty)
}

/// The scoring constants every report prints.
fn scoring() -> Scoring {
    let rules = ScoringRules::embedded();
    Scoring {
        base: Label::CLAIMS.iter().map(|&l| (l, rules.base(l).unwrap_or(0))).collect(),
        quoted: rules.base.quoted,
        formula: report::FORMULA,
    }
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
    let (planned, mut problems, mut warnings) = input::discover(inputs, labels);
    let included_parts: Vec<PartKind> = run.include.parts.iter().copied().collect();
    let mut articles = Vec::new();
    let mut progress = progress_for(&planned, term, false);
    let mut sentences = Vec::new();
    analyze_inputs(&planned, lex, run, &mut |ev| {
        match ev {
            Event::Begin { name, warnings: w, .. } => warnings.extend(w.into_iter().map(|m| InputProblem::new(name.clone(), m))),
            Event::Sentences { sentences: s, .. } => sentences.extend(s),
            Event::Article { input, name, summary, info } => articles.push(Article {
                label: input.label.clone(),
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
    print_warnings(&warnings, err)?;
    for p in &problems {
        writeln!(err, "hedge: {p}")?;
    }
    let failed = !problems.is_empty();
    let as_errors = |v: Vec<InputProblem>| v.into_iter().map(|InputProblem { name, message }| InputError { file: name, message }).collect();
    let report = Report {
        schema: report::SCHEMA,
        scoring: scoring(),
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
fn write_text(
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
    let mut text = report::TextStream::new(style, &scoring(), &included_parts);
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
    finish(&mut progress, &warnings, &problems, err)?;
    Ok(u8::from(articles == 0 || !problems.is_empty()))
}

/// Adds what the lexicon says of marker `id` to `markers`, once.
fn note_marker(markers: &mut BTreeMap<String, MarkerInfo>, lex: &Lexicon, id: &str) {
    if !markers.contains_key(id) {
        if let Some(info) = crate::pipeline::marker_info(lex, id) {
            markers.insert(id.to_string(), info);
        }
    }
}

/// Names every warning on `err` (`hedge: warning: FILE: …`).
fn print_warnings(warnings: &[InputProblem], err: &mut dyn Write) -> io::Result<()> {
    for w in warnings {
        writeln!(err, "hedge: warning: {w}")?;
    }
    Ok(())
}

/// The end of a run that wrote its results as they came: the progress bar is cleared, then
/// every warning and every problem is named on `err`.
fn finish(progress: &mut Progress, warnings: &[InputProblem], problems: &[InputProblem], err: &mut dyn Write) -> io::Result<()> {
    progress.finish(err)?;
    print_warnings(warnings, err)?;
    for p in problems {
        writeln!(err, "hedge: {p}")?;
    }
    Ok(())
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
    /// The input is analysed, with a caveat (e.g. invalid bytes replaced).
    Warning {
        file: &'a str,
        message: &'a str,
    },
}

fn json_line(out: &mut dyn Write, line: &JsonLine) -> io::Result<()> {
    serde_json::to_writer(&mut *out, line).map_err(io::Error::from)?;
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
    let (planned, mut problems, mut warnings) = input::discover(inputs, labels);
    for p in &problems {
        json_line(out, &JsonLine::Error { file: &p.name, message: &p.message })?;
    }
    for w in &warnings {
        json_line(out, &JsonLine::Warning { file: &w.name, message: &w.message })?;
    }
    let mut progress = progress_for(&planned, term, true);
    let mut articles = 0;
    let keep_sentences = run.keep_sentences;
    analyze_inputs(&planned, lex, run, &mut |ev| {
        match ev {
            Event::Begin { name, warnings: w, .. } => {
                for m in w {
                    json_line(out, &JsonLine::Warning { file: &name, message: &m })?;
                    warnings.push(InputProblem::new(name.clone(), m));
                }
            }
            Event::Sentences { input, sentences } => {
                let file = input.origin.display_name();
                for s in &sentences {
                    json_line(out, &JsonLine::Sentence { file: &file, sentence: s })?;
                }
            }
            Event::Article { input, name, summary, .. } => {
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
    finish(&mut progress, &warnings, &problems, err)?;
    if articles == 0 && !keep_sentences {
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
                crate::lexicon::Rule::Lemmas { lemmas, include_infinitive, followed_by } => {
                    let inf = if *include_infinitive { ", the infinitive" } else { "" };
                    writeln!(out, "  lemmas:   {} (all their conjugated forms and participles{inf})", lemmas.join(", "))?;
                    if !followed_by.is_empty() {
                        writeln!(out, "  followed by: {} (the verb counts only with one of these right after it)", followed_by.join(" | "))?;
                    }
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
            // Engine rule files (given, or found in a given directory) are checked by their loaders.
            let mut rule_files = Vec::new();
            let mut marker_paths = Vec::new();
            for p in &paths {
                if p.is_dir() {
                    let mut files = Vec::new();
                    if crate::lexicon::toml_files(p, &mut files).is_ok() {
                        rule_files.extend(files.into_iter().filter(|f| crate::check::is_rule_file(f)));
                    }
                    marker_paths.push(p.clone());
                } else if crate::check::is_rule_file(p) {
                    rule_files.push(p.clone());
                } else {
                    marker_paths.push(p.clone());
                }
            }
            let mut rule_problems = 0;
            for f in &rule_files {
                if let Err(e) = crate::check::check_rule_file(f) {
                    writeln!(err, "{e}")?;
                    rule_problems += 1;
                }
            }
            if !rule_files.is_empty() {
                writeln!(out, "{}: {} engine rule file(s) read, {rule_problems} with problems", if rule_problems == 0 { "ok" } else { "error" }, rule_files.len())?;
            }
            if marker_paths.is_empty() {
                return Ok(u8::from(rule_problems > 0));
            }
            let paths = marker_paths;
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
                Ok(u8::from(rule_problems > 0))
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
        EvalCommand::Gold { file, articles, verbose, lexicon: EvalLexicon { lexicons, format } } => {
            let Some(lex) = load_lexicon(&lexicons, err)? else { return Ok(1) };
            print_eval(crate::eval::gold::eval_gold_in(&file, &articles, &lex), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
        }
        EvalCommand::Genre { labels, dir, verbose, lexicon: EvalLexicon { lexicons, format } } => {
            let Some(lex) = load_lexicon(&lexicons, err)? else { return Ok(1) };
            print_eval(crate::eval::genre::eval_genre(&labels, &dir, &lex), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
        }
        EvalCommand::Quotes { dir, verbose, lexicon: EvalLexicon { lexicons, format } } => {
            let Some(lex) = load_lexicon(&lexicons, err)? else { return Ok(1) };
            print_eval(crate::eval::quotes::eval_quotes(&dir, &lex), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
        }
        EvalCommand::Pages { expectations, dir, verbose, lexicon: EvalLexicon { lexicons, format } } => {
            let Some(lex) = load_lexicon(&lexicons, err)? else { return Ok(1) };
            print_eval(crate::eval::pages::eval_pages(&expectations, &dir, &lex), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
        }
        EvalCommand::Attribution { file, ud, verbose, lexicon: EvalLexicon { lexicons, format } } => {
            let Some(lex) = load_lexicon(&lexicons, err)? else { return Ok(1) };
            let result = crate::eval::attribution::eval_attribution(&file, &ud, &lex);
            print_eval(result, format, out, err, |r, out| {
                writeln!(out, "Attribution recall on the ASFALDA occurrences (cue matched and sentence ATTRIBUTED)")?;
                writeln!(out, "{:<34} {:>6} {:>12} {:>11} {:>6} {:>9}", "occurrences", "n", "cue matched", "attributed", "found", "recall")?;
                let row = |out: &mut dyn Write, name: &str, g: &crate::eval::attribution::GroupScore| {
                    writeln!(out, "{:<34} {:>6} {:>12} {:>11} {:>6} {:>9.4}", name, g.n, g.cue_matched, g.sentence_attributed, g.found, g.recall)
                };
                for (g, s) in r.groups.iter().filter(|(g, _)| **g != crate::eval::attribution::Group::OwnVoice) {
                    row(out, g.name(), s)?;
                }
                row(out, "overall (third-party sources)", &r.overall)?;
                if let Some(s) = r.groups.get(&crate::eval::attribution::Group::OwnVoice) {
                    writeln!(out, "first-person speakers (je/nous/moi…, the writer's own voice; right answer: not ATTRIBUTED): {} of {} right", s.found, s.n)?;
                }
                writeln!(out, "annotation sets read: {}; kept occurrences not aligned with UD text (skipped): {}", r.annotation_sets, r.skipped)?;
                writeln!(out, "ASFALDA is not exhaustive: this is recall on its annotated occurrences, not over all text.")?;
                if verbose {
                    for m in &r.misses {
                        let why = match (m.group, m.cue_matched) {
                            (crate::eval::attribution::Group::OwnVoice, _) => "first person, yet ATTRIBUTED".to_string(),
                            (_, true) => format!("sentence {}", m.label.as_str()),
                            (_, false) => "no attribution cue".to_string(),
                        };
                        writeln!(out, "miss {} {} {:?} ({}): {}", m.sent_id, m.frame, m.target, why, m.text)?;
                    }
                }
                Ok(())
            })
        }
        EvalCommand::Facts { file, verbose, params, lexicon: EvalLexicon { lexicons, format } } => {
            let Some(lex) = load_lexicon(&lexicons, err)? else { return Ok(1) };
            let p = crate::facts::Params { link: params.link, min_shared: params.min_shared, merge: params.merge, prefix: params.prefix, number_boost: params.number_boost, ..Default::default() };
            print_eval(crate::eval::facts::eval_facts(&file, &lex, &p), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
        }
        EvalCommand::Readings { file, articles, half, verbose, format } => {
            print_eval(crate::eval::readings::eval_readings_in(&file, &articles, half.as_deref()), format, out, err, |r, out| write!(out, "{}", r.render(verbose)))
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
            serde_json::to_writer_pretty(&mut *out, &r).map_err(io::Error::from)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_bar_keeps_out_of_results_written_to_a_terminal() {
        let term = |stdout_is_tty, stderr_is_tty| Terminal { stdout_is_tty, stderr_is_tty };
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
