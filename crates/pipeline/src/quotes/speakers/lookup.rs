//! Indexes over a document's people and roles, built once per document so
//! that resolving a mention costs about the same however many names the
//! document writes: a document of many short attributed quotes resolves
//! one name per quote, and a scan over every person per quote made the
//! stage quadratic.
//!
//! Invariant: each index gives exactly the answer the plain scan over the
//! sorted people (or roles) would give, ties broken the same way.

use rustc_hash::{FxHashMap, FxHashSet};

use super::super::lexicon::Gender;
use super::names::Person;
use super::roles::{role_words, RoleOf};

/// The people whose names are fuller forms of a shorter name, found by
/// every run of trailing words shorter than the whole name ("Mary Hunt"
/// and "Hunt" for "Anna Mary Hunt") and by the first word ("Anna").
#[derive(Debug, Default)]
pub struct FullNames {
    /// Trailing words (joined by single spaces) → people, in order.
    by_ending: FxHashMap<String, Vec<usize>>,
    /// First word of a name of two or more words → people, in order.
    by_first: FxHashMap<String, Vec<usize>>,
}

impl FullNames {
    /// Indexes `people`, which are sorted by where they are written.
    pub fn of(people: &[Person]) -> FullNames {
        let mut index = FullNames::default();
        for (i, p) in people.iter().enumerate() {
            let theirs: Vec<&str> = p.name.split_whitespace().collect();
            for from in 1..=theirs.len() {
                let ending = theirs[from..].join(" ");
                index.by_ending.entry(ending).or_default().push(i);
            }
            if theirs.len() > 1 {
                let first = theirs[0].to_string();
                index.by_first.entry(first).or_default().push(i);
            }
        }
        index
    }

    /// The person whose name has more words than `name` and ends with its
    /// words (or, for one word, starts with it): the last among the first
    /// `before` people, else the first of all.
    pub fn fuller_than(&self, name: &str, before: usize) -> Option<usize> {
        let tokens: Vec<&str> = name.split_whitespace().collect();
        let ending = self.by_ending.get(&tokens.join(" ")).map(Vec::as_slice);
        let first = match tokens.as_slice() {
            [one] => self.by_first.get(*one).map(Vec::as_slice),
            _ => None,
        };
        let lists = [ending.unwrap_or_default(), first.unwrap_or_default()];
        let last_before = lists
            .iter()
            .filter_map(|l| l[..l.partition_point(|&i| i < before)].last())
            .max();
        last_before
            .or_else(|| lists.iter().filter_map(|l| l.first()).min())
            .copied()
    }
}

/// The roles given to each name: the first of all, and the current ones
/// (not "former") in order of where they are written.
#[derive(Debug, Default)]
pub struct RolesByName {
    by_name: FxHashMap<String, NameRoles>,
}

/// The roles of one name, as indices into the document's roles.
#[derive(Debug)]
struct NameRoles {
    first: usize,
    current: Vec<usize>,
}

impl RolesByName {
    /// Indexes `roles`, which are sorted by where their name is written.
    pub fn of(roles: &[RoleOf]) -> RolesByName {
        let mut index = RolesByName::default();
        for (i, r) in roles.iter().enumerate() {
            let theirs = index
                .by_name
                .entry(r.name.clone())
                .or_insert_with(|| NameRoles {
                    first: i,
                    current: Vec::new(),
                });
            if !r.role.to_lowercase().contains("former") {
                theirs.current.push(i);
            }
        }
        index
    }

    /// The role of `name` to use at `at`: its last current role written at
    /// or before `at`, else its first current role, else its first role.
    pub fn nearest(&self, roles: &[RoleOf], name: &str, at: usize) -> Option<usize> {
        let theirs = self.by_name.get(name)?;
        let current = &theirs.current;
        let written = current.partition_point(|&i| roles[i].at <= at);
        let chosen = written
            .checked_sub(1)
            .map(|k| current[k])
            .or_else(|| current.first().copied());
        Some(chosen.unwrap_or(theirs.first))
    }
}

/// The roles grouped by wording, and the wordings by the words they hold,
/// so that a role mention ("the health secretary") weighs each distinct
/// wording with its head noun once, not every role the document gives.
#[derive(Debug, Default)]
pub struct RolesByWording {
    wordings: Vec<Wording>,
    /// A role word → the wordings holding it, in order of first use.
    by_word: FxHashMap<String, Vec<usize>>,
}

/// One wording of a role and the roles written with it.
#[derive(Debug)]
pub struct Wording {
    /// The role's meaningful words, as [`role_words`] reads them.
    pub words: Vec<String>,
    /// Indices into the document's roles, in order.
    members: Vec<usize>,
}

