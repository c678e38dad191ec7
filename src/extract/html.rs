//! A saved web page → its main article as text and blocks.
//!
//! dom_smoothie (a port of Mozilla's Readability, the engine of Firefox's reader view) finds
//! the main content and drops navigation, menus, ads, scripts, share widgets and footers. We ask
//! it for Markdown (its formatted modes keep paragraphs apart; its raw mode glues them) and read
//! that Markdown with [`super::markdown`], so links and emphasis become plain words and headings
//! stay headings. The page title comes first (as a level-1 heading) when the content does not
//! start with it, and the byline Readability found comes next, as a byline block.

use dom_smoothie::{Config, Readability, TextMode};

use super::name::one_line;
use super::{markdown, normalise, Block, BlockKind};

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoArticle(pub String);

/// The main article of a page: its text and blocks, and the site name the page declares.
#[derive(Debug)]
pub struct Page {
    pub text: String,
    pub blocks: Vec<Block>,
    pub site: Option<String>,
}

/// Extracts the main article of an HTML page.
/// The deepest nesting of elements a page may have. Readability's work grows with the cube of
/// the depth (1,000 nested `<div>` took 3.6 s, 2,000 took 27 s, 10,000 over 2 minutes); at 512
/// it takes about half a second. Saved news pages nest a few dozen levels.
pub const MAX_DEPTH: usize = 512;

/// Are some elements of the page nested more than `max` levels deep? (One pass, no recursion.)
fn nested_deeper_than(doc: &dom_query::Document, max: usize) -> bool {
    let mut stack = Vec::new();
    if let Some(first) = doc.root().first_element_child() {
        stack.push((first, 1));
    }
    while let Some((node, depth)) = stack.pop() {
        if depth > max {
            return true;
        }
        if let Some(next) = node.next_element_sibling() {
            stack.push((next, depth));
        }
        if let Some(child) = node.first_element_child() {
            stack.push((child, depth + 1));
        }
    }
    false
}

/// The deepest nesting of the raw tags, an upper bound of the parsed depth but for tags whose end
/// tag may be left out (`<p>`, `<li>`, `<td>`…) or that never have one (`<br>`, `<img>`…), which
/// are not counted; comments and the text of `<script>` and `<style>` are skipped.
fn raw_depth(html: &str) -> usize {
    const UNCOUNTED: &[&str] = &[
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html",
        "head", "body", "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ];
    let b = html.as_bytes();
    let (mut i, mut depth, mut max) = (0, 0usize, 0usize);
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i += b[i..].windows(3).position(|w| w == b"-->").map_or(b.len() - i, |p| p + 3);
            continue;
        }
        let close = b.get(i) == Some(&b'/');
        let start = i + usize::from(close);
        let end = start + b[start..].iter().position(|c| !c.is_ascii_alphanumeric()).unwrap_or(b.len() - start);
        if end == start {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        let gt = b[end..].iter().position(|&c| c == b'>').map_or(b.len(), |p| end + p);
        if close {
            depth = depth.saturating_sub(usize::from(!UNCOUNTED.contains(&name.as_str())));
        } else if !UNCOUNTED.contains(&name.as_str()) && !html[..gt].ends_with('/') {
            depth += 1;
            max = max.max(depth);
            if name == "script" || name == "style" {
                // To its end tag, compared without case and without copying the rest.
                let from = gt.min(b.len());
                let n = name.len();
                i = (from..b.len())
                    .find(|&k| {
                        b[k] == b'<'
                            && b.get(k + 1) == Some(&b'/')
                            && b.get(k + 2..k + 2 + n).is_some_and(|w| w.eq_ignore_ascii_case(name.as_bytes()))
                    })
                    .unwrap_or(b.len());
                continue;
            }
        }
        i = gt.min(b.len());
    }
    max
}

