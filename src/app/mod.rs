//! Turns a parsed command line into work and output. Output goes to the writers it is given;
//! the exit status is returned: 0 all good, 1 some input or lexicon failed, 2 usage error.
//!
//! `run` dispatches; the event-stream consumers that write a run's results are in
//! [`consumers`], the checks and options of a run in [`setup`], the `--sources` views in
//! [`sources`], the `lexicon` and `eval` subcommands in their own files.

mod consumers;
mod eval;
mod lexicon;
mod setup;
mod sources;

use std::io::{self, Write};

use consumers::{build_report, write_jsonl, write_text, JsonlOptions};
use eval::run_eval;
use lexicon::run_lexicon;
use setup::{html_onto_an_input, load_run_lexicon, run_options, summaries_only, terminal_lang, too_big_to_keep, write_html, WayOut};
use sources::{count_into_summaries, write_json_with_facts, write_sources_section};

use crate::cli::{AnalyzeFormat, Cli, ColorChoice, Command, CompareFormat, CsvLocale};
use crate::report::{self, Article, Render, Style};

/// The terminal facts `run` needs to decide on colour and wording.
#[derive(Debug, Clone, Copy)]
pub struct Terminal {
    pub stdout_is_tty: bool,
    /// Progress bars are drawn only on a terminal.
    pub stderr_is_tty: bool,
    /// The language of messages on stderr (the locale's; `--lang` replaces it in `run`).
    pub lang: report::Lang,
    /// The width of the terminal stdout writes to (None when it is not a terminal): the
    /// comparison table fits it. See [`terminal_columns`].
    pub stdout_columns: Option<u16>,
}

