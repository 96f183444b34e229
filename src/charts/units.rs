//! Numbers as charts show them: money in major units of the reporting
//! currency, shares and rates as percentages, and the axis names that say
//! which.

use crate::analytics::{Dashboard, Measure};
use crate::domain::Currency;

/// Money for display only: figures stay integer minor units everywhere
/// else. With no reporting currency no value is known, and every value is 0.
pub(crate) fn major_units(minor: i64, currency: Option<&Currency>) -> f64 {
    let digits = currency.map_or(0, Currency::minor_digits);
    minor as f64 / 10f64.powi(digits as i32)
}

/// A share or rate between 0 and 1 as a percentage with one decimal.
pub(crate) fn percent(share: f64) -> f64 {
    tenths(share) as f64 / 10.0
}

/// A share or rate between 0 and 1 in tenths of a percent, so that
/// differences of rounded percentages stay exact.
pub(crate) fn tenths(share: f64) -> i64 {
    (share * 1000.0).round() as i64
}

/// "Lost value (USD)", or "Lost value" when no deal has an amount.
pub(crate) fn value_name(what: &str, d: &Dashboard) -> String {
    match &d.money.reporting {
        Some(currency) => format!("{what} ({})", currency.code()),
        None => what.to_owned(),
    }
}

/// A figure by `measure`: deals counted, or their value in major units.
pub(crate) fn amount(measure: Measure, count: u64, value: i64, d: &Dashboard) -> f64 {
    match measure {
        Measure::Count => count as f64,
        Measure::Value => major_units(value, d.money.reporting.as_ref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_shown_in_major_units_of_its_currency() {
        let usd = Currency::parse("USD").expect("code");
        let jpy = Currency::parse("JPY").expect("code");
        let kwd = Currency::parse("KWD").expect("code");
        assert_eq!(major_units(1_234_550, Some(&usd)), 12_345.5);
        assert_eq!(major_units(1_234_550, Some(&jpy)), 1_234_550.0);
        assert_eq!(major_units(1_234_550, Some(&kwd)), 1_234.55);
        assert_eq!(major_units(0, None), 0.0);
    }

    #[test]
    fn percentages_keep_one_decimal() {
        assert_eq!(percent(2.0 / 3.0), 66.7);
        assert_eq!(percent(1.0), 100.0);
        assert_eq!(percent(0.396_8), 39.7);
        assert_eq!(tenths(0.892_2) - tenths(0.396_8), 495);
    }
}
