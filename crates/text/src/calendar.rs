//! Month and weekday names, read from the word lists once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lexicon::{MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS};

struct Calendar {
    /// Lowercase full names and abbreviations → month number 1–12.
    months: HashMap<&'static str, u8>,
    /// Full month names and weekdays, lowercase.
    month_and_day_names: HashSet<&'static str>,
}

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(|| {
        let mut months = HashMap::new();
        for (name, number) in MONTHS.pairs() {
            if let Ok(n @ 1..=12) = number.parse::<u8>() {
                months.insert(name, n);
            }
        }
        for (name, number) in MONTH_ABBREVIATIONS.pairs() {
            if let Ok(n @ 1..=12) = number.parse::<u8>() {
                months.insert(name, n);
            }
        }
        let month_and_day_names = MONTHS
            .pairs()
            .map(|(name, _)| name)
            .chain(WEEKDAYS.entries())
            .collect();
        Calendar {
            months,
            month_and_day_names,
        }
    })
}

/// The number (1–12) of a month written in full or abbreviated, any case:
/// "January", "jan", "Sept".
pub fn month_number(word: &str) -> Option<u8> {
    calendar().months.get(word.to_lowercase().as_str()).copied()
}

/// The English name of month `number` (1–12), capitalised: "January".
/// Reads the list directly rather than the parsed tables, so the browser
/// app, which needs only this, carries no hash tables for it.
pub fn month_name(number: u8) -> Option<String> {
    let (name, _) = MONTHS
        .pairs()
        .find(|(_, n)| n.parse::<u8>() == Ok(number))?;
    let mut out = name.to_string();
    out[..1].make_ascii_uppercase();
    Some(out)
}

/// Whether `word` (any case) is a month's full name or a weekday.
pub fn is_month_or_weekday(word: &str) -> bool {
    calendar()
        .month_and_day_names
        .contains(word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays() {
        let rows: &[(&str, Option<u8>)] = &[
            ("January", Some(1)),
            ("jan", Some(1)),
            ("Sept", Some(9)),
            ("sep", Some(9)),
            ("DECEMBER", Some(12)),
            ("May", Some(5)),
            ("Monday", None),
            ("Janu", None),
        ];
        for &(word, want) in rows {
            assert_eq!(month_number(word), want, "month number of {word:?}");
        }
        assert_eq!(month_name(1).as_deref(), Some("January"));
        assert_eq!(month_name(12).as_deref(), Some("December"));
        assert_eq!(month_name(0), None);
        assert_eq!(month_name(13), None);
        assert!(is_month_or_weekday("Friday"));
        assert!(is_month_or_weekday("march"));
        assert!(!is_month_or_weekday("Mar"));
        assert!(!is_month_or_weekday("Hunt"));
    }
}
