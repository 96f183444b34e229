use leptos::prelude::*;

use super::super::data::{take_file, BackupPanel, ExportCsvButton, ImportWizard, Wizard};
use super::super::files;

/// Import, export and backups. A file dropped anywhere on the page goes to
/// the import wizard.
#[component]
pub fn DataPage() -> impl IntoView {
    let wizard = Wizard::new();
    view! {
        <div class="data-page"
            on:dragover=move |event: web_sys::DragEvent| event.prevent_default()
            on:drop=move |event: web_sys::DragEvent| {
                event.prevent_default();
                if let Some(file) = files::dropped_files(&event).into_iter().next() {
                    take_file(wizard, file);
                }
            }>
            <h2 class="page-title">"Import and export"</h2>
            <ImportWizard wizard/>
            <section class="panel" aria-labelledby="export-title">
                <h3 id="export-title">"Export"</h3>
                <p>"Every deal with every field, reasons by name; opens in any spreadsheet. To export only some deals, filter the deal list and export from there."</p>
                <ExportCsvButton/>
            </section>
            <BackupPanel/>
        </div>
    }
}
