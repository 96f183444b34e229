//! Column mappings the user saved, kept in this browser, so the next export
//! from the same CRM maps itself.

use crate::io::import::{ColumnMapping, SavedMapping};

use super::super::browser;

const KEY: &str = "import-mappings";

pub fn all() -> Vec<SavedMapping> {
    // A damaged or foreign value just means nothing saved yet.
    browser::remembered(KEY).and_then(|json| serde_json::from_str(&json).ok()).unwrap_or_default()
}

/// Saves (or replaces, by name) a mapping.
pub fn save(mapping: SavedMapping) {
    let mut saved = all();
    saved.retain(|existing| !existing.name.eq_ignore_ascii_case(&mapping.name));
    saved.push(mapping);
    if let Ok(json) = serde_json::to_string(&saved) {
        browser::remember(KEY, &json);
    }
}

/// The saved mapping for a file with exactly these columns, if any.
pub fn matching(headers: &[String]) -> Option<ColumnMapping> {
    let same = |saved: &SavedMapping| {
        saved.headers.len() == headers.len()
            && saved.headers.iter().zip(headers).all(|(a, b)| a.trim().eq_ignore_ascii_case(b.trim()))
    };
    all().iter().rev().find(|saved| same(saved)).map(|saved| ColumnMapping::reapply(saved, headers))
}
