//! The stages put together: for one document (read → decode → extract, then segment → match →
//! classify → aggregate), and for a whole run over many inputs of any size ([`analyze_inputs`]):
//! an article is read whole (with its format, page parts and languages); a plain-text file
//! larger than [`RunOptions::stream_min_bytes`] is read as a corpus, in chunks
//! (`input::stream`), without page-part detection; chunks and files are analysed on several
//! threads and the results handed out in input order, so the output is the same bytes whatever
//! the thread count.

use std::collections::{HashMap, VecDeque};
use std::io;
use std::sync::{mpsc, Mutex};

use crate::aggregate::{aggregate, ArticleSummary, Tally};
use crate::classify::{apply_scope, classify_document, Include, QuoteInfo, SentenceScore};
use crate::extract::{extract_as_with, extract_chunk_with, Document, Language, Part as PagePart};
use crate::input::stream::{Chunk, Input};
use crate::input::{self, Format, InputProblem, Planned};
use crate::lexicon::Lexicon;
use crate::matcher::match_document;
use crate::segment::segment_blocks;

/// Everything `hedge` finds in one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub sentences: Vec<SentenceScore>,
    /// The quotations of the document, in order.
    pub quotes: Vec<QuoteInfo>,
    pub summary: ArticleSummary,
}

/// How sources are read (`--encoding`, `--input-format`).
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub format: Option<Format>,
}

/// Reads, decodes and extracts one planned input, whole, with the page-part and language rules
/// of `rules`.
pub fn load(planned: &Planned, opts: ReadOptions, rules: &crate::rules::Rules) -> Result<Document, InputProblem> {
    let name = planned.origin.display_name();
    let src = input::read(planned)?;
    let decoded = input::decode_with(&name, &src.bytes, opts.encoding)?;
    let format = input::detect_format(&planned.origin, &decoded.text, opts.format);
    extract_as_with(&planned.label, &name, decoded.text, format, decoded.encoding, rules).map_err(|e| InputProblem::new(name, e.0))
}

/// Runs the analysis stages on a document, counting only its title and body.
pub fn analyze(doc: &Document, lex: &Lexicon) -> Analysis {
    analyze_with(doc, lex, &Include::default())
}

/// Runs the analysis stages on a document; `include` names the other parts that count.
pub fn analyze_with(doc: &Document, lex: &Lexicon, include: &Include) -> Analysis {
    let (sentences, quotes) = analyze_document(doc, lex, include);
    let summary = aggregate(&sentences);
    Analysis { sentences, quotes, summary }
}

/// The scored sentences of a document (segment → match → classify, then its parts and
/// languages).
pub fn analyze_sentences(doc: &Document, lex: &Lexicon, include: &Include) -> Vec<SentenceScore> {
    analyze_document(doc, lex, include).0
}

/// The scored sentences of a document and its quotations.
pub fn analyze_document(doc: &Document, lex: &Lexicon, include: &Include) -> (Vec<SentenceScore>, Vec<QuoteInfo>) {
    analyze_document_with(doc, lex, include, true)
}

/// [`analyze_document`], finding the sentences' sources only when `sources` is true (see
/// [`crate::classify::classify_document`]).
fn analyze_document_with(doc: &Document, lex: &Lexicon, include: &Include, sources: bool) -> (Vec<SentenceScore>, Vec<QuoteInfo>) {
    let rules = &lex.rules;
    let seg = segment_blocks(&doc.text, &rules.segmentation, &doc.blocks);
    let matched = match_document(&doc.text, &seg, lex);
    let (mut sentences, quotes) = classify_document(&doc.text, &seg, &matched, lex, rules, sources);
    apply_scope(&mut sentences, &doc.parts, &doc.languages, include, doc.article, &rules.scoring);
    (sentences, quotes)
}

/// Plain-text inputs larger than this are read as a corpus, in chunks (see
/// [`RunOptions::stream_min_bytes`]).
pub const DEFAULT_STREAM_MIN_BYTES: usize = 16 << 20;

/// The most worker threads a run starts (`--threads` above it is lowered to it): more threads
/// than cores gain nothing, and thousands of them exhaust memory.
pub const MAX_THREADS: usize = 256;

