//! The demo data offered on an empty dashboard: a few hundred made-up deals
//! over 18 months that tell a story worth reading (one rep far ahead, one
//! competitor that beats us, price losses growing lately). Every demo deal's
//! id starts with [`DEMO_PREFIX`], so the demo is removable in one click.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::domain::{Catalog, CompetitorId, Currency, Deal, DealId, Money, Outcome, OwnerId, ReasonId, ReasonSource, Side, Tags};
use crate::sample::{offered_ids, skewed_pick};

pub const DEMO_PREFIX: &str = "demo-";
pub const DEMO_DEALS: usize = 480;
const SEED: u64 = 2026;
const DAYS: i64 = 548;

const OWNERS: [(&str, i32); 6] =
    [("Dana Whitfield", 18), ("Luis Ortega", 0), ("Priya Raman", 4), ("Tom Becker", -14), ("Aiko Tanaka", 2), ("Sam Okafor", -4)];
/// (name, points of win probability against them)
const COMPETITORS: [(&str, i32); 4] = [("Initech", -30), ("Globex Software", 0), ("Vandelay Systems", 8), ("Hooli Cloud", -4)];
const ACCOUNTS: [&str; 14] = [
    "Acme Corp", "Umbrella Health", "Stark Industries", "Wayne Logistics", "Soylent Retail", "Tyrell Labs", "Cyberdyne Group",
    "Wonka Foods", "Oscorp Bank", "Aperture Labs", "Gringotts Bank", "Pied Piper", "Dunder Mifflin", "Monarch Retail",
];
const KINDS: [&str; 5] = ["renewal", "pilot", "expansion", "new logo", "rollout"];
const SEGMENTS: [&str; 3] = ["SMB", "Mid-market", "Enterprise"];
const PRODUCTS: [&str; 3] = ["Analytics", "Platform", "Services"];
const SOURCES: [&str; 4] = ["Inbound", "Outbound", "Partner", "Referral"];
/// Losses closed in the last quarter cite price this much more often.
const RECENT_PRICE_PERCENT: u32 = 35;

pub fn is_demo(deal: &Deal) -> bool {
    deal.id.as_str().starts_with(DEMO_PREFIX)
}

/// The demo deals as of `today`; their owners and competitors are added to
/// `catalog` (with demo ids, so they leave with the demo).
pub fn demo_deals(today: NaiveDate, catalog: &mut Catalog) -> Vec<Deal> {
    let mut rng = fastrand::Rng::with_seed(SEED);
    let lost_reasons = offered_ids(catalog, Side::Lost);
    let won_reasons = offered_ids(catalog, Side::Won);
    let too_expensive = ReasonId::new("lost-too-expensive");
    let owners: Vec<(Option<OwnerId>, i32)> = OWNERS
        .iter()
        .map(|(name, skill)| (catalog.owners.add_or_find(name, OwnerId::new(format!("{DEMO_PREFIX}owner-{name}"))).ok(), *skill))
        .collect();
    let competitors: Vec<(Option<CompetitorId>, i32)> = COMPETITORS
        .iter()
        .map(|(name, edge)| {
            (catalog.competitors.add_or_find(name, CompetitorId::new(format!("{DEMO_PREFIX}competitor-{name}"))).ok(), *edge)
        })
        .collect();
    let stages: Vec<_> = catalog.stages.active().map(|stage| stage.id.clone()).collect();
    let usd = Currency::parse("USD").ok();
    let updated_at = DateTime::<Utc>::from_naive_utc_and_offset(today.and_hms_opt(9, 0, 0).unwrap_or_default(), Utc);

    (0..DEMO_DEALS)
        .map(|index| {
            let created_on = today - Duration::days(rng.i64(14..DAYS));
            let (owner, skill) = owners[rng.usize(0..owners.len())].clone();
            let competitor = (rng.u32(0..100) < 55).then(|| competitors[rng.usize(0..competitors.len())].clone());
            let edge = competitor.as_ref().map_or(0, |(_, edge)| *edge);
            let closed_by = created_on + Duration::days(rng.i64(15..120));
            let still_open = closed_by > today || rng.u32(0..100) < 8;
            let win_chance = (38 + skill + edge).clamp(5, 90) as u32;
            let outcome = match rng.u32(0..100) {
                _ if still_open => Outcome::Open,
                roll if roll < win_chance => Outcome::Won,
                roll if roll < 88 => Outcome::Lost,
                roll if roll < 96 => Outcome::NoDecision,
                _ => Outcome::Disqualified,
            };
            let close_date = if still_open { today + Duration::days(rng.i64(-20..75)) } else { closed_by };
            let recent = (today - close_date).num_days() < 90;
            let reason = match outcome.reason_side() {
                // A few closes were never explained, as in real teams.
                _ if rng.u32(0..100) < 6 => None,
                Some(Side::Lost) if recent && rng.u32(0..100) < RECENT_PRICE_PERCENT => Some(too_expensive.clone()),
                Some(Side::Lost) => skewed_pick(&mut rng, &lost_reasons),
                Some(Side::Won) => skewed_pick(&mut rng, &won_reasons),
                None => None,
            };
            let account = ACCOUNTS[rng.usize(0..ACCOUNTS.len())];
            let major = 2_000 + (rng.f64().powi(3) * 120_000.0) as i64;
            let named = competitor.filter(|_| matches!(outcome, Outcome::Won | Outcome::Lost)).and_then(|(id, _)| id);
            Deal {
                id: DealId::new(format!("{DEMO_PREFIX}{index:04}")),
                name: format!("{account} {}", KINDS[rng.usize(0..KINDS.len())]),
                account: account.to_owned(),
                amount: usd.clone().map(|currency| Money { minor: major * 100, currency }),
                owner,
                stage: (!stages.is_empty()).then(|| stages[rng.usize(0..stages.len())].clone()),
                created_on,
                close_date: Some(close_date),
                outcome,
                reason,
                secondary_reasons: Vec::new(),
                competitor: named,
                reason_source: if rng.u32(0..100) < 25 { ReasonSource::ConfirmedByBuyer } else { ReasonSource::SalespersonView },
                notes: "Demo deal: made up to show what the dashboard does.".to_owned(),
                tags: Tags {
                    product: PRODUCTS[rng.usize(0..PRODUCTS.len())].to_owned(),
                    segment: SEGMENTS[rng.usize(0..SEGMENTS.len())].to_owned(),
                    source: SOURCES[rng.usize(0..SOURCES.len())].to_owned(),
                },
                source_id: String::new(),
                updated_at,
            }
        })
        .collect()
}

