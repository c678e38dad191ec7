//! Bytes → input decoding (BOM, UTF-8, UTF-16) → NFC extraction. Decoding either gives text
//! with a visible character and no NUL, or a problem naming the input; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match hedge::input::decode("fuzz.txt", data) {
        Ok(text) => {
            assert!(!text.trim().is_empty(), "decoded text is blank: {text:?}");
            assert!(!text.contains('\0'), "decoded text has a NUL: {text:?}");
            let doc = hedge::extract::extract("fuzz", "fuzz.txt", text);
            assert!(!doc.text.trim().is_empty());
        }
        Err(p) => {
            assert_eq!(p.name, "fuzz.txt");
            assert!(!p.message.is_empty());
        }
    }
});
