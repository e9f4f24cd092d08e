//! Spells an organisation's name in the fullest form its document writes:
//! an acronym expanded where the document spells it out ("SIMEX" → "The
//! Singapore International Monetary Exchange Ltd, SIMEX," → "Singapore
//! International Monetary Exchange Ltd"), a corporate suffix added ("Jones
//! and Vining" → "Jones and Vining Inc"), a nationality put before
//! ("Agriculture Ministry" → "Japanese Agriculture Ministry"), and a
//! country's institution named generically ("the Finance Ministry") given
//! the one country the document names ("Belgian Finance Ministry").
//!
//! Invariant: the fuller form is a run the document writes, or a generic
//! institution's name after the adjective of the only country the document
//! names; a name with no fuller form comes back as written.

use std::cell::{OnceCell, RefCell};
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::super::lexicon::Lexicon;
use super::vocabulary::{
    is_name_connector, is_not_name, is_organisation_suffix, organisation_suffixes,
};
use corpus_text::lexicon::{WordSet, COUNTRIES, INSTITUTION_WORDS};
use corpus_text::tokens::without_possessive;
use corpus_text::words::{is_all_caps, is_capitalised, joined, looks_national, words};

/// A document's capitalised runs, and the organisation names already expanded.
#[derive(Debug)]
pub struct OrganisationNames<'a> {
    text: &'a str,
    /// Every run of capitalised words (joined by connectors) of two or more words.
    runs: Vec<String>,
    expanded: RefCell<FxHashMap<String, String>>,
    /// The adjective of the only country the document names, read when
    /// first needed.
    country: OnceCell<Option<&'static str>>,
}

