//! The deals an import may meet again: those already stored and those
//! planned from earlier rows of the file, found by every key that says two
//! rows are one deal.

use std::hash::BuildHasher;

use chrono::NaiveDate;
use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::domain::{Deal, DealId};

/// Where a known deal is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Slot {
    /// Stored before the import, unchanged so far.
    Stored(usize),
    /// New or changed by this import.
    Planned(usize),
}

/// What identifies the deal of a row.
#[derive(Clone, Copy, Debug)]
pub(super) struct DealKeys<'a> {
    pub(super) deal_id: &'a str,
    pub(super) source_id: &'a str,
    pub(super) name: &'a str,
    pub(super) account: &'a str,
    pub(super) close_date: Option<NaiveDate>,
}

/// Name, account and close date, without case or surrounding spaces.
type NaturalKey = (String, String, Option<NaiveDate>);

fn natural_key(name: &str, account: &str, close_date: Option<NaiveDate>) -> NaturalKey {
    (name.trim().to_lowercase(), account.trim().to_lowercase(), close_date)
}

fn natural_key_of(deal: &Deal) -> NaturalKey {
    natural_key(&deal.name, &deal.account, deal.close_date)
}

/// The deals themselves: stored ones, and the import's new and changed ones.
#[derive(Clone, Debug, Default)]
struct Deals {
    stored: Vec<Deal>,
    /// For each stored deal, its planned copy once the import changed it.
    replaced_by: Vec<Option<usize>>,
    planned: Vec<Deal>,
}

impl Deals {
    /// A stored deal the import changed is found as its planned copy.
    fn current(&self, slot: Slot) -> Slot {
        match slot {
            Slot::Stored(index) => match self.replaced_by.get(index).copied().flatten() {
                Some(planned) => Slot::Planned(planned),
                None => slot,
            },
            planned => planned,
        }
    }

    fn get(&self, slot: Slot) -> Option<&Deal> {
        match self.current(slot) {
            Slot::Stored(index) => self.stored.get(index),
            Slot::Planned(index) => self.planned.get(index),
        }
    }
}

/// Deals by one of their ids. Only the id's hash is kept, the id itself
/// being in the deal: a hundred thousand deals are indexed without a copy
/// of their ids. Two ids of one hash, which almost never happens, are
/// kept in full.
#[derive(Clone, Debug, Default)]
struct IdIndex {
    by_hash: FxHashMap<u64, Slot>,
    colliding: FxHashMap<String, Slot>,
}

impl IdIndex {
    fn find(&self, id: &str, deals: &Deals, id_of: fn(&Deal) -> &str) -> Option<Slot> {
        let by_hash = self.by_hash.get(&FxBuildHasher.hash_one(id)).filter(|slot| deals.get(**slot).map(id_of) == Some(id));
        by_hash.or_else(|| self.colliding.get(id)).copied()
    }

    /// Indexes `slot` under `id`; `replace` makes the id point to it even
    /// if another deal had it.
    fn insert(&mut self, id: &str, slot: Slot, replace: bool, deals: &Deals, id_of: fn(&Deal) -> &str) {
        let hash = FxBuildHasher.hash_one(id);
        match self.by_hash.get_mut(&hash) {
            None => {
                self.by_hash.insert(hash, slot);
            }
            Some(indexed) if deals.get(*indexed).map(id_of) == Some(id) => {
                if replace {
                    *indexed = slot;
                }
            }
            Some(_) => index_under(&mut self.colliding, id.to_owned(), slot, replace),
        }
    }

    fn reserve(&mut self, additional: usize) {
        self.by_hash.reserve(additional);
    }
}

fn deal_id_of(deal: &Deal) -> &str {
    deal.id.as_str()
}

fn source_id_of(deal: &Deal) -> &str {
    &deal.source_id
}

