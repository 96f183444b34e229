//! The second pass over the file: each row becomes a deal, a change to a
//! stored deal, or a problem to show, following the wizard's answers.

use chrono::{DateTime, NaiveDate, Utc};
use rustc_hash::FxHashMap;

use crate::domain::{
    Catalog, CompetitorId, Currency, Deal, DealId, Money, Outcome, OwnerId, ReasonId, ReasonSource, Side, StageId,
};

use super::amounts::{amount_problem, currency_named, AmountText};
use super::column_mapping::Columns;
use super::dates::parse_date;
use super::distinct::text_key;
use super::existing_deals::{DealKeys, KnownDeals};
use super::new_entries::{NameResolver, ReasonResolver};
use super::outcome_words::{outcome_named, OutcomeClues};
use super::survey::suggested_outcome;
use super::{Answers, ColumnMapping, DateOrder, DecimalMark, DuplicatePolicy, Field, Row, RowProblem};

/// Longest owner, competitor or stage name the lists take.
const MAX_NAME_LENGTH: usize = 100;

/// How many ids `new_id` may give that a deal already has before the last
/// one is taken anyway: ids are random, so this only guards against a
/// caller's counter starting over.
const FRESH_ID_TRIES: usize = 100;

/// What the import will do, for the user to confirm before it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPlan {
    /// The deals to write: new ones and changed ones, from good rows only.
    pub deals: Vec<Deal>,
    /// The catalog with the reasons, owners, competitors and stages the
    /// file brings.
    pub catalog: Catalog,
    /// Why the rows left out were, in the order of the file.
    pub problems: Vec<RowProblem>,
    /// Rows that became new deals.
    pub added: usize,
    /// Rows that changed a deal already known.
    pub updated: usize,
    /// Rows that were duplicates left alone, or identical to what is stored.
    pub skipped: usize,
}

/// Turns rows into deals, chunk by chunk so that the page can show progress.
#[derive(Clone, Debug)]
pub struct ImportBuilder {
    columns: Columns,
    headers: Vec<String>,
    catalog: Catalog,
    known: KnownDeals,
    outcome_answers: FxHashMap<String, Outcome>,
    outcome_words: FxHashMap<String, OutcomeWord>,
    currencies: FxHashMap<String, Option<Currency>>,
    reasons: ReasonResolver,
    owners: NameResolver<OwnerId>,
    competitors: NameResolver<CompetitorId>,
    stages: NameResolver<StageId>,
    date_order: DateOrder,
    currency: Currency,
    decimal_mark: Option<DecimalMark>,
    duplicates: DuplicatePolicy,
    today: NaiveDate,
    now: DateTime<Utc>,
    problems: Vec<RowProblem>,
    added: usize,
    updated: usize,
    skipped: usize,
}

/// What a word of the outcome or stage column stands for.
#[derive(Clone, Copy, Debug)]
struct OutcomeWord {
    /// The outcome answered for it.
    answer: Outcome,
    /// Whether the word names an outcome ("Closed Won"), rather than being a
    /// stage name.
    names_outcome: bool,
}

/// A row read and checked, before anything is added to the catalog.
struct ImportedRow<'r> {
    deal_id: &'r str,
    source_id: &'r str,
    name: &'r str,
    account: &'r str,
    amount: Option<Money>,
    owner: &'r str,
    competitor: &'r str,
    /// `None` when the row says nothing of the stage: no stage column, or a
    /// stage that is an outcome ("Closed Lost").
    stage: Option<&'r str>,
    /// `None` when nothing in the row tells.
    outcome: Option<Outcome>,
    created_on: Option<NaiveDate>,
    close_date: Option<NaiveDate>,
    won_on: Option<NaiveDate>,
    lost_on: Option<NaiveDate>,
    loss_reason: &'r str,
    win_reason: &'r str,
    reason: &'r str,
    secondary_reasons: &'r str,
    confirmed: bool,
    notes: &'r str,
    product: &'r str,
    segment: &'r str,
    source: &'r str,
}

