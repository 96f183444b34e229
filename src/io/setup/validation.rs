//! The checks a setup passes before anything of it is applied. A setup comes
//! from someone else's file or link, so every count and text is bounded:
//! nothing in it can make the close panel or the settings page unusable.

use std::collections::HashSet;
use std::fmt::Display;
use std::hash::Hash;

use crate::domain::{NamedList, Settings, Side, Taxonomy};

use super::{Setup, SetupError, SetupPart};

const MAX_REASONS: usize = 500;
const MAX_CATEGORIES: usize = 100;
const MAX_LIST_ENTRIES: usize = 1000;
const MAX_TEXT_CHARS: usize = 200;
const MAX_ID_CHARS: usize = 100;
/// Far above any real list, and far enough below `u32::MAX` that adding
/// reasons and categories after the setup never runs out of places.
const MAX_ORDER: u32 = 1_000_000;

impl Setup {
    /// Checks the contents of the setup: the reason list's own invariants,
    /// every id, label and name, the sizes of the lists, and the branding.
    /// The format marker and version are checked by reading, before the
    /// contents are even parsed.
    pub fn validate(&self) -> Result<(), SetupError> {
        check_reasons(&self.taxonomy, &self.settings).map_err(|problem| SetupError::Invalid { part: SetupPart::Reasons, problem })?;
        check_list(&self.owners, SetupPart::Owners)?;
        check_list(&self.competitors, SetupPart::Competitors)?;
        check_list(&self.stages, SetupPart::Stages)?;
        self.branding.normalised().map_err(SetupError::InvalidBranding)?;
        Ok(())
    }
}

fn check_reasons(taxonomy: &Taxonomy, settings: &Settings) -> Result<(), String> {
    if taxonomy.reasons.len() > MAX_REASONS {
        return Err(format!("it has {} reasons; a setup holds at most {MAX_REASONS}", taxonomy.reasons.len()));
    }
    if taxonomy.categories.len() > MAX_CATEGORIES {
        return Err(format!("it has {} categories; a setup holds at most {MAX_CATEGORIES}", taxonomy.categories.len()));
    }
    taxonomy.validate().map_err(|error| error.to_string())?;
    for category in &taxonomy.categories {
        check_id(category.id.as_str())?;
        check_text(&category.label, &format!("the label of category “{}”", category.id))?;
        check_order(category.order, &format!("category “{}”", category.id))?;
    }
    for reason in &taxonomy.reasons {
        check_id(reason.id.as_str())?;
        check_text(&reason.label, &format!("the label of reason “{}”", reason.id))?;
        check_order(reason.order, &format!("reason “{}”", reason.id))?;
    }
    // A team that must give a reason would be stuck at close with none to pick.
    if settings.require_reason {
        for (side, name) in [(Side::Won, "won"), (Side::Lost, "lost")] {
            if !taxonomy.reasons.iter().any(|reason| reason.offered_for(side)) {
                return Err(format!("closing requires a reason, but no reason is offered for {name} deals"));
            }
        }
    }
    Ok(())
}

fn check_list<Id: Eq + Hash + Display>(list: &NamedList<Id>, part: SetupPart) -> Result<(), SetupError> {
    let invalid = |problem: String| SetupError::Invalid { part, problem };
    if list.items.len() > MAX_LIST_ENTRIES {
        return Err(invalid(format!("it has {} entries; a setup holds at most {MAX_LIST_ENTRIES}", list.items.len())));
    }
    let mut seen = HashSet::new();
    for item in &list.items {
        let id = item.id.to_string();
        check_id(&id).map_err(invalid)?;
        if !seen.insert(&item.id) {
            return Err(invalid(format!("two entries share the id “{id}”")));
        }
        check_text(&item.name, &format!("the name of “{id}”")).map_err(invalid)?;
    }
    Ok(())
}

fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("an id is empty".to_owned());
    }
    if id.chars().count() > MAX_ID_CHARS {
        return Err(format!("an id is longer than {MAX_ID_CHARS} characters"));
    }
    if id.chars().any(char::is_control) {
        return Err("an id holds a control character".to_owned());
    }
    Ok(())
}

fn check_order(order: u32, what: &str) -> Result<(), String> {
    if order > MAX_ORDER {
        return Err(format!("the place of {what} is out of range"));
    }
    Ok(())
}

