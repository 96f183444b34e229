//! Keyboard end to end: `/` search, arrows move between deals, `w`/`l` start
//! closing, a digit picks the n-th reason, `Enter` confirms it (a focused
//! button), `Esc` cancels, `z` or `Ctrl+Z` undoes, `?` lists all this.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

use crate::domain::{DealId, Outcome};

use super::state::{AppState, Closing};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn elements(selector: &str) -> Vec<HtmlElement> {
    let Some(list) = document().and_then(|d| d.query_selector_all(selector).ok()) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .collect()
}

fn active_element() -> Option<Element> {
    document()?.active_element()
}

fn is_typing(event: &KeyboardEvent) -> bool {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || target.get_attribute("contenteditable").is_some_and(|v| v != "false")
}

/// The deal row holding the keyboard focus, if any.
fn focused_row() -> Option<Element> {
    active_element()?.closest(".deal-row").ok().flatten()
}

fn focus_later(selector: &'static str, index: usize) {
    set_timeout(
        move || {
            if let Some(element) = elements(selector).get(index) {
                let _ = element.focus();
            }
        },
        Duration::ZERO,
    );
}

fn move_between_rows(step: isize) {
    let rows = elements(".deal-row");
    if rows.is_empty() {
        return;
    }
    let current = focused_row().and_then(|row| rows.iter().position(|r| r.is_same_node(Some(&row))));
    let next = match current {
        None if step > 0 => 0,
        None => rows.len() - 1,
        Some(at) => (at as isize + step).clamp(0, rows.len() as isize - 1) as usize,
    };
    let _ = rows[next].focus();
}

pub fn use_global_shortcuts() {
    let state = expect_context::<AppState>();
    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        let key = event.key();
        if key == "Escape" {
            if state.help_open.get_untracked() {
                state.help_open.set(false);
            } else if let Some(closing) = state.closing.get_untracked() {
                state.closing.set(None);
                if let Some(row) = elements(".deal-row")
                    .into_iter()
                    .find(|row| row.get_attribute("data-deal-id").as_deref() == Some(closing.deal.as_str()))
                {
                    let _ = row.focus();
                }
            }
            return;
        }
        let in_search = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|target| target.id() == "deal-search");
        if in_search && key == "ArrowDown" {
            // From the search box straight to the results.
            move_between_rows(1);
            event.prevent_default();
            return;
        }
        if is_typing(&event) || event.alt_key() {
            return;
        }
        let command = event.ctrl_key() || event.meta_key();
        let handled = match key.as_str() {
            "z" | "Z" => {
                let undoable = state.undo.with_untracked(Option::is_some);
                if undoable {
                    state.undo();
                }
                undoable
            }
            _ if command => false,
            "?" => {
                state.help_open.update(|open| *open = !*open);
                true
            }
            "/" => match document().and_then(|d| d.get_element_by_id("deal-search")) {
                Some(search) => search.dyn_into::<HtmlElement>().map(|s| s.focus()).is_ok(),
                None => false,
            },
            "ArrowDown" | "j" => {
                move_between_rows(1);
                true
            }
            "ArrowUp" | "k" => {
                move_between_rows(-1);
                true
            }
            "w" | "l" => {
                let outcome = if key == "w" { Outcome::Won } else { Outcome::Lost };
                let row = focused_row().and_then(|row| row.get_attribute("data-deal-id")).map(DealId::new);
                match row.or_else(|| state.cursor.get_untracked()) {
                    Some(deal) if state.deal(&deal).is_some_and(|d| !d.outcome.is_closed()) => {
                        state.closing.set(Some(Closing { deal, outcome }));
                        focus_later(".close-panel button.reason", 0);
                        true
                    }
                    _ => false,
                }
            }
            digit if digit.len() == 1 && ("1"..="9").contains(&digit) && state.closing.with_untracked(Option::is_some) => {
                let index = digit.parse::<usize>().unwrap_or(1) - 1;
                focus_later(".close-panel button.reason", index);
                true
            }
            _ => false,
        };
        if handled {
            event.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}
