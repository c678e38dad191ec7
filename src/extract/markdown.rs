//! Markdown → text and blocks. Markup is dropped from the text that is scored: a link keeps its
//! words, emphasis its words, an image nothing; headings become heading blocks; a soft line
//! break is a space (as Markdown renders it), a hard one a line break; blocks are separated by a
//! blank line. Raw HTML inside the Markdown is dropped. An emphasis mark that does not pair up
//! (`**Qualifié de *****"gourou"**`, as written by hand or left by an HTML page's empty `<b></b>`)
//! is markup too: it is dropped, never left as a literal `*` or `_`; an escaped one (`\*`) is
//! text and stays.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Block, BlockKind};

/// Converts Markdown to plain text with its blocks.
pub fn to_text(md: &str) -> (String, Vec<Block>) {
    let mut out = String::with_capacity(md.len());
    let mut blocks = Vec::new();
    let mut open: Option<(usize, BlockKind)> = None;
    let mut item_depth = 0usize;
    let mut image_depth = 0usize;
    let mut in_code_block = false;
    let close = |out: &mut String, blocks: &mut Vec<Block>, open: &mut Option<(usize, BlockKind)>| {
        if let Some((start, kind)) = open.take() {
            // Trim the block's own white space so that spans start and end on text.
            while out.len() > start && out.ends_with(|c: char| c.is_whitespace()) {
                out.pop();
            }
            let lead = out[start..].len() - out[start..].trim_start().len();
            if out.len() > start + lead {
                blocks.push(Block { span: start + lead..out.len(), kind });
                out.push_str("\n\n");
            } else {
                out.truncate(start);
            }
        }
    };
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for (ev, range) in Parser::new_ext(md, opts).into_offset_iter() {
        match ev {
            Event::Text(t) if image_depth == 0 && !in_code_block && is_stray_emphasis(&t, md, range.clone()) => {}
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    close(&mut out, &mut blocks, &mut open);
                    open = Some((out.len(), BlockKind::Heading(level as u8)));
                }
                Tag::Paragraph | Tag::CodeBlock(_) | Tag::TableRow | Tag::TableHead => {
                    close(&mut out, &mut blocks, &mut open);
                    in_code_block = matches!(tag, Tag::CodeBlock(_));
                    let kind = if item_depth > 0 { BlockKind::ListItem } else { BlockKind::Paragraph };
                    open = Some((out.len(), kind));
                }
                Tag::Item => {
                    close(&mut out, &mut blocks, &mut open);
                    item_depth += 1;
                    open = Some((out.len(), BlockKind::ListItem));
                }
                Tag::Image { .. } => image_depth += 1,
                Tag::TableCell if open.as_ref().is_some_and(|(s, _)| out.len() > *s) => out.push_str(" · "),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::TableRow | TagEnd::TableHead => {
                    in_code_block = false;
                    close(&mut out, &mut blocks, &mut open);
                }
                TagEnd::Item => {
                    close(&mut out, &mut blocks, &mut open);
                    item_depth = item_depth.saturating_sub(1);
                }
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) | Event::Code(t) if image_depth == 0 => {
                if open.is_none() {
                    open = Some((out.len(), BlockKind::Paragraph));
                }
                if in_code_block {
                    out.push_str(t.trim_end_matches('\n'));
                } else {
                    out.push_str(&t);
                }
            }
            Event::SoftBreak if image_depth == 0 => out.push(' '),
            Event::HardBreak if image_depth == 0 => {
                while out.ends_with([' ', '\t']) {
                    out.pop();
                }
                out.push('\n');
            }
            _ => {}
        }
    }
    close(&mut out, &mut blocks, &mut open);
    while out.ends_with('\n') {
        out.pop();
    }
    (out, blocks)
}

/// Is this text event an emphasis delimiter that did not pair up? The parser hands such a
/// delimiter out as a text event of its own, its source the same characters, not escaped.
fn is_stray_emphasis(t: &str, md: &str, range: std::ops::Range<usize>) -> bool {
    !t.is_empty() && t.chars().all(|c| c == '*' || c == '_') && md.get(range.clone()) == Some(t) && !md[..range.start].ends_with('\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(md: &str) -> Vec<(String, BlockKind)> {
        let (t, b) = to_text(md);
        b.iter().map(|b| (t[b.span.clone()].to_string(), b.kind)).collect()
    }

    #[test]
    fn markup_is_dropped_and_headings_kept() {
        let md = "# Le titre\n\nPar [Marie Dupont](https://x.fr/md)\n\nUn **accord** aurait été *conclu*, selon l'[AFP](#).\nSuite du paragraphe.\n\n## Intertitre\n\n- un point\n- autre point\n\n![photo](a.jpg)\n\nPrix : 600 \\$.";
        let got = texts(md);
        assert_eq!(
            got,
            vec![
                ("Le titre".into(), BlockKind::Heading(1)),
                ("Par Marie Dupont".into(), BlockKind::Paragraph),
                ("Un accord aurait été conclu, selon l'AFP. Suite du paragraphe.".into(), BlockKind::Paragraph),
                ("Intertitre".into(), BlockKind::Heading(2)),
                ("un point".into(), BlockKind::ListItem),
                ("autre point".into(), BlockKind::ListItem),
                ("Prix : 600 $.".into(), BlockKind::Paragraph),
            ]
        );
    }

    #[test]
    fn emphasis_marks_never_stay_as_literal_asterisks() {
        let (t, _) = to_text("**Qualifié de *****\"gourou\"** par ses proches, *il* ***\"surnommait****le Grand***");
        assert_eq!(t, "Qualifié de \"gourou\" par ses proches, il \"surnommaitle Grand");
        // Escaped marks, and marks inside words or code, are text.
        let (t, _) = to_text("5 \\* 3 = 15, un_mot_ici, `a*b` et a\\*");
        assert_eq!(t, "5 * 3 = 15, un_mot_ici, a*b et a*");
    }

    #[test]
    fn hard_breaks_are_line_breaks_and_html_is_dropped() {
        let (t, b) = to_text("Source : X  \nCopyright © Y\n\n<div>menu</div>\n\nFin.");
        assert_eq!(t, "Source : X\nCopyright © Y\n\nFin.");
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn empty_and_odd_inputs_do_not_panic() {
        for md in [
            "",
            "#",
            "a\n\n![img](x.png)\n\nb",
            "> ![x](y)\n\n- ![z](w)",
            "**",
            "[](",
            "> \n>",
            "- \n-",
            "|a|b|\n|-|-|\n|c|d|",
            "```\ncode\n```",
            "\u{0}",
        ] {
            let (t, b) = to_text(md);
            for bl in &b {
                assert!(t.is_char_boundary(bl.span.start) && bl.span.end <= t.len());
            }
        }
    }
}
