//! Realistic, reproducible sample deals: for trying the app and for the
//! benchmark. The same count and seed always give the same deals.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::domain::{
    Catalog, CompetitorId, Currency, Deal, DealId, Money, Outcome, OwnerId, ReasonId, ReasonSource, Side, StageId, Tags,
};

const OWNERS: [&str; 12] = [
    "Dana Whitfield", "Luis Ortega", "Priya Raman", "Tom Becker", "Aiko Tanaka", "Sam Okafor",
    "Elena Rossi", "Marcus Hale", "Nina Petrova", "Jonas Berg", "Grace Liu", "Omar Haddad",
];
const COMPETITORS: [&str; 5] = ["Initech", "Globex Software", "Vandelay Systems", "Hooli Cloud", "Massive Dynamic"];
const ACCOUNT_FIRST: [&str; 16] = [
    "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent", "Tyrell",
    "Cyberdyne", "Wonka", "Gringotts", "Oscorp", "Aperture", "Massive",
];
const ACCOUNT_SECOND: [&str; 8] = ["Corp", "Industries", "Labs", "Group", "Logistics", "Health", "Bank", "Retail"];
const DEAL_KIND: [&str; 6] = ["renewal", "pilot", "expansion", "new logo", "upgrade", "rollout"];
const PRODUCTS: [&str; 3] = ["Analytics", "Platform", "Services"];
const SEGMENTS: [&str; 3] = ["SMB", "Mid-market", "Enterprise"];
const SOURCES: [&str; 4] = ["Inbound", "Outbound", "Partner", "Referral"];

