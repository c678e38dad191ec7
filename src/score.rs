//! Stage 6b — score: how the article figures are computed from the points of its claims, and
//! how sure they are.
//!
//! This is the module to open for "how is the score computed":
//! - the points of one claim are given by the classifier (`classify`): for a claim in the
//!   outlet's own voice, the base of its label plus the weights of its counted markers, kept
//!   within 0..100; for a claim inside a quotation, the `quoted` base (the outlet reports
//!   someone else's words). The bases are data: `lexicons/rules/scoring.toml`.
//! - the **assertiveness** of an article is the mean points of all its claims, own-voice and
//!   quoted ([`FORMULA`]);
//! - its **95 % interval** is a bootstrap over its claims ([`interval`]), seeded, so the same
//!   claims always give the same interval whatever the thread count;
//! - the **own-voice score** (the mean over own-voice claims only) is kept as a second figure.
//!
//! Why quoted claims count as reported (measured, see `docs/SCORE.md`): an article built from
//! quotations credits what it says to its speakers; leaving those claims out made it score like
//! an article that asserts everything itself.

use std::collections::BTreeMap;

/// The formula, in words (printed in every JSON report and in the docs).
pub const FORMULA: &str = "points of a claim = base of its label + weights of its counted markers, kept within 0..100 \
(a claim inside a quotation: the quoted base, the outlet reports it); assertiveness = mean points of all the article's \
claims, own-voice and quoted; interval = 95 % bootstrap over the claims";

/// Bootstrap resamples for an article's interval.
const RESAMPLES: usize = 2000;
/// Above this many claims the bootstrap is replaced by its normal approximation (the two agree
/// to the first decimal there, and resampling a million claims 2,000 times would be slow).
const BOOTSTRAP_MAX_CLAIMS: usize = 2000;

/// A deterministic pseudo-random generator (SplitMix64): the interval of an article must be
/// the same bytes on every run and every machine.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in 0..n (n > 0; the modulo bias is negligible for n ≤ 2,000).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The 95 % interval of the mean points, from the histogram of the claims' points (points →
/// number of claims). None without claims. Percentile bootstrap with a fixed seed; the normal
/// approximation above [`BOOTSTRAP_MAX_CLAIMS`] claims. Rounded to one decimal, within 0..100.
pub fn interval(hist: &BTreeMap<i32, usize>) -> Option<[f64; 2]> {
    let n: usize = hist.values().sum();
    if n == 0 {
        return None;
    }
    let mean = hist.iter().map(|(&p, &k)| f64::from(p) * k as f64).sum::<f64>() / n as f64;
    if n > BOOTSTRAP_MAX_CLAIMS {
        let var = hist.iter().map(|(&p, &k)| (f64::from(p) - mean).powi(2) * k as f64).sum::<f64>() / (n - 1) as f64;
        let half = 1.96 * (var / n as f64).sqrt();
        return Some([round1((mean - half).max(0.0)), round1((mean + half).min(100.0))]);
    }
    let points: Vec<i32> = hist.iter().flat_map(|(&p, &k)| std::iter::repeat_n(p, k)).collect();
    // The seed depends on the claims only, so equal articles get equal intervals.
    let mut rng = SplitMix(0x6865_6467_6521 ^ (n as u64).wrapping_mul(0x9E37_79B9) ^ points.iter().map(|&p| p as u64).sum::<u64>());
    let mut means: Vec<f64> = (0..RESAMPLES)
        .map(|_| {
            let s: i64 = (0..n).map(|_| i64::from(points[rng.below(n)])).sum();
            s as f64 / n as f64
        })
        .collect();
    means.sort_by(f64::total_cmp);
    let lo = means[(RESAMPLES as f64 * 0.025) as usize];
    let hi = means[(RESAMPLES as f64 * 0.975) as usize - 1];
    Some([round1(lo), round1(hi)])
}

/// Do two intervals overlap (the difference between the two scores is not significant)?
pub fn overlap(a: Option<[f64; 2]>, b: Option<[f64; 2]>) -> bool {
    match (a, b) {
        (Some([a0, a1]), Some([b0, b1])) => a0 <= b1 && b0 <= a1,
        _ => false,
    }
}

