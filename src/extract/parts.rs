//! The parts of a page: title, body, byline/meta, boilerplate, reader comments.
//!
//! Found line by line with the rules of `lexicons/rules/parts.toml` (its header explains them): a
//! rule's cue line starts a part that covers that line only, or runs to the next cue line
//! (comments; and appeals, notices and teasers found in the end matter of the page).
//! Only the title and the body count toward the outlet's score; `classify` marks the sentences
//! of the other parts as excluded (unless `--include` names them).

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::meta;
use regex_syntax::hir::Hir;
use serde::{Deserialize, Serialize};

use super::{Block, BlockKind};

/// What part of a page a stretch of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    Title,
    Body,
    /// Byline, date, section, author biography.
    Byline,
    /// Donation appeals, copyright and legal notices, share buttons, site links.
    Boilerplate,
    /// Reader comments.
    Comments,
}

impl PartKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PartKind::Title => "title",
            PartKind::Body => "body",
            PartKind::Byline => "byline",
            PartKind::Boilerplate => "boilerplate",
            PartKind::Comments => "comments",
        }
    }
    /// Does this part count toward the outlet's score by default?
    pub fn counts_by_default(self) -> bool {
        matches!(self, PartKind::Title | PartKind::Body)
    }
    /// The parts that `--include` can bring back into the score.
    pub const EXCLUDED: [PartKind; 3] = [PartKind::Byline, PartKind::Boilerplate, PartKind::Comments];
}

/// A stretch of the text that is one part of the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub start: usize,
    pub end: usize,
    pub kind: PartKind,
    /// The rule that found it (`parts.comments`, `html.byline`); None for title and body.
    pub rule: Option<String>,
    /// The rule's explanation, for students (French).
    pub explain: Option<String>,
}

impl Part {
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The cue line only.
    Line,
    /// The cue line and every following line, until another cue (reader comments: their cue
    /// lines say nothing else).
    Rest,
    /// Like `rest` when the cue lies in the end matter of the page (the last `[tail]` share of
    /// the text, or after a part that runs to the end), the cue line only elsewhere: a word such as « Avertissement » or « Faire un
    /// don » in a heading early in a page must not take the article with it.
    EndMatter,
}

