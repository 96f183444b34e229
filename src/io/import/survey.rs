//! A first pass over the file that finds what the import wizard must ask:
//! what each outcome word means, which reason, owner, competitor and stage
//! each name is, how dates are ordered, and the currency of bare amounts.

use rustc_hash::FxHashMap;

use crate::domain::{Catalog, CompetitorId, Outcome, OwnerId, ReasonId, Side, StageId};

use super::amounts::{currency_named, AmountText, DecimalEvidence};
use super::column_mapping::Columns;
use super::dates::DateOrderEvidence;
use super::distinct::Distinct;
use super::fuzzy::{suggest_name, suggest_reason};
use super::outcome_words::{outcome_named, OutcomeClues};
use super::{Choice, ColumnMapping, DateOrderQuestion, DecimalMark, Field, Row};

/// What the rows hold, gathered chunk by chunk so that the page stays
/// responsive on large files.
#[derive(Clone, Debug)]
pub struct Survey {
    columns: Columns,
    outcomes: Distinct,
    lost_reasons: Distinct,
    won_reasons: Distinct,
    owners: Distinct,
    competitors: Distinct,
    stages: Distinct,
    dates: DateOrderEvidence,
    amounts: DecimalEvidence,
    currency_needed: bool,
    outcome_words: FxHashMap<String, Option<Outcome>>,
}

/// A word of the outcome column (or of the stage column when there is no
/// outcome column) and the outcome it seems to mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueQuestion {
    pub value: String,
    /// How many rows carry it.
    pub rows: usize,
    pub suggestion: Outcome,
}

/// A reason label and the catalog reason it seems to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReasonQuestion {
    pub label: String,
    /// Whether it explains won or lost deals.
    pub side: Side,
    pub rows: usize,
    pub suggestion: Choice<ReasonId>,
}

/// An owner, competitor or stage name and the catalog entry it seems to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameQuestion<Id> {
    pub name: String,
    pub rows: usize,
    pub suggestion: Choice<Id>,
}

/// Everything the import wizard asks before importing, each with a
/// suggested answer; the most frequent values come first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Questions {
    /// The words of the outcome column, or of the stage column when the
    /// outcome comes from the stage.
    pub outcomes: Vec<ValueQuestion>,
    /// Lost reasons first, then won ones.
    pub reasons: Vec<ReasonQuestion>,
    pub owners: Vec<NameQuestion<OwnerId>>,
    pub competitors: Vec<NameQuestion<CompetitorId>>,
    /// Stage names, without the stages that are outcomes ("Closed Won").
    pub stages: Vec<NameQuestion<StageId>>,
    pub date_order: DateOrderQuestion,
    /// Some amounts name no currency: neither a currency column nor a
    /// symbol or code says which it is.
    pub currency_needed: bool,
    /// The decimal mark the amounts show, when they show one. Not asked:
    /// it is passed on to the answers.
    pub decimal_mark: Option<DecimalMark>,
}

impl Survey {
    /// A survey of the columns `mapping` maps.
    pub fn new(mapping: &ColumnMapping) -> Survey {
        Survey {
            columns: Columns::of(mapping),
            outcomes: Distinct::default(),
            lost_reasons: Distinct::default(),
            won_reasons: Distinct::default(),
            owners: Distinct::default(),
            competitors: Distinct::default(),
            stages: Distinct::default(),
            dates: DateOrderEvidence::default(),
            amounts: DecimalEvidence::default(),
            currency_needed: false,
            outcome_words: FxHashMap::default(),
        }
    }

    /// Takes in the next rows of the file.
    pub fn add(&mut self, rows: &[Row]) {
        for row in rows {
            self.add_row(row);
        }
    }

