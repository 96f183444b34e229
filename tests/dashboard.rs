//! The dashboard's figures against fixtures computed by hand, and every
//! drill-down against the figure it came from.

use chrono::{DateTime, NaiveDate};

use winloss::analytics::{
    drill_down, insights, pareto, Dashboard, Facts, DashboardFilter, Drill, Grain, Measure, PeriodChoice, Rate,
};
use winloss::domain::{Catalog, CompetitorId, Currency, Deal, DealId, Money, Outcome, OwnerId, ReasonId, StageId};
use winloss::sample::sample_deals;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn today() -> NaiveDate {
    date(2026, 12, 4)
}

fn usd(major: i64) -> Option<Money> {
    Some(Money { minor: major * 100, currency: Currency::parse("USD").expect("code") })
}

struct Make {
    outcome: Outcome,
    reason: Option<&'static str>,
    closed: NaiveDate,
    amount: Option<Money>,
    owner: Option<&'static str>,
}

fn deal(id: &str, make: Make) -> Deal {
    Deal {
        outcome: make.outcome,
        reason: make.reason.map(ReasonId::new),
        close_date: Some(make.closed),
        amount: make.amount,
        owner: make.owner.map(OwnerId::new),
        ..Deal::new_open(DealId::new(id), id, make.closed - chrono::Duration::days(30), DateTime::UNIX_EPOCH)
    }
}

fn closed(id: &str, outcome: Outcome, reason: Option<&'static str>, closed: NaiveDate, amount: i64) -> Deal {
    deal(id, Make { outcome, reason, closed, amount: usd(amount), owner: None })
}

fn all_time() -> DashboardFilter {
    DashboardFilter { period: PeriodChoice::AllTime, ..DashboardFilter::default() }
}

fn compute(deals: &[Deal], filter: &DashboardFilter) -> Dashboard {
    Dashboard::compute(&Facts::new(deals), &Catalog::standard(), filter, today())
}

#[test]
fn no_deals_give_no_rates_and_say_so() {
    let dashboard = compute(&[], &DashboardFilter::default());
    assert_eq!(dashboard.current.tally.win_rate(), Rate::new(0, 0));
    assert_eq!(dashboard.current.tally.win_rate().value(), None);
    assert!(dashboard.loss_reasons.is_empty() && dashboard.owners.is_empty() && dashboard.size_bands.is_empty());
    assert_eq!(dashboard.trend.steps.len(), 12, "a trend of the last 12 months, all empty");
    assert_eq!(dashboard.money.reporting, None);
    let said = insights(&dashboard, &DashboardFilter::default());
    assert_eq!(said.len(), 1);
    assert_eq!(said[0].text, "No deals were won or lost this quarter.");
}

#[test]
fn disqualified_deals_count_as_closed_but_not_in_the_win_rate() {
    let deals: Vec<Deal> = (0..4).map(|i| closed(&format!("d{i}"), Outcome::Disqualified, None, date(2026, 11, 1), 100)).collect();
    let dashboard = compute(&deals, &all_time());
    assert_eq!(dashboard.current.tally.closed(), 4);
    assert_eq!(dashboard.current.tally.decided(), 0);
    assert_eq!(dashboard.current.tally.win_rate().value(), None);
    assert_eq!(dashboard.current.tally.value.value(), None);
    assert_eq!(dashboard.current.health.with_reason, Rate::new(0, 0), "disqualified deals need no reason");
}

#[test]
fn one_deal_is_shown_with_an_honest_interval() {
    let dashboard = compute(&[closed("d", Outcome::Won, Some("won-best-value"), date(2026, 11, 2), 5_000)], &DashboardFilter::default());
    let estimate = dashboard.current.tally.win_rate().estimate().expect("a rate");
    assert_eq!(estimate.value, 1.0);
    assert!(estimate.low < 0.21, "one win says little: {}", estimate.low);
    assert_eq!(dashboard.win_reasons.len(), 1);
    assert_eq!((dashboard.win_reasons[0].count, dashboard.win_reasons[0].value), (1, 500_000));
}

