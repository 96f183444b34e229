use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::domain::{CompetitorId, Currency, Outcome, OwnerId, ReasonId, Side, StageId};

use super::{Choice, DateOrder, DateOrderQuestion, DecimalMark, Questions};

/// What to do with a row that is a deal already stored (or already met
/// earlier in the file).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicatePolicy {
    /// The row's fields replace the stored ones; the deal keeps its id and
    /// created date.
    #[default]
    Update,
    /// The stored deal is left as it is.
    Skip,
}

/// The wizard's answers. Texts are keyed as they appear in the file
/// (trimmed) and looked up without case; a text missing here is resolved
/// as its question would suggest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers {
    pub outcomes: HashMap<String, Outcome>,
    pub reasons: HashMap<(Side, String), Choice<ReasonId>>,
    pub owners: HashMap<String, Choice<OwnerId>>,
    pub competitors: HashMap<String, Choice<CompetitorId>>,
    pub stages: HashMap<String, Choice<StageId>>,
    /// How to read dates such as `4/3/2026`.
    pub date_order: DateOrder,
    /// The currency of amounts that name none.
    pub currency: Currency,
    pub duplicates: DuplicatePolicy,
    /// The file's decimal mark, from [`Questions::decimal_mark`].
    pub decimal_mark: Option<DecimalMark>,
}

impl Questions {
    /// Every suggestion taken as the answer; amounts that name no currency
    /// are in `default_currency`, and ambiguous dates month first, as the
    /// American CRMs write them by default.
    pub fn default_answers(&self, default_currency: Currency) -> Answers {
        Answers {
            outcomes: self.outcomes.iter().map(|q| (q.value.clone(), q.suggestion)).collect(),
            reasons: self.reasons.iter().map(|q| ((q.side, q.label.clone()), q.suggestion.clone())).collect(),
            owners: self.owners.iter().map(|q| (q.name.clone(), q.suggestion.clone())).collect(),
            competitors: self.competitors.iter().map(|q| (q.name.clone(), q.suggestion.clone())).collect(),
            stages: self.stages.iter().map(|q| (q.name.clone(), q.suggestion.clone())).collect(),
            date_order: match self.date_order {
                DateOrderQuestion::Known(order) => order,
                DateOrderQuestion::NotNeeded | DateOrderQuestion::Ask { .. } => DateOrder::MonthFirst,
            },
            currency: default_currency,
            duplicates: DuplicatePolicy::Update,
            decimal_mark: self.decimal_mark,
        }
    }
}
