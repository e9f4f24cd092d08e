//! Stem classes: the words of one language other than English that its own
//! Snowball stemmer reduces to one stem, found at build time, so a query
//! word matching one of them also finds the others without the browser
//! running eighteen stemmers.
//!
//! The analyzer's terms stay English (one analysis chain for index, query
//! and highlighting); each document's language is told by
//! [`corpus_text::language::detect`], each surface word remembers the
//! languages of the documents it occurs in, and the terms of the words
//! sharing a (language, stem) pair form a class when there are two or more.
//! Worked example: a French corpus has `infirmière` and `infirmières`
//! (English terms `infirmièr`, `infirmièr`: one term already) and `publié`,
//! `publiée` (English terms `publié`, `publiée`, French stem `publi`): the
//! class {`publié`, `publiée`} makes a query for either find both.
//!
//! Invariant: every member is a term id of the index, `of_term` is sorted
//! by term id, and every class has at least two members.

use std::collections::{BTreeMap, HashMap};

use corpus_text::language::Language;
use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

/// The stem classes of an index.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StemClasses {
    /// The term ids of each class.
    members: Vec<Vec<u32>>,
    /// (term id, class), sorted.
    of_term: Vec<(u32, u32)>,
}

/// The Snowball algorithm of a language.
fn algorithm(language: Language) -> Algorithm {
    match language {
        Language::Arabic => Algorithm::Arabic,
        Language::Danish => Algorithm::Danish,
        Language::Dutch => Algorithm::Dutch,
        Language::English => Algorithm::English,
        Language::Finnish => Algorithm::Finnish,
        Language::French => Algorithm::French,
        Language::German => Algorithm::German,
        Language::Greek => Algorithm::Greek,
        Language::Hungarian => Algorithm::Hungarian,
        Language::Italian => Algorithm::Italian,
        Language::Norwegian => Algorithm::Norwegian,
        Language::Portuguese => Algorithm::Portuguese,
        Language::Romanian => Algorithm::Romanian,
        Language::Russian => Algorithm::Russian,
        Language::Spanish => Algorithm::Spanish,
        Language::Swedish => Algorithm::Swedish,
        Language::Tamil => Algorithm::Tamil,
        Language::Turkish => Algorithm::Turkish,
    }
}

impl StemClasses {
    /// The classes of `words`: each surface word with its term id and the
    /// languages (other than English) of the documents it occurs in.
    pub fn build<'a>(words: impl Iterator<Item = (&'a str, u32, &'a [Language])>) -> Self {
        let mut stemmers: HashMap<Language, Stemmer> = HashMap::new();
        let mut groups: BTreeMap<(Language, String), Vec<u32>> = BTreeMap::new();
        for (word, term, languages) in words {
            for &language in languages {
                let stemmer = stemmers
                    .entry(language)
                    .or_insert_with(|| Stemmer::create(algorithm(language)));
                let stem = stemmer.stem(word).into_owned();
                groups.entry((language, stem)).or_default().push(term);
            }
        }
        let mut out = StemClasses::default();
        for mut terms in groups.into_values() {
            terms.sort_unstable();
            terms.dedup();
            if terms.len() < 2 {
                continue;
            }
            let class = out.members.len() as u32;
            out.of_term.extend(terms.iter().map(|&t| (t, class)));
            out.members.push(terms);
        }
        out.of_term.sort_unstable();
        out
    }

    /// The other terms sharing a class with `term`.
    pub fn relatives(&self, term: u32) -> impl Iterator<Item = u32> + '_ {
        let start = self.of_term.partition_point(|&(t, _)| t < term);
        self.of_term[start..]
            .iter()
            .take_while(move |&&(t, _)| t == term)
            .flat_map(move |&(_, class)| {
                self.members
                    .get(class as usize)
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(move |&m| m != term)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_a_language_stems_alike_share_a_class() {
        let french = [Language::French];
        let words: Vec<(&str, u32, &[Language])> = vec![
            ("publié", 0, &french),
            ("publiée", 1, &french),
            ("publiées", 2, &french),
            ("maison", 3, &french),
            ("published", 4, &[]),
        ];
        let classes = StemClasses::build(words.into_iter());
        let mut relatives: Vec<u32> = classes.relatives(0).collect();
        relatives.sort_unstable();
        assert_eq!(relatives, [1, 2]);
        assert_eq!(classes.relatives(3).count(), 0);
        assert_eq!(classes.relatives(4).count(), 0);
        assert_eq!(classes.relatives(99).count(), 0);
    }
}
