use serde::{Deserialize, Serialize};

use super::Side;

/// Where a deal ended up. Only `Open` deals are still in play.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Open,
    Won,
    Lost,
    /// The buyer kept the status quo or shelved the project.
    NoDecision,
    /// Not a real opportunity; left out of the win rate.
    Disqualified,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Open,
        Outcome::Won,
        Outcome::Lost,
        Outcome::NoDecision,
        Outcome::Disqualified,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Open => "Open",
            Outcome::Won => "Won",
            Outcome::Lost => "Lost",
            Outcome::NoDecision => "No decision",
            Outcome::Disqualified => "Disqualified",
        }
    }

    // Inlined always: the dashboard asks these of every deal, and the
    // release build optimises for size.
    #[inline(always)]
    pub fn is_closed(self) -> bool {
        self != Outcome::Open
    }

    /// Win rate = won / (won + lost + no decision).
    #[inline(always)]
    pub fn counts_in_win_rate(self) -> bool {
        matches!(self, Outcome::Won | Outcome::Lost | Outcome::NoDecision)
    }

    /// Which list of reasons explains this outcome. A deal with no decision
    /// was still not won, so it takes the reasons for losing.
    #[inline(always)]
    pub fn reason_side(self) -> Option<Side> {
        match self {
            Outcome::Won => Some(Side::Won),
            Outcome::Lost | Outcome::NoDecision => Some(Side::Lost),
            Outcome::Open | Outcome::Disqualified => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn win_rate_ignores_open_and_disqualified_deals() {
        let counted: Vec<Outcome> = Outcome::ALL
            .into_iter()
            .filter(|outcome| outcome.counts_in_win_rate())
            .collect();
        assert_eq!(counted, vec![Outcome::Won, Outcome::Lost, Outcome::NoDecision]);
    }

    #[test]
    fn stored_names_are_stable() {
        let json = serde_json::to_string(&Outcome::NoDecision).expect("serialises");
        assert_eq!(json, "\"no_decision\"");
    }
}