/// `count` deals created over the two years before `today`, about 15 % still
/// open, with reasons skewed the way real teams' are (a few reasons explain
/// most losses). The sample's owners and competitors are added to `catalog`.
pub fn sample_deals(count: usize, seed: u64, today: NaiveDate, catalog: &mut Catalog) -> Vec<Deal> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let lost_reasons = offered_ids(catalog, Side::Lost);
    let won_reasons = offered_ids(catalog, Side::Won);
    let owners: Vec<Option<OwnerId>> = OWNERS
        .iter()
        .map(|name| catalog.owners.add_or_find(name, OwnerId::new(format!("sample-owner-{name}"))).ok())
        .collect();
    let competitors: Vec<Option<CompetitorId>> = COMPETITORS
        .iter()
        .map(|name| catalog.competitors.add_or_find(name, CompetitorId::new(format!("sample-competitor-{name}"))).ok())
        .collect();
    let stages: Vec<StageId> = catalog.stages.active().map(|stage| stage.id.clone()).collect();
    let usd = Currency::parse("USD").ok();
    let updated_at = DateTime::<Utc>::from_naive_utc_and_offset(today.and_hms_opt(9, 0, 0).unwrap_or_default(), Utc);

    (0..count)
        .map(|index| {
            let created_on = today - Duration::days(rng.i64(20..730));
            let outcome = match rng.u32(0..100) {
                0..15 => Outcome::Open,
                15..45 => Outcome::Won,
                45..85 => Outcome::Lost,
                85..95 => Outcome::NoDecision,
                _ => Outcome::Disqualified,
            };
            let cycle_days = if outcome == Outcome::Won { rng.i64(10..90) } else { rng.i64(15..150) };
            let close_date = (created_on + Duration::days(cycle_days)).min(today);
            let side = outcome.reason_side();
            let reasons = match side {
                Some(Side::Won) => &won_reasons,
                Some(Side::Lost) => &lost_reasons,
                None => &lost_reasons,
            };
            let reason = side.and_then(|_| skewed_pick(&mut rng, reasons));
            let secondary_reasons = match side {
                Some(_) if rng.u32(0..100) < 30 => skewed_pick(&mut rng, reasons).filter(|r| Some(r) != reason.as_ref()).into_iter().collect(),
                _ => Vec::new(),
            };
            let competitor = if matches!(outcome, Outcome::Won | Outcome::Lost) && rng.u32(0..100) < 60 {
                competitors[rng.usize(0..competitors.len())].clone()
            } else {
                None
            };
            let account = format!(
                "{} {}",
                ACCOUNT_FIRST[rng.usize(0..ACCOUNT_FIRST.len())],
                ACCOUNT_SECOND[rng.usize(0..ACCOUNT_SECOND.len())]
            );
            // Deal sizes spread over two orders of magnitude, most of them small.
            let major = 1_000 + (rng.f64().powi(3) * 150_000.0) as i64;
            Deal {
                id: DealId::new(format!("sample-{seed}-{index:07}")),
                name: format!("{account} {}", DEAL_KIND[rng.usize(0..DEAL_KIND.len())]),
                account,
                amount: usd.clone().map(|currency| Money { minor: major * 100, currency }),
                owner: owners[rng.usize(0..owners.len())].clone(),
                stage: (!stages.is_empty()).then(|| stages[rng.usize(0..stages.len())].clone()),
                created_on,
                close_date: Some(if outcome.is_closed() { close_date } else { today + Duration::days(rng.i64(5..90)) }),
                outcome,
                reason,
                secondary_reasons,
                competitor,
                reason_source: if rng.u32(0..100) < 20 { ReasonSource::ConfirmedByBuyer } else { ReasonSource::SalespersonView },
                notes: String::new(),
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

pub(crate) fn offered_ids(catalog: &Catalog, side: Side) -> Vec<ReasonId> {
    catalog
        .taxonomy
        .offered(side)
        .into_iter()
        .flat_map(|(_, reasons)| reasons.into_iter().map(|reason| reason.id.clone()))
        .collect()
}

/// Earlier reasons in the list are picked far more often than later ones.
pub(crate) fn skewed_pick(rng: &mut fastrand::Rng, reasons: &[ReasonId]) -> Option<ReasonId> {
    if reasons.is_empty() {
        return None;
    }
    let position = (rng.f64().powi(2) * reasons.len() as f64) as usize;
    reasons.get(position.min(reasons.len() - 1)).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).expect("valid date")
    }

    #[test]
    fn the_same_seed_gives_the_same_deals() {
        let sample = |seed| sample_deals(200, seed, today(), &mut Catalog::standard());
        assert_eq!(sample(7), sample(7));
        assert_ne!(sample(7), sample(8));
    }

    #[test]
    fn sample_deals_are_valid_closes_with_known_owners() {
        let mut catalog = Catalog::standard();
        let deals = sample_deals(2_000, 1, today(), &mut catalog);
        assert_eq!(catalog.owners.items.len(), OWNERS.len());
        for deal in &deals {
            match (deal.outcome.reason_side(), &deal.reason) {
                (Some(side), Some(id)) => {
                    let reason = catalog.taxonomy.reason(id).expect("a known reason");
                    assert!(reason.offered_for(side), "{} does not fit {:?}", reason.label, deal.outcome);
                }
                (None, None) => {}
                other => panic!("outcome and reason disagree: {other:?}"),
            }
            assert!(deal.owner.as_ref().is_some_and(|id| catalog.owners.get(id).is_some()));
            assert!(deal.created_on <= today());
            assert!(deal.amount.as_ref().is_some_and(|m| m.minor > 0));
        }
        let open = deals.iter().filter(|d| d.outcome == Outcome::Open).count();
        assert!((200..400).contains(&open), "{open} open deals of 2,000");
    }

    #[test]
    fn sampling_twice_does_not_duplicate_owners() {
        let mut catalog = Catalog::standard();
        sample_deals(10, 1, today(), &mut catalog);
        sample_deals(10, 2, today(), &mut catalog);
        assert_eq!(catalog.owners.items.len(), OWNERS.len());
        assert_eq!(catalog.competitors.items.len(), COMPETITORS.len());
    }
}
