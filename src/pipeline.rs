//! The stages put together: for one document (segment → match → classify → aggregate), and for
//! a whole run over many inputs of any size ([`analyze_inputs`]): files are read in chunks
//! (`input::stream`), the chunks analysed on several threads, and the results handed out in
//! input order, so the output is the same bytes whatever the thread count.

use std::collections::{HashMap, VecDeque};
use std::io;
use std::sync::{mpsc, Mutex};

use crate::aggregate::{aggregate, ArticleSummary, Tally};
use crate::classify::{classify, ScoringRules, SentenceScore};
use crate::extract::{extract, Document};
use crate::input::stream::Input;
use crate::input::{InputProblem, Planned};
use crate::lexicon::Lexicon;
use crate::matcher::match_document;
use crate::segment::{segment, SegmentRules};

/// Everything `hedge` finds in one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub sentences: Vec<SentenceScore>,
    pub summary: ArticleSummary,
}

/// Runs the analysis stages on a document.
pub fn analyze(doc: &Document, lex: &Lexicon) -> Analysis {
    let sentences = analyze_sentences(doc, lex);
    let summary = aggregate(&sentences);
    Analysis { sentences, summary }
}

/// The scored sentences of a document (segment → match → classify).
pub fn analyze_sentences(doc: &Document, lex: &Lexicon) -> Vec<SentenceScore> {
    let seg = segment(&doc.text, SegmentRules::embedded());
    let matched = match_document(&doc.text, &seg, lex);
    classify(&doc.text, &seg, &matched, lex, ScoringRules::embedded())
}

/// How a run over many inputs is carried out.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Nominal chunk length in bytes for large plain-text files.
    pub chunk_bytes: usize,
    /// Hand out every sentence ([`Event::Sentences`]), or only the articles' figures.
    pub keep_sentences: bool,
}

impl RunOptions {
    /// `threads` = 0 means one per core.
    pub fn new(threads: usize, keep_sentences: bool) -> RunOptions {
        let threads = if threads == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { threads };
        RunOptions { threads, chunk_bytes: crate::input::stream::chunk_bytes_from_env(), keep_sentences }
    }
}

/// What a run hands out, in input order.
#[derive(Debug)]
pub enum Event<'a> {
    /// The next sentences of an article (numbers and byte offsets are the whole article's).
    Sentences { input: &'a Planned, sentences: Vec<SentenceScore> },
    /// An article is finished.
    Article { input: &'a Planned, name: String, summary: ArticleSummary },
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
}

fn analyze_part(input: &Planned, text: String, lex: &Lexicon, keep: bool) -> Part {
    let doc = extract(&input.label, &input.origin.display_name(), text);
    let mut sentences = analyze_sentences(&doc, lex);
    let mut tally = Tally::default();
    for s in &sentences {
        tally.add(s);
    }
    if !keep {
        sentences = Vec::new();
    }
    Part { sentences, tally, text_len: doc.text.len() }
}

enum Item {
    Chunk { seq: u64, input: usize, raw: usize },
    End { input: usize },
    Fail { problem: InputProblem },
}

/// The article being put together from its chunks.
#[derive(Default)]
struct Open {
    sentences: usize,
    offset: usize,
    tally: Tally,
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
    let keep = opts.keep_sentences;
    let (job_tx, job_rx) = mpsc::channel::<(u64, usize, String)>();
    let job_rx = Mutex::new(job_rx);
    std::thread::scope(|scope| {
        let (res_tx, res_rx) = mpsc::channel::<(u64, Part)>();
        for _ in 0..threads {
            let (job_rx, res_tx) = (&job_rx, res_tx.clone());
            scope.spawn(move || loop {
                let job = job_rx.lock().map_err(|_| ()).and_then(|rx| rx.recv().map_err(|_| ()));
                let Ok((seq, i, text)) = job else { break };
                if res_tx.send((seq, analyze_part(&inputs[i], text, lex, keep))).is_err() {
                    break;
                }
            });
        }
        drop(res_tx);

        let mut order: VecDeque<Item> = VecDeque::new();
        let mut ready: HashMap<u64, Part> = HashMap::new();
        let (mut sent, mut drained) = (0u64, 0u64);
        let mut open = Open::default();
        let (mut bytes, mut done) = (0u64, 0usize);

        // Hands out everything at the front of `order` that is ready.
        let mut drain = |order: &mut VecDeque<Item>, ready: &mut HashMap<u64, Part>, drained: &mut u64| -> io::Result<()> {
            while let Some(front) = order.front() {
                match front {
                    &Item::Chunk { seq, input, raw } => {
                        let Some(mut part) = ready.remove(&seq) else { break };
                        for s in &mut part.sentences {
                            s.number += open.sentences;
                            s.start += open.offset;
                            s.end += open.offset;
                            for m in &mut s.markers {
                                m.start += open.offset;
                                m.end += open.offset;
                            }
                        }
                        open.sentences += part.tally.sentences();
                        open.offset += part.text_len;
                        open.tally.merge(part.tally);
                        *drained += 1;
                        bytes += raw as u64;
                        if !part.sentences.is_empty() {
                            sink(Event::Sentences { input: &inputs[input], sentences: part.sentences })?;
                        }
                        sink(Event::Progress { bytes, inputs: done })?;
                    }
                    &Item::End { input } => {
                        let o = std::mem::take(&mut open);
                        done += 1;
                        let p = &inputs[input];
                        sink(Event::Article { input: p, name: p.origin.display_name(), summary: o.tally.finish() })?;
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
        let recv = |ready: &mut HashMap<u64, Part>| {
            let (seq, part) = res_rx.recv().expect("a worker thread died");
            ready.insert(seq, part);
        };

        for (i, p) in inputs.iter().enumerate() {
            let mut input = match Input::open(p, opts.chunk_bytes) {
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
                        job_tx.send((sent, i, chunk.text)).expect("worker threads are running");
                        order.push_back(Item::Chunk { seq: sent, input: i, raw: chunk.raw_bytes });
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
