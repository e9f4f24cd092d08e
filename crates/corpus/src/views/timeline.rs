//! Buckets documents and quotes by period for the timeline chart.
//!
//! The period is a year, or a month when every dated document falls within
//! three years, so a short corpus still shows its shape. Undated documents are
//! counted apart, never placed at a guessed date. Buckets are contiguous:
//! empty periods between the first and last appear with zero counts, so the
//! chart's x axis is true to time.

use crate::model::{Corpus, DocId, PartialDate};
use crate::views::citation::human_date;

/// The granularity of the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year,
    Month,
}

/// One bar of the chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// "2018" or "2018-06": the value to filter on.
    pub key: String,
    /// "2018" or "June 2018".
    pub label: String,
    pub documents: u32,
    pub quotes: u32,
}

/// The chart's data for a set of documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub period: Period,
    pub buckets: Vec<Bucket>,
    pub undated_documents: u32,
    pub undated_quotes: u32,
}

const MONTHLY_SPAN_YEARS: i32 = 3;

/// Buckets `docs` (ids into `corpus.documents`) by their date.
pub fn timeline(corpus: &Corpus, docs: &[DocId]) -> Timeline {
    let dated: Vec<(PartialDate, u32)> = docs
        .iter()
        .filter_map(|&id| corpus.documents.get(id as usize))
        .filter_map(|d| d.meta.date.map(|date| (date, d.quotes.len() as u32)))
        .collect();
    let undated: Vec<u32> = docs
        .iter()
        .filter_map(|&id| corpus.documents.get(id as usize))
        .filter(|d| d.meta.date.is_none())
        .map(|d| d.quotes.len() as u32)
        .collect();
    let first = dated.iter().map(|(d, _)| d.year).min();
    let last = dated.iter().map(|(d, _)| d.year).max();
    let (period, buckets) = match (first, last) {
        (Some(first), Some(last))
            if last - first < MONTHLY_SPAN_YEARS && dated.iter().all(|(d, _)| d.month.is_some()) =>
        {
            (Period::Month, month_buckets(&dated, first, last))
        }
        (Some(first), Some(last)) => (Period::Year, year_buckets(&dated, first, last)),
        _ => (Period::Year, Vec::new()),
    };
    Timeline {
        period,
        buckets,
        undated_documents: undated.len() as u32,
        undated_quotes: undated.iter().sum(),
    }
}

fn year_buckets(dated: &[(PartialDate, u32)], first: i32, last: i32) -> Vec<Bucket> {
    (first..=last)
        .map(|year| {
            let in_year = dated.iter().filter(|(d, _)| d.year == year);
            Bucket {
                key: year.to_string(),
                label: year.to_string(),
                documents: in_year.clone().count() as u32,
                quotes: in_year.map(|(_, q)| q).sum(),
            }
        })
        .collect()
}

fn month_buckets(dated: &[(PartialDate, u32)], first: i32, last: i32) -> Vec<Bucket> {
    let months = |year: i32| dated.iter().filter(move |(d, _)| d.year == year).filter_map(|(d, _)| d.month);
    let first_month = months(first).min().unwrap_or(1);
    let last_month = months(last).max().unwrap_or(12);
    let mut buckets = Vec::new();
    for year in first..=last {
        let from = if year == first { first_month } else { 1 };
        let to = if year == last { last_month } else { 12 };
        for month in from..=to {
            let in_month = dated.iter().filter(|(d, _)| d.year == year && d.month == Some(month));
            let date = PartialDate { year, month: Some(month), day: None };
            buckets.push(Bucket {
                key: date.to_string(),
                label: human_date(&date),
                documents: in_month.clone().count() as u32,
                quotes: in_month.map(|(_, q)| q).sum(),
            });
        }
    }
    buckets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Metadata};

    fn corpus(dates: &[Option<(i32, Option<u8>)>]) -> Corpus {
        Corpus {
            documents: dates
                .iter()
                .map(|date| Document {
                    meta: Metadata {
                        date: date.map(|(year, month)| PartialDate { year, month, day: None }),
                        ..Metadata::default()
                    },
                    ..Document::default()
                })
                .collect(),
            ..Corpus::default()
        }
    }

    #[test]
    fn years_are_contiguous_and_undated_counted_apart() {
        let c = corpus(&[Some((2018, None)), Some((2021, Some(3))), None]);
        let t = timeline(&c, &[0, 1, 2]);
        assert_eq!(t.period, Period::Year);
        let keys: Vec<_> = t.buckets.iter().map(|b| (b.key.as_str(), b.documents)).collect();
        assert_eq!(keys, [("2018", 1), ("2019", 0), ("2020", 0), ("2021", 1)]);
        assert_eq!(t.undated_documents, 1);
    }

    #[test]
    fn a_short_span_with_months_is_monthly() {
        let c = corpus(&[Some((2023, Some(11))), Some((2024, Some(2)))]);
        let t = timeline(&c, &[0, 1]);
        assert_eq!(t.period, Period::Month);
        let keys: Vec<_> = t.buckets.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, ["2023-11", "2023-12", "2024-01", "2024-02"]);
        assert_eq!(t.buckets[3].label, "February 2024");
    }

    #[test]
    fn no_dated_documents_give_no_buckets() {
        let t = timeline(&corpus(&[None, None]), &[0, 1]);
        assert!(t.buckets.is_empty());
        assert_eq!(t.undated_documents, 2);
    }
}
