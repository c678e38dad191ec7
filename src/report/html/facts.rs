//! The « Même fait, autres voix » section of the HTML report (`compare --facts --html PATH`),
//! in the page's language (`--ui`).

use std::fmt::Write as _;

use super::{esc, Lang};
use crate::facts::{FactGroup, FactMember};

/// The sentence with its markers in `<mark>`, everything escaped.
fn html_sentence(m: &FactMember) -> String {
    let mut spans = m.marker_spans.clone();
    spans.sort_unstable();
    let mut out = String::new();
    let mut at = 0;
    for (a, b) in spans {
        if a < at {
            continue; // overlapping marker: the first one wins
        }
        out.push_str(&esc(&m.sentence[at..a]));
        out.push_str("<mark>");
        out.push_str(&esc(&m.sentence[a..b]));
        out.push_str("</mark>");
        at = b;
    }
    out.push_str(&esc(&m.sentence[at..]));
    out
}

/// The « Même fait, autres voix » section of the HTML report: each group as a row of the
/// articles' sentences, markers highlighted. On the printed worksheet the labels are blank
/// lines to fill in, and the group's heading does not list them, unless `answers`.
pub fn facts_section(groups: &[FactGroup], answers: bool, lang: Lang) -> String {
    let ui = lang.ui();
    let mut h = String::new();
    h.push_str(
        "<section id=\"facts\" class=\"facts\" aria-labelledby=\"facts-h\">\n<style>\n\
.facts-group { border: 1px solid #999; margin: 0.8em 0; padding: 0.4em 0.6em; break-inside: avoid; }\n\
.facts-row { display: grid; grid-template-columns: 12em 7em 1fr; gap: 0.6em; padding: 0.2em 0; border-top: 1px dotted #bbb; }\n\
.facts-lab-blank { display: none; }\n\
@media print { body.worksheet .facts-lab { display: none; } body.worksheet .facts-lab-blank { display: inline; } }\n\
</style>\n",
    );
    let _ = write!(h, "<h2 id=\"facts-h\">{}</h2>\n<p class=\"help\">{}</p>\n", esc(ui.facts_title), esc(ui.facts_help));
    if groups.is_empty() {
        let _ = write!(h, "<p>{}</p>\n</section>\n", esc(ui.facts_none));
        return h;
    }
    for (i, g) in groups.iter().enumerate() {
        let labels: Vec<&str> = g.labels.iter().map(|&l| lang.label(l)).collect();
        let _ = write!(
            h,
            "<div class=\"facts-group\">\n<h3>{}. « {} » <small>— {} articles<span class=\"facts-lab\">, {}</span></small></h3>\n",
            i + 1,
            esc(&g.key),
            g.articles,
            esc(&labels.join(" / "))
        );
        for m in &g.members {
            let quoted = if m.voice == "quoted" { format!(" <small>({})</small>", esc(ui.facts_quoted)) } else { String::new() };
            let lab = if answers {
                format!("<span class=\"facts-lab\">{}</span>", esc(lang.label(m.label)))
            } else {
                format!("<span class=\"facts-lab\">{}</span><span class=\"facts-lab-blank\">________</span>", esc(lang.label(m.label)))
            };
            let _ = writeln!(
                h,
                "<div class=\"facts-row\"><span class=\"facts-art\">{}</span>{}<span class=\"facts-text\">[{}] {}{}</span></div>",
                esc(&m.article),
                lab,
                m.number,
                html_sentence(m),
                quoted
            );
        }
        h.push_str("</div>\n");
    }
    h.push_str("</section>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Label;
    use crate::facts::insert_html_section;

    fn member() -> FactMember {
        FactMember {
            article: "<b>A</b>".into(),
            number: 1,
            sentence: "Selon « X », 5 < 6 & été.".into(),
            label: Label::Attributed,
            voice: "own".into(),
            markers: vec![],
            article_index: 0,
            marker_spans: vec![(0, 5)],
        }
    }

    #[test]
    fn html_escapes_and_highlights_markers_on_char_boundaries() {
        let m = member();
        assert_eq!(html_sentence(&m), "<mark>Selon</mark> « X », 5 &lt; 6 &amp; été.");
        let g = FactGroup { key: "<script>".into(), labels: vec![Label::Attributed], articles: 2, members: vec![m] };
        let h = facts_section(&[g], false, Lang::Fr);
        assert!(!h.contains("<script>") && !h.contains("<b>A</b>"), "{h}");
        assert!(h.contains("&lt;script&gt;") && h.contains("facts-lab-blank"));
        let page = insert_html_section("<main><section id=\"articles\"></section></main>", "<section id=\"facts\"></section>");
        assert_eq!(page, "<main><section id=\"facts\"></section><section id=\"articles\"></section></main>");
    }

    #[test]
    fn the_section_follows_the_page_language() {
        let mut quoted = member();
        quoted.voice = "quoted".into();
        quoted.label = Label::Hedged;
        let g =
            FactGroup { key: "250 combattants".into(), labels: vec![Label::Attributed, Label::Hedged], articles: 2, members: vec![member(), quoted] };
        let fr = facts_section(std::slice::from_ref(&g), true, Lang::Fr);
        assert!(fr.contains(">Même fait, autres voix</h2>") && fr.contains("attribuée / prudente") && fr.contains("(citation)"), "{fr}");
        let en = facts_section(std::slice::from_ref(&g), true, Lang::En);
        assert!(en.contains(">Same fact, different voices</h2>") && en.contains("attributed / hedged") && en.contains("(quotation)"), "{en}");
        for word in ["Même fait", "affirme", "attribuée", "prudente", "citation", "Aucun"] {
            assert!(!en.contains(word), "{word} in {en}");
        }
        assert!(facts_section(&[], false, Lang::En).contains("<p>No fact in common found.</p>"));
        assert!(facts_section(&[], false, Lang::Fr).contains("<p>Aucun fait commun trouvé.</p>"));
    }
}
