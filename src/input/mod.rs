//! Stage 1 — read: command-line arguments → sources (named bytes).
//!
//! Directories are walked (sorted, so every run sees the same order); each problem is kept with
//! the name of the file it concerns, so the caller can report it and go on with the others.

use std::fmt;
use std::fs;
use std::io::Read;

pub mod stream;
use std::path::{Path, PathBuf};

/// Extensions picked up when a directory is given (files named on the command line are read
/// whatever their extension).
pub const DIR_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

/// Name of the optional label file in a directory: `file<TAB>label` per line.
pub const LABELS_FILE: &str = "labels.tsv";

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    Stdin,
    File(PathBuf),
}

impl Origin {
    /// The name shown to the user.
    pub fn display_name(&self) -> String {
        match self {
            Origin::Stdin => "<stdin>".to_string(),
            Origin::File(p) => p.display().to_string(),
        }
    }
}

/// An article's raw bytes, with where they come from.
#[derive(Debug, Clone)]
pub struct Source {
    pub origin: Origin,
    /// A label for reports (`--label`, a directory's `labels.tsv`, or the file name).
    pub label: String,
    pub bytes: Vec<u8>,
}

/// A problem with one input; the run goes on with the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    pub name: String,
    pub message: String,
}

impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Shown on a terminal: a file name may hold control characters.
        write!(f, "{}: {}", crate::report::term_safe(&self.name), crate::report::term_safe(&self.message))
    }
}

impl InputProblem {
    pub fn new(name: impl Into<String>, message: impl Into<String>) -> Self {
        InputProblem { name: name.into(), message: message.into() }
    }
}

/// One input to read: stdin or a path, with a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub origin: Origin,
    pub label: String,
    /// Whether `label` was given (`--label`, `labels.tsv`); otherwise it is the file name and
    /// the report may name the article from its content (a page's site name and title).
    pub label_given: bool,
}

/// The bytes of the files among `planned` (standard input is not counted: its size is unknown
/// until it is read).
pub fn file_bytes(planned: &[Planned]) -> u64 {
    planned
        .iter()
        .filter_map(|p| match &p.origin {
            Origin::File(path) => fs::metadata(path).ok().map(|m| m.len()),
            Origin::Stdin => None,
        })
        .sum()
}

/// Expands the command-line inputs into a list of articles to read, in order: each argument
/// in the order given, and the files of a directory sorted by name. `labels` maps a path (as
/// given or as found in a directory) to a label and wins over a directory's `labels.tsv`.
/// Returns the articles, the problems (an input that cannot be read) and the warnings (a
/// skipped line of a `labels.tsv`, a `--label` that names no input): the run goes on.
pub fn discover(args: &[String], labels: &[(String, String)]) -> (Vec<Planned>, Vec<InputProblem>, Vec<InputProblem>) {
    let mut planned: Vec<Planned> = Vec::new();
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    for arg in args {
        if arg == "-" {
            let given = label_for("-", labels);
            planned.push(Planned { origin: Origin::Stdin, label_given: given.is_some(), label: given.unwrap_or_else(|| "stdin".into()) });
            continue;
        }
        let path = PathBuf::from(arg);
        match fs::metadata(&path) {
            Err(e) => problems.push(InputProblem::new(arg.clone(), io_message(&e, &path))),
            Ok(m) if m.is_dir() => match walk_dir(&path, labels, &mut warnings) {
                Ok(files) if files.is_empty() => {
                    problems.push(InputProblem::new(arg.clone(), format!("directory has no text files (looked for .{})", DIR_EXTENSIONS.join(", ."))))
                }
                Ok(files) => planned.extend(files),
                Err(p) => problems.push(p),
            },
            Ok(_) => {
                let given = label_for(arg, labels);
                planned.push(Planned {
                    label_given: given.is_some(),
                    label: given.unwrap_or_else(|| default_label(&path)),
                    origin: Origin::File(path),
                });
            }
        }
    }
    // An article given twice (the same file, named twice or found again in a directory given
    // too; standard input twice) is read once: two rows of the same text would only mislead.
    let mut seen: Vec<Option<PathBuf>> = Vec::new();
    planned.retain(|p| {
        let key = match &p.origin {
            Origin::Stdin => None,
            Origin::File(f) => Some(fs::canonicalize(f).unwrap_or_else(|_| f.clone())),
        };
        if seen.contains(&key) {
            warnings.push(InputProblem::new(p.origin.display_name(), "given more than once; read once".to_string()));
            return false;
        }
        seen.push(key);
        true
    });
    // A --label that names no input is a typo the user should hear of (unless its file is
    // already reported as a problem).
    let norm = |s: &str| s.trim_start_matches("./").to_string();
    for (f, name) in labels {
        let used = planned.iter().any(|p| match &p.origin {
            Origin::Stdin => f == "-",
            Origin::File(path) => norm(&path.display().to_string()) == norm(f),
        }) || problems.iter().any(|p: &InputProblem| norm(&p.name) == norm(f));
        if !used {
            warnings.push(InputProblem::new(
                format!("--label {f}={name}"),
                format!("no input of this run is named {f:?}; the label is not used (name the file as the run shows it)"),
            ));
        }
    }
    (planned, problems, warnings)
}

