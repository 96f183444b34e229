//! Applying a setup to a workspace that may already hold deals. The setup
//! decides what is offered; the workspace keeps whatever its deals refer to,
//! so every deal reads exactly as before.

use std::collections::HashSet;

use crate::domain::{AppliesTo, Catalog, Category, CategoryId, Deal, NamedItem, NamedList, Reason, ReasonId, Taxonomy};

use crate::io::wording::count;

use super::Setup;

/// What applying a setup changed, for the confirmation dialog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetupChanges {
    /// Reasons of the setup the workspace did not have.
    pub reasons_added: usize,
    /// Reasons the setup leaves out but deals use: kept, archived.
    pub reasons_archived: usize,
    /// Reasons the setup leaves out and nothing uses: gone.
    pub reasons_removed: usize,
    pub owners_added: usize,
    pub competitors_added: usize,
    pub stages_added: usize,
}

impl SetupChanges {
    /// One or two sentences saying what the setup does to this workspace.
    pub fn sentence(&self) -> String {
        let added: Vec<String> = [
            (self.reasons_added, "reason", "reasons"),
            (self.owners_added, "owner", "owners"),
            (self.competitors_added, "competitor", "competitors"),
            (self.stages_added, "stage", "stages"),
        ]
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| count(n, one, many))
        .collect();
        let mut clauses = Vec::new();
        if !added.is_empty() {
            clauses.push(format!("adds {}", listed(&added)));
        }
        if self.reasons_archived > 0 {
            clauses.push(format!("archives {} your deals still use", count(self.reasons_archived, "reason", "reasons")));
        }
        if self.reasons_removed > 0 {
            clauses.push(format!("removes {}", count(self.reasons_removed, "unused reason", "unused reasons")));
        }
        let changes = if clauses.is_empty() {
            "This setup adds or removes no reasons, owners, competitors or stages.".to_owned()
        } else {
            format!("This setup {}.", listed(&clauses))
        };
        format!("{changes} Its title, colour and closing rules replace yours; your deals stay as they are.")
    }
}

/// `a`, `a and b`, `a, b and c`.
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The workspace's catalog once the setup is applied, and what changed.
///
/// Deals are never touched, so whatever they refer to stays: a reason the
/// setup leaves out is kept (archived, in its category) while a deal or the
/// merge log uses it, and owners, competitors and stages are only ever
/// added. A reason of the setup that matches one here, by id or else by
/// label on a side that covers it, keeps the id here (deals refer to it) and
/// takes everything else from the setup. Settings and branding are the
/// setup's; exchange rates and the merge log stay.
pub fn apply_setup(current: &Catalog, deals: &[Deal], setup: &Setup) -> (Catalog, SetupChanges) {
    let (taxonomy, reasons) = taxonomy_after(&current.taxonomy, deals, &setup.taxonomy);
    let (owners, owners_added) = united(&current.owners, &setup.owners);
    let (competitors, competitors_added) = united(&current.competitors, &setup.competitors);
    let (stages, stages_added) = united(&current.stages, &setup.stages);
    let catalog = Catalog {
        taxonomy,
        owners,
        competitors,
        stages,
        settings: setup.settings,
        exchange_rates: current.exchange_rates.clone(),
        branding: setup.branding.clone(),
    };
    let changes = SetupChanges {
        reasons_added: reasons.added,
        reasons_archived: reasons.archived,
        reasons_removed: reasons.removed,
        owners_added,
        competitors_added,
        stages_added,
    };
    (catalog, changes)
}

#[derive(Default)]
struct ReasonCounts {
    added: usize,
    archived: usize,
    removed: usize,
}