#[test]
fn zero_amounts_leave_counts_whole_and_value_rates_empty() {
    let deals = [
        closed("a", Outcome::Won, Some("won-best-value"), date(2026, 11, 2), 0),
        closed("b", Outcome::Lost, Some("lost-no-budget"), date(2026, 11, 3), 0),
    ];
    let dashboard = compute(&deals, &DashboardFilter::default());
    assert_eq!(dashboard.current.tally.win_rate(), Rate::new(1, 2));
    assert_eq!(dashboard.current.tally.value.value(), None);
    assert_eq!(dashboard.current.tally.value.n, 2);
    let rows = pareto(&dashboard.loss_reasons, Measure::Value);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].share, 0.0, "no value, no share of it");
}

#[test]
fn a_hand_computed_quarter() {
    let mut deals = vec![
        closed("w1", Outcome::Won, Some("won-best-value"), date(2026, 10, 5), 10_000),
        closed("w2", Outcome::Won, Some("won-key-feature"), date(2026, 11, 5), 30_000),
        closed("l1", Outcome::Lost, Some("lost-too-expensive"), date(2026, 10, 20), 20_000),
        closed("l2", Outcome::Lost, Some("lost-too-expensive"), date(2026, 11, 20), 5_000),
        closed("l3", Outcome::Lost, Some("lost-missing-feature"), date(2026, 12, 1), 40_000),
        closed("n1", Outcome::NoDecision, None, date(2026, 12, 2), 15_000),
        closed("x1", Outcome::Disqualified, None, date(2026, 12, 3), 99_000),
        // Before the quarter: the previous period (Jul 28 – Sep 30) and older.
        closed("p1", Outcome::Lost, Some("lost-no-budget"), date(2026, 9, 1), 1_000),
        closed("old", Outcome::Won, Some("won-best-value"), date(2026, 3, 1), 1_000),
    ];
    deals[2].competitor = Some(CompetitorId::new("initech"));
    deals[2].secondary_reasons = vec![ReasonId::new("lost-cheaper-competitor")];
    deals[0].competitor = Some(CompetitorId::new("initech"));
    deals[4].stage = Some(StageId::new("stage-demo"));
    deals[2].created_on = date(2026, 10, 10);
    let filter = DashboardFilter::default();
    let dashboard = compute(&deals, &filter);
    let tally = dashboard.current.tally;

    assert_eq!((tally.won, tally.lost, tally.no_decision, tally.disqualified), (2, 3, 1, 1));
    assert_eq!(tally.win_rate(), Rate::new(2, 6));
    // Won 40,000 of decided 120,000.
    assert_eq!((tally.won_value(), tally.value.total, tally.lost_value), (4_000_000, 12_000_000, 8_000_000));
    assert_eq!(tally.value.value(), Some(1.0 / 3.0));

    let reasons: Vec<(&str, u64, i64)> = dashboard.loss_reasons.iter().map(|r| (r.id.as_str(), r.count, r.value)).collect();
    assert_eq!(reasons, vec![("lost-too-expensive", 2, 2_500_000), ("lost-missing-feature", 1, 4_000_000)]);
    let by_value = pareto(&dashboard.loss_reasons, Measure::Value);
    assert_eq!(by_value[0].reason.id.as_str(), "lost-missing-feature");
    assert!((by_value[0].share - 40.0 / 65.0).abs() < 1e-9);
    assert!((by_value[1].cumulative - 1.0).abs() < 1e-9);

    let categories: Vec<(&str, u64, i64)> =
        dashboard.current.loss_categories.iter().map(|c| (c.label.as_str(), c.count, c.value)).collect();
    assert_eq!(categories, vec![("Product and fit", 1, 4_000_000), ("Price and value", 2, 2_500_000)]);

    // Secondary reasons add a mention and a category.
    let with_secondary = compute(&deals, &DashboardFilter { secondary: true, ..filter.clone() });
    assert_eq!(with_secondary.loss_reasons.len(), 3);
    assert!(with_secondary.current.loss_categories.iter().any(|c| c.label == "Competition" && c.count == 1));

    assert_eq!(dashboard.competitors.len(), 1);
    assert_eq!((dashboard.competitors[0].won, dashboard.competitors[0].lost), (1, 1));
    assert_eq!(dashboard.competitors[0].name, "initech", "an id the catalog does not know is shown as it is");

    let stages: Vec<(Option<&str>, u64)> = dashboard.stages_at_loss.iter().map(|s| (s.id.as_ref().map(|i| i.as_str()), s.lost)).collect();
    assert_eq!(stages, vec![(Some("stage-demo"), 1), (None, 3)]);

    // Won after 30 days each; lost after 10, 30, 30 days.
    assert_eq!((dashboard.cycle.won_median_days, dashboard.cycle.won_n), (Some(30), 2));
    assert_eq!((dashboard.cycle.lost_median_days, dashboard.cycle.lost_n), (Some(30), 3));

    // 5 of 6 decided have a reason; the one competitive loss names Initech.
    assert_eq!(dashboard.current.health.with_reason, Rate::new(5, 6));
    assert_eq!(dashboard.current.health.competitor_named, Rate::new(1, 1));

    let previous = dashboard.previous.as_ref().expect("a previous period");
    assert_eq!((previous.tally.lost, previous.tally.won), (1, 0));

    // Months: the quarter's three plus the nine before it.
    assert_eq!(dashboard.trend.grain, Grain::Month);
    assert_eq!(dashboard.trend.steps.len(), 12);
    let october = &dashboard.trend.steps[9];
    assert_eq!(october.label, "Oct 2026");
    assert_eq!(october.tally.win_rate(), Rate::new(1, 2));
    let price = dashboard.categories.iter().position(|c| c.label == "Price and value").expect("price");
    assert_eq!(october.loss_categories[price], 1);
    assert_eq!(dashboard.trend.steps[2].tally.won, 1, "March");

    let bands: u64 = dashboard.size_bands.iter().map(|b| b.tally.decided()).sum();
    assert_eq!(bands, 6);
}