impl RolesByWording {
    /// Groups `roles`, which are sorted by where their name is written.
    pub fn of(roles: &[RoleOf]) -> RolesByWording {
        let mut index = RolesByWording::default();
        let mut by_role: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, r) in roles.iter().enumerate() {
            let next = index.wordings.len();
            let k = *by_role.entry(r.role.as_str()).or_insert(next);
            if k == next {
                let words = role_words(&r.role);
                let distinct: FxHashSet<&String> = words.iter().collect();
                for w in distinct {
                    index.by_word.entry(w.clone()).or_default().push(k);
                }
                index.wordings.push(Wording {
                    words,
                    members: Vec::new(),
                });
            }
            index.wordings[k].members.push(i);
        }
        index
    }

    /// The wordings whose words include `word`.
    pub fn holding<'s>(&'s self, word: &str) -> impl Iterator<Item = &'s Wording> + 's {
        let found = self.by_word.get(word).map(Vec::as_slice);
        found.unwrap_or_default().iter().map(|&k| &self.wordings[k])
    }
}

impl Wording {
    /// The role of this wording nearest `at`: the last written at or
    /// before it (the first of those written there), else the first.
    pub fn nearest(&self, roles: &[RoleOf], at: usize) -> usize {
        let written = self.members.partition_point(|&i| roles[i].at <= at);
        let Some(last) = written.checked_sub(1) else {
            return self.members[0];
        };
        let place = roles[self.members[last]].at;
        self.members[self.members.partition_point(|&i| roles[i].at < place)]
    }
}

/// The gender the first title before each surname gave it.
pub fn genders_by_surname(genders: &[(String, Gender)]) -> FxHashMap<String, Gender> {
    let mut by_surname = FxHashMap::default();
    for (surname, gender) in genders {
        by_surname.entry(surname.clone()).or_insert(*gender);
    }
    by_surname
}

/// The names of the people confirmed to be people.
pub fn confirmed_names(people: &[Person]) -> FxHashSet<String> {
    people
        .iter()
        .filter(|p| p.confirmed)
        .map(|p| p.name.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, at: usize) -> Person {
        Person {
            at: at..at + name.len(),
            name: name.to_string(),
            confirmed: false,
        }
    }

    /// The index agrees with a plain scan over the people.
    #[test]
    fn fuller_names_as_a_scan_finds_them() {
        let people = [
            person("Jeremy Hunt", 0),
            person("Sajid Javid", 20),
            person("Helen Hunt", 40),
            person("Jeremy Corbyn", 60),
            person("Anna Mary Hunt", 80),
        ];
        let index = FullNames::of(&people);
        let scan = |name: &str, before: usize| {
            let tokens: Vec<&str> = name.split_whitespace().collect();
            let fits = |p: &&Person| {
                let theirs: Vec<&str> = p.name.split_whitespace().collect();
                theirs.len() > tokens.len()
                    && (theirs.ends_with(&tokens) || (tokens.len() == 1 && theirs[0] == tokens[0]))
            };
            let position = |p: &Person| people.iter().position(|q| q.at == p.at);
            people[..before]
                .iter()
                .rfind(fits)
                .or_else(|| people.iter().find(fits))
                .and_then(position)
        };
        for name in [
            "Hunt",
            "Jeremy",
            "Mary Hunt",
            "Javid",
            "Smith",
            "Jeremy Hunt",
        ] {
            for before in 0..=people.len() {
                assert_eq!(
                    index.fuller_than(name, before),
                    scan(name, before),
                    "{name:?} before {before}"
                );
            }
        }
    }

    #[test]
    fn nearest_current_role() {
        let role = |at: usize, role: &str| RoleOf {
            at,
            name: "Jeremy Hunt".to_string(),
            role: role.to_string(),
        };
        let roles = [
            role(0, "former minister"),
            role(10, "health secretary"),
            role(30, "foreign secretary"),
        ];
        let index = RolesByName::of(&roles);
        assert_eq!(index.nearest(&roles, "Jeremy Hunt", 5), Some(1));
        assert_eq!(index.nearest(&roles, "Jeremy Hunt", 20), Some(1));
        assert_eq!(index.nearest(&roles, "Jeremy Hunt", 30), Some(2));
        assert_eq!(index.nearest(&roles, "Sajid Javid", 30), None);
        let former = [role(0, "former minister")];
        let index = RolesByName::of(&former);
        assert_eq!(index.nearest(&former, "Jeremy Hunt", 5), Some(0));
    }
}
