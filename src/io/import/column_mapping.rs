use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::source_format::{generic_field_for, header_key};
use super::{Field, Row, SourceFormat};

/// Which field each column of a file holds: one entry per header, `None`
/// for a column left out of the import.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping {
    pub columns: Vec<Option<Field>>,
}

/// A mapping kept under a name, to apply again to the next export from the
/// same CRM.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedMapping {
    pub name: String,
    pub headers: Vec<String>,
    pub columns: Vec<Option<Field>>,
}

impl SavedMapping {
    /// `mapping` of a file with these `headers`, to keep under `name`.
    pub fn new(name: impl Into<String>, headers: &[String], mapping: &ColumnMapping) -> SavedMapping {
        SavedMapping { name: name.into(), headers: headers.to_vec(), columns: mapping.columns.clone() }
    }
}

/// The format the headers come from, if recognised, and the mapping its
/// headers (or, for any other sheet, the usual words) suggest. Each field
/// is mapped to one column at most: the first that fits.
pub fn auto_map(headers: &[String]) -> (Option<SourceFormat>, ColumnMapping) {
    let format = SourceFormat::detect(headers);
    let keys: Vec<String> = headers.iter().map(|header| header_key(header)).collect();
    let mut columns: Vec<Option<Field>> = vec![None; headers.len()];
    let mut decided = vec![false; headers.len()];
    let mut taken = HashSet::new();
    if let Some(format) = format {
        for (column, key) in keys.iter().enumerate() {
            if let Some(field) = format.field_for(key) {
                decided[column] = true;
                columns[column] = field.filter(|field| taken.insert(*field));
            }
        }
    }
    for (column, key) in keys.iter().enumerate() {
        if !decided[column] {
            columns[column] = generic_field_for(key).filter(|field| taken.insert(*field));
        }
    }
    (format, ColumnMapping { columns })
}

impl ColumnMapping {
    /// The column mapped to `field`, the first one if several are.
    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|mapped| *mapped == Some(field))
    }

    /// What must change before importing: every deal needs a name, and a
    /// field cannot come from two columns.
    pub fn problems(&self, headers: &[String]) -> Vec<String> {
        let mut problems = Vec::new();
        if self.column_of(Field::Name).is_none() {
            problems.push(format!("Map a column to {}.", Field::Name.label()));
        }
        let mut columns_of: Vec<(Field, Vec<&str>)> = Vec::new();
        for (column, field) in self.columns.iter().enumerate() {
            let Some(field) = field else { continue };
            let header = headers.get(column).map_or("", |header| header.trim());
            match columns_of.iter_mut().find(|(mapped, _)| mapped == field) {
                Some((_, headers)) => headers.push(header),
                None => columns_of.push((*field, vec![header])),
            }
        }
        for (field, headers) in columns_of.into_iter().filter(|(_, headers)| headers.len() > 1) {
            let times = if headers.len() == 2 { "twice".to_owned() } else { format!("{} times", headers.len()) };
            problems.push(format!("“{}” is mapped {times}: columns {}.", field.label(), quoted_list(&headers)));
        }
        problems
    }

    /// `saved` applied to a file with these headers: each column takes the
    /// field its header had (ignoring case and surrounding spaces), so
    /// columns may move, come or go.
    pub fn reapply(saved: &SavedMapping, headers: &[String]) -> ColumnMapping {
        let mut saved_fields: HashMap<String, Option<Field>> = HashMap::new();
        for (header, field) in saved.headers.iter().zip(&saved.columns) {
            saved_fields.entry(header.trim().to_lowercase()).or_insert(*field);
        }
        let columns = headers
            .iter()
            .map(|header| saved_fields.get(&header.trim().to_lowercase()).copied().flatten())
            .collect();
        ColumnMapping { columns }
    }
}

/// The column of each field, looked up once rather than for every row.
#[derive(Clone, Copy, Debug)]
pub(super) struct Columns([Option<usize>; Field::ALL.len()]);

impl Columns {
    pub(super) fn of(mapping: &ColumnMapping) -> Columns {
        let mut columns = [None; Field::ALL.len()];
        for field in Field::ALL {
            columns[field as usize] = mapping.column_of(field);
        }
        Columns(columns)
    }

    pub(super) fn get(&self, field: Field) -> Option<usize> {
        self.0[field as usize]
    }

    pub(super) fn has(&self, field: Field) -> bool {
        self.get(field).is_some()
    }

    /// Every field's cell of the row, trimmed once; empty when no column
    /// holds the field.
    pub(super) fn cells<'r>(&self, row: &'r Row) -> Cells<'r> {
        Cells(self.0.map(|column| column.map_or("", |column| row.cell(column))))
    }
}

/// A row's cell for each field.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cells<'r>([&'r str; Field::ALL.len()]);

impl<'r> Cells<'r> {
    pub(super) fn get(&self, field: Field) -> &'r str {
        self.0[field as usize]
    }
}

