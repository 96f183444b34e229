use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{AppliesTo, Category, CategoryId, Reason, ReasonId, Side};

/// The categories and reasons a team closes deals with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taxonomy {
    pub categories: Vec<Category>,
    pub reasons: Vec<Reason>,
    /// Every merge of one reason into another, oldest first.
    #[serde(default)]
    pub merges: Vec<ReasonMerge>,
}

/// The record a merge leaves: which reason went into which, when, and how
/// many deals were remapped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonMerge {
    pub from: ReasonId,
    pub from_label: String,
    pub into: ReasonId,
    pub at: chrono::DateTime<chrono::Utc>,
    pub deals_remapped: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TaxonomyError {
    #[error("two categories share the id “{0}”")]
    DuplicateCategory(CategoryId),
    #[error("two reasons share the id “{0}”")]
    DuplicateReason(ReasonId),
    #[error("reason “{reason}” belongs to the unknown category “{category}”")]
    UnknownCategory { reason: ReasonId, category: CategoryId },
    #[error("the reason or category “{0}” has an empty label")]
    EmptyLabel(String),
}

/// (category id, label, lost reasons, won reasons). Ids are part of the
/// stored data: change labels freely, never ids.
type CategorySeed = (&'static str, &'static str, &'static [(&'static str, &'static str)], &'static [(&'static str, &'static str)]);

const STANDARD: &[CategorySeed] = &[
    (
        "price",
        "Price and value",
        &[("lost-too-expensive", "Too expensive"), ("lost-no-budget", "No budget"), ("lost-value-unclear", "Value not clear")],
        &[("won-best-value", "Best value for money"), ("won-flexible-pricing", "Flexible pricing")],
    ),
    (
        "product",
        "Product and fit",
        &[("lost-missing-feature", "Missing feature"), ("lost-poor-fit", "Poor fit for their needs"), ("lost-integration-gap", "Integration gaps")],
        &[("won-key-feature", "Key feature"), ("won-best-fit", "Best fit for their needs"), ("won-easy-integration", "Easy to integrate")],
    ),
    (
        "competition",
        "Competition",
        &[("lost-cheaper-competitor", "Cheaper competitor"), ("lost-incumbent-kept", "Incumbent kept"), ("lost-better-competitor", "Competitor's product preferred")],
        &[("won-beat-incumbent", "Replaced the incumbent"), ("won-competitor-stumbled", "Competitor stumbled")],
    ),
    (
        "timing",
        "Timing and priority",
        &[("lost-postponed", "Project postponed"), ("lost-other-priorities", "Other priorities won")],
        &[("won-urgent-need", "Urgent need"), ("won-budget-now", "Budget available now")],
    ),
    (
        "decision",
        "Decision process",
        &[("lost-champion-left", "Champion left"), ("lost-procurement", "Stuck in procurement"), ("lost-no-decision-maker", "Never reached the decision maker")],
        &[("won-strong-champion", "Strong champion"), ("won-decision-maker", "Reached the decision maker early")],
    ),
    (
        "relationship",
        "Sales execution and relationship",
        &[("lost-slow-follow-up", "Slow follow-up"), ("lost-weak-discovery", "Weak discovery"), ("lost-poor-demo", "Demo fell flat")],
        &[("won-relationship", "Strong relationship"), ("won-responsive", "Responsive team"), ("won-strong-demo", "Convincing demo or trial")],
    ),
    (
        "vendor-risk",
        "Vendor risk",
        &[("lost-vendor-too-small", "We seemed too small or risky"), ("lost-security-concerns", "Security or compliance concerns")],
        &[("won-trusted-vendor", "Trusted, stable vendor"), ("won-security-met", "Security and compliance met")],
    ),
];

impl Taxonomy {
    /// The reasons Winloss ships with, for both won and lost deals, in the
    /// categories of the design. "Other" applies to both sides.
    pub fn standard() -> Taxonomy {
        let mut categories = Vec::new();
        let mut reasons = Vec::new();
        let mut order = 0;
        let mut next_order = || {
            order += 1;
            order
        };
        for (category_index, (category_id, category_label, lost, won)) in STANDARD.iter().enumerate() {
            categories.push(Category {
                id: CategoryId::new(*category_id),
                label: (*category_label).to_owned(),
                order: category_index as u32,
            });
            for (side_reasons, applies_to) in [(lost, AppliesTo::Lost), (won, AppliesTo::Won)] {
                for (reason_id, reason_label) in side_reasons.iter() {
                    reasons.push(Reason {
                        id: ReasonId::new(*reason_id),
                        label: (*reason_label).to_owned(),
                        category: CategoryId::new(*category_id),
                        applies_to,
                        order: next_order(),
                        archived: false,
                    });
                }
            }
        }
        categories.push(Category {
            id: CategoryId::new("other"),
            label: "Other".to_owned(),
            order: STANDARD.len() as u32,
        });
        reasons.push(Reason {
            id: ReasonId::new("other"),
            label: "Other".to_owned(),
            category: CategoryId::new("other"),
            applies_to: AppliesTo::Both,
            order: next_order(),
            archived: false,
        });
        Taxonomy { categories, reasons, merges: Vec::new() }
    }