fn taxonomy_after(ours: &Taxonomy, deals: &[Deal], theirs: &Taxonomy) -> (Taxonomy, ReasonCounts) {
    let matching = ReasonMatching::between(ours, theirs);
    let mut counts = ReasonCounts::default();
    let mut reasons = Vec::new();
    for (setup_reason, ours_index) in theirs.reasons.iter().zip(&matching.ours_for_theirs) {
        match ours_index {
            Some(index) => reasons.push(Reason { id: ours.reasons[*index].id.clone(), ..setup_reason.clone() }),
            // An archived reason of the setup only serves to archive one
            // here; nothing here refers to it, so it is not brought in.
            None if setup_reason.archived => {}
            None => {
                reasons.push(setup_reason.clone());
                counts.added += 1;
            }
        }
    }

    let in_use: HashSet<&ReasonId> =
        deals.iter().flat_map(Deal::all_reasons).chain(ours.merges.iter().map(|merge| &merge.into)).collect();
    let mut categories = theirs.categories.clone();
    let mut next_order = theirs.reasons.iter().map(|reason| reason.order).max().map_or(0, |max| max.saturating_add(1));
    for (index, reason) in ours.reasons.iter().enumerate() {
        if matching.claimed[index] {
            continue;
        }
        if !in_use.contains(&reason.id) {
            counts.removed += 1;
            continue;
        }
        let category = kept_category(&reason.category, ours, &mut categories);
        reasons.push(Reason { category, order: next_order, archived: true, ..reason.clone() });
        next_order = next_order.saturating_add(1);
        counts.archived += 1;
    }
    (Taxonomy { categories, reasons, merges: ours.merges.clone() }, counts)
}

/// Which reason here each reason of the setup stands for.
struct ReasonMatching {
    /// For each reason of the setup, the index of its match here.
    ours_for_theirs: Vec<Option<usize>>,
    /// For each reason here, whether a reason of the setup took it.
    claimed: Vec<bool>,
}

impl ReasonMatching {
    /// Ids first, so that a setup made from this workspace (or from the
    /// standard reasons) lines up exactly; then labels, so that a reason the
    /// team typed itself meets the consultant's of the same name. A label
    /// match must cover every side the reason here explains, or deals closed
    /// with it would cite a reason that no longer applies to them.
    fn between(ours: &Taxonomy, theirs: &Taxonomy) -> ReasonMatching {
        let mut claimed = vec![false; ours.reasons.len()];
        let mut ours_for_theirs: Vec<Option<usize>> = theirs
            .reasons
            .iter()
            .map(|setup_reason| {
                let index = ours.reasons.iter().position(|reason| reason.id == setup_reason.id)?;
                claimed[index] = true;
                Some(index)
            })
            .collect();
        let our_labels: Vec<String> = ours.reasons.iter().map(|reason| label_key(&reason.label)).collect();
        for (setup_reason, found) in theirs.reasons.iter().zip(&mut ours_for_theirs) {
            if found.is_some() {
                continue;
            }
            let wanted = label_key(&setup_reason.label);
            *found = ours.reasons.iter().enumerate().position(|(index, reason)| {
                !claimed[index] && our_labels[index] == wanted && covers(setup_reason.applies_to, reason.applies_to)
            });
            if let Some(index) = *found {
                claimed[index] = true;
            }
        }
        ReasonMatching { ours_for_theirs, claimed }
    }
}

fn label_key(label: &str) -> String {
    label.trim().to_lowercase()
}

/// Whether a reason applying to `theirs` can stand for one applying to `ours`.
fn covers(theirs: AppliesTo, ours: AppliesTo) -> bool {
    theirs == AppliesTo::Both || theirs == ours
}

/// The category a kept reason goes in: the setup's of the same id or label
/// if there is one, else its own category carried over after the setup's.
fn kept_category(id: &CategoryId, ours: &Taxonomy, categories: &mut Vec<Category>) -> CategoryId {
    if categories.iter().any(|category| &category.id == id) {
        return id.clone();
    }
    let our_category = ours.categories.iter().find(|category| &category.id == id);
    let label = our_category.map_or_else(|| id.to_string(), |category| category.label.clone());
    if let Some(same_label) = categories.iter().find(|category| label_key(&category.label) == label_key(&label)) {
        return same_label.id.clone();
    }
    let order = categories.iter().map(|category| category.order).max().map_or(0, |max| max.saturating_add(1));
    categories.push(Category { id: id.clone(), label, order });
    id.clone()
}

