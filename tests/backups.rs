//! Backups read back exactly as written, and backups in the shape of every
//! earlier schema load into the same deals and owners.

use chrono::{DateTime, NaiveDate, Utc};
use winloss::domain::{
    Catalog, CompetitorId, Currency, Deal, DealId, ExchangeRate, Money, NamedItem, Outcome, OwnerId, ReasonId, ReasonSource,
    StageId, Tags, Taxonomy,
};
use winloss::io::backup::{read_backup, write_backup, Backup, LoadedBackup, BACKUP_FORMAT};
use winloss::storage::SCHEMA_VERSION;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn time(text: &str) -> DateTime<Utc> {
    text.parse().expect("valid time")
}

fn currency(code: &str) -> Currency {
    Currency::parse(code).expect("valid code")
}

fn fixture(name: &str) -> LoadedBackup {
    let path = format!("{}/tests/fixtures/backups/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture exists");
    read_backup(&bytes).unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// A workspace using everything a catalog holds: owners, competitors, a
/// merged reason, changed settings and exchange rates.
fn workspace() -> (Vec<Deal>, Catalog) {
    let mut catalog = Catalog::standard();
    catalog.owners.items.push(NamedItem { id: OwnerId::new("o1"), name: "Dana Ruiz".into(), archived: false });
    catalog.owners.items.push(NamedItem { id: OwnerId::new("o2"), name: "Luis".into(), archived: true });
    catalog.competitors.items.push(NamedItem { id: CompetitorId::new("c1"), name: "Initech".into(), archived: false });
    catalog.settings.require_note_for_other = false;
    catalog.exchange_rates.reporting = Some(currency("USD"));
    catalog.exchange_rates.rates.push(ExchangeRate { from: currency("EUR"), millionths: 1_082_500 });

    let closed = Deal {
        account: "Acme Corp — “EU”".into(),
        amount: Some(Money { minor: 450_000, currency: currency("EUR") }),
        owner: Some(OwnerId::new("o1")),
        stage: Some(StageId::new("stage-demo")),
        close_date: Some(date(2026, 11, 30)),
        outcome: Outcome::Lost,
        reason: Some(ReasonId::new("lost-no-budget")),
        secondary_reasons: vec![ReasonId::new("lost-slow-follow-up"), ReasonId::new("other")],
        competitor: Some(CompetitorId::new("c1")),
        reason_source: ReasonSource::ConfirmedByBuyer,
        notes: "Cheaper by 30 %.\n\nSecond line, with \"quotes\".".into(),
        tags: Tags { product: "Analytics".into(), segment: "Mid-market".into(), source: "Inbound".into() },
        source_id: "006A000001".into(),
        ..Deal::new_open(DealId::new("d1"), "Acme renewal", date(2026, 10, 1), time("2026-11-30T17:05:09.123Z"))
    };
    let open = Deal::new_open(DealId::new("d2"), "Globex pilot", date(2026, 11, 2), time("2026-11-02T08:00:00Z"));
    let yen = Deal {
        amount: Some(Money { minor: 1_200, currency: currency("JPY") }),
        outcome: Outcome::Disqualified,
        ..Deal::new_open(DealId::new("d3"), "Hooli", date(2026, 9, 9), time("2026-09-09T09:09:09Z"))
    };
    let deals = catalog
        .taxonomy
        .merge_reason(&ReasonId::new("lost-no-budget"), &ReasonId::new("lost-too-expensive"), &[closed, open.clone(), yen.clone()], time("2026-12-01T00:00:00Z"))
        .expect("merges");
    (deals.into_iter().chain([open, yen]).collect(), catalog)
}

#[test]
fn a_backup_reads_back_exactly_as_written() {
    let (deals, catalog) = workspace();
    assert_eq!(catalog.taxonomy.merges.len(), 1);
    assert_eq!(deals[0].reason, Some(ReasonId::new("lost-too-expensive")));
    let exported_at = time("2026-12-02T09:30:00.5Z");

    let text = write_backup(&deals, &catalog, exported_at);
    let loaded = read_backup(text.as_bytes()).expect("reads");

    assert_eq!(
        loaded,
        LoadedBackup {
            backup: Backup { format: BACKUP_FORMAT.into(), schema_version: SCHEMA_VERSION, exported_at, catalog, deals },
            repaired: 0,
            unreadable: Vec::new(),
        }
    );
}

#[test]
fn a_backup_says_what_it_is_and_which_schema_wrote_it() {
    let (deals, catalog) = workspace();
    let text = write_backup(&deals, &catalog, time("2026-12-02T09:30:00Z"));
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(value["format"], "winloss-backup");
    assert_eq!(value["schema_version"], SCHEMA_VERSION);
    assert_eq!(value["exported_at"], "2026-12-02T09:30:00Z");
    assert_eq!(value["deals"].as_array().map(Vec::len), Some(3));
    assert_eq!(value["catalog"]["taxonomy"]["merges"][0]["from"], "lost-no-budget");
}

#[test]
fn backups_of_every_schema_load_into_the_same_deals_and_owners() {
    let current = fixture("schema-3.json");
    assert_eq!((current.repaired, current.unreadable.len()), (0, 0));
    let owners: Vec<(&str, &str)> = current.backup.catalog.owners.items.iter().map(|o| (o.id.as_str(), o.name.as_str())).collect();
    assert_eq!(owners, [("owner:dana", "Dana"), ("owner:luis", "Luis")]);
    let names: Vec<&str> = current.backup.deals.iter().map(|deal| deal.name.as_str()).collect();
    assert_eq!(names, ["Acme renewal", "Globex pilot", "Initech"]);

    // Schema 2 also holds older copies of two deals, as its storage did: the
    // newer copy wins.
    for (older, migrated) in [("schema-1.json", 2), ("schema-2.json", 2)] {
        let loaded = fixture(older);
        assert_eq!(loaded.backup, current.backup, "{older} migrates to what schema 3 holds");
        assert_eq!((loaded.repaired, loaded.unreadable.len()), (migrated, 0), "{older}");
    }
}

#[test]
fn the_reason_list_of_an_older_schema_is_kept_as_it_was() {
    let loaded = fixture("schema-1.json");
    let taxonomy: &Taxonomy = &loaded.backup.catalog.taxonomy;
    assert_eq!(taxonomy.reasons.len(), 3);
    assert_ne!(*taxonomy, Taxonomy::standard(), "the backup's own reasons, not the standard ones");
    assert_eq!(loaded.backup.catalog.stages, Catalog::standard().stages);
}

#[test]
fn a_loaded_older_backup_writes_out_in_the_current_schema_and_reads_back_the_same() {
    let loaded = fixture("schema-1.json").backup;
    let text = write_backup(&loaded.deals, &loaded.catalog, loaded.exported_at);
    assert_eq!(read_backup(text.as_bytes()).map(|again| again.backup), Ok(loaded));
}
