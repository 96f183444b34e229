//! Deals written in bulk are stored as chunks: one IndexedDB record holding
//! the UTF-8 JSON of up to [`CHUNK_SIZE`] deals. Reading 50 byte arrays and
//! parsing them in WebAssembly is much faster than the browser cloning 100,000
//! separate objects, which is what makes a cold start with many deals fast.

use crate::domain::Deal;

use super::repair::StoredDeal;

pub const CHUNK_SIZE: usize = 2_000;

/// The deals as chunk payloads, in order.
pub fn encode_chunks(deals: &[Deal]) -> Result<Vec<Vec<u8>>, String> {
    deals
        .chunks(CHUNK_SIZE)
        .map(|chunk| serde_json::to_vec(chunk).map_err(|e| e.to_string()))
        .collect()
}

/// One chunk's deals; a chunk that does not parse is unreadable as a whole.
pub fn decode_chunk(bytes: &[u8]) -> Result<Vec<StoredDeal>, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("a stored chunk of deals is damaged ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DealId;
    use chrono::{DateTime, NaiveDate};

    fn deal(index: usize) -> Deal {
        let created = NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date");
        Deal::new_open(DealId::new(format!("deal-{index}")), format!("Deal {index}"), created, DateTime::UNIX_EPOCH)
    }

    #[test]
    fn deals_split_into_full_chunks_and_read_back_in_order() {
        let deals: Vec<Deal> = (0..CHUNK_SIZE * 2 + 5).map(deal).collect();
        let chunks = encode_chunks(&deals).expect("encodes");
        assert_eq!(chunks.len(), 3);
        let ids: Vec<String> = chunks
            .iter()
            .flat_map(|chunk| decode_chunk(chunk).expect("decodes"))
            .filter_map(|stored| stored.id)
            .collect();
        let expected: Vec<String> = deals.iter().map(|d| d.id.to_string()).collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn a_damaged_chunk_is_reported() {
        let mut chunk = encode_chunks(&[deal(1)]).expect("encodes").remove(0);
        chunk.truncate(chunk.len() / 2);
        let error = decode_chunk(&chunk).expect_err("damaged");
        assert!(error.starts_with("a stored chunk of deals is damaged"), "{error}");
    }
}
