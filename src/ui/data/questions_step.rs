//! What the file leaves open, each with a suggested answer: which words mean
//! won or lost, which reasons, owners, competitors and stages are ones we
//! know, how to read dates, and what to do with deals already here.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{Currency, Outcome, Side};
use crate::io::import::{Answers, Choice, DateOrder, DateOrderQuestion, DuplicatePolicy};

use super::super::format;
use super::super::state::AppState;
use super::import_flow;
use super::wizard_state::{Step, Wizard};

const NEW: &str = "new";
const IGNORE: &str = "ignore";
const EXISTING: &str = "id:";

fn choice_value<Id: ToString>(choice: &Choice<Id>) -> String {
    match choice {
        Choice::Existing(id) => format!("{EXISTING}{}", id.to_string()),
        Choice::New => NEW.to_owned(),
        Choice::Ignore => IGNORE.to_owned(),
    }
}

fn choice_from_value<Id>(value: &str, make: impl Fn(String) -> Id) -> Choice<Id> {
    match value.strip_prefix(EXISTING) {
        Some(id) => Choice::Existing(make(id.to_owned())),
        None if value == NEW => Choice::New,
        None => Choice::Ignore,
    }
}

/// One question: a value from the file, how many rows carry it, and a
/// select among what we already have, a new entry, or nothing.
#[component]
fn ChoiceRow(
    id: String,
    value: String,
    rows: usize,
    known: Vec<(String, String)>,
    chosen: String,
    on_pick: Callback<String>,
) -> impl IntoView {
    let new_label = format!("New: “{value}”");
    let chosen_known = chosen.clone();
    view! {
        <tr>
            <th scope="row"><label for=id.clone()>{value}</label></th>
            <td class="number">{format::count(rows)}</td>
            <td>
                <select id=id on:change=move |event| on_pick.run(event_target_value(&event))>
                    {known.into_iter().map(|(option, label)| {
                        let selected = option == chosen_known;
                        view! { <option value=option selected=selected>{label}</option> }
                    }).collect_view()}
                    <option value=NEW selected=chosen == NEW>{new_label}</option>
                    <option value=IGNORE selected=chosen == IGNORE>"Leave empty"</option>
                </select>
            </td>
        </tr>
    }
}

fn update(wizard: Wizard, change: impl FnOnce(&mut Answers)) {
    wizard.answers.update(|answers| {
        if let Some(answers) = answers {
            change(answers);
        }
    });
}

