//! Embeds every lexicon family file of `lexicons/markers/fr/*.toml`, so that adding a family is adding
//! a data file, not code; and compiles the verb-form table (the TSV stays the source of truth)
//! into the binary form that `src/lexicon/morphology.rs` looks up in place, so that start-up
//! parses nothing.
use std::{env, fs, path::Path};

#[path = "src/lexicon/morph_table.rs"]
mod morph_table;

fn main() {
    // The manifest directory at run time, not `env!` (fixed when the build script is compiled):
    // a build script compiled for another checkout sharing the target directory would
    // otherwise embed that checkout's lexicons.
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&root).join("lexicons/markers/fr");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("lexicons/markers/fr exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("/// (file name, contents) of each embedded lexicon family.\npub static EMBEDDED_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        out.push_str(&format!("    (\"lexicons/markers/fr/{name}\", include_str!({:?})),\n", f.display().to_string()));
    }
    out.push_str("];\n");
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("embedded_lexicons.rs"), out).unwrap();

    let tsv = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons/markers/fr/generated/formes-verbales.tsv");
    println!("cargo:rerun-if-changed={}", tsv.display());
    println!("cargo:rerun-if-changed=src/lexicon/morph_table.rs");
    let text = fs::read_to_string(&tsv).expect("lexicons/markers/fr/generated/formes-verbales.tsv is readable UTF-8");
    let table = morph_table::compile(&text).unwrap_or_else(|e| panic!("{}: {e}", tsv.display()));
    fs::write(Path::new(&out_dir).join("formes-verbales.bin"), table).unwrap();
}
