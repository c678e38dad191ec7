//! Streaming and parallel runs give the same results as one whole-document analysis.
mod common;

use common::{hedge, root, stdout};
use hedge::extract::extract;
use hedge::input::{self, Origin, Planned};
use hedge::lexicon::Lexicon;
use hedge::pipeline::{analyze, analyze_inputs, Event, RunOptions};

fn seeds() -> Vec<Planned> {
    let mut files: Vec<_> =
        std::fs::read_dir(root().join("seeds")).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    assert_eq!(files.len(), 5);
    files
        .into_iter()
        .map(|p| Planned { label: p.file_name().unwrap().to_string_lossy().into(), label_given: true, origin: Origin::File(p) })
        .collect()
}

/// Runs the streaming pipeline; returns one JSON string per input (sentences then summary, or
/// the error) and the number of `Sentences` events (how many chunks had sentences).
fn run(inputs: &[Planned], lex: &Lexicon, threads: usize, chunk_bytes: usize) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut pending = Vec::new();
    let mut events = 0;
    let mut begun = false;
    // A threshold of 0 streams every plain-text input, as a corpus.
    let mut opts = RunOptions::new(threads, true);
    opts.chunk_bytes = chunk_bytes;
    opts.stream_min_bytes = 0;
    analyze_inputs(inputs, lex, opts, &mut |ev| {
        match ev {
            Event::Begin { .. } => {
                assert!(!begun, "one Begin per article");
                begun = true;
            }
            Event::Sentences { sentences, .. } => {
                assert!(begun, "Sentences before Begin");
                events += 1;
                pending.extend(sentences);
            }
            Event::Article { summary, .. } => {
                assert!(std::mem::take(&mut begun), "Article before Begin");
                out.push(serde_json::to_string(&(std::mem::take(&mut pending), summary)).unwrap());
            }
            Event::Failed(p) => {
                begun = false;
                pending.clear();
                out.push(p.to_string());
            }
            Event::Progress { .. } => {}
        }
        Ok(())
    })
    .unwrap();
    (out, events)
}

#[test]
fn tiny_chunks_and_two_threads_give_the_whole_file_result_on_the_seeds() {
    let lex = Lexicon::embedded().unwrap();
    let inputs = seeds();
    let whole: Vec<String> = inputs
        .iter()
        .map(|p| {
            let src = input::read(p).unwrap();
            let name = p.origin.display_name();
            let mut doc = extract(&p.label, &name, input::decode(&name, &src.bytes).unwrap());
            // A streamed corpus has no page parts and is not one article (a passage in another
            // language is not analysed, not read as a quotation): compare with the whole text
            // read the same way.
            doc.parts.clear();
            doc.article = false;
            let a = analyze(&doc, &lex);
            serde_json::to_string(&(a.sentences, a.summary)).unwrap()
        })
        .collect();
    for threads in [1, 2] {
        for chunk in [1, 200, 3000, 1 << 30] {
            let (got, events) = run(&inputs, &lex, threads, chunk);
            assert_eq!(got, whole, "threads {threads}, chunk {chunk} bytes");
            if chunk == 1 {
                // Every seed was really cut into many chunks.
                assert!(events > 5 * 10, "only {events} chunks");
            }
        }
    }
}

#[test]
fn a_bad_byte_late_in_a_chunked_file_is_reported_with_its_file_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("late.txt");
    let mut bytes = Vec::new();
    for i in 0..200 {
        bytes.extend_from_slice(format!("Le paragraphe {i} a été publié hier.\n\n").as_bytes());
    }
    let bad_at = bytes.len() + 4;
    bytes.extend_from_slice(b"Fin \xE9t\xE9.\n");
    std::fs::write(&path, &bytes).unwrap();
    let p = Planned { label: "late".into(), label_given: true, origin: Origin::File(path.clone()) };
    // Read whole, such a file (mostly UTF-8) is read as UTF-8 with a warning naming the first
    // bad byte; streamed as a UTF-8 corpus, the bad byte is an error with its offset in the
    // whole file.
    let whole = input::decode_with("late", &bytes, None).unwrap();
    assert_eq!(whole.encoding, "UTF-8");
    assert!(whole.warnings[0].contains(&format!("offset {bad_at} and 1 more")), "{:?}", whole.warnings);
    let lex = Lexicon::embedded().unwrap();
    let (got, events) = run(&[p], &lex, 2, 100);
    assert!(events > 1, "the file was chunked");
    assert_eq!(got.len(), 1);
    assert!(got[0].contains(&format!("offset {bad_at}")) && got[0].contains("UTF-8"), "{}", got[0]);
}

