//! Every figure of the dashboard in one pass over the deals' [`Facts`]: with
//! 100,000 deals the whole recompute has to fit in a frame, so the pass
//! touches numbers only and names are looked up once, at the end.

use chrono::NaiveDate;

use crate::domain::{Catalog, CompetitorId, Converter, Currency, Outcome, OwnerId, ReasonId, Side, StageId};

use super::dashboard_filter::DashboardFilter;
use super::deal_filter::COMPETITION_CATEGORY;
use super::facts::{day_number, Fact, Facts, NONE, NO_DATE};
use super::figures::{
    CategoryFigure, CategoryInfo, CompetitorFigure, MoneyCoverage, OwnerFigure, ReasonFigure, SalesCycle, SizeBand,
    StageFigure, Summary, TagFigure, TrackingHealth, Trend, TrendStep,
};
use super::period::{Grain, Period};
use super::rate::Rate;
use super::size_bands::size_bands;
use super::tally::{Counts, Tally};

/// A trend never has more steps than this (ten years of months).
const MAX_TREND_STEPS: i32 = 120;
/// An owner filter naming nobody the deals know matches no deal.
const NOBODY: u32 = u32::MAX - 1;

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
    pub size_bands: Vec<SizeBand>,
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
    #[inline(always)]
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
enum Valued {
    Known(i64),
    NoAmount,
    NoRate(u32),
}

impl Valued {
    fn known(self) -> Option<i64> {
        match self {
            Valued::Known(value) => Some(value),
            _ => None,
        }
    }
}

/// What the catalog says about the numbers in the facts, worked out once per
/// recompute: each reason's category, and where categories stand.
struct Taxonomy {
    categories: Vec<CategoryInfo>,
    /// Category position of each reason slot.
    reason_category: Vec<usize>,
    competition: Option<usize>,
}

impl Taxonomy {
    fn new(catalog: &Catalog, facts: &Facts) -> Taxonomy {
        let mut ordered: Vec<_> = catalog.taxonomy.categories.iter().collect();
        ordered.sort_by_key(|category| category.order);
        let mut categories: Vec<CategoryInfo> =
            ordered.iter().map(|c| CategoryInfo { id: Some(c.id.clone()), label: c.label.clone() }).collect();
        let position = |id: &str| ordered.iter().position(|c| c.id.as_str() == id);
        let mut unknown = None;
        let reason_category = facts
            .reasons
            .texts()
            .iter()
            .map(|id| {
                let known = catalog.taxonomy.reason(&ReasonId::new(id.as_str())).and_then(|reason| position(reason.category.as_str()));
                known.unwrap_or_else(|| {
                    *unknown.get_or_insert_with(|| {
                        categories.push(CategoryInfo { id: None, label: "Unknown category".to_owned() });
                        categories.len() - 1
                    })
                })
            })
            .collect();
        Taxonomy { competition: position(COMPETITION_CATEGORY), categories, reason_category }
    }
}

/// The reasons a deal cites under the switch, and their distinct categories
/// (a deal citing two price reasons is one price deal).
#[derive(Default)]
struct Cited {
    reasons: Vec<u32>,
    categories: Vec<usize>,
    competitive: bool,
}

impl Cited {
    fn read(&mut self, fact: &Fact, facts: &Facts, taxonomy: &Taxonomy, secondary: bool) {
        self.reasons.clear();
        self.categories.clear();
        self.competitive = false;
        let all = std::iter::once(fact.reason).filter(|r| *r != NONE).chain(facts.secondary(fact).iter().copied());
        for (position, reason) in all.enumerate() {
            let category = taxonomy.reason_category[reason as usize];
            // Whether a loss was competitive does not depend on the switch.
            self.competitive |= Some(category) == taxonomy.competition;
            let counted = secondary || (position == 0 && fact.reason != NONE);
            if !counted {
                continue;
            }
            if !self.reasons.contains(&reason) {
                self.reasons.push(reason);
            }
            if !self.categories.contains(&category) {
                self.categories.push(category);
            }
        }
    }
}