fn walk_dir(dir: &Path, labels: &[(String, String)], warnings: &mut Vec<InputProblem>) -> Result<Vec<Planned>, InputProblem> {
    let name = dir.display().to_string();
    let entries = fs::read_dir(dir).map_err(|e| InputProblem::new(name.clone(), io_message(&e, dir)))?;
    let mut files: Vec<PathBuf> = Vec::new();
    // What the walk leaves aside, said in a warning: subfolders (not read) and files of another
    // kind (a .docx, a .pdf, a file with no extension).
    let (mut subfolders, mut other_kinds): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for entry in entries {
        let entry = entry.map_err(|e| InputProblem::new(name.clone(), e.to_string()))?;
        let path = entry.path();
        let file_name = entry.file_name().to_string_lossy().to_string();
        if file_name.starts_with('.') || file_name.to_ascii_lowercase().starts_with("readme") {
            continue;
        }
        let ext_ok = path.extension().and_then(|e| e.to_str()).is_some_and(|e| DIR_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        // A broken symlink has no metadata: keep it so that reading it reports the problem.
        let meta = fs::metadata(&path);
        let is_dir = meta.as_ref().is_ok_and(|m| m.is_dir());
        // A named pipe, a socket or a device is no article, whatever its name: reading it could
        // wait forever (checked before the report test, which opens the file).
        let special = meta.as_ref().is_ok_and(|m| !m.is_dir() && !m.is_file());
        if ext_ok && !is_dir && !special && !is_hedge_report(&path) {
            files.push(path);
        } else if is_dir {
            subfolders.push(file_name);
        } else if special || !ext_ok && file_name != LABELS_FILE {
            other_kinds.push(file_name);
        }
    }
    files.sort();
    let listed = |mut names: Vec<String>| {
        names.sort();
        let more = names.len().saturating_sub(3);
        let mut shown = names.into_iter().take(3).collect::<Vec<_>>().join(", ");
        if more > 0 {
            shown.push_str(&format!(" and {more} more"));
        }
        shown
    };
    if !subfolders.is_empty() {
        let n = subfolders.len();
        warnings.push(InputProblem::new(
            name.clone(),
            format!("{n} subfolder(s) not read ({}): give each as an argument to analyse its articles", listed(subfolders)),
        ));
    }
    if !other_kinds.is_empty() {
        let n = other_kinds.len();
        warnings.push(InputProblem::new(
            name.clone(),
            format!("{n} file(s) of another kind left aside ({}): a folder is read for .{} files", listed(other_kinds), DIR_EXTENSIONS.join(", .")),
        ));
    }
    let names: Vec<String> = files.iter().filter_map(|p| p.file_name()).map(|f| f.to_string_lossy().to_string()).collect();
    let dir_labels = read_labels_file(&dir.join(LABELS_FILE), &names, warnings);
    Ok(files
        .into_iter()
        .map(|path| {
            let shown = path.display().to_string();
            let file_name = path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
            let given = label_for(&shown, labels).or_else(|| dir_labels.iter().find(|(f, _)| *f == file_name).map(|(_, l)| l.clone()));
            Planned { label_given: given.is_some(), label: given.unwrap_or_else(|| default_label(&path)), origin: Origin::File(path) }
        })
        .collect())
}

/// The mark of a report hedge wrote (`--html`), in its `<head>`.
pub const REPORT_GENERATOR: &str = "<meta name=\"generator\" content=\"hedge ";

/// Is `path` an HTML report hedge wrote (so not an article: a directory walk skips it)? Only
/// `.html`/`.htm` files are looked at, and only their first 4 KiB.
pub fn is_hedge_report(path: &Path) -> bool {
    let html = path.extension().and_then(|e| e.to_str()).is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm"));
    if !html {
        return false;
    }
    let mut head = Vec::with_capacity(4096);
    match fs::File::open(path) {
        Ok(f) => {
            if f.take(4096).read_to_end(&mut head).is_err() {
                return false;
            }
        }
        Err(_) => return false,
    }
    String::from_utf8_lossy(&head).contains(REPORT_GENERATOR)
}

/// Reads a directory's `labels.tsv` (missing or empty file = no labels), decoded like an
/// article (a BOM is dropped; UTF-16 with a BOM and Windows-1252 are read). A line that is
/// not `file<TAB>label`, or names no file of the directory (`names`), is skipped with a
/// warning `FILE:LINE: …`; a file that cannot be read or decoded gives one warning and no
/// labels. Never fails the run.
fn read_labels_file(path: &Path, names: &[String], warnings: &mut Vec<InputProblem>) -> Vec<(String, String)> {
    let shown = path.display().to_string();
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            warnings.push(InputProblem::new(shown, format!("{}; the files are named by their file names", io_message(&e, path))));
            return Vec::new();
        }
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Vec::new();
    }
    let text = match decode_with(&shown, &bytes, None) {
        Ok(d) => {
            warnings.extend(d.warnings.into_iter().map(|w| InputProblem::new(shown.clone(), w)));
            d.text
        }
        Err(e) => {
            warnings.push(InputProblem::new(shown, format!("{}; the files are named by their file names", e.message)));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let at = || format!("{shown}:{}", i + 1);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((file, label)) = line.split_once('\t') else {
            warnings.push(InputProblem::new(at(), "expected `file<TAB>label` and found no tab; line skipped"));
            continue;
        };
        let (file, label) = (file.trim(), label.trim());
        if file.is_empty() || label.is_empty() {
            let what = if file.is_empty() { "file name" } else { "label" };
            warnings.push(InputProblem::new(at(), format!("empty {what}; line skipped")));
            continue;
        }
        if !names.iter().any(|n| n == file) {
            warnings.push(InputProblem::new(at(), format!("no file {file:?} in this directory; line skipped")));
            continue;
        }
        out.push((file.to_string(), label.to_string()));
    }
    out
}

