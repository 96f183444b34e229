//! Reading CSV exports from CRMs and spreadsheets into deals.
