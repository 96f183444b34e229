//! A CSV file's text as a header and rows of cells, read a few thousand rows
//! at a time so that the page can show progress between batches.

use std::collections::HashSet;
use std::io::Cursor;

use csv::ByteRecord;

use super::{detect_delimiter, ReadError, Row};
use crate::io::formula;

/// Reads the rows of a CSV file's text one batch at a time, picking up where
/// the last batch stopped.
#[derive(Debug)]
pub struct TableReader {
    reader: csv::Reader<Cursor<Vec<u8>>>,
    /// Reused for every record, so that reading allocates only the cells.
    record: ByteRecord,
    headers: Vec<String>,
    delimiter: u8,
    /// The row number the next record gets unless blank lines come first.
    next_number: usize,
    finished: bool,
}

impl TableReader {
    /// Detects the delimiter and reads the header row.
    ///
    /// Fails with [`ReadError::Empty`] when the text holds no record and with
    /// [`ReadError::NoHeader`] when the first one has no names in it.
    pub fn new(text: String) -> Result<TableReader, ReadError> {
        let delimiter = detect_delimiter(&text);
        let mut table = TableReader {
            reader: csv_dialect(delimiter).from_reader(Cursor::new(text.into_bytes())),
            record: ByteRecord::new(),
            headers: Vec::new(),
            delimiter,
            next_number: 1,
            finished: false,
        };
        if table.advance().is_none() {
            return Err(ReadError::Empty);
        }
        if is_blank(&table.record) {
            return Err(ReadError::NoHeader);
        }
        table.headers = column_names(&table.record);
        Ok(table)
    }

    /// The column names, trimmed; an empty or repeated name is replaced by
    /// "Column N", N counting columns from 1, so that every name is unique.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The delimiter the text was found to use.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// The next rows, at most `max_rows` of them; fewer only once the text
    /// is done. Rows whose cells are all empty are left out, but still count
    /// in the row numbers of the rows after them, as do blank lines.
    pub fn read(&mut self, max_rows: usize) -> Vec<Row> {
        let mut rows = Vec::new();
        while rows.len() < max_rows {
            let Some(number) = self.advance() else { break };
            if !is_blank(&self.record) {
                rows.push(Row { number, cells: self.record.iter().map(cell_text).collect() });
            }
        }
        rows
    }

    /// Whether every row has been read.
    pub fn is_done(&self) -> bool {
        // Only line breaks left means no record is left either, so the last
        // batch can say so itself instead of leaving an empty one to follow.
        self.finished
            || self.text().get(self.consumed()..).is_none_or(|rest| rest.iter().all(|&byte| is_line_break(byte)))
    }

    /// The share of the text read so far, from 0.0 to 1.0.
    pub fn progress(&self) -> f64 {
        if self.is_done() {
            1.0
        } else {
            self.consumed() as f64 / self.text().len() as f64
        }
    }

    fn text(&self) -> &[u8] {
        self.reader.get_ref().get_ref()
    }

    fn consumed(&self) -> usize {
        usize::try_from(self.reader.position().byte()).unwrap_or(usize::MAX)
    }

    /// Reads the next record into `self.record` and returns its row number,
    /// or `None` at the end of the text.
    fn advance(&mut self) -> Option<usize> {
        if self.finished {
            return None;
        }
        let start = self.consumed();
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {
                let number = self.next_number + blank_lines_from(self.text(), start);
                self.next_number = number + 1;
                Some(number)
            }
            // Reading from memory cannot fail, nor can parsing when records
            // may have any length; should it ever, the rows so far stand.
            Ok(false) | Err(_) => {
                self.finished = true;
                None
            }
        }
    }
}

/// A whole CSV file's text, read at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The column names, as [`TableReader::headers`] gives them.
    pub headers: Vec<String>,
    /// Every row but the header, as [`TableReader::read`] gives them.
    pub rows: Vec<Row>,
    /// The delimiter the text was found to use.
    pub delimiter: u8,
}

/// Reads a whole CSV file's text; for files small enough not to need progress.
pub fn read_table(text: String) -> Result<Table, ReadError> {
    let mut reader = TableReader::new(text)?;
    let rows = reader.read(usize::MAX);
    Ok(Table { headers: reader.headers, rows, delimiter: reader.delimiter })
}

