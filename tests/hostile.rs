//! Hostile or careless input, as issue 16 found it: none may silently change a figure, hang a
//! run or harm the user. Each fixture is built here, in a temporary directory.

mod common;
use common::*;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

const GOOD: &str = "Selon l'AFP, le convoi aurait compté 50 camions. Il est parti hier.\n";

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let p: PathBuf = dir.path().join(name);
    fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

/// The seed articles, repeated until the text is at least `min` bytes.
fn long_article(min: usize) -> String {
    let mut seeds: Vec<PathBuf> = fs::read_dir(root().join("seeds")).unwrap().map(|e| e.unwrap().path()).collect();
    seeds.sort();
    let mut text = String::new();
    while text.len() < min {
        for s in seeds.iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
            text.push_str(&fs::read_to_string(s).unwrap());
            text.push_str("\n\n");
        }
    }
    text
}

/// Runs hedge with stdout in a pipe, reads its first line, closes the pipe and waits.
fn first_line_then_close(args: &[&str]) -> (String, std::process::ExitStatus, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hedge")).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = String::new();
    {
        let mut r = BufReader::new(child.stdout.take().unwrap());
        r.read_line(&mut first).unwrap();
        // `r` is dropped here: the pipe is closed, as `| head -1` does.
    }
    let o = child.wait_with_output().unwrap();
    (first, o.status, String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn output_to_a_closed_pipe_ends_quietly_with_status_0() {
    let d = tmp();
    // Far more output than a pipe buffer holds, so hedge is still writing when the pipe closes.
    let big = write(&d, "big.txt", long_article(300_000).as_bytes());
    for format in ["jsonl", "json", "text"] {
        let (first, status, err) = first_line_then_close(&["analyze", &big, "--format", format]);
        assert!(!first.is_empty(), "{format}: no first line");
        assert_eq!(status.code(), Some(0), "analyze --format {format} | head -1: stderr {err}");
        assert!(err.is_empty(), "analyze --format {format} | head -1 printed on stderr: {err}");
    }
}

#[test]
fn an_absurd_thread_count_is_capped_with_a_message() {
    let d = tmp();
    let good = write(&d, "good.txt", GOOD.as_bytes());
    let o = hedge(&["compare", &good, "--threads", "100000", "--format", "csv"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "stderr: {err}");
    assert!(err.contains("--threads 100000 is too many; using 256"), "{err}");
    assert!(stdout(&o).contains("good.txt"), "{}", stdout(&o));
}

#[test]
fn a_utf8_file_with_one_stray_byte_is_read_as_utf8_with_a_warning() {
    let d = tmp();
    let seed = fs::read(root().join("seeds/001_ecc43d926f07e1cb.txt")).unwrap();
    let clean = write(&d, "clean.txt", &seed);
    let at = seed.len() / 2;
    let mut bytes = seed.clone();
    bytes.insert(at, 0xE9);
    let stray = write(&d, "stray.txt", &bytes);
    let figures = |o: &std::process::Output| -> serde_json::Value {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["articles"][0]["summary"].clone()
    };
    let a = hedge(&["compare", &clean, "--format", "json"]);
    let b = hedge(&["compare", &stray, "--format", "json"]);
    assert_eq!(b.status.code(), Some(0), "{}", stderr(&b));
    let (fa, fb) = (figures(&a), figures(&b));
    // The figures are those of the clean file (the bad byte sits between words, in a sentence).
    for k in ["claims", "counts", "assertiveness"] {
        assert_eq!(fa[k], fb[k], "{k}");
    }
    let v: serde_json::Value = serde_json::from_slice(&b.stdout).unwrap();
    assert_eq!(v["articles"][0]["encoding"], "UTF-8");
    let expected = format!("stray.txt: not valid UTF-8 at byte offset {at}");
    assert!(stderr(&b).contains(&format!("hedge: warning: {stray}: not valid UTF-8 at byte offset {at}")), "{}", stderr(&b));
    let w = &v["warnings"][0];
    assert!(w["file"].as_str().unwrap().ends_with("stray.txt") && format!("{}: {}", w["file"], w["message"]).contains("not valid UTF-8"), "{v}");
    assert!(stderr(&b).contains(&expected), "{}", stderr(&b));
    // jsonl says it too, before the article.
    let o = hedge(&["analyze", &stray, "--format", "jsonl"]);
    let first: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(first["type"], "warning", "{first}");
}

#[test]
fn a_windows_1252_french_text_is_still_read_as_windows_1252() {
    let d = tmp();
    let text = "L\u{2019}armée a démenti l\u{2019}information, « selon » le ministère. Il aurait été prévenu.\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let f = write(&d, "cp.txt", &bytes);
    let o = hedge(&["analyze", &f, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["articles"][0]["encoding"], "windows-1252");
    assert!(v["articles"][0]["text"].as_str().unwrap().contains("démenti"), "{v}");
}

/// A directory with three articles and the given `labels.tsv` bytes; `compare DIR --format csv`.
fn compare_with_labels(labels: &[u8]) -> (std::process::Output, tempfile::TempDir) {
    let d = tmp();
    for n in ["a.txt", "b.txt", "c.txt"] {
        write(&d, n, GOOD.as_bytes());
    }
    write(&d, "labels.tsv", labels);
    let o = hedge(&["compare", &d.path().display().to_string(), "--format", "csv"]);
    (o, d)
}

fn csv_labels(o: &std::process::Output) -> Vec<String> {
    let mut v: Vec<String> = stdout(o).lines().skip(1).map(|l| l.split(',').nth(1).unwrap().to_string()).collect();
    v.sort();
    v
}

#[test]
fn a_bom_in_labels_tsv_does_not_drop_the_first_label() {
    let (o, _d) = compare_with_labels("\u{FEFF}a.txt\tLe Monde\nb.txt\tLe Figaro\n".as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(csv_labels(&o), ["Le Figaro", "Le Monde", "c.txt"]);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn a_bad_line_in_labels_tsv_costs_that_line_with_a_warning() {
    let (o, d) = compare_with_labels("a.txt    Le Monde\nb.txt\t \nc.txt\tLibération\n".as_bytes());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(csv_labels(&o), ["Libération", "a.txt", "b.txt"]);
    let tsv = d.path().join("labels.tsv").display().to_string();
    assert!(err.contains(&format!("hedge: warning: {tsv}:1: expected `file<TAB>label`")), "{err}");
    assert!(err.contains(&format!("hedge: warning: {tsv}:2: empty label")), "{err}");
    // JSON lists them as warnings, not errors.
    let o = hedge(&["compare", &d.path().display().to_string(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["warnings"].as_array().unwrap().len(), 2, "{v}");
    assert!(v["errors"].as_array().unwrap().is_empty(), "{v}");
}

#[test]
fn a_labels_tsv_in_windows_1252_or_utf16_is_decoded_like_an_article() {
    let text = "a.txt\tLibération\nb.txt\tLe Télégramme\n";
    let (cp, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
    for bytes in [cp.into_owned(), utf16] {
        let (o, _d) = compare_with_labels(&bytes);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(csv_labels(&o), ["Le Télégramme", "Libération", "c.txt"]);
    }
}

#[test]
fn a_label_for_a_file_not_in_the_run_is_a_warning() {
    let d = tmp();
    let a = write(&d, "a.txt", GOOD.as_bytes());
    let o = hedge(&["compare", &a, "--label", "nope.txt=Le Monde", "--format", "csv"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("hedge: warning: --label nope.txt=Le Monde: no input of this run is named \"nope.txt\""), "{err}");
    // A label for a file that is missing: the problem is reported, not also the label.
    let missing = d.path().join("gone.txt").display().to_string();
    let o = hedge(&["compare", &a, &missing, "--label", &format!("{missing}=Le Monde"), "--format", "csv"]);
    assert!(stderr(&o).contains("no such file") && !stderr(&o).contains("warning"), "{}", stderr(&o));
    // A label that is used says nothing.
    let o = hedge(&["compare", &a, "--label", &format!("{a}=Le Monde"), "--format", "csv"]);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Le Monde"));
}

#[test]
fn html_onto_an_input_file_is_refused_and_nothing_is_overwritten() {
    let d = tmp();
    let a = write(&d, "a.txt", GOOD.as_bytes());
    let page = write(&d, "page.html", b"<html><body><p>Selon l'AFP, le convoi aurait compte 50 camions.</p></body></html>");
    for (args, target) in [
        (vec!["analyze", a.as_str(), "--html", a.as_str()], &a),
        (vec!["compare", a.as_str(), "--html", a.as_str()], &a),
        // Found in a directory, and named another way.
        (vec!["compare", d.path().to_str().unwrap(), "--html", &format!("{}/./page.html", d.path().display())], &page),
    ] {
        let before = fs::read(target).unwrap();
        let o = hedge(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("is one of the articles to analyse"), "{}", stderr(&o));
        assert_eq!(fs::read(target).unwrap(), before, "{args:?} overwrote the input");
    }
}

#[test]
fn html_onto_an_existing_file_that_is_no_report_is_refused() {
    // A teacher's lexicon, a directory's labels.tsv: not articles, but not to be overwritten.
    let d = tmp();
    let a = write(&d, "a.txt", GOOD.as_bytes());
    let labels = write(&d, "labels.tsv", b"a.txt\tLe Monde\n");
    let lexicon = write(&d, "mes-marqueurs.toml", b"# mes marqueurs\n");
    for (args, target) in [
        (vec!["compare", d.path().to_str().unwrap(), "--html", labels.as_str()], &labels),
        (vec!["analyze", a.as_str(), "--html", lexicon.as_str(), "--lang", "fr"], &lexicon),
    ] {
        let before = fs::read(target).unwrap();
        let o = hedge(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("is not a report hedge wrote") || stderr(&o).contains("n'est pas un rapport écrit par hedge"), "{}", stderr(&o));
        assert_eq!(fs::read(target).unwrap(), before, "{args:?} overwrote the file");
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_a_folder_is_left_aside_not_waited_for() {
    let d = tmp();
    write(&d, "a.txt", GOOD.as_bytes());
    let fifo = d.path().join("tube.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let o = hedge(&["compare", d.path().to_str().unwrap(), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2, "a.txt only: {}", stdout(&o));
    assert!(stderr(&o).contains("left aside (tube.txt)"), "{}", stderr(&o));
}

#[test]
fn an_article_given_twice_is_read_once_with_a_warning() {
    let d = tmp();
    let a = write(&d, "a.txt", GOOD.as_bytes());
    write(&d, "b.txt", GOOD.as_bytes());
    // Named twice, and found again in its directory.
    let o = hedge(&["compare", &a, &a, d.path().to_str().unwrap(), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 3, "a.txt and b.txt once each: {}", stdout(&o));
    assert_eq!(stderr(&o).matches("given more than once; read once").count(), 2, "{}", stderr(&o));
}

#[test]
fn a_report_written_into_the_directory_is_not_analysed_on_the_next_run() {
    let d = tmp();
    write(&d, "a.txt", GOOD.as_bytes());
    write(&d, "b.txt", GOOD.as_bytes());
    let dir = d.path().display().to_string();
    let report = format!("{dir}/rapport.html");
    for run in 0..2 {
        let o = hedge(&["compare", &dir, "--html", &report, "--format", "csv"]);
        assert_eq!(o.status.code(), Some(0), "run {run}: {}", stderr(&o));
        assert_eq!(stdout(&o).lines().count(), 3, "run {run}: only a.txt and b.txt: {}", stdout(&o));
        assert!(!stdout(&o).contains("rapport"), "{}", stdout(&o));
    }
    // Nor by another report in the same directory.
    let o = hedge(&["compare", &dir, "--format", "csv"]);
    assert_eq!(stdout(&o).lines().count(), 3, "{}", stdout(&o));
}

/// Article text with terminal escape sequences: OSC window title, clear screen, conceal, a C1
/// CSI, a bell.
const ESCAPES: &str = "Selon l'AFP, le convoi \x1b]0;pwned\x07aurait compté \x1b[2J\x1b[8m50 camions\u{9b}31m. Il est parti hier.\n";

fn assert_no_control(what: &str, s: &str) {
    let bad: Vec<char> = s.chars().filter(|c| c.is_control() && *c != '\n' && *c != '\t').collect();
    assert!(bad.is_empty(), "{what}: control characters {bad:?} in {s:?}");
}

#[test]
fn the_terminal_never_receives_control_characters_from_article_text() {
    let d = tmp();
    let f = write(&d, "esc\x1b[31m.txt", ESCAPES.as_bytes());
    // Labels and file names too.
    let o = hedge(&["analyze", &f, "--color", "never"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_no_control("analyze text", &stdout(&o));
    assert!(stdout(&o).contains("␛]0;pwned␇"), "escapes are shown, not dropped: {}", stdout(&o));
    let o = hedge(&["compare", &f, "--label", &format!("{f}=Le \x1b[2JMonde")]);
    assert_no_control("compare table", &stdout(&o));
    assert!(stdout(&o).contains("Le ␛[2JMonde"), "{}", stdout(&o));
    // In colour, only hedge's own SGR sequences are there.
    let o = hedge(&["analyze", &f, "--color", "always"]);
    let plain = regex::Regex::new(r"\x1b\[[0-9;]*m").unwrap().replace_all(&stdout(&o), "").into_owned();
    assert_no_control("analyze in colour", &plain);
    // A problem naming such a file on stderr.
    let missing = d.path().join("gone\x1b]0;x\x07.txt").display().to_string();
    let o = hedge(&["compare", &missing, &f]);
    assert_no_control("stderr", &stderr(&o));
    // JSON keeps the text as it is (escaped by JSON itself).
    let o = hedge(&["analyze", &f, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["articles"][0]["text"].as_str().unwrap().contains("\x1b]0;pwned"), "{v}");
}

/// Runs the (debug) binary with the test hook that makes the analysis of `panic_on` panic.
#[cfg(debug_assertions)]
fn hedge_panicking_on(panic_on: &str, args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hedge"))
        .args(args)
        .env("HEDGE_TEST_PANIC_ON", panic_on)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A hang is a failure: give it 60 s.
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("hedge {args:?} hung after a panic in a worker");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
#[cfg(debug_assertions)]
fn a_panic_while_analysing_one_file_is_reported_and_the_others_are_analysed() {
    let d = tmp();
    for n in ["a.txt", "b.txt", "c.txt"] {
        write(&d, n, GOOD.as_bytes());
    }
    let dir = d.path().display().to_string();
    for threads in ["1", "2", "4"] {
        let o = hedge_panicking_on("b.txt", &["compare", &dir, "--format", "csv", "--threads", threads]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "threads {threads}: {err}");
        assert!(err.contains("b.txt: internal error while analysing this file (test panic on"), "{err}");
        let out = stdout(&o);
        assert!(out.contains("a.txt") && out.contains("c.txt") && !out.contains("b.txt"), "threads {threads}: {out}");
    }
    let o = hedge_panicking_on("b.txt", &["analyze", &format!("{dir}/b.txt")]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("internal error while analysing this file"), "{}", stderr(&o));
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised() {
    let d = tmp();
    let a = write(&d, "a.txt", GOOD.as_bytes());
    let b = write(&d, "-b.txt", GOOD.as_bytes());
    let o = hedge(&[
        "compare",
        &a,
        &b,
        "--label",
        &format!("{a}==HYPERLINK(\"http://evil\",\"Le Monde, \"\"journal\"\"\")"),
        "--label",
        &format!("{b}=@SUM(A1)"),
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // Parsed back as CSV: the same number of fields on every row, formulas as text.
    let mut rows = csv_rows(&out);
    let header = rows.remove(0);
    assert_eq!(rows.len(), 2, "{out}");
    for r in &rows {
        assert_eq!(r.len(), header.len(), "{out}");
    }
    let labels: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert!(labels.contains(&"'=HYPERLINK(\"http://evil\",\"Le Monde, \"\"journal\"\"\")"), "{labels:?}");
    assert!(labels.contains(&"'@SUM(A1)"), "{labels:?}");
    for r in &rows {
        for c in r {
            assert!(!c.starts_with(['=', '+', '@']), "{c}");
        }
    }
}

/// A small RFC 4180 reader for the test (quoted fields, doubled quotes, commas inside quotes).
fn csv_rows(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, s.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}
