//! Changes to the reason list that keep history meaningful: a reason in use
//! is archived or merged, never deleted.

use chrono::{DateTime, Utc};
use thiserror::Error;

use super::{AppliesTo, Category, CategoryId, Deal, Reason, ReasonId, Taxonomy};
use super::taxonomy::ReasonMerge;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("Enter a label.")]
    EmptyLabel,
    #[error("“{0}” already exists.")]
    DuplicateLabel(String),
    #[error("That reason no longer exists.")]
    UnknownReason,
    #[error("That category no longer exists.")]
    UnknownCategory,
    #[error("“{label}” is used by {deals} deal(s): archive it or merge it into another reason instead.")]
    ReasonInUse { label: String, deals: usize },
    #[error("“{0}” still has reasons: move or delete them first.")]
    CategoryNotEmpty(String),
    #[error("A reason cannot be merged into itself.")]
    MergeIntoItself,
    #[error("“{from}” explains {from_side} deals and “{into}” does not; pick a reason for the same side.")]
    MergeAcrossSides { from: String, into: String, from_side: &'static str },
}

fn side_name(applies_to: AppliesTo) -> &'static str {
    match applies_to {
        AppliesTo::Won => "won",
        AppliesTo::Lost => "lost",
        AppliesTo::Both => "won and lost",
    }
}

impl Taxonomy {
    fn checked_label(&self, label: &str, except: Option<&ReasonId>) -> Result<String, EditError> {
        unique_label(label, self.reasons.iter().filter(|r| Some(&r.id) != except).map(|r| r.label.as_str()))
    }

    fn reason_mut(&mut self, id: &ReasonId) -> Result<&mut Reason, EditError> {
        self.reasons.iter_mut().find(|r| &r.id == id).ok_or(EditError::UnknownReason)
    }

    pub fn add_reason(&mut self, id: ReasonId, label: &str, category: CategoryId, applies_to: AppliesTo) -> Result<(), EditError> {
        let label = self.checked_label(label, None)?;
        if !self.categories.iter().any(|c| c.id == category) {
            return Err(EditError::UnknownCategory);
        }
        let order = self.reasons.iter().map(|r| r.order).max().map_or(0, |max| max + 1);
        self.reasons.push(Reason { id, label, category, applies_to, order, archived: false });
        Ok(())
    }

    pub fn rename_reason(&mut self, id: &ReasonId, label: &str) -> Result<(), EditError> {
        let label = self.checked_label(label, Some(id))?;
        self.reason_mut(id)?.label = label;
        Ok(())
    }

    pub fn set_reason_category(&mut self, id: &ReasonId, category: CategoryId) -> Result<(), EditError> {
        if !self.categories.iter().any(|c| c.id == category) {
            return Err(EditError::UnknownCategory);
        }
        self.reason_mut(id)?.category = category;
        Ok(())
    }

    pub fn set_reason_side(&mut self, id: &ReasonId, applies_to: AppliesTo) -> Result<(), EditError> {
        self.reason_mut(id)?.applies_to = applies_to;
        Ok(())
    }

    pub fn set_reason_archived(&mut self, id: &ReasonId, archived: bool) -> Result<(), EditError> {
        self.reason_mut(id)?.archived = archived;
        Ok(())
    }

    /// Moves a reason one place up (`-1`) or down (`1`) within its category.
    pub fn shift_reason(&mut self, id: &ReasonId, by: i32) -> Result<(), EditError> {
        let reason = self.reasons.iter().find(|r| &r.id == id).ok_or(EditError::UnknownReason)?;
        let category = reason.category.clone();
        let mut siblings: Vec<(u32, ReasonId)> = self
            .reasons
            .iter()
            .filter(|r| r.category == category)
            .map(|r| (r.order, r.id.clone()))
            .collect();
        siblings.sort();
        let Some(at) = siblings.iter().position(|(_, sibling)| sibling == id) else {
            return Err(EditError::UnknownReason);
        };
        let target = at as i64 + i64::from(by);
        if !(0..siblings.len() as i64).contains(&target) {
            return Ok(());
        }
        let (first_order, first_id) = siblings[at].clone();
        let (second_order, second_id) = siblings[target as usize].clone();
        self.reason_mut(&first_id)?.order = second_order;
        self.reason_mut(&second_id)?.order = first_order;
        Ok(())
    }

