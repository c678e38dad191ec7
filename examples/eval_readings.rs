//! Scores the conditional-reading classifier on a gold file.
//! `cargo run --example eval_readings -- [PATH] [--verbose] [--json]`
//! (default PATH: $HEDGE_SHARED/eval/cnd-readings/dev.jsonl, HEDGE_SHARED defaulting to ../shared).
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let json = args.iter().any(|a| a == "--json");
    let path = args.iter().find(|a| !a.starts_with('-')).map(PathBuf::from).unwrap_or_else(|| {
        let shared = std::env::var("HEDGE_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
        shared.join("eval/cnd-readings/dev.jsonl")
    });
    match hedge::eval::readings::eval_readings(&path) {
        Ok(e) if json => println!("{}", serde_json::to_string_pretty(&e).unwrap()),
        Ok(e) => print!("{}", e.render(verbose)),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
