//! Sentence-segmentation scores on the UD French gold (issue 3 protocol).
//!
//! `HEDGE_SHARED=/work/shared cargo run --release --example eval_segment [-- --verbose]`
//! (HEDGE_SHARED defaults to `<manifest>/../shared`).

use std::path::PathBuf;

use hedge::eval::segment::{eval_segment, ErrorKind};

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    let shared = std::env::var_os("HEDGE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let ud = shared.join("eval/ud-french");
    let corpora: Vec<(&str, Vec<PathBuf>, Option<&str>)> = vec![
        (
            "Sequoia annodis.er (train+dev+test)",
            ["train", "dev", "test"]
                .iter()
                .map(|s| ud.join(format!("UD_French-Sequoia/fr_sequoia-ud-{s}.conllu")))
                .collect(),
            Some("annodis.er"),
        ),
        ("GSD dev", vec![ud.join("UD_French-GSD/fr_gsd-ud-dev.conllu")], None),
        // Not targets; shown to watch for over-fitting.
        (
            "(info) Sequoia all",
            ["train", "dev", "test"]
                .iter()
                .map(|s| ud.join(format!("UD_French-Sequoia/fr_sequoia-ud-{s}.conllu")))
                .collect(),
            None,
        ),
        (
            "(info) ParTUT all",
            ["train", "dev", "test"]
                .iter()
                .map(|s| ud.join(format!("UD_French-ParTUT/fr_partut-ud-{s}.conllu")))
                .collect(),
            None,
        ),
    ];
    for (name, paths, prefix) in corpora {
        let e = match eval_segment(&paths, prefix) {
            Ok(e) => e,
            Err(err) => {
                eprintln!("{name}: {err}");
                std::process::exit(1);
            }
        };
        let o = &e.overall;
        println!(
            "{name}: P {:.4} R {:.4} F1 {:.4} (tp {} fp {} fn {})",
            o.precision, o.recall, o.f1, o.tp, o.fp, o.fn_
        );
        if verbose {
            for err in &e.errors {
                let k = if err.kind == ErrorKind::Missed { "MISSED" } else { "FALSE " };
                println!("  {k} {:<24} {}", err.sent_id, err.context);
            }
        }
    }
}
