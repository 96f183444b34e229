//! Rates with their sample size and a 95 % interval, so a small sample is
//! shown for what it is.

/// z for a two-sided 95 % interval.
const Z95: f64 = 1.959_964;

/// `hits` out of `n`, such as deals won out of deals decided.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rate {
    pub hits: u64,
    pub n: u64,
}

/// A rate between 0 and 1 with its 95 % interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

impl Rate {
    pub fn new(hits: u64, n: u64) -> Rate {
        Rate { hits, n }
    }

    /// `None` when nothing was counted: a rate of 0 % would be a claim.
    pub fn value(self) -> Option<f64> {
        (self.n > 0).then(|| self.hits as f64 / self.n as f64)
    }

    /// The Wilson score interval, which stays inside 0–1 and is honest for
    /// small samples and rates near 0 or 1, unlike the normal approximation.
    pub fn estimate(self) -> Option<Estimate> {
        let value = self.value()?;
        let (low, high) = wilson(value, self.n as f64);
        Some(Estimate { value, low, high })
    }
}

fn wilson(p: f64, n: f64) -> (f64, f64) {
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half_width = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    ((centre - half_width).max(0.0), (centre + half_width).min(1.0))
}

/// A share of value (won value out of decided value). Its interval uses
/// Kish's effective sample size, (Σw)² / Σw²: a few large deals carry less
/// evidence than many deals of the same total.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ValueRate {
    pub hits: i64,
    pub total: i64,
    /// Deals with a value that entered the total.
    pub n: u64,
    sum_of_squares: f64,
}

impl ValueRate {
    #[inline(always)]
    pub fn add(&mut self, value: i64, hit: bool) {
        self.hits = self.hits.saturating_add(value * i64::from(hit));
        self.total = self.total.saturating_add(value);
        self.n += 1;
        let weight = value as f64;
        self.sum_of_squares += weight * weight;
    }

    pub fn value(&self) -> Option<f64> {
        (self.total > 0).then(|| self.hits as f64 / self.total as f64)
    }

    pub fn effective_n(&self) -> f64 {
        if self.sum_of_squares == 0.0 {
            0.0
        } else {
            let total = self.total as f64;
            total * total / self.sum_of_squares
        }
    }

    pub fn estimate(&self) -> Option<Estimate> {
        let value = self.value()?;
        let (low, high) = wilson(value, self.effective_n());
        Some(Estimate { value, low, high })
    }
}

/// Whether two rates differ by more than chance, at 95 %: a two-proportion
/// z-test, trusted only when each side has at least `min_n` observations.
pub fn differs(a: Rate, b: Rate, min_n: u64) -> bool {
    if a.n < min_n || b.n < min_n {
        return false;
    }
    let (Some(pa), Some(pb)) = (a.value(), b.value()) else { return false };
    let pooled = (a.hits + b.hits) as f64 / (a.n + b.n) as f64;
    let spread = (pooled * (1.0 - pooled) * (1.0 / a.n as f64 + 1.0 / b.n as f64)).sqrt();
    spread > 0.0 && ((pa - pb) / spread).abs() > Z95
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.000_5
    }

    #[test]
    fn nothing_counted_is_no_rate() {
        assert_eq!(Rate::new(0, 0).value(), None);
        assert_eq!(Rate::new(0, 0).estimate(), None);
        assert_eq!(ValueRate::default().value(), None);
    }

    #[test]
    fn wilson_interval_matches_the_textbook() {
        // 7 of 10: Wilson 95 % interval 0.3968–0.8922.
        let estimate = Rate::new(7, 10).estimate().expect("a rate");
        assert!(close(estimate.value, 0.7));
        assert!(close(estimate.low, 0.3968), "{}", estimate.low);
        assert!(close(estimate.high, 0.8922), "{}", estimate.high);
        // 0 of 5 stays inside 0–1: 0–0.4345.
        let none = Rate::new(0, 5).estimate().expect("a rate");
        assert_eq!(none.low, 0.0);
        assert!(close(none.high, 0.4345), "{}", none.high);
        // One deal tells little.
        let one = Rate::new(1, 1).estimate().expect("a rate");
        assert!(one.low < 0.25 && one.high == 1.0);
    }

    #[test]
    fn value_rate_counts_a_few_large_deals_as_less_evidence() {
        let mut even = ValueRate::default();
        for hit in [true, false, true, false] {
            even.add(100, hit);
        }
        assert_eq!(even.value(), Some(0.5));
        assert!(close(even.effective_n(), 4.0));
        let mut skewed = ValueRate::default();
        for (value, hit) in [(1_000, true), (10, false), (10, false), (10, false)] {
            skewed.add(value, hit);
        }
        assert!(skewed.effective_n() < 1.1, "{}", skewed.effective_n());
        let mut zero = ValueRate::default();
        zero.add(0, true);
        assert_eq!(zero.value(), None, "zero amounts give no value rate");
        assert_eq!(zero.n, 1);
    }

    #[test]
    fn a_difference_needs_enough_data_and_enough_distance() {
        assert!(differs(Rate::new(60, 100), Rate::new(30, 100), 20));
        assert!(!differs(Rate::new(40, 100), Rate::new(35, 100), 20));
        assert!(!differs(Rate::new(9, 10), Rate::new(1, 10), 20), "too few deals to say");
        assert!(!differs(Rate::new(0, 50), Rate::new(0, 50), 20));
    }
}
