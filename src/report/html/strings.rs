//! The words of the classroom report, in French and in English: one [`Ui`] table per language
//! for the page's fixed labels, and [`Lang`] for the names of labels, marker families, readings,
//! page parts and the reasons a sentence is not a claim.

use crate::classify::reading::Reading;
use crate::classify::{Excluded, Label, NotClaim};
use crate::extract::PartKind;
use crate::lexicon::Category;

/// Language of the page's labels (marker explanations come from the lexicon, in French).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

pub(super) struct Ui {
    pub(super) lang: &'static str,
    pub(super) title: &'static str,
    pub(super) subtitle: &'static str,
    pub(super) skip: &'static str,
    pub(super) nav: &'static str,
    pub(super) summary: &'static str,
    pub(super) summary_help: &'static str,
    pub(super) sort_help: &'static str,
    pub(super) col_rank: &'static str,
    pub(super) col_article: &'static str,
    pub(super) col_bar: &'static str,
    pub(super) col_score: &'static str,
    /// Tooltip of the `≈` mark: the score's interval overlaps the row above.
    pub(super) not_significant: &'static str,
    pub(super) col_quoted: &'static str,
    pub(super) col_claims: &'static str,
    pub(super) col_out: &'static str,
    pub(super) no_claim: &'static str,
    pub(super) legend: &'static str,
    pub(super) legend_help: &'static str,
    pub(super) legend_markers: &'static str,
    pub(super) legend_labels: &'static str,
    pub(super) not_counted: &'static str,
    pub(super) not_counted_help: &'static str,
    pub(super) quote: &'static str,
    pub(super) quote_help: &'static str,
    pub(super) side: &'static str,
    pub(super) side_help: &'static str,
    pub(super) side_left: &'static str,
    pub(super) side_right: &'static str,
    pub(super) articles: &'static str,
    pub(super) th_num: &'static str,
    pub(super) th_sentence: &'static str,
    pub(super) th_label: &'static str,
    pub(super) th_who: &'static str,
    pub(super) points: &'static str,
    pub(super) out_of_score: &'static str,
    pub(super) quoted_by: &'static str,
    /// Before the account holder of an embedded post (flag `signed`).
    pub(super) posted_by: &'static str,
    pub(super) in_quote: &'static str,
    pub(super) no_source: &'static str,
    pub(super) not_hedge: &'static str,
    pub(super) is_hedge: &'static str,
    pub(super) conditional: &'static str,
    pub(super) weight: &'static str,
    pub(super) sentences: &'static str,
    pub(super) own_claims: &'static str,
    pub(super) assertiveness: &'static str,
    pub(super) quoted_share: &'static str,
    pub(super) top_markers: &'static str,
    pub(super) conditionals: &'static str,
    pub(super) who_alone: &'static str,
    pub(super) who_source: &'static str,
    pub(super) who_hedge: &'static str,
    pub(super) who_boost: &'static str,
    pub(super) who_quote: &'static str,
    pub(super) who_unknown: &'static str,
    pub(super) who_none: &'static str,
    pub(super) comments_withheld: &'static str,
    pub(super) worksheet_names: &'static str,
    pub(super) worksheet_help: &'static str,
    pub(super) key: &'static str,
    pub(super) out_score: &'static str,
    pub(super) not_analysed: &'static str,
    pub(super) out_help: &'static str,
    pub(super) lang_help: &'static str,
    pub(super) include_hint: &'static str,
    pub(super) would_be: &'static str,
    pub(super) detected: &'static str,
    pub(super) same_reason: &'static str,
    pub(super) lang_tip: &'static str,
    /// A passage in another language inside a French article, read as a quotation.
    pub(super) lang_quoted_tip: &'static str,
    pub(super) confidence: &'static str,
    pub(super) counted_include: &'static str,
    pub(super) title_tag: &'static str,
    pub(super) title_help: &'static str,
    pub(super) errors: &'static str,
    pub(super) footer: &'static str,
    /// `compare --facts`: the « Même fait, autres voix » section.
    pub(super) facts_title: &'static str,
    pub(super) facts_help: &'static str,
    pub(super) facts_none: &'static str,
    pub(super) facts_quoted: &'static str,
}