    /// Deletes a reason no deal uses.
    pub fn delete_unused_reason(&mut self, id: &ReasonId, deals: &[Deal]) -> Result<(), EditError> {
        let reason = self.reasons.iter().find(|r| &r.id == id).ok_or(EditError::UnknownReason)?;
        let users = deals.iter().filter(|deal| deal.all_reasons().any(|r| r == id)).count();
        if users > 0 {
            return Err(EditError::ReasonInUse { label: reason.label.clone(), deals: users });
        }
        self.reasons.retain(|r| &r.id != id);
        Ok(())
    }

    /// Merges `from` into `into`: every deal citing `from` cites `into`
    /// instead (once), `from` is archived, and the merge is recorded. Returns
    /// the changed deals.
    pub fn merge_reason(&mut self, from: &ReasonId, into: &ReasonId, deals: &[Deal], now: DateTime<Utc>) -> Result<Vec<Deal>, EditError> {
        if from == into {
            return Err(EditError::MergeIntoItself);
        }
        let source = self.reasons.iter().find(|r| &r.id == from).ok_or(EditError::UnknownReason)?.clone();
        let target = self.reasons.iter().find(|r| &r.id == into).ok_or(EditError::UnknownReason)?.clone();
        let covers = |side: AppliesTo| match side {
            AppliesTo::Both => target.applies_to == AppliesTo::Both,
            other => target.applies_to == AppliesTo::Both || target.applies_to == other,
        };
        if !covers(source.applies_to) {
            return Err(EditError::MergeAcrossSides {
                from: source.label,
                into: target.label,
                from_side: side_name(source.applies_to),
            });
        }

        let changed: Vec<Deal> = deals
            .iter()
            .filter(|deal| deal.all_reasons().any(|r| r == from))
            .map(|deal| remapped(deal, from, into, now))
            .collect();
        self.reason_mut(from)?.archived = true;
        self.merges.push(ReasonMerge {
            from: from.clone(),
            from_label: source.label,
            into: into.clone(),
            at: now,
            deals_remapped: changed.len(),
        });
        Ok(changed)
    }

    pub fn add_category(&mut self, id: CategoryId, label: &str) -> Result<(), EditError> {
        let label = self.checked_category_label(label, None)?;
        let order = self.categories.iter().map(|c| c.order).max().map_or(0, |max| max + 1);
        self.categories.push(Category { id, label, order });
        Ok(())
    }

    pub fn rename_category(&mut self, id: &CategoryId, label: &str) -> Result<(), EditError> {
        let label = self.checked_category_label(label, Some(id))?;
        let category = self.categories.iter_mut().find(|c| &c.id == id).ok_or(EditError::UnknownCategory)?;
        category.label = label;
        Ok(())
    }

    pub fn shift_category(&mut self, id: &CategoryId, by: i32) -> Result<(), EditError> {
        let mut ordered: Vec<(u32, CategoryId)> = self.categories.iter().map(|c| (c.order, c.id.clone())).collect();
        ordered.sort();
        let at = ordered.iter().position(|(_, c)| c == id).ok_or(EditError::UnknownCategory)?;
        let target = at as i64 + i64::from(by);
        if !(0..ordered.len() as i64).contains(&target) {
            return Ok(());
        }
        let (a_order, a_id) = ordered[at].clone();
        let (b_order, b_id) = ordered[target as usize].clone();
        for category in &mut self.categories {
            if category.id == a_id {
                category.order = b_order;
            } else if category.id == b_id {
                category.order = a_order;
            }
        }
        Ok(())
    }

