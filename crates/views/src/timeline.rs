//! Turns per-period counts of documents and quotes into the timeline's bars.
//!
//! The counts come from the search's `year` and `month` facets, so the chart
//! always shows the current result set. A corpus whose dated documents span
//! at most three years, all dated to the month, is drawn by month; any other
//! by year. Bars are contiguous: periods with nothing between the first and
//! the last appear with zero counts, so the x axis is true to time. Undated
//! documents are counted apart, never placed at a guessed date.

use crate::citation::human_date;
use corpus_model::PartialDate;
use corpus_search::Facet;

/// The facet a bar filters by, and so the width of a bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year,
    Month,
}

impl Period {
    /// The facet whose values the bars' keys are.
    pub fn facet(self) -> Facet {
        match self {
            Period::Year => Facet::Year,
            Period::Month => Facet::Month,
        }
    }

    /// The period's name in sentences ("per year").
    pub fn noun(self) -> &'static str {
        self.facet().as_str()
    }
}

/// One bar of the chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// The facet value to filter on: "1987" or "1987-03".
    pub key: String,
    /// "1987" or "March 1987".
    pub label: String,
    pub documents: u32,
    pub quotes: u32,
}

/// The chart's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub period: Period,
    pub buckets: Vec<Bucket>,
    pub undated_documents: u32,
    pub undated_quotes: u32,
}

/// Facet counts as `(value, count)` pairs, for documents and for quotes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts<'a> {
    pub documents: &'a [(String, u32)],
    pub quotes: &'a [(String, u32)],
}

/// The widest span, in years, still drawn month by month.
const MONTHLY_SPAN_YEARS: i32 = 3;

impl Timeline {
    /// The tallest bar's document count (at least 1, to scale by).
    pub fn max_documents(&self) -> u32 {
        self.buckets
            .iter()
            .map(|b| b.documents)
            .max()
            .unwrap_or(0)
            .max(1)
    }

    /// The tallest bar's quote count (at least 1, to scale by).
    pub fn max_quotes(&self) -> u32 {
        self.buckets
            .iter()
            .map(|b| b.quotes)
            .max()
            .unwrap_or(0)
            .max(1)
    }
}

/// Builds the bars from the `year` and `month` facet counts and the totals
/// they are part of. Values that are not dates are ignored (and so count as
/// undated).
pub fn timeline(
    years: Counts<'_>,
    months: Counts<'_>,
    total_documents: u32,
    total_quotes: u32,
) -> Timeline {
    let doc_years = parse(years.documents, parse_year);
    let quote_years = parse(years.quotes, parse_year);
    let doc_months = parse(months.documents, parse_month);
    let quote_months = parse(months.quotes, parse_month);
    let dated: u32 = doc_years.iter().map(|(_, n)| n).sum();
    let dated_by_month: u32 = doc_months.iter().map(|(_, n)| n).sum();
    let all_years = doc_years.iter().chain(&quote_years).map(|(d, _)| d.year);
    let span = all_years
        .clone()
        .max()
        .zip(all_years.min())
        .map(|(last, first)| last - first + 1);
    let monthly =
        dated > 0 && dated_by_month == dated && span.is_some_and(|s| s <= MONTHLY_SPAN_YEARS);
    let (period, periods) = if monthly {
        (
            Period::Month,
            contiguous(&doc_months, &quote_months, next_month),
        )
    } else {
        (
            Period::Year,
            contiguous(&doc_years, &quote_years, next_year),
        )
    };
    let buckets: Vec<Bucket> = periods
        .into_iter()
        .map(|date| Bucket {
            key: date.to_string(),
            label: human_date(&date),
            documents: count(if monthly { &doc_months } else { &doc_years }, date),
            quotes: count(if monthly { &quote_months } else { &quote_years }, date),
        })
        .collect();
    let drawn_documents: u32 = buckets.iter().map(|b| b.documents).sum();
    let drawn_quotes: u32 = buckets.iter().map(|b| b.quotes).sum();
    Timeline {
        period,
        buckets,
        undated_documents: total_documents.saturating_sub(drawn_documents),
        undated_quotes: total_quotes.saturating_sub(drawn_quotes),
    }
}

fn parse(
    pairs: &[(String, u32)],
    date: fn(&str) -> Option<PartialDate>,
) -> Vec<(PartialDate, u32)> {
    pairs
        .iter()
        .filter_map(|(value, n)| Some((date(value.trim())?, *n)))
        .collect()
}

fn parse_year(value: &str) -> Option<PartialDate> {
    Some(PartialDate {
        year: value.parse().ok()?,
        month: None,
        day: None,
    })
}

fn parse_month(value: &str) -> Option<PartialDate> {
    let (year, month) = value.split_once('-')?;
    let month: u8 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some(PartialDate {
        year: year.parse().ok()?,
        month: Some(month),
        day: None,
    })
}

