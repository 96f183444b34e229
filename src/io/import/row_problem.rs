use std::fmt;

/// Why one row of the file was left out of the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// The row as the spreadsheet numbers it (the header is row 1).
    pub row: usize,
    /// The header of the column at fault.
    pub column: String,
    pub message: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Row {}, “{}”: {}", self.row, self.column, self.message)
    }
}
