//! Data in and out: the CSV import wizard, CSV export, backups, restore and
//! merge.

mod backup_panel;
mod export_button;
mod import_flow;
mod import_wizard;
mod mapping_step;
mod questions_step;
mod review_step;
mod saved_mappings;
mod slices;
mod wizard_state;

pub use backup_panel::BackupPanel;
pub use export_button::ExportCsvButton;
pub use import_wizard::{take_file, ImportWizard};
pub use wizard_state::Wizard;
