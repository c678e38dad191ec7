//! TEMPORARY (replaced by the read branch).
use crate::lexicon::morphology::Morphology;
use crate::token::Token;
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reading { Hearsay, Epistemic, Hypothetical, FutureInPast, Attenuation }
impl Reading {
    pub fn is_hedge(self) -> bool { matches!(self, Reading::Hearsay | Reading::Epistemic) }
    pub fn as_str(self) -> &'static str { match self { Reading::Hearsay => "hearsay", Reading::Epistemic => "epistemic", Reading::Hypothetical => "hypothetical", Reading::FutureInPast => "future_in_past", Reading::Attenuation => "attenuation" } }
    pub fn all() -> [Reading; 5] { [Reading::Hearsay, Reading::Epistemic, Reading::Hypothetical, Reading::FutureInPast, Reading::Attenuation] }
}
pub struct ReadingRules;
impl ReadingRules { pub fn embedded() -> &'static ReadingRules { &ReadingRules } }
pub fn classify_reading(_text: &str, _tokens: &[Token], _at: usize, _morph: &Morphology, _rules: &ReadingRules) -> Reading { Reading::Hearsay }