impl<'a> OrganisationNames<'a> {
    pub fn of(text: &'a str) -> OrganisationNames<'a> {
        OrganisationNames {
            text,
            runs: capitalised_runs(text),
            expanded: RefCell::new(FxHashMap::default()),
            country: OnceCell::new(),
        }
    }

    /// The fullest form of the organisation name `name` the document writes.
    pub fn fullest(&self, name: &str) -> String {
        if let Some(known) = self.expanded.borrow().get(name) {
            return known.clone();
        }
        let full = self.expand(name);
        self.expanded
            .borrow_mut()
            .insert(name.to_string(), full.clone());
        full
    }

    fn expand(&self, written: &str) -> String {
        if is_all_caps(written) && !written.contains(' ') {
            if let Some(expanded) = self.acronym(written) {
                return expanded;
            }
        }
        let bare = written.strip_prefix("The ").unwrap_or(written);
        let holding = (!bare.contains(' ') && Lexicon::get().is_org_word(bare))
            .then(|| self.only_run_holding(bare))
            .flatten();
        let name = holding.as_deref().unwrap_or(bare);
        let ends_run = |candidate: &str| {
            self.runs
                .iter()
                .any(|r| r == candidate || r.ends_with(&format!(" {candidate}")))
        };
        let mut full = name.to_string();
        if let Some(suffix) = organisation_suffixes()
            .find(|s| !name.ends_with(*s) && ends_run(&format!("{name} {s}")))
        {
            full = format!("{name} {suffix}");
        } else if let Some(company) = self.only_company_led_by(name) {
            full = company;
        }
        if name
            .split_whitespace()
            .any(|w| Lexicon::get().is_org_word(w))
        {
            let national = self.nationality_before(name).or_else(|| {
                is_generic_institution(name)
                    .then(|| *self.country.get_or_init(|| only_country(self.text)))
                    .flatten()
                    .map(str::to_string)
            });
            if let Some(word) = national {
                full = format!("{word} {full}");
            }
        }
        if full == bare {
            written.to_string()
        } else {
            full
        }
    }

    /// "Japanese" in a run "… Japanese Agriculture Ministry" ending with
    /// `name`, or a place's possessive ("Japan's Finance Ministry").
    fn nationality_before(&self, name: &str) -> Option<String> {
        self.runs.iter().find_map(|r| {
            let lead = r.strip_suffix(name)?.strip_suffix(' ')?;
            let word = lead.rsplit(' ').next()?;
            let national = is_capitalised(word) && !is_not_name(word) && looks_national(word);
            if national {
                Some(word.to_string())
            } else {
                place_possessive(lead).map(str::to_string)
            }
        })
    }

    /// The one company the document names in full whose name opens with
    /// `name` ("Hughes" → "Hughes Tool Co"), if only one.
    fn only_company_led_by(&self, name: &str) -> Option<String> {
        if !is_capitalised(name) {
            return None;
        }
        let lead = format!("{name} ");
        let mut companies = self.runs.iter().filter(|r| {
            r.starts_with(&lead) && r.rsplit(' ').next().is_some_and(is_organisation_suffix)
        });
        let first = companies.next()?;
        companies.all(|r| r == first).then(|| first.clone())
    }

    /// The one organisation name of two or more words the document writes
    /// with the word `word` ("the Bank" → "Central Bank"), if only one.
    fn only_run_holding(&self, word: &str) -> Option<String> {
        let mut holding = self.runs.iter().filter_map(|r| {
            let ws: Vec<&str> = r
                .split(' ')
                .skip_while(|w| is_not_name(w) || *w == "The" || place_possessive(w).is_some())
                .collect();
            (ws.len() > 1 && ws.contains(&word)).then(|| ws.join(" "))
        });
        let first = holding.next()?;
        holding.all(|r| r == first).then_some(first)
    }

    /// The name an acronym stands for, from the document's own apposition:
    /// "The Singapore International Monetary Exchange Ltd, SIMEX," or
    /// "Health Education England (HEE)".
    fn acronym(&self, acronym: &str) -> Option<String> {
        let text = self.text;
        let initial = acronym.chars().next()?;
        [format!(", {acronym},"), format!(" ({acronym})")]
            .iter()
            .find_map(|pattern| {
                let at = text.find(pattern.as_str())?;
                let before: Vec<&str> = text[..at].rsplit(' ').take(8).collect();
                let mut run: Vec<&str> = before
                    .iter()
                    .copied()
                    .take_while(|w| is_capitalised(w) || is_name_connector(w))
                    .collect();
                run.reverse();
                while run
                    .first()
                    .is_some_and(|w| !is_capitalised(w) || is_not_name(w))
                {
                    run.remove(0);
                }
                let fits = run.len() > 1 && run[0].starts_with(initial);
                fits.then(|| run.join(" "))
            })
    }
}

/// Whether `name` is the generic name of a country's institution ("Finance
/// Ministry", "Central Bank"): two or more words, each an institution word.
fn is_generic_institution(name: &str) -> bool {
    static WORDS: WordSet = WordSet::of(INSTITUTION_WORDS);
    name.split_whitespace().count() >= 2
        && name
            .split_whitespace()
            .all(|w| WORDS.contains(w.to_lowercase().as_str()))
}

/// The adjective of the only country `text` names, by its name or its
/// adjective ("Japan", "Japanese"); none when it names none or several. A
/// longer name is read before a shorter one inside it ("West Germany" is
/// not also "Germany").
fn only_country(text: &str) -> Option<&'static str> {
    static FORMS: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        COUNTRIES
            .pairs()
            .flat_map(|(country, adjective)| {
                [
                    (country, adjective),
                    (adjective.trim_end_matches('.'), adjective),
                ]
            })
            .collect()
    });
    let ws = words(text, 0..text.len());
    let mut found: Option<&'static str> = None;
    let mut i = 0;
    while i < ws.len() {
        let matched = (1..=3.min(ws.len() - i)).rev().find_map(|n| {
            let form = &text[ws[i].start..ws[i + n - 1].end];
            let joined_up = (i..i + n - 1).all(|k| joined(text, &ws[k], &ws[k + 1]));
            let bare = without_possessive(form).unwrap_or(form);
            joined_up
                .then(|| forms.get(bare.trim_end_matches('.')))
                .flatten()
                .map(|adjective| (n, *adjective))
        });
        match matched {
            Some((_, adjective)) if found.is_some_and(|f| f != adjective) => return None,
            Some((n, adjective)) => {
                found = Some(adjective);
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

/// The place's possessive that ends `lead` ("Sri Lanka's" in "Sri
/// Lanka's"), if it ends with one.
fn place_possessive(lead: &str) -> Option<&str> {
    let places = crate::entities::lexicon::places();
    let stem = without_possessive(lead)?;
    let starts = std::iter::once(0).chain(stem.match_indices(' ').map(|(i, _)| i + 1));
    starts
        .filter(|&from| places.contains(&stem[from..]))
        .map(|from| &lead[from..])
        .next()
}

/// The maximal runs of capitalised words in `text`, with connectors
/// ("of", "and", "for", "&") allowed between capitalised words; only runs
/// of two or more words.
fn capitalised_runs(text: &str) -> Vec<String> {
    let ws = words(text, 0..text.len());
    let mut runs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let word = &text[w.clone()];
        let continues = i > 0 && joined(text, &ws[i - 1], w);
        let connector = is_name_connector(word) && !current.is_empty();
        if !continues && !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
        if is_capitalised(word) || (connector && continues) {
            current.push(word);
        } else if !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    runs.push(current);
    runs.into_iter()
        .map(|mut run| {
            while run.last().is_some_and(|w| !is_capitalised(w)) {
                run.pop();
            }
            run.join(" ")
        })
        .filter(|run| run.contains(' '))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fullest_names() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "The Singapore International Monetary Exchange Ltd, SIMEX, said so.",
                "SIMEX",
                "Singapore International Monetary Exchange Ltd",
            ),
            (
                "Health Education England (HEE) said so.",
                "HEE",
                "Health Education England",
            ),
            (
                "Jones and Vining Inc said so.",
                "Jones and Vining",
                "Jones and Vining Inc",
            ),
            (
                "The Japanese Agriculture Ministry said so.",
                "Agriculture Ministry",
                "Japanese Agriculture Ministry",
            ),
            ("Kelso said so.", "Kelso", "Kelso"),
            (
                "Japan's Finance Ministry said so.",
                "Finance Ministry",
                "Japan's Finance Ministry",
            ),
            (
                "Sri Lanka's Central Bank said so, a Bank spokesman said.",
                "Bank",
                "Sri Lanka's Central Bank",
            ),
            (
                "The Central Bank and the World Bank said so.",
                "Bank",
                "Bank",
            ),
            (
                "The Belgian loan was priced at par, the Finance Ministry said.",
                "Finance Ministry",
                "Belgian Finance Ministry",
            ),
            (
                "West German and French officials met; the Finance Ministry said so.",
                "Finance Ministry",
                "Finance Ministry",
            ),
            (
                "Bonn's talks with West Germany's partners, the Finance Ministry said.",
                "Finance Ministry",
                "West German Finance Ministry",
            ),
        ];
        for &(text, name, want) in cases {
            assert_eq!(
                OrganisationNames::of(text).fullest(name),
                want,
                "{name:?} in {text:?}"
            );
        }
    }
}
