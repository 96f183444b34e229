//! The one place where stored data is migrated and repaired on its way in.
//!
//! Backends decode each record leniently into [`StoredDeal`] and hand the lot
//! to [`repair`]. A record that cannot be understood is reported and left in
//! storage untouched; it is never deleted or overwritten.
//!
//! Migrations, by the schema that wrote the data:
//! - 1 and 2 kept the reason list alone under `taxonomy`; 3 keeps it inside
//!   the catalog, with owners, competitors, stages and settings.
//! - 1 and 2 stored a deal's owner as a name (`owner`); 3 stores an id
//!   (`owner_id`) into the catalog's owners, added here from the names.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{
    Catalog, CompetitorId, Deal, DealId, Money, Outcome, OwnerId, ReasonId, ReasonSource, StageId, Tags, Taxonomy,
};

use super::SCHEMA_VERSION;

/// A deal (or the mark a deleted deal leaves) as it may be found in storage:
/// any field can be missing.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct StoredDeal {
    pub id: Option<String>,
    pub deleted: bool,
    pub name: Option<String>,
    pub account: Option<String>,
    pub amount: Option<Money>,
    /// The owner's name, as schemas 1 and 2 stored it.
    pub owner: Option<String>,
    pub owner_id: Option<OwnerId>,
    pub stage: Option<StageId>,
    pub created_on: Option<NaiveDate>,
    pub close_date: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    pub reason: Option<String>,
    pub secondary_reasons: Vec<ReasonId>,
    pub competitor: Option<CompetitorId>,
    pub reason_source: ReasonSource,
    pub notes: Option<String>,
    pub tags: Tags,
    pub source_id: String,
    pub updated_at: Option<DateTime<Utc>>,
}

/// What deleting a deal stores in its place, so that an older copy of the
/// deal (in a chunk, or in a merged file) does not come back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tombstone {
    pub id: DealId,
    pub deleted: bool,
    pub updated_at: DateTime<Utc>,
}

impl Tombstone {
    pub fn new(id: DealId, at: DateTime<Utc>) -> Tombstone {
        Tombstone { id, deleted: true, updated_at: at }
    }
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
    pub catalog: Option<RawRecord<Catalog>>,
    /// The reason list as schemas 1 and 2 stored it, if still there.
    pub legacy_taxonomy: Option<RawRecord<Taxonomy>>,
}

/// What the app works with after a load.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub deals: Vec<Deal>,
    pub catalog: Catalog,
    pub report: RepairReport,
}

/// What repair found and did, for the person using the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RepairReport {
    /// Records that could not be understood, with why; kept as they were.
    pub unreadable: Vec<(String, String)>,
    /// Deals whose stored form was fixed or migrated.
    pub repaired: usize,
    /// The saved catalog could not be used; the standard one is shown.
    pub catalog_problem: Option<String>,
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
        if let Some(problem) = &self.catalog_problem {
            parts.push(format!("the saved reasons and lists could not be used ({problem}), so the standard ones are shown"));
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
    /// Older copies of deals, and deleted deals, left behind in storage.
    pub superseded: usize,
    pub deals_to_write: Vec<Deal>,
    pub catalog_to_write: Option<Catalog>,
}

const UNTITLED: &str = "Untitled deal";

/// The id a pre-catalog owner name becomes: the same name (ignoring case)
/// always gives the same id, so every chunk migrates to the same owners.
fn legacy_owner_id(name: &str) -> OwnerId {
    OwnerId::new(format!("owner:{}", name.trim().to_lowercase()))
}

enum Entry {
    Live(Deal),
    Deleted(DateTime<Utc>),
}

impl Entry {
    fn updated_at(&self) -> DateTime<Utc> {
        match self {
            Entry::Live(deal) => deal.updated_at,
            Entry::Deleted(at) => *at,
        }
    }
}

