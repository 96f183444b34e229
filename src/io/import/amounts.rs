//! Amounts as CRMs and spreadsheets write them: with a currency symbol or
//! code on either side, thousands grouped by commas, points, spaces or
//! apostrophes, and decimals after a point or a comma. Whether `1,200` is
//! twelve hundred or one point two is decided over the whole column.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::domain::{AmountError, Currency};

/// The mark before the decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecimalMark {
    /// `1,200.50`
    Point,
    /// `1.200,50`
    Comma,
}

impl DecimalMark {
    fn char(self) -> char {
        match self {
            DecimalMark::Point => '.',
            DecimalMark::Comma => ',',
        }
    }

    fn of(separator: char) -> DecimalMark {
        if separator == ',' {
            DecimalMark::Comma
        } else {
            DecimalMark::Point
        }
    }
}

/// Symbols people write instead of a code, longest first so that `US$` is
/// not read as `$`.
const SYMBOLS: [(&str, &str); 6] = [("US$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("￥", "JPY")];

/// Spaces and apostrophes only ever group thousands.
const GROUPING_ONLY: [char; 6] = [' ', '\u{a0}', '\u{202f}', '\u{2009}', '\'', '’'];

/// The currency a cell names, by ISO code or by symbol.
pub(super) fn currency_named(text: &str) -> Option<Currency> {
    let text = text.trim();
    Currency::parse(text).ok().or_else(|| symbol_currency(text))
}

fn symbol_currency(text: &str) -> Option<Currency> {
    SYMBOLS.iter().find(|(symbol, _)| *symbol == text).and_then(|(_, code)| Currency::parse(code).ok())
}

/// An amount cell taken apart: its sign, the currency it names if any, and
/// the number itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct AmountText<'a> {
    text: &'a str,
    negative: bool,
    pub(super) currency: Option<Currency>,
    number: &'a str,
}

impl<'a> AmountText<'a> {
    pub(super) fn read(text: &'a str) -> AmountText<'a> {
        let text = text.trim();
        let mut negative = false;
        let mut rest = text;
        // Accountants write negative amounts in parentheses.
        if let Some(inner) = rest.strip_prefix('(').and_then(|inner| inner.strip_suffix(')')) {
            negative = true;
            rest = inner.trim();
        }
        rest = without_sign(rest, &mut negative);
        let mut currency = None;
        if let Some((found, after)) = currency_prefix(rest) {
            currency = Some(found);
            rest = without_sign(after.trim_start(), &mut negative);
        } else if let Some((found, before)) = currency_suffix(rest) {
            currency = Some(found);
            rest = before.trim_end();
        }
        if let Some(before) = rest.strip_suffix(['-', '\u{2212}']) {
            negative = true;
            rest = before.trim_end();
        }
        AmountText { text, negative, currency, number: rest }
    }

    /// The amount in minor units of `currency`, rounded to them; `mark` is
    /// the column's decimal mark when known, for amounts that could be read
    /// either way.
    pub(super) fn minor_units(&self, currency: &Currency, mark: Option<DecimalMark>) -> Result<i64, AmountError> {
        let not_a_number = || AmountError::NotANumber(self.text.to_owned());
        let compact = without_spaces(self.number);
        if !compact.bytes().any(|byte| byte.is_ascii_digit()) || !compact.bytes().all(|byte| byte.is_ascii_digit() || byte == b'.' || byte == b',') {
            return Err(not_a_number());
        }
        let minor_digits = currency.minor_digits();
        // `¥1,500` is never one and a half yen, whatever the column's mark.
        let mark = mark.filter(|_| minor_digits > 0);
        let (whole, fraction) = split_decimal(&compact, mark).ok_or_else(not_a_number)?;
        let minor = to_minor_units(&whole, fraction, minor_digits as usize).ok_or(AmountError::TooLarge)?;
        if self.negative && minor > 0 {
            return Err(AmountError::Negative);
        }
        Ok(minor)
    }
}

/// What a cell's amount says about the column's decimal mark, gathered as
/// the rows go by.
#[derive(Clone, Debug, Default)]
pub(super) struct DecimalEvidence {
    point: usize,
    comma: usize,
}

impl DecimalEvidence {
    pub(super) fn observe(&mut self, amount: &AmountText) {
        let compact = without_spaces(amount.number);
        let vote = match separators(&compact) {
            Separators::Both { last } => Some(DecimalMark::of(last)),
            Separators::Repeated(separator) => Some(if separator == ',' { DecimalMark::Point } else { DecimalMark::Comma }),
            Separators::Once { separator, at } => (!is_ambiguous(&compact, at)).then(|| DecimalMark::of(separator)),
            Separators::None => None,
        };
        match vote {
            Some(DecimalMark::Point) => self.point += 1,
            Some(DecimalMark::Comma) => self.comma += 1,
            None => {}
        }
    }

    /// The mark most amounts show; `None` when they do not say, and then
    /// `1,200` and `1.200` are twelve hundred.
    pub(super) fn mark(&self) -> Option<DecimalMark> {
        match self.point.cmp(&self.comma) {
            std::cmp::Ordering::Greater => Some(DecimalMark::Point),
            std::cmp::Ordering::Less => Some(DecimalMark::Comma),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// The message for a row whose amount `text` could not be read.
pub(super) fn amount_problem(error: &AmountError, text: &str) -> String {
    let text = text.trim();
    match error {
        AmountError::Negative => format!("“{text}” is negative; amounts cannot be."),
        AmountError::TooLarge => format!("“{text}” is too large an amount."),
        AmountError::NotANumber(_) | AmountError::TooManyDecimals { .. } => format!("“{text}” is not an amount."),
    }
}

/// The number without the spaces and apostrophes that group its digits.
fn without_spaces(number: &str) -> Cow<'_, str> {
    if number.contains(GROUPING_ONLY) {
        Cow::Owned(number.chars().filter(|c| !GROUPING_ONLY.contains(c)).collect())
    } else {
        Cow::Borrowed(number)
    }
}

fn without_sign<'t>(text: &'t str, negative: &mut bool) -> &'t str {
    if let Some(rest) = text.strip_prefix(['-', '\u{2212}']) {
        *negative = true;
        rest.trim_start()
    } else {
        text.strip_prefix('+').map_or(text, str::trim_start)
    }
}

fn currency_prefix(text: &str) -> Option<(Currency, &str)> {
    if let Some((symbol, code)) = SYMBOLS.iter().find(|(symbol, _)| text.starts_with(symbol)) {
        return Some((Currency::parse(code).ok()?, &text[symbol.len()..]));
    }
    let code = text.get(..3)?;
    let after = &text[3..];
    let is_code = code.bytes().all(|byte| byte.is_ascii_alphabetic()) && !after.starts_with(char::is_alphabetic);
    is_code.then(|| Currency::parse(code).ok().map(|currency| (currency, after))).flatten()
}

fn currency_suffix(text: &str) -> Option<(Currency, &str)> {
    if let Some((symbol, code)) = SYMBOLS.iter().find(|(symbol, _)| text.ends_with(symbol)) {
        return Some((Currency::parse(code).ok()?, &text[..text.len() - symbol.len()]));
    }
    let split = text.len().checked_sub(3)?;
    let (before, code) = (text.get(..split)?, text.get(split..)?);
    let is_code = code.bytes().all(|byte| byte.is_ascii_alphabetic()) && !before.ends_with(char::is_alphabetic);
    is_code.then(|| Currency::parse(code).ok().map(|currency| (currency, before))).flatten()
}

enum Separators {
    None,
    /// Both a point and a comma: the last one is the decimal mark.
    Both { last: char },
    /// One kind of separator, several times: it groups thousands.
    Repeated(char),
    Once { separator: char, at: usize },
}

fn separators(compact: &str) -> Separators {
    let last_comma = compact.rfind(',');
    let last_point = compact.rfind('.');
    match (last_comma, last_point) {
        (None, None) => Separators::None,
        (Some(comma), Some(point)) => Separators::Both { last: if comma > point { ',' } else { '.' } },
        (Some(at), None) | (None, Some(at)) => {
            let separator = if last_comma.is_some() { ',' } else { '.' };
            if compact.matches(separator).count() > 1 {
                Separators::Repeated(separator)
            } else {
                Separators::Once { separator, at }
            }
        }
    }
}

/// `1,200` and `1.200`: a single separator before exactly three digits,
/// after a number other than zero, reads either way.
fn is_ambiguous(compact: &str, at: usize) -> bool {
    let (before, after) = (&compact[..at], &compact[at + 1..]);
    after.len() == 3 && before.bytes().any(|byte| byte != b'0')
}

/// The whole digits (without grouping) and the decimal digits, or `None`
/// when the separators do not make a number.
fn split_decimal(compact: &str, mark: Option<DecimalMark>) -> Option<(String, &str)> {
    let decimal_at = match separators(compact) {
        Separators::None | Separators::Repeated(_) => None,
        Separators::Both { last } => {
            if compact.matches(last).count() > 1 {
                return None;
            }
            compact.rfind(last)
        }
        Separators::Once { separator, at } => {
            let grouping = is_ambiguous(compact, at) && mark != Some(DecimalMark::of(separator));
            (!grouping).then_some(at)
        }
    };
    let (whole, fraction) = match decimal_at {
        Some(at) => (&compact[..at], &compact[at + 1..]),
        None => (compact, ""),
    };
    if decimal_at.is_some() && fraction.is_empty() {
        return None;
    }
    let decimal = decimal_at.and_then(|at| compact[at..].chars().next());
    let whole = ungroup(whole, decimal)?;
    Some((whole, fraction))
}

/// The digits of `whole` with the grouping separator (the one that is not
/// the decimal mark) removed, checking groups of three.
fn ungroup(whole: &str, decimal: Option<char>) -> Option<String> {
    if whole.is_empty() {
        return Some("0".to_owned());
    }
    let grouping = match decimal {
        Some(mark) if mark == DecimalMark::Point.char() => DecimalMark::Comma.char(),
        Some(_) => DecimalMark::Point.char(),
        None if whole.contains(',') => ',',
        None => '.',
    };
    let mut groups = whole.split(grouping);
    let first = groups.next()?;
    let well_formed = !first.is_empty()
        && first.bytes().all(|byte| byte.is_ascii_digit())
        && (first.len() <= 3 || !whole.contains(grouping))
        && groups.all(|group| group.len() == 3 && group.bytes().all(|byte| byte.is_ascii_digit()));
    well_formed.then(|| whole.replace(grouping, ""))
}

/// `whole` and `fraction` digits as a count of minor units with `digits`
/// decimals, rounded half up; `None` on overflow.
fn to_minor_units(whole: &str, fraction: &str, digits: usize) -> Option<i64> {
    let fraction = fraction.as_bytes();
    let padded = (0..digits).map(|index| fraction.get(index).copied().unwrap_or(b'0'));
    let mut minor: i64 = 0;
    for byte in whole.bytes().chain(padded) {
        minor = minor.checked_mul(10)?.checked_add(i64::from(byte - b'0'))?;
    }
    if fraction.get(digits).is_some_and(|byte| *byte >= b'5') {
        minor = minor.checked_add(1)?;
    }
    Some(minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Currency {
        Currency::parse(text).unwrap_or_else(|_| panic!("{text} is a currency code"))
    }

    /// (currency named in the cell, minor units in that currency or USD).
    fn read(text: &str, mark: Option<DecimalMark>) -> (Option<String>, Result<i64, AmountError>) {
        let amount = AmountText::read(text);
        let currency = amount.currency.clone().unwrap_or_else(|| code("USD"));
        (amount.currency.as_ref().map(|c| c.code().to_owned()), amount.minor_units(&currency, mark))
    }

    fn column_mark(texts: &[&str]) -> Option<DecimalMark> {
        let mut evidence = DecimalEvidence::default();
        for text in texts {
            evidence.observe(&AmountText::read(text));
        }
        evidence.mark()
    }

    #[test]
    fn symbols_and_codes_on_either_side() {
        let cases = [
            ("USD 1,200.50", "USD", 120_050),
            ("1.200,50 €", "EUR", 120_050),
            ("€1 200,50", "EUR", 120_050),
            ("$1,200", "USD", 120_000),
            ("US$ 99.99", "USD", 9_999),
            ("£250", "GBP", 25_000),
            ("¥1,500", "JPY", 1_500),
            ("CHF 3'000", "CHF", 300_000),
            ("3’000.25 CHF", "CHF", 300_025),
            ("EUR1.200,50", "EUR", 120_050),
            ("1200 eur", "EUR", 120_000),
        ];
        for (text, currency, minor) in cases {
            assert_eq!(read(text, None), (Some(currency.to_owned()), Ok(minor)), "{text}");
        }
    }

    #[test]
    fn grouping_by_spaces_of_every_width() {
        for text in ["1 200,50", "1\u{a0}200,50", "1\u{202f}200,50", "1 200.50"] {
            assert_eq!(read(text, None), (None, Ok(120_050)), "{text}");
        }
        assert_eq!(read("1 234 567", None), (None, Ok(123_456_700)));
        assert_eq!(read("1.234.567", None), (None, Ok(123_456_700)));
        assert_eq!(read("1,234,567.891", None), (None, Ok(123_456_789)));
    }

    #[test]
    fn a_lone_separator_before_three_digits_follows_the_column() {
        assert_eq!(read("1,200", None), (None, Ok(120_000)));
        assert_eq!(read("1.200", None), (None, Ok(120_000)));
        assert_eq!(read("1,200", Some(DecimalMark::Point)), (None, Ok(120_000)));
        assert_eq!(read("1,200", Some(DecimalMark::Comma)), (None, Ok(120)));
        assert_eq!(read("1.200", Some(DecimalMark::Point)), (None, Ok(120)));
        assert_eq!(read("0,500", None), (None, Ok(50)), "zero thousands is no amount anyone writes");
        assert_eq!(read("3,5", Some(DecimalMark::Point)), (None, Ok(350)), "unambiguous amounts read as written");
        assert_eq!(read("¥1,500", Some(DecimalMark::Comma)), (Some("JPY".into()), Ok(1_500)), "yen have no decimals");
    }

    #[test]
    fn the_column_decides_from_amounts_that_read_one_way() {
        assert_eq!(column_mark(&["1,200", "3,50"]), Some(DecimalMark::Comma));
        assert_eq!(column_mark(&["1,200", "1,200,000"]), Some(DecimalMark::Point));
        assert_eq!(column_mark(&["1.200", "1.200.000"]), Some(DecimalMark::Comma));
        assert_eq!(column_mark(&["1.200,00 €", "7,5", "12.5"]), Some(DecimalMark::Comma));
        assert_eq!(column_mark(&["1,200", "800", ""]), None);
        assert_eq!(column_mark(&["1,5", "1.5"]), None);
    }

    #[test]
    fn rounds_to_the_currency_minor_unit() {
        assert_eq!(read("10.005", Some(DecimalMark::Point)), (None, Ok(1_001)));
        assert_eq!(read("10.0049", None), (None, Ok(1_000)));
        assert_eq!(read("¥1500.6", None), (Some("JPY".into()), Ok(1_501)));
        let dinar = AmountText::read("1.2345");
        assert_eq!(dinar.minor_units(&code("KWD"), None), Ok(1_235));
        assert_eq!(read("0.995", Some(DecimalMark::Point)), (None, Ok(100)));
    }

    #[test]
    fn negative_amounts_are_refused() {
        for text in ["-5", "−1,000", "(1,200.00)", "$-100", "-$100", "USD -3", "1200-"] {
            assert_eq!(read(text, None).1, Err(AmountError::Negative), "{text}");
        }
        assert_eq!(read("-0", None).1, Ok(0));
    }

    #[test]
    fn what_is_not_an_amount() {
        for text in ["abc", "12x", "1.2.3,4", "12,00,000", "5.", "$", "", "1,2,3", "..", "1 200 EUR USD", "N/A", "tbd"] {
            assert!(matches!(read(text, None).1, Err(AmountError::NotANumber(_))), "{text}");
        }
        assert_eq!(read("99999999999999999999", None).1, Err(AmountError::TooLarge));
        assert_eq!(amount_problem(&AmountError::NotANumber("abc".into()), " abc "), "“abc” is not an amount.");
        assert_eq!(amount_problem(&AmountError::Negative, "-5"), "“-5” is negative; amounts cannot be.");
    }

    #[test]
    fn currency_cells_by_code_or_symbol() {
        assert_eq!(currency_named(" eur "), Some(code("EUR")));
        assert_eq!(currency_named("€"), Some(code("EUR")));
        assert_eq!(currency_named("US Dollar"), None);
    }
}