/// What one period adds up to. `detailed` is off for the previous period,
/// which only feeds the comparison.
struct Accumulator {
    detailed: bool,
    tally: Tally,
    loss_categories: Vec<Amount>,
    with_reason: Rate,
    competitor_named: Rate,
    loss_reasons: Vec<Amount>,
    win_reasons: Vec<Amount>,
    win_categories: Vec<Amount>,
    /// By owner slot; the last entry is "no owner".
    owners: Vec<Counts>,
    /// Primary loss reasons by owner: `owner × reasons + reason`.
    owner_loss_reasons: Vec<u32>,
    reason_count: usize,
    competitors: Vec<HeadToHead>,
    /// By stage slot; the last entry is "no stage".
    stages: Vec<Amount>,
    tags: Vec<Counts>,
    sizes: Vec<(i64, Outcome)>,
    won_days: Vec<i64>,
    lost_days: Vec<i64>,
    unconverted: u64,
    without_amount: u64,
    missing_rates: Vec<u32>,
}

#[inline(always)]
fn slot_or_last(slot: u32, len: usize) -> usize {
    if slot == NONE {
        len
    } else {
        slot as usize
    }
}

impl Accumulator {
    fn new(facts: &Facts, taxonomy: &Taxonomy, detailed: bool) -> Accumulator {
        let sized = |len: usize| if detailed { len } else { 0 };
        Accumulator {
            detailed,
            tally: Tally::default(),
            loss_categories: vec![Amount::default(); taxonomy.categories.len()],
            with_reason: Rate::default(),
            competitor_named: Rate::default(),
            loss_reasons: vec![Amount::default(); sized(facts.reasons.len())],
            win_reasons: vec![Amount::default(); sized(facts.reasons.len())],
            win_categories: vec![Amount::default(); sized(taxonomy.categories.len())],
            owners: vec![Counts::default(); sized(facts.owners.len() + 1)],
            owner_loss_reasons: vec![0; sized((facts.owners.len() + 1) * facts.reasons.len())],
            reason_count: facts.reasons.len(),
            competitors: vec![HeadToHead::default(); sized(facts.competitors.len())],
            stages: vec![Amount::default(); sized(facts.stages.len() + 1)],
            tags: vec![Counts::default(); sized(facts.tags.len())],
            sizes: Vec::with_capacity(sized(facts.len())),
            won_days: Vec::with_capacity(sized(facts.len() / 2)),
            lost_days: Vec::with_capacity(sized(facts.len() / 2)),
            unconverted: 0,
            without_amount: 0,
            missing_rates: Vec::new(),
        }
    }

    fn add(&mut self, fact: &Fact, valued: Valued, cited: &Cited) {
        let value = valued.known();
        let outcome = fact.outcome;
        self.tally.add(outcome, value);
        let side = outcome.reason_side();
        let decided = outcome.counts_in_win_rate();
        if decided {
            self.with_reason.n += 1;
            self.with_reason.hits += u64::from(fact.reason != NONE);
        }
        let lost = side == Some(Side::Lost) && decided;
        if lost {
            for &category in &cited.categories {
                self.loss_categories[category].add(value);
            }
            if cited.competitive {
                self.competitor_named.n += 1;
                self.competitor_named.hits += u64::from(fact.competitor != NONE);
            }
        }
        if !self.detailed {
            return;
        }
        let owner = slot_or_last(fact.owner, self.owners.len() - 1);
        self.owners[owner].add(outcome);
        for &tag in &fact.tags {
            if tag != NONE {
                self.tags[tag as usize].add(outcome);
            }
        }
        if !decided {
            return;
        }
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
        if lost {
            for &reason in &cited.reasons {
                self.loss_reasons[reason as usize].add(value);
            }
            if fact.reason != NONE {
                self.owner_loss_reasons[owner * self.reason_count + fact.reason as usize] += 1;
            }
            let stage = slot_or_last(fact.stage, self.stages.len() - 1);
            self.stages[stage].add(value);
        } else {
            for &reason in &cited.reasons {
                self.win_reasons[reason as usize].add(value);
            }
            for &category in &cited.categories {
                self.win_categories[category].add(value);
            }
        }
        if fact.competitor != NONE {
            let head_to_head = &mut self.competitors[fact.competitor as usize];
            if lost {
                head_to_head.lost += 1;
                head_to_head.lost_value = head_to_head.lost_value.saturating_add(value.unwrap_or(0));
            } else {
                head_to_head.won += 1;
            }
        }
        if fact.close != NO_DATE {
            let days = i64::from(fact.close - fact.created);
            match outcome {
                Outcome::Won => self.won_days.push(days),
                Outcome::Lost => self.lost_days.push(days),
                _ => {}
            }
        }
    }

