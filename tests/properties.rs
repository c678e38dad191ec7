//! Property tests: on generated French-like news text (accents, « » “ ” " quotations, ’
//! apostrophes, ellipses, abbreviations, initials, numbers, list lines, line breaks, reporting
//! verbs, conditionals and other lexicon words) and on arbitrary Unicode or bytes, the stages
//! keep their contract (`hedge::invariants`) and never panic:
//! - every sentence span lies on character boundaries inside the text; sentences are in
//!   order, do not overlap, and tile the text: what lies between (and around) them is white
//!   space only, and each sentence starts and ends with a visible character;
//! - every marker span lies on character boundaries inside its sentence;
//! - the figures add up; decoding refuses or returns real text.
//!
//! The case counts keep this suite at about a second in the debug profile; raise them locally
//! with `PROPTEST_CASES=5000 cargo test --test properties`.

use std::sync::OnceLock;

use hedge::extract::extract;
use hedge::invariants::{check_analysis, check_segmented, check_tiling};
use hedge::lexicon::Lexicon;
use hedge::matcher::match_document;
use hedge::pipeline::analyze;
use hedge::segment::{segment, SegmentRules};
use proptest::prelude::*;

/// The number of cases: `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::embedded().expect("embedded lexicon"))
}

/// Pieces of French news text that exercise the segmentation and matching rules.
const PIECES: &[&str] = &[
    // words, accents, capitals
    "le",
    "la",
    "les",
    "des",
    "un",
    "une",
    "et",
    "à",
    "où",
    "été",
    "Été",
    "ÉTAT",
    "Etat",
    "État",
    "président",
    "Raqqa",
    "convoi",
    "camions",
    "combattants",
    "famille",
    "l’armée",
    "l'armée",
    "aujourd’hui",
    "qu’il",
    "c'est",
    "Il",
    "Elle",
    "Le",
    "La",
    "Les",
    "Selon",
    "Mais",
    "Puis",
    "On",
    "ça",
    "œuvre",
    "naïf",
    "garçon",
    "Ça",
    // lexicon words: sources, reporting verbs, hedges, boosters
    "selon",
    "d’après",
    "d'après",
    "a déclaré",
    "affirme-t-il",
    "a-t-elle indiqué",
    "confirme",
    "révèle",
    "publiée",
    "il semble",
    "semble-t-il",
    "probablement",
    "peut-être",
    "sans doute",
    "présumé",
    "évidemment",
    "de toute évidence",
    "C’est en tout cas ce qu’affirment",
    "selon que",
    "selon moi",
    "si l'on en croit",
    // conditionals and look-alikes
    "aurait",
    "auraient",
    "serait",
    "seraient",
    "pourrait",
    "devrait",
    "aurais",
    "voudrais",
    "faudrait",
    "aurait pu",
    "aurait été",
    "tirait",
    "portrait",
    "frais",
    "si",
    "s'il",
    "sans",
    "en cas de",
    // abbreviations, initials, numbers, URLs
    "M.",
    "Mme",
    "Dr.",
    "etc.",
    "av. J.-C.",
    "J.-M.",
    "George W. Bush",
    "J.R.R.",
    "3.5",
    "42.000",
    "27,10 %",
    "1er",
    "www.site.fr",
    "a.b@c.fr",
    "(…)",
    "[...]",
    "n°",
    "2017",
    "XIXe",
    // punctuation, quotation marks, apostrophes, ellipses
    ".",
    ".",
    ". ",
    "!",
    "?",
    "?!",
    "…",
    "...",
    ";",
    ":",
    ",",
    "« ",
    " »",
    "«\u{a0}",
    "\u{a0}»",
    "«",
    "»",
    "“",
    "”",
    "\"",
    "’",
    "'",
    "(",
    ")",
    "[",
    "]",
    "-",
    "–",
    "—",
    "*",
    "_",
    // white space and line structure
    " ",
    " ",
    " ",
    "\u{a0}",
    "\u{202f}",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\u{2028}",
    "\n- ",
    "\n1. ",
    "\n2 Des",
    "\n• ",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "\\PC{0,6}",
    ]
}

