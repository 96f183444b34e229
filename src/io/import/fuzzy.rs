//! Finding the catalog entry an imported text means: the same words first,
//! then the closest spelling ("Missing features" is "Missing feature").

use crate::domain::{NamedList, ReasonId, Side, Taxonomy};

use super::Choice;

/// How alike two normalised texts must be to be taken for one another:
/// typos and plurals pass, other words do not. Jaro-Winkler alone rewards a
/// shared beginning so much that "Champion left the company" would be
/// "Champion left"; the edit distance keeps the rest of the text in play.
const SIMILAR_JARO_WINKLER: f64 = 0.88;
const SIMILAR_LEVENSHTEIN: f64 = 0.75;

/// Texts shorter than this match exactly or not at all: a letter is too
/// much of "Tax" to guess.
const SHORTEST_FUZZY: usize = 4;

/// The text in lower case, its words separated by single spaces.
pub(super) fn normalised(text: &str) -> String {
    let mut words = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()) {
        if !words.is_empty() {
            words.push(' ');
        }
        words.extend(word.chars().flat_map(char::to_lowercase));
    }
    words
}

/// The candidate whose name has the same words as `wanted`, else the most
/// alike one if alike enough.
fn closest<'c, T>(wanted: &str, candidates: impl Iterator<Item = (&'c str, T)>) -> Option<T> {
    let wanted = normalised(wanted);
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<(f64, T)> = None;
    for (name, candidate) in candidates {
        let name = normalised(name);
        if name == wanted {
            return Some(candidate);
        }
        if wanted.chars().count() < SHORTEST_FUZZY || name.chars().count() < SHORTEST_FUZZY {
            continue;
        }
        let score = strsim::jaro_winkler(&wanted, &name);
        let alike = score >= SIMILAR_JARO_WINKLER && strsim::normalized_levenshtein(&wanted, &name) >= SIMILAR_LEVENSHTEIN;
        if alike && best.as_ref().is_none_or(|(best_score, _)| score > *best_score) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// The current reason for `side` that `label` means, else a new one.
/// Archived reasons are not offered: the team chose to stop using them.
pub(super) fn suggest_reason(label: &str, side: Side, taxonomy: &Taxonomy) -> Choice<ReasonId> {
    let offered = taxonomy.reasons.iter().filter(|reason| reason.offered_for(side));
    match closest(label, offered.map(|reason| (reason.label.as_str(), &reason.id))) {
        Some(id) => Choice::Existing(id.clone()),
        None => Choice::New,
    }
}

/// The entry `name` means: any entry of that name, archived or not (an old
/// deal may well belong to someone who left), else the closest current
/// one, else a new one.
pub(super) fn suggest_name<Id: Clone + PartialEq>(name: &str, list: &NamedList<Id>) -> Choice<Id> {
    let same_words = normalised(name);
    if let Some(item) = list.items.iter().find(|item| normalised(&item.name) == same_words) {
        return Choice::Existing(item.id.clone());
    }
    match closest(name, list.active().map(|item| (item.name.as_str(), &item.id))) {
        Some(id) => Choice::Existing(id.clone()),
        None => Choice::New,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Catalog, OwnerId};

    fn reason(label: &str, side: Side, taxonomy: &Taxonomy) -> Choice<String> {
        match suggest_reason(label, side, taxonomy) {
            Choice::Existing(id) => Choice::Existing(id.as_str().to_owned()),
            Choice::New => Choice::New,
            Choice::Ignore => Choice::Ignore,
        }
    }

    fn existing(id: &str) -> Choice<String> {
        Choice::Existing(id.to_owned())
    }

    #[test]
    fn words_are_compared_without_case_or_punctuation() {
        assert_eq!(normalised("  Too   EXPENSIVE!! "), "too expensive");
        assert_eq!(normalised("Competitor's product"), "competitor s product");
        assert_eq!(normalised("—"), "");
    }

    #[test]
    fn reasons_match_by_label_then_by_spelling() {
        let taxonomy = Taxonomy::standard();
        assert_eq!(reason("too expensive", Side::Lost, &taxonomy), existing("lost-too-expensive"));
        assert_eq!(reason("Missing features", Side::Lost, &taxonomy), existing("lost-missing-feature"));
        assert_eq!(reason("No budjet", Side::Lost, &taxonomy), existing("lost-no-budget"));
        assert_eq!(reason("Champion left the company", Side::Lost, &taxonomy), Choice::New);
        assert_eq!(reason("Price", Side::Lost, &taxonomy), Choice::New);
        assert_eq!(reason("Timing", Side::Lost, &taxonomy), Choice::New);
        assert_eq!(reason("Other", Side::Won, &taxonomy), existing("other"));
    }

    #[test]
    fn reasons_only_match_their_own_side() {
        let taxonomy = Taxonomy::standard();
        assert_eq!(reason("Too expensive", Side::Won, &taxonomy), Choice::New);
        assert_eq!(reason("Urgent need", Side::Won, &taxonomy), existing("won-urgent-need"));
    }

    #[test]
    fn an_archived_reason_is_not_suggested() {
        let mut taxonomy = Taxonomy::standard();
        if let Some(reason) = taxonomy.reasons.iter_mut().find(|reason| reason.id.as_str() == "lost-no-budget") {
            reason.archived = true;
        }
        assert_eq!(reason("No budget", Side::Lost, &taxonomy), Choice::New);
    }

    #[test]
    fn names_match_archived_entries_exactly_and_current_ones_loosely() {
        let mut owners = Catalog::standard().owners;
        let dana = owners.add_or_find("Dana Smith", OwnerId::new("dana")).unwrap_or_else(|_| OwnerId::new("dana"));
        let luis = owners.add_or_find("Luis Ortega", OwnerId::new("luis")).unwrap_or_else(|_| OwnerId::new("luis"));
        owners.set_archived(&luis, true);
        assert_eq!(suggest_name("dana smith", &owners), Choice::Existing(dana.clone()));
        assert_eq!(suggest_name("Dana Smyth", &owners), Choice::Existing(dana));
        assert_eq!(suggest_name("LUIS ORTEGA", &owners), Choice::Existing(luis));
        assert_eq!(suggest_name("Luis Ortego", &owners), Choice::New, "archived entries are matched exactly only");
        assert_eq!(suggest_name("Dan", &owners), Choice::New);
        assert_eq!(suggest_name("Priya Patel", &owners), Choice::New);
    }
}