#[derive(Clone, Debug, Default)]
pub(super) struct KnownDeals {
    deals: Deals,
    by_id: IdIndex,
    by_source_id: IdIndex,
    /// Built when the first row without ids asks: CRM exports give every
    /// row an id, and these keys cost the most to make.
    by_natural_key: Option<FxHashMap<NaturalKey, Slot>>,
}

impl KnownDeals {
    pub(super) fn new(stored: &[Deal]) -> KnownDeals {
        let deals = Deals { stored: stored.to_vec(), replaced_by: vec![None; stored.len()], planned: Vec::new() };
        let mut known = KnownDeals { deals, ..KnownDeals::default() };
        // A stored deal is found by its ids before any later one sharing them.
        for (index, deal) in stored.iter().enumerate() {
            known.by_id.insert(deal.id.as_str(), Slot::Stored(index), false, &known.deals, deal_id_of);
            if !deal.source_id.is_empty() {
                known.by_source_id.insert(&deal.source_id, Slot::Stored(index), false, &known.deals, source_id_of);
            }
        }
        known
    }

    /// The known deal the row's keys identify: by Winloss id, else by CRM
    /// id, else, when the row has neither, by name, account and close date.
    pub(super) fn find(&mut self, keys: &DealKeys) -> Option<Slot> {
        let by_id = || (!keys.deal_id.is_empty()).then(|| self.by_id.find(keys.deal_id, &self.deals, deal_id_of)).flatten();
        let by_source_id =
            || (!keys.source_id.is_empty()).then(|| self.by_source_id.find(keys.source_id, &self.deals, source_id_of)).flatten();
        let found = match by_id().or_else(by_source_id) {
            Some(slot) => Some(slot),
            None if keys.deal_id.is_empty() && keys.source_id.is_empty() => {
                self.by_natural_key().get(&natural_key(keys.name, keys.account, keys.close_date)).copied()
            }
            None => None,
        };
        found.map(|slot| self.deals.current(slot))
    }

    /// Whether a deal already has this id.
    pub(super) fn has_id(&self, id: &DealId) -> bool {
        self.by_id.find(id.as_str(), &self.deals, deal_id_of).is_some()
    }

    pub(super) fn get(&self, slot: Slot) -> Option<&Deal> {
        self.deals.get(slot)
    }

    /// Plans `deal`: a new one, or the new version of the deal in `slot`.
    pub(super) fn plan(&mut self, deal: Deal, slot: Option<Slot>) {
        let deals = &mut self.deals;
        let planned = match slot.map(|slot| deals.current(slot)) {
            Some(Slot::Planned(index)) if index < deals.planned.len() => {
                deals.planned[index] = deal;
                index
            }
            Some(Slot::Stored(index)) if index < deals.stored.len() => {
                deals.planned.push(deal);
                deals.replaced_by[index] = Some(deals.planned.len() - 1);
                deals.planned.len() - 1
            }
            _ => {
                deals.planned.push(deal);
                deals.planned.len() - 1
            }
        };
        let deal = &self.deals.planned[planned];
        let slot = Slot::Planned(planned);
        self.by_id.insert(deal.id.as_str(), slot, true, &self.deals, deal_id_of);
        if !deal.source_id.is_empty() {
            self.by_source_id.insert(&deal.source_id, slot, true, &self.deals, source_id_of);
        }
        if let Some(by_natural_key) = &mut self.by_natural_key {
            by_natural_key.insert(natural_key_of(deal), slot);
        }
    }

    /// Makes room for `additional` more planned deals at once.
    pub(super) fn reserve(&mut self, additional: usize) {
        self.deals.planned.reserve(additional);
        self.by_id.reserve(additional);
        self.by_source_id.reserve(additional);
        if let Some(by_natural_key) = &mut self.by_natural_key {
            by_natural_key.reserve(additional);
        }
    }

    /// Every new or changed deal, in the order first planned.
    pub(super) fn into_planned(self) -> Vec<Deal> {
        self.deals.planned
    }

