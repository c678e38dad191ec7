//! Embeds every lexicon family file of `lexicons/fr/*.toml`, so that adding a family is adding
//! a data file, not code.
use std::{env, fs, path::Path};

fn main() {
    // The manifest directory at run time, not `env!` (fixed when the build script is compiled):
    // a build script compiled for another checkout sharing the target directory would
    // otherwise embed that checkout's lexicons.
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&root).join("lexicons/fr");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("lexicons/fr exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("/// (file name, contents) of each embedded lexicon family.\npub static EMBEDDED_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        out.push_str(&format!("    (\"lexicons/fr/{name}\", include_str!({:?})),\n", f.display().to_string()));
    }
    out.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_lexicons.rs"), out).unwrap();
}
