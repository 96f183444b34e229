//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some
//! with a tab or carriage return first) as a formula: a name such as
//! `=HYPERLINK(...)` typed into a deal would run on whoever opens the export.
//! Such a cell is written with a leading apostrophe, which spreadsheets show
//! as text, and reading the file back removes it again.

use std::borrow::Cow;

const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
const GUARD: char = '\'';

/// The cell as it is safe to write.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    // Text that already starts with apostrophes before an opener gets one
    // more, so that `restore` can tell it from a guarded cell.
    if cell.trim_start_matches(GUARD).starts_with(TRIGGERS) {
        Cow::Owned(format!("{GUARD}{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The text a neutralised cell stood for.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix(GUARD) {
        Some(rest) if rest.trim_start_matches(GUARD).starts_with(TRIGGERS) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_openers_get_an_apostrophe_and_lose_it_on_the_way_back() {
        for cell in ["=1+1", "+44 20", "-3", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"] {
            let written = neutralise(cell);
            assert_eq!(written, format!("'{cell}"));
            assert_eq!(restore(&written), cell);
        }
    }

    #[test]
    fn text_that_already_looks_guarded_survives_the_round_trip() {
        for cell in ["'=x", "''+1", "'-"] {
            let written = neutralise(cell);
            assert_eq!(written, format!("'{cell}"));
            assert_eq!(restore(&written), cell);
        }
    }

    #[test]
    fn ordinary_text_is_left_alone_both_ways() {
        for cell in ["Acme", "", "'quoted'", "1-2", " =x", "don't"] {
            assert_eq!(neutralise(cell), cell);
            assert_eq!(restore(cell), cell);
        }
    }
}
