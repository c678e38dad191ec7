//! The problems and warnings a run names on stderr, in French for the terminal (`--lang fr`, or
//! a French locale): students read them. The messages are made in English by the stages that
//! find the problem (and stay English in JSON `errors`/`warnings`, for scripts); this catalog
//! is keyed by the English message, as gettext is, and a message it does not know is shown as
//! it is. A test runs every pattern against the message the code really makes.

use std::sync::OnceLock;

use regex::Regex;

use super::Lang;

/// (English message pattern, whole message; French template with `$1`… for the captures).
const CATALOG: &[(&str, &str)] = &[
    (r"rule file error: (.*)", "erreur dans un fichier de règles : $1"),
    (
        r"not an engine rule file \(a rule file is named (.*)\)",
        "ce n'est pas un fichier de règles (un fichier de règles s'appelle $1)",
    ),
    (r"directory has no engine rule file \(looked for (.*)\)", "le dossier ne contient aucun fichier de règles (noms cherchés : $1)"),
    (r"no article could be analysed", "aucun article n'a pu être analysé"),
    (
        r"^(.+) keeps every sentence in memory, and these inputs hold (\d+) MB of text \(the limit is (\d+) MB\): use --format jsonl, which writes each sentence as it goes, or (\S+) without (\S+)$",
        "$1 garde toutes les phrases en mémoire, et ces fichiers font $2 Mo de texte (la limite est de $3 Mo) : utilisez --format jsonl, qui écrit chaque phrase au fur et à mesure, ou lancez $4 sans $5",
    ),
    (
        r"^(.+) keeps every sentence in memory, and these inputs hold (\d+) MB of text \(the limit is (\d+) MB\): use --format jsonl, which writes each sentence as it goes$",
        "$1 garde toutes les phrases en mémoire, et ces fichiers font $2 Mo de texte (la limite est de $3 Mo) : utilisez --format jsonl, qui écrit chaque phrase au fur et à mesure",
    ),
    (
        r"^(\S+) keeps every sentence in memory, and these inputs hold (\d+) MB of text \(the limit is (\d+) MB\): run \S+ on the articles of one event \(it lines up all their sentences at once\), or compare without \S+$",
        "$1 garde toutes les phrases en mémoire, et ces fichiers font $2 Mo de texte (la limite est de $3 Mo) : lancez $1 sur les articles d'un même événement (il aligne toutes leurs phrases à la fois), ou compare sans $1",
    ),
    (
        r"--facts is not shown in csv \(one table of articles per file\): use --format table, markdown, json, jsonl or --html",
        "--facts n'est pas affiché en csv (un seul tableau d'articles par fichier) : utilisez --format table, markdown, json, jsonl ou --html",
    ),
    (r"--csv-locale and --csv-bom apply to --format csv only", "--csv-locale et --csv-bom ne valent que pour --format csv"),
    (
        r"--html (.*) is one of the articles to analyse; it is not overwritten \(choose another path for the report\)",
        "--html $1 est l'un des articles à analyser ; il n'est pas écrasé (choisissez un autre chemin pour le rapport)",
    ),
    (
        r"--html (.*) already exists and is not a report hedge wrote; it is not overwritten \(choose another path, or delete the file first\)",
        "--html $1 existe déjà et n'est pas un rapport écrit par hedge ; il n'est pas écrasé (choisissez un autre chemin, ou supprimez d'abord ce fichier)",
    ),
    (
        r"^(\d+) subfolder\(s\) not read \((.*)\): give each as an argument to analyse its articles$",
        "$1 sous-dossier(s) non lu(s) ($2) : donnez chacun en argument pour analyser ses articles",
    ),
    (
        r"^(\d+) file\(s\) of another kind left aside \((.*)\): a folder is read for (.*) files$",
        "$1 fichier(s) d'un autre type laissé(s) de côté ($2) : dans un dossier, seuls les fichiers $3 sont lus",
    ),
    (r"^given more than once; read once$", "donné plusieurs fois ; lu une seule fois"),
    (r"cannot write the HTML report (.*?): (.*)", "impossible d'écrire le rapport HTML $1 : $2"),
    (r"--threads (\d+) is too many; using (\d+)", "--threads $1, c'est trop : $2 fils utilisés"),
    (r"no such file or directory", "fichier ou dossier introuvable"),
    (r"broken symbolic link \(its target does not exist\)", "lien symbolique cassé (sa cible n'existe pas)"),
    (r"permission denied \(cannot read it\)", "accès refusé (impossible de le lire)"),
    (r"is a directory", "c'est un dossier"),
    (r"empty file", "fichier vide"),
    (r"contains only white space, no text", "ne contient que des espaces, aucun texte"),
    (r"binary file \(contains NUL (?:bytes|characters)\), not text", "fichier binaire (il contient des octets nuls), pas du texte"),
    (
        r"looks like UTF-16 \((little|big)-endian\) text saved without a byte-order mark: read it with --encoding (utf-16le|utf-16be)",
        "ressemble à du texte UTF-16 enregistré sans marque d'ordre des octets : lisez-le avec --encoding $2",
    ),
    (r"UTF-16 text with an odd number of bytes", "texte UTF-16 avec un nombre impair d'octets"),
    (r"invalid UTF-16 text \(unpaired surrogate\)", "texte UTF-16 invalide (demi-caractère isolé)"),
    (
        r"not valid UTF-8 \(first bad byte at offset (\d+)\); its byte-order mark says UTF-8: save the file as UTF-8, or give its real encoding with --encoding",
        "pas de l'UTF-8 valide (premier octet fautif à la position $1) ; sa marque d'ordre des octets annonce de l'UTF-8 : enregistrez le fichier en UTF-8, ou donnez son vrai encodage avec --encoding",
    ),
    (
        r"not valid UTF-8 \(first bad byte at offset (\d+)\); drop --encoding to let hedge guess, or name the file's encoding",
        "pas de l'UTF-8 valide (premier octet fautif à la position $1) ; retirez --encoding pour laisser hedge deviner, ou donnez l'encodage du fichier",
    ),
    (r"not valid (\S+) text; give the file's encoding with --encoding", "texte $1 invalide ; donnez l'encodage du fichier avec --encoding"),
    (
        r"not valid UTF-8 at byte offset (\d+)(.*): read as UTF-8, each bad byte replaced by U\+FFFD \(save the file as UTF-8, or give its encoding with --encoding\)",
        "UTF-8 invalide à la position $1$2 : lu comme UTF-8, chaque octet fautif remplacé par U+FFFD (enregistrez le fichier en UTF-8, ou donnez son encodage avec --encoding)",
    ),
    (r"no text left after reading it as (\S+)", "aucun texte une fois lu comme $1"),
    (
        r"no article text found in this page \(nothing left once menus, links and scripts are removed\)",
        "aucun texte d'article dans cette page (il ne reste rien une fois retirés les menus, les liens et les scripts)",
    ),
    (
        r"no article found in this page: what is left once menus and links are removed \((\d+) words\) holds no paragraph of running text",
        "aucun article dans cette page : ce qui reste une fois retirés les menus et les liens ($1 mots) ne contient aucun paragraphe de texte suivi",
    ),
    (r"no main article found in this page \((.*)\)", "aucun article principal dans cette page ($1)"),
    (r"directory has no text files \(looked for (.*)\)", "le dossier ne contient aucun fichier de texte (extensions cherchées : $1)"),
    (r"expected `file<TAB>label` and found no tab; line skipped", "attendu `fichier<TAB>nom`, aucune tabulation trouvée ; ligne ignorée"),
    (r"empty file name; line skipped", "nom de fichier vide ; ligne ignorée"),
    (r"empty label; line skipped", "nom vide ; ligne ignorée"),
    (r"no file (.*) in this directory; line skipped", "aucun fichier $1 dans ce dossier ; ligne ignorée"),
    (
        r"no input of this run is named (.*); the label is not used \(name the file as the run shows it\)",
        "aucun fichier de cette analyse ne s'appelle $1 ; le nom n'est pas utilisé (écrivez le fichier comme l'analyse l'affiche)",
    ),
    (
        r"internal error while analysing this file \((.*)\); the other files are analysed; please report it with the file",
        "erreur interne pendant l'analyse de ce fichier ($1) ; les autres fichiers sont analysés ; merci de la signaler en joignant le fichier",
    ),
];

