/// One record of a CSV file, as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// The row as a spreadsheet numbers it: the header is row 1, so the first
    /// record is row 2, whatever line breaks the fields hold.
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    /// The cell in `column`, trimmed; empty when the row is short.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", |cell| cell.trim())
    }
}
