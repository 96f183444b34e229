use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{CompetitorId, DealId, Money, Outcome, OwnerId, Reason, ReasonId, Settings, StageId};

/// One sales opportunity and, once closed, how and why it ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deal {
    pub id: DealId,
    pub name: String,
    pub account: String,
    pub amount: Option<Money>,
    /// Stored as `owner_id`: schemas before 3 kept the owner's name in `owner`.
    #[serde(default, rename = "owner_id")]
    pub owner: Option<OwnerId>,
    /// The furthest stage the deal reached.
    #[serde(default)]
    pub stage: Option<StageId>,
    pub created_on: NaiveDate,
    /// Expected close date while open, actual close date once closed.
    pub close_date: Option<NaiveDate>,
    pub outcome: Outcome,
    pub reason: Option<ReasonId>,
    #[serde(default)]
    pub secondary_reasons: Vec<ReasonId>,
    /// Lost to, or won against.
    #[serde(default)]
    pub competitor: Option<CompetitorId>,
    #[serde(default)]
    pub reason_source: ReasonSource,
    /// What we learned.
    pub notes: String,
    #[serde(default)]
    pub tags: Tags,
    /// The deal's id in the CRM it was imported from, so that importing the
    /// same export again updates it instead of doubling it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_id: String,
    /// Last change, used to pick the newer copy when merging files.
    pub updated_at: DateTime<Utc>,
}

/// Whose account of the reason this is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonSource {
    #[default]
    SalespersonView,
    ConfirmedByBuyer,
}

/// Free labels to slice reports by.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Tags {
    pub product: String,
    pub segment: String,
    pub source: String,
}

impl Tags {
    pub fn values(&self) -> impl Iterator<Item = &str> {
        [self.product.as_str(), self.segment.as_str(), self.source.as_str()]
            .into_iter()
            .filter(|value| !value.is_empty())
    }
}

/// Everything recorded when closing a deal; only the outcome and, by
/// default, the reason are required.
#[derive(Clone, Debug, PartialEq)]
pub struct CloseRequest<'a> {
    pub outcome: Outcome,
    pub reason: Option<&'a Reason>,
    pub secondary_reasons: Vec<ReasonId>,
    pub competitor: Option<CompetitorId>,
    pub note: String,
    pub confirmed_by_buyer: bool,
}

impl<'a> CloseRequest<'a> {
    pub fn new(outcome: Outcome, reason: Option<&'a Reason>) -> Self {
        CloseRequest {
            outcome,
            reason,
            secondary_reasons: Vec::new(),
            competitor: None,
            note: String::new(),
            confirmed_by_buyer: false,
        }
    }
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
    #[error("Add a note saying what “Other” means for this deal.")]
    NoteRequiredForOther,
}

/// The reason id that asks for a note when the setting says so.
pub const OTHER_REASON: &str = "other";

impl Deal {
    /// A new open deal with nothing but a name.
    pub fn new_open(id: DealId, name: impl Into<String>, today: NaiveDate, now: DateTime<Utc>) -> Deal {
        Deal {
            id,
            name: name.into(),
            account: String::new(),
            amount: None,
            owner: None,
            stage: None,
            created_on: today,
            close_date: None,
            outcome: Outcome::Open,
            reason: None,
            secondary_reasons: Vec::new(),
            competitor: None,
            reason_source: ReasonSource::default(),
            notes: String::new(),
            tags: Tags::default(),
            source_id: String::new(),
            updated_at: now,
        }
    }

