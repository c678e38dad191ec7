//! The HTML classroom report in a real browser: headless Chromium loads the page the binary
//! wrote and we look at what it did (`--dump-dom`: the DOM after the scripts ran), what it
//! logged (`--enable-logging=stderr`: console messages and uncaught errors appear as
//! `…:CONSOLE…` lines), a screenshot and the print media (`--print-to-pdf`, read back with
//! `pdftotext`).
//!
//! This is its own test target, so the rest of the suite runs without a browser. When Chromium
//! (or `pdftotext`) is missing: with `CI` set the tests fail with a message saying what to
//! install; otherwise they print a notice and return, so a developer without Chromium can
//! still run `cargo test`. CI (`.ci/run`) installs both. Set `HEDGE_CHROMIUM` to use another
//! Chromium-family binary.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{hedge, root, stderr};

/// A browser run that takes longer than this fails the test instead of hanging CI.
const TIMEOUT: Duration = Duration::from_secs(120);

fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Finds a program: an explicit path from `env_var`, else the first of `names` on PATH.
fn find_tool(env_var: &str, names: &[&str], install: &str) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env_var) {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for n in names {
            let p = dir.join(n);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    let msg = format!("{} not found on PATH ({install}; or set {env_var})", names[0]);
    if in_ci() {
        panic!("browser tests need {msg}");
    }
    // Straight to the stderr handle: libtest captures eprintln! of passing tests.
    let _ = writeln!(std::io::stderr(), "note: skipping a browser test: {msg}");
    None
}

fn chromium() -> Option<PathBuf> {
    find_tool("HEDGE_CHROMIUM", &["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"], "apt-get install chromium")
}

fn pdftotext() -> Option<PathBuf> {
    find_tool("HEDGE_PDFTOTEXT", &["pdftotext"], "apt-get install poppler-utils")
}

struct Run {
    stdout: String,
    stderr: String,
}

impl Run {
    /// Console messages and uncaught errors the page produced.
    fn console(&self) -> Vec<&str> {
        self.stderr.lines().filter(|l| l.contains(":CONSOLE")).collect()
    }
}

/// Runs headless Chromium on a file with a fresh profile, failing after [`TIMEOUT`].
fn run_chromium(exe: &Path, page: &Path, extra: &[String]) -> Run {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(exe)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", exe.display()));
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        String::from_utf8_lossy(&s).into_owned()
    });
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{} did not finish within {TIMEOUT:?} on {}", exe.display(), page.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Run { stdout: t_out.join().unwrap(), stderr: t_err.join().unwrap() }
}

fn dump_dom(exe: &Path, page: &Path) -> Run {
    let run = run_chromium(exe, page, &["--dump-dom".into(), "--window-size=1600,1000".into()]);
    assert!(run.stdout.contains("</html>"), "no DOM from Chromium; stderr:\n{}", run.stderr);
    run
}

/// The DOM of a page built from hostile input, after checking that the input ran nothing: no
/// console message, the page's own script ran to its end, the title is untouched (the
/// inputs try to set it to PWNED), only the page's two scripts.
fn inert_page_dom(exe: &Path, page: &Path) -> String {
    let run = dump_dom(exe, page);
    assert!(run.console().is_empty(), "console messages:\n{}", run.console().join("\n"));
    let dom = run.stdout;
    assert!(dom.contains("data-hedge-ready=\"1\""), "the page's own script must still run");
    assert!(!between(&dom, "<title>", "</title>").contains("PWNED"));
    assert_eq!(dom.matches("<script").count(), 2, "only the page's two scripts");
    dom
}

/// The page printed to `pdf` (print media) and read back with `pdftotext`: its words, joined
/// by single spaces.
fn printed_words(exe: &Path, pdftotext: &Path, page: &Path, pdf: &Path) -> String {
    let run = run_chromium(exe, page, &[format!("--print-to-pdf={}", pdf.display()), "--no-pdf-header-footer".into()]);
    assert!(std::fs::read(pdf).is_ok_and(|b| b.starts_with(b"%PDF")), "no PDF; stderr:\n{}", run.stderr);
    let o = Command::new(pdftotext).arg(pdf).arg("-").output().expect("pdftotext runs");
    String::from_utf8_lossy(&o.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes the report of `args` (a hedge command line) plus `--html PATH` and returns PATH.
fn write_report(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let mut all: Vec<&str> = args.to_vec();
    let p = path.to_str().unwrap().to_string();
    all.extend(["--html", &p]);
    let o = hedge(&all);
    assert_eq!(o.status.code(), Some(0), "hedge {all:?}: {}", stderr(&o));
    path
}

fn seed_count() -> usize {
    std::fs::read_dir(root().join("seeds")).unwrap().filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "txt")).count()
}

