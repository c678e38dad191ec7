//! Articles as they come (issue 6): HTML pages, Markdown, legacy encodings, parts of a page
//! that are not the article, passages in another language.
mod common;

use common::{hedge, root, stderr, stdout};
use serde_json::Value;

const SEED_002: &str = "seeds/002_46bc0d5bcb7e6a9c.txt";
const SEED_004: &str = "seeds/004_2850dcacc519e1fe.txt";

fn json(args: &[&str]) -> Value {
    let o = hedge(args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("JSON output")
}

/// The sentences of an analysed article whose text contains `needle`.
fn sentences_with<'a>(article: &'a Value, needle: &str) -> Vec<&'a Value> {
    article["sentences"].as_array().unwrap().iter().filter(|s| s["text"].as_str().unwrap().contains(needle)).collect()
}

#[test]
fn the_same_article_as_html_markdown_utf8_and_windows_1252_gives_the_same_scores() {
    let v = json(&["compare", "tests/data/formats/", "--format", "json"]);
    let articles = v["articles"].as_array().unwrap();
    let mut read: Vec<(String, String, String)> = articles
        .iter()
        .map(|a| {
            let file = a["file"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
            (file, a["format"].as_str().unwrap().to_string(), a["encoding"].as_str().unwrap().to_string())
        })
        .collect();
    read.sort();
    assert_eq!(
        read,
        [
            ("article-windows-1252.txt".into(), "text".into(), "windows-1252".into()),
            ("article.html".into(), "html".into(), "UTF-8".into()),
            ("article.md".into(), "markdown".into(), "UTF-8".into()),
            ("article.txt".into(), "text".into(), "UTF-8".into()),
        ]
    );
    let first = &articles[0]["summary"];
    for a in articles {
        assert_eq!(&a["summary"], first, "{} differs from {}", a["label"], articles[0]["label"]);
    }
    // And the figures are the article's, not an empty page's: title + 10 sentences, the byline
    // left out, a quotation, conditionals read as hearsay.
    assert_eq!(first["sentences"], 11);
    assert_eq!(first["excluded_parts"]["byline"], 1);
    assert_eq!(first["quoted_claims"], 1);
    assert_eq!(first["counts"]["HEDGED"], 2);
    assert_eq!(first["conditional_readings"]["hearsay"], 3);
}

#[test]
fn utf16_with_a_bom_gives_the_same_scores_too() {
    let text = std::fs::read_to_string(root().join("tests/data/formats/article.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
    let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
    std::fs::write(dir.path().join("le.txt"), le).unwrap();
    std::fs::write(dir.path().join("be.txt"), be).unwrap();
    let utf8 = json(&["compare", "tests/data/formats/article.txt", "--format", "json"]);
    let v = json(&["compare", &dir.path().display().to_string(), "--format", "json"]);
    for a in v["articles"].as_array().unwrap() {
        assert!(a["encoding"].as_str().unwrap().starts_with("UTF-16"), "{}", a["encoding"]);
        assert_eq!(a["summary"], utf8["articles"][0]["summary"]);
    }
}

#[test]
fn a_saved_page_gives_its_article_without_menus_scripts_ads_or_footer() {
    let v = json(&["analyze", "tests/data/formats/article.html", "--format", "json"]);
    let a = &v["articles"][0];
    let text = a["text"].as_str().unwrap();
    assert!(text.starts_with("Inondations : le barrage de Valmont aurait cédé"), "{text}");
    assert!(text.contains("Les pompiers ont évacué trois cents habitants"));
    for furniture in [
        "Politique",
        "Se connecter",
        "gtag",
        "Publicité",
        "Accueil",
        "Partager sur Facebook",
        "À lire aussi",
        "Mentions légales",
        "Tous droits réservés",
        "Aller au contenu",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} should not be in the article text:\n{text}");
    }
    // Links and emphasis are plain words; every span points into the text shown.
    assert!(text.contains("selon la préfecture du Gard.") && !text.contains("](") && !text.contains("**"));
    let bytes = text.as_bytes();
    for s in a["sentences"].as_array().unwrap() {
        let (st, en) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(std::str::from_utf8(&bytes[st..en]).unwrap(), s["text"].as_str().unwrap());
        for m in s["markers"].as_array().unwrap() {
            let (ms, me) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert_eq!(std::str::from_utf8(&bytes[ms..me]).unwrap(), m["text"].as_str().unwrap());
        }
    }
    // The <h2> is a heading.
    assert_eq!(sentences_with(a, "Le bilan")[0]["kind"], "heading");
}

#[test]
fn markdown_markup_is_not_scored_and_can_be_read_literally() {
    let v = json(&["analyze", "tests/data/formats/article.md", "--format", "json"]);
    let a = &v["articles"][0];
    assert_eq!(a["format"], "markdown");
    assert_eq!(sentences_with(a, "Inondations")[0]["kind"], "heading");
    assert!(!a["text"].as_str().unwrap().contains("https://"));
    let v = json(&["analyze", "tests/data/formats/article.md", "--input-format", "text", "--format", "json"]);
    assert!(v["articles"][0]["text"].as_str().unwrap().contains("**aurait cédé**"));
}

#[test]
fn reader_comments_and_the_donation_appeal_of_seed_002_are_excluded_and_shown() {
    let v = json(&["analyze", SEED_002, "--format", "json"]);
    let a = &v["articles"][0];
    for (needle, part) in [
        ("Les Kurdes méritent bien d’être chez eux", "comments"),
        ("tirebouchon says", "comments"),
        ("MPI a besoin de votre aide", "boilerplate"),
        ("Notre besoin s’élève", "boilerplate"),
        ("Cet article vous a plu", "boilerplate"),
        ("Antoine de Lacoste", "byline"),
    ] {
        let s = sentences_with(a, needle);
        assert!(!s.is_empty(), "{needle}");
        assert_eq!(s[0]["excluded"]["reason"], "part", "{needle}");
        assert_eq!(s[0]["excluded"]["part"], part, "{needle}");
        assert_eq!(s[0]["points"], Value::Null, "{needle}");
    }
    // The article itself still counts.
    let s = sentences_with(a, "Les Turcs n’ont évidemment pas été informés");
    assert_eq!(s[0]["excluded"], Value::Null);
    assert_eq!(s[0]["label"], "BOOSTED");
    // The text view says why.
    let o = hedge(&["analyze", SEED_002, "--color", "never"]);
    let out = stdout(&o);
    assert!(out.contains("excluded: comments (parts.comments), not in the score"), "{out}");
    assert!(out.contains("Le début des commentaires des lecteurs"), "the rule is explained");
    assert!(out.contains("left out of the score: 30 excluded (byline 1, boilerplate 13, comments 16)"), "{out}");
}

#[test]
fn include_counts_the_comments_again() {
    let plain = json(&["compare", SEED_002, "--format", "json"]);
    let with = json(&["compare", SEED_002, "--include", "comments", "--format", "json"]);
    let (p, w) = (&plain["articles"][0]["summary"], &with["articles"][0]["summary"]);
    assert!(w["claims"].as_u64() > p["claims"].as_u64(), "{p} vs {w}");
    assert_eq!(w["excluded_parts"].get("comments"), None);
    assert_eq!(with["included_parts"], serde_json::json!(["comments"]));
    let all = json(&["compare", SEED_002, "--include", "all", "--format", "json"]);
    assert_eq!(all["articles"][0]["summary"]["excluded"], 0);
}

#[test]
fn biography_and_copyright_of_seed_004_are_left_out_and_its_english_passages_read_as_quotations() {
    let v = json(&["analyze", SEED_004, "--format", "json"]);
    let a = &v["articles"][0];
    for (needle, part) in [
        ("Michel Chossudovsky est un auteur primé", "byline"),
        ("Copyright ©", "boilerplate"),
        ("Avis de non-responsabilité", "boilerplate"),
        ("Le Centre de recherche sur la mondialisation (CRM) accorde la permission", "boilerplate"),
        // The English author bio stays a byline: a part left out wins over the language.
        ("Michel Chossudovsky is an award-winning author", "byline"),
    ] {
        let s = sentences_with(a, needle);
        assert!(!s.is_empty(), "{needle}");
        assert_eq!(s[0]["excluded"]["part"], part, "{needle}");
        assert!(s[0].get("other_language").is_none(), "{needle}");
    }
    // The CBS and BBC passages reproduced in English inside a French article: a source's words,
    // read as quotations (quoted voice, quoted base), with no French marker read in them.
    for needle in [
        "A secret deal reportedly allowed",
        "Ten trucks were loaded with weapons.",
        "The BBC has uncovered details of a secret deal",
        "U.S. quietly let hundreds of ISIS fighters flee Raqqa",
    ] {
        let s = sentences_with(a, needle);
        assert!(!s.is_empty(), "{needle}");
        assert!(s[0]["excluded"].is_null(), "{needle}");
        assert_eq!(s[0]["other_language"]["language"], "eng", "{needle}");
        assert_eq!((s[0]["voice"].as_str(), s[0]["label"].as_str()), (Some("quoted"), Some("ASSERTED")), "{needle}");
        assert_eq!(s[0]["base"], 35, "{needle}");
        assert!(s[0]["markers"].as_array().unwrap().is_empty(), "{needle}");
    }
    assert_eq!(a["summary"]["not_analysed"], 0);
    let out = stdout(&hedge(&["analyze", SEED_004, "--color", "never", "--lang", "en"]));
    assert!(out.contains("English (eng): a source's text, read as a quotation"), "{out}");
    assert!(out.contains("A French outlet does not write its own sentences in English"), "{out}");
    let out = stdout(&hedge(&["analyze", SEED_004, "--color", "never", "--lang", "fr"]));
    assert!(out.contains("en anglais (eng) : texte d'une source, lu comme une citation"), "{out}");
}

#[test]
fn french_sentences_of_the_seeds_are_never_taken_for_another_language() {
    let v = json(&["compare", "seeds/", "--format", "json"]);
    for a in v["articles"].as_array().unwrap() {
        let s = &a["summary"];
        let label = a["label"].as_str().unwrap();
        if !label.starts_with("004") {
            assert_eq!(s["not_analysed"], 0, "{label}");
        }
        // Every sentence is in exactly one bucket.
        let sum: u64 = ["claims", "quoted_claims", "not_claims", "excluded", "not_analysed"].iter().map(|k| s[k].as_u64().unwrap()).sum();
        assert_eq!(sum, s["sentences"].as_u64().unwrap(), "{label}");
    }
    // In seed 004, only English text is read as another language.
    let v = json(&["analyze", SEED_004, "--format", "json"]);
    let mut english = 0;
    for s in v["articles"][0]["sentences"].as_array().unwrap() {
        if s["excluded"]["reason"] == "language" || s.get("other_language").is_some() {
            english += 1;
            let t = s["text"].as_str().unwrap();
            assert!(!t.contains(" les ") && !t.contains(" des ") && !t.contains(" est "), "French taken for English: {t}");
        }
    }
    assert!(english >= 8, "the English passages of seed 004 are found");
}

#[test]
fn a_page_with_no_article_is_reported_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("vide.html");
    std::fs::write(&p, "<html><head><script>x()</script></head><body><nav><a href='/'>Accueil</a></nav></body></html>").unwrap();
    let good = root().join("tests/data/formats/article.txt");
    let o = hedge(&["compare", &p.display().to_string(), &good.display().to_string(), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("vide.html: "), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
    assert_eq!(stdout(&o).lines().count(), 2, "the good file is still analysed");
}

#[test]
fn unknown_encoding_is_a_usage_error() {
    let o = hedge(&["analyze", SEED_002, "--encoding", "klingon"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown encoding"), "{}", stderr(&o));
}
