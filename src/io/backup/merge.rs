//! Several backups (one per salesperson, say) brought into the deals and
//! catalog here, in order. A deal is the same deal in every file by its id;
//! of two copies, the one changed last wins.

use std::collections::{HashMap, HashSet};

use crate::domain::{Catalog, Deal, DealId, ReasonId};

use super::catalog_merge::merge_catalog;
use crate::io::wording::count;
use super::{Backup, MergeReport};

/// What a merge changes: the deals to write and the catalog to save.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// Only the deals to write: the added and the updated ones, each once.
    pub deals: Vec<Deal>,
    pub catalog: Catalog,
    pub report: MergeReport,
}

/// Merges `backups`, in order, into the deals and catalog here; nothing is
/// written. Ids in the backups are translated into ids here (see
/// [`Merged::catalog`]), and a copy with the same change time as the copy
/// here but different content is reported and left out.
pub fn merge(current_deals: &[Deal], current: &Catalog, backups: &[Backup]) -> Merged {
    let mut catalog = current.clone();
    let mut book = DealBook::new(current_deals);
    let mut report = MergeReport::default();
    for (index, backup) in backups.iter().enumerate() {
        let source = format!("backup {} (exported {})", index + 1, backup.exported_at.format("%Y-%m-%d"));
        let catalog_merge = merge_catalog(&mut catalog, &backup.catalog);
        let relabelled: HashSet<&ReasonId> = catalog_merge.relabelled.iter().map(|r| &r.id).collect();
        let mut taken_citing: HashMap<&ReasonId, usize> = HashMap::new();
        for incoming in &backup.deals {
            let deal = catalog_merge.ids.remap(incoming, &catalog.taxonomy);
            match book.offer(deal) {
                Offer::Taken => {
                    let cited: HashSet<&ReasonId> = incoming.all_reasons().filter(|id| relabelled.contains(id)).collect();
                    for id in cited {
                        *taken_citing.entry(id).or_default() += 1;
                    }
                }
                Offer::Unchanged => report.unchanged += 1,
                Offer::Conflict => report.conflicts.push(format!(
                    "“{}” differs in {source} from the copy here, though both were last changed at {}; the copy here is kept.",
                    incoming.name,
                    incoming.updated_at.format("%Y-%m-%d %H:%M:%S UTC"),
                )),
            }
        }
        for relabel in &catalog_merge.relabelled {
            if let Some(&deals) = taken_citing.get(&relabel.id) {
                report.conflicts.push(format!(
                    "In {source}, the reason “{}” is called “{}”; the label here is kept, also for {} from that backup.",
                    relabel.label_here,
                    relabel.label_there,
                    count(deals, "deal", "deals"),
                ));
            }
        }
    }
    let changes = book.changes;
    report.added = changes.iter().filter(|change| !change.was_here).count();
    report.updated = changes.len() - report.added;
    Merged { deals: changes.into_iter().map(|change| change.deal).collect(), catalog, report }
}

/// What became of one incoming copy of a deal.
enum Offer {
    /// Added, or newer than the copy here.
    Taken,
    /// Identical, or older than the copy here.
    Unchanged,
    /// Changed at the same moment as the copy here, but differently.
    Conflict,
}

struct Change {
    deal: Deal,
    was_here: bool,
}

/// The deals here, and the copies taken from backups so far, which later
/// backups are compared with.
struct DealBook<'a> {
    here: HashMap<&'a DealId, &'a Deal>,
    changes: Vec<Change>,
    change_at: HashMap<DealId, usize>,
}

impl<'a> DealBook<'a> {
    fn new(deals: &'a [Deal]) -> DealBook<'a> {
        DealBook { here: deals.iter().map(|deal| (&deal.id, deal)).collect(), changes: Vec::new(), change_at: HashMap::new() }
    }

    fn offer(&mut self, deal: Deal) -> Offer {
        let taken_at = self.change_at.get(&deal.id).copied();
        let latest = match taken_at {
            Some(at) => Some(&self.changes[at].deal),
            None => self.here.get(&deal.id).copied(),
        };
        if let Some(latest) = latest {
            if deal.updated_at < latest.updated_at || &deal == latest {
                return Offer::Unchanged;
            }
            if deal.updated_at == latest.updated_at {
                return Offer::Conflict;
            }
        }
        match taken_at {
            Some(at) => self.changes[at].deal = deal,
            None => {
                let was_here = latest.is_some();
                self.change_at.insert(deal.id.clone(), self.changes.len());
                self.changes.push(Change { deal, was_here });
            }
        }
        Offer::Taken
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Duration, NaiveDate, Utc};

    use super::*;
    use crate::domain::{AppliesTo, Category, CategoryId, NamedItem, OwnerId, Reason, ReasonMerge};
    use crate::io::backup::BACKUP_FORMAT;
    use crate::storage::SCHEMA_VERSION;

    fn at(hours: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_764_600_000, 0).expect("valid time") + Duration::hours(hours)
    }

