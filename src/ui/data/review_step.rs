//! Rows that cannot be imported, each with its row number, column and why;
//! the user imports the rest or nothing.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::super::format;
use super::super::state::AppState;
use super::import_flow;
use super::wizard_state::Wizard;

/// Problems listed on screen; a file with thousands says how many more.
const LISTED: usize = 200;

#[component]
pub fn ReviewStep(wizard: Wizard) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some((problems, good, total_problems)) = wizard.plan.with_value(|plan| {
        plan.as_ref().map(|plan| (plan.problems.iter().take(LISTED).cloned().collect::<Vec<_>>(), plan.deals.len(), plan.problems.len()))
    }) else {
        return view! { <p>"Nothing to review."</p> }.into_any();
    };
    let more = total_problems.saturating_sub(LISTED);
    view! {
        <p role="alert">{format!(
            "{} rows cannot be imported as they are. Fix them in the file and import it again, or import the other rows now.",
            format::count(total_problems)
        )}</p>
        <table class="row-problems">
            <caption>"Rows with problems"</caption>
            <thead><tr><th scope="col">"Row"</th><th scope="col">"Column"</th><th scope="col">"Problem"</th></tr></thead>
            <tbody>
                {problems.into_iter().map(|problem| view! {
                    <tr><td class="number">{problem.row}</td><td>{problem.column}</td><td>{problem.message}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        {(more > 0).then(|| view! { <p>{format!("…and {} more.", format::count(more))}</p> })}
        <div class="actions">
            <button type="button" class="primary" disabled=good == 0
                on:click=move |_| spawn_local(import_flow::save(wizard, state))>
                {format!("Import the {} good rows", format::count(good))}
            </button>
            <button type="button" class="quiet" on:click=move |_| {
                wizard.reset();
                wizard.problem.set(Some("Nothing was imported.".into()));
            }>"Import nothing"</button>
        </div>
    }
    .into_any()
}
