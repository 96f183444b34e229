//! Import a CSV export: pick or drop a file, check the columns, answer what
//! the file leaves open, import.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::super::files;
use super::import_flow;
use super::mapping_step::MappingStep;
use super::questions_step::QuestionsStep;
use super::review_step::ReviewStep;
use super::wizard_state::{Step, Wizard};

/// Starts reading a file the user picked or dropped.
pub fn take_file(wizard: Wizard, file: web_sys::File) {
    spawn_local(import_flow::read_file(wizard, file));
}

#[component]
pub fn ImportWizard(wizard: Wizard) -> impl IntoView {
    view! {
        <section class="panel import" aria-labelledby="import-title">
            <h3 id="import-title">"Import deals from a CSV file"</h3>
            {move || wizard.problem.get().map(|problem| view! {
                <p class="form-error" role="alert">{problem}</p>
            })}
            {move || match wizard.step.get() {
                Step::Choose => view! { <ChooseFile wizard/> }.into_any(),
                Step::Working(what) => view! { <Working wizard what/> }.into_any(),
                Step::Map => view! { <MappingStep wizard/> }.into_any(),
                Step::Questions => view! { <QuestionsStep wizard/> }.into_any(),
                Step::Review => view! { <ReviewStep wizard/> }.into_any(),
                Step::Saving => view! { <p role="status">"Saving the deals…"</p> }.into_any(),
                Step::Done(summary) => view! { <Done wizard summary/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ChooseFile(wizard: Wizard) -> impl IntoView {
    view! {
        <p>"Exports from Salesforce, HubSpot, Pipedrive and Odoo are recognised; any other sheet works with a few choices. "
            "Nothing is changed until the last step."</p>
        <div class="drop-zone">
            <label for="import-file">"Choose a CSV file"</label>
            <input id="import-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" on:change=move |event| {
                if let Some(file) = files::picked_files(&event).into_iter().next() {
                    take_file(wizard, file);
                }
            }/>
            <p class="hint">"or drop it anywhere on this page."</p>
        </div>
    }
}

#[component]
fn Working(wizard: Wizard, what: String) -> impl IntoView {
    view! {
        <div class="working" role="status">
            <label for="import-progress">{what}</label>
            <progress id="import-progress" max="100" value=move || format!("{:.0}", wizard.progress.get() * 100.0)></progress>
            <button type="button" on:click=move |_| {
                // Resetting makes the running job stale: it stops at its next turn.
                wizard.reset();
                wizard.problem.set(Some("Import cancelled: nothing was changed.".into()));
            }>"Cancel"</button>
        </div>
    }
}

#[component]
fn Done(wizard: Wizard, summary: String) -> impl IntoView {
    view! {
        <p role="status">{summary}</p>
        <p>
            <a href="/">"See the deals"</a>
            " · "
            <button type="button" class="quiet" on:click=move |_| {
                wizard.problem.set(None);
                wizard.reset();
            }>"Import another file"</button>
        </p>
    }
}
