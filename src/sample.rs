//! Realistic, reproducible sample deals: for trying the app and for the
//! benchmark. The same count and seed always give the same deals.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::domain::{Currency, Deal, DealId, Money, Outcome, ReasonId, Side, Taxonomy};

const OWNERS: [&str; 12] = [
    "Dana Whitfield", "Luis Ortega", "Priya Raman", "Tom Becker", "Aiko Tanaka", "Sam Okafor",
    "Elena Rossi", "Marcus Hale", "Nina Petrova", "Jonas Berg", "Grace Liu", "Omar Haddad",
];
const ACCOUNT_FIRST: [&str; 16] = [
    "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent", "Tyrell",
    "Cyberdyne", "Wonka", "Gringotts", "Oscorp", "Aperture", "Massive",
];
const ACCOUNT_SECOND: [&str; 8] = ["Corp", "Industries", "Labs", "Group", "Logistics", "Health", "Bank", "Retail"];
const DEAL_KIND: [&str; 6] = ["renewal", "pilot", "expansion", "new logo", "upgrade", "rollout"];

/// `count` deals created over the two years before `today`, about 15 % still
/// open, with reasons skewed the way real teams' are (a few reasons explain
/// most losses).
pub fn sample_deals(count: usize, seed: u64, today: NaiveDate, taxonomy: &Taxonomy) -> Vec<Deal> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let lost_reasons = offered_ids(taxonomy, Side::Lost);
    let won_reasons = offered_ids(taxonomy, Side::Won);
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
            let reason = match outcome.reason_side() {
                Some(Side::Won) => skewed_pick(&mut rng, &won_reasons),
                Some(Side::Lost) => skewed_pick(&mut rng, &lost_reasons),
                None => None,
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
                owner: OWNERS[rng.usize(0..OWNERS.len())].to_owned(),
                created_on,
                close_date: Some(if outcome.is_closed() { close_date } else { today + Duration::days(rng.i64(5..90)) }),
                outcome,
                reason,
                notes: String::new(),
                updated_at,
            }
        })
        .collect()
}

fn offered_ids(taxonomy: &Taxonomy, side: Side) -> Vec<ReasonId> {
    taxonomy
        .offered(side)
        .into_iter()
        .flat_map(|(_, reasons)| reasons.into_iter().map(|reason| reason.id.clone()))
        .collect()
}

/// Earlier reasons in the list are picked far more often than later ones.
fn skewed_pick(rng: &mut fastrand::Rng, reasons: &[ReasonId]) -> Option<ReasonId> {
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
        let taxonomy = Taxonomy::standard();
        assert_eq!(sample_deals(200, 7, today(), &taxonomy), sample_deals(200, 7, today(), &taxonomy));
        assert_ne!(sample_deals(200, 7, today(), &taxonomy), sample_deals(200, 8, today(), &taxonomy));
    }

    #[test]
    fn sample_deals_are_valid_closes() {
        let taxonomy = Taxonomy::standard();
        let deals = sample_deals(2_000, 1, today(), &taxonomy);
        for deal in &deals {
            match (deal.outcome.reason_side(), &deal.reason) {
                (Some(side), Some(id)) => {
                    let reason = taxonomy.reason(id).expect("a known reason");
                    assert!(reason.offered_for(side), "{} does not fit {:?}", reason.label, deal.outcome);
                }
                (None, None) => {}
                other => panic!("outcome and reason disagree: {other:?}"),
            }
            assert!(deal.created_on <= today());
            assert!(deal.amount.as_ref().is_some_and(|m| m.minor > 0));
        }
        let open = deals.iter().filter(|d| d.outcome == Outcome::Open).count();
        assert!((200..400).contains(&open), "{open} open deals of 2,000");
    }
}
