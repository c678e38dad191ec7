//! What single stages of the analysis cost alone, on one thread (`bench/run.sh` prints it):
//! the floor under any full analysis built from these steps. Usage:
//! `cargo run --release --example stage_floors -- FILE...` (plain-text UTF-8 files).
//!
//! Each line runs one step over every file (best of 3 runs) and prints its throughput. A full
//! analysis needs every word cut out, folded and looked up, and every sentence found, so it
//! cannot be faster than the slowest of these lines together.
use std::hint::black_box;
use std::time::Instant;

use hedge::extract::plain_blocks;
use hedge::lexicon::Lexicon;
use hedge::segment::{segment_blocks, SegmentRules};
use hedge::token;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: stage_floors FILE...");
        std::process::exit(2);
    }
    let files: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"))).collect();
    let blocks: Vec<_> = files.iter().map(|f| plain_blocks(f)).collect();
    let mb = files.iter().map(|f| f.len()).sum::<usize>() as f64 / 1e6;
    let lex = Lexicon::embedded().expect("embedded lexicon");
    println!("{} files, {mb:.1} MB, 1 thread, best of 3", files.len());
    let run = |name: &str, step: &dyn Fn(usize) -> usize| {
        let mut best = f64::MAX;
        for _ in 0..3 {
            let t = Instant::now();
            let n: usize = (0..files.len()).map(|i| step(black_box(i))).sum();
            black_box(n);
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!("  {name:<52} {:>7.1} MB/s", mb / best);
    };
    run("count line breaks (one byte scan)", &|i| files[i].bytes().filter(|&b| b == b'\n').count());
    run("cut into words (token::tokenize)", &|i| token::tokenize(&files[i], 0).len());
    run("words + fold keys (lower case, no accents)", &|i| {
        let (f, mut k) = (&files[i], String::new());
        token::tokenize(f, 0)
            .iter()
            .map(|t| {
                token::fold_key(&f[t.span.clone()], &mut k);
                k.len()
            })
            .sum()
    });
    run("words + fold keys + lexicon first-word look-up", &|i| {
        let (f, mut k) = (&files[i], String::new());
        token::tokenize(f, 0)
            .iter()
            .filter(|t| {
                token::fold_key(&f[t.span.clone()], &mut k);
                lex.key_of(&k).is_some_and(|key| !lex.candidates(key).is_empty())
            })
            .count()
    });
    run("words + lower case + verb-table look-up", &|i| {
        let (f, mut k) = (&files[i], String::new());
        token::tokenize(f, 0)
            .iter()
            .filter(|t| {
                token::lower_into(&f[t.span.clone()], &mut k);
                !lex.morphology.lookup(&k).is_empty()
            })
            .count()
    });
    run("sentences and quotations (segment)", &|i| segment_blocks(&files[i], SegmentRules::embedded(), &blocks[i]).sentences.len());
}
