//! Saved web pages as a teacher saves them (issue 15): small pages written for the tests, each
//! reproducing one failure of real pages (which stay in ../shared/eval/web-pages-fr).

mod common;
use common::*;
use serde_json::Value;

fn eval_pages_json() -> Value {
    let o = hedge(&["eval", "pages", "tests/data/pages/expectations.json", "tests/data/pages", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("eval pages --format json prints JSON")
}

fn page<'a>(r: &'a Value, file: &str) -> &'a Value {
    r["pages"].as_array().unwrap().iter().find(|p| p["file"] == file).unwrap_or_else(|| panic!("no page {file}"))
}

#[test]
fn eval_pages_reports_snippets_word_f1_and_totals() {
    let r = eval_pages_json();
    let p = page(&r, "simple.html");
    assert_eq!(p["refused"], Value::Null);
    assert_eq!(p["keep_found"], 2);
    assert_eq!(p["drop_scored"], 0);
    let f1 = page(&r, "simple-expected.html")["word_f1"].as_f64().unwrap();
    assert!(f1 > 0.95, "{f1}");
    assert_eq!(r["totals"]["pages"], r["pages"].as_array().unwrap().len());
    // The text view names every page and the totals.
    let o = hedge(&["eval", "pages", "tests/data/pages/expectations.json", "tests/data/pages", "--verbose"]);
    let t = stdout(&o);
    assert!(t.contains("simple.html") && t.contains("totals:"), "{t}");
}

#[test]
fn eval_pages_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let exp = dir.path().join("exp.json");
    std::fs::write(&exp, "{\"missing.html\": {\"must_contain\": [\"x\"]}}").unwrap();
    let o = hedge(&["eval", "pages", exp.to_str().unwrap(), dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("missing.html is not a file"), "{}", stderr(&o));
    std::fs::write(&exp, "[1, 2]").unwrap();
    let o = hedge(&["eval", "pages", exp.to_str().unwrap(), dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("exp.json: not an expectations file"), "{}", stderr(&o));
}
