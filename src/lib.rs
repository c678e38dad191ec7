//! hedge — sentence by sentence, does a French news article assert facts in its own voice,
//! report them with a source, or hedge them?
//!
//! The modules are the stages of the data flow:
//! `input` (read) → `extract` (normalise) → `segment` → `matcher` → `classify` → `aggregate`
//! (with `score`: how the article figures and their intervals are computed) → `report` (render). `lexicon` holds the data the matcher uses, `token` the word rules shared
//! by both, `words` the facts of each word the matcher looks up once for itself and the classifier; `eval` measures the stages against gold data.

pub mod aggregate;
pub mod app;
pub mod check;
pub mod classify;
pub mod cli;
pub mod eval;
pub mod extract;
pub mod facts;
pub mod input;
pub mod invariants;
pub mod lexicon;
pub mod matcher;
pub mod pipeline;
pub mod progress;
pub mod report;
pub mod rules;
pub mod score;
pub mod segment;
pub mod token;
pub mod words;
