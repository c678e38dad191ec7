//! The verb-form table in its compiled, binary form: built from the TSV once (by `build.rs` for
//! the embedded table, or at run time for a table given as text), then looked up in place with
//! no parsing, no allocation and no start-up cost.
//!
//! This file has no dependency on the rest of the crate: `build.rs` includes it with `#[path]`.
//!
//! Layout: little-endian `u32` words, then the string bytes.
//! ```text
//! header      MAGIC, forms, lemmas, readings, slots, cond_suffixes, cond_min_len, bloom_words
//! form_str    forms + 1   offsets of each form in `strings` (forms sorted by bytes)
//! form_read   forms + 1   first reading of each form (its readings are consecutive, file order)
//! reading     readings    lemma << 8 | tags
//! read_form   readings    the form of each reading
//! lemma_str   lemmas + 1  offsets of each lemma in `strings` (lemmas sorted by bytes)
//! lemma_read  lemmas + 1  first entry of each lemma in `by_lemma`
//! by_lemma    readings    reading ids grouped by lemma, forms in sorted order
//! slots       slots       open-addressing hash table (FNV-1a, linear probing): form id + 1, 0 = empty
//! cond_suf    cond_suffixes  the distinct last 3 bytes of the conditional forms (a quick filter)
//! bloom       bloom_words    a Bloom filter of the forms (two bits each, about 10 bits per form):
//!                            most words of a text are not verb forms, and the filter, small
//!                            enough to stay in cache, says so without touching `slots`
//! strings     bytes
//! ```
#![allow(dead_code)]

pub const MAGIC: u32 = 0x4856_4632; // "HVF2"
pub const HEADER_WORDS: usize = 8;
/// Length of the suffixes of the conditional quick filter.
pub const SUFFIX: usize = 3;

/// Tag bits, in the order of the tag names.
pub const TAG_NAMES: [&str; 8] = ["cond", "ind", "subj", "imp", "inf", "ppr", "ppas", "nonverb"];

/// The hash of a form (FNV-1a 64, folded).
#[inline]
pub fn hash(s: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^ (h >> 29)
}

/// The two bits of a form's hash in a Bloom filter of `bits` bits (a power of two).
#[inline]
pub fn bloom_bits(h: u64, bits: usize) -> (usize, usize) {
    let g = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let log = bits.trailing_zeros();
    ((g >> (64 - log)) as usize, (g >> 7) as usize & (bits - 1))
}

/// The last [`SUFFIX`] bytes of a word packed in a u32 (None if the word is shorter).
#[inline]
pub fn suffix_key(w: &[u8]) -> Option<u32> {
    let n = w.len();
    (n >= SUFFIX).then(|| u32::from(w[n - 3]) << 16 | u32::from(w[n - 2]) << 8 | u32::from(w[n - 1]))
}

