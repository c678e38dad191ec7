//! The `analyze` text view: every sentence numbered with its label, its markers highlighted,
//! why each marker counts, and the score breakdown a student can recompute by hand.
use std::io::{self, Write};

use std::collections::{BTreeMap, BTreeSet};

use super::{fmt_left_out, label_name, term_safe, Lang, MarkerInfo, Render, Report, Scoring, Style};
use crate::aggregate::ArticleSummary;
use crate::classify::{Excluded, Flag, Label, MarkerHit, SentenceScore, Voice};
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

fn marker_line(m: &MarkerHit, l: Lang) -> String {
    let mut parts = vec![m.id.clone()];
    if let Some(r) = m.reading {
        let name = if l == Lang::Fr { l.reading(r).0 } else { r.as_str() };
        let hedge = if r.is_hedge() { l.t("une précaution", "a hedge") } else { l.t("pas une précaution", "not a hedge") };
        parts.push(format!("{} {name} ({hedge})", l.t("conditionnel :", "conditional:")));
        // Why: the rule that decided, explained for students in French; its name in English.
        match (l, &m.reading_why, m.reading_rule) {
            (Lang::Fr, Some(why), _) => {
                let mut c = why.chars();
                let first = c.next().map(|f| f.to_lowercase().collect::<String>()).unwrap_or_default();
                parts.push(format!("pourquoi : {first}{}", c.as_str().trim_end_matches('.')));
            }
            (Lang::En, _, Some(rule)) => parts.push(format!("rule: {rule}")),
            _ => {}
        }
    }
    if !m.counted {
        parts.push(if m.in_quote {
            l.t("dans une citation : pas la voix du média", "inside a quotation: not the outlet's voice").into()
        } else {
            l.t("non compté", "not counted").into()
        });
    } else if m.weight != 0 {
        parts.push(format!("{:+}", m.weight));
    }
    parts.join(" · ")
}

/// A sentence flag as the terminal shows it (French words in French; the code otherwise).
fn flag_name(flag: Flag, l: Lang) -> &'static str {
    if l == Lang::En {
        return flag.as_str();
    }
    match flag {
        Flag::Heading => "titre",
        Flag::ListItem => "élément de liste",
        Flag::Quoted => "citée",
        Flag::Attributed => "source citée aussi",
        Flag::Hedged => "précaution aussi",
        Flag::Boosted => "insistance aussi",
        Flag::ConditionalNotHedge => "conditionnel sans précaution",
        Flag::MarkersInQuote => "marqueurs dans une citation",
        Flag::SelfSpeech => "l'auteur parle de lui-même",
        Flag::Evidence => "un fait donné pour preuve, pas une source",
        Flag::Manner => "« selon » = en fonction de, pas une source",
        Flag::Rejected => "parole écartée : l'auteur affirme le contraire",
        Flag::Potential => "parole possible, supposée ou à venir : personne ne l'a dite",
        Flag::Nominal => "phrase sans verbe conjugué, mais complète",
        Flag::QuoteCredited => "citation attribuée à la personne nommée",
        Flag::Announced => "paragraphe annoncé comme les paroles d'une source (« X écrit : »)",
        Flag::Signed => "message publié par un compte (tweet cité), signé juste après",
    }
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
    lang: Lang,
    base: BTreeMap<Label, i32>,
    quoted: i32,
    included_parts: Vec<PartKind>,
    /// Articles begun so far.
    articles: usize,
    /// Marker ids and page-part rules whose explanation this article has already printed.
    explained: BTreeSet<String>,
    /// `--sources`: show them; the sources of this article's claims so far.
    sources: Option<Vec<crate::classify::source::Source>>,
}

