//! The `deals` list of a backup, read one deal at a time: a deal that cannot
//! be understood is kept as a problem to report, and the others still load.
//! Each deal is held as a JSON tree only while it is being decoded, so a
//! large backup is never held twice.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::storage::repair::{RawRecord, StoredDeal};

/// What the backup has under `deals`.
pub(super) enum DealRecords {
    List(Vec<RawRecord<StoredDeal>>),
    /// Something other than a list, which leaves no deal to read.
    NotAList,
}

impl<'de> Deserialize<'de> for DealRecords {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DealRecordsVisitor)
    }
}

struct DealRecordsVisitor;

/// Names a deal in reports by its place in the file, and its id when it has one.
fn record(position: usize, value: Value) -> RawRecord<StoredDeal> {
    let key = match value.get("id").and_then(Value::as_str).filter(|id| !id.trim().is_empty()) {
        Some(id) => format!("deal {position} (id {id})"),
        None => format!("deal {position}"),
    };
    RawRecord { key, decoded: StoredDeal::deserialize(value).map_err(|error| error.to_string()) }
}

impl<'de> Visitor<'de> for DealRecordsVisitor {
    type Value = DealRecords;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a list of deals")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DealRecords, A::Error> {
        let mut records = Vec::new();
        while let Some(value) = seq.next_element::<Value>()? {
            records.push(record(records.len() + 1, value));
        }
        Ok(DealRecords::List(records))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DealRecords, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(DealRecords::NotAList)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<DealRecords, E> {
        Ok(DealRecords::NotAList)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<DealRecords, E> {
        Ok(DealRecords::NotAList)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<DealRecords, E> {
        Ok(DealRecords::NotAList)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<DealRecords, E> {
        Ok(DealRecords::NotAList)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<DealRecords, E> {
        Ok(DealRecords::NotAList)
    }

    fn visit_unit<E: de::Error>(self) -> Result<DealRecords, E> {
        Ok(DealRecords::NotAList)
    }
}
