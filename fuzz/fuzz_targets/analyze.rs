//! Bytes → decode (or lossy UTF-8 when decoding refuses them) → NFC → the whole analysis
//! (segment, match, classify with conditional readings, aggregate) → the JSON and text
//! reports. Checks the analysis contract of `hedge::invariants`; never a panic.
#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use hedge::lexicon::Lexicon;
use hedge::report::{self, Render};
use libfuzzer_sys::fuzz_target;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::embedded().expect("embedded lexicon"))
}

fuzz_target!(|data: &[u8]| {
    let text = hedge::input::decode("fuzz.txt", data).unwrap_or_else(|_| String::from_utf8_lossy(data).into_owned());
    let doc = hedge::extract::extract("fuzz", "fuzz.txt", text);
    let a = hedge::pipeline::analyze(&doc, lexicon());
    if let Err(e) = hedge::invariants::check_analysis(&doc.text, &a) {
        panic!("{e}\ntext: {:?}", doc.text);
    }
    let mut markers = BTreeMap::new();
    for m in a.sentences.iter().flat_map(|s| &s.markers) {
        let info = hedge::pipeline::marker_info(lexicon(), &m.id).expect("a marker id names a lexicon entry");
        markers.entry(m.id.clone()).or_insert(info);
    }
    let r = report::Report {
        schema: report::SCHEMA,
        scoring: report::Scoring { base: BTreeMap::new(), formula: report::FORMULA },
        included_parts: Vec::new(),
        articles: vec![report::Article {
            label: doc.label.clone(),
            file: doc.name.clone(),
            format: doc.format,
            encoding: doc.encoding.to_string(),
            summary: a.summary,
            sentences: a.sentences,
            parts: doc.parts.clone(),
            languages: doc.languages.clone(),
            text: Some(doc.text.clone()),
        }],
        markers,
        errors: Vec::new(),
    };
    let mut out = Vec::new();
    for style in [report::Style { color: false }, report::Style { color: true }] {
        report::Text.render(&r, style, &mut out).expect("text report");
        report::Json.render(&r, style, &mut out).expect("JSON report");
    }
});