impl TextStream {
    pub fn new(style: Style, scoring: &Scoring, included_parts: &[PartKind]) -> TextStream {
        TextStream {
            p: Painter { on: style.color },
            lang: style.lang,
            base: scoring.base.clone(),
            quoted: scoring.quoted,
            included_parts: included_parts.to_vec(),
            articles: 0,
            explained: BTreeSet::new(),
            sources: style.sources.then(Vec::new),
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
        if let Some(v) = &mut self.sources {
            v.clear();
        }
        writeln!(out, "{}", p.paint(BOLD, &format!("{} — {}", term_safe(label), term_safe(file))))?;
        if format != Format::Text || encoding != "UTF-8" {
            writeln!(out, "{}", p.paint(DIM, &format!("{} {}, {encoding}", self.lang.t("lu comme", "read as"), format.as_str())))?;
        }
        Ok(())
    }

    /// One sentence, its markers, and the explanation of each marker the first time it appears
    /// in the article (`markers` must know the sentence's markers to explain them).
    pub fn sentence(&mut self, out: &mut dyn Write, s: &SentenceScore, markers: &BTreeMap<String, MarkerInfo>) -> io::Result<()> {
        let p = &self.p;
        let l = self.lang;
        writeln!(out)?;
        let name = if l == Lang::Fr { l.label(s.label).to_uppercase() } else { s.label.as_str().to_string() };
        let mut head = format!("[{}] {}", s.number, p.paint(label_color(s.label), &name));
        let mut why: Option<String> = None;
        match &s.excluded {
            Some(Excluded::Part { part, rule, explain }) => {
                let rule = rule.as_deref().unwrap_or("");
                head.push_str(&p.paint(
                    DIM,
                    &match l {
                        Lang::Fr => format!(" · exclue : {} ({rule}), hors score", l.part_name(*part, Some(rule))),
                        Lang::En => format!(" · excluded: {} ({rule}), not in the score", part.as_str()),
                    },
                ));
                if self.explained.insert(rule.to_string()) {
                    why = Some(term_safe(explain).into_owned());
                }
            }
            Some(Excluded::Language { language, language_name, confidence }) => {
                head.push_str(&p.paint(
                    DIM,
                    &match l {
                        Lang::Fr => format!(
                            " · non analysée : {} ({language}, confiance {confidence:.2}), pas en français",
                            l.in_language(language, language_name)
                        ),
                        Lang::En => format!(" · not analysed: {language_name} ({language}, confidence {confidence:.2}), not French"),
                    },
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
                head.push_str(&format!(" · {} {why}", l.t("pas une affirmation :", "not a claim:")));
            }
            (Voice::Quoted, _) => {
                head.push_str(&format!(
                    " · {} · {} points = {} {}",
                    l.t("voix citée", "quoted voice"),
                    s.points.unwrap_or(0),
                    s.base.unwrap_or(0),
                    l.t("citée", "quoted")
                ));
                if let Some(sp) = &s.speaker {
                    head.push_str(&format!(" · {} {}", l.t("qui parle :", "speaker:"), term_safe(sp)));
                }
            }
            (Voice::Own, _) => {
                let b = s.base.unwrap_or(0);
                let mut calc = format!("{b} {}", if l == Lang::Fr { l.label(s.label) } else { label_name(s.label) });
                for m in s.markers.iter().filter(|m| m.counted && m.weight != 0) {
                    calc.push_str(&format!(" {} {} {}", if m.weight < 0 { "−" } else { "+" }, m.weight.abs(), term_safe(&m.text)));
                }
                head.push_str(&format!(" · {} points = {calc}", s.points.unwrap_or(0)));
                // A claim credited to the speaker of a quotation it holds (`Flag::QuoteCredited`).
                if let Some(sp) = &s.speaker {
                    head.push_str(&format!(" · {} {}", l.t("qui parle :", "speaker:"), term_safe(sp)));
                }
            }
        }
        let others: Vec<&str> = s.flags.iter().map(|&f| flag_name(f, l)).collect();
        if !others.is_empty() {
            head.push_str(&p.paint(DIM, &format!(" · {}", others.join(", "))));
        }
        let mut why: Option<&str> = None;
        if let Some(o) = &s.other_language {
            head.push_str(&p.paint(
                DIM,
                &match l {
                    Lang::Fr => {
                        format!(" · {} ({}) : texte d'une source, lu comme une citation", l.in_language(&o.language, &o.language_name), o.language)
                    }
                    Lang::En => format!(" · {} ({}): a source's text, read as a quotation", o.language_name, o.language),
                },
            ));
            if self.explained.insert("other_language".into()) {
                why = Some(l.other_language_tip());
            }
        }
        writeln!(out, "{head}")?;
        writeln!(out, "    {}", highlight(s, p))?;
        if let Some(w) = why {
            writeln!(out, "        {}", p.paint(DIM, w))?;
        }
        if let (Some(list), Some(src)) = (&mut self.sources, &s.source) {
            let line = crate::classify::source::credited(&src.key, src.kind, l == Lang::Fr);
            writeln!(out, "    {}", p.paint(BOLD, &format!("→ {}", term_safe(&line))))?;
            if s.is_claim() {
                list.push(src.clone());
            }
        }
        for m in &s.markers {
            writeln!(
                out,
                "      {} {}",
                p.paint(if m.counted { category_color(m.category) } else { DIM }, &format!("• {}", term_safe(&m.text))),
                term_safe(&marker_line(m, l))
            )?;
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
        let lang = self.lang;
        let fr = lang == Lang::Fr;
        let num = |v: f64| if fr { lang.num(v) } else { format!("{v:.1}") };
        let name = |l: Label| if fr { lang.label(l) } else { label_name(l) };
        let base = |l: Label| self.base.get(&l).copied().unwrap_or(0);
        writeln!(out)?;
        writeln!(out, "{}", p.paint(BOLD, &format!("{} — {}", lang.t("Bilan", "Summary"), term_safe(label))))?;
        writeln!(
            out,
            "  {} {} · {} {} · {} {} · {} {}",
            s.sentences,
            lang.t("phrases", "sentences"),
            s.claims,
            lang.t("affirmations du média", "own-voice claims"),
            s.quoted_claims,
            lang.t("citées", "quoted claims"),
            s.not_claims,
            lang.t("qui n'affirment rien", "not claims")
        )?;
        let shares: Vec<String> =
            Label::CLAIMS.iter().map(|l| format!("{} {} ({} %)", name(*l), s.counts.get(l).copied().unwrap_or(0), num(s.percent_of(*l)))).collect();
        writeln!(out, "  {}", shares.join(" · "))?;
        if s.not_french {
            writeln!(
                out,
                "  {} : {}",
                super::fmt_not_french(s, lang),
                lang.t("pas de score (le lexique est français)", "no score (the lexicon is French)")
            )?;
        }
        let interval =
            s.interval.map(|[lo, hi]| format!(" ({} {}–{})", lang.t("intervalle à 95 %", "95 % interval"), num(lo), num(hi))).unwrap_or_default();
        let all = s.claims + s.quoted_claims;
        let or_dash = |v: Option<f64>| v.map(num).unwrap_or_else(|| "–".into());
        writeln!(
            out,
            "  {} {} / 100{interval} = {} points ÷ {all} {} ({} {} + {} {})",
            lang.t("assertivité", "assertiveness"),
            or_dash(s.assertiveness),
            s.points,
            lang.t("affirmations", "claims"),
            s.claims,
            lang.t("du média", "own-voice"),
            s.quoted_claims,
            lang.t("citées", "quoted")
        )?;
        writeln!(
            out,
            "  {} {} % {} · {} {}",
            lang.t("qui parle :", "who speaks:"),
            num(s.reported_percent),
            lang.t("des affirmations rapportées (source citée ou citation)", "of claims reported (attributed or quoted)"),
            lang.t("les affirmations du média seules :", "own-voice claims alone score"),
            or_dash(s.own_voice_score)
        )?;
        writeln!(
            out,
            "  {} ({} {}, {} {}, {} {}, {} {}{} {}) {}",
            lang.t("points d'une affirmation = base", "points of a claim = base"),
            name(Label::Asserted),
            base(Label::Asserted),
            name(Label::Boosted),
            base(Label::Boosted),
            name(Label::Attributed),
            base(Label::Attributed),
            name(Label::Hedged),
            base(Label::Hedged),
            lang.t(" ; citée", "; quoted"),
            self.quoted,
            lang.t("+ poids de ses marqueurs, entre 0 et 100", "+ weights of its markers, kept within 0..100")
        )?;
        writeln!(
            out,
            "  {} {} % {} · {} {}, {} {}",
            lang.t("citées :", "quoted:"),
            num(s.quoted_percent),
            lang.t("des affirmations", "of claims"),
            s.markers,
            lang.t("marqueurs", "markers"),
            num(s.markers_per_1000_words),
            lang.t("pour 1 000 mots", "per 1,000 words")
        )?;
        if !s.conditional_readings.is_empty() {
            let r: Vec<String> =
                s.conditional_readings.iter().map(|(r, n)| format!("{} {n}", if fr { lang.reading(*r).0 } else { r.as_str() })).collect();
            writeln!(out, "  {} {}", lang.t("conditionnels :", "conditionals:"), r.join(" · "))?;
        }
        let left = fmt_left_out(s, lang);
        if !left.is_empty() {
            writeln!(out, "  {} {left}", lang.t("hors score :", "left out of the score:"))?;
            let shown: Vec<&str> = s.excluded_parts.keys().map(|k| k.as_str()).collect();
            if !shown.is_empty() {
                writeln!(out, "  {} --include {}", lang.t("pour les compter :", "count them with"), shown.join(","))?;
            }
        }
        if !self.included_parts.is_empty() {
            let inc: Vec<&str> = self.included_parts.iter().map(|k: &PartKind| k.as_str()).collect();
            writeln!(out, "  {} {}", lang.t("comptées avec --include :", "counted with --include:"), inc.join(", "))?;
        }
        if let Some(list) = &self.sources {
            use crate::classify::source::{count_sources, named_and_vague, show};
            let counts = count_sources(list);
            let (named, vague) = named_and_vague(&counts);
            writeln!(
                out,
                "  {} {named} {} · {vague} {}",
                lang.t("sources :", "sources:"),
                lang.t("affirmations créditées à une source nommée", "claims credited to a named source"),
                lang.t("à une source vague", "to a vague source")
            )?;
            for c in &counts {
                writeln!(out, "    {} ×{}", term_safe(&show(&c.key, c.kind, fr)), c.claims)?;
            }
        }
        Ok(())
    }
}
