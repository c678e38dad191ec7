//! How often the language step takes a French sentence for another language: every sentence
//! of the UD French treebanks (`# text = …`) is identified on its own — harsher than hedge's
//! per-paragraph use. Prints the count and the sentences it would drop.
//!
//! cargo run --release --example language_false_positives -- ../shared/eval/ud-french/*/*.conllu
use hedge::extract::language::{identify, LanguageRules};

fn main() {
    let rules = LanguageRules::embedded();
    let (mut n, mut eligible, mut flagged) = (0usize, 0usize, Vec::new());
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for line in text.lines() {
            let Some(s) = line.strip_prefix("# text = ") else { continue };
            n += 1;
            if s.split_whitespace().count() >= rules.min_words {
                eligible += 1;
            }
            if let Some((code, _, conf)) = identify(s, rules) {
                flagged.push(format!("{code} {conf:.2}  {s}"));
            }
        }
    }
    for f in &flagged {
        println!("{f}");
    }
    println!(
        "{n} French sentences, {eligible} with at least {} words; taken for another language: {} ({:.3} %)",
        rules.min_words,
        flagged.len(),
        100.0 * flagged.len() as f64 / n.max(1) as f64
    );
}