fn label_for(arg: &str, labels: &[(String, String)]) -> Option<String> {
    let norm = |s: &str| s.trim_start_matches("./").to_string();
    labels.iter().rev().find(|(f, _)| norm(f) == norm(arg)).map(|(_, l)| l.clone())
}

fn default_label(path: &Path) -> String {
    path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_else(|| path.display().to_string())
}

/// Reads one planned input. `max_bytes` guards against reading something absurd into memory.
pub fn read(planned: &Planned) -> Result<Source, InputProblem> {
    let name = planned.origin.display_name();
    let bytes = match &planned.origin {
        Origin::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| InputProblem::new(name.clone(), e.to_string()))?;
            buf
        }
        Origin::File(path) => fs::read(path).map_err(|e| InputProblem::new(name.clone(), io_message(&e, path)))?,
    };
    Ok(Source { origin: planned.origin.clone(), label: planned.label.clone(), bytes })
}

/// A message for an I/O error that says what went wrong in plain words.
pub(crate) fn io_message(e: &std::io::Error, path: &Path) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => {
            if fs::symlink_metadata(path).is_ok() {
                "broken symbolic link (its target does not exist)".into()
            } else {
                "no such file or directory".into()
            }
        }
        PermissionDenied => "permission denied (cannot read it)".into(),
        IsADirectory => "is a directory".into(),
        _ => e.to_string(),
    }
}

/// What kind of text a source holds; `extract` turns each into a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Plain text: one paragraph per line (or per block of lines).
    Text,
    /// Markdown (headings, links, emphasis are read as such).
    Markdown,
    /// A saved web page: only its main article is read.
    Html,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// Decoded text with how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding used (its WHATWG name: `UTF-8`, `UTF-16LE`, `windows-1252`…).
    pub encoding: &'static str,
    /// How the encoding was chosen.
    pub encoding_from: EncodingFrom,
    /// What the reader should know about how the text was read (e.g. bytes replaced), one
    /// sentence each; the run goes on.
    pub warnings: Vec<String>,
}

