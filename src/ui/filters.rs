//! The deal list's filter, read from and written to the URL.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

use crate::analytics::DealFilter;

/// The current filter, following the URL (so back and forward restore it).
pub fn use_filter() -> Memo<DealFilter> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|params| DealFilter::from_query(params.into_iter().map(|(k, v)| (k.as_ref(), v)))))
}

/// Puts a filter in the URL. Typing replaces the history entry; a choice
/// from a list adds one, so back undoes it.
pub fn use_set_filter() -> impl Fn(DealFilter, bool) + Clone {
    let navigate = use_navigate();
    move |filter: DealFilter, replace: bool| {
        let options = NavigateOptions { replace, scroll: false, ..NavigateOptions::default() };
        navigate(&deal_list_href(&filter), options);
    }
}

/// The deal list showing what `filter` selects.
pub fn deal_list_href(filter: &DealFilter) -> String {
    let params: ParamsMap = filter.to_query().into_iter().collect();
    format!("/{}", params.to_query_string())
}
