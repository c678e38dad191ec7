//! Speech tags around quotations: who is quoted, with what verb (`lexicons/rules/quotes.toml`).
//!
//! Three shapes of tag are read:
//! * **inverted**, after or inside the quotation: a speech verb then its subject, a pronoun
//!   after a hyphen or a noun phrase (« dit-il », « a-t-il ajouté », « dit aussitôt Roger »,
//!   « demanda le laquais », « a ajouté l'armée, qui… »);
//! * **forward**, before it: a subject then a speech verb, then at most a few words and a colon,
//!   *que* or the quotation (« Le Premier ministre israélien, Yaïr Lapid, a déclaré : »);
//! * **source**: *selon* / *d'après* and a noun phrase (« Selon l'armée, « … » »).
//!
//! A tag inside a quotation (an *incise*: « — Oui, répondit-il, c'est vrai. ») is the
//! narrator's words: [`split_incises`] cuts the quotation around it.
//!
//! The speaker is only ever a name, a noun phrase opened by a determiner, or a subject pronoun;
//! when no such phrase is found it is left empty (never the leftover words of a sentence).

use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;

use crate::lexicon::morphology::{Morphology, Tags};
use crate::segment::{Quote, QuoteMark};
use crate::token::WordSet;

/// The word lists of `lexicons/rules/quotes.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagRules {
    pub speech_verbs: WordSet,
    pub auxiliaries: WordSet,
    pub clitics: WordSet,
    pub pronouns: WordSet,
    pub determiners: WordSet,
    /// Participles that name what follows them (« la compétition *appelée* « les Petits
    /// Tigres » »): a quotation after one is a name, nobody's words.
    pub naming: WordSet,
    pub adverbs: WordSet,
    /// Degree words passed over before an inverted tag's subject (« interrompit assez
    /// sèchement le Baron », « souffla presque le malade »), but not inside a noun phrase.
    pub degree_words: WordSet,
    pub stops: WordSet,
    pub connectors: WordSet,
    pub not_names: WordSet,
    pub time_words: WordSet,
    pub pronoun_only: WordSet,
    pub sources: WordSet,
}

impl TagRules {
    /// The built-in rules (see [`crate::rules::Rules::builtin`]).
    pub fn embedded() -> &'static TagRules {
        &crate::rules::Rules::builtin().quotes
    }
    pub fn from_toml(text: &str) -> Result<TagRules, crate::rules::RuleError> {
        crate::rules::parse("quotes.toml", text)
    }
}

/// Small words between the parts of a name (« de La Fayette », « von der Leyen »).
const PARTICLES: [&str; 10] = ["de", "du", "d'", "la", "le", "des", "von", "van", "der", "den"];

/// A speech tag found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The whole tag (for an incise: what is cut out of the quotation).
    pub span: Range<usize>,
    /// The speech verb (with its auxiliary or reflexive clitic: « a ajouté », « s'écria »).
    pub cue: Range<usize>,
    /// The speaker's phrase, if the tag names one.
    pub speaker: Option<Range<usize>>,
}

/// A word or a punctuation mark.
#[derive(Debug, Clone)]
struct Tok<'a> {
    span: Range<usize>,
    /// Lower-cased word (with its apostrophe: « s' », « l' »), or the punctuation character;
    /// borrowed from the text when it is already so (most words, every punctuation mark).
    low: Cow<'a, str>,
    word: bool,
    capital: bool,
}

/// Words (letters, digits; an apostrophe ends a word: « s'|écria ») and punctuation marks.
fn tokens(text: &str, range: Range<usize>) -> Vec<Tok<'_>> {
    tokens_upto(text, range, usize::MAX, false)
}

/// The first `max` tokens of `range` (see [`tokens`]): the same as the first `max` of all its
/// tokens, since each is cut from left to right. With `to_stop`, they end at the first *hard
/// stop* after the first token: a punctuation mark other than « - », « ' » and « . ». The
/// searches that read forward from the start of a range ([`Tagger::after`],
/// [`Tagger::phrase_at`]) never pass one: an inverted tag, its subject and the adverbs after it
/// are words, hyphens (« -t-il », « vice-président ») and periods inside a name (« M. Dupont »),
/// and the end of a tag is the first punctuation mark other than « - » and « ' ». So they find
/// on these tokens what they find on all of them, without cutting the rest of the range (most
/// of a sentence). ASCII letters, digits and white space are
/// stepped over byte by byte; whether a word is ASCII and has a capital is noted on the way
/// (not found by scanning it again).
fn tokens_upto(text: &str, range: Range<usize>, max: usize, to_stop: bool) -> Vec<Tok<'_>> {
    let s = &text[range.clone()];
    let b = s.as_bytes();
    let char_at = |i: usize| s[i..].chars().next().unwrap_or_default();
    // About one token per five bytes of French text: sized once instead of grown from empty
    // (growing was 1.4 % of a corpus run's instructions).
    let mut out = Vec::with_capacity((s.len() / 5 + 4).min(max));
    let mut i = 0;
    while i < b.len() && out.len() < max {
        let c = if b[i] < 0x80 { b[i] as char } else { char_at(i) };
        if crate::token::is_alnum(c) {
            let mut ascii = c.is_ascii();
            let mut upper = c.is_ascii_uppercase();
            let mut end = i + c.len_utf8();
            while end < b.len() {
                let d = b[end];
                if d.is_ascii_alphanumeric() {
                    upper |= d.is_ascii_uppercase();
                    end += 1;
                } else if d == b'\'' {
                    end += 1;
                    break;
                } else if d < 0x80 {
                    break;
                } else {
                    let d = char_at(end);
                    if crate::token::is_alnum(d) {
                        ascii = false;
                        end += d.len_utf8();
                    } else if d == '’' {
                        ascii = false;
                        end += d.len_utf8();
                        break;
                    } else {
                        break;
                    }
                }
            }
            let w = &s[i..end];
            out.push(Tok { span: range.start + i..range.start + end, low: lower_word(w, ascii, upper), word: true, capital: c.is_uppercase() });
            i = end;
        } else {
            let end = i + c.len_utf8();
            if !c.is_whitespace() {
                out.push(Tok { span: range.start + i..range.start + end, low: Cow::Borrowed(&s[i..end]), word: false, capital: false });
                if to_stop && out.len() > 1 && !matches!(c, '-' | '\'' | '.') {
                    break;
                }
            }
            i = end;
        }
    }
    out
}

