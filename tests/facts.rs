//! Same fact, different voice (issue 19): `compare --facts` and `eval facts`.

mod common;
use common::*;

use std::fs;

const GOLD: &str = "tests/data/facts/seeds-gold.jsonl";

/// `compare` in French (the section follows the terminal's language, like the table).
fn compare(args: &[&str]) -> String {
    let mut all = vec!["compare", "--color", "never", "--lang", "fr"];
    all.extend_from_slice(args);
    let o = hedge(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn without_facts_the_table_is_unchanged_and_with_facts_it_is_followed_by_the_section() {
    let plain = compare(&["seeds/"]);
    let with = compare(&["seeds/", "--facts"]);
    assert!(!plain.contains("Même fait"), "{plain}");
    assert!(with.starts_with(&plain), "the table part must be byte-identical");
    let section = &with[plain.len()..];
    assert!(section.contains("Même fait, autres voix"), "{section}");
    for line in section.lines() {
        assert!(line.chars().count() <= 120, "line over 120 columns: {line:?}");
    }
}

#[test]
fn the_convoy_is_one_group_with_both_outlets_sentences() {
    let out = compare(&["seeds/", "--facts"]);
    let section = out.split("Même fait, autres voix").nth(1).expect("section");
    // 000 « on aurait dénombré 50 camions, 13 bus » and 001 « une cinquantaine de camions, de 13 bus ».
    let group =
        section.split("\n\n").find(|g| g.contains("dénombré 50 camions")).unwrap_or_else(|| panic!("no group with the convoy of 000:\n{section}"));
    assert!(group.contains("cinquantaine de camions"), "{group}");
}

#[test]
fn json_has_facts_only_when_asked_and_each_member_names_article_sentence_label_markers() {
    let o = hedge(&["compare", "seeds/", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v.get("facts").is_none());
    let o = hedge(&["compare", "seeds/", "--format", "json", "--facts"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let w: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // Everything else is the same document.
    let mut without = w.clone();
    without.as_object_mut().unwrap().remove("facts");
    assert_eq!(without, v);
    let facts = w["facts"].as_array().expect("facts array");
    assert!(!facts.is_empty());
    for g in facts {
        assert!(g["key"].as_str().is_some_and(|k| !k.is_empty()), "{g}");
        let members = g["members"].as_array().unwrap();
        let articles: std::collections::BTreeSet<&str> = members.iter().map(|m| m["article"].as_str().unwrap()).collect();
        assert!(articles.len() >= 2, "a group spans two articles at least: {g}");
        for m in members {
            assert!(m["sentence"].as_str().is_some_and(|s| !s.is_empty()));
            assert!(["ATTRIBUTED", "HEDGED", "BOOSTED", "ASSERTED"].contains(&m["label"].as_str().unwrap()), "{m}");
            assert!(m["markers"].is_array());
        }
    }
    // Most contrasted first: the number of distinct labels never increases down the list.
    let n: Vec<usize> = facts.iter().map(|g| g["labels"].as_array().unwrap().len()).collect();
    assert!(n.windows(2).all(|w| w[0] >= w[1]), "{n:?}");
}

#[test]
fn facts_are_deterministic_whatever_the_thread_count() {
    let a = compare(&["seeds/", "--facts", "--threads", "1"]);
    let b = compare(&["seeds/", "--facts", "--threads", "2"]);
    let c = compare(&["seeds/", "--facts"]);
    assert_eq!(a, b);
    assert_eq!(a, c);
}

#[test]
fn one_article_or_unrelated_articles_give_no_group_and_no_panic() {
    let out = compare(&["seeds/001_ecc43d926f07e1cb.txt", "--facts"]);
    assert!(out.contains("Aucun fait commun"), "{out}");
    let dir = std::env::temp_dir().join(format!("hedge-facts-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("a.txt"), "Le boulanger a vendu 300 croissants mardi.\n").unwrap();
    fs::write(dir.join("b.txt"), "La mairie a repeint l'école pendant l'été.\n").unwrap();
    fs::write(dir.join("c.txt"), "").unwrap();
    let o = hedge(&["compare", "--color", "never", "--lang", "fr", "--facts", dir.to_str().unwrap()]);
    assert!(stdout(&o).contains("Aucun fait commun"), "{}", stdout(&o));
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn eval_facts_finds_every_gold_sentence_and_reports_pair_precision_and_recall() {
    let o = hedge(&["eval", "facts", GOLD, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["articles"], 5);
    assert_eq!(v["gold_facts"], 16);
    // The gold names sentences as hedge segments them: none may go missing silently.
    assert_eq!(v["missing_sentences"].as_array().unwrap().len(), 0, "{}", v["missing_sentences"]);
    let p = v["pairs"]["precision"].as_f64().unwrap();
    let r = v["pairs"]["recall"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&p) && (0.0..=1.0).contains(&r));
    // The figures in docs/FACTS.md (a floor, so that a regression shows).
    assert!(p >= 0.85 && r >= 0.25, "precision {p}, recall {r}");
    // Leave one article out: one row per article, the threshold chosen without it, pooled.
    let held = v["held_out"].as_array().unwrap();
    assert_eq!(held.len(), 5);
    for h in held {
        assert!(h["link"].as_f64().is_some_and(|l| (0.1..=0.4).contains(&l)), "{h}");
    }
    let hp = v["held_out_pooled"]["precision"].as_f64().unwrap();
    let hr = v["held_out_pooled"]["recall"].as_f64().unwrap();
    assert!(hp >= 0.85 && hr >= 0.25, "held out: precision {hp}, recall {hr}");
}

/// `eval facts` as JSON, with extra arguments.
fn eval_json(extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["eval", "facts", GOLD, "--format", "json"];
    args.extend_from_slice(extra);
    let o = hedge(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

#[test]
fn eval_facts_switches_measure_each_normalisation() {
    let on = eval_json(&[]);
    // Ranges: « 200 à 300 combattants » (000) meets « 250 combattants » (001, 002) only with them.
    let off = eval_json(&["--without", "ranges"]);
    assert!(on["pairs"]["tp"].as_u64() > off["pairs"]["tp"].as_u64(), "ranges on {} / off {}", on["pairs"], off["pairs"]);
    // Group-level linking adds pairs (and, on the seeds, false ones: it is off by default).
    let attach = eval_json(&["--attach", "0.6", "--attach-floor", "0.2"]);
    assert!(attach["predicted_pairs"].as_u64() > on["predicted_pairs"].as_u64(), "{} / {}", attach["predicted_pairs"], on["predicted_pairs"]);
    let params = on["params"].as_str().unwrap();
    assert!(params.contains("ranges on") && params.contains("acronyms off") && params.contains("attach off"), "{params}");
}

#[test]
fn the_250_fighters_group_spans_four_outlets_and_a_sentence_of_two_facts_is_in_two_groups() {
    let o = hedge(&["compare", "seeds/", "--format", "json", "--facts"]);
    let w: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let facts = w["facts"].as_array().unwrap();
    let with = |needle: &str| -> Vec<&serde_json::Value> {
        facts.iter().filter(|g| g["members"].as_array().unwrap().iter().any(|m| m["sentence"].as_str().unwrap().contains(needle))).collect()
    };
    // « 250 combattants », « 250 le nombre de combattants », « des centaines de combattants ».
    let fighters = with("On évalue à 250 le nombre de combattants");
    assert_eq!(fighters.len(), 1);
    assert!(fighters[0]["articles"].as_u64().unwrap() >= 3, "{}", fighters[0]);
    let texts: Vec<&str> = fighters[0]["members"].as_array().unwrap().iter().map(|m| m["sentence"].as_str().unwrap()).collect();
    assert!(texts.iter().any(|t| t.contains("des centaines de combattants")), "{texts:?}");
    // 001 « En tout 4000 personnes auraient pu ainsi fuir la ville, dont 250 combattants »: in the
    // fighters' group and with 000 « comptait 4000 personnes ».
    let both = with("En tout 4000 personnes auraient pu ainsi fuir la ville");
    assert_eq!(both.len(), 2, "{both:?}");
    assert!(both.iter().any(|g| g["members"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["sentence"].as_str().unwrap().contains("comptait 4000 personnes"))));
}

#[test]
fn a_passage_in_another_language_is_not_aligned() {
    // Seed 004 reproduces CBS News in English (« 250 fighters », « 13 buses »): French word keys
    // cannot align it, only its numbers would, and the gold leaves it out.
    let o = hedge(&["compare", "seeds/", "--format", "json", "--facts"]);
    let w: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for g in w["facts"].as_array().unwrap() {
        for m in g["members"].as_array().unwrap() {
            let t = m["sentence"].as_str().unwrap();
            assert!(!t.contains("fighters") && !t.contains("trucks"), "{t}");
        }
    }
}

#[test]
fn eval_facts_counts_a_pair_only_across_articles_and_scores_a_perfect_toy_run() {
    let dir = std::env::temp_dir().join(format!("hedge-facts-eval-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("a.txt"), "Le convoi comptait 50 camions, 13 bus et 100 véhicules privés.\n\nLe maire a inauguré la piscine.\n").unwrap();
    fs::write(dir.join("b.txt"), "Le convoi aurait compté 50 camions, 13 bus et 100 véhicules.\n\nLa météo annonce de la pluie.\n").unwrap();
    let gold = dir.join("gold.jsonl");
    fs::write(
        &gold,
        "{\"articles\": [\"a.txt\", \"b.txt\"]}\n\
         {\"fact\": \"convoy\", \"members\": [{\"file\": \"a.txt\", \"text\": \"Le convoi comptait 50 camions, 13 bus et 100 véhicules privés.\"}, {\"file\": \"b.txt\", \"text\": \"Le convoi aurait compté 50 camions, 13 bus et 100 véhicules.\"}]}\n",
    )
    .unwrap();
    let o = hedge(&["eval", "facts", gold.to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["gold_pairs"], 1);
    assert_eq!(v["pairs"]["tp"], 1, "{v}");
    assert_eq!(v["pairs"]["fp"], 0, "{v}");
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn eval_facts_on_bad_gold_fails_with_a_message_not_a_panic() {
    let o = hedge(&["eval", "facts", "tests/data/facts/no-such-file.jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no-such-file"), "{}", stderr(&o));
    let dir = std::env::temp_dir().join(format!("hedge-facts-bad-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let gold = dir.join("gold.jsonl");
    fs::write(&gold, "{\"fact\": \"x\", \"members\": [\n").unwrap();
    let o = hedge(&["eval", "facts", gold.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(":1:"), "{}", stderr(&o));
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_html_report_gets_the_section_only_with_facts_and_blank_labels_on_the_worksheet() {
    let dir = std::env::temp_dir().join(format!("hedge-facts-html-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let plain = dir.join("plain.html");
    let with = dir.join("with.html");
    let key = dir.join("key.html");
    let o = hedge(&["compare", "seeds/", "--html", plain.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = hedge(&["compare", "seeds/", "--facts", "--html", with.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = hedge(&["compare", "seeds/", "--facts", "--html", key.to_str().unwrap(), "--answers"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (plain, with, key) = (fs::read_to_string(plain).unwrap(), fs::read_to_string(with).unwrap(), fs::read_to_string(key).unwrap());
    assert!(!plain.contains("id=\"facts\""));
    assert!(with.contains("<section id=\"facts\"") && with.contains("Même fait, autres voix"));
    // Before the articles, markers highlighted, the worksheet has blanks and the key does not.
    assert!(with.find("id=\"facts\"").unwrap() < with.find("<section id=\"articles\"").unwrap());
    let section = &with[with.find("<section id=\"facts\"").unwrap()..with.find("<section id=\"articles\"").unwrap()];
    assert!(section.contains("<mark>auraient</mark>") || section.contains("<mark>aurait</mark>"), "{section}");
    assert!(section.contains("facts-lab-blank"));
    assert!(!key.contains("<span class=\"facts-lab-blank\">"));
    // Everything else of the page is the same.
    let strip = |p: &str| {
        let a = p.find("<section id=\"facts\"").unwrap();
        let b = p.find("<section id=\"articles\"").unwrap();
        format!("{}{}", &p[..a], &p[b..])
    };
    assert_eq!(strip(&with), plain);
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn jsonl_writes_the_groups_as_fact_lines_after_the_article_lines_and_they_match_the_json_facts() {
    let o = hedge(&["compare", "seeds/", "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let plain = stdout(&o);
    let o = hedge(&["compare", "seeds/", "--format", "jsonl", "--facts"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("--facts"), "no message about --facts any more: {}", stderr(&o));
    let with = stdout(&o);
    // The article lines first, byte for byte as without --facts, then one line per group.
    assert!(with.starts_with(&plain), "the article lines must be byte-identical");
    let mut lines: Vec<serde_json::Value> = Vec::new();
    for line in with[plain.len()..].lines() {
        let mut v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_eq!(v["type"], "fact", "{line}");
        v.as_object_mut().unwrap().remove("type");
        lines.push(v);
    }
    let o = hedge(&["compare", "seeds/", "--format", "json", "--facts"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let facts = json["facts"].as_array().expect("facts array");
    assert!(!facts.is_empty());
    assert_eq!(&lines, facts, "the fact lines are the JSON report's facts, in its order");
}

#[test]
fn csv_with_facts_prints_the_same_table_and_says_where_the_facts_are_shown() {
    let plain = hedge(&["compare", "seeds/", "--format", "csv"]);
    for (lang, words) in [("en", "--facts is not shown in csv"), ("fr", "--facts n'est pas affiché en csv")] {
        let o = hedge(&["compare", "seeds/", "--format", "csv", "--facts", "--lang", lang]);
        assert_eq!(o.status.code(), plain.status.code());
        assert_eq!(o.stdout, plain.stdout, "the CSV is unchanged");
        assert!(stderr(&o).contains(words) && stderr(&o).contains("jsonl"), "{}", stderr(&o));
    }
}

#[test]
fn the_html_section_is_in_english_with_ui_en() {
    let dir = std::env::temp_dir().join(format!("hedge-facts-html-en-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let page = dir.join("en.html");
    let o = hedge(&["compare", "seeds/", "--facts", "--ui", "en", "--answers", "--html", page.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = fs::read_to_string(page).unwrap();
    let section = &page[page.find("<section id=\"facts\"").unwrap()..page.find("<section id=\"articles\"").unwrap()];
    assert!(section.contains(">Same fact, different voices</h2>"), "{section}");
    assert!(
        section.contains("<span class=\"facts-lab\">hedged</span>") || section.contains("<span class=\"facts-lab\">attributed</span>"),
        "{section}"
    );
    for word in ["Même fait", "Que change", "attribuée", "prudente", "affirmée", "(citation)"] {
        assert!(!section.contains(word), "{word:?} in the English section");
    }
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_terminal_section_follows_lang_en_like_the_table() {
    let o = hedge(&["compare", "--color", "never", "seeds/"]);
    let plain = stdout(&o);
    let o = hedge(&["compare", "--color", "never", "seeds/", "--facts", "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let with = stdout(&o);
    assert!(with.starts_with(&plain), "the table part must be byte-identical");
    let section = &with[plain.len()..];
    assert!(section.contains("Same fact, different voices — ") && section.contains("hedged"), "{section}");
    for word in ["Même fait", "groupe(s)", "attribuée", "prudente", "affirmée", "(citation)"] {
        assert!(!section.contains(word), "{word:?} in the English section:\n{section}");
    }
    for line in section.lines() {
        assert!(line.chars().count() <= 120, "line over 120 columns: {line:?}");
    }
}