/// The part of `dom` from `start` to the next `end`.
fn between<'a>(dom: &'a str, start: &str, end: &str) -> &'a str {
    let i = dom.find(start).unwrap_or_else(|| panic!("{start:?} not in the DOM"));
    let rest = &dom[i..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// The text content of serialised DOM: tags dropped (text `<` is serialised as `&lt;`), then
/// the entities the serialiser writes decoded.
fn text_of(dom: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in dom.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", "\u{a0}").replace("&amp;", "&")
}

#[test]
fn the_console_check_catches_a_page_that_logs_and_throws() {
    // Control for the checks below: a page with console.error and an uncaught exception must
    // be seen as failing, or "no console error" would prove nothing.
    let Some(exe) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("bad.html");
    std::fs::write(&page, "<!DOCTYPE html><title>t</title><p>x</p><script>console.error('boom'); null.x;</script>").unwrap();
    let run = dump_dom(&exe, &page);
    let console = run.console();
    assert!(console.iter().any(|l| l.contains("boom")), "console.error not seen:\n{}", run.stderr);
    assert!(console.iter().any(|l| l.contains("Uncaught TypeError")), "exception not seen:\n{}", run.stderr);
}

#[test]
fn seeds_report_renders_without_console_errors_one_bar_per_article_and_a_screenshot() {
    let Some(exe) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = write_report(dir.path(), "report.html", &["compare", "seeds/"]);
    let run = dump_dom(&exe, &page);
    assert!(run.console().is_empty(), "console messages:\n{}", run.console().join("\n"));
    let dom = &run.stdout;
    assert!(dom.contains("data-hedge-ready=\"1\""), "the page script did not run to its end");
    // The summary: one row and one stacked bar per article.
    let summary = between(dom, "<table class=\"summary\"", "</table>");
    let n = seed_count();
    assert_eq!(summary.matches("<svg class=\"stack\"").count(), n, "bars in the summary");
    assert_eq!(summary.matches("<tr data-article=").count(), n, "rows in the summary");
    // The side-by-side view was built by the script: visible, two panes with a table each.
    let side = between(dom, "<section id=\"side\"", "</section>");
    assert!(!side.contains(" hidden"), "side-by-side view still hidden");
    assert_eq!(side.matches("<table class=\"sentences\"").count(), 2, "two articles side by side");
    assert_eq!(side.matches("<option ").count(), 2 * n, "every article can be chosen on each side");
    // Every sentence of every article is numbered in the articles section.
    let articles = between(dom, "<section id=\"articles\"", "</section>");
    assert_eq!(articles.matches("<article ").count(), n);
    assert!(articles.contains("<td class=\"n\">22</td>"), "sentence 22 of seed 001 is numbered");
    // Every sentence left out of the score (page parts, other languages) carries a focusable tag
    // with its explanation, and the side-by-side view keeps them.
    let json: serde_json::Value = serde_json::from_str(&common::stdout(&hedge(&["compare", "seeds/", "--format", "json"]))).unwrap();
    let left_out: u64 = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["summary"]["excluded"].as_u64().unwrap() + a["summary"]["not_analysed"].as_u64().unwrap())
        .sum();
    assert!(left_out > 0);
    assert_eq!(articles.matches("<span class=\"out-tag\" tabindex=\"0\">").count() as u64, left_out, "left-out tags");
    assert!(side.contains(" s-out "), "left-out rows in the side-by-side view");

    // A screenshot of the real page, the size asked for.
    let shot = dir.path().join("report.png");
    let run = run_chromium(&exe, &page, &[format!("--screenshot={}", shot.display()), "--window-size=1600,1000".into()]);
    assert!(run.console().is_empty(), "console messages:\n{}", run.console().join("\n"));
    let png = std::fs::read(&shot).unwrap_or_else(|_| panic!("no screenshot; stderr:\n{}", run.stderr));
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (1600, 1000));
    assert!(png.len() > 20_000, "a blank page would compress to almost nothing ({} bytes)", png.len());
}

