//! Lexicons: the TOML marker families and the verb-form table.

pub mod morphology;
