//! Finds the personal names a document writes, and the proper name inside
//! the words that name a speaker.
//!
//! A personal name is a run of two to four capitalised words, after any
//! title or sentence opener, that passes every test of
//! [`PERSONAL_NAME_TESTS`] ("Jeremy Hunt", "Yurij V. Ponomarev"); the
//! entities stage adds the people it found that the text reading missed.
//!
//! Invariant: people are sorted by where they are written; a name is
//! spelled as the document writes it, title-cased when written in capitals,
//! or as the entity spells it when that is the fuller form.

use std::ops::Range;

use super::super::clauses::vocabulary::LOCATING_PREPOSITION;
use super::super::layout::Signatory;
use super::super::lexicon::{Gender, Lexicon};
use super::super::rule::Rule;
use super::known::KnownEntities;
use super::vocabulary::{
    is_name_connector, is_not_name, is_organisation_noun, is_organisation_suffix, spokes_role,
};
use corpus_text::calendar::is_month_or_weekday;
use corpus_text::tokens::without_possessive;
use corpus_text::words::{is_all_caps, is_capitalised, is_ticker_code, joined, title_case, words};

/// A name the document writes, and whether it is known to be a person's.
#[derive(Debug, Clone)]
pub struct Person {
    pub at: Range<usize>,
    pub name: String,
    /// The text shows this is a person, not just a capitalised phrase: a
    /// title, a role, a surname used alone, a verb it does or that reports
    /// it ("said Anil Desai"), a signature or a person entity.
    pub confirmed: bool,
}

/// What the document's capitalised runs tell about names.
#[derive(Debug, Default)]
pub struct Names {
    pub people: Vec<Person>,
    /// Organisation names with where they are written, in reading order.
    pub organisations: Vec<(usize, String)>,
    /// Surnames written after a title, with the gender it implies.
    pub genders: Vec<(String, Gender)>,
}

/// What the words naming a speaker contain.
#[derive(Debug, Clone)]
pub enum Naming {
    /// A proper name ("Mr Hunt", "NHS Employers").
    Named(NameRun),
    /// Only a description or role ("the health secretary").
    Described,
}

/// A proper name found inside a mention.
#[derive(Debug, Clone, Default)]
pub struct NameRun {
    /// As written, or title-cased when written in capitals.
    pub name: String,
    pub at: Range<usize>,
    /// A title ("Mr", "Professor") came before it.
    pub honorific: bool,
}

/// The gender a title implies, if `word` is a title ("Mrs", "Dr.").
pub fn honorific(word: &str) -> Option<Gender> {
    Lexicon::get()
        .honorifics
        .get(word.trim_end_matches('.'))
        .copied()
}

/// One test a run of capitalised words must pass to be a personal name.
type NameTest = Rule<fn(&[&str]) -> bool>;

/// "V", "J": a single capital letter.
fn is_initial(word: &str) -> bool {
    word.chars().count() == 1 && word.chars().all(char::is_uppercase)
}

/// Every test a personal name passes, on its words after any title.
const PERSONAL_NAME_TESTS: &[NameTest] = &[
    Rule {
        name: "two to four words",
        apply: |ws| (2..=4).contains(&ws.len()),
    },
    Rule {
        name: "not ending in an initial",
        apply: |ws| !ws.last().is_some_and(|w| is_initial(w)),
    },
    Rule {
        name: "no organisation word",
        apply: |ws| !ws.iter().any(|w| Lexicon::get().is_org_word(w)),
    },
    Rule {
        name: "no month or weekday",
        apply: |ws| !ws.iter().any(|w| is_month_or_weekday(w)),
    },
    Rule {
        name: "no sentence opener",
        apply: |ws| !ws.iter().any(|w| is_not_name(w)),
    },
    Rule {
        name: "one case throughout",
        apply: |ws| {
            let caps = ws.iter().all(|w| is_all_caps(w));
            ws.iter().all(|w| {
                (caps || !is_all_caps(w))
                    && (w.chars().skip(1).any(char::is_lowercase) != caps || is_initial(w))
            })
        },
    },
];

