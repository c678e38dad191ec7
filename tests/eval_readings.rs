//! Scores the conditional-reading classifier on the shared gold dev set and checks the
//! accuracy floors reached (minus a small margin). The set lives outside the repository:
//! `$HEDGE_SHARED/eval/cnd-readings/dev.jsonl`, HEDGE_SHARED defaulting to `../shared` next to
//! the package. Skipped (with a message) when the file is absent.
//! Under `CI` a missing file fails the test.
mod common;

use hedge::classify::reading::Reading;
use hedge::eval::readings::eval_readings;

#[test]
fn readings_dev_accuracy_floors() {
    let Some(p) = common::shared_or_skip("eval/cnd-readings/dev.jsonl") else { return };
    let e = eval_readings(&p).expect("gold file readable");
    eprintln!("{}", e.render(false));
    assert_eq!(e.n, 305);
    // Reached on dev: five-way 0.931, hedge/not-hedge 0.944 (baselines 0.48 / 0.74).
    assert!(e.accuracy >= 0.90, "five-way accuracy {:.3}", e.accuracy);
    assert!(e.hedge_accuracy >= 0.90, "hedge accuracy {:.3}", e.hedge_accuracy);
    // Leave-one-corpus-out rows (the rules were written reading all three corpora: these are
    // per-corpus figures, not held-out ones; see docs/ACCURACY.md). Reached: GSD 0.868 / 0.895,
    // ParTUT 0.967 / 0.967, Sequoia 0.918 / 0.938 (five-way / hedge).
    let names: Vec<&str> = e.by_corpus.iter().map(|c| c.corpus.as_str()).collect();
    assert_eq!(names, ["GSD", "ParTUT", "Sequoia"]);
    for c in &e.by_corpus {
        assert!(c.accuracy >= 0.84, "{} five-way {:.3}", c.corpus, c.accuracy);
        assert!(c.hedge_accuracy >= 0.87, "{} hedge {:.3}", c.corpus, c.hedge_accuracy);
        assert!(c.hedge_accuracy > c.baseline_not_hedge, "{} below always-not-hedge", c.corpus);
    }
    for s in &e.per_reading {
        if s.reading != Reading::FutureInPast {
            assert!(s.f1 >= 0.65, "{:?} F1 {:.3}", s.reading, s.f1);
        }
    }
}
