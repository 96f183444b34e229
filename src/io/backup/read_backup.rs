use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::error::Category;
use serde_json::Value;

use crate::domain::{Catalog, Taxonomy};
use crate::storage::repair::{self, RawData, RawRecord};
use crate::storage::SCHEMA_VERSION;

use super::deal_records::DealRecords;
use super::{Backup, BackupError, BACKUP_FORMAT};

/// Larger files are refused before parsing: a browser tab would run out of
/// memory on them long before the user got an answer.
pub const MAX_BACKUP_BYTES: usize = 200 * 1024 * 1024;

/// A backup as read, in the current schema, with what had to be fixed on
/// the way.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedBackup {
    /// Migrated to the current schema, whatever schema wrote the file.
    pub backup: Backup,
    /// Deals that were migrated from an older schema or had gaps filled.
    pub repaired: usize,
    /// Deals that could not be read (which one, and why); the others loaded.
    pub unreadable: Vec<(String, String)>,
}

/// The top level of a backup, every field optional and untyped, so that a
/// damaged field is reported by name instead of failing the whole parse.
#[derive(Deserialize)]
struct Envelope {
    format: Option<Value>,
    schema_version: Option<Value>,
    exported_at: Option<Value>,
    /// Schema 3 on.
    catalog: Option<Value>,
    /// Schemas 1 and 2 kept only the reason list, at the top level.
    taxonomy: Option<Value>,
    deals: Option<DealRecords>,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a backup written by this or any earlier schema. The deals go
/// through the same migration and repair as stored data; a deal that cannot
/// be read is reported in [`LoadedBackup::unreadable`] and the rest load.
pub fn read_backup(bytes: &[u8]) -> Result<LoadedBackup, BackupError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge { bytes: bytes.len() });
    }
    // Editors on Windows add a byte order mark when a backup is saved again.
    let text = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if text.iter().all(u8::is_ascii_whitespace) {
        return Err(BackupError::NotABackup);
    }
    let envelope: Envelope = serde_json::from_slice(text).map_err(|error| match error.classify() {
        // Valid JSON of the wrong shape, such as a list at the top.
        Category::Data => BackupError::NotABackup,
        Category::Syntax | Category::Eof | Category::Io => not_json(&error),
    })?;

    if envelope.format.as_ref().and_then(Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let schema_version = schema_version(envelope.schema_version.as_ref())?;
    let records = match envelope.deals {
        Some(DealRecords::List(records)) => records,
        Some(DealRecords::NotAList) | None => return Err(invalid("it holds no list of deals.")),
    };
    let exported_at = envelope
        .exported_at
        .and_then(|value| DateTime::<Utc>::deserialize(value).ok())
        .ok_or_else(|| invalid("its export date is missing or unreadable."))?;
    if envelope.catalog.is_none() && envelope.taxonomy.is_none() {
        return Err(invalid("it holds no list of reasons."));
    }

    let repaired = repair::repair(RawData {
        stored_version: schema_version,
        deals: records,
        catalog: envelope.catalog.map(|value| decoded::<Catalog>("catalog", value)),
        legacy_taxonomy: envelope.taxonomy.map(|value| decoded::<Taxonomy>("taxonomy", value)),
    });
    let snapshot = repaired.snapshot;
    // Storage shows the standard reasons when its own are damaged; a restore
    // that did so would replace the team's reasons without a word.
    if let Some(problem) = snapshot.report.catalog_problem {
        return Err(invalid(&format!("its reasons and lists cannot be read ({problem}).")));
    }
    Ok(LoadedBackup {
        backup: Backup {
            format: BACKUP_FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            exported_at,
            catalog: snapshot.catalog,
            deals: snapshot.deals,
        },
        repaired: snapshot.report.repaired,
        unreadable: snapshot.report.unreadable,
    })
}

fn schema_version(value: Option<&Value>) -> Result<u32, BackupError> {
    let found = value
        .and_then(Value::as_u64)
        .filter(|&version| version > 0)
        .ok_or_else(|| invalid("it does not say which version of Winloss wrote it."))?;
    match u32::try_from(found) {
        Ok(version) if version <= SCHEMA_VERSION => Ok(version),
        newer => Err(BackupError::NewerVersion { found: newer.unwrap_or(u32::MAX), supported: SCHEMA_VERSION }),
    }
}

fn decoded<T: for<'de> Deserialize<'de>>(key: &str, value: Value) -> RawRecord<T> {
    RawRecord { key: key.to_owned(), decoded: T::deserialize(value).map_err(|error| error.to_string()) }
}

fn invalid(why: &str) -> BackupError {
    BackupError::Invalid(why.to_owned())
}

