//! Floors for sentence segmentation against the UD French gold (issue 3 protocol, see
//! `hedge::eval::segment`). The gold lives in `<shared>/eval/ud-french/`, where `<shared>` is
//! `$HEDGE_SHARED` or, by default, `../shared` beside the repository. Skipped with a notice
//! when it is absent, except under `CI`, where a missing folder fails the tests.
//!
//! Reached when written (P / R / F1): annodis.er 1.0000 / 0.9803 / 0.9901,
//! GSD dev 0.9946 / 0.9938 / 0.9942. The floors are those minus 0.005.

mod common;

use std::path::PathBuf;

use hedge::eval::segment::eval_segment;

fn ud() -> Option<PathBuf> {
    common::shared_or_skip("eval/ud-french")
}

#[test]
fn annodis_er_floor() {
    let Some(ud) = ud() else { return };
    let paths: Vec<PathBuf> = ["train", "dev", "test"].iter().map(|s| ud.join(format!("UD_French-Sequoia/fr_sequoia-ud-{s}.conllu"))).collect();
    let e = eval_segment(&paths, Some("annodis.er")).unwrap();
    let o = &e.overall;
    eprintln!("annodis.er: P {:.4} R {:.4} F1 {:.4}", o.precision, o.recall, o.f1);
    assert!(o.tp + o.fn_ > 400, "too few gold boundaries: {}", o.tp + o.fn_);
    assert!(o.f1 >= 0.985, "F1 {:.4} < 0.985; errors: {:#?}", o.f1, e.errors);
    assert!(o.precision >= 0.99 && o.recall >= 0.975, "{o:?}");
}

#[test]
fn gsd_dev_floor() {
    let Some(ud) = ud() else { return };
    let e = eval_segment(&[ud.join("UD_French-GSD/fr_gsd-ud-dev.conllu")], None).unwrap();
    let o = &e.overall;
    eprintln!("GSD dev: P {:.4} R {:.4} F1 {:.4}", o.precision, o.recall, o.f1);
    assert!(o.tp + o.fn_ > 1200, "too few gold boundaries: {}", o.tp + o.fn_);
    assert!(o.f1 >= 0.989, "F1 {:.4} < 0.989; errors: {:#?}", o.f1, e.errors);
    assert!(o.precision >= 0.989 && o.recall >= 0.988, "{o:?}");
}
