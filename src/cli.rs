//! The command line (clap derive structs only; `app` turns them into actions).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Sentence by sentence: does a French news article assert facts in its own voice, report them
/// with a source, or hedge them?
#[derive(Debug, Parser)]
#[command(
    name = "hedge",
    version,
    about,
    long_about = "hedge reads French news articles and labels each sentence:\n  \
ATTRIBUTED  the information is credited to a source (selon X, a déclaré Y)\n  \
HEDGED      the outlet does not vouch for it (conditionnel, semble, probablement…)\n  \
BOOSTED     the outlet insists it is true (évidemment, la vérité c'est que…)\n  \
ASSERTED    stated in the outlet's own voice, with no source and no hedge\n  \
NONE        not a claim (question, byline, date, fragment)\n\
Claims inside quotations belong to the quoted speaker: they count as reported, not asserted.\n\
The score (0-100) says how much the outlet states in its own voice; it is not a verdict on truth, bias or quality.",
    after_help = "Examples:\n  hedge compare seeds/\n  hedge analyze seeds/001_ecc43d926f07e1cb.txt\n  hedge compare a.txt b.txt --label a.txt=\"Le Monde\" --format csv > table.csv\n  hedge lexicon show hedge.adverb.probablement\n\nExit status: 0 all inputs analysed, 1 some input or lexicon failed (the others are still analysed), 2 usage error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show every sentence of one article with its label, markers and points.
    #[command(
        after_help = "Examples:\n  hedge analyze seeds/001_ecc43d926f07e1cb.txt\n  hedge analyze page-enregistree.html\n  hedge analyze article.txt --format json > article.json\n  hedge analyze article.txt --html article.html\n  hedge analyze seeds/002_46bc0d5bcb7e6a9c.txt --include comments\n  hedge analyze archive-2017.txt --format jsonl | head\n  pbpaste | hedge analyze -\n\nSentences in a byline, a donation appeal, a copyright notice or reader comments are shown as\nexcluded, with the reason; sentences in another language as not analysed.\n\n\
A plain-text file over 16 MiB is read as a corpus, in chunks, without page-part detection (a\n\
Markdown file over 16 MiB too, read whole); the text and jsonl views are written as the\n\
analysis goes, with bounded memory (json and --html hold every sentence)."
    )]
    Analyze(AnalyzeArgs),
    /// Compare articles side by side, one row each, sorted by assertiveness.
    #[command(
        after_help = "Examples:\n  hedge compare seeds/\n  hedge compare a.txt b.txt --label a.txt=\"Le Monde\" --label b.txt=\"Le Figaro\"\n  hedge compare seeds/ --format markdown\n  hedge compare seeds/ --html report.html            # classroom report (French)\n  hedge compare seeds/ --html report.html --answers  # with the teacher's key in print\n  hedge compare archive/ --format jsonl --threads 2 > articles.jsonl\n\nA directory is read for its .txt, .text, .md, .markdown, .html and .htm files, sorted by name\n(README files and HTML reports hedge wrote are skipped). If it has a labels.tsv file (lines `file<TAB>label`), those labels name the rows;\n--label wins over it. Without a label, a web page is named by its site and title, a text or\nMarkdown file by its file name and first heading. A bad line of labels.tsv, or a --label that names no input, is skipped with a\nwarning.\n\nBylines, donation appeals, copyright notices and reader comments are left out of the score\n(column `left out`; --include counts them), and so are passages in another language.\n\nFiles of any size are read with bounded memory and analysed on every core (--threads); a plain-text\nfile over 16 MiB is read as a corpus, in chunks, without page-part detection (a Markdown file\nover 16 MiB too, read whole). A progress bar is shown on stderr when it is a terminal."
    )]
    Compare(CompareArgs),
    /// Browse the marker lexicons, or check a lexicon file of your own.
    #[command(subcommand)]
    Lexicon(LexiconCommand),
    /// Measure accuracy against gold annotations.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Examples:\n  hedge completions bash > ~/.local/share/bash-completion/completions/hedge\n  hedge completions zsh > ~/.zfunc/_hedge     # with fpath+=(~/.zfunc) in ~/.zshrc\n  hedge completions fish > ~/.config/fish/completions/hedge.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), from the same definitions as --help.
    #[command(
        after_help = "Examples:\n  hedge man > hedge.1 && man ./hedge.1\n  hedge man | sudo tee /usr/local/share/man/man1/hedge.1 > /dev/null"
    )]
    Man,
}

