use serde::{Deserialize, Serialize};
use thiserror::Error;

/// An ISO 4217 currency code, such as `EUR`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency(String);

#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("Use a 3-letter currency code such as USD or EUR.")]
pub struct CurrencyError;

impl Currency {
    pub fn parse(code: &str) -> Result<Currency, CurrencyError> {
        let code = code.trim().to_ascii_uppercase();
        if code.len() == 3 && code.bytes().all(|byte| byte.is_ascii_uppercase()) {
            Ok(Currency(code))
        } else {
            Err(CurrencyError)
        }
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    /// Digits after the decimal point in the currency's minor unit (ISO 4217).
    pub fn minor_digits(&self) -> u32 {
        match self.0.as_str() {
            "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX" | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
            "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
            _ => 2,
        }
    }
}

impl TryFrom<String> for Currency {
    type Error = CurrencyError;

    fn try_from(code: String) -> Result<Self, Self::Error> {
        Currency::parse(&code)
    }
}

impl From<Currency> for String {
    fn from(currency: Currency) -> String {
        currency.0
    }
}

/// An amount of money in integer minor units (cents for USD), never floats.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    /// The amount in major units, for display only: all arithmetic stays in
    /// minor units.
    pub fn major_units(&self) -> f64 {
        self.minor as f64 / 10f64.powi(self.currency.minor_digits() as i32)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum AmountError {
    #[error("“{0}” is not an amount. Use digits, such as 12000 or 12,000.50.")]
    NotANumber(String),
    #[error("The amount cannot be negative.")]
    Negative,
    #[error("{currency} amounts have at most {allowed} digits after the decimal point.")]
    TooManyDecimals { currency: String, allowed: u32 },
    #[error("The amount is too large.")]
    TooLarge,
}

/// Reads an amount as people type it: `12000`, `12,000.50`, `12.000,50`,
/// `12 000`, `1'000`, with or without a leading `+`.
///
/// One separator followed by exactly three digits (`12,000`, `1.500`) is read
/// as a thousands separator, because that is how amounts in whole units are
/// written in every locale; otherwise the last separator is the decimal one.
pub fn parse_amount(text: &str, currency: &Currency) -> Result<i64, AmountError> {
    let not_a_number = || AmountError::NotANumber(text.trim().to_owned());
    let compact: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let (negative, unsigned) = match compact.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, compact.strip_prefix('+').unwrap_or(&compact)),
    };
    if unsigned.is_empty() || !unsigned.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(not_a_number());
    }

    let (whole, fraction) = split_decimal(unsigned).ok_or_else(not_a_number)?;
    if negative {
        return Err(AmountError::Negative);
    }
    let allowed = currency.minor_digits();
    if fraction.len() as u32 > allowed {
        return Err(AmountError::TooManyDecimals {
            currency: currency.code().to_owned(),
            allowed,
        });
    }

    let mut minor: i64 = 0;
    let padded_fraction = format!("{fraction:0<width$}", width = allowed as usize);
    for digit in whole.chars().chain(padded_fraction.chars()) {
        let value = i64::from(digit.to_digit(10).ok_or_else(not_a_number)?);
        minor = minor
            .checked_mul(10)
            .and_then(|m| m.checked_add(value))
            .ok_or(AmountError::TooLarge)?;
    }
    Ok(minor)
}

/// Splits digits-and-separators into (whole digits, fraction digits), or
/// `None` when the separators cannot be read as a number.
fn split_decimal(text: &str) -> Option<(String, String)> {
    let last_separator = text.rfind(['.', ',']);
    let Some(position) = last_separator else {
        return Some((text.to_owned(), String::new()));
    };
    let separator = text[position..].chars().next()?;
    let before = &text[..position];
    let after = &text[position + 1..];
    let separator_count = text.matches(separator).count();
    let other_present = text.contains(if separator == '.' { ',' } else { '.' });

    let is_grouping = !other_present && (separator_count > 1 || (after.len() == 3 && before != "0" && !before.is_empty()));
    if is_grouping {
        return Some((ungroup(text, separator)?, String::new()));
    }
    if after.is_empty() || separator_count > 1 {
        return None;
    }
    let group_separator = if separator == '.' { ',' } else { '.' };
    let whole = if before.is_empty() { "0".to_owned() } else { ungroup(before, group_separator)? };
    Some((whole, after.to_owned()))
}