#[test]
fn mixed_currencies_are_converted_or_flagged_never_added_silently() {
    let mut catalog = Catalog::standard();
    catalog.exchange_rates.reporting = Currency::parse("USD").ok();
    catalog.exchange_rates.set_rate(Currency::parse("EUR").expect("code"), Some(1_100_000));
    let money = |minor, code: &str| Some(Money { minor, currency: Currency::parse(code).expect("code") });
    let deals = [
        deal("usd", Make { outcome: Outcome::Won, reason: None, closed: date(2026, 11, 1), amount: money(10_000, "USD"), owner: None }),
        deal("eur", Make { outcome: Outcome::Lost, reason: None, closed: date(2026, 11, 1), amount: money(10_000, "EUR"), owner: None }),
        deal("gbp", Make { outcome: Outcome::Lost, reason: None, closed: date(2026, 11, 1), amount: money(10_000, "GBP"), owner: None }),
        deal("none", Make { outcome: Outcome::Won, reason: None, closed: date(2026, 11, 1), amount: None, owner: None }),
    ];
    let dashboard = Dashboard::compute(&Facts::new(&deals), &catalog, &DashboardFilter::default(), today());
    let tally = dashboard.current.tally;
    assert_eq!(tally.win_rate(), Rate::new(2, 4), "counts include every deal");
    assert_eq!((tally.won_value(), tally.value.total), (10_000, 21_000), "$100 won of $100 + €100 at 1.10");
    assert_eq!(tally.unvalued, 2);
    assert_eq!(dashboard.money.unconverted, 1);
    assert_eq!(dashboard.money.missing_rates, vec![Currency::parse("GBP").expect("code")]);
    assert_eq!(dashboard.money.without_amount, 1);

    // Without a chosen currency, the most common one reports.
    let euros: Vec<Deal> = ["a", "b"]
        .iter()
        .map(|id| deal(id, Make { outcome: Outcome::Won, reason: None, closed: date(2026, 11, 1), amount: money(100, "EUR"), owner: None }))
        .chain(std::iter::once(deals[0].clone()))
        .collect();
    let by_default = compute(&euros, &DashboardFilter::default());
    assert_eq!(by_default.money.reporting, Currency::parse("EUR").ok());
    assert_eq!(by_default.money.unconverted, 1);
}

