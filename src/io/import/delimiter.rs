//! Spreadsheets write CSV with the list separator of the user's locale: a
//! comma in English, a semicolon where the comma is the decimal mark, and
//! "Unicode text" exports use tabs. The file does not say which.

use csv::ByteRecord;

use super::table_reader::{csv_dialect, is_blank};

/// In order of preference when two split the sample equally well.
const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];

/// Enough records to see the shape of the table without reading all of it.
const SAMPLE_RECORDS: usize = 20;

/// The delimiter among comma, semicolon and tab that splits the first records
/// into the most consistent number of columns; a comma when none splits them.
///
/// Each candidate is tried by reading the sample as a CSV file with it, so a
/// delimiter or line break inside a quoted field is not counted.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut best = (b',', Agreement::default());
    for candidate in CANDIDATES {
        let agreement = agreement(text, candidate);
        if agreement > best.1 {
            best = (candidate, agreement);
        }
    }
    best.0
}

/// How well a delimiter splits the sample. Records are compared first, so a
/// delimiter found the same number of times on every line beats one found
/// more often on some: decimal commas come and go, the separator does not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Agreement {
    /// Records holding the delimiter the most common (non-zero) number of times.
    records: usize,
    /// That number of times.
    delimiters: usize,
}

fn agreement(text: &str, delimiter: u8) -> Agreement {
    let mut reader = csv_dialect(delimiter).from_reader(text.as_bytes());
    let mut record = ByteRecord::new();
    let mut delimiter_counts = Vec::with_capacity(SAMPLE_RECORDS);
    while delimiter_counts.len() < SAMPLE_RECORDS && matches!(reader.read_byte_record(&mut record), Ok(true)) {
        if !is_blank(&record) {
            delimiter_counts.push(record.len().saturating_sub(1));
        }
    }
    delimiter_counts.sort_unstable();
    delimiter_counts
        .chunk_by(|left, right| left == right)
        .filter_map(|same| match same.first() {
            Some(&delimiters) if delimiters > 0 => Some(Agreement { records: same.len(), delimiters }),
            _ => None,
        })
        .max()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_semicolons_and_tabs_are_each_recognised() {
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(detect_delimiter("a;b;c\n1;2;3\n"), b';');
        assert_eq!(detect_delimiter("a\tb\tc\n1\t2\t3\n"), b'\t');
    }

    #[test]
    fn decimal_commas_do_not_outvote_the_semicolon() {
        assert_eq!(detect_delimiter("a;b;c\n1,5;2,5;3\n"), b';');
        assert_eq!(detect_delimiter("Name;Amount\nAcme;1,5\nGlobex;2,5\n"), b';');
        assert_eq!(detect_delimiter("a;b;c\n1,5;2,5;3,5\n4,5;5,5;6,5\n"), b';');
    }

    #[test]
    fn delimiters_inside_quotes_are_not_counted() {
        let text = "Name,Note\n\"Acme; Inc\",\"one; two; three\"\n\"Globex\",\"a;\nb;c\"\n";
        assert_eq!(detect_delimiter(text), b',');
        let tabs = "Name\tNote\n\"Acme, Inc\"\t\"big, red\"\n";
        assert_eq!(detect_delimiter(tabs), b'\t');
    }

    #[test]
    fn a_ragged_file_goes_to_the_delimiter_most_lines_agree_on() {
        let text = "a;b;c\n1;2;3\n1;2\n1;2;3\n1,2;3;4\n";
        assert_eq!(detect_delimiter(text), b';');
    }

    #[test]
    fn blank_lines_do_not_count_against_a_delimiter() {
        assert_eq!(detect_delimiter("a;b\n\n;\n1;2\n\n"), b';');
    }

    #[test]
    fn without_any_delimiter_it_is_a_comma() {
        assert_eq!(detect_delimiter("Name\nAcme\nGlobex\n"), b',');
        assert_eq!(detect_delimiter(""), b',');
        assert_eq!(detect_delimiter("\"unclosed;quote\nmore;text"), b',');
    }

    #[test]
    fn only_the_first_records_are_sampled() {
        let mut text = "a;b\n".repeat(SAMPLE_RECORDS);
        text.push_str(&"a,b,c,d\n".repeat(SAMPLE_RECORDS * 2));
        assert_eq!(detect_delimiter(&text), b';');
    }
}
