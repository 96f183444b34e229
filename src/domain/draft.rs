use chrono::{DateTime, NaiveDate, Utc};
use thiserror::Error;

use super::{parse_amount, AmountError, Currency, CurrencyError, Deal, DealId, Money, Outcome};

const MAX_TEXT_LENGTH: usize = 200;
const MAX_NOTES_LENGTH: usize = 10_000;

/// What a person typed into the *New deal* form, before validation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealDraft {
    pub name: String,
    pub account: String,
    pub amount: String,
    pub currency: String,
    pub owner: String,
    /// `YYYY-MM-DD`, as a date input gives it, or empty.
    pub close_date: String,
    pub notes: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DealField {
    Name,
    Account,
    Amount,
    Currency,
    Owner,
    CloseDate,
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
    /// A new open deal from the draft, or every problem with it; nothing is
    /// half-built.
    pub fn into_deal(&self, id: DealId, today: NaiveDate, now: DateTime<Utc>) -> Result<Deal, DraftErrors> {
        let mut errors = DraftErrors::default();

        let name = self.name.trim();
        if name.is_empty() {
            errors.push(DealField::Name, DraftError::NameMissing);
        } else if name.chars().count() > MAX_TEXT_LENGTH {
            errors.push(DealField::Name, DraftError::TooLong);
        }
        for (field, text) in [(DealField::Account, &self.account), (DealField::Owner, &self.owner)] {
            if text.trim().chars().count() > MAX_TEXT_LENGTH {
                errors.push(field, DraftError::TooLong);
            }
        }
        if self.notes.chars().count() > MAX_NOTES_LENGTH {
            errors.push(DealField::Notes, DraftError::NotesTooLong);
        }

        let amount = match Currency::parse(&self.currency) {
            Err(error) => {
                errors.push(DealField::Currency, error.into());
                None
            }
            Ok(currency) if !self.amount.trim().is_empty() => match parse_amount(&self.amount, &currency) {
                Ok(minor) => Some(Money { minor, currency }),
                Err(error) => {
                    errors.push(DealField::Amount, error.into());
                    None
                }
            },
            Ok(_) => None,
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

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Deal {
            id,
            name: name.to_owned(),
            account: self.account.trim().to_owned(),
            amount,
            owner: self.owner.trim().to_owned(),
            created_on: today,
            close_date,
            outcome: Outcome::Open,
            reason: None,
            notes: self.notes.trim().to_owned(),
            updated_at: now,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            notes: String::new(),
        }
    }

    fn errors_of(draft: DealDraft) -> DraftErrors {
        match draft.into_deal(DealId::new("d1"), today(), DateTime::UNIX_EPOCH) {
            Ok(deal) => panic!("expected errors, got {deal:?}"),
            Err(errors) => errors,
        }
    }

    #[test]
    fn a_complete_draft_becomes_an_open_deal() {
        let deal = draft().into_deal(DealId::new("d1"), today(), DateTime::UNIX_EPOCH).expect("valid draft");
        assert_eq!(deal.name, "Acme renewal");
        assert_eq!(deal.outcome, Outcome::Open);
        assert_eq!(deal.amount.as_ref().map(|m| (m.minor, m.currency.code())), Some((1_200_000, "USD")));
        assert_eq!(deal.close_date, NaiveDate::from_ymd_opt(2026, 12, 20));
        assert_eq!(deal.created_on, today());
    }

    #[test]
    fn only_the_name_is_required() {
        let minimal = DealDraft { name: "Pilot".into(), currency: "EUR".into(), ..DealDraft::default() };
        let deal = minimal.into_deal(DealId::new("d2"), today(), DateTime::UNIX_EPOCH).expect("valid draft");
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
}
