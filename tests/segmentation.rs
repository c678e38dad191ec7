//! Golden tests of sentence segmentation.
//!
//! * `tests/data/segmentation-golden.txt`: hand-written cases (format at the top of the file).
//! * `tests/data/seed-001.segmented.txt`, `seed-003.segmented.txt`: whole seed articles
//!   segmented, reviewed by hand.
//!
//! Set `HEDGE_BLESS=1` to print the actual output in the golden format on mismatch.

use hedge::segment::{segment, SegmentRules, SentenceKind};

fn code(k: SentenceKind) -> &'static str {
    match k {
        SentenceKind::Body => "B",
        SentenceKind::Heading => "T",
        SentenceKind::ListItem => "L",
    }
}

/// Segments `text` and renders one `[K] sentence` line per sentence.
fn render(text: &str) -> Vec<String> {
    let seg = segment(text, SegmentRules::embedded());
    let mut prev = 0;
    for s in &seg.sentences {
        assert!(s.span.start >= prev && s.span.start < s.span.end);
        assert!(text[prev..s.span.start].chars().all(char::is_whitespace));
        prev = s.span.end;
    }
    seg.sentences.iter().map(|s| format!("[{}] {}", code(s.kind), &text[s.span.clone()])).collect()
}

struct Case {
    name: String,
    line: usize,
    input: String,
    expected: Vec<String>,
}

fn parse_golden(raw: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut cur: Option<Case> = None;
    let mut in_input = false;
    let mut input_lines: Vec<&str> = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if let Some(name) = line.strip_prefix("=== ") {
            if let Some(c) = cur.take() {
                cases.push(c);
            }
            cur = Some(Case { name: name.trim().to_string(), line: i + 1, input: String::new(), expected: Vec::new() });
            in_input = true;
            input_lines.clear();
            continue;
        }
        let Some(c) = cur.as_mut() else { continue }; // header comments
        if in_input {
            if line == "---" {
                c.input = input_lines.join("\n");
                in_input = false;
            } else {
                input_lines.push(line);
            }
        } else if line.starts_with('[') {
            c.expected.push(line.to_string());
        } else if !line.trim().is_empty() && !line.starts_with('#') {
            panic!("golden line {}: expected `[B|T|L] sentence`, got {line:?}", i + 1);
        }
    }
    if let Some(c) = cur.take() {
        cases.push(c);
    }
    cases
}

#[test]
fn golden_cases() {
    let raw = include_str!("data/segmentation-golden.txt");
    let cases = parse_golden(raw);
    assert!(cases.len() >= 30, "only {} cases parsed", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        // `\u{a0}` and `\u{202f}` may be written as escapes for readability.
        let input = c.input.replace("\\u{a0}", "\u{a0}").replace("\\u{202f}", "\u{202f}");
        let got = render(&input);
        let expected: Vec<String> = c.expected.iter().map(|e| e.replace("\\u{a0}", "\u{a0}").replace("\\u{202f}", "\u{202f}")).collect();
        if got != expected {
            failures.push(format!(
                "case `{}` (line {}):\n  expected:\n    {}\n  got:\n    {}",
                c.name,
                c.line,
                expected.join("\n    "),
                got.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{} golden case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

fn check_seed(seed: &str, expected_file: &str) {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/seeds/{seed}")).unwrap();
    let got = render(&text).join("\n") + "\n";
    let expected = std::fs::read_to_string(format!("{root}/tests/data/{expected_file}")).unwrap();
    if got != expected {
        if std::env::var_os("HEDGE_BLESS").is_some() {
            std::fs::write(format!("{root}/tests/data/{expected_file}"), &got).unwrap();
        }
        let diff: Vec<String> =
            got.lines().zip(expected.lines()).filter(|(a, b)| a != b).take(5).map(|(a, b)| format!("  got:      {a}\n  expected: {b}")).collect();
        panic!("{seed}: segmentation differs from tests/data/{expected_file} (HEDGE_BLESS=1 rewrites it):\n{}", diff.join("\n"));
    }
}

#[test]
fn seed_001_whole_article() {
    check_seed("001_ecc43d926f07e1cb.txt", "seed-001.segmented.txt");
}

#[test]
fn seed_003_whole_article() {
    check_seed("003_dc6df32bf4e5101c.txt", "seed-003.segmented.txt");
}

#[test]
fn all_seeds_keep_the_contract() {
    let root = env!("CARGO_MANIFEST_DIR");
    for e in std::fs::read_dir(format!("{root}/seeds")).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        let _ = render(&text);
        // Quotes: sorted, non-overlapping, inside the text.
        let q = hedge::segment::find_quotes(&text);
        for w in q.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
    }
}

#[test]
fn linear_on_large_input() {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/seeds/000_daff0dcdf962a9d0.txt")).unwrap();
    let big = text.repeat(400); // ~2 MB
    let t = std::time::Instant::now();
    let seg = segment(&big, SegmentRules::embedded());
    let el = t.elapsed();
    assert!(seg.sentences.len() > 1000);
    // Generous bound, valid for debug builds on a slow machine.
    assert!(el.as_secs_f64() < 10.0, "took {el:?}");
}
