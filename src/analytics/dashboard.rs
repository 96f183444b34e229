//! Every figure of the dashboard from the deals, in one pass over them: with
//! 100,000 deals the whole recompute has to fit in a frame.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::domain::{Catalog, CompetitorId, Currency, Deal, Outcome, OwnerId, ReasonId, Side, StageId};

use super::dashboard_filter::DashboardFilter;
use super::deal_filter::COMPETITION_CATEGORY;
use super::figures::{
    CategoryFigure, CategoryInfo, CompetitorFigure, MoneyCoverage, OwnerFigure, ReasonFigure, SalesCycle, StageFigure,
    Summary, TagFigure, TrackingHealth, Trend, TrendStep,
};
use super::period::Period;
use super::rate::Rate;
use super::size_bands::size_bands;
use super::tally::Tally;

/// A trend never has more steps than this (ten years of months).
const MAX_TREND_STEPS: i32 = 120;

#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    /// `None`: all time.
    pub period: Option<Period>,
    pub previous_period: Option<Period>,
    pub current: Summary,
    /// `None` for all time, which has nothing before it.
    pub previous: Option<Summary>,
    /// Every category a figure refers to, in the taxonomy's order.
    pub categories: Vec<CategoryInfo>,
    /// Ranked by count, then value.
    pub loss_reasons: Vec<ReasonFigure>,
    pub win_reasons: Vec<ReasonFigure>,
    pub win_categories: Vec<CategoryFigure>,
    pub trend: Trend,
    /// Owners with decided deals, best win rate first.
    pub owners: Vec<OwnerFigure>,
    /// Most head-to-head deals first.
    pub competitors: Vec<CompetitorFigure>,
    /// In the order of the stages, unrecorded last.
    pub stages_at_loss: Vec<StageFigure>,
    pub size_bands: Vec<super::figures::SizeBand>,
    /// Most decided deals first.
    pub tags: Vec<TagFigure>,
    pub cycle: SalesCycle,
    pub money: MoneyCoverage,
}

#[derive(Clone, Copy, Debug, Default)]
struct Amount {
    count: u64,
    value: i64,
}

