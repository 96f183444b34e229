//! The win/loss model: deals, outcomes, reasons and their validation.
//! Plain data and pure functions only; nothing here knows about the browser.

mod branding;
mod catalog;
mod deal;
mod draft;
mod exchange_rates;
mod ids;
mod money;
mod named_list;
mod outcome;
mod reason;
mod settings;
mod taxonomy;
mod taxonomy_edit;

pub use branding::{Branding, BrandingError};
pub use catalog::Catalog;
pub use deal::{CloseError, CloseRequest, Deal, ReasonSource, Tags, OTHER_REASON};
pub use exchange_rates::{parse_rate, Converter, ExchangeRate, ExchangeRates, RateError};
pub use draft::{DealDraft, DealField, DraftError, DraftErrors};
pub use ids::{CategoryId, CompetitorId, DealId, OwnerId, ReasonId, StageId};
pub use money::{parse_amount, AmountError, Currency, CurrencyError, Money};
pub use named_list::{NameError, NamedItem, NamedList};
pub use outcome::Outcome;
pub use reason::{AppliesTo, Category, Reason, Side};
pub use settings::Settings;
pub use taxonomy::{ReasonMerge, Taxonomy, TaxonomyError};
pub use taxonomy_edit::EditError;
