use serde::{Deserialize, Serialize};

use super::{CategoryId, ReasonId};

/// The two sides a reason can explain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Won,
    Lost,
}

/// Which closed deals may use a reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppliesTo {
    Won,
    Lost,
    Both,
}

impl AppliesTo {
    pub fn includes(self, side: Side) -> bool {
        matches!(
            (self, side),
            (AppliesTo::Both, _) | (AppliesTo::Won, Side::Won) | (AppliesTo::Lost, Side::Lost)
        )
    }
}

/// A group of reasons, shown together in the close panel and in reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: CategoryId,
    pub label: String,
    pub order: u32,
}

/// Why a deal was won or lost. Reasons in use are archived, never deleted, so
/// history keeps its meaning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub id: ReasonId,
    pub label: String,
    pub category: CategoryId,
    pub applies_to: AppliesTo,
    pub order: u32,
    #[serde(default)]
    pub archived: bool,
}

impl Reason {
    /// Whether the close panel should offer this reason for that side.
    pub fn offered_for(&self, side: Side) -> bool {
        !self.archived && self.applies_to.includes(side)
    }
}
