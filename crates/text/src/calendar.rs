//! Month and weekday names, read from the word lists once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lexicon::{MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS};

struct Calendar {
    /// Lowercase full names and abbreviations → month number 1–12.
    months: HashMap<&'static str, u8>,
    /// Full names by month number − 1, lowercase.
    full_names: [&'static str; 12],
    /// Full month names and weekdays, lowercase.
    month_and_day_names: HashSet<&'static str>,
}

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(|| {
        let mut full_names = [""; 12];
        let mut months = HashMap::new();
        for (name, number) in MONTHS.pairs() {
            if let Ok(n @ 1..=12) = number.parse::<u8>() {
                full_names[usize::from(n - 1)] = name;
                months.insert(name, n);
            }
        }
        for (name, number) in MONTH_ABBREVIATIONS.pairs() {
            if let Ok(n @ 1..=12) = number.parse::<u8>() {
                months.insert(name, n);
            }
        }
        let month_and_day_names = full_names
            .iter()
            .copied()
            .chain(WEEKDAYS.entries())
            .collect();
        Calendar {
            months,
            full_names,
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
pub fn month_name(number: u8) -> Option<String> {
    let name = calendar()
        .full_names
        .get(usize::from(number.checked_sub(1)?))?;
    let mut chars = name.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
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
