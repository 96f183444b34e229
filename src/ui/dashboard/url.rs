//! The dashboard's filter, read from and written to the URL.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

use crate::analytics::DashboardFilter;

pub fn use_dashboard_filter() -> Memo<DashboardFilter> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|params| DashboardFilter::from_query(params.into_iter().map(|(k, v)| (k.as_ref(), v)))))
}

/// Puts a changed filter in the URL, as a new history entry so that back
/// undoes it.
pub fn use_change_dashboard_filter(filter: Memo<DashboardFilter>) -> impl Fn(Box<dyn FnOnce(&mut DashboardFilter)>) + Copy {
    let navigate = StoredValue::new_local(use_navigate());
    move |edit: Box<dyn FnOnce(&mut DashboardFilter)>| {
        let mut next = filter.get_untracked();
        edit(&mut next);
        let params: ParamsMap = next.to_query().into_iter().collect();
        let options = NavigateOptions { scroll: false, ..NavigateOptions::default() };
        navigate.with_value(|navigate| navigate(&format!("/dashboard{}", params.to_query_string()), options));
    }
}
