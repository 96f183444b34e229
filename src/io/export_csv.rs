//! The deal list as CSV, safe to open in a spreadsheet.
//!
//! Ids are written as the names and labels people know, so the file reads on
//! its own; the CSV importer maps these exact headers back without asking.

use std::borrow::Cow;

use chrono::{NaiveDate, SecondsFormat};

use crate::domain::{Catalog, Deal, Money, ReasonId, ReasonSource};

use super::formula;

/// The header row, in order. The importer recognises exactly these names.
pub const COLUMNS: [&str; 21] = [
    "Deal ID",
    "Name",
    "Account",
    "Amount",
    "Currency",
    "Owner",
    "Stage",
    "Created",
    "Close date",
    "Outcome",
    "Reason",
    "Reason category",
    "Secondary reasons",
    "Competitor",
    "Reason confirmed by buyer",
    "Notes",
    "Product",
    "Segment",
    "Source",
    "Source ID",
    "Updated",
];

/// Excel reads a file without it as the local code page and garbles accents.
const UTF8_BOM: &str = "\u{feff}";

/// The deals as CSV text: a byte order mark, then the header and one row per
/// deal, CRLF-terminated, every cell guarded against formula injection.
pub fn export_csv<'a>(deals: impl IntoIterator<Item = &'a Deal>, catalog: &Catalog) -> String {
    // Every record has the header's length and the writer writes to memory,
    // so neither of the csv crate's errors (unequal lengths, I/O) can occur.
    let bytes = write_rows(deals, catalog).expect("rows of the header's length write to memory");
    String::from_utf8(bytes).expect("every cell is a Rust string, so the file is UTF-8")
}

fn write_rows<'a>(deals: impl IntoIterator<Item = &'a Deal>, catalog: &Catalog) -> csv::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(UTF8_BOM.as_bytes().to_vec());
    writer.write_record(COLUMNS)?;
    for deal in deals {
        let row = deal_row(deal, catalog);
        let safe = row.each_ref().map(|cell| formula::neutralise(cell));
        writer.write_record(safe.iter().map(|cell| cell.as_bytes()))?;
    }
    writer.into_inner().map_err(|error| error.into_error().into())
}

/// The deal's cells in the order of [`COLUMNS`], before neutralising.
fn deal_row<'a>(deal: &'a Deal, catalog: &'a Catalog) -> [Cow<'a, str>; COLUMNS.len()] {
    // An id missing from its list (or reason list) is written as itself, so
    // nothing is lost.
    let taxonomy = &catalog.taxonomy;
    let primary = deal.reason.as_ref().and_then(|id| taxonomy.reason(id));
    let category = primary.map(|reason| {
        taxonomy
            .categories
            .iter()
            .find(|category| category.id == reason.category)
            .map_or(reason.category.as_str(), |category| category.label.as_str())
    });
    let secondary: Vec<&str> = deal.secondary_reasons.iter().map(|id| reason_label(catalog, id)).collect();
    [
        deal.id.as_str().into(),
        deal.name.as_str().into(),
        deal.account.as_str().into(),
        deal.amount.as_ref().map_or(Cow::Borrowed(""), |money| plain_amount(money).into()),
        deal.amount.as_ref().map_or("", |money| money.currency.code()).into(),
        deal.owner.as_ref().map_or("", |id| catalog.owners.name_of(id).unwrap_or(id.as_str())).into(),
        deal.stage.as_ref().map_or("", |id| catalog.stages.name_of(id).unwrap_or(id.as_str())).into(),
        iso_date(deal.created_on).into(),
        deal.close_date.map_or(Cow::Borrowed(""), |date| iso_date(date).into()),
        deal.outcome.label().into(),
        deal.reason.as_ref().map_or("", |id| reason_label(catalog, id)).into(),
        category.unwrap_or("").into(),
        secondary.join("; ").into(),
        deal.competitor.as_ref().map_or("", |id| catalog.competitors.name_of(id).unwrap_or(id.as_str())).into(),
        match deal.reason_source {
            ReasonSource::ConfirmedByBuyer => "yes",
            ReasonSource::SalespersonView => "no",
        }
        .into(),
        deal.notes.as_str().into(),
        deal.tags.product.as_str().into(),
        deal.tags.segment.as_str().into(),
        deal.tags.source.as_str().into(),
        deal.source_id.as_str().into(),
        deal.updated_at.to_rfc3339_opts(SecondsFormat::AutoSi, true).into(),
    ]
}

