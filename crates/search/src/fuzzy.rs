//! Fuzzy matching of short labels (names, titles) against what the user is
//! typing: the typed letters must occur in the label in order, gaps
//! allowed; matches at the start of words and runs of adjacent letters
//! score higher, gaps lower.
//!
//! Case is ignored unless the input has a capital ("smart case"). The best
//! alignment is found by dynamic programming over input × label characters,
//! so "mh" in "Matt Hancock" takes the M of Matt and the H that starts
//! Hancock. Labels are short, so the table is small.

/// Points for each matched character.
const MATCH: i64 = 16;
/// Extra points when a matched character starts a word of the label.
const WORD_START: i64 = 8;
/// Extra points when a matched character follows the previous match directly.
const ADJACENT: i64 = 6;
/// Points lost per label character skipped between two matches.
const GAP: i64 = 1;

/// A fuzzy match: its score and the indices (in `char`s) of the label's
/// matched characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuzzyMatch {
    pub score: i64,
    pub positions: Vec<usize>,
}

/// Whether the character at `j` of `label` starts a word.
fn starts_word(label: &[char], j: usize) -> bool {
    j == 0
        || !label[j - 1].is_alphanumeric()
        || (label[j].is_uppercase() && label[j - 1].is_lowercase())
}

fn same(a: char, b: char, case_sensitive: bool) -> bool {
    a == b || (!case_sensitive && a.to_lowercase().eq(b.to_lowercase()))
}

/// The best fuzzy match of `input` in `label`, or `None` when the input's
/// characters (spaces ignored) do not all occur in order.
pub fn fuzzy_match(label: &str, input: &str) -> Option<FuzzyMatch> {
    let case_sensitive = input.chars().any(char::is_uppercase);
    let wanted: Vec<char> = input.chars().filter(|c| !c.is_whitespace()).collect();
    let label: Vec<char> = label.chars().collect();
    if wanted.is_empty() || wanted.len() > label.len() {
        return None;
    }
    // best[i][j]: best score of matching wanted[..=i] with wanted[i] at label[j].
    let mut best = vec![vec![None::<i64>; label.len()]; wanted.len()];
    let mut from = vec![vec![0usize; label.len()]; wanted.len()];
    for (i, &w) in wanted.iter().enumerate() {
        for j in i..label.len() {
            if !same(w, label[j], case_sensitive) {
                continue;
            }
            let own = MATCH
                + if starts_word(&label, j) {
                    WORD_START
                } else {
                    0
                };
            if i == 0 {
                best[i][j] = Some(own);
                continue;
            }
            let previous = (i - 1..j).filter_map(|k| {
                let score = best[i - 1][k]?;
                let link = if k + 1 == j {
                    ADJACENT
                } else {
                    -GAP * (j - k - 1) as i64
                };
                Some((score + link, k))
            });
            if let Some((score, k)) =
                previous.max_by_key(|&(score, k)| (score, std::cmp::Reverse(k)))
            {
                best[i][j] = Some(score + own);
                from[i][j] = k;
            }
        }
    }
    let last = wanted.len() - 1;
    let (mut j, score) = best[last]
        .iter()
        .enumerate()
        .filter_map(|(j, s)| Some((j, (*s)?)))
        .max_by_key(|&(j, s)| (s, std::cmp::Reverse(j)))?;
    let mut positions = vec![0; wanted.len()];
    for i in (0..wanted.len()).rev() {
        positions[i] = j;
        j = from[i][j];
    }
    Some(FuzzyMatch { score, positions })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_in_order_with_word_starts_and_runs_preferred() {
        let score = |label: &str, input: &str| fuzzy_match(label, input).map(|m| m.score);
        assert!(score("Matt Hancock", "hancock").is_some());
        assert_eq!(score("Matt Hancock", "hcn"), None, "letters out of order");
        assert_eq!(score("Jeremy Hunt", "hancock"), None);
        assert_eq!(score("Hunt", ""), None);
        assert!(score("Matt Hancock", "hancock") > score("Matt Hancock", "mhk"));
        assert!(
            score("Jeremy Hunt", "hunt") > score("Shunt Road", "hunt"),
            "word start wins"
        );
        assert_eq!(
            score("NHS Employers", "Nhs"),
            None,
            "a capital makes case matter"
        );
        assert!(
            score("NHS Employers", "nhs e").is_some(),
            "spaces are ignored"
        );
        let m = fuzzy_match("Matt Hancock", "mh").expect("matches");
        assert_eq!(m.positions, [0, 5], "M of Matt, H of Hancock");
        assert!(fuzzy_match("東京都庁", "京庁").is_some());
    }
}