#[component]
pub fn QuestionsStep(wizard: Wizard) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (Some(questions), Some(answers)) = (wizard.questions.get_untracked(), wizard.answers.get_untracked()) else {
        return view! { <p>"Nothing to ask."</p> }.into_any();
    };
    let catalog = state.catalog.get_untracked();
    let reasons_for = |side: Side| -> Vec<(String, String)> {
        catalog
            .taxonomy
            .offered(side)
            .into_iter()
            .flat_map(|(category, reasons)| {
                reasons.into_iter().map(move |reason| (format!("{EXISTING}{}", reason.id), format!("{} · {}", category.label, reason.label)))
            })
            .collect()
    };

    let outcome_rows = questions.outcomes.iter().enumerate().map(|(at, question)| {
        let word = question.value.clone();
        let chosen = answers.outcomes.get(&word).copied().unwrap_or(question.suggestion);
        let id = format!("outcome-word-{at}");
        view! {
            <tr>
                <th scope="row"><label for=id.clone()>{word.clone()}</label></th>
                <td class="number">{format::count(question.rows)}</td>
                <td>
                    <select id=id on:change=move |event| {
                        let picked = event_target_value(&event);
                        if let Some(outcome) = Outcome::ALL.into_iter().find(|o| o.label() == picked) {
                            let word = word.clone();
                            update(wizard, move |answers| { answers.outcomes.insert(word, outcome); });
                        }
                    }>
                        {Outcome::ALL.into_iter().map(|outcome| view! {
                            <option value=outcome.label() selected=outcome == chosen>{outcome.label()}</option>
                        }).collect_view()}
                    </select>
                </td>
            </tr>
        }
    }).collect_view();

    let won_reasons = reasons_for(Side::Won);
    let lost_reasons = reasons_for(Side::Lost);
    let reason_rows = questions.reasons.iter().enumerate().map(|(at, question)| {
        let key = (question.side, question.label.clone());
        let chosen = answers.reasons.get(&key).map_or_else(|| choice_value(&question.suggestion), choice_value);
        let known = if question.side == Side::Won { won_reasons.clone() } else { lost_reasons.clone() };
        view! {
            <ChoiceRow id=format!("reason-{at}") value=question.label.clone() rows=question.rows known chosen
                on_pick=Callback::new(move |picked: String| {
                    let key = key.clone();
                    update(wizard, move |answers| {
                        answers.reasons.insert(key, choice_from_value(&picked, crate::domain::ReasonId::new));
                    });
                })/>
        }
    }).collect_view();

    macro_rules! name_rows {
        ($questions:expr, $answers:expr, $list:expr, $prefix:literal, $field:ident, $make:path) => {
            {
                let known: Vec<(String, String)> = $list.active().map(|item| (format!("{EXISTING}{}", item.id), item.name.clone())).collect();
                $questions.iter().enumerate().map(|(at, question)| {
                    let name = question.name.clone();
                    let chosen = $answers.get(&name).map_or_else(|| choice_value(&question.suggestion), choice_value);
                    view! {
                        <ChoiceRow id=format!(concat!($prefix, "-{}"), at) value=name.clone() rows=question.rows known=known.clone() chosen
                            on_pick=Callback::new(move |picked: String| {
                                let name = name.clone();
                                update(wizard, move |answers| { answers.$field.insert(name, choice_from_value(&picked, $make)); });
                            })/>
                    }
                }).collect_view()
            }
        };
    }
    let owner_rows = name_rows!(questions.owners, answers.owners, catalog.owners, "owner", owners, crate::domain::OwnerId::new);
    let competitor_rows =
        name_rows!(questions.competitors, answers.competitors, catalog.competitors, "competitor", competitors, crate::domain::CompetitorId::new);
    let stage_rows = name_rows!(questions.stages, answers.stages, catalog.stages, "stage", stages, crate::domain::StageId::new);

    let section = |title: &'static str, column: &'static str, empty: bool, rows: AnyView| {
        (!empty).then(|| view! {
            <table class="answers">
                <caption>{title}</caption>
                <thead><tr><th scope="col">{column}</th><th scope="col">"Rows"</th><th scope="col">"Import as"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        })
    };

    let date_question = match &questions.date_order {
        DateOrderQuestion::Ask { example } => Some(view! {
            <fieldset class="date-order">
                <legend>{format!("Dates such as “{example}” can be read two ways. Read them as:")}</legend>
                <label><input type="radio" name="date-order" checked=answers.date_order == DateOrder::DayFirst
                    on:change=move |_| update(wizard, |answers| answers.date_order = DateOrder::DayFirst)/>
                    "day/month/year"</label>
                <label><input type="radio" name="date-order" checked=answers.date_order == DateOrder::MonthFirst
                    on:change=move |_| update(wizard, |answers| answers.date_order = DateOrder::MonthFirst)/>
                    "month/day/year"</label>
            </fieldset>
        }),
        _ => None,
    };
    let currency_problem = RwSignal::new(None::<String>);
    let currency_question = questions.currency_needed.then(|| view! {
        <div class="field">
            <label for="import-currency">"Currency of amounts that name none"</label>
            <input id="import-currency" type="text" maxlength="3" value=answers.currency.code().to_owned()
                on:change=move |event| match Currency::parse(&event_target_value(&event)) {
                    Ok(currency) => {
                        currency_problem.set(None);
                        update(wizard, |answers| answers.currency = currency);
                    }
                    Err(problem) => currency_problem.set(Some(problem.to_string())),
                }/>
            {move || currency_problem.get().map(|problem| view! { <p class="form-error" role="alert">{problem}</p> })}
        </div>
    });

    view! {
        {section("What each outcome word means", "In the file", questions.outcomes.is_empty(), outcome_rows.into_any())}
        {section("Reasons", "In the file", questions.reasons.is_empty(), reason_rows.into_any())}
        {section("Owners", "In the file", questions.owners.is_empty(), owner_rows.into_any())}
        {section("Competitors", "In the file", questions.competitors.is_empty(), competitor_rows.into_any())}
        {section("Stages", "In the file", questions.stages.is_empty(), stage_rows.into_any())}
        {date_question}
        {currency_question}
        <fieldset class="duplicates">
            <legend>"Deals that are already here (same id, or same name, account and close date)"</legend>
            <label><input type="radio" name="duplicates" checked=answers.duplicates == DuplicatePolicy::Update
                on:change=move |_| update(wizard, |answers| answers.duplicates = DuplicatePolicy::Update)/>
                "Update them from the file"</label>
            <label><input type="radio" name="duplicates" checked=answers.duplicates == DuplicatePolicy::Skip
                on:change=move |_| update(wizard, |answers| answers.duplicates = DuplicatePolicy::Skip)/>
                "Keep them as they are"</label>
        </fieldset>
        <div class="actions">
            <button type="button" class="primary" disabled=move || currency_problem.with(Option::is_some)
                on:click=move |_| spawn_local(import_flow::build(wizard, state))>"Import"</button>
            <button type="button" class="quiet" on:click=move |_| wizard.step.set(Step::Map)>"Back to the columns"</button>
            <button type="button" class="quiet" on:click=move |_| wizard.reset()>"Start over"</button>
        </div>
    }
    .into_any()
}