#[test]
fn compare_output_is_the_same_with_one_and_two_threads() {
    let one = hedge(&["compare", "seeds/", "--format", "json", "--threads", "1"]);
    let two = hedge(&["compare", "seeds/", "--format", "json", "--threads", "2"]);
    assert!(one.status.success());
    assert_eq!(stdout(&one), stdout(&two));
}

#[test]
fn jsonl_gives_one_line_per_article_in_input_order_with_the_json_summaries() {
    let lines = stdout(&hedge(&["compare", "seeds/", "--format", "jsonl"]));
    let json: serde_json::Value = serde_json::from_str(&stdout(&hedge(&["compare", "seeds/", "--format", "json"]))).unwrap();
    let objs: Vec<serde_json::Value> = lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(objs.len(), 5);
    let files: Vec<&str> = objs.iter().map(|o| o["file"].as_str().unwrap()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "input order");
    for o in &objs {
        assert_eq!(o["type"], "article");
        let a = json["articles"].as_array().unwrap().iter().find(|a| a["file"] == o["file"]).unwrap();
        assert_eq!(a["summary"], o["summary"]);
    }
}

#[test]
fn analyze_jsonl_streams_every_sentence_then_the_article() {
    let out = stdout(&hedge(&["analyze", "seeds/001_ecc43d926f07e1cb.txt", "--format", "jsonl"]));
    let objs: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let (last, sentences) = objs.split_last().unwrap();
    assert_eq!(last["type"], "article");
    assert_eq!(last["summary"]["sentences"].as_u64().unwrap() as usize, sentences.len());
    for (i, s) in sentences.iter().enumerate() {
        assert_eq!(s["type"], "sentence");
        assert_eq!(s["number"].as_u64().unwrap() as usize, i + 1);
    }
    assert!(sentences.iter().any(|s| s["label"] == "HEDGED"));
}

#[test]
fn a_pipe_is_streamed_like_a_file_of_the_same_size() {
    // A file says its size and is streamed without reading ahead; a pipe is read up to the
    // threshold to find out. Both must give the same sentences.
    let seed = root().join("seeds").join(
        std::fs::read_dir(root().join("seeds"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n.to_string_lossy().ends_with(".txt"))
            .min()
            .unwrap(),
    );
    let run = |stdin: bool| {
        use std::io::Write;
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_hedge"));
        cmd.env("LANG", "C.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
        cmd.args(["analyze", "--format", "jsonl", if stdin { "-" } else { seed.to_str().unwrap() }])
            .env("HEDGE_STREAM_MIN_BYTES", "500")
            .env("HEDGE_CHUNK_BYTES", "300")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut pipe = child.stdin.take().unwrap();
        if stdin {
            pipe.write_all(&std::fs::read(&seed).unwrap()).unwrap();
        }
        drop(pipe);
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        // The article's name differs (the path or <stdin>): compare the sentences.
        let text = String::from_utf8(out.stdout).unwrap();
        text.lines()
            .filter(|l| l.contains("\"sentence\"") || l.contains("\"text\""))
            .map(|l| l.replace(seed.to_str().unwrap(), "<stdin>"))
            .collect::<Vec<_>>()
    };
    let (file, pipe) = (run(false), run(true));
    assert!(file.len() > 10, "{} lines", file.len());
    assert_eq!(file, pipe);
}

#[test]
fn a_long_run_of_blank_lines_is_not_an_empty_chunk_error() {
    // More blank lines than a chunk may hold force fallback cuts inside the white space, so
    // some chunks are white space only. They hold no sentence; the file is still analysed, and
    // its sentences keep their offsets in the whole file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.txt");
    let blank = "\n".repeat(3 << 20);
    let text = format!("\n{blank}Le convoi aurait quitté la ville hier soir.\n{blank}Selon l'ONU, les civils sont partis ce matin.\n{blank}");
    std::fs::write(&path, &text).unwrap();
    let p = Planned { label: "blank".into(), label_given: true, origin: Origin::File(path) };
    let lex = Lexicon::embedded().unwrap();
    let (got, events) = run(&[p], &lex, 2, 100);
    assert_eq!(got.len(), 1);
    assert!(!got[0].contains("no text"), "{}", got[0]);
    assert_eq!(events, 2, "two chunks with a sentence each");
    let (sentences, summary): (Vec<serde_json::Value>, serde_json::Value) = serde_json::from_str(&got[0]).unwrap();
    assert_eq!(summary["sentences"], 2);
    let labels: Vec<&str> = sentences.iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["HEDGED", "ATTRIBUTED"]);
    for s in &sentences {
        let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(text[a..b], *s["text"].as_str().unwrap());
    }
}

#[test]
fn a_file_of_blank_lines_only_is_reported_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.txt");
    std::fs::write(&path, "\n".repeat(3 << 20)).unwrap();
    let p = Planned { label: "blank".into(), label_given: true, origin: Origin::File(path) };
    let (got, events) = run(&[p], &Lexicon::embedded().unwrap(), 2, 100);
    assert_eq!(events, 0);
    assert_eq!(got.len(), 1);
    assert!(got[0].contains("only white space"), "{}", got[0]);
}

