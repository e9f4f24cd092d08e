//! Orders matching documents (or quotes) by an ordered list of named
//! ranking rules, as Meilisearch does: the first rule that tells two
//! candidates apart decides.
//!
//! The rules, in order:
//! 1. `words`: more of the query's clauses matched first (only differs when
//!    no candidate matched them all and the engine fell back to partial
//!    matches);
//! 2. `date` (only when sorting by date): newest or oldest first, undated
//!    last;
//! 3. `exactness`: fewer imperfect matches first, counting per clause
//!    0 for exact, 1 for prefix, 2 for one typo, 3 for two typos;
//! 4. `relevance`: BM25F score (see [`super::matcher`]) raised by the
//!    proximity of the query words in the best paragraph;
//! 5. `position`: corpus order, so ties are stable.
//!
//! Invariant: every rule is a total order, so ranking is deterministic.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

/// The order results are listed in; the name of each is how it is written in
/// URLs and on the command line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sort {
    #[default]
    Relevance,
    #[serde(rename = "DateNewest")]
    Newest,
    #[serde(rename = "DateOldest")]
    Oldest,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Newest, Sort::Oldest];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }
}

/// A name that is not a sort order's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSort(pub String);

impl std::fmt::Display for UnknownSort {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown sort \"{}\"", self.0)
    }
}

impl std::error::Error for UnknownSort {}

impl std::str::FromStr for Sort {
    type Err = UnknownSort;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Sort::ALL
            .into_iter()
            .find(|s| s.as_str() == name)
            .ok_or_else(|| UnknownSort(name.to_string()))
    }
}

/// What the rules know about a candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Document id, or global quote number.
    pub id: u32,
    /// Clauses matched.
    pub words: u32,
    /// Sum of the match kinds of the clauses.
    pub cost: u32,
    pub relevance: f32,
    /// `yyyymmdd` sort key, 0 when undated.
    pub date: u32,
}

/// One ranking rule.
pub trait RankingRule {
    /// A stable name, for debugging and documentation.
    fn name(&self) -> &'static str;
    /// Orders two candidates: `Less` means `a` ranks first. MUST be a total
    /// order that depends only on the two candidates.
    fn compare(&self, a: &Candidate, b: &Candidate) -> Ordering;
}

struct Words;
impl RankingRule for Words {
    fn name(&self) -> &'static str {
        "words"
    }
    fn compare(&self, a: &Candidate, b: &Candidate) -> Ordering {
        b.words.cmp(&a.words)
    }
}

struct Date {
    newest_first: bool,
}
impl RankingRule for Date {
    fn name(&self) -> &'static str {
        "date"
    }
    fn compare(&self, a: &Candidate, b: &Candidate) -> Ordering {
        match (a.date, b.date) {
            (0, 0) => Ordering::Equal,
            (0, _) => Ordering::Greater,
            (_, 0) => Ordering::Less,
            (x, y) if self.newest_first => y.cmp(&x),
            (x, y) => x.cmp(&y),
        }
    }
}

struct Exactness;
impl RankingRule for Exactness {
    fn name(&self) -> &'static str {
        "exactness"
    }
    fn compare(&self, a: &Candidate, b: &Candidate) -> Ordering {
        a.cost.cmp(&b.cost)
    }
}

struct Relevance;
impl RankingRule for Relevance {
    fn name(&self) -> &'static str {
        "relevance"
    }
    fn compare(&self, a: &Candidate, b: &Candidate) -> Ordering {
        b.relevance.total_cmp(&a.relevance)
    }
}

struct Position;
impl RankingRule for Position {
    fn name(&self) -> &'static str {
        "position"
    }
    fn compare(&self, a: &Candidate, b: &Candidate) -> Ordering {
        a.id.cmp(&b.id)
    }
}