    fn rid(id: &str) -> ReasonId {
        ReasonId::new(id)
    }

    fn deal(id: &str, updated: i64) -> Deal {
        let created = NaiveDate::from_ymd_opt(2026, 10, 1).expect("valid date");
        Deal {
            outcome: crate::domain::Outcome::Lost,
            reason: Some(rid("lost-missing-feature")),
            ..Deal::new_open(DealId::new(id), format!("Deal {id}"), created, at(updated))
        }
    }

    fn owner(id: &str, name: &str) -> NamedItem<OwnerId> {
        NamedItem { id: OwnerId::new(id), name: name.into(), archived: false }
    }

    fn backup(catalog: Catalog, deals: Vec<Deal>) -> Backup {
        Backup { format: BACKUP_FORMAT.into(), schema_version: SCHEMA_VERSION, exported_at: at(100), catalog, deals }
    }

    fn archive_into(catalog: &mut Catalog, from: &str, into: &str, when: i64) {
        if let Some(reason) = catalog.taxonomy.reasons.iter_mut().find(|r| r.id == rid(from)) {
            reason.archived = true;
        }
        catalog.taxonomy.merges.push(ReasonMerge { from: rid(from), from_label: from.into(), into: rid(into), at: at(when), deals_remapped: 1 });
    }

    /// Here: Dana's workspace, where "Value not clear" was merged into "Too expensive".
    fn here() -> (Vec<Deal>, Catalog) {
        let mut catalog = Catalog::standard();
        catalog.owners.items.push(owner("o-dana", "Dana"));
        archive_into(&mut catalog, "lost-value-unclear", "lost-too-expensive", 1);
        (["d1", "d2", "d3", "d4"].iter().map(|id| deal(id, 0)).collect(), catalog)
    }

    /// Luis's copy: his own "Dana" entry, "Too expensive" made on its own
    /// (another id), a new reason, a renamed one, and a merge of his own.
    fn luis(deals_here: &[Deal]) -> Backup {
        let mut catalog = Catalog::standard();
        catalog.owners.items.extend([owner("o-x", "dana"), owner("o-luis", "Luis")]);
        for reason in &mut catalog.taxonomy.reasons {
            match reason.id.as_str() {
                "lost-too-expensive" => reason.id = rid("r-price"),
                "lost-slow-follow-up" => reason.label = "Slow to respond".into(),
                "lost-poor-demo" => reason.label = "Bad demo".into(),
                _ => {}
            }
        }
        catalog.taxonomy.reasons.push(Reason {
            id: rid("r-hidden-fees"),
            label: "Hidden fees".into(),
            category: CategoryId::new("price"),
            applies_to: AppliesTo::Lost,
            order: 99,
            archived: false,
        });
        archive_into(&mut catalog, "lost-no-budget", "r-price", 2);
        let newer = Deal { notes: "Came back".into(), ..deal("d1", 5) };
        let older = Deal { notes: "Stale".into(), ..deal("d2", -5) };
        let identical = deals_here[2].clone();
        let same_time_other_content = Deal { notes: "Luis's version".into(), ..deal("d4", 0) };
        let new = Deal {
            owner: Some(OwnerId::new("o-x")),
            reason: Some(rid("r-price")),
            secondary_reasons: vec![rid("r-hidden-fees"), rid("lost-value-unclear"), rid("lost-slow-follow-up")],
            ..deal("d5", 3)
        };
        backup(catalog, vec![newer, older, identical, same_time_other_content, new])
    }

    /// Mia's copy: a newer d1 still, a new category and reason, and Luis's merge again.
    fn mia() -> Backup {
        let mut catalog = Catalog::standard();
        catalog.taxonomy.categories.push(Category { id: CategoryId::new("legal"), label: "Legal".into(), order: 20 });
        catalog.taxonomy.reasons.push(Reason {
            id: rid("r-contract"),
            label: "Contract terms".into(),
            category: CategoryId::new("legal"),
            applies_to: AppliesTo::Lost,
            order: 1,
            archived: false,
        });
        archive_into(&mut catalog, "lost-no-budget", "lost-too-expensive", 2);
        let newest = Deal { notes: "Mia's, newest".into(), ..deal("d1", 9) };
        let new = Deal { reason: Some(rid("r-contract")), owner: Some(OwnerId::new("o-mia")), ..deal("d6", 4) };
        backup(catalog, vec![newest, new])
    }

