use serde::{Deserialize, Serialize};

/// What an imported value becomes: an entry already in the catalog, a new
/// entry named after the value, or nothing (the field is left empty on the
/// deals that carry the value).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice<Id> {
    Existing(Id),
    New,
    Ignore,
}
