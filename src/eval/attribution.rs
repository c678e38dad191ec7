//! Attribution recall against the ASFALDA French FrameNet annotations of the Sequoia treebank
//! (`shared/eval/asfalda-french-framenet-sequoia/asfalda_sequoia.jsonl`).
//!
//! ASFALDA is not exhaustive (at most 100 annotated occurrences per lemma, and sentences
//! without a frame are not gold negatives), so this measures **recall on the annotated
//! occurrences** only; precision cannot be measured from it.
//!
//! The protocol, in full:
//! - **Occurrences kept.** Three groups:
//!   - `selon/d'après`: every annotation set of the frame `FR_Attributed_information`;
//!   - `quoting`: every annotation set of `FR_Quoting`;
//!   - `speech verb`: every annotation set of any other frame whose `Speaker` *and* `Message`
//!     roles are both overtly expressed (a span, not a null instantiation), and whose target
//!     contains a word tagged `VERB` in the UD Sequoia gold. Nouns such as *rapport* or
//!     *déclaration*, and frames without a message (requests, topics), are left out.
//!
//!   The same target annotated in two frames (`Telling` and `FR_Telling`) counts once.
//! - **First-person speakers are reported apart.** When the Speaker (or the Source of *selon*)
//!   is the speaker of the sentence itself — *je*, *j'*, *moi*, *nous*, *me*, *mon*… (mostly
//!   Europarl: « je voudrais dire que… », « selon moi ») — the information is not credited to
//!   anyone else: in `hedge`'s sense it stays in the writer's own voice. These occurrences
//!   are counted in their own row (`own_voice`), where the right answer is *not* ATTRIBUTED,
//!   and are left out of the recall of the three groups above.
//! - **Text.** The sentence's raw text is the `# text` of its UD Sequoia sentence
//!   (`ud_sequoia_sent_id`); the target's character span in the ASFALDA tokenised text is mapped
//!   onto it by aligning the non-space characters (`_` joins compound tokens in ASFALDA and is
//!   treated as a space). An occurrence that cannot be aligned is counted as skipped.
//! - **Found** means both: a counted `attribution` marker of the lexicon overlaps the target, and the
//!   sentence of `hedge`'s segmentation that contains the target is labelled ATTRIBUTED.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::conllu::{read_conllu, UdSentence};
use crate::classify::Label;
use crate::extract::extract_with;
use crate::lexicon::{Category, Lexicon};
use crate::pipeline::analyze;

/// One line of the ASFALDA JSONL file (only the fields used here).
#[derive(Debug, Deserialize)]
struct AnnotationSet {
    frame: String,
    text: String,
    target: Vec<Span>,
    fes: Vec<FrameElement>,
    ud_sequoia_sent_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Span {
    start: usize,
    end: usize,
}

#[derive(Debug, Deserialize)]
struct FrameElement {
    name: String,
    start: Option<usize>,
    text: Option<String>,
}

/// Words that make a Speaker or Source the first person.
const FIRST_PERSON: &[&str] = &["je", "j'", "j’", "moi", "nous", "me", "m'", "m’", "mon", "ma", "mes", "notre", "nos"];

fn is_first_person(fe: &FrameElement) -> bool {
    let t = fe.text.as_deref().unwrap_or("").trim().trim_start_matches('-').to_lowercase();
    FIRST_PERSON.contains(&t.as_str())
}

/// Which group an occurrence belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// `selon X`, `d'après X` (FR_Attributed_information).
    SelonDapres,
    /// FR_Quoting.
    Quoting,
    /// A verb of a speech frame with an overt Speaker and Message.
    SpeechVerb,
    /// Any of the above whose Speaker or Source is first person (je, nous, moi…).
    OwnVoice,
}

impl Group {
    pub fn name(self) -> &'static str {
        match self {
            Group::SelonDapres => "selon / d'après",
            Group::Quoting => "quoting",
            Group::SpeechVerb => "speech verb (Speaker + Message)",
            Group::OwnVoice => "first-person speaker (own voice)",
        }
    }
}

/// Recall figures of one group.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GroupScore {
    /// Occurrences scored.
    pub n: usize,
    /// A counted attribution marker overlaps the target.
    pub cue_matched: usize,
    /// The sentence holding the target is ATTRIBUTED.
    pub sentence_attributed: usize,
    /// Both: the occurrence is found. For first-person speakers: the sentence is *not*
    /// ATTRIBUTED by this cue (the writer's own voice), which is the right answer there.
    pub found: usize,
    /// found / n (1.0 when n is 0).
    pub recall: f64,
}