const FR: Ui = Ui {
    lang: "fr",
    title: "Qui affirme quoi ?",
    subtitle: "Phrase par phrase : le média affirme-t-il lui-même, cite-t-il une source, ou prend-il des précautions ?",
    skip: "Aller au résumé",
    nav: "Sommaire",
    summary: "Résumé",
    summary_help: "Les parts sont calculées sur les affirmations du média lui-même. Assertivité : de 0 (tout est attribué, cité ou prudent) à 100 (tout est affirmé ou appuyé), entre parenthèses son intervalle à 95 % ; ≈ : écart non significatif avec la ligne au-dessus. Le score dit comment le média parle, pas s'il a raison. % citées : affirmations entre guillemets, comptées comme rapportées. Hors score : signature, texte de service (dons, copyright, partage), commentaires de lecteurs ; + phrases dans une autre langue.",
    sort_help: "Cliquez sur un titre de colonne pour trier.",
    col_rank: "Rang",
    col_article: "Article",
    col_bar: "Affirmations du média",
    col_score: "Assertivité",
    not_significant: "écart non significatif avec la ligne au-dessus : les intervalles à 95 % se chevauchent",
    col_quoted: "% citées",
    col_claims: "Affirmations",
    col_out: "Hors score",
    no_claim: "aucune affirmation du média",
    legend: "Légende",
    legend_help: "Survolez, touchez ou atteignez avec la touche Tab un mot surligné pour lire son explication.",
    legend_markers: "Marqueurs dans le texte",
    legend_labels: "Étiquette de chaque phrase",
    not_counted: "non compté",
    not_counted_help: "dans une citation, conditionnel qui n'exprime pas une prudence, ou verbe de parole qui ne cite personne (l'auteur parle lui-même, ou un fait « montre »)",
    quote: "citation",
    quote_help: "paroles entre guillemets : la voix de la personne citée ; le média la rapporte (base des citations dans le score)",
    side: "Deux articles côte à côte",
    side_help: "Choisissez les deux articles à comparer.",
    side_left: "Article de gauche",
    side_right: "Article de droite",
    articles: "Les articles",
    th_num: "N°",
    th_sentence: "Phrase",
    th_label: "Étiquette",
    th_who: "Qui parle ?",
    points: "points",
    out_of_score: "hors score",
    quoted_by: "citation de",
    posted_by: "message publié par",
    in_quote: "Non compté : dans une citation, ce sont les mots de la personne citée, pas ceux du média.",
    no_source: "Non compté : ce marqueur ne cite aucune source — c'est l'auteur qui parle (« rappelons que », « notre groupe estime »), ou son sujet est un fait qu'il donne pour preuve (« cela prouve que »), ou « selon » y veut dire « en fonction de, conformément à » (« administré selon les recommandations »), ou personne n'a encore parlé : la parole est possible, supposée ou à venir (« tout exploitant peut le confirmer », « s'il déclare que… »).",
    not_hedge: "ne compte pas comme une prudence",
    is_hedge: "compte comme une prudence",
    conditional: "Conditionnel",
    weight: "Poids",
    sentences: "phrases",
    own_claims: "affirmations du média",
    assertiveness: "assertivité",
    quoted_share: "affirmations citées",
    top_markers: "Marqueurs les plus fréquents",
    conditionals: "Conditionnels",
    who_alone: "Le média, seul",
    who_source: "Le média, d'après une source",
    who_hedge: "Le média, avec prudence",
    who_boost: "Le média, en insistant",
    who_quote: "Citation",
    who_unknown: "une personne citée",
    who_none: "Pas une affirmation",
    comments_withheld: "(commentaires de lecteurs, non reproduits)",
    worksheet_names: "Nom : ____________________   Classe : ________   Date : ____________",
    worksheet_help: "Pour chaque phrase, écrivez qui parle : le média lui-même, une source qu'il cite, ou une personne citée entre guillemets. Les mots soulignés sont des indices. Les phrases marquées « hors score » (signature, texte du site, commentaires de lecteurs, autre langue) sont laissées de côté.",
    key: "Corrigé",
    out_score: "hors score",
    not_analysed: "non analysée",
    out_help: "phrase laissée hors du score : signature, texte de service (appel aux dons, copyright, partage), commentaire de lecteur",
    lang_help: "phrase dans une autre langue : le lexique est français, elle n'est pas analysée",
    include_hint: "Elle ne compte pas dans le score du média. Pour la compter : hedge … --include",
    would_be: "Étiquette si on la comptait",
    detected: "Langue reconnue",
    same_reason: "même raison",
    lang_tip: "Le lexique de hedge est français : il ne sait pas lire cette phrase, qui n'est pas analysée et ne compte pas dans le score.",
    lang_quoted_tip: "Un média français n'écrit pas ses propres phrases en anglais (ou dans une autre langue) : un passage dans une autre langue, au milieu d'un article en français, est le texte d'une source que le média recopie, comme une citation. Le lexique de hedge est français : il ne lit pas les mots de ce passage, mais il le compte comme une parole rapportée (une citation), pas comme une affirmation du média.",
    confidence: "confiance",
    counted_include: "comptée (--include)",
    title_tag: "titre",
    title_help: "le titre de l'article : il compte dans le score",
    errors: "Fichiers non analysés",
    footer: "Produit par hedge, sans connexion réseau : cette page fonctionne hors ligne. Points d'une affirmation = base de son étiquette + poids de ses marqueurs comptés, entre 0 et 100 ; une phrase citée reçoit la base des citations (le média rapporte) ; assertivité = moyenne des points de toutes les affirmations, entre parenthèses l'intervalle à 95 % : deux scores dont les intervalles se chevauchent ne diffèrent pas de façon significative. Le score dit comment le média parle, pas s'il a raison, ni s'il est partial ou de qualité.",
    facts_title: "Même fait, autres voix",
    facts_help: "Les phrases de plusieurs articles qui donnent le même fait, les plus contrastées d'abord : l'un l'affirme, l'autre l'atténue ou l'attribue à une source. Les mots surlignés sont les indices. Que change la façon de le dire ?",
    facts_none: "Aucun fait commun trouvé.",
    facts_quoted: "citation",
};

