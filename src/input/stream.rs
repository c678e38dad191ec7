//! Reading a large plain-text article in chunks, with bounded memory.
//!
//! A chunk ends at a *safe cut*: right after a blank line, before a paragraph that starts with
//! an upper-case letter or a digit. The later stages never look across such a cut: a line break
//! ends a sentence, a quotation still open at a blank line only goes on when the next paragraph
//! starts with «, and a quotation's speaker is only looked for across a blank line when the
//! quotation starts the paragraph or the next sentence starts in lower case. So analysing the
//! chunks one by one gives the same sentences, quotations and labels as analysing the whole text
//! (`tests/stream.rs` checks it on the seeds with tiny chunks).
//!
//! A text with no safe cut for [`HARD_LIMIT_FACTOR`] chunk lengths (at least 1 MiB) is cut at a blank line, a line
//! break, or as a last resort between two characters, so memory stays bounded whatever the
//! input; only then may a sentence or quotation straddling the cut differ from a whole-file run.
//!
//! Decoding errors are those of [`super::decode`], with offsets into the whole file.
//! Only a large plain-text input is streamed: an input no longer than the streaming threshold,
//! and any input that needs whole-document handling (HTML, Markdown, UTF-16, a forced
//! encoding), is read whole and decoded by [`super::decode_with`]: see [`Input::open`].

use std::fs::File;
use std::io::Read;

use super::{decode_with, io_message, InputProblem, Origin, Planned};

/// Default chunk length in bytes (overridden by the `HEDGE_CHUNK_BYTES` environment variable,
/// for tests and benchmarks).
pub const DEFAULT_CHUNK_BYTES: usize = 128 * 1024;

/// A chunk is cut at the first safe place after its nominal length, or, failing that, at a
/// fallback place within this many nominal lengths (and not before [`MIN_HARD_LIMIT`] bytes, so
/// that even a tiny chunk length only ever cuts at safe places in ordinary text).
pub const HARD_LIMIT_FACTOR: usize = 4;
pub const MIN_HARD_LIMIT: usize = 1 << 20;

fn hard_limit(chunk: usize) -> usize {
    chunk.saturating_mul(HARD_LIMIT_FACTOR).max(MIN_HARD_LIMIT)
}

/// The chunk length: `HEDGE_CHUNK_BYTES` if set to a positive number, else the default.
pub fn chunk_bytes_from_env() -> usize {
    std::env::var("HEDGE_CHUNK_BYTES").ok().and_then(|v| v.parse().ok()).filter(|&n| n > 0).unwrap_or(DEFAULT_CHUNK_BYTES)
}

/// A piece of an article's decoded text.
#[derive(Debug, Clone)]
pub struct Chunk {
    pub text: String,
    /// Raw bytes of the file this chunk stands for (for progress).
    pub raw_bytes: usize,
    /// The whole document (read whole), not a piece of a streamed corpus.
    pub whole: bool,
    /// The encoding the bytes were read in (WHATWG name).
    pub encoding: &'static str,
    /// Warnings from decoding (a whole document's; see [`super::Decoded::warnings`]).
    pub warnings: Vec<String>,
}

/// An opened input, read chunk by chunk.
pub struct Input {
    name: String,
    reader: Box<dyn Read + Send>,
    chunk: usize,
    /// Bytes read from the file; `buf[start..]` are not yet handed out. The bytes before
    /// `start` are dropped when the buffer is refilled (not on every chunk: that re-copied the
    /// whole look-ahead each time).
    buf: Vec<u8>,
    start: usize,
    /// File offset of `buf[start]`.
    offset: usize,
    eof: bool,
    started: bool,
    /// Some visible character seen so far?
    visible: bool,
    /// The whole document, when the input is not streamed.
    whole: Option<Result<super::Decoded, InputProblem>>,
    forced: Option<&'static encoding_rs::Encoding>,
}

/// Does this input need whole-document handling whatever its size (formats whose structure
/// spans the file: HTML, Markdown)? Plain text (`.txt`, `.text`, standard input) can be streamed.
pub fn needs_whole_document(p: &Planned) -> bool {
    match &p.origin {
        Origin::Stdin => false,
        Origin::File(path) => path.extension().and_then(|e| e.to_str()).is_some_and(|e| !matches!(e.to_ascii_lowercase().as_str(), "txt" | "text")),
    }
}

impl Input {
    /// Opens an input. `chunk` is the nominal chunk length in bytes; an input longer than
    /// `stream_min` bytes that is plain text with no forced encoding is streamed in chunks,
    /// any other is read whole (and decoded with `forced` or by detection).
    pub fn open(p: &Planned, chunk: usize, stream_min: usize, forced: Option<&'static encoding_rs::Encoding>) -> Result<Input, InputProblem> {
        let name = p.origin.display_name();
        let (reader, size): (Box<dyn Read + Send>, Option<u64>) = match &p.origin {
            Origin::Stdin => (Box::new(std::io::stdin()), None),
            Origin::File(path) => {
                let f = File::open(path).map_err(|e| InputProblem::new(name.clone(), io_message(&e, path)))?;
                // A regular file says its size: no need to read ahead to know it is large.
                let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                (Box::new(f), size)
            }
        };
        let mut input = Input {
            name,
            reader,
            chunk: chunk.max(1),
            buf: Vec::new(),
            start: 0,
            offset: 0,
            eof: false,
            started: false,
            visible: false,
            whole: None,
            forced,
        };
        let small = match size {
            Some(n) => n <= stream_min as u64,
            // A pipe: read up to the threshold to find out.
            None => {
                input.fill(stream_min.saturating_add(1))?;
                input.eof
            }
        };
        if small || needs_whole_document(p) || forced.is_some() {
            input.read_whole();
        }
        Ok(input)
    }