impl ImportedRow<'_> {
    /// When a deal with `outcome` closed: the day it was won or lost if the
    /// file says (Pipedrive), else its close date.
    fn close_date_for(&self, outcome: Outcome) -> Option<NaiveDate> {
        let closed_on = match outcome {
            Outcome::Open => None,
            Outcome::Won => self.won_on,
            Outcome::Lost | Outcome::NoDecision | Outcome::Disqualified => self.lost_on,
        };
        closed_on.or(self.close_date)
    }

    /// The label of the primary reason for `side`: a column of that side
    /// first, else the column for either.
    fn reason_for(&self, side: Side) -> &str {
        let own_side = match side {
            Side::Lost => self.loss_reason,
            Side::Won => self.win_reason,
        };
        if own_side.is_empty() { self.reason } else { own_side }
    }
}

impl ImportBuilder {
    /// A builder for a file mapped by `mapping`, whose `headers` name the
    /// columns in problems. `existing` are the stored deals a row may
    /// duplicate; `today` dates deals the file does not date, `now` stamps
    /// what changes.
    pub fn new(
        mapping: &ColumnMapping,
        headers: &[String],
        answers: Answers,
        catalog: &Catalog,
        existing: &[Deal],
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> ImportBuilder {
        ImportBuilder {
            columns: Columns::of(mapping),
            headers: headers.to_vec(),
            catalog: catalog.clone(),
            known: KnownDeals::new(existing),
            outcome_answers: answers.outcomes.iter().map(|(word, outcome)| (text_key(word), *outcome)).collect(),
            outcome_words: FxHashMap::default(),
            currencies: FxHashMap::default(),
            reasons: ReasonResolver::new(&answers.reasons),
            owners: NameResolver::new(&answers.owners, "owner"),
            competitors: NameResolver::new(&answers.competitors, "competitor"),
            stages: NameResolver::new(&answers.stages, "stage"),
            date_order: answers.date_order,
            currency: answers.currency,
            decimal_mark: answers.decimal_mark,
            duplicates: answers.duplicates,
            today,
            now,
            problems: Vec::new(),
            added: 0,
            updated: 0,
            skipped: 0,
        }
    }

    /// Takes in the next rows; `new_id` gives the ids of new deals.
    pub fn add(&mut self, rows: &[Row], new_id: &mut dyn FnMut() -> DealId) {
        self.known.reserve(rows.len());
        for row in rows {
            match self.read(row) {
                Ok(imported) => self.place(&imported, new_id),
                Err(problems) => self.problems.extend(problems),
            }
        }
    }

    /// What importing the rows taken in would do.
    pub fn finish(self) -> ImportPlan {
        ImportPlan {
            deals: self.known.into_planned(),
            catalog: self.catalog,
            problems: self.problems,
            added: self.added,
            updated: self.updated,
            skipped: self.skipped,
        }
    }

    fn header(&self, field: Field) -> String {
        self.columns
            .get(field)
            .and_then(|column| self.headers.get(column))
            .map_or_else(|| field.label().to_owned(), |header| header.trim().to_owned())
    }

    fn outcome_word(&mut self, word: &str) -> OutcomeWord {
        if let Some(known) = self.outcome_words.get(word) {
            return *known;
        }
        let answer = self.outcome_answers.get(&text_key(word)).copied().unwrap_or_else(|| suggested_outcome(word));
        let meaning = OutcomeWord { answer, names_outcome: outcome_named(word).is_some() };
        self.outcome_words.insert(word.to_owned(), meaning);
        meaning
    }

    /// The row's values, or every problem that keeps it out.
    fn read<'r>(&mut self, row: &'r Row) -> Result<ImportedRow<'r>, Vec<RowProblem>> {
        let columns = self.columns;
        let cells = columns.cells(row);
        let cell = |field| cells.get(field);
        let mut problems: Vec<(Field, String)> = Vec::new();

        let name = cell(Field::Name);
        if name.is_empty() {
            problems.push((Field::Name, "The deal has no name.".to_owned()));
        }
        let amount = match self.amount(cell(Field::Amount), cell(Field::Currency)) {
            Ok(amount) => amount,
            Err(problem) => {
                problems.push(problem);
                None
            }
        };
        let date_order = self.date_order;
        let mut date = |field| {
            let text = cell(field);
            if text.is_empty() {
                return None;
            }
            let date = parse_date(text, date_order);
            if date.is_none() {
                problems.push((field, format!("“{text}” is not a date.")));
            }
            date
        };
        let (created_on, close_date, won_on, lost_on) = (date(Field::CreatedOn), date(Field::CloseDate), date(Field::WonOn), date(Field::LostOn));
        for field in [Field::Owner, Field::Competitor, Field::Stage] {
            let name = cell(field);
            if name.len() > MAX_NAME_LENGTH && name.chars().count() > MAX_NAME_LENGTH {
                problems.push((field, format!("Keep names under {MAX_NAME_LENGTH} characters.")));
            }
        }
        if !problems.is_empty() {
            return Err(problems
                .into_iter()
                .map(|(field, message)| RowProblem { row: row.number, column: self.header(field), message })
                .collect());
        }

