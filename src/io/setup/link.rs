//! Setups carried in a link's fragment, which browsers never send to a
//! server: `#setup=` followed by the setup's compact JSON, DEFLATE-compressed
//! (raw, no zlib header) and encoded as unpadded base64url. Compression makes
//! the standard setup's fragment about 1,700 characters instead of 7,500,
//! short enough to paste into an e-mail or a chat without it being cut.

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::{DecodeError, Engine};
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

use super::setup_file::{decode_setup, Origin};
use super::{Setup, SetupError, MAX_SETUP_BYTES};

const FRAGMENT_KEY: &str = "setup=";

/// The strongest DEFLATE level short of the slow "uber" one; setups are small.
const COMPRESSION_LEVEL: u8 = 9;

/// Written unpadded, read with or without padding: some mail programs and
/// chat apps "fix" links, and padding is the least harmful thing they add.
const LINK_BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_encode_padding(false).with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// DEFLATE never grows data by more than a few bytes per 64 KB block, so a
/// payload longer than this cannot unpack to a setup Winloss would read; it
/// is refused before a single byte is decoded.
const MAX_PAYLOAD_CHARS: usize = (MAX_SETUP_BYTES + 1024).div_ceil(3) * 4;

/// What goes after the `#` of a link that hands over this setup.
pub fn setup_link_fragment(setup: &Setup) -> String {
    // Every field is a string, number, list or record with string keys, the
    // only things JSON can fail on, so this cannot fail.
    let json = serde_json::to_vec(setup).expect("a setup is plain JSON");
    let packed = miniz_oxide::deflate::compress_to_vec(&json, COMPRESSION_LEVEL);
    format!("{FRAGMENT_KEY}{}", LINK_BASE64.encode(packed))
}

/// The setup a link's fragment carries, with or without its leading `#`.
/// `Ok(None)` when the fragment holds no setup at all (an anchor such as
/// `#top`, or nothing); an error when it holds one that cannot be used.
pub fn read_setup_fragment(fragment: &str) -> Result<Option<Setup>, SetupError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(payload) = fragment.split('&').find_map(|part| part.strip_prefix(FRAGMENT_KEY)) else {
        return Ok(None);
    };
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(SetupError::TooLarge { bytes: payload.len() });
    }
    if payload.is_empty() {
        return Err(SetupError::DamagedLink("it holds nothing after “setup=”".to_owned()));
    }
    let packed = LINK_BASE64.decode(payload).map_err(|error| SetupError::DamagedLink(base64_problem(&error).to_owned()))?;
    let json = decompress_to_vec_with_limit(&packed, MAX_SETUP_BYTES).map_err(|error| match error.status {
        TINFLStatus::HasMoreOutput => SetupError::UnpacksTooLarge,
        _ => SetupError::DamagedLink("its contents cannot be unpacked; it may have been cut short or changed".to_owned()),
    })?;
    decode_setup(&json, Origin::Link).map(Some)
}

fn base64_problem(error: &DecodeError) -> &'static str {
    match error {
        DecodeError::InvalidByte(..) | DecodeError::InvalidPadding => "it holds characters a setup link never has",
        DecodeError::InvalidLength(_) | DecodeError::InvalidLastSymbol(..) => "it looks cut short",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Catalog;

    fn standard_setup() -> Setup {
        Setup::from_catalog(&Catalog::standard())
    }

    fn link_of(json: &[u8]) -> String {
        format!("{FRAGMENT_KEY}{}", LINK_BASE64.encode(miniz_oxide::deflate::compress_to_vec(json, COMPRESSION_LEVEL)))
    }

    #[test]
    fn a_link_reads_back_the_same_setup_with_or_without_its_hash() {
        let setup = standard_setup();
        let fragment = setup_link_fragment(&setup);
        assert_eq!(read_setup_fragment(&fragment), Ok(Some(setup.clone())));
        assert_eq!(read_setup_fragment(&format!("#{fragment}")), Ok(Some(setup.clone())));
        assert_eq!(read_setup_fragment(&format!("#top&{fragment}&lang=en")), Ok(Some(setup)));
    }

    #[test]
    fn the_standard_setup_makes_a_short_link_of_url_safe_characters() {
        let fragment = setup_link_fragment(&standard_setup());
        assert!(fragment.len() < 3000, "{} characters", fragment.len());
        assert!(fragment[FRAGMENT_KEY.len()..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    }

    #[test]
    fn padding_added_by_a_mail_program_is_tolerated() {
        let setup = standard_setup();
        let mut fragment = setup_link_fragment(&setup);
        while !(fragment.len() - FRAGMENT_KEY.len()).is_multiple_of(4) {
            fragment.push('=');
        }
        assert_eq!(read_setup_fragment(&fragment), Ok(Some(setup)));
    }

    #[test]
    fn fragments_without_a_setup_are_not_errors() {
        for fragment in ["", "#", "#top", "top", "#/deals?x=1", "#settings&lang=en", "#Setup=abc", "#section-setup=abc"] {
            assert_eq!(read_setup_fragment(fragment), Ok(None), "{fragment:?}");
        }
    }

    #[test]
    fn a_link_above_the_limit_is_refused_before_decoding() {
        let fragment = format!("setup={}", "A".repeat(MAX_PAYLOAD_CHARS + 1));
        assert_eq!(read_setup_fragment(&fragment), Err(SetupError::TooLarge { bytes: MAX_PAYLOAD_CHARS + 1 }));
    }

    #[test]
    fn a_compressed_bomb_stops_at_the_limit() {
        let bomb = vec![b' '; 8 * MAX_SETUP_BYTES];
        assert_eq!(read_setup_fragment(&link_of(&bomb)), Err(SetupError::UnpacksTooLarge));
    }

    #[test]
    fn damaged_links_say_so() {
        let fragment = setup_link_fragment(&standard_setup());
        let cases = [
            "setup=".to_owned(),
            "setup=not base64!".to_owned(),
            fragment[..fragment.len() / 2].to_owned(),
            format!("setup={}", LINK_BASE64.encode(b"plain garbage, not deflate")),
            link_of(b"[1, 2, 3]"),
            link_of(br#"{"format":"winloss-setup","version":1,"taxonomy":{"categories":7}}"#),
        ];
        for case in cases {
            assert!(matches!(read_setup_fragment(&case), Err(SetupError::DamagedLink(_))), "{case:?} gave {:?}", read_setup_fragment(&case));
        }
    }
}