    /// Deletes a category without reasons (archived ones included).
    pub fn delete_empty_category(&mut self, id: &CategoryId) -> Result<(), EditError> {
        let category = self.categories.iter().find(|c| &c.id == id).ok_or(EditError::UnknownCategory)?;
        if self.reasons.iter().any(|r| &r.category == id) {
            return Err(EditError::CategoryNotEmpty(category.label.clone()));
        }
        self.categories.retain(|c| &c.id != id);
        Ok(())
    }

    fn checked_category_label(&self, label: &str, except: Option<&CategoryId>) -> Result<String, EditError> {
        unique_label(label, self.categories.iter().filter(|c| Some(&c.id) != except).map(|c| c.label.as_str()))
    }
}

/// `label` without surrounding spaces, unless it is empty or one of `others`
/// already has it (ignoring case).
fn unique_label<'a>(label: &str, mut others: impl Iterator<Item = &'a str>) -> Result<String, EditError> {
    let label = label.trim();
    if label.is_empty() {
        return Err(EditError::EmptyLabel);
    }
    match others.find(|other| other.eq_ignore_ascii_case(label)) {
        Some(existing) => Err(EditError::DuplicateLabel(existing.to_owned())),
        None => Ok(label.to_owned()),
    }
}

fn remapped(deal: &Deal, from: &ReasonId, into: &ReasonId, now: DateTime<Utc>) -> Deal {
    let reason = deal.reason.as_ref().map(|r| if r == from { into.clone() } else { r.clone() });
    let mut secondary_reasons = Vec::new();
    for r in &deal.secondary_reasons {
        let r = if r == from { into.clone() } else { r.clone() };
        if Some(&r) != reason.as_ref() && !secondary_reasons.contains(&r) {
            secondary_reasons.push(r);
        }
    }
    Deal { reason, secondary_reasons, updated_at: now, ..deal.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DealId, Outcome, Side};
    use chrono::NaiveDate;

    fn lost_deal(id: &str, reason: &str, secondary: &[&str]) -> Deal {
        let created = NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date");
        Deal {
            outcome: Outcome::Lost,
            reason: Some(ReasonId::new(reason)),
            secondary_reasons: secondary.iter().map(|r| ReasonId::new(*r)).collect(),
            ..Deal::new_open(DealId::new(id), id, created, DateTime::UNIX_EPOCH)
        }
    }

    fn id(text: &str) -> ReasonId {
        ReasonId::new(text)
    }

    #[test]
    fn merging_remaps_every_deal_archives_the_source_and_records_the_merge() {
        let mut taxonomy = Taxonomy::standard();
        let deals = vec![
            lost_deal("a", "lost-no-budget", &[]),
            lost_deal("b", "lost-too-expensive", &["lost-no-budget"]),
            lost_deal("c", "lost-no-budget", &["lost-too-expensive", "lost-slow-follow-up"]),
            lost_deal("d", "lost-slow-follow-up", &[]),
        ];
        let now = DateTime::UNIX_EPOCH + chrono::Duration::days(3);
        let changed = taxonomy.merge_reason(&id("lost-no-budget"), &id("lost-too-expensive"), &deals, now).expect("merges");

        let summary: Vec<(&str, Option<&str>, Vec<&str>)> = changed
            .iter()
            .map(|d| (d.id.as_str(), d.reason.as_ref().map(ReasonId::as_str), d.secondary_reasons.iter().map(ReasonId::as_str).collect()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("a", Some("lost-too-expensive"), vec![]),
                ("b", Some("lost-too-expensive"), vec![]),
                ("c", Some("lost-too-expensive"), vec!["lost-slow-follow-up"]),
            ]
        );
        assert!(changed.iter().all(|d| d.updated_at == now));
        assert!(taxonomy.reason(&id("lost-no-budget")).is_some_and(|r| r.archived));
        assert_eq!(taxonomy.merges.len(), 1);
        assert_eq!(taxonomy.merges[0].deals_remapped, 3);
        assert_eq!(taxonomy.merges[0].from_label, "No budget");
    }

    #[test]
    fn a_merge_must_stay_on_the_same_side() {
        let mut taxonomy = Taxonomy::standard();
        let result = taxonomy.merge_reason(&id("lost-no-budget"), &id("won-best-value"), &[], DateTime::UNIX_EPOCH);
        assert!(matches!(result, Err(EditError::MergeAcrossSides { .. })));
        assert!(taxonomy.merge_reason(&id("lost-no-budget"), &id("other"), &[], DateTime::UNIX_EPOCH).is_ok());
        assert_eq!(
            taxonomy.merge_reason(&id("other"), &id("other"), &[], DateTime::UNIX_EPOCH),
            Err(EditError::MergeIntoItself)
        );
    }

    #[test]
    fn a_reason_in_use_cannot_be_deleted_but_an_unused_one_can() {
        let mut taxonomy = Taxonomy::standard();
        let deals = vec![lost_deal("a", "lost-poor-demo", &["lost-no-budget"])];
        assert_eq!(
            taxonomy.delete_unused_reason(&id("lost-no-budget"), &deals),
            Err(EditError::ReasonInUse { label: "No budget".into(), deals: 1 })
        );
        assert_eq!(taxonomy.delete_unused_reason(&id("lost-value-unclear"), &deals), Ok(()));
        assert!(taxonomy.reason(&id("lost-value-unclear")).is_none());
    }

    #[test]
    fn archiving_hides_a_reason_from_closing_only() {
        let mut taxonomy = Taxonomy::standard();
        taxonomy.set_reason_archived(&id("lost-no-budget"), true).expect("archives");
        let offered: Vec<&ReasonId> = taxonomy.offered(Side::Lost).into_iter().flat_map(|(_, rs)| rs.into_iter().map(|r| &r.id)).collect();
        assert!(!offered.contains(&&id("lost-no-budget")));
        assert_eq!(taxonomy.reason(&id("lost-no-budget")).map(|r| r.label.as_str()), Some("No budget"));
    }

    #[test]
    fn reasons_are_added_renamed_moved_and_reordered() {
        let mut taxonomy = Taxonomy::standard();
        let price = CategoryId::new("price");
        assert_eq!(taxonomy.add_reason(id("x"), "too expensive", price.clone(), AppliesTo::Lost), Err(EditError::DuplicateLabel("Too expensive".into())));
        taxonomy.add_reason(id("x"), "Hidden costs", price.clone(), AppliesTo::Lost).expect("adds");
        taxonomy.rename_reason(&id("x"), "Hidden fees").expect("renames");
        taxonomy.set_reason_category(&id("x"), CategoryId::new("competition")).expect("moves");
        taxonomy.set_reason_side(&id("x"), AppliesTo::Both).expect("changes side");
        let reason = taxonomy.reason(&id("x")).cloned().expect("exists");
        assert_eq!((reason.label.as_str(), reason.category.as_str(), reason.applies_to), ("Hidden fees", "competition", AppliesTo::Both));

        taxonomy.shift_reason(&id("lost-no-budget"), -1).expect("moves up");
        let price_lost: Vec<&str> = taxonomy.offered(Side::Lost)[0].1.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(price_lost, ["No budget", "Too expensive", "Value not clear"]);
    }

    #[test]
    fn categories_are_edited_and_only_empty_ones_deleted() {
        let mut taxonomy = Taxonomy::standard();
        assert!(matches!(taxonomy.delete_empty_category(&CategoryId::new("price")), Err(EditError::CategoryNotEmpty(_))));
        taxonomy.add_category(CategoryId::new("legal"), "Legal").expect("adds");
        taxonomy.rename_category(&CategoryId::new("legal"), "Legal and contracts").expect("renames");
        taxonomy.shift_category(&CategoryId::new("legal"), -1).expect("moves");
        let labels: Vec<&str> = {
            let mut categories: Vec<&Category> = taxonomy.categories.iter().collect();
            categories.sort_by_key(|c| c.order);
            categories.into_iter().map(|c| c.label.as_str()).collect()
        };
        assert_eq!(labels[labels.len() - 2], "Legal and contracts");
        taxonomy.delete_empty_category(&CategoryId::new("legal")).expect("deletes");
        assert_eq!(taxonomy.validate(), Ok(()));
    }
}
