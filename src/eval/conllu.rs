//! A small reader for the CoNLL-U files of Universal Dependencies: sentences with their raw
//! `# text`, and each word with its character span in that text.

use std::collections::HashMap;
use std::path::Path;

/// One syntactic word (or multiword token) of a CoNLL-U sentence.
#[derive(Debug, Clone)]
pub struct UdWord {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub feats: String,
    /// Byte span of the form in the sentence text, when it could be aligned.
    pub span: Option<std::ops::Range<usize>>,
}

impl UdWord {
    /// The value of one morphological feature (`Mood`, `VerbForm`, …).
    pub fn feat(&self, name: &str) -> Option<&str> {
        self.feats.split('|').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone)]
pub struct UdSentence {
    pub sent_id: String,
    pub text: String,
    /// Surface words: multiword tokens (`du` = `de le`) appear once, with the features of
    /// their first part; the syntactic parts are skipped.
    pub words: Vec<UdWord>,
}

/// Reads a CoNLL-U file. Errors name the file and the line.
pub fn read_conllu(path: &Path) -> Result<Vec<UdSentence>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_conllu(&raw).map_err(|e| format!("{}: {e}", path.display()))
}

/// Parses CoNLL-U text.
pub fn parse_conllu(raw: &str) -> Result<Vec<UdSentence>, String> {
    let mut out = Vec::new();
    let mut sent_id = String::new();
    let mut text: Option<String> = None;
    let mut words: Vec<UdWord> = Vec::new();
    // For a multiword token: index in `words`, and the last syntactic id it covers.
    let mut mwt_until: usize = 0;
    let mut mwt_index: usize = 0;
    let mut mwt_feats_taken = false;
    for (lineno, line) in raw.lines().enumerate() {
        let lineno = lineno + 1;
        if line.trim().is_empty() {
            if let Some(t) = text.take() {
                out.push(finish(std::mem::take(&mut sent_id), t, std::mem::take(&mut words)));
            }
            mwt_until = 0;
            continue;
        }
        if let Some(rest) = line.strip_prefix('#') {
            let rest = rest.trim_start();
            if let Some(v) = rest.strip_prefix("sent_id =") {
                sent_id = v.trim().to_string();
            } else if let Some(v) = rest.strip_prefix("text =") {
                text = Some(v.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!("line {lineno}: expected 10 tab-separated columns, found {}", cols.len()));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node
        }
        if let Some((a, b)) = id.split_once('-') {
            let b: usize = b.parse().map_err(|_| format!("line {lineno}: bad range id {id:?}"))?;
            let _a: usize = a.parse().map_err(|_| format!("line {lineno}: bad range id {id:?}"))?;
            mwt_until = b;
            mwt_index = words.len();
            mwt_feats_taken = false;
            words.push(UdWord { form: cols[1].to_string(), lemma: String::new(), upos: String::new(), feats: String::new(), span: None });
            continue;
        }
        let n: usize = id.parse().map_err(|_| format!("line {lineno}: bad id {id:?}"))?;
        if n <= mwt_until {
            if !mwt_feats_taken {
                let w = &mut words[mwt_index];
                w.lemma = cols[2].to_string();
                w.upos = cols[3].to_string();
                w.feats = cols[5].to_string();
                mwt_feats_taken = true;
            }
            continue;
        }
        words.push(UdWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            feats: cols[5].to_string(),
            span: None,
        });
    }
    if let Some(t) = text.take() {
        out.push(finish(sent_id, t, words));
    }
    Ok(out)
}

/// Aligns each word form with the sentence text, left to right.
fn finish(sent_id: String, text: String, mut words: Vec<UdWord>) -> UdSentence {
    let mut pos = 0;
    for w in &mut words {
        if let Some(off) = text[pos..].find(w.form.as_str()) {
            let start = pos + off;
            w.span = Some(start..start + w.form.len());
            pos = start + w.form.len();
        }
    }
    UdSentence { sent_id, text, words }
}

/// Known gold errors: `(file name, sent_id, form) → corrected Mood`, from a TSV file with
/// columns `file sent_id form gold_mood correct_mood` (lines starting with `#` are comments).
pub type Corrections = HashMap<(String, String, String), String>;

/// Reads a corrections TSV. The file column is matched on its last path component.
pub fn read_corrections(path: &Path) -> Result<Corrections, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut map = Corrections::new();
    for (i, line) in raw.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 5 {
            return Err(format!("{}:{}: expected 5 tab-separated columns", path.display(), i + 1));
        }
        let file = cols[0].rsplit('/').next().unwrap_or(cols[0]).to_string();
        map.insert((file, cols[1].to_string(), cols[2].to_string()), cols[4].to_string());
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = s1\n# text = Il aurait dit du bien.\n\
1\tIl\til\tPRON\t_\tPerson=3\t2\tnsubj\t_\t_\n\
2\taurait\tavoir\tAUX\t_\tMood=Cnd|Tense=Pres\t3\taux\t_\t_\n\
3\tdit\tdire\tVERB\t_\tVerbForm=Part\t0\troot\t_\t_\n\
4-5\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n\
4\tde\tde\tADP\t_\t_\t6\tcase\t_\t_\n\
5\tle\tle\tDET\t_\tDefinite=Def\t6\tdet\t_\t_\n\
6\tbien\tbien\tNOUN\t_\t_\t3\tobj\t_\tSpaceAfter=No\n\
7\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_spans_and_multiword_tokens() {
        let s = parse_conllu(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        let forms: Vec<&str> = s[0].words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["Il", "aurait", "dit", "du", "bien", "."]);
        assert_eq!(s[0].words[1].feat("Mood"), Some("Cnd"));
        assert_eq!(s[0].words[1].span, Some(3..9));
        assert_eq!(s[0].words[3].upos, "ADP");
    }

    #[test]
    fn rejects_a_malformed_line_with_its_number() {
        let err = parse_conllu("# text = x\n1\tx\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }
}
