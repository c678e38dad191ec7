//! Scores the conditional-reading classifier on the shared gold dev set and checks the
//! accuracy floors reached (minus a small margin). The set lives outside the repository:
//! `$HEDGE_SHARED/eval/cnd-readings/dev.jsonl`, HEDGE_SHARED defaulting to `../shared` next to
//! the package. Skipped (with a message) when the file is absent.
//! Under `CI` a missing file fails the test.
mod common;

use hedge::classify::reading::Reading;
use hedge::eval::readings::{eval_readings, eval_readings_in};

#[test]
fn readings_dev_accuracy_floors() {
    let Some(p) = common::shared_or_skip("eval/cnd-readings/dev.jsonl") else { return };
    let e = eval_readings(&p).expect("gold file readable");
    eprintln!("{}", e.render(false));
    assert_eq!(e.n, 305);
    // Reached on dev: five-way 0.938, hedge/not-hedge 0.951 (baselines 0.48 / 0.74).
    assert!(e.accuracy >= 0.90, "five-way accuracy {:.3}", e.accuracy);
    assert!(e.hedge_accuracy >= 0.90, "hedge accuracy {:.3}", e.hedge_accuracy);
    // Leave-one-corpus-out rows (the rules were written reading all three corpora: these are
    // per-corpus figures, not held-out ones; see docs/ACCURACY.md). Reached: GSD 0.895 / 0.921,
    // ParTUT 0.975 / 0.975, Sequoia 0.918 / 0.938 (five-way / hedge).
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

/// The news conditionals of `tests/data/readings-news/labels.jsonl` (labels in the repository,
/// articles in the shared eval folder): each half must beat "always not a hedge". Reached on
/// 2026-12-05: half A (tuned on) 0.767 / 0.783, half B (scored once, at the end) 0.781 / 0.891
/// (five-way / hedge; always-not-hedge 0.650 and 0.594); session 9, after a modal under a past
/// verb of saying kept its meaning: half B 0.812 / 0.891; session 21: half A 0.850 / 0.867, half
/// B 0.875 / 0.938 (floors raised to 0.80 / 0.82, a regression guard under both).
#[test]
fn readings_news_halves_beat_always_not_a_hedge() {
    let Some(arts) = common::shared_or_skip("eval/semeval2023-fr-genre/articles") else { return };
    let labels = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/readings-news/labels.jsonl");
    let all = eval_readings_in(&labels, std::slice::from_ref(&arts), None).expect("every item found");
    assert_eq!(all.n, 124);
    for half in ["A", "B"] {
        let e = eval_readings_in(&labels, std::slice::from_ref(&arts), Some(half)).unwrap();
        eprintln!("half {half}: {}", e.render(false));
        assert!(e.hedge_accuracy >= 0.82, "half {half} hedge {:.3}", e.hedge_accuracy);
        assert!(e.accuracy >= 0.80, "half {half} five-way {:.3}", e.accuracy);
        assert!(e.hedge_accuracy > e.baseline_not_hedge + 0.1, "half {half} not above always-not-hedge");
    }
}

/// One half of a readings set of this repository whose items point into texts under the shared
/// folder `texts` (None, after a notice, when that folder is absent); every item must be found.
fn split_set(texts: &str, labels: &str, half: &str) -> Option<hedge::eval::readings::ReadingsEval> {
    let dir = common::shared_or_skip(texts)?;
    let labels = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(labels);
    Some(eval_readings_in(&labels, std::slice::from_ref(&dir), Some(half)).expect("every item found"))
}

/// Half D (`labels-d.jsonl`, session 21): every conditional of the genre articles that halves A,
/// B and C left, labelled by two blind annotators (56 of 57 agreed) and never read for rules.
/// Every item must be found in its article, and hedge must beat "always not a hedge". Scored
/// 2026-12-06: 0.772 / 0.807 with the session's starting build, 0.789 / 0.825 at its end
/// (five-way / hedge; always-not-hedge 0.667).
#[test]
fn readings_news_half_d_beats_always_not_a_hedge() {
    let Some(e) = split_set("eval/semeval2023-fr-genre/articles", "tests/data/readings-news/labels-d.jsonl", "D") else { return };
    assert_eq!(e.n, 57);
    assert!(e.hedge_accuracy > e.baseline_not_hedge + 0.1, "half D hedge {:.3} not above always-not-hedge", e.hedge_accuracy);
    assert!(e.accuracy >= 0.74, "half D five-way {:.3}", e.accuracy);
}

/// The fiction set (`tests/data/readings-fiction/labels.jsonl`, session 22): 100 conditionals
/// drawn at random from the fr-litbank texts, labelled by two blind annotators (97 of 100
/// agreed, three adjudicated). A genre the rules were not written for: scored 0.560 / 0.820
/// with the session's starting build, while "always not a hedge" scores 0.970 — the
/// journalistic-conditional defaults read hearsay into narration. These floors pin the
/// figures of session 23's end (0.660 / 0.870; 0.600 / 0.850 after session 22) so that a change
/// cannot quietly make fiction worse; they are not a target met (docs/ACCURACY.md, "Session 22"
/// and "Session 23").
#[test]
fn readings_fiction_floors() {
    let Some(e) = split_set("eval/fr-litbank-citations", "tests/data/readings-fiction/labels.jsonl", "F") else { return };
    assert_eq!(e.n, 100);
    assert!(e.accuracy >= 0.65, "fiction five-way {:.3}", e.accuracy);
    assert!(e.hedge_accuracy >= 0.86, "fiction hedge {:.3}", e.hedge_accuracy);
}

/// `eval readings --rule NAME` lists exactly the items that rule decided, right and wrong, and
/// their count agrees with the per-rule table.
#[test]
fn rule_listing_shows_every_item_of_one_rule() {
    let Some(p) = common::shared_or_skip("eval/cnd-readings/dev.jsonl") else { return };
    let e = eval_readings(&p).unwrap();
    let volition = e.by_rule.iter().find(|r| r.rule == "volition").expect("volition decides items on dev");
    let out = e.render_rule("volition");
    let lines: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(lines.len(), volition.n, "{out}");
    assert!(lines.iter().all(|l| l.contains(" rule=volition ")), "{out}");
    assert_eq!(lines.iter().filter(|l| l.starts_with("ok ")).count(), volition.correct);
    assert!(out.starts_with(&format!("rule volition: {} items decided, {} right", volition.n, volition.correct)), "{out}");
    // An unknown name lists nothing and names the rules that exist.
    let none = e.render_rule("no-such-rule");
    assert!(none.contains("0 items decided") && none.contains("volition"), "{none}");
}