#[derive(Debug, Args)]
pub struct Common {
    /// Add or override lexicon entries from a TOML file or a directory of them (repeatable); a
    /// copy of parts.toml or languages.toml replaces the page-part or language rules.
    #[arg(long = "lexicon", value_name = "PATH")]
    pub lexicons: Vec<PathBuf>,
    /// Replace engine rule files for this run (repeatable): a copy of a file of lexicons/rules/
    /// (scoring.toml, parts.toml, languages.toml, quotes.toml, readings.toml, segmentation.toml,
    /// sources.toml), named as it, or a directory whose rule files are taken. A broken file is
    /// an error naming its line and column.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// When to use colour (NO_COLOR and CLICOLOR are honoured with `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Count these parts of a page too (excluded by default, shown with the reason):
    /// byline (signature, date, author biography), boilerplate (donation appeals, copyright,
    /// share buttons), comments (reader comments), or all. Comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "PART,…")]
    pub include: Vec<IncludePart>,
    /// Read the files in this encoding (utf-8, windows-1252, latin1, utf-16le…) instead of
    /// guessing; a byte-order mark still wins.
    #[arg(long, value_name = "ENCODING", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// How to read the files: by extension and content (auto), or as plain text, Markdown or an
    /// HTML page.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto, value_name = "FORMAT")]
    pub input_format: InputFormat,
    /// Language of the terminal output: fr (French) or en (English). Default: French when the
    /// locale (LC_ALL, LC_MESSAGES, LANG) is French, else English. The HTML report has --ui.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<UiLang>,
    /// Worker threads (0 = one per core; at most 256). The output is the same whatever the number.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
}

fn parse_encoding(s: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(s.trim().as_bytes())
        .ok_or_else(|| format!("unknown encoding {s:?} (try utf-8, windows-1252, latin1, iso-8859-15, utf-16le, utf-16be)"))
}

/// A part of a page that `--include` can count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IncludePart {
    Byline,
    Boilerplate,
    Comments,
    All,
}

/// `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Auto,
    Text,
    Markdown,
    Html,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// The article: a text, Markdown or HTML file, or `-` for standard input.
    #[arg(value_name = "FILE")]
    pub input: String,
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Text)]
    pub format: AnalyzeFormat,
    /// Sources per article: show the source each attributed or quoted claim credits (text: a
    /// « source : » line and a list in the summary; json, jsonl: `sources` in the summary;
    /// --html: the source under each claim's label and a « Sources » section). The `source` of
    /// each sentence is in the JSON whatever. See docs/SOURCES.md.
    #[arg(long)]
    pub sources: bool,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub html: HtmlArgs,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Articles: files, directories, or `-` for standard input.
    #[arg(value_name = "FILE|DIR", required = true)]
    pub inputs: Vec<String>,
    /// Name a row: FILE=NAME (repeatable).
    #[arg(long = "label", value_name = "FILE=NAME", value_parser = parse_label)]
    pub labels: Vec<(String, String)>,
    #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
    pub format: CompareFormat,
    /// Same fact, different voice: also list the groups of sentences from different articles
    /// that state the same fact, with each one's label and markers (table, markdown: a « Même
    /// fait, autres voix » section; json: a `facts` array; jsonl: a `fact` line per group after
    /// the article lines; --html: a section of the page). csv stays one table of articles: it
    /// says so on stderr and prints no groups. See docs/FACTS.md.
    #[arg(long)]
    pub facts: bool,
    /// Width of the table (--format table), in columns. Default: the terminal's width (COLUMNS,
    /// else the terminal's size) when printing to a terminal, 160 into a pipe or a file.
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(MIN_TABLE_WIDTH as i64..))]
    pub width: Option<u16>,
    /// CSV for a spreadsheet in this language: fr = `;` between cells and decimal commas
    /// (22,7), as French Excel and LibreOffice expect; en (the default) = `,` and `.`.
    #[arg(long, value_enum, value_name = "LANG")]
    pub csv_locale: Option<CsvLocale>,
    /// Start the CSV with a UTF-8 byte-order mark, so that Excel reads its accents right.
    #[arg(long)]
    pub csv_bom: bool,
    /// Sources per article: claims credited to a named source (person, institution, media) and
    /// to a vague one, and the sources most credited (table, markdown: a « Sources » section
    /// after the table; json, jsonl: `sources` in each summary; csv: five more columns; --html:
    /// the source under each claim's label and a « Sources » section). See docs/SOURCES.md.
    #[arg(long)]
    pub sources: bool,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub html: HtmlArgs,
}

