//! Finds the dates a text writes: full dates, month-and-year dates and,
//! given the document's own date, days and months without a year.
//!
//! Invariant: a date found is one the text writes and one the calendar has
//! (no 31 February); a day and month without a year takes the year of the
//! document's date, and is found only when that is known.
//!
//! Dates are read by [`DATE_RULES`], an ordered fallback chain in the manner
//! of a date parser: each rule returns `None` for "not my pattern",
//! `Some(None)` for "my pattern, but not a real date" (31 February) and
//! `Some(Some(date))` otherwise.

use corpus_model::{DateMention, PartialDate};
use corpus_text::calendar::month_number;

/// Every date written in `text` with a year, in order.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < text.len() {
        let at_word_start = at == 0 || !(bytes[at - 1] as char).is_ascii_alphanumeric();
        let hit = if at_word_start && bytes[at].is_ascii_alphanumeric() {
            DATE_RULES.iter().find_map(|rule| rule(&text[at..]))
        } else {
            None
        };
        match hit {
            Some((len, Some(date))) => {
                found.push(DateMention {
                    start: at as u32,
                    end: (at + len) as u32,
                    date,
                });
                at += len;
            }
            Some((len, None)) => at += len,
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    found
}

/// Dates with a day and month but no year ("30th January"), given the year
/// of `anchor`, the document's date.
pub fn find_yearless_dates(
    text: &str,
    anchor: PartialDate,
    known: &[DateMention],
) -> Vec<DateMention> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut covered = Covered::new(known);
    for (at, _) in text.char_indices() {
        if (at > 0 && (bytes[at - 1] as char).is_ascii_alphanumeric())
            || !bytes[at].is_ascii_digit()
        {
            continue;
        }
        if covered.contains(at) {
            continue;
        }
        if let Some((len, day, month)) = day_month(&text[at..]) {
            if day <= days_in_month(anchor.year, month) {
                found.push(DateMention {
                    start: at as u32,
                    end: (at + len) as u32,
                    date: PartialDate {
                        year: anchor.year,
                        month: Some(month),
                        day: Some(day),
                    },
                });
            }
        }
    }
    found
}

/// Whether offsets, asked in increasing order, fall inside any of a set of
/// ranges: the ranges are sorted once and passed once, so that a text with
/// many dates costs linear time.
struct Covered {
    /// `(start, end)`, by start.
    ranges: Vec<(usize, usize)>,
    /// Ranges starting at or before the last offset asked.
    passed: usize,
    /// The furthest end among them.
    reach: usize,
}

impl Covered {
    fn new(known: &[DateMention]) -> Self {
        let mut ranges: Vec<(usize, usize)> = known
            .iter()
            .map(|d| (d.start as usize, d.end as usize))
            .collect();
        ranges.sort_unstable();
        Covered {
            ranges,
            passed: 0,
            reach: 0,
        }
    }

    /// Whether `at` (no smaller than any offset asked before) is inside a
    /// range.
    fn contains(&mut self, at: usize) -> bool {
        while let Some(&(start, end)) = self.ranges.get(self.passed) {
            if start > at {
                break;
            }
            self.reach = self.reach.max(end);
            self.passed += 1;
        }
        at < self.reach
    }
}

/// `(bytes matched, the date if it is a real one)`.
type DateHit = Option<(usize, Option<PartialDate>)>;

/// The date patterns in the order they are tried, most specific first.
const DATE_RULES: &[fn(&str) -> DateHit] = &[
    day_month_year,
    month_day_year,
    iso_date,
    numeric_date,
    month_year,
];

/// "08 February 2024", "8th Feb. 2024", "30 January, 2024".
fn day_month_year(s: &str) -> DateHit {
    let (len, day, month) = day_month(s)?;
    let (more, year) = year_after(&s[len..])?;
    Some((len + more, checked(year, month, day)))
}

/// "February 8, 2024", "March 24 1987".
fn month_day_year(s: &str) -> DateHit {
    let (len, month) = month_name(s)?;
    let rest = &s[len..];
    let spaces = rest.len() - rest.trim_start().len();
    if spaces == 0 {
        return None;
    }
    let (day_len, day) = ordinal(&rest[spaces..])?;
    let (more, year) = year_after(&rest[spaces + day_len..])?;
    Some((len + spaces + day_len + more, checked(year, month, day)))
}