    pub fn reason(&self, id: &ReasonId) -> Option<&Reason> {
        self.reasons.iter().find(|reason| &reason.id == id)
    }

    /// The reasons to offer when closing on `side`, grouped by category, both
    /// in their display order; categories with nothing to offer are left out.
    pub fn offered(&self, side: Side) -> Vec<(&Category, Vec<&Reason>)> {
        let mut categories: Vec<&Category> = self.categories.iter().collect();
        categories.sort_by_key(|category| category.order);
        categories
            .into_iter()
            .filter_map(|category| {
                let mut reasons: Vec<&Reason> = self
                    .reasons
                    .iter()
                    .filter(|reason| reason.category == category.id && reason.offered_for(side))
                    .collect();
                reasons.sort_by_key(|reason| reason.order);
                (!reasons.is_empty()).then_some((category, reasons))
            })
            .collect()
    }

    pub fn validate(&self) -> Result<(), TaxonomyError> {
        let mut category_ids = HashSet::new();
        for category in &self.categories {
            if !category_ids.insert(&category.id) {
                return Err(TaxonomyError::DuplicateCategory(category.id.clone()));
            }
            if category.label.trim().is_empty() {
                return Err(TaxonomyError::EmptyLabel(category.id.to_string()));
            }
        }
        let mut reason_ids = HashSet::new();
        for reason in &self.reasons {
            if !reason_ids.insert(&reason.id) {
                return Err(TaxonomyError::DuplicateReason(reason.id.clone()));
            }
            if reason.label.trim().is_empty() {
                return Err(TaxonomyError::EmptyLabel(reason.id.to_string()));
            }
            if !category_ids.contains(&reason.category) {
                return Err(TaxonomyError::UnknownCategory {
                    reason: reason.id.clone(),
                    category: reason.category.clone(),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_taxonomy_is_valid() {
        assert_eq!(Taxonomy::standard().validate(), Ok(()));
    }

    #[test]
    fn every_standard_category_offers_reasons_on_both_sides() {
        let taxonomy = Taxonomy::standard();
        for side in [Side::Won, Side::Lost] {
            let offered = taxonomy.offered(side);
            assert_eq!(offered.len(), taxonomy.categories.len(), "a category offers nothing for {side:?}");
        }
    }

    #[test]
    fn the_standard_categories_are_those_of_the_design() {
        let taxonomy = Taxonomy::standard();
        let labels: Vec<&str> = taxonomy.categories.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Price and value",
                "Product and fit",
                "Competition",
                "Timing and priority",
                "Decision process",
                "Sales execution and relationship",
                "Vendor risk",
                "Other"
            ]
        );
    }

    #[test]
    fn each_side_has_a_short_list_to_pick_from() {
        let taxonomy = Taxonomy::standard();
        for side in [Side::Won, Side::Lost] {
            let count: usize = taxonomy.offered(side).iter().map(|(_, reasons)| reasons.len()).sum();
            assert!((15..=25).contains(&count), "{side:?} offers {count} reasons");
        }
    }

    #[test]
    fn archived_reasons_are_not_offered_but_still_found() {
        let mut taxonomy = Taxonomy::standard();
        let id = ReasonId::new("lost-too-expensive");
        if let Some(reason) = taxonomy.reasons.iter_mut().find(|r| r.id == id) {
            reason.archived = true;
        }
        let offered_ids: Vec<&ReasonId> = taxonomy
            .offered(Side::Lost)
            .into_iter()
            .flat_map(|(_, reasons)| reasons.into_iter().map(|r| &r.id))
            .collect();
        assert!(!offered_ids.contains(&&id));
        assert!(taxonomy.reason(&id).is_some());
    }

    #[test]
    fn validation_catches_duplicate_ids_and_dangling_categories() {
        let mut duplicated = Taxonomy::standard();
        let copy = duplicated.reasons[0].clone();
        duplicated.reasons.push(copy.clone());
        assert_eq!(duplicated.validate(), Err(TaxonomyError::DuplicateReason(copy.id)));

        let mut dangling = Taxonomy::standard();
        dangling.reasons[0].category = CategoryId::new("nowhere");
        assert!(matches!(dangling.validate(), Err(TaxonomyError::UnknownCategory { .. })));
    }
}
