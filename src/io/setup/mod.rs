//! Consultant setups: the reasons, lists, closing rules and branding a
//! consultant prepares for a client, handed over as a small file or inside
//! a link, checked in full on arrival, and applied without touching deals.

mod apply;
mod link;
mod setup_error;
mod setup_file;
mod validation;

pub use apply::{apply_setup, SetupChanges};
pub use link::{read_setup_fragment, setup_link_fragment};
pub use setup_error::{SetupError, SetupPart};
pub use setup_file::{read_setup, write_setup, Setup, SETUP_FORMAT, SETUP_VERSION};

/// Setup files, and links once unpacked, above this size are refused. The
/// standard setup is about 9 KB; the limit leaves room for the largest lists
/// a setup may hold.
pub const MAX_SETUP_BYTES: usize = 256 * 1024;
