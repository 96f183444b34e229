//! The deals as the dashboard reads them: one small fixed-size row per deal,
//! every id replaced by a number. Built once when deals are loaded and kept
//! up to date row by row as deals change, so a recompute of the whole
//! dashboard walks 100,000 rows of plain numbers instead of 100,000 deals of
//! scattered strings.

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;

use crate::domain::{Deal, Outcome};

/// No owner, no competitor, no reason…
pub const NONE: u32 = u32::MAX;
/// No close date.
pub const NO_DATE: i32 = i32::MIN;

/// Ids (or tag texts, or currency codes) and their numbers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Interner {
    texts: Vec<String>,
    slots: FxHashMap<String, u32>,
}

impl Interner {
    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&slot) = self.slots.get(text) {
            return slot;
        }
        let slot = self.texts.len() as u32;
        self.texts.push(text.to_owned());
        self.slots.insert(text.to_owned(), slot);
        slot
    }

    fn optional(&mut self, text: Option<&str>) -> u32 {
        text.map_or(NONE, |text| self.intern(text))
    }

    pub fn slot(&self, text: &str) -> Option<u32> {
        self.slots.get(text).copied()
    }

    pub fn texts(&self) -> &[String] {
        &self.texts
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fact {
    pub outcome: Outcome,
    /// Days from the common era, or [`NO_DATE`].
    pub close: i32,
    pub created: i32,
    /// year × 12 + month − 1 of the close date.
    pub close_month: i32,
    pub reason: u32,
    pub secondary_at: u32,
    pub secondary_len: u32,
    pub owner: u32,
    pub competitor: u32,
    pub stage: u32,
    pub tags: [u32; 3],
    pub currency: u32,
    pub minor: i64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    rows: Vec<Fact>,
    /// Secondary reasons of every row, each row's in one run.
    secondary: Vec<u32>,
    pub reasons: Interner,
    pub owners: Interner,
    pub competitors: Interner,
    pub stages: Interner,
    pub tags: Interner,
    pub currencies: Interner,
}

pub fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

impl Facts {
    pub fn new(deals: &[Deal]) -> Facts {
        let mut facts = Facts { rows: Vec::with_capacity(deals.len()), ..Facts::default() };
        for deal in deals {
            let row = facts.row(deal);
            facts.rows.push(row);
        }
        facts
    }

    fn row(&mut self, deal: &Deal) -> Fact {
        let secondary_at = self.secondary.len() as u32;
        for reason in &deal.secondary_reasons {
            let slot = self.reasons.intern(reason.as_str());
            self.secondary.push(slot);
        }
        let tag = |interner: &mut Interner, text: &str| if text.is_empty() { NONE } else { interner.intern(text) };
        Fact {
            outcome: deal.outcome,
            close: deal.close_date.map_or(NO_DATE, day_number),
            created: day_number(deal.created_on),
            close_month: deal.close_date.map_or(NO_DATE, |date| date.year() * 12 + date.month0() as i32),
            reason: self.reasons.optional(deal.reason.as_ref().map(|id| id.as_str())),
            secondary_at,
            secondary_len: deal.secondary_reasons.len() as u32,
            owner: self.owners.optional(deal.owner.as_ref().map(|id| id.as_str())),
            competitor: self.competitors.optional(deal.competitor.as_ref().map(|id| id.as_str())),
            stage: self.stages.optional(deal.stage.as_ref().map(|id| id.as_str())),
            tags: [
                tag(&mut self.tags, &deal.tags.product),
                tag(&mut self.tags, &deal.tags.segment),
                tag(&mut self.tags, &deal.tags.source),
            ],
            currency: self.currencies.optional(deal.amount.as_ref().map(|money| money.currency.code())),
            minor: deal.amount.as_ref().map_or(0, |money| money.minor),
        }
    }

    /// Replaces the row at `at` (the deal's position in the app's list), or
    /// appends it when `at` is the end. A changed deal's old secondary
    /// reasons stay unused in the pool until the next full build.
    pub fn set(&mut self, at: usize, deal: &Deal) {
        let row = self.row(deal);
        match self.rows.get_mut(at) {
            Some(existing) => *existing = row,
            None => self.rows.push(row),
        }
    }

    pub fn rows(&self) -> &[Fact] {
        &self.rows
    }

    #[inline(always)]
    pub fn secondary(&self, fact: &Fact) -> &[u32] {
        let start = fact.secondary_at as usize;
        self.secondary.get(start..start + fact.secondary_len as usize).unwrap_or(&[])
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Catalog;
    use crate::sample::sample_deals;

    #[test]
    fn updating_rows_one_by_one_matches_a_fresh_build() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).expect("date");
        let mut deals = sample_deals(300, 3, today, &mut Catalog::standard());
        let mut facts = Facts::new(&deals);
        deals[10].secondary_reasons.clear();
        deals[10].outcome = Outcome::Won;
        facts.set(10, &deals[10]);
        let extra = sample_deals(1, 99, today, &mut Catalog::standard()).remove(0);
        deals.push(extra);
        facts.set(300, &deals[300]);
        let fresh = Facts::new(&deals);
        assert_eq!(facts.rows().len(), 301);
        for (at, (kept, built)) in facts.rows().iter().zip(fresh.rows()).enumerate() {
            let same_ids = |f: &Facts, row: &Fact| {
                (f.reasons.texts().get(row.reason as usize).cloned(), f.secondary(row).iter().map(|s| f.reasons.texts()[*s as usize].clone()).collect::<Vec<_>>())
            };
            assert_eq!(same_ids(&facts, kept), same_ids(&fresh, built), "row {at}");
            assert_eq!((kept.outcome, kept.close, kept.minor), (built.outcome, built.close, built.minor));
        }
    }
}
