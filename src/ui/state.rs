//! The app's one store of state, and the actions that change it. Every change
//! is written to storage first and shown only once it is saved, so the screen
//! never shows something that a reload would take away.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::analytics::Facts;
use crate::demo::{demo_deals, is_demo, without_demo_entries};
use crate::domain::{Catalog, CloseRequest, Deal, DealId, Outcome};
use crate::io::backup::write_backup;
use crate::storage::{Batch, IndexedDbStore, Store, Tombstone};

use super::{browser, files, timing};

pub const DATABASE_NAME: &str = "winloss";
const LAST_BACKUP_KEY: &str = "last-backup";
const UNDO_WINDOW: Duration = Duration::from_secs(8);

#[derive(Clone, Debug, PartialEq)]
pub enum Loading {
    InProgress,
    Ready,
    Failed(String),
}

/// A change that can still be taken back, and the deals to put back.
#[derive(Clone, Debug, PartialEq)]
pub struct UndoOffer {
    pub message: String,
    restore: Vec<Deal>,
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
    /// The deals as the dashboard reads them, row for row with `deals`.
    pub facts: RwSignal<Facts>,
    /// Changes whenever a deal is added or removed, or a change may move it
    /// in the list or alter the filter's choices (its tags); saving a close
    /// does not, so the list need not re-sort 100,000 deals.
    pub order_generation: RwSignal<u64>,
    pub catalog: RwSignal<Catalog>,
    pub loading: RwSignal<Loading>,
    /// A failure or warning the user must see, until dismissed.
    pub problem: RwSignal<Option<String>>,
    /// The last write failed (full disk, storage gone): the data on screen
    /// is still whole, and the user is offered a backup of it.
    pub write_failed: RwSignal<bool>,
    pub undo: RwSignal<Option<UndoOffer>>,
    pub closing: RwSignal<Option<Closing>>,
    /// The row the keyboard is on.
    pub cursor: RwSignal<Option<DealId>>,
    pub help_open: RwSignal<bool>,
    /// When this browser last downloaded a backup, for the reminder.
    pub last_backup: RwSignal<Option<DateTime<Utc>>>,
    /// Where each deal sits in `deals`, so that a close finds its deal
    /// without scanning 100,000 of them.
    positions: StoredValue<HashMap<DealId, usize>, LocalStorage>,
    store: StoredValue<Option<Rc<IndexedDbStore>>, LocalStorage>,
    next_token: StoredValue<u64>,
}

fn index_of(deals: &[Deal]) -> HashMap<DealId, usize> {
    deals.iter().enumerate().map(|(at, deal)| (deal.id.clone(), at)).collect()
}