/// The lower case of the word `w` (`ascii`: all ASCII; `upper`: it holds an ASCII capital), ’
/// read as '. Borrowed when the word is already lower case (most words), else one allocation.
fn lower_word(w: &str, ascii: bool, upper: bool) -> Cow<'_, str> {
    if ascii {
        if upper {
            Cow::Owned(w.to_ascii_lowercase())
        } else {
            Cow::Borrowed(w)
        }
    } else if w.chars().all(lower_case_already) {
        // « été », « déclaré »: most non-ASCII words are lower case already.
        Cow::Borrowed(w)
    } else if w.contains('’') {
        Cow::Owned(w.to_lowercase().replace('’', "'"))
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// Is `c` its own lower case, with no ’ to replace: ASCII other than capitals, and the lower
/// case letters of Latin-1 and « œ » (a test checks `char::to_lowercase` on them).
fn lower_case_already(c: char) -> bool {
    (c.is_ascii() && !c.is_ascii_uppercase()) || matches!(c, '\u{df}'..='\u{ff}' | 'œ')
}

/// A demonstrative pronoun from token `i` (« répondit *celle-ci* », « dit *celui-là* »): the
/// token after it.
fn demonstrative(t: &[Tok<'_>], i: usize) -> Option<usize> {
    t.get(i).filter(|x| matches!(x.low.as_ref(), "celui" | "celle" | "ceux" | "celles"))?;
    (t.get(i + 1).is_some_and(|x| x.low == "-") && t.get(i + 2).is_some_and(|x| matches!(x.low.as_ref(), "ci" | "là"))).then_some(i + 3)
}

/// Reads speech tags with the verb table and the word lists.
pub struct Tagger<'a> {
    morph: &'a Morphology,
    r: &'a TagRules,
}

impl<'a> Tagger<'a> {
    pub fn new(morph: &'a Morphology, r: &'a TagRules) -> Tagger<'a> {
        Tagger { morph, r }
    }

    /// The word lists it reads tags with (`quotes.toml`).
    pub fn rules(&self) -> &'a TagRules {
        self.r
    }

    /// Is `w` a form of a speech verb with one of the tags `want`?
    fn speech(&self, w: &str, want: Tags) -> bool {
        let w = w.strip_prefix("s'").unwrap_or(w);
        self.morph.lookup(w).iter().any(|f| f.tags.intersects(want) && self.r.speech_verbs.contains(self.morph.lemma_name(f.lemma)))
    }

    fn present_participle(&self, w: &str) -> bool {
        w.ends_with("ant") && self.morph.lookup(w).iter().any(|f| f.tags.contains(Tags::PPR))
    }

    /// A past participle that can stand after a speaker as an apposition (« dit Florent
    /// accablé »), never a speech verb's own (« a dit Florent ajouté » is no French).
    fn speech_free_participle(&self, w: &str) -> bool {
        self.morph.lookup(w).iter().any(|f| f.tags.contains(Tags::PPAS)) && self.morph.lookup(w).iter().all(|f| !f.tags.intersects(Tags::FINITE))
    }

    /// A pronoun that can only be a subject: not « nous » or « vous », which may be objects
    /// (« il nous dit »).
    fn subject_pronoun(&self, w: &str) -> bool {
        self.r.pronouns.contains(w) && !matches!(w, "nous" | "vous")
    }

    fn adverb(&self, w: &str) -> bool {
        self.r.adverbs.contains(w) || (w.len() > 5 && w.ends_with("ment"))
    }

    /// A noun phrase from token `i`: a run of capitalised words (with de/du/d'/la/le between
    /// them), or a determiner and the words up to a stop word or a punctuation mark (at most
    /// eight words). Returns the end token (exclusive).
    fn noun_phrase(&self, t: &[Tok<'_>], i: usize) -> Option<usize> {
        self.noun_phrase_at(t, i, false)
    }

    /// [`Self::noun_phrase`]; `after_verb`: right after an inverted verb, where a capital
    /// cannot be a sentence's first letter, so a name that is also a verb form is a name
    /// (« analyse Marie Dupont », « répondit Rose »).
    fn noun_phrase_at(&self, t: &[Tok<'_>], i: usize, after_verb: bool) -> Option<usize> {
        let first = t.get(i).filter(|x| x.word)?;
        let r = self.r;
        let function_word = |w: &str| {
            r.determiners.contains(w) || r.stops.contains(w) || r.pronouns.contains(w) || r.connectors.contains(w) || r.not_names.contains(w)
        };
        if first.capital && !function_word(&first.low) {
            // A capitalised adverb, verb form or elided word opening a sentence is no name
            // (« Maintenant », « Voyant », « Rassurée », « J' »).
            if first.low.ends_with('\'') || self.adverb(&first.low) || (!after_verb && !self.morph.lookup(&first.low).is_empty()) {
                return None;
            }
            let mut j = i + 1;
            // « M. Dupont », « M. de Coutelier »
            if first.low.len() <= 3
                && t.get(j).is_some_and(|x| x.low == ".")
                && t.get(j + 1).is_some_and(|x| x.capital || PARTICLES.contains(&x.low.as_ref()))
            {
                j += 1;
            }
            loop {
                match t.get(j) {
                    Some(x) if x.word && x.capital => j += 1,
                    // « Seymour M. Hersh »
                    Some(x) if x.low == "." && t[j - 1].low.chars().count() == 1 && t.get(j + 1).is_some_and(|y| y.word && y.capital) => j += 1,
                    Some(x) if x.low == "-" && t.get(j + 1).is_some_and(|y| y.capital) => j += 2,
                    // « Mme de La Fayette », « Ursula von der Leyen »: particles, then a name.
                    Some(x) if PARTICLES.contains(&x.low.as_ref()) => {
                        let mut k = j;
                        while t.get(k).is_some_and(|y| PARTICLES.contains(&y.low.as_ref())) && k < j + 3 {
                            k += 1;
                        }
                        if !t.get(k).is_some_and(|y| y.word && y.capital) {
                            break;
                        }
                        j = k + 1;
                    }
                    _ => break,
                }
            }
            return Some(j);
        }
        if !self.r.determiners.contains(&*first.low) {
            return None;
        }
        let mut j = i + 1;
        let mut n = 0;
        while let Some(x) = t.get(j) {
            let joins = x.low == "-" && t.get(j + 1).is_some_and(|y| y.word); // « vice-président »
                                                                              // The phrase ends at a stop word or a conjugated verb (« la saison | fut tardive »).
            if !(x.word || joins)
                || self.r.stops.contains(&*x.low)
                || n >= 8
                || (n > 0 && (self.morph.is_unambiguous_finite(&x.low) || self.adverb(&x.low) || self.present_participle(&x.low)))
            {
                break;
            }
            // « le laissa retomber »: an object pronoun, not a determiner.
            if n == 0 && self.morph.is_unambiguous_finite(&x.low) {
                return None;
            }
            if self.r.time_words.contains(&*x.low) {
                return None;
            }
            j += if joins { 2 } else { 1 };
            n += 1;
        }
        // A determiner alone (« Les ») is no phrase.
        (n > 0).then_some(j)
    }

    /// An inverted tag starting at token `i`: [clitic] verb [-t-pronoun | [adverbs] phrase],
    /// or auxiliary[-t-pronoun] participle [phrase]. It must end at a punctuation mark, a
    /// stop word or the end of `t`. Returns the tag and the token after it.
    fn inverted(&self, t: &[Tok<'_>], i: usize) -> Option<(Tag, usize)> {
        self.inverted_with(t, i, false)
    }

    /// [`Self::inverted`], or with `open` any verb: right after a quotation and a comma, a verb
    /// inverted with its subject is a speech tag whatever the verb (« », analyse Orietta
    /// Cazzuli », « », a-t-il fait valoir »): the inversion, not the word, makes the tag. With
    /// a verb outside `speech_verbs` the subject must be a name or a hyphenated pronoun, and the
    /// verb a third-person form.
    fn inverted_with(&self, t: &[Tok<'_>], i: usize, open: bool) -> Option<(Tag, usize)> {
        let speech = |w: &str, want: Tags| {
            self.speech(w, want)
                || (open && !w.ends_with("ons") && !w.ends_with("ez") && self.morph.lookup(w).iter().any(|f| f.tags.intersects(want)))
        };
        let mut j = i;
        if t.get(j).is_some_and(|x| x.word && self.r.clitics.contains(&*x.low) && x.low != "s'") && t.get(j + 1).is_some_and(|x| x.word) {
            j += 1;
        }
        let verb = t.get(j).filter(|x| x.word)?;
        let cue_start = verb.span.start;
        let aux = self.r.auxiliaries.contains(&*verb.low);
        if !aux && verb.low != "s'" && !speech(&verb.low, Tags::FINITE) {
            return None;
        }
        if verb.low.ends_with('\'') && verb.low != "s'" {
            return None;
        }
        // « s'écria » : the clitic and the verb are two tokens.
        let (mut j, mut cue_end) = if verb.low == "s'" {
            let v = t.get(j + 1).filter(|x| x.word && speech(&x.low, Tags::FINITE))?;
            (j + 2, v.span.end)
        } else {
            (j + 1, verb.span.end)
        };
        // -t-il, -elle
        let mut pronoun = None;
        if t.get(j).is_some_and(|x| x.low == "-") {
            let mut k = j + 1;
            if t.get(k).is_some_and(|x| x.low == "t") && t.get(k + 1).is_some_and(|x| x.low == "-") {
                k += 2;
            }
            let p = t.get(k).filter(|x| self.r.pronouns.contains(&*x.low))?;
            pronoun = Some(p.span.clone());
            j = k + 1;
        }
        if aux {
            let part = t.get(j).filter(|x| x.word && speech(&x.low, Tags::PPAS))?;
            cue_end = part.span.end;
            j += 1;
        } else if pronoun.is_none() && verb.low != "s'" && !speech(&verb.low, Tags::FINITE) {
            return None;
        }
        let pronoun_only = self.morph.lookup(verb.low.as_ref()).iter().any(|f| self.r.pronoun_only.contains(self.morph.lemma_name(f.lemma)));
        let speaker = match pronoun {
            // A verb with its subject pronoun after a hyphen is an inversion whatever follows
            // (« demanda-t-elle de nouveau », « ajouta-t-elle vivement », « répondit-elle
            // effrayée »): the tag runs to the next punctuation mark.
            Some(p) => {
                let end = t
                    .get(j..)
                    .and_then(|rest| rest.iter().find(|x| !x.word && x.low != "-" && x.low != "'"))
                    .map_or(t.last()?.span.end, |x| x.span.start);
                return Some((Tag { span: t[i].span.start..end, cue: cue_start..cue_end, speaker: Some(p) }, j));
            }
            None => {
                // Adverbs and gerunds (« disait en riant mon père »).
                loop {
                    if t.get(j).is_some_and(|x| x.word && (self.adverb(&x.low) || self.r.degree_words.contains(&*x.low))) {
                        j += 1;
                    } else if t.get(j).is_some_and(|x| x.low == "en") && t.get(j + 1).is_some_and(|x| self.present_participle(&x.low)) {
                        j += 2;
                    } else if let Some(e) = self.addressee(t, j) {
                        j = e;
                    } else if let Some(e) = self.manner(t, j) {
                        j = e;
                    } else {
                        break;
                    }
                }
                if open && !self.speech(&verb.low, Tags::FINITE) && !aux && !t.get(j).is_some_and(|x| x.capital) {
                    return None;
                }
                let end = demonstrative(t, j).or_else(|| self.noun_phrase_at(t, j, true))?;
                let sp = t[j].span.start..t[end - 1].span.end;
                j = end;
                // « répliqua Bouvard négligemment, », « dit Florent accablé. »
                while t.get(j).is_some_and(|x| x.word && (self.adverb(&x.low) || self.speech_free_participle(&x.low))) {
                    j += 1;
                }
                // « fit » takes a noun phrase only when a punctuation mark or the end follows
                // (« fit le vieux, mécontent », « fit Douce. »; not « fit la grimace et partit »).
                // A noun-phrase subject goes with a verb of the third person (« fit », « fait »,
                // « firent »; not « faisons un marché »).
                let third = verb.low.ends_with('t') || verb.low.ends_with('a');
                if pronoun_only && (t.get(j).is_some_and(|x| x.word) || !third) {
                    return None;
                }
                Some(sp)
            }
        };
        // What follows: a punctuation mark, a stop word, or nothing.
        match t.get(j) {
            None => {}
            Some(x) if !x.word || self.r.stops.contains(&*x.low) => {}
            _ => return None,
        }
        let end =
            t.get(j..).and_then(|rest| rest.iter().find(|x| !x.word && x.low != "-" && x.low != "'")).map_or(t.last()?.span.end, |x| x.span.start);
        Some((Tag { span: t[i].span.start..end, cue: cue_start..cue_end, speaker }, j))
    }

    /// The last unambiguous finite verb among the `most` tokens before `end`, past words only
    /// (and commas, with `past_commas`).
    fn finite_before(&self, t: &[Tok<'_>], end: usize, most: usize, past_commas: bool) -> Option<usize> {
        (end.saturating_sub(most)..end)
            .rev()
            .take_while(|&j| t[j].word || (past_commas && t[j].low == ","))
            .find(|&j| self.morph.is_unambiguous_finite(&t[j].low))
    }

    /// The person spoken to, between an inverted verb and its subject (« dit à sa voisine une
    /// dame », « a déclaré à l'AFP un responsable »): « à » or « au », a determiner or a name,
    /// at most two more words, then the subject's determiner. Returns the token after it.
    fn addressee(&self, t: &[Tok<'_>], j: usize) -> Option<usize> {
        let opens = |x: &Tok<'_>| x.word && (x.capital || self.r.determiners.contains(&*x.low));
        let first = match t.get(j)?.low.as_ref() {
            "à" if t.get(j + 1).is_some_and(opens) => j + 1,
            "au" => j,
            _ => return None,
        };
        (first + 2..=first + 3).find(|&e| {
            t[first + 1..e.min(t.len())].iter().all(|x| x.word) && t.get(e).is_some_and(|x| x.word && self.r.determiners.contains(&*x.low))
        })
    }

    /// A manner complement between an inverted verb and its subject: « avec » or « sans » and
    /// a noun with no determiner (« dit *avec chaleur* la bonne Pauline », « répondit *sans
    /// hésitation* le témoin »). Returns the token after it.
    fn manner(&self, t: &[Tok<'_>], j: usize) -> Option<usize> {
        let noun = t.get(j + 1).filter(|x| x.word && !x.capital && !self.r.determiners.contains(&*x.low) && !self.r.stops.contains(&*x.low))?;
        (matches!(t.get(j)?.low.as_ref(), "avec" | "sans") && !noun.low.ends_with('\'')).then_some(j + 2)
    }

    /// A forward tag ending `range` (before a quotation, or a sentence ending with a colon):
    /// the last speech verb, at most six words from the end (nine before a colon: « il dit à
    /// Florent d'une voix un peu basse : »), and the subject before it; or « selon / d'après »
    /// and a phrase.
    pub fn forward(&self, text: &str, range: Range<usize>) -> Option<Tag> {
        let t = tokens(text, range);
        let n = t.len();
        // The speech verb: the last one, with at most six words after it (nine before a colon).
        let most = if t.last().is_some_and(|x| x.low == ":") { 9 } else { 6 };
        let mut words_after = 0;
        let mut v = None;
        for k in (0..n).rev() {
            if !t[k].word {
                if matches!(t[k].low.as_ref(), "." | "!" | "?" | "«" | "»" | "“" | "”") && v.is_none() && words_after > 0 {
                    break;
                }
                continue;
            }
            let pronoun_only = self.morph.lookup(&t[k].low).iter().any(|f| self.r.pronoun_only.contains(self.morph.lemma_name(f.lemma)));
            if !pronoun_only && self.speech(&t[k].low, Tags::FINITE.union(Tags::PPAS).union(Tags::PPR).union(Tags::INF)) {
                v = Some(k);
                break;
            }
            words_after += 1;
            if words_after > most {
                break;
            }
        }
        if let Some(k) = v {
            let (b, cue, speaker) = self.verb_subject(&t, k);
            if speaker.is_some() {
                let span = speaker.clone().map_or(cue.start, |s| s.start)..t[n - 1].span.end;
                return Some(Tag { span, cue, speaker });
            }
            // « dit-il : », « a-t-il déclaré : » (an inverted tag before the colon)
            if let Some((tag, _)) = self.inverted(&t, b) {
                return Some(tag);
            }
            // A gerund, a participle after a comma or an infinitive after « pour » or « de » has
            // the subject of the clause's finite verb (« elle se tordit en bégayant : », « elle
            // se retournait ennuyée, murmurant : », « il s'était attardé, pour me dire : »): the
            // last one within ten words before it, past commas only.
            let opener = b.checked_sub(1).map(|j| t[j].low.as_ref());
            let forms = self.morph.lookup(&t[k].low);
            // (« en » is also a clitic, passed over by `verb_subject`.)
            let gerund = forms.iter().any(|f| f.tags.contains(Tags::PPR)) && (opener == Some(",") || (k > 0 && t[k - 1].low == "en"));
            let infinitive = forms.iter().any(|f| f.tags.contains(Tags::INF)) && matches!(opener, Some("pour" | "de" | "d'"));
            if gerund || infinitive {
                let verb = self.finite_before(&t, k, 10, true);
                // « de » + infinitive: the finite verb's subject speaks unless the verb has an
                // object who does (« ordonné aux forces de », « il lui dit de »).
                let object = |j: usize| {
                    opener != Some("pour")
                        && (t[j + 1..k].iter().any(|x| matches!(x.low.as_ref(), "à" | "au" | "aux"))
                            || t[..j]
                                .iter()
                                .rev()
                                .take_while(|x| self.r.clitics.contains(&*x.low))
                                .any(|x| matches!(x.low.as_ref(), "lui" | "leur" | "me" | "m'" | "te" | "t'" | "nous" | "vous")))
                };
                if let Some(speaker) = verb.filter(|&j| !object(j)).and_then(|j| self.verb_subject(&t, j).2) {
                    return Some(Tag { span: speaker.start..t[n - 1].span.end, cue, speaker: Some(speaker) });
                }
            }
            // « Enfin Pécuchet repassa ses bottes en grommelant : », « mon père finit par me
            // dire : »: the subject of the clause, at its start.
            if let Some(sp) = self.clause_subject(&t, t[n - 1].low == ":") {
                return Some(Tag { span: sp.start..t[n - 1].span.end, cue, speaker: Some(sp) });
            }
        }
        // Selon X,
        let s =
            (0..n).rev().find(|&k| self.r.sources.contains(&*t[k].low) || (t[k].low == "d'" && t.get(k + 1).is_some_and(|x| x.low == "après")))?;
        let start = if t[s].low == "d'" { s + 2 } else { s + 1 };
        let end = self.noun_phrase(&t, start)?;
        Some(Tag { span: t[s].span.start..t[end - 1].span.end, cue: t[s].span.clone(), speaker: Some(t[start].span.start..t[end - 1].span.end) })
    }

    /// The subject of the speech verb at token `k`: back over its auxiliary, clitics, negation
    /// and adverbs (returned: the token where that stops, and the cue), then the words before,
    /// back to a boundary.
    fn verb_subject(&self, t: &[Tok], k: usize) -> (usize, Range<usize>, Option<Range<usize>>) {
        // Back over auxiliary, clitics, negation and adverbs.
        let mut b = k;
        let mut cue_start = t[k].span.start;
        while b > 0 {
            let x = &t[b - 1];
            if x.word && (self.r.auxiliaries.contains(&*x.low) || self.r.clitics.contains(&*x.low) || self.adverb(&x.low) || x.low == "pas") {
                if self.r.auxiliaries.contains(&*x.low) || x.low == "s'" {
                    cue_start = x.span.start;
                }
                b -= 1;
            } else {
                break;
            }
        }
        let cue = cue_start..t[k].span.end;
        // A gerund (« en parlant ») has no subject of its own before it: the phrase before « en »
        // belongs to the clause (« les relations entre la France et l'Afrique en parlant de… »).
        if b < k && t[k - 1].low == "en" && self.present_participle(&t[k].low) {
            return (b, cue, None);
        }
        // The subject: the words before, back to a boundary.
        let mut a = b;
        while a > 0 && t[a - 1].word && !self.r.stops.contains(&*t[a - 1].low) {
            a -= 1;
        }
        // The subject may follow words that are not part of it (« Et tout à coup Clémence
        // me dit : »): the longest run ending at the verb that reads as a subject, with no
        // verb form before it (« je me tapotais les joues en disant » has an object there).
        // Nor a preposition right before it (« De son côté, … »: its object).
        let no_verb = |k: usize| {
            t[a..k].iter().all(|x| self.morph.lookup(&x.low).is_empty())
                && (k == a
                    || !matches!(
                        t[k - 1].low.as_ref(),
                        "de" | "d'" | "du" | "des" | "à" | "au" | "aux" | "en" | "par" | "pour" | "sur" | "dans" | "avec" | "sans" | "chez" | "vers"
                    ))
        };
        let mut speaker = (a..b).find_map(|k| if no_verb(k) { self.subject(t, k, b) } else { None });
        // A subject pronoun right before the verb (past its clitics) is its subject, whatever
        // comes before it (« Quand elles partaient il murmurait : »). Not « nous » or « vous »,
        // which may be objects (« il nous dit »). « Chacun », « celui-ci » too (« celui-ci
        // demanda : »).
        if speaker.is_none() && b > a && (self.subject_pronoun(&t[b - 1].low) || matches!(t[b - 1].low.as_ref(), "chacun" | "chacune")) {
            speaker = Some(t[b - 1].span.clone());
        }
        if speaker.is_none() && b >= 3 && demonstrative(t, b - 3) == Some(b) {
            speaker = Some(t[b - 3].span.start..t[b - 1].span.end);
        }
        // A verb coordinated with the one before shares its subject (« elle rit et dit : »,
        // « il nous aborda sur la route et nous dit : », « oncle meunier rit de mon adresse, et
        // dit : »): the last finite verb within eight words before « et », no punctuation but a
        // comma right before « et » between them.
        if speaker.is_none() && a == b && b >= 2 && t[b - 1].low == "et" {
            let from = if t[b - 2].low == "," { b - 2 } else { b - 1 };
            if let Some(k) = self.finite_before(t, from, 8, false) {
                speaker = self.verb_subject(t, k).2;
            }
        }
        // « …reconnut Pécuchet qui articula plus fort : », « des Pakistanais, qui
        // disaient »: the shortest phrase before « qui ».
        if a == b && b >= 2 && t[b - 1].low == "qui" {
            let e = if t[b - 2].low == "," { b - 2 } else { b - 1 };
            speaker = (e.saturating_sub(6)..e).rev().find_map(|k| self.subject(t, k, e));
        }
        // « Le Premier ministre israélien, Yaïr Lapid, a déclaré »
        if a == b && a >= 2 && t[a - 1].low == "," {
            let mut c = a - 1;
            while c > 0 && t[c - 1].word {
                c -= 1;
            }
            // The phrase before the comma at `c - 1`, back to a stop word or a boundary, and
            // whether it starts at a boundary (punctuation or the start).
            let before_comma = |c: usize| {
                let mut d = c - 1;
                while d > 0 && t[d - 1].word && !self.r.stops.contains(&*t[d - 1].low) {
                    d -= 1;
                }
                (self.subject(t, d, c - 1), d == 0 || !t[d - 1].word)
            };
            if let Some(name) = self.subject(t, c, a - 1) {
                speaker = Some(name.clone());
                if c >= 2 && t[c - 1].low == "," {
                    if let (Some(head), _) = before_comma(c) {
                        speaker = Some(head.start..name.end);
                    }
                }
            } else if c >= 2 && t[c - 1].low == "," && t[c - 2].word {
                // An incise between the subject and its verb (« la maîtresse, d'un ton fâché,
                // dit : », « son père, toujours soucieux de sa bonne éducation, lui écrivait : »):
                // the phrase before it, from a boundary.
                if let (head, true) = before_comma(c) {
                    speaker = head;
                }
            }
        }
        (b, cue, speaker)
    }

    /// The subject of the verb that ends `range` (the last word of `range` is the verb of an
    /// attribution marker): a noun phrase or a subject pronoun before it (« la BBC a
    /// confirmé », « plusieurs témoins qui ont confirmé »). Used by [`super::source`].
    pub fn subject_of(&self, text: &str, range: Range<usize>) -> Option<Range<usize>> {
        let t = tokens(text, range);
        let k = t.iter().rposition(|x| x.word)?;
        let (b, _, found) = self.verb_subject(&t, k);
        let Some(mut r) = found else {
            // « plusieurs conducteurs de camion qui ont assuré »: the words before « qui » back
            // to a verb form, a stop word or a punctuation mark (at most six).
            let e = b.checked_sub(1).filter(|&e| t[e].low == "qui")?;
            let mut a = e;
            while a > 0 && e - a < 6 && t[a - 1].word && !self.r.stops.contains(&*t[a - 1].low) && self.morph.lookup(&t[a - 1].low).is_empty() {
                a -= 1;
            }
            return (a < e).then(|| t[a].span.start..t[e - 1].span.end);
        };
        // A name joined by hyphens and particles (« Abu Basir al-Faransy »): the whole name.
        let mut i = t.iter().position(|x| x.span.start == r.start)?;
        loop {
            if i >= 2 && t[i - 1].low == "-" && t[i - 2].word && t[i - 2].span.end == t[i - 1].span.start {
                i -= 2;
            } else if i >= 1 && t[i - 1].word && t[i - 1].capital && !self.r.determiners.contains(&*t[i - 1].low) {
                i -= 1;
            } else {
                break;
            }
            r.start = t[i].span.start;
        }
        Some(r)
    }

    /// The noun phrase or pronoun starting `range` (after an inverted verb or after « selon »):
    /// adverbs and a hyphenated pronoun (« -t-il ») are passed over. A pronoun is returned alone.
    pub fn phrase_at(&self, text: &str, range: Range<usize>) -> Option<Range<usize>> {
        self.phrase_at_in(text, range, true)
    }

    /// [`Self::phrase_at`]; `to_stop`: on the tokens up to the first hard stop (see
    /// [`tokens_upto`]: the phrase never passes it, and the date that may end it only counts
    /// before it), else on all of them (the tests compare both).
    fn phrase_at_in(&self, text: &str, range: Range<usize>, to_stop: bool) -> Option<Range<usize>> {
        let t = tokens_upto(text, range, usize::MAX, to_stop);
        let mut i = 0;
        while t.get(i).is_some_and(|x| x.low == "-" || x.low == "t" || (x.word && self.adverb(&x.low))) {
            i += 1;
        }
        let x = t.get(i).filter(|x| x.word)?;
        if self.r.pronouns.contains(&*x.low) || matches!(x.low.as_ref(), "eux" | "lui") {
            return Some(x.span.clone());
        }
        // « des médias occidentaux le 18 octobre »: the phrase ends before a date.
        let cut = t
            .iter()
            .skip(i + 1)
            .position(|x| x.low.starts_with(|c: char| c.is_ascii_digit()) || self.r.time_words.contains(&*x.low))
            .map_or(t.len(), |k| k + i + 1);
        let cut = if cut > i + 2 && cut < t.len() && self.r.determiners.contains(&*t[cut - 1].low) { cut - 1 } else { cut };
        let end = self.noun_phrase(&t[..cut], i)?;
        Some(t[i].span.start..t[end - 1].span.end)
    }

    /// A tag before a quotation in the same sentence: with a colon right before the quotation,
    /// as for [`Tagger::colon`] (« Elle secouait la tête : « … » »); else [`Tagger::forward`].
    pub fn before(&self, text: &str, range: Range<usize>) -> Option<Tag> {
        if text[range.clone()].trim_end().ends_with(':') {
            self.colon(text, range)
        } else {
            self.forward(text, range)
        }
    }

    /// The speaker of a sentence ending with a colon right before a quotation: its tag, or
    /// else the subject at its start (« Oncle meunier sursauta en m'apercevant : »).
    pub fn colon(&self, text: &str, range: Range<usize>) -> Option<Tag> {
        if let Some(tag) = self.forward(text, range.clone()) {
            return Some(tag);
        }
        let t = tokens(text, range);
        let sp = self.clause_subject(&t, true)?;
        // A clause: a verb follows its subject (not a heading « L'exode de Raqqa : « … » »).
        let finite = |x: &&Tok<'_>| x.word && self.morph.lookup(&x.low).iter().any(|f| f.tags.intersects(Tags::FINITE));
        let last_verb = t.iter().filter(|x| x.span.start >= sp.end).rfind(finite)?;
        // « La question est simple : », « la réponse est : »: the subject of « être » before a
        // colon is what the quotation says, not who says it, unless it names someone (« Le
        // président Bush avait été sans équivoque : »).
        let copula = self.morph.lookup(&last_verb.low).iter().any(|f| self.morph.lemma_name(f.lemma) == "être");
        let named = t.iter().filter(|x| x.span.start > sp.start && x.span.end <= sp.end).any(|x| x.word && x.capital);
        if copula && !named {
            return None;
        }
        Some(Tag { span: sp.start..t.last()?.span.end, cue: sp.end..sp.end, speaker: Some(sp) })
    }

    /// The subject at the start of a clause, after connectors and adverbs: a subject pronoun,
    /// or a noun phrase followed by a word or a comma.
    fn clause_subject(&self, t: &[Tok<'_>], after_comma: bool) -> Option<Range<usize>> {
        // At the start, or (before a colon) after an opening phrase or clause ended by a comma
        // (« Encore une fois, elle… », « D'un léger signe de tête, le garçon… », « Et, comme
        // elle restait sous la pluie, il commanda : »). The opening part is short: at most
        // eight words before the comma.
        let commas = t.iter().enumerate().filter(|(_, x)| x.low == ",").map(|(k, _)| k + 1).take(if after_comma { 3 } else { 0 });
        let short = |k: &usize| t[..*k].iter().filter(|x| x.word).count() <= 8;
        std::iter::once(0).chain(commas.take_while(short)).find_map(|k| self.subject_at(t, k))
    }

    fn subject_at(&self, t: &[Tok<'_>], start: usize) -> Option<Range<usize>> {
        let mut i = start;
        while t.get(i).is_some_and(|x| !x.word || self.r.connectors.contains(&*x.low) || self.adverb(&x.low)) {
            i += 1;
        }
        let x = t.get(i)?;
        if self.subject_pronoun(&x.low) {
            return Some(x.span.clone());
        }
        // A stressed pronoun set off by a comma is the subject (« Et lui, près de pleurer,
        // répondait : »).
        if matches!(x.low.as_ref(), "lui" | "eux") && t.get(i + 1).is_some_and(|y| y.low == ",") {
            return Some(x.span.clone());
        }
        let end = self.noun_phrase(t, i)?;
        Some(t[i].span.start..t[end - 1].span.end)
    }

    /// Tokens `a..b` as a subject: a noun phrase or a capitalised name covering them all, or a
    /// subject pronoun.
    fn subject(&self, t: &[Tok<'_>], a: usize, b: usize) -> Option<Range<usize>> {
        if a >= b {
            return None;
        }
        if b == a + 1 && self.r.pronouns.contains(&*t[a].low) {
            return Some(t[a].span.clone());
        }
        // The phrase may start later (« Hier, le ministre a dit » has a boundary at the comma).
        let end = self.noun_phrase(t, a)?;
        (end >= b).then(|| t[a].span.start..t[b - 1].span.end)
    }

    /// An inverted tag right at the start of `range` (after a quotation: « …», a déclaré le
    /// ministre. » or a following sentence « a ajouté l'armée. »), after an optional comma.
    pub fn after(&self, text: &str, range: Range<usize>) -> Option<Tag> {
        self.after_in(text, range, true)
    }

    /// [`Self::after`]; `to_stop`: the tag read on the tokens up to the first hard stop after
    /// the optional comma (see [`tokens_upto`]), else on all of them (the tests compare both).
    fn after_in(&self, text: &str, range: Range<usize>, to_stop: bool) -> Option<Tag> {
        // Most ranges fail at their first word (a capital, a full stop): only the first two
        // tokens are cut for that test, the whole range only when it passes.
        let head = tokens_upto(text, range.clone(), 2, false);
        let i = usize::from(head.first().is_some_and(|x| x.low == ","));
        let first = head.get(i)?;
        if !first.word || first.capital {
            return None;
        }
        let t = tokens_upto(text, range, usize::MAX, to_stop);
        // Right after the closing mark and a comma, any inverted verb (see `inverted_with`).
        self.inverted_with(&t, i, i == 1).map(|(tag, _)| tag)
    }
}

/// Splits each quotation around the speech tags inside it (« — Tiens, dit-il, nous avons eu
/// la même idée. »): an inverted tag after a comma, an exclamation or question mark or an
/// ellipsis, whose verb starts in lower case. A tag that ends the quotation ends it (« — Ah !
/// dit-il. »). Returns the pieces (`continues` set on each piece after the first) and the tags
/// found, each with the index of the piece it follows.
pub fn split_incises(text: &str, quotes: &[Quote], tagger: &Tagger) -> (Vec<Quote>, Vec<(usize, Tag)>) {
    let mut out = Vec::with_capacity(quotes.len());
    let mut tags = Vec::new();
    for q in quotes {
        if !matches!(q.mark, QuoteMark::Guillemet | QuoteMark::Dash) || q.inner.is_empty() {
            out.push(q.clone());
            continue;
        }
        // An incise follows a comma, an exclamation or question mark or an ellipsis: a
        // quotation with none (most short ones) is left whole without being cut into tokens.
        if !text[q.inner.clone()].contains([',', '!', '?', '…', '»']) {
            out.push(q.clone());
            continue;
        }
        let t = tokens(text, q.inner.clone());
        let mut piece_start = q.span.start;
        let mut inner_start = q.inner.start;
        let mut continues = q.continues;
        let mut i = 1;
        while i < t.len() {
            // Or a closing guillemet inside a dash line (« — « Que Dieu nous garde ! » répondit
            // Paul. »).
            let after_mark = matches!(t[i - 1].low.as_ref(), "," | "!" | "?" | "…") || (q.mark == QuoteMark::Dash && t[i - 1].low == "»");
            if !(after_mark && t[i].word && !t[i].capital) {
                i += 1;
                continue;
            }
            let Some((tag, next)) = tagger.inverted(&t, i) else {
                i += 1;
                continue;
            };
            // The piece before the tag keeps its comma or mark.
            let cut = t[i - 1].span.end;
            out.push(Quote { span: piece_start..cut, inner: inner_start..cut, mark: q.mark, continues });
            tags.push((out.len() - 1, tag.clone()));
            // The quotation resumes after the tag's punctuation mark.
            let mut k = next;
            while k < t.len() && t[k].span.start < tag.span.end {
                k += 1;
            }
            if k < t.len() && !t[k].word && !matches!(t[k].low.as_ref(), "«" | "—" | "–") {
                k += 1;
            }
            let Some(resume) = t.get(k) else {
                inner_start = q.inner.end;
                break;
            };
            piece_start = resume.span.start;
            inner_start = resume.span.start;
            continues = true;
            i = k + 1;
        }
        if inner_start < q.inner.end {
            out.push(Quote { span: piece_start..q.span.end, inner: inner_start..q.inner.end, mark: q.mark, continues });
        }
    }
    (out, tags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::find_quotes;

    /// The tokeniser as it was, char by char: the reference for [`tokens_upto`].
    fn tokens_by_chars(text: &str, range: Range<usize>) -> Vec<Tok<'_>> {
        let s = &text[range.clone()];
        // About one token per five bytes of French text: sized once instead of grown from empty
        // (growing was 1.4 % of a corpus run's instructions).
        let mut out = Vec::with_capacity(s.len() / 5 + 4);
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if crate::token::is_alnum(c) {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if crate::token::is_alnum(d) {
                        end = j + d.len_utf8();
                        it.next();
                    } else if d == '\'' || d == '’' {
                        end = j + d.len_utf8();
                        it.next();
                        break;
                    } else {
                        break;
                    }
                }
                let w = &s[i..end];
                let low = lower_word(w, w.is_ascii(), w.bytes().any(|b| b.is_ascii_uppercase()));
                out.push(Tok { span: range.start + i..range.start + end, low, word: true, capital: c.is_uppercase() });
            } else if !c.is_whitespace() {
                let end = i + c.len_utf8();
                out.push(Tok { span: range.start + i..range.start + end, low: Cow::Borrowed(&s[i..end]), word: false, capital: false });
            }
        }
        out
    }

    fn seed_texts() -> Vec<String> {
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect()
    }

    fn same_tokens(a: &[Tok<'_>], b: &[Tok<'_>]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.span == y.span && x.low == y.low && x.word == y.word && x.capital == y.capital)
    }

    #[test]
    fn the_tokeniser_cuts_as_the_char_by_char_loop() {
        let mut texts = seed_texts();
        texts.push("L’État, dit-il : « Ça va ! » — Aujourd’hui l'ÉTÉ 2024… A1b2 ''x' œuvre Œuvre\u{a0}ß\u{85}\u{b}\t\u{2009}é’".to_string());
        for text in &texts {
            for (a, b) in [(0, text.len()), (0, 0)] {
                assert!(same_tokens(&tokens(text, a..b), &tokens_by_chars(text, a..b)));
            }
            // Ranges starting and ending at every character of the first 300 bytes.
            let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).take_while(|&i| i < 300).collect();
            for &a in &cuts {
                let b = (a + 80).min(text.len());
                let b = (b..=text.len()).find(|&b| text.is_char_boundary(b)).unwrap();
                let all = tokens_by_chars(text, a..b);
                assert!(same_tokens(&tokens(text, a..b), &all), "{:?}", &text[a..b]);
                for max in [0, 1, 2, 5] {
                    assert!(same_tokens(&tokens_upto(text, a..b, max, false), &all[..max.min(all.len())]));
                }
            }
        }
    }

    #[test]
    fn tags_and_phrases_read_up_to_the_first_hard_stop_are_those_read_on_all_tokens() {
        // From every word start of the seeds, to the end of its line and to 60 bytes on.
        let tg = tagger();
        let mut texts = seed_texts();
        texts.push(
            ", a ajouté M. Jean-Pierre Dupont, le 3 mai. » — dit-il ' encore, a-t-il déclaré. répondit Seymour M. Hersh ; selon le vice-président."
                .into(),
        );
        let (mut tags, mut phrases) = (0, 0);
        for text in &texts {
            let starts = text.char_indices().filter(|&(i, c)| !c.is_whitespace() && text[..i].ends_with(char::is_whitespace)).map(|(i, _)| i);
            for a in starts.chain([0]) {
                let line_end = text[a..].find('\n').map_or(text.len(), |k| a + k);
                let near = (a + 60..=text.len()).find(|&b| text.is_char_boundary(b)).unwrap_or(text.len());
                for b in [line_end, near.min(line_end)] {
                    let tag = tg.after_in(text, a..b, true);
                    assert_eq!(tag, tg.after_in(text, a..b, false), "{:?}", &text[a..b]);
                    tags += usize::from(tag.is_some());
                    let p = tg.phrase_at_in(text, a..b, true);
                    assert_eq!(p, tg.phrase_at_in(text, a..b, false), "{:?}", &text[a..b]);
                    phrases += usize::from(p.is_some());
                }
            }
        }
        assert!(tags > 20 && phrases > 1000, "{tags} tags, {phrases} phrases found");
    }

    #[test]
    fn words_taken_as_lower_case_already_are() {
        for c in (0..=0x10ffff).filter_map(char::from_u32).filter(|&c| lower_case_already(c)) {
            assert!(c.to_lowercase().eq([c]) && c != '’', "{c:?}");
        }
        let text = "Été « déjà » dit-il, l’État";
        let t = tokens(text, 0..text.len());
        let low: Vec<&str> = t.iter().map(|x| x.low.as_ref()).collect();
        assert_eq!(low, ["été", "«", "déjà", "»", "dit", "-", "il", ",", "l'", "état"]);
        assert!(matches!(t[2].low, Cow::Borrowed(_)), "« déjà » is not copied");
    }

    fn tagger() -> Tagger<'static> {
        Tagger::new(Morphology::embedded(), TagRules::embedded())
    }

    fn pieces(text: &str) -> (Vec<&str>, Vec<(&str, Option<&str>)>) {
        let (qs, tags) = split_incises(text, &find_quotes(text), &tagger());
        (
            qs.iter().map(|q| &text[q.inner.clone()]).collect(),
            tags.iter().map(|(_, t)| (&text[t.cue.clone()], t.speaker.clone().map(|s| &text[s]))).collect(),
        )
    }

    #[test]
    fn an_incise_closed_by_a_comma_splits_a_dash_line() {
        // Bouvard et Pécuchet (fr-litbank)
        let (p, t) = pieces("— Tiens, dit-il, nous avons eu la même idée, celle d'inscrire notre nom dans nos couvre-chefs.");
        assert_eq!(p, vec!["Tiens,", "nous avons eu la même idée, celle d'inscrire notre nom dans nos couvre-chefs."]);
        assert_eq!(t, vec![("dit", Some("il"))]);
    }

    #[test]
    fn a_tag_after_guillemets_inside_a_dash_line() {
        let (p, t) = pieces("— « Que le ciel nous garde ! » répondit Paul.");
        assert_eq!(t, vec![("répondit", Some("Paul"))]);
        assert_eq!(p.len(), 1, "{p:?}");
    }

    #[test]
    fn an_incise_at_the_end_ends_the_quotation() {
        let (p, t) = pieces("— Les papiers s'envoleraient ! s'écria Pécuchet.");
        assert_eq!(p, vec!["Les papiers s'envoleraient !"]);
        assert_eq!(t, vec![("s'écria", Some("Pécuchet"))]);
    }

    #[test]
    fn a_tag_inside_guillemets_names_the_speaker() {
        // issue 14
        let (p, t) = pieces("« Il y a quelque chose, dit aussitôt Roger. »");
        assert_eq!(p, vec!["Il y a quelque chose,"]);
        assert_eq!(t, vec![("dit", Some("Roger"))]);
        let (_, t) = pieces("« Romuald, mon ami, il se passe quelque chose d'extraordinaire en vous, me dit Sérapion au bout de quelques minutes de silence ; votre conduite est inexplicable. »");
        assert_eq!(t, vec![("dit", Some("Sérapion"))]);
    }

    #[test]
    fn a_compound_inverted_tag() {
        let (_, t) = pieces("« Nous ne reculerons pas, a-t-il ajouté, ni aujourd'hui ni demain. »");
        assert_eq!(t, vec![("a-t-il ajouté", Some("il"))]);
    }

    #[test]
    fn no_incise_in_plain_speech() {
        let (p, t) = pieces("— Mon Dieu, oui, on pourrait prendre le mien à mon bureau !");
        assert_eq!(p.len(), 1);
        assert!(t.is_empty());
    }

    #[test]
    fn an_inverted_tag_with_a_hyphen_pronoun_takes_any_words_after_it() {
        let (p, t) = pieces("— Vous partez déjà ? demanda-t-elle de nouveau.");
        assert_eq!(p, vec!["Vous partez déjà ?"]);
        assert_eq!(t, vec![("demanda", Some("elle"))]);
        let (_, t) = pieces("— Tant mieux, ajouta-t-il gaiement, nous irons ensemble.");
        assert_eq!(t, vec![("ajouta", Some("il"))]);
    }

    #[test]
    fn a_named_speaker_may_be_followed_by_a_participle() {
        let (p, t) = pieces("— Je reste ici, dit Marc épuisé.");
        assert_eq!(p, vec!["Je reste ici,"]);
        assert_eq!(t, vec![("dit", Some("Marc"))]);
    }

    #[test]
    fn fit_takes_a_noun_phrase_only_before_a_punctuation_mark() {
        let (_, t) = pieces("« Non, fit le vieil homme, mécontent. »");
        assert_eq!(t, vec![("fit", Some("le vieil homme"))]);
        let (_, t) = pieces("« Oui, fit Léa. »");
        assert_eq!(t, vec![("fit", Some("Léa"))]);
        // « fit la grimace » is a gesture, not a tag.
        let (p, t) = pieces("« Il se leva, fit la grimace et sortit. »");
        assert_eq!(p.len(), 1);
        assert!(t.is_empty());
        // Nor a verb of the first person (« faisons un marché »).
        let (p, t) = pieces("« Bien sûr, faisons un marché. »");
        assert_eq!(p.len(), 1);
        assert!(t.is_empty());
    }

    #[test]
    fn the_speaker_before_a_colon() {
        let tg = tagger();
        let sp = |s: &str| tg.before(s, 0..s.len()).and_then(|t| t.speaker).map(|r| s[r].to_string());
        // The subject of the clause, even with no speech verb, in the same sentence as the
        // quotation or in the one before it.
        assert_eq!(sp("Elle haussa les épaules : "), Some("Elle".into()));
        // After a short opening phrase or clause ended by a comma.
        assert_eq!(sp("D'un geste de la main, le maire désigna la salle :"), Some("le maire".into()));
        assert_eq!(sp("Et, comme il pleuvait, elle regarda la foule :"), Some("elle".into()));
        // A heading before a colon is no clause: no speaker.
        assert_eq!(sp("Le plan de relance : "), None);
        // A capitalised conjunction is no name.
        assert_eq!(sp("Quant au ministre, il se tait : "), Some("il".into()));
        // Nor is the subject of « être », unless it names someone.
        assert_eq!(sp("La question que je vous pose est simple :"), None);
        assert_eq!(sp("Le ministre Paul Durand avait été sans équivoque :"), Some("Le ministre Paul Durand".into()));
        // « Ou, comme… » : a conjunction is no speaker.
        assert_eq!(sp("Ou, comme le dit la chanson populaire :"), Some("la chanson populaire".into()));
        // Words before the subject (« tout à coup »), but no object taken for a subject.
        assert_eq!(sp("Et tout à coup Léa me dit :"), Some("Léa".into()));
        assert_eq!(sp("je me frottais les mains en disant :"), Some("je".into()));
        // « X qui » + a speech verb: X.
        assert_eq!(sp("Il reconnut Paul qui cria :"), Some("Paul".into()));
        assert_eq!(sp("On entendait les habitants, qui répétaient :"), Some("les habitants".into()));
        // Without a colon, a forward tag needs a speech verb.
        assert_eq!(sp("Elle haussa les épaules, "), None);
    }

    /// The colon-introduced lines of fr-litbank that named no speaker (session 13; the
    /// sentences are reworded).
    #[test]
    fn the_speaker_before_a_colon_past_incises_gerunds_and_coordination() {
        let tg = tagger();
        let sp = |s: &str| tg.before(s, 0..s.len()).and_then(|t| t.speaker).map(|r| s[r].to_string());
        // A stressed pronoun set off by a comma.
        assert_eq!(sp("Et lui, au bord des larmes, répondait encore :"), Some("lui".into()));
        // A verb coordinated with an earlier one, a comma before « et » or words between.
        assert_eq!(sp("Le meunier rit de mon adresse, et dit :"), Some("Le meunier".into()));
        assert_eq!(sp("Un matin il nous aborda sur la route et nous dit :"), Some("il".into()));
        // A gerund, a participle after a comma, an infinitive after « pour » or « de »: the
        // subject of the clause's finite verb.
        assert_eq!(sp("Comme il insistait, elle se tordit en bégayant :"), Some("elle".into()));
        assert_eq!(sp("Quand je l'appelais, elle se retournait, murmurant :"), Some("elle".into()));
        assert_eq!(sp("Le soir, Firmin s'était attardé près de mon lit, pour me dire :"), Some("Firmin".into()));
        // … but not when the verb has an object who does it (« ordonné aux forces de »), nor the
        // phrase before a gerund (« la France et l'Afrique en parlant »).
        assert_eq!(sp("Il a précisé que Poutine et son entourage ont ordonné aux forces de lancer la guerre, "), Some("Il".into()));
        assert_eq!(sp("Il évoque les relations entre la France et l'Afrique en parlant :"), Some("Il".into()));
        // An incise between the subject and its verb.
        assert_eq!(sp("Comme Douce pleurait, la maîtresse, d'un ton fâché, dit :"), Some("la maîtresse".into()));
        // « chacun », « celui-ci »; a cleft (« c'est X qui parle »).
        assert_eq!(sp("Un jour, chacun s'était enfui en criant :"), Some("chacun".into()));
        assert_eq!(sp("Et, après un silence, celui-ci demanda :"), Some("celui-ci".into()));
        assert_eq!(sp("C'est Églantine qui parle la première :"), Some("Églantine".into()));
        // Before a colon the verb may be nine words from it (six otherwise).
        assert_eq!(sp("Plus tard il dit à Florent d'une voix un peu basse :"), Some("il".into()));
        assert_eq!(sp("Plus tard il dit à Florent d'une voix un peu basse et très lente, "), None);
    }

    #[test]
    fn tags_after_a_quotation() {
        let tg = tagger();
        let sp = |s: &str| tg.after(s, 0..s.len()).and_then(|t| t.speaker).map(|r| s[r].to_string());
        // The person spoken to between the verb and its subject.
        assert_eq!(sp(", a déclaré à l'AFP un responsable du ministère."), Some("un responsable du ministère".into()));
        assert_eq!(sp(", dit à sa voisine une dame assise près de la porte."), Some("une dame assise près de la porte".into()));
        assert_eq!(sp(", dit à sa voisine."), None);
        // A lower-case title (« oncle », « tante ») opens a name.
        assert_eq!(sp(", me répétait oncle meunier."), Some("oncle meunier".into()));
        assert_eq!(sp(", a ajouté l'armée, qui affirme avoir riposté."), Some("l'armée".into()));
        assert_eq!(sp(" demanda le laquais."), Some("le laquais".into()));
        assert_eq!(sp(", a-t-il ajouté."), Some("il".into()));
        assert_eq!(sp(", et la foule a applaudi."), None);
    }

    #[test]
    fn tags_before_a_quotation() {
        let tg = tagger();
        let sp = |s: &str| tg.forward(s, 0..s.len()).and_then(|t| t.speaker).map(|r| s[r].to_string());
        assert_eq!(sp("Le Premier ministre israélien, Yaïr Lapid, a déclaré :"), Some("Le Premier ministre israélien, Yaïr Lapid".into()));
        assert_eq!(sp("Asia News précise :"), Some("Asia News".into()));
        assert_eq!(sp("Selon l'armée,"), Some("l'armée".into()));
        assert_eq!(sp("Ursula von der Leyen avait déclaré que"), Some("Ursula von der Leyen".into()));
        assert_eq!(sp("De son côté, la ministre a déclaré :"), Some("la ministre".into()));
        // Without a colon, no subject is looked for after a comma (« qui relève de » is no tag).
        assert_eq!(sp("Dans bien des pays, ces crises ont conduit à privilégier ce qui relève de"), None);
        // Not a speech verb: no speaker, never the leftover words.
        assert_eq!(sp("Le 10 octobre, Yves Lévy a été nommé"), None);
        assert_eq!(sp("Les"), None);
        // A subject pronoun right before the verb, whatever comes before it; a verb coordinated
        // with the one before shares its subject (fr-litbank, Mademoiselle Fifi, Douce Lumière).
        assert_eq!(sp("Quand elles partaient il murmurait :"), Some("il".into()));
        assert_eq!(sp("Et tout à coup elle rit et dit :"), Some("elle".into()));
        assert_eq!(sp("Attaqué sur les dettes, Macron assume et dit"), Some("Macron".into()));
        // « nous » before a verb may be its object: no speaker from it.
        assert_eq!(sp("Ces mêmes personnes nous disaient"), Some("Ces mêmes personnes".into()));
    }

    #[test]
    fn a_title_or_a_degree_word_before_an_inverted_tags_subject() {
        // fr-litbank: Le ventre de Paris, Le capitaine Fracasse, Nemoville.
        for (text, who) in [
            ("— Je vais m'en aller, répéta madame François.", "madame François"),
            ("— Que voulez-vous ? interrompit assez sèchement le Baron.", "le Baron"),
            ("— Hélas ! je l'ignore, souffla presque le malade.", "le malade"),
        ] {
            let (_, tags) = pieces(text);
            assert!(tags.iter().any(|(_, sp)| *sp == Some(who)), "{text}: {tags:?}");
        }
    }
}
