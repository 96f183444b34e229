//! Reading CSV exports from CRMs and spreadsheets into deals.

mod row;

pub use row::Row;

mod decode;
mod delimiter;
mod read_error;
mod table_reader;

pub use decode::{decode, Decoded, MAX_FILE_BYTES};
pub use delimiter::detect_delimiter;
pub use read_error::ReadError;
pub use table_reader::{read_table, Table, TableReader};

mod amounts;
mod answers;
mod choice;
mod column_mapping;
mod dates;
mod distinct;
mod existing_deals;
mod field;
mod fuzzy;
mod import_builder;
mod new_entries;
mod outcome_words;
mod row_problem;
mod source_format;
mod survey;

pub use amounts::DecimalMark;
pub use answers::{Answers, DuplicatePolicy};
pub use choice::Choice;
pub use column_mapping::{auto_map, ColumnMapping, SavedMapping};
pub use dates::{DateOrder, DateOrderQuestion};
pub use field::Field;
pub use import_builder::{ImportBuilder, ImportPlan};
pub use row_problem::RowProblem;
pub use source_format::SourceFormat;
pub use survey::{NameQuestion, Questions, ReasonQuestion, Survey, ValueQuestion};
