//! The lexicons are data with their own tests: every example must be found, no counterexample
//! may be, and the files stay in canonical form.

mod common;

use common::{hedge, stderr, stdout};
use hedge::check::check_examples;
use hedge::lexicon::{Category, Lexicon};

#[test]
fn every_example_matches_and_no_counterexample_does() {
    let lex = Lexicon::embedded().expect("embedded lexicon loads");
    let problems = check_examples(&lex, |_| true);
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"));
}

#[test]
fn required_families_exist_with_enough_entries() {
    let lex = Lexicon::embedded().unwrap();
    for fam in ["hedge.conditional", "hedge.modal", "hedge.adverb", "hedge.qualifier", "attribution.source", "attribution.verb", "booster"] {
        let n = lex.entries.iter().filter(|e| lex.family_of(e).id == fam).count();
        assert!(n >= 1, "family {fam} is missing");
    }
    let verbs = lex.entries.iter().filter(|e| lex.family_of(e).id == "attribution.verb").count();
    assert!(verbs >= 120, "only {verbs} reporting verbs");
    for grade in ["neutral", "distancing", "endorsing", "evaluative"] {
        assert!(
            lex.entries.iter().any(|e| lex.family_of(e).id == "attribution.verb" && e.grade.as_deref() == Some(grade)),
            "no {grade} reporting verb"
        );
    }
    assert!(lex.conditional.is_some(), "no entry stands for the conditional mood");
}

#[test]
fn files_are_in_canonical_form() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons/markers/fr");
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "toml")).collect();
    files.sort();
    assert!(!files.is_empty());
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let (family, entries) = hedge::lexicon::parse_family_file(&f.display().to_string(), &text).unwrap();
        let expected_name = format!("{}.toml", family.id.replace('.', "-"));
        assert_eq!(f.file_name().unwrap().to_string_lossy(), expected_name, "file name must follow the family id");
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(keys, sorted, "{}: markers must be sorted by key", f.display());
        for e in &entries {
            assert!(e.explain.chars().count() >= 20, "{}: explanation too short", e.id);
        }
    }
}

#[test]
fn explanations_are_not_copied_between_entries() {
    let lex = Lexicon::embedded().unwrap();
    let mut seen = std::collections::HashMap::new();
    for e in &lex.entries {
        if let Some(other) = seen.insert(e.explain.clone(), e.id.clone()) {
            panic!("{} and {other} share the same explanation", e.id);
        }
    }
}

#[test]
fn categories_come_from_family_ids() {
    let lex = Lexicon::embedded().unwrap();
    for e in &lex.entries {
        let cat = e.id.split('.').next().unwrap();
        let expected = match e.category {
            Category::Attribution => "attribution",
            Category::Hedge => "hedge",
            Category::Booster => "booster",
        };
        assert_eq!(cat, expected, "{}", e.id);
    }
}

#[test]
fn a_custom_lexicon_overrides_and_adds_entries() {
    let custom = r#"
[family]
id = "booster"
label = "Renforçateur"
explain = "Le journaliste insiste."
weight = 30

[[marker]]
key = "carrement"
forms = ["carrément"]
explain = "« Carrément » force le trait : le journaliste insiste sur ce qu'il affirme."
examples = ["C'était carrément l'exode."]
counterexamples = ["C'était l'exode."]
"#;
    let lex = Lexicon::build(&[hedge::lexicon::LexiconSource { name: "custom.toml".into(), text: custom.into() }]).unwrap();
    let e = lex.entry("booster.carrement").expect("new entry added");
    assert_eq!(e.weight, 30);
    assert_eq!(e.location.file, "custom.toml");
    assert!(check_examples(&lex, |e| e.location.file == "custom.toml").is_empty());
}

#[test]
fn lexicon_errors_name_file_line_and_marker() {
    let bad = "[family]\nid = \"hedge.x\"\nlabel = \"x\"\nexplain = \"x\"\n\n[[marker]]\nkey = \"a\"\nforms = [\"deux mots\"]\nexplain = \"xx\"\nexamples = [\"a\"]\ncounterexamples = [\"b\"]\n";
    let e = Lexicon::build(&[hedge::lexicon::LexiconSource { name: "bad.toml".into(), text: bad.into() }]).unwrap_err();
    assert_eq!(e.to_string(), "bad.toml:6: marker \"a\": forms must be single words");

    let unknown = "[family]\nid = \"opinion.x\"\nlabel = \"x\"\nexplain = \"x\"\n";
    let e = Lexicon::build(&[hedge::lexicon::LexiconSource { name: "u.toml".into(), text: unknown.into() }]).unwrap_err();
    assert!(e.to_string().starts_with("u.toml:1: ") && e.to_string().contains("unknown category \"opinion\""), "{e}");

    let syntax = "[family\nid = 3\n";
    let e = Lexicon::build(&[hedge::lexicon::LexiconSource { name: "s.toml".into(), text: syntax.into() }]).unwrap_err();
    assert!(e.to_string().starts_with("s.toml:1: "), "{e}");

    let verb = "[family]\nid = \"attribution.x\"\nlabel = \"x\"\nexplain = \"x\"\n[[marker]]\nkey = \"z\"\nlemmas = [\"zorgluber\"]\nexplain = \"xx\"\nexamples = [\"a\"]\ncounterexamples = [\"b\"]\n";
    let e = Lexicon::build(&[hedge::lexicon::LexiconSource { name: "v.toml".into(), text: verb.into() }]).unwrap_err();
    assert!(e.to_string().contains("lemma \"zorgluber\" is not in the verb-form table"), "{e}");
}

