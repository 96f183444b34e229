use serde::{Deserialize, Serialize};

/// What a column of an imported file holds, as far as deals are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Winloss's own deal id, from a Winloss export.
    DealId,
    /// The deal's id in the CRM it comes from.
    SourceId,
    Name,
    Account,
    Amount,
    Currency,
    Owner,
    Stage,
    /// Won, lost, open… in words.
    Outcome,
    CreatedOn,
    CloseDate,
    /// When the deal was won (Pipedrive's "Won time").
    WonOn,
    /// When the deal was lost (Pipedrive's "Lost time").
    LostOn,
    LossReason,
    WinReason,
    /// A reason for either outcome; which one the deal's outcome says.
    Reason,
    /// More reasons, separated by `;`.
    SecondaryReasons,
    Competitor,
    /// Yes when the buyer confirmed the reason.
    ReasonConfirmed,
    Notes,
    Product,
    Segment,
    /// Where the deal came from (lead source).
    Source,
}

impl Field {
    /// Every field, in the order the mapping selects list them.
    pub const ALL: [Field; 23] = [
        Field::Name,
        Field::Account,
        Field::Amount,
        Field::Currency,
        Field::Owner,
        Field::Stage,
        Field::Outcome,
        Field::CreatedOn,
        Field::CloseDate,
        Field::WonOn,
        Field::LostOn,
        Field::LossReason,
        Field::WinReason,
        Field::Reason,
        Field::SecondaryReasons,
        Field::Competitor,
        Field::ReasonConfirmed,
        Field::Notes,
        Field::Product,
        Field::Segment,
        Field::Source,
        Field::SourceId,
        Field::DealId,
    ];

    /// The field's name as the mapping selects show it.
    pub fn label(self) -> &'static str {
        match self {
            Field::DealId => "Winloss deal ID",
            Field::SourceId => "CRM record ID",
            Field::Name => "Deal name",
            Field::Account => "Account",
            Field::Amount => "Amount",
            Field::Currency => "Currency",
            Field::Owner => "Owner",
            Field::Stage => "Stage",
            Field::Outcome => "Outcome",
            Field::CreatedOn => "Created on",
            Field::CloseDate => "Close date",
            Field::WonOn => "Won on",
            Field::LostOn => "Lost on",
            Field::LossReason => "Lost reason",
            Field::WinReason => "Won reason",
            Field::Reason => "Reason (won or lost)",
            Field::SecondaryReasons => "Secondary reasons",
            Field::Competitor => "Competitor",
            Field::ReasonConfirmed => "Reason confirmed by buyer",
            Field::Notes => "Notes",
            Field::Product => "Product",
            Field::Segment => "Segment",
            Field::Source => "Lead source",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_field_is_listed_once_with_its_own_label() {
        let fields: HashSet<Field> = Field::ALL.into_iter().collect();
        let labels: HashSet<&str> = Field::ALL.into_iter().map(Field::label).collect();
        assert_eq!(fields.len(), Field::ALL.len());
        assert_eq!(labels.len(), Field::ALL.len());
    }

    #[test]
    fn saved_names_are_stable() {
        assert_eq!(serde_json::to_string(&Field::LossReason).ok(), Some("\"loss_reason\"".to_owned()));
        assert_eq!(serde_json::from_str::<Field>("\"deal_id\"").ok(), Some(Field::DealId));
    }
}
