use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{Currency, Money};

/// Rates are kept in millionths, so a rate such as 1.0825 is exact and all
/// conversion stays in integers.
const RATE_SCALE: i128 = 1_000_000;

/// The currency value-based figures are reported in, and the rates the user
/// entered to convert other currencies into it. Amounts in a currency without
/// a rate are never added in silently: analytics flags them instead.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExchangeRates {
    /// `None`: the currency most deals use.
    pub reporting: Option<Currency>,
    pub rates: Vec<ExchangeRate>,
}

/// One unit of `from` is worth `millionths / 1,000,000` units of the
/// reporting currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeRate {
    pub from: Currency,
    pub millionths: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RateError {
    #[error("“{0}” is not a rate. Use a positive number such as 1.08.")]
    NotANumber(String),
    #[error("A rate must be more than zero.")]
    NotPositive,
    #[error("Rates have at most 6 digits after the decimal point.")]
    TooPrecise,
}

/// Reads a rate typed as `1.08`, `1,08` or `0.000123`.
pub fn parse_rate(text: &str) -> Result<i64, RateError> {
    let trimmed = text.trim();
    let not_a_number = || RateError::NotANumber(trimmed.to_owned());
    let normalised = trimmed.replace(',', ".");
    let (whole, fraction) = normalised.split_once('.').unwrap_or((&normalised, ""));
    let digits_only = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits_only(whole) || !digits_only(fraction) {
        return Err(not_a_number());
    }
    if fraction.len() > 6 {
        return Err(RateError::TooPrecise);
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| not_a_number())? };
    let fraction: i64 = format!("{fraction:0<6}").parse().map_err(|_| not_a_number())?;
    let millionths = whole.checked_mul(1_000_000).and_then(|w| w.checked_add(fraction)).ok_or_else(not_a_number)?;
    if millionths == 0 {
        return Err(RateError::NotPositive);
    }
    Ok(millionths)
}

impl ExchangeRates {
    pub fn rate_for(&self, from: &Currency) -> Option<i64> {
        self.rates.iter().find(|rate| &rate.from == from).map(|rate| rate.millionths)
    }

    /// Sets (or, with `None`, removes) the rate from `from`.
    pub fn set_rate(&mut self, from: Currency, millionths: Option<i64>) {
        self.rates.retain(|rate| rate.from != from);
        if let Some(millionths) = millionths {
            self.rates.push(ExchangeRate { from, millionths });
            self.rates.sort_by(|a, b| a.from.cmp(&b.from));
        }
    }

    /// `money` in minor units of `reporting`, rounded half up; `None` when
    /// there is no rate for its currency.
    pub fn convert(&self, money: &Money, reporting: &Currency) -> Option<i64> {
        self.converter(&money.currency, reporting)?.apply(money.minor)
    }

    /// How to turn amounts in `from` into `reporting`, worked out once for
    /// many amounts; `None` when there is no rate.
    pub fn converter(&self, from: &Currency, reporting: &Currency) -> Option<Converter> {
        if from == reporting {
            return Some(Converter { multiply: 1, divide: 1 });
        }
        let rate = i128::from(self.rate_for(from)?);
        Some(Converter {
            multiply: rate * 10i128.pow(reporting.minor_digits()),
            divide: RATE_SCALE * 10i128.pow(from.minor_digits()),
        })
    }
}

/// Minor units of one currency into minor units of another, in integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Converter {
    multiply: i128,
    divide: i128,
}

impl Converter {
    pub fn apply(self, minor: i64) -> Option<i64> {
        // Same currency: no 128-bit division, which costs more than the
        // rest of a dashboard's work on a deal.
        if self.divide == 1 {
            return Some(minor);
        }
        let rounded = (i128::from(minor) * self.multiply + self.divide / 2) / self.divide;
        i64::try_from(rounded).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn currency(code: &str) -> Currency {
        Currency::parse(code).expect("valid code")
    }

    fn money(minor: i64, code: &str) -> Money {
        Money { minor, currency: currency(code) }
    }

    #[test]
    fn rates_are_read_as_typed() {
        assert_eq!(parse_rate("1.08"), Ok(1_080_000));
        assert_eq!(parse_rate(" 1,0825 "), Ok(1_082_500));
        assert_eq!(parse_rate("150"), Ok(150_000_000));
        assert_eq!(parse_rate(".5"), Ok(500_000));
        assert_eq!(parse_rate("0"), Err(RateError::NotPositive));
        assert_eq!(parse_rate("1.0000001"), Err(RateError::TooPrecise));
        assert_eq!(parse_rate("-1"), Err(RateError::NotANumber("-1".into())));
        assert_eq!(parse_rate("abc"), Err(RateError::NotANumber("abc".into())));
        assert_eq!(parse_rate(""), Err(RateError::NotANumber(String::new())));
    }

    #[test]
    fn conversion_uses_integer_minor_units_of_both_currencies() {
        let mut rates = ExchangeRates::default();
        rates.set_rate(currency("EUR"), Some(1_100_000));
        rates.set_rate(currency("JPY"), Some(6_700));
        let usd = currency("USD");
        assert_eq!(rates.convert(&money(10_000, "USD"), &usd), Some(10_000));
        assert_eq!(rates.convert(&money(10_000, "EUR"), &usd), Some(11_000), "€100.00 at 1.10 is $110.00");
        assert_eq!(rates.convert(&money(1_000_000, "JPY"), &usd), Some(670_000), "¥1,000,000 at 0.0067 is $6,700.00");
        assert_eq!(rates.convert(&money(5, "EUR"), &usd), Some(6), "5.5 cents round up");
        assert_eq!(rates.convert(&money(100, "GBP"), &usd), None, "no rate, no silent sum");
    }

    #[test]
    fn setting_a_rate_replaces_or_removes_it() {
        let mut rates = ExchangeRates::default();
        rates.set_rate(currency("EUR"), Some(1_100_000));
        rates.set_rate(currency("EUR"), Some(1_200_000));
        assert_eq!(rates.rate_for(&currency("EUR")), Some(1_200_000));
        rates.set_rate(currency("EUR"), None);
        assert!(rates.rates.is_empty());
    }
}
