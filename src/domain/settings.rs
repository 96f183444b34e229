use serde::{Deserialize, Serialize};

/// Team-wide choices about what closing a deal asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub require_reason: bool,
    pub require_note_for_other: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { require_reason: true, require_note_for_other: true }
    }
}
