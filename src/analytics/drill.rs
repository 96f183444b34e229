//! From a bar or point of the dashboard to the deals behind it: each drill
//! becomes a deal-list filter, so the list shows exactly the deals counted.

use chrono::{Duration, NaiveDate};

use crate::domain::{CategoryId, CompetitorId, Outcome, OwnerId, ReasonId, StageId};

use super::dashboard_filter::{DashboardFilter, OUTCOME_KINDS};
use super::deal_filter::{DealFilter, Missing};
use super::period::Period;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Drill {
    LossReason(ReasonId),
    WinReason(ReasonId),
    LossCategory(CategoryId),
    /// Deals decided in one step of the trend.
    TrendStep(Period),
    /// Losses citing a category in one step of the trend.
    TrendCategory(Period, CategoryId),
    Owner(OwnerId),
    Competitor(CompetitorId),
    StageAtLoss(StageId),
    MissingReason,
    MissingCompetitor,
    /// Open deals whose expected close date has passed.
    OverdueOpen,
}

/// Outcomes a figure counts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Counted {
    /// Won, lost or no decision: what the win rate counts.
    Decided,
    /// Lost or no decision: what reasons for losing explain.
    Losses,
}

/// Exactly the outcomes a figure counts, minus what the dashboard hides.
fn outcomes(counted: Counted, hidden: &[Outcome]) -> Vec<Outcome> {
    OUTCOME_KINDS
        .into_iter()
        .filter(|o| !hidden.contains(o))
        .filter(|o| counted == Counted::Decided || *o != Outcome::Won)
        .collect()
}

pub fn drill_down(filter: &DashboardFilter, today: NaiveDate, drill: &Drill) -> DealFilter {
    let period = filter.period.resolve(today);
    let base = DealFilter {
        owner: filter.owner.clone(),
        tag: filter.tag.clone(),
        from: period.map(|p| p.from),
        to: period.map(|p| p.to),
        ..DealFilter::default()
    };
    let with_group = |counted: Counted, base: DealFilter| DealFilter { outcomes: outcomes(counted, &filter.hidden), ..base };
    let reasons = |base: DealFilter| DealFilter { primary_only: !filter.secondary, ..base };
    match drill {
        Drill::LossReason(id) => with_group(Counted::Losses, reasons(DealFilter { reason: Some(id.clone()), ..base })),
        // "Other" explains wins and losses alike: the outcome tells them apart.
        Drill::WinReason(id) => reasons(DealFilter { reason: Some(id.clone()), outcome: Some(Outcome::Won), ..base }),
        Drill::LossCategory(id) => with_group(Counted::Losses, reasons(DealFilter { category: Some(id.clone()), ..base })),
        Drill::TrendStep(step) => with_group(Counted::Decided, DealFilter { from: Some(step.from), to: Some(step.to), ..base }),
        Drill::TrendCategory(step, id) => with_group(
            Counted::Losses,
            reasons(DealFilter { from: Some(step.from), to: Some(step.to), category: Some(id.clone()), ..base }),
        ),
        Drill::Owner(id) => with_group(Counted::Decided, DealFilter { owner: Some(id.clone()), ..base }),
        Drill::Competitor(id) => with_group(Counted::Decided, DealFilter { competitor: Some(id.clone()), ..base }),
        Drill::StageAtLoss(id) => with_group(Counted::Losses, DealFilter { stage: Some(id.clone()), ..base }),
        Drill::MissingReason => with_group(Counted::Decided, DealFilter { missing: Some(Missing::Reason), ..base }),
        Drill::MissingCompetitor => with_group(Counted::Losses, DealFilter { missing: Some(Missing::Competitor), ..base }),
        Drill::OverdueOpen => DealFilter {
            outcome: Some(Outcome::Open),
            from: None,
            to: Some(today - Duration::days(1)),
            ..base
        },
    }
}