/// Repairs everything read. A deal stored more than once (in a bulk chunk and
/// again after an edit, or deleted) keeps its most recently updated copy; on
/// a tie, the copy that comes later in `raw.deals`.
pub fn repair(raw: RawData) -> Repaired {
    debug_assert!(raw.stored_version <= SCHEMA_VERSION, "backends refuse newer schemas before repair");
    let mut report = RepairReport::default();
    let (mut catalog, new_catalog) = repair_catalog(raw.catalog, raw.legacy_taxonomy, &mut report);
    let owners_before = catalog.owners.items.len();

    let mut entries: Vec<(DealId, Entry)> = Vec::with_capacity(raw.deals.len());
    let mut position_of: HashMap<DealId, usize> = HashMap::with_capacity(raw.deals.len());
    let mut changed_ids = Vec::new();
    let mut superseded = 0;

    for record in raw.deals {
        let repaired = record.decoded.and_then(|stored| repair_record(stored, &mut catalog));
        let (id, entry, changed) = match repaired {
            Ok(found) => found,
            Err(problem) => {
                report.unreadable.push((record.key, problem));
                continue;
            }
        };
        if changed {
            changed_ids.push(id.clone());
        }
        match position_of.get(&id) {
            Some(&at) => {
                superseded += 1;
                if entry.updated_at() >= entries[at].1.updated_at() {
                    entries[at].1 = entry;
                }
            }
            None => {
                position_of.insert(id.clone(), entries.len());
                entries.push((id, entry));
            }
        }
    }

    let mut deals = Vec::with_capacity(entries.len());
    for (_, entry) in entries {
        match entry {
            Entry::Live(deal) => deals.push(deal),
            Entry::Deleted(_) => superseded += 1,
        }
    }
    let changed: HashSet<&DealId> = changed_ids.iter().collect();
    let deals_to_write: Vec<Deal> = deals.iter().filter(|deal| changed.contains(&deal.id)).cloned().collect();
    report.repaired = deals_to_write.len();

    // Owners added while migrating are saved with the catalog, unless the
    // saved catalog was unreadable: that one is never overwritten.
    let owners_added = catalog.owners.items.len() != owners_before;
    let catalog_to_write = match report.catalog_problem {
        Some(_) => None,
        None if new_catalog || owners_added => Some(catalog.clone()),
        None => None,
    };

    Repaired {
        snapshot: Snapshot { deals, catalog, report },
        superseded,
        deals_to_write,
        catalog_to_write,
    }
}

fn valid_catalog(record: RawRecord<Catalog>) -> Result<Catalog, String> {
    record
        .decoded
        .and_then(|catalog| catalog.taxonomy.validate().map(|()| catalog).map_err(|e| e.to_string()))
}

/// The catalog to use, and whether it is new (created or migrated) and so
/// must be written.
fn repair_catalog(
    stored: Option<RawRecord<Catalog>>,
    legacy_taxonomy: Option<RawRecord<Taxonomy>>,
    report: &mut RepairReport,
) -> (Catalog, bool) {
    let found = match (stored, legacy_taxonomy) {
        (Some(record), _) => valid_catalog(record).map(|catalog| (catalog, false)),
        (None, Some(record)) => record
            .decoded
            .and_then(|taxonomy| taxonomy.validate().map(|()| taxonomy).map_err(|e| e.to_string()))
            .map(|taxonomy| (Catalog::with_taxonomy(taxonomy), true)),
        (None, None) => Ok((Catalog::standard(), true)),
    };
    found.unwrap_or_else(|problem| {
        report.catalog_problem = Some(problem);
        (Catalog::standard(), false)
    })
}

/// The record's deal (or deletion) and whether anything had to change.
fn repair_record(stored: StoredDeal, catalog: &mut Catalog) -> Result<(DealId, Entry, bool), String> {
    let id = stored.id.clone().filter(|id| !id.trim().is_empty()).ok_or("it has no id")?;
    if stored.deleted {
        let at = stored.updated_at.ok_or("it marks a deletion without a date")?;
        return Ok((DealId::new(id), Entry::Deleted(at), false));
    }
    let (deal, changed) = repair_deal(DealId::new(id), stored, catalog)?;
    Ok((deal.id.clone(), Entry::Live(deal), changed))
}

