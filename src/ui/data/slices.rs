//! Long work (reading 100,000 rows, checking them) done a frame's worth at a
//! time, so the page keeps drawing its progress bar and its Cancel button
//! keeps working.

use leptos::prelude::*;

use super::super::files;

/// Work done between two turns of the page: most of a 16 ms frame.
const SLICE_MS: f64 = 10.0;

/// One run of long work; starting another, or cancelling, makes it stale.
#[derive(Clone, Copy)]
pub struct Job {
    id: u64,
    runs: StoredValue<u64>,
}

impl Job {
    pub fn start(runs: StoredValue<u64>) -> Job {
        runs.update_value(|run| *run += 1);
        Job { id: runs.get_value(), runs }
    }

    /// Makes the running job stale: it stops at its next turn.
    pub fn cancel_any(runs: StoredValue<u64>) {
        runs.update_value(|run| *run += 1);
    }

    pub fn is_stale(&self) -> bool {
        self.runs.get_value() != self.id
    }
}

/// Calls `step` until it returns `None` (done); each `Some(share)` is the
/// share done so far. Returns `false` when the job went stale on the way.
pub async fn run_in_slices(job: Job, progress: RwSignal<f64>, mut step: impl FnMut() -> Option<f64>) -> bool {
    let mut slice_start = files::clock_ms();
    loop {
        if job.is_stale() {
            return false;
        }
        match step() {
            None => return !job.is_stale(),
            Some(share) if files::clock_ms() - slice_start > SLICE_MS => {
                progress.set(share.clamp(0.0, 1.0));
                files::next_turn().await;
                slice_start = files::clock_ms();
            }
            Some(_) => {}
        }
    }
}
