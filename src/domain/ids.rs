use serde::{Deserialize, Serialize};

/// Stable identifiers are opaque strings: deal ids are random UUIDs made by the
/// caller, reason and category ids are readable slugs that never change once
/// shipped, because stored deals refer to them.
macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(
    /// Identifies one deal for its whole life; never reused.
    DealId
);
string_id!(
    /// Identifies a reason a deal was won or lost.
    ReasonId
);
string_id!(
    /// Identifies a group of reasons, such as "Price and value".
    CategoryId
);
string_id!(
    /// Identifies a salesperson in the owners list.
    OwnerId
);
string_id!(
    /// Identifies a competitor in the competitors list.
    CompetitorId
);
string_id!(
    /// Identifies a sales stage in the stages list.
    StageId
);