    #[test]
    fn two_salespeople_merge_newest_first_with_ids_translated() {
        let (deals, catalog) = here();
        let merged = merge(&deals, &catalog, &[luis(&deals), mia()]);

        let ids: Vec<&str> = merged.deals.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["d1", "d5", "d6"], "only added and updated deals are written");
        assert_eq!(merged.deals[0].notes, "Mia's, newest");

        let d5 = &merged.deals[1];
        assert_eq!(d5.owner, Some(OwnerId::new("o-dana")), "owners match by name");
        assert_eq!(d5.reason, Some(rid("lost-too-expensive")), "reasons match by label");
        assert_eq!(
            d5.secondary_reasons,
            [rid("r-hidden-fees"), rid("lost-slow-follow-up")],
            "a reason merged away here follows the merge log, and repeats of the primary go"
        );

        let taxonomy = &merged.catalog.taxonomy;
        assert_eq!(taxonomy.reason(&rid("r-hidden-fees")).map(|r| r.category.as_str()), Some("price"));
        assert_eq!(taxonomy.reason(&rid("r-contract")).map(|r| r.category.as_str()), Some("legal"));
        assert!(taxonomy.reason(&rid("r-price")).is_none(), "matched, not added");
        assert_eq!(taxonomy.reason(&rid("lost-poor-demo")).map(|r| r.label.as_str()), Some("Demo fell flat"), "labels here win");
        assert_eq!(taxonomy.validate(), Ok(()));
        let logged: Vec<(&str, &str)> = taxonomy.merges.iter().map(|m| (m.from.as_str(), m.into.as_str())).collect();
        assert_eq!(
            logged,
            [("lost-value-unclear", "lost-too-expensive"), ("lost-no-budget", "lost-too-expensive")],
            "Mia's copy of Luis's merge is the same merge"
        );
        let owners: Vec<&str> = merged.catalog.owners.items.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(owners, ["Dana", "Luis"]);
        assert_eq!(merged.catalog.settings, catalog.settings);

        let report = &merged.report;
        assert_eq!((report.added, report.updated, report.unchanged), (2, 1, 2));
        assert_eq!(report.conflicts.len(), 2, "{:?}", report.conflicts);
        assert_eq!(
            report.conflicts[0],
            "“Deal d4” differs in backup 1 (exported 2025-12-05) from the copy here, though both were last changed \
             at 2025-12-01 14:40:00 UTC; the copy here is kept."
        );
        assert_eq!(
            report.conflicts[1],
            "In backup 1 (exported 2025-12-05), the reason “Slow follow-up” is called “Slow to respond”; the label here is kept, \
             also for 1 deal from that backup.",
            "“Bad demo” is not reported: no deal from Luis that was taken cites it"
        );
        assert_eq!(report.sentence(), "2 deals added, 1 updated, 2 unchanged; 2 conflicts to check (listed below).");
    }

    #[test]
    fn merging_a_backup_of_the_same_data_changes_nothing() {
        let (deals, catalog) = here();
        let same = backup(catalog.clone(), deals.clone());
        let merged = merge(&deals, &catalog, &[same.clone(), same]);
        assert!(merged.deals.is_empty());
        assert_eq!(merged.catalog, catalog);
        assert_eq!(merged.report, MergeReport { unchanged: 8, ..MergeReport::default() });
    }

    #[test]
    fn a_new_reason_whose_label_is_taken_on_the_other_side_gets_a_number() {
        let (deals, catalog) = here();
        let mut theirs = Catalog::standard();
        theirs.taxonomy.reasons.push(Reason {
            id: rid("r-other-won"),
            label: "too expensive".into(),
            category: CategoryId::new("nowhere"),
            applies_to: AppliesTo::Won,
            order: 1,
            archived: false,
        });
        let merged = merge(&deals, &catalog, &[backup(theirs, Vec::new())]);
        let added = merged.catalog.taxonomy.reason(&rid("r-other-won")).cloned().expect("added");
        assert_eq!(added.label, "too expensive (2)");
        assert_eq!(added.category, CategoryId::new("nowhere"));
        assert_eq!(merged.catalog.taxonomy.validate(), Ok(()), "a missing category is created");
        assert_eq!(merged.report.sentence(), "The backups hold no deals.");
    }
}
