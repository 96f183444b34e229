//! Which deals the list shows, in what order: a filter that lives in the
//! page's URL, so back, forward and a shared link restore it.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::domain::{Catalog, CategoryId, CompetitorId, Deal, Outcome, OwnerId, ReasonId, Side, StageId};

use super::deal_order::display_order;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortColumn {
    /// Newest first, then by name: the list's natural order.
    #[default]
    Created,
    Name,
    Account,
    Amount,
    Owner,
    CloseDate,
    Outcome,
}

impl SortColumn {
    pub const ALL: [SortColumn; 7] = [
        SortColumn::Created,
        SortColumn::Name,
        SortColumn::Account,
        SortColumn::Amount,
        SortColumn::Owner,
        SortColumn::CloseDate,
        SortColumn::Outcome,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SortColumn::Created => "created",
            SortColumn::Name => "name",
            SortColumn::Account => "account",
            SortColumn::Amount => "amount",
            SortColumn::Owner => "owner",
            SortColumn::CloseDate => "close",
            SortColumn::Outcome => "outcome",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortColumn::Created => "Newest",
            SortColumn::Name => "Name",
            SortColumn::Account => "Account",
            SortColumn::Amount => "Amount",
            SortColumn::Owner => "Owner",
            SortColumn::CloseDate => "Close date",
            SortColumn::Outcome => "Outcome",
        }
    }

    fn from_key(key: &str) -> Option<SortColumn> {
        SortColumn::ALL.into_iter().find(|column| column.key() == key)
    }
}

/// Outcome names as they appear in the URL.
pub fn outcome_key(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Open => "open",
        Outcome::Won => "won",
        Outcome::Lost => "lost",
        Outcome::NoDecision => "no-decision",
        Outcome::Disqualified => "disqualified",
    }
}

/// Something a closed deal should record but does not: the dashboard's
/// tracking-health figures lead here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// A won, lost or no-decision deal with no reason.
    Reason,
    /// A loss citing a competition reason without naming the competitor.
    Competitor,
}

impl Missing {
    pub const ALL: [Missing; 2] = [Missing::Reason, Missing::Competitor];

    pub fn key(self) -> &'static str {
        match self {
            Missing::Reason => "reason",
            Missing::Competitor => "competitor",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Missing::Reason => "Closed without a reason",
            Missing::Competitor => "Competitive loss without the competitor",
        }
    }
}

/// The category whose losses should name a competitor.
pub const COMPETITION_CATEGORY: &str = "competition";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealFilter {
    pub text: String,
    pub outcome: Option<Outcome>,
    /// Any of these outcomes (empty: any outcome); what a drill-down from
    /// the dashboard asks for, such as "won, lost or no decision".
    pub outcomes: Vec<Outcome>,
    pub owner: Option<OwnerId>,
    pub reason: Option<ReasonId>,
    pub category: Option<CategoryId>,
    pub competitor: Option<CompetitorId>,
    pub tag: Option<String>,
    pub stage: Option<StageId>,
    pub missing: Option<Missing>,
    /// Reason and category match the primary reason only.
    pub primary_only: bool,
    /// Close date on or after (open deals: expected close date).
    pub from: Option<NaiveDate>,
    /// Close date on or before.
    pub to: Option<NaiveDate>,
    pub sort: SortColumn,
    pub descending: bool,
}

