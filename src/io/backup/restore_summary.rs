use chrono::{DateTime, Utc};

use crate::domain::{Catalog, Deal};

use crate::io::wording::count;
use super::Backup;

/// What a restore would replace with what, for the confirmation the user
/// must give first: a restore cannot be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestoreSummary {
    pub deals_now: usize,
    pub deals_in_backup: usize,
    /// Archived reasons count too: a restore replaces them as well.
    pub reasons_now: usize,
    pub reasons_in_backup: usize,
    pub owners_in_backup: usize,
    pub exported_at: DateTime<Utc>,
}

/// Compares what is here with what `backup` would put in its place.
pub fn restore_summary(current_deals: &[Deal], current: &Catalog, backup: &Backup) -> RestoreSummary {
    RestoreSummary {
        deals_now: current_deals.len(),
        deals_in_backup: backup.deals.len(),
        reasons_now: current.taxonomy.reasons.len(),
        reasons_in_backup: backup.catalog.taxonomy.reasons.len(),
        owners_in_backup: backup.catalog.owners.items.len(),
        exported_at: backup.exported_at,
    }
}

impl RestoreSummary {
    /// The question to ask before restoring.
    pub fn sentence(&self) -> String {
        format!(
            "Replace all {} and {} here with the backup's {} and {} from {}? \
             This cannot be undone; export a backup first if unsure.",
            count(self.deals_now, "deal", "deals"),
            count(self.reasons_now, "reason", "reasons"),
            count(self.deals_in_backup, "deal", "deals"),
            count(self.reasons_in_backup, "reason", "reasons"),
            self.exported_at.format("%Y-%m-%d"),
        )
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::{DealId, NamedItem, OwnerId};
    use crate::storage::SCHEMA_VERSION;

    #[test]
    fn the_question_names_both_sides_and_the_backup_date() {
        let exported_at = Utc.with_ymd_and_hms(2026, 11, 30, 17, 5, 0).single().expect("valid time");
        let deal = Deal::new_open(DealId::new("d1"), "Acme", exported_at.date_naive(), exported_at);
        let mut catalog = Catalog::standard();
        catalog.owners.items.push(NamedItem { id: OwnerId::new("o1"), name: "Dana".into(), archived: false });
        let backup = Backup {
            format: super::super::BACKUP_FORMAT.into(),
            schema_version: SCHEMA_VERSION,
            exported_at,
            catalog,
            deals: vec![deal.clone()],
        };
        let here = vec![deal; 1_204];
        let summary = restore_summary(&here, &Catalog::standard(), &backup);
        let reasons = Catalog::standard().taxonomy.reasons.len();
        assert_eq!(
            summary,
            RestoreSummary {
                deals_now: 1_204,
                deals_in_backup: 1,
                reasons_now: reasons,
                reasons_in_backup: reasons,
                owners_in_backup: 1,
                exported_at,
            }
        );
        assert_eq!(
            summary.sentence(),
            format!(
                "Replace all 1,204 deals and {reasons} reasons here with the backup's 1 deal and {reasons} reasons \
                 from 2026-11-30? This cannot be undone; export a backup first if unsure."
            )
        );
    }
}
