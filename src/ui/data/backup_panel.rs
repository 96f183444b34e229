//! A full backup as one JSON file; restoring one (replacing everything, after
//! saying what will be replaced); merging several (one per salesperson) into
//! what is here. Nothing changes until the user confirms.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::io::backup::{merge, read_backup, restore_summary, Backup, BackupError, Merged, MAX_BACKUP_BYTES};
use crate::storage::Batch;

use super::super::state::AppState;
use super::super::{files, format};

/// A backup read and waiting for "Replace everything".
#[derive(Clone)]
struct PendingRestore {
    backup: Backup,
    sentence: String,
}

/// A merge worked out and waiting for "Add to my data".
#[derive(Clone)]
struct PendingMerge {
    merged: Merged,
    sentence: String,
}

async fn read_backups(picked: Vec<web_sys::File>) -> Result<Vec<(Backup, String)>, String> {
    let mut backups = Vec::new();
    for file in picked {
        let bytes = files::read_bytes(&file, MAX_BACKUP_BYTES, |bytes| format!("“{}”: {}", file.name(), BackupError::TooLarge { bytes })).await?;
        let loaded = read_backup(&bytes).map_err(|problem| format!("“{}”: {problem}", file.name()))?;
        let note = if loaded.unreadable.is_empty() {
            String::new()
        } else {
            format!(" {} deals in “{}” could not be read and are left out.", format::count(loaded.unreadable.len()), file.name())
        };
        backups.push((loaded.backup, note));
    }
    Ok(backups)
}

/// Runs `work`, the panel's buttons resting meanwhile: reading files and
/// writing deals take a while.
fn while_busy(busy: RwSignal<bool>, work: impl Future<Output = ()> + 'static) {
    busy.set(true);
    spawn_local(async move {
        work.await;
        busy.set(false);
    });
}

/// Reads and checks every picked backup before `ask` is given them; a file
/// that cannot be read says why and nothing changes.
fn read_then(
    busy: RwSignal<bool>,
    message: RwSignal<Option<String>>,
    picked: Vec<web_sys::File>,
    ask: impl FnOnce(Vec<(Backup, String)>) + 'static,
) {
    while_busy(busy, async move {
        match read_backups(picked).await {
            Ok(backups) => {
                message.set(None);
                ask(backups);
            }
            Err(problem) => message.set(Some(format!("Nothing was changed. {problem}"))),
        }
    });
}

#[component]
pub fn BackupPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = RwSignal::new(None::<String>);
    let restore = RwSignal::new(None::<PendingRestore>);
    let merging = RwSignal::new(None::<PendingMerge>);
    let busy = RwSignal::new(false);

    let download = move |_| match state.download_backup() {
        Ok(()) => message.set(Some(format!("Backup of {} deals downloaded.", format::count(state.deals.with_untracked(Vec::len))))),
        Err(problem) => message.set(Some(format!("The backup could not be saved: {problem}."))),
    };

    let pick_restore = move |event: web_sys::Event| {
        let picked = files::picked_files(&event).into_iter().take(1).collect();
        read_then(busy, message, picked, move |mut backups| {
            if let Some((backup, note)) = backups.pop() {
                let summary =
                    state.catalog.with_untracked(|catalog| state.deals.with_untracked(|deals| restore_summary(deals, catalog, &backup)));
                restore.set(Some(PendingRestore { sentence: format!("{}{note}", summary.sentence()), backup }));
            }
        });
    };
    let confirm_restore = move |_| {
        let Some(pending) = restore.get_untracked() else { return };
        while_busy(busy, async move {
            let count = pending.backup.deals.len();
            if state.replace_all(pending.backup.deals, pending.backup.catalog).await {
                message.set(Some(format!("Restored {} deals from the backup.", format::count(count))));
            }
            restore.set(None);
        });
    };

    let pick_merge = move |event: web_sys::Event| {
        read_then(busy, message, files::picked_files(&event), move |backups| {
            let notes: String = backups.iter().map(|(_, note)| note.as_str()).collect();
            let backups: Vec<Backup> = backups.into_iter().map(|(backup, _)| backup).collect();
            let merged = state.catalog.with_untracked(|catalog| state.deals.with_untracked(|deals| merge(deals, catalog, &backups)));
            merging.set(Some(PendingMerge { sentence: format!("{}{notes}", merged.report.sentence()), merged }));
        });
    };
    let confirm_merge = move |_| {
        let Some(pending) = merging.get_untracked() else { return };
        while_busy(busy, async move {
            let catalog = state.changed_catalog(pending.merged.catalog);
            if state.commit(Batch { deals: pending.merged.deals, catalog, ..Batch::default() }).await {
                message.set(Some(format!("Merged. {}", pending.merged.report.sentence())));
            }
            merging.set(None);
        });
    };

    view! {
        <section class="panel backups" aria-labelledby="backups-title">
            <h3 id="backups-title">"Backups"</h3>
            <p>"A backup holds every deal, reason, category, owner, competitor, stage and setting. It stays on your computer."</p>
            <div class="actions">
                <button type="button" on:click=download disabled=move || busy.get()>"Download a backup"</button>
                <span class="hint">{move || match state.last_backup.get() {
                    Some(at) => format!("Last backup: {} from this browser.", format::date(at.date_naive())),
                    None => "No backup downloaded from this browser yet.".to_owned(),
                }}</span>
            </div>
            <div class="field">
                <label for="restore-file">"Restore from a backup (replaces everything here)"</label>
                <input id="restore-file" type="file" accept=".json,application/json" disabled=move || busy.get() on:change=pick_restore/>
            </div>
            <div class="field">
                <label for="merge-files">"Merge backups into this data (one or several files)"</label>
                <input id="merge-files" type="file" multiple accept=".json,application/json" disabled=move || busy.get() on:change=pick_merge/>
            </div>
            {move || restore.get().map(|pending| view! {
                <div class="confirm" role="alertdialog" aria-label="Restore from a backup">
                    <p>{pending.sentence}</p>
                    <button type="button" class="danger" disabled=move || busy.get() on:click=confirm_restore>"Replace everything"</button>
                    <button type="button" class="quiet" on:click=move |_| restore.set(None)>"Cancel"</button>
                </div>
            })}
            {move || merging.get().map(|pending| view! {
                <div class="confirm" role="alertdialog" aria-label="Merge backups">
                    <p>{pending.sentence}</p>
                    <button type="button" class="primary" disabled=move || busy.get() on:click=confirm_merge>"Add to my data"</button>
                    <button type="button" class="quiet" on:click=move |_| merging.set(None)>"Cancel"</button>
                </div>
            })}
            {move || message.get().map(|text| view! { <p role="status">{text}</p> })}
        </section>
    }
}
