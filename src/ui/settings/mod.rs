//! The settings page's sections: what closing asks for, the reasons and
//! categories, the owners, competitors and stages, and storage.

mod branding_editor;
mod catalog_edit;
mod categories_editor;
mod exchange_rates_editor;
mod merge_history;
mod named_list_editor;
mod preferences;
mod reasons_editor;
mod setup_transfer;
mod storage_info;

pub use branding_editor::BrandingEditor;
pub use categories_editor::CategoriesEditor;
pub use exchange_rates_editor::ExchangeRatesEditor;
pub use merge_history::MergeHistory;
pub use named_list_editor::NamedListEditor;
pub use preferences::Preferences;
pub use reasons_editor::ReasonsEditor;
pub use setup_transfer::SetupTransfer;
pub use storage_info::StorageInfo;
