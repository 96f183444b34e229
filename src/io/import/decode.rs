//! CRM exports arrive in whatever encoding the exporting machine used:
//! UTF-8 with or without a byte order mark, UTF-16 from Excel's "Unicode
//! text", and Windows-1252 from older Excel on Windows. The bytes tell which.

use super::ReadError;

/// The largest file that can be imported: well above any real CRM export,
/// and low enough that the browser tab keeps its memory.
pub const MAX_FILE_BYTES: usize = 100 * 1024 * 1024;

/// A file's text, with the encoding it was read in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without its byte order mark.
    pub text: String,
    /// The encoding's usual name, to show the user: "UTF-8", "UTF-16LE",
    /// "UTF-16BE" or "Windows-1252".
    pub encoding: &'static str,
}

/// The text of a file, in the encoding its byte order mark names, else UTF-8
/// when the bytes are valid UTF-8, else Windows-1252.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    decode_up_to(bytes, MAX_FILE_BYTES)
}

fn decode_up_to(bytes: &[u8], max_bytes: usize) -> Result<Decoded, ReadError> {
    if bytes.len() > max_bytes {
        return Err(ReadError::TooLarge { bytes: bytes.len() });
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Decoded { text: String::from_utf8_lossy(rest).into_owned(), encoding: "UTF-8" }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Decoded { text: from_utf16(rest, u16::from_le_bytes), encoding: "UTF-16LE" }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        Decoded { text: from_utf16(rest, u16::from_be_bytes), encoding: "UTF-16BE" }
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => Decoded { text: text.to_owned(), encoding: "UTF-8" },
            Err(_) => Decoded { text: windows_1252(bytes), encoding: "Windows-1252" },
        }
    };
    // Text files never hold NUL; workbooks, zips and UTF-16 without a byte
    // order mark (every ASCII character followed by a zero byte) always do.
    if decoded.text.contains('\0') {
        return Err(ReadError::NotText);
    }
    if decoded.text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(decoded)
}

/// UTF-16 code units to text, an unpaired surrogate (or an odd last byte)
/// becoming U+FFFD as the WHATWG decoder does.
fn from_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let mut pairs = bytes.chunks_exact(2);
    let units = pairs.by_ref().map(|pair| unit([pair[0], pair[1]]));
    let mut text: String = char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect();
    if !pairs.remainder().is_empty() {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// What Windows-1252 puts at 0x80–0x9F; every other byte is the Unicode
/// code point of the same number (the WHATWG encoding standard's table).
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

// Decoded here rather than with encoding_rs: its decoder for any one
// encoding links in every encoding's tables (about 150 KB of the app's
// download). The tests check this table against encoding_rs byte by byte.
fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&byte| match byte {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
            _ => char::from(byte),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
        let bom: [u8; 2] = if little_endian { [0xFF, 0xFE] } else { [0xFE, 0xFF] };
        let units =
            text.encode_utf16().flat_map(|unit| if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() });
        bom.into_iter().chain(units).collect()
    }

    #[test]
    fn windows_1252_matches_encoding_rs_for_every_byte() {
        let every_byte: Vec<u8> = (0..=255).collect();
        let (expected, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&every_byte);
        assert_eq!(windows_1252(&every_byte), expected);
    }

    #[test]
    fn utf16_matches_encoding_rs_on_broken_input_too() {
        for bytes in [&b"a\0b\0"[..], b"\x3d\xd8\x00\xde", b"\x3d\xd8a\0", b"a\0b", b"\x00\xdc", b""] {
            let (expected, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(bytes);
            assert_eq!(from_utf16(bytes, u16::from_le_bytes), expected, "{bytes:?}");
        }
    }

    #[test]
    fn plain_utf8_is_read_as_utf8() {
        let decoded = decode("Name,Montant\nCafé,12\n".as_bytes()).expect("text");
        assert_eq!(decoded, Decoded { text: "Name,Montant\nCafé,12\n".into(), encoding: "UTF-8" });
    }

    #[test]
    fn a_utf8_byte_order_mark_is_dropped() {
        let decoded = decode(b"\xEF\xBB\xBFName\n").expect("text");
        assert_eq!(decoded, Decoded { text: "Name\n".into(), encoding: "UTF-8" });
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read_in_either_byte_order() {
        let text = "Name\tMontant\nCafé – 1 200 €\t3\n";
        for (little_endian, encoding) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
            let decoded = decode(&utf16(text, little_endian)).expect("text");
            assert_eq!(decoded, Decoded { text: text.into(), encoding });
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_read_as_windows_1252() {
        let decoded = decode(b"Caf\xE9 \x96 1\xA0200 \x80").expect("text");
        assert_eq!(decoded, Decoded { text: "Café – 1\u{A0}200 €".into(), encoding: "Windows-1252" });
    }

    #[test]
    fn nothing_but_a_byte_order_mark_or_white_space_is_empty() {
        for bytes in [&b""[..], b"\xEF\xBB\xBF", b"\xFF\xFE", b" \r\n\t\n", b"\xEF\xBB\xBF\n\n"] {
            assert_eq!(decode(bytes), Err(ReadError::Empty), "{bytes:?}");
        }
    }

    #[test]
    fn binary_data_is_not_text() {
        let workbook_start = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00";
        assert_eq!(decode(workbook_start), Err(ReadError::NotText));
        let utf16_without_bom = &utf16("Name,Amount\n", true)[2..];
        assert_eq!(decode(utf16_without_bom), Err(ReadError::NotText));
    }

    #[test]
    fn size_is_checked_before_anything_is_decoded() {
        assert_eq!(decode_up_to(b"\0\0\0\0\0", 4), Err(ReadError::TooLarge { bytes: 5 }));
        assert_eq!(decode_up_to(b"a,b\n", 4).map(|decoded| decoded.text), Ok("a,b\n".to_owned()));
    }
}