/// Removes thousands separators, checking they sit every three digits.
fn ungroup(text: &str, separator: char) -> Option<String> {
    let groups: Vec<&str> = text.split(separator).collect();
    let (first, rest) = groups.split_first()?;
    let well_formed = !first.is_empty()
        && first.len() <= 3
        && rest.iter().all(|group| group.len() == 3)
        && groups.iter().all(|group| group.chars().all(|c| c.is_ascii_digit()));
    (well_formed || groups.len() == 1).then(|| groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd() -> Currency {
        Currency::parse("usd").expect("valid code")
    }

    fn parse(text: &str) -> Result<i64, AmountError> {
        parse_amount(text, &usd())
    }

    #[test]
    fn reads_amounts_as_people_type_them() {
        assert_eq!(parse("12000"), Ok(1_200_000));
        assert_eq!(parse("12,000"), Ok(1_200_000));
        assert_eq!(parse("12,000.50"), Ok(1_200_050));
        assert_eq!(parse("12.000,50"), Ok(1_200_050));
        assert_eq!(parse("1,234,567.8"), Ok(123_456_780));
        assert_eq!(parse("12 000"), Ok(1_200_000));
        assert_eq!(parse("1'000"), Ok(100_000));
        assert_eq!(parse("12,5"), Ok(1_250));
        assert_eq!(parse("0.500"), Err(AmountError::TooManyDecimals { currency: "USD".into(), allowed: 2 }));
        assert_eq!(parse(".5"), Ok(50));
        assert_eq!(parse("+7"), Ok(700));
        assert_eq!(parse("0"), Ok(0));
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        assert_eq!(parse("12x"), Err(AmountError::NotANumber("12x".into())));
        assert_eq!(parse("abc"), Err(AmountError::NotANumber("abc".into())));
        assert_eq!(parse("1.2.3,4"), Err(AmountError::NotANumber("1.2.3,4".into())));
        assert_eq!(parse("12,00,000"), Err(AmountError::NotANumber("12,00,000".into())));
        assert_eq!(parse("5."), Err(AmountError::NotANumber("5.".into())));
        assert_eq!(parse("-"), Err(AmountError::NotANumber("-".into())));
        assert_eq!(parse("$100"), Err(AmountError::NotANumber("$100".into())));
    }

    #[test]
    fn rejects_negative_amounts() {
        assert_eq!(parse("-5"), Err(AmountError::Negative));
        assert_eq!(parse("\u{2212}1,000"), Err(AmountError::Negative));
    }

    #[test]
    fn respects_the_currency_minor_unit() {
        let yen = Currency::parse("JPY").expect("valid code");
        assert_eq!(parse_amount("1500", &yen), Ok(1500));
        assert!(matches!(parse_amount("15.5", &yen), Err(AmountError::TooManyDecimals { allowed: 0, .. })));
        let dinar = Currency::parse("KWD").expect("valid code");
        assert_eq!(parse_amount("1.250", &dinar), Ok(1_250_000), "three digits after one separator read as thousands");
        assert_eq!(parse_amount("0.125", &dinar), Ok(125));
    }

    #[test]
    fn refuses_overflow() {
        assert_eq!(parse("99999999999999999999"), Err(AmountError::TooLarge));
    }

    #[test]
    fn currency_codes_are_three_letters() {
        assert_eq!(Currency::parse(" eur ").map(|c| c.code().to_owned()), Ok("EUR".to_owned()));
        assert_eq!(Currency::parse("EURO"), Err(CurrencyError));
        assert_eq!(Currency::parse("E1R"), Err(CurrencyError));
        assert!(serde_json::from_str::<Currency>("\"12\"").is_err());
    }
}
