use std::fmt;

use thiserror::Error;

use crate::domain::BrandingError;

use super::MAX_SETUP_BYTES;

const KILOBYTE: usize = 1024;

/// Why a setup file or link cannot be used; each message is meant for the
/// person who opened it.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SetupError {
    #[error("This file is not a Winloss setup.")]
    NotASetup,
    /// The file says it is a setup, but its contents do not read as one.
    #[error("This setup file is damaged ({0}).")]
    DamagedFile(String),
    #[error("This setup link is damaged ({0}).")]
    DamagedLink(String),
    #[error("This setup is too large ({} KB); Winloss reads setups of up to {} KB.", .bytes.div_ceil(KILOBYTE), MAX_SETUP_BYTES / KILOBYTE)]
    TooLarge { bytes: usize },
    /// A link whose packed contents grow past the limit; how far is never
    /// measured, so that a crafted link cannot make the app allocate more.
    #[error("This setup is too large (it unpacks to more than {} KB); Winloss reads setups of up to {} KB.", MAX_SETUP_BYTES / KILOBYTE, MAX_SETUP_BYTES / KILOBYTE)]
    UnpacksTooLarge,
    #[error("This setup was made by a newer version of Winloss (setup version {found}; this one reads up to {supported}). Update the app and try again.")]
    NewerVersion { found: u32, supported: u32 },
    #[error("The setup's {part} is invalid: {problem}.")]
    Invalid { part: SetupPart, problem: String },
    #[error("The setup's title or accent colour is invalid: {0}")]
    InvalidBranding(BrandingError),
}

/// The part of a setup a problem was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetupPart {
    Reasons,
    Owners,
    Competitors,
    Stages,
}

impl fmt::Display for SetupPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SetupPart::Reasons => "reason list",
            SetupPart::Owners => "owner list",
            SetupPart::Competitors => "competitor list",
            SetupPart::Stages => "stage list",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_as_sentences() {
        assert_eq!(SetupError::TooLarge { bytes: 300 * 1024 + 1 }.to_string(), "This setup is too large (301 KB); Winloss reads setups of up to 256 KB.");
        assert_eq!(
            SetupError::Invalid { part: SetupPart::Reasons, problem: "two reasons share the id “x”".into() }.to_string(),
            "The setup's reason list is invalid: two reasons share the id “x”."
        );
        assert_eq!(
            SetupError::InvalidBranding(BrandingError::EmptyTitle).to_string(),
            "The setup's title or accent colour is invalid: Enter a title."
        );
    }
}
