use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{Catalog, Deal};
use crate::storage::Batch;

use super::super::state::AppState;

/// Applies `edit` to a copy of the catalog and saves it, with the deals it
/// changed, in one transaction. A refused edit changes nothing and its reason
/// goes to `status`. Returns whether the edit was accepted.
pub fn edit_catalog(
    state: AppState,
    status: RwSignal<Option<String>>,
    edit: impl FnOnce(&mut Catalog, &[Deal]) -> Result<Vec<Deal>, String>,
) -> bool {
    let mut catalog = state.catalog.get_untracked();
    let changed_deals = match state.deals.with_untracked(|deals| edit(&mut catalog, deals)) {
        Ok(changed) => changed,
        Err(message) => {
            status.set(Some(message));
            return false;
        }
    };
    status.set(None);
    spawn_local(async move {
        state.commit(Batch { deals: changed_deals, catalog: Some(catalog), ..Batch::default() }).await;
    });
    true
}
