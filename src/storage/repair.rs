//! The one place where stored data is migrated and repaired on its way in.
//!
//! Backends decode each record leniently into [`StoredDeal`] and hand the lot
//! to [`repair`]. A record that cannot be understood is reported and left in
//! storage untouched; it is never deleted or overwritten.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

use crate::domain::{Deal, DealId, Money, Outcome, ReasonId, Taxonomy};

use super::SCHEMA_VERSION;

/// A deal as it may be found in storage: any field can be missing.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct StoredDeal {
    pub id: Option<String>,
    pub name: Option<String>,
    pub account: Option<String>,
    pub amount: Option<Money>,
    pub owner: Option<String>,
    pub created_on: Option<NaiveDate>,
    pub close_date: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    pub reason: Option<String>,
    pub notes: Option<String>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// One stored record, decoded or not. `key` names it in reports.
pub struct RawRecord<T> {
    pub key: String,
    pub decoded: Result<T, String>,
}

/// Everything a backend read, before repair.
pub struct RawData {
    /// 0 when storage was empty before this visit.
    pub stored_version: u32,
    pub deals: Vec<RawRecord<StoredDeal>>,
    pub taxonomy: Option<RawRecord<Taxonomy>>,
}

/// What the app works with after a load.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub deals: Vec<Deal>,
    pub taxonomy: Taxonomy,
    pub report: RepairReport,
}

/// What repair found and did, for the person using the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RepairReport {
    /// Records that could not be understood, with why; kept as they were.
    pub unreadable: Vec<(String, String)>,
    /// Deals whose stored form was fixed (for example a missing name).
    pub repaired: usize,
    /// The reason list could not be used; the standard one is shown.
    pub taxonomy_problem: Option<String>,
    /// Writing back the repaired records failed; repairs apply to this visit only.
    pub write_back_problem: Option<String>,
}

impl RepairReport {
    /// A sentence for the user when something needs their attention.
    pub fn warning(&self) -> Option<String> {
        let mut parts = Vec::new();
        if !self.unreadable.is_empty() {
            parts.push(format!(
                "{} saved record(s) could not be read and were left untouched",
                self.unreadable.len()
            ));
        }
        if let Some(problem) = &self.taxonomy_problem {
            parts.push(format!("the saved reason list could not be used ({problem}), so the standard list is shown"));
        }
        if let Some(problem) = &self.write_back_problem {
            parts.push(format!("repairs could not be saved ({problem})"));
        }
        (!parts.is_empty()).then(|| {
            let mut sentence = parts.join("; ");
            sentence[..1].make_ascii_uppercase();
            sentence + "."
        })
    }
}

/// Repaired data plus what the backend should write back.
pub struct Repaired {
    pub snapshot: Snapshot,
    /// Older copies of deals dropped because a newer copy was also stored.
    pub superseded: usize,
    pub deals_to_write: Vec<Deal>,
    pub taxonomy_to_write: Option<Taxonomy>,
}

const UNTITLED: &str = "Untitled deal";

/// Repairs everything read. A deal stored more than once (in a bulk chunk and
/// again after an edit) keeps its most recently updated copy; on a tie, the
/// copy that comes later in `raw.deals`.
pub fn repair(raw: RawData) -> Repaired {
    debug_assert!(raw.stored_version <= SCHEMA_VERSION, "backends refuse newer schemas before repair");
    let mut report = RepairReport::default();
    let mut deals: Vec<Deal> = Vec::with_capacity(raw.deals.len());
    let mut position_of: HashMap<DealId, usize> = HashMap::with_capacity(raw.deals.len());
    let mut deals_to_write = Vec::new();
    let mut superseded = 0;

    for record in raw.deals {
        match record.decoded.and_then(repair_deal) {
            Ok((deal, changed)) => {
                if changed {
                    report.repaired += 1;
                    deals_to_write.push(deal.clone());
                }
                match position_of.get(&deal.id) {
                    Some(&at) => {
                        superseded += 1;
                        if deal.updated_at >= deals[at].updated_at {
                            deals[at] = deal;
                        }
                    }
                    None => {
                        position_of.insert(deal.id.clone(), deals.len());
                        deals.push(deal);
                    }
                }
            }
            Err(problem) => report.unreadable.push((record.key, problem)),
        }
    }

    let (taxonomy, taxonomy_to_write) = match raw.taxonomy {
        None => (Taxonomy::standard(), Some(Taxonomy::standard())),
        Some(record) => match record.decoded.and_then(|t| t.validate().map(|()| t).map_err(|e| e.to_string())) {
            Ok(taxonomy) => (taxonomy, None),
            Err(problem) => {
                report.taxonomy_problem = Some(problem);
                (Taxonomy::standard(), None)
            }
        },
    };

    Repaired {
        snapshot: Snapshot { deals, taxonomy, report },
        superseded,
        deals_to_write,
        taxonomy_to_write,
    }
}

