//! The wizard's answers turned into catalog ids, once per distinct text,
//! adding the owners, competitors, stages and reasons the file brings. An
//! entry is only added when a deal that is imported refers to it.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;

use crate::domain::{AppliesTo, CategoryId, NamedList, ReasonId, Side, Taxonomy};

use super::distinct::text_key;
use super::fuzzy::{suggest_name, suggest_reason};
use super::Choice;

/// Longest readable part of an id made from a name.
const SLUG_LENGTH: usize = 60;

/// The id of the category new reasons go to.
const OTHER_CATEGORY: &str = "other";

/// `text` as an id part: lower case, words joined by `-`.
fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if slug.chars().count() >= SLUG_LENGTH {
            break;
        }
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() { "imported".to_owned() } else { slug.to_owned() }
}

/// `base`, or `base-2`, `base-3`… whichever `taken` says is free.
fn free_id(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..).map(|n| format!("{base}-{n}")).find(|candidate| !taken(candidate)).unwrap_or(base)
}

/// Owners, competitors or stages: the answer for each name, resolved the
/// first time a deal refers to it.
#[derive(Clone, Debug)]
pub(super) struct NameResolver<Id> {
    answers: FxHashMap<String, Choice<Id>>,
    resolved: FxHashMap<String, Option<Id>>,
    /// New ids read `<prefix>:<name>`, such as `owner:dana-smith`.
    id_prefix: &'static str,
}

impl<Id: Clone + PartialEq> NameResolver<Id> {
    pub(super) fn new(answers: &HashMap<String, Choice<Id>>, id_prefix: &'static str) -> Self {
        let answers = answers.iter().map(|(name, choice)| (text_key(name), choice.clone())).collect();
        NameResolver { answers, resolved: FxHashMap::default(), id_prefix }
    }

    /// The id `name` stands for, adding it to `list` when the answer is a
    /// new entry; `None` when it is to be ignored (or is empty).
    pub(super) fn resolve(&mut self, name: &str, list: &mut NamedList<Id>, make_id: fn(String) -> Id) -> Option<Id> {
        if let Some(resolved) = self.resolved.get(name) {
            return resolved.clone();
        }
        let resolved = self.resolve_anew(name, list, make_id);
        self.resolved.insert(name.to_owned(), resolved.clone());
        resolved
    }

    fn resolve_anew(&mut self, name: &str, list: &mut NamedList<Id>, make_id: fn(String) -> Id) -> Option<Id> {
        if name.trim().is_empty() {
            return None;
        }
        let choice = self.answers.get(&text_key(name)).cloned().unwrap_or_else(|| suggest_name(name, list));
        match choice {
            Choice::Ignore => None,
            Choice::Existing(id) if list.get(&id).is_some() => Some(id),
            Choice::Existing(_) | Choice::New => {
                let base = format!("{}:{}", self.id_prefix, slug(name));
                let id = make_id(free_id(base, |candidate| list.get(&make_id(candidate.to_owned())).is_some()));
                list.add_or_find(name, id).ok()
            }
        }
    }
}

/// Reason labels of each side: the answer for each, resolved the first
/// time a deal cites it.
#[derive(Clone, Debug)]
pub(super) struct ReasonResolver {
    answers: FxHashMap<(Side, String), Choice<ReasonId>>,
    lost: FxHashMap<String, Option<ReasonId>>,
    won: FxHashMap<String, Option<ReasonId>>,
    /// Reasons this import added: one may be widened to both sides when the
    /// other side cites the same label.
    created: HashSet<ReasonId>,
}

impl ReasonResolver {
    pub(super) fn new(answers: &HashMap<(Side, String), Choice<ReasonId>>) -> Self {
        let answers = answers.iter().map(|((side, label), choice)| ((*side, text_key(label)), choice.clone())).collect();
        ReasonResolver { answers, lost: FxHashMap::default(), won: FxHashMap::default(), created: HashSet::new() }
    }