/// The narrowest `--width`: under it the 13 columns of the table are a few letters wide.
pub const MIN_TABLE_WIDTH: u16 = 60;

/// The classroom report: one self-contained HTML file (no network, opens from a USB stick).
#[derive(Debug, Args)]
pub struct HtmlArgs {
    /// Also write a self-contained HTML classroom report to PATH: summary bars, every sentence
    /// with its markers explained, side-by-side view, a printable worksheet. The normal output
    /// is still printed. PATH may not be one of the articles (the run is refused).
    #[arg(long, value_name = "PATH")]
    pub html: Option<PathBuf>,
    /// In the HTML report's printed worksheet, fill in the teacher's key (labels and who speaks).
    #[arg(long, requires = "html")]
    pub answers: bool,
    /// Language of the HTML report's labels, French by default (marker explanations stay in
    /// French).
    #[arg(long, value_enum, value_name = "LANG", requires = "html")]
    pub ui: Option<UiLang>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvLocale {
    Fr,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UiLang {
    Fr,
    En,
}

fn parse_label(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((f, n)) if !f.is_empty() && !n.trim().is_empty() => Ok((f.to_string(), n.trim().to_string())),
        _ => Err(format!("expected FILE=NAME, got {s:?}")),
    }
}

#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// List the entries (id, category, grade, weight).
    List {
        /// Only this category: attribution, hedge or booster.
        #[arg(long)]
        category: Option<String>,
        #[arg(long = "lexicon", value_name = "PATH")]
        lexicons: Vec<PathBuf>,
    },
    /// Show one entry: its explanation, words, examples.
    Show {
        /// The entry id, e.g. attribution.source.selon.
        id: String,
        #[arg(long = "lexicon", value_name = "PATH")]
        lexicons: Vec<PathBuf>,
    },
    /// Validate lexicon files and engine rule files and run their examples (errors name file,
    /// line and entry).
    Check {
        /// TOML files or directories.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Conditional-mood detection against the gold Mood=Cnd of UD CoNLL-U files.
    #[command(
        after_help = "Example:\n  hedge eval ud ../shared/eval/ud-french/*/*.conllu --corrections ../shared/eval/ud-french/GOLD-CORRECTIONS.tsv"
    )]
    Ud {
        #[arg(required = true, value_name = "FILE.conllu")]
        files: Vec<PathBuf>,
        /// Known gold errors to apply (file, sent_id, form, gold_mood, correct_mood).
        #[arg(long, value_name = "TSV")]
        corrections: Option<PathBuf>,
        /// List every false positive and miss.
        #[arg(long)]
        verbose: bool,
        #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
        format: EvalFormat,
    },
    /// The "no verb" claim filter against UD gold: hedge's no_verb sentences vs the gold's
    /// sentences with no VerbForm=Fin word, beside a trivial baseline computed in the same run;
    /// and reporting verbs by the gold part of speech of their word.
    #[command(after_help = "Examples:\n  hedge eval verbs ../shared/eval/ud-french/*/*.conllu --verbose\n  \