/// How a run over many inputs is carried out.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Nominal chunk length in bytes for large plain-text files.
    pub chunk_bytes: usize,
    /// A plain-text input longer than this is streamed in chunks, as a corpus: page parts
    /// (bylines, comments…) are not looked for, since a corpus has no single end of article;
    /// languages still are, paragraph by paragraph. Shorter inputs are read whole.
    pub stream_min_bytes: usize,
    /// Hand out every sentence ([`Event::Sentences`]), or only the articles' figures.
    pub keep_sentences: bool,
    pub read: ReadOptions,
    pub include: Include,
}

impl RunOptions {
    /// `threads` = 0 means one per core; at most [`MAX_THREADS`].
    pub fn new(threads: usize, keep_sentences: bool) -> RunOptions {
        let threads = if threads == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { threads };
        let threads = threads.min(MAX_THREADS);
        let stream_min_bytes = std::env::var("HEDGE_STREAM_MIN_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_STREAM_MIN_BYTES);
        RunOptions {
            threads,
            chunk_bytes: crate::input::stream::chunk_bytes_from_env(),
            stream_min_bytes,
            keep_sentences,
            read: ReadOptions::default(),
            include: Include::default(),
        }
    }
}

/// What is known of an article's document besides its sentences (for reports).
#[derive(Debug, Clone)]
pub struct DocInfo {
    pub format: Format,
    pub encoding: &'static str,
    /// Parts of the page (empty for a corpus read in chunks).
    pub parts: Vec<PagePart>,
    pub languages: Vec<Language>,
    /// The extracted text (kept with the sentences, for whole documents only).
    pub text: Option<String>,
    /// The quotations (kept with the sentences, for whole documents only).
    pub quotes: Vec<QuoteInfo>,
    /// A name read from the document (site and title) for when the user gave no label.
    pub article_name: Option<String>,
}

impl DocInfo {
    /// The label reports show: the one the user gave, else the name read from the document,
    /// else the file name.
    pub fn label(&self, input: &Planned) -> String {
        match (&self.article_name, input.label_given) {
            (Some(n), false) => n.clone(),
            _ => input.label.clone(),
        }
    }
}

/// What a run hands out, in input order.
// A few events per article: the size of `Article` costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Event<'a> {
    /// An article starts: its first part has been analysed (before its first `Sentences`).
    /// `warnings`: what the reader should know about how it was read (say them on stderr).
    Begin { input: &'a Planned, name: String, format: Format, encoding: &'static str, warnings: Vec<String> },
    /// The next sentences of an article (numbers and byte offsets are the whole article's).
    Sentences { input: &'a Planned, sentences: Vec<SentenceScore> },
    /// An article is finished.
    Article { input: &'a Planned, name: String, summary: ArticleSummary, info: DocInfo },
    /// An input could not be analysed (after any `Sentences` of it: drop them).
    Failed(InputProblem),
    /// Progress: raw bytes and inputs done so far.
    Progress { bytes: u64, inputs: usize },
}

/// The analysis of one chunk.
struct Part {
    sentences: Vec<SentenceScore>,
    tally: Tally,
    text_len: usize,
    /// How the chunk was read.
    format: Format,
    encoding: &'static str,
    /// For a whole document: what else is known of it.
    info: Option<DocInfo>,
    /// Decoding warnings.
    warnings: Vec<String>,
}

/// The problem reported for an input whose analysis panicked.
fn panic_problem(input: &Planned, payload: &(dyn std::any::Any + Send)) -> InputProblem {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    InputProblem::new(
        input.origin.display_name(),
        format!("internal error while analysing this file ({what}); the other files are analysed; please report it with the file"),
    )
}

fn analyze_part(input: &Planned, chunk: Chunk, opts: &RunOptions, lex: &Lexicon) -> Result<Part, InputProblem> {
    let name = input.origin.display_name();
    // Test hook (debug builds only): panic on the input whose name ends with this.
    #[cfg(debug_assertions)]
    if std::env::var("HEDGE_TEST_PANIC_ON").is_ok_and(|f| !f.is_empty() && name.ends_with(&f)) {
        panic!("test panic on {name} (HEDGE_TEST_PANIC_ON)");
    }
    let warnings = chunk.warnings;
    let mut doc = if chunk.whole {
        let format = input::detect_format(&input.origin, &chunk.text, opts.read.format);
        // A text or Markdown file past the corpus size read whole (Markdown, a forced
        // encoding) is a corpus as much as the streamed plain text of the same bytes: no page
        // parts, or one « Commentaires » line near its start would leave out all that follows
        // (issue 16: 1 claim as .md, 360,002 as .txt). A saved web page stays a page.
        let corpus = format != Format::Html && chunk.text.len() > opts.stream_min_bytes;
        let mut doc =
            extract_as_with(&input.label, &name, chunk.text, format, chunk.encoding, &lex.rules).map_err(|e| InputProblem::new(name, e.0))?;
        if corpus {
            doc.as_corpus();
        }
        doc
    } else {
        extract_chunk_with(&input.label, &name, chunk.text, chunk.encoding, &lex.rules)
    };
    // The sources of the sentences go with the sentences: a run that hands out none (`compare`
    // without `--html`, `--sources` or `--facts`) does not look for them.
    let (mut sentences, quotes) = analyze_document_with(&doc, lex, &opts.include, opts.keep_sentences);
    let mut tally = Tally::default();
    for s in &sentences {
        tally.add(s);
    }
    if !opts.keep_sentences {
        sentences = Vec::new();
    }
    let (text_len, format, encoding) = (doc.text.len(), doc.format, doc.encoding);
    // Parts, languages and text go with the sentences (analyze, HTML), not with summaries only.
    let keep = opts.keep_sentences;
    let article_name = if chunk.whole { doc.article_name() } else { None };
    let info = chunk.whole.then(|| DocInfo {
        format: doc.format,
        encoding: doc.encoding,
        parts: if keep { std::mem::take(&mut doc.parts) } else { Vec::new() },
        languages: if keep { std::mem::take(&mut doc.languages) } else { Vec::new() },
        text: keep.then_some(doc.text),
        quotes: if keep { quotes } else { Vec::new() },
        article_name,
    });
    Ok(Part { sentences, tally, text_len, format, encoding, info, warnings })
}

enum Item {
    Chunk { seq: u64, input: usize, raw: usize },
    End { input: usize },
    Fail { problem: InputProblem },
}

/// The article being put together from its chunks.
#[derive(Default)]
struct Open {
    /// How the article's first part was read (`Begin` has been handed out).
    begun: Option<(Format, &'static str)>,
    sentences: usize,
    offset: usize,
    tally: Tally,
    info: Option<DocInfo>,
    failed: Option<InputProblem>,
    /// The last source named in the article so far (a pronoun in the next chunk may stand for
    /// it: « Selon eux »), so that a file read in chunks gets the sources of a whole file.
    last_source: crate::classify::source::LastSource,
}

/// Analyses `inputs` in order on `opts.threads` threads and passes the results to `sink`, in
/// input order (and, within an input, in text order). Memory stays bounded: at most about
/// two chunks per thread are in flight.
pub fn analyze_inputs<'a>(
    inputs: &'a [Planned],
    lex: &Lexicon,
    opts: RunOptions,
    sink: &mut dyn FnMut(Event<'a>) -> io::Result<()>,
) -> io::Result<()> {
    let threads = opts.threads.max(1);
    let window = (threads * 2) as u64;
    let opts = &opts;
    let (job_tx, job_rx) = mpsc::channel::<(u64, usize, Chunk)>();
    let job_rx = Mutex::new(job_rx);
    std::thread::scope(|scope| {
        let (res_tx, res_rx) = mpsc::channel::<(u64, Result<Part, InputProblem>)>();
        for n in 0..threads {
            let (job_rx, res_tx) = (&job_rx, res_tx.clone());
            let spawned = std::thread::Builder::new().spawn_scoped(scope, move || loop {
                let job = job_rx.lock().map_err(|_| ()).and_then(|rx| rx.recv().map_err(|_| ()));
                let Ok((seq, i, chunk)) = job else { break };
                // A bug that panics on some input costs that input, not the run (a dead worker
                // would hang the others or end the run with no report).
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyze_part(&inputs[i], chunk, opts, lex)))
                    .unwrap_or_else(|payload| Err(panic_problem(&inputs[i], payload.as_ref())));
                if res_tx.send((seq, result)).is_err() {
                    break;
                }
            });
            // The system may refuse more threads: go on with those started (the output is the
            // same whatever their number); with none, the run cannot go on.
            if let Err(e) = spawned {
                if n == 0 {
                    return Err(io::Error::other(format!("cannot start a worker thread: {e}")));
                }
                break;
            }
        }
        drop(res_tx);

        let mut order: VecDeque<Item> = VecDeque::new();
        let mut ready: HashMap<u64, Result<Part, InputProblem>> = HashMap::new();
        let (mut sent, mut drained) = (0u64, 0u64);
        let mut open = Open::default();
        let (mut bytes, mut done) = (0u64, 0usize);

        // Hands out everything at the front of `order` that is ready.
        let mut drain = |order: &mut VecDeque<Item>, ready: &mut HashMap<u64, Result<Part, InputProblem>>, drained: &mut u64| -> io::Result<()> {
            while let Some(front) = order.front() {
                match front {
                    &Item::Chunk { seq, input, raw } => {
                        let Some(result) = ready.remove(&seq) else { break };
                        *drained += 1;
                        bytes += raw as u64;
                        let mut part = match result {
                            Ok(p) if open.failed.is_none() => p,
                            Ok(_) => {
                                order.pop_front();
                                continue;
                            }
                            Err(problem) => {
                                open.failed.get_or_insert(problem);
                                order.pop_front();
                                continue;
                            }
                        };
                        if open.begun.is_none() {
                            open.begun = Some((part.format, part.encoding));
                            let p = &inputs[input];
                            let warnings = std::mem::take(&mut part.warnings);
                            sink(Event::Begin { input: p, name: p.origin.display_name(), format: part.format, encoding: part.encoding, warnings })?;
                        }
                        for s in &mut part.sentences {
                            s.number += open.sentences;
                            s.start += open.offset;
                            s.end += open.offset;
                            for m in &mut s.markers {
                                m.start += open.offset;
                                m.end += open.offset;
                            }
                        }
                        crate::classify::source::resolve_back_references(&mut part.sentences, &mut open.last_source, &lex.rules.sources);
                        open.sentences += part.tally.sentences();
                        open.offset += part.text_len;
                        open.tally.merge(part.tally);
                        if part.info.is_some() {
                            open.info = part.info.take();
                        }
                        if !part.sentences.is_empty() {
                            sink(Event::Sentences { input: &inputs[input], sentences: part.sentences })?;
                        }
                        sink(Event::Progress { bytes, inputs: done })?;
                    }
                    &Item::End { input } => {
                        let o = std::mem::take(&mut open);
                        done += 1;
                        let p = &inputs[input];
                        match o.failed {
                            Some(problem) => sink(Event::Failed(problem))?,
                            None => {
                                let (format, encoding) = o.begun.unwrap_or((Format::Text, "UTF-8"));
                                let info = o.info.unwrap_or(DocInfo {
                                    format,
                                    encoding,
                                    parts: Vec::new(),
                                    languages: Vec::new(),
                                    text: None,
                                    quotes: Vec::new(),
                                    article_name: None,
                                });
                                sink(Event::Article { input: p, name: p.origin.display_name(), summary: o.tally.finish(), info })?
                            }
                        }
                        sink(Event::Progress { bytes, inputs: done })?;
                    }
                    Item::Fail { .. } => {
                        let Some(Item::Fail { problem }) = order.pop_front() else { unreachable!() };
                        open = Open::default();
                        done += 1;
                        sink(Event::Failed(problem))?;
                        sink(Event::Progress { bytes, inputs: done })?;
                        continue;
                    }
                }
                order.pop_front();
            }
            Ok(())
        };
        // Waits for one result.
        let recv = |ready: &mut HashMap<u64, Result<Part, InputProblem>>| {
            let (seq, part) = res_rx.recv().expect("a worker thread died");
            ready.insert(seq, part);
        };

        for (i, p) in inputs.iter().enumerate() {
            let mut input = match Input::open(p, opts.chunk_bytes, opts.stream_min_bytes, opts.read.encoding) {
                Ok(input) => input,
                Err(problem) => {
                    order.push_back(Item::Fail { problem });
                    drain(&mut order, &mut ready, &mut drained)?;
                    continue;
                }
            };
            loop {
                match input.next_chunk() {
                    None => {
                        order.push_back(Item::End { input: i });
                        break;
                    }
                    Some(Err(problem)) => {
                        order.push_back(Item::Fail { problem });
                        break;
                    }
                    Some(Ok(chunk)) => {
                        while sent - drained >= window {
                            recv(&mut ready);
                            drain(&mut order, &mut ready, &mut drained)?;
                        }
                        let raw_bytes = chunk.raw_bytes;
                        job_tx.send((sent, i, chunk)).expect("worker threads are running");
                        order.push_back(Item::Chunk { seq: sent, input: i, raw: raw_bytes });
                        sent += 1;
                    }
                }
            }
            drain(&mut order, &mut ready, &mut drained)?;
        }
        drop(job_tx);
        while !order.is_empty() {
            recv(&mut ready);
            drain(&mut order, &mut ready, &mut drained)?;
        }
        Ok(())
    })
}
