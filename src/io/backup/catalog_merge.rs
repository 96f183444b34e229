//! Bringing an incoming catalog into the one here: entries are matched by id,
//! then by name or label; what matches nothing is added. What is here always
//! wins, including the settings and exchange rates, which are left as they are:
//! they are the team's choices here, and a salesperson's copy should not
//! change them.

use std::collections::HashMap;
use std::hash::Hash;

use crate::domain::{AppliesTo, Catalog, Category, CategoryId, NamedList, Reason, ReasonId, ReasonMerge, Taxonomy};

use super::id_map::{translated, IdMap};

/// The incoming catalog's ids translated, and the reasons whose labels
/// differ between the two sides.
#[derive(Debug, Default)]
pub(super) struct CatalogMerge {
    pub ids: IdMap,
    pub relabelled: Vec<Relabelled>,
}

/// A reason with the same id on both sides but a different label: the label
/// here is kept, which matters only for the incoming deals that cite it.
#[derive(Debug)]
pub(super) struct Relabelled {
    pub id: ReasonId,
    pub label_here: String,
    pub label_there: String,
}

/// Adds to `here` what `incoming` has and `here` lacks, and says how the
/// incoming ids translate.
pub(super) fn merge_catalog(here: &mut Catalog, incoming: &Catalog) -> CatalogMerge {
    let mut merge = CatalogMerge::default();
    merge.ids.owners = merge_named(&mut here.owners, &incoming.owners);
    merge.ids.competitors = merge_named(&mut here.competitors, &incoming.competitors);
    merge.ids.stages = merge_named(&mut here.stages, &incoming.stages);
    for reason in &incoming.taxonomy.reasons {
        let id_here = reason_here(&mut here.taxonomy, &incoming.taxonomy, reason, &mut merge.relabelled);
        merge.ids.reasons.insert(reason.id.clone(), id_here);
    }
    for entry in &incoming.taxonomy.merges {
        let entry = ReasonMerge {
            from: translated(&merge.ids.reasons, &entry.from),
            into: translated(&merge.ids.reasons, &entry.into),
            ..entry.clone()
        };
        let known = here
            .taxonomy
            .merges
            .iter()
            .any(|merge| merge.from == entry.from && merge.into == entry.into && merge.at == entry.at);
        if !known {
            here.taxonomy.merges.push(entry);
        }
    }
    merge
}

fn same_label(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Owners, competitors or stages: by id, then by name; the rest are added.
fn merge_named<Id: Clone + Eq + Hash>(here: &mut NamedList<Id>, incoming: &NamedList<Id>) -> HashMap<Id, Id> {
    let mut ids = HashMap::with_capacity(incoming.items.len());
    for item in &incoming.items {
        let id_here = if here.get(&item.id).is_some() {
            item.id.clone()
        } else if let Some(found) = here.find_by_name(&item.name) {
            found.id.clone()
        } else {
            here.items.push(item.clone());
            item.id.clone()
        };
        ids.insert(item.id.clone(), id_here);
    }
    ids
}

/// The id here of an incoming reason: the same id, else a reason with the
/// same label that covers the same side, else the reason added.
fn reason_here(here: &mut Taxonomy, incoming: &Taxonomy, reason: &Reason, relabelled: &mut Vec<Relabelled>) -> ReasonId {
    if let Some(existing) = here.reason(&reason.id) {
        if !same_label(&existing.label, &reason.label) {
            relabelled.push(Relabelled {
                id: reason.id.clone(),
                label_here: existing.label.clone(),
                label_there: reason.label.clone(),
            });
        }
        return reason.id.clone();
    }
    let covers = |existing: &Reason| existing.applies_to == reason.applies_to || existing.applies_to == AppliesTo::Both;
    if let Some(existing) = here.reasons.iter().find(|existing| same_label(&existing.label, &reason.label) && covers(existing)) {
        return existing.id.clone();
    }
    let category = category_here(here, incoming, &reason.category);
    let added = Reason {
        label: free_label(here, &reason.label),
        category,
        order: here.reasons.iter().map(|r| r.order).max().map_or(0, |max| max + 1),
        ..reason.clone()
    };
    here.reasons.push(added);
    reason.id.clone()
}

/// The id here of an incoming category: the same id, else the same label,
/// else the category added.
fn category_here(here: &mut Taxonomy, incoming: &Taxonomy, id: &CategoryId) -> CategoryId {
    if here.categories.iter().any(|category| &category.id == id) {
        return id.clone();
    }
    // A reason pointing at no category (a hand-edited file) gets one named
    // after the id, so that the taxonomy stays valid.
    let label = incoming
        .categories
        .iter()
        .find(|category| &category.id == id)
        .map_or(id.as_str(), |category| category.label.as_str());
    if let Some(existing) = here.categories.iter().find(|category| same_label(&category.label, label)) {
        return existing.id.clone();
    }
    let order = here.categories.iter().map(|c| c.order).max().map_or(0, |max| max + 1);
    here.categories.push(Category { id: id.clone(), label: label.to_owned(), order });
    id.clone()
}

/// `label`, numbered when a reason for the other side already has it: the
/// reason editor expects labels to be unique.
fn free_label(here: &Taxonomy, label: &str) -> String {
    let taken = |candidate: &str| here.reasons.iter().any(|reason| same_label(&reason.label, candidate));
    if !taken(label) {
        return label.to_owned();
    }
    // Of these len + 1 candidates at least one is free.
    (2..=here.reasons.len() + 2)
        .map(|n| format!("{label} ({n})"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| label.to_owned())
}
