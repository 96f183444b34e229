//! Hand-made deals for the chart tests, small enough to compute every
//! expected number by hand (see the table below).

use chrono::{DateTime, NaiveDate};

use crate::analytics::{Dashboard, DashboardFilter, Facts, Grain, PeriodChoice};
use crate::domain::{Catalog, CompetitorId, Currency, Deal, DealId, Money, Outcome, OwnerId, ReasonId, StageId};

/// Text that would run script if any of it were taken for HTML.
pub(crate) const HOSTILE: &str = "<img src=x onerror=alert(1)>";

pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub(crate) fn today() -> NaiveDate {
    date(2026, 12, 4)
}

pub(crate) fn all_time(grain: Grain) -> DashboardFilter {
    DashboardFilter { period: PeriodChoice::AllTime, grain, ..DashboardFilter::default() }
}

struct Row {
    outcome: Outcome,
    reason: &'static str,
    closed: NaiveDate,
    usd: i64,
    owner: Option<&'static str>,
    competitor: Option<&'static str>,
    stage: Option<&'static str>,
}

fn deal(id: usize, row: Row) -> Deal {
    Deal {
        outcome: row.outcome,
        reason: Some(ReasonId::new(row.reason)),
        close_date: Some(row.closed),
        amount: Some(Money { minor: row.usd * 100, currency: Currency::parse("USD").expect("code") }),
        owner: row.owner.map(OwnerId::new),
        competitor: row.competitor.map(CompetitorId::new),
        stage: row.stage.map(StageId::new),
        ..Deal::new_open(
            DealId::new(format!("d{id}")),
            format!("Deal {id}"),
            row.closed - chrono::Duration::days(30),
            DateTime::UNIX_EPOCH,
        )
    }
}

/// | deal | outcome     | reason (category)               | closed     | USD    | owner | competitor | stage    |
/// |------|-------------|---------------------------------|------------|--------|-------|------------|----------|
/// | d0   | Lost        | Too expensive (price, 0)        | 2026-11-10 | 1,000  | dana  | initech    | proposal |
/// | d1   | Lost        | Too expensive (price, 0)        | 2026-11-20 | 3,000  | dana  | initech    | proposal |
/// | d2   | Lost        | Missing feature (product, 1)    | 2026-10-05 | 10,000 | luis  | globex     | demo     |
/// | d3   | No decision | Project postponed (timing, 3)   | 2026-10-15 | 500    | —     | —          | —        |
/// | d4   | Won         | Best value for money (price, 0) | 2026-11-05 | 2,000  | dana  | initech    | —        |
/// | d5   | Won         | Key feature (product, 1)        | 2026-10-20 | 4,000  | luis  | —          | —        |
/// | d6   | Won         | Best value for money (price, 0) | 2026-09-10 | 6,000  | luis  | —          | —        |
pub(crate) fn deals() -> Vec<Deal> {
    let row =
        |outcome, reason, closed, usd, owner, competitor, stage| Row { outcome, reason, closed, usd, owner, competitor, stage };
    use Outcome::{Lost, NoDecision, Won};
    [
        row(Lost, "lost-too-expensive", date(2026, 11, 10), 1_000, Some("dana"), Some("initech"), Some("stage-proposal")),
        row(Lost, "lost-too-expensive", date(2026, 11, 20), 3_000, Some("dana"), Some("initech"), Some("stage-proposal")),
        row(Lost, "lost-missing-feature", date(2026, 10, 5), 10_000, Some("luis"), Some("globex"), Some("stage-demo")),
        row(NoDecision, "lost-postponed", date(2026, 10, 15), 500, None, None, None),
        row(Won, "won-best-value", date(2026, 11, 5), 2_000, Some("dana"), Some("initech"), None),
        row(Won, "won-key-feature", date(2026, 10, 20), 4_000, Some("luis"), None, None),
        row(Won, "won-best-value", date(2026, 9, 10), 6_000, Some("luis"), None, None),
    ]
    .into_iter()
    .enumerate()
    .map(|(id, row)| deal(id, row))
    .collect()
}

/// The standard catalog with the fixture's owners and competitors named.
pub(crate) fn catalog() -> Catalog {
    let mut catalog = Catalog::standard();
    catalog.owners.add_or_find("Dana Whitfield", OwnerId::new("dana")).expect("a name");
    catalog.owners.add_or_find("Luis Ortega", OwnerId::new("luis")).expect("a name");
    catalog.competitors.add_or_find("Initech", CompetitorId::new("initech")).expect("a name");
    catalog.competitors.add_or_find("Globex", CompetitorId::new("globex")).expect("a name");
    catalog
}

/// The same catalog where every name a user types is [`HOSTILE`]: the
/// "Too expensive" reason, its category, Luis and Globex.
pub(crate) fn hostile_catalog() -> Catalog {
    let mut catalog = catalog();
    let reason = catalog.taxonomy.reasons.iter_mut().find(|r| r.id.as_str() == "lost-too-expensive").expect("a standard reason");
    reason.label = HOSTILE.to_owned();
    let category = catalog.taxonomy.categories.iter_mut().find(|c| c.id.as_str() == "price").expect("a standard category");
    category.label = HOSTILE.to_owned();
    catalog.owners.rename(&OwnerId::new("luis"), HOSTILE).expect("a name");
    catalog.competitors.rename(&CompetitorId::new("globex"), HOSTILE).expect("a name");
    catalog
}

pub(crate) fn compute_with(deals: &[Deal], catalog: &Catalog, grain: Grain) -> Dashboard {
    Dashboard::compute(&Facts::new(deals), catalog, &all_time(grain), today())
}

/// The fixture's dashboard, all time, by month.
pub(crate) fn dashboard() -> Dashboard {
    compute_with(&deals(), &catalog(), Grain::Month)
}

/// A dashboard with no deals at all.
pub(crate) fn empty() -> Dashboard {
    compute_with(&[], &catalog(), Grain::Month)
}

/// Series `index` of an option.
pub(crate) fn series(option: &serde_json::Value, index: usize) -> &serde_json::Value {
    &option["series"][index]
}

/// The numbers of series `index`, `None` where a point is missing, whether
/// items are plain values or objects with a `value`.
pub(crate) fn numbers(option: &serde_json::Value, index: usize) -> Vec<Option<f64>> {
    series(option, index)["data"]
        .as_array()
        .map(|data| data.iter().map(|item| item.get("value").unwrap_or(item).as_f64()).collect())
        .unwrap_or_default()
}

/// The same, for series whose every point is there.
pub(crate) fn values(option: &serde_json::Value, index: usize) -> Vec<f64> {
    numbers(option, index).into_iter().map(|n| n.expect("a number")).collect()
}

/// The texts of an array in the option, such as an axis' `data`.
pub(crate) fn texts(value: &serde_json::Value) -> Vec<&str> {
    value.as_array().map(|items| items.iter().filter_map(|item| item.as_str()).collect()).unwrap_or_default()
}