/// Labels and names: something to read, on one line, of a sensible length.
fn check_text(text: &str, what: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(format!("{what} is empty"));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(format!("{what} is longer than {MAX_TEXT_CHARS} characters"));
    }
    if text.chars().any(char::is_control) {
        return Err(format!("{what} holds a line break or another control character"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Branding, Catalog, CategoryId, NamedItem, OwnerId, ReasonId};

    fn setup() -> Setup {
        let mut catalog = Catalog::standard();
        catalog.owners = NamedList::from_names(&["Dana", "Luis"], |index, _| OwnerId::new(format!("owner-{index}")));
        Setup::from_catalog(&catalog)
    }

    fn problem_in(setup: &Setup) -> Option<(SetupPart, String)> {
        match setup.validate() {
            Err(SetupError::Invalid { part, problem }) => Some((part, problem)),
            _ => None,
        }
    }

    #[test]
    fn the_standard_setup_is_valid() {
        assert_eq!(setup().validate(), Ok(()));
    }

    #[test]
    fn the_taxonomy_keeps_its_own_invariants() {
        let mut broken = setup();
        broken.taxonomy.reasons[1].id = broken.taxonomy.reasons[0].id.clone();
        assert_eq!(problem_in(&broken).map(|(part, _)| part), Some(SetupPart::Reasons));

        let mut dangling = setup();
        dangling.taxonomy.reasons[0].category = CategoryId::new("nowhere");
        assert!(problem_in(&dangling).is_some_and(|(_, problem)| problem.contains("nowhere")));
    }

    #[test]
    fn labels_and_ids_are_bounded() {
        type Breakage = fn(&mut Setup);
        let cases: [(&str, Breakage); 7] = [
            ("is longer than 200", |s| s.taxonomy.reasons[0].label = "x".repeat(201)),
            ("control character", |s| s.taxonomy.reasons[0].label = "Too\nexpensive".into()),
            ("control character", |s| s.taxonomy.categories[0].label = "Price\u{0}".into()),
            ("id is empty", |s| {
                s.taxonomy.reasons[0].id = ReasonId::new("");
            }),
            ("longer than 100", |s| s.taxonomy.categories.push(crate::domain::Category { id: CategoryId::new("c".repeat(101)), label: "Long".into(), order: 99 })),
            ("empty", |s| s.taxonomy.categories[0].label = "  ".into()),
            ("out of range", |s| s.taxonomy.reasons[0].order = u32::MAX),
        ];
        for (expected, break_it) in cases {
            let mut broken = setup();
            break_it(&mut broken);
            let problem = problem_in(&broken).map(|(_, problem)| problem).unwrap_or_default();
            assert!(problem.contains(expected), "{problem:?} does not mention {expected:?}");
        }
        let mut long_but_fine = setup();
        long_but_fine.taxonomy.reasons[0].label = "é".repeat(200);
        assert_eq!(long_but_fine.validate(), Ok(()));
    }

    #[test]
    fn counts_are_bounded() {
        let mut crowded = setup();
        let template = crowded.taxonomy.reasons[0].clone();
        crowded.taxonomy.reasons = (0..=MAX_REASONS).map(|index| crate::domain::Reason { id: ReasonId::new(format!("r{index}")), label: format!("Reason {index}"), ..template.clone() }).collect();
        assert!(problem_in(&crowded).is_some_and(|(_, problem)| problem.contains("501 reasons")));

        let mut many_owners = setup();
        many_owners.owners.items = (0..=MAX_LIST_ENTRIES).map(|index| NamedItem { id: OwnerId::new(format!("o{index}")), name: format!("Owner {index}"), archived: false }).collect();
        assert_eq!(problem_in(&many_owners).map(|(part, _)| part), Some(SetupPart::Owners));
    }

    #[test]
    fn list_entries_need_unique_ids_and_readable_names() {
        let mut duplicated = setup();
        duplicated.owners.items[1].id = OwnerId::new("owner-0");
        assert_eq!(problem_in(&duplicated), Some((SetupPart::Owners, "two entries share the id “owner-0”".into())));

        let mut nameless = setup();
        nameless.stages.items[0].name = String::new();
        assert!(problem_in(&nameless).is_some_and(|(part, _)| part == SetupPart::Stages));
    }

    #[test]
    fn a_required_reason_needs_something_to_pick_on_each_side() {
        let mut lost_only = setup();
        lost_only.taxonomy.reasons.retain(|reason| reason.applies_to == crate::domain::AppliesTo::Lost);
        assert!(problem_in(&lost_only).is_some_and(|(_, problem)| problem.contains("won deals")));
        lost_only.settings.require_reason = false;
        assert_eq!(lost_only.validate(), Ok(()));
    }

    #[test]
    fn the_branding_must_be_usable() {
        let mut unbranded = setup();
        unbranded.branding = Branding { title: "Acme".into(), accent: "red".into() };
        assert!(matches!(unbranded.validate(), Err(SetupError::InvalidBranding(_))));
    }
}
