use leptos::prelude::*;

use super::super::backup_reminder::BackupReminder;
use super::super::deal_list::DealList;
use super::super::filters_bar::FiltersBar;
use super::super::new_deal_form::NewDealForm;

#[component]
pub fn DealsPage() -> impl IntoView {
    view! {
        <BackupReminder/>
        <NewDealForm/>
        <FiltersBar/>
        <DealList/>
    }
}