/// Our list with the setup's entries added. An entry that matches one here,
/// by id or else by name, leaves ours as it is (the team's own spelling of a
/// salesperson or competitor wins) but revives it if the setup offers it;
/// an archived entry of the setup that matches nothing is not brought in.
fn united<Id: Clone + PartialEq>(ours: &NamedList<Id>, theirs: &NamedList<Id>) -> (NamedList<Id>, usize) {
    let mut list = ours.clone();
    let mut added = 0;
    for entry in &theirs.items {
        let existing = list.get(&entry.id).or_else(|| list.find_by_name(&entry.name)).map(|item| item.id.clone());
        match existing {
            Some(id) if !entry.archived => list.set_archived(&id, false),
            Some(_) => {}
            None if entry.archived => {}
            None => {
                list.items.push(NamedItem { id: entry.id.clone(), name: entry.name.trim().to_owned(), archived: false });
                added += 1;
            }
        }
    }
    (list, added)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::domain::{CompetitorId, Currency, DealId, Outcome, OwnerId, ReasonMerge, Side, StageId};

    fn deal(id: &str, outcome: Outcome, reason: &str, secondary: &[&str]) -> Deal {
        let created = NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date");
        Deal {
            outcome,
            reason: Some(ReasonId::new(reason)),
            secondary_reasons: secondary.iter().map(|r| ReasonId::new(*r)).collect(),
            ..Deal::new_open(DealId::new(id), id, created, DateTime::UNIX_EPOCH)
        }
    }

    fn rid(text: &str) -> ReasonId {
        ReasonId::new(text)
    }

    fn reason(id: &str, label: &str, category: &str, applies_to: AppliesTo) -> Reason {
        Reason { id: rid(id), label: label.into(), category: CategoryId::new(category), applies_to, order: 0, archived: false }
    }

    fn setup_with(taxonomy: Taxonomy) -> Setup {
        Setup { taxonomy, ..Setup::from_catalog(&Catalog::standard()) }
    }

    #[test]
    fn a_setup_applied_to_its_own_workspace_changes_nothing() {
        let catalog = Catalog::standard();
        let (after, changes) = apply_setup(&catalog, &[], &Setup::from_catalog(&catalog));
        assert_eq!(after, catalog);
        assert_eq!(changes, SetupChanges::default());
    }

    #[test]
    fn reasons_the_setup_drops_stay_archived_while_deals_or_merges_use_them() {
        let mut ours = Catalog::standard();
        ours.taxonomy.merges.push(ReasonMerge {
            from: rid("lost-no-budget"),
            from_label: "No budget".into(),
            into: rid("lost-poor-demo"),
            at: DateTime::UNIX_EPOCH,
            deals_remapped: 0,
        });
        let deals = [deal("a", Outcome::Lost, "lost-too-expensive", &["lost-champion-left"])];
        let mut theirs = Taxonomy::standard();
        theirs.reasons.retain(|reason| reason.applies_to != AppliesTo::Lost);
        theirs.reasons.push(reason("lost-price", "Price", "price", AppliesTo::Lost));

        let (after, changes) = apply_setup(&ours, &deals, &setup_with(theirs));
        assert_eq!(after.taxonomy.validate(), Ok(()));
        for kept in ["lost-too-expensive", "lost-champion-left", "lost-poor-demo"] {
            assert!(after.taxonomy.reason(&rid(kept)).is_some_and(|r| r.archived), "{kept}");
        }
        assert!(after.taxonomy.reason(&rid("lost-no-budget")).is_none());
        assert_eq!((changes.reasons_added, changes.reasons_archived), (1, 3));
        assert_eq!(changes.reasons_removed, Taxonomy::standard().reasons.iter().filter(|r| r.applies_to == AppliesTo::Lost).count() - 3);
        assert_eq!(after.taxonomy.merges, ours.taxonomy.merges);
        let offered: Vec<&str> = after.taxonomy.offered(Side::Lost).into_iter().flat_map(|(_, rs)| rs).map(|r| r.label.as_str()).collect();
        assert_eq!(offered, ["Price", "Other"]);
    }

    #[test]
    fn a_label_match_keeps_our_id_and_takes_the_rest_from_the_setup() {
        let mut ours = Catalog::standard();
        ours.taxonomy.add_reason(rid("ours-legal"), "Legal review", CategoryId::new("decision"), AppliesTo::Lost).expect("adds");
        let mut theirs = Taxonomy::standard();
        let mut legal = reason("theirs-legal", "  LEGAL review", "vendor-risk", AppliesTo::Both);
        legal.order = 77;
        theirs.reasons.push(legal);

        let (after, changes) = apply_setup(&ours, &[], &setup_with(theirs));
        let taken = after.taxonomy.reason(&rid("ours-legal")).cloned().expect("kept under our id");
        assert_eq!((taken.label.as_str(), taken.category.as_str(), taken.applies_to, taken.order), ("  LEGAL review", "vendor-risk", AppliesTo::Both, 77));
        assert!(after.taxonomy.reason(&rid("theirs-legal")).is_none());
        assert_eq!(changes, SetupChanges::default());
    }

    #[test]
    fn a_label_match_must_cover_the_sides_ours_explains() {
        let mut ours = Catalog::standard();
        ours.taxonomy.add_reason(rid("ours-timing"), "Timing", CategoryId::new("timing"), AppliesTo::Both).expect("adds");
        let deals = [deal("a", Outcome::Won, "ours-timing", &[])];
        let mut theirs = Taxonomy::standard();
        theirs.reasons.push(reason("theirs-timing", "Timing", "timing", AppliesTo::Lost));

        let (after, changes) = apply_setup(&ours, &deals, &setup_with(theirs));
        assert!(after.taxonomy.reason(&rid("ours-timing")).is_some_and(|r| r.archived && r.applies_to == AppliesTo::Both));
        assert!(after.taxonomy.reason(&rid("theirs-timing")).is_some_and(|r| !r.archived));
        assert_eq!((changes.reasons_added, changes.reasons_archived), (1, 1));
    }

    #[test]
    fn a_kept_reason_finds_the_setup_category_of_the_same_label_or_brings_its_own() {
        let mut ours = Catalog::standard();
        ours.taxonomy.add_category(CategoryId::new("ours-legal"), "Legal").expect("adds");
        ours.taxonomy.add_category(CategoryId::new("ours-misc"), "Misc").expect("adds");
        ours.taxonomy.add_reason(rid("contract"), "Contract terms", CategoryId::new("ours-legal"), AppliesTo::Lost).expect("adds");
        ours.taxonomy.add_reason(rid("weather"), "Bad weather", CategoryId::new("ours-misc"), AppliesTo::Lost).expect("adds");
        let deals = [deal("a", Outcome::Lost, "contract", &["weather"])];
        let mut theirs = Taxonomy::standard();
        theirs.categories.push(Category { id: CategoryId::new("legal"), label: "legal".into(), order: 50 });

        let (after, _) = apply_setup(&ours, &deals, &setup_with(theirs));
        assert_eq!(after.taxonomy.validate(), Ok(()));
        assert_eq!(after.taxonomy.reason(&rid("contract")).map(|r| r.category.as_str()), Some("legal"));
        assert_eq!(after.taxonomy.reason(&rid("weather")).map(|r| r.category.as_str()), Some("ours-misc"));
        assert!(after.taxonomy.categories.iter().all(|c| c.id.as_str() != "ours-legal"), "an unused category of ours is left behind");
        let misc = after.taxonomy.categories.iter().find(|c| c.id.as_str() == "ours-misc").expect("carried over");
        assert_eq!((misc.label.as_str(), misc.order), ("Misc", 51));
    }

    #[test]
    fn archived_reasons_of_the_setup_archive_ours_but_are_not_brought_in() {
        let ours = Catalog::standard();
        let mut theirs = Taxonomy::standard();
        for reason in theirs.reasons.iter_mut().filter(|r| r.id.as_str() == "lost-poor-demo") {
            reason.archived = true;
        }
        let mut gone = reason("theirs-old", "Old reason", "price", AppliesTo::Lost);
        gone.archived = true;
        theirs.reasons.push(gone);

        let (after, changes) = apply_setup(&ours, &[], &setup_with(theirs));
        assert!(after.taxonomy.reason(&rid("lost-poor-demo")).is_some_and(|r| r.archived));
        assert!(after.taxonomy.reason(&rid("theirs-old")).is_none());
        assert_eq!(changes.reasons_added, 0);
    }

    #[test]
    fn lists_are_united_and_ours_are_kept_as_they_are() {
        let mut ours = Catalog::standard();
        ours.owners = NamedList::from_names(&["Dana", "Luis"], |index, _| OwnerId::new(format!("ours-{index}")));
        ours.owners.set_archived(&OwnerId::new("ours-1"), true);
        ours.competitors = NamedList::from_names(&["Initech"], |_, _| CompetitorId::new("initech"));
        let mut setup = Setup::from_catalog(&Catalog::standard());
        setup.owners = NamedList::from_names(&["dana ", "LUIS", "Mo", "Old"], |index, _| OwnerId::new(format!("theirs-{index}")));
        setup.owners.set_archived(&OwnerId::new("theirs-3"), true);
        setup.competitors = NamedList::from_names(&["Initech Inc", "Globex"], |index, _| CompetitorId::new(["initech", "globex"][index]));
        setup.stages = NamedList::from_names(&["Demo", "Pilot"], |index, _| StageId::new(format!("s{index}")));

        let (after, changes) = apply_setup(&ours, &[], &setup);
        let owners: Vec<(&str, &str, bool)> = after.owners.items.iter().map(|o| (o.id.as_str(), o.name.as_str(), o.archived)).collect();
        assert_eq!(owners, [("ours-0", "Dana", false), ("ours-1", "Luis", false), ("theirs-2", "Mo", false)]);
        let competitors: Vec<&str> = after.competitors.items.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(competitors, ["Initech", "Globex"]);
        assert_eq!(after.stages.items.last().map(|s| s.name.as_str()), Some("Pilot"));
        assert_eq!((changes.owners_added, changes.competitors_added, changes.stages_added), (1, 1, 1));
    }

    #[test]
    fn settings_and_branding_come_from_the_setup_and_rates_stay() {
        let mut ours = Catalog::standard();
        let dollar = Currency::parse("USD").expect("a currency code");
        ours.exchange_rates.set_rate(dollar, Some(920_000));
        let mut setup = Setup::from_catalog(&Catalog::standard());
        setup.settings.require_note_for_other = false;
        setup.branding.title = "Acme wins".into();
        let (after, _) = apply_setup(&ours, &[], &setup);
        assert_eq!(after.settings, setup.settings);
        assert_eq!(after.branding, setup.branding);
        assert_eq!(after.exchange_rates, ours.exchange_rates);
    }

    #[test]
    fn the_sentence_names_only_what_changes() {
        let none = SetupChanges::default();
        assert_eq!(
            none.sentence(),
            "This setup adds or removes no reasons, owners, competitors or stages. Its title, colour and closing rules replace yours; your deals stay as they are."
        );
        let some = SetupChanges { reasons_added: 3, reasons_archived: 1, reasons_removed: 2, owners_added: 1, competitors_added: 0, stages_added: 2 };
        assert_eq!(
            some.sentence(),
            "This setup adds 3 reasons, 1 owner and 2 stages, archives 1 reason your deals still use and removes 2 unused reasons. \
             Its title, colour and closing rules replace yours; your deals stay as they are."
        );
    }
}