    /// The reason `label` stands for on `side`, added to `taxonomy` when
    /// the answer is a new reason; `None` when it is to be ignored.
    pub(super) fn resolve(&mut self, label: &str, side: Side, taxonomy: &mut Taxonomy) -> Option<ReasonId> {
        let cached = match side {
            Side::Lost => self.lost.get(label),
            Side::Won => self.won.get(label),
        };
        if let Some(resolved) = cached {
            return resolved.clone();
        }
        let resolved = self.resolve_anew(label, side, taxonomy);
        let cache = match side {
            Side::Lost => &mut self.lost,
            Side::Won => &mut self.won,
        };
        cache.insert(label.to_owned(), resolved.clone());
        resolved
    }

    fn resolve_anew(&mut self, label: &str, side: Side, taxonomy: &mut Taxonomy) -> Option<ReasonId> {
        let label = label.trim();
        if label.is_empty() {
            return None;
        }
        let choice = self.answers.get(&(side, text_key(label))).cloned().unwrap_or_else(|| suggest_reason(label, side, taxonomy));
        match choice {
            Choice::Ignore => None,
            Choice::Existing(id) if taxonomy.reason(&id).is_some() => Some(id),
            Choice::Existing(_) | Choice::New => self.add_reason(label, side, taxonomy),
        }
    }

    /// A new reason for `side` in the "Other" category. Labels are unique
    /// in a taxonomy, so a label already there is reused when it applies to
    /// `side` (an archived reason, say), widened when this import added it
    /// for the other side, and otherwise told apart by its side.
    fn add_reason(&mut self, label: &str, side: Side, taxonomy: &mut Taxonomy) -> Option<ReasonId> {
        let side_word = match side {
            Side::Won => "won",
            Side::Lost => "lost",
        };
        for attempt in 1..=100 {
            let candidate = match attempt {
                1 => label.to_owned(),
                2 => format!("{label} ({side_word})"),
                n => format!("{label} ({side_word} {})", n - 1),
            };
            let same_label = taxonomy.reasons.iter().find(|reason| reason.label.trim().eq_ignore_ascii_case(&candidate));
            match same_label {
                Some(reason) if reason.applies_to.includes(side) => return Some(reason.id.clone()),
                Some(reason) if self.created.contains(&reason.id) => {
                    let id = reason.id.clone();
                    taxonomy.set_reason_side(&id, AppliesTo::Both).ok()?;
                    return Some(id);
                }
                Some(_) => continue,
                None => {
                    let category = other_category(taxonomy)?;
                    let id = ReasonId::new(free_id(format!("{side_word}-{}", slug(label)), |candidate| {
                        taxonomy.reason(&ReasonId::new(candidate)).is_some()
                    }));
                    let applies_to = match side {
                        Side::Won => AppliesTo::Won,
                        Side::Lost => AppliesTo::Lost,
                    };
                    taxonomy.add_reason(id.clone(), &candidate, category, applies_to).ok()?;
                    self.created.insert(id.clone());
                    return Some(id);
                }
            }
        }
        None
    }
}

