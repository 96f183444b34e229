//! The colours of the dashboard. A category keeps its colour on every chart
//! (the Pareto, the reasons over time…) because both ask this palette by the
//! category's position in `Dashboard::categories`.

/// Tableau 10: distinct for the eight standard categories and "Unknown
/// category", and still readable for the common forms of colour blindness.
const CATEGORY_COLOURS: [&str; 10] =
    ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

/// Deals won, on every chart that sets won against lost.
pub const WON_COLOUR: &str = "#2f9e44";
/// Deals lost, on every chart that sets won against lost.
pub const LOST_COLOUR: &str = "#e03131";

/// Series that are no category: counts behind a rate, a running share.
pub(crate) const NEUTRAL_COLOUR: &str = "#5b6770";
/// A rate and its interval band.
pub(crate) const RATE_COLOUR: &str = "#1f5fa8";

/// The colour of the category at this position in `Dashboard::categories`;
/// positions past the palette wrap around.
pub fn category_colour(category_position: usize) -> &'static str {
    CATEGORY_COLOURS[category_position % CATEGORY_COLOURS.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_of_a_standard_taxonomy_get_distinct_colours_and_others_wrap() {
        // Eight standard categories and "Unknown category".
        let colours: Vec<&str> = (0..9).map(category_colour).collect();
        for (i, colour) in colours.iter().enumerate() {
            assert!(!colours[..i].contains(colour), "{colour} used twice");
            assert!(colour.starts_with('#') && colour.len() == 7);
        }
        assert_eq!(category_colour(10), category_colour(0));
        assert_ne!(WON_COLOUR, LOST_COLOUR);
    }
}
