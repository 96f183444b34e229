use super::dashboard_filter::Measure;
use super::figures::ReasonFigure;

/// A bar of a Pareto chart: the reason, its share of all the reasons cited,
/// and the running total of shares down to it.
#[derive(Clone, Debug, PartialEq)]
pub struct ParetoRow<'a> {
    pub reason: &'a ReasonFigure,
    pub share: f64,
    pub cumulative: f64,
}

/// Reasons ranked by `measure`, largest first, with shares of the total.
pub fn pareto(reasons: &[ReasonFigure], measure: Measure) -> Vec<ParetoRow<'_>> {
    let amount = |figure: &ReasonFigure| match measure {
        Measure::Count => figure.count as f64,
        Measure::Value => figure.value as f64,
    };
    let mut ranked: Vec<&ReasonFigure> = reasons.iter().collect();
    ranked.sort_by(|a, b| amount(b).total_cmp(&amount(a)).then_with(|| a.label.cmp(&b.label)));
    let total: f64 = ranked.iter().map(|figure| amount(figure)).sum();
    let mut running = 0.0;
    ranked
        .into_iter()
        .map(|reason| {
            let share = if total > 0.0 { amount(reason) / total } else { 0.0 };
            running += share;
            ParetoRow { reason, share, cumulative: running.min(1.0) }
        })
        .collect()
}