/// Area under the ROC curve: the probability that a random `pos` scores above a random `neg`
/// (ties count half). None when either side is empty.
pub fn auc(pos: &[f64], neg: &[f64]) -> Option<f64> {
    if pos.is_empty() || neg.is_empty() {
        return None;
    }
    let mut s = 0.0;
    for p in pos {
        for q in neg {
            s += match p.total_cmp(q) {
                std::cmp::Ordering::Greater => 1.0,
                std::cmp::Ordering::Equal => 0.5,
                std::cmp::Ordering::Less => 0.0,
            };
        }
    }
    Some(s / (pos.len() * neg.len()) as f64)
}

/// A 95 % bootstrap interval for an AUC (articles resampled within each class, fixed seed).
pub fn auc_interval(pos: &[f64], neg: &[f64]) -> Option<[f64; 2]> {
    auc(pos, neg)?;
    let mut rng = SplitMix(0x6175_6321);
    let mut v: Vec<f64> = (0..RESAMPLES)
        .map(|_| {
            let p: Vec<f64> = (0..pos.len()).map(|_| pos[rng.below(pos.len())]).collect();
            let q: Vec<f64> = (0..neg.len()).map(|_| neg[rng.below(neg.len())]).collect();
            auc(&p, &q).unwrap_or(0.5)
        })
        .collect();
    v.sort_by(f64::total_cmp);
    Some([v[(RESAMPLES as f64 * 0.025) as usize], v[(RESAMPLES as f64 * 0.975) as usize - 1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hist(points: &[(i32, usize)]) -> BTreeMap<i32, usize> {
        points.iter().copied().collect()
    }

    #[test]
    fn interval_contains_the_mean_and_narrows_with_more_claims() {
        let few = interval(&hist(&[(35, 5), (75, 10)])).unwrap();
        let many = interval(&hist(&[(35, 50), (75, 100)])).unwrap();
        let mean = (35.0 * 5.0 + 75.0 * 10.0) / 15.0;
        assert!(few[0] < mean && mean < few[1], "{few:?} around {mean}");
        assert!(many[0] < mean && mean < many[1], "{many:?} around {mean}");
        assert!(many[1] - many[0] < few[1] - few[0], "{many:?} is not narrower than {few:?}");
    }

    #[test]
    fn interval_is_deterministic_and_degenerate_when_all_claims_agree() {
        let h = hist(&[(0, 3), (35, 7), (75, 11), (100, 2)]);
        assert_eq!(interval(&h), interval(&h));
        assert_eq!(interval(&hist(&[(75, 9)])), Some([75.0, 75.0]));
        assert_eq!(interval(&BTreeMap::new()), None);
    }

    #[test]
    fn large_articles_use_the_normal_approximation_within_bounds() {
        let h = hist(&[(35, 3000), (75, 3000)]);
        let [lo, hi] = interval(&h).unwrap();
        assert!(lo > 54.0 && hi < 56.0 && lo < 55.0 && hi > 55.0, "{lo}..{hi}");
    }

    #[test]
    fn overlap_of_neighbours() {
        assert!(overlap(Some([40.0, 50.0]), Some([49.0, 60.0])));
        assert!(!overlap(Some([40.0, 50.0]), Some([50.1, 60.0])));
        assert!(!overlap(None, Some([1.0, 2.0])));
    }

    #[test]
    fn auc_counts_pairs_and_ties() {
        assert_eq!(auc(&[3.0, 4.0], &[1.0, 2.0]), Some(1.0));
        assert_eq!(auc(&[1.0], &[1.0]), Some(0.5));
        assert_eq!(auc(&[1.0, 3.0], &[2.0]), Some(0.5));
        assert_eq!(auc(&[], &[2.0]), None);
        let [lo, hi] = auc_interval(&[3.0, 4.0, 1.5, 5.0], &[1.0, 2.0, 3.5]).unwrap();
        assert!(lo <= hi && (0.0..=1.0).contains(&lo) && (0.0..=1.0).contains(&hi));
    }
}