#[test]
fn markup_inside_an_article_is_shown_as_text_and_runs_nothing() {
    let Some(exe) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let evil = "Selon la préfecture, le convoi aurait quitté la ville <script>document.title='PWNED'</script> hier soir.\n\
Le maire a évidemment <img src=x onerror=\"document.title='PWNED'\"> confirmé la nouvelle.\n\
Un témoin affirme que tout était </style><style>body{display:none}</style> prévu depuis longtemps.\n";
    std::fs::write(dir.path().join("evil.txt"), evil).unwrap();
    std::fs::write(dir.path().join("plain.txt"), "Selon l'AFP, trois camions ont quitté Raqqa.\nLe convoi aurait compté cinquante véhicules.\n")
        .unwrap();
    std::fs::write(dir.path().join("labels.tsv"), "evil.txt\t<script>document.title='PWNED'</script>\n").unwrap();
    let d = dir.path().to_str().unwrap().to_string();
    let page = write_report(dir.path(), "report.html", &["compare", &d]);
    let run = dump_dom(&exe, &page);
    let dom = &run.stdout;
    assert!(run.console().is_empty(), "console messages:\n{}", run.console().join("\n"));
    assert!(dom.contains("data-hedge-ready=\"1\""), "the page's own script must still run");
    let title = between(dom, "<title>", "</title>");
    assert!(!title.contains("PWNED") && title.contains("Qui affirme quoi"), "title changed: {title}");
    // The characters are there, as text (the page may wrap parts of it, e.g. a quotation).
    let text = text_of(between(dom, "<section id=\"articles\"", "</section>"));
    for shown in
        ["<script>document.title='PWNED'</script>", "<img src=x onerror=\"document.title='PWNED'\">", "</style><style>body{display:none}</style>"]
    {
        assert!(text.contains(shown), "{shown:?} not shown as text in:\n{text}");
    }
    // And no element came out of them: only the page's two scripts, one style, no image.
    assert_eq!(dom.matches("<script").count(), 2, "script elements");
    assert_eq!(dom.matches("<style").count(), 1, "style elements");
    assert!(!dom.contains("<img"), "an img element was created");
    // A hostile label (labels.tsv) is text in the summary and in the side-by-side menus.
    assert!(between(dom, "<table class=\"summary\"", "</table>").contains("&lt;script&gt;document.title='PWNED'"));
    assert!(between(dom, "<select id=\"pick-0\"", "</select>").contains("&lt;script&gt;document.title='PWNED'"));
}

#[test]
fn print_media_gives_a_black_and_white_worksheet_and_with_answers_the_key() {
    let Some(exe) = chromium() else { return };
    let Some(pdftotext) = pdftotext() else { return };
    let dir = tempfile::tempdir().unwrap();
    let text_of = |page: &Path, name: &str| -> String {
        let pdf = dir.path().join(name);
        let run = run_chromium(&exe, page, &[format!("--print-to-pdf={}", pdf.display()), "--no-pdf-header-footer".into()]);
        let bytes = std::fs::read(&pdf).unwrap_or_else(|_| panic!("no PDF; stderr:\n{}", run.stderr));
        assert!(bytes.starts_with(b"%PDF"));
        let o = Command::new(&pdftotext).arg(&pdf).arg("-").output().expect("pdftotext runs");
        assert!(o.status.success());
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let seed = "seeds/001_ecc43d926f07e1cb.txt";
    let sheet = text_of(&write_report(dir.path(), "sheet.html", &["analyze", seed]), "sheet.pdf");
    assert!(sheet.contains("Qui parle ?"), "the worksheet column:\n{sheet}");
    assert!(sheet.contains("Nom :"));
    assert!(sheet.contains("La coalition internationale aurait négocié"), "sentence 1");
    // Screen-only parts and the answers are not printed on the students' sheet.
    for absent in ["Survolez", "Légende", "Corrigé", "Le média, seul", "prudente", "attribuée", "assertivité"] {
        assert!(!sheet.contains(absent), "worksheet shows {absent:?}:\n{sheet}");
    }
    // Its left-out sentences (seed 001's byline) are printed, marked, without their reason.
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat(&sheet).contains("22 TF1 Info signature — hors score"), "byline marked:\n{sheet}");
    assert!(!flat(&sheet).contains("qui a écrit l'article"), "no reason on the worksheet");
    let key = text_of(&write_report(dir.path(), "key.html", &["analyze", seed, "--answers"]), "key.pdf");
    for present in ["Corrigé", "Qui parle ?", "Le média, avec prudence", "Le média, seul", "prudente", "attribuée"] {
        assert!(key.contains(present), "key lacks {present:?}:\n{key}");
    }
    // The key gives the reason a sentence is left out (the rule's explanation, from the data).
    assert!(flat(&key).contains("La signature : qui a écrit"), "reason in the key:\n{key}");
}

