use crate::domain::Outcome;

use super::rate::{Rate, ValueRate};

/// Closed deals counted by outcome, nothing more: what breakdowns by owner,
/// tag, deal size and month need, at a fraction of a [`Tally`]'s cost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub won: u64,
    pub lost: u64,
    pub no_decision: u64,
    pub disqualified: u64,
}

impl Counts {
    /// Without branches on the outcome: outcomes come in no order, and
    /// mispredicted branches were most of the dashboard's time. Always
    /// inlined: the release build optimises for size, which would keep a
    /// call here for each of several counts per deal.
    #[inline(always)]
    pub fn add(&mut self, outcome: Outcome) {
        self.won += u64::from(outcome == Outcome::Won);
        self.lost += u64::from(outcome == Outcome::Lost);
        self.no_decision += u64::from(outcome == Outcome::NoDecision);
        self.disqualified += u64::from(outcome == Outcome::Disqualified);
    }

    /// Won, lost and no-decision deals: the win rate's denominator.
    pub fn decided(&self) -> u64 {
        self.won + self.lost + self.no_decision
    }

    /// Lost and no-decision deals: both explained by reasons for losing.
    pub fn losses(&self) -> u64 {
        self.lost + self.no_decision
    }

    pub fn closed(&self) -> u64 {
        self.decided() + self.disqualified
    }

    pub fn win_rate(&self) -> Rate {
        Rate::new(self.won, self.decided())
    }
}

/// Closed deals counted by outcome, with their value in the reporting
/// currency where it is known.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tally {
    pub won: u64,
    pub lost: u64,
    pub no_decision: u64,
    pub disqualified: u64,
    /// Won value out of decided value, over deals whose value is known.
    pub value: ValueRate,
    /// Lost and no-decision value.
    pub lost_value: i64,
    /// Decided deals with no amount, or an amount that could not be
    /// converted: counted in counts, missing from values.
    pub unvalued: u64,
}

impl Tally {
    /// Counts a closed deal; `value` is `None` when unknown.
    #[inline(always)]
    pub fn add(&mut self, outcome: Outcome, value: Option<i64>) {
        let won = outcome == Outcome::Won;
        let mut counts = self.counts();
        counts.add(outcome);
        Counts { won: self.won, lost: self.lost, no_decision: self.no_decision, disqualified: self.disqualified } = counts;
        if !outcome.counts_in_win_rate() {
            return;
        }
        match value {
            Some(value) => {
                self.value.add(value, won);
                self.lost_value = self.lost_value.saturating_add(value * i64::from(!won));
            }
            None => self.unvalued += 1,
        }
    }

    pub fn counts(&self) -> Counts {
        Counts { won: self.won, lost: self.lost, no_decision: self.no_decision, disqualified: self.disqualified }
    }

    pub fn decided(&self) -> u64 {
        self.counts().decided()
    }

    pub fn losses(&self) -> u64 {
        self.counts().losses()
    }

    pub fn closed(&self) -> u64 {
        self.counts().closed()
    }

    pub fn win_rate(&self) -> Rate {
        self.counts().win_rate()
    }

    pub fn won_value(&self) -> i64 {
        self.value.hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disqualified_and_open_deals_stay_out_of_the_win_rate() {
        let mut tally = Tally::default();
        tally.add(Outcome::Won, Some(300));
        tally.add(Outcome::Lost, Some(100));
        tally.add(Outcome::NoDecision, None);
        tally.add(Outcome::Disqualified, Some(1_000));
        tally.add(Outcome::Open, Some(1_000));
        assert_eq!(tally.win_rate(), Rate::new(1, 3));
        assert_eq!((tally.closed(), tally.losses()), (4, 2));
        assert_eq!((tally.won_value(), tally.lost_value, tally.value.total), (300, 100, 400));
        assert_eq!(tally.unvalued, 1);
        assert_eq!(tally.value.value(), Some(0.75));
    }
}
