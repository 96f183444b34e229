use serde::{Deserialize, Serialize};
use thiserror::Error;

const MAX_TITLE_CHARS: usize = 60;

/// How the tracker presents itself: the title in the header and the tab, and
/// the accent colour. A consultant sets them so the client sees their own
/// tracker rather than a generic tool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Branding {
    pub title: String,
    /// Always a lowercase `#rrggbb` once it has passed [`Branding::parse_accent`].
    pub accent: String,
}

/// Why a title or an accent colour was refused; each message is meant for
/// the person who typed it.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BrandingError {
    #[error("Enter a title.")]
    EmptyTitle,
    #[error("Keep the title to {MAX_TITLE_CHARS} characters or fewer.")]
    TitleTooLong,
    #[error("The title cannot hold line breaks, tabs or other control characters.")]
    TitleControlCharacter,
    #[error("“{0}” is not a colour: write it as #rgb or #rrggbb, for example #1f5fa8.")]
    NotAColour(String),
}

impl Default for Branding {
    fn default() -> Self {
        Branding { title: "Winloss".to_owned(), accent: "#1f5fa8".to_owned() }
    }
}

impl Branding {
    /// The title as it will be stored: without surrounding spaces.
    pub fn validate_title(text: &str) -> Result<String, BrandingError> {
        let title = text.trim();
        if title.is_empty() {
            return Err(BrandingError::EmptyTitle);
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(BrandingError::TitleTooLong);
        }
        if title.chars().any(char::is_control) {
            return Err(BrandingError::TitleControlCharacter);
        }
        Ok(title.to_owned())
    }

    /// The colour as lowercase `#rrggbb`, from `#rgb` or `#rrggbb` in any
    /// case. Only these forms are accepted because the value ends up in CSS,
    /// where anything looser (names, `url(…)`, `;`) could change more than a
    /// colour.
    pub fn parse_accent(text: &str) -> Result<String, BrandingError> {
        let not_a_colour = || BrandingError::NotAColour(text.trim().to_owned());
        let digits = text.trim().strip_prefix('#').ok_or_else(not_a_colour)?;
        if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(not_a_colour());
        }
        let digits = digits.to_ascii_lowercase();
        match digits.len() {
            3 => Ok(digits.chars().fold(String::from("#"), |mut colour, digit| {
                colour.push(digit);
                colour.push(digit);
                colour
            })),
            6 => Ok(format!("#{digits}")),
            _ => Err(not_a_colour()),
        }
    }

    /// This branding with its title trimmed and its accent normalised, or why
    /// it cannot be used.
    pub fn normalised(&self) -> Result<Branding, BrandingError> {
        Ok(Branding { title: Branding::validate_title(&self.title)?, accent: Branding::parse_accent(&self.accent)? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_branding_is_already_normal() {
        let branding = Branding::default();
        assert_eq!(branding.normalised(), Ok(branding));
    }

    #[test]
    fn accents_are_normalised_to_lowercase_six_digits() {
        assert_eq!(Branding::parse_accent("#1F5FA8"), Ok("#1f5fa8".to_owned()));
        assert_eq!(Branding::parse_accent(" #AbC "), Ok("#aabbcc".to_owned()));
    }

    #[test]
    fn anything_but_hex_colours_is_refused() {
        for text in ["", "#", "1f5fa8", "#1f5fa", "#1f5fa8ff", "#ggg", "red", "#12345g", "#1f5fa8;x", "#١٢٣"] {
            assert!(matches!(Branding::parse_accent(text), Err(BrandingError::NotAColour(_))), "{text:?} was accepted");
        }
    }

    #[test]
    fn titles_are_trimmed_and_checked() {
        assert_eq!(Branding::validate_title("  Acme wins  "), Ok("Acme wins".to_owned()));
        assert_eq!(Branding::validate_title("   "), Err(BrandingError::EmptyTitle));
        assert_eq!(Branding::validate_title(&"é".repeat(60)), Ok("é".repeat(60)));
        assert_eq!(Branding::validate_title(&"é".repeat(61)), Err(BrandingError::TitleTooLong));
        assert_eq!(Branding::validate_title("Acme\nwins"), Err(BrandingError::TitleControlCharacter));
        assert_eq!(Branding::validate_title("Acme\u{7}"), Err(BrandingError::TitleControlCharacter));
    }

    #[test]
    fn missing_fields_read_as_the_defaults() {
        let branding: Branding = serde_json::from_str(r##"{"accent":"#000000"}"##).expect("reads");
        assert_eq!(branding, Branding { title: "Winloss".to_owned(), accent: "#000000".to_owned() });
    }
}