    fn add_row(&mut self, row: &Row) {
        let columns = self.columns;
        let cells = columns.cells(row);
        let cell = |field| cells.get(field);

        let stated = cell(Field::Outcome);
        let stage = cell(Field::Stage);
        let outcome_word = if columns.has(Field::Outcome) { stated } else { stage };
        self.outcomes.add(outcome_word);
        let stage_outcome = (!stage.is_empty()).then(|| self.outcome_named(stage));
        if stage_outcome == Some(None) {
            self.stages.add(stage);
        }

        let clues = OutcomeClues {
            stated: (!stated.is_empty()).then(|| self.outcome_named(stated).unwrap_or(Outcome::Open)),
            from_stage: stage_outcome.filter(|_| !columns.has(Field::Outcome)).map(|named| named.unwrap_or(Outcome::Open)),
            has_loss_reason: !cell(Field::LossReason).is_empty(),
            won_on: !cell(Field::WonOn).is_empty(),
            lost_on: !cell(Field::LostOn).is_empty(),
        };
        self.lost_reasons.add(cell(Field::LossReason));
        self.won_reasons.add(cell(Field::WinReason));
        let either_side = match clues.outcome().and_then(Outcome::reason_side) {
            Some(Side::Won) => Some(&mut self.won_reasons),
            Some(Side::Lost) => Some(&mut self.lost_reasons),
            None => None,
        };
        if let Some(labels) = either_side {
            labels.add(cell(Field::Reason));
            for label in cell(Field::SecondaryReasons).split(';') {
                labels.add(label);
            }
        }

        self.owners.add(cell(Field::Owner));
        self.competitors.add(cell(Field::Competitor));
        for field in [Field::CreatedOn, Field::CloseDate, Field::WonOn, Field::LostOn] {
            self.dates.observe(cell(field));
        }
        let amount = cell(Field::Amount);
        if !amount.is_empty() {
            let amount = AmountText::read(amount);
            self.amounts.observe(&amount);
            let named = amount.currency.is_some() || currency_named(cell(Field::Currency)).is_some();
            self.currency_needed |= !named;
        }
    }

    /// [`outcome_named`], once per spelling: outcome and stage columns
    /// repeat a handful of words over every row.
    fn outcome_named(&mut self, word: &str) -> Option<Outcome> {
        if let Some(named) = self.outcome_words.get(word) {
            return *named;
        }
        let named = outcome_named(word);
        self.outcome_words.insert(word.to_owned(), named);
        named
    }

    /// The questions, with answers suggested from `catalog`.
    pub fn finish(self, catalog: &Catalog) -> Questions {
        let outcomes = self
            .outcomes
            .by_frequency()
            .into_iter()
            .map(|(value, rows)| ValueQuestion { suggestion: suggested_outcome(&value), value, rows })
            .collect();
        let reasons = [(Side::Lost, self.lost_reasons), (Side::Won, self.won_reasons)]
            .into_iter()
            .flat_map(|(side, labels)| labels.by_frequency().into_iter().map(move |(label, rows)| (side, label, rows)))
            .map(|(side, label, rows)| ReasonQuestion { suggestion: suggest_reason(&label, side, &catalog.taxonomy), label, side, rows })
            .collect();
        Questions {
            outcomes,
            reasons,
            owners: name_questions(self.owners, |name| suggest_name(name, &catalog.owners)),
            competitors: name_questions(self.competitors, |name| suggest_name(name, &catalog.competitors)),
            stages: name_questions(self.stages, |name| suggest_name(name, &catalog.stages)),
            date_order: self.dates.question(),
            currency_needed: self.currency_needed,
            decimal_mark: self.amounts.mark(),
        }
    }
}

/// The outcome suggested for a word: the one it names, else open (a stage
/// of a deal still in play).
pub(super) fn suggested_outcome(word: &str) -> Outcome {
    outcome_named(word).unwrap_or(Outcome::Open)
}

