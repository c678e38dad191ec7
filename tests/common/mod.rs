//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared evaluation data: `$HEDGE_SHARED` or `<repo>/../shared`.
pub fn shared() -> PathBuf {
    std::env::var_os("HEDGE_SHARED").map(PathBuf::from).unwrap_or_else(|| root().join("../shared"))
}

/// Is the `CI` environment variable set (to something other than empty, `0` or `false`)?
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// `<shared>/REL` when it exists. When it does not, a test that needs it is skipped with a
/// notice on stderr (a fresh clone has no `../shared` beside it), except under `CI`, which has
/// the data: there a missing folder fails the test.
pub fn shared_or_skip(rel: &str) -> Option<PathBuf> {
    let p = shared().join(rel);
    if p.exists() {
        return Some(p);
    }
    let msg = format!("{} not found: the evaluation data sits beside the repository in ../shared (or set HEDGE_SHARED)", p.display());
    if in_ci() {
        panic!("{msg}; CI must have it");
    }
    // Straight to the stderr handle: libtest captures eprintln! of passing tests.
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "note: skipping a test that needs the evaluation data: {msg}");
    None
}

/// Runs the hedge binary in the repository root, with colour variables cleared.
pub fn hedge(args: &[&str]) -> Output {
    hedge_in(&root(), args)
}

pub fn hedge_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hedge"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        // The terminal language follows the locale: pin it, so that a French machine runs the
        // same tests (the French views are tested with --lang fr or LANG=fr_FR.UTF-8).
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("the hedge binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Compares `actual` with the committed snapshot `tests/snapshots/NAME`; with
/// `UPDATE_SNAPSHOTS=1` it writes the snapshot instead (review the diff before committing).
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = root().join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing snapshot {}; run with UPDATE_SNAPSHOTS=1 and review it", path.display()));
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(5)
            .map(|(i, (a, b))| format!("line {}:\n  expected: {a}\n  actual:   {b}", i + 1))
            .collect();
        panic!(
            "output differs from snapshot {} ({} vs {} lines)\n{}\n(rerun with UPDATE_SNAPSHOTS=1 to accept)",
            path.display(),
            expected.lines().count(),
            actual.lines().count(),
            diff.join("\n")
        );
    }
}

/// The CoNLL-U files of the three UD French treebanks under `dir` (`<shared>/eval/ud-french`),
/// sorted.
pub fn ud_conllu_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = Vec::new();
    for tb in ["UD_French-GSD", "UD_French-Sequoia", "UD_French-ParTUT"] {
        for e in std::fs::read_dir(dir.join(tb)).expect("shared eval data is beside the repo (or set HEDGE_SHARED)") {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "conllu") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// The regional news articles of UD French-Sequoia (its 524 `annodis.er_*` sentences, L'Est
/// Républicain 1999), rebuilt into `dir` as `scripts/sequoia-news-documents.py` writes them (the
/// texts of `tests/data/news-gold/dev-4.jsonl`; third-party text, so written at test time, never
/// kept in the repository): sentences in the order of their number across the train, dev and
/// test files; a sentence of at most 10 words with no final punctuation mark is a headline and
/// starts an article; a lone headline joins the article after it; each article is its headlines
/// (one per paragraph) then its other sentences as one paragraph. Returns the article count.
/// Writes every sentence of UD French-GSD's dev file as its own text file, `gsd-dev_NNNNN.txt`
/// (its `# text` line and a newline), as `scripts/gsd-sentences.py` does: the files the GSD
/// sentence gold (`tests/data/gsd-gold/`, session 24) points into. Third-party text, written to a
/// temporary folder only. Returns the number of files.
pub fn write_gsd_sentences(conllu: &Path, dir: &Path) -> usize {
    let mut n = 0;
    let mut sid: Option<String> = None;
    for line in std::fs::read_to_string(conllu).unwrap().lines() {
        if let Some(s) = line.strip_prefix("# sent_id = ") {
            sid = Some(s.trim().replacen("fr-ud-", "gsd-", 1));
        } else if let (Some(t), Some(id)) = (line.strip_prefix("# text = "), sid.take()) {
            std::fs::write(dir.join(format!("{id}.txt")), format!("{}\n", t.trim())).unwrap();
            n += 1;
        }
    }
    n
}

pub fn write_sequoia_news(sequoia: &Path, dir: &Path) -> usize {
    let mut found: Vec<(usize, String)> = Vec::new();
    for e in std::fs::read_dir(sequoia).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "conllu") {
            continue;
        }
        let mut sid = String::new();
        for line in std::fs::read_to_string(&p).unwrap().lines() {
            if let Some(s) = line.strip_prefix("# sent_id = ") {
                sid = s.trim().to_string();
            } else if let (Some(t), Some(n)) = (line.strip_prefix("# text = "), sid.strip_prefix("annodis.er_")) {
                found.push((n.parse().unwrap(), t.trim().to_string()));
            }
        }
    }
    found.sort();
    let headline = |s: &str| s.split_whitespace().count() <= 10 && !s.ends_with(['.', '!', '?', '…', ':', ';', '»', '"', '”', ')']);
    let mut arts: Vec<Vec<String>> = Vec::new();
    for (_, s) in found {
        match arts.last_mut() {
            Some(a) if !headline(&s) => a.push(s),
            _ => arts.push(vec![s]),
        }
    }
    let mut merged: Vec<Vec<String>> = Vec::new();
    for a in arts {
        match merged.last_mut() {
            Some(m) if m.len() == 1 => m.extend(a),
            _ => merged.push(a),
        }
    }
    for (k, a) in merged.iter().enumerate() {
        let heads = a.iter().take_while(|s| headline(s)).count().max(1);
        let text = format!("{}\n\n{}\n", a[..heads].join("\n\n"), a[heads..].join(" "));
        std::fs::write(dir.join(format!("sequoia-er-{:03}.txt", k + 1)), text).unwrap();
    }
    merged.len()
}