/// The catalog without the demo's owners and competitors, unless one of
/// `deals` that is not a demo deal uses them.
pub fn without_demo_entries(catalog: &Catalog, deals: &[Deal]) -> Catalog {
    let remaining: Vec<&Deal> = deals.iter().filter(|deal| !is_demo(deal)).collect();
    let mut cleaned = catalog.clone();
    cleaned.owners.items.retain(|owner| {
        !owner.id.as_str().starts_with(DEMO_PREFIX) || remaining.iter().any(|deal| deal.owner.as_ref() == Some(&owner.id))
    });
    cleaned.competitors.items.retain(|competitor| {
        !competitor.id.as_str().starts_with(DEMO_PREFIX)
            || remaining.iter().any(|deal| deal.competitor.as_ref() == Some(&competitor.id))
    });
    cleaned
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::{insights, Dashboard, Facts, DashboardFilter, PeriodChoice};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).expect("valid date")
    }

    #[test]
    fn the_demo_is_marked_valid_and_spread_over_eighteen_months() {
        let mut catalog = Catalog::standard();
        let deals = demo_deals(today(), &mut catalog);
        assert_eq!(deals.len(), DEMO_DEALS);
        assert!(deals.iter().all(is_demo));
        let oldest = deals.iter().map(|d| d.created_on).min().expect("deals");
        assert!((today() - oldest).num_days() > 500);
        for deal in &deals {
            if let (Some(side), Some(id)) = (deal.outcome.reason_side(), &deal.reason) {
                assert!(catalog.taxonomy.reason(id).is_some_and(|r| r.offered_for(side)));
            }
        }
        assert_eq!(demo_deals(today(), &mut catalog), deals, "the same demo every time");
    }

    #[test]
    fn the_demo_tells_its_story_in_the_insights() {
        let mut catalog = Catalog::standard();
        let deals = demo_deals(today(), &mut catalog);
        let filter = DashboardFilter { period: PeriodChoice::Last12Months, ..DashboardFilter::default() };
        let dashboard = Dashboard::compute(&Facts::new(&deals), &catalog, &filter, today());
        let sentences: Vec<String> = insights(&dashboard, &filter).into_iter().map(|i| i.text).collect();
        assert!(sentences.iter().any(|s| s.contains("against Initech")), "{sentences:#?}");
        assert!(sentences.iter().any(|s| s.contains(" wins ") && s.contains("rest of the team")), "{sentences:#?}");
    }

    #[test]
    fn removing_the_demo_drops_its_owners_but_keeps_those_in_use() {
        let mut catalog = Catalog::standard();
        let mut deals = demo_deals(today(), &mut catalog);
        let kept_owner = deals[0].owner.clone();
        let mut own = deals.remove(0);
        own.id = DealId::new("mine");
        deals.push(own);
        let cleaned = without_demo_entries(&catalog, &deals);
        let owners: Vec<_> = cleaned.owners.items.iter().map(|o| Some(o.id.clone())).collect();
        assert_eq!(owners, vec![kept_owner]);
        assert!(cleaned.competitors.items.len() <= 1);
    }
}