/// The deal and whether anything had to change.
fn repair_deal(stored: StoredDeal) -> Result<(Deal, bool), String> {
    let id = stored.id.filter(|id| !id.trim().is_empty()).ok_or("it has no id")?;
    if stored.amount.as_ref().is_some_and(|amount| amount.minor < 0) {
        return Err("its amount is negative".to_owned());
    }
    let mut changed = false;

    let name = match stored.name.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => name.to_owned(),
        _ => {
            changed = true;
            UNTITLED.to_owned()
        }
    };
    let outcome = stored.outcome.unwrap_or_else(|| {
        changed = true;
        Outcome::Open
    });
    let reason = match (outcome.reason_side(), stored.reason) {
        (None, Some(_)) => {
            changed = true;
            None
        }
        (_, reason) => reason.filter(|r| !r.is_empty()).map(ReasonId::new),
    };
    let updated_at = stored.updated_at.unwrap_or_else(|| {
        changed = true;
        DateTime::UNIX_EPOCH
    });
    let created_on = stored.created_on.unwrap_or_else(|| {
        changed = true;
        stored.close_date.unwrap_or_else(|| updated_at.date_naive())
    });

    let deal = Deal {
        id: DealId::new(id),
        name,
        account: stored.account.unwrap_or_default(),
        amount: stored.amount,
        owner: stored.owner.unwrap_or_default(),
        created_on,
        close_date: stored.close_date,
        outcome,
        reason,
        notes: stored.notes.unwrap_or_default(),
        updated_at,
    };
    Ok((deal, changed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(json: &str) -> RawRecord<StoredDeal> {
        RawRecord {
            key: "k".into(),
            decoded: serde_json::from_str(json).map_err(|e| e.to_string()),
        }
    }

    fn raw(deals: Vec<RawRecord<StoredDeal>>) -> RawData {
        RawData {
            stored_version: SCHEMA_VERSION,
            deals,
            taxonomy: Some(RawRecord { key: "taxonomy".into(), decoded: Ok(Taxonomy::standard()) }),
        }
    }

    #[test]
    fn a_complete_record_passes_unchanged() {
        let json = r#"{"id":"d1","name":"Acme","account":"Acme Corp","amount":{"minor":500,"currency":"EUR"},
            "owner":"Dana","created_on":"2026-01-02","close_date":"2026-02-03","outcome":"lost",
            "reason":"lost-too-expensive","notes":"","updated_at":"2026-02-03T10:00:00Z"}"#;
        let repaired = repair(raw(vec![decode(json)]));
        assert_eq!(repaired.snapshot.deals.len(), 1);
        assert_eq!(repaired.snapshot.report, RepairReport::default());
        assert!(repaired.deals_to_write.is_empty());
        assert!(repaired.taxonomy_to_write.is_none());
    }

    #[test]
    fn missing_fields_are_filled_and_written_back() {
        let repaired = repair(raw(vec![decode(r#"{"id":"d1","reason":"lost-no-budget"}"#)]));
        let deal = &repaired.snapshot.deals[0];
        assert_eq!(deal.name, UNTITLED);
        assert_eq!(deal.outcome, Outcome::Open);
        assert_eq!(deal.reason, None, "an open deal has no reason");
        assert_eq!(repaired.snapshot.report.repaired, 1);
        assert_eq!(repaired.deals_to_write.len(), 1);
    }

    #[test]
    fn unreadable_records_are_reported_not_dropped_silently() {
        let repaired = repair(raw(vec![
            decode(r#"{"name":"no id"}"#),
            decode(r#"{"id":"d2","outcome":"vanished"}"#),
            decode(r#"{"id":"d3","amount":{"minor":-1,"currency":"USD"}}"#),
            decode(r#"{"id":"d4","name":"fine"}"#),
        ]));
        assert_eq!(repaired.snapshot.deals.len(), 1);
        assert_eq!(repaired.snapshot.report.unreadable.len(), 3);
        assert!(repaired.deals_to_write.iter().all(|deal| deal.id.as_str() == "d4"));
        let warning = repaired.snapshot.report.warning().expect("a warning");
        assert!(warning.starts_with("3 saved record(s) could not be read"), "{warning}");
    }

    #[test]
    fn of_two_copies_of_a_deal_the_newer_one_wins() {
        let older = r#"{"id":"d1","name":"old","updated_at":"2026-01-01T00:00:00Z"}"#;
        let newer = r#"{"id":"d1","name":"new","updated_at":"2026-02-01T00:00:00Z"}"#;
        for order in [[older, newer], [newer, older]] {
            let repaired = repair(raw(order.iter().map(|json| decode(json)).collect()));
            let names: Vec<&str> = repaired.snapshot.deals.iter().map(|d| d.name.as_str()).collect();
            assert_eq!(names, ["new"]);
            assert_eq!(repaired.superseded, 1);
        }
    }

    #[test]
    fn empty_storage_is_seeded_with_the_standard_reasons() {
        let repaired = repair(RawData { stored_version: 0, deals: Vec::new(), taxonomy: None });
        assert_eq!(repaired.taxonomy_to_write, Some(Taxonomy::standard()));
        assert_eq!(repaired.snapshot.report.warning(), None);
    }

    #[test]
    fn a_broken_reason_list_is_kept_in_storage_and_the_standard_one_shown() {
        let mut broken = Taxonomy::standard();
        let copy = broken.reasons[0].clone();
        broken.reasons.push(copy);
        let repaired = repair(RawData {
            stored_version: SCHEMA_VERSION,
            deals: Vec::new(),
            taxonomy: Some(RawRecord { key: "taxonomy".into(), decoded: Ok(broken) }),
        });
        assert_eq!(repaired.snapshot.taxonomy, Taxonomy::standard());
        assert!(repaired.taxonomy_to_write.is_none(), "never overwrite what we could not read");
        assert!(repaired.snapshot.report.taxonomy_problem.is_some());
    }
}