hedge eval verbs ../shared/eval/ud-french/*/*.conllu --rules my/scoring.toml\n  \
hedge eval verbs ../shared/eval/ud-french/UD_French-Sequoia/*.conllu --format json > verbs.json\n\n\
Each sentence's `# text` is analysed alone. Positive class: verbless (no word with VerbForm=Fin).\n\
hedge calls it verbless when every sentence it cuts the text into is no_verb; a text with a\n\
sentence rejected for another reason (question, too short, metadata…) is left out and counted.\n\
Baseline: verbless when no word has a finite reading in the verb table, even if it is also a noun.\n\
Also printed: the counted reporting verbs by the gold part of speech of their word (a hit on a\n\
noun, adjective or name reports nothing), beside every form of those verbs.\n\
The protocol and the figures: docs/ACCURACY.md.")]
    Verbs {
        #[arg(required = true, value_name = "FILE.conllu")]
        files: Vec<PathBuf>,
        /// List every error of hedge's filter (file, sent_id, kind, text) and every reporting
        /// verb found on a word that is not a verb (not_a_verb).
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        lexicon: EvalLexicon,
    },
    /// Reading of each conditional (hearsay, epistemic, hypothetical, future_in_past,
    /// attenuation) against a hand-annotated JSONL file.
    #[command(
        after_help = "Examples:\n  hedge eval readings ../shared/eval/cnd-readings/dev.jsonl --verbose\n  hedge eval readings ../shared/eval/cnd-readings/dev.jsonl --rule state-hearsay\n  hedge eval readings tests/data/readings-news/labels.jsonl --articles ../shared/eval/semeval2023-fr-genre/articles --half A\n  hedge eval readings tests/data/readings-fiction/labels.jsonl --articles ../shared/eval/fr-litbank-citations --half F\n\n\
A line either carries its sentence (\"text\", code-point offsets) or points into an article by byte\n\
offsets (\"file\", \"start\", \"end\", \"word\"), found next to the JSONL file or in --articles DIR."
    )]
    Readings {
        #[arg(value_name = "FILE.jsonl")]
        file: PathBuf,
        /// A folder to look for the articles in (items given by file and byte offsets).
        #[arg(long = "articles", value_name = "DIR")]
        articles: Vec<PathBuf>,
        /// Only the items whose "half" field is NAME: A, B, C or D in the news sets of
        /// tests/data/readings-news, F in the fiction set (items with no "half" field are kept).
        #[arg(long, value_name = "NAME")]
        half: Option<String>,
        /// List every error with its sentence.
        #[arg(long)]
        verbose: bool,
        /// List every item this classifier rule decided, right or wrong (rule names: see
        /// --verbose), instead of the summary.
        #[arg(long = "rule", value_name = "NAME")]
        rule: Option<String>,
        /// Replace engine rule files (readings.toml…; as for analyze/compare).
        #[arg(long = "rules", value_name = "PATH")]
        rules: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
        format: EvalFormat,
    },
    /// Sentence boundaries against UD gold: consecutive sentences joined by a space, 8 at a time.
    #[command(
        after_help = "Examples:\n  hedge eval segment ../shared/eval/ud-french/UD_French-Sequoia/*.conllu --prefix annodis.er\n  hedge eval segment ../shared/eval/ud-french/UD_French-GSD/fr_gsd-ud-dev.conllu"
    )]
    Segment {
        #[arg(required = true, value_name = "FILE.conllu")]
        files: Vec<PathBuf>,
        /// Only the sentences whose sent_id starts with this (e.g. annodis.er).
        #[arg(long)]
        prefix: Option<String>,
        /// List every missed and false boundary with its context.
        #[arg(long)]
        verbose: bool,
        /// Replace engine rule files (segmentation.toml; as for analyze/compare).
        #[arg(long = "rules", value_name = "PATH")]
        rules: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
        format: EvalFormat,
    },
    /// Score hedge against sentence labels of your own (JSONL; format in docs/GOLD.md):
    /// accuracy, per-label P/R/F1, macro-F1, confusion matrix.
    #[command(after_help = "Example:\n  hedge eval gold tests/data/gold/seeds-sample.jsonl --verbose\n\n\
One line per sentence: {\"file\": \"article.txt\", \"text\": \"Selon l'AFP, …\", \"label\": \"ATTRIBUTED\"}\n\
(or \"start\"/\"end\" byte offsets instead of \"text\"; optional \"flags\": [\"quoted\"|\"excluded\"]).\n\
Labels: ATTRIBUTED, HEDGED, BOOSTED, ASSERTED, NONE. Files are looked for next to the JSONL file,\n\
then in each --articles DIR, the current folder and seeds/ under it.\n\
The seed-gold schema (fields part, claim, quote…) is read too: its quoted-voice claims count as\n\
ATTRIBUTED, and its title and body claims get their own figures:\n  \
hedge eval gold ../shared/eval/seed-gold/seed-gold.jsonl")]
    Gold {
        #[arg(value_name = "FILE.jsonl")]
        file: PathBuf,
        /// A folder to look for the articles in, when they are not next to the JSONL file.
        #[arg(long = "articles", value_name = "DIR")]
        articles: Vec<PathBuf>,
        /// List every disagreement with its sentence.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        lexicon: EvalLexicon,
    },
    /// Does the score measure what it promises? AUC of the headline score for opinion > reporting
    /// on articles with a genre label of someone else's, beside each class share and a trivial
    /// baseline computed in the same run.
    #[command(
        after_help = "Example:\n  hedge eval genre ../shared/eval/semeval2023-fr-genre/labels.tsv ../shared/eval/semeval2023-fr-genre/articles\n\n\
LABELS.tsv: one `file<TAB>label` per line (labels opinion and reporting; others are ignored);\n\
files are relative to DIR. The formula and the figures: docs/SCORE.md."
    )]
    Genre {
        #[arg(value_name = "LABELS.tsv")]
        labels: PathBuf,
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// List every article with its score and its baseline.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        lexicon: EvalLexicon,
    },
    /// Quotations against brat citation files (fr-litbank): quoted sentences and words,
    /// P/R/F1 by opening mark (« or dash), and the speaker named for each quotation found.
    #[command(after_help = "Example:\n  hedge eval quotes ../shared/eval/fr-litbank-citations --verbose\n\n\
A sentence is quoted in the gold when at least half of its letters are inside a Citation span;\n\
a speaker is right when it shares a word (determiners aside) with the gold Source mention.")]
    Quotes {
        /// A folder of NAME.txt + NAME.ann pairs.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// List every missed or extra quoted sentence and every wrong speaker.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        lexicon: EvalLexicon,
    },
    /// Saved web pages read right? Per page: refused or not, must-keep snippets in scored
    /// sentences, must-drop snippets kept out of them, word F1 against an expected article.
    #[command(
        after_help = "Example:\n  hedge eval pages ../shared/eval/web-pages-fr/expectations.json ../shared/eval/web-pages-fr/pages --verbose\n\n\
EXPECTATIONS.json: {\"page.html\": {\"must_contain\": [\"…\"], \"must_not_contain\": [\"…\"]}, …}, or\n\
{\"page.html\": {\"expected_html\": \"<article>…</article>\"}}; files are relative to DIR. A snippet counts as\n\
kept when it lies in sentences counted in the score (title and body, in French)."
    )]
    Pages {
        #[arg(value_name = "EXPECTATIONS.json")]
        expectations: PathBuf,
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// List every missed must-keep snippet (and where it went) and every scored must-drop one.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        lexicon: EvalLexicon,
    },
    /// Fact alignment (`compare --facts`) against a hand-made gold of same-fact sentence groups:
    /// pair precision and recall (format and rule: docs/FACTS.md).
    #[command(after_help = "Example:\n  hedge eval facts tests/data/facts/seeds-gold.jsonl --verbose")]
    Facts {
        #[arg(value_name = "GOLD.jsonl")]
        file: PathBuf,
        /// List every false and missed pair with its sentences, score and shared features, and
        /// the pair score's own precision and recall at each threshold (no grouping).
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        params: FactParams,
        #[command(flatten)]
        lexicon: EvalLexicon,
    },
    /// Sources per article: does hedge name the source of each attributed claim of a
    /// hand-checked list, with the right key and kind (format and rule: docs/SOURCES.md)?
    #[command(after_help = "Example:\n  hedge eval sources tests/data/sources/seeds-sources.jsonl --verbose")]
    Sources {
        #[arg(value_name = "GOLD.jsonl")]
        file: PathBuf,
        /// List every claim whose source is missed or wrong.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        lexicon: EvalLexicon,
    },
    /// Attribution recall on the ASFALDA FrameNet occurrences (selon/d'après, quoting, speech
    /// verbs with a Speaker and a Message): the cue must be matched and its sentence ATTRIBUTED.
    #[command(
        after_help = "Example:\n  hedge eval attribution ../shared/eval/asfalda-french-framenet-sequoia/asfalda_sequoia.jsonl \\\n    --ud ../shared/eval/ud-french/UD_French-Sequoia/*.conllu --verbose\n\n\
ASFALDA is not exhaustive (at most 100 occurrences per lemma): this is recall on the annotated\n\
occurrences; precision cannot be measured from it."
    )]
    Attribution {
        #[arg(value_name = "ASFALDA.jsonl")]
        file: PathBuf,
        /// The UD_French-Sequoia CoNLL-U files that hold the raw sentence text.
        #[arg(long = "ud", value_name = "FILE.conllu", required = true, num_args = 1..)]
        ud: Vec<PathBuf>,
        /// List every missed occurrence with its sentence.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        lexicon: EvalLexicon,
    },
}

/// The thresholds of the fact alignment (`eval facts`, to measure how sensitive it is).
#[derive(Debug, Args)]
pub struct FactParams {
    /// Minimum similarity of a link between two sentences.
    #[arg(long, value_name = "X", default_value_t = crate::facts::Params::default().link)]
    pub link: f64,
    /// Minimum number of shared rare features of a link (a number with its unit counts for two).
    #[arg(long, value_name = "N", default_value_t = crate::facts::Params::default().min_shared)]
    pub min_shared: usize,
    /// Two groups merge when the mean similarity of their cross-article pairs is at least this
    /// fraction of --link.
    #[arg(long, value_name = "X", default_value_t = crate::facts::Params::default().merge)]
    pub merge: f64,
    /// Compare words on their first N folded characters (0 = whole words).
    #[arg(long, value_name = "N", default_value_t = crate::facts::Params::default().prefix)]
    pub prefix: usize,
    /// Weight factor of a shared bare number.
    #[arg(long, value_name = "X", default_value_t = crate::facts::Params::default().number_boost)]
    pub number_boost: f64,
    /// Group-level linking: a sentence joins a group when its best pair with the group reaches
    /// this fraction of --link and members of two other articles support it (0 = off).
    #[arg(long, value_name = "X", default_value_t = crate::facts::Params::default().attach)]
    pub attach: f64,
    /// The support a member of another article must give for --attach, as a fraction of --link.
    #[arg(long, value_name = "X", default_value_t = crate::facts::Params::default().attach_floor)]
    pub attach_floor: f64,
    /// The score's denominator: (1 - X) x the geometric mean of the two sentences' weights + X x
    /// the smaller one (0 = cosine-like, 1 = overlap coefficient).
    #[arg(long, value_name = "X", default_value_t = crate::facts::Params::default().overlap)]
    pub overlap: f64,
    /// Turn a normalisation on (comma-separated; all but `ranges` are off by default: they did
    /// not raise the held-out figures, see docs/FACTS.md).
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    pub with: Vec<FactNormalisation>,
    /// Turn a normalisation off, to measure what it brings (comma-separated).
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    pub without: Vec<FactNormalisation>,
}

/// A normalisation of the fact alignment that `eval facts --without` can turn off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FactNormalisation {
    /// Acronyms read as the phrase they stand for in the run (EI = État islamique).
    Acronyms,
    /// A range (« 200 à 300 ») states the run's numbers inside it (250).
    Ranges,
    /// A verb form reads as its infinitive (the verb table): fui, fuient = fuir.
    Lemmas,
    /// A noun in -ation/-ement/-age reads as its verb when the verb table has it.
    Nominalisations,
    /// Names of the run one edit apart are one name (Daesch = Daesh).
    Spellings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnalyzeFormat {
    /// Each sentence as it is analysed, then the summary (memory stays bounded, unless --html
    /// is given too).
    Text,
    /// One JSON document (holds every sentence in memory: use jsonl for a very large file).
    Json,
    /// JSON lines: one object per sentence as it is analysed, then one for the article.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Table,
    Json,
    Csv,
    Markdown,
    /// JSON lines: one object per article as it finishes, in input order (not sorted).
    Jsonl,
}

/// The options shared by the evaluations that run the whole analysis: a lexicon of one's own
/// and the output format.
#[derive(Debug, Args)]
pub struct EvalLexicon {
    /// Add or override lexicon entries (as for analyze/compare).
    #[arg(long = "lexicon", value_name = "PATH")]
    pub lexicons: Vec<PathBuf>,
    /// Replace engine rule files (as for analyze/compare).
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    Text,
    Json,
}
