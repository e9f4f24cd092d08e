//! Turns per-year counts of documents and quotes into the timeline's bars.
//!
//! The counts come from the search's `year` facets, so the chart always shows
//! the current result set. Bars are contiguous: years with nothing between
//! the first and the last appear with zero counts, so the x axis is true to
//! time. Undated documents are counted apart, never placed at a guessed year.

/// One bar of the chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    pub year: i32,
    pub documents: u32,
    pub quotes: u32,
}

/// The chart's data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    pub buckets: Vec<Bucket>,
    pub undated_documents: u32,
    pub undated_quotes: u32,
}

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

/// Builds the bars from `(year, count)` pairs and the totals they are part of.
/// Values that are not years are ignored (and so count as undated).
pub fn timeline(
    document_years: &[(String, u32)],
    quote_years: &[(String, u32)],
    total_documents: u32,
    total_quotes: u32,
) -> Timeline {
    let parse = |pairs: &[(String, u32)]| -> Vec<(i32, u32)> {
        pairs
            .iter()
            .filter_map(|(year, n)| Some((year.trim().parse().ok()?, *n)))
            .collect()
    };
    let documents = parse(document_years);
    let quotes = parse(quote_years);
    let years = documents.iter().chain(&quotes).map(|(y, _)| *y);
    let (Some(first), Some(last)) = (years.clone().min(), years.max()) else {
        return Timeline {
            buckets: Vec::new(),
            undated_documents: total_documents,
            undated_quotes: total_quotes,
        };
    };
    let count = |pairs: &[(i32, u32)], year: i32| {
        pairs
            .iter()
            .filter(|(y, _)| *y == year)
            .map(|(_, n)| n)
            .sum()
    };
    let buckets: Vec<Bucket> = (first..=last)
        .map(|year| Bucket {
            year,
            documents: count(&documents, year),
            quotes: count(&quotes, year),
        })
        .collect();
    let dated_documents: u32 = buckets.iter().map(|b| b.documents).sum();
    let dated_quotes: u32 = buckets.iter().map(|b| b.quotes).sum();
    Timeline {
        buckets,
        undated_documents: total_documents.saturating_sub(dated_documents),
        undated_quotes: total_quotes.saturating_sub(dated_quotes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, u32)]) -> Vec<(String, u32)> {
        items.iter().map(|(y, n)| (y.to_string(), *n)).collect()
    }

    #[test]
    fn years_are_contiguous_and_undated_counted_apart() {
        let t = timeline(
            &pairs(&[("2021", 1), ("2018", 2)]),
            &pairs(&[("2018", 7)]),
            4,
            9,
        );
        let bars: Vec<_> = t
            .buckets
            .iter()
            .map(|b| (b.year, b.documents, b.quotes))
            .collect();
        assert_eq!(
            bars,
            [(2018, 2, 7), (2019, 0, 0), (2020, 0, 0), (2021, 1, 0)]
        );
        assert_eq!((t.undated_documents, t.undated_quotes), (1, 2));
        assert_eq!(t.max_documents(), 2);
    }

    #[test]
    fn nothing_dated_gives_no_bars() {
        let t = timeline(&pairs(&[("undated", 3)]), &[], 3, 5);
        assert!(t.buckets.is_empty());
        assert_eq!((t.undated_documents, t.undated_quotes), (3, 5));
        assert_eq!(t.max_quotes(), 1);
    }
}
