//! The dashboard's time frames: the period chosen, the previous period of the
//! same length to compare it with, and the months or quarters of a trend.

use chrono::{Datelike, Duration, Months, NaiveDate};

/// A span of close dates, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The same number of days just before this period.
    pub fn previous(&self) -> Period {
        let to = self.from - Duration::days(1);
        Period { from: to - Duration::days(self.days() - 1), to }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PeriodChoice {
    ThisMonth,
    #[default]
    ThisQuarter,
    ThisYear,
    Last12Months,
    AllTime,
    Custom { from: NaiveDate, to: NaiveDate },
}

impl PeriodChoice {
    pub const PRESETS: [PeriodChoice; 5] = [
        PeriodChoice::ThisMonth,
        PeriodChoice::ThisQuarter,
        PeriodChoice::ThisYear,
        PeriodChoice::Last12Months,
        PeriodChoice::AllTime,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PeriodChoice::ThisMonth => "month",
            PeriodChoice::ThisQuarter => "quarter",
            PeriodChoice::ThisYear => "year",
            PeriodChoice::Last12Months => "12m",
            PeriodChoice::AllTime => "all",
            PeriodChoice::Custom { .. } => "custom",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PeriodChoice::ThisMonth => "This month",
            PeriodChoice::ThisQuarter => "This quarter",
            PeriodChoice::ThisYear => "This year",
            PeriodChoice::Last12Months => "Last 12 months",
            PeriodChoice::AllTime => "All time",
            PeriodChoice::Custom { .. } => "Custom dates",
        }
    }

    /// The words the insights use for this period and the one before.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            PeriodChoice::ThisMonth => ("this month", "the same days before"),
            PeriodChoice::ThisQuarter => ("this quarter", "the same days before"),
            PeriodChoice::ThisYear => ("this year", "the same days before"),
            PeriodChoice::Last12Months => ("in the last 12 months", "the 12 months before"),
            PeriodChoice::AllTime => ("overall", "before"),
            PeriodChoice::Custom { .. } => ("in these dates", "the same length before"),
        }
    }

    /// The close dates this choice covers on `today`; `None` for all time.
    /// Periods "this …" run to today, so the previous period compares like
    /// with like: the same number of days.
    pub fn resolve(self, today: NaiveDate) -> Option<Period> {
        let start = |year: i32, month: u32| NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(today);
        match self {
            PeriodChoice::ThisMonth => Some(Period { from: start(today.year(), today.month()), to: today }),
            PeriodChoice::ThisQuarter => {
                let first_month = (today.month0() / 3) * 3 + 1;
                Some(Period { from: start(today.year(), first_month), to: today })
            }
            PeriodChoice::ThisYear => Some(Period { from: start(today.year(), 1), to: today }),
            PeriodChoice::Last12Months => {
                let from = today.checked_sub_months(Months::new(12)).unwrap_or(today) + Duration::days(1);
                Some(Period { from, to: today })
            }
            PeriodChoice::AllTime => None,
            PeriodChoice::Custom { from, to } => Some(Period { from: from.min(to), to: from.max(to) }),
        }
    }
}

/// The step of a trend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Grain {
    #[default]
    Month,
    Quarter,
}

impl Grain {
    pub fn key(self) -> &'static str {
        match self {
            Grain::Month => "month",
            Grain::Quarter => "quarter",
        }
    }

    /// A number that grows by one from each month (or quarter) to the next.
    pub fn index(self, date: NaiveDate) -> i32 {
        let months = date.year() * 12 + date.month0() as i32;
        match self {
            Grain::Month => months,
            Grain::Quarter => months.div_euclid(3),
        }
    }

    /// The dates of the step with this index.
    pub fn span(self, index: i32) -> Period {
        let (first_month, length) = match self {
            Grain::Month => (index, 1),
            Grain::Quarter => (index * 3, 3),
        };
        let first = |months: i32| NaiveDate::from_ymd_opt(months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1);
        let from = first(first_month).unwrap_or_default();
        let to = first(first_month + length).map(|next| next - Duration::days(1)).unwrap_or(from);
        Period { from, to }
    }

    /// "Mar 2026" or "Q1 2026".
    pub fn label(self, index: i32) -> String {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        match self {
            Grain::Month => format!("{} {}", MONTHS[index.rem_euclid(12) as usize], index.div_euclid(12)),
            Grain::Quarter => format!("Q{} {}", index.rem_euclid(4) + 1, index.div_euclid(4)),
        }
    }

    /// Steps a trend shows at least, ending with the period's last one.
    pub fn minimum_steps(self) -> i32 {
        match self {
            Grain::Month => 12,
            Grain::Quarter => 8,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn periods_run_to_today_and_the_previous_one_has_the_same_length() {
        let today = date(2026, 12, 4);
        let quarter = PeriodChoice::ThisQuarter.resolve(today).expect("bounded");
        assert_eq!(quarter, Period { from: date(2026, 10, 1), to: today });
        assert_eq!(quarter.days(), 65);
        let previous = quarter.previous();
        assert_eq!(previous, Period { from: date(2026, 7, 28), to: date(2026, 9, 30) });
        assert_eq!(previous.days(), 65);
        assert_eq!(PeriodChoice::ThisMonth.resolve(today).map(|p| p.from), Some(date(2026, 12, 1)));
        assert_eq!(PeriodChoice::ThisYear.resolve(today).map(|p| p.from), Some(date(2026, 1, 1)));
        let year = PeriodChoice::Last12Months.resolve(today).expect("bounded");
        assert_eq!((year.from, year.days()), (date(2025, 12, 5), 365));
        assert_eq!(PeriodChoice::AllTime.resolve(today), None);
        let reversed = PeriodChoice::Custom { from: date(2026, 3, 1), to: date(2026, 1, 1) };
        assert_eq!(reversed.resolve(today), Some(Period { from: date(2026, 1, 1), to: date(2026, 3, 1) }));
    }

    #[test]
    fn trend_steps_cover_months_and_quarters_without_gaps() {
        let month = Grain::Month.index(date(2026, 3, 15));
        assert_eq!(Grain::Month.span(month), Period { from: date(2026, 3, 1), to: date(2026, 3, 31) });
        assert_eq!(Grain::Month.index(date(2026, 4, 1)), month + 1);
        assert_eq!(Grain::Month.label(month), "Mar 2026");
        let quarter = Grain::Quarter.index(date(2026, 11, 30));
        assert_eq!(Grain::Quarter.span(quarter), Period { from: date(2026, 10, 1), to: date(2026, 12, 31) });
        assert_eq!(Grain::Quarter.label(quarter), "Q4 2026");
        assert_eq!(Grain::Quarter.index(date(2027, 1, 1)), quarter + 1);
        assert_eq!(Grain::Month.span(Grain::Month.index(date(2024, 2, 10))).to, date(2024, 2, 29));
    }
}