/// How the encoding of a source was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EncodingFrom {
    /// A byte-order mark (UTF-8, UTF-16 LE/BE).
    Bom,
    /// The bytes are valid UTF-8.
    Valid,
    /// Guessed from the bytes (not UTF-8; chardetng).
    Detected,
    /// UTF-8 with a few invalid bytes, each replaced by U+FFFD (a warning says where).
    MostlyValid,
    /// Given with `--encoding`.
    Forced,
}

/// Decodes an article's bytes to text: UTF-8 (a BOM is dropped), or UTF-16 LE/BE with a BOM.
/// Other bytes are problems here; [`decode_with`] also guesses legacy encodings.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, InputProblem> {
    decode_with(name, bytes, None).map(|d| d.text)
}

/// Decodes an article's bytes: a BOM wins (UTF-8, UTF-16 LE/BE); else `forced` (`--encoding`);
/// else UTF-8 when the bytes are valid UTF-8; else the legacy encoding chardetng guesses
/// (for French text: windows-1252, which is also what "Latin-1" files really are).
/// Binary data, empty and blank input are problems, named with the input.
pub fn decode_with(name: &str, bytes: &[u8], forced: Option<&'static encoding_rs::Encoding>) -> Result<Decoded, InputProblem> {
    use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
    if bytes.is_empty() {
        return Err(InputProblem::new(name, "empty file"));
    }
    let bom = Encoding::for_bom(bytes);
    let (encoding, from, body): (&'static Encoding, EncodingFrom, &[u8]) = if let Some((enc, len)) = bom {
        (enc, EncodingFrom::Bom, &bytes[len..])
    } else if let Some(enc) = forced {
        (enc, EncodingFrom::Forced, bytes)
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, EncodingFrom::Valid, bytes)
    } else {
        if bytes.contains(&0) {
            return Err(InputProblem::new(name, nul_bytes_message(bytes)));
        }
        if let Some(bad) = mostly_utf8(bytes) {
            // UTF-8 with a stray byte or two: read as UTF-8 (decoding it all as windows-1252
            // would garble every accented letter and change the figures), and say where.
            let text = String::from_utf8_lossy(bytes).into_owned();
            let more = match bad.count {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            let warning = format!(
                "not valid UTF-8 at byte offset {}{more}: read as UTF-8, each bad byte replaced by U+FFFD (save the file as UTF-8, or give its encoding with --encoding)",
                bad.first
            );
            let mut d = finish(name, text, UTF_8, EncodingFrom::MostlyValid)?;
            d.warnings.push(warning);
            return Ok(d);
        }
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        (det.guess(Some(b"fr"), chardetng::Utf8Detection::Deny), EncodingFrom::Detected, bytes)
    };
    if encoding == UTF_16LE || encoding == UTF_16BE {
        if body.len() % 2 != 0 {
            return Err(InputProblem::new(name, "UTF-16 text with an odd number of bytes"));
        }
        let f: fn([u8; 2]) -> u16 = if encoding == UTF_16LE { u16::from_le_bytes } else { u16::from_be_bytes };
        let text = decode_utf16(name, body, f)?;
        return finish(name, text, encoding, from);
    }
    if body.contains(&0) {
        return Err(InputProblem::new(name, "binary file (contains NUL bytes), not text"));
    }
    let text = if encoding == UTF_8 {
        match std::str::from_utf8(body) {
            Ok(s) => s.to_string(),
            Err(e) => {
                let advice = if from == EncodingFrom::Bom {
                    "its byte-order mark says UTF-8: save the file as UTF-8, or give its real encoding with --encoding"
                } else {
                    "drop --encoding to let hedge guess, or name the file's encoding"
                };
                return Err(InputProblem::new(
                    name,
                    format!("not valid UTF-8 (first bad byte at offset {}); {advice}", e.valid_up_to() + (bytes.len() - body.len())),
                ));
            }
        }
    } else {
        let (cow, had_errors) = encoding.decode_without_bom_handling(body);
        if had_errors {
            return Err(InputProblem::new(name, format!("not valid {} text; give the file's encoding with --encoding", encoding.name())));
        }
        cow.into_owned()
    };
    finish(name, text, encoding, from)
}

