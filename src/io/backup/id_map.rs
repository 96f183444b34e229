//! How the ids an incoming backup uses translate into ids here.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use crate::domain::{CompetitorId, Deal, OwnerId, ReasonId, StageId, Taxonomy};

/// Incoming id → id here, for every entry of the incoming catalog. An id
/// missing from a map is kept as it is.
#[derive(Debug, Default)]
pub(super) struct IdMap {
    pub reasons: HashMap<ReasonId, ReasonId>,
    pub owners: HashMap<OwnerId, OwnerId>,
    pub competitors: HashMap<CompetitorId, CompetitorId>,
    pub stages: HashMap<StageId, StageId>,
}

pub(super) fn translated<Id: Clone + Eq + Hash>(map: &HashMap<Id, Id>, id: &Id) -> Id {
    map.get(id).unwrap_or(id).clone()
}

impl IdMap {
    /// The incoming deal citing ids of this workspace. A reason merged away
    /// here is replaced by the one it was merged into, as the merge did to
    /// the deals that were here.
    pub fn remap(&self, deal: &Deal, here: &Taxonomy) -> Deal {
        let reason_here = |id: &ReasonId| settled(here, translated(&self.reasons, id));
        let reason = deal.reason.as_ref().map(reason_here);
        let mut secondary_reasons: Vec<ReasonId> = Vec::with_capacity(deal.secondary_reasons.len());
        for id in deal.secondary_reasons.iter().map(reason_here) {
            if Some(&id) != reason.as_ref() && !secondary_reasons.contains(&id) {
                secondary_reasons.push(id);
            }
        }
        Deal {
            reason,
            secondary_reasons,
            owner: deal.owner.as_ref().map(|id| translated(&self.owners, id)),
            stage: deal.stage.as_ref().map(|id| translated(&self.stages, id)),
            competitor: deal.competitor.as_ref().map(|id| translated(&self.competitors, id)),
            ..deal.clone()
        }
    }
}

/// Where the merge log says an archived (or missing) reason went, following
/// merges of merges; a reason still in use here stays itself.
fn settled(taxonomy: &Taxonomy, mut id: ReasonId) -> ReasonId {
    let mut visited = HashSet::new();
    while taxonomy.reason(&id).is_none_or(|reason| reason.archived) {
        let Some(merge) = taxonomy.merges.iter().rev().find(|merge| merge.from == id) else {
            break;
        };
        // A log that loops (two files merging each way) stops where it started.
        if !visited.insert(id.clone()) {
            break;
        }
        id = merge.into.clone();
    }
    id
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::ReasonMerge;

    fn id(text: &str) -> ReasonId {
        ReasonId::new(text)
    }

    fn merged(taxonomy: &mut Taxonomy, from: &str, into: &str) {
        if let Some(reason) = taxonomy.reasons.iter_mut().find(|reason| reason.id == id(from)) {
            reason.archived = true;
        }
        taxonomy.merges.push(ReasonMerge {
            from: id(from),
            from_label: from.into(),
            into: id(into),
            at: DateTime::UNIX_EPOCH,
            deals_remapped: 0,
        });
    }

    #[test]
    fn merged_reasons_follow_the_log_through_chains_and_stop_on_loops() {
        let mut taxonomy = Taxonomy::standard();
        merged(&mut taxonomy, "lost-no-budget", "lost-value-unclear");
        merged(&mut taxonomy, "lost-value-unclear", "lost-too-expensive");
        assert_eq!(settled(&taxonomy, id("lost-no-budget")), id("lost-too-expensive"));
        assert_eq!(settled(&taxonomy, id("lost-poor-demo")), id("lost-poor-demo"));
        assert_eq!(settled(&taxonomy, id("unknown")), id("unknown"));

        merged(&mut taxonomy, "lost-too-expensive", "lost-no-budget");
        let end = settled(&taxonomy, id("lost-no-budget"));
        assert!(taxonomy.reason(&end).is_some(), "a loop ends on one of its reasons");
    }
}