const EN: Ui = Ui {
    lang: "en",
    title: "Who asserts what?",
    subtitle: "Sentence by sentence: does the outlet assert in its own voice, credit a source, or hedge?",
    skip: "Skip to the summary",
    nav: "Contents",
    summary: "Summary",
    summary_help: "Shares are of the outlet's own-voice claims. Assertiveness: from 0 (everything attributed, quoted or hedged) to 100 (everything asserted or insisted on), with its 95 % interval in brackets; ≈: not significantly different from the row above. The score says how the outlet speaks, not whether it is right. % quoted: claims inside quotation marks, counted as reported. Left out: byline, boilerplate (donations, copyright, sharing), reader comments; + sentences in another language.",
    sort_help: "Click a column heading to sort.",
    col_rank: "Rank",
    col_article: "Article",
    col_bar: "The outlet's own claims",
    col_score: "Assertiveness",
    not_significant: "not significantly different from the row above: the 95 % intervals overlap",
    col_quoted: "% quoted",
    col_claims: "Claims",
    col_out: "Left out",
    no_claim: "no own-voice claim",
    legend: "Legend",
    legend_help: "Hover, tap or reach with the Tab key a highlighted word to read its explanation (in French).",
    legend_markers: "Markers in the text",
    legend_labels: "Label of each sentence",
    not_counted: "not counted",
    not_counted_help: "inside a quotation, a conditional that is not a hedge, or a verb of saying that credits no one (the writer speaks, or a fact « shows »)",
    quote: "quotation",
    quote_help: "words inside quotation marks: the quoted person's voice; the outlet reports it (the quoted base in the score)",
    side: "Two articles side by side",
    side_help: "Choose the two articles to compare.",
    side_left: "Left article",
    side_right: "Right article",
    articles: "The articles",
    th_num: "No.",
    th_sentence: "Sentence",
    th_label: "Label",
    th_who: "Who speaks?",
    points: "points",
    out_of_score: "out of the score",
    quoted_by: "quoting",
    posted_by: "post by",
    in_quote: "Not counted: inside a quotation, these are the quoted person's words, not the outlet's.",
    no_source: "Not counted: this marker credits no source — the writer speaks (« rappelons que », « notre groupe estime »), or its subject is a fact given as proof (« cela prouve que »), or « selon » means “in accordance with, depending on” (« administré selon les recommandations »), or nobody has spoken yet: the speech can or will happen (« tout exploitant peut le confirmer »).",
    not_hedge: "not counted as a hedge",
    is_hedge: "counted as a hedge",
    conditional: "Conditional",
    weight: "Weight",
    sentences: "sentences",
    own_claims: "own-voice claims",
    assertiveness: "assertiveness",
    quoted_share: "quoted claims",
    top_markers: "Most frequent markers",
    conditionals: "Conditionals",
    who_alone: "The outlet, alone",
    who_source: "The outlet, citing a source",
    who_hedge: "The outlet, hedging",
    who_boost: "The outlet, insisting",
    who_quote: "Quotation",
    who_unknown: "a quoted person",
    who_none: "Not a claim",
    comments_withheld: "(reader comments, not reproduced)",
    worksheet_names: "Name: ____________________   Class: ________   Date: ____________",
    worksheet_help: "For each sentence, write who speaks: the outlet itself, a source it credits, or a person quoted in quotation marks. The underlined words are clues. Sentences marked “out of the score” (byline, site boilerplate, reader comments, another language) are left aside.",
    key: "Answer key",
    out_score: "out of the score",
    not_analysed: "not analysed",
    out_help: "sentence left out of the score: byline, boilerplate (donation appeal, copyright, share buttons), reader comment",
    lang_help: "sentence in another language: the lexicon is French, it is not analysed",
    include_hint: "It does not count in the outlet's score. To count it: hedge … --include",
    would_be: "Label if it were counted",
    detected: "Language detected",
    same_reason: "same reason",
    lang_tip: "hedge's lexicon is French: it cannot read this sentence, which is not analysed and does not count in the score.",
    lang_quoted_tip: "A French outlet does not write its own sentences in English (or another language): a passage in another language inside a French article is a source's text that the outlet copies, like a quotation. hedge's lexicon is French: it does not read the words of this passage, but it counts it as reported speech (a quotation), not as the outlet's own claim.",
    confidence: "confidence",
    counted_include: "counted (--include)",
    title_tag: "title",
    title_help: "the article's title: it counts in the score",
    errors: "Files not analysed",
    footer: "Made by hedge, with no network connection: this page works offline. Points of a claim = base of its label + weights of its counted markers, within 0..100; a quoted claim gets the quoted base (the outlet reports it); assertiveness = mean points of all claims, with its 95 % interval in brackets: two scores whose intervals overlap do not differ significantly. The score says how the outlet speaks, not whether it is right, biased or good.",
    facts_title: "Same fact, different voices",
    facts_help: "Sentences of several articles that give the same fact, the most contrasted first: one asserts it, another hedges it or credits it to a source. The highlighted words are the cues. What does the way it is said change?",
    facts_none: "No fact in common found.",
    facts_quoted: "quotation",
};

