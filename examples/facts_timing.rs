//! What the fact alignment of `compare --facts` costs alone (analysis done beforehand), on one
//! thread: best of 5 runs of `hedge::facts::align` over the files given, as one run. Usage:
//! `cargo run --release --example facts_timing -- FILE...` (docs/FACTS.md).
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use hedge::facts::{align, Params};
use hedge::input::{Origin, Planned};
use hedge::lexicon::Lexicon;
use hedge::pipeline::{analyze, load, ReadOptions};

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.len() < 2 {
        eprintln!("usage: facts_timing FILE FILE...");
        std::process::exit(2);
    }
    let lex = Lexicon::embedded().expect("embedded lexicon");
    let analyses: Vec<(String, Vec<hedge::classify::SentenceScore>)> = paths
        .iter()
        .map(|p| {
            let planned = Planned { label: p.clone(), label_given: true, origin: Origin::File(PathBuf::from(p)) };
            let doc = load(&planned, ReadOptions::default(), &lex.rules).unwrap_or_else(|e| panic!("{p}: {e}"));
            (p.clone(), analyze(&doc, &lex).sentences)
        })
        .collect();
    let inputs: Vec<(String, &[hedge::classify::SentenceScore])> = analyses.iter().map(|(n, s)| (n.clone(), s.as_slice())).collect();
    let sentences: usize = analyses.iter().map(|(_, s)| s.len()).sum();
    let mut best = f64::MAX;
    let mut groups = 0;
    for _ in 0..5 {
        let t = Instant::now();
        groups = black_box(align(black_box(&inputs), &Params::default())).len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("{} articles, {sentences} sentences, {groups} groups: align {:.2} ms (best of 5)", paths.len(), best * 1e3);
}