pub fn to_text(html: &str) -> Result<Page, NoArticle> {
    let cfg = Config { text_mode: TextMode::Markdown, ..Default::default() };
    // One parse: the head's metadata is read first (Readability changes the tree), then forms
    // that are page furniture go, then Readability reads what is left.
    // The parser itself is quadratic in the depth (100,000 nested <div>: 20 s): a raw count
    // of the tags refuses such a page before it is parsed; the parsed tree is then measured.
    if raw_depth(html) > 4 * MAX_DEPTH {
        return Err(NoArticle(format!(
            "its elements are nested more than {MAX_DEPTH} levels deep: not read (the article extraction would take minutes; a saved news page nests far less)"
        )));
    }
    let doc = dom_query::Document::from(html);
    if nested_deeper_than(&doc, MAX_DEPTH) {
        return Err(NoArticle(format!(
            "its elements are nested more than {MAX_DEPTH} levels deep: not read (the article extraction would take minutes; a saved news page nests far less)"
        )));
    }
    let declared = super::name::declared_site(&doc);
    drop_furniture_forms(&doc);
    let mut r = Readability::with_document(doc, None, Some(cfg)).map_err(|e| NoArticle(e.to_string()))?;
    // The pre-check (`is_probably_readable`) is only a guess from the longest paragraphs: a
    // short news item fails it although the extraction finds its text. Extract anyway, and
    // judge what comes back.
    let readable = r.is_probably_readable();
    let article = r.parse().map_err(|e| NoArticle(format!("no main article found in this page ({e})")))?;
    // Invisible characters out and NFC before the blocks are found, so that offsets point into
    // the text shown.
    let (md, _) = normalise(article.text_content.to_string());
    let (body, body_blocks) = markdown::to_text(&md);
    let title = one_line(&normalise(article.title.clone()).0);
    let byline = article.byline.as_deref().map(|b| one_line(&normalise(b.to_string()).0)).filter(|b| !b.is_empty() && !body.contains(b.as_str()));

    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut push = |text: &mut String, s: &str, kind: BlockKind| {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        blocks.push(Block { span: text.len()..text.len() + s.len(), kind });
        text.push_str(s);
    };
    let starts_with_title = body_blocks.first().is_some_and(|b| same_words(&body[b.span.clone()], &title));
    if !title.is_empty() && !starts_with_title {
        push(&mut text, &title, BlockKind::Heading(1));
    }
    if let Some(b) = &byline {
        push(&mut text, b, BlockKind::Byline);
    }
    let shift = if text.is_empty() { 0 } else { text.len() + 2 };
    if !body.is_empty() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&body);
        blocks.extend(body_blocks.into_iter().map(|b| Block { span: b.span.start + shift..b.span.end + shift, kind: b.kind }));
    }
    if text.trim().is_empty() {
        return Err(NoArticle("no article text found in this page (nothing left once menus, links and scripts are removed)".into()));
    }
    if !readable && !is_prose(&text, &blocks) {
        let words = text.split_whitespace().count();
        return Err(NoArticle(format!(
            "no article found in this page: what is left once menus and links are removed ({words} words) holds no paragraph of running text"
        )));
    }
    let site = super::name::site_name(article.site_name.as_deref(), declared);
    Ok(Page { text, blocks, site })
}

/// Running text: at least one paragraph of [`MIN_PROSE_WORDS`] words or more that ends like a
/// sentence, and [`MIN_PROSE_WORDS`] words in such paragraphs in all.
fn is_prose(text: &str, blocks: &[Block]) -> bool {
    let words: usize = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem))
        .map(|b| text[b.span.clone()].trim_end_matches(['»', '"', '”', ')', ' ']))
        .filter(|p| p.ends_with(['.', '!', '?', '…']))
        .map(|p| p.split_whitespace().count())
        .filter(|&n| n >= 8)
        .sum();
    words >= MIN_PROSE_WORDS
}

/// Forms that are page furniture: a newsletter sign-up, a search box, a comment or contact form.
/// Readability may take such a form for the article when the article itself is short (a news
/// brief beside a sign-up form with a paragraph of legal text: the form has more text nodes);
/// no article is a form. A form that holds the page's title or article (`h1`, `article`,
/// `main`, `[itemprop=articleBody]`) stays: some sites (ASP.NET) wrap their whole page in one
/// `<form>`.
fn drop_furniture_forms(doc: &dom_query::Document) {
    for form in doc.select("form").iter() {
        if !form.select("h1, article, main, [itemprop=articleBody]").exists() {
            form.remove();
        }
    }
}

/// The fewest words of running text an article must have (see [`is_prose`]).
const MIN_PROSE_WORDS: usize = 25;

fn same_words(a: &str, b: &str) -> bool {
    one_line(a) == one_line(b)
}
