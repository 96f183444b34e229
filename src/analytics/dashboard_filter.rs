//! What the dashboard looks at, kept in the page's URL like the deal list's
//! filter: a shared link opens the same dashboard.

use chrono::NaiveDate;

use crate::domain::{Deal, Outcome, OwnerId};

use super::deal_filter::outcome_key;
use super::period::{Grain, PeriodChoice};

/// Which figure bars and shares are ranked by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Measure {
    #[default]
    Count,
    Value,
}

/// The closed outcomes a dashboard can leave out. Disqualified deals are
/// never in the win rate, so they are not a choice here.
pub const OUTCOME_KINDS: [Outcome; 3] = [Outcome::Won, Outcome::Lost, Outcome::NoDecision];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DashboardFilter {
    pub period: PeriodChoice,
    pub owner: Option<OwnerId>,
    pub tag: Option<String>,
    /// Closed outcomes left out of every figure.
    pub hidden: Vec<Outcome>,
    /// Count secondary reasons too, not only the primary one.
    pub secondary: bool,
    pub measure: Measure,
    pub grain: Grain,
}

impl DashboardFilter {
    /// Reads the filter from URL query pairs; what is not understood is
    /// ignored, so an old or hand-edited link still opens.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> DashboardFilter {
        let mut filter = DashboardFilter::default();
        let (mut from, mut to, mut custom) = (None, None, false);
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "period" => match PeriodChoice::PRESETS.into_iter().find(|p| p.key() == value) {
                    Some(preset) => filter.period = preset,
                    None => custom = value == "custom",
                },
                "from" => from = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok(),
                "to" => to = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok(),
                "owner" if !value.is_empty() => filter.owner = Some(OwnerId::new(value)),
                "tag" if !value.is_empty() => filter.tag = Some(value.to_owned()),
                "hide" => {
                    filter.hidden = OUTCOME_KINDS
                        .into_iter()
                        .filter(|outcome| value.split(',').any(|key| key == outcome_key(*outcome)))
                        .collect();
                }
                "reasons" => filter.secondary = value == "all",
                "measure" => filter.measure = if value == "value" { Measure::Value } else { Measure::Count },
                "grain" => filter.grain = if value == "quarter" { Grain::Quarter } else { Grain::Month },
                _ => {}
            }
        }
        if let (true, Some(from), Some(to)) = (custom, from, to) {
            filter.period = PeriodChoice::Custom { from, to };
        }
        filter
    }

    /// The query pairs for this filter, leaving out what is at its default.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if self.period != PeriodChoice::default() {
            pairs.push(("period", self.period.key().to_owned()));
        }
        if let PeriodChoice::Custom { from, to } = self.period {
            pairs.push(("from", from.to_string()));
            pairs.push(("to", to.to_string()));
        }
        if let Some(owner) = &self.owner {
            pairs.push(("owner", owner.to_string()));
        }
        if let Some(tag) = &self.tag {
            pairs.push(("tag", tag.clone()));
        }
        if !self.hidden.is_empty() {
            let keys: Vec<&str> = OUTCOME_KINDS.into_iter().filter(|o| self.hidden.contains(o)).map(outcome_key).collect();
            pairs.push(("hide", keys.join(",")));
        }
        if self.secondary {
            pairs.push(("reasons", "all".to_owned()));
        }
        if self.measure == Measure::Value {
            pairs.push(("measure", "value".to_owned()));
        }
        if self.grain == Grain::Quarter {
            pairs.push(("grain", "quarter".to_owned()));
        }
        pairs
    }

    /// Whether the deal is one this dashboard looks at, dates aside.
    pub fn includes(&self, deal: &Deal) -> bool {
        deal.outcome.is_closed()
            && !self.hidden.contains(&deal.outcome)
            && self.owner.as_ref().is_none_or(|owner| deal.owner.as_ref() == Some(owner))
            && self.tag.as_ref().is_none_or(|tag| deal.tags.values().any(|value| value.eq_ignore_ascii_case(tag)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dashboard_filter_survives_the_url_round_trip() {
        let filter = DashboardFilter {
            period: PeriodChoice::Custom {
                from: NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
                to: NaiveDate::from_ymd_opt(2026, 6, 30).expect("date"),
            },
            owner: Some(OwnerId::new("o1")),
            tag: Some("Enterprise".into()),
            hidden: vec![Outcome::NoDecision],
            secondary: true,
            measure: Measure::Value,
            grain: Grain::Quarter,
        };
        let query = filter.to_query();
        assert_eq!(DashboardFilter::from_query(query.iter().map(|(k, v)| (*k, v.as_str()))), filter);
        assert!(DashboardFilter::default().to_query().is_empty());
        let yearly = DashboardFilter { period: PeriodChoice::ThisYear, ..DashboardFilter::default() };
        assert_eq!(yearly.to_query(), vec![("period", "year".to_owned())]);
    }

    #[test]
    fn nonsense_in_the_url_is_ignored() {
        let filter = DashboardFilter::from_query([("period", "custom"), ("from", "soon"), ("hide", "open,won,x"), ("grain", "week")]);
        assert_eq!(filter, DashboardFilter { hidden: vec![Outcome::Won], ..DashboardFilter::default() });
    }
}
