//! Dates as CRMs and spreadsheets write them. Whether `4/3/2026` is the 4th
//! of March or April 3rd cannot be told from one date, so the order is
//! decided over every date of the file, and asked when the dates never say.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which number comes first in a date such as `4/3/2026`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// 4 March 2026.
    DayFirst,
    /// April 3rd, 2026.
    MonthFirst,
}

/// Whether the import wizard must ask how to read the file's dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateOrderQuestion {
    /// Every date reads one way only (ISO, month names, dotted).
    NotNeeded,
    /// Some date only makes sense one way, such as `25/3/2026`.
    Known(DateOrder),
    /// Every date could be either, such as `4/3/2026`: ask, showing one.
    Ask { example: String },
}

/// A date as written, before its order is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateText {
    /// Read one way only.
    Fixed(NaiveDate),
    /// Two numbers and a year: `4/3/2026`, `04-03-26`.
    Numeric { first: u32, second: u32, year: i32 },
}

/// The date in `text`, read with `order` when it could be read either way;
/// `None` when it is not a date. The time of a date-time is dropped.
pub(super) fn parse_date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    match read(text)? {
        DateText::Fixed(date) => Some(date),
        DateText::Numeric { first, second, year } => match order {
            DateOrder::DayFirst => date(year, second, first),
            DateOrder::MonthFirst => date(year, first, second),
        },
    }
}

/// What the dates of a file say about their order, gathered as the rows go
/// by.
#[derive(Clone, Debug, Default)]
pub(super) struct DateOrderEvidence {
    day_first: usize,
    month_first: usize,
    ambiguous_example: Option<String>,
}

impl DateOrderEvidence {
    pub(super) fn observe(&mut self, text: &str) {
        let Some(DateText::Numeric { first, second, .. }) = read(text) else { return };
        if first > 12 && second <= 12 {
            self.day_first += 1;
        } else if second > 12 && first <= 12 {
            self.month_first += 1;
        } else if first != second && self.ambiguous_example.is_none() {
            self.ambiguous_example = Some(text.trim().to_owned());
        }
    }

    /// The order most dates show, or the question to ask when none shows
    /// one.
    pub(super) fn question(self) -> DateOrderQuestion {
        match (self.day_first, self.month_first, self.ambiguous_example) {
            (0, 0, None) => DateOrderQuestion::NotNeeded,
            (0, 0, Some(example)) => DateOrderQuestion::Ask { example },
            (day_first, month_first, _) if month_first > day_first => DateOrderQuestion::Known(DateOrder::MonthFirst),
            _ => DateOrderQuestion::Known(DateOrder::DayFirst),
        }
    }
}

fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1900..=2199).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A number of the date and how many digits it was written with.
#[derive(Clone, Copy)]
struct Number {
    value: u32,
    digits: usize,
}

#[derive(Clone, Copy)]
enum Token {
    Number(Number),
    Month(u32),
}

fn read(text: &str) -> Option<DateText> {
    let date_part = without_time(text.trim());
    let mut tokens = [Token::Month(0); 3];
    let mut count = 0;
    for word in date_part.split([' ', '/', '.', '-', ',']) {
        if word.is_empty() {
            continue;
        }
        let token = match number(word) {
            Some(number) => Token::Number(number),
            None if is_weekday(word) => continue,
            None => Token::Month(month(word)?),
        };
        *tokens.get_mut(count)? = token;
        count += 1;
    }
    if count != 3 {
        return None;
    }
    // Only separators between numbers make a dotted date: "Mar. 4" is not.
    let dotted = date_part.contains('.') && tokens.iter().all(|token| matches!(token, Token::Number(_)));
    match tokens {
        [Token::Number(year), Token::Number(month), Token::Number(day)] if year.digits == 4 => {
            (month.digits <= 2 && day.digits <= 2).then_some(())?;
            date(year.value as i32, month.value, day.value).map(DateText::Fixed)
        }
        [Token::Number(first), Token::Number(second), Token::Number(year)] => {
            (first.digits <= 2 && second.digits <= 2).then_some(())?;
            let year = full_year(year)?;
            if dotted {
                return date(year, second.value, first.value).map(DateText::Fixed);
            }
            let (first, second) = (first.value, second.value);
            let readable = date(year, second, first).is_some() || date(year, first, second).is_some();
            readable.then_some(DateText::Numeric { first, second, year })
        }
        [Token::Month(month), Token::Number(day), Token::Number(year)] => named(year, month, day),
        [Token::Number(day), Token::Month(month), Token::Number(year)] if day.digits <= 2 => named(year, month, day),
        [Token::Number(year), Token::Month(month), Token::Number(day)] if year.digits == 4 => named(year, month, day),
        _ => None,
    }
}

fn named(year: Number, month: u32, day: Number) -> Option<DateText> {
    (day.digits <= 2).then_some(())?;
    date(full_year(year)?, month, day.value).map(DateText::Fixed)
}

/// Two-digit years are this century's up to 69, the last one's from 70, as
/// POSIX reads them.
fn full_year(year: Number) -> Option<i32> {
    match year.digits {
        4 => Some(year.value as i32),
        2 if year.value < 70 => Some(2000 + year.value as i32),
        2 => Some(1900 + year.value as i32),
        _ => None,
    }
}

