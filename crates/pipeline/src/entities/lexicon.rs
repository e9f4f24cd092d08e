//! The curated word lists entity rules consult, loaded once from `data/`.
//!
//! Invariant: every list file is sorted (byte order) with `#` comment lines
//! at the top; the test below keeps it so.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The lists, parsed.
pub struct Lexicon {
    pub given_names: HashSet<&'static str>,
    pub honorifics: HashSet<&'static str>,
    /// Lowercase.
    pub role_heads: HashSet<&'static str>,
    pub org_heads: HashSet<&'static str>,
    pub org_front_heads: HashSet<&'static str>,
    /// Lowercase.
    pub org_cues: HashSet<&'static str>,
    pub known_orgs: HashSet<&'static str>,
    pub not_acronyms: HashSet<&'static str>,
    /// Lowercase.
    pub common_words: HashSet<&'static str>,
    /// Acronym to full name.
    pub acronyms: HashMap<&'static str, &'static str>,
    pub places: HashSet<String>,
}

/// Each list file with its name, for the sortedness test.
pub const FILES: &[(&str, &str)] = &[
    (
        "entities_acronyms.txt",
        include_str!("../../../text/data/entities_acronyms.txt"),
    ),
    (
        "entities_common_words.txt",
        include_str!("../../../text/data/entities_common_words.txt"),
    ),
    (
        "entities_given_names.txt",
        include_str!("../../../text/data/entities_given_names.txt"),
    ),
    (
        "entities_honorifics.txt",
        include_str!("../../../text/data/entities_honorifics.txt"),
    ),
    (
        "entities_known_orgs.txt",
        include_str!("../../../text/data/entities_known_orgs.txt"),
    ),
    (
        "entities_not_acronyms.txt",
        include_str!("../../../text/data/entities_not_acronyms.txt"),
    ),
    (
        "entities_org_cues.txt",
        include_str!("../../../text/data/entities_org_cues.txt"),
    ),
    (
        "entities_org_front_heads.txt",
        include_str!("../../../text/data/entities_org_front_heads.txt"),
    ),
    (
        "entities_org_heads.txt",
        include_str!("../../../text/data/entities_org_heads.txt"),
    ),
    (
        "entities_places.txt",
        include_str!("../../../text/data/entities_places.txt"),
    ),
    (
        "entities_role_heads.txt",
        include_str!("../../../text/data/entities_role_heads.txt"),
    ),
];

fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    let text = FILES
        .iter()
        .find(|(name, _)| *name == file)
        .map_or("", |(_, text)| *text);
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lexicon, parsed on first use.
pub fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon {
        given_names: entries("entities_given_names.txt").collect(),
        honorifics: entries("entities_honorifics.txt").collect(),
        role_heads: entries("entities_role_heads.txt").collect(),
        org_heads: entries("entities_org_heads.txt").collect(),
        org_front_heads: entries("entities_org_front_heads.txt").collect(),
        org_cues: entries("entities_org_cues.txt").collect(),
        known_orgs: entries("entities_known_orgs.txt").collect(),
        not_acronyms: entries("entities_not_acronyms.txt").collect(),
        common_words: entries("entities_common_words.txt").collect(),
        acronyms: entries("entities_acronyms.txt")
            .filter_map(|l| l.split_once(" = "))
            .map(|(a, b)| (a.trim(), b.trim()))
            .collect(),
        places: entries("entities_places.txt").map(str::to_string).collect(),
    })
}

/// Place names, as written ("Northern Ireland").
pub fn places() -> &'static HashSet<String> {
    &get().places
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_without_duplicates() {
        for (name, text) in FILES {
            let lines: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .collect();
            for pair in lines.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} should come after {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }

    #[test]
    fn lists_answer_lookups() {
        let lexicon = get();
        let cases: &[(&str, bool)] = &[
            ("Jeremy", true),
            ("Humza", true),
            ("Hunt", false),
            ("Tuesday", false),
        ];
        for (word, expected) in cases {
            assert_eq!(
                lexicon.given_names.contains(word),
                *expected,
                "given name {word:?}"
            );
        }
        assert_eq!(
            lexicon.acronyms.get("HEE"),
            Some(&"Health Education England")
        );
        assert!(places().contains("Northern Ireland") && !places().contains("Northern"));
    }
}
