//! The win/loss model: deals, outcomes, reasons and their validation.
//! Plain data and pure functions only; nothing here knows about the browser.

mod deal;
mod draft;
mod ids;
mod money;
mod outcome;
mod reason;
mod taxonomy;

pub use deal::{CloseError, Deal};
pub use draft::{DealDraft, DealField, DraftError, DraftErrors};
pub use ids::{CategoryId, DealId, ReasonId};
pub use money::{parse_amount, AmountError, Currency, CurrencyError, Money};
pub use outcome::Outcome;
pub use reason::{AppliesTo, Category, Reason, Side};
pub use taxonomy::{Taxonomy, TaxonomyError};
