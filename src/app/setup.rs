//! What a run checks and decides before it reads anything: the lexicon, the options, the
//! HTML report's path and size, the terminal's language.

use std::io::{self, Write};
use std::mem::ManuallyDrop;

use crate::classify::Include;
use crate::cli::{Common, HtmlArgs, IncludePart, InputFormat, UiLang};
use crate::extract::PartKind;
use crate::input::{self, Format};
use crate::lexicon::Lexicon;
use crate::pipeline::{ReadOptions, RunOptions};
use crate::report::{self, Report};

/// Is `--html PATH` one of the inputs (given, or found in a directory), or an existing file that
/// is not a report hedge wrote (a lexicon, `labels.tsv`…)? Then it says so on `err` (the run is
/// refused: the report would overwrite it). A report hedge wrote before is no input (directory
/// walks skip it) and is rewritten.
pub(super) fn html_onto_an_input(args: &HtmlArgs, inputs: &[String], lang: report::Lang, err: &mut dyn Write) -> io::Result<bool> {
    let Some(target) = args.html.as_deref().and_then(|p| std::fs::canonicalize(p).ok()) else { return Ok(false) };
    let (planned, _, _) = input::discover(inputs, &[]);
    let clash = planned.iter().any(|p| match &p.origin {
        input::Origin::File(f) => std::fs::canonicalize(f).is_ok_and(|f| f == target),
        input::Origin::Stdin => false,
    });
    let shown = args.html.as_deref().map(|p| p.display().to_string()).unwrap_or_default();
    if clash {
        let m = format!("--html {shown} is one of the articles to analyse; it is not overwritten (choose another path for the report)");
        writeln!(err, "hedge: {}", report::messages::localise(&m, lang))?;
        return Ok(true);
    }
    // Any other file that exists and is not a report hedge wrote (a lexicon, a rules file,
    // `labels.tsv`, a teacher's notes) is not replaced either: a report is rewritten in place,
    // nothing else.
    if target.is_file() && !input::is_hedge_report(&target) {
        let m = format!(
            "--html {shown} already exists and is not a report hedge wrote; it is not overwritten (choose another path, or delete the file first)"
        );
        writeln!(err, "hedge: {}", report::messages::localise(&m, lang))?;
        return Ok(true);
    }
    Ok(false)
}

/// The most text (bytes of input files) a run keeps whole in memory with every sentence: JSON of
/// `analyze`, the HTML report, `--facts`. About 5 bytes of memory per byte of text (measured:
/// 259 MB for `analyze --format json` on 50 MB), so 32 MiB of text stays under 200 MB; past
/// it, such a document is not read by anybody anyway, and JSON Lines writes as it goes.
pub const KEEP_LIMIT: u64 = 32 << 20;

/// What a run that keeps every sentence could do instead, past [`KEEP_LIMIT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WayOut {
    /// `analyze --format json`: JSON Lines writes each sentence as it goes.
    Jsonl,
    /// `--html` of `analyze` / `compare`: JSON Lines, or the same command without the report.
    JsonlOrWithout(&'static str),
    /// `compare --facts` (JSON Lines too): fact alignment lines up all the articles' sentences
    /// at once, so JSON Lines does not help; it is meant for one event's articles.
    OneEvent,
}

/// Refuses (with a message naming the way out) a run that would keep more than
/// [`KEEP_LIMIT`] bytes of text whole; standard input is not measured.
pub(super) fn too_big_to_keep(inputs: &[String], what: &str, way_out: WayOut, lang: report::Lang, err: &mut dyn Write) -> io::Result<bool> {
    let total = input::file_bytes(&input::discover(inputs, &[]).0);
    if total <= KEEP_LIMIT {
        return Ok(false);
    }
    const JSONL: &str = "use --format jsonl, which writes each sentence as it goes";
    let way_out = match way_out {
        WayOut::Jsonl => JSONL.to_string(),
        WayOut::JsonlOrWithout(command) => format!("{JSONL}, or {command} without {what}"),
        WayOut::OneEvent => format!("run {what} on the articles of one event (it lines up all their sentences at once), or compare without {what}"),
    };
    let m = format!(
        "{what} keeps every sentence in memory, and these inputs hold {} MB of text (the limit is {} MB): {way_out}",
        total / 1_000_000,
        KEEP_LIMIT / 1_000_000
    );
    writeln!(err, "hedge: {}", report::messages::localise(&m, lang))?;
    Ok(true)
}

/// The language of the terminal views: `--lang`, else the locale's.
pub(super) fn terminal_lang(lang: Option<UiLang>) -> report::Lang {
    match lang {
        Some(UiLang::Fr) => report::Lang::Fr,
        Some(UiLang::En) => report::Lang::En,
        None => report::Lang::from_env(),
    }
}