fn name_questions<Id>(names: Distinct, suggest: impl Fn(&str) -> Choice<Id>) -> Vec<NameQuestion<Id>> {
    names
        .by_frequency()
        .into_iter()
        .map(|(name, rows)| NameQuestion { suggestion: suggest(&name), name, rows })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::import::DateOrder;

    fn row(number: usize, cells: &[&str]) -> Row {
        Row { number, cells: cells.iter().map(|cell| (*cell).to_owned()).collect() }
    }

    fn survey(fields: &[Field], rows: &[&[&str]]) -> Questions {
        let mapping = ColumnMapping { columns: fields.iter().copied().map(Some).collect() };
        let mut survey = Survey::new(&mapping);
        let rows: Vec<Row> = rows.iter().enumerate().map(|(index, cells)| row(index + 2, cells)).collect();
        for chunk in rows.chunks(2) {
            survey.add(chunk);
        }
        survey.finish(&Catalog::standard())
    }

    #[test]
    fn stage_words_are_outcomes_and_the_others_stages_too() {
        let questions = survey(
            &[Field::Name, Field::Stage, Field::LossReason],
            &[&["A", "Closed Lost", "Too expensive"], &["B", "Closed Won", ""], &["C", "Negotiation", ""], &["D", "closed lost", "Budget"]],
        );
        let outcomes: Vec<(&str, usize, Outcome)> = questions.outcomes.iter().map(|q| (q.value.as_str(), q.rows, q.suggestion)).collect();
        assert_eq!(outcomes, [("Closed Lost", 2, Outcome::Lost), ("Closed Won", 1, Outcome::Won), ("Negotiation", 1, Outcome::Open)]);
        let stages: Vec<(&str, &Choice<StageId>)> = questions.stages.iter().map(|q| (q.name.as_str(), &q.suggestion)).collect();
        assert_eq!(stages, [("Negotiation", &Choice::Existing(StageId::new("stage-negotiation")))]);
        let reasons: Vec<(&str, Side, &Choice<ReasonId>)> = questions.reasons.iter().map(|q| (q.label.as_str(), q.side, &q.suggestion)).collect();
        assert_eq!(reasons, [("Too expensive", Side::Lost, &Choice::Existing(ReasonId::new("lost-too-expensive"))), ("Budget", Side::Lost, &Choice::New)]);
    }

    #[test]
    fn an_outcome_column_takes_precedence_over_the_stage() {
        let questions = survey(
            &[Field::Name, Field::Outcome, Field::Stage, Field::Reason, Field::SecondaryReasons],
            &[&["A", "won", "Demo", "Urgent need", "Strong champion; Key feature"], &["B", "lost", "Proposal", "Too expensive", ""], &["C", "open", "Demo", "", ""]],
        );
        let outcomes: Vec<(&str, Outcome)> = questions.outcomes.iter().map(|q| (q.value.as_str(), q.suggestion)).collect();
        assert_eq!(outcomes, [("won", Outcome::Won), ("lost", Outcome::Lost), ("open", Outcome::Open)]);
        assert_eq!(questions.stages.iter().map(|q| (q.name.as_str(), q.rows)).collect::<Vec<_>>(), [("Demo", 2), ("Proposal", 1)]);
        let sides: Vec<(&str, Side)> = questions.reasons.iter().map(|q| (q.label.as_str(), q.side)).collect();
        assert_eq!(sides, [("Too expensive", Side::Lost), ("Urgent need", Side::Won), ("Strong champion", Side::Won), ("Key feature", Side::Won)]);
    }

    #[test]
    fn names_dates_and_currencies() {
        let questions = survey(
            &[Field::Name, Field::Owner, Field::Competitor, Field::CloseDate, Field::Amount],
            &[&["A", "Dana", "Initech", "4/3/2026", "$1,200"], &["B", "dana", "", "5/3/2026", "800"], &["C", "Luis", "Globex", "", ""]],
        );
        assert_eq!(questions.owners.iter().map(|q| (q.name.as_str(), q.rows)).collect::<Vec<_>>(), [("Dana", 2), ("Luis", 1)]);
        assert!(questions.owners.iter().all(|q| q.suggestion == Choice::New));
        assert_eq!(questions.competitors.len(), 2);
        assert_eq!(questions.date_order, DateOrderQuestion::Ask { example: "4/3/2026".into() });
        assert!(questions.currency_needed, "800 names no currency");
        assert_eq!(questions.decimal_mark, None);
    }

    #[test]
    fn amounts_with_currencies_need_none() {
        let questions = survey(
            &[Field::Name, Field::Amount, Field::Currency, Field::CreatedOn],
            &[&["A", "1.200,50", "EUR", "25/12/2025"], &["B", "3,5", "eur", "2026-01-04"], &["C", "99 $", "", ""]],
        );
        assert!(!questions.currency_needed);
        assert_eq!(questions.decimal_mark, Some(DecimalMark::Comma));
        assert_eq!(questions.date_order, DateOrderQuestion::Known(DateOrder::DayFirst));
        assert!(questions.outcomes.is_empty());
    }
}