impl AppState {
    pub fn new() -> AppState {
        AppState {
            deals: RwSignal::new(Vec::new()),
            facts: RwSignal::new(Facts::default()),
            order_generation: RwSignal::new(0),
            catalog: RwSignal::new(Catalog::standard()),
            loading: RwSignal::new(Loading::InProgress),
            problem: RwSignal::new(None),
            write_failed: RwSignal::new(false),
            undo: RwSignal::new(None),
            closing: RwSignal::new(None),
            cursor: RwSignal::new(None),
            help_open: RwSignal::new(false),
            last_backup: RwSignal::new(
                browser::remembered(LAST_BACKUP_KEY).and_then(|text| DateTime::parse_from_rfc3339(&text).ok()).map(|time| time.with_timezone(&Utc)),
            ),
            positions: StoredValue::new_local(HashMap::new()),
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
                self.show_all(snapshot.deals, snapshot.catalog);
                // Setting it again would redraw every page, and throw away
                // what the user is typing, each time another tab saves.
                if self.loading.get_untracked() != Loading::Ready {
                    self.loading.set(Loading::Ready);
                }
                timing::mark_after_render(timing::DEALS_VISIBLE);
            }
            Err(error) => self.loading.set(Loading::Failed(error.to_string())),
        }
    }

    fn show_all(self, deals: Vec<Deal>, catalog: Catalog) {
        self.catalog.set(catalog);
        self.positions.set_value(index_of(&deals));
        self.facts.set(Facts::new(&deals));
        self.deals.set(deals);
        self.order_generation.update(|generation| *generation += 1);
    }

    /// Replaces every deal and the catalog (restoring a backup) in one
    /// write, then shows them; on failure, shows why and changes nothing.
    pub async fn replace_all(self, deals: Vec<Deal>, catalog: Catalog) -> bool {
        let Some(store) = self.store.get_value() else {
            self.problem.set(Some("Storage is not open yet, so nothing was changed. Try again in a moment.".into()));
            return false;
        };
        if let Err(error) = store.replace_all(&deals, &catalog).await {
            self.problem.set(Some(error.to_string()));
            self.write_failed.set(true);
            return false;
        }
        self.write_failed.set(false);
        self.show_all(deals, catalog);
        true
    }

    /// Hands the user a backup of everything on screen (all of it stored)
    /// as a JSON file, and remembers when, for the reminder.
    pub fn download_backup(self) -> Result<(), String> {
        let now = browser::now();
        let json = self.catalog.with_untracked(|catalog| self.deals.with_untracked(|deals| write_backup(deals, catalog, now)));
        files::download_text(&json, &format!("winloss-backup-{}.json", browser::today()), "application/json")?;
        browser::remember(LAST_BACKUP_KEY, &now.to_rfc3339());
        self.last_backup.set(Some(now));
        Ok(())
    }

    /// Another tab changed the data: show what is stored now.
    pub fn refresh(self) {
        if let Some(store) = self.store.get_value() {
            spawn_local(async move { self.reload(&store).await });
        }
    }

    pub fn deal(self, id: &DealId) -> Option<Deal> {
        let at = self.positions.with_value(|positions| positions.get(id).copied())?;
        self.deals.with_untracked(|deals| deals.get(at).filter(|deal| &deal.id == id).cloned())
    }

    /// `edited` if it differs from the catalog in use: what a batch should
    /// save when a form may have added an owner or competitor.
    pub fn changed_catalog(self, edited: Catalog) -> Option<Catalog> {
        let changed = self.catalog.with_untracked(|current| *current != edited);
        changed.then_some(edited)
    }

    /// Saves the batch, then shows it; on failure, shows why and changes nothing.
    pub async fn commit(self, batch: Batch) -> bool {
        let Some(store) = self.store.get_value() else {
            self.problem.set(Some("Storage is not open yet, so nothing was saved. Try again in a moment.".into()));
            return false;
        };
        if let Err(error) = store.commit(&batch).await {
            self.problem.set(Some(error.to_string()));
            self.write_failed.set(true);
            return false;
        }
        self.write_failed.set(false);
        // The catalog first: rows drawn for the new deals read names from it.
        if let Some(catalog) = batch.catalog {
            self.catalog.set(catalog);
        }
        let mut reordered = !batch.deletions.is_empty();
        let positions = self.positions;
        let facts = self.facts;
        self.deals.update(|deals| {
            facts.update(|facts| {
                for deal in batch.deals {
                    let at = positions.with_value(|positions| positions.get(&deal.id).copied());
                    match at.filter(|&at| deals.get(at).is_some_and(|existing| existing.id == deal.id)) {
                        Some(at) => {
                            let existing = &deals[at];
                            reordered |= existing.created_on != deal.created_on
                                || existing.name != deal.name
                                || existing.tags != deal.tags;
                            facts.set(at, &deal);
                            deals[at] = deal;
                        }
                        None => {
                            reordered = true;
                            positions.update_value(|positions| {
                                positions.insert(deal.id.clone(), deals.len());
                            });
                            facts.set(deals.len(), &deal);
                            deals.push(deal);
                        }
                    }
                }
                if !batch.deletions.is_empty() {
                    let gone: HashSet<&DealId> = batch.deletions.iter().map(|tombstone| &tombstone.id).collect();
                    deals.retain(|deal| !gone.contains(&deal.id));
                    positions.set_value(index_of(deals));
                    *facts = Facts::new(deals);
                }
            });
        });
        if reordered {
            self.order_generation.update(|generation| *generation += 1);
        }
        true
    }

    pub async fn save_deal(self, deal: Deal) -> bool {
        self.commit(Batch { deals: vec![deal], ..Batch::default() }).await
    }

    /// Closes a deal (two clicks from the list), offering undo, and saves
    /// `catalog` with it when closing named a new competitor. Returns the
    /// reason it could not, for the panel to show.
    pub fn close_deal(self, id: &DealId, request: &CloseRequest, catalog: Option<Catalog>) -> Result<(), String> {
        timing::mark(timing::CLOSE_CLICKED);
        let previous = self.deal(id).ok_or("That deal no longer exists.")?;
        let settings = self.catalog.with_untracked(|catalog| catalog.settings);
        let closed = previous
            .closed(request, &settings, browser::today(), browser::now())
            .map_err(|error| error.to_string())?;
        let message = match request.reason {
            Some(reason) => format!("“{}” closed as {} · {}", previous.name, request.outcome.label(), reason.label),
            None => format!("“{}” closed as {}", previous.name, request.outcome.label()),
        };
        spawn_local(async move {
            if self.commit(Batch { deals: vec![closed], catalog, ..Batch::default() }).await {
                self.closing.set(None);
                self.offer_undo(message, vec![previous]);
                timing::measure_after_render(timing::CLOSE_DEAL, timing::CLOSE_CLICKED);
            }
        });
        Ok(())
    }

    pub fn reopen_deal(self, id: &DealId) {
        let Some(previous) = self.deal(id) else { return };
        let reopened = previous.reopened(browser::now());
        spawn_local(async move {
            if self.save_deal(reopened).await {
                self.offer_undo(format!("“{}” reopened", previous.name), vec![previous]);
            }
        });
    }

    /// Deletes a deal, offering undo. Resolves to whether it was deleted.
    pub async fn delete_deal(self, id: &DealId) -> bool {
        let Some(previous) = self.deal(id) else { return false };
        let batch = Batch { deletions: vec![Tombstone::new(id.clone(), browser::now())], ..Batch::default() };
        let deleted = self.commit(batch).await;
        if deleted {
            self.offer_undo(format!("“{}” deleted", previous.name), vec![previous]);
        }
        deleted
    }

    /// Adds the demo deals (and their owners and competitors) in one write.
    pub async fn load_demo(self) -> bool {
        let mut catalog = self.catalog.get_untracked();
        let deals = demo_deals(browser::today(), &mut catalog);
        self.commit(Batch { deals, catalog: Some(catalog), ..Batch::default() }).await
    }

    /// Deletes every demo deal, and the demo's owners and competitors that
    /// no real deal uses, in one write.
    pub async fn remove_demo(self) -> bool {
        let now = browser::now();
        let (deletions, catalog) = self.deals.with_untracked(|deals| {
            let deletions: Vec<Tombstone> =
                deals.iter().filter(|deal| is_demo(deal)).map(|deal| Tombstone::new(deal.id.clone(), now)).collect();
            (deletions, self.catalog.with_untracked(|catalog| without_demo_entries(catalog, deals)))
        });
        let catalog = self.changed_catalog(catalog);
        self.commit(Batch { deletions, catalog, ..Batch::default() }).await
    }

    pub fn offer_undo(self, message: String, restore: Vec<Deal>) {
        let token = self.next_token.get_value() + 1;
        self.next_token.set_value(token);
        self.undo.set(Some(UndoOffer { message, restore, token }));
        set_timeout(
            move || {
                if self.undo.with_untracked(|offer| offer.as_ref().is_some_and(|o| o.token == token)) {
                    self.undo.set(None);
                }
            },
            UNDO_WINDOW,
        );
    }

    /// Puts back the deals as they were before the last change.
    pub fn undo(self) {
        let Some(offer) = self.undo.get_untracked() else { return };
        self.undo.set(None);
        let now = browser::now();
        let restored = offer.restore.into_iter().map(|deal| Deal { updated_at: now, ..deal }).collect();
        spawn_local(async move {
            self.commit(Batch { deals: restored, ..Batch::default() }).await;
        });
    }
}