/// "2024-02-08".
fn iso_date(s: &str) -> DateHit {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if !(b[..4]
        .iter()
        .chain(&b[5..7])
        .chain(&b[8..10])
        .all(u8::is_ascii_digit))
    {
        return None;
    }
    let year = s[..4].parse().ok()?;
    let month = s[5..7].parse().ok()?;
    let day = s[8..10].parse().ok()?;
    Some((10, checked(year, month, day)))
}

/// "11/04/2019" (day first, as British and most other writing has it, unless
/// the first number cannot be a day's month and the second can only be a day).
fn numeric_date(s: &str) -> DateHit {
    let b = s.as_bytes();
    let num = |from: usize| {
        let len = b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
        (len > 0).then(|| (len, s[from..from + len].parse::<u32>().unwrap_or(0)))
    };
    let (l1, first) = num(0).filter(|(l, _)| *l <= 2)?;
    if b.get(l1) != Some(&b'/') && b.get(l1) != Some(&b'.') {
        return None;
    }
    let sep = b[l1];
    let (l2, second) = num(l1 + 1).filter(|(l, _)| *l <= 2)?;
    if b.get(l1 + 1 + l2) != Some(&sep) {
        return None;
    }
    let (l3, year) = num(l1 + l2 + 2).filter(|(l, _)| *l == 4)?;
    let len = l1 + l2 + l3 + 2;
    let (day, month) = if second > 12 && first <= 12 {
        (second, first)
    } else {
        (first, second)
    };
    Some((len, checked(year as i32, month as u8, day as u8)))
}

/// "February 2024" (month precision).
fn month_year(s: &str) -> DateHit {
    let (len, month) = month_name(s)?;
    let (more, year) = year_after(&s[len..])?;
    Some((
        len + more,
        Some(PartialDate {
            year,
            month: Some(month),
            day: None,
        }),
    ))
}

/// A day then a month name: "08 February", "30th January", "1st of May".
fn day_month(s: &str) -> Option<(usize, u8, u8)> {
    let (day_len, day) = ordinal(s)?;
    let rest = &s[day_len..];
    let spaces = rest.len() - rest.trim_start().len();
    if spaces == 0 {
        return None;
    }
    let mut at = day_len + spaces;
    if s[at..].starts_with("of ") {
        at += 3;
    }
    let (len, month) = month_name(&s[at..])?;
    Some((at + len, day, month))
}

/// A day number with an optional ordinal suffix, 1 to 31.
fn ordinal(s: &str) -> Option<(usize, u8)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let day: u8 = s[..digits].parse().ok()?;
    let suffix = ["st", "nd", "rd", "th"]
        .iter()
        .find(|x| s[digits..].starts_with(**x))
        .map_or(0, |x| x.len());
    let end = digits + suffix;
    if s[end..].starts_with(|c: char| c.is_alphanumeric()) || !(1..=31).contains(&day) {
        return None;
    }
    Some((end, day))
}

/// A capitalised month name or abbreviation (with an optional full stop).
fn month_name(s: &str) -> Option<(usize, u8)> {
    if !s.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let word_len = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = s[..word_len].to_ascii_lowercase();
    let month = month_number(&word)?;
    let dot = usize::from(word.len() < 5 && s[word_len..].starts_with('.'));
    Some((word_len + dot, month))
}

/// ", 2024" or " 2024" after a day or month: a four-digit year 1000–2999.
fn year_after(s: &str) -> Option<(usize, i32)> {
    let skip = if s.starts_with(", ") {
        2
    } else if s.starts_with(' ') {
        1
    } else {
        return None;
    };
    let digits = s[skip..].bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 || s[skip + digits..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let year: i32 = s[skip..skip + digits].parse().ok()?;
    (1000..3000)
        .contains(&year)
        .then_some((skip + digits, year))
}

fn checked(year: i32, month: u8, day: u8) -> Option<PartialDate> {
    ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(
        PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        },
    )
}

