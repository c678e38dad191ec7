//! The command line on the seed articles and on bad input, as a user would run it.

mod common;
use common::*;

use std::fs;

const SEED_001: &str = "seeds/001_ecc43d926f07e1cb.txt";
const SEED_004: &str = "seeds/004_2850dcacc519e1fe.txt";

fn compare_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["compare", "--format", "json"];
    all.extend_from_slice(args);
    let o = hedge(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("valid JSON")
}

#[test]
fn compare_ranks_tf1_least_and_the_two_assertive_pieces_most_assertive() {
    let v = compare_json(&["seeds/"]);
    let files: Vec<&str> = v["articles"].as_array().unwrap().iter().map(|a| a["file"].as_str().unwrap()).collect();
    assert_eq!(files.len(), 5);
    assert!(files[4].ends_with("001_ecc43d926f07e1cb.txt"), "least assertive must be 001: {files:?}");
    let top: Vec<&str> = files[..2].iter().map(|f| &f[f.len() - 24..f.len() - 21]).collect();
    assert!(top.contains(&"002") && top.contains(&"004"), "most assertive must be 002 and 004: {files:?}");
    // Sorted by assertiveness, most assertive first.
    let scores: Vec<f64> = v["articles"].as_array().unwrap().iter().map(|a| a["summary"]["assertiveness"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn compare_uses_the_labels_file_of_the_directory_and_label_flags_win() {
    let v = compare_json(&["seeds/", "--label", &format!("{SEED_001}=TF1")]);
    let labels: Vec<&str> = v["articles"].as_array().unwrap().iter().map(|a| a["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"TF1"), "{labels:?}");
    assert!(labels.contains(&"004 · Mondialisation.ca"), "{labels:?}");
}

#[test]
fn compare_rows_can_be_traced_to_analyze() {
    // The figures of a compare row are those of `analyze` on the same file.
    let v = compare_json(&[SEED_001]);
    let row = &v["articles"][0]["summary"];
    let o = hedge(&["analyze", SEED_001, "--format", "json"]);
    let a: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(row, &a["articles"][0]["summary"]);
    // And the summary can be recomputed from the sentences.
    let sentences = a["articles"][0]["sentences"].as_array().unwrap();
    let own: Vec<&serde_json::Value> = sentences.iter().filter(|s| s["voice"] == "own" && s["label"] != "NONE").collect();
    let points: i64 = own.iter().map(|s| s["points"].as_i64().unwrap()).sum();
    assert_eq!(row["claims"].as_u64().unwrap() as usize, own.len());
    assert_eq!(row["points"].as_i64().unwrap(), points);
    let mean = (10.0 * points as f64 / own.len() as f64).round() / 10.0;
    assert_eq!(row["assertiveness"].as_f64().unwrap(), mean);
}

#[test]
fn compare_table_snapshot() {
    let o = hedge(&["compare", "seeds/", "--color", "never"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_snapshot("compare-seeds.txt", &stdout(&o));
}

#[test]
fn analyze_snapshot_of_the_hedged_article() {
    let o = hedge(&["analyze", SEED_001, "--color", "never"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_snapshot("analyze-001.txt", &stdout(&o));
}

#[test]
fn analyze_json_spans_point_into_the_text() {
    // A plain-text file in NFC UTF-8: the text shown is the file itself.
    let o = hedge(&["analyze", SEED_001, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["articles"][0]["text"].as_str().unwrap(), fs::read_to_string(hedge_root_file(SEED_001)).unwrap());
    // Seed 004 is Markdown: spans point into the extracted text the report carries.
    let o = hedge(&["analyze", SEED_004, "--format", "json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["schema"], "hedge.report/2");
    assert_eq!(v["articles"][0]["format"], "markdown");
    let text = v["articles"][0]["text"].as_str().unwrap().to_string();
    let mut last_end = 0;
    for s in v["articles"][0]["sentences"].as_array().unwrap() {
        let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert!(start >= last_end && start < end, "sentences are in order and not empty");
        assert_eq!(&text[start..end], s["text"].as_str().unwrap());
        for m in s["markers"].as_array().unwrap() {
            let (ms, me) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert!(start <= ms && me <= end);
            assert_eq!(&text[ms..me], m["text"].as_str().unwrap());
        }
        last_end = end;
    }
}

fn hedge_root_file(rel: &str) -> std::path::PathBuf {
    root().join(rel)
}

#[test]
fn counterfactuals_of_seed_004_are_hypothetical_not_hedges() {
    let o = hedge(&["analyze", SEED_004, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let sentences = v["articles"][0]["sentences"].as_array().unwrap();
    for needle in ["l'opération aurait été toute simple", "aurait pu aussi bloquer"] {
        let s = sentences.iter().find(|s| s["text"].as_str().unwrap().contains(needle)).unwrap_or_else(|| panic!("{needle}"));
        let m = s["markers"].as_array().unwrap().iter().find(|m| m["text"] == "aurait").expect("aurait is marked");
        assert_eq!(m["reading"], "hypothetical", "{needle}");
        assert_eq!(m["counted"], false, "a hypothetical conditional is not a hedge");
        assert_ne!(s["label"], "HEDGED", "{needle}");
    }
}

#[test]
fn color_is_off_in_pipes_and_on_when_asked_unless_no_color() {
    let plain = hedge(&["analyze", SEED_001]);
    assert!(!stdout(&plain).contains('\x1b'));
    let colored = hedge(&["analyze", SEED_001, "--color", "always"]);
    assert!(stdout(&colored).contains("\x1b["));
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_hedge"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["analyze", SEED_001])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(!stdout(&o).contains('\x1b'), "NO_COLOR wins over CLICOLOR_FORCE");
}

#[test]
fn csv_has_one_row_per_article_and_a_header() {
    let o = hedge(&["compare", "seeds/", "--format", "csv"]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6);
    assert!(lines[0].starts_with("rank,article,file,sentences,claims,"));
    let cols = lines[0].split(',').count();
    for l in &lines[1..] {
        assert_eq!(l.split(',').count(), cols, "{l}");
    }
}

#[test]
fn stdin_is_read_with_a_dash() {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_hedge"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["analyze", "-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("Selon l'AFP, le convoi aurait compté 50 camions.".as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["articles"][0]["sentences"][0]["label"], "ATTRIBUTED");
}

// Bad input (missing, empty, blank, binary, invalid UTF-8, unreadable files, directories,
// invalid lexicons): tests/bad_inputs.rs.

/// A teacher's lexicon file of one marker (« à ce qu'il paraît », its key on line 7) with the
/// given TOML lists of examples and counterexamples.
fn perso_lexicon(examples: &str, counterexamples: &str) -> String {
    format!(
        "[family]\nid = \"hedge.perso\"\nlabel = \"Perso\"\nexplain = \"Mes marqueurs.\"\nweight = -10\n\n[[marker]]\nkey = \"a-ce-qu-il-parait\"\npatterns = [\"à ce qu'il paraît\"]\nexplain = \"« À ce qu'il paraît » rapporte une rumeur.\"\nexamples = [{examples}]\ncounterexamples = [{counterexamples}]\n"
    )
}

#[test]
fn lexicon_check_runs_the_examples_of_a_custom_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("perso.toml");
    fs::write(&f, perso_lexicon(r#""À ce qu’il paraît, le convoi est parti.""#, r#""Le livre paraît demain.", "A ce qu'il dit, rien.""#)).unwrap();
    let o = hedge(&["lexicon", "check", &f.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).starts_with("ok: 1 entries"));
    fs::write(&f, fs::read_to_string(&f).unwrap().replace("le convoi est parti.\"]", "le convoi est parti.\", \"Rien ici.\"]")).unwrap();
    let o = hedge(&["lexicon", "check", &f.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("perso.toml:7: marker \"a-ce-qu-il-parait\": example does not match: \"Rien ici.\""), "{}", stderr(&o));
}

#[test]
fn lexicon_check_of_several_files_reports_each_file_even_when_one_does_not_load() {
    // A file with a TOML error does not hide the example failures of another file.
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("casse.toml");
    fs::write(&broken, "[family\nid = \"hedge.casse\"\n").unwrap();
    let wrong = dir.path().join("perso.toml");
    fs::write(&wrong, perso_lexicon(r#""Rien ici.""#, r#""Le livre paraît demain.""#)).unwrap();
    let o = hedge(&["lexicon", "check", &broken.display().to_string(), &wrong.display().to_string()]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o).contains("casse.toml"), "{}", stderr(&o));
    assert!(stderr(&o).contains("perso.toml:7: marker \"a-ce-qu-il-parait\": example does not match: \"Rien ici.\""), "{}", stderr(&o));
    assert!(stdout(&o).contains("1 of 2 path(s) could not be loaded"), "{}", stdout(&o));
}

#[test]
fn analyze_says_why_a_conditional_got_its_reading() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("cas.txt");
    fs::write(&f, "Si j'avais le temps, je partirais.\n\nSelon la police, le suspect serait en fuite.\n").unwrap();
    let f = f.display().to_string();
    // French: the rule's explanation from `[why]` of readings.toml.
    let o = hedge(&["analyze", &f, "--lang", "fr", "--color", "never"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("conditionnel : hypothèse (pas une précaution) · pourquoi : une condition est posée dans la phrase"), "{out}");
    assert!(out.contains("conditionnel : ouï-dire (une précaution) · pourquoi : une source est citée"), "{out}");
    // English: the rule's name; JSON: `reading_rule`.
    let o = hedge(&["analyze", &f, "--lang", "en", "--color", "never"]);
    assert!(stdout(&o).contains("conditional: hypothetical (not a hedge) · rule: condition"), "{}", stdout(&o));
    let o = hedge(&["analyze", &f, "--format", "json"]);
    let out = stdout(&o);
    assert!(out.contains("\"reading\": \"hypothetical\",\n") && out.contains("\"reading_rule\": \"condition\""), "{out}");
    assert!(out.contains("\"reading_rule\": \"source-cue\""), "{out}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(hedge(&["compare"]).status.code(), Some(2));
    assert_eq!(hedge(&["analyze", SEED_001, "--format", "yaml"]).status.code(), Some(2));
    assert_eq!(hedge(&["compare", "seeds/", "--label", "nolabel"]).status.code(), Some(2));
}

#[test]
fn lexicon_show_and_list() {
    let o = hedge(&["lexicon", "show", "attribution.source.selon"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("example:") && out.contains("explain:"), "{out}");
    // A verb that counts only with a later word says so (`needs_after`).
    let o = hedge(&["lexicon", "show", "attribution.verb.qualifier"]);
    assert!(stdout(&o).contains("needs after: de | d (later in the verb's clause, within 10 words)"), "{}", stdout(&o));
    let o = hedge(&["lexicon", "show", "attribution.source.selonx"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no lexicon entry"));
    let o = hedge(&["lexicon", "list", "--category", "booster"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("booster.evidemment"));
    assert!(!stdout(&o).contains("attribution.source.selon"));
}

#[test]
fn help_has_examples() {
    let o = hedge(&["--help"]);
    assert!(stdout(&o).contains("hedge compare seeds/"));
    let o = hedge(&["compare", "--help"]);
    assert!(stdout(&o).contains("labels.tsv"));
}
#[test]
fn empty_blank_and_binary_files_are_reported_and_windows_1252_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).display().to_string();
    fs::write(p("empty.txt"), b"").unwrap();
    fs::write(p("blank.txt"), b" \n\n ").unwrap();
    fs::write(p("bin.txt"), b"\x7fELF\0\0\x01").unwrap();
    fs::write(p("latin1.txt"), b"Le caf\xe9 est ferm\xe9.").unwrap();
    fs::write(p("good.txt"), "Le convoi aurait compté 50 camions.").unwrap();
    let o = hedge(&["compare", &p("empty.txt"), &p("blank.txt"), &p("bin.txt"), &p("latin1.txt"), &p("good.txt"), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("blank.txt: contains only white space"), "{err}");
    assert!(err.contains("bin.txt: binary file"), "{err}");
    assert!(!err.contains("latin1.txt"), "Windows-1252 is detected, not an error: {err}");
    assert_eq!(stdout(&o).lines().count(), 3, "latin1.txt and good.txt are analysed");
    // Forcing UTF-8 on it names the file and the bad byte.
    let o = hedge(&["analyze", &p("latin1.txt"), "--encoding", "utf-8"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("latin1.txt: not valid UTF-8 (first bad byte at offset 6)"), "{}", stderr(&o));
    // In JSON the problems are listed too.
    let o = hedge(&["compare", &p("empty.txt"), &p("good.txt"), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["errors"][0]["message"], "empty file");
}

#[test]
fn eval_genre_ranks_seed_articles_and_reports_bad_label_files_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Two seeds as "reporting" (TF1's hedged report, the quoting 003), two as "opinion".
    for (f, _) in SEED_GENRES {
        std::fs::copy(root().join("seeds").join(f), d.join(f)).unwrap();
    }
    let labels = d.join("labels.tsv");
    let rows: String = SEED_GENRES.iter().map(|(f, g)| format!("{f}\t{g}\n")).collect();
    std::fs::write(&labels, format!("\u{feff}{rows}other.txt\tsatire\n")).unwrap();
    let o = hedge(&["eval", "genre", labels.to_str().unwrap(), d.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!((v["opinion"].as_u64(), v["reporting"].as_u64(), v["ignored"].as_u64()), (Some(2), Some(2), Some(1)));
    let head = v["measures"].as_array().unwrap().iter().find(|m| m["name"] == "assertiveness").unwrap();
    // On the seeds the two assertive outlets score above the two others: AUC 1.
    assert_eq!(head["auc"].as_f64(), Some(1.0));
    assert!(v["measures"].as_array().unwrap().iter().any(|m| m["name"] == "baseline"));

    for (content, want) in [
        ("001_ecc43d926f07e1cb.txt opinion\n", "labels.tsv:1: expected `file<TAB>label`, found no tab"),
        ("001_ecc43d926f07e1cb.txt\topinion\nnope.txt\treporting\n", "labels.tsv:2: nope.txt is not a file in"),
        ("001_ecc43d926f07e1cb.txt\treporting\n", "needs both `opinion` and `reporting` rows (found 0 opinion, 1 reporting)"),
    ] {
        std::fs::write(&labels, content).unwrap();
        let o = hedge(&["eval", "genre", labels.to_str().unwrap(), d.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains(want), "{want:?} not in {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"));
    }
}

const SEED_GENRES: [(&str, &str); 4] = [
    ("001_ecc43d926f07e1cb.txt", "reporting"),
    ("003_dc6df32bf4e5101c.txt", "reporting"),
    ("002_46bc0d5bcb7e6a9c.txt", "opinion"),
    ("004_2850dcacc519e1fe.txt", "opinion"),
];

#[test]
fn the_terminal_speaks_french_with_lang_fr_or_a_french_locale() {
    let o = hedge(&["compare", "seeds/", "--lang", "fr", "--color", "never"]);
    let t = stdout(&o);
    assert!(t.contains("Classés par assertivité"), "{t}");
    assert!(!t.contains("Sorted by"));
    // The table wraps its cells: the Markdown view shows the same figures on one line each.
    let t = stdout(&hedge(&["compare", "seeds/", "--lang", "fr", "--format", "markdown"]));
    let v: serde_json::Value = serde_json::from_str(&stdout(&hedge(&["compare", "seeds/", "--format", "json"]))).unwrap();
    let first = &v["articles"][0]["summary"];
    let want = format!(
        "| {} ({:.0}–{:.0}) |",
        format!("{:.1}", first["assertiveness"].as_f64().unwrap()).replace('.', ","),
        first["interval"][0].as_f64().unwrap(),
        first["interval"][1].as_f64().unwrap()
    );
    assert!(t.contains("| % rapportées |") && t.contains(&want), "decimal commas and French headers: {want} in {t}");
    assert!(t.contains("démentir ×2"), "markers by their French word, not their slug: {t}");

    let fr = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_hedge"))
            .args(args)
            .current_dir(root())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "fr_FR.UTF-8")
            .output()
            .unwrap()
    };
    let t = stdout(&fr(&["analyze", "seeds/001_ecc43d926f07e1cb.txt", "--color", "never"]));
    assert!(t.contains("[1] PRUDENTE · 10 points = 35 prudente − 25 aurait · titre"), "{t}");
    assert!(t.contains("conditionnel : ouï-dire (une précaution)"), "{t}");
    assert!(t.contains("Bilan — ") && t.contains("assertivité 25,9 / 100 (intervalle à 95 % 14,7–39,4)"), "{t}");
    assert!(t.contains("hors score : 3 exclues (signature 3)"), "{t}");
    // --lang wins over the locale; JSON is the same whatever the language.
    let t = stdout(&fr(&["analyze", "seeds/001_ecc43d926f07e1cb.txt", "--color", "never", "--lang", "en"]));
    assert!(t.contains("Summary — ") && !t.contains("Bilan"), "{t}");
    let j_fr = stdout(&fr(&["compare", "seeds/", "--format", "json"]));
    assert_eq!(j_fr, stdout(&hedge(&["compare", "seeds/", "--format", "json"])));
}

#[test]
fn an_article_mostly_in_english_gets_no_score_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("reuters.txt");
    let para = "The convoy left the city at night under the protection of coalition aircraft, officials said.";
    let mut text = String::from("Le convoi est parti de Raqqa dans la nuit.\n\n");
    for i in 0..8 {
        text.push_str(&format!("{para} Witness number {i} told reporters that the trucks were full of fighters.\n\n"));
    }
    std::fs::write(&en, text).unwrap();
    let seed = root().join("seeds/001_ecc43d926f07e1cb.txt");
    let o = hedge(&["compare", en.to_str().unwrap(), seed.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "a page read fine is no failure: {}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let arts = v["articles"].as_array().unwrap();
    // Ranked after the French article, with no score and no interval.
    assert_eq!(arts[1]["label"], "reuters.txt");
    let s = &arts[1]["summary"];
    assert_eq!((s["not_french"].as_bool(), s["assertiveness"].is_null(), s["interval"].is_null()), (Some(true), true, true), "{s}");
    assert!(s["not_analysed"].as_u64().unwrap() > 8);
    assert_eq!(arts[0]["summary"]["not_french"], false);
    let t = stdout(&hedge(&["compare", en.to_str().unwrap(), seed.to_str().unwrap(), "--format", "markdown", "--lang", "fr"]));
    assert!(t.contains("pas en français (en anglais, "), "{t}");
}

/// Issue 15: a teacher's copy of `lexicons/rules/parts.toml` given with `--lexicon` replaces the
/// built-in page-part rules for the run (here: the donation rule's explanation reworded); a
/// rule file `--lexicon` cannot replace yet is named in a warning, never ignored silently; a
/// broken copy is an error naming the file.
#[test]
fn a_copy_of_parts_toml_replaces_the_page_part_rules() {
    let dir = tempfile::tempdir().unwrap();
    let builtin = std::fs::read_to_string("lexicons/rules/parts.toml").unwrap();
    let old = "Appel aux dons ou à l'abonnement : le site parle de lui-même et demande de l'aide, ce n'est pas l'article.";
    assert!(builtin.contains(old));
    let parts = dir.path().join("parts.toml");
    std::fs::write(&parts, builtin.replace(old, "Appel aux dons (règle de la classe).")).unwrap();
    let o = hedge(&["analyze", "seeds/002_46bc0d5bcb7e6a9c.txt", "--lexicon", parts.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Appel aux dons (règle de la classe).") && !out.contains(old), "{out}");
    // Without it, the built-in explanation.
    assert!(stdout(&hedge(&["analyze", "seeds/002_46bc0d5bcb7e6a9c.txt"])).contains(old));
    // A rule file --lexicon does not replace: a warning names it.
    let scoring = dir.path().join("scoring.toml");
    std::fs::copy("lexicons/rules/scoring.toml", &scoring).unwrap();
    let o = hedge(&["analyze", "seeds/002_46bc0d5bcb7e6a9c.txt", "--lexicon", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("scoring.toml: --lexicon replaces only parts.toml and languages.toml"), "{}", stderr(&o));
    // A broken copy: exit 1, the file named.
    std::fs::write(&parts, "[[rule]]\nkey = 3\n").unwrap();
    let o = hedge(&["analyze", "seeds/002_46bc0d5bcb7e6a9c.txt", "--lexicon", parts.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&parts.display().to_string()), "{}", stderr(&o));
}

/// The lines of the comparison table (from its top border to its bottom one).
fn table_lines(out: &str) -> Vec<&str> {
    let start = out.lines().position(|l| l.starts_with('┌')).expect("a table");
    let end = out.lines().position(|l| l.starts_with('└')).expect("a table");
    out.lines().skip(start).take(end - start + 1).collect()
}

/// Issue 16: the `compare` table was 160 columns whatever the terminal. `--width` (or, on a
/// terminal, its width) sets it; at 120 columns headers and figures are whole (the sentence
/// count and top markers are left out, and a note says so); into a pipe it stays 160 columns,
/// COLUMNS or not, so outputs do not depend on who runs them.
#[test]
fn the_compare_table_fits_the_width_asked_and_stays_fixed_in_a_pipe() {
    let o = hedge(&["compare", "seeds/", "--width", "120"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines = table_lines(&out);
    assert!(lines.iter().all(|l| l.chars().count() <= 120), "wider than 120:\n{out}");
    for whole in ["reported", "attributed", "asserted", "69.0 (61–77)", "≈ 46.1 (38–55)", "TF1 Info"] {
        assert!(lines.iter().any(|l| l.contains(whole)), "{whole:?} is cut:\n{out}");
    }
    assert!(out.contains("Columns `sentences` and `top markers` left out at this width"), "{out}");
    // In a pipe: 160 columns, whatever COLUMNS says.
    let piped = stdout(&hedge(&["compare", "seeds/"]));
    assert!(table_lines(&piped).iter().all(|l| l.chars().count() == 160), "{piped}");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_hedge"))
        .args(["compare", "seeds/"])
        .current_dir(common::root())
        .env("COLUMNS", "100")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert_eq!(stdout(&o), piped);
    assert_eq!(hedge(&["compare", "seeds/", "--width", "20"]).status.code(), Some(2), "too narrow to be a table");
}

/// On a terminal (a pseudo-terminal made by util-linux `script`), the table takes COLUMNS.
#[test]
fn the_compare_table_takes_the_terminal_width() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        assert!(!common::in_ci(), "CI needs util-linux `script`");
        eprintln!("note: `script` (util-linux) not found: the terminal-width test is skipped");
        return;
    }
    let cmd = format!("{} compare seeds/ --color never", env!("CARGO_BIN_EXE_hedge"));
    let o = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(common::root())
        .env("COLUMNS", "120")
        .env("LANG", "C.UTF-8")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout).replace('\r', "");
    assert!(o.status.success(), "{out}");
    let lines = table_lines(&out);
    assert!(lines.iter().all(|l| l.chars().count() <= 120), "wider than the terminal:\n{out}");
    assert!(lines[0].chars().count() > 100, "{out}");
}

/// Issue 16: shell completions and a man page, from the same definitions as --help.
#[test]
fn completions_and_man_page_name_every_subcommand() {
    let subcommands = ["analyze", "compare", "lexicon", "eval", "completions", "man"];
    let dir = tempfile::tempdir().unwrap();
    for (shell, check) in [("bash", Some("bash")), ("zsh", Some("zsh")), ("fish", Some("fish")), ("elvish", None), ("powershell", None)] {
        let o = hedge(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        for s in subcommands {
            assert!(script.contains(s), "{shell} completion lacks {s}");
        }
        assert!(script.contains("include") && script.contains("width"), "{shell}: options");
        // The shell itself parses it (-n: read, do not run), where it is installed.
        let Some(exe) = check else { continue };
        let f = dir.path().join(format!("hedge.{shell}"));
        fs::write(&f, &script).unwrap();
        match std::process::Command::new(exe).arg("-n").arg(&f).output() {
            Ok(p) => assert!(p.status.success(), "{exe} -n: {}", String::from_utf8_lossy(&p.stderr)),
            Err(_) if exe == "bash" => panic!("bash is needed to check the bash completion"),
            Err(_) => eprintln!("note: {exe} not installed: its completion script is not parsed"),
        }
    }
    assert_eq!(hedge(&["completions", "tcsh"]).status.code(), Some(2));

    let o = hedge(&["man"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains(".TH hedge 1"), "{page}");
    for s in subcommands {
        assert!(page.contains(&format!("hedge\\-{s}")) || page.contains(s), "man page lacks {s}");
    }
    // groff reads it without a warning (where it is installed).
    let f = dir.path().join("hedge.1");
    fs::write(&f, &page).unwrap();
    match std::process::Command::new("groff").args(["-k", "-man", "-Tutf8", "-ww", "-z"]).arg(&f).output() {
        Ok(p) => assert!(p.status.success() && p.stderr.is_empty(), "groff: {}", String::from_utf8_lossy(&p.stderr)),
        Err(_) => eprintln!("note: groff not installed: the man page is not rendered"),
    }
}

/// A closed pipe (`hedge completions bash | head -1`) ends the run quietly, without a panic
/// (clap_complete panics when its writer fails). The reading end is closed before hedge starts,
/// so the write always fails.
#[test]
fn completions_into_a_closed_pipe_do_not_panic() {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_hedge"))
        .args(["completions", "bash"])
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
}

/// Issue 16: a CSV for a French spreadsheet. `--csv-locale fr`: `;` between cells and decimal
/// commas (Excel and LibreOffice in French read `22.7` as text and split `,`-separated
/// figures); `--csv-bom`: a UTF-8 byte-order mark, without which Excel shows « MÃ©dias ». The
/// default CSV is unchanged.
#[test]
fn csv_for_a_french_spreadsheet() {
    let plain = hedge(&["compare", "seeds/", "--format", "csv", "--label", "seeds/001_ecc43d926f07e1cb.txt=TF1; édition du soir"]);
    let fr = hedge(&[
        "compare",
        "seeds/",
        "--format",
        "csv",
        "--csv-locale",
        "fr",
        "--csv-bom",
        "--label",
        "seeds/001_ecc43d926f07e1cb.txt=TF1; édition du soir",
    ]);
    assert_eq!(fr.status.code(), Some(0), "{}", stderr(&fr));
    assert!(fr.stdout.starts_with(b"\xEF\xBB\xBF"), "no BOM");
    assert!(!plain.stdout.starts_with(b"\xEF\xBB\xBF"), "a BOM by default");
    let read = |bytes: &[u8], sep: u8| -> Vec<Vec<String>> {
        let mut r = csv::ReaderBuilder::new().delimiter(sep).has_headers(false).from_reader(bytes);
        r.records().map(|x| x.unwrap().iter().map(str::to_string).collect()).collect()
    };
    let plain_rows = read(&plain.stdout, b',');
    let fr_rows = read(&fr.stdout[3..], b';');
    assert_eq!(plain_rows.len(), fr_rows.len());
    let header = &plain_rows[0];
    assert_eq!(&fr_rows[0], header, "same column names");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let tf1 = fr_rows.iter().find(|r| r[col("article")] == "TF1; édition du soir").expect("the label with `;` is one cell");
    assert_eq!(tf1[col("assertiveness")], "25,9");
    assert_eq!(tf1[col("claims")], "16");
    // Every figure is the default one with a decimal comma; every other cell is the same.
    for (p, f) in plain_rows.iter().zip(&fr_rows).skip(1) {
        for (a, b) in p.iter().zip(f) {
            let is_figure = a.parse::<f64>().is_ok() && a.contains('.');
            assert_eq!(if is_figure { a.replace('.', ",") } else { a.clone() }, *b);
        }
    }
    // With another format, the options are named as not applying.
    let o = hedge(&["compare", "seeds/", "--csv-bom"]);
    assert!(stderr(&o).contains("--csv-locale and --csv-bom apply to --format csv only"), "{}", stderr(&o));
}

#[test]
fn analyze_names_who_speaks_in_a_claim_credited_to_its_quotation() {
    // Seed 004: « Le président Bush avait été sans équivoque : « Ils sont cuits. » » (issue 13).
    let o = hedge(&["analyze", "seeds/004_2850dcacc519e1fe.txt", "--lang", "fr", "--color", "never"]);
    let t = stdout(&o);
    let line = t.lines().find(|l| l.contains("citation attribuée à la personne nommée")).unwrap_or_else(|| panic!("{t}"));
    assert!(line.contains("ATTRIBUÉE") && line.contains("qui parle : Le président Bush"), "{line}");
}
