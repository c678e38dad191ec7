//! Measurement against gold data (`hedge eval …`).

pub mod attribution;
pub mod conllu;
pub mod facts;
pub mod genre;
pub mod gold;
pub mod pages;
pub mod quotes;
pub mod readings;
pub mod segment;
pub mod sources;
pub mod ud;
pub mod verbs;

use serde::Serialize;

/// Counts and precision / recall / F1.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn add(&mut self, o: &Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    /// Computes the ratios from the counts (an empty denominator gives 1.0 for P and R).
    pub fn finish(mut self) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        self.precision = ratio(self.tp, self.tp + self.fp);
        self.recall = ratio(self.tp, self.tp + self.fn_);
        self.f1 = if self.precision + self.recall == 0.0 { 0.0 } else { 2.0 * self.precision * self.recall / (self.precision + self.recall) };
        self
    }
}
