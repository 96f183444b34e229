//! Pure builders from dashboard figures to ECharts options (through
//! `charming`), tested natively against the option JSON.