impl Lang {
    /// Why a passage in another language inside a French article counts as a quotation
    /// (for students; shown once per article).
    pub fn other_language_tip(self) -> &'static str {
        self.ui().lang_quoted_tip
    }

    pub(super) fn ui(self) -> &'static Ui {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// A number with one decimal, with a decimal comma in French.
    pub fn num(self, v: f64) -> String {
        let s = format!("{v:.1}");
        match self {
            Lang::Fr => s.replace('.', ","),
            Lang::En => s,
        }
    }

    /// The name of a sentence label.
    pub fn label(self, l: Label) -> &'static str {
        match (self, l) {
            (Lang::Fr, Label::Attributed) => "attribuée",
            (Lang::Fr, Label::Hedged) => "prudente",
            (Lang::Fr, Label::Boosted) => "appuyée",
            (Lang::Fr, Label::Asserted) => "affirmée",
            (Lang::Fr, Label::None) => "pas une affirmation",
            (Lang::En, Label::Attributed) => "attributed",
            (Lang::En, Label::Hedged) => "hedged",
            (Lang::En, Label::Boosted) => "boosted",
            (Lang::En, Label::Asserted) => "asserted",
            (Lang::En, Label::None) => "not a claim",
        }
    }

    /// The column heading of a label's share.
    pub(super) fn share(self, l: Label) -> &'static str {
        match (self, l) {
            (Lang::Fr, Label::Attributed) => "% attribuées",
            (Lang::Fr, Label::Hedged) => "% prudentes",
            (Lang::Fr, Label::Boosted) => "% appuyées",
            (Lang::Fr, _) => "% affirmées",
            (Lang::En, Label::Attributed) => "% attributed",
            (Lang::En, Label::Hedged) => "% hedged",
            (Lang::En, Label::Boosted) => "% boosted",
            (Lang::En, _) => "% asserted",
        }
    }

    /// What a label means, for the legend.
    pub(super) fn label_help(self, l: Label) -> &'static str {
        match (self, l) {
            (Lang::Fr, Label::Attributed) => "l'information est attribuée à une source (selon, a déclaré…)",
            (Lang::Fr, Label::Hedged) => "le média ne garantit pas l'information (conditionnel, sans doute…)",
            (Lang::Fr, Label::Boosted) => "le média insiste sur la vérité de l'information (évidemment…)",
            (Lang::Fr, Label::Asserted) => "le média affirme seul : sans source et sans prudence",
            (Lang::Fr, Label::None) => "question, titre, date, signature, fragment sans verbe",
            (Lang::En, Label::Attributed) => "the information is credited to a source (selon, a déclaré…)",
            (Lang::En, Label::Hedged) => "the outlet does not vouch for it (conditional, sans doute…)",
            (Lang::En, Label::Boosted) => "the outlet insists it is true (évidemment…)",
            (Lang::En, Label::Asserted) => "the outlet asserts it alone: no source, no hedge",
            (Lang::En, Label::None) => "question, heading, date, byline, fragment with no verb",
        }
    }

    /// The name of a marker category.
    pub(super) fn category(self, c: Category) -> &'static str {
        match (self, c) {
            (Lang::Fr, Category::Attribution) => "source citée",
            (Lang::Fr, Category::Hedge) => "prudence",
            (Lang::Fr, Category::Booster) => "insistance",
            (Lang::En, Category::Attribution) => "source credited",
            (Lang::En, Category::Hedge) => "hedge",
            (Lang::En, Category::Booster) => "booster",
        }
    }

    pub(super) fn category_help(self, c: Category) -> &'static str {
        match (self, c) {
            (Lang::Fr, Category::Attribution) => "dit d'où vient l'information",
            (Lang::Fr, Category::Hedge) => "le média prend ses distances",
            (Lang::Fr, Category::Booster) => "le média insiste, se porte garant",
            (Lang::En, Category::Attribution) => "says where the information comes from",
            (Lang::En, Category::Hedge) => "the outlet keeps its distance",
            (Lang::En, Category::Booster) => "the outlet insists, vouches for it",
        }
    }

    /// Name and meaning of a conditional's reading.
    pub fn reading(self, r: Reading) -> (&'static str, &'static str) {
        match (self, r) {
            (Lang::Fr, Reading::Hearsay) => ("ouï-dire", "le média rapporte une information sans la garantir"),
            (Lang::Fr, Reading::Epistemic) => ("supposition", "une possibilité, une probabilité"),
            (Lang::Fr, Reading::Hypothetical) => ("hypothèse", "ce qui arriverait si… : une condition, pas un doute"),
            (Lang::Fr, Reading::FutureInPast) => ("futur dans le passé", "« il a dit qu'il viendrait » : un futur vu du passé"),
            (Lang::Fr, Reading::Attenuation) => ("atténuation", "politesse ou conseil : « je voudrais », « il faudrait »"),
            (Lang::En, Reading::Hearsay) => ("hearsay", "the outlet reports it without vouching for it"),
            (Lang::En, Reading::Epistemic) => ("epistemic", "a possibility, a likelihood"),
            (Lang::En, Reading::Hypothetical) => ("hypothetical", "what would happen if…: a condition, not a doubt"),
            (Lang::En, Reading::FutureInPast) => ("future in the past", "“he said he would come”: a future seen from the past"),
            (Lang::En, Reading::Attenuation) => ("attenuation", "politeness or advice: “je voudrais”, “il faudrait”"),
        }
    }

    /// What a left-out stretch of the page is, in a few words: from the rule that found it
    /// (`parts.donation`), else from its part. A rule added later falls back to its part.
    pub fn part_name(self, part: PartKind, rule: Option<&str>) -> &'static str {
        let key = rule.map(|r| r.rsplit('.').next().unwrap_or(r)).unwrap_or("");
        match (self, part, key) {
            (Lang::Fr, _, "donation") => "appel aux dons",
            (Lang::Fr, _, "share") => "boutons de partage",
            (Lang::Fr, _, "copyright") => "mention légale",
            (Lang::Fr, _, "photo-credit") => "légende d'image",
            (Lang::Fr, _, "site-furniture") => "élément du site",
            (Lang::Fr, _, "meta") => "date, rubrique",
            (Lang::Fr, _, "about-author" | "biography") => "présentation de l'auteur",
            (Lang::Fr, PartKind::Byline, _) => "signature",
            (Lang::Fr, PartKind::Boilerplate, _) => "texte de service",
            (Lang::Fr, PartKind::Comments, _) => "commentaire de lecteur",
            (Lang::Fr, PartKind::Title, _) => "titre",
            (Lang::Fr, PartKind::Body, _) => "corps de l'article",
            (Lang::En, _, "donation") => "donation appeal",
            (Lang::En, _, "share") => "share buttons",
            (Lang::En, _, "copyright") => "legal notice",
            (Lang::En, _, "photo-credit") => "image caption",
            (Lang::En, _, "site-furniture") => "site navigation",
            (Lang::En, _, "meta") => "date, section",
            (Lang::En, _, "about-author" | "biography") => "about the author",
            (Lang::En, PartKind::Byline, _) => "byline",
            (Lang::En, PartKind::Boilerplate, _) => "boilerplate",
            (Lang::En, PartKind::Comments, _) => "reader comment",
            (Lang::En, PartKind::Title, _) => "title",
            (Lang::En, PartKind::Body, _) => "article body",
        }
    }

    /// A part of the page in the plural, for counts (`commentaires de lecteurs 16`).
    pub(super) fn part_plural(self, part: PartKind) -> &'static str {
        match (self, part) {
            (Lang::Fr, PartKind::Byline) => "signature et date",
            (Lang::Fr, PartKind::Boilerplate) => "texte de service",
            (Lang::Fr, PartKind::Comments) => "commentaires de lecteurs",
            (Lang::Fr, PartKind::Title) => "titre",
            (Lang::Fr, PartKind::Body) => "corps",
            (Lang::En, PartKind::Byline) => "byline and date",
            (Lang::En, PartKind::Boilerplate) => "boilerplate",
            (Lang::En, PartKind::Comments) => "reader comments",
            (Lang::En, PartKind::Title) => "title",
            (Lang::En, PartKind::Body) => "body",
        }
    }

    /// "en anglais" / "in English": the language of a passage, from its code (ISO 639-3, or a
    /// script name), falling back to the English name the detector gives.
    pub fn in_language(self, code: &str, name: &str) -> String {
        const NAMES: [(&str, &str, &str); 12] = [
            ("eng", "anglais", "English"),
            ("spa", "espagnol", "Spanish"),
            ("ita", "italien", "Italian"),
            ("deu", "allemand", "German"),
            ("por", "portugais", "Portuguese"),
            ("nld", "néerlandais", "Dutch"),
            ("ara", "arabe", "Arabic"),
            ("arabic", "écriture arabe", "Arabic script"),
            ("rus", "russe", "Russian"),
            ("cyrillic", "cyrillique", "Cyrillic"),
            ("greek", "grec", "Greek"),
            ("hebrew", "hébreu", "Hebrew"),
        ];
        let known = NAMES.iter().find(|(c, _, _)| *c == code);
        match (self, known) {
            (Lang::Fr, Some((_, fr, _))) => format!("en {fr}"),
            (Lang::Fr, None) => format!("autre langue ({name})"),
            (Lang::En, Some((_, _, en))) => format!("in {en}"),
            (Lang::En, None) => format!("in {name}"),
        }
    }

    /// The short tag of a sentence left out of the score: `commentaire de lecteur — hors score`,
    /// `en anglais — non analysée`.
    pub(super) fn out_tag(self, e: &Excluded) -> String {
        let ui = self.ui();
        match e {
            Excluded::Part { part, rule, .. } => format!("{} — {}", self.part_name(*part, rule.as_deref()), ui.out_score),
            Excluded::Language { language, language_name, .. } => format!("{} — {}", self.in_language(language, language_name), ui.not_analysed),
        }
    }

    pub(super) fn not_claim(self, n: NotClaim) -> &'static str {
        match (self, n) {
            (Lang::Fr, _) => n.explain(),
            (Lang::En, NotClaim::Question) => "a question asserts nothing",
            (Lang::En, NotClaim::TooShort) => "too short to assert anything",
            (Lang::En, NotClaim::Metadata) => "metadata (date, source, byline)",
            (Lang::En, NotClaim::NoVerb) => "no finite verb: a heading or a fragment",
            (Lang::En, NotClaim::Announces) => "it announces what follows (colon) and asserts nothing itself",
            (Lang::En, NotClaim::CallToAction) => "an instruction or appeal to the reader (imperative), not a claim",
            (Lang::En, NotClaim::Prescription) => "a prescription (« il faut… »): what should be done, not what is",
        }
    }
}