/// One rule of `lexicons/rules/parts.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    pub key: String,
    pub part: PartKind,
    pub scope: Scope,
    #[serde(default)]
    pub tail: bool,
    #[serde(default)]
    pub case_sensitive: bool,
    /// The rule only looks at lines of at most this many characters (cue lines are short);
    /// a longer line is not given to its patterns at all.
    #[serde(default)]
    pub max_chars: Option<usize>,
    pub patterns: Vec<String>,
    pub explain: String,
    #[serde(default)]
    pub examples: Vec<String>,
    #[serde(default)]
    pub counterexamples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tail {
    /// Share of the text, at its end, where `tail` rules apply.
    pub last_share: f64,
    /// Lines before the first `rest` part where `tail` rules also apply.
    pub lines_before_rest: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindDef {
    pub label: String,
    pub explain: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    tail: Tail,
    kinds: BTreeMap<PartKind, KindDef>,
    rule: Vec<RuleDef>,
}

/// A compiled pattern, with the longest line it can match, in characters, when it is anchored
/// at both ends (`^…$`): a longer line (a paragraph of the body) is not given to the regex at
/// all. Patterns with Unicode `\b` run on the regex crate's slowest engine over non-ASCII text,
/// so a pattern that is not anchored at the start costs a scan of every position of every line:
/// anchor them (`^.{0,60}\bpowered by…`). Measured in docs/PERFORMANCE.md.
///
/// The limit is counted in characters, not bytes: `.{0,600}` can match 2400 bytes, so a byte
/// limit let every paragraph of a corpus through to the regex.
///
/// A pattern that starts `^.{0,N}` (a cue somewhere in the first N characters, as in
/// `^.{0,80}\b(faites un don|…)`) is run as the rest of the pattern, unanchored, and its
/// leftmost match must start within N characters: the same lines match, but the regex crate
/// can then skip to the cue's literals instead of stepping through every start position.
///
/// A pattern is first run in a looser form (`relaxed`, see [`relax`]) when it has one: that
/// regex matches every line the pattern matches (and a few more), runs on the fast engines
/// (where Unicode `\b` over accented text falls back to the backtracker), and costs a fraction
/// of the pattern to compile (`.{0,50}` over a Unicode class is fifty copies of the class).
/// Only a line it matches is tried with the pattern itself. Same lines match; the page parts
/// took 19 % of the instructions of a run on the bench corpus before, most of them clearing the
/// backtracker's memory.
///
/// Both regexes are compiled on first use, from the parsed pattern: compiling every rule's
/// regexes was three quarters of the start-up's instructions (issue 18), and most lines never
/// get past the relaxed regex, so most exact ones are never needed. An exact regex behind a
/// relaxed one only sees the few lines that one lets through, short ones: it is built without
/// the lazy DFA, which saves compiling its reverse form (half its cost), and on such a line the
/// backtracker costs less than building DFA states (`bench/instructions.sh`, 3 MB read whole:
/// 1.83 → 1.74 G instructions).
#[derive(Debug, Clone)]
struct LinePattern {
    /// The regex run (the pattern, or its rest after `^.{0,N}`), as written.
    run: String,
    /// `run`, parsed.
    hir: Hir,
    /// The looser form tried first, or None when it would be the same as `hir`.
    relaxed_hir: Option<Hir>,
    re: OnceLock<meta::Regex>,
    relaxed: OnceLock<meta::Regex>,
    /// For `^.{0,N}rest`: N (and `re` is `rest`, unanchored).
    within: Option<usize>,
    max_line: Option<usize>,
}

/// A looser form of `h` for the lazy DFA, or None when there is nothing to loosen: without its
/// word boundaries and end anchors (`\b`, `$`: the DFA gives up on the first over accented
/// text, and the second makes the regex crate search backwards from the end of the line), and
/// with bounded repetitions left unbounded (`.{0,300}` → `.*`: counted repetitions blow up the
/// DFA's states), and with large Unicode classes (`\p{L}`, `\w`, `\s`) widened to their ASCII
/// part plus every non-ASCII character (a few states instead of hundreds: compiling them was
/// most of the start-up). Each change only lets more text match.
fn relax(h: &regex_syntax::hir::Hir) -> Option<regex_syntax::hir::Hir> {
    use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition};
    let some = |v: Vec<(Option<Hir>, &Hir)>| -> Option<Vec<Hir>> {
        v.iter().any(|(n, _)| n.is_some()).then(|| v.into_iter().map(|(n, o)| n.unwrap_or_else(|| o.clone())).collect())
    };
    match h.kind() {
        HirKind::Look(l) => (!matches!(l, Look::Start)).then(Hir::empty),
        HirKind::Class(Class::Unicode(c)) if c.ranges().iter().filter(|r| r.end() > '\x7f').count() > WIDEN_ABOVE => {
            let mut wide = ClassUnicode::new([ClassUnicodeRange::new('\u{80}', char::MAX)]);
            wide.union(c);
            Some(Hir::class(Class::Unicode(wide)))
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => None,
        HirKind::Capture(c) => relax(&c.sub),
        HirKind::Repetition(r) => {
            let sub = relax(&r.sub);
            let bounded = r.max.is_some_and(|m| m > 1 && m > r.min);
            (sub.is_some() || bounded).then(|| {
                let sub = Box::new(sub.unwrap_or_else(|| (*r.sub).clone()));
                Hir::repetition(Repetition { min: r.min, max: if bounded { None } else { r.max }, greedy: r.greedy, sub })
            })
        }
        HirKind::Concat(hs) => some(hs.iter().map(|x| (relax(x), x)).collect()).map(Hir::concat),
        HirKind::Alternation(hs) => some(hs.iter().map(|x| (relax(x), x)).collect()).map(Hir::alternation),
    }
}

/// A Unicode class with more non-ASCII ranges than this is widened by [`relax`] (a letter with
/// its capital, `[éÉ]`, is kept as it is).
const WIDEN_ABOVE: usize = 4;

/// `^.{0,N}rest` → (N, rest).
fn split_leading_window(p: &str) -> Option<(usize, &str)> {
    let after = p.strip_prefix("^.{0,")?;
    let close = after.find('}')?;
    let n = after[..close].parse().ok()?;
    Some((n, &after[close + 1..]))
}

/// The most characters a pattern anchored at both ends (`^…$`) can match; None when it is not
/// so anchored, or is unbounded.
fn whole_line_max_chars(hir: &Hir) -> Option<usize> {
    let props = hir.properties();
    let anchored = props.look_set_prefix().contains(regex_syntax::hir::Look::Start) && props.look_set_suffix().contains(regex_syntax::hir::Look::End);
    if anchored {
        hir_max_chars(hir)
    } else {
        None
    }
}

/// The most characters a regex can match (None: unbounded).
fn hir_max_chars(h: &regex_syntax::hir::Hir) -> Option<usize> {
    use regex_syntax::hir::HirKind;
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(0),
        HirKind::Literal(l) => Some(String::from_utf8_lossy(&l.0).chars().count()),
        HirKind::Class(_) => Some(1),
        HirKind::Repetition(r) => {
            let sub = hir_max_chars(&r.sub)?;
            Some(sub.checked_mul(r.max? as usize)?)
        }
        HirKind::Capture(c) => hir_max_chars(&c.sub),
        HirKind::Concat(hs) => hs.iter().try_fold(0usize, |a, h| a.checked_add(hir_max_chars(h)?)),
        HirKind::Alternation(hs) => hs.iter().try_fold(0usize, |a, h| Some(a.max(hir_max_chars(h)?))),
    }
}

