use super::decode::MAX_FILE_BYTES;

/// Why a file could not be read as a table; each message is written for the
/// person who picked the file.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The file is over [`MAX_FILE_BYTES`].
    #[error(
        "This file is {} MB; files up to {} MB can be imported. Split it or export fewer columns.",
        megabytes(*.bytes),
        megabytes(MAX_FILE_BYTES)
    )]
    TooLarge { bytes: usize },
    /// The file holds nothing but perhaps a byte order mark and white space.
    #[error("The file is empty.")]
    Empty,
    /// The file holds binary data, such as an Excel workbook.
    #[error("This does not look like a CSV file (it holds binary data). Export the data as CSV and try again.")]
    NotText,
    /// The first row, which should name the columns, has no names in it.
    #[error("The first row should name the columns; it is empty.")]
    NoHeader,
}

const BYTES_PER_MEGABYTE: usize = 1024 * 1024;

/// Rounded up, so that a file just over the limit is not reported as exactly
/// the limit.
fn megabytes(bytes: usize) -> usize {
    bytes.div_ceil(BYTES_PER_MEGABYTE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_large_names_the_size_and_the_limit_in_megabytes() {
        let error = ReadError::TooLarge { bytes: 212 * BYTES_PER_MEGABYTE };
        assert_eq!(
            error.to_string(),
            "This file is 212 MB; files up to 100 MB can be imported. Split it or export fewer columns."
        );
    }

    #[test]
    fn a_file_just_over_the_limit_is_not_called_as_large_as_the_limit() {
        let error = ReadError::TooLarge { bytes: MAX_FILE_BYTES + 1 };
        assert!(error.to_string().starts_with("This file is 101 MB;"), "{error}");
    }

    #[test]
    fn the_other_errors_read_as_sentences() {
        for error in [ReadError::Empty, ReadError::NotText, ReadError::NoHeader] {
            let message = error.to_string();
            assert!(message.ends_with('.'), "{message}");
            assert!(message.starts_with(char::is_uppercase), "{message}");
        }
    }
}