fn compiled() -> &'static [(Regex, &'static str)] {
    static C: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    C.get_or_init(|| CATALOG.iter().map(|(p, fr)| (Regex::new(&format!("^(?:{p})$")).expect("catalog pattern"), *fr)).collect())
}

/// The message in the terminal's language: French when `lang` is French and the catalog knows
/// it, else as made.
pub fn localise(message: &str, lang: Lang) -> String {
    if lang == Lang::Fr {
        for (re, fr) in compiled() {
            if let Some(c) = re.captures(message) {
                let mut out = String::new();
                c.expand(fr, &mut out);
                return out;
            }
        }
    }
    message.to_string()
}

/// « attention » / « warning »: the word before a warning on stderr.
pub fn warning_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "attention",
        Lang::En => "warning",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{extract_as, Format};
    use crate::input::{decode_with, discover};

    #[test]
    fn every_catalog_pattern_compiles_and_french_differs() {
        assert_eq!(compiled().len(), CATALOG.len());
        for (p, fr) in CATALOG {
            assert_ne!(p, fr);
        }
    }

    /// The catalog follows the messages the code makes: each is produced for real here.
    #[test]
    fn real_messages_are_translated() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("vide.txt"), "").unwrap();
        std::fs::create_dir(d.join("rien")).unwrap();
        let missing = d.join("absent.txt").display().to_string();
        let (_, problems, warnings) = discover(&[missing, d.join("rien").display().to_string()], &[("x.txt".into(), "X".into())]);
        let fr: Vec<String> = problems.iter().chain(&warnings).map(|p| localise(&p.message, Lang::Fr)).collect();
        assert_eq!(fr[0], "fichier ou dossier introuvable");
        assert!(fr[1].starts_with("le dossier ne contient aucun fichier de texte (extensions cherchées : .txt"), "{}", fr[1]);
        assert!(fr[2].starts_with("aucun fichier de cette analyse ne s'appelle \"x.txt\""), "{}", fr[2]);
        let bad = decode_with("b.txt", b"caf\xe9 \x00", None).unwrap_err();
        assert_eq!(localise(&bad.message, Lang::Fr), "fichier binaire (il contient des octets nuls), pas du texte");
        let menus = r#"<html><body><nav><a href="/">Accueil</a> <a href="/a">Actus</a></nav></body></html>"#;
        let e = extract_as("p", "p.html", menus.into(), Format::Html, "UTF-8").unwrap_err();
        let fr = localise(&e.0, Lang::Fr);
        assert!(fr.starts_with("aucun"), "{} -> {fr}", e.0);
        // English stays English; an unknown message is shown as it is.
        assert_eq!(localise("empty file", Lang::En), "empty file");
        assert_eq!(localise("something new", Lang::Fr), "something new");
    }
}
