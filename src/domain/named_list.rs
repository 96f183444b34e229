use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A small editable list of names with stable ids: owners, competitors,
/// stages. Entries are archived rather than deleted, so deals keep meaning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(serialize = "Id: Serialize", deserialize = "Id: Deserialize<'de>"))]
pub struct NamedList<Id> {
    pub items: Vec<NamedItem<Id>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedItem<Id> {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub archived: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum NameError {
    #[error("Enter a name.")]
    Empty,
    #[error("Keep names under 100 characters.")]
    TooLong,
    #[error("“{0}” is already in the list.")]
    Duplicate(String),
}

impl<Id> Default for NamedList<Id> {
    fn default() -> Self {
        NamedList { items: Vec::new() }
    }
}

impl<Id: Clone + PartialEq> NamedList<Id> {
    pub fn from_names(names: &[&str], id_for: impl Fn(usize, &str) -> Id) -> Self {
        let items = names
            .iter()
            .enumerate()
            .map(|(index, name)| NamedItem { id: id_for(index, name), name: (*name).to_owned(), archived: false })
            .collect();
        NamedList { items }
    }

    pub fn get(&self, id: &Id) -> Option<&NamedItem<Id>> {
        self.items.iter().find(|item| &item.id == id)
    }

    pub fn name_of(&self, id: &Id) -> Option<&str> {
        self.get(id).map(|item| item.name.as_str())
    }

    /// The entry with this name, ignoring case and surrounding spaces.
    pub fn find_by_name(&self, name: &str) -> Option<&NamedItem<Id>> {
        let wanted = name.trim().to_lowercase();
        self.items.iter().find(|item| item.name.to_lowercase() == wanted)
    }

    pub fn active(&self) -> impl Iterator<Item = &NamedItem<Id>> {
        self.items.iter().filter(|item| !item.archived)
    }

    fn checked_name(&self, name: &str, except: Option<&Id>) -> Result<String, NameError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        if name.chars().count() > 100 {
            return Err(NameError::TooLong);
        }
        match self.find_by_name(name) {
            Some(existing) if Some(&existing.id) != except => Err(NameError::Duplicate(existing.name.clone())),
            _ => Ok(name.to_owned()),
        }
    }

    /// Adds `name` under the new id `id`, or returns the id of the entry that
    /// already has this name (reviving it if archived).
    pub fn add_or_find(&mut self, name: &str, id: Id) -> Result<Id, NameError> {
        if let Some(existing) = self.items.iter_mut().find(|item| item.name.to_lowercase() == name.trim().to_lowercase()) {
            existing.archived = false;
            return Ok(existing.id.clone());
        }
        let name = self.checked_name(name, None)?;
        self.items.push(NamedItem { id: id.clone(), name, archived: false });
        Ok(id)
    }

    pub fn rename(&mut self, id: &Id, name: &str) -> Result<(), NameError> {
        let name = self.checked_name(name, Some(id))?;
        if let Some(item) = self.items.iter_mut().find(|item| &item.id == id) {
            item.name = name;
        }
        Ok(())
    }

    pub fn set_archived(&mut self, id: &Id, archived: bool) {
        if let Some(item) = self.items.iter_mut().find(|item| &item.id == id) {
            item.archived = archived;
        }
    }

    /// Moves an entry one place up (`-1`) or down (`1`).
    pub fn shift(&mut self, id: &Id, by: isize) {
        if let Some(at) = self.items.iter().position(|item| &item.id == id) {
            let target = at as isize + by;
            if (0..self.items.len() as isize).contains(&target) {
                self.items.swap(at, target as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CompetitorId;

    fn list() -> NamedList<CompetitorId> {
        NamedList::from_names(&["Initech", "Globex"], |i, _| CompetitorId::new(format!("c{i}")))
    }

    #[test]
    fn adding_an_existing_name_returns_its_id_instead_of_a_duplicate() {
        let mut competitors = list();
        competitors.set_archived(&CompetitorId::new("c0"), true);
        let id = competitors.add_or_find("  initech ", CompetitorId::new("new"));
        assert_eq!(id, Ok(CompetitorId::new("c0")));
        assert_eq!(competitors.items.len(), 2);
        assert!(!competitors.items[0].archived, "using it again revives it");
    }

    #[test]
    fn names_are_checked() {
        let mut competitors = list();
        assert_eq!(competitors.add_or_find("  ", CompetitorId::new("x")), Err(NameError::Empty));
        assert_eq!(
            competitors.rename(&CompetitorId::new("c1"), "INITECH"),
            Err(NameError::Duplicate("Initech".into()))
        );
        assert_eq!(competitors.rename(&CompetitorId::new("c1"), "Globex Corp"), Ok(()));
        assert_eq!(competitors.name_of(&CompetitorId::new("c1")), Some("Globex Corp"));
        assert_eq!(competitors.rename(&CompetitorId::new("c0"), "initech"), Ok(()), "a change of case is fine");
    }

    #[test]
    fn entries_move_within_bounds() {
        let mut competitors = list();
        competitors.shift(&CompetitorId::new("c1"), -1);
        competitors.shift(&CompetitorId::new("c1"), -1);
        let names: Vec<&str> = competitors.items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["Globex", "Initech"]);
    }
}
