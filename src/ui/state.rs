//! The app's one store of state, and the actions that change it. Every change
//! is written to storage first and shown only once it is saved, so the screen
//! never shows something that a reload would take away.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{Deal, DealId, Outcome, ReasonId, Taxonomy};
use crate::storage::{IndexedDbStore, Store};

use super::{browser, timing};

pub const DATABASE_NAME: &str = "winloss";
const UNDO_WINDOW: Duration = Duration::from_secs(8);

#[derive(Clone, Debug, PartialEq)]
pub enum Loading {
    InProgress,
    Ready,
    Failed(String),
}

/// A change that can still be taken back, and what to restore.
#[derive(Clone, Debug, PartialEq)]
pub struct UndoOffer {
    pub message: String,
    previous: Deal,
    token: u64,
}

/// The deal whose close panel is open, and the outcome being recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct Closing {
    pub deal: DealId,
    pub outcome: Outcome,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub deals: RwSignal<Vec<Deal>>,
    /// Changes whenever a deal is added or its place in the list may change;
    /// saving a close does not, so the list need not re-sort 100,000 deals.
    pub order_generation: RwSignal<u64>,
    pub taxonomy: RwSignal<Taxonomy>,
    pub loading: RwSignal<Loading>,
    /// A failure or warning the user must see, until dismissed.
    pub problem: RwSignal<Option<String>>,
    pub undo: RwSignal<Option<UndoOffer>>,
    pub closing: RwSignal<Option<Closing>>,
    store: StoredValue<Option<Rc<IndexedDbStore>>, LocalStorage>,
    next_token: StoredValue<u64>,
}

impl AppState {
    pub fn new() -> AppState {
        AppState {
            deals: RwSignal::new(Vec::new()),
            order_generation: RwSignal::new(0),
            taxonomy: RwSignal::new(Taxonomy::standard()),
            loading: RwSignal::new(Loading::InProgress),
            problem: RwSignal::new(None),
            undo: RwSignal::new(None),
            closing: RwSignal::new(None),
            store: StoredValue::new_local(None),
            next_token: StoredValue::new(0),
        }
    }

    /// Opens the database and shows what it holds.
    pub fn open(self) {
        spawn_local(async move {
            match IndexedDbStore::open(DATABASE_NAME).await {
                Ok(store) => {
                    let store = Rc::new(store);
                    store.on_external_change(move || self.refresh());
                    self.store.set_value(Some(Rc::clone(&store)));
                    self.reload(&store).await;
                }
                Err(error) => self.loading.set(Loading::Failed(error.to_string())),
            }
        });
    }

    async fn reload(self, store: &IndexedDbStore) {
        match store.load().await {
            Ok(snapshot) => {
                if let Some(warning) = snapshot.report.warning() {
                    self.problem.set(Some(warning));
                }
                self.taxonomy.set(snapshot.taxonomy);
                self.deals.set(snapshot.deals);
                self.order_generation.update(|generation| *generation += 1);
                self.loading.set(Loading::Ready);
                timing::mark_after_render(timing::DEALS_VISIBLE);
            }
            Err(error) => self.loading.set(Loading::Failed(error.to_string())),
        }
    }

    fn store(self) -> Option<Rc<IndexedDbStore>> {
        self.store.get_value()
    }

    /// Saves a deal, then shows it; on failure, shows why and changes nothing.
    pub async fn save_deal(self, deal: Deal) -> bool {
        let Some(store) = self.store() else {
            self.problem.set(Some("Storage is not open yet, so nothing was saved. Try again in a moment.".into()));
            return false;
        };
        match store.put_deal(&deal).await {
            Ok(()) => {
                let mut reordered = true;
                self.deals.update(|deals| match deals.iter_mut().find(|d| d.id == deal.id) {
                    Some(existing) => {
                        reordered = existing.created_on != deal.created_on || existing.name != deal.name;
                        *existing = deal;
                    }
                    None => deals.push(deal),
                });
                if reordered {
                    self.order_generation.update(|generation| *generation += 1);
                }
                true
            }
            Err(error) => {
                self.problem.set(Some(error.to_string()));
                false
            }
        }
    }

    /// Closes a deal with a reason (two clicks from the list), offering undo.
    pub fn close_deal(self, id: DealId, outcome: Outcome, reason: Option<ReasonId>) {
        timing::mark(timing::CLOSE_CLICKED);
        let Some(previous) = self.deals.with_untracked(|deals| deals.iter().find(|d| d.id == id).cloned()) else {
            return;
        };
        let taxonomy = self.taxonomy.get_untracked();
        let reason = reason.as_ref().and_then(|id| taxonomy.reason(id));
        let closed = match previous.closed(outcome, reason, browser::today(), browser::now()) {
            Ok(closed) => closed,
            Err(error) => {
                self.problem.set(Some(error.to_string()));
                return;
            }
        };
        let message = match reason {
            Some(reason) => format!("“{}” closed as {} · {}", previous.name, outcome.label(), reason.label),
            None => format!("“{}” closed as {}", previous.name, outcome.label()),
        };
        spawn_local(async move {
            if self.save_deal(closed).await {
                self.closing.set(None);
                self.offer_undo(message, previous);
                timing::measure_after_render(timing::CLOSE_DEAL, timing::CLOSE_CLICKED);
            }
        });
    }

    fn offer_undo(self, message: String, previous: Deal) {
        let token = self.next_token.get_value() + 1;
        self.next_token.set_value(token);
        self.undo.set(Some(UndoOffer { message, previous, token }));
        set_timeout(
            move || {
                if self.undo.with_untracked(|offer| offer.as_ref().is_some_and(|o| o.token == token)) {
                    self.undo.set(None);
                }
            },
            UNDO_WINDOW,
        );
    }

    /// Restores the deal as it was before the last change.
    pub fn undo(self) {
        let Some(offer) = self.undo.get_untracked() else { return };
        self.undo.set(None);
        let restored = Deal { updated_at: browser::now(), ..offer.previous };
        spawn_local(async move {
            self.save_deal(restored).await;
        });
    }

    /// Another tab changed the data: show what is stored now.
    pub fn refresh(self) {
        if let Some(store) = self.store() {
            spawn_local(async move { self.reload(&store).await });
        }
    }
}
