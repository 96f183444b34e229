//! The import wizard's long steps: read the file, survey its values, turn its
//! rows into deals, save them. Each runs in frame-sized slices and can be
//! cancelled until the one write that saves everything.

use leptos::prelude::*;

use crate::domain::{Currency, DealId};
use crate::io::import::{auto_map, decode, ColumnMapping, ImportBuilder, ReadError, Survey, TableReader, MAX_FILE_BYTES};
use crate::storage::Batch;

use super::super::state::AppState;
use super::super::{browser, format};
use super::saved_mappings;
use super::slices::{run_in_slices, Job};
use super::wizard_state::{FileSummary, Step, Wizard};

/// Rows shown under the column choices.
const PREVIEW_ROWS: usize = 5;
/// Rows handled between two looks at the clock.
const BATCH: usize = 500;
const FALLBACK_CURRENCY: &str = "USD";

pub async fn read_file(wizard: Wizard, file: web_sys::File) {
    let job = Job::start(wizard.runs);
    let file_name = file.name();
    wizard.problem.set(None);
    wizard.progress.set(0.0);
    wizard.step.set(Step::Working(format!("Reading “{file_name}”…")));
    let bytes = match super::super::files::read_bytes(&file, MAX_FILE_BYTES, |bytes| ReadError::TooLarge { bytes }.to_string()).await {
        Ok(bytes) => bytes,
        Err(problem) => return wizard.fail(problem, Step::Choose),
    };
    let decoded = match decode(&bytes) {
        Ok(decoded) => decoded,
        Err(problem) => return wizard.fail(problem.to_string(), Step::Choose),
    };
    drop(bytes);
    let mut reader = match TableReader::new(decoded.text) {
        Ok(reader) => reader,
        Err(problem) => return wizard.fail(problem.to_string(), Step::Choose),
    };
    let mut rows = Vec::new();
    let finished = run_in_slices(job, wizard.progress, || {
        if reader.is_done() {
            return None;
        }
        rows.extend(reader.read(BATCH));
        Some(reader.progress())
    })
    .await;
    if !finished {
        return;
    }
    if rows.is_empty() {
        return wizard.fail(format!("“{file_name}” has column names but no rows of data."), Step::Choose);
    }
    let headers = reader.headers().to_vec();
    let (format, detected) = auto_map(&headers);
    let mapping = saved_mappings::matching(&headers).unwrap_or(detected);
    wizard.file.set(Some(FileSummary {
        file_name,
        encoding: decoded.encoding,
        delimiter: reader.delimiter(),
        format,
        headers,
        row_count: rows.len(),
        preview: rows.iter().take(PREVIEW_ROWS).cloned().collect(),
    }));
    wizard.rows.set_value(rows);
    wizard.mapping.set(mapping);
    wizard.step.set(Step::Map);
}

/// Lists the values that need an answer (outcome words, reasons, owners…)
/// with a suggestion for each.
pub async fn survey(wizard: Wizard, state: AppState) {
    let job = Job::start(wizard.runs);
    let mapping = wizard.mapping.get_untracked();
    wizard.progress.set(0.0);
    wizard.step.set(Step::Working("Checking the values…".into()));
    let mut survey = Survey::new(&mapping);
    let total = wizard.rows.with_value(Vec::len);
    let mut at = 0;
    let finished = run_in_slices(job, wizard.progress, || {
        if at >= total {
            return None;
        }
        let end = (at + BATCH).min(total);
        wizard.rows.with_value(|rows| survey.add(&rows[at..end]));
        at = end;
        Some(at as f64 / total as f64)
    })
    .await;
    if !finished {
        return;
    }
    let questions = state.catalog.with_untracked(|catalog| survey.finish(catalog));
    let currency = browser::remembered("currency")
        .and_then(|code| Currency::parse(&code).ok())
        .or_else(|| Currency::parse(FALLBACK_CURRENCY).ok());
    let Some(currency) = currency else {
        return wizard.fail("No currency is known to this build.".into(), Step::Map);
    };
    wizard.answers.set(Some(questions.default_answers(currency)));
    wizard.questions.set(Some(questions));
    wizard.step.set(Step::Questions);
}

/// Turns every row into a deal (or a problem); then saves at once, or asks
/// first when some rows have problems.
pub async fn build(wizard: Wizard, state: AppState) {
    let Some(answers) = wizard.answers.get_untracked() else { return };
    // New deals get random UUIDs. Checked once here: should the browser
    // refuse random numbers later on, this id, numbered, still gives every
    // deal an id of its own (a time-based fallback would repeat within a
    // millisecond and let deals overwrite each other).
    let spare_base = match browser::new_deal_id() {
        Ok(id) => id,
        Err(problem) => return wizard.fail(format!("Nothing was imported: {problem}."), Step::Questions),
    };
    let job = Job::start(wizard.runs);
    let mapping: ColumnMapping = wizard.mapping.get_untracked();
    let headers = wizard.file.with_untracked(|file| file.as_ref().map(|file| file.headers.clone()).unwrap_or_default());
    wizard.progress.set(0.0);
    wizard.step.set(Step::Working("Preparing the deals…".into()));
    let mut builder = state.catalog.with_untracked(|catalog| {
        state.deals.with_untracked(|deals| {
            ImportBuilder::new(&mapping, &headers, answers, catalog, deals, browser::today(), browser::now())
        })
    });
    let total = wizard.rows.with_value(Vec::len);
    let mut at = 0;
    let mut spares = 0_u64;
    let mut new_id = || {
        browser::new_deal_id().unwrap_or_else(|_| {
            spares += 1;
            DealId::new(format!("{spare_base}-{spares}"))
        })
    };
    let finished = run_in_slices(job, wizard.progress, || {
        if at >= total {
            return None;
        }
        let end = (at + BATCH).min(total);
        wizard.rows.with_value(|rows| builder.add(&rows[at..end], &mut new_id));
        at = end;
        Some(at as f64 / total as f64)
    })
    .await;
    if !finished {
        return;
    }
    let plan = builder.finish();
    let has_problems = !plan.problems.is_empty();
    wizard.plan.set_value(Some(plan));
    if has_problems {
        wizard.step.set(Step::Review);
    } else {
        save(wizard, state).await;
    }
}

/// Saves the prepared deals and any new reasons, owners, competitors and
/// stages in one write: all of them or, on failure, none.
pub async fn save(wizard: Wizard, state: AppState) {
    let Some(plan) = wizard.plan.try_update_value(Option::take).flatten() else { return };
    wizard.step.set(Step::Saving);
    // Writing 100,000 deals holds the page for about a second: show that
    // it is saving first.
    super::super::files::next_turn().await;
    let summary = imported_sentence(plan.added, plan.updated, plan.skipped, plan.problems.len());
    let catalog = state.changed_catalog(plan.catalog);
    if state.commit(Batch { deals: plan.deals, catalog, ..Batch::default() }).await {
        wizard.rows.set_value(Vec::new());
        wizard.step.set(Step::Done(summary));
    } else {
        wizard.fail("Nothing was imported: the deals could not be saved.".into(), Step::Questions);
    }
}

fn imported_sentence(added: usize, updated: usize, skipped: usize, left_out: usize) -> String {
    let mut parts = vec![format!("{} new", format::count(added)), format!("{} updated", format::count(updated))];
    if skipped > 0 {
        parts.push(format!("{} already here and skipped", format::count(skipped)));
    }
    if left_out > 0 {
        parts.push(format!("{} rows with problems left out", format::count(left_out)));
    }
    format!("Imported: {}.", parts.join(", "))
}
