//! The words CRMs use for how a deal ended, in an outcome column (Pipedrive's
//! "Status") or in the stage (Salesforce's "Closed Won", HubSpot's
//! "closedlost").

use crate::domain::Outcome;

/// Spellings compared without case, spaces or punctuation: "Closed Won",
/// "closed_won" and "closedwon" are one word.
const WORDS: [(&str, Outcome); 22] = [
    ("won", Outcome::Won),
    ("win", Outcome::Won),
    ("closedwon", Outcome::Won),
    ("dealwon", Outcome::Won),
    ("lost", Outcome::Lost),
    ("loss", Outcome::Lost),
    ("closedlost", Outcome::Lost),
    ("deallost", Outcome::Lost),
    ("nodecision", Outcome::NoDecision),
    ("closednodecision", Outcome::NoDecision),
    ("stalled", Outcome::NoDecision),
    ("shelved", Outcome::NoDecision),
    ("statusquo", Outcome::NoDecision),
    ("disqualified", Outcome::Disqualified),
    ("closeddisqualified", Outcome::Disqualified),
    ("unqualified", Outcome::Disqualified),
    ("closedunqualified", Outcome::Disqualified),
    ("notqualified", Outcome::Disqualified),
    ("junk", Outcome::Disqualified),
    ("spam", Outcome::Disqualified),
    // A deal deleted in Pipedrive was no real opportunity: kept, but out of
    // the win rate.
    ("deleted", Outcome::Disqualified),
    ("open", Outcome::Open),
];

/// The outcome a word names, or `None` when it names none (a stage such as
/// "Negotiation").
pub(super) fn outcome_named(word: &str) -> Option<Outcome> {
    if word.len() > 40 {
        return None;
    }
    let key: String = word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    WORDS.iter().find(|(spelling, _)| *spelling == key).map(|(_, outcome)| *outcome)
}

/// What a row says about its outcome; the first that speaks settles it.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct OutcomeClues {
    /// From a mapped outcome column, when the cell is not empty.
    pub(super) stated: Option<Outcome>,
    /// From the stage, when no outcome column is mapped.
    pub(super) from_stage: Option<Outcome>,
    pub(super) has_loss_reason: bool,
    pub(super) won_on: bool,
    pub(super) lost_on: bool,
}

impl OutcomeClues {
    /// The row's outcome, or `None` when nothing in the row tells. A stage
    /// that is still open only tells when nothing else does: a lead lost in
    /// "Proposition" (Odoo) keeps that stage and carries a loss reason.
    pub(super) fn outcome(self) -> Option<Outcome> {
        match (self.stated, self.from_stage) {
            (Some(outcome), _) => Some(outcome),
            (None, Some(outcome)) if outcome != Outcome::Open => Some(outcome),
            _ if self.has_loss_reason || (self.lost_on && !self.won_on) => Some(Outcome::Lost),
            _ if self.won_on => Some(Outcome::Won),
            (None, from_stage) => from_stage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crm_words_for_outcomes() {
        let cases = [
            ("won", Some(Outcome::Won)),
            ("Closed Won", Some(Outcome::Won)),
            ("closedwon", Some(Outcome::Won)),
            ("Closed - Lost", Some(Outcome::Lost)),
            ("closedlost", Some(Outcome::Lost)),
            ("LOST", Some(Outcome::Lost)),
            ("No decision", Some(Outcome::NoDecision)),
            ("no-decision", Some(Outcome::NoDecision)),
            ("Stalled", Some(Outcome::NoDecision)),
            ("shelved", Some(Outcome::NoDecision)),
            ("Disqualified", Some(Outcome::Disqualified)),
            ("unqualified", Some(Outcome::Disqualified)),
            ("junk", Some(Outcome::Disqualified)),
            ("deleted", Some(Outcome::Disqualified)),
            ("open", Some(Outcome::Open)),
            ("Negotiation", None),
            ("Proposal/Price Quote", None),
            ("", None),
        ];
        for (word, outcome) in cases {
            assert_eq!(outcome_named(word), outcome, "{word}");
        }
    }

    #[test]
    fn every_outcome_label_reads_back() {
        for outcome in Outcome::ALL {
            assert_eq!(outcome_named(outcome.label()), Some(outcome));
        }
    }

    #[test]
    fn the_first_clue_that_speaks_settles_the_outcome() {
        let clues = OutcomeClues { has_loss_reason: true, ..OutcomeClues::default() };
        assert_eq!(clues.outcome(), Some(Outcome::Lost));
        assert_eq!(OutcomeClues { stated: Some(Outcome::Open), ..clues }.outcome(), Some(Outcome::Open), "a stated outcome is final");
        assert_eq!(OutcomeClues { from_stage: Some(Outcome::Open), ..clues }.outcome(), Some(Outcome::Lost), "an open stage is not");
        assert_eq!(OutcomeClues { from_stage: Some(Outcome::Won), ..clues }.outcome(), Some(Outcome::Won));
        assert_eq!(OutcomeClues { from_stage: Some(Outcome::Open), ..OutcomeClues::default() }.outcome(), Some(Outcome::Open));
        assert_eq!(OutcomeClues { won_on: true, ..OutcomeClues::default() }.outcome(), Some(Outcome::Won));
        assert_eq!(OutcomeClues { lost_on: true, ..OutcomeClues::default() }.outcome(), Some(Outcome::Lost));
        assert_eq!(OutcomeClues::default().outcome(), None, "nothing tells");
    }
}