impl LinePattern {
    fn new(p: &str, case_insensitive: bool, max_chars: Option<usize>) -> Result<LinePattern, String> {
        let (within, run) = match split_leading_window(p) {
            Some((n, rest)) => (Some(n), rest),
            None => (None, p),
        };
        let parse = |p: &str| regex_syntax::ParserBuilder::new().case_insensitive(case_insensitive).build().parse(p).map_err(|e| e.to_string());
        let run_hir = parse(run)?;
        let own = match within {
            // `^.{0,N}` then `run`: anchored at the start, N characters and `run`'s at most
            // (the same as parsing the whole pattern: a test compares). Parsing only `run`
            // saves a tenth of the start-up's pattern parsing. Not when `run` is an
            // alternation: `^.{0,N}a|b` is `(^.{0,N}a)|b`.
            Some(n) if !matches!(run_hir.kind(), regex_syntax::hir::HirKind::Alternation(_)) && u32::try_from(n).is_ok() => {
                let end = run_hir.properties().look_set_suffix().contains(regex_syntax::hir::Look::End);
                if end {
                    hir_max_chars(&run_hir).and_then(|m| m.checked_add(n))
                } else {
                    None
                }
            }
            None => whole_line_max_chars(&run_hir),
            Some(_) => whole_line_max_chars(&parse(p)?),
        };
        let max_line = match (own, max_chars) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let relaxed_hir = relax(&run_hir);
        Ok(LinePattern { run: run.to_string(), hir: run_hir, relaxed_hir, re: OnceLock::new(), relaxed: OnceLock::new(), within, max_line })
    }

    /// Does the pattern match `line`, of `chars` characters?
    fn is_match(&self, line: &str, chars: usize) -> bool {
        if self.max_line.is_some_and(|m| chars > m) {
            return false;
        }
        // The leftmost match starts earliest: if it starts too late, every match does (and a
        // match of the pattern is a match of the relaxed regex, starting no earlier).
        let found = |re: &meta::Regex| match self.within {
            Some(n) => re.find(line).is_some_and(|m| line[..m.start()].chars().count() <= n),
            None => re.is_match(line),
        };
        self.relaxed_hir.as_ref().is_none_or(|h| found(lazily(&self.relaxed, h, true)))
            && found(lazily(&self.re, &self.hir, self.relaxed_hir.is_none()))
    }

