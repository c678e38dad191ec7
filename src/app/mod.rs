//! Turns a parsed command line into work and output. Output goes to the writers it is given;
//! the exit status is returned: 0 all good, 1 some input or lexicon failed, 2 usage error.

//!
//! `run` dispatches; the event-stream consumers that write a run's results are in
//! [`consumers`], the `lexicon` and `eval` subcommands in their own files.

mod consumers;
mod eval;
mod lexicon;

use std::io::{self, Write};

use consumers::{build_report, write_jsonl, write_text};
use eval::run_eval;
use lexicon::run_lexicon;

use crate::classify::Include;
use crate::cli::{AnalyzeFormat, Cli, ColorChoice, Command, Common, CompareFormat, CsvLocale, HtmlArgs, IncludePart, InputFormat, UiLang};
use crate::extract::PartKind;
use crate::input::{self, Format};
use crate::lexicon::Lexicon;
use crate::pipeline::{ReadOptions, RunOptions};
use crate::report::{self, Article, Render, Report, Style};

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
            let lex = match load_lexicon(&a.common.lexicons, err)? {
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
                (AnalyzeFormat::Json, _) => Some("--format json"),
                (_, true) => Some("--html"),
                _ => None,
            };
            if let Some(what) = keeps {
                if too_big_to_keep(std::slice::from_ref(&a.input), what, term.lang, err)? {
                    return Ok(2);
                }
            }
            if a.format == AnalyzeFormat::Jsonl {
                return write_jsonl(&[a.input], None, &lex, run, term, out, err);
            }
            if a.format == AnalyzeFormat::Text && a.html.html.is_none() {
                return write_text(&[a.input], &lex, run, style, term, out, err);
            }
            let (report, failed) = build_report(&[a.input], None, &lex, run, term, err)?;
            if report.articles.is_empty() {
                // JSON readers still get a valid document, with the `errors` list.
                if matches!(a.format, AnalyzeFormat::Json | AnalyzeFormat::Jsonl) {
                    report::Json.render(&report, style, out)?;
                }
                return Ok(1);
            }
            let sources: Option<Vec<_>> =
                a.sources.then(|| report.articles.iter().map(|x| crate::classify::source::article_sources(&x.sentences)).collect());
            let html_failed = write_html(&a.html, &report, None, sources.as_deref(), term.lang, err)?;
            match a.format {
                AnalyzeFormat::Text => report::Text.render(&report, style, out)?,
                AnalyzeFormat::Json | AnalyzeFormat::Jsonl if a.sources => {
                    write_json_with_sources(&report, sources.as_deref().unwrap_or(&[]), None, out)?;
                }
                AnalyzeFormat::Json | AnalyzeFormat::Jsonl => report::Json.render(&report, style, out)?,
            }
            Ok(u8::from(failed || html_failed))
        }
        Command::Compare(c) => {
            let lex = match load_lexicon(&c.common.lexicons, err)? {
                Some(l) => l,
                None => return Ok(1),
            };
            let term = Terminal { lang: terminal_lang(c.common.lang), ..term };
            let style = Style {
                color: use_color(c.common.color, term),
                lang: term.lang,
                width: c.width.or(term.stdout_columns.map(|w| w.max(crate::cli::MIN_TABLE_WIDTH))),
                sources: false,
            };
            if html_onto_an_input(&c.html, &c.inputs, term.lang, err)? {
                return Ok(2);
            }
            // The HTML report shows every sentence; the other formats only the summaries.
            let run = run_options(&c.common, c.html.html.is_some() || c.facts || c.sources, term.lang, err)?;
            let keeps = if c.html.html.is_some() {
                Some("--html")
            } else if c.facts {
                Some("--facts")
            } else {
                c.sources.then_some("--sources")
            };
            if let Some(what) = keeps {
                if too_big_to_keep(&c.inputs, what, term.lang, err)? {
                    return Ok(2);
                }
            }
            if c.format == CompareFormat::Jsonl {
                return write_jsonl(&c.inputs, Some(&c.labels), &lex, run, term, out, err);
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
            let sources: Option<Vec<_>> =
                c.sources.then(|| report.articles.iter().map(|x| crate::classify::source::article_sources(&x.sentences)).collect());
            let html_failed = write_html(&c.html, &report, facts.as_deref(), sources.as_deref(), term.lang, err)?;
            if c.html.html.is_some() || c.facts || c.sources {
                summaries_only(&mut report);
            }
            if c.format == CompareFormat::Json && (facts.is_some() || sources.is_some()) {
                // The report with a `facts` array and/or `sources` in each summary: nothing else
                // changes.
                write_json_with_sources(&report, sources.as_deref().unwrap_or(&[]), facts.as_deref(), out)?;
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
                (Some(groups), CompareFormat::Table | CompareFormat::Markdown) => crate::facts::write_text(groups, out)?,
                (Some(_), _) => writeln!(err, "hedge: {}", report::messages::localise("--facts is shown in the table, markdown and json formats only", term.lang))?,
                (None, _) => {}
            }
            match (&sources, c.format) {
                (Some(list), CompareFormat::Table | CompareFormat::Markdown) => write_sources_section(&report, list, term.lang, out)?,
                (Some(_), _) => writeln!(err, "hedge: {}", report::messages::localise("--sources is shown in the table, markdown and json formats only", term.lang))?,
                (None, _) => {}
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

/// The JSON report with `sources` added to the summary of each article (`sources[i]` for
/// article i, when given) and a `facts` array (when given): nothing else changes.
fn write_json_with_sources(
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
fn write_sources_section(report: &Report, sources: &[Vec<crate::classify::source::SourceCount>], lang: report::Lang, out: &mut dyn Write) -> io::Result<()> {
    use crate::classify::source::{named_and_vague, show};
    let fr = lang == report::Lang::Fr;
    writeln!(out)?;
    writeln!(out, "{}", lang.t("Sources (affirmations créditées à une source nommée / vague)", "Sources (claims credited to a named / vague source)"))?;
    for (i, (a, list)) in report.articles.iter().zip(sources).enumerate() {
        let (named, vague) = named_and_vague(list);
        writeln!(out, "{} {} · {} {named} / {} {vague}", i + 1, report::term_safe(&a.label), lang.t("nommées", "named"), lang.t("vagues", "vague"))?;
        let top: Vec<String> = list.iter().filter(|c| !c.key.is_empty()).take(5).map(|c| format!("{} ×{}", show(&c.key, c.kind, fr), c.claims)).collect();
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

/// Is `--html PATH` one of the inputs (given, or found in a directory)? Then it says so on
/// `err` (the run is refused: the report would overwrite an article). A report hedge wrote
/// before is no input: directory walks skip it.
fn html_onto_an_input(args: &HtmlArgs, inputs: &[String], lang: report::Lang, err: &mut dyn Write) -> io::Result<bool> {
    let Some(target) = args.html.as_deref().and_then(|p| std::fs::canonicalize(p).ok()) else { return Ok(false) };
    let (planned, _, _) = input::discover(inputs, &[]);
    let clash = planned.iter().any(|p| match &p.origin {
        input::Origin::File(f) => std::fs::canonicalize(f).is_ok_and(|f| f == target),
        input::Origin::Stdin => false,
    });
    if clash {
        let shown = args.html.as_deref().map(|p| p.display().to_string()).unwrap_or_default();
        let m = format!("--html {shown} is one of the articles to analyse; it is not overwritten (choose another path for the report)");
        writeln!(err, "hedge: {}", report::messages::localise(&m, lang))?;
    }
    Ok(clash)
}

/// The most text (bytes of input files) a run keeps whole in memory with every sentence: JSON of
/// `analyze`, the HTML report, `--facts`. About 5 bytes of memory per byte of text (measured:
/// 259 MB for `analyze --format json` on 50 MB), so 32 MiB of text stays under 200 MB; past
/// it, such a document is not read by anybody anyway, and JSON Lines writes as it goes.
pub const KEEP_LIMIT: u64 = 32 << 20;

/// Refuses (with a message naming the way out) a run that would keep more than
/// [`KEEP_LIMIT`] bytes of text whole; standard input is not measured.
fn too_big_to_keep(inputs: &[String], what: &str, lang: report::Lang, err: &mut dyn Write) -> io::Result<bool> {
    let total = input::file_bytes(&input::discover(inputs, &[]).0);
    if total <= KEEP_LIMIT {
        return Ok(false);
    }
    let m = format!(
        "{what} keeps every sentence in memory, and these inputs hold {} MB of text (the limit is {} MB): use --format jsonl, which writes each sentence as it goes, or compare without {what}",
        total / 1_000_000,
        KEEP_LIMIT / 1_000_000
    );
    writeln!(err, "hedge: {}", report::messages::localise(&m, lang))?;
    Ok(true)
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
fn write_html(
    args: &HtmlArgs,
    report: &Report,
    facts: Option<&[crate::facts::FactGroup]>,
    sources: Option<&[Vec<crate::classify::source::SourceCount>]>,
    lang: report::Lang,
    err: &mut dyn Write,
) -> io::Result<bool> {
    let Some(path) = &args.html else { return Ok(false) };
    let page_lang = match args.ui.unwrap_or(UiLang::Fr) {
        UiLang::Fr => report::html::Lang::Fr,
        UiLang::En => report::html::Lang::En,
    };
    let page = report::Html { lang: page_lang, answers: args.answers }.page(report);
    // `compare --facts`: the « Même fait, autres voix » section, before the articles.
    let page = match facts {
        Some(groups) => crate::facts::insert_html_section(&page, &crate::facts::html_section(groups, args.answers)),
        None => page,
    };
    // `--sources`: the « Sources » section, before the articles (after the facts).
    let page = match sources {
        Some(list) => {
            let rows: Vec<(&str, &[crate::classify::source::SourceCount])> =
                report.articles.iter().zip(list).map(|(a, l)| (a.label.as_str(), l.as_slice())).collect();
            crate::facts::insert_html_section(&page, &crate::classify::source::html_section(&rows))
        }
        None => page,
    };
    match std::fs::write(path, page) {
        Ok(()) => Ok(false),
        Err(e) => {
            let m = format!("cannot write the HTML report {}: {e}", path.display());
            writeln!(err, "hedge: {}", report::messages::localise(&m, lang))?;
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
        Ok(l) => {
            for f in &l.ignored_rule_files {
                writeln!(
                    err,
                    "hedge: warning: {f}: --lexicon replaces only {} today; this file is not used (change the built-in file and rebuild)",
                    crate::lexicon::REPLACEABLE_RULE_FILES.join(" and ")
                )?;
            }
            Ok(Some(l))
        }
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
fn run_options(common: &Common, keep_sentences: bool, lang: report::Lang, err: &mut dyn Write) -> io::Result<RunOptions> {
    let (read, include) = options(common);
    let max = crate::pipeline::MAX_THREADS;
    let threads = if common.threads > max {
        let m = format!("--threads {} is too many; using {max}", common.threads);
        writeln!(err, "hedge: {}", report::messages::localise(&m, lang))?;
        max
    } else {
        common.threads
    };
    let mut run = RunOptions::new(threads, keep_sentences);
    run.read = read;
    run.include = include;
    Ok(run)
}
