//! Deal size bands chosen from the data: quartiles of the decided deals'
//! values, rounded to numbers people say aloud.

use crate::domain::Outcome;

use super::figures::SizeBand;
use super::tally::Counts;

/// At most this many values place the quartiles.
const QUANTILE_SAMPLE: usize = 4_096;

/// Rounds down to one or two significant digits: 12,345 → 12,000; 1,875 → 1,800.
fn round_number(value: i64) -> i64 {
    if value < 100 {
        return value;
    }
    let magnitude = 10i64.pow(value.ilog10() - 1);
    value / magnitude * magnitude
}

/// Up to four bands of roughly equal deal counts over `(value, outcome)`.
pub fn size_bands(sizes: &[(i64, Outcome)]) -> Vec<SizeBand> {
    if sizes.is_empty() {
        return Vec::new();
    }
    // Cut points are rounded to two digits anyway, so a few thousand values
    // taken evenly through the deals place them as well as all 100,000 do,
    // in a fraction of the time.
    let stride = sizes.len().div_ceil(QUANTILE_SAMPLE);
    let mut values: Vec<i64> = sizes.iter().step_by(stride).map(|(value, _)| *value).collect();
    let smallest = sizes.iter().map(|(value, _)| *value).min().unwrap_or(0);
    let count = values.len();
    let mut cuts: Vec<i64> = [1, 2, 3]
        .into_iter()
        .map(|quarter| round_number(*values.select_nth_unstable(count * quarter / 4).1))
        .filter(|cut| *cut > smallest)
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut bands: Vec<SizeBand> = std::iter::once(0)
        .chain(cuts.iter().copied())
        .zip(cuts.iter().copied().map(Some).chain(std::iter::once(None)))
        .map(|(from, to)| SizeBand { from, to, tally: Counts::default() })
        .collect();
    for &(value, outcome) in sizes {
        let band = cuts.partition_point(|cut| *cut <= value);
        bands[band].tally.add(outcome);
    }
    bands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_split_the_deals_at_round_quartiles() {
        let sizes: Vec<(i64, Outcome)> =
            (1..=8).map(|i| (i * 123_400, if i % 2 == 0 { Outcome::Won } else { Outcome::Lost })).collect();
        let bands = size_bands(&sizes);
        let bounds: Vec<(i64, Option<i64>)> = bands.iter().map(|b| (b.from, b.to)).collect();
        assert_eq!(bounds, vec![(0, Some(370_000)), (370_000, Some(610_000)), (610_000, Some(860_000)), (860_000, None)]);
        let counts: Vec<u64> = bands.iter().map(|b| b.tally.decided()).collect();
        assert_eq!(counts, vec![2, 2, 2, 2]);
        assert_eq!(counts.iter().sum::<u64>(), 8);
    }

    #[test]
    fn equal_or_zero_amounts_make_one_band() {
        let zeros = [(0, Outcome::Won), (0, Outcome::Lost)];
        let bands = size_bands(&zeros);
        assert_eq!(bands.len(), 1);
        assert_eq!((bands[0].from, bands[0].to, bands[0].tally.decided()), (0, None, 2));
        assert!(size_bands(&[]).is_empty());
    }

    #[test]
    fn rounding_keeps_two_significant_digits() {
        assert_eq!(round_number(12_345), 12_000);
        assert_eq!(round_number(1_875), 1_800);
        assert_eq!(round_number(99), 99);
    }
}
