//! The CRM exports Winloss knows by their headers, and the words any other
//! sheet is likely to use for the same columns.

use serde::{Deserialize, Serialize};

use super::Field;

/// Where an imported file comes from, as told by its headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    Winloss,
    Salesforce,
    HubSpot,
    Pipedrive,
    Odoo,
}

/// A header and the field it holds; `None` for columns known to hold
/// nothing a deal keeps (HubSpot's pipeline, Winloss's reason category).
type HeaderEntry = (&'static str, Option<Field>);

const WINLOSS: &[HeaderEntry] = &[
    ("Deal ID", Some(Field::DealId)),
    ("Name", Some(Field::Name)),
    ("Account", Some(Field::Account)),
    ("Amount", Some(Field::Amount)),
    ("Currency", Some(Field::Currency)),
    ("Owner", Some(Field::Owner)),
    ("Stage", Some(Field::Stage)),
    ("Created", Some(Field::CreatedOn)),
    ("Close date", Some(Field::CloseDate)),
    ("Outcome", Some(Field::Outcome)),
    ("Reason", Some(Field::Reason)),
    ("Reason category", None),
    ("Secondary reasons", Some(Field::SecondaryReasons)),
    ("Competitor", Some(Field::Competitor)),
    ("Reason confirmed by buyer", Some(Field::ReasonConfirmed)),
    ("Notes", Some(Field::Notes)),
    ("Product", Some(Field::Product)),
    ("Segment", Some(Field::Segment)),
    ("Source", Some(Field::Source)),
    ("Source ID", Some(Field::SourceId)),
    ("Updated", None),
];

/// Headers only Winloss writes; with "Deal ID", three of them make a file a
/// Winloss export rather than a sheet that happens to say "Outcome".
const WINLOSS_OWN: [&str; 7] = ["Created", "Outcome", "Reason category", "Secondary reasons", "Reason confirmed by buyer", "Source ID", "Updated"];

const SALESFORCE: &[HeaderEntry] = &[
    ("Opportunity Name", Some(Field::Name)),
    ("Account Name", Some(Field::Account)),
    ("Amount", Some(Field::Amount)),
    ("Close Date", Some(Field::CloseDate)),
    ("Stage", Some(Field::Stage)),
    ("Opportunity Owner", Some(Field::Owner)),
    ("Opportunity ID", Some(Field::SourceId)),
    ("Created Date", Some(Field::CreatedOn)),
    ("Opportunity Currency", Some(Field::Currency)),
    ("Currency", Some(Field::Currency)),
    ("Loss Reason", Some(Field::LossReason)),
    ("Closed Lost Reason", Some(Field::LossReason)),
    ("Lost Reason", Some(Field::LossReason)),
    ("Win Reason", Some(Field::WinReason)),
    ("Won Reason", Some(Field::WinReason)),
    ("Primary Competitor", Some(Field::Competitor)),
    ("Competitor", Some(Field::Competitor)),
    ("Type", Some(Field::Segment)),
    ("Lead Source", Some(Field::Source)),
    ("Product Name", Some(Field::Product)),
    ("Description", Some(Field::Notes)),
];

const SALESFORCE_OWN: [&str; 11] = [
    "Opportunity Name",
    "Account Name",
    "Opportunity Owner",
    "Opportunity ID",
    "Opportunity Currency",
    "Created Date",
    "Loss Reason",
    "Win Reason",
    "Primary Competitor",
    "Lead Source",
    "Type",
];

const HUBSPOT: &[HeaderEntry] = &[
    ("Record ID", Some(Field::SourceId)),
    ("Deal Name", Some(Field::Name)),
    ("Amount", Some(Field::Amount)),
    ("Close Date", Some(Field::CloseDate)),
    ("Deal Stage", Some(Field::Stage)),
    ("Deal owner", Some(Field::Owner)),
    ("Closed Lost Reason", Some(Field::LossReason)),
    ("Closed Won Reason", Some(Field::WinReason)),
    ("Create Date", Some(Field::CreatedOn)),
    ("Pipeline", None),
    ("Currency", Some(Field::Currency)),
    ("Associated Company", Some(Field::Account)),
    ("Deal Type", Some(Field::Segment)),
    ("Deal Description", Some(Field::Notes)),
];

const HUBSPOT_OWN: [&str; 10] = [
    "Record ID",
    "Deal Name",
    "Deal Stage",
    "Deal owner",
    "Closed Won Reason",
    "Create Date",
    "Pipeline",
    "Associated Company",
    "Deal Type",
    "Deal Description",
];

const PIPEDRIVE: &[HeaderEntry] = &[
    ("ID", Some(Field::SourceId)),
    ("Title", Some(Field::Name)),
    ("Value", Some(Field::Amount)),
    ("Currency", Some(Field::Currency)),
    ("Status", Some(Field::Outcome)),
    ("Lost reason", Some(Field::LossReason)),
    ("Won time", Some(Field::WonOn)),
    ("Lost time", Some(Field::LostOn)),
    ("Owner", Some(Field::Owner)),
    ("Organization", Some(Field::Account)),
    ("Deal created", Some(Field::CreatedOn)),
    ("Expected close date", Some(Field::CloseDate)),
    ("Stage", Some(Field::Stage)),
    ("Pipeline", None),
];

const PIPEDRIVE_OWN: [&str; 8] = ["Title", "Value", "Status", "Won time", "Lost time", "Organization", "Deal created", "Expected close date"];

const ODOO: &[HeaderEntry] = &[
    ("Opportunity", Some(Field::Name)),
    ("Expected Revenue", Some(Field::Amount)),
    ("Stage", Some(Field::Stage)),
    ("Lost Reason", Some(Field::LossReason)),
    ("Salesperson", Some(Field::Owner)),
    ("Closed Date", Some(Field::CloseDate)),
    ("Customer", Some(Field::Account)),
    ("Created on", Some(Field::CreatedOn)),
    ("ID", Some(Field::SourceId)),
    ("External ID", Some(Field::SourceId)),
    ("Currency", Some(Field::Currency)),
    ("Source", Some(Field::Source)),
];

const ODOO_OWN: [&str; 7] = ["Opportunity", "Expected Revenue", "Salesperson", "Closed Date", "Customer", "Created on", "External ID"];

/// What any other sheet calls the fields. A CRM's own id is never taken for
/// Winloss's: only a Winloss export sets deal ids.
const GENERIC: &[HeaderEntry] = &[
    ("Name", Some(Field::Name)),
    ("Deal", Some(Field::Name)),
    ("Deal name", Some(Field::Name)),
    ("Deal title", Some(Field::Name)),
    ("Opportunity", Some(Field::Name)),
    ("Opportunity name", Some(Field::Name)),
    ("Title", Some(Field::Name)),
    ("Account", Some(Field::Account)),
    ("Account name", Some(Field::Account)),
    ("Company", Some(Field::Account)),
    ("Company name", Some(Field::Account)),
    ("Customer", Some(Field::Account)),
    ("Client", Some(Field::Account)),
    ("Organization", Some(Field::Account)),
    ("Organisation", Some(Field::Account)),
    ("Amount", Some(Field::Amount)),
    ("Value", Some(Field::Amount)),
    ("Deal value", Some(Field::Amount)),
    ("Deal amount", Some(Field::Amount)),
    ("Revenue", Some(Field::Amount)),
    ("Expected revenue", Some(Field::Amount)),
    ("Currency", Some(Field::Currency)),
    ("Currency code", Some(Field::Currency)),
    ("Owner", Some(Field::Owner)),
    ("Deal owner", Some(Field::Owner)),
    ("Salesperson", Some(Field::Owner)),
    ("Sales rep", Some(Field::Owner)),
    ("Rep", Some(Field::Owner)),
    ("Account executive", Some(Field::Owner)),
    ("Assigned to", Some(Field::Owner)),
    ("Stage", Some(Field::Stage)),
    ("Deal stage", Some(Field::Stage)),
    ("Status", Some(Field::Outcome)),
    ("Outcome", Some(Field::Outcome)),
    ("Result", Some(Field::Outcome)),
    ("Won/lost", Some(Field::Outcome)),
    ("Created", Some(Field::CreatedOn)),
    ("Created on", Some(Field::CreatedOn)),
    ("Created date", Some(Field::CreatedOn)),
    ("Create date", Some(Field::CreatedOn)),
    ("Date created", Some(Field::CreatedOn)),
    ("Close date", Some(Field::CloseDate)),
    ("Closed date", Some(Field::CloseDate)),
    ("Closing date", Some(Field::CloseDate)),
    ("Date closed", Some(Field::CloseDate)),
    ("Closed on", Some(Field::CloseDate)),
    ("Expected close date", Some(Field::CloseDate)),
    ("Won on", Some(Field::WonOn)),
    ("Won date", Some(Field::WonOn)),
    ("Won time", Some(Field::WonOn)),
    ("Lost on", Some(Field::LostOn)),
    ("Lost date", Some(Field::LostOn)),
    ("Lost time", Some(Field::LostOn)),
    ("Loss reason", Some(Field::LossReason)),
    ("Lost reason", Some(Field::LossReason)),
    ("Reason lost", Some(Field::LossReason)),
    ("Closed lost reason", Some(Field::LossReason)),
    ("Win reason", Some(Field::WinReason)),
    ("Won reason", Some(Field::WinReason)),
    ("Reason won", Some(Field::WinReason)),
    ("Closed won reason", Some(Field::WinReason)),
    ("Reason", Some(Field::Reason)),
    ("Primary reason", Some(Field::Reason)),
    ("Win/loss reason", Some(Field::Reason)),
    ("Secondary reasons", Some(Field::SecondaryReasons)),
    ("Other reasons", Some(Field::SecondaryReasons)),
    ("Competitor", Some(Field::Competitor)),
    ("Competitors", Some(Field::Competitor)),
    ("Primary competitor", Some(Field::Competitor)),
    ("Lost to", Some(Field::Competitor)),
    ("Reason confirmed", Some(Field::ReasonConfirmed)),
    ("Confirmed by buyer", Some(Field::ReasonConfirmed)),
    ("Reason confirmed by buyer", Some(Field::ReasonConfirmed)),
    ("Notes", Some(Field::Notes)),
    ("Note", Some(Field::Notes)),
    ("Comments", Some(Field::Notes)),
    ("Comment", Some(Field::Notes)),
    ("Description", Some(Field::Notes)),
    ("Product", Some(Field::Product)),
    ("Product name", Some(Field::Product)),
    ("Segment", Some(Field::Segment)),
    ("Source", Some(Field::Source)),
    ("Lead source", Some(Field::Source)),
    ("Deal source", Some(Field::Source)),
    ("ID", Some(Field::SourceId)),
    ("Deal ID", Some(Field::SourceId)),
    ("Record ID", Some(Field::SourceId)),
    ("CRM ID", Some(Field::SourceId)),
    ("External ID", Some(Field::SourceId)),
    ("Source ID", Some(Field::SourceId)),
];

/// The form headers are compared in: case, spaces and punctuation do not
/// count, nor do Salesforce's `__c` suffix on custom fields or Pipedrive's
/// `Deal - ` prefix.
pub(super) fn header_key(header: &str) -> String {
    let lower = header.trim().to_lowercase();
    let without_suffix = lower.strip_suffix("__c").unwrap_or(&lower);
    let without_prefix = match without_suffix.strip_prefix("deal") {
        Some(rest) if rest.trim_start().starts_with('-') => rest.trim_start()[1..].trim_start(),
        _ => without_suffix,
    };
    without_prefix.chars().filter(|c| c.is_alphanumeric()).collect()
}

impl SourceFormat {
    /// Every format, in the order they are tried.
    pub const ALL: [SourceFormat; 5] = [
        SourceFormat::Winloss,
        SourceFormat::Salesforce,
        SourceFormat::HubSpot,
        SourceFormat::Pipedrive,
        SourceFormat::Odoo,
    ];

    /// The product's name, to tell the user what was recognised.
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Winloss => "Winloss",
            SourceFormat::Salesforce => "Salesforce",
            SourceFormat::HubSpot => "HubSpot",
            SourceFormat::Pipedrive => "Pipedrive",
            SourceFormat::Odoo => "Odoo",
        }
    }

    fn headers(self) -> &'static [HeaderEntry] {
        match self {
            SourceFormat::Winloss => WINLOSS,
            SourceFormat::Salesforce => SALESFORCE,
            SourceFormat::HubSpot => HUBSPOT,
            SourceFormat::Pipedrive => PIPEDRIVE,
            SourceFormat::Odoo => ODOO,
        }
    }

    fn own_headers(self) -> &'static [&'static str] {
        match self {
            SourceFormat::Winloss => &WINLOSS_OWN,
            SourceFormat::Salesforce => &SALESFORCE_OWN,
            SourceFormat::HubSpot => &HUBSPOT_OWN,
            SourceFormat::Pipedrive => &PIPEDRIVE_OWN,
            SourceFormat::Odoo => &ODOO_OWN,
        }
    }

    /// The format whose own headers the file has most of: at least two, and
    /// more than any other format. Winloss's export is told by its exact
    /// headers.
    pub fn detect(headers: &[String]) -> Option<SourceFormat> {
        let exact = |wanted: &str| headers.iter().any(|header| header.trim() == wanted);
        if exact("Deal ID") && WINLOSS_OWN.iter().filter(|own| exact(own)).count() >= 3 {
            return Some(SourceFormat::Winloss);
        }
        let keys: Vec<String> = headers.iter().map(|header| header_key(header)).collect();
        let mut scores: Vec<(SourceFormat, usize)> = SourceFormat::ALL[1..]
            .iter()
            .map(|&format| {
                let score = format.own_headers().iter().filter(|own| keys.contains(&header_key(own))).count();
                (format, score)
            })
            .collect();
        scores.sort_by_key(|(_, score)| std::cmp::Reverse(*score));
        match scores.as_slice() {
            [(best, score), (_, runner_up), ..] if *score >= 2 && score > runner_up => Some(*best),
            _ => None,
        }
    }

    /// What this format's column with header `key` (see [`header_key`])
    /// holds: `None` when the format has no such column, `Some(None)` when
    /// the column is known to hold nothing to import.
    pub(super) fn field_for(self, key: &str) -> Option<Option<Field>> {
        lookup(self.headers(), key)
    }
}

