//! What the import wizard holds between its steps. The rows themselves sit
//! outside any signal: 100,000 of them are read, never drawn.

use leptos::prelude::*;

use crate::io::import::{Answers, ColumnMapping, ImportPlan, Questions, Row, SourceFormat};

#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Choose,
    /// Long work under way: what, with a progress bar and Cancel.
    Working(String),
    Map,
    Questions,
    /// Some rows cannot be imported: import the rest, or nothing.
    Review,
    Saving,
    Done(String),
}

/// The file as read, shown while mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct FileSummary {
    pub file_name: String,
    pub encoding: &'static str,
    pub delimiter: u8,
    pub format: Option<SourceFormat>,
    pub headers: Vec<String>,
    pub row_count: usize,
    pub preview: Vec<Row>,
}

#[derive(Clone, Copy)]
pub struct Wizard {
    pub step: RwSignal<Step>,
    /// Why the last action could not go on, in the user's words.
    pub problem: RwSignal<Option<String>>,
    pub progress: RwSignal<f64>,
    pub file: RwSignal<Option<FileSummary>>,
    pub rows: StoredValue<Vec<Row>>,
    pub mapping: RwSignal<ColumnMapping>,
    pub questions: RwSignal<Option<Questions>>,
    pub answers: RwSignal<Option<Answers>>,
    pub plan: StoredValue<Option<ImportPlan>>,
    /// Bumped to start or cancel long work.
    pub runs: StoredValue<u64>,
}

impl Wizard {
    pub fn new() -> Wizard {
        Wizard {
            step: RwSignal::new(Step::Choose),
            problem: RwSignal::new(None),
            progress: RwSignal::new(0.0),
            file: RwSignal::new(None),
            rows: StoredValue::new(Vec::new()),
            mapping: RwSignal::new(ColumnMapping { columns: Vec::new() }),
            questions: RwSignal::new(None),
            answers: RwSignal::new(None),
            plan: StoredValue::new(None),
            runs: StoredValue::new(0),
        }
    }

    /// Back to the start, forgetting the file.
    pub fn reset(self) {
        super::slices::Job::cancel_any(self.runs);
        self.rows.set_value(Vec::new());
        self.plan.set_value(None);
        self.file.set(None);
        self.questions.set(None);
        self.answers.set(None);
        self.step.set(Step::Choose);
    }

    pub fn fail(self, problem: String, back_to: Step) {
        self.problem.set(Some(problem));
        self.step.set(back_to);
    }
}
