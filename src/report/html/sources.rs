//! `--sources` in the classroom report: the « Sources » section (per article, the claims
//! credited to named and vague sources and every source with its count, then what each kind
//! means) and the source under each attributed or quoted claim (see [`Html::sentence`]).
//!
//! On the printed worksheet neither is shown: who is credited is the answer to « Qui parle ? »
//! (the section is hidden like the summary's figures, the per-sentence source sits in the label
//! column, which the worksheet does not print). The teacher's key (`--answers`) prints both.
//!
//! [`Html::sentence`]: super::Html

use std::fmt::Write as _;

use super::{esc, Lang};
use crate::classify::source::{credited, named_and_vague, show, SourceKind};
use crate::classify::SentenceScore;
use crate::report::Report;

/// The words of the section, in one language.
struct Words {
    help: &'static str,
    article: &'static str,
    named: &'static str,
    vague: &'static str,
    list: &'static str,
    kinds: &'static str,
}

const FR: Words = Words {
    help: "À qui chaque article attribue-t-il ce qu'il rapporte ? Nombre d'affirmations créditées à chaque source, nommée ou vague.",
    article: "article",
    named: "nommées",
    vague: "vagues",
    list: "sources (affirmations)",
    kinds: "Les sortes de sources",
};

const EN: Words = Words {
    help: "Whom does each article credit for what it reports? The number of claims credited to each source, named or vague.",
    article: "article",
    named: "named",
    vague: "vague",
    list: "sources (claims)",
    kinds: "Kinds of source",
};

/// Styles of the section and of the per-sentence source, carried by the section so that a page
/// without `--sources` keeps its bytes: the table fits a phone (fixed layout, long names wrap);
/// nothing of it on the worksheet.
const STYLE: &str = "<style>\n\
.sources table { border-collapse: collapse; margin: .5rem 0; width: 100%; table-layout: fixed; }\n\
.sources th, .sources td { text-align: left; vertical-align: top; padding: .2rem .4rem; border-bottom: 1px solid #ccc; overflow-wrap: anywhere; }\n\
.sources th:first-child { width: 28%; } .sources th:nth-child(2), .sources th:nth-child(3) { width: 5.5em; }\n\
.src { overflow-wrap: anywhere; }\n\
@media print { body.worksheet #sources, body.worksheet .src { display: none !important; } }\n\
</style>\n";

/// What each kind means, in English (`--ui en`); the French explanations are data, in
/// `lexicons/rules/sources.toml` (`[kinds]`), and say the same.
fn explain_en(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Person => "A named person: we know who speaks, we can check what they said and what they have an interest in saying.",
        SourceKind::Institution => {
            "An institution (government, army, ministry, country, organisation): an official voice, which also defends its interests."
        }
        SourceKind::Media => "A media outlet (newspaper, channel, news agency): the journalist takes up another outlet's work.",
        SourceKind::Vague => {
            "A vague or anonymous source (« des sources », « on », « certaines informations », « des témoins »: sources, someone, \
some reports, witnesses): no way to check who speaks."
        }
    }
}

/// The « Sources » section, from the `sources` of each article's summary. `explain_fr` gives
/// what each kind means in French (`lexicons/rules/sources.toml`); in English the explanations
/// are [`explain_en`]'s. Everything escaped.
pub fn sources_section(report: &Report, lang: Lang, explain_fr: impl Fn(SourceKind) -> String) -> String {
    let w = match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    };
    let fr = lang == Lang::Fr;
    let mut h = String::from("<section id=\"sources\" class=\"sources\" aria-labelledby=\"sources-h\">\n");
    h.push_str(STYLE);
    h.push_str("<h2 id=\"sources-h\">Sources</h2>\n");
    let _ = writeln!(h, "<p class=\"help\">{}</p>", esc(w.help));
    let _ = writeln!(
        h,
        "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(w.article),
        esc(w.named),
        esc(w.vague),
        esc(w.list)
    );
    for a in &report.articles {
        let counts = a.summary.sources.as_deref().unwrap_or(&[]);
        let (named, vague) = named_and_vague(counts);
        let list: Vec<String> = counts.iter().map(|c| format!("{} ×{}", esc(&show(&c.key, c.kind, fr)), c.claims)).collect();
        let _ = writeln!(h, "<tr><td>{}</td><td>{named}</td><td>{vague}</td><td class=\"src-list\">{}</td></tr>", esc(&a.label), list.join(" · "));
    }
    let _ = writeln!(h, "</tbody>\n</table>\n<h3>{}</h3>\n<dl>", esc(w.kinds));
    for k in SourceKind::ALL {
        let explain = if fr { explain_fr(k) } else { explain_en(k).to_string() };
        let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", esc(k.name(fr)), esc(&explain));
    }
    h.push_str("</dl>\n</section>\n");
    h
}

/// The source of a claim, under its label: « source : BBC (média) », « source vague (« on ») »;
/// nothing for a sentence that credits no one or is not a claim.
pub(super) fn sentence_source(s: &SentenceScore, lang: Lang, h: &mut String) {
    let Some(src) = s.source.as_ref().filter(|_| s.is_claim()) else { return };
    let _ = write!(h, "<span class=\"detail src\">{}</span>", esc(&credited(&src.key, src.kind, lang == Lang::Fr)));
}