/// The width of the terminal on stdout: `COLUMNS` when set to a number, else the terminal's
/// own size; None when stdout is not a terminal (a pipe or a file gets a fixed width, so the
/// same command gives the same bytes).
pub fn terminal_columns(stdout_is_tty: bool) -> Option<u16> {
    if !stdout_is_tty {
        return None;
    }
    let columns = std::env::var("COLUMNS").ok().and_then(|v| v.trim().parse::<u16>().ok()).filter(|&n| n > 0);
    // comfy-table asks the terminal (it checks that stdout is one).
    columns.or_else(|| comfy_table::Table::new().width())
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
            let lex = match load_run_lexicon(&a.common.lexicons, &a.common.rules, terminal_lang(a.common.lang), err)? {
                Some(l) => l,
                None => return Ok(1),
            };
            let term = Terminal { lang: terminal_lang(a.common.lang), ..term };
            let style = Style { color: use_color(a.common.color, term), lang: term.lang, width: None, sources: a.sources };
            if html_onto_an_input(&a.html, std::slice::from_ref(&a.input), term.lang, err)? {
                return Ok(2);
            }
            let run = run_options(&a.common, true, term.lang, err)?;
            let keeps = match (a.format, a.html.html.is_some()) {
                (AnalyzeFormat::Json, _) => Some(("--format json", WayOut::Jsonl)),
                (_, true) => Some(("--html", WayOut::JsonlOrWithout("analyze"))),
                _ => None,
            };
            if let Some((what, way_out)) = keeps {
                if too_big_to_keep(std::slice::from_ref(&a.input), what, way_out, term.lang, err)? {
                    return Ok(2);
                }
            }
            if a.format == AnalyzeFormat::Jsonl {
                return write_jsonl(&[a.input], None, &lex, run, JsonlOptions { sentences: true, sources: a.sources, facts: false }, term, out, err);
            }
            if a.format == AnalyzeFormat::Text && a.html.html.is_none() {
                return write_text(&[a.input], &lex, run, style, term, out, err);
            }
            let (mut report, failed) = build_report(&[a.input], None, &lex, run, term, err)?;
            if report.articles.is_empty() {
                // JSON readers still get a valid document, with the `errors` list.
                if matches!(a.format, AnalyzeFormat::Json | AnalyzeFormat::Jsonl) {
                    report::Json.render(&report, style, out)?;
                }
                return Ok(1);
            }
            if a.sources {
                count_into_summaries(&mut report);
            }
            let html_failed = write_html(&a.html, &report, None, a.sources, &lex.rules, term.lang, err)?;
            match a.format {
                AnalyzeFormat::Text => report::Text.render(&report, style, out)?,
                AnalyzeFormat::Json | AnalyzeFormat::Jsonl => report::Json.render(&report, style, out)?,
            }
            Ok(u8::from(failed || html_failed))
        }
        Command::Compare(c) => {
            let lex = match load_run_lexicon(&c.common.lexicons, &c.common.rules, terminal_lang(c.common.lang), err)? {
                Some(l) => l,
                None => return Ok(1),
            };
            let term = Terminal { lang: terminal_lang(c.common.lang), ..term };
            let style = Style {
                color: use_color(c.common.color, term),
                lang: term.lang,
                width: c.width.or(term.stdout_columns.map(|w| w.max(crate::cli::MIN_TABLE_WIDTH))),
                // CSV: the sources columns.
                sources: c.sources,
            };
            if html_onto_an_input(&c.html, &c.inputs, term.lang, err)? {
                return Ok(2);
            }
            // The HTML report shows every sentence; the other formats only the summaries, but
            // `--facts` and `--sources` are found in the sentences (JSON Lines: as they go, for
            // `--sources`; `--facts` keeps them to the end).
            let jsonl = c.format == CompareFormat::Jsonl;
            let run = run_options(&c.common, c.html.html.is_some() || c.sources || c.facts, term.lang, err)?;
            let keeps = if c.html.html.is_some() {
                Some(("--html", WayOut::JsonlOrWithout("compare")))
            } else if c.facts {
                Some(("--facts", WayOut::OneEvent))
            } else {
                (c.sources && !jsonl).then_some(("--sources", WayOut::JsonlOrWithout("compare")))
            };
            if let Some((what, way_out)) = keeps {
                if too_big_to_keep(&c.inputs, what, way_out, term.lang, err)? {
                    return Ok(2);
                }
            }
            if jsonl {
                let status = write_jsonl(
                    &c.inputs,
                    Some(&c.labels),
                    &lex,
                    run,
                    JsonlOptions { sentences: false, sources: c.sources, facts: c.facts },
                    term,
                    out,
                    err,
                )?;
                return Ok(status);
            }
            let (mut report, failed) = build_report(&c.inputs, Some(&c.labels), &lex, run, term, err)?;
            if report.articles.is_empty() {
                writeln!(err, "hedge: {}", report::messages::localise("no article could be analysed", term.lang))?;
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
            // `--sources`: counted from the sentences, before they are dropped.
            if c.sources {
                count_into_summaries(&mut report);
            }
            let html_failed = write_html(&c.html, &report, facts.as_deref(), c.sources, &lex.rules, term.lang, err)?;
            if c.html.html.is_some() || c.facts || c.sources {
                summaries_only(&mut report);
            }
            if let (CompareFormat::Json, Some(groups)) = (c.format, &facts) {
                // The report with a `facts` array: nothing else changes.
                write_json_with_facts(&report, groups, out)?;
                return Ok(u8::from(failed || html_failed));
            }
            let csv = report::Csv { french: c.csv_locale == Some(CsvLocale::Fr), bom: c.csv_bom };
            if c.format != CompareFormat::Csv && (c.csv_locale.is_some() || c.csv_bom) {
                writeln!(err, "hedge: {}", report::messages::localise("--csv-locale and --csv-bom apply to --format csv only", term.lang))?;
            }
            let r: &dyn Render = match c.format {
                CompareFormat::Table => &report::Table,
                CompareFormat::Json => &report::Json,
                CompareFormat::Csv => &csv,
                CompareFormat::Markdown => &report::Markdown,
                CompareFormat::Jsonl => unreachable!("handled above"),
            };
            r.render(&report, style, out)?;
            match (&facts, c.format) {
                (Some(groups), CompareFormat::Table | CompareFormat::Markdown) => crate::facts::write_text(groups, term.lang, out)?,
                (Some(_), _) => writeln!(
                    err,
                    "hedge: {}",
                    report::messages::localise(
                        "--facts is not shown in csv (one table of articles per file): use --format table, markdown, json, jsonl or --html",
                        term.lang
                    )
                )?,
                (None, _) => {}
            }
            if c.sources && matches!(c.format, CompareFormat::Table | CompareFormat::Markdown) {
                write_sources_section(&report, term.lang, out)?;
            }
            Ok(u8::from(failed || html_failed))
        }
        Command::Lexicon(cmd) => run_lexicon(cmd, out, err),
        Command::Eval(cmd) => run_eval(cmd, out, err),
        Command::Completions { shell } => {
            // Into a buffer first: clap_complete panics when its writer fails (`| head`).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut <Cli as clap::CommandFactory>::command(), "hedge", &mut script);
            out.write_all(&script)?;
            Ok(0)
        }
        Command::Man => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(out)?;
            Ok(0)
        }
    }
}