    fn read_whole(&mut self) {
        let mut bytes = std::mem::take(&mut self.buf);
        bytes.drain(..std::mem::take(&mut self.start));
        let r = self.reader.read_to_end(&mut bytes).map_err(|e| InputProblem::new(self.name.clone(), e.to_string()));
        self.eof = true;
        self.whole = Some(r.and_then(|_| {
            self.offset = bytes.len();
            decode_with(&self.name, &bytes, self.forced)
        }));
    }

    /// The bytes read but not yet handed out.
    fn pending(&self) -> &[u8] {
        &self.buf[self.start..]
    }

    /// Fills the buffer up to `want` pending bytes (or end of file).
    fn fill(&mut self, want: usize) -> Result<(), InputProblem> {
        if self.eof || self.pending().len() >= want {
            return Ok(());
        }
        // Drop what was handed out before reading more, once it is at least as long as what is
        // still pending: the pending bytes (up to the hard limit, 1 MiB, against a 128 KiB
        // chunk) are then moved to the front every few chunks, not after each one (that move
        // was 2 % of a streamed run's instructions). The chunks cut are the same.
        if self.start >= self.pending().len() {
            self.buf.drain(..std::mem::take(&mut self.start));
        }
        let mut tmp = vec![0u8; 64 * 1024];
        while !self.eof && self.buf.len() - self.start < want {
            match self.reader.read(&mut tmp) {
                Ok(0) => self.eof = true,
                Ok(n) => self.buf.extend_from_slice(&tmp[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(InputProblem::new(self.name.clone(), e.to_string())),
            }
        }
        Ok(())
    }

    /// The next chunk, None at the end. After an error, do not call again.
    pub fn next_chunk(&mut self) -> Option<Result<Chunk, InputProblem>> {
        if let Some(whole) = self.whole.take() {
            self.started = true;
            return Some(whole.map(|d| Chunk { text: d.text, raw_bytes: self.offset, whole: true, encoding: d.encoding, warnings: d.warnings }));
        }
        if self.started && self.eof && self.pending().is_empty() {
            return None;
        }
        // A few bytes past the limit, so that a cut at the limit can see whether it would split
        // a UTF-8 character.
        if let Err(e) = self.fill(hard_limit(self.chunk) + 4) {
            return Some(Err(e));
        }
        let first = !self.started;
        self.started = true;
        if first {
            if self.pending().is_empty() {
                return Some(Err(InputProblem::new(self.name.clone(), "empty file")));
            }
            if self.pending().starts_with(&[0xFF, 0xFE]) || self.pending().starts_with(&[0xFE, 0xFF]) {
                // UTF-16: decoded whole.
                self.read_whole();
                return self.next_chunk();
            }
        }
        let pending = self.pending();
        let cut = if self.eof && pending.len() <= self.chunk { pending.len() } else { cut_point(pending, self.chunk, self.eof) };
        let raw = &self.buf[self.start..self.start + cut];
        self.start += cut;
        let raw_offset = self.offset;
        self.offset += raw.len();
        let bom = if first && raw.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
        let body = &raw[bom..];
        if body.contains(&0) {
            return Some(Err(InputProblem::new(self.name.clone(), super::nul_bytes_message(body))));
        }
        let text = match std::str::from_utf8(body) {
            Ok(s) => s.to_string(),
            Err(e) => {
                return Some(Err(InputProblem::new(
                    self.name.clone(),
                    format!(
                        "not valid UTF-8 (first bad byte at offset {}); a file this large is read as a UTF-8 corpus: \
save it as UTF-8, or give --encoding to read it whole",
                        raw_offset + bom + e.valid_up_to()
                    ),
                )))
            }
        };
        self.visible |= !text.trim().is_empty();
        if self.eof && self.start == self.buf.len() && !self.visible {
            return Some(Err(InputProblem::new(self.name.clone(), "contains only white space, no text")));
        }
        Some(Ok(Chunk { text, raw_bytes: raw.len(), whole: false, encoding: "UTF-8", warnings: Vec::new() }))
    }
}

/// Where to end a chunk of `buf` (longer than `chunk`): the first safe cut at or after `chunk`,
/// else (within the hard limit) a blank line, a line break, or a character boundary.
fn cut_point(buf: &[u8], chunk: usize, eof: bool) -> usize {
    let limit = buf.len().min(hard_limit(chunk));
    let from = chunk.min(limit);
    if let Some(c) = find_safe_cut(buf, from, limit) {
        return c;
    }
    if eof && buf.len() <= limit {
        return buf.len();
    }
    // Fallbacks: the last blank line, then the last line break, before the limit.
    let window = &buf[..limit];
    if let Some(i) = window.windows(2).rposition(|w| w == b"\n\n") {
        if i > 0 {
            return i + 2;
        }
    }
    if let Some(i) = window.iter().rposition(|&b| b == b'\n') {
        if i > 0 {
            return i + 1;
        }
    }
    // A character boundary (UTF-8 continuation bytes are 0b10xxxxxx).
    let mut c = limit;
    while c > 1 && c < buf.len() && (buf[c] & 0xC0) == 0x80 {
        c -= 1;
    }
    c
}

/// A safe cut in `buf[from..limit]`: the start of a paragraph that follows a blank line and
/// starts with an upper-case letter or a digit.
fn find_safe_cut(buf: &[u8], from: usize, limit: usize) -> Option<usize> {
    let mut i = from;
    while i < limit {
        let nl = i + buf[i..limit].iter().position(|&b| b == b'\n')?;
        // White space after this line break, then a second line break, then white space.
        let mut j = nl + 1;
        let mut blank = false;
        while j < buf.len() && matches!(buf[j], b' ' | b'\t' | b'\r' | b'\n') {
            blank |= buf[j] == b'\n';
            j += 1;
        }
        if blank && j < buf.len() && j <= limit {
            if let Some(c) = first_char(&buf[j..]) {
                if c.is_uppercase() || c.is_ascii_digit() {
                    return Some(j);
                }
            }
        }
        // Every line break inside this run of white space ends the same run at `j`: go on
        // from there. (Going on from `nl + 1` rescanned the run once per line break: a
        // megabyte of blank lines took minutes.)
        i = j;
    }
    None
}

fn first_char(b: &[u8]) -> Option<char> {
    let n = b.len().min(4);
    (1..=n).find_map(|k| std::str::from_utf8(&b[..k]).ok()).and_then(|s| s.chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search as first written: from every line break, rescan the white space after it.
    fn find_safe_cut_slow(buf: &[u8], from: usize, limit: usize) -> Option<usize> {
        (from..limit).filter(|&i| buf[i] == b'\n').find_map(|nl| {
            let mut j = nl + 1;
            let mut blank = false;
            while j < buf.len() && matches!(buf[j], b' ' | b'\t' | b'\r' | b'\n') {
                blank |= buf[j] == b'\n';
                j += 1;
            }
            let starts = first_char(buf.get(j..)?).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            (blank && j <= limit && starts).then_some(j)
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn skipping_a_run_of_white_space_finds_the_same_cut(
            text in "[a\\nA \\t\\r1.é]{0,60}",
            from in 0usize..60,
            limit in 0usize..70,
        ) {
            let buf = text.as_bytes();
            let limit = limit.min(buf.len());
            let from = from.min(limit);
            proptest::prop_assert_eq!(find_safe_cut(buf, from, limit), find_safe_cut_slow(buf, from, limit));
        }
    }

    #[test]
    fn chunks_put_back_together_are_the_file_and_the_buffer_stays_bounded() {
        // The handed-out bytes are dropped only once they are as long as what is pending: the
        // chunks must still be the file, in order, and the buffer at most about twice the hard
        // limit.
        let seeds: Vec<u8> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
            .unwrap()
            .flat_map(|e| std::fs::read(e.unwrap().path()).unwrap())
            .collect();
        let mut text = Vec::new();
        while text.len() < 3_500_000 {
            text.extend_from_slice(&seeds);
        }
        let dir = std::env::temp_dir().join(format!("hedge-stream-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("corpus.txt");
        std::fs::write(&path, &text).unwrap();
        let planned = Planned { origin: Origin::File(path.clone()), label: "c".into(), label_given: false };
        for chunk in [DEFAULT_CHUNK_BYTES, 300_000] {
            let mut input = Input::open(&planned, chunk, 1000, None).unwrap();
            let (mut got, mut n) = (String::new(), 0);
            while let Some(c) = input.next_chunk() {
                let c = c.unwrap();
                assert!(!c.whole);
                assert_eq!(c.raw_bytes, c.text.len(), "chunk {n}: UTF-8 text, taken as it is");
                got.push_str(&c.text);
                n += 1;
                assert!(input.buf.len() <= 2 * (hard_limit(chunk) + 4) + 64 * 1024, "{}", input.buf.len());
            }
            assert!(n > 10, "{n} chunks");
            assert_eq!(got.as_bytes(), &text[..]);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn megabytes_of_blank_lines_are_scanned_once() {
        // Quadratic before: every line break rescanned the rest of the run.
        let mut buf = vec![b'\n'; 8 << 20];
        buf.extend_from_slice(b"Suite.");
        assert_eq!(find_safe_cut(&buf, 10, buf.len()), Some(8 << 20));
        assert_eq!(find_safe_cut(&buf, 10, 1 << 20), None);
    }
}
