//! What the dashboard shows, as plain numbers: everything here is computed by
//! [`super::dashboard::Dashboard::compute`] and drawn by `charts`.

use crate::domain::{CategoryId, CompetitorId, Currency, OwnerId, ReasonId, StageId};

use super::period::{Grain, Period};
use super::rate::Rate;
use super::tally::{Counts, Tally};

/// A reason and the closed deals that cite it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReasonFigure {
    pub id: ReasonId,
    pub label: String,
    /// Position in [`super::Dashboard::categories`], for its colour.
    pub category: usize,
    pub count: u64,
    pub value: i64,
}

/// A category as reports show it: the same position, so the same colour,
/// on every chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryInfo {
    /// `None` for reasons whose category is unknown.
    pub id: Option<CategoryId>,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CategoryFigure {
    pub category: usize,
    pub label: String,
    /// Deals citing at least one reason of the category.
    pub count: u64,
    pub value: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OwnerFigure {
    /// `None`: deals with no owner.
    pub id: Option<OwnerId>,
    pub name: String,
    pub tally: Counts,
    pub top_loss_reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompetitorFigure {
    pub id: CompetitorId,
    pub name: String,
    pub won: u64,
    /// Lost and no-decision deals where this competitor was named.
    pub lost: u64,
    pub lost_value: i64,
}

impl CompetitorFigure {
    pub fn head_to_head(&self) -> Rate {
        Rate::new(self.won, self.won + self.lost)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct StageFigure {
    /// `None`: losses with no stage recorded.
    pub id: Option<StageId>,
    pub name: String,
    pub lost: u64,
    pub lost_value: i64,
}

/// Deals whose value (in the reporting currency's minor units) is at least
/// `from` and, when bounded, below `to`.
#[derive(Clone, Debug, PartialEq)]
pub struct SizeBand {
    pub from: i64,
    pub to: Option<i64>,
    pub tally: Counts,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TagFigure {
    pub tag: String,
    pub tally: Counts,
}

/// Days from creation to close.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SalesCycle {
    pub won_median_days: Option<i64>,
    pub won_n: usize,
    pub lost_median_days: Option<i64>,
    pub lost_n: usize,
}

/// How well the team records why: the product's own problem.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TrackingHealth {
    /// Decided deals that have a primary reason.
    pub with_reason: Rate,
    /// Losses citing a competition reason that name the competitor.
    pub competitor_named: Rate,
    /// Open deals (any date, same owner and tag) past their expected close.
    pub overdue_open: u64,
}

/// Whether value figures are complete.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MoneyCoverage {
    /// `None` when no deal has an amount.
    pub reporting: Option<Currency>,
    /// Decided deals in the period whose currency has no rate.
    pub unconverted: u64,
    pub missing_rates: Vec<Currency>,
    /// Decided deals in the period with no amount at all.
    pub without_amount: u64,
}

/// The figures the period-over-period comparison needs, for one period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub tally: Tally,
    /// By lost value, largest first.
    pub loss_categories: Vec<CategoryFigure>,
    pub health: TrackingHealth,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TrendStep {
    pub label: String,
    pub period: Period,
    pub tally: Counts,
    /// Losses citing each category, by position in the dashboard's categories.
    pub loss_categories: Vec<u64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trend {
    pub grain: Grain,
    pub steps: Vec<TrendStep>,
}
