//! Stage 5 — classify: what the matched markers mean in context.

pub mod reading;