    fn summary(&self, taxonomy: &Taxonomy, overdue_open: u64) -> Summary {
        Summary {
            tally: self.tally,
            loss_categories: category_figures(&self.loss_categories, taxonomy),
            health: TrackingHealth { with_reason: self.with_reason, competitor_named: self.competitor_named, overdue_open },
        }
    }
}

fn category_figures(amounts: &[Amount], taxonomy: &Taxonomy) -> Vec<CategoryFigure> {
    let mut figures: Vec<CategoryFigure> = amounts
        .iter()
        .enumerate()
        .filter(|(_, amount)| amount.count > 0)
        .map(|(category, amount)| CategoryFigure {
            category,
            label: taxonomy.categories[category].label.clone(),
            count: amount.count,
            value: amount.value,
        })
        .collect();
    figures.sort_by(|a, b| b.value.cmp(&a.value).then(b.count.cmp(&a.count)).then(a.category.cmp(&b.category)));
    figures
}

fn reason_label(catalog: &Catalog, id: &str) -> String {
    catalog
        .taxonomy
        .reason(&ReasonId::new(id))
        .map_or_else(|| format!("Unknown reason “{id}”"), |reason| reason.label.clone())
}

fn reason_figures(amounts: &[Amount], facts: &Facts, taxonomy: &Taxonomy, catalog: &Catalog) -> Vec<ReasonFigure> {
    let mut figures: Vec<ReasonFigure> = amounts
        .iter()
        .enumerate()
        .filter(|(_, amount)| amount.count > 0)
        .map(|(slot, amount)| {
            let id = &facts.reasons.texts()[slot];
            ReasonFigure {
                id: ReasonId::new(id.as_str()),
                label: reason_label(catalog, id),
                category: taxonomy.reason_category[slot],
                count: amount.count,
                value: amount.value,
            }
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

/// The currency chosen in settings, else the one most amounts are in.
fn reporting_currency(facts: &Facts, catalog: &Catalog) -> Option<Currency> {
    if let Some(chosen) = &catalog.exchange_rates.reporting {
        return Some(chosen.clone());
    }
    let mut counts = vec![0u64; facts.currencies.len()];
    for fact in facts.rows() {
        if fact.currency != NONE {
            counts[fact.currency as usize] += 1;
        }
    }
    let texts = facts.currencies.texts();
    let most = (0..counts.len()).max_by(|&a, &b| counts[a].cmp(&counts[b]).then(texts[b].cmp(&texts[a])))?;
    Currency::parse(&texts[most]).ok()
}

/// The steps of the trend: at least the grain's minimum, ending with the
/// period's last step, covering the whole period when it is longer.
fn trend_steps(facts: &Facts, period: Option<Period>, grain: Grain, today: NaiveDate) -> (i32, Vec<TrendStep>) {
    let last = grain.index(period.map_or(today, |p| p.to));
    let first = match period {
        Some(period) => grain.index(period.from),
        None => facts
            .rows()
            .iter()
            .filter(|fact| fact.outcome.is_closed() && fact.close_month != NO_DATE)
            .map(|fact| step_of(grain, fact.close_month))
            .min()
            .unwrap_or(last),
    };
    let first = first.min(last - grain.minimum_steps() + 1).max(last - MAX_TREND_STEPS + 1);
    let steps = (first..=last)
        .map(|step| TrendStep { label: grain.label(step), period: grain.span(step), tally: Counts::default(), loss_categories: Vec::new() })
        .collect();
    (first, steps)
}

fn step_of(grain: Grain, month: i32) -> i32 {
    match grain {
        Grain::Month => month,
        Grain::Quarter => month.div_euclid(3),
    }
}

impl Dashboard {
    pub fn compute(facts: &Facts, catalog: &Catalog, filter: &DashboardFilter, today: NaiveDate) -> Dashboard {
        let reporting = reporting_currency(facts, catalog);
        let converters: Vec<Option<Converter>> = facts
            .currencies
            .texts()
            .iter()
            .map(|code| {
                let from = Currency::parse(code).ok()?;
                catalog.exchange_rates.converter(&from, reporting.as_ref()?)
            })
            .collect();
        let period = filter.period.resolve(today);
        let previous_period = period.map(|p| p.previous());
        let days = |p: Option<Period>| p.map_or((i32::MIN + 1, i32::MAX), |p| (day_number(p.from), day_number(p.to)));
        let (current_from, current_to) = days(period);
        let (previous_from, previous_to) = previous_period.map_or((1, 0), |p| days(Some(p)));
        let today_number = day_number(today);
        let grain = filter.grain;
        let (first_step, mut steps) = trend_steps(facts, period, grain, today);
        let taxonomy = Taxonomy::new(catalog, facts);
        for step in &mut steps {
            step.loss_categories = vec![0; taxonomy.categories.len()];
        }

        let owner = filter.owner.as_ref().map(|id| facts.owners.slot(id.as_str()).unwrap_or(NOBODY));
        let tags: Option<Vec<bool>> = filter
            .tag
            .as_ref()
            .map(|wanted| facts.tags.texts().iter().map(|tag| tag.eq_ignore_ascii_case(wanted)).collect());
        let hidden = |outcome: Outcome| filter.hidden.contains(&outcome);
        let hides_any = !filter.hidden.is_empty();

        let mut current = Accumulator::new(facts, &taxonomy, true);
        let mut previous = Accumulator::new(facts, &taxonomy, false);
        let mut cited = Cited::default();
        let mut overdue_open = 0;
        for fact in facts.rows() {
            if owner.is_some_and(|owner| fact.owner != owner) {
                continue;
            }
            if let Some(tags) = &tags {
                if !fact.tags.iter().any(|&tag| tag != NONE && tags[tag as usize]) {
                    continue;
                }
            }
            if fact.outcome == Outcome::Open {
                overdue_open += u64::from(fact.close != NO_DATE && fact.close < today_number);
                continue;
            }
            if fact.close == NO_DATE || (hides_any && hidden(fact.outcome)) {
                continue;
            }
            let in_current = current_from <= fact.close && fact.close <= current_to;
            let in_previous = previous_from <= fact.close && fact.close <= previous_to;
            let step = step_of(grain, fact.close_month) - first_step;
            let in_trend = step >= 0 && (step as usize) < steps.len();
            if !(in_current || in_previous || in_trend) {
                continue;
            }
            let valued = match fact.currency {
                NONE => Valued::NoAmount,
                currency => match converters[currency as usize].and_then(|converter| converter.apply(fact.minor)) {
                    Some(value) => Valued::Known(value),
                    None => Valued::NoRate(currency),
                },
            };
            cited.read(fact, facts, &taxonomy, filter.secondary);
            if in_current {
                current.add(fact, valued, &cited);
            } else if in_previous {
                previous.add(fact, valued, &cited);
            }
            if in_trend {
                let step = &mut steps[step as usize];
                step.tally.add(fact.outcome);
                if fact.outcome.reason_side() == Some(Side::Lost) && fact.outcome.counts_in_win_rate() {
                    for &category in &cited.categories {
                        step.loss_categories[category] += 1;
                    }
                }
            }
        }
        let summary = current.summary(&taxonomy, overdue_open);
        let previous = previous_period.map(|_| previous.summary(&taxonomy, overdue_open));
        Dashboard {
            period,
            previous_period,
            current: summary,
            previous,
            loss_reasons: reason_figures(&current.loss_reasons, facts, &taxonomy, catalog),
            win_reasons: reason_figures(&current.win_reasons, facts, &taxonomy, catalog),
            win_categories: category_figures(&current.win_categories, &taxonomy),
            trend: Trend { grain, steps },
            owners: owner_figures(&current, facts, catalog),
            competitors: competitor_figures(&current, facts, catalog),
            stages_at_loss: stage_figures(&current, facts, catalog),
            size_bands: size_bands(&current.sizes),
            tags: tag_figures(&current, facts),
            cycle: SalesCycle {
                won_n: current.won_days.len(),
                won_median_days: median(&mut current.won_days),
                lost_n: current.lost_days.len(),
                lost_median_days: median(&mut current.lost_days),
            },
            money: MoneyCoverage {
                missing_rates: {
                    let mut codes: Vec<Currency> = current
                        .missing_rates
                        .iter()
                        .filter_map(|slot| Currency::parse(&facts.currencies.texts()[*slot as usize]).ok())
                        .collect();
                    codes.sort();
                    codes
                },
                reporting,
                unconverted: current.unconverted,
                without_amount: current.without_amount,
            },
            categories: taxonomy.categories,
        }
    }
}

fn owner_figures(current: &Accumulator, facts: &Facts, catalog: &Catalog) -> Vec<OwnerFigure> {
    let no_owner = current.owners.len().saturating_sub(1);
    let mut owners: Vec<OwnerFigure> = current
        .owners
        .iter()
        .enumerate()
        .filter(|(_, tally)| tally.decided() > 0)
        .map(|(slot, tally)| {
            let reasons = current.owner_loss_reasons.chunks(current.reason_count.max(1)).nth(slot).unwrap_or(&[]);
            let top_loss_reason = (0..reasons.len())
                .filter(|&reason| reasons[reason] > 0)
                .max_by(|&a, &b| reasons[a].cmp(&reasons[b]).then(b.cmp(&a)))
                .map(|reason| reason_label(catalog, &facts.reasons.texts()[reason]));
            let id = (slot != no_owner).then(|| OwnerId::new(facts.owners.texts()[slot].as_str()));
            let name = match &id {
                Some(id) => catalog.owners.name_of(id).map_or_else(|| id.to_string(), str::to_owned),
                None => "No owner".to_owned(),
            };
            OwnerFigure { id, name, tally: *tally, top_loss_reason }
        })
        .collect();
    owners.sort_by(|a, b| {
        let rate = |figure: &OwnerFigure| figure.tally.win_rate().value().unwrap_or(0.0);
        rate(b).total_cmp(&rate(a)).then(b.tally.decided().cmp(&a.tally.decided())).then(a.name.cmp(&b.name))
    });
    owners
}

fn competitor_figures(current: &Accumulator, facts: &Facts, catalog: &Catalog) -> Vec<CompetitorFigure> {
    let mut competitors: Vec<CompetitorFigure> = current
        .competitors
        .iter()
        .enumerate()
        .filter(|(_, h)| h.won + h.lost > 0)
        .map(|(slot, h)| {
            let id = CompetitorId::new(facts.competitors.texts()[slot].as_str());
            let name = catalog.competitors.name_of(&id).map_or_else(|| id.to_string(), str::to_owned);
            CompetitorFigure { id, name, won: h.won, lost: h.lost, lost_value: h.lost_value }
        })
        .collect();
    competitors.sort_by(|a, b| (b.won + b.lost).cmp(&(a.won + a.lost)).then(b.lost.cmp(&a.lost)).then(a.name.cmp(&b.name)));
    competitors
}

fn stage_figures(current: &Accumulator, facts: &Facts, catalog: &Catalog) -> Vec<StageFigure> {
    let no_stage = current.stages.len().saturating_sub(1);
    let mut stages: Vec<(usize, StageFigure)> = current
        .stages
        .iter()
        .enumerate()
        .filter(|(_, amount)| amount.count > 0)
        .map(|(slot, amount)| {
            let id = (slot != no_stage).then(|| StageId::new(facts.stages.texts()[slot].as_str()));
            let position = id.as_ref().map_or(usize::MAX, |id| {
                catalog.stages.items.iter().position(|stage| &stage.id == id).unwrap_or(usize::MAX - 1)
            });
            let name = match &id {
                Some(id) => catalog.stages.name_of(id).map_or_else(|| id.to_string(), str::to_owned),
                None => "No stage recorded".to_owned(),
            };
            (position, StageFigure { id, name, lost: amount.count, lost_value: amount.value })
        })
        .collect();
    stages.sort_by_key(|(position, _)| *position);
    stages.into_iter().map(|(_, figure)| figure).collect()
}

fn tag_figures(current: &Accumulator, facts: &Facts) -> Vec<TagFigure> {
    let mut tags: Vec<TagFigure> = current
        .tags
        .iter()
        .enumerate()
        .filter(|(_, tally)| tally.closed() > 0)
        .map(|(slot, tally)| TagFigure { tag: facts.tags.texts()[slot].clone(), tally: *tally })
        .collect();
    tags.sort_by(|a, b| b.tally.decided().cmp(&a.tally.decided()).then(a.tag.cmp(&b.tag)));
    tags
}