/// `hedge analyze` on `path` as text, streamed (any file over 500 bytes) in chunks of `chunk`
/// bytes: (exit code, stdout, stderr).
fn analyze_streamed(path: &std::path::Path, chunk: usize, format: &str) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hedge"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["analyze", "--format", format, "--threads", "2", path.to_str().unwrap()])
        .env("HEDGE_STREAM_MIN_BYTES", "500")
        .env("HEDGE_CHUNK_BYTES", chunk.to_string())
        .output()
        .unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// The five seeds, one after the other, in one file (a small corpus).
fn seeds_corpus(dir: &std::path::Path) -> std::path::PathBuf {
    let mut text = Vec::new();
    for p in seeds() {
        let Origin::File(f) = &p.origin else { unreachable!() };
        text.extend(std::fs::read(f).unwrap());
        text.extend(b"\n\n");
    }
    let path = dir.join("corpus.txt");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn analyze_text_of_a_streamed_file_shows_every_sentence_whatever_the_chunk_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = seeds_corpus(dir.path());
    let (code, text, _) = analyze_streamed(&path, 300, "text");
    assert_eq!(code, 0);
    let (code, big_chunks, _) = analyze_streamed(&path, 1 << 20, "text");
    assert_eq!(code, 0);
    assert_eq!(text, big_chunks, "the text view does not depend on where the chunks are cut");
    // The same sentences, numbers and labels as the JSON lines of the same run.
    let (_, jsonl, _) = analyze_streamed(&path, 300, "jsonl");
    let objs: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let (article, sentences) = objs.split_last().unwrap();
    assert!(sentences.len() > 100, "{} sentences", sentences.len());
    let heads: Vec<&str> = text.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(heads.len(), sentences.len());
    for (h, s) in heads.iter().zip(sentences) {
        let want = format!("[{}] {}", s["number"], s["label"].as_str().unwrap());
        assert!(h.starts_with(&want), "{h:?} should start with {want:?}");
    }
    let n = article["summary"]["sentences"].as_u64().unwrap();
    assert!(text.contains(&format!("  {n} sentences · ")), "the summary comes last");
    assert!(text.starts_with(&format!("corpus.txt — {}\n", path.display())), "{}", &text[..80]);
}

#[test]
fn analyze_text_of_a_file_that_fails_midway_says_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let path = seeds_corpus(dir.path());
    let mut bytes = std::fs::read(&path).unwrap();
    let bad_at = bytes.len() + 4;
    bytes.extend_from_slice(b"Fin \xE9t\xE9.\n");
    std::fs::write(&path, &bytes).unwrap();
    let (code, text, err) = analyze_streamed(&path, 300, "text");
    assert_eq!(code, 1);
    let name = path.display().to_string();
    assert!(err.contains(&name) && err.contains(&format!("offset {bad_at}")), "{err}");
    // The sentences before the bad byte were shown; then the file is said to have stopped,
    // with no summary.
    assert!(text.lines().filter(|l| l.starts_with('[')).count() > 100);
    assert!(text.contains(&format!("\nStopped — {name}: not valid UTF-8")), "{}", &text[text.len().saturating_sub(400)..]);
    assert!(!text.contains("Summary — "));
}