fn not_json(error: &serde_json::Error) -> BackupError {
    let message = error.to_string();
    // serde_json ends its message with the position, which the error holds apart.
    let why = message.split(" at line ").next().unwrap_or(&message).to_owned();
    BackupError::NotJson { line: error.line(), column: error.column(), why }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;
    use crate::domain::Catalog;

    fn backup_json(deals: Value) -> Value {
        json!({
            "format": BACKUP_FORMAT,
            "schema_version": SCHEMA_VERSION,
            "exported_at": "2026-12-02T09:00:00Z",
            "catalog": Catalog::standard(),
            "deals": deals,
        })
    }

    fn read(value: &Value) -> Result<LoadedBackup, BackupError> {
        read_backup(value.to_string().as_bytes())
    }

    fn with(field: &str, value: Value) -> Value {
        let mut backup = backup_json(json!([]));
        backup[field] = value;
        backup
    }

    fn without(field: &str) -> Value {
        let mut backup = backup_json(json!([]));
        backup.as_object_mut().map(|object| object.remove(field));
        backup
    }

    #[test]
    fn one_malformed_deal_is_reported_and_the_rest_load() {
        let loaded = read(&backup_json(json!([
            {"id": "d1", "name": "Acme", "outcome": "won", "reason": "won-best-value", "created_on": "2026-01-02", "updated_at": "2026-02-03T10:00:00Z"},
            {"id": "d2", "name": "Globex", "amount": {"minor": "lots", "currency": "USD"}},
            "not a deal",
            {"id": "d4", "name": "Initech"},
        ])))
        .expect("loads");
        let names: Vec<&str> = loaded.backup.deals.iter().map(|deal| deal.name.as_str()).collect();
        assert_eq!(names, ["Acme", "Initech"]);
        let which: Vec<&str> = loaded.unreadable.iter().map(|(which, _)| which.as_str()).collect();
        assert_eq!(which, ["deal 2 (id d2)", "deal 3"]);
        assert!(loaded.unreadable[0].1.contains("invalid type"), "{:?}", loaded.unreadable);
        assert_eq!(loaded.repaired, 1, "Initech had no dates");
    }

    #[test]
    fn files_that_are_not_backups_are_refused() {
        for text in ["", "  \n", "[]", "42", "\"winloss-backup\"", "{}", r#"{"format":"other"}"#, r#"{"format":7}"#] {
            assert_eq!(read_backup(text.as_bytes()), Err(BackupError::NotABackup), "{text:?}");
        }
    }

    #[test]
    fn broken_json_says_where() {
        let error = read_backup(b"{\"format\": \"winloss-backup\",\n  \"deals\": [1,}").expect_err("refused");
        assert_eq!(error, BackupError::NotJson { line: 2, column: 15, why: "expected value".into() });
        assert_eq!(
            error.to_string(),
            "This file is not a Winloss backup: it is damaged or not JSON (expected value at line 2, column 15)."
        );
        assert!(matches!(read_backup(b"{\"format\": \"winloss-backup\""), Err(BackupError::NotJson { .. })));
        assert!(matches!(read_backup(b"\xff\xfe{}"), Err(BackupError::NotJson { .. })));
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let text = format!("\u{feff}{}", backup_json(json!([])));
        assert!(read_backup(text.as_bytes()).is_ok());
    }

    #[test]
    fn a_backup_from_a_newer_schema_is_refused() {
        let error = read(&with("schema_version", json!(5))).expect_err("refused");
        assert_eq!(error, BackupError::NewerVersion { found: 5, supported: SCHEMA_VERSION });
        assert_eq!(
            error.to_string(),
            "This backup was made by a newer version of Winloss (schema 5); this one reads up to schema 3. Update the app and try again."
        );
        assert_eq!(
            read(&with("schema_version", json!(u64::MAX))),
            Err(BackupError::NewerVersion { found: u32::MAX, supported: SCHEMA_VERSION })
        );
    }

    #[test]
    fn a_backup_missing_a_part_every_restore_needs_is_invalid() {
        let invalid = |value: Value| matches!(read(&value), Err(BackupError::Invalid(_)));
        assert!(invalid(without("schema_version")));
        assert!(invalid(with("schema_version", json!(0))));
        assert!(invalid(with("schema_version", json!("3"))));
        assert!(invalid(without("deals")));
        assert!(invalid(with("deals", json!({"d1": {}}))));
        assert!(invalid(with("deals", json!(null))));
        assert!(invalid(without("exported_at")));
        assert!(invalid(with("exported_at", json!("yesterday"))));
        assert!(invalid(without("catalog")));
        assert!(invalid(with("catalog", json!({"owners": []}))));
        let mut duplicated = Catalog::standard();
        let copy = duplicated.taxonomy.reasons[0].clone();
        duplicated.taxonomy.reasons.push(copy);
        let error = read(&with("catalog", json!(duplicated))).expect_err("refused");
        assert_eq!(
            error.to_string(),
            "This backup cannot be used: its reasons and lists cannot be read (two reasons share the id “lost-too-expensive”)."
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_reading() {
        let bytes = vec![b' '; MAX_BACKUP_BYTES + 1];
        let error = read_backup(&bytes).expect_err("refused");
        assert_eq!(error, BackupError::TooLarge { bytes: MAX_BACKUP_BYTES + 1 });
        assert_eq!(error.to_string(), "This file is 201 MB; Winloss reads backups of up to 200 MB.");
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = read_backup(&bytes);
        }

        #[test]
        fn arbitrary_text_inside_a_backup_never_panics(deal in "[{}\\[\\]\":,a-z0-9 -]{0,80}") {
            let text = format!(r#"{{"format":"winloss-backup","schema_version":3,"exported_at":"2026-12-02T09:00:00Z","taxonomy":{{"categories":[],"reasons":[]}},"deals":[{deal}]}}"#);
            let _ = read_backup(text.as_bytes());
        }
    }
}