fn finish(name: &str, text: String, encoding: &'static encoding_rs::Encoding, from: EncodingFrom) -> Result<Decoded, InputProblem> {
    if text.contains('\0') {
        return Err(InputProblem::new(name, "binary file (contains NUL characters), not text"));
    }
    if text.trim().is_empty() {
        return Err(InputProblem::new(name, "contains only white space, no text"));
    }
    Ok(Decoded { text, encoding: encoding.name(), encoding_from: from, warnings: Vec::new() })
}

/// Where invalid UTF-8 sits in bytes that are mostly UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct BadUtf8 {
    /// Offset of the first bad byte.
    first: usize,
    /// Number of invalid sequences.
    count: usize,
}

/// `Some` when `bytes` are UTF-8 but for a few invalid sequences: more valid multi-byte
/// characters than invalid sequences. Text in a legacy encoding (windows-1252: `é` is one
/// byte, then a letter) has almost no valid multi-byte sequence, so it stays `None`; so do
/// What to say of a file with NUL bytes and no byte-order mark: UTF-16 text saved without one
/// (a NUL in every other byte, as the Latin letters of French text have) gets the option that
/// reads it; anything else is binary.
pub(crate) fn nul_bytes_message(bytes: &[u8]) -> &'static str {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    let zeros = |odd: usize| sample.iter().skip(odd).step_by(2).filter(|&&b| b == 0).count();
    if pairs >= 8 && zeros(1) * 10 >= pairs * 9 && zeros(0) * 10 <= pairs {
        "looks like UTF-16 (little-endian) text saved without a byte-order mark: read it with --encoding utf-16le"
    } else if pairs >= 8 && zeros(0) * 10 >= pairs * 9 && zeros(1) * 10 <= pairs {
        "looks like UTF-16 (big-endian) text saved without a byte-order mark: read it with --encoding utf-16be"
    } else {
        "binary file (contains NUL bytes), not text"
    }
}

/// ASCII text with a stray high byte (most likely windows-1252) and valid UTF-8.
fn mostly_utf8(bytes: &[u8]) -> Option<BadUtf8> {
    let (mut valid_multibyte, mut count, mut first, mut offset) = (0usize, 0usize, None, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first.get_or_insert(offset);
            count += 1;
            offset += chunk.invalid().len();
        }
    }
    let first = first?;
    (valid_multibyte > count).then_some(BadUtf8 { first, count })
}

/// The format of a source: `forced` (`--input-format`), else its extension (`.html`/`.htm`,
/// `.md`/`.markdown`), else its content: a page that starts like HTML is HTML; text with
/// at least two kinds of Markdown markup (`# ` headings, `[links](…)`, `**bold**`) is Markdown.
pub fn detect_format(origin: &Origin, text: &str, forced: Option<Format>) -> Format {
    if let Some(f) = forced {
        return f;
    }
    if let Origin::File(p) = origin {
        match p.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).as_deref() {
            Some("html" | "htm" | "xhtml") => return Format::Html,
            Some("md" | "markdown") => return Format::Markdown,
            _ => {}
        }
    }
    let head: String = text.trim_start().chars().take(256).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || (head.starts_with("<?xml") && head.contains("<html")) {
        return Format::Html;
    }
    if looks_like_markdown(text) {
        return Format::Markdown;
    }
    Format::Text
}

fn looks_like_markdown(text: &str) -> bool {
    use std::sync::OnceLock;
    static RE: OnceLock<[regex::Regex; 3]> = OnceLock::new();
    let res = RE.get_or_init(|| {
        [
            regex::Regex::new(r"(?m)^#{1,6} \S").unwrap(),
            regex::Regex::new(r"\[[^\]\n]+\]\([^)\s]*\)").unwrap(),
            regex::Regex::new(r"\*\*[^*\n]+\*\*").unwrap(),
        ]
    });
    res.iter().filter(|r| r.is_match(text)).count() >= 2
}

