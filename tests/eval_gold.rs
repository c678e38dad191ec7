//! `hedge eval gold`: scoring against sentence labels of one's own (format in docs/GOLD.md).

mod common;
use common::*;

use hedge::classify::Label;
use hedge::eval::gold::eval_gold;
use hedge::lexicon::Lexicon;

#[test]
fn the_sample_annotation_of_seed_001_is_scored_and_reaches_the_floor() {
    let path = root().join("tests/data/gold/seeds-sample.jsonl");
    let lex = Lexicon::embedded().unwrap();
    let r = eval_gold(&path, &lex).unwrap();
    // Every line of the file is one gold sentence, and the supports are the file's labels.
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(r.n, lines.len());
    assert_eq!(r.confusion.iter().flatten().sum::<usize>(), r.n);
    for s in &r.per_label {
        let in_file = lines.iter().filter(|l| l["label"] == s.label.as_str()).count();
        assert_eq!(s.support, in_file, "{:?}", s.label);
    }
    // Floors (the figures are in docs/ACCURACY.md).
    assert!(r.accuracy >= 0.85 && r.macro_f1 >= 0.80, "accuracy {} macro-F1 {}", r.accuracy, r.macro_f1);
}

#[test]
fn scores_are_computed_from_the_confusion_matrix() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Selon l'AFP, le convoi est parti de Raqqa.\n\nLe convoi aurait compté 50 camions.\n\nLe convoi est arrivé hier soir à Deir ez-Zor.\n",
    )
    .unwrap();
    let text = "Le convoi aurait compté 50 camions.";
    let start = "Selon l'AFP, le convoi est parti de Raqqa.\n\n".len();
    let gold = [
        r#"{"file": "a.txt", "text": "Selon l'AFP, le convoi est parti de Raqqa.", "label": "ATTRIBUTED"}"#.to_string(),
        format!(r#"{{"file": "a.txt", "start": {start}, "end": {}, "label": "HEDGED", "note": "by offsets"}}"#, start + text.len()),
        // A deliberate disagreement: hedge says ASSERTED.
        r#"{"file": "a.txt", "text": "Le convoi est arrivé hier soir à Deir ez-Zor.", "label": "HEDGED", "flags": ["mine"]}"#.to_string(),
    ];
    let g = dir.path().join("gold.jsonl");
    std::fs::write(&g, gold.join("\n")).unwrap();
    let r = eval_gold(&g, &Lexicon::embedded().unwrap()).unwrap();
    assert_eq!((r.n, r.files), (3, 1));
    assert!((r.accuracy - 2.0 / 3.0).abs() < 1e-9);
    let hedged = r.per_label.iter().find(|s| s.label == Label::Hedged).unwrap();
    assert_eq!((hedged.support, hedged.predicted), (2, 1));
    assert!((hedged.precision - 1.0).abs() < 1e-9 && (hedged.recall - 0.5).abs() < 1e-9);
    let asserted = r.per_label.iter().find(|s| s.label == Label::Asserted).unwrap();
    assert_eq!((asserted.support, asserted.predicted, asserted.precision), (0, 1, 0.0));
    // Macro-F1 over the labels present in the gold only (ATTRIBUTED 1.0, HEDGED 2/3).
    assert!((r.macro_f1 - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-9, "{}", r.macro_f1);
    assert_eq!(r.errors.len(), 1);
    assert_eq!((r.errors[0].line, r.errors[0].gold, r.errors[0].predicted), (3, Label::Hedged, Label::Asserted));
    assert!(r.render(true).contains("line 3"));
}

#[test]
fn a_bad_gold_line_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Le convoi est parti de Raqqa hier soir.\n").unwrap();
    let g = dir.path().join("gold.jsonl");
    for (line, expected) in [
        (r#"{"file": "a.txt", "text": "Une phrase absente.", "label": "ASSERTED"}"#, "sentence not found in a.txt"),
        (r#"{"file": "a.txt", "text": "Le convoi", "start": 0, "end": 3, "label": "ASSERTED"}"#, "not both"),
        (r#"{"file": "a.txt", "text": "Le convoi", "label": "CERTAIN"}"#, "unknown variant"),
        (r#"{"file": "absent.txt", "text": "Le convoi", "label": "ASSERTED"}"#, "absent.txt"),
        (r#"{"file": "a.txt", "start": 5, "end": 500, "label": "ASSERTED"}"#, "not inside the text"),
    ] {
        std::fs::write(&g, format!("\n{line}\n")).unwrap();
        let e = eval_gold(&g, &Lexicon::embedded().unwrap()).unwrap_err();
        assert!(e.contains("gold.jsonl:2:") && e.contains(expected), "{e}");
    }
    // And on the command line: exit 1 and the message.
    let o = hedge(&["eval", "gold", g.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("gold.jsonl:2:"), "{}", stderr(&o));
}

#[test]
fn the_seed_gold_of_the_shared_data_is_read_as_it_is_and_reaches_the_floor() {
    // ../shared/eval/seed-gold/seed-gold.jsonl: the seed-gold schema (part, claim, quote…, text
    // with offsets into the raw file) and articles named by file only, found in seeds/.
    let Some(dir) = shared_or_skip("eval/seed-gold") else { return };
    let path = dir.join("seed-gold.jsonl");
    let r = hedge::eval::gold::eval_gold_in(&path, &[root().join("seeds")], &Lexicon::embedded().unwrap()).unwrap();
    assert_eq!(r.files, 5);
    let body = r.body_claims.as_ref().expect("the seed gold gives parts and claims");
    assert_eq!(body.n, 168);
    // Floors (figures in docs/ACCURACY.md): quoted-voice claims are compared as ATTRIBUTED.
    assert!(body.accuracy >= 0.90, "title and body claims: accuracy {}", body.accuracy);
    // The trivial baseline printed beside it: always the most frequent gold label.
    assert_eq!(body.baseline.label, hedge::classify::Label::Attributed);
    assert!(body.baseline.accuracy > 0.4 && body.baseline.accuracy < 0.6 && body.accuracy > body.baseline.accuracy + 0.3, "{:?}", body.baseline);
    assert!(r.accuracy >= 0.83, "all sentences: accuracy {}", r.accuracy);
    assert!(r.quoted_as_attributed > 0);
    // And from the repository root on the command line, with no option.
    let o = hedge_in(&root(), &["eval", "gold", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("title and body claims"));
}

#[test]
fn a_markdown_article_is_matched_on_its_letters_and_markup_lines_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "# Le convoi est parti de Raqqa\n\nIl a été vu par [la BBC](https://bbc.co.uk) hier soir.\n\n---\n")
        .unwrap();
    let gold = [
        r##"{"id": "a-1", "part": "title", "claim": true, "quote": false, "label": "ASSERTED", "file": "a.md", "start": 0, "end": 31, "text": "# Le convoi est parti de Raqqa"}"##,
        r##"{"id": "a-2", "part": "body", "claim": true, "quote": false, "label": "ASSERTED", "file": "a.md", "start": 32, "end": 90, "text": "Il a été vu par [la BBC](https://bbc.co.uk) hier soir."}"##,
        r##"{"id": "a-3", "part": "boilerplate", "claim": false, "quote": false, "label": "NONE", "file": "a.md", "start": 92, "end": 95, "text": "---"}"##,
    ];
    let g = dir.path().join("gold.jsonl");
    std::fs::write(&g, gold.join("\n")).unwrap();
    let r = eval_gold(&g, &Lexicon::embedded().unwrap()).unwrap();
    assert_eq!((r.n, r.markup_only), (2, 1));
    assert_eq!(r.body_claims.as_ref().unwrap().n, 2);
}

/// Cohen's kappa of two label lists.
fn kappa(a: &[String], b: &[String]) -> f64 {
    let n = a.len() as f64;
    let agree = a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / n;
    let labels: std::collections::BTreeSet<&String> = a.iter().chain(b).collect();
    let chance: f64 =
        labels.iter().map(|l| (a.iter().filter(|x| x == l).count() as f64 / n) * (b.iter().filter(|x| x == l).count() as f64 / n)).sum();
    (agree - chance) / (1.0 - chance)
}

#[test]
fn the_news_gold_labelled_blind_reaches_its_floors_beside_its_baseline() {
    // tests/data/news-gold: every sentence of the 80 genre-data articles labelled blind by two
    // annotators under the seed-gold guidelines (offsets only: the texts stay in ../shared).
    // dev.jsonl, dev-2.jsonl and dev-3.jsonl may be read to find causes; heldout.jsonl, heldout-2.jsonl,
    // heldout-3.jsonl, heldout-4.jsonl, heldout-5.jsonl and heldout-6.jsonl (the saved web pages)
    // are scored, never read for rules.
    let Some(articles) = shared_or_skip("eval/semeval2023-fr-genre/articles") else { return };
    let data = root().join("tests/data/news-gold");
    let lines = |name: &str| -> Vec<serde_json::Value> {
        std::fs::read_to_string(data.join(name)).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    // The two annotators agree well enough for the gold to be a measure (docs/ACCURACY.md).
    let label = |v: &[serde_json::Value]| v.iter().map(|l| l["label"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    for (first, second, n) in [
        ("annotator1.jsonl", "annotator2.jsonl", 279),
        ("round2-annotator1.jsonl", "round2-annotator2.jsonl", 286),
        ("round3-annotator1.jsonl", "round3-annotator2.jsonl", 361),
        ("round4-annotator1.jsonl", "round4-annotator2.jsonl", 397),
        ("round5-annotator1.jsonl", "round5-annotator2.jsonl", 260),
        ("round6-annotator1.jsonl", "round6-annotator2.jsonl", 417),
        ("round7-annotator1.jsonl", "round7-annotator2.jsonl", 815),
        ("round8-annotator1.jsonl", "round8-annotator2.jsonl", 465),
        ("round9-annotator1.jsonl", "round9-annotator2.jsonl", 518),
    ] {
        let (a1, a2) = (lines(first), lines(second));
        assert_eq!((a1.len(), a2.len()), (n, n));
        assert!(kappa(&label(&a1), &label(&a2)) > 0.9, "{first}");
    }
    let lex = Lexicon::embedded().unwrap();
    // Floors: the figures of docs/ACCURACY.md, "News gold", less 0.02.
    for (name, all, body, files) in [
        ("dev.jsonl", 0.79, 0.82, 6),
        ("heldout.jsonl", 0.76, 0.78, 6),
        ("heldout-2.jsonl", 0.77, 0.80, 12),
        ("dev-2.jsonl", 0.78, 0.79, 12),
        ("heldout-3.jsonl", 0.78, 0.81, 10),
        ("heldout-4.jsonl", 0.75, 0.78, 10),
        ("heldout-5.jsonl", 0.78, 0.80, 10),
        ("dev-3.jsonl", 0.78, 0.81, 14),
    ] {
        let gold = lines(name);
        let r = hedge::eval::gold::eval_gold_in(&data.join(name), std::slice::from_ref(&articles), &lex).unwrap();
        assert_eq!((r.n, r.files), (gold.len(), files), "{name}");
        let b = r.body_claims.as_ref().expect("the news gold gives parts and claims");
        assert!(r.accuracy >= all && b.accuracy >= body, "{name}: all {} title and body {}", r.accuracy, b.accuracy);
        assert!(b.accuracy > b.baseline.accuracy + 0.10, "{name}: {} vs baseline {:?}", b.accuracy, b.baseline);
    }
    // heldout-6.jsonl (session 19): the saved web pages of outlets the genre data does not hold,
    // labelled blind the same way; offsets into the text hedge extracts from each page.
    let Some(pages) = shared_or_skip("eval/web-pages-fr/pages") else { return };
    let name = "heldout-6.jsonl";
    let r = hedge::eval::gold::eval_gold_in(&data.join(name), std::slice::from_ref(&pages), &lex).unwrap();
    assert_eq!((r.n, r.files), (lines(name).len(), 11));
    let b = r.body_claims.as_ref().expect("the news gold gives parts and claims");
    assert!(r.accuracy >= 0.75 && b.accuracy >= 0.70, "{name}: all {} title and body {}", r.accuracy, b.accuracy);
    assert!(b.accuracy > b.baseline.accuracy + 0.10, "{name}: {} vs baseline {:?}", b.accuracy, b.baseline);
    // dev-4.jsonl (session 20, readable): mainstream regional news, the Est Républicain articles
    // of UD French-Sequoia, rebuilt here (third-party text: never kept in the repository).
    let Some(sequoia) = shared_or_skip("eval/ud-french/UD_French-Sequoia") else { return };
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(write_sequoia_news(&sequoia, dir.path()), 29);
    let name = "dev-4.jsonl";
    let r = hedge::eval::gold::eval_gold_in(&data.join(name), &[dir.path().to_path_buf()], &lex).unwrap();
    assert_eq!((r.n, r.files), (lines(name).len(), 29));
    let b = r.body_claims.as_ref().expect("the news gold gives parts and claims");
    // Always ASSERTED is right for 0.79 of its title and body claims: a regional paper reports
    // events in its own voice.
    assert!(r.accuracy >= 0.88 && b.accuracy >= 0.90, "{name}: all {} title and body {}", r.accuracy, b.accuracy);
    assert!(b.accuracy > b.baseline.accuracy + 0.08, "{name}: {} vs baseline {:?}", b.accuracy, b.baseline);
}

#[test]
fn the_gsd_sentence_gold_labelled_blind_reaches_its_floors_beside_its_baseline() {
    // tests/data/gsd-gold (session 24): 320 sentences of UD French-GSD's dev file (web text:
    // Wikipedia, news, blogs, reviews; shuffled by the treebank, so each stands alone), drawn by
    // scripts/gsd-sentences.py and labelled blind by two annotators under the seed-gold
    // guidelines. dev.jsonl may be read; heldout.jsonl is scored only. The files are written
    // here from ../shared (third-party text, never kept in the repository).
    let Some(gsd) = shared_or_skip("eval/ud-french/UD_French-GSD/fr_gsd-ud-dev.conllu") else { return };
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(write_gsd_sentences(&gsd, dir.path()), 1476);
    let data = root().join("tests/data/gsd-gold");
    let lines = |name: &str| -> Vec<serde_json::Value> {
        std::fs::read_to_string(data.join(name)).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    let label = |v: &[serde_json::Value]| v.iter().map(|l| l["label"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    let (a1, a2) = (lines("annotator1.jsonl"), lines("annotator2.jsonl"));
    assert_eq!((a1.len(), a2.len()), (321, 321));
    assert!(kappa(&label(&a1), &label(&a2)) > 0.9);
    let lex = Lexicon::embedded().unwrap();
    // Floors: docs/ACCURACY.md, "Session 24", less about 0.01. Nine sentences in ten of this
    // text are the writer's own plain statements, so "always ASSERTED" is a strong baseline;
    // the program must still beat it and find most of the credited sentences.
    for (name, body, files) in [("dev.jsonl", 0.90, 160), ("heldout.jsonl", 0.90, 160)] {
        let gold = lines(name);
        let r = hedge::eval::gold::eval_gold_in(&data.join(name), &[dir.path().to_path_buf()], &lex).unwrap();
        assert_eq!((r.n, r.files), (gold.len(), files), "{name}");
        let b = r.body_claims.as_ref().expect("the GSD gold gives parts and claims");
        assert!(b.accuracy >= body && b.accuracy > b.baseline.accuracy, "{name}: title and body {} vs baseline {:?}", b.accuracy, b.baseline);
        let attributed = b.per_label.iter().find(|s| s.label == Label::Attributed).unwrap();
        assert!(attributed.recall >= 0.70, "{name}: attributed recall {}", attributed.recall);
    }
}