        let stated = cell(Field::Outcome);
        let stage = cell(Field::Stage);
        let stage_word = (!stage.is_empty()).then(|| self.outcome_word(stage));
        let has_outcome_column = columns.has(Field::Outcome);
        let clues = OutcomeClues {
            stated: (!stated.is_empty()).then(|| self.outcome_word(stated).answer),
            from_stage: stage_word.filter(|_| !has_outcome_column).map(|word| word.answer),
            has_loss_reason: !cell(Field::LossReason).is_empty(),
            won_on: won_on.is_some(),
            lost_on: lost_on.is_some(),
        };
        let stage = match stage_word {
            _ if !columns.has(Field::Stage) => None,
            Some(word) if word.names_outcome => None,
            _ => Some(stage),
        };
        Ok(ImportedRow {
            deal_id: cell(Field::DealId),
            source_id: cell(Field::SourceId),
            name,
            account: cell(Field::Account),
            amount,
            owner: cell(Field::Owner),
            competitor: cell(Field::Competitor),
            stage,
            outcome: clues.outcome(),
            created_on,
            close_date,
            won_on,
            lost_on,
            loss_reason: cell(Field::LossReason),
            win_reason: cell(Field::WinReason),
            reason: cell(Field::Reason),
            secondary_reasons: cell(Field::SecondaryReasons),
            confirmed: means_yes(cell(Field::ReasonConfirmed)),
            notes: cell(Field::Notes),
            product: cell(Field::Product),
            segment: cell(Field::Segment),
            source: cell(Field::Source),
        })
    }

    /// The amount of the cell, in the currency of the currency cell, else of
    /// the amount's symbol or code, else of the answers.
    fn amount(&mut self, text: &str, currency_text: &str) -> Result<Option<Money>, (Field, String)> {
        if text.is_empty() {
            return Ok(None);
        }
        let amount = AmountText::read(text);
        let stated_currency = match currency_text {
            "" => None,
            code => Some(self.currency_named(code).ok_or_else(|| (Field::Currency, format!("“{code}” is not a currency code such as USD or EUR.")))?),
        };
        let currency = stated_currency.or_else(|| amount.currency.clone()).unwrap_or_else(|| self.currency.clone());
        match amount.minor_units(&currency, self.decimal_mark) {
            Ok(minor) => Ok(Some(Money { minor, currency })),
            Err(error) => Err((Field::Amount, amount_problem(&error, text))),
        }
    }

    /// [`currency_named`], once per spelling of the currency column.
    fn currency_named(&mut self, text: &str) -> Option<Currency> {
        if let Some(currency) = self.currencies.get(text) {
            return currency.clone();
        }
        let currency = currency_named(text);
        self.currencies.insert(text.to_owned(), currency.clone());
        currency
    }

    /// Adds the row as a new deal, or applies it to the deal it duplicates.
    fn place(&mut self, row: &ImportedRow, new_id: &mut dyn FnMut() -> DealId) {
        let keys = DealKeys {
            deal_id: row.deal_id,
            source_id: row.source_id,
            name: row.name,
            account: row.account,
            close_date: row.close_date_for(row.outcome.unwrap_or(Outcome::Open)),
        };
        let Some(slot) = self.known.find(&keys) else {
            let id = if row.deal_id.is_empty() { self.fresh_id(new_id) } else { DealId::new(row.deal_id) };
            let mut deal = self.deal_from(Deal::new_open(id, "", self.today, self.now), row);
            deal.created_on = row.created_on.or(deal.close_date).unwrap_or(self.today);
            self.known.plan(deal, None);
            self.added += 1;
            return;
        };
        let current = match (self.duplicates, self.known.get(slot)) {
            (DuplicatePolicy::Update, Some(current)) => current.clone(),
            _ => {
                self.skipped += 1;
                return;
            }
        };
        let deal = self.deal_from(current.clone(), row);
        if deal == current {
            self.skipped += 1;
        } else {
            self.known.plan(Deal { updated_at: self.now, ..deal }, Some(slot));
            self.updated += 1;
        }
    }

    fn fresh_id(&self, new_id: &mut dyn FnMut() -> DealId) -> DealId {
        let mut id = new_id();
        for _ in 0..FRESH_ID_TRIES {
            if !self.known.has_id(&id) {
                break;
            }
            id = new_id();
        }
        id
    }

    /// `deal` with the fields the file maps replaced by the row's; the rest
    /// is kept. Reasons the file does not hold are kept while they still fit
    /// the outcome.
    fn deal_from(&mut self, mut deal: Deal, row: &ImportedRow) -> Deal {
        let columns = self.columns;
        let has = |field| columns.has(field);
        let side_before = deal.outcome.reason_side();
        deal.name = row.name.to_owned();
        if has(Field::Account) {
            deal.account = row.account.to_owned();
        }
        if has(Field::Amount) {
            deal.amount = row.amount.clone();
        }
        if has(Field::Owner) {
            deal.owner = self.owners.resolve(row.owner, &mut self.catalog.owners, OwnerId::new);
        }
        if has(Field::Competitor) {
            deal.competitor = self.competitors.resolve(row.competitor, &mut self.catalog.competitors, CompetitorId::new);
        }
        if let Some(stage) = row.stage {
            deal.stage = self.stages.resolve(stage, &mut self.catalog.stages, StageId::new);
        }
        if let Some(outcome) = row.outcome {
            deal.outcome = outcome;
        }
        if has(Field::CloseDate) || has(Field::WonOn) || has(Field::LostOn) {
            deal.close_date = row.close_date_for(deal.outcome);
        }
        let reasons_mapped = [Field::LossReason, Field::WinReason, Field::Reason, Field::SecondaryReasons].into_iter().any(has);
        match deal.outcome.reason_side() {
            Some(side) if reasons_mapped => {
                deal.reason = self.reasons.resolve(row.reason_for(side), side, &mut self.catalog.taxonomy);
                deal.secondary_reasons = self.secondary_reasons(row.secondary_reasons, side, deal.reason.as_ref());
            }
            side if side != side_before || side.is_none() => {
                deal.reason = None;
                deal.secondary_reasons.clear();
            }
            _ => {}
        }
        if has(Field::ReasonConfirmed) {
            deal.reason_source = if row.confirmed { ReasonSource::ConfirmedByBuyer } else { ReasonSource::SalespersonView };
        }
        for (field, text, value) in [
            (Field::Notes, row.notes, &mut deal.notes),
            (Field::Product, row.product, &mut deal.tags.product),
            (Field::Segment, row.segment, &mut deal.tags.segment),
            (Field::Source, row.source, &mut deal.tags.source),
            (Field::SourceId, row.source_id, &mut deal.source_id),
        ] {
            if has(field) {
                text.clone_into(value);
            }
        }
        deal
    }

    /// The reasons of a `;`-separated list, each once, without the primary.
    fn secondary_reasons(&mut self, labels: &str, side: Side, primary: Option<&ReasonId>) -> Vec<ReasonId> {
        let mut reasons: Vec<ReasonId> = Vec::new();
        for label in labels.split(';').map(str::trim).filter(|label| !label.is_empty()) {
            if let Some(id) = self.reasons.resolve(label, side, &mut self.catalog.taxonomy) {
                if Some(&id) != primary && !reasons.contains(&id) {
                    reasons.push(id);
                }
            }
        }
        reasons
    }
}