impl GroupScore {
    fn count(&mut self, cue: bool, attributed: bool, found: bool) {
        self.n += 1;
        self.cue_matched += usize::from(cue);
        self.sentence_attributed += usize::from(attributed);
        self.found += usize::from(found);
    }
    fn finish(mut self) -> Self {
        self.recall = if self.n == 0 { 1.0 } else { self.found as f64 / self.n as f64 };
        self
    }
}

/// A missed occurrence, for `--verbose`.
#[derive(Debug, Clone, Serialize)]
pub struct AttributionMiss {
    pub sent_id: String,
    pub group: Group,
    pub frame: String,
    pub target: String,
    pub cue_matched: bool,
    /// The label `hedge` gave to the sentence holding the target.
    pub label: Label,
    pub text: String,
}

/// Results of [`eval_attribution`].
#[derive(Debug, Clone, Serialize)]
pub struct AttributionEval {
    /// Per group, in the order of [`Group`].
    pub groups: BTreeMap<Group, GroupScore>,
    /// The three attribution groups together (first-person speakers left out): the headline
    /// recall.
    pub overall: GroupScore,
    /// Annotation sets read from the JSONL file.
    pub annotation_sets: usize,
    /// Kept occurrences that could not be scored (no UD sentence, or the target did not align).
    pub skipped: usize,
    /// Recall of each lemma-like target word (lower-cased) of the speech-verb group: (n, found).
    pub per_target: BTreeMap<String, (usize, usize)>,
    pub misses: Vec<AttributionMiss>,
}

/// Scores attribution recall. `ud_files` are the UD Sequoia CoNLL-U files holding the raw text.
pub fn eval_attribution(jsonl: &Path, ud_files: &[PathBuf], lex: &Lexicon) -> Result<AttributionEval, String> {
    let raw = std::fs::read_to_string(jsonl).map_err(|e| format!("{}: {e}", jsonl.display()))?;
    let mut ud: HashMap<String, UdSentence> = HashMap::new();
    for f in ud_files {
        for s in read_conllu(f)? {
            ud.insert(s.sent_id.clone(), s);
        }
    }
    if ud.is_empty() {
        return Err("no UD sentence read: give the UD_French-Sequoia CoNLL-U files".into());
    }

    // Kept occurrences, deduplicated on (sentence, target span in the raw text).
    let mut occurrences: BTreeMap<(String, usize, usize), (Group, String)> = BTreeMap::new();
    let mut annotation_sets = 0;
    let mut skipped_keys: BTreeSet<(String, String, usize)> = BTreeSet::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let set: AnnotationSet = serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", jsonl.display(), i + 1))?;
        annotation_sets += 1;
        let overt = |name: &str| set.fes.iter().any(|fe| fe.name == name && fe.start.is_some());
        let mut group = match set.frame.as_str() {
            "FR_Attributed_information" => Group::SelonDapres,
            "FR_Quoting" => Group::Quoting,
            _ if overt("Speaker") && overt("Message") => Group::SpeechVerb,
            _ => continue,
        };
        let verbal = group == Group::SpeechVerb;
        if set.fes.iter().any(|fe| matches!(fe.name.as_str(), "Speaker" | "Source") && is_first_person(fe)) {
            group = Group::OwnVoice;
        }
        let (Some(first), Some(last)) = (set.target.first(), set.target.last()) else { continue };
        let sentence = set.ud_sequoia_sent_id.as_deref().and_then(|id| ud.get(id));
        let span = sentence.and_then(|s| align_span(&set.text, &s.text, first.start, last.end));
        let (Some(s), Some((start, end))) = (sentence, span) else {
            skipped_keys.insert((set.ud_sequoia_sent_id.clone().unwrap_or_default(), set.frame.clone(), first.start));
            continue;
        };
        if verbal && !s.words.iter().any(|w| w.upos == "VERB" && w.span.as_ref().is_some_and(|sp| sp.start < end && start < sp.end)) {
            continue;
        }
        occurrences.entry((s.sent_id.clone(), start, end)).or_insert((group, set.frame.clone()));
    }

    let mut groups: BTreeMap<Group, GroupScore> = BTreeMap::new();
    let mut overall = GroupScore::default();
    let mut per_target: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut analysed: HashMap<&str, crate::pipeline::Analysis> = HashMap::new();
    for ((sent_id, start, end), (group, frame)) in &occurrences {
        let s = &ud[sent_id];
        let a = analysed.entry(sent_id.as_str()).or_insert_with(|| analyze(&extract_with(sent_id, sent_id, s.text.clone(), &lex.rules), lex));
        let sentence = a.sentences.iter().find(|x| x.start <= *start && *start < x.end);
        let (cue, label) = match sentence {
            Some(x) => (x.markers.iter().any(|m| m.counted && m.category == Category::Attribution && m.start < *end && *start < m.end), x.label),
            None => (false, Label::None),
        };
        let attributed = label == Label::Attributed;
        let found = if *group == Group::OwnVoice { !(cue && attributed) } else { cue && attributed };
        groups.entry(*group).or_default().count(cue, attributed, found);
        if *group != Group::OwnVoice {
            overall.count(cue, attributed, found);
        }
        let target = s.text[*start..*end].to_string();
        if *group == Group::SpeechVerb {
            let e = per_target.entry(target.to_lowercase()).or_default();
            e.0 += 1;
            e.1 += usize::from(cue && attributed);
        }
        if !found {
            misses.push(AttributionMiss {
                sent_id: sent_id.clone(),
                group: *group,
                frame: frame.clone(),
                target,
                cue_matched: cue,
                label,
                text: s.text.clone(),
            });
        }
    }
    Ok(AttributionEval {
        groups: groups.into_iter().map(|(g, s)| (g, s.finish())).collect(),
        overall: overall.finish(),
        annotation_sets,
        skipped: skipped_keys.len(),
        per_target,
        misses,
    })
}

