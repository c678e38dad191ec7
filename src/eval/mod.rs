//! Measurement against gold data (`hedge eval …`).

pub mod conllu;
pub mod readings;
