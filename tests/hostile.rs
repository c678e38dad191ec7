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
    let mut child = Command::new(env!("CARGO_BIN_EXE_hedge"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
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