fn repair_deal(id: DealId, stored: StoredDeal, catalog: &mut Catalog) -> Result<(Deal, bool), String> {
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
    let (reason, secondary_reasons) = match (outcome.reason_side(), stored.reason) {
        (None, reason) => {
            changed |= reason.is_some() || !stored.secondary_reasons.is_empty();
            (None, Vec::new())
        }
        (Some(_), reason) => (reason.filter(|r| !r.is_empty()).map(ReasonId::new), stored.secondary_reasons),
    };
    let updated_at = stored.updated_at.unwrap_or_else(|| {
        changed = true;
        DateTime::UNIX_EPOCH
    });
    let created_on = stored.created_on.unwrap_or_else(|| {
        changed = true;
        stored.close_date.unwrap_or_else(|| updated_at.date_naive())
    });
    let owner = match (stored.owner_id, stored.owner.as_deref().map(str::trim)) {
        (Some(id), _) => Some(id),
        (None, Some(name)) if !name.is_empty() => {
            changed = true;
            let id = catalog.owners.add_or_find(name, legacy_owner_id(name)).map_err(|e| e.to_string())?;
            Some(id)
        }
        (None, _) => None,
    };

    let deal = Deal {
        id,
        name,
        account: stored.account.unwrap_or_default(),
        amount: stored.amount,
        owner,
        stage: stored.stage,
        created_on,
        close_date: stored.close_date,
        outcome,
        reason,
        secondary_reasons,
        competitor: stored.competitor,
        reason_source: stored.reason_source,
        notes: stored.notes.unwrap_or_default(),
        tags: stored.tags,
        source_id: stored.source_id,
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
            catalog: Some(RawRecord { key: "catalog".into(), decoded: Ok(Catalog::standard()) }),
            legacy_taxonomy: None,
        }
    }

    #[test]
    fn a_complete_record_passes_unchanged() {
        let json = r#"{"id":"d1","name":"Acme","account":"Acme Corp","amount":{"minor":500,"currency":"EUR"},
            "owner_id":"o1","stage":"stage-demo","created_on":"2026-01-02","close_date":"2026-02-03","outcome":"lost",
            "reason":"lost-too-expensive","secondary_reasons":["lost-slow-follow-up"],"competitor":"c1",
            "reason_source":"confirmed_by_buyer","notes":"","tags":{"product":"Analytics","segment":"","source":""},
            "updated_at":"2026-02-03T10:00:00Z"}"#;
        let repaired = repair(raw(vec![decode(json)]));
        assert_eq!(repaired.snapshot.deals.len(), 1);
        let deal = &repaired.snapshot.deals[0];
        assert_eq!(deal.reason_source, ReasonSource::ConfirmedByBuyer);
        assert_eq!(deal.secondary_reasons, vec![ReasonId::new("lost-slow-follow-up")]);
        assert_eq!(repaired.snapshot.report, RepairReport::default());
        assert!(repaired.deals_to_write.is_empty());
        assert!(repaired.catalog_to_write.is_none());
    }

    #[test]
    fn a_deal_serialises_to_what_repair_reads_back() {
        let json = r#"{"id":"d1","name":"Acme","owner_id":"o1","outcome":"won","reason":"won-best-value",
            "created_on":"2026-01-02","updated_at":"2026-02-03T10:00:00Z"}"#;
        let deal = repair(raw(vec![decode(json)])).snapshot.deals.remove(0);
        let again = serde_json::to_string(&deal).expect("serialises");
        assert_eq!(repair(raw(vec![decode(&again)])).snapshot.deals, vec![deal]);
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
    fn a_deletion_hides_older_copies_but_not_a_newer_one() {
        let deal = r#"{"id":"d1","name":"kept?","updated_at":"2026-01-01T00:00:00Z"}"#;
        let deleted = r#"{"id":"d1","deleted":true,"updated_at":"2026-02-01T00:00:00Z"}"#;
        let restored = r#"{"id":"d1","name":"restored","updated_at":"2026-03-01T00:00:00Z"}"#;
        assert!(repair(raw(vec![decode(deal), decode(deleted)])).snapshot.deals.is_empty());
        let names: Vec<String> = repair(raw(vec![decode(deal), decode(deleted), decode(restored)]))
            .snapshot
            .deals
            .into_iter()
            .map(|d| d.name)
            .collect();
        assert_eq!(names, ["restored"]);
    }

    #[test]
    fn empty_storage_starts_with_the_standard_catalog() {
        let repaired = repair(RawData { stored_version: 0, deals: Vec::new(), catalog: None, legacy_taxonomy: None });
        assert_eq!(repaired.catalog_to_write, Some(Catalog::standard()));
        assert_eq!(repaired.snapshot.report.warning(), None);
    }

    /// Records exactly as schema 2 (the foundation) wrote them.
    const SCHEMA_2_DEALS: [&str; 3] = [
        r#"{"id":"a","name":"Acme renewal","account":"Acme Corp","amount":{"minor":1200000,"currency":"USD"},"owner":"Dana","created_on":"2026-11-02","close_date":"2026-12-01","outcome":"lost","reason":"lost-too-expensive","notes":"","updated_at":"2026-12-01T10:00:00Z"}"#,
        r#"{"id":"b","name":"Globex pilot","account":"Globex","amount":null,"owner":"dana ","created_on":"2026-11-05","close_date":null,"outcome":"open","reason":null,"notes":"","updated_at":"2026-11-05T10:00:00Z"}"#,
        r#"{"id":"c","name":"Initech","account":"","amount":null,"owner":"","created_on":"2026-11-06","close_date":null,"outcome":"open","reason":null,"notes":"","updated_at":"2026-11-06T10:00:00Z"}"#,
    ];

    #[test]
    fn schema_2_data_migrates_owner_names_and_the_reason_list() {
        let mut renamed = Taxonomy::standard();
        renamed.reasons[0].label = "Price too high".into();
        let repaired = repair(RawData {
            stored_version: 2,
            deals: SCHEMA_2_DEALS.iter().map(|json| decode(json)).collect(),
            catalog: None,
            legacy_taxonomy: Some(RawRecord { key: "taxonomy".into(), decoded: Ok(renamed.clone()) }),
        });
        let catalog = repaired.catalog_to_write.clone().expect("the migrated catalog is saved");
        assert_eq!(catalog.taxonomy, renamed, "the edited reason list is kept");
        assert_eq!(catalog.owners.items.len(), 1, "“Dana” and “dana ” are one owner");
        let owner_names: Vec<Option<&str>> = repaired
            .snapshot
            .deals
            .iter()
            .map(|deal| deal.owner.as_ref().and_then(|id| catalog.owners.name_of(id)))
            .collect();
        assert_eq!(owner_names, [Some("Dana"), Some("Dana"), None]);
        assert_eq!(repaired.deals_to_write.len(), 2, "deals that had an owner name are rewritten");
        assert_eq!(repaired.snapshot.report.warning(), None);
    }

    #[test]
    fn a_broken_catalog_is_kept_in_storage_and_the_standard_one_shown() {
        let mut broken = Catalog::standard();
        let copy = broken.taxonomy.reasons[0].clone();
        broken.taxonomy.reasons.push(copy);
        let repaired = repair(RawData {
            stored_version: SCHEMA_VERSION,
            deals: vec![decode(SCHEMA_2_DEALS[0])],
            catalog: Some(RawRecord { key: "catalog".into(), decoded: Ok(broken) }),
            legacy_taxonomy: None,
        });
        assert_eq!(repaired.snapshot.catalog.taxonomy, Taxonomy::standard());
        assert!(repaired.catalog_to_write.is_none(), "never overwrite what we could not read");
        assert!(repaired.snapshot.report.catalog_problem.is_some());
    }
}