#[test]
fn english_labels_with_ui_en() {
    let Some(exe) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = write_report(dir.path(), "en.html", &["analyze", "seeds/001_ecc43d926f07e1cb.txt", "--ui", "en"]);
    let run = dump_dom(&exe, &page);
    assert!(run.console().is_empty(), "console messages:\n{}", run.console().join("\n"));
    let dom = &run.stdout;
    assert!(dom.contains("<html lang=\"en\""));
    for english in ["Who asserts what?", "Who speaks?", "</span> hedged</span>", "Conditional: hearsay"] {
        assert!(dom.contains(english), "no {english:?} in the English page");
    }
    assert!(!dom.contains("Qui parle ?"));
    // One article: no side-by-side view.
    assert!(!dom.contains("id=\"side\""));
}

/// Issue 16: at phone width (400 px) the report was 601 px wide — bars cut, columns off screen.
/// Headless Chromium will not make a window narrower than 500 px, so the report is loaded in a
/// 400 px iframe (`srcdoc`, same origin) and a script of the outer page measures it: nothing
/// may be wider than the frame. Control: the same measure finds the overflow of a page with a
/// 600 px box.
#[test]
fn the_report_fits_a_phone_400_px_wide() {
    let Some(exe) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    // Width of the report in a 400 px frame, and the elements that stick out.
    let measure = |report: &str, name: &str| -> (u32, String) {
        let srcdoc = report.replace('&', "&amp;").replace('"', "&quot;");
        let probe = format!(
            "<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"f\" style=\"border:0;width:400px;height:800px\" onload=\"probe()\" srcdoc=\"{srcdoc}\"></iframe>\
             <script>function probe() {{ var d = document.getElementById('f').contentDocument, w = d.documentElement.clientWidth, out = [];\
             d.querySelectorAll('body *').forEach(function (e) {{ var r = e.getBoundingClientRect();\
             if (r.right > w + 1 && r.width > 0) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right) + 'px'); }});\
             document.body.setAttribute('data-width', d.documentElement.scrollWidth + ' ' + w + ' ' + out.slice(0, 12).join(', ')); }}</script></body></html>"
        );
        let page = dir.path().join(name);
        std::fs::write(&page, probe).unwrap();
        let run = dump_dom(&exe, &page);
        let attr = between(&run.stdout, "data-width=\"", "\">");
        let mut parts = attr["data-width=\"".len()..].splitn(3, ' ');
        let scroll: u32 = parts.next().unwrap().parse().unwrap();
        let client: u32 = parts.next().unwrap().parse().unwrap();
        assert_eq!(client, 400, "the frame is 400 px wide");
        (scroll, parts.next().unwrap_or("").to_string())
    };
    let (wide, _) = measure("<!DOCTYPE html><html><body><div style=\"width:600px\">x</div></body></html>", "control.html");
    assert!(wide > 400, "the measure misses an overflow ({wide} px)");
    for (name, args) in [
        ("compare.html", &["compare", "seeds/"][..]),
        ("analyze.html", &["analyze", "seeds/004_2850dcacc519e1fe.txt"][..]),
        ("compare-en.html", &["compare", "seeds/", "--ui", "en"][..]),
        // Issue 19: the « Sources » section and the source under each claim's label.
        ("compare-sources.html", &["compare", "seeds/", "--sources"][..]),
    ] {
        let report = std::fs::read_to_string(write_report(dir.path(), name, args)).unwrap();
        let (width, over) = measure(&report, &format!("probe-{name}"));
        assert!(width <= 400, "{args:?}: the report is {width} px wide at 400 px; too wide: {over}");
    }
}