/// The date part of a date-time: before an ISO `T`, or before the number
/// that starts a `10:15` time.
fn without_time(text: &str) -> &str {
    let bytes = text.as_bytes();
    let iso_t = (1..bytes.len().saturating_sub(1))
        .find(|&at| matches!(bytes[at], b'T' | b't') && bytes[at - 1].is_ascii_digit() && bytes[at + 1].is_ascii_digit());
    if let Some(at) = iso_t {
        return &text[..at];
    }
    match text.find(':') {
        Some(colon) => {
            let start = text[..colon].trim_end_matches(|c: char| c.is_ascii_digit()).len();
            &text[..start]
        }
        None => text,
    }
}

/// Digits, possibly with an ordinal suffix: `4`, `04`, `4th`, `2026`.
fn number(word: &str) -> Option<Number> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| strip_suffix_ignoring_case(word, suffix))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let value = digits.bytes().fold(0, |value, byte| value * 10 + u32::from(byte - b'0'));
    Some(Number { value, digits: digits.len() })
}

fn strip_suffix_ignoring_case<'a>(word: &'a str, suffix: &str) -> Option<&'a str> {
    let split = word.len().checked_sub(suffix.len())?;
    let (head, tail) = (word.get(..split)?, word.get(split..)?);
    (tail.eq_ignore_ascii_case(suffix) && head.bytes().next_back().is_some_and(|byte| byte.is_ascii_digit())).then_some(head)
}

const MONTHS: [&str; 12] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// January is 1. A month is its full English name or at least its first
/// three letters ("Sept" too).
fn month(word: &str) -> Option<u32> {
    MONTHS.iter().position(|name| abbreviates(word, name)).map(|index| index as u32 + 1)
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|name| abbreviates(word, name))
}

/// Whether `word` is `name` or its beginning, of three letters at least,
/// in any case.
fn abbreviates(word: &str, name: &str) -> bool {
    word.len() >= 3 && name.get(..word.len()).is_some_and(|start| start.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month, day)
    }

    fn question(texts: &[&str]) -> DateOrderQuestion {
        let mut evidence = DateOrderEvidence::default();
        for text in texts {
            evidence.observe(text);
        }
        evidence.question()
    }

    #[test]
    fn iso_dates_and_date_times() {
        for text in ["2026-03-04", "2026-03-04 10:15:00", "2026-03-04T10:15:00Z", "2026-03-04T10:15:00.123+02:00", "2026/3/4", " 2026-03-04 10:15 "] {
            assert_eq!(parse_date(text, DateOrder::MonthFirst), ymd(2026, 3, 4), "{text}");
        }
    }

    #[test]
    fn numeric_dates_follow_the_order() {
        for text in ["4/3/2026", "04-03-2026", "4/3/26", "04/03/2026 10:15 AM"] {
            assert_eq!(parse_date(text, DateOrder::DayFirst), ymd(2026, 3, 4), "{text}");
            assert_eq!(parse_date(text, DateOrder::MonthFirst), ymd(2026, 4, 3), "{text}");
        }
        assert_eq!(parse_date("25/12/2025", DateOrder::MonthFirst), None, "no 25th month");
        assert_eq!(parse_date("12/25/2025", DateOrder::MonthFirst), ymd(2025, 12, 25));
        assert_eq!(parse_date("1/2/98", DateOrder::DayFirst), ymd(1998, 2, 1));
    }

    #[test]
    fn dotted_dates_are_day_first_whatever_the_order() {
        assert_eq!(parse_date("04.03.2026", DateOrder::MonthFirst), ymd(2026, 3, 4));
        assert_eq!(parse_date("4.3.26", DateOrder::MonthFirst), ymd(2026, 3, 4));
    }

    #[test]
    fn month_names() {
        for text in ["Mar 4, 2026", "4 March 2026", "04-Mar-2026", "March 4th, 2026", "Wed, Mar 4, 2026", "4-mar-26", "Sept 4, 2026"] {
            let expected = if text.starts_with("Sept") { ymd(2026, 9, 4) } else { ymd(2026, 3, 4) };
            assert_eq!(parse_date(text, DateOrder::MonthFirst), expected, "{text}");
            assert_eq!(parse_date(text, DateOrder::DayFirst), expected, "{text}");
        }
        assert_eq!(parse_date("Mar 4, 2026 10:15 AM", DateOrder::DayFirst), ymd(2026, 3, 4));
    }

    #[test]
    fn what_is_not_a_date() {
        let not_dates = [
            "", "12/45/2026", "13/13/2026", "2026-02-30", "0/3/2026", "tomorrow", "4/3", "Mar 2026", "Smarch 4, 2026", "12345", "1/2/3/4",
            "0001-01-01", "2026-3-4-5",
        ];
        for text in not_dates {
            assert_eq!(parse_date(text, DateOrder::DayFirst), None, "{text}");
            assert_eq!(parse_date(text, DateOrder::MonthFirst), None, "{text}");
        }
    }

    #[test]
    fn the_order_is_decided_by_dates_that_only_read_one_way() {
        assert_eq!(question(&["4/3/2026", "25/3/2026"]), DateOrderQuestion::Known(DateOrder::DayFirst));
        assert_eq!(question(&["4/3/2026", "3/25/2026"]), DateOrderQuestion::Known(DateOrder::MonthFirst));
        assert_eq!(question(&["3/25/2026", "3/26/2026", "25/3/2026"]), DateOrderQuestion::Known(DateOrder::MonthFirst), "the most dates win");
        assert_eq!(question(&["2026-03-04", "04.03.2026", "1/1/2026", "Mar 4, 2026"]), DateOrderQuestion::NotNeeded);
        assert_eq!(question(&["", "4/4/2026", "4/3/2026", "5/3/2026"]), DateOrderQuestion::Ask { example: "4/3/2026".into() });
    }
}
