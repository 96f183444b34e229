//! CSV files as CRMs and spreadsheets write them, in their encodings and
//! dialects, read from bytes to a header and rows of text.

use std::time::{Duration, Instant};

use proptest::prelude::*;

use winloss::io::import::{decode, read_table, ReadError, Row, Table, TableReader};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/encodings/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The fixture's encoding and its table.
fn read_fixture(name: &str) -> (&'static str, Table) {
    let decoded = decode(&fixture(name)).expect("a text file");
    (decoded.encoding, read_table(decoded.text).expect("a table"))
}

fn row(number: usize, cells: &[&str]) -> Row {
    Row { number, cells: cells.iter().map(|&cell| cell.to_owned()).collect() }
}

#[test]
fn utf8_with_a_byte_order_mark_and_commas() {
    let (encoding, table) = read_fixture("utf8-bom-comma.csv");
    assert_eq!(encoding, "UTF-8");
    assert_eq!(table.delimiter, b',');
    assert_eq!(table.headers, ["Name", "Amount", "Owner", "Note"]);
    assert_eq!(
        table.rows,
        [row(2, &["Acme renewal", "12000", "Dana", "=SUM(A1)"]), row(3, &["Café Zürich", "4500", "Luis", ""])]
    );
}

#[test]
fn utf16_with_a_byte_order_mark_and_tabs_in_either_byte_order() {
    for (name, expected_encoding) in [("utf16le-bom-tab.csv", "UTF-16LE"), ("utf16be-bom-tab.csv", "UTF-16BE")] {
        let (encoding, table) = read_fixture(name);
        assert_eq!(encoding, expected_encoding);
        assert_eq!(table.delimiter, b'\t');
        assert_eq!(table.headers, ["Name", "Amount", "Stage"]);
        assert_eq!(
            table.rows,
            [row(2, &["Globex pilot", "4500", "Proposal"]), row(3, &["École Ωmega, Ltd", "1200", "Lost"])]
        );
    }
}

#[test]
fn windows_1252_with_semicolons_and_decimal_commas() {
    let (encoding, table) = read_fixture("windows1252-semicolon.csv");
    assert_eq!(encoding, "Windows-1252");
    assert_eq!(table.delimiter, b';');
    assert_eq!(table.headers, ["Nom", "Montant", "Raison"]);
    assert_eq!(
        table.rows,
        [
            row(2, &["Café de Flore", "1\u{A0}200,50", "Prix trop élevé"]),
            row(3, &["Brasserie Lipp", "3,5", "Concurrent – moins cher €"]),
        ]
    );
}

#[test]
fn quoted_fields_with_line_breaks_delimiters_and_quotes_take_one_row() {
    let (_, table) = read_fixture("crlf-embedded-newlines.csv");
    assert_eq!(table.headers, ["Name", "Note", "Amount"]);
    assert_eq!(
        table.rows,
        [
            row(2, &["Acme, Inc", "First line\r\nsecond line\r\nthird \"quoted\" line", "100"]),
            row(3, &["Globex", "plain", "200"]),
        ]
    );
}

#[test]
fn carriage_returns_alone_end_lines_and_a_blank_line_keeps_its_row() {
    let (_, table) = read_fixture("cr-blank-line.csv");
    assert_eq!(table.headers, ["Name", "Amount"]);
    assert_eq!(table.rows, [row(2, &["Acme", "1"]), row(4, &["Globex", "2"])]);
}

#[test]
fn workbooks_and_utf16_without_a_byte_order_mark_are_not_text() {
    for name in ["workbook.xlsx.csv", "utf16le-no-bom.csv"] {
        assert_eq!(decode(&fixture(name)), Err(ReadError::NotText), "{name}");
    }
}

/// Bytes shaped like CSV, so that most cases get past decoding and build
/// rows, with the odd stray byte; and wholly arbitrary bytes.
fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    let csv_byte = prop_oneof![
        8 => prop::sample::select(b",;\t\"\r\n a1'=".to_vec()),
        1 => 1u8..,
    ];
    let byte_order_mark = prop::sample::select(vec![&b""[..], b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"]);
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        (byte_order_mark, prop::collection::vec(csv_byte, 0..2048)).prop_map(|(mark, body)| [mark, &body].concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_file_reads_in_batches_as_it_reads_at_once(bytes in file_bytes()) {
        let Ok(decoded) = decode(&bytes) else { return Ok(()) };
        let at_once = read_table(decoded.text.clone());
        let mut reader = match TableReader::new(decoded.text) {
            Ok(reader) => reader,
            Err(error) => {
                prop_assert_eq!(at_once, Err(error));
                return Ok(());
            }
        };
        let Ok(at_once) = at_once else { return Err(TestCaseError::fail("read at once failed")) };
        prop_assert_eq!(reader.headers(), &at_once.headers[..]);
        prop_assert_eq!(reader.delimiter(), at_once.delimiter);

        let mut rows = Vec::new();
        let mut progress = reader.progress();
        prop_assert!((0.0..=1.0).contains(&progress));
        while !reader.is_done() {
            let batch = reader.read(7);
            prop_assert!(batch.len() == 7 || reader.is_done(), "a short batch before the end");
            prop_assert!((progress..=1.0).contains(&reader.progress()));
            progress = reader.progress();
            rows.extend(batch);
        }
        prop_assert_eq!(reader.progress(), 1.0);
        prop_assert!(reader.read(7).is_empty());
        prop_assert_eq!(rows, at_once.rows);
    }
}

/// About 20 MB, shaped like a CRM's opportunity export.
fn crm_export(rows: usize) -> String {
    let mut text = String::from(
        "Opportunity ID,Opportunity Name,Account Name,Amount,Currency,Owner,Stage,Created Date,\
         Close Date,Status,Loss Reason,Competitor,Reason Confirmed,Description,Tags\r\n",
    );
    for index in 0..rows {
        text.push_str(&format!(
            "0065g00000{index:08},Acme renewal {index},Acme Corporation {},{}.50,EUR,Dana Whitfield,\
             Negotiation,2025-01-{:02},2025-03-{:02},Lost,Too expensive,Initech,true,\
             \"Said no, then \"\"maybe\"\", then no\",product-a;segment-b\r\n",
            index % 977,
            index * 13 % 250_000,
            index % 28 + 1,
            index % 30 + 1,
        ));
    }
    text
}

#[test]
#[ignore = "a timing: cargo test --release --test csv_reader -- --ignored --nocapture"]
fn a_hundred_thousand_row_export_reads_natively_in_well_under_a_second() {
    let bytes = crm_export(100_000).into_bytes();
    let started = Instant::now();
    let decoded = decode(&bytes).expect("a text file");
    let mut reader = TableReader::new(decoded.text).expect("a table");
    let mut rows = 0;
    while !reader.is_done() {
        rows += reader.read(2000).len();
    }
    let elapsed = started.elapsed();
    println!("{} MB, {rows} rows in {elapsed:?}", bytes.len() / 1_000_000);
    assert_eq!(rows, 100_000);
    assert_eq!(reader.headers().len(), 15);
    assert!(elapsed < Duration::from_millis(500), "{elapsed:?}");
}
