//! When to remind the user to make a backup: after some days, or after some
//! deals changed, whichever comes first; never more often than that, and
//! never before there is something worth keeping.

use chrono::{DateTime, Utc};

use crate::io::wording::count;

/// What the user chose; 0 turns that half of the reminder off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReminderRule {
    pub after_days: u32,
    pub after_changed_deals: usize,
}

impl Default for ReminderRule {
    fn default() -> Self {
        ReminderRule { after_days: 14, after_changed_deals: 50 }
    }
}

/// The reminder to show, if one is due. `changed` counts deals changed since
/// the last backup (every deal when there was none).
pub fn backup_reminder(rule: ReminderRule, last_backup: Option<DateTime<Utc>>, now: DateTime<Utc>, changed: usize) -> Option<String> {
    if changed == 0 {
        return None;
    }
    let enough_changes = rule.after_changed_deals > 0 && changed >= rule.after_changed_deals;
    match last_backup {
        None if enough_changes => Some(format!("{} and no backup yet: download one to keep them safe.", count(changed, "deal", "deals"))),
        None => None,
        Some(last) => {
            let days = (now - last).num_days().max(0);
            let old_enough = rule.after_days > 0 && days >= i64::from(rule.after_days);
            (old_enough || enough_changes).then(|| {
                let age = count(usize::try_from(days).unwrap_or(usize::MAX), "day", "days");
                format!("Last backup {age} ago; {} changed since.", count(changed, "deal", "deals"))
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> DateTime<Utc> {
        DateTime::from_timestamp(1_764_547_200 + i64::from(day) * 86_400, 0).expect("valid time")
    }

    #[test]
    fn nothing_changed_means_no_reminder_however_old_the_backup() {
        assert_eq!(backup_reminder(ReminderRule::default(), Some(at(0)), at(400), 0), None);
    }

    #[test]
    fn days_or_changes_whichever_comes_first() {
        let rule = ReminderRule { after_days: 14, after_changed_deals: 50 };
        assert_eq!(backup_reminder(rule, Some(at(0)), at(13), 49), None);
        assert_eq!(backup_reminder(rule, Some(at(0)), at(14), 1).as_deref(), Some("Last backup 14 days ago; 1 deal changed since."));
        assert_eq!(backup_reminder(rule, Some(at(0)), at(1), 50).as_deref(), Some("Last backup 1 day ago; 50 deals changed since."));
    }

    #[test]
    fn without_any_backup_it_waits_for_enough_deals() {
        let rule = ReminderRule::default();
        assert_eq!(backup_reminder(rule, None, at(0), 49), None);
        assert_eq!(backup_reminder(rule, None, at(0), 50).as_deref(), Some("50 deals and no backup yet: download one to keep them safe."));
    }

    #[test]
    fn zero_turns_a_half_off() {
        let days_only = ReminderRule { after_days: 7, after_changed_deals: 0 };
        assert_eq!(backup_reminder(days_only, None, at(0), 10_000), None);
        assert_eq!(backup_reminder(days_only, Some(at(0)), at(6), 10_000), None);
        assert!(backup_reminder(days_only, Some(at(0)), at(7), 1).is_some());
        let off = ReminderRule { after_days: 0, after_changed_deals: 0 };
        assert_eq!(backup_reminder(off, Some(at(0)), at(999), 99_999), None);
    }
}
