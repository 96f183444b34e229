use std::cmp::Ordering;

use crate::domain::Deal;

/// Newest first; deals created the same day by name (ignoring case), then by
/// id, so the order is the same after a reload.
pub fn display_order(a: &Deal, b: &Deal) -> Ordering {
    b.created_on
        .cmp(&a.created_on)
        .then_with(|| {
            let a_name = a.name.chars().flat_map(char::to_lowercase);
            a_name.cmp(b.name.chars().flat_map(char::to_lowercase))
        })
        .then_with(|| a.id.cmp(&b.id))
}

/// Positions in `deals` of the first `count` deals in display order, found
/// without sorting them all: with 100,000 deals a full sort would cost frames.
pub fn first_in_display_order(deals: &[Deal], count: usize) -> Vec<usize> {
    let order = |a: &usize, b: &usize| display_order(&deals[*a], &deals[*b]);
    let mut positions: Vec<usize> = (0..deals.len()).collect();
    if count == 0 {
        return Vec::new();
    }
    if count < positions.len() {
        positions.select_nth_unstable_by(count - 1, order);
        positions.truncate(count);
    }
    positions.sort_unstable_by(order);
    positions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Catalog;
    use crate::sample::sample_deals;
    use chrono::NaiveDate;

    fn deals() -> Vec<Deal> {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).expect("valid date");
        sample_deals(3_000, 11, today, &mut Catalog::standard())
    }

    #[test]
    fn the_first_page_is_the_start_of_a_full_sort() {
        let deals = deals();
        let mut sorted: Vec<&Deal> = deals.iter().collect();
        sorted.sort_by(|a, b| display_order(a, b));
        for count in [0, 1, 50, 2_999, 3_000, 5_000] {
            let expected: Vec<&Deal> = sorted.iter().take(count).copied().collect();
            let found: Vec<&Deal> = first_in_display_order(&deals, count).into_iter().map(|at| &deals[at]).collect();
            assert_eq!(found, expected, "first {count}");
        }
    }

    #[test]
    fn names_compare_without_regard_to_case() {
        let mut deals = deals();
        deals.truncate(2);
        deals[1].created_on = deals[0].created_on;
        deals[0].name = "beta".into();
        deals[1].name = "Alpha".into();
        let names: Vec<&str> = first_in_display_order(&deals, 2).iter().map(|&at| deals[at].name.as_str()).collect();
        assert_eq!(names, ["Alpha", "beta"]);
    }
}