impl DealFilter {
    /// Reads a filter from URL query pairs; anything unrecognised is ignored,
    /// so an old or hand-edited link still opens.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> DealFilter {
        let mut filter = DealFilter::default();
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "q" => filter.text = value.to_owned(),
                "outcome" => filter.outcome = Outcome::ALL.into_iter().find(|o| outcome_key(*o) == value),
                "outcomes" => {
                    filter.outcomes = Outcome::ALL.into_iter().filter(|o| value.split(',').any(|key| key == outcome_key(*o))).collect();
                }
                "stage" => filter.stage = Some(StageId::new(value)),
                "missing" => filter.missing = Missing::ALL.into_iter().find(|m| m.key() == value),
                "primary" => filter.primary_only = value == "1",
                "owner" => filter.owner = Some(OwnerId::new(value)),
                "reason" => filter.reason = Some(ReasonId::new(value)),
                "category" => filter.category = Some(CategoryId::new(value)),
                "competitor" => filter.competitor = Some(CompetitorId::new(value)),
                "tag" => filter.tag = Some(value.to_owned()),
                "from" => filter.from = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok(),
                "to" => filter.to = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok(),
                "sort" => filter.sort = SortColumn::from_key(value).unwrap_or_default(),
                "dir" => filter.descending = value == "desc",
                _ => {}
            }
        }
        filter
    }

    /// The query pairs for this filter, leaving out what is at its default.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let mut push = |key, value: Option<String>| {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                pairs.push((key, value));
            }
        };
        push("q", Some(self.text.trim().to_owned()));
        push("outcome", self.outcome.map(|o| outcome_key(o).to_owned()));
        let outcomes: Vec<&str> = Outcome::ALL.into_iter().filter(|o| self.outcomes.contains(o)).map(outcome_key).collect();
        push("outcomes", Some(outcomes.join(",")));
        push("owner", self.owner.as_ref().map(ToString::to_string));
        push("reason", self.reason.as_ref().map(ToString::to_string));
        push("category", self.category.as_ref().map(ToString::to_string));
        push("competitor", self.competitor.as_ref().map(ToString::to_string));
        push("tag", self.tag.clone());
        push("stage", self.stage.as_ref().map(ToString::to_string));
        push("missing", self.missing.map(|m| m.key().to_owned()));
        push("primary", self.primary_only.then(|| "1".to_owned()));
        push("from", self.from.map(|d| d.to_string()));
        push("to", self.to.map(|d| d.to_string()));
        if self.sort != SortColumn::Created {
            push("sort", Some(self.sort.key().to_owned()));
        }
        if self.descending {
            push("dir", Some("desc".to_owned()));
        }
        pairs
    }

    /// Whether any deal could be left out (sorting alone leaves all in).
    pub fn narrows(&self) -> bool {
        DealFilter { sort: SortColumn::Created, descending: false, ..self.clone() } != DealFilter::default()
    }

    pub fn matches(&self, deal: &Deal, catalog: &Catalog) -> bool {
        let cited = || deal.all_reasons().take(if self.primary_only { 1 } else { usize::MAX });
        if self.outcome.is_some_and(|o| o != deal.outcome)
            || (!self.outcomes.is_empty() && !self.outcomes.contains(&deal.outcome))
            || self.owner.as_ref().is_some_and(|o| deal.owner.as_ref() != Some(o))
            || self.competitor.as_ref().is_some_and(|c| deal.competitor.as_ref() != Some(c))
            || self.stage.as_ref().is_some_and(|s| deal.stage.as_ref() != Some(s))
            || self.reason.as_ref().is_some_and(|r| !cited().any(|id| id == r))
            || self.tag.as_ref().is_some_and(|t| !deal.tags.values().any(|v| v.eq_ignore_ascii_case(t)))
        {
            return false;
        }
        let in_category = |category: &str| {
            cited()
                .filter_map(|id| catalog.taxonomy.reason(id))
                .any(|reason| reason.category.as_str() == category)
        };
        if self.category.as_ref().is_some_and(|category| !in_category(category.as_str())) {
            return false;
        }
        let missing = match self.missing {
            None => false,
            Some(Missing::Reason) => !deal.outcome.counts_in_win_rate() || deal.reason.is_some(),
            Some(Missing::Competitor) => {
                let competitive = deal.all_reasons().filter_map(|id| catalog.taxonomy.reason(id)).any(|r| r.category.as_str() == COMPETITION_CATEGORY);
                deal.outcome.reason_side() != Some(Side::Lost) || !deal.outcome.counts_in_win_rate() || !competitive || deal.competitor.is_some()
            }
        };
        if missing {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(date) = deal.close_date else { return false };
            if self.from.is_some_and(|from| date < from) || self.to.is_some_and(|to| date > to) {
                return false;
            }
        }
        let text = self.text.trim();
        if !text.is_empty() {
            let needle = text.to_lowercase();
            let found = [
                Some(deal.name.as_str()),
                Some(deal.account.as_str()),
                Some(deal.notes.as_str()),
                deal.owner.as_ref().and_then(|id| catalog.owners.name_of(id)),
                deal.competitor.as_ref().and_then(|id| catalog.competitors.name_of(id)),
            ]
            .into_iter()
            .flatten()
            .any(|haystack| haystack.to_lowercase().contains(&needle));
            if !found {
                return false;
            }
        }
        true
    }

    fn compare(&self, a: &Deal, b: &Deal, catalog: &Catalog) -> Ordering {
        let by_column = match self.sort {
            SortColumn::Created => Ordering::Equal,
            SortColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            SortColumn::Account => a.account.to_lowercase().cmp(&b.account.to_lowercase()),
            SortColumn::Amount => a.amount.as_ref().map(|m| m.minor).cmp(&b.amount.as_ref().map(|m| m.minor)),
            SortColumn::Owner => {
                let name = |deal: &Deal| deal.owner.as_ref().and_then(|id| catalog.owners.name_of(id)).map(str::to_lowercase);
                name(a).cmp(&name(b))
            }
            SortColumn::CloseDate => a.close_date.cmp(&b.close_date),
            SortColumn::Outcome => outcome_key(a.outcome).cmp(outcome_key(b.outcome)),
        };
        let by_column = if self.descending { by_column.reverse() } else { by_column };
        by_column.then_with(|| display_order(a, b))
    }

    /// Positions in `deals` of the first `count` matching deals in this
    /// filter's order, and how many match in all.
    pub fn page(&self, deals: &[Deal], catalog: &Catalog, count: usize) -> (Vec<usize>, usize) {
        let mut positions: Vec<usize> = (0..deals.len()).filter(|&at| self.matches(&deals[at], catalog)).collect();
        let total = positions.len();
        let order = |a: &usize, b: &usize| self.compare(&deals[*a], &deals[*b], catalog);
        if count == 0 {
            return (Vec::new(), total);
        }
        if count < positions.len() {
            positions.select_nth_unstable_by(count - 1, order);
            positions.truncate(count);
        }
        positions.sort_unstable_by(order);
        (positions, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_deals;

    fn data() -> (Vec<Deal>, Catalog) {
        let mut catalog = Catalog::standard();
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).expect("valid date");
        let deals = sample_deals(1_000, 5, today, &mut catalog);
        (deals, catalog)
    }

    #[test]
    fn a_filter_survives_the_url_round_trip() {
        let filter = DealFilter {
            text: "acme".into(),
            outcome: Some(Outcome::NoDecision),
            outcomes: vec![Outcome::Lost, Outcome::NoDecision],
            owner: Some(OwnerId::new("o1")),
            reason: Some(ReasonId::new("lost-no-budget")),
            category: Some(CategoryId::new("price")),
            competitor: Some(CompetitorId::new("c1")),
            tag: Some("Enterprise".into()),
            stage: Some(StageId::new("stage-demo")),
            missing: Some(Missing::Competitor),
            primary_only: true,
            from: NaiveDate::from_ymd_opt(2026, 1, 1),
            to: NaiveDate::from_ymd_opt(2026, 6, 30),
            sort: SortColumn::Amount,
            descending: true,
        };
        let query = filter.to_query();
        let again = DealFilter::from_query(query.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again, filter);
        assert!(DealFilter::default().to_query().is_empty());
    }

    #[test]
    fn unknown_or_malformed_parameters_are_ignored() {
        let filter = DealFilter::from_query([("outcome", "maybe"), ("from", "yesterday"), ("sort", "colour"), ("utm", "x")]);
        assert_eq!(filter, DealFilter::default());
    }

    #[test]
    fn every_criterion_narrows_the_list() {
        let (deals, catalog) = data();
        let count = |filter: &DealFilter| deals.iter().filter(|d| filter.matches(d, &catalog)).count();
        let all = count(&DealFilter::default());
        assert_eq!(all, deals.len());
        let owner = deals[0].owner.clone();
        let criteria = [
            DealFilter { outcome: Some(Outcome::Lost), ..DealFilter::default() },
            DealFilter { owner, ..DealFilter::default() },
            DealFilter { reason: Some(ReasonId::new("lost-too-expensive")), ..DealFilter::default() },
            DealFilter { category: Some(CategoryId::new("price")), ..DealFilter::default() },
            DealFilter { competitor: deals.iter().find_map(|d| d.competitor.clone()), ..DealFilter::default() },
            DealFilter { tag: Some("enterprise".into()), ..DealFilter::default() },
            DealFilter { outcomes: vec![Outcome::Lost, Outcome::NoDecision], ..DealFilter::default() },
            DealFilter { stage: deals.iter().find_map(|d| d.stage.clone()), ..DealFilter::default() },
            DealFilter { reason: Some(ReasonId::new("lost-no-budget")), primary_only: true, ..DealFilter::default() },
            DealFilter { from: NaiveDate::from_ymd_opt(2026, 6, 1), ..DealFilter::default() },
            DealFilter { text: "ACME".into(), ..DealFilter::default() },
        ];
        for filter in criteria {
            let matching = count(&filter);
            assert!(matching > 0 && matching < all, "{filter:?} kept {matching} of {all}");
            assert!(filter.narrows());
        }
    }

    #[test]
    fn pages_follow_the_chosen_order() {
        let (deals, catalog) = data();
        let filter = DealFilter { outcome: Some(Outcome::Won), sort: SortColumn::Amount, descending: true, ..DealFilter::default() };
        let (page, total) = filter.page(&deals, &catalog, 20);
        assert_eq!(total, deals.iter().filter(|d| d.outcome == Outcome::Won).count());
        let amounts: Vec<i64> = page.iter().map(|&at| deals[at].amount.as_ref().map_or(0, |m| m.minor)).collect();
        let mut sorted = amounts.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(amounts, sorted);
        let largest = deals.iter().filter(|d| d.outcome == Outcome::Won).filter_map(|d| d.amount.as_ref()).map(|m| m.minor).max();
        assert_eq!(amounts.first().copied(), largest);
    }
}
