//! The deal list as CSV, safe to open in a spreadsheet.