#[test]
fn an_archived_or_merged_reason_keeps_its_deals_counted() {
    let mut catalog = Catalog::standard();
    let deals = vec![
        closed("a", Outcome::Lost, Some("lost-no-budget"), date(2026, 10, 10), 100),
        closed("b", Outcome::Lost, Some("lost-too-expensive"), date(2026, 11, 10), 100),
    ];
    catalog.taxonomy.set_reason_archived(&ReasonId::new("lost-no-budget"), true).expect("archives");
    let archived = Dashboard::compute(&Facts::new(&deals), &catalog, &DashboardFilter::default(), today());
    assert!(archived.loss_reasons.iter().any(|r| r.label == "No budget" && r.count == 1));

    let remapped = catalog
        .taxonomy
        .merge_reason(&ReasonId::new("lost-no-budget"), &ReasonId::new("lost-too-expensive"), &deals, DateTime::UNIX_EPOCH)
        .expect("merges");
    let merged: Vec<Deal> = deals.iter().map(|d| remapped.iter().find(|r| r.id == d.id).cloned().unwrap_or_else(|| d.clone())).collect();
    let after = Dashboard::compute(&Facts::new(&merged), &catalog, &DashboardFilter::default(), today());
    let reasons: Vec<(&str, u64)> = after.loss_reasons.iter().map(|r| (r.label.as_str(), r.count)).collect();
    assert_eq!(reasons, vec![("Too expensive", 2)]);
}

#[test]
fn owner_tag_and_hidden_outcomes_narrow_every_figure() {
    let mut catalog = Catalog::standard();
    let deals = sample_deals(3_000, 9, today(), &mut catalog);
    let everyone = Dashboard::compute(&Facts::new(&deals), &catalog, &all_time(), today());
    let owner = everyone.owners[0].id.clone();
    let one = DashboardFilter { owner: owner.clone(), ..all_time() };
    let mine = Dashboard::compute(&Facts::new(&deals), &catalog, &one, today());
    assert_eq!(mine.current.tally.counts(), everyone.owners[0].tally);
    assert_eq!(mine.owners.len(), 1);
    let no_nd = DashboardFilter { hidden: vec![Outcome::NoDecision], ..all_time() };
    let without = Dashboard::compute(&Facts::new(&deals), &catalog, &no_nd, today());
    assert_eq!(without.current.tally.no_decision, 0);
    assert_eq!(without.current.tally.won, everyone.current.tally.won);
    let tagged = DashboardFilter { tag: Some("enterprise".into()), ..all_time() };
    let enterprise = Dashboard::compute(&Facts::new(&deals), &catalog, &tagged, today());
    let from_tags = everyone.tags.iter().find(|t| t.tag == "Enterprise").expect("tag figure");
    assert_eq!(enterprise.current.tally.counts(), from_tags.tally);
}