fn decode_utf16(name: &str, bytes: &[u8], f: fn([u8; 2]) -> u16) -> Result<String, InputProblem> {
    if !bytes.len().is_multiple_of(2) {
        return Err(InputProblem::new(name, "UTF-16 text with an odd number of bytes"));
    }
    let units = bytes.chunks_exact(2).map(|c| f([c[0], c[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| InputProblem::new(name, "invalid UTF-16 text (unpaired surrogate)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_bom_and_utf16() {
        assert_eq!(decode("a", b"\xEF\xBB\xBFabc").unwrap(), "abc");
        let utf16le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("été".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(decode("a", &utf16le).unwrap(), "été");
        let utf16be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("été".encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
        assert_eq!(decode("a", &utf16be).unwrap(), "été");
    }

    #[test]
    fn rejects_empty_blank_binary_and_bad_utf8_naming_the_file() {
        assert_eq!(decode("f.txt", b"").unwrap_err().to_string(), "f.txt: empty file");
        assert!(decode("f.txt", b"  \n\t ").unwrap_err().message.contains("white space"));
        assert!(decode("f.txt", b"ab\0cd").unwrap_err().message.contains("binary"));
    }

    #[test]
    fn windows_1252_is_detected_and_utf8_can_be_forced() {
        let bytes = b"L\x92arm\xE9e a d\xE9menti l\x92information, \xAB selon \xBB le minist\xE8re.";
        let d = decode_with("f.txt", bytes, None).unwrap();
        assert_eq!(d.text, "L\u{2019}armée a démenti l\u{2019}information, « selon » le ministère.");
        assert_eq!((d.encoding, d.encoding_from), ("windows-1252", EncodingFrom::Detected));
        let e = decode_with("f.txt", bytes, Some(encoding_rs::UTF_8)).unwrap_err();
        assert!(e.message.contains("not valid UTF-8") && e.message.contains("offset 1"), "{e}");
        let latin1 = encoding_rs::Encoding::for_label(b"latin1").unwrap();
        assert_eq!(decode_with("f.txt", b"caf\xE9", Some(latin1)).unwrap().text, "café");
        // Valid UTF-8 is read as UTF-8, a BOM wins over --encoding.
        assert_eq!(decode_with("f", "été".as_bytes(), None).unwrap().encoding, "UTF-8");
        assert_eq!(decode_with("f", b"\xEF\xBB\xBF\xC3\xA9t\xC3\xA9", Some(latin1)).unwrap().text, "été");
    }

    #[test]
    fn utf8_with_a_stray_byte_is_read_as_utf8_with_a_warning() {
        let mut bytes = "L'armée a démenti l'information, selon le ministère. ".repeat(3).into_bytes();
        let at = bytes.len();
        bytes.push(0xE9);
        bytes.extend_from_slice(" Été.".as_bytes());
        let d = decode_with("f.txt", &bytes, None).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("UTF-8", EncodingFrom::MostlyValid));
        assert!(d.text.contains("L'armée a démenti") && d.text.contains("\u{FFFD} Été."), "{}", d.text);
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].contains(&format!("byte offset {at}")), "{:?}", d.warnings);
        // Two bad bytes: the first is named, the others counted.
        bytes.push(0xFF);
        let d = decode_with("f.txt", &bytes, None).unwrap();
        assert!(d.warnings[0].contains(&format!("byte offset {at} and 1 more")), "{:?}", d.warnings);
        // Really windows-1252 (every accent a lone high byte): still windows-1252, no warning.
        let cp = b"L'arm\xE9e a d\xE9menti l'information, selon le minist\xE8re. \xC9t\xE9.";
        let d = decode_with("f.txt", cp, None).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("windows-1252", EncodingFrom::Detected));
        assert!(d.warnings.is_empty());
        // ASCII with one high byte: windows-1252 is the better guess.
        assert_eq!(decode_with("f.txt", b"Le caf\xE9 est bon.", None).unwrap().text, "Le café est bon.");
    }

    #[test]
    fn format_from_extension_then_content() {
        let f = |p: &str, t: &str| detect_format(&Origin::File(p.into()), t, None);
        assert_eq!(f("a.HTML", "x"), Format::Html);
        assert_eq!(f("a.md", "x"), Format::Markdown);
        assert_eq!(f("a.txt", "  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(f("a.txt", "# Titre\n\nVoir [ce lien](http://x)."), Format::Markdown);
        // One hash-tag line alone is not Markdown.
        assert_eq!(f("a.txt", "# Titre\n\nUn texte."), Format::Text);
        assert_eq!(detect_format(&Origin::Stdin, "<html>", Some(Format::Text)), Format::Text);
    }

    #[test]
    fn labels_from_arguments_win() {
        let labels = vec![("./a.txt".to_string(), "Outlet A".to_string())];
        assert_eq!(label_for("a.txt", &labels).as_deref(), Some("Outlet A"));
        assert_eq!(label_for("b.txt", &labels), None);
    }
}