fn reason_label<'a>(catalog: &'a Catalog, id: &'a ReasonId) -> &'a str {
    catalog.taxonomy.reason(id).map_or(id.as_str(), |reason| reason.label.as_str())
}

fn iso_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Major units with `.` and exactly the currency's minor digits (`4500.00`,
/// `1200` for yen), which every spreadsheet locale reads back the same.
fn plain_amount(money: &Money) -> String {
    let digits = money.currency.minor_digits();
    let sign = if money.minor < 0 { "-" } else { "" };
    let magnitude = money.minor.unsigned_abs();
    if digits == 0 {
        return format!("{sign}{magnitude}");
    }
    let scale = 10u64.pow(digits);
    let width = digits as usize;
    format!("{sign}{}.{:0width$}", magnitude / scale, magnitude % scale)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use proptest::prelude::*;

    use super::*;
    use crate::domain::{CompetitorId, Currency, DealId, NamedItem, Outcome, OwnerId, StageId, Tags};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn money(minor: i64, code: &str) -> Money {
        Money { minor, currency: Currency::parse(code).expect("valid code") }
    }

    fn updated() -> DateTime<Utc> {
        DateTime::from_timestamp(1_764_600_000, 0).expect("valid time")
    }

    fn catalog() -> Catalog {
        let mut catalog = Catalog::standard();
        catalog.owners.items.push(NamedItem { id: OwnerId::new("o1"), name: "Dana Ruiz".into(), archived: false });
        catalog.competitors.items.push(NamedItem { id: CompetitorId::new("c1"), name: "Initech".into(), archived: false });
        catalog
    }

    fn full_deal() -> Deal {
        Deal {
            account: "Acme Corp".into(),
            amount: Some(money(450_000, "USD")),
            owner: Some(OwnerId::new("o1")),
            stage: Some(StageId::new("stage-demo")),
            close_date: Some(date(2026, 11, 30)),
            outcome: Outcome::Lost,
            reason: Some(ReasonId::new("lost-too-expensive")),
            secondary_reasons: vec![ReasonId::new("lost-slow-follow-up"), ReasonId::new("lost-poor-demo")],
            competitor: Some(CompetitorId::new("c1")),
            reason_source: ReasonSource::ConfirmedByBuyer,
            notes: "Cheaper by 30 %".into(),
            tags: Tags { product: "Analytics".into(), segment: "Mid-market".into(), source: "Inbound".into() },
            source_id: "006A000001".into(),
            ..Deal::new_open(DealId::new("d1"), "Acme renewal", date(2026, 10, 1), updated())
        }
    }

    /// The file's records as the csv crate reads them, byte order mark removed.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let body = text.strip_prefix(UTF8_BOM).expect("starts with a byte order mark");
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body.as_bytes())
            .records()
            .map(|record| record.expect("a record").iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn starts_with_a_byte_order_mark_and_the_exact_header_and_ends_lines_with_crlf() {
        let text = export_csv([], &catalog());
        let header = COLUMNS.join(",");
        assert_eq!(text, format!("\u{feff}{header}\r\n"));
        assert_eq!(
            header,
            "Deal ID,Name,Account,Amount,Currency,Owner,Stage,Created,Close date,Outcome,Reason,Reason category,\
             Secondary reasons,Competitor,Reason confirmed by buyer,Notes,Product,Segment,Source,Source ID,Updated"
        );
    }

    #[test]
    fn a_deal_with_every_field_is_written_by_names_and_labels() {
        let text = export_csv([&full_deal()], &catalog());
        let row = text.split("\r\n").nth(1).expect("a data line");
        assert_eq!(
            row,
            "d1,Acme renewal,Acme Corp,4500.00,USD,Dana Ruiz,Demo,2026-10-01,2026-11-30,Lost,Too expensive,Price and value,\
             Slow follow-up; Demo fell flat,Initech,yes,Cheaper by 30 %,Analytics,Mid-market,Inbound,006A000001,2025-12-01T14:40:00Z"
        );
        assert!(text.ends_with("\r\n"));
    }

    #[test]
    fn an_open_deal_leaves_the_closing_columns_empty() {
        let open = Deal::new_open(DealId::new("d2"), "Globex pilot", date(2026, 1, 5), updated());
        let rows = parse(&export_csv([&open], &catalog()));
        let cells: Vec<&str> = rows[1].iter().map(String::as_str).collect();
        assert_eq!(
            cells,
            [
                "d2", "Globex pilot", "", "", "", "", "", "2026-01-05", "", "Open", "", "", "", "", "no", "", "", "", "", "",
                "2025-12-01T14:40:00Z"
            ]
        );
    }

    #[test]
    fn ids_missing_from_the_catalog_are_written_as_themselves() {
        let deal = Deal {
            owner: Some(OwnerId::new("owner:gone")),
            stage: Some(StageId::new("stage-x")),
            competitor: Some(CompetitorId::new("c9")),
            reason: Some(ReasonId::new("lost-retired")),
            ..full_deal()
        };
        let rows = parse(&export_csv([&deal], &catalog()));
        let column = |name: &str| rows[1][COLUMNS.iter().position(|c| *c == name).expect("a column")].clone();
        assert_eq!(column("Owner"), "owner:gone");
        assert_eq!(column("Stage"), "stage-x");
        assert_eq!(column("Competitor"), "c9");
        assert_eq!(column("Reason"), "lost-retired");
        assert_eq!(column("Reason category"), "");
    }

    #[test]
    fn amounts_have_exactly_the_currency_minor_digits() {
        assert_eq!(plain_amount(&money(450_000, "USD")), "4500.00");
        assert_eq!(plain_amount(&money(5, "EUR")), "0.05");
        assert_eq!(plain_amount(&money(1200, "JPY")), "1200");
        assert_eq!(plain_amount(&money(1_250_001, "KWD")), "1250.001");
        assert_eq!(plain_amount(&money(0, "USD")), "0.00");
        assert_eq!(plain_amount(&money(i64::MIN, "USD")), "-92233720368547758.08");
    }

    #[test]
    fn formula_openers_get_an_apostrophe() {
        let mut catalog = catalog();
        catalog.owners.items[0].name = "@owner".into();
        let deal = Deal {
            name: "=1+1".into(),
            account: "+x".into(),
            notes: "-x".into(),
            tags: Tags { product: "\tTab".into(), segment: "\rReturn".into(), source: "@x".into() },
            ..full_deal()
        };
        let rows = parse(&export_csv([&deal], &catalog));
        let cells = &rows[1];
        assert_eq!(cells[1], "'=1+1");
        assert_eq!(cells[2], "'+x");
        assert_eq!(cells[5], "'@owner");
        assert_eq!(cells[15], "'-x");
        assert_eq!(cells[16], "'\tTab");
        assert_eq!(cells[17], "'\rReturn");
        assert_eq!(cells[18], "'@x");
    }

    #[test]
    fn quotes_commas_and_line_breaks_are_quoted() {
        let deal = Deal {
            name: "Acme, \"the big one\"".into(),
            notes: "line one\nline two\r\nline three".into(),
            ..full_deal()
        };
        let text = export_csv([&deal], &catalog());
        assert!(text.contains(",\"Acme, \"\"the big one\"\"\","), "{text}");
        assert!(text.contains("\"line one\nline two\r\nline three\""), "{text}");
        let rows = parse(&text);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][1], deal.name);
        assert_eq!(rows[1][15], deal.notes);
    }

    proptest! {
        #[test]
        fn any_text_reads_back_as_written(
            name in any::<String>(),
            account in "'?[=+@\\t\\r-]?[ -~\\t\\r\\n\"',;é]{0,20}",
            notes in any::<String>(),
            owner in "[=+@-]?[a-zA-Z ,\"]{1,12}",
        ) {
            let mut catalog = catalog();
            catalog.owners.items[0].name = owner.clone();
            let deal = Deal { name: name.clone(), account: account.clone(), notes: notes.clone(), ..full_deal() };
            let rows = parse(&export_csv([&deal], &catalog));
            prop_assert_eq!(rows.len(), 2);
            let restored: Vec<&str> = rows[1].iter().map(|cell| formula::restore(cell)).collect();
            prop_assert_eq!(restored[1], name.as_str());
            prop_assert_eq!(restored[2], account.as_str());
            prop_assert_eq!(restored[5], owner.as_str());
            prop_assert_eq!(restored[15], notes.as_str());
        }
    }
}
