//! Accuracy floors against the gold data in ../shared/eval (figures in docs/ACCURACY.md).

mod common;
use common::*;

#[test]
fn conditional_detection_on_ud_french_reaches_the_floor() {
    let dir = shared().join("eval/ud-french");
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for tb in ["UD_French-GSD", "UD_French-Sequoia", "UD_French-ParTUT"] {
        for e in std::fs::read_dir(dir.join(tb)).expect("shared eval data is beside the repo (or set HEDGE_SHARED)") {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "conllu") {
                files.push(p);
            }
        }
    }
    files.sort();
    assert_eq!(files.len(), 7);
    let corr = hedge::eval::conllu::read_corrections(&dir.join("GOLD-CORRECTIONS.tsv")).unwrap();
    let r = hedge::eval::ud::eval_ud(&files, &corr, hedge::lexicon::morphology::Morphology::embedded()).unwrap();
    assert_eq!(r.gold, 305);
    assert_eq!(r.corrections_applied, 5);
    assert!(r.overall.precision >= 0.99 && r.overall.recall >= 0.99, "{:?}", r.overall);
}
