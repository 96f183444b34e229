use crate::io::wording::{count, grouped};

/// What a merge of backups did, for the person who ran it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Deals that were not here before.
    pub added: usize,
    /// Deals here replaced by a newer copy.
    pub updated: usize,
    /// Incoming copies that changed nothing: identical, or older than the copy here.
    pub unchanged: usize,
    /// One sentence per thing someone should look at.
    pub conflicts: Vec<String>,
}

impl MergeReport {
    /// The outcome in one line; the conflicts are listed on their own.
    pub fn sentence(&self) -> String {
        if self.added + self.updated + self.unchanged == 0 && self.conflicts.is_empty() {
            return "The backups hold no deals.".to_owned();
        }
        let figures = format!(
            "{} added, {} updated, {} unchanged",
            count(self.added, "deal", "deals"),
            grouped(self.updated),
            grouped(self.unchanged)
        );
        match self.conflicts.len() {
            0 => format!("{figures}."),
            conflicts => format!("{figures}; {} to check (listed below).", count(conflicts, "conflict", "conflicts")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_gives_every_figure() {
        let report = MergeReport { added: 1, updated: 2, unchanged: 1_500, conflicts: Vec::new() };
        assert_eq!(report.sentence(), "1 deal added, 2 updated, 1,500 unchanged.");
        let report = MergeReport { conflicts: vec!["x".into()], ..report };
        assert_eq!(report.sentence(), "1 deal added, 2 updated, 1,500 unchanged; 1 conflict to check (listed below).");
        assert_eq!(MergeReport::default().sentence(), "The backups hold no deals.");
    }
}
