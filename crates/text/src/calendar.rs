//! Month and weekday names, read from the word lists once.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::{MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS};

struct Calendar {
    /// Lowercase full names and abbreviations → month number 1–12.
    months: FxHashMap<&'static str, u8>,
    /// Full month names and weekdays, lowercase.
    month_and_day_names: FxHashSet<&'static str>,
}

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(|| {
        let mut months = FxHashMap::default();
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

/// Where each month's name lies in the months list, by month number − 1,
/// worked out at compile time: the browser app looks names up without
/// parsing anything.
const MONTH_NAME_SPANS: [(usize, usize); 12] = month_name_spans(MONTHS.text.as_bytes());

/// The byte spans of the names in `list` lines of the form `name = number`
/// (comment lines skipped), by number − 1.
const fn month_name_spans(list: &[u8]) -> [(usize, usize); 12] {
    let mut spans = [(0, 0); 12];
    let mut at = 0;
    while at < list.len() {
        let start = at;
        while at < list.len() && list[at] != b'\n' {
            at += 1;
        }
        let (mut name_end, mut number) = (start, 0usize);
        while name_end < at && list[name_end] != b' ' {
            name_end += 1;
        }
        let mut digit = name_end;
        while digit < at {
            if list[digit].is_ascii_digit() {
                number = number * 10 + (list[digit] - b'0') as usize;
            }
            digit += 1;
        }
        if list[start] != b'#' && number >= 1 && number <= 12 {
            spans[number - 1] = (start, name_end);
        }
        at += 1;
    }
    spans
}

/// The English name of month `number` (1–12), capitalised: "January".
pub fn month_name(number: u8) -> Option<String> {
    let &(start, end) = MONTH_NAME_SPANS.get(usize::from(number.checked_sub(1)?))?;
    let mut name = MONTHS
        .text
        .get(start..end)
        .filter(|n| !n.is_empty())?
        .to_string();
    name[..1].make_ascii_uppercase();
    Some(name)
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