    /// Compiles both regexes now (the check of a rules file given with `--lexicon`).
    fn compile_all(&self) -> Result<(), String> {
        for (cell, hir, dfa) in [(&self.re, Some(&self.hir), self.relaxed_hir.is_none()), (&self.relaxed, self.relaxed_hir.as_ref(), true)] {
            if let (None, Some(h)) = (cell.get(), hir) {
                let _ = cell.set(compile(h, dfa)?);
            }
        }
        Ok(())
    }
}

/// The regex in `cell`, compiled from `hir` if not yet. The patterns parsed (in
/// [`LinePattern::new`]); the built-in rules' test compiles every one of them (see
/// `check_examples`), and a rules file given with `--lexicon` is compiled whole when loaded.
fn lazily<'a>(cell: &'a OnceLock<meta::Regex>, hir: &Hir, lazy_dfa: bool) -> &'a meta::Regex {
    cell.get_or_init(|| compile(hir, lazy_dfa).expect("lexicons/rules/parts.toml patterns compile (tested)"))
}

/// What `regex::Regex::new` builds for a pattern, from its parsed form (nothing is parsed
/// twice), with fewer engines: no one-pass DFA (it serves capture groups, which nothing here
/// asks for), and for an exact form behind a relaxed one (not `lazy_dfa`) no lazy DFA and no
/// literal prefilter either (the lines it sees are short and passed the relaxed form
/// already). Errors read as the regex crate's. The engines do not change which text matches,
/// only how it is searched (`compare seeds/`: 299 → 284 M instructions).
fn compile(hir: &Hir, lazy_dfa: bool) -> Result<meta::Regex, String> {
    let config = meta::Config::new()
        .hybrid(lazy_dfa)
        .onepass(false)
        .auto_prefilter(lazy_dfa)
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20));
    meta::Builder::new().configure(config).build_from_hir(hir).map_err(|e| match e.size_limit() {
        Some(limit) => format!("Compiled regex exceeds size limit of {limit} bytes."),
        None => e.to_string(),
    })
}

/// The compiled rules.
#[derive(Debug, Clone)]
pub struct PartRules {
    pub tail: Tail,
    pub kinds: BTreeMap<PartKind, KindDef>,
    pub rules: Vec<RuleDef>,
    compiled: Vec<Vec<LinePattern>>,
}

impl PartRules {
    /// The built-in rules (see [`crate::rules::Rules::builtin`]).
    pub fn embedded() -> &'static PartRules {
        crate::rules::Rules::builtin().parts()
    }

    /// Rules from a `parts.toml` given by the user (`--rules`, `--lexicon`): every pattern is
    /// compiled now, so that a bad one is reported when the file is loaded.
    pub fn from_toml(text: &str) -> Result<PartRules, crate::rules::RuleError> {
        let rules = PartRules::parse(text)?;
        for (r, pats) in rules.rules.iter().zip(&rules.compiled) {
            for (pattern, p) in r.patterns.iter().zip(pats) {
                p.compile_all().map_err(|e| {
                    crate::rules::RuleError::at_value("parts.toml", text, pattern, format!("rule {:?}: bad pattern {pattern:?}: {e}", r.key))
                })?;
            }
        }
        Ok(rules)
    }

    /// Rules from a `parts.toml`, parsed; each regex is compiled when first needed (the
    /// built-in rules: their test compiles every pattern, see `check_examples`).
    pub fn parse(text: &str) -> Result<PartRules, crate::rules::RuleError> {
        let f: File = crate::rules::parse("parts.toml", text)?;
        let mut compiled = Vec::new();
        for r in &f.rule {
            let mut res = Vec::new();
            for p in &r.patterns {
                let re = LinePattern::new(p, !r.case_sensitive, r.max_chars)
                    .map_err(|e| crate::rules::RuleError::at_value("parts.toml", text, p, format!("rule {:?}: bad pattern {p:?}: {e}", r.key)))?;
                res.push(re);
            }
            compiled.push(res);
        }
        Ok(PartRules { tail: f.tail, kinds: f.kinds, rules: f.rule, compiled })
    }

    /// The first rule matching a whole line (trimmed), whatever its `tail` setting.
    fn first_match(&self, line: &str, in_tail: bool) -> Option<usize> {
        let line = line.trim();
        let chars = line.chars().count();
        self.compiled
            .iter()
            .enumerate()
            .find(|(i, res)| (in_tail || !self.rules[*i].tail) && res.iter().any(|re| re.is_match(line, chars)))
            .map(|(i, _)| i)
    }

    /// The key of the rule matching `line` as if it were near the end of an article.
    pub fn rule_for(&self, line: &str) -> Option<&RuleDef> {
        self.first_match(line, true).map(|i| &self.rules[i])
    }

    /// Runs every rule's examples and counterexamples; returns the failures.
    pub fn check_examples(&self) -> Vec<String> {
        let mut bad = Vec::new();
        for (r, pats) in self.rules.iter().zip(&self.compiled) {
            for p in pats {
                if let Err(e) = p.compile_all() {
                    bad.push(format!("lexicons/rules/parts.toml: rule {:?}: bad pattern {:?}: {e}", r.key, p.run));
                }
            }
        }
        for (i, r) in self.rules.iter().enumerate() {
            let matches = |s: &str| {
                let s = s.trim();
                self.compiled[i].iter().any(|re| re.is_match(s, s.chars().count()))
            };
            for x in &r.examples {
                if !matches(x) {
                    bad.push(format!("lexicons/rules/parts.toml: rule {:?}: example does not match: {x:?}", r.key));
                } else if let Some(first) = self.rule_for(x).filter(|f| f.key != r.key) {
                    bad.push(format!("lexicons/rules/parts.toml: rule {:?}: example is taken by the earlier rule {:?}: {x:?}", r.key, first.key));
                }
            }
            for x in &r.counterexamples {
                if matches(x) {
                    bad.push(format!("lexicons/rules/parts.toml: rule {:?}: counterexample matches: {x:?}", r.key));
                }
            }
        }
        bad
    }
}