/// Days in `month` of `year` (Gregorian).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u8, day: Option<u8>) -> PartialDate {
        PartialDate {
            year,
            month: Some(month),
            day,
        }
    }

    #[test]
    fn each_date_rule_reads_its_pattern() {
        type Row = (
            fn(&str) -> DateHit,
            &'static str,
            usize,
            Option<PartialDate>,
        );
        let rows: &[Row] = &[
            (
                day_month_year,
                "30th January, 2024",
                18,
                Some(date(2024, 1, Some(30))),
            ),
            (
                month_day_year,
                "March 24 1987",
                13,
                Some(date(1987, 3, Some(24))),
            ),
            (iso_date, "2024-02-08", 10, Some(date(2024, 2, Some(8)))),
            (
                numeric_date,
                "12/25/2019",
                10,
                Some(date(2019, 12, Some(25))),
            ),
            (month_year, "Feb. 2024", 9, Some(date(2024, 2, None))),
            // negative rows: the rule's pattern, but not a real date
            (day_month_year, "31 February 2024", 16, None),
            (iso_date, "2023-02-29", 10, None),
        ];
        assert_eq!(rows.len() - 2, DATE_RULES.len(), "a row for every rule");
        for (rule, text, len, expected) in rows {
            assert_eq!(rule(text), Some((*len, *expected)), "on {text:?}");
        }
    }

    #[test]
    fn finds_dates_written_in_text() {
        let cases: &[(&str, &[(&str, PartialDate)])] = &[
            (
                "08 February 2024",
                &[("08 February 2024", date(2024, 2, Some(8)))],
            ),
            (
                "on 8th Feb. 2024 we",
                &[("8th Feb. 2024", date(2024, 2, Some(8)))],
            ),
            (
                "on February 8, 2024.",
                &[("February 8, 2024", date(2024, 2, Some(8)))],
            ),
            (
                "11/04/2019Turning",
                &[("11/04/2019", date(2019, 4, Some(11)))],
            ),
            ("12/25/2019", &[("12/25/2019", date(2019, 12, Some(25)))]),
            (
                "since 2024-02-08",
                &[("2024-02-08", date(2024, 2, Some(8)))],
            ),
            ("in March 2019 it", &[("March 2019", date(2019, 3, None))]),
            // negative rows: no year, not a date, impossible day
            ("on 30th January regarding", &[]),
            ("5,000 staff in 2023/24", &[]),
            ("31 February 2024", &[]),
            ("may 2024 be good", &[]),
        ];
        for (text, expected) in cases {
            let found: Vec<(&str, PartialDate)> = find_dates(text)
                .iter()
                .map(|d| (&text[d.start as usize..d.end as usize], d.date))
                .collect();
            assert_eq!(&found, expected, "in {text:?}");
        }
    }

    #[test]
    fn yearless_dates_take_the_documents_year() {
        let text = "on 30th January and from 11th March, and 31st June.";
        let found = find_yearless_dates(text, date(2024, 2, Some(8)), &[]);
        let spans: Vec<(&str, PartialDate)> = found
            .iter()
            .map(|d| (&text[d.start as usize..d.end as usize], d.date))
            .collect();
        assert_eq!(
            spans,
            vec![
                ("30th January", date(2024, 1, Some(30))),
                ("11th March", date(2024, 3, Some(11)))
            ],
            "in {text:?}"
        );
    }

    #[test]
    fn yearless_dates_among_many_known_dates() {
        const REPEATS: usize = 20_000;
        let sentence = "On 1st March and on 3 May 2024 we met. ";
        let text = sentence.repeat(REPEATS);
        let known = find_dates(&text);
        assert_eq!(known.len(), REPEATS);
        let found = find_yearless_dates(&text, date(2024, 2, Some(8)), &known);
        assert_eq!(found.len(), REPEATS);
        let last = found.last().expect("found");
        let at = sentence.len() * (REPEATS - 1) + sentence.find("1st").expect("in sentence");
        assert_eq!(last.start as usize, at);
        assert_eq!(last.date, date(2024, 3, Some(1)));
    }
}