/// The rules for a sort order.
pub fn rules(sort: Sort) -> Vec<Box<dyn RankingRule>> {
    let mut rules: Vec<Box<dyn RankingRule>> = vec![Box::new(Words)];
    match sort {
        Sort::Relevance => {}
        Sort::Newest => rules.push(Box::new(Date { newest_first: true })),
        Sort::Oldest => rules.push(Box::new(Date {
            newest_first: false,
        })),
    }
    rules.extend([
        Box::new(Exactness) as Box<dyn RankingRule>,
        Box::new(Relevance),
        Box::new(Position),
    ]);
    rules
}

/// Orders two candidates by the first rule that tells them apart: `Less`
/// means `a` ranks first.
pub fn compare(rules: &[Box<dyn RankingRule>], a: &Candidate, b: &Candidate) -> Ordering {
    rules
        .iter()
        .map(|r| r.compare(a, b))
        .find(|o| o.is_ne())
        .unwrap_or(Ordering::Equal)
}

/// Puts the best `limit` candidates first, in order (the rest unordered).
pub fn rank(candidates: &mut [Candidate], rules: &[Box<dyn RankingRule>], limit: usize) {
    let order = |a: &Candidate, b: &Candidate| compare(rules, a, b);
    if limit == 0 {
        return;
    }
    if candidates.len() > limit {
        candidates.select_nth_unstable_by(limit - 1, order);
        candidates[..limit].sort_unstable_by(order);
    } else {
        candidates.sort_unstable_by(order);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: u32, words: u32, cost: u32, relevance: f32, date: u32) -> Candidate {
        Candidate {
            id,
            words,
            cost,
            relevance,
            date,
        }
    }

    #[test]
    fn rules_apply_in_order() {
        let rows: &[(Sort, Vec<Candidate>, Vec<u32>)] = &[
            (
                Sort::Relevance,
                vec![candidate(0, 1, 0, 9.0, 0), candidate(1, 2, 3, 1.0, 0)],
                vec![1, 0],
            ),
            (
                Sort::Relevance,
                vec![candidate(0, 1, 2, 9.0, 0), candidate(1, 1, 0, 1.0, 0)],
                vec![1, 0],
            ),
            (
                Sort::Relevance,
                vec![candidate(0, 1, 0, 1.0, 0), candidate(1, 1, 0, 2.0, 0)],
                vec![1, 0],
            ),
            (
                Sort::Relevance,
                vec![candidate(1, 1, 0, 1.0, 0), candidate(0, 1, 0, 1.0, 0)],
                vec![0, 1],
            ),
            (
                Sort::Newest,
                vec![
                    candidate(0, 1, 0, 1.0, 0),
                    candidate(1, 1, 0, 1.0, 20180101),
                    candidate(2, 1, 2, 1.0, 20190101),
                ],
                vec![2, 1, 0],
            ),
            (
                Sort::Oldest,
                vec![
                    candidate(0, 1, 0, 1.0, 0),
                    candidate(1, 1, 0, 1.0, 20180101),
                    candidate(2, 1, 2, 1.0, 20190101),
                ],
                vec![1, 2, 0],
            ),
        ];
        for (sort, candidates, expected) in rows {
            let mut ranked = candidates.clone();
            let limit = ranked.len();
            rank(&mut ranked, &rules(*sort), limit);
            let got: Vec<u32> = ranked.iter().map(|c| c.id).collect();
            assert_eq!(&got, expected, "ranking {candidates:?} by {sort:?}");
        }
        let names: Vec<&str> = rules(Sort::Newest).iter().map(|r| r.name()).collect();
        assert_eq!(
            names,
            ["words", "date", "exactness", "relevance", "position"]
        );
    }

    #[test]
    fn sorts_round_trip_through_their_names() {
        for sort in Sort::ALL {
            assert_eq!(sort.as_str().parse::<Sort>(), Ok(sort));
        }
        assert_eq!(
            "sideways".parse::<Sort>(),
            Err(UnknownSort("sideways".into()))
        );
    }
}
