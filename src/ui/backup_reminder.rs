//! A quiet line over the deal list when a backup is due (by the user's own
//! rule), with the backup one click away. "Not now" hides it until the app
//! is opened again: a nudge, not a nag.

use leptos::prelude::*;

use crate::io::backup::{backup_reminder, ReminderRule};

use super::state::AppState;
use super::browser;

const DAYS_KEY: &str = "backup-reminder-days";
const DEALS_KEY: &str = "backup-reminder-deals";

/// The user's rule, kept in this browser beside the backups it is about.
pub fn reminder_rule() -> ReminderRule {
    let standard = ReminderRule::default();
    ReminderRule {
        after_days: browser::remembered(DAYS_KEY).and_then(|text| text.parse().ok()).unwrap_or(standard.after_days),
        after_changed_deals: browser::remembered(DEALS_KEY).and_then(|text| text.parse().ok()).unwrap_or(standard.after_changed_deals),
    }
}

#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dismissed = RwSignal::new(false);
    let message = Memo::new(move |_| {
        let last = state.last_backup.get();
        let changed = state.deals.with(|deals| deals.iter().filter(|deal| last.is_none_or(|at| deal.updated_at > at)).count());
        backup_reminder(reminder_rule(), last, browser::now(), changed)
    });
    let download = move |_| {
        if let Err(problem) = state.download_backup() {
            state.problem.set(Some(format!("The backup could not be saved: {problem}.")));
        }
    };
    move || {
        message.get().filter(|_| !dismissed.get()).map(|text| view! {
            <div class="backup-reminder" role="note" aria-label="Backup reminder">
                <p>{text}</p>
                <button type="button" on:click=download>"Download a backup"</button>
                <button type="button" class="quiet" on:click=move |_| dismissed.set(true)>"Not now"</button>
            </div>
        })
    }
}

/// The rule itself, on the settings page.
#[component]
pub fn BackupReminderSettings() -> impl IntoView {
    let rule = reminder_rule();
    let number = |id: &'static str, label: &'static str, key: &'static str, value: String| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="number" min="0" step="1" value=value on:change=move |event| {
                    let typed = event_target_value(&event);
                    if typed.trim().parse::<u32>().is_ok() {
                        browser::remember(key, typed.trim());
                    }
                }/>
            </div>
        }
    };
    view! {
        <section class="panel" aria-labelledby="backup-reminder-title">
            <h2 id="backup-reminder-title">"Backup reminder"</h2>
            <p class="hint">"Your deals live only in this browser. Winloss reminds you to download a backup after some days or some changed deals, whichever comes first; 0 turns that reminder off."</p>
            <div class="field-grid">
                {number("reminder-days", "Remind after this many days", DAYS_KEY, rule.after_days.to_string())}
                {number("reminder-deals", "…or after this many changed deals", DEALS_KEY, rule.after_changed_deals.to_string())}
            </div>
        </section>
    }
}