/// How the table is read: row numbers are counted here rather than by the
/// csv crate, and CRMs leave trailing empty cells off some rows.
pub(super) fn csv_dialect(delimiter: u8) -> csv::ReaderBuilder {
    let mut builder = csv::ReaderBuilder::new();
    builder.delimiter(delimiter).has_headers(false).flexible(true);
    builder
}

/// Whether every cell of the record is empty or white space.
pub(super) fn is_blank(record: &ByteRecord) -> bool {
    record.iter().all(|field| String::from_utf8_lossy(field).trim().is_empty())
}

fn cell_text(field: &[u8]) -> String {
    // Fields are cut from a `String` at ASCII bytes, so they are valid UTF-8
    // and this never replaces anything nor copies twice.
    formula::restore(&String::from_utf8_lossy(field)).to_owned()
}

fn column_names(record: &ByteRecord) -> Vec<String> {
    let mut taken = HashSet::with_capacity(record.len());
    let mut names = Vec::with_capacity(record.len());
    for (index, field) in record.iter().enumerate() {
        let name = cell_text(field).trim().to_owned();
        let name = if name.is_empty() || taken.contains(&name) { placeholder_name(index + 1, &taken) } else { name };
        taken.insert(name.clone());
        names.push(name);
    }
    names
}

/// "Column N", or "Column N (2)" and on when a real header already has that name.
fn placeholder_name(position: usize, taken: &HashSet<String>) -> String {
    let plain = format!("Column {position}");
    let mut name = plain.clone();
    let mut copy = 1;
    while taken.contains(&name) {
        copy += 1;
        name = format!("{plain} ({copy})");
    }
    name
}

fn is_line_break(byte: u8) -> bool {
    byte == b'\r' || byte == b'\n'
}