/// One line of a block.
struct Line {
    span: Range<usize>,
    block: BlockKind,
}

fn lines_of(text: &str, blocks: &[Block]) -> Vec<Line> {
    let mut out = Vec::new();
    for b in blocks {
        let mut pos = b.span.start;
        for l in text[b.span.clone()].split_inclusive('\n') {
            let t = l.trim();
            if !t.is_empty() {
                let start = pos + (l.len() - l.trim_start().len());
                out.push(Line { span: start..start + t.len(), block: b.kind });
            }
            pos += l.len();
        }
    }
    out
}

/// Does a line end like a sentence (so it is not a title)?
fn ends_like_sentence(s: &str) -> bool {
    s.trim_end_matches(['»', '"', '”', ')', ' ', '\u{a0}', '\u{202f}']).ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Finds the parts of a text from its blocks. Parts are in order and cover every block.
pub fn find_parts(text: &str, blocks: &[Block], rules: &PartRules) -> Vec<Part> {
    let lines = lines_of(text, blocks);
    // Each line against the rules that apply anywhere (tail rules are tried later, and only on
    // the lines of the tail).
    let body_match: Vec<Option<usize>> = lines.iter().map(|l| rules.first_match(&text[l.span.clone()], false)).collect();
    // Where tail rules apply: the last share of the text, and the lines just before the first
    // part that runs to the end.
    let end_matter = ((text.len() as f64) * (1.0 - rules.tail.last_share)).max(0.0) as usize;
    let runs_on = |i: usize, l: &Line| match rules.rules[i].scope {
        Scope::Line => false,
        Scope::Rest => true,
        Scope::EndMatter => l.span.start >= end_matter,
    };
    let mut tail_start = end_matter;
    if let Some(first_rest) = lines.iter().zip(&body_match).position(|(l, m)| m.is_some_and(|i| runs_on(i, l))) {
        let from = first_rest.saturating_sub(rules.tail.lines_before_rest);
        tail_start = tail_start.min(lines[from].span.start);
    }
    let mut assigned: Vec<(PartKind, Option<usize>)> = Vec::with_capacity(lines.len());
    let mut running: Option<usize> = None;
    const HTML_BYLINE: usize = usize::MAX;
    for (l, body) in lines.iter().zip(&body_match) {
        if l.block == BlockKind::Byline {
            assigned.push((PartKind::Byline, Some(HTML_BYLINE)));
            continue;
        }
        let m = if l.span.start >= tail_start { rules.first_match(&text[l.span.clone()], true) } else { *body };
        match m {
            Some(i) => {
                // Past a part that runs to the end, we are in the end matter already.
                if runs_on(i, l) || (running.is_some() && rules.rules[i].scope == Scope::EndMatter) {
                    running = Some(i);
                }
                assigned.push((rules.rules[i].part, Some(i)));
            }
            None => match running {
                Some(i) => assigned.push((rules.rules[i].part, Some(i))),
                None => assigned.push((PartKind::Body, None)),
            },
        }
    }
    // The title: the first line no rule took, if it is a heading.
    if let Some(k) = assigned.iter().position(|(_, r)| r.is_none()) {
        let l = &lines[k];
        let is_heading = match l.block {
            BlockKind::Heading(_) => true,
            BlockKind::Paragraph => !ends_like_sentence(&text[l.span.clone()]),
            _ => false,
        };
        if is_heading {
            assigned[k].0 = PartKind::Title;
        }
    }
    // Merge runs of lines with the same part and rule.
    let mut parts: Vec<Part> = Vec::new();
    for (l, (kind, rule)) in lines.iter().zip(assigned) {
        let (key, explain) = match rule {
            None => (None, None),
            Some(HTML_BYLINE) => (Some("html.byline".to_string()), Some("La signature que la page marque comme telle.".to_string())),
            Some(i) => (Some(format!("parts.{}", rules.rules[i].key)), Some(rules.rules[i].explain.clone())),
        };
        match parts.last_mut() {
            Some(p) if p.kind == kind && p.rule == key && kind != PartKind::Title => p.end = l.span.end,
            _ => parts.push(Part { start: l.span.start, end: l.span.end, kind, rule: key, explain }),
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::plain_blocks;
    use regex::{Regex, RegexBuilder};

    #[test]
    fn rules_load_and_their_examples_hold() {
        let r = PartRules::embedded();
        let bad = r.check_examples();
        assert!(bad.is_empty(), "{}", bad.join("\n"));
        assert!(r.kinds.len() == 5, "every part kind has a label and an explanation");
    }

    #[test]
    fn every_pattern_is_anchored_at_the_start_of_the_line() {
        // An unanchored pattern is tried at every position of every line (4x slower corpus runs).
        for rule in &PartRules::embedded().rules {
            for p in &rule.patterns {
                assert!(p.starts_with('^'), "lexicons/rules/parts.toml: rule {:?}: start the pattern with ^: {p}", rule.key);
            }
        }
        // Whole-line patterns skip the lines they cannot match by length.
        let p = LinePattern::new("^site icon.{0,10}$", true, None).unwrap();
        assert_eq!(p.max_line, Some(19), "the limit is in characters");
        let m = |s: &str| p.is_match(s, s.chars().count());
        assert!(m("Site icon abc") && !m(&format!("site icon {}", "x".repeat(30))));
        assert!(m("Site icon ééééééééé"), "nineteen characters, twenty-eight bytes");
        assert!(!m("Site icon éééééééééé"));
        assert_eq!(LinePattern::new("^a+$", true, None).unwrap().max_line, None);
        assert_eq!(LinePattern::new("^a+$", true, Some(5)).unwrap().max_line, Some(5));
        assert_eq!(LinePattern::new("^a{0,3}$", true, Some(5)).unwrap().max_line, Some(3));
        // A leading window: the cue must start within its first N characters.
        let p = LinePattern::new("^.{0,3}\\bdon\\b.{0,5}$", true, None).unwrap();
        assert_eq!(p.within, Some(3));
        let m = |s: &str| p.is_match(s, s.chars().count());
        // "ét " is three characters and four bytes: the window counts characters.
        assert!(m("don") && m("un don") && m("ét don") && m("ÉT DON ici"));
        assert!(!m("deux don") && !m("été don") && !m("un don trop long") && !m("undon"));
        // A leading window's bound, taken from the rest of the pattern, is the whole pattern's.
        let mut cases: Vec<(String, bool, Option<usize>)> =
            PartRules::embedded().rules.iter().flat_map(|r| r.patterns.iter().map(|p| (p.clone(), !r.case_sensitive, r.max_chars))).collect();
        cases.extend(["^.{0,3}a|b$", "^.{0,0}$", "^.{0,5}", "^.{0,2}(x|yy)$", "^.{0,2}x+$"].map(|p| (p.to_string(), true, None)));
        for (pattern, case_insensitive, max_chars) in cases {
            let whole = regex_syntax::ParserBuilder::new().case_insensitive(case_insensitive).build().parse(&pattern).unwrap();
            let want = match (whole_line_max_chars(&whole), max_chars) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            assert_eq!(LinePattern::new(&pattern, case_insensitive, max_chars).unwrap().max_line, want, "{pattern}");
        }
        // Every rule looks at lines of bounded length: a body paragraph skips most of them.
        for (rule, ps) in PartRules::embedded().rules.iter().zip(&PartRules::embedded().compiled) {
            for p in ps {
                assert!(p.max_line.is_some(), "lexicons/rules/parts.toml: rule {:?}: give it max_chars ({})", rule.key, p.run);
            }
        }
    }

    #[test]
    fn the_relaxed_regex_never_changes_which_lines_match() {
        // Lines near the rules: every example and counterexample, as written and behind or
        // inside accented words (where Unicode and ASCII word boundaries differ), and the lines
        // of the seeds and of the format samples.
        let rules = PartRules::embedded();
        let mut lines: Vec<String> = Vec::new();
        for r in &rules.rules {
            for x in r.examples.iter().chain(&r.counterexamples) {
                let x = x.trim();
                lines.push(x.to_string());
                lines.push(format!("dé{x}"));
                lines.push(format!("{x}é"));
                lines.push(format!("é {x} é"));
                lines.push(x.replace(' ', "é "));
                lines.push(x.to_uppercase());
            }
        }
        for dir in ["seeds", "tests/data/formats"] {
            for e in std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).unwrap() {
                let text = std::fs::read(e.unwrap().path()).unwrap();
                lines.extend(String::from_utf8_lossy(&text).lines().map(|l| l.trim().to_string()));
            }
        }
        let mut relaxed_patterns = 0;
        let mut matched = 0;
        for (r, p) in rules.rules.iter().zip(&rules.compiled).flat_map(|(r, ps)| ps.iter().map(move |p| (r, p))) {
            relaxed_patterns += usize::from(p.relaxed_hir.is_some());
            // The regex crate's own build of the pattern as written.
            let exact = RegexBuilder::new(&p.run).case_insensitive(!r.case_sensitive).build().unwrap();
            for l in &lines {
                let chars = l.chars().count();
                let want = p.max_line.is_none_or(|m| chars <= m)
                    && match p.within {
                        Some(n) => exact.find(l).is_some_and(|m| l[..m.start()].chars().count() <= n),
                        None => exact.is_match(l),
                    };
                assert_eq!(p.is_match(l, chars), want, "{} on {l:?}", p.run);
                matched += usize::from(want);
            }
        }
        assert!(relaxed_patterns >= 10, "{relaxed_patterns} patterns with a relaxed regex");
        assert!(matched > 100, "{matched} matches: the lines reach the rules");
    }

    #[test]
    fn a_rules_file_given_by_the_user_is_compiled_when_loaded() {
        // The built-in rules are compiled on first use; a copy given with --lexicon is compiled
        // whole when loaded, so a pattern too big for the regex engine is reported then.
        let parts = crate::rules::builtin_text("parts.toml");
        let too_big = parts.replacen("'^site icon\\b.{0,60}$'", r"'^site icon(\w{1000}){100}$'", 1);
        assert_ne!(too_big, parts, "the test edits a real pattern");
        let e = PartRules::from_toml(&too_big).unwrap_err().to_string();
        assert!(e.contains("rule \"site-furniture\": bad pattern") && e.contains("exceeds size limit"), "{e}");
        assert!(PartRules::from_toml(parts).is_ok());
    }

    #[test]
    fn relaxing_drops_word_boundaries_end_anchors_and_bounds() {
        let h = regex_syntax::ParserBuilder::new().build().parse(r"^(a|b)\bdon\b.{0,5}x{2}$").unwrap();
        let r = Regex::new(&relax(&h).unwrap().to_string()).unwrap();
        assert!(r.is_match("adonxx") && r.is_match("bdon0123456789xx") && !r.is_match("cdonxx") && !r.is_match("adonx"));
        let h = regex_syntax::ParserBuilder::new().build().parse("^ab?c+$").unwrap();
        let r = Regex::new(&relax(&h).unwrap().to_string()).unwrap();
        assert!(r.is_match("abcc") && r.is_match("acz") && !r.is_match("xac"));
        assert!(relax(&regex_syntax::ParserBuilder::new().build().parse("^ab?c+[éÉ]").unwrap()).is_none());
        // A large Unicode class: its ASCII part, and any other character.
        let h = regex_syntax::ParserBuilder::new().build().parse(r"^\p{Lu}+").unwrap();
        let r = Regex::new(&relax(&h).unwrap().to_string()).unwrap();
        assert!(r.is_match("ÉA") && r.is_match("«") && r.is_match("A") && !r.is_match("a") && !r.is_match("1"));
    }

    fn parts_of(t: &str) -> Vec<(PartKind, String, Option<String>)> {
        find_parts(t, &plain_blocks(t), PartRules::embedded()).into_iter().map(|p| (p.kind, t[p.span()].to_string(), p.rule)).collect()
    }

    #[test]
    fn comments_run_to_the_end_and_a_later_cue_starts_another_part() {
        let t = "Le titre\nPar Jeanne Roux\nUn fait. Un autre fait.\nJeanne Roux\n3 commentaires\nPaul says:\nN'importe quoi.\nMerci de votre soutien !\nIl nous reste 300 € à trouver.";
        let p = parts_of(t);
        let kinds: Vec<(PartKind, &str)> = p.iter().map(|(k, s, _)| (*k, s.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                (PartKind::Title, "Le titre"),
                (PartKind::Byline, "Par Jeanne Roux"),
                (PartKind::Body, "Un fait. Un autre fait."),
                (PartKind::Byline, "Jeanne Roux"),
                (PartKind::Comments, "3 commentaires\nPaul says:\nN'importe quoi."),
                (PartKind::Boilerplate, "Merci de votre soutien !\nIl nous reste 300 € à trouver."),
            ]
        );
        assert_eq!(p[4].2.as_deref(), Some("parts.comments"));
    }

    #[test]
    fn a_name_in_the_middle_of_an_article_is_not_a_signature() {
        let body = "Une phrase du corps de l'article qui est assez longue pour compter vraiment ici.\n".repeat(10);
        let t = format!("Titre\n{body}Jean Dupont\n{body}");
        assert!(parts_of(&t).iter().all(|(k, _, _)| matches!(k, PartKind::Title | PartKind::Body)));
    }

    #[test]
    fn a_notice_cue_inside_the_article_takes_its_own_line_only() {
        let para = "Une phrase du corps de l'article qui est assez longue pour compter vraiment ici.\n";
        // « Avertissement » as a heading in the middle, « Faire un don : » near the top.
        let t = format!("Titre\nFaire un don :\n{}Avertissement\n{}", para.repeat(6), para.repeat(6));
        let p = parts_of(&t);
        let left_out: Vec<&str> = p.iter().filter(|(k, _, _)| !matches!(k, PartKind::Title | PartKind::Body)).map(|(_, s, _)| s.as_str()).collect();
        assert_eq!(left_out, ["Faire un don :", "Avertissement"]);
        // The same cue at the end of the page still runs to the end.
        let t = format!("Titre\n{}Avertissement\nLes opinions exprimées n'engagent que leurs auteurs.\nReproduction interdite.", para.repeat(6));
        let p = parts_of(&t);
        assert_eq!(
            p.last().map(|(k, s, _)| (*k, s.as_str())),
            Some((PartKind::Boilerplate, "Avertissement\nLes opinions exprimées n'engagent que leurs auteurs.\nReproduction interdite."))
        );
    }
}