/// The standard "Other" category, found by id or label, or added back if
/// the team deleted it.
fn other_category(taxonomy: &mut Taxonomy) -> Option<CategoryId> {
    let found = taxonomy
        .categories
        .iter()
        .find(|category| category.id.as_str() == OTHER_CATEGORY)
        .or_else(|| taxonomy.categories.iter().find(|category| category.label.trim().eq_ignore_ascii_case("Other")));
    if let Some(category) = found {
        return Some(category.id.clone());
    }
    let id = CategoryId::new(OTHER_CATEGORY);
    taxonomy.add_category(id.clone(), "Other").ok()?;
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Catalog, OwnerId};

    #[test]
    fn slugs_read_like_the_name() {
        assert_eq!(slug("Dana  Smith-Jones!"), "dana-smith-jones");
        assert_eq!(slug("Zu teuer für uns"), "zu-teuer-für-uns");
        assert_eq!(slug("—"), "imported");
        assert_eq!(slug(&"x".repeat(500)).len(), SLUG_LENGTH);
    }

    #[test]
    fn new_names_get_readable_ids_that_do_not_collide() {
        let mut owners = Catalog::standard().owners;
        owners.add_or_find("Someone else", OwnerId::new("owner:dana")).ok();
        let mut resolver = NameResolver::new(&HashMap::from([("Dana".to_owned(), Choice::New), ("Bot".to_owned(), Choice::Ignore)]), "owner");
        let dana = resolver.resolve("Dana", &mut owners, OwnerId::new);
        assert_eq!(dana, Some(OwnerId::new("owner:dana-2")));
        assert_eq!(resolver.resolve("DANA", &mut owners, OwnerId::new), dana, "one owner whatever the case");
        assert_eq!(resolver.resolve("Bot", &mut owners, OwnerId::new), None);
        assert_eq!(resolver.resolve("Luis", &mut owners, OwnerId::new), Some(OwnerId::new("owner:luis")), "unanswered names are resolved as suggested");
        assert_eq!(owners.items.len(), 3);
    }

    #[test]
    fn new_reasons_go_to_other_and_apply_to_their_side() {
        let mut taxonomy = Taxonomy::standard();
        let answers = HashMap::from([((Side::Lost, "Price".to_owned()), Choice::New), ((Side::Won, "price".to_owned()), Choice::New)]);
        let mut resolver = ReasonResolver::new(&answers);
        let price = resolver.resolve("Price", Side::Lost, &mut taxonomy);
        assert_eq!(price, Some(ReasonId::new("lost-price")));
        let added = price.as_ref().and_then(|id| taxonomy.reason(id)).cloned();
        assert_eq!(added.as_ref().map(|r| (r.label.as_str(), r.category.as_str(), r.applies_to)), Some(("Price", "other", AppliesTo::Lost)));
        assert_eq!(resolver.resolve("price", Side::Won, &mut taxonomy), price, "the other side widens the new reason");
        assert_eq!(price.as_ref().and_then(|id| taxonomy.reason(id)).map(|r| r.applies_to), Some(AppliesTo::Both));
        assert!(taxonomy.validate().is_ok());
    }

    #[test]
    fn a_label_taken_by_the_other_side_is_told_apart() {
        let mut taxonomy = Taxonomy::standard();
        let answers = HashMap::from([((Side::Won, "Too expensive".to_owned()), Choice::New)]);
        let id = ReasonResolver::new(&answers).resolve("Too expensive", Side::Won, &mut taxonomy);
        assert_eq!(id, Some(ReasonId::new("won-too-expensive")));
        assert_eq!(id.and_then(|id| taxonomy.reason(&id)).map(|r| r.label.clone()), Some("Too expensive (won)".to_owned()));
        assert!(taxonomy.validate().is_ok());
    }

    #[test]
    fn an_archived_reason_of_the_same_label_is_reused_rather_than_doubled() {
        let mut taxonomy = Taxonomy::standard();
        let no_budget = ReasonId::new("lost-no-budget");
        taxonomy.set_reason_archived(&no_budget, true).ok();
        let id = ReasonResolver::new(&HashMap::new()).resolve("No budget", Side::Lost, &mut taxonomy);
        assert_eq!(id, Some(no_budget));
    }

    #[test]
    fn the_other_category_comes_back_when_deleted() {
        let mut taxonomy = Taxonomy::standard();
        taxonomy.reasons.retain(|reason| reason.category.as_str() != "other");
        taxonomy.categories.retain(|category| category.id.as_str() != "other");
        let id = ReasonResolver::new(&HashMap::new()).resolve("Bad luck", Side::Lost, &mut taxonomy);
        assert_eq!(id.and_then(|id| taxonomy.reason(&id)).map(|r| r.category.as_str().to_owned()), Some("other".to_owned()));
    }
}
