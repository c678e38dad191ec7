//! The `analyze` text view: every sentence numbered with its label, its markers highlighted,
//! why each marker counts, and the score breakdown a student can recompute by hand.
use std::io::{self, Write};

use std::collections::{BTreeMap, BTreeSet};

use super::{fmt_left_out, fmt_score, label_name, term_safe, MarkerInfo, Render, Report, Scoring, Style};
use crate::aggregate::ArticleSummary;
use crate::classify::{Excluded, Label, MarkerHit, SentenceScore, Voice};
use crate::extract::PartKind;
use crate::input::Format;
use crate::lexicon::Category;

pub struct Text;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

fn category_color(c: Category) -> &'static str {
    match c {
        Category::Attribution => "\x1b[1;34m", // bold blue
        Category::Hedge => "\x1b[1;33m",       // bold yellow
        Category::Booster => "\x1b[1;31m",     // bold red
    }
}

fn label_color(l: Label) -> &'static str {
    match l {
        Label::Attributed => "\x1b[34m",
        Label::Hedged => "\x1b[33m",
        Label::Boosted => "\x1b[31m",
        Label::Asserted => "\x1b[35m",
        Label::None => DIM,
    }
}

struct Painter {
    on: bool,
}

impl Painter {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    }
}

/// The sentence with its markers highlighted: in colour, or between [ ] without colour.
fn highlight(s: &SentenceScore, p: &Painter) -> String {
    let mut out = String::new();
    let mut pos = s.start;
    for m in &s.markers {
        if m.start < pos {
            continue; // overlapping marker: already highlighted
        }
        out.push_str(&term_safe(&s.text[pos - s.start..m.start - s.start]));
        let word = term_safe(&s.text[m.start - s.start..m.end - s.start]);
        if p.on {
            let code = if m.counted { category_color(m.category) } else { DIM };
            out.push_str(&format!("{code}\x1b[4m{word}{RESET}"));
        } else {
            out.push_str(&format!("[{word}]"));
        }
        pos = m.end;
    }
    out.push_str(&term_safe(&s.text[pos - s.start..]));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn marker_line(m: &MarkerHit) -> String {
    let mut parts = vec![m.id.clone()];
    if let Some(r) = m.reading {
        parts.push(format!("conditional: {} ({})", r.as_str(), if r.is_hedge() { "a hedge" } else { "not a hedge" }));
    }
    if !m.counted {
        parts.push(if m.in_quote { "inside a quotation: not the outlet's voice".into() } else { "not counted".into() });
    } else if m.weight != 0 {
        parts.push(format!("{:+}", m.weight));
    }
    parts.join(" · ")
}

impl Render for Text {
    fn render(&self, report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()> {
        let mut w = TextStream::new(style, &report.scoring, &report.included_parts);
        for a in &report.articles {
            w.begin(out, &a.label, &a.file, a.format, &a.encoding)?;
            for s in &a.sentences {
                w.sentence(out, s, &report.markers)?;
            }
            w.end(out, &a.label, &a.summary)?;
        }
        Ok(())
    }
}

/// The text view written piece by piece, as the analysis goes (`analyze` of a large corpus
/// never holds its sentences): each article's head, its sentences, then its summary. Writing a
/// whole [`Report`] this way ([`Text`]) gives the same bytes.
pub struct TextStream {
    p: Painter,
    base: BTreeMap<Label, i32>,
    quoted: i32,
    included_parts: Vec<PartKind>,
    /// Articles begun so far.
    articles: usize,
    /// Marker ids and page-part rules whose explanation this article has already printed.
    explained: BTreeSet<String>,
}

impl TextStream {
    pub fn new(style: Style, scoring: &Scoring, included_parts: &[PartKind]) -> TextStream {
        TextStream {
            p: Painter { on: style.color },
            base: scoring.base.clone(),
            quoted: scoring.quoted,
            included_parts: included_parts.to_vec(),
            articles: 0,
            explained: BTreeSet::new(),
        }
    }

    /// An article's head: its label and file, and how it was read unless plain UTF-8 text.
    pub fn begin(&mut self, out: &mut dyn Write, label: &str, file: &str, format: Format, encoding: &str) -> io::Result<()> {
        let p = &self.p;
        if self.articles > 0 {
            writeln!(out)?;
        }
        self.articles += 1;
        self.explained.clear();
        writeln!(out, "{}", p.paint(BOLD, &format!("{} — {}", term_safe(label), term_safe(file))))?;
        if format != Format::Text || encoding != "UTF-8" {
            writeln!(out, "{}", p.paint(DIM, &format!("read as {}, {encoding}", format.as_str())))?;
        }
        Ok(())
    }

    /// One sentence, its markers, and the explanation of each marker the first time it appears
    /// in the article (`markers` must know the sentence's markers to explain them).
    pub fn sentence(&mut self, out: &mut dyn Write, s: &SentenceScore, markers: &BTreeMap<String, MarkerInfo>) -> io::Result<()> {
        let p = &self.p;
        writeln!(out)?;
        let mut head = format!("[{}] {}", s.number, p.paint(label_color(s.label), s.label.as_str()));
        let mut why: Option<String> = None;
        match &s.excluded {
            Some(Excluded::Part { part, rule, explain }) => {
                let rule = rule.as_deref().unwrap_or("");
                head.push_str(&p.paint(DIM, &format!(" · excluded: {} ({rule}), not in the score", part.as_str())));
                if self.explained.insert(rule.to_string()) {
                    why = Some(term_safe(explain).into_owned());
                }
            }
            Some(Excluded::Language { language, language_name, confidence }) => {
                head.push_str(&p.paint(
                    DIM,
                    &format!(" · not analysed: {language_name} ({language}, confidence {confidence:.2}), not French"),
                ));
            }
            None => {}
        }
        if s.excluded.is_some() {
            writeln!(out, "{head}")?;
            writeln!(out, "    {}", highlight(s, p))?;
            if let Some(w) = why {
                writeln!(out, "        {}", p.paint(DIM, &w))?;
            }
            return Ok(());
        }
        match (s.voice, s.label) {
            (_, Label::None) => {
                let why = s.not_claim.map(|n| n.explain()).unwrap_or("");
                head.push_str(&format!(" · not a claim: {why}"));
            }
            (Voice::Quoted, _) => {
                head.push_str(&format!(" · quoted voice · {} points = {} quoted", s.points.unwrap_or(0), s.base.unwrap_or(0)));
                if let Some(sp) = &s.speaker {
                    head.push_str(&format!(" · speaker: {}", term_safe(sp)));
                }
            }
            (Voice::Own, _) => {
                let b = s.base.unwrap_or(0);
                let mut calc = format!("{b} {}", label_name(s.label));
                for m in s.markers.iter().filter(|m| m.counted && m.weight != 0) {
                    calc.push_str(&format!(" {} {} {}", if m.weight < 0 { "−" } else { "+" }, m.weight.abs(), term_safe(&m.text)));
                }
                head.push_str(&format!(" · {} points = {calc}", s.points.unwrap_or(0)));
            }
        }
        let others: Vec<&str> = s.flags.iter().map(String::as_str).collect();
        if !others.is_empty() {
            head.push_str(&p.paint(DIM, &format!(" · {}", others.join(", "))));
        }
        writeln!(out, "{head}")?;
        writeln!(out, "    {}", highlight(s, p))?;
        for m in &s.markers {
            writeln!(out, "      {} {}", p.paint(if m.counted { category_color(m.category) } else { DIM }, &format!("• {}", term_safe(&m.text))), term_safe(&marker_line(m)))?;
            if !self.explained.contains(m.id.as_str()) {
                self.explained.insert(m.id.clone());
                if let Some(info) = markers.get(&m.id) {
                    writeln!(out, "        {}", p.paint(DIM, &term_safe(&info.explain)))?;
                }
            }
        }
        Ok(())
    }

    /// The article's summary: its counts, score and how the score is computed.
    pub fn end(&mut self, out: &mut dyn Write, label: &str, s: &ArticleSummary) -> io::Result<()> {
        let p = &self.p;
        let base = |l: Label| self.base.get(&l).copied().unwrap_or(0);
        writeln!(out)?;
        writeln!(out, "{}", p.paint(BOLD, &format!("Summary — {}", term_safe(label))))?;
        writeln!(
            out,
            "  {} sentences · {} own-voice claims · {} quoted claims · {} not claims",
            s.sentences, s.claims, s.quoted_claims, s.not_claims
        )?;
        let shares: Vec<String> = Label::CLAIMS
            .iter()
            .map(|l| format!("{} {} ({:.1} %)", label_name(*l), s.counts.get(l).copied().unwrap_or(0), s.percent_of(*l)))
            .collect();
        writeln!(out, "  {}", shares.join(" · "))?;
        writeln!(
            out,
            "  assertiveness {} / 100{} = {} points ÷ {} claims ({} own-voice + {} quoted)",
            fmt_score(s.assertiveness),
            s.interval.map(|[lo, hi]| format!(" (95 % interval {lo:.1}–{hi:.1})")).unwrap_or_default(),
            s.points,
            s.claims + s.quoted_claims,
            s.claims,
            s.quoted_claims
        )?;
        writeln!(
            out,
            "  who speaks: {:.1} % of claims reported (attributed or quoted) · own-voice claims alone score {}",
            s.reported_percent,
            fmt_score(s.own_voice_score)
        )?;
        writeln!(
            out,
            "  points of a claim = base ({} {}, {} {}, {} {}, {} {}; quoted {}) + weights of its markers, kept within 0..100",
            label_name(Label::Asserted),
            base(Label::Asserted),
            label_name(Label::Boosted),
            base(Label::Boosted),
            label_name(Label::Attributed),
            base(Label::Attributed),
            label_name(Label::Hedged),
            base(Label::Hedged),
            self.quoted
        )?;
        writeln!(
            out,
            "  quoted: {:.1} % of claims · {} markers, {:.1} per 1,000 words",
            s.quoted_percent, s.markers, s.markers_per_1000_words
        )?;
        if !s.conditional_readings.is_empty() {
            let r: Vec<String> = s.conditional_readings.iter().map(|(r, n)| format!("{} {n}", r.as_str())).collect();
            writeln!(out, "  conditionals: {}", r.join(" · "))?;
        }
        let left = fmt_left_out(s);
        if !left.is_empty() {
            writeln!(out, "  left out of the score: {left}")?;
            let shown: Vec<&str> = s.excluded_parts.keys().map(|k| k.as_str()).collect();
            if !shown.is_empty() {
                writeln!(out, "  count them with --include {}", shown.join(","))?;
            }
        }
        if !self.included_parts.is_empty() {
            let inc: Vec<&str> = self.included_parts.iter().map(|k: &PartKind| k.as_str()).collect();
            writeln!(out, "  counted with --include: {}", inc.join(", "))?;
        }
        Ok(())
    }
}