/// Whether a yes/no cell says yes.
fn means_yes(text: &str) -> bool {
    !text.is_empty() && ["yes", "y", "true", "1", "x", "confirmed", "oui", "ja", "sí", "si"].iter().any(|yes| text.eq_ignore_ascii_case(yes)) || text == "✓"
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::domain::AppliesTo;
    use crate::io::import::{Choice, Questions, Survey};

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
    }

    fn today() -> NaiveDate {
        date(2026, 5, 1)
    }

    fn later() -> DateTime<Utc> {
        DateTime::UNIX_EPOCH + chrono::Duration::days(20_000)
    }

    fn usd() -> Currency {
        Currency::parse("USD").unwrap_or_else(|_| unreachable!("USD is a currency code"))
    }

    /// A sheet: its headers (mapped as `auto_map` would for any sheet unless
    /// a field is given) and rows.
    struct Sheet {
        fields: Vec<Field>,
        rows: Vec<Row>,
    }

    fn sheet(fields: &[Field], rows: &[&[&str]]) -> Sheet {
        let rows = rows
            .iter()
            .enumerate()
            .map(|(index, cells)| Row { number: index + 2, cells: cells.iter().map(|cell| (*cell).to_owned()).collect() })
            .collect();
        Sheet { fields: fields.to_vec(), rows }
    }

    impl Sheet {
        fn mapping(&self) -> ColumnMapping {
            ColumnMapping { columns: self.fields.iter().copied().map(Some).collect() }
        }

        fn headers(&self) -> Vec<String> {
            self.fields.iter().map(|field| field.label().to_owned()).collect()
        }

        fn questions(&self, catalog: &Catalog) -> Questions {
            let mut survey = Survey::new(&self.mapping());
            survey.add(&self.rows);
            survey.finish(catalog)
        }

        fn import_with(&self, answers: Answers, catalog: &Catalog, existing: &[Deal]) -> ImportPlan {
            let mut builder = ImportBuilder::new(&self.mapping(), &self.headers(), answers, catalog, existing, today(), later());
            let mut next = 0;
            let mut new_id = || {
                next += 1;
                DealId::new(format!("new-{next}"))
            };
            for chunk in self.rows.chunks(3) {
                builder.add(chunk, &mut new_id);
            }
            builder.finish()
        }

        fn import(&self, catalog: &Catalog, existing: &[Deal]) -> ImportPlan {
            self.import_with(self.questions(catalog).default_answers(usd()), catalog, existing)
        }
    }

    fn deal<'p>(plan: &'p ImportPlan, name: &str) -> &'p Deal {
        plan.deals.iter().find(|deal| deal.name == name).unwrap_or_else(|| panic!("no deal named {name} in {:?}", plan.deals))
    }

    fn reason_label(plan: &ImportPlan, deal: &Deal) -> Option<String> {
        deal.reason.as_ref().and_then(|id| plan.catalog.taxonomy.reason(id)).map(|reason| reason.label.clone())
    }

    fn owner_name(plan: &ImportPlan, deal: &Deal) -> Option<String> {
        deal.owner.as_ref().and_then(|id| plan.catalog.owners.name_of(id)).map(str::to_owned)
    }

    const SALESFORCE: [Field; 8] = [Field::Name, Field::Account, Field::Amount, Field::CloseDate, Field::Stage, Field::Owner, Field::LossReason, Field::CreatedOn];

    fn salesforce() -> Sheet {
        sheet(
            &SALESFORCE,
            &[
                &["Acme renewal", "Acme Corp", "$12,000.00", "3/14/2026", "Closed Lost", "Dana Smith", "Too expensive", "1/5/2026"],
                &["Globex pilot", "Globex", "4,500", "3/20/2026", "Closed Won", "Luis Ortega", "", ""],
                &["Initech expansion", "Initech", "", "6/30/2026", "Negotiation", "Dana Smith", "", ""],
                &["Umbrella", "Umbrella", "800", "2/2/2026", "Closed Lost", "", "Budget frozen", ""],
            ],
        )
    }

    #[test]
    fn rows_become_deals_with_their_names_reasons_and_owners() {
        let plan = salesforce().import(&Catalog::standard(), &[]);
        assert!(plan.problems.is_empty(), "{:?}", plan.problems);
        assert_eq!((plan.added, plan.updated, plan.skipped), (4, 0, 0));

        let acme = deal(&plan, "Acme renewal");
        assert_eq!(acme.id, DealId::new("new-1"));
        assert_eq!(acme.account, "Acme Corp");
        assert_eq!(acme.amount, Some(Money { minor: 1_200_000, currency: usd() }));
        assert_eq!((acme.outcome, acme.close_date, acme.created_on), (Outcome::Lost, Some(date(2026, 3, 14)), date(2026, 1, 5)));
        assert_eq!(reason_label(&plan, acme), Some("Too expensive".to_owned()));
        assert_eq!(owner_name(&plan, acme), Some("Dana Smith".to_owned()));
        assert_eq!(acme.stage, None, "an outcome is not a stage");
        assert_eq!(acme.updated_at, later());

        let globex = deal(&plan, "Globex pilot");
        assert_eq!((globex.outcome, globex.reason.clone()), (Outcome::Won, None));
        assert_eq!(globex.amount.as_ref().map(|money| money.minor), Some(450_000));
        assert_eq!(globex.created_on, date(2026, 3, 20), "created on its close date when the file does not say");

        let initech = deal(&plan, "Initech expansion");
        assert_eq!((initech.outcome, initech.amount.clone()), (Outcome::Open, None));
        assert_eq!(initech.stage, Some(StageId::new("stage-negotiation")));
        assert_eq!(initech.owner, acme.owner, "one owner for both");

        let umbrella = deal(&plan, "Umbrella");
        assert_eq!(owner_name(&plan, umbrella), None);
        let budget_frozen = umbrella.reason.as_ref().and_then(|id| plan.catalog.taxonomy.reason(id));
        assert_eq!(
            budget_frozen.map(|reason| (reason.id.as_str(), reason.label.as_str(), reason.category.as_str(), reason.applies_to)),
            Some(("lost-budget-frozen", "Budget frozen", "other", AppliesTo::Lost))
        );
        let owners: Vec<(&str, &str)> = plan.catalog.owners.items.iter().map(|item| (item.id.as_str(), item.name.as_str())).collect();
        assert_eq!(owners, [("owner:dana-smith", "Dana Smith"), ("owner:luis-ortega", "Luis Ortega")]);
        assert!(plan.catalog.taxonomy.validate().is_ok());
    }

    #[test]
    fn bad_rows_are_reported_with_their_row_and_column_and_left_out() {
        let bad = sheet(
            &[Field::Name, Field::Amount, Field::CloseDate, Field::Currency, Field::Owner],
            &[
                &["Good", "100", "2026-01-02", "", ""],
                &["", "100", "2026-01-02", "", ""],
                &["Bad amount", "12x", "2026-01-02", "", ""],
                &["Negative", "-5", "2026-01-02", "", ""],
                &["Bad date", "5", "12/45/2026", "", ""],
                &["Bad currency", "5", "", "Dollars", ""],
                &["Everything wrong", "abc", "soon", "", &"x".repeat(101)],
            ],
        );
        let plan = bad.import(&Catalog::standard(), &[]);
        let problems: Vec<(usize, &str, &str)> = plan.problems.iter().map(|p| (p.row, p.column.as_str(), p.message.as_str())).collect();
        assert_eq!(
            problems,
            [
                (3, "Deal name", "The deal has no name."),
                (4, "Amount", "“12x” is not an amount."),
                (5, "Amount", "“-5” is negative; amounts cannot be."),
                (6, "Close date", "“12/45/2026” is not a date."),
                (7, "Currency", "“Dollars” is not a currency code such as USD or EUR."),
                (8, "Amount", "“abc” is not an amount."),
                (8, "Close date", "“soon” is not a date."),
                (8, "Owner", "Keep names under 100 characters."),
            ]
        );
        assert_eq!(plan.deals.iter().map(|deal| deal.name.as_str()).collect::<Vec<_>>(), ["Good"]);
        assert_eq!(plan.added, 1);
        assert!(plan.catalog.owners.items.is_empty(), "bad rows add nothing to the lists");
    }

    #[test]
    fn importing_again_updates_skips_or_finds_nothing_changed() {
        let first = salesforce().import(&Catalog::standard(), &[]);
        let again = salesforce().import(&first.catalog, &first.deals);
        assert_eq!((again.added, again.updated, again.skipped), (0, 0, 4), "identical rows change nothing");
        assert!(again.deals.is_empty());
        assert_eq!(again.catalog, first.catalog);

        let mut changed = salesforce();
        changed.rows[2].cells[2] = "9,000".into();
        changed.rows[2].cells[4] = "Closed Lost".into();
        changed.rows[2].cells[6] = "Too expensive".into();
        let update = changed.import(&first.catalog, &first.deals);
        assert_eq!((update.added, update.updated, update.skipped), (0, 1, 3));
        let initech = deal(&update, "Initech expansion");
        let before = deal(&first, "Initech expansion");
        assert_eq!((&initech.id, initech.created_on), (&before.id, before.created_on));
        assert_eq!((initech.outcome, initech.amount.as_ref().map(|m| m.minor)), (Outcome::Lost, Some(900_000)));
        assert_eq!(initech.stage, before.stage, "the stage reached is kept when the file only says lost");
        assert_eq!(initech.updated_at, later());

        let skip = Answers { duplicates: DuplicatePolicy::Skip, ..changed.questions(&first.catalog).default_answers(usd()) };
        let skipped = changed.import_with(skip, &first.catalog, &first.deals);
        assert_eq!((skipped.added, skipped.updated, skipped.skipped, skipped.deals.len()), (0, 0, 4, 0));
    }

    #[test]
    fn a_row_repeated_in_the_file_is_one_deal() {
        let twice = sheet(
            &[Field::SourceId, Field::Name, Field::Amount],
            &[&["006A", "Acme", "100"], &["006B", "Globex", "200"], &["006A", "Acme renamed", "150"], &["006B", "Globex", "200"]],
        );
        let plan = twice.import(&Catalog::standard(), &[]);
        assert_eq!((plan.added, plan.updated, plan.skipped), (2, 1, 1));
        assert_eq!(plan.deals.iter().map(|deal| (deal.name.as_str(), deal.source_id.as_str())).collect::<Vec<_>>(), [("Acme renamed", "006A"), ("Globex", "006B")]);
        let by_name = sheet(
            &[Field::Name, Field::Account, Field::CloseDate],
            &[&["Acme", "Acme Corp", "2026-01-02"], &[" ACME", "acme corp ", "2026-01-02"], &["Acme", "Acme Corp", "2026-01-03"]],
        );
        assert_eq!(by_name.import(&Catalog::standard(), &[]).deals.len(), 2);
    }

    #[test]
    fn winloss_ids_are_kept_and_reasons_entered_since_survive_an_update() {
        let first = sheet(&[Field::DealId, Field::Name, Field::Amount], &[&["d-1", "Acme", "100"]]).import(&Catalog::standard(), &[]);
        assert_eq!(first.deals[0].id, DealId::new("d-1"));
        let mut closed = first.deals[0].clone();
        closed.outcome = Outcome::Lost;
        closed.reason = Some(ReasonId::new("lost-no-budget"));
        let update = sheet(&[Field::DealId, Field::Name, Field::Amount], &[&["d-1", "Acme", "300"], &["d-2", "Globex", "5"]]).import(&first.catalog, &[closed]);
        assert_eq!((update.added, update.updated), (1, 1));
        let acme = deal(&update, "Acme");
        assert_eq!((acme.outcome, acme.reason.clone()), (Outcome::Lost, Some(ReasonId::new("lost-no-budget"))));
        assert_eq!(acme.amount.as_ref().map(|money| money.minor), Some(30_000));
        assert_eq!(deal(&update, "Globex").id, DealId::new("d-2"));
    }

    #[test]
    fn pipedrive_deals_close_when_they_were_won_or_lost() {
        let pipedrive = sheet(
            &[Field::Name, Field::Outcome, Field::CloseDate, Field::WonOn, Field::LostOn, Field::LossReason, Field::Stage],
            &[
                &["Won deal", "won", "2026-06-30", "2026-03-02 10:15:00", "", "", "Proposal"],
                &["Lost deal", "lost", "2026-06-30", "", "2026-03-05 09:00:00", "Price", "Demo"],
                &["Open deal", "open", "2026-06-30", "", "", "", "Qualification"],
                &["Deleted deal", "deleted", "", "", "", "", "Demo"],
            ],
        );
        let plan = pipedrive.import(&Catalog::standard(), &[]);
        let closed: Vec<(&str, Outcome, Option<NaiveDate>, Option<&str>)> =
            plan.deals.iter().map(|d| (d.name.as_str(), d.outcome, d.close_date, d.stage.as_ref().map(StageId::as_str))).collect();
        assert_eq!(
            closed,
            [
                ("Won deal", Outcome::Won, Some(date(2026, 3, 2)), Some("stage-proposal")),
                ("Lost deal", Outcome::Lost, Some(date(2026, 3, 5)), Some("stage-demo")),
                ("Open deal", Outcome::Open, Some(date(2026, 6, 30)), Some("stage-qualification")),
                ("Deleted deal", Outcome::Disqualified, None, Some("stage-demo")),
            ]
        );
        assert_eq!(reason_label(&plan, deal(&plan, "Lost deal")), Some("Price".to_owned()));
    }

    #[test]
    fn an_open_stage_with_a_loss_reason_is_a_loss_in_that_stage() {
        let odoo = sheet(&[Field::Name, Field::Stage, Field::LossReason], &[&["Lead", "Proposition", "Too expensive"], &["Won lead", "Won", ""]]);
        let plan = odoo.import(&Catalog::standard(), &[]);
        let lead = deal(&plan, "Lead");
        assert_eq!((lead.outcome, reason_label(&plan, lead)), (Outcome::Lost, Some("Too expensive".to_owned())));
        assert_eq!(lead.stage.as_ref().and_then(|id| plan.catalog.stages.name_of(id)), Some("Proposition"));
        assert_eq!(deal(&plan, "Won lead").outcome, Outcome::Won);
    }

    #[test]
    fn answers_decide_what_texts_become() {
        let file = sheet(
            &[Field::Name, Field::Outcome, Field::Reason, Field::SecondaryReasons, Field::Owner, Field::Competitor, Field::ReasonConfirmed, Field::CloseDate],
            &[
                &["A", "Gagné", "Price", "Timing; price; Relationship", "Bot", "Initech", "yes", "4/3/2026"],
                &["B", "Perdu", "Price", "", "Dana", "initech", "no", "5/3/2026"],
            ],
        );
        let questions = file.questions(&Catalog::standard());
        assert!(matches!(questions.date_order, crate::io::import::DateOrderQuestion::Ask { .. }));
        let mut answers = questions.default_answers(usd());
        answers.outcomes = HashMap::from([("gagné".to_owned(), Outcome::Won), ("PERDU".to_owned(), Outcome::Lost)]);
        answers.reasons.insert((Side::Won, "Price".to_owned()), Choice::Existing(ReasonId::new("won-best-value")));
        answers.reasons.insert((Side::Won, "Timing".to_owned()), Choice::Ignore);
        answers.reasons.insert((Side::Lost, "Price".to_owned()), Choice::Existing(ReasonId::new("lost-too-expensive")));
        answers.owners.insert("Bot".to_owned(), Choice::Ignore);
        answers.date_order = DateOrder::DayFirst;
        let plan = file.import_with(answers, &Catalog::standard(), &[]);
        let a = deal(&plan, "A");
        assert_eq!((a.outcome, a.reason.clone(), a.owner.clone()), (Outcome::Won, Some(ReasonId::new("won-best-value")), None));
        assert_eq!(a.secondary_reasons.len(), 1, "Timing ignored, Price is the primary: only Relationship is left");
        assert_eq!(a.reason_source, ReasonSource::ConfirmedByBuyer);
        assert_eq!(a.close_date, Some(date(2026, 3, 4)));
        let b = deal(&plan, "B");
        assert_eq!((b.outcome, b.reason.clone()), (Outcome::Lost, Some(ReasonId::new("lost-too-expensive"))));
        assert_eq!(b.reason_source, ReasonSource::SalespersonView);
        assert_eq!(a.competitor, b.competitor);
        assert_eq!(plan.catalog.competitors.items.len(), 1);
    }

    #[test]
    fn currencies_come_from_the_column_then_the_symbol_then_the_answer() {
        let file = sheet(&[Field::Name, Field::Amount, Field::Currency], &[&["A", "1.200,50", "EUR"], &["B", "£3,5", ""], &["C", "7", ""], &["D", "¥1,500", "jpy"]]);
        let questions = file.questions(&Catalog::standard());
        assert!(questions.currency_needed);
        let eur = Currency::parse("EUR").unwrap_or_else(|_| unreachable!());
        let plan = file.import_with(questions.default_answers(eur.clone()), &Catalog::standard(), &[]);
        let amounts: Vec<(i64, &str)> = plan.deals.iter().filter_map(|deal| deal.amount.as_ref()).map(|money| (money.minor, money.currency.code())).collect();
        assert_eq!(amounts, [(120_050, "EUR"), (350, "GBP"), (700, "EUR"), (1_500, "JPY")]);
    }
}