#[test]
fn the_streamed_text_view_is_the_text_of_the_whole_report() {
    // With --html, `analyze` builds the whole report first and renders it (`Text::render`);
    // without, it writes the text view as it goes (`TextStream`). Both must give the same
    // bytes: several articles, excluded parts, other languages, --include.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    for extra in [&[][..], &["--include", "byline,comments"][..]] {
        let mut streamed = vec!["analyze", "seeds/", "--color", "never"];
        streamed.extend(extra);
        let mut whole = streamed.clone();
        whole.extend(["--html", page.to_str().unwrap()]);
        let (a, b) = (hedge(&streamed), hedge(&whole));
        assert!(a.status.success() && b.status.success());
        let text = stdout(&a);
        assert_eq!(text.matches("Summary — ").count(), 5, "five articles");
        assert!(text.contains("English (eng): a source's text, read as a quotation"), "seed 004 has English passages");
        assert_eq!(text, stdout(&b), "extra args {extra:?}");
    }
}

#[test]
fn a_streamed_file_that_fails_before_any_sentence_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.txt");
    // Blank chunks (read without error, with no sentence), then a bad byte.
    let mut bytes = "\n \n\t\n".repeat(400).into_bytes();
    bytes.extend_from_slice(b"Fin \xE9t\xE9.\n");
    std::fs::write(&path, bytes).unwrap();
    let (code, text, err) = analyze_streamed(&path, 300, "text");
    assert_eq!(code, 1);
    assert!(err.contains(&path.display().to_string()), "{err}");
    assert!(text.contains("no sentence of it was analysed"), "{text}");
    assert!(!text.contains("the sentences above"), "{text}");
    // A file of white space only is refused before anything is written.
    std::fs::write(&path, "\n \n\t\n".repeat(400)).unwrap();
    let (code, text, err) = analyze_streamed(&path, 300, "text");
    assert_eq!((code, text.as_str()), (1, ""));
    assert!(err.contains("white space"), "{err}");
}

/// Issue 16: the same bytes as `.md` (read whole) and as `.txt` (streamed past the corpus
/// size) gave 1 claim against 360,002: in the Markdown file, a « Commentaires » line near the
/// start took every following paragraph as reader comments. Past the corpus size, Markdown is
/// a corpus too (no page parts); below it, both are articles and the comments are left out.
#[test]
fn the_same_corpus_as_markdown_and_as_text_gives_the_same_claims() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("# Corpus\n\nUn premier article, court.\n\nCommentaires\n\nPaul says:\n\nN'importe quoi, ce texte.\n\n");
    text.push_str(&"Le convoi aurait quitté la ville dans la nuit, selon un témoin. Le ministre a confirmé l'accord.\n\n".repeat(20));
    let (md, txt) = (dir.path().join("corpus.md"), dir.path().join("corpus.txt"));
    std::fs::write(&md, &text).unwrap();
    std::fs::write(&txt, &text).unwrap();
    let claims = |min_bytes: &str| -> Vec<String> {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_hedge"))
            .args(["compare", "--format", "csv", md.to_str().unwrap(), txt.to_str().unwrap()])
            .env("HEDGE_STREAM_MIN_BYTES", min_bytes)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let csv = String::from_utf8(out.stdout).unwrap();
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        let col = header.iter().position(|h| *h == "claims").unwrap();
        let mut rows: Vec<(String, String)> = csv
            .lines()
            .skip(1)
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                (f[2].to_string(), f[col].to_string())
            })
            .collect();
        rows.sort();
        rows.into_iter().map(|(_, c)| c).collect()
    };
    // A corpus (threshold below its size): every paragraph counts, in both.
    assert_eq!(claims("500"), ["41", "41"]);
    // An article (the default threshold): the comments are left out, in both.
    let small = claims("16777216");
    assert_eq!(small[0], small[1]);
    assert!(small[0].parse::<u32>().unwrap() < 5, "{small:?}");
}
