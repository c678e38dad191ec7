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
    assert_eq!(html.matches("<span class=\"tip-head\"><span class=\"badge").count(), markers, "every marker explained");
    // Every left-out sentence (seed 001: its byline) has its own explanation, after the markers'.
    let left_out = json["articles"][0]["sentences"].as_array().unwrap().iter().filter(|s| !s["excluded"].is_null()).count();
    assert!(left_out > 0);
    assert_eq!(html.matches("<span class=\"tip-head\"><strong>").count(), left_out, "every left-out sentence explained");
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

/// The `<tr>` of sentence `n` of the first article in `html`, up to its end.
fn row(html: &str, n: u64) -> &str {
    let start = format!("<tr id=\"a1-s{n}\"");
    let i = html.find(&start).unwrap_or_else(|| panic!("no row for sentence {n}"));
    let rest = &html[i..];
    &rest[..rest.find("</tr>").unwrap()]
}

/// `hedge analyze FILE --format json`: the article's sentences.
fn sentences_json(file: &str) -> Vec<serde_json::Value> {
    let json: serde_json::Value = serde_json::from_str(&stdout(&hedge(&["analyze", file, "--format", "json"]))).unwrap();
    json["articles"][0]["sentences"].as_array().unwrap().clone()
}

fn analyze_html(file: &str, extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("a.html");
    let mut args = vec!["analyze", file, "--html", page.to_str().unwrap()];
    args.extend(extra);
    let o = hedge(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::read_to_string(&page).unwrap()
}

#[test]
fn reader_comments_of_seed_002_are_marked_as_left_out_with_their_reason() {
    let file = "seeds/002_46bc0d5bcb7e6a9c.txt";
    let sentences = sentences_json(file);
    let comments: Vec<&serde_json::Value> = sentences.iter().filter(|s| s["excluded"]["part"] == "comments").collect();
    assert!(comments.len() >= 10, "seed 002 ends with reader comments: {}", comments.len());
    let html = analyze_html(file, &[]);
    for s in &comments {
        let r = row(&html, s["number"].as_u64().unwrap());
        assert!(r.contains(" s-out out-part\""), "comment row not set apart: {r}");
        assert!(r.contains("commentaire de lecteur — hors score"), "{r}");
        // The rule and its explanation are in the row's tooltip.
        assert!(r.contains("<code>parts.comments</code>") && r.contains(&html_escape(s["excluded"]["explain"].as_str().unwrap())), "{r}");
        assert!(!r.contains("class=\"key\""), "no key on the worksheet");
    }
    // The other parts have their own tags: the donation appeal and the signature.
    let tag_of = |rule: &str| sentences.iter().find(|s| s["excluded"]["rule"] == rule).map(|s| row(&html, s["number"].as_u64().unwrap()));
    assert!(tag_of("parts.donation").unwrap().contains("appel aux dons — hors score"));
    assert!(tag_of("parts.signature").unwrap().contains("signature — hors score"));
    // A sentence that counts is not set apart, and every left-out one is.
    let left_out = sentences.iter().filter(|s| !s["excluded"].is_null()).count();
    assert_eq!(html.matches(" s-out ").count(), left_out);
    assert!(!row(&html, 1).contains("s-out"));
    let key = analyze_html(file, &["--answers"]);
    // The teacher's key says why: in full on the first comment, then "same reason" for the run.
    let r = row(&key, comments[0]["number"].as_u64().unwrap());
    assert!(r.contains(&format!("<span class=\"key\">{}</span>", html_escape(comments[0]["excluded"]["explain"].as_str().unwrap()))), "{r}");
    assert!(row(&key, comments[3]["number"].as_u64().unwrap()).contains("<span class=\"key\">même raison</span>"));
}

#[test]
fn english_passages_of_seed_004_are_read_as_quotations_and_the_title_is_marked() {
    let file = "seeds/004_2850dcacc519e1fe.txt";
    let sentences = sentences_json(file);
    let english: Vec<&serde_json::Value> = sentences.iter().filter(|s| s["other_language"]["language"] == "eng").collect();
    assert!(english.len() >= 8);
    let html = analyze_html(file, &[]);
    for s in &english {
        let r = row(&html, s["number"].as_u64().unwrap());
        assert!(r.contains("voice-quoted") && !r.contains("s-out") && r.contains(">en anglais</span>"), "{r}");
        assert!(r.contains("title=\"Un média français n&#39;écrit pas"), "{r}");
        assert!(!r.contains("<mark"), "no French marker in an English sentence: {r}");
    }
    let title = sentences.iter().find(|s| s["part"] == "title").expect("seed 004 has a title");
    let r = row(&html, title["number"].as_u64().unwrap());
    assert!(r.contains("part-title") && r.contains(">titre</span>") && !r.contains("s-out"), "{r}");
    // In English.
    let en = analyze_html(file, &["--ui", "en"]);
    assert!(row(&en, english[0]["number"].as_u64().unwrap()).contains(">in English</span>"));
    assert!(row(&en, title["number"].as_u64().unwrap()).contains(">title</span>"));
    let byline = sentences.iter().find(|s| s["excluded"]["part"] == "byline").unwrap();
    assert!(row(&en, byline["number"].as_u64().unwrap()).contains("— out of the score"));
}

#[test]
fn summary_left_out_column_matches_the_terminal_table() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let o = hedge(&["compare", "seeds/", "--html", page.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(&page).unwrap();
    let table = stdout(&o);
    let json: serde_json::Value = serde_json::from_str(&stdout(&hedge(&["compare", "seeds/", "--format", "json"]))).unwrap();
    for (i, a) in json["articles"].as_array().unwrap().iter().enumerate() {
        let s = &a["summary"];
        let excluded = s["excluded"].as_u64().unwrap();
        let langs = s["languages"].as_object().unwrap();
        // The terminal's cell: `30`, or `37 + 9 eng`.
        let mut terminal = excluded.to_string();
        let mut page_cell = excluded.to_string();
        for (code, n) in langs {
            terminal.push_str(&format!(" + {n} {code}"));
            assert_eq!(code, "eng", "only English in the seeds");
            page_cell.push_str(&format!("<span class=\"out-lang\"> + {n} en anglais</span>"));
        }
        assert!(table.contains(&format!(" {terminal} ┆")), "terminal cell {terminal:?} not in:\n{table}");
        let tr_start = html.find(&format!("<tr data-article=\"a{}\"", i + 1)).unwrap();
        let tr = &html[tr_start..tr_start + html[tr_start..].find("</tr>").unwrap()];
        assert!(tr.contains(&format!("<td class=\"out\" data-label=\"Hors score\">{page_cell}</td>")), "{tr}");
        assert!(tr.contains(&format!("data-k-out=\"{}\"", excluded + s["not_analysed"].as_u64().unwrap())));
    }
    // Seed 004's English passages are quotations inside a French article, not left out.
    assert!(!html.contains("<span class=\"out-lang\">"), "no seed is left out as another language");
}

fn html_escape(s: &str) -> String {
    hedge::report::html::esc(s)
}

/// Issue 16: the key's « Qui parle ? » named the marker (« Selon ») of a sentence credited to a
/// source even when the text names the source: when a quotation of the sentence is tagged with
/// its speaker by the same word, the key names that speaker. With no quotation to read the
/// speaker from (« Les opposants accusèrent… »), it still gives the words that credit it.
#[test]
fn the_key_names_the_source_of_a_credited_sentence_when_the_quotation_tag_names_it() {
    let key = analyze_html("tests/data/classroom/source-nommee.txt", &["--answers"]);
    assert!(row(&key, 2).contains("<span class=\"key\">Le média, d&#39;après une source : un adjoint (« Selon »)</span>"), "{}", row(&key, 2));
    assert!(row(&key, 3).contains("<span class=\"key\">Le média, d&#39;après une source : « accusèrent »</span>"), "{}", row(&key, 3));
    // Session 8: with no quotation, the key names the source found for the sentence. Seed 001:
    // « Selon eux, les commandants jihadistes auraient négocié… », « eux » being the BBC's
    // journalists of the sentence before.
    let key = analyze_html("seeds/001_ecc43d926f07e1cb.txt", &["--answers"]);
    assert!(key.contains("<span class=\"key\">Le média, d&#39;après une source : BBC (« Selon »)</span>"), "the pronoun's source");
    assert!(key.contains("<span class=\"key\">Le média, d&#39;après une source : la BBC (« Selon »)</span>"), "a named source");
}

/// Session 8 (issues 13 and 14): a claim credited to the speaker of the quotation it holds (no
/// marker to point at) says whose quotation it is, and the key names that speaker and the tag.
#[test]
fn a_claim_credited_to_its_quotation_names_the_speaker_on_the_page_and_in_the_key() {
    let key = analyze_html("tests/data/classroom/citation-nommee.txt", &["--answers"]);
    let r = row(&key, 2);
    assert!(r.contains("b-attributed") && r.contains("<span class=\"detail\">citation de Marie Dupont</span>"), "{r}");
    assert!(r.contains("<span class=\"key\">Le média, d&#39;après une source : Marie Dupont (« analyse »)</span>"), "{r}");
    // The next sentence, in the outlet's own voice, names no one.
    assert!(!row(&key, 3).contains("Marie Dupont"), "{}", row(&key, 3));
}

/// Session 18: a claim of an embedded post (a tweet kept as text above its signature line) says
/// whose post it is; the signature line is metadata, not a claim.
#[test]
fn a_claim_of_an_embedded_post_names_its_author_on_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("t.txt");
    std::fs::write(&text, "Le débat a repris ce matin.\n\nLa taxe est enterrée.\n— Jeanne Martin (@jmartin_34) July 19, 2022\n").unwrap();
    let page = dir.path().join("t.html");
    let o = hedge(&["analyze", text.to_str().unwrap(), "--html", page.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(&page).unwrap();
    let r = row(&html, 2);
    assert!(r.contains("b-attributed") && r.contains("<span class=\"detail\">message publié par Jeanne Martin</span>"), "{r}");
    assert!(!row(&html, 1).contains("Jeanne Martin"), "{}", row(&html, 1));
    assert!(!row(&html, 3).contains("b-attributed"), "{}", row(&html, 3));
    // The key names her as the source.
    let key = dir.path().join("key.html");
    let o = hedge(&["analyze", text.to_str().unwrap(), "--html", key.to_str().unwrap(), "--answers"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let key = std::fs::read_to_string(&key).unwrap();
    assert!(row(&key, 2).contains("<span class=\"key\">Le média, d&#39;après une source : Jeanne Martin</span>"), "{}", row(&key, 2));
}

/// A reporting verb that credits no one (the writer speaks, or a fact « shows ») is greyed in
/// the report, and its tip says why; a counted one does not say it.
#[test]
fn a_verb_that_credits_no_one_says_why_it_is_not_counted() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("t.txt");
    std::fs::write(&text, "Cela prouve que le système est fragile.\n\nLe ministre affirme que le système est solide.\n").unwrap();
    let page = dir.path().join("t.html");
    let o = hedge(&["analyze", text.to_str().unwrap(), "--html", page.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(&page).unwrap();
    let why = "ce marqueur ne cite aucune source";
    let first = row(&html, 1);
    let second = row(&html, 2);
    assert!(first.contains(why) && first.contains("m-off"), "{first}");
    assert!(!second.contains(why), "{second}");
}
