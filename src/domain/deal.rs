use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{DealId, Money, Outcome, Reason, ReasonId};

/// One sales opportunity and, once closed, how and why it ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deal {
    pub id: DealId,
    pub name: String,
    pub account: String,
    pub amount: Option<Money>,
    pub owner: String,
    pub created_on: NaiveDate,
    /// Expected close date while open, actual close date once closed.
    pub close_date: Option<NaiveDate>,
    pub outcome: Outcome,
    pub reason: Option<ReasonId>,
    pub notes: String,
    /// Last change, used to pick the newer copy when merging files.
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CloseError {
    #[error("“{0}” is not a way to close a deal.")]
    NotClosing(&'static str),
    #[error("Pick a reason for closing this deal as {0}.")]
    ReasonRequired(&'static str),
    #[error("“{reason}” is not a reason for a deal that is {outcome}.")]
    ReasonDoesNotApply { reason: String, outcome: &'static str },
    #[error("“{0}” is archived; pick a current reason.")]
    ReasonArchived(String),
}

impl Deal {
    /// The deal closed as `outcome` for `reason`, on `today` unless it was
    /// already dated in the past (a deal logged after the fact).
    pub fn closed(
        &self,
        outcome: Outcome,
        reason: Option<&Reason>,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Deal, CloseError> {
        if !outcome.is_closed() {
            return Err(CloseError::NotClosing(outcome.label()));
        }
        let reason_id = match (outcome.reason_side(), reason) {
            (Some(_), None) => return Err(CloseError::ReasonRequired(outcome.label())),
            (None, _) => None,
            (Some(side), Some(reason)) => {
                if !reason.applies_to.includes(side) {
                    return Err(CloseError::ReasonDoesNotApply {
                        reason: reason.label.clone(),
                        outcome: outcome.label(),
                    });
                }
                if reason.archived {
                    return Err(CloseError::ReasonArchived(reason.label.clone()));
                }
                Some(reason.id.clone())
            }
        };
        let close_date = match self.close_date {
            Some(date) if date <= today => date,
            _ => today,
        };
        Ok(Deal {
            outcome,
            reason: reason_id,
            close_date: Some(close_date),
            updated_at: now,
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ReasonId, Taxonomy};

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn open_deal(close_date: Option<NaiveDate>) -> Deal {
        Deal {
            id: DealId::new("d1"),
            name: "Acme renewal".into(),
            account: "Acme Corp".into(),
            amount: None,
            owner: "Dana".into(),
            created_on: date("2026-01-05"),
            close_date,
            outcome: Outcome::Open,
            reason: None,
            notes: String::new(),
            updated_at: DateTime::UNIX_EPOCH,
        }
    }

    fn reason(id: &str) -> Reason {
        Taxonomy::standard().reason(&ReasonId::new(id)).cloned().expect("standard reason")
    }

    #[test]
    fn closing_records_outcome_reason_date_and_change_time() {
        let now = DateTime::UNIX_EPOCH + chrono::Duration::days(1);
        let closed = open_deal(None)
            .closed(Outcome::Lost, Some(&reason("lost-too-expensive")), date("2026-03-01"), now)
            .expect("valid close");
        assert_eq!(closed.outcome, Outcome::Lost);
        assert_eq!(closed.reason, Some(ReasonId::new("lost-too-expensive")));
        assert_eq!(closed.close_date, Some(date("2026-03-01")));
        assert_eq!(closed.updated_at, now);
    }

    #[test]
    fn a_past_close_date_is_kept_and_a_future_one_becomes_today() {
        let today = date("2026-03-01");
        let why = reason("won-best-value");
        let past = open_deal(Some(date("2026-02-01"))).closed(Outcome::Won, Some(&why), today, DateTime::UNIX_EPOCH);
        assert_eq!(past.map(|d| d.close_date), Ok(Some(date("2026-02-01"))));
        let future = open_deal(Some(date("2026-09-01"))).closed(Outcome::Won, Some(&why), today, DateTime::UNIX_EPOCH);
        assert_eq!(future.map(|d| d.close_date), Ok(Some(today)));
    }

    #[test]
    fn a_reason_must_fit_the_outcome() {
        let today = date("2026-03-01");
        let deal = open_deal(None);
        assert!(matches!(
            deal.closed(Outcome::Won, Some(&reason("lost-too-expensive")), today, DateTime::UNIX_EPOCH),
            Err(CloseError::ReasonDoesNotApply { .. })
        ));
        assert_eq!(
            deal.closed(Outcome::Lost, None, today, DateTime::UNIX_EPOCH),
            Err(CloseError::ReasonRequired("Lost"))
        );
        assert_eq!(
            deal.closed(Outcome::Open, None, today, DateTime::UNIX_EPOCH),
            Err(CloseError::NotClosing("Open"))
        );
        let mut archived = reason("lost-no-budget");
        archived.archived = true;
        assert!(matches!(
            deal.closed(Outcome::Lost, Some(&archived), today, DateTime::UNIX_EPOCH),
            Err(CloseError::ReasonArchived(_))
        ));
        let other = reason("other");
        assert!(deal.closed(Outcome::Won, Some(&other), today, DateTime::UNIX_EPOCH).is_ok());
        assert!(deal.closed(Outcome::Lost, Some(&other), today, DateTime::UNIX_EPOCH).is_ok());
    }

    #[test]
    fn disqualified_deals_need_no_reason() {
        let closed = open_deal(None).closed(Outcome::Disqualified, None, date("2026-03-01"), DateTime::UNIX_EPOCH);
        assert_eq!(closed.map(|d| d.reason), Ok(None));
    }
}
