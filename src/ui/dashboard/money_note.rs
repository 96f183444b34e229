use leptos::prelude::*;
use leptos_router::components::A;

use crate::analytics::Dashboard;

use super::super::format;

/// Says which amounts the value figures leave out, and where to fix it.
#[component]
pub fn MoneyNote(dashboard: Memo<Dashboard>) -> impl IntoView {
    move || {
        dashboard.with(|d| {
            let money = &d.money;
            let reporting = money.reporting.as_ref()?.code().to_owned();
            (money.unconverted > 0).then(|| {
                let codes: Vec<&str> = money.missing_rates.iter().map(|c| c.code()).collect();
                view! {
                    <p class="money-note" role="note">
                        {format!(
                            "{} deals in {} have no exchange rate to {reporting}: they count in the deal counts and are left out of every value figure. ",
                            format::count(money.unconverted as usize),
                            codes.join(", ")
                        )}
                        <A href="/settings#exchange-rates">"Set exchange rates"</A>
                    </p>
                }
            })
        })
    }
}
