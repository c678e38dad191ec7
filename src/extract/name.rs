//! A readable name for an article when the user gave none (issue 15): a saved page is named
//! by its site (`og:site_name`, `application-name`, the domain of its canonical address) and
//! its title; a text or Markdown file by its file name and its first heading. `--label` and a
//! directory's `labels.tsv` always win (see `input::Planned::label_given`).
//!
//! Only names are made here; the page's head is read in [`super::html`] from the one parse.

use std::path::Path;

/// The longest title kept in a name, in characters (a table column and a chart label must
/// stay readable); a longer title is cut at a word and ends with « … ».
pub const MAX_TITLE_CHARS: usize = 48;

/// What a page's head says of its site, read before Readability changes the tree.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DeclaredSite {
    og_site_name: Option<String>,
    application_name: Option<String>,
    title: Option<String>,
    canonical: Option<String>,
}

/// Reads the site name candidates of a parsed page (see [`site_name`]).
pub fn declared_site(doc: &dom_query::Document) -> DeclaredSite {
    let attr = |sel: &str, a: &str| doc.select(sel).attr(a).map(|c| c.to_string()).filter(|c| !c.trim().is_empty());
    DeclaredSite {
        og_site_name: attr("meta[property='og:site_name']", "content"),
        application_name: attr("meta[name=application-name]", "content"),
        title: Some(doc.select("head title").text().to_string()).filter(|t| !t.trim().is_empty()),
        canonical: attr("link[rel=canonical]", "href").or_else(|| attr("meta[property='og:url']", "content")),
    }
}

/// The site name of a page: what Readability found (`og:site_name`, the publisher of its
/// JSON-LD), else `og:site_name` or `<meta name="application-name">`, else the last « | »
/// segment of its `<title>`, else the domain of `<link rel="canonical">` or `og:url`. A site
/// name with a tagline (« AOC media - Analyse Opinion Critique ») keeps its first segment.
pub fn site_name(found: Option<&str>, d: DeclaredSite) -> Option<String> {
    let clean = |s: &str| -> Option<String> {
        let s = one_line(s);
        let first = [" - ", " | ", " – ", " — ", " : "].iter().fold(s.as_str(), |acc, sep| acc.split(sep).next().unwrap_or(acc)).trim();
        (!first.is_empty() && first.chars().count() <= 40).then(|| first.to_string())
    };
    // « La voix des nuls | ARTE Radio »: the segment after the last « | » of the page title.
    let title_tail = d.title.as_deref().and_then(|t| t.rsplit_once(" | ")).map(|(_, tail)| tail.to_string());
    [found.map(str::to_string), d.og_site_name, d.application_name, title_tail]
        .into_iter()
        .flatten()
        .find_map(|s| clean(&s))
        .or_else(|| d.canonical.as_deref().and_then(domain))
}

/// The host of an absolute http(s) address, without `www.`.
fn domain(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (host.contains('.') && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')).then(|| host.to_string())
}

/// The name shown for an article: `who · title`, where `who` is the site (a page) or the file
/// name without its extension (a text or Markdown file), and the title loses a trailing
/// « - Site » / « | Site » and is shortened. None when there is no title and no site.
pub fn article_name(site: Option<&str>, file: &str, title: Option<&str>) -> Option<String> {
    let who = match site {
        Some(s) => Some(s.to_string()),
        None => Path::new(file).file_stem().map(|s| s.to_string_lossy().to_string()).filter(|s| !s.is_empty() && file != "<stdin>"),
    };
    let title = title.map(|t| strip_site(&one_line(t), site)).filter(|t| !t.is_empty()).map(|t| shorten(&t, MAX_TITLE_CHARS));
    match (who, title) {
        (Some(w), Some(t)) => Some(format!("{w} · {t}")),
        (None, Some(t)) => Some(t),
        _ => site.map(|s| s.to_string()),
    }
}

/// « Titre | Le Monde » → « Titre » when the last segment names the site.
fn strip_site(title: &str, site: Option<&str>) -> String {
    let Some(site) = site else { return title.to_string() };
    let key = |s: &str| s.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let site_key = key(site);
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some(i) = title.rfind(sep) {
            let tail = key(&title[i + sep.len()..]);
            if !tail.is_empty() && !site_key.is_empty() && (tail.contains(&site_key) || site_key.contains(&tail)) {
                return title[..i].trim().to_string();
            }
        }
    }
    title.to_string()
}

/// At most `max` characters, cut at a word, with « … » when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let at_word = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end_matches([' ', ',', ';', ':', '-', '–']))
}

/// White space runs folded to one space, ends trimmed.
pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site_of(html: &str) -> Option<String> {
        site_name(None, declared_site(&dom_query::Document::from(html)))
    }

    #[test]
    fn a_page_is_named_by_its_site_and_title() {
        let html = r#"<html><head><meta property="og:site_name" content="Le Devoir"><title>x</title></head><body></body></html>"#;
        let site = site_of(html);
        assert_eq!(site.as_deref(), Some("Le Devoir"));
        let name = article_name(site.as_deref(), "page.html", Some("La fin des trottinettes en libre-service | Le Devoir"));
        assert_eq!(name.as_deref(), Some("Le Devoir · La fin des trottinettes en libre-service"));
    }

    #[test]
    fn the_site_falls_back_to_application_name_then_the_canonical_domain() {
        let app = r#"<head><meta name="application-name" content="l'Opinion"></head>"#;
        assert_eq!(site_of(app).as_deref(), Some("l'Opinion"));
        let canon = r#"<HEAD><link rel="canonical" href="https://www.laviedesidees.fr/L-evaluation.html"></HEAD><body>"#;
        assert_eq!(site_of(canon).as_deref(), Some("laviedesidees.fr"));
        let titled = r#"<head><title>La voix des nuls | ARTE Radio</title></head>"#;
        assert_eq!(site_of(titled).as_deref(), Some("ARTE Radio"));
        // A relative canonical address names no site.
        assert_eq!(site_of(r#"<head><link rel="canonical" href="/son/1"></head>"#), None);
    }

    #[test]
    fn a_tagline_is_dropped_from_the_site_name() {
        assert_eq!(site_name(Some("AOC media - Analyse Opinion Critique"), DeclaredSite::default()).as_deref(), Some("AOC media"));
    }

    #[test]
    fn a_text_file_is_named_by_its_file_and_first_heading() {
        let name = article_name(None, "dossier/lemonde.txt", Some("Raqqa : des centaines de djihadistes ont pu quitter la ville sous escorte"));
        assert_eq!(name.as_deref(), Some("lemonde · Raqqa : des centaines de djihadistes ont pu…"));
        assert_eq!(article_name(None, "lemonde.txt", None), None);
        assert_eq!(article_name(None, "<stdin>", Some("Titre")).as_deref(), Some("Titre"));
        assert_eq!(article_name(None, "<stdin>", None), None);
    }

    #[test]
    fn shortening_cuts_at_a_word() {
        assert_eq!(shorten("court", 10), "court");
        assert_eq!(shorten("un deux trois quatre cinq", 12), "un deux…");
        assert!(shorten(&"x".repeat(100), 10).chars().count() == 11);
    }
}