/// “A”, “B” and “C”.
fn quoted_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("“{item}”")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    fn mapped(names: &[&str]) -> (Option<SourceFormat>, Vec<Option<Field>>) {
        let (format, mapping) = auto_map(&headers(names));
        (format, mapping.columns)
    }

    #[test]
    fn salesforce_reports_map_their_custom_reason_fields() {
        let (format, columns) = mapped(&[
            "Opportunity Name", "Account Name", "Amount", "Close Date", "Stage", "Opportunity Owner", "Opportunity ID",
            "Created Date", "Opportunity Currency", "Loss_Reason__c", "Win Reason", "Primary Competitor", "Type", "Lead Source",
        ]);
        assert_eq!(format, Some(SourceFormat::Salesforce));
        assert_eq!(
            columns,
            [
                Field::Name, Field::Account, Field::Amount, Field::CloseDate, Field::Stage, Field::Owner, Field::SourceId,
                Field::CreatedOn, Field::Currency, Field::LossReason, Field::WinReason, Field::Competitor, Field::Segment, Field::Source,
            ]
            .map(Some)
        );
    }

    #[test]
    fn hubspot_pipeline_is_left_out() {
        let (format, columns) = mapped(&["Record ID", "Deal Name", "Deal Stage", "Pipeline", "Deal owner", "Closed Lost Reason", "Closed Won Reason", "Create Date"]);
        assert_eq!(format, Some(SourceFormat::HubSpot));
        assert_eq!(
            columns,
            [
                Some(Field::SourceId), Some(Field::Name), Some(Field::Stage), None,
                Some(Field::Owner), Some(Field::LossReason), Some(Field::WinReason), Some(Field::CreatedOn),
            ]
        );
    }

    #[test]
    fn pipedrive_status_is_the_outcome_and_its_prefixes_do_not_matter() {
        let (format, columns) = mapped(&["Deal - ID", "Deal - Title", "Deal - Value", "Deal - Status", "Deal - Won time", "Deal - Lost time", "Deal - Organization"]);
        assert_eq!(format, Some(SourceFormat::Pipedrive));
        assert_eq!(columns, [Field::SourceId, Field::Name, Field::Amount, Field::Outcome, Field::WonOn, Field::LostOn, Field::Account].map(Some));
    }

    #[test]
    fn odoo_and_winloss_exports_map_every_column() {
        let (format, columns) = mapped(&["External ID", "Opportunity", "Customer", "Expected Revenue", "Salesperson", "Closed Date", "Lost Reason"]);
        assert_eq!(format, Some(SourceFormat::Odoo));
        assert!(columns.iter().all(Option::is_some));
        let (format, columns) = mapped(&[
            "Deal ID", "Name", "Account", "Amount", "Currency", "Owner", "Stage", "Created", "Close date", "Outcome", "Reason",
            "Reason category", "Secondary reasons", "Competitor", "Reason confirmed by buyer", "Notes", "Product", "Segment", "Source",
            "Source ID", "Updated",
        ]);
        assert_eq!(format, Some(SourceFormat::Winloss));
        assert_eq!(columns[0], Some(Field::DealId));
        assert_eq!((columns[11], columns[20]), (None, None), "reason category and updated are not imported");
        assert_eq!(columns.iter().flatten().count(), 19);
    }

    #[test]
    fn any_sheet_maps_by_common_words_and_a_field_only_once() {
        let (format, columns) = mapped(&["Company", "Deal", "Value", "Amount", "Sales Rep", "Result", "Why we lost", "Lost to", "Deal ID"]);
        assert_eq!(format, None);
        assert_eq!(
            columns,
            [
                Some(Field::Account), Some(Field::Name), Some(Field::Amount), None, Some(Field::Owner),
                Some(Field::Outcome), None, Some(Field::Competitor), Some(Field::SourceId),
            ]
        );
    }

    #[test]
    fn problems_name_the_missing_name_and_fields_mapped_twice() {
        let names = headers(&["Value", "Amount", "Owner", "Rep", "Seller"]);
        let mapping = ColumnMapping { columns: vec![Some(Field::Amount), Some(Field::Amount), Some(Field::Owner), Some(Field::Owner), Some(Field::Owner)] };
        assert_eq!(
            mapping.problems(&names),
            [
                "Map a column to Deal name.",
                "“Amount” is mapped twice: columns “Value” and “Amount”.",
                "“Owner” is mapped 3 times: columns “Owner”, “Rep” and “Seller”.",
            ]
        );
        let (_, good) = auto_map(&headers(&["Name", "Amount"]));
        assert!(good.problems(&headers(&["Name", "Amount"])).is_empty());
        assert_eq!(good.column_of(Field::Amount), Some(1));
        assert_eq!(good.column_of(Field::Owner), None);
    }

    #[test]
    fn a_saved_mapping_follows_its_headers_wherever_they_moved() {
        let original = headers(&["Deal", "Why", "Amount"]);
        let mapping = ColumnMapping { columns: vec![Some(Field::Name), Some(Field::LossReason), None] };
        let saved = SavedMapping::new("Our sheet", &original, &mapping);
        let json = serde_json::to_string(&saved).unwrap_or_default();
        assert_eq!(serde_json::from_str::<SavedMapping>(&json).ok(), Some(saved.clone()));
        let reapplied = ColumnMapping::reapply(&saved, &headers(&["amount", "New column", " WHY ", "deal"]));
        assert_eq!(reapplied.columns, [None, None, Some(Field::LossReason), Some(Field::Name)]);
    }
}