/// Whether the words of a run, after any title, make a personal name.
fn looks_personal(names: &[&str]) -> bool {
    PERSONAL_NAME_TESTS.iter().all(|t| (t.apply)(names))
}

/// The maximal runs of joined capitalised words, as word ranges.
fn capitalised_word_runs(text: &str) -> Vec<Vec<Range<usize>>> {
    let ws = words(text, 0..text.len());
    let mut runs: Vec<Vec<Range<usize>>> = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let capitalised = is_capitalised(&text[w.clone()]);
        let continues = capitalised && (current.is_empty() || joined(text, &ws[i - 1], w));
        if !continues && !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
        if capitalised {
            current.push(w.clone());
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// Drops titles, sentence openers and role words from the front of a run;
/// returns the gender of the last title dropped.
fn strip_front(text: &str, run: &mut Vec<Range<usize>>) -> Option<Gender> {
    let lex = Lexicon::get();
    let mut gender = None;
    let written = run.len();
    while let Some(first) = run.first() {
        let w = &text[first.clone()];
        if let Some(g) = honorific(w) {
            gender = Some(g);
        } else if !(is_not_name(w)
            || lex.is_role_word(w)
            || run
                .iter()
                .skip(1)
                .any(|r| lex.is_role_word(&text[r.clone()])))
        {
            break;
        }
        run.remove(0);
    }
    drop_portfolio(text, run, run.len() < written);
    gender
}

/// Whether the run follows "of" or "and" ("Minister of Mines and |Energy
/// Subroto|"), so its first words may end a portfolio.
fn continues_a_portfolio(text: &str, run: &[Range<usize>]) -> bool {
    run.first().is_some_and(|r| {
        let before = text[..r.start].trim_end();
        [" of", " and"].iter().any(|w| before.ends_with(w))
    })
}

/// Reads the document's names: personal names from its capitalised runs,
/// the entities stage's people the runs missed, and a letter's signatory.
pub fn read_names(text: &str, known: &KnownEntities, signatory: Option<&Signatory>) -> Names {
    let lex = Lexicon::get();
    let mut found = Names::default();
    for mut run in capitalised_word_runs(text) {
        let gender = strip_front(text, &mut run);
        if let (Some(g), Some(last)) = (gender, run.last()) {
            found.genders.push((text[last.clone()].to_string(), g));
        }
        let names: Vec<&str> = run.iter().map(|r| &text[r.clone()]).collect();
        if names.len() > 1 && names.iter().any(|w| lex.is_org_word(w)) {
            found.organisations.push((run[0].start, names.join(" ")));
        }
        if !looks_personal(&names) {
            continue;
        }
        let at = run[0].start..run[run.len() - 1].end;
        let written = &text[at.clone()];
        let caps = names.iter().all(|w| is_all_caps(w));
        let name = if caps {
            title_case(written)
        } else {
            written.to_string()
        };
        let entity = known.mentioned(&at).or_else(|| known.named(&name));
        let confirmed = gender.is_some() || entity.is_some();
        let name = entity.map_or(name.clone(), |e| fuller(&known.entity(e).name, &name));
        found.people.push(Person {
            at,
            name,
            confirmed,
        });
    }
    let missed: Vec<Person> = known
        .people_with_full_names()
        .filter(|(m, _)| !overlaps_any(&found.people, m))
        .map(|(at, name)| Person {
            at,
            name: name.to_string(),
            confirmed: true,
        })
        .collect();
    found.people.extend(missed);
    found.people.sort_by_key(|p| p.at.start);
    if let Some(s) = signatory {
        if !found.people.iter().any(|p| p.at == s.at) {
            found.people.push(Person {
                at: s.at.clone(),
                name: s.name.clone(),
                confirmed: true,
            });
            found.people.sort_by_key(|p| p.at.start);
        }
    }
    found
}

/// Whether any of `people` overlaps `range`; the people are sorted by
/// start and do not overlap one another, so their ends are sorted too.
fn overlaps_any(people: &[Person], range: &Range<usize>) -> bool {
    let next = people.partition_point(|p| p.at.end <= range.start);
    people.get(next).is_some_and(|p| p.at.start < range.end)
}

/// Of an entity's name (without any title or role before it) and the
/// name the document writes in full, the longer when it ends with the
/// same surname ("Tomas Reyes" over an entity named "Reyes") and adds no
/// title or role to a person's full name ("Premier Zhao Ziyang" is Zhao
/// Ziyang); otherwise the entity's name.
pub fn fuller(entity_name: &str, written: &str) -> String {
    let lex = Lexicon::get();
    let tokens: Vec<&str> = entity_name.split_whitespace().collect();
    let role_until = tokens
        .iter()
        .rposition(|w| lex.is_role_word(w) || honorific(w).is_some());
    let bare = match role_until {
        Some(r) if r + 2 <= tokens.len() => tokens[r + 1..].join(" "),
        _ => entity_name.to_string(),
    };
    let entity_name = bare.as_str();
    let last = |s: &str| s.split_whitespace().last().map(str::to_lowercase);
    let longer = written.split_whitespace().count() > entity_name.split_whitespace().count();
    let personal = looks_personal(&entity_name.split_whitespace().collect::<Vec<_>>());
    let titled = personal
        && written
            .strip_suffix(entity_name)
            .filter(|lead| lead.ends_with(' '))
            .is_some_and(|lead| {
                lead.split_whitespace()
                    .any(|w| lex.is_role_word(w) || honorific(w).is_some())
            });
    if longer && !titled && last(written) == last(entity_name) {
        written.to_string()
    } else {
        entity_name.to_string()
    }
}

/// Where the last run of capitalised words (joined by connectors) in `ws`
/// starts; `ws.len()` when the last word is not capitalised.
fn last_capitalised_run(text: &str, ws: &[Range<usize>]) -> usize {
    let mut run_start = ws.len();
    for i in (0..ws.len()).rev() {
        let w = &text[ws[i].clone()];
        let joined = i + 1 < ws.len() && joined(text, &ws[i], &ws[i + 1]);
        let connector = is_name_connector(w)
            && run_start == i + 1
            && i > 0
            && is_capitalised(&text[ws[i - 1].clone()]);
        if (is_capitalised(w) && !is_month_or_weekday(w) || connector)
            && (run_start == ws.len() && i == ws.len() - 1 || run_start == i + 1 && joined)
        {
            run_start = i;
        } else if run_start != ws.len() {
            break;
        }
    }
    run_start
}

/// Drops titles, role words and openers from the front of a mention's name
/// run (keeping "The" that opens a capitalised name at the mention's
/// start); returns whether a title was dropped.
fn strip_mention_front(text: &str, run: &mut Vec<Range<usize>>, at_mention_start: bool) -> bool {
    let lex = Lexicon::get();
    let mut honorific_seen = false;
    let written = run.len();
    while let Some(first) = run.first() {
        let w = &text[first.clone()];
        let the_of_a_name = w == "The"
            && run.len() > 1
            && run.iter().all(|r| is_capitalised(&text[r.clone()]))
            && at_mention_start;
        if honorific(w).is_some() {
            honorific_seen = true;
        } else if !(lex.is_role_word(w)
            || (is_not_name(w) && !the_of_a_name)
            || (run.len() > 2
                && run[1..run.len() - 1]
                    .iter()
                    .any(|r| lex.is_role_word(&text[r.clone()]))))
        {
            break;
        }
        run.remove(0);
    }
    drop_portfolio(text, run, run.len() < written);
    honorific_seen
}

/// "of Mines and Energy Subroto" → "Subroto": the rest of a role cut off
/// at its head ("Minister of …", when `role_cut` says words were stripped
/// from the run's front) or following "of" or "and" loses the portfolio
/// words before the name.
fn drop_portfolio(text: &str, run: &mut Vec<Range<usize>>, role_cut: bool) {
    if !role_cut && !continues_a_portfolio(text, run) {
        return;
    }
    let lex = Lexicon::get();
    let of = usize::from(
        run.first()
            .is_some_and(|r| matches!(&text[r.clone()], "of" | "for")),
    );
    let portfolio = run[of..]
        .iter()
        .take_while(|r| lex.is_portfolio(&text[(*r).clone()]))
        .count();
    if of + portfolio < run.len() {
        run.drain(..of + portfolio);
    }
}

/// "Anil Desai of Kelso Bank" → "Anil Desai": a short personal name
/// followed by "of" and an organisation loses the affiliation.
fn cut_affiliation(text: &str, run: &mut Vec<Range<usize>>) {
    let lex = Lexicon::get();
    let Some(of) = run.iter().position(|r| &text[r.clone()] == "of") else {
        return;
    };
    let (person, affiliation) = (&run[..of], &run[of + 1..]);
    let org_like =
        |r: &Range<usize>| lex.is_org_word(&text[r.clone()]) || is_all_caps(&text[r.clone()]);
    let personal = (2..=3).contains(&person.len()) && !person.iter().any(org_like);
    if personal && affiliation.iter().any(org_like) {
        run.truncate(of);
    }
}

/// The proper name inside a mention: its last run of capitalised words,
/// without titles and role words. `Some(Naming::Described)` means the
/// mention has no name (a role or description); `None` means it cannot
/// name a speaker at all.
pub fn name_in(text: &str, mention: Range<usize>) -> Option<Naming> {
    let lex = Lexicon::get();
    let mut ws = words(text, mention.clone());
    // "Volkswagen AG VOWG.F": the company, without its ticker code.
    while ws.last().is_some_and(|w| is_ticker_code(&text[w.clone()])) {
        ws.pop();
    }
    if ws.is_empty() {
        return None;
    }
    let mut run_start = last_capitalised_run(text, &ws);
    let mut run_end = ws.len();
    let before_run = |at: usize| (at > 0).then(|| &text[ws[at - 1].clone()]);
    // "Bankers Trust in New York", "a memo from Laurence Tisch": the name
    // before where it is; "experts in London": a description of someone,
    // not a name, unless a spokesperson's ("a spokesman at Kelso Bank").
    let preposition = before_run(run_start).unwrap_or_default();
    if preposition == "from" || LOCATING_PREPOSITION.contains(preposition) {
        let earlier = last_capitalised_run(text, &ws[..run_start - 1]);
        if earlier < run_start - 1 {
            run_end = run_start - 1;
            run_start = earlier;
        } else if LOCATING_PREPOSITION.contains(preposition)
            && spokes_role(&text[mention.start..ws[run_start - 1].end]).is_none()
        {
            return Some(Naming::Described);
        }
    }
    // "Jacobs Engineering group Inc": a company suffix alone ends a name
    // written partly in lowercase, from its first capitalised word on.
    let lone_suffix =
        run_end == run_start + 1 && is_organisation_suffix(&text[ws[run_start].clone()]);
    if lone_suffix {
        let joined_to_suffix = |i: usize| (i..run_start).all(|k| joined(text, &ws[k], &ws[k + 1]));
        if let Some(first) =
            (0..run_start).find(|&i| is_capitalised(&text[ws[i].clone()]) && joined_to_suffix(i))
        {
            run_start = first;
        }
    }
    // "Company said", as a wire writes "the company said".
    let organisation_noun =
        run_start == 0 && run_end == 1 && is_organisation_noun(&text[ws[0].clone()].to_lowercase());
    if organisation_noun {
        return Some(Naming::Described);
    }
    // "Economists polled by Reuters": the agent after "by" is not who speaks.
    if run_start == ws.len() || before_run(run_start) == Some("by") {
        return Some(Naming::Described);
    }
    let mut run: Vec<Range<usize>> = ws[run_start..run_end].to_vec();
    let honorific = strip_mention_front(text, &mut run, run_start == 0);
    cut_affiliation(text, &mut run);
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return Some(Naming::Described);
    };
    let titled_role = lex.is_role_word(&text[last.clone()])
        && !run.iter().any(|r| lex.is_org_word(&text[r.clone()]));
    let possessor = without_possessive(&text[last.clone()]).is_some() && last.end < mention.end;
    if titled_role || possessor {
        return Some(Naming::Described);
    }
    let at = first.start..last.end;
    let written = &text[at.clone()];
    let name = if written.split_whitespace().all(is_all_caps)
        && written.split_whitespace().count() > 1
        && !honorific
        && !written.split_whitespace().any(|w| lex.is_org_word(w))
    {
        title_case(written)
    } else {
        written.to_string()
    };
    Some(Naming::Named(NameRun {
        name,
        at,
        honorific,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row per personal-name test, each a run that fails only that
    /// test, plus runs that pass them all.
    #[test]
    fn personal_name_tests() {
        let cases: &[(&str, &[&str], bool)] = &[
            ("two to four words", &["Hunt"], false),
            ("not ending in an initial", &["Yurij", "V"], false),
            ("no organisation word", &["Kelso", "Bank"], false),
            ("no month or weekday", &["Monday", "Hunt"], false),
            ("no sentence opener", &["Meanwhile", "Hunt"], false),
            ("one case throughout", &["JEREMY", "Hunt"], false),
            ("", &["Jeremy", "Hunt"], true),
            ("", &["Yurij", "V", "Ponomarev"], true),
            ("", &["ANIL", "DESAI"], true),
        ];
        for &(failing, run, want) in cases {
            assert_eq!(looks_personal(run), want, "{run:?} (fails {failing:?})");
            if !failing.is_empty() {
                let test = PERSONAL_NAME_TESTS.iter().find(|t| t.name == failing);
                let test = test.unwrap_or_else(|| panic!("no test named {failing:?}"));
                assert!(!(test.apply)(run), "{failing:?} should reject {run:?}");
            }
        }
    }

    #[test]
    fn names_in_mentions() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Mr Hunt", Some("Hunt")),
            ("Health Secretary Humza Yousaf", Some("Humza Yousaf")),
            (
                "The Royal College of Nursing",
                Some("Royal College of Nursing"),
            ),
            ("The Kings Fund", Some("The Kings Fund")),
            ("Anil Desai of Kelso Bank", Some("Anil Desai")),
            ("Secretary of State George Shultz", Some("George Shultz")),
            ("Minister of Mines and Energy Subroto", Some("Subroto")),
            ("Bank of England", Some("Bank of England")),
            ("Economists polled by Reuters", None),
            ("Bankers Trust in New York", Some("Bankers Trust")),
            ("the health secretary", None),
            ("Chancellor Helmut Kohl's coalition", None),
            ("Kelso Bank Ltd KELS.L", Some("Kelso Bank Ltd")),
            (
                "Corvel Engineering group Inc",
                Some("Corvel Engineering group Inc"),
            ),
            ("experts in Lisbon", None),
            ("experts based in", None),
        ];
        for &(mention, want) in cases {
            let got = match name_in(mention, 0..mention.len()) {
                Some(Naming::Named(run)) => Some(run.name),
                _ => None,
            };
            assert_eq!(got.as_deref(), want, "name in {mention:?}");
        }
    }

    #[test]
    fn the_fuller_of_an_entity_and_a_written_name() {
        let cases = [
            ("Reyes", "Tomas Reyes", "Tomas Reyes"),
            ("Zhao Ziyang", "Premier Zhao Ziyang", "Zhao Ziyang"),
            ("Jim Wright", "Senate President Jim Wright", "Jim Wright"),
            ("Tomas Reyes", "Reyes", "Tomas Reyes"),
            (
                "Commission",
                "EC Executive Commission",
                "EC Executive Commission",
            ),
        ];
        for (entity, written, want) in cases {
            assert_eq!(fuller(entity, written), want, "{entity:?} or {written:?}");
        }
    }
}