/// Maps the character span `start..end` of `tokenised` (ASFALDA text, tokens separated by
/// spaces, `_` inside compounds) onto a byte span of `raw`, by aligning their non-space
/// characters. None when the two texts do not have the same non-space characters.
fn align_span(tokenised: &str, raw: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let skip = |c: char| c.is_whitespace() || c == '_';
    // (char index in tokenised, char) of the non-space characters.
    let a: Vec<(usize, char)> = tokenised.chars().enumerate().filter(|(_, c)| !skip(*c)).collect();
    let b: Vec<(usize, char)> = raw.char_indices().filter(|(_, c)| !c.is_whitespace() && *c != '_').collect();
    if a.len() != b.len() || a.iter().zip(&b).any(|(x, y)| x.1 != y.1) {
        return None;
    }
    let first = a.iter().position(|(i, _)| *i >= start)?;
    let last = a.iter().rposition(|(i, _)| *i < end)?;
    if last < first {
        return None;
    }
    let (bs, _) = b[first];
    let (be, c) = b[last];
    Some((bs, be + c.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_tokenised_spans_onto_raw_text() {
        let tok = "Selon l' AFP , il a dit qu' il viendrait jusqu'_en mai .";
        let raw = "Selon l'AFP, il a dit qu'il viendrait jusqu'en mai.";
        let (s, e) = align_span(tok, raw, 0, 5).unwrap();
        assert_eq!(&raw[s..e], "Selon");
        let at = tok.find("dit").unwrap();
        let (s, e) = align_span(tok, raw, at, at + 3).unwrap();
        assert_eq!(&raw[s..e], "dit");
        let at = tok.find("jusqu'_en").unwrap();
        let (s, e) = align_span(tok, raw, at, at + "jusqu'_en".chars().count()).unwrap();
        assert_eq!(&raw[s..e], "jusqu'en");
    }

    #[test]
    fn refuses_texts_that_differ() {
        assert_eq!(align_span("il a dit", "il a fait", 5, 8), None);
    }

    #[test]
    fn counts_character_offsets_not_bytes() {
        let tok = "L' été , selon lui , fut chaud .";
        let raw = "L'été, selon lui, fut chaud.";
        let at = tok.chars().collect::<String>().find("selon").map(|b| tok[..b].chars().count()).unwrap();
        let (s, e) = align_span(tok, raw, at, at + 5).unwrap();
        assert_eq!(&raw[s..e], "selon");
    }
}