/// What a column of any sheet with header `key` probably holds.
pub(super) fn generic_field_for(key: &str) -> Option<Field> {
    lookup(GENERIC, key).flatten()
}

fn lookup(entries: &[HeaderEntry], key: &str) -> Option<Option<Field>> {
    entries.iter().find(|(header, _)| header_key(header) == key).map(|(_, field)| *field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn headers_compare_without_case_spaces_or_crm_decorations() {
        assert_eq!(header_key("  Close Date "), "closedate");
        assert_eq!(header_key("close_date"), "closedate");
        assert_eq!(header_key("Loss_Reason__c"), "lossreason");
        assert_eq!(header_key("Deal - Lost reason"), "lostreason");
        assert_eq!(header_key("Deal name"), "dealname");
        assert_eq!(header_key("Dealer"), "dealer");
    }

    #[test]
    fn each_export_is_told_by_its_own_headers() {
        let cases = [
            (&["Opportunity Name", "Account Name", "Amount", "Close Date", "Stage", "Opportunity Owner"][..], SourceFormat::Salesforce),
            (&["Record ID", "Deal Name", "Amount", "Deal Stage", "Deal owner", "Pipeline"][..], SourceFormat::HubSpot),
            (&["ID", "Title", "Value", "Currency", "Status", "Lost reason", "Organization"][..], SourceFormat::Pipedrive),
            (&["Opportunity", "Expected Revenue", "Stage", "Lost Reason", "Salesperson", "Customer"][..], SourceFormat::Odoo),
            (&["Deal ID", "Name", "Created", "Outcome", "Reason", "Reason category", "Updated"][..], SourceFormat::Winloss),
        ];
        for (names, format) in cases {
            assert_eq!(SourceFormat::detect(&headers(names)), Some(format), "{names:?}");
        }
    }

    #[test]
    fn a_plain_sheet_is_no_format() {
        assert_eq!(SourceFormat::detect(&headers(&["Name", "Amount", "Outcome", "Reason"])), None);
        assert_eq!(SourceFormat::detect(&headers(&["deal id", "name", "created", "outcome", "updated"])), None, "not Winloss's exact headers");
        assert_eq!(SourceFormat::detect(&[]), None);
    }
}