    /// The deal closed as the request says, on `today` unless it was already
    /// dated in the past (a deal logged after the fact). A note is added to
    /// the deal's notes.
    pub fn closed(&self, request: &CloseRequest, settings: &Settings, today: NaiveDate, now: DateTime<Utc>) -> Result<Deal, CloseError> {
        let outcome = request.outcome;
        if !outcome.is_closed() {
            return Err(CloseError::NotClosing(outcome.label()));
        }
        let reason_id = match (outcome.reason_side(), request.reason) {
            (Some(_), None) if settings.require_reason => return Err(CloseError::ReasonRequired(outcome.label())),
            (None, _) | (Some(_), None) => None,
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
        let note = request.note.trim();
        if settings.require_note_for_other && reason_id.as_ref().is_some_and(|id| id.as_str() == OTHER_REASON) && note.is_empty() {
            return Err(CloseError::NoteRequiredForOther);
        }
        let close_date = match self.close_date {
            Some(date) if date <= today => date,
            _ => today,
        };
        let notes = match (self.notes.trim().is_empty(), note.is_empty()) {
            (_, true) => self.notes.clone(),
            (true, false) => note.to_owned(),
            (false, false) => format!("{}\n\n{note}", self.notes.trim_end()),
        };
        let secondary_reasons = request
            .secondary_reasons
            .iter()
            .filter(|id| Some(*id) != reason_id.as_ref())
            .fold(Vec::new(), |mut kept, id| {
                if !kept.contains(id) {
                    kept.push(id.clone());
                }
                kept
            });
        Ok(Deal {
            outcome,
            reason: reason_id,
            secondary_reasons: if outcome.reason_side().is_some() { secondary_reasons } else { Vec::new() },
            competitor: request.competitor.clone().or_else(|| self.competitor.clone()),
            reason_source: if request.confirmed_by_buyer { ReasonSource::ConfirmedByBuyer } else { ReasonSource::SalespersonView },
            notes,
            close_date: Some(close_date),
            updated_at: now,
            ..self.clone()
        })
    }

    /// Back in play: the outcome and reasons are cleared, the rest is kept.
    pub fn reopened(&self, now: DateTime<Utc>) -> Deal {
        Deal {
            outcome: Outcome::Open,
            reason: None,
            secondary_reasons: Vec::new(),
            reason_source: ReasonSource::default(),
            updated_at: now,
            ..self.clone()
        }
    }

    /// Every reason the deal cites, primary first.
    pub fn all_reasons(&self) -> impl Iterator<Item = &ReasonId> {
        self.reason.iter().chain(self.secondary_reasons.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ReasonId, Taxonomy};

    fn close(deal: &Deal, outcome: Outcome, reason: Option<&Reason>, today: NaiveDate, now: DateTime<Utc>) -> Result<Deal, CloseError> {
        deal.closed(&CloseRequest::new(outcome, reason), &Settings::default(), today, now)
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn open_deal(close_date: Option<NaiveDate>) -> Deal {
        Deal {
            account: "Acme Corp".into(),
            close_date,
            ..Deal::new_open(DealId::new("d1"), "Acme renewal", date("2026-01-05"), DateTime::UNIX_EPOCH)
        }
    }

    fn reason(id: &str) -> Reason {
        Taxonomy::standard().reason(&ReasonId::new(id)).cloned().expect("standard reason")
    }

    #[test]
    fn closing_records_outcome_reason_date_and_change_time() {
        let now = DateTime::UNIX_EPOCH + chrono::Duration::days(1);
        let closed = close(&open_deal(None), Outcome::Lost, Some(&reason("lost-too-expensive")), date("2026-03-01"), now)
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
        let past = close(&open_deal(Some(date("2026-02-01"))), Outcome::Won, Some(&why), today, DateTime::UNIX_EPOCH);
        assert_eq!(past.map(|d| d.close_date), Ok(Some(date("2026-02-01"))));
        let future = close(&open_deal(Some(date("2026-09-01"))), Outcome::Won, Some(&why), today, DateTime::UNIX_EPOCH);
        assert_eq!(future.map(|d| d.close_date), Ok(Some(today)));
    }

    #[test]
    fn a_reason_must_fit_the_outcome() {
        let today = date("2026-03-01");
        let deal = open_deal(None);
        assert!(matches!(
            close(&deal, Outcome::Won, Some(&reason("lost-too-expensive")), today, DateTime::UNIX_EPOCH),
            Err(CloseError::ReasonDoesNotApply { .. })
        ));
        assert_eq!(
            close(&deal, Outcome::Lost, None, today, DateTime::UNIX_EPOCH),
            Err(CloseError::ReasonRequired("Lost"))
        );
        assert_eq!(
            close(&deal, Outcome::Open, None, today, DateTime::UNIX_EPOCH),
            Err(CloseError::NotClosing("Open"))
        );
        let mut archived = reason("lost-no-budget");
        archived.archived = true;
        assert!(matches!(
            close(&deal, Outcome::Lost, Some(&archived), today, DateTime::UNIX_EPOCH),
            Err(CloseError::ReasonArchived(_))
        ));
        let other = reason("other");
        for outcome in [Outcome::Won, Outcome::Lost] {
            let request = CloseRequest { note: "Explained".into(), ..CloseRequest::new(outcome, Some(&other)) };
            assert!(deal.closed(&request, &Settings::default(), today, DateTime::UNIX_EPOCH).is_ok());
        }
    }

    #[test]
    fn disqualified_deals_need_no_reason() {
        let closed = close(&open_deal(None), Outcome::Disqualified, None, date("2026-03-01"), DateTime::UNIX_EPOCH);
        assert_eq!(closed.map(|d| d.reason), Ok(None));
    }

    #[test]
    fn other_needs_a_note_when_the_setting_says_so() {
        let deal = open_deal(None);
        let other = reason("other");
        let today = date("2026-03-01");
        let mut request = CloseRequest::new(Outcome::Lost, Some(&other));
        assert_eq!(
            deal.closed(&request, &Settings::default(), today, DateTime::UNIX_EPOCH),
            Err(CloseError::NoteRequiredForOther)
        );
        let lenient = Settings { require_note_for_other: false, ..Settings::default() };
        assert!(deal.closed(&request, &lenient, today, DateTime::UNIX_EPOCH).is_ok());
        request.note = "Their board froze all new vendors".into();
        let closed = deal.closed(&request, &Settings::default(), today, DateTime::UNIX_EPOCH).expect("closes");
        assert_eq!(closed.notes, "Their board froze all new vendors");
    }

    #[test]
    fn a_reason_can_be_optional_by_setting() {
        let lenient = Settings { require_reason: false, ..Settings::default() };
        let closed = open_deal(None).closed(&CloseRequest::new(Outcome::Lost, None), &lenient, date("2026-03-01"), DateTime::UNIX_EPOCH);
        assert_eq!(closed.map(|d| (d.outcome, d.reason)), Ok((Outcome::Lost, None)));
    }

    #[test]
    fn closing_records_competitor_and_secondary_reasons_without_repeats() {
        let primary = reason("lost-too-expensive");
        let request = CloseRequest {
            secondary_reasons: vec![ReasonId::new("lost-too-expensive"), ReasonId::new("lost-slow-follow-up"), ReasonId::new("lost-slow-follow-up")],
            competitor: Some(CompetitorId::new("initech")),
            note: "Cheaper by 30 %".into(),
            ..CloseRequest::new(Outcome::Lost, Some(&primary))
        };
        let mut deal = open_deal(None);
        deal.notes = "Met at a trade fair.".into();
        let closed = deal.closed(&request, &Settings::default(), date("2026-03-01"), DateTime::UNIX_EPOCH).expect("closes");
        assert_eq!(closed.secondary_reasons, vec![ReasonId::new("lost-slow-follow-up")]);
        assert_eq!(closed.competitor, Some(CompetitorId::new("initech")));
        assert_eq!(closed.notes, "Met at a trade fair.\n\nCheaper by 30 %");
        assert_eq!(closed.all_reasons().count(), 2);
        assert_eq!(closed.reason_source, ReasonSource::SalespersonView);
        let confirmed = CloseRequest { confirmed_by_buyer: true, ..request };
        let closed = deal.closed(&confirmed, &Settings::default(), date("2026-03-01"), DateTime::UNIX_EPOCH).expect("closes");
        assert_eq!(closed.reason_source, ReasonSource::ConfirmedByBuyer);
    }

    #[test]
    fn reopening_clears_the_outcome_and_keeps_the_rest() {
        let closed = close(&open_deal(None), Outcome::Lost, Some(&reason("lost-no-budget")), date("2026-03-01"), DateTime::UNIX_EPOCH).expect("closes");
        let later = DateTime::UNIX_EPOCH + chrono::Duration::hours(1);
        let reopened = closed.reopened(later);
        assert_eq!((reopened.outcome, reopened.reason.clone()), (Outcome::Open, None));
        assert_eq!(reopened.name, closed.name);
        assert_eq!(reopened.updated_at, later);
    }
}