fn next_year(date: PartialDate) -> PartialDate {
    PartialDate {
        year: date.year + 1,
        ..date
    }
}

fn next_month(date: PartialDate) -> PartialDate {
    match date.month {
        Some(12) | None => PartialDate {
            year: date.year + 1,
            month: Some(1),
            day: None,
        },
        Some(m) => PartialDate {
            month: Some(m + 1),
            ..date
        },
    }
}

/// Every period from the first to the last that either list has.
fn contiguous(
    a: &[(PartialDate, u32)],
    b: &[(PartialDate, u32)],
    next: fn(PartialDate) -> PartialDate,
) -> Vec<PartialDate> {
    let dates = a.iter().chain(b).map(|(d, _)| *d);
    let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else {
        return Vec::new();
    };
    std::iter::successors(Some(first), |&d| Some(next(d)).filter(|n| *n <= last)).collect()
}

fn count(pairs: &[(PartialDate, u32)], date: PartialDate) -> u32 {
    pairs
        .iter()
        .filter(|(d, _)| *d == date)
        .map(|(_, n)| n)
        .sum()
}

#[cfg(test)]
mod tests {
    //! Properties checked:
    //! 1. Bars are contiguous from the first period to the last.
    //! 2. Undated documents and quotes are counted apart.
    //! 3. A short span dated to the month is drawn by month; a long one, or
    //!    one with year-only dates, by year.
    //! 4. Values that are not dates are ignored.
    use super::*;

    fn pairs(items: &[(&str, u32)]) -> Vec<(String, u32)> {
        items.iter().map(|(y, n)| (y.to_string(), *n)).collect()
    }

    fn bars(t: &Timeline) -> Vec<(&str, u32, u32)> {
        t.buckets
            .iter()
            .map(|b| (b.key.as_str(), b.documents, b.quotes))
            .collect()
    }

    #[test]
    fn years_are_contiguous_and_undated_counted_apart() {
        let years = pairs(&[("2021", 1), ("2018", 2)]);
        let quote_years = pairs(&[("2018", 7)]);
        let months = pairs(&[("2021-03", 1)]);
        let t = timeline(
            Counts {
                documents: &years,
                quotes: &quote_years,
            },
            Counts {
                documents: &months,
                quotes: &[],
            },
            4,
            9,
        );
        assert_eq!(t.period, Period::Year);
        assert_eq!(
            bars(&t),
            [
                ("2018", 2, 7),
                ("2019", 0, 0),
                ("2020", 0, 0),
                ("2021", 1, 0)
            ]
        );
        assert_eq!((t.undated_documents, t.undated_quotes), (1, 2));
        assert_eq!(t.max_documents(), 2);
    }

    #[test]
    fn a_short_span_dated_to_the_month_is_drawn_by_month() {
        let years = pairs(&[("1987", 3)]);
        let months = pairs(&[("1987-04", 1), ("1987-02", 2)]);
        let quote_months = pairs(&[("1987-02", 5)]);
        let t = timeline(
            Counts {
                documents: &years,
                quotes: &pairs(&[("1987", 5)]),
            },
            Counts {
                documents: &months,
                quotes: &quote_months,
            },
            3,
            5,
        );
        assert_eq!(t.period, Period::Month);
        assert_eq!(
            bars(&t),
            [("1987-02", 2, 5), ("1987-03", 0, 0), ("1987-04", 1, 0)]
        );
        assert_eq!(t.buckets[0].label, "February 1987");
        assert_eq!(t.period.facet(), Facet::Month);
        assert_eq!(t.period.noun(), "month");
    }

    #[test]
    fn months_cross_a_year_end() {
        let years = pairs(&[("2023", 1), ("2024", 1)]);
        let months = pairs(&[("2023-11", 1), ("2024-02", 1)]);
        let t = timeline(
            Counts {
                documents: &years,
                quotes: &[],
            },
            Counts {
                documents: &months,
                quotes: &[],
            },
            2,
            0,
        );
        let keys: Vec<_> = t.buckets.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, ["2023-11", "2023-12", "2024-01", "2024-02"]);
    }

    #[test]
    fn nothing_dated_gives_no_bars_and_odd_values_are_ignored() {
        let t = timeline(
            Counts {
                documents: &pairs(&[("undated", 3)]),
                quotes: &[],
            },
            Counts {
                documents: &pairs(&[("1987-13", 1), ("x-01", 1)]),
                quotes: &[],
            },
            3,
            5,
        );
        assert!(t.buckets.is_empty());
        assert_eq!((t.undated_documents, t.undated_quotes), (3, 5));
        assert_eq!(t.max_quotes(), 1);
    }
}