/// Issue 16: the printed worksheet reproduced reader comments word for word, insults included.
/// A class set shows « (commentaires de lecteurs, non reproduits) » in their place (the key
/// too); the screen keeps them, tagged, for the teacher. Fixture written for the test.
#[test]
fn printed_sheets_do_not_reproduce_reader_comments() {
    let Some(exe) = chromium() else { return };
    let Some(pdftotext) = pdftotext() else { return };
    let dir = tempfile::tempdir().unwrap();
    let article = "tests/data/classroom/commentaires-insultants.txt";
    for (name, extra) in [("sheet", None), ("key", Some("--answers"))] {
        let mut args = vec!["analyze", article];
        args.extend(extra);
        let page = write_report(dir.path(), &format!("{name}.html"), &args);
        let pdf = dir.path().join(format!("{name}.pdf"));
        let run = run_chromium(&exe, &page, &[format!("--print-to-pdf={}", pdf.display()), "--no-pdf-header-footer".into()]);
        assert!(std::fs::read(&pdf).is_ok_and(|b| b.starts_with(b"%PDF")), "no PDF; stderr:\n{}", run.stderr);
        let o = Command::new(&pdftotext).arg(&pdf).arg("-").output().expect("pdftotext runs");
        let text = String::from_utf8_lossy(&o.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("Selon le maire"), "{name}: the article is printed:\n{text}");
        for insult in ["abrutis", "crapules", "Gaston"] {
            assert!(!text.contains(insult), "{name}: the printout reproduces a comment ({insult}):\n{text}");
        }
        assert_eq!(text.matches("(commentaires de lecteurs, non reproduits)").count(), 3, "{name}: one per comment row:\n{text}");
        // On screen the teacher still sees them, tagged.
        let dom = dump_dom(&exe, &page).stdout;
        assert!(dom.contains("Bande d'abrutis"), "{name}: the screen shows the comment");
    }
}

/// Issue 19: with `--sources`, each attributed or quoted claim shows its source under its label,
/// in the page's language, and the « Sources » section lists them. A hostile source name is
/// text: the extraction keeps only words, so markup reaches a source's name through an alias of
/// a `--rules` copy of `sources.toml`, whose key is taken as written. The printed worksheet does
/// not give the sources away (they answer « Qui parle ? »); the teacher's key prints them.
#[test]
fn per_sentence_sources_render_print_and_escape_a_hostile_source_name() {
    let Some(exe) = chromium() else { return };
    let Some(pdftotext) = pdftotext() else { return };
    let dir = tempfile::tempdir().unwrap();
    let key = "<script>document.title='PWNED'</script> \"Zeta\" & 'Co'";
    let builtin = std::fs::read_to_string(root().join("lexicons/rules/sources.toml")).unwrap();
    let at = builtin.find("[[alias]]").unwrap();
    let alias = format!("[[alias]]\nkey   = {}\nkind  = \"media\"\nforms = [\"agence Zeta\"]\n\n", toml_string(key));
    let rules = dir.path().join("sources.toml");
    std::fs::write(&rules, format!("{}{alias}{}", &builtin[..at], &builtin[at..])).unwrap();
    let article = dir.path().join("zeta.txt");
    std::fs::write(
        &article,
        "Selon l'agence Zeta, le convoi aurait quitté la ville hier soir.\n\n\
         Le convoi comptait cinquante camions, a confirmé l'agence Zeta.\n\n\
         On évalue à 250 le nombre de combattants qui ont quitté la ville.\n\n\
         Le ciel était gris au-dessus de la ville ce matin-là.\n",
    )
    .unwrap();
    let (a, r) = (article.to_str().unwrap(), rules.to_str().unwrap());
    let shown = format!("{key} (média)");

    // On screen: under the labels of the two claims credited to Zeta, « source vague » under
    // the « on évalue » one, nothing under the asserted one; as text, no element made of it.
    let page = write_report(dir.path(), "sheet.html", &["analyze", a, "--rules", r, "--sources"]);
    let dom = &inert_page_dom(&exe, &page);
    let articles = between(dom, "<section id=\"articles\"", "</section>");
    let sources: Vec<String> = articles.split("<span class=\"detail src\">").skip(1).map(|s| text_of(&s[..s.find("</span>").unwrap()])).collect();
    assert_eq!(sources, [format!("source : {shown}"), format!("source : {shown}"), "source vague".to_string()]);
    let section = text_of(between(dom, "<section id=\"sources\"", "</section>"));
    assert!(section.contains(&format!("{shown} ×2")) && section.contains("source vague ×1"), "{section}");

    // Printed: the students' sheet has the sentences but no source; the key has them.
    let print = |page: &Path, name: &str| printed_words(&exe, &pdftotext, page, &dir.path().join(name));
    let sheet = print(&page, "sheet.pdf");
    assert!(sheet.contains("le convoi aurait quitté la ville"), "{sheet}");
    for absent in ["\"Zeta\" & 'Co'", "PWNED", "source :", "source vague", "(média)"] {
        assert!(!sheet.contains(absent), "the worksheet gives away {absent:?}:\n{sheet}");
    }
    let key_page = write_report(dir.path(), "key.html", &["analyze", a, "--rules", r, "--sources", "--answers"]);
    let printed = print(&key_page, "key.pdf");
    // Two claims and the section's row.
    assert_eq!(printed.matches("\"Zeta\" & 'Co' (média)").count(), 3, "{printed}");
    assert!(printed.contains("source vague"), "{printed}");

    // In English (`--ui en`): the per-sentence sources, the section and its explanations.
    let en = write_report(dir.path(), "en.html", &["analyze", a, "--rules", r, "--sources", "--ui", "en"]);
    let dom = dump_dom(&exe, &en).stdout;
    let text = text_of(between(&dom, "<section id=\"articles\"", "</section>"));
    assert!(text.contains(&format!("source: {key} (media)")) && text.contains("vague source"), "{text}");
    let section = text_of(between(&dom, "<section id=\"sources\"", "</section>"));
    for english in ["Whom does each article credit", "named", "A media outlet", "no way to check who speaks"] {
        assert!(section.contains(english), "no {english:?} in the English section:\n{section}");
    }
    assert!(!section.contains("Un média") && !section.contains("nommées"), "{section}");
}

