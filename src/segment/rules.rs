//! TEMPORARY minimal rules (replaced by the seg branch).
use std::fmt;
use std::sync::OnceLock;
#[derive(Debug, Default)]
pub struct SegmentRules;
#[derive(Debug)]
pub struct RulesError(String);
impl fmt::Display for RulesError { fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(&self.0) } }
impl SegmentRules {
    pub fn embedded() -> &'static SegmentRules { static R: OnceLock<SegmentRules> = OnceLock::new(); R.get_or_init(SegmentRules::default) }
}
