//! A progress line on stderr for long runs: bytes and files done, rate, ETA. Drawn only when
//! stderr is a terminal (the caller decides), not before half a second has passed, and at most
//! ten times a second; erased at the end, so it never ends up in a log.

use std::io::{self, Write};
use std::time::{Duration, Instant};

pub struct Progress {
    enabled: bool,
    total_bytes: u64,
    total_inputs: usize,
    start: Instant,
    last: Option<Instant>,
    drawn: bool,
}

impl Progress {
    /// `total_bytes` is the size of the inputs (0 if unknown, e.g. standard input).
    pub fn new(enabled: bool, total_bytes: u64, total_inputs: usize) -> Progress {
        Progress { enabled, total_bytes, total_inputs, start: Instant::now(), last: None, drawn: false }
    }

    /// Reports that `bytes` and `inputs` are done; redraws when it is time to.
    pub fn update(&mut self, bytes: u64, inputs: usize, err: &mut dyn Write) -> io::Result<()> {
        if !self.enabled {
            return Ok(());
        }
        let now = Instant::now();
        let elapsed = now - self.start;
        if elapsed < Duration::from_millis(500) || self.last.is_some_and(|l| now - l < Duration::from_millis(100)) {
            return Ok(());
        }
        self.last = Some(now);
        self.drawn = true;
        write!(err, "\r\x1b[2K{}", line(bytes, self.total_bytes, inputs, self.total_inputs, elapsed))?;
        err.flush()
    }

    /// Erases the line.
    pub fn finish(&mut self, err: &mut dyn Write) -> io::Result<()> {
        if self.drawn {
            write!(err, "\r\x1b[2K")?;
            err.flush()?;
            self.drawn = false;
        }
        Ok(())
    }
}

/// The progress line: `[#####.....] 512.0/1024.0 MB · 3/10 files · 45.2 MB/s · ETA 11 s`.
pub fn line(bytes: u64, total: u64, inputs: usize, total_inputs: usize, elapsed: Duration) -> String {
    let mb = |b: u64| b as f64 / 1e6;
    let secs = elapsed.as_secs_f64().max(1e-3);
    let rate = mb(bytes) / secs;
    let mut s = String::new();
    if total > 0 {
        let frac = (bytes as f64 / total as f64).clamp(0.0, 1.0);
        let filled = (frac * 20.0).round() as usize;
        s.push_str(&format!("[{}{}] {:.1}/{:.1} MB", "#".repeat(filled), ".".repeat(20 - filled), mb(bytes), mb(total)));
    } else {
        s.push_str(&format!("{:.1} MB", mb(bytes)));
    }
    s.push_str(&format!(" · {inputs}/{total_inputs} files · {rate:.1} MB/s"));
    if total > bytes && rate > 0.0 {
        s.push_str(&format!(" · ETA {:.0} s", mb(total - bytes) / rate));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_shows_share_rate_and_eta() {
        let l = line(50_000_000, 100_000_000, 1, 4, Duration::from_secs(10));
        assert_eq!(l, "[##########..........] 50.0/100.0 MB · 1/4 files · 5.0 MB/s · ETA 10 s");
        assert_eq!(line(1_000_000, 0, 0, 1, Duration::from_secs(1)), "1.0 MB · 0/1 files · 1.0 MB/s");
    }

    #[test]
    fn silent_when_disabled() {
        let mut p = Progress::new(false, 10, 1);
        p.start -= Duration::from_secs(5);
        let mut buf = Vec::new();
        p.update(5, 0, &mut buf).unwrap();
        p.finish(&mut buf).unwrap();
        assert!(buf.is_empty());
        let mut p = Progress::new(true, 10, 1);
        p.start -= Duration::from_secs(5);
        p.update(5, 0, &mut buf).unwrap();
        assert!(String::from_utf8_lossy(&buf).contains("0/1 files"), "{:?}", String::from_utf8_lossy(&buf));
        p.finish(&mut buf).unwrap();
        assert!(buf.ends_with(b"\r\x1b[2K"));
    }
}