/// The « Même fait, autres voix » section (`compare --facts --html`, issue 19): one group per
/// fact with each outlet's sentence, its markers in `<mark>`, and its label; markup in an
/// article is text. On the printed worksheet the labels (in the rows and in the group's
/// heading) are blanks to fill in; the teacher's key (`--answers`) prints them; `--ui en`
/// gives the section in English.
#[test]
fn facts_section_renders_prints_blanks_and_escapes_the_articles_markup() {
    let Some(exe) = chromium() else { return };
    let Some(pdftotext) = pdftotext() else { return };
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("alpha.txt");
    let b = dir.path().join("beta.txt");
    std::fs::write(
        &a,
        "Le convoi comptait 50 camions et 13 bus <script>document.title='PWNED'</script>, selon la police.\n\nLe ciel était gris ce matin-là.\n",
    )
    .unwrap();
    std::fs::write(&b, "Le convoi aurait compté 50 camions et 13 bus <img src=x onerror=\"document.title='PWNED'\">.\n\nIl pleuvait sur la ville.\n")
        .unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());

    let page = write_report(dir.path(), "facts.html", &["compare", a, b, "--facts"]);
    let dom = &inert_page_dom(&exe, &page);
    assert!(!dom.contains("<img"), "the article's <img> must stay text");
    let section = between(dom, "<section id=\"facts\"", "</section>");
    assert_eq!(section.matches("class=\"facts-group\"").count(), 1, "{section}");
    let rows: Vec<&str> = section.split("<div class=\"facts-row\">").skip(1).collect();
    assert_eq!(rows.len(), 2, "one row per article:\n{section}");
    assert!(rows[0].contains("<mark>selon</mark>") && text_of(rows[0]).contains("<script>document.title='PWNED'</script>"), "{}", rows[0]);
    assert!(rows[1].contains("<mark>aurait</mark>") && text_of(rows[1]).contains("<img src=x"), "{}", rows[1]);
    let text = text_of(section);
    assert!(text.contains("Même fait, autres voix") && text.contains("attribuée") && text.contains("prudente"), "{text}");

    let print = |page: &Path, name: &str| printed_words(&exe, &pdftotext, page, &dir.path().join(name));
    let sheet = print(&page, "facts.pdf");
    let facts = &sheet[sheet.find("Même fait, autres voix").unwrap_or_else(|| panic!("no facts section printed:\n{sheet}"))..];
    assert!(facts.contains("Le convoi aurait compté 50 camions"), "{facts}");
    assert_eq!(facts.matches("________").count(), 2, "a blank per sentence:\n{facts}");
    for absent in ["attribuée", "prudente"] {
        assert!(!facts.contains(absent), "the worksheet gives away {absent:?}:\n{facts}");
    }
    let key = print(&write_report(dir.path(), "key.html", &["compare", a, b, "--facts", "--answers"]), "key.pdf");
    let facts = &key[key.find("Même fait, autres voix").unwrap()..];
    assert!(facts.contains("attribuée") && facts.contains("prudente") && !facts.contains("________"), "{facts}");

    let en = write_report(dir.path(), "en.html", &["compare", a, b, "--facts", "--ui", "en"]);
    let text = text_of(between(&dump_dom(&exe, &en).stdout, "<section id=\"facts\"", "</section>"));
    assert!(text.contains("Same fact, different voices") && text.contains("attributed") && text.contains("hedged"), "{text}");
    assert!(!text.contains("Même fait") && !text.contains("prudente"), "{text}");
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}