/// Issue 17: every engine rule file can be replaced for a run with `--rules` (a file, or a
/// directory of them). A broken copy stops the run (exit 1) with its path, line and column, in
/// French for a French terminal, and `lexicon check` names the same place; a valid copy with
/// another base for asserted claims changes the scores, and only them.
#[test]
fn a_rule_file_given_with_rules_replaces_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    let scoring = dir.path().join("scoring.toml");
    let seed = "seeds/001_ecc43d926f07e1cb.txt";

    std::fs::write(&scoring, "[base]\nasserted = \"beaucoup\"\n").unwrap();
    let at = format!("{}:2:12: ", scoring.display());
    for args in [vec!["analyze", seed], vec!["compare", "seeds/"], vec!["eval", "readings", "tests/data/readings-news/labels.jsonl"]] {
        let mut args = args.clone();
        args.extend(["--rules", scoring.to_str().unwrap()]);
        let o = hedge(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).starts_with(&format!("hedge: rule file error: {at}")), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
    let o = hedge(&["analyze", seed, "--rules", dir.path().to_str().unwrap(), "--lang", "fr"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with(&format!("hedge: erreur dans un fichier de règles : {at}")), "{}", stderr(&o));
    let o = hedge(&["lexicon", "check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with(&at), "{}", stderr(&o));
    // A file that is no rule file is refused by name.
    let o = hedge(&["analyze", seed, "--rules", "README.md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("README.md: not an engine rule file"), "{}", stderr(&o));

    // A valid copy: asserted claims count 50 points instead of 75.
    let builtin = std::fs::read_to_string("lexicons/rules/scoring.toml").unwrap();
    assert!(builtin.contains("\nasserted = 75\n"));
    std::fs::write(&scoring, builtin.replace("\nasserted = 75\n", "\nasserted = 50\n")).unwrap();
    let json = |extra: &[&str]| {
        let mut args = vec!["analyze", seed, "--format", "json"];
        args.extend(extra);
        let o = hedge(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()
    };
    let (before, after) = (json(&[]), json(&["--rules", scoring.to_str().unwrap()]));
    assert_eq!(before["scoring"]["base"]["ASSERTED"], 75);
    assert_eq!(after["scoring"]["base"]["ASSERTED"], 50);
    let score = |v: &serde_json::Value| v["articles"][0]["summary"]["assertiveness"].as_f64().unwrap();
    assert!(score(&after) < score(&before), "{} -> {}", score(&before), score(&after));
    // Labels and markers do not depend on the bases.
    let labels = |v: &serde_json::Value| v["articles"][0]["sentences"].as_array().unwrap().iter().map(|s| s["label"].clone()).collect::<Vec<_>>();
    assert_eq!(labels(&before), labels(&after));
    let o = hedge(&["lexicon", "check", scoring.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// A copy of scoring.toml made before session 9 (no `[evidence]`, no `possessives`, no
/// imperative lists) still loads: those rules are then off, nothing else changes.
#[test]
fn an_older_scoring_copy_without_the_new_sections_still_loads() {
    let builtin = std::fs::read_to_string("lexicons/rules/scoring.toml").unwrap();
    let cut = builtin.find("\n[evidence]").expect("the built-in file has [evidence]");
    let older: String = builtin[..cut]
        .lines()
        .filter(|l| !l.starts_with("possessives") && !l.starts_with("imperative_endings") && !l.starts_with("imperative_forms"))
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let scoring = dir.path().join("scoring.toml");
    std::fs::write(&scoring, older).unwrap();
    let text = dir.path().join("t.txt");
    std::fs::write(&text, "Cela prouve que le système est fragile.\n").unwrap();
    let label = |extra: &[&str]| {
        let mut args = vec!["analyze", text.to_str().unwrap(), "--format", "json"];
        args.extend(extra);
        let o = hedge(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["articles"][0]["sentences"][0]["label"].as_str().unwrap().to_string()
    };
    assert_eq!(label(&[]), "ASSERTED");
    assert_eq!(label(&["--rules", scoring.to_str().unwrap()]), "ATTRIBUTED");
}