/// The blank lines between the end of one record, at `start`, and the next:
/// the csv crate skips them, but a spreadsheet shows each one as a row.
fn blank_lines_from(text: &[u8], start: usize) -> usize {
    let mut previous = start.checked_sub(1).and_then(|before| text.get(before)).copied();
    let mut blank_lines = 0;
    for &byte in text.get(start..).unwrap_or_default().iter().take_while(|&&byte| is_line_break(byte)) {
        // The `\n` of a `\r\n` ends the same line as its `\r`.
        if !(byte == b'\n' && previous == Some(b'\r')) {
            blank_lines += 1;
        }
        previous = Some(byte);
    }
    blank_lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Table {
        read_table(text.to_owned()).expect("a table")
    }

    fn cells(row: &Row) -> Vec<&str> {
        row.cells.iter().map(String::as_str).collect()
    }

    #[test]
    fn headers_are_trimmed_and_rows_keep_their_cells_as_written() {
        let table = table(" Name , Amount \nAcme, 12 \n");
        assert_eq!(table.headers, ["Name", "Amount"]);
        assert_eq!(table.rows, [Row { number: 2, cells: vec!["Acme".into(), " 12 ".into()] }]);
        assert_eq!(table.delimiter, b',');
    }

    #[test]
    fn empty_and_repeated_headers_are_named_by_their_position() {
        let table = table("Name,,Amount,Name, ,Amount\n");
        assert_eq!(table.headers, ["Name", "Column 2", "Amount", "Column 4", "Column 5", "Column 6"]);
    }

    #[test]
    fn a_placeholder_never_repeats_a_real_header() {
        let table = table("Column 2,,Column 2\n");
        assert_eq!(table.headers, ["Column 2", "Column 2 (2)", "Column 3"]);
    }

    #[test]
    fn quoted_fields_hold_delimiters_quotes_and_line_breaks() {
        let table = table("Name,Note\r\n\"Acme, Inc\",\"said \"\"no\"\"\r\nthen\nleft\"\r\nGlobex,x\r\n");
        assert_eq!(table.rows.len(), 2);
        assert_eq!(cells(&table.rows[0]), ["Acme, Inc", "said \"no\"\r\nthen\nleft"]);
        assert_eq!(table.rows[1], Row { number: 3, cells: vec!["Globex".into(), "x".into()] });
    }

    #[test]
    fn the_last_line_needs_no_line_break() {
        let rows = table("a;b\n1;2").rows;
        assert_eq!(rows, [Row { number: 2, cells: vec!["1".into(), "2".into()] }]);
    }

    #[test]
    fn short_rows_read_as_empty_cells_and_long_rows_keep_the_extra_ones() {
        let rows = table("a,b,c\n1\n1,2,3,4\n").rows;
        assert_eq!(rows[0].cell(2), "");
        assert_eq!(cells(&rows[1]), ["1", "2", "3", "4"]);
    }

    #[test]
    fn blank_rows_are_left_out_but_keep_their_row_numbers() {
        for text in [
            "a,b\n1,2\n,\n \t, \n3,4\n",
            "a,b\n1,2\n\n\n3,4\n",
            "a,b\r\n1,2\r\n\r\n\r\n3,4\r\n",
            "a,b\r1,2\r\r\r3,4\r",
            "a,b\n1,2\r\n\n,\r\n3,4",
        ] {
            let numbers: Vec<usize> = table(text).rows.iter().map(|row| row.number).collect();
            assert_eq!(numbers, [2, 5], "{text:?}");
        }
    }

    #[test]
    fn blank_lines_before_the_header_count_as_rows() {
        let rows = table("\n\nName\nAcme\n").rows;
        assert_eq!(rows, [Row { number: 4, cells: vec!["Acme".into()] }]);
    }

    #[test]
    fn a_row_after_a_multi_line_field_is_the_next_spreadsheet_row() {
        let rows = table("Name,Note\nAcme,\"one\ntwo\nthree\"\nGlobex,x\n").rows;
        let numbers: Vec<usize> = rows.iter().map(|row| row.number).collect();
        assert_eq!(numbers, [2, 3]);
    }

    #[test]
    fn formula_guards_from_our_export_are_removed() {
        let table = table("Name,Note\n'=HYPERLINK(1),'-3\n'quoted',x\n");
        assert_eq!(cells(&table.rows[0]), ["=HYPERLINK(1)", "-3"]);
        assert_eq!(cells(&table.rows[1]), ["'quoted'", "x"]);
    }

    #[test]
    fn text_without_a_record_is_empty_and_a_blank_first_row_is_no_header() {
        assert_eq!(read_table(String::new()), Err(ReadError::Empty));
        assert_eq!(read_table("\r\n\n".into()), Err(ReadError::Empty));
        assert_eq!(read_table(",,\nAcme,1,2\n".into()), Err(ReadError::NoHeader));
        assert_eq!(read_table("  \nName\n".into()), Err(ReadError::NoHeader));
    }

    #[test]
    fn reading_in_batches_resumes_where_the_last_batch_stopped() {
        let mut text = String::from("n;square\n");
        for n in 0..10 {
            text.push_str(&format!("{n};{}\n", n * n));
        }
        let mut reader = TableReader::new(text).expect("a table");
        assert_eq!(reader.delimiter(), b';');
        assert_eq!(reader.headers(), ["n", "square"]);
        let mut batches = Vec::new();
        let mut last_progress = 0.0;
        while !reader.is_done() {
            let batch = reader.read(4);
            assert!(reader.progress() > last_progress);
            last_progress = reader.progress();
            batches.push(batch.iter().map(|row| row.cell(0).to_owned()).collect::<Vec<_>>().join(" "));
        }
        assert_eq!(batches, ["0 1 2 3", "4 5 6 7", "8 9"]);
        assert_eq!(reader.progress(), 1.0);
        assert!(reader.read(4).is_empty());
    }

    #[test]
    fn the_last_full_batch_already_says_it_is_done() {
        let mut reader = TableReader::new("a\r\n1\r\n2\r\n\r\n".into()).expect("a table");
        assert_eq!(reader.read(2).len(), 2);
        assert!(reader.is_done());
        assert_eq!(reader.progress(), 1.0);
    }

    #[test]
    fn progress_is_the_share_of_the_text_read() {
        let mut reader = TableReader::new("a\n1\n2\n3\n".into()).expect("a table");
        assert_eq!(reader.progress(), 2.0 / 8.0);
        reader.read(1);
        assert_eq!(reader.progress(), 4.0 / 8.0);
    }
}
