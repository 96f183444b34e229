use chrono::{DateTime, NaiveDate, Utc};
use thiserror::Error;

use super::{
    parse_amount, AmountError, Catalog, CompetitorId, Currency, CurrencyError, Deal, DealId, Money, NameError, OwnerId,
    ReasonSource, StageId, Tags,
};

const MAX_TEXT_LENGTH: usize = 200;
const MAX_NOTES_LENGTH: usize = 10_000;

/// What a person typed into the *New deal* form, before validation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealDraft {
    pub name: String,
    pub account: String,
    pub amount: String,
    pub currency: String,
    /// The owner's name; a new name adds the owner to the list.
    pub owner: String,
    /// A stage id from the catalog, or empty.
    pub stage: String,
    /// `YYYY-MM-DD`, as a date input gives it, or empty.
    pub close_date: String,
    /// The competitor's name; a new name adds the competitor to the list.
    pub competitor: String,
    pub confirmed_by_buyer: bool,
    pub product: String,
    pub segment: String,
    pub source: String,
    pub notes: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DealField {
    Name,
    Account,
    Amount,
    Currency,
    Owner,
    Stage,
    CloseDate,
    Competitor,
    Tags,
    Notes,
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DraftError {
    #[error("Enter a name for the deal.")]
    NameMissing,
    #[error("Keep this under {MAX_TEXT_LENGTH} characters.")]
    TooLong,
    #[error("Keep notes under {MAX_NOTES_LENGTH} characters.")]
    NotesTooLong,
    #[error("{0}")]
    Amount(#[from] AmountError),
    #[error("{0}")]
    Currency(#[from] CurrencyError),
    #[error("“{0}” is not a date. Use the form YYYY-MM-DD.")]
    CloseDate(String),
    #[error("Pick a stage from the list.")]
    UnknownStage,
    #[error("{0}")]
    Name(#[from] NameError),
}

/// Every problem found in a draft, each tied to the field it concerns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftErrors(Vec<(DealField, DraftError)>);

impl DraftErrors {
    pub fn for_field(&self, field: DealField) -> Option<&DraftError> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, error)| error)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn fields(&self) -> impl Iterator<Item = DealField> + '_ {
        self.0.iter().map(|(field, _)| *field)
    }

    fn push(&mut self, field: DealField, error: DraftError) {
        self.0.push((field, error));
    }
}

impl DealDraft {
    /// The form as it starts when editing `deal`.
    pub fn from_deal(deal: &Deal, catalog: &Catalog) -> DealDraft {
        DealDraft {
            name: deal.name.clone(),
            account: deal.account.clone(),
            amount: deal.amount.as_ref().map(plain_amount).unwrap_or_default(),
            currency: deal.amount.as_ref().map(|m| m.currency.code().to_owned()).unwrap_or_default(),
            owner: deal.owner.as_ref().and_then(|id| catalog.owners.name_of(id)).unwrap_or_default().to_owned(),
            stage: deal.stage.as_ref().map(ToString::to_string).unwrap_or_default(),
            close_date: deal.close_date.map(|d| d.to_string()).unwrap_or_default(),
            competitor: deal.competitor.as_ref().and_then(|id| catalog.competitors.name_of(id)).unwrap_or_default().to_owned(),
            confirmed_by_buyer: deal.reason_source == ReasonSource::ConfirmedByBuyer,
            product: deal.tags.product.clone(),
            segment: deal.tags.segment.clone(),
            source: deal.tags.source.clone(),
            notes: deal.notes.clone(),
        }
    }

    /// A new open deal from the draft, or every problem with it; nothing is
    /// half-built. New owner or competitor names are added to `catalog`, with
    /// ids from `new_id`.
    pub fn into_deal(
        &self,
        id: DealId,
        catalog: &mut Catalog,
        new_id: &mut dyn FnMut() -> String,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Deal, DraftErrors> {
        let blank = Deal::new_open(id, "", today, now);
        self.applied_to(&blank, catalog, new_id, now)
    }

    /// `deal` with the draft's fields, keeping its outcome and reasons.
    pub fn applied_to(
        &self,
        deal: &Deal,
        catalog: &mut Catalog,
        new_id: &mut dyn FnMut() -> String,
        now: DateTime<Utc>,
    ) -> Result<Deal, DraftErrors> {
        let mut errors = DraftErrors::default();

        let name = self.name.trim();
        if name.is_empty() {
            errors.push(DealField::Name, DraftError::NameMissing);
        } else if name.chars().count() > MAX_TEXT_LENGTH {
            errors.push(DealField::Name, DraftError::TooLong);
        }
        for (field, text) in [
            (DealField::Account, &self.account),
            (DealField::Owner, &self.owner),
            (DealField::Competitor, &self.competitor),
            (DealField::Tags, &self.product),
            (DealField::Tags, &self.segment),
            (DealField::Tags, &self.source),
        ] {
            if text.trim().chars().count() > MAX_TEXT_LENGTH && errors.for_field(field).is_none() {
                errors.push(field, DraftError::TooLong);
            }
        }
        if self.notes.chars().count() > MAX_NOTES_LENGTH {
            errors.push(DealField::Notes, DraftError::NotesTooLong);
        }

        let amount = if self.amount.trim().is_empty() {
            None
        } else {
            match Currency::parse(&self.currency) {
                Err(error) => {
                    errors.push(DealField::Currency, error.into());
                    None
                }
                Ok(currency) => match parse_amount(&self.amount, &currency) {
                    Ok(minor) => Some(Money { minor, currency }),
                    Err(error) => {
                        errors.push(DealField::Amount, error.into());
                        None
                    }
                },
            }
        };

        let close_date_text = self.close_date.trim();
        let close_date = if close_date_text.is_empty() {
            None
        } else {
            match NaiveDate::parse_from_str(close_date_text, "%Y-%m-%d") {
                Ok(date) => Some(date),
                Err(_) => {
                    errors.push(DealField::CloseDate, DraftError::CloseDate(close_date_text.to_owned()));
                    None
                }
            }
        };

        let stage = match self.stage.trim() {
            "" => None,
            id => {
                let id = StageId::new(id);
                if catalog.stages.get(&id).is_none() {
                    errors.push(DealField::Stage, DraftError::UnknownStage);
                }
                Some(id)
            }
        };

        if !errors.is_empty() {
            return Err(errors);
        }

        // Only now that nothing can fail half-way are new names added.
        let mut updated = catalog.clone();
        let owner = match self.owner.trim() {
            "" => None,
            name => Some(updated.owners.add_or_find(name, OwnerId::new(new_id())).map_err(|e| single(DealField::Owner, e))?),
        };
        let competitor = match self.competitor.trim() {
            "" => None,
            name => Some(
                updated
                    .competitors
                    .add_or_find(name, CompetitorId::new(new_id()))
                    .map_err(|e| single(DealField::Competitor, e))?,
            ),
        };
        *catalog = updated;

        Ok(Deal {
            name: name.to_owned(),
            account: self.account.trim().to_owned(),
            amount,
            owner,
            stage,
            close_date,
            competitor,
            reason_source: if self.confirmed_by_buyer { ReasonSource::ConfirmedByBuyer } else { ReasonSource::SalespersonView },
            notes: self.notes.trim().to_owned(),
            tags: Tags {
                product: self.product.trim().to_owned(),
                segment: self.segment.trim().to_owned(),
                source: self.source.trim().to_owned(),
            },
            updated_at: now,
            ..deal.clone()
        })
    }
}

fn single(field: DealField, error: NameError) -> DraftErrors {
    let mut errors = DraftErrors::default();
    errors.push(field, error.into());
    errors
}

/// An amount as it would be typed back in: digits and a decimal point.
fn plain_amount(money: &Money) -> String {
    let digits = money.currency.minor_digits() as usize;
    let divisor = 10i64.pow(digits as u32);
    if digits == 0 {
        money.minor.to_string()
    } else {
        format!("{}.{:0width$}", money.minor / divisor, money.minor % divisor, width = digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Outcome;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).expect("valid date")
    }

    fn draft() -> DealDraft {
        DealDraft {
            name: "  Acme renewal ".into(),
            account: "Acme Corp".into(),
            amount: "12,000".into(),
            currency: "usd".into(),
            owner: "Dana".into(),
            close_date: "2026-12-20".into(),
            ..DealDraft::default()
        }
    }

    fn ids() -> impl FnMut() -> String {
        let mut next = 0;
        move || {
            next += 1;
            format!("id-{next}")
        }
    }

    fn build(draft: &DealDraft, catalog: &mut Catalog) -> Result<Deal, DraftErrors> {
        draft.into_deal(DealId::new("d1"), catalog, &mut ids(), today(), DateTime::UNIX_EPOCH)
    }

    fn errors_of(draft: DealDraft) -> DraftErrors {
        match build(&draft, &mut Catalog::standard()) {
            Ok(deal) => panic!("expected errors, got {deal:?}"),
            Err(errors) => errors,
        }
    }

    #[test]
    fn a_complete_draft_becomes_an_open_deal() {
        let mut catalog = Catalog::standard();
        let deal = build(&draft(), &mut catalog).expect("valid draft");
        assert_eq!(deal.owner.as_ref().and_then(|id| catalog.owners.name_of(id)), Some("Dana"));
        assert_eq!(deal.name, "Acme renewal");
        assert_eq!(deal.outcome, Outcome::Open);
        assert_eq!(deal.amount.as_ref().map(|m| (m.minor, m.currency.code())), Some((1_200_000, "USD")));
        assert_eq!(deal.close_date, NaiveDate::from_ymd_opt(2026, 12, 20));
        assert_eq!(deal.created_on, today());
    }

    #[test]
    fn only_the_name_is_required() {
        let minimal = DealDraft { name: "Pilot".into(), currency: "EUR".into(), ..DealDraft::default() };
        let deal = build(&minimal, &mut Catalog::standard()).expect("valid draft");
        assert_eq!(deal.amount, None);
        assert_eq!(deal.close_date, None);
    }

    #[test]
    fn an_empty_name_is_refused() {
        let errors = errors_of(DealDraft { name: "   ".into(), ..draft() });
        assert_eq!(errors.for_field(DealField::Name), Some(&DraftError::NameMissing));
    }

    #[test]
    fn a_bad_amount_is_refused_with_its_reason() {
        let errors = errors_of(DealDraft { amount: "12x".into(), ..draft() });
        assert_eq!(
            errors.for_field(DealField::Amount).map(ToString::to_string),
            Some("“12x” is not an amount. Use digits, such as 12000 or 12,000.50.".to_owned())
        );
        let errors = errors_of(DealDraft { amount: "-3".into(), ..draft() });
        assert_eq!(errors.for_field(DealField::Amount), Some(&DraftError::Amount(AmountError::Negative)));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let errors = errors_of(DealDraft {
            name: String::new(),
            currency: "dollars".into(),
            close_date: "next week".into(),
            ..draft()
        });
        let fields: Vec<DealField> = errors.fields().collect();
        assert_eq!(fields, vec![DealField::Name, DealField::Currency, DealField::CloseDate]);
    }

    #[test]
    fn overlong_text_is_refused() {
        let errors = errors_of(DealDraft { account: "x".repeat(201), ..draft() });
        assert_eq!(errors.for_field(DealField::Account), Some(&DraftError::TooLong));
    }

    #[test]
    fn a_refused_draft_adds_nothing_to_the_lists() {
        let mut catalog = Catalog::standard();
        let refused = DealDraft { name: String::new(), owner: "Newcomer".into(), competitor: "Hooli".into(), ..draft() };
        assert!(build(&refused, &mut catalog).is_err());
        assert!(catalog.owners.items.is_empty());
        assert!(catalog.competitors.items.is_empty());
    }

    #[test]
    fn a_known_owner_is_reused_and_an_unknown_stage_refused() {
        let mut catalog = Catalog::standard();
        let first = build(&draft(), &mut catalog).expect("valid");
        let second = build(&DealDraft { owner: "dana".into(), ..draft() }, &mut catalog).expect("valid");
        assert_eq!(first.owner, second.owner);
        assert_eq!(catalog.owners.items.len(), 1);
        let errors = errors_of(DealDraft { stage: "stage-imaginary".into(), ..draft() });
        assert_eq!(errors.for_field(DealField::Stage), Some(&DraftError::UnknownStage));
    }

    #[test]
    fn editing_round_trips_through_the_form() {
        let mut catalog = Catalog::standard();
        let complete = DealDraft {
            stage: "stage-demo".into(),
            competitor: "Initech".into(),
            confirmed_by_buyer: true,
            product: "Analytics".into(),
            segment: "Mid-market".into(),
            source: "Referral".into(),
            notes: "Keep in touch".into(),
            amount: "12000.50".into(),
            ..draft()
        };
        let deal = build(&complete, &mut catalog).expect("valid");
        let again = DealDraft::from_deal(&deal, &catalog);
        assert_eq!(again, DealDraft { name: "Acme renewal".into(), currency: "USD".into(), ..complete });
        let edited = DealDraft { name: "Acme renewal 2027".into(), ..again }
            .applied_to(&deal, &mut catalog, &mut ids(), DateTime::UNIX_EPOCH)
            .expect("valid");
        assert_eq!(edited.id, deal.id);
        assert_eq!(edited.name, "Acme renewal 2027");
        assert_eq!(edited.tags.segment, "Mid-market");
    }
}