    fn by_natural_key(&mut self) -> &FxHashMap<NaturalKey, Slot> {
        let deals = &self.deals;
        self.by_natural_key.get_or_insert_with(|| {
            let mut by_natural_key = FxHashMap::default();
            for (index, deal) in deals.stored.iter().enumerate() {
                index_under(&mut by_natural_key, natural_key_of(deal), Slot::Stored(index), false);
            }
            // A changed deal is found by its new keys as well as its old ones.
            for (index, deal) in deals.planned.iter().enumerate() {
                index_under(&mut by_natural_key, natural_key_of(deal), Slot::Planned(index), true);
            }
            by_natural_key
        })
    }
}

fn index_under<K: std::hash::Hash + Eq>(map: &mut FxHashMap<K, Slot>, key: K, slot: Slot, replace: bool) {
    if replace {
        map.insert(key, slot);
    } else {
        map.entry(key).or_insert(slot);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn deal(id: &str, source_id: &str, name: &str, close_date: Option<NaiveDate>) -> Deal {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        Deal { source_id: source_id.into(), account: "Acme".into(), close_date, ..Deal::new_open(DealId::new(id), name, today, DateTime::UNIX_EPOCH) }
    }

    fn keys<'a>(deal_id: &'a str, source_id: &'a str, name: &'a str, close_date: Option<NaiveDate>) -> DealKeys<'a> {
        DealKeys { deal_id, source_id, name, account: " ACME ", close_date }
    }

    #[test]
    fn deals_are_found_by_id_then_crm_id_then_name_account_and_date() {
        let march = NaiveDate::from_ymd_opt(2026, 3, 1);
        let mut known = KnownDeals::new(&[deal("d1", "", "Renewal", march), deal("d2", "006A", "Pilot", None)]);
        assert_eq!(known.find(&keys("d1", "", "Other name", None)), Some(Slot::Stored(0)));
        assert_eq!(known.find(&keys("", "006A", "Other name", None)), Some(Slot::Stored(1)));
        assert_eq!(known.find(&keys("", "006a", "Pilot", None)), None, "CRM ids keep their case");
        assert_eq!(known.find(&keys("", "", " renewal", march)), Some(Slot::Stored(0)));
        assert_eq!(known.find(&keys("", "", "Renewal", None)), None, "another close date is another deal");
        assert_eq!(known.find(&keys("d9", "", "Renewal", march)), None, "names only count for rows without ids");
        assert!(known.has_id(&DealId::new("d2")));
    }

    #[test]
    fn a_changed_deal_is_found_as_its_planned_copy() {
        let mut known = KnownDeals::new(&[deal("d1", "", "Renewal", None)]);
        known.plan(deal("d1", "", "Renewal 2026", None), Some(Slot::Stored(0)));
        assert_eq!(known.find(&keys("d1", "", "", None)), Some(Slot::Planned(0)));
        assert_eq!(known.find(&keys("", "", "renewal", None)), Some(Slot::Planned(0)), "the old name still finds it");
        assert_eq!(known.get(Slot::Stored(0)).map(|deal| deal.name.as_str()), Some("Renewal 2026"));
        known.plan(deal("n1", "", "New", None), None);
        assert_eq!(known.find(&keys("n1", "", "", None)), Some(Slot::Planned(1)));
        assert_eq!(known.find(&keys("", "", "new", None)), Some(Slot::Planned(1)));
        assert_eq!(known.into_planned().len(), 2);
    }

    #[test]
    fn a_crm_id_a_deal_gave_up_can_be_taken_by_another() {
        let mut known = KnownDeals::new(&[deal("d1", "006A", "Renewal", None)]);
        known.plan(deal("d1", "006B", "Renewal", None), Some(Slot::Stored(0)));
        assert_eq!(known.find(&keys("", "006A", "", None)), None);
        known.plan(deal("d2", "006A", "Pilot", None), None);
        assert_eq!(known.find(&keys("", "006A", "", None)), Some(Slot::Planned(1)));
        assert_eq!(known.find(&keys("", "006B", "", None)), Some(Slot::Planned(0)));
    }
}