/// French-like text: pieces mostly separated by a space, sometimes glued.
fn french_text() -> impl Strategy<Value = String> {
    proptest::collection::vec((piece(), proptest::bool::weighted(0.7)), 0..80).prop_map(|v| {
        let mut s = String::new();
        for (p, space) in v {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

/// Either French-like text or arbitrary Unicode.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![4 => french_text(), 1 => any::<String>()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(1024), ..ProptestConfig::default() })]

    #[test]
    fn sentences_tile_the_text_and_quotations_nest(text in any_text()) {
        let seg = segment(&text, SegmentRules::embedded());
        if let Err(e) = check_segmented(&text, &seg) {
            return Err(TestCaseError::fail(format!("{e}\ntext: {text:?}")));
        }
        // Every visible character is in a sentence: there is a sentence iff the text is not blank.
        prop_assert_eq!(seg.sentences.is_empty(), text.trim().is_empty());
    }

    #[test]
    fn markers_lie_inside_their_sentence(text in any_text()) {
        let seg = segment(&text, SegmentRules::embedded());
        let matched = match_document(&text, &seg, lexicon());
        prop_assert_eq!(matched.len(), seg.sentences.len());
        for (s, m) in seg.sentences.iter().zip(&matched) {
            for t in &m.tokens {
                prop_assert!(s.span.start <= t.span.start && t.span.end <= s.span.end);
                prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            }
            for h in &m.hits {
                prop_assert!(s.span.start <= h.span.start && h.span.start < h.span.end && h.span.end <= s.span.end,
                    "hit {:?} outside sentence {:?} in {:?}", h.span, s.span, text);
                prop_assert!(text.is_char_boundary(h.span.start) && text.is_char_boundary(h.span.end));
                prop_assert!(h.tokens.start < h.tokens.end && h.tokens.end <= m.tokens.len());
                prop_assert_eq!(h.span.start, m.tokens[h.tokens.start].span.start);
                prop_assert_eq!(h.span.end, m.tokens[h.tokens.end - 1].span.end);
            }
        }
    }
}

/// Words as the tokenizer defines them, char by char (the reference for its byte-class fast
/// path): maximal runs of alphanumeric characters.
fn reference_words(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    out.extend(start.map(|s| s..text.len()));
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(1024), ..ProptestConfig::default() })]

    #[test]
    fn words_are_the_runs_of_alphanumeric_characters(text in any_text(), base in 0usize..1000) {
        let got: Vec<_> = hedge::token::tokenize(&text, base).into_iter().map(|t| t.span.start - base..t.span.end - base).collect();
        prop_assert_eq!(got, reference_words(&text));
    }

    #[test]
    fn memoised_word_facts_are_the_computed_ones(text in any_text()) {
        let lex = lexicon();
        let (mut a, mut b) = (String::new(), String::new());
        hedge::words::WordMemo::with(lex, |memo| {
            for r in reference_words(&text) {
                let w = &text[r];
                prop_assert_eq!(memo.facts(w, lex), hedge::words::WordFacts::compute(w, lex, &mut a, &mut b), "{:?}", w);
            }
            Ok(())
        })?;
    }
}

proptest! {
    // The whole analysis is slower (conditional readings): fewer cases.
    #![proptest_config(ProptestConfig { cases: cases(512), ..ProptestConfig::default() })]

    #[test]
    fn the_analysis_keeps_its_contract_and_is_deterministic(text in any_text()) {
        let doc = extract("prop", "prop.txt", text);
        let a = analyze(&doc, lexicon());
        if let Err(e) = check_analysis(&doc.text, &a) {
            return Err(TestCaseError::fail(format!("{e}\ntext: {:?}", doc.text)));
        }
        let again = analyze(&doc, lexicon());
        prop_assert_eq!(serde_json::to_string(&a.sentences).unwrap(), serde_json::to_string(&again.sentences).unwrap());
        prop_assert_eq!(a.summary, again.summary);
    }

    #[test]
    fn decoding_refuses_or_gives_real_text(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        match hedge::input::decode("x.txt", &bytes) {
            Ok(text) => {
                prop_assert!(!text.trim().is_empty());
                prop_assert!(!text.contains('\0'));
            }
            Err(p) => {
                prop_assert_eq!(p.name, "x.txt");
                prop_assert!(!p.message.is_empty());
            }
        }
    }

    #[test]
    fn text_round_trips_through_utf8_and_utf16_decoding(text in french_text()) {
        // UTF-8: a leading byte-order mark is dropped, the rest is kept as is.
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let utf8 = hedge::input::decode("x.txt", text.as_bytes());
        if !body.trim().is_empty() && !body.contains('\0') {
            prop_assert_eq!(utf8.ok(), Some(body.to_string()));
        } else {
            prop_assert!(utf8.is_err());
        }
        // UTF-16 with its byte-order mark: everything after the mark is the text.
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        for bytes in [le, be] {
            let r = hedge::input::decode("x.txt", &bytes);
            if !text.trim().is_empty() && !text.contains('\0') {
                prop_assert_eq!(r.ok(), Some(text.clone()));
            } else {
                prop_assert!(r.is_err());
            }
        }
    }
}

/// The tiling check itself must reject what is not a tiling (so that the properties above
/// can fail).
#[test]
fn the_tiling_check_rejects_gaps_overlaps_and_untrimmed_spans() {
    let tile = |text: &str, spans: &[(usize, usize)]| {
        let spans: Vec<std::ops::Range<usize>> = spans.iter().map(|&(a, b)| a..b).collect();
        check_tiling(text, &spans)
    };
    let text = "Un. Deux.";
    assert!(tile(text, &[(0, 3), (4, 9)]).is_ok());
    assert!(tile(text, &[(0, 3)]).unwrap_err().contains("after the last sentence"));
    assert!(tile(text, &[(4, 9)]).unwrap_err().contains("belongs to no sentence"));
    assert!(tile(text, &[(0, 4), (4, 9)]).unwrap_err().contains("white space"));
    assert!(tile(text, &[(0, 5), (4, 9)]).unwrap_err().contains("overlaps"));
    assert!(tile("été", &[(0, 1), (1, 5)]).unwrap_err().contains("character boundaries"));
    assert!(tile(text, &[(0, 3), (4, 10)]).unwrap_err().contains("outside the text"));
}