/// Compiles the TSV text (`form<TAB>lemma<TAB>tags`, `#` comments) into the binary table.
/// Errors name the line.
pub fn compile(text: &str) -> Result<Vec<u8>, String> {
    // (form, lemma, tags) in file order.
    let mut rows: Vec<(&str, &str, u32)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(form), Some(lemma), Some(tags), None) = (cols.next(), cols.next(), cols.next(), cols.next()) else {
            return Err(format!("line {}: expected form<TAB>lemma<TAB>tags", i + 1));
        };
        let mut t = 0u32;
        for tag in tags.split(',') {
            let bit = TAG_NAMES.iter().position(|n| *n == tag).ok_or_else(|| format!("line {}: unknown tag {tag:?}", i + 1))?;
            t |= 1 << bit;
        }
        rows.push((form, lemma, t));
    }
    let mut forms: Vec<&str> = rows.iter().map(|r| r.0).collect();
    forms.sort_unstable();
    forms.dedup();
    let mut lemmas: Vec<&str> = rows.iter().map(|r| r.1).collect();
    lemmas.sort_unstable();
    lemmas.dedup();
    let form_id = |f: &str| forms.binary_search(&f).unwrap() as u32;
    let lemma_id = |l: &str| lemmas.binary_search(&l).unwrap() as u32;

    // Readings grouped by form (stable: file order within a form).
    let mut order: Vec<(u32, u32, u32)> = rows.iter().map(|&(f, l, t)| (form_id(f), lemma_id(l), t)).collect();
    order.sort_by_key(|r| r.0);
    let mut form_read = vec![0u32; forms.len() + 1];
    for r in &order {
        form_read[r.0 as usize + 1] += 1;
    }
    for i in 0..forms.len() {
        form_read[i + 1] += form_read[i];
    }
    let reading: Vec<u32> = order.iter().map(|&(_, l, t)| l << 8 | t).collect();
    let read_form: Vec<u32> = order.iter().map(|r| r.0).collect();
    // Readings grouped by lemma, in form order (order is sorted by form already).
    let mut by_lemma_ids: Vec<u32> = (0..order.len() as u32).collect();
    by_lemma_ids.sort_by_key(|&i| order[i as usize].1);
    let mut lemma_read = vec![0u32; lemmas.len() + 1];
    for r in &order {
        lemma_read[r.1 as usize + 1] += 1;
    }
    for i in 0..lemmas.len() {
        lemma_read[i + 1] += lemma_read[i];
    }

    let mut strings: Vec<u8> = Vec::new();
    let mut form_str = Vec::with_capacity(forms.len() + 1);
    for f in &forms {
        form_str.push(strings.len() as u32);
        strings.extend_from_slice(f.as_bytes());
    }
    form_str.push(strings.len() as u32);
    let mut lemma_str = Vec::with_capacity(lemmas.len() + 1);
    for l in &lemmas {
        lemma_str.push(strings.len() as u32);
        strings.extend_from_slice(l.as_bytes());
    }
    lemma_str.push(strings.len() as u32);

    let nslots = (forms.len() * 2).next_power_of_two().max(8);
    let mut slots = vec![0u32; nslots];
    for (i, f) in forms.iter().enumerate() {
        let mut s = hash(f.as_bytes()) as usize & (nslots - 1);
        while slots[s] != 0 {
            s = (s + 1) & (nslots - 1);
        }
        slots[s] = i as u32 + 1;
    }

    // Conditional quick filter: the words that can be conditionals end with one of few suffixes.
    let cond: Vec<&[u8]> = rows.iter().filter(|r| r.2 & 1 != 0).map(|r| r.0.as_bytes()).collect();
    let cond_min_len = cond.iter().map(|f| f.len()).min().unwrap_or(0).max(SUFFIX);
    let mut cond_suf: Vec<u32> = cond.iter().map(|f| suffix_key(f).unwrap_or(0)).collect();
    cond_suf.sort_unstable();
    cond_suf.dedup();

    let bloom_words = (forms.len() * 10 / 32).next_power_of_two().max(2);
    let mut bloom = vec![0u32; bloom_words];
    for f in &forms {
        let (a, b) = bloom_bits(hash(f.as_bytes()), bloom_words * 32);
        bloom[a / 32] |= 1 << (a % 32);
        bloom[b / 32] |= 1 << (b % 32);
    }

    let mut out: Vec<u32> = vec![
        MAGIC,
        forms.len() as u32,
        lemmas.len() as u32,
        reading.len() as u32,
        nslots as u32,
        cond_suf.len() as u32,
        cond_min_len as u32,
        bloom_words as u32,
    ];
    for section in [&form_str, &form_read, &reading, &read_form, &lemma_str, &lemma_read, &by_lemma_ids, &slots, &cond_suf, &bloom] {
        out.extend_from_slice(section);
    }
    let mut bytes: Vec<u8> = out.iter().flat_map(|w| w.to_le_bytes()).collect();
    bytes.extend_from_slice(&strings);
    Ok(bytes)
}

/// Where each section starts (in u32 words) in a compiled table.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sections {
    pub forms: usize,
    pub lemmas: usize,
    pub readings: usize,
    pub slots: usize,
    pub form_str: usize,
    pub form_read: usize,
    pub reading: usize,
    pub read_form: usize,
    pub lemma_str: usize,
    pub lemma_read: usize,
    pub by_lemma: usize,
    pub slot: usize,
    pub cond_suf: usize,
    pub cond_suffixes: usize,
    pub cond_min_len: usize,
    pub bloom: usize,
    pub bloom_words: usize,
    /// Byte offset of the strings.
    pub strings: usize,
}

impl Sections {
    /// Reads the header; None if the bytes are not a table.
    pub fn read(bytes: &[u8]) -> Option<Sections> {
        let w = |i: usize| bytes.get(i * 4..i * 4 + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
        if w(0)? != MAGIC as usize {
            return None;
        }
        let (forms, lemmas, readings, slots, cond_suffixes, cond_min_len, bloom_words) = (w(1)?, w(2)?, w(3)?, w(4)?, w(5)?, w(6)?, w(7)?);
        let form_str = HEADER_WORDS;
        let form_read = form_str + forms + 1;
        let reading = form_read + forms + 1;
        let read_form = reading + readings;
        let lemma_str = read_form + readings;
        let lemma_read = lemma_str + lemmas + 1;
        let by_lemma = lemma_read + lemmas + 1;
        let slot = by_lemma + readings;
        let cond_suf = slot + slots;
        let bloom = cond_suf + cond_suffixes;
        let strings = (bloom + bloom_words) * 4;
        (bytes.len() >= strings && slots.is_power_of_two() && bloom_words.is_power_of_two()).then_some(Sections {
            forms,
            lemmas,
            readings,
            slots,
            form_str,
            form_read,
            reading,
            read_form,
            lemma_str,
            lemma_read,
            by_lemma,
            slot,
            cond_suf,
            cond_suffixes,
            cond_min_len,
            bloom,
            bloom_words,
            strings,
        })
    }
}
