//! Winloss: a win/loss tracker for sales teams that runs entirely in the browser.
//!
//! `domain` and `storage` (apart from its IndexedDB backend) are plain Rust and
//! are tested natively; `ui` is the only module with signals and only exists
//! when compiling for the browser.

pub mod analytics;
pub mod charts;
pub mod demo;
pub mod domain;
pub mod io;
pub mod sample;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;