/// Every bar's drill-down lists exactly the deals the bar counts.
#[test]
fn drill_downs_list_the_deals_behind_each_figure() {
    let mut catalog = Catalog::standard();
    let deals = sample_deals(4_000, 5, today(), &mut catalog);
    for filter in [
        DashboardFilter { period: PeriodChoice::Last12Months, ..DashboardFilter::default() },
        DashboardFilter { period: PeriodChoice::ThisYear, hidden: vec![Outcome::NoDecision], secondary: true, ..DashboardFilter::default() },
    ] {
        let dashboard = Dashboard::compute(&Facts::new(&deals), &catalog, &filter, today());
        let count = |drill: Drill| {
            let list = drill_down(&filter, today(), &drill);
            deals.iter().filter(|deal| list.matches(deal, &catalog)).count() as u64
        };
        assert!(!dashboard.loss_reasons.is_empty());
        for reason in &dashboard.loss_reasons {
            assert_eq!(count(Drill::LossReason(reason.id.clone())), reason.count, "{}", reason.label);
        }
        for reason in &dashboard.win_reasons {
            assert_eq!(count(Drill::WinReason(reason.id.clone())), reason.count, "{}", reason.label);
        }
        for category in &dashboard.current.loss_categories {
            let id = dashboard.categories[category.category].id.clone().expect("known category");
            assert_eq!(count(Drill::LossCategory(id)), category.count, "{}", category.label);
        }
        for owner in &dashboard.owners {
            let id = owner.id.clone().expect("sample deals have owners");
            assert_eq!(count(Drill::Owner(id)), owner.tally.decided(), "{}", owner.name);
        }
        for competitor in &dashboard.competitors {
            assert_eq!(count(Drill::Competitor(competitor.id.clone())), competitor.won + competitor.lost);
        }
        for stage in &dashboard.stages_at_loss {
            let id = stage.id.clone().expect("sample deals have stages");
            assert_eq!(count(Drill::StageAtLoss(id)), stage.lost);
        }
        for step in &dashboard.trend.steps {
            assert_eq!(count(Drill::TrendStep(step.period)), step.tally.decided(), "{}", step.label);
            for (position, losses) in step.loss_categories.iter().enumerate() {
                if let Some(id) = dashboard.categories[position].id.clone() {
                    assert_eq!(count(Drill::TrendCategory(step.period, id)), *losses);
                }
            }
        }
        let health = dashboard.current.health;
        assert_eq!(count(Drill::MissingReason), health.with_reason.n - health.with_reason.hits);
        assert_eq!(count(Drill::MissingCompetitor), health.competitor_named.n - health.competitor_named.hits);
        assert_eq!(count(Drill::OverdueOpen), health.overdue_open);
    }
}

#[test]
fn insights_claim_changes_only_with_enough_data() {
    // Ten deals each side: too few to claim a change.
    let mut deals = Vec::new();
    for i in 0..10 {
        let outcome = if i < 8 { Outcome::Won } else { Outcome::Lost };
        deals.push(closed(&format!("now{i}"), outcome, Some(if i < 8 { "won-best-value" } else { "lost-no-budget" }), date(2026, 11, 1), 100));
        let outcome = if i < 2 { Outcome::Won } else { Outcome::Lost };
        deals.push(closed(&format!("before{i}"), outcome, Some(if i < 2 { "won-best-value" } else { "lost-no-budget" }), date(2026, 9, 1), 100));
    }
    let filter = DashboardFilter::default();
    let said = insights(&compute(&deals, &filter), &filter);
    assert!(said[0].text.contains("too few deals"), "{}", said[0].text);
    assert!(!said[0].text.contains(" up from "));

    // Sixty each side with the same swing: now it is a change.
    let mut many = Vec::new();
    for copy in 0..6 {
        for deal in &deals {
            let mut copied = deal.clone();
            copied.id = DealId::new(format!("{}-{copy}", deal.id));
            many.push(copied);
        }
    }
    let said = insights(&compute(&many, &filter), &filter);
    assert!(said[0].text.starts_with("Win rate is 80 % this quarter (n = 60"), "{}", said[0].text);
    assert!(said[0].text.ends_with("up from 20 % in the same days before."), "{}", said[0].text);
}
