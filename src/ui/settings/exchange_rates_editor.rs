use leptos::prelude::*;

use crate::domain::{parse_rate, Currency};

use super::super::state::AppState;
use super::catalog_edit::edit_catalog;

/// The currency value figures are reported in, and a rate for every other
/// currency the deals use. Amounts without a rate are never added in.
#[component]
pub fn ExchangeRatesEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(None::<String>);
    let reporting_text = RwSignal::new(String::new());
    // Currencies the deals use, and every one with a rate, so a rate can be
    // entered before the first such deal and removed after the last.
    let currencies = Memo::new(move |_| {
        let mut codes: Vec<String> = state.facts.with(|facts| facts.currencies.texts().to_vec());
        state.catalog.with(|c| codes.extend(c.exchange_rates.rates.iter().map(|rate| rate.from.code().to_owned())));
        codes.sort();
        codes.dedup();
        codes
    });
    let reporting = move || state.catalog.with(|c| c.exchange_rates.reporting.as_ref().map(|c| c.code().to_owned()));
    let new_code = RwSignal::new(String::new());
    let new_rate = RwSignal::new(String::new());
    let set_rate = move |code: String, text: String| {
        edit_catalog(state, status, move |catalog, _| {
            let currency = Currency::parse(&code).map_err(|error| error.to_string())?;
            let rate = if text.trim().is_empty() { None } else { Some(parse_rate(&text).map_err(|error| format!("{code}: {error}"))?) };
            catalog.exchange_rates.set_rate(currency, rate);
            Ok(Vec::new())
        })
    };
    view! {
        <section class="panel" aria-labelledby="exchange-rates-title" id="exchange-rates">
            <h2 id="exchange-rates-title">"Currencies"</h2>
            <p class="hint">"Value figures on the dashboard are in one currency. Deals in another currency count in value figures only with a rate here; without one they are flagged, never added in as if they were the same money."</p>
            <form class="inline-form" on:submit=move |event| {
                event.prevent_default();
                let text = reporting_text.get_untracked();
                edit_catalog(state, status, move |catalog, _| {
                    catalog.exchange_rates.reporting = if text.trim().is_empty() {
                        None
                    } else {
                        Some(Currency::parse(&text).map_err(|error| error.to_string())?)
                    };
                    Ok(Vec::new())
                });
            }>
                <div class="field">
                    <label for="reporting-currency">"Reporting currency"</label>
                    <input id="reporting-currency" maxlength="3" placeholder=move || reporting().map_or_else(|| "Most used".to_owned(), |_| String::new())
                        prop:value=move || reporting().unwrap_or_default()
                        on:input=move |event| reporting_text.set(event_target_value(&event))/>
                </div>
                <button type="submit">"Save currency"</button>
            </form>
            <p class="hint">{move || match reporting() {
                Some(code) => format!("Figures are in {code}. Rates say what one unit of each currency is worth in {code}."),
                None => "No currency chosen: figures are in the currency most deals use.".to_owned(),
            }}</p>
            <ul class="plain-list rates">
                {move || currencies.get().into_iter().filter(|code| Some(code) != reporting().as_ref()).map(|code| {
                    let id = format!("rate-{code}");
                    let shown = {
                        let code = code.clone();
                        move || state.catalog.with(|c| {
                            Currency::parse(&code).ok().and_then(|currency| c.exchange_rates.rate_for(&currency))
                                .map(|millionths| (millionths as f64 / 1_000_000.0).to_string())
                                .unwrap_or_default()
                        })
                    };
                    let label = format!("1 {code} in the reporting currency");
                    view! {
                        <li class="field">
                            <label for=id.clone()>{label}</label>
                            <input id=id inputmode="decimal" placeholder="No rate" prop:value=shown
                                on:change=move |event| { set_rate(code.clone(), event_target_value(&event)); }/>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="inline-form" on:submit=move |event| {
                event.prevent_default();
                let rate = new_rate.get_untracked();
                if rate.trim().is_empty() {
                    status.set(Some("Enter the rate for the new currency.".to_owned()));
                } else if set_rate(new_code.get_untracked(), rate) {
                    new_code.set(String::new());
                    new_rate.set(String::new());
                }
            }>
                <div class="field">
                    <label for="rate-new-currency">"Add a currency"</label>
                    <input id="rate-new-currency" maxlength="3" placeholder="EUR" prop:value=move || new_code.get()
                        on:input=move |event| new_code.set(event_target_value(&event))/>
                </div>
                <div class="field">
                    <label for="rate-new-value">"Its rate"</label>
                    <input id="rate-new-value" inputmode="decimal" placeholder="1.08" prop:value=move || new_rate.get()
                        on:input=move |event| new_rate.set(event_target_value(&event))/>
                </div>
                <button type="submit">"Add rate"</button>
            </form>
            <p class="panel-problem" role="alert">{move || status.get()}</p>
        </section>
    }
}
