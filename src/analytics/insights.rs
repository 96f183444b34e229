//! The few plain sentences on top of the dashboard. Each claims a change or a
//! difference only when the samples support it at 95 %, and says so when
//! they do not.

use super::dashboard::Dashboard;
use super::dashboard_filter::DashboardFilter;
use super::drill::Drill;
use super::figures::CategoryFigure;
use super::rate::{differs, Rate};

/// Fewer deals than this on either side of a comparison, and we do not
/// compare.
pub const MIN_SAMPLE: u64 = 20;
/// A head-to-head record on fewer deals is flagged as a small sample.
const SMALL_HEAD_TO_HEAD: u64 = 10;
/// Below this share of decided deals with a reason, tracking is called out.
const REASON_COVERAGE_GOAL: f64 = 0.9;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Insight {
    pub text: String,
    /// The deals the sentence is about.
    pub drill: Option<Drill>,
}

fn percent(share: f64) -> String {
    format!("{} %", (share * 100.0).round() as i64)
}

fn change_words(now: Rate, before: Rate, before_name: &str) -> String {
    match (now.value(), before.value()) {
        _ if before.n < MIN_SAMPLE => format!("too few deals in {before_name} (n = {}) to say whether that changed", before.n),
        (Some(a), Some(b)) if differs(now, before, MIN_SAMPLE) => {
            let direction = if a > b { "up" } else { "down" };
            format!("{direction} from {} in {before_name}", percent(b))
        }
        (_, Some(b)) => format!("about the same as in {before_name} ({}; the difference is within chance)", percent(b)),
        _ => format!("nothing to compare with in {before_name}"),
    }
}

pub fn insights(dashboard: &Dashboard, filter: &DashboardFilter) -> Vec<Insight> {
    let (this_period, previous_name) = filter.period.names();
    let current = &dashboard.current;
    let decided = current.tally.decided();
    if decided == 0 {
        return vec![Insight { text: format!("No deals were won or lost {this_period}."), drill: None }];
    }
    let mut sentences = Vec::new();

    let rate = current.tally.win_rate();
    let mut text = match rate.estimate() {
        Some(estimate) => format!(
            "Win rate is {} {this_period} (n = {decided}, 95 % interval {}–{})",
            percent(estimate.value),
            (estimate.low * 100.0).round() as i64,
            percent(estimate.high)
        ),
        None => format!("Win rate is unknown {this_period}"),
    };
    if let Some(previous) = &dashboard.previous {
        text = format!("{text}, {}", change_words(rate, previous.tally.win_rate(), previous_name));
    }
    sentences.push(Insight { text: format!("{text}."), drill: None });

    if let Some(sentence) = top_loss_category(dashboard, this_period, previous_name) {
        sentences.push(sentence);
    }

    if let Some(rival) = dashboard.competitors.iter().filter(|c| c.lost > 0).max_by_key(|c| (c.lost, std::cmp::Reverse(c.won))) {
        let n = rival.won + rival.lost;
        let small = if n < SMALL_HEAD_TO_HEAD { ", a small sample" } else { "" };
        sentences.push(Insight {
            text: format!("We lose {} of {n} head-to-head deals against {} (n = {n}{small}).", rival.lost, rival.name),
            drill: Some(Drill::Competitor(rival.id.clone())),
        });
    }

    if let Some(sentence) = owner_difference(dashboard) {
        sentences.push(sentence);
    }

    let with_reason = current.health.with_reason;
    if with_reason.value().is_some_and(|share| share < REASON_COVERAGE_GOAL) {
        let without = with_reason.n - with_reason.hits;
        sentences.push(Insight {
            text: format!(
                "{without} of {} decided deals ({}) have no reason recorded, so nothing here explains them.",
                with_reason.n,
                percent(without as f64 / with_reason.n as f64)
            ),
            drill: Some(Drill::MissingReason),
        });
    }
    sentences
}

fn top_loss_category(dashboard: &Dashboard, this_period: &str, previous_name: &str) -> Option<Insight> {
    let current = &dashboard.current;
    let losses = current.tally.losses();
    let by_value = current.tally.lost_value > 0;
    let top: &CategoryFigure = if by_value {
        current.loss_categories.first()?
    } else {
        current.loss_categories.iter().max_by_key(|c| c.count)?
    };
    let share = |figure: &CategoryFigure, total_value: i64, total_count: u64| {
        if by_value {
            figure.value as f64 / total_value.max(1) as f64
        } else {
            figure.count as f64 / total_count.max(1) as f64
        }
    };
    let measure = if by_value { "lost value" } else { "losses" };
    let mut text = format!(
        "{} is the largest loss category {this_period}: {} of {measure}",
        top.label,
        percent(share(top, current.tally.lost_value, losses))
    );
    if let Some(previous) = &dashboard.previous {
        let before = previous.loss_categories.iter().find(|c| c.category == top.category);
        let before_losses = previous.tally.losses();
        let before_count = before.map_or(0, |c| c.count);
        // The test is on counts: a value share has no sample size of its own.
        let now_rate = Rate::new(top.count, losses);
        let before_rate = Rate::new(before_count, before_losses);
        let words = if before_losses < MIN_SAMPLE || losses < MIN_SAMPLE {
            format!("too few losses in {previous_name} and now (n = {before_losses} and {losses}) to say whether that changed")
        } else {
            let before_share = before.map_or(0.0, |c| share(c, previous.tally.lost_value, before_losses));
            let now_share = share(top, current.tally.lost_value, losses);
            if differs(now_rate, before_rate, MIN_SAMPLE) {
                let direction = if now_share >= before_share { "up" } else { "down" };
                format!("{direction} from {} in {previous_name}", percent(before_share))
            } else {
                format!("about the same as in {previous_name} ({}; the difference is within chance)", percent(before_share))
            }
        };
        text = format!("{text}, {words}");
    }
    let drill = dashboard.categories[top.category].id.clone().map(Drill::LossCategory);
    Some(Insight { text: format!("{text}."), drill })
}

fn owner_difference(dashboard: &Dashboard) -> Option<Insight> {
    let team = dashboard.current.tally;
    let candidates: Vec<_> = dashboard.owners.iter().filter(|owner| owner.id.is_some()).collect();
    if candidates.len() < 2 {
        return None;
    }
    let standout = candidates
        .iter()
        .filter_map(|owner| {
            let own = owner.tally.win_rate();
            let rest = Rate::new(team.won - owner.tally.won, team.decided() - owner.tally.decided());
            let gap = (own.value()? - rest.value()?).abs();
            differs(own, rest, MIN_SAMPLE).then_some((owner, own, rest, gap))
        })
        .max_by(|a, b| a.3.total_cmp(&b.3));
    Some(match standout {
        Some((owner, own, rest, _)) => Insight {
            text: format!(
                "{} wins {} of decided deals (n = {}), against {} for the rest of the team (n = {}).",
                owner.name,
                percent(own.value().unwrap_or(0.0)),
                own.n,
                percent(rest.value().unwrap_or(0.0)),
                rest.n
            ),
            drill: owner.id.clone().map(Drill::Owner),
        },
        None => Insight {
            text: format!(
                "No salesperson's win rate differs from the rest of the team's by more than chance (each needs {MIN_SAMPLE} decided deals to tell)."
            ),
            drill: None,
        },
    })
}
