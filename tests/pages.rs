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

fn analyze_json(file: &str) -> Value {
    let o = hedge(&["analyze", file, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

/// Every sentence's offsets point into the JSON `text`, and its text is that slice.
fn assert_offsets_point_into_the_text(a: &Value) {
    let article = &a["articles"][0];
    let text = article["text"].as_str().expect("analyze JSON holds the text");
    for s in article["sentences"].as_array().unwrap() {
        let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[start..end], s["text"].as_str().unwrap());
    }
}

#[test]
fn soft_hyphens_zero_width_characters_and_stray_emphasis_marks_do_not_split_words() {
    let a = analyze_json("tests/data/pages/soft-hyphens.html");
    assert_offsets_point_into_the_text(&a);
    let article = &a["articles"][0];
    let text = article["text"].as_str().unwrap();
    for bad in ['\u{ad}', '\u{200b}', '\u{2060}', '*'] {
        assert!(!text.contains(bad), "{bad:?} left in {text:?}");
    }
    assert!(text.contains("disciplines") && text.contains("ensemble") && text.contains("l’interdiction") && text.contains("saurait"));
    // « en­semble » no longer reads as the hedge « semble », « dis­ci­plines » as « dire ».
    let markers: Vec<String> = article["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["markers"].as_array().unwrap().iter().map(|m| m["id"].as_str().unwrap_or("").to_string()))
        .collect();
    assert!(!markers.iter().any(|m| m.contains("sembler") || m.contains("semble")), "{markers:?}");
    let r = eval_pages_json();
    let p = page(&r, "soft-hyphens.html");
    assert_eq!((p["keep_found"].as_u64(), p["drop_scored"].as_u64()), (Some(4), Some(0)), "{p}");
}

#[test]
fn a_heading_or_an_early_appeal_never_excludes_the_rest_of_the_article_and_site_prompts_are_left_out() {
    let r = eval_pages_json();
    let p = page(&r, "parts-bounded.html");
    // « Avertissement » as an intertitle, « Faire un don : » at the top: the article stays scored.
    assert_eq!(p["keep_found"], 4, "{p}");
    // Paywall and newsletter prompts, and the « Articles liés » teasers at the end, are left out.
    assert_eq!(p["drop_scored"], 0, "{p}");
    let a = analyze_json("tests/data/pages/parts-bounded.html");
    let rules: Vec<String> = a["articles"][0]["parts"].as_array().unwrap().iter().filter_map(|p| p["rule"].as_str().map(String::from)).collect();
    for want in ["parts.paywall", "parts.newsletter", "parts.related"] {
        assert!(rules.iter().any(|r| r == want), "{want} not in {rules:?}");
    }
}

#[test]
fn a_short_news_item_is_read_though_the_readability_pre_check_says_no() {
    let r = eval_pages_json();
    let p = page(&r, "short-news.html");
    assert_eq!(p["refused"], Value::Null, "{p}");
    assert_eq!(p["keep_found"], 3, "{p}");
    // A page with no running text at all is still refused, and the message says why.
    let o = hedge(&["analyze", "tests/data/pages/menus-only.html"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("menus-only.html: no article found in this page") && e.contains("no paragraph of running text"), "{e}");
}

#[test]
fn json_output_is_a_valid_document_with_its_errors_even_when_every_input_failed() {
    for args in [
        vec!["compare", "tests/data/pages/menus-only.html", "--format", "json"],
        vec!["analyze", "tests/data/pages/menus-only.html", "--format", "json"],
    ] {
        let o = hedge(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let v: Value = serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {:?}", stdout(&o)));
        assert_eq!(v["articles"].as_array().map(Vec::len), Some(0));
        assert!(v["errors"][0]["file"].as_str().unwrap().ends_with("menus-only.html"), "{v}");
    }
    let o = hedge(&["analyze", "tests/data/pages/menus-only.html", "--format", "jsonl"]);
    let line: Value = serde_json::from_str(stdout(&o).lines().next().expect("one JSON line")).unwrap();
    assert_eq!(line["type"], "error");
}

fn compare_labels(args: &[&str]) -> Vec<String> {
    let mut all = vec!["compare", "--format", "json"];
    all.extend_from_slice(args);
    let o = hedge(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    v["articles"].as_array().unwrap().iter().map(|a| a["label"].as_str().unwrap().to_string()).collect()
}

/// Issue 15: `compare` on saved pages names each row by the page's site and title (no
/// labels.tsv); a text file by its file name and first heading; `--label` still wins.
#[test]
fn compare_names_pages_by_site_and_title() {
    let labels = compare_labels(&["tests/data/pages/simple.html"]);
    assert_eq!(labels, ["Le Petit Lyonnais · Les loyers montent à Lyon"]);
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("petit-lyonnais.txt");
    std::fs::write(&txt, "Les loyers montent à Lyon\n\nLes loyers ont augmenté de 4 % en un an, selon l'observatoire.\n").unwrap();
    let txt = txt.to_str().unwrap();
    assert_eq!(compare_labels(&[txt]), ["petit-lyonnais · Les loyers montent à Lyon"]);
    let given = format!("{txt}=Le Petit Lyonnais");
    assert_eq!(compare_labels(&[txt, "--label", &given]), ["Le Petit Lyonnais"]);
    // A labels.tsv beside the files wins too.
    std::fs::write(dir.path().join("labels.tsv"), "petit-lyonnais.txt\tPL\n").unwrap();
    assert_eq!(compare_labels(&[dir.path().to_str().unwrap()]), ["PL"]);
}

/// A newsletter sign-up form beside a short news brief: its labels and legal paragraph are page
/// furniture, never the article (france.attac.org showed the form as the article and lost the
/// brief).
#[test]
fn a_sign_up_form_is_not_the_article() {
    let r = eval_pages_json();
    let p = page(&r, "signup-form.html");
    assert_eq!(p["refused"], Value::Null, "{p}");
    assert_eq!((p["keep_found"].as_u64(), p["drop_scored"].as_u64()), (Some(2), Some(0)), "{p}");
    // A form that wraps the whole page (ASP.NET) is the page, not furniture.
    let dir = tempfile::tempdir().unwrap();
    let html = std::fs::read_to_string("tests/data/pages/short-news.html")
        .unwrap()
        .replace("<body>", "<body><form method=\"post\" action=\"/\">")
        .replace("</body>", "</form></body>");
    let f = dir.path().join("wrapped.html");
    std::fs::write(&f, html).unwrap();
    let a = analyze_json(f.to_str().unwrap());
    let text = a["articles"][0]["text"].as_str().unwrap();
    assert!(text.contains("sera fermé aux voitures"), "{text}");
}
