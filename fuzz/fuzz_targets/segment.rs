//! Any text → sentences and quotations: the segmentation contract of `hedge::invariants`
//! (sentences on character boundaries, in order, tiling the text; quotations well nested).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let seg = hedge::segment::segment(&text, hedge::segment::SegmentRules::embedded());
    if let Err(e) = hedge::invariants::check_segmented(&text, &seg) {
        panic!("{e}\ntext: {text:?}");
    }
});
