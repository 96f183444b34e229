use leptos::prelude::*;

use super::super::backup_reminder::BackupReminderSettings;

use crate::domain::{Catalog, CompetitorId, OwnerId, StageId};

use super::super::settings::{BrandingEditor, CategoriesEditor, ExchangeRatesEditor, MergeHistory, NamedListEditor, Preferences, ReasonsEditor, SetupTransfer, StorageInfo};

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <h2 class="page-title">"Settings"</h2>
        <Preferences/>
        <ReasonsEditor/>
        <MergeHistory/>
        <CategoriesEditor/>
        <NamedListEditor title="Owners" noun="owner"
            list=|c: &Catalog| &c.owners list_mut=|c: &mut Catalog| &mut c.owners make_id=OwnerId::new/>
        <NamedListEditor title="Competitors" noun="competitor"
            list=|c: &Catalog| &c.competitors list_mut=|c: &mut Catalog| &mut c.competitors make_id=CompetitorId::new/>
        <NamedListEditor title="Stages" noun="stage"
            list=|c: &Catalog| &c.stages list_mut=|c: &mut Catalog| &mut c.stages make_id=StageId::new/>
        <ExchangeRatesEditor/>
        <BrandingEditor/>
        <SetupTransfer/>
        <BackupReminderSettings/>
        <StorageInfo/>
    }
}
