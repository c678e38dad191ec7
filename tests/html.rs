//! `--html`, `--answers`, `--ui` on the command line (no browser needed; the page in a real
//! browser is tested in tests/browser.rs).

mod common;

use common::{assert_snapshot, hedge, stderr, stdout};

#[test]
fn compare_with_html_prints_the_same_table_and_json_and_writes_every_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let p = page.to_str().unwrap();
    let o = hedge(&["compare", "seeds/", "--html", p]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_snapshot("compare-seeds.txt", &stdout(&o));
    let plain = hedge(&["compare", "seeds/", "--format", "json"]);
    let with = hedge(&["compare", "seeds/", "--format", "json", "--html", p]);
    assert_eq!(stdout(&plain), stdout(&with), "compare JSON must not change with --html");

    // One sentence row per sentence of each article, as counted in the summaries.
    let json: serde_json::Value = serde_json::from_str(&stdout(&plain)).unwrap();
    let sentences: u64 = json["articles"].as_array().unwrap().iter().map(|a| a["summary"]["sentences"].as_u64().unwrap()).sum();
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html.matches("<tr id=\"a").count() as u64, sentences);
    assert!(html.contains("<html lang=\"fr\">") && html.contains("Qui parle ?"));
    assert!(!html.contains("class=\"key\""), "no teacher's key without --answers");
    // Self-contained: nothing is fetched (article text may mention URLs, as text).
    for fetch in ["src=\"", "href=\"http", "url(http", "@import", "<link rel=\"stylesheet"] {
        assert!(!html.contains(fetch), "the page would fetch something: {fetch}");
    }
}

#[test]
fn analyze_html_shows_each_marker_with_its_explanation_and_reading() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("a.html");
    let o = hedge(&["analyze", "seeds/001_ecc43d926f07e1cb.txt", "--html", page.to_str().unwrap(), "--answers"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_snapshot("analyze-001.txt", &stdout(&o));
    let html = std::fs::read_to_string(&page).unwrap();
    let json: serde_json::Value = serde_json::from_str(&stdout(&hedge(&["analyze", "seeds/001_ecc43d926f07e1cb.txt", "--format", "json"]))).unwrap();
    let markers: usize = json["articles"][0]["sentences"].as_array().unwrap().iter().map(|s| s["markers"].as_array().unwrap().len()).sum();
    // Overlapping markers share one highlight; each keeps its own explanation.
    assert!(html.matches("<mark class=\"m ").count() <= markers);
    assert!(html.matches("<mark class=\"m ").count() >= markers * 3 / 4, "markers highlighted");
    assert_eq!(html.matches("<span class=\"tip-head\">").count(), markers, "every marker explained");
    // Sentence 8 of seed 001: "Selon eux, les commandants jihadistes auraient négocié…".
    assert!(html.contains("Conditionnel : ouï-dire</strong>"));
    assert!(html.contains("« Selon X » attribue l&#39;information à X"), "the lexicon's French explanation of selon");
    assert!(html.contains("<span class=\"key\">Le média, d&#39;après une source : « Selon »"), "teacher's key");
}

#[test]
fn unwritable_html_path_is_an_error_naming_it_and_the_table_is_still_printed() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("no-such-dir").join("report.html");
    let o = hedge(&["compare", "seeds/", "--html", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("cannot write the HTML report") && err.contains(bad.to_str().unwrap()), "{err}");
    assert!(stdout(&o).contains("assertiveness"), "the normal output is still printed");
}

#[test]
fn answers_and_ui_need_html() {
    for args in [&["compare", "seeds/", "--answers"][..], &["analyze", "seeds/001_ecc43d926f07e1cb.txt", "--ui", "en"][..]] {
        let o = hedge(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("--html"), "{}", stderr(&o));
    }
}