/// Writes the HTML report when `--html PATH` was given. Returns whether writing failed (the
/// problem, naming the path, is printed on `err`).
pub(super) fn write_html(
    args: &HtmlArgs,
    report: &Report,
    facts: Option<&[crate::facts::FactGroup]>,
    sources: bool,
    rules: &crate::rules::Rules,
    lang: report::Lang,
    err: &mut dyn Write,
) -> io::Result<bool> {
    let Some(path) = &args.html else { return Ok(false) };
    let page_lang = match args.ui.unwrap_or(UiLang::Fr) {
        UiLang::Fr => report::html::Lang::Fr,
        UiLang::En => report::html::Lang::En,
    };
    let page = report::Html { lang: page_lang, answers: args.answers, sources }.page(report);
    // `compare --facts`: the « Même fait, autres voix » section, before the articles.
    let page = match facts {
        Some(groups) => crate::facts::insert_html_section(&page, &report::html::facts_section(groups, args.answers, page_lang)),
        None => page,
    };
    // `--sources`: the « Sources » section, before the articles (after the facts), from the
    // sources counted into the summaries.
    let page = if sources {
        let section = report::html::sources_section(report, page_lang, |k| rules.sources.explain(k).to_string());
        crate::facts::insert_html_section(&page, &section)
    } else {
        page
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
pub(super) fn summaries_only(report: &mut Report) {
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

/// The lexicon of a command that does not analyse text (`lexicon list`, `lexicon show`).
pub(super) fn load_lexicon(paths: &[std::path::PathBuf], err: &mut dyn Write) -> io::Result<Option<ManuallyDrop<Lexicon>>> {
    load_run_lexicon(paths, &[], report::Lang::En, err)
}

/// The lexicon and engine rules of a run: `--lexicon` paths (marker families, and copies of
/// `parts.toml`/`languages.toml`), then `--rules` paths (any engine rule file; of two files of
/// one name, the later wins). A problem is printed on `err` (naming the file and line) and
/// gives None.
///
/// The lexicon is never dropped (`ManuallyDrop`): a command runs once and the process ends,
/// and freeing its tables one by one (the candidate lists, word sets and verb table) cost
/// 8.5 M instructions, 1 % of a 3 MB streamed run and 3 % of `compare seeds/`.
pub(super) fn load_run_lexicon(
    paths: &[std::path::PathBuf],
    rules: &[std::path::PathBuf],
    lang: report::Lang,
    err: &mut dyn Write,
) -> io::Result<Option<ManuallyDrop<Lexicon>>> {
    let sources = Lexicon::read_sources(paths);
    let built = sources.as_ref().map_err(Clone::clone).and_then(|s| Lexicon::build(s));
    let mut lex = match built {
        Ok(l) => l,
        Err(e) => {
            writeln!(err, "hedge: lexicon error: {e}")?;
            return Ok(None);
        }
    };
    if !rules.is_empty() {
        let from_lexicon = sources
            .iter()
            .flatten()
            .filter(|s| lex.ignored_rule_files.iter().all(|f| *f != s.name))
            .filter(|s| crate::rules::is_rule_file(std::path::Path::new(&s.name)));
        let given: Result<Vec<_>, _> = crate::rules::Rules::read(rules)
            .map(|r| from_lexicon.map(|s| crate::rules::RuleSource { name: s.name.clone(), text: s.text.clone() }).chain(r).collect());
        match given.and_then(|g| crate::rules::Rules::load(&g)) {
            Ok(r) => lex.set_rules(r),
            Err(e) => {
                writeln!(err, "hedge: {}", rule_error_message(&e, lang))?;
                return Ok(None);
            }
        }
    }
    for f in &lex.ignored_rule_files {
        writeln!(
            err,
            "hedge: warning: {f}: --lexicon replaces only {} today; this file is not used (give it with --rules)",
            crate::lexicon::REPLACEABLE_RULE_FILES.join(" and ")
        )?;
    }
    Ok(Some(ManuallyDrop::new(lex)))
}

/// The engine rules of a command that reads no lexicon (`eval readings`, `eval segment`): the
/// built-in ones with the `--rules` files; a problem is printed on `err` and gives None.
pub(super) fn load_rules(paths: &[std::path::PathBuf], err: &mut dyn Write) -> io::Result<Option<std::sync::Arc<crate::rules::Rules>>> {
    if paths.is_empty() {
        return Ok(Some(std::sync::Arc::clone(crate::rules::Rules::builtin())));
    }
    match crate::rules::Rules::read(paths).and_then(|g| crate::rules::Rules::load(&g)) {
        Ok(r) => Ok(Some(std::sync::Arc::new(r))),
        Err(e) => {
            writeln!(err, "hedge: {}", rule_error_message(&e, report::Lang::from_env()))?;
            Ok(None)
        }
    }
}

/// A rule file that does not load, as stderr says it (French when `lang` is).
pub(super) fn rule_error_message(e: &crate::rules::RuleError, lang: report::Lang) -> String {
    let inner = crate::rules::RuleError { message: report::messages::localise(&e.message, lang), ..e.clone() };
    report::messages::localise(&format!("rule file error: {inner}"), lang)
}

/// The reading options and included parts of the command line.
pub(super) fn options(common: &Common) -> (ReadOptions, Include) {
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
pub(super) fn run_options(common: &Common, keep_sentences: bool, lang: report::Lang, err: &mut dyn Write) -> io::Result<RunOptions> {
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