impl Amount {
    fn add(&mut self, value: Option<i64>) {
        self.count += 1;
        self.value = self.value.saturating_add(value.unwrap_or(0));
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct HeadToHead {
    won: u64,
    lost: u64,
    lost_value: i64,
}

/// A deal's value in the reporting currency, or why it has none.
#[derive(Clone, Copy)]
enum Valued<'a> {
    Known(i64),
    NoAmount,
    NoRate(&'a Currency),
}

impl Valued<'_> {
    fn known(self) -> Option<i64> {
        match self {
            Valued::Known(value) => Some(value),
            _ => None,
        }
    }
}

fn at<T: Default>(items: &mut Vec<T>, slot: usize) -> &mut T {
    if items.len() <= slot {
        items.resize_with(slot + 1, T::default);
    }
    &mut items[slot]
}

/// Small numbers for the ids deals refer to, so the pass counts into vectors.
/// Ids the catalog does not know (a reason from an imported file, say) get a
/// slot of their own on first sight and are shown by their id.
struct Index<'a> {
    reason_slots: FxHashMap<&'a str, usize>,
    reasons: Vec<(&'a str, String, usize)>,
    category_slots: FxHashMap<&'a str, usize>,
    categories: Vec<CategoryInfo>,
    unknown_category: Option<usize>,
    competition: Option<usize>,
    owner_slots: FxHashMap<&'a str, usize>,
    owners: Vec<(Option<&'a str>, String)>,
    no_owner: Option<usize>,
    competitor_slots: FxHashMap<&'a str, usize>,
    competitors: Vec<(&'a str, String)>,
    stage_slots: FxHashMap<&'a str, usize>,
    stages: Vec<(Option<&'a str>, String)>,
    no_stage: Option<usize>,
}

impl<'a> Index<'a> {
    fn new(catalog: &'a Catalog) -> Index<'a> {
        let mut categories: Vec<_> = catalog.taxonomy.categories.iter().collect();
        categories.sort_by_key(|category| category.order);
        let category_slots: FxHashMap<&str, usize> =
            categories.iter().enumerate().map(|(slot, category)| (category.id.as_str(), slot)).collect();
        let mut index = Index {
            competition: category_slots.get(COMPETITION_CATEGORY).copied(),
            categories: categories.iter().map(|c| CategoryInfo { id: Some(c.id.clone()), label: c.label.clone() }).collect(),
            category_slots,
            reason_slots: FxHashMap::default(),
            reasons: Vec::new(),
            unknown_category: None,
            owner_slots: FxHashMap::default(),
            owners: Vec::new(),
            no_owner: None,
            competitor_slots: FxHashMap::default(),
            competitors: Vec::new(),
            stage_slots: FxHashMap::default(),
            stages: Vec::new(),
            no_stage: None,
        };
        for reason in &catalog.taxonomy.reasons {
            let category = match index.category_slots.get(reason.category.as_str()) {
                Some(&slot) => slot,
                None => index.unknown_category(),
            };
            index.reason_slots.insert(reason.id.as_str(), index.reasons.len());
            index.reasons.push((reason.id.as_str(), reason.label.clone(), category));
        }
        for owner in &catalog.owners.items {
            index.owner_slots.insert(owner.id.as_str(), index.owners.len());
            index.owners.push((Some(owner.id.as_str()), owner.name.clone()));
        }
        for competitor in &catalog.competitors.items {
            index.competitor_slots.insert(competitor.id.as_str(), index.competitors.len());
            index.competitors.push((competitor.id.as_str(), competitor.name.clone()));
        }
        for stage in &catalog.stages.items {
            index.stage_slots.insert(stage.id.as_str(), index.stages.len());
            index.stages.push((Some(stage.id.as_str()), stage.name.clone()));
        }
        index
    }

    fn unknown_category(&mut self) -> usize {
        *self.unknown_category.get_or_insert_with(|| {
            self.categories.push(CategoryInfo { id: None, label: "Unknown category".to_owned() });
            self.categories.len() - 1
        })
    }

    fn reason(&mut self, id: &'a ReasonId) -> usize {
        if let Some(&slot) = self.reason_slots.get(id.as_str()) {
            return slot;
        }
        let category = self.unknown_category();
        self.reason_slots.insert(id.as_str(), self.reasons.len());
        self.reasons.push((id.as_str(), format!("Unknown reason “{id}”"), category));
        self.reasons.len() - 1
    }

    fn owner(&mut self, id: Option<&'a OwnerId>) -> usize {
        let Some(id) = id else {
            return *self.no_owner.get_or_insert_with(|| {
                self.owners.push((None, "No owner".to_owned()));
                self.owners.len() - 1
            });
        };
        if let Some(&slot) = self.owner_slots.get(id.as_str()) {
            return slot;
        }
        self.owner_slots.insert(id.as_str(), self.owners.len());
        self.owners.push((Some(id.as_str()), id.to_string()));
        self.owners.len() - 1
    }

    fn competitor(&mut self, id: &'a CompetitorId) -> usize {
        if let Some(&slot) = self.competitor_slots.get(id.as_str()) {
            return slot;
        }
        self.competitor_slots.insert(id.as_str(), self.competitors.len());
        self.competitors.push((id.as_str(), id.to_string()));
        self.competitors.len() - 1
    }

    fn stage(&mut self, id: Option<&'a StageId>) -> usize {
        let Some(id) = id else {
            return *self.no_stage.get_or_insert_with(|| {
                self.stages.push((None, "No stage recorded".to_owned()));
                self.stages.len() - 1
            });
        };
        if let Some(&slot) = self.stage_slots.get(id.as_str()) {
            return slot;
        }
        self.stage_slots.insert(id.as_str(), self.stages.len());
        self.stages.push((Some(id.as_str()), id.to_string()));
        self.stages.len() - 1
    }
}

/// The distinct categories a deal's cited reasons fall in (a deal citing two
/// price reasons is one price deal), and whether one of them is competition.
fn cited<'a>(deal: &'a Deal, secondary: bool, index: &mut Index<'a>, reasons: &mut Vec<usize>, categories: &mut Vec<usize>) {
    reasons.clear();
    categories.clear();
    let cited = deal.reason.iter().chain(deal.secondary_reasons.iter().take(if secondary { usize::MAX } else { 0 }));
    for id in cited {
        let slot = index.reason(id);
        if !reasons.contains(&slot) {
            reasons.push(slot);
        }
        let category = index.reasons[slot].2;
        if !categories.contains(&category) {
            categories.push(category);
        }
    }
}

/// What one period adds up to. `detailed` is off for the previous period,
/// which only feeds the comparison.
#[derive(Default)]
struct Accumulator<'a> {
    detailed: bool,
    tally: Tally,
    loss_categories: Vec<Amount>,
    with_reason: Rate,
    competitor_named: Rate,
    loss_reasons: Vec<Amount>,
    win_reasons: Vec<Amount>,
    win_categories: Vec<Amount>,
    owners: Vec<Tally>,
    owner_loss_reasons: FxHashMap<(usize, usize), u64>,
    competitors: Vec<HeadToHead>,
    stages: Vec<Amount>,
    tags: FxHashMap<&'a str, Tally>,
    sizes: Vec<(i64, Outcome)>,
    won_days: Vec<i64>,
    lost_days: Vec<i64>,
    unconverted: u64,
    without_amount: u64,
    missing_rates: Vec<&'a Currency>,
}

struct Scratch {
    reasons: Vec<usize>,
    categories: Vec<usize>,
    all_categories: Vec<usize>,
}

impl<'a> Accumulator<'a> {
    fn detailed() -> Self {
        Accumulator { detailed: true, ..Accumulator::default() }
    }

    fn add(&mut self, deal: &'a Deal, valued: Valued<'a>, secondary: bool, index: &mut Index<'a>, scratch: &mut Scratch) {
        let value = valued.known();
        let outcome = deal.outcome;
        self.tally.add(outcome, value);
        let side = outcome.reason_side();
        let decided = outcome.counts_in_win_rate();
        cited(deal, secondary, index, &mut scratch.reasons, &mut scratch.categories);
        if decided {
            self.with_reason.n += 1;
            self.with_reason.hits += u64::from(deal.reason.is_some());
        }
        if side == Some(Side::Lost) {
            for &category in &scratch.categories {
                at(&mut self.loss_categories, category).add(value);
            }
            // Whether the loss was competitive does not depend on the
            // secondary-reasons switch.
            let competitive = match (secondary, index.competition) {
                (_, None) => false,
                (true, Some(competition)) => scratch.categories.contains(&competition),
                (false, Some(competition)) => {
                    let mut all = std::mem::take(&mut scratch.all_categories);
                    let mut ignored = Vec::new();
                    cited(deal, true, index, &mut ignored, &mut all);
                    let competitive = all.contains(&competition);
                    scratch.all_categories = all;
                    competitive
                }
            };
            if competitive {
                self.competitor_named.n += 1;
                self.competitor_named.hits += u64::from(deal.competitor.is_some());
            }
        }
        if !self.detailed {
            return;
        }
        if decided {
            match valued {
                Valued::Known(value) => self.sizes.push((value, outcome)),
                Valued::NoAmount => self.without_amount += 1,
                Valued::NoRate(currency) => {
                    self.unconverted += 1;
                    if !self.missing_rates.contains(&currency) {
                        self.missing_rates.push(currency);
                    }
                }
            }
        }
        match side {
            Some(Side::Lost) => {
                for &reason in &scratch.reasons {
                    at(&mut self.loss_reasons, reason).add(value);
                }
            }
            Some(Side::Won) => {
                for &reason in &scratch.reasons {
                    at(&mut self.win_reasons, reason).add(value);
                }
                for &category in &scratch.categories {
                    at(&mut self.win_categories, category).add(value);
                }
            }
            None => {}
        }
        let owner = index.owner(deal.owner.as_ref());
        at(&mut self.owners, owner).add(outcome, value);
        if side == Some(Side::Lost) {
            if let Some(primary) = &deal.reason {
                let reason = index.reason(primary);
                *self.owner_loss_reasons.entry((owner, reason)).or_default() += 1;
            }
        }
        if let (Some(competitor), Some(side)) = (&deal.competitor, side) {
            let head_to_head = at(&mut self.competitors, index.competitor(competitor));
            match side {
                Side::Won => head_to_head.won += 1,
                Side::Lost => {
                    head_to_head.lost += 1;
                    head_to_head.lost_value = head_to_head.lost_value.saturating_add(value.unwrap_or(0));
                }
            }
        }
        if side == Some(Side::Lost) {
            at(&mut self.stages, index.stage(deal.stage.as_ref())).add(value);
        }
        for tag in deal.tags.values() {
            self.tags.entry(tag).or_default().add(outcome, value);
        }
        if let (Some(close), Some(side)) = (deal.close_date, side) {
            let days = (close - deal.created_on).num_days();
            match side {
                Side::Won => self.won_days.push(days),
                Side::Lost if outcome == Outcome::Lost => self.lost_days.push(days),
                Side::Lost => {}
            }
        }
    }

    fn summary(&self, index: &Index, overdue_open: u64) -> Summary {
        Summary {
            tally: self.tally,
            loss_categories: category_figures(&self.loss_categories, index),
            health: TrackingHealth { with_reason: self.with_reason, competitor_named: self.competitor_named, overdue_open },
        }
    }
}

fn category_figures(amounts: &[Amount], index: &Index) -> Vec<CategoryFigure> {
    let mut figures: Vec<CategoryFigure> = amounts
        .iter()
        .enumerate()
        .filter(|(_, amount)| amount.count > 0)
        .map(|(category, amount)| CategoryFigure {
            category,
            label: index.categories[category].label.clone(),
            count: amount.count,
            value: amount.value,
        })
        .collect();
    figures.sort_by(|a, b| b.value.cmp(&a.value).then(b.count.cmp(&a.count)).then(a.category.cmp(&b.category)));
    figures
}

fn reason_figures(amounts: &[Amount], index: &Index) -> Vec<ReasonFigure> {
    let mut figures: Vec<ReasonFigure> = amounts
        .iter()
        .enumerate()
        .filter(|(_, amount)| amount.count > 0)
        .map(|(slot, amount)| {
            let (id, label, category) = &index.reasons[slot];
            ReasonFigure { id: ReasonId::new(*id), label: label.clone(), category: *category, count: amount.count, value: amount.value }
        })
        .collect();
    figures.sort_by(|a, b| b.count.cmp(&a.count).then(b.value.cmp(&a.value)).then(a.label.cmp(&b.label)));
    figures
}

fn median(days: &mut [i64]) -> Option<i64> {
    if days.is_empty() {
        return None;
    }
    let middle = days.len() / 2;
    let (_, upper, _) = days.select_nth_unstable(middle);
    let upper = *upper;
    if days.len() % 2 == 1 {
        return Some(upper);
    }
    let lower = days[..middle].iter().copied().max().unwrap_or(upper);
    Some((lower + upper) / 2)
}

/// The currency most amounts are in, when the user has not chosen one.
fn most_common_currency(deals: &[Deal]) -> Option<Currency> {
    let mut counts: Vec<(&Currency, u64)> = Vec::new();
    for currency in deals.iter().filter_map(|deal| deal.amount.as_ref().map(|money| &money.currency)) {
        match counts.iter_mut().find(|(seen, _)| *seen == currency) {
            Some((_, count)) => *count += 1,
            None => counts.push((currency, 1)),
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|(currency, _)| currency.clone())
}

impl Dashboard {
    pub fn compute(deals: &[Deal], catalog: &Catalog, filter: &DashboardFilter, today: NaiveDate) -> Dashboard {
        let reporting = catalog.exchange_rates.reporting.clone().or_else(|| most_common_currency(deals));
        let period = filter.period.resolve(today);
        let previous_period = period.map(|p| p.previous());
        let grain = filter.grain;
        let last_step = grain.index(period.map_or(today, |p| p.to));
        let first_step = match period {
            Some(period) => grain.index(period.from),
            None => deals
                .iter()
                .filter(|deal| deal.outcome.is_closed())
                .filter_map(|deal| deal.close_date)
                .min()
                .map_or(last_step, |date| grain.index(date)),
        };
        let first_step = first_step.min(last_step - grain.minimum_steps() + 1).max(last_step - MAX_TREND_STEPS + 1);
        let mut steps: Vec<TrendStep> = (first_step..=last_step)
            .map(|step| TrendStep { label: grain.label(step), period: grain.span(step), tally: Tally::default(), loss_categories: Vec::new() })
            .collect();

        let mut index = Index::new(catalog);
        let mut current = Accumulator::detailed();
        let mut previous = Accumulator::default();
        let mut scratch = Scratch { reasons: Vec::new(), categories: Vec::new(), all_categories: Vec::new() };
        let mut overdue_open = 0;
        let rates = &catalog.exchange_rates;
        for deal in deals {
            if deal.outcome == Outcome::Open {
                let mine = filter.owner.as_ref().is_none_or(|owner| deal.owner.as_ref() == Some(owner))
                    && filter.tag.as_ref().is_none_or(|tag| deal.tags.values().any(|v| v.eq_ignore_ascii_case(tag)));
                overdue_open += u64::from(mine && deal.close_date.is_some_and(|date| date < today));
                continue;
            }
            let Some(date) = deal.close_date else { continue };
            if !filter.includes(deal) {
                continue;
            }
            let in_current = period.is_none_or(|p| p.contains(date));
            let in_previous = previous_period.is_some_and(|p| p.contains(date));
            let step = grain.index(date) - first_step;
            let in_trend = (0..steps.len() as i32).contains(&step);
            if !(in_current || in_previous || in_trend) {
                continue;
            }
            let valued = match (&deal.amount, &reporting) {
                (None, _) | (_, None) => Valued::NoAmount,
                (Some(money), Some(reporting)) => match rates.convert(money, reporting) {
                    Some(value) => Valued::Known(value),
                    None => Valued::NoRate(&money.currency),
                },
            };
            if in_current {
                current.add(deal, valued, filter.secondary, &mut index, &mut scratch);
            } else if in_previous {
                previous.add(deal, valued, filter.secondary, &mut index, &mut scratch);
            }
            if in_trend {
                let step = &mut steps[step as usize];
                step.tally.add(deal.outcome, valued.known());
                if deal.outcome.reason_side() == Some(Side::Lost) {
                    cited(deal, filter.secondary, &mut index, &mut scratch.reasons, &mut scratch.categories);
                    for &category in &scratch.categories {
                        *at(&mut step.loss_categories, category) += 1;
                    }
                }
            }
        }
        for step in &mut steps {
            step.loss_categories.resize(index.categories.len(), 0);
        }
        Dashboard::finish(current, previous, index, period, previous_period, Trend { grain, steps }, overdue_open, reporting)
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        mut current: Accumulator,
        previous: Accumulator,
        index: Index,
        period: Option<Period>,
        previous_period: Option<Period>,
        trend: Trend,
        overdue_open: u64,
        reporting: Option<Currency>,
    ) -> Dashboard {
        let mut owners: Vec<OwnerFigure> = current
            .owners
            .iter()
            .enumerate()
            .filter(|(_, tally)| tally.decided() > 0)
            .map(|(slot, tally)| {
                let top_loss_reason = current
                    .owner_loss_reasons
                    .iter()
                    .filter(|((owner, _), _)| *owner == slot)
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0 .1.cmp(&a.0 .1)))
                    .map(|((_, reason), _)| index.reasons[*reason].1.clone());
                let (id, name) = &index.owners[slot];
                OwnerFigure { id: id.map(OwnerId::new), name: name.clone(), tally: *tally, top_loss_reason }
            })
            .collect();
        owners.sort_by(|a, b| {
            let rate = |figure: &OwnerFigure| figure.tally.win_rate().value().unwrap_or(0.0);
            rate(b).total_cmp(&rate(a)).then(b.tally.decided().cmp(&a.tally.decided())).then(a.name.cmp(&b.name))
        });
        let mut competitors: Vec<CompetitorFigure> = current
            .competitors
            .iter()
            .enumerate()
            .filter(|(_, h)| h.won + h.lost > 0)
            .map(|(slot, h)| {
                let (id, name) = &index.competitors[slot];
                CompetitorFigure { id: CompetitorId::new(*id), name: name.clone(), won: h.won, lost: h.lost, lost_value: h.lost_value }
            })
            .collect();
        competitors.sort_by(|a, b| (b.won + b.lost).cmp(&(a.won + a.lost)).then(b.lost.cmp(&a.lost)).then(a.name.cmp(&b.name)));
        let mut stages_at_loss: Vec<StageFigure> = current
            .stages
            .iter()
            .enumerate()
            .filter(|(_, amount)| amount.count > 0)
            .map(|(slot, amount)| {
                let (id, name) = &index.stages[slot];
                StageFigure { id: id.map(StageId::new), name: name.clone(), lost: amount.count, lost_value: amount.value }
            })
            .collect();
        stages_at_loss.sort_by_key(|figure| figure.id.is_none());
        let mut tags: Vec<TagFigure> =
            current.tags.iter().map(|(tag, tally)| TagFigure { tag: (*tag).to_owned(), tally: *tally }).collect();
        tags.sort_by(|a, b| b.tally.decided().cmp(&a.tally.decided()).then(a.tag.cmp(&b.tag)));
        let cycle = SalesCycle {
            won_n: current.won_days.len(),
            won_median_days: median(&mut current.won_days),
            lost_n: current.lost_days.len(),
            lost_median_days: median(&mut current.lost_days),
        };
        let mut missing_rates: Vec<Currency> = current.missing_rates.iter().map(|c| (*c).clone()).collect();
        missing_rates.sort();
        Dashboard {
            period,
            previous_period,
            current: current.summary(&index, overdue_open),
            previous: previous_period.map(|_| previous.summary(&index, overdue_open)),
            loss_reasons: reason_figures(&current.loss_reasons, &index),
            win_reasons: reason_figures(&current.win_reasons, &index),
            win_categories: category_figures(&current.win_categories, &index),
            trend,
            owners,
            competitors,
            stages_at_loss,
            size_bands: size_bands(&current.sizes),
            tags,
            cycle,
            money: MoneyCoverage { reporting, unconverted: current.unconverted, missing_rates, without_amount: current.without_amount },
            categories: index.categories,
        }
    }
}
