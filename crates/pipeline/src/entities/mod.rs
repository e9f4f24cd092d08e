//! Finds people, organisations and places and resolves their names within a
//! document and across the corpus.
//!
//! Invariant: every `Document::mentions` entry points at an entity whose
//! `documents` lists that document; mentions are sorted by `start` and never
//! overlap; entity ids index the returned vector.
//!
//! Resolution, on an example: one document writes "Health secretary Jeremy
//! Hunt", later "Mr Hunt" and "Hunt"; another writes "former health
//! secretary, now foreign secretary, Jeremy Hunt".
//!
//! 1. [`find`] reads each document: "Jeremy Hunt" (a person, role "health
//!    secretary"), "Mr Hunt" (a person called "Hunt"), and "Hunt" as an
//!    unrecognised capitalised word.
//! 2. Within the document, a one-word name joins the full name it ends or
//!    starts ("Mr Hunt", "Hunt" → Jeremy Hunt; "Sajid" → Sajid Javid), and an
//!    acronym joins the organisation whose name it abbreviates ("HEE" →
//!    Health Education England), whether the text defines it in brackets or
//!    its initials match.
//! 3. Across the corpus, people join by full name, organisations by a key
//!    that ignores case, "&"/"and" and "of"/"for", acronyms through the
//!    definitions of all documents and the curated list in `data/`; roles
//!    stay per document ("health secretary" in one, "foreign secretary" in
//!    the other).

mod acronyms;
mod chunks;
mod classify;
pub mod find;
pub mod lexicon;
mod names;
mod roles;
mod signature;

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap, FxHashSet};

use corpus_model::{DocId, Document, Entity, EntityId, EntityKind, Mention, Role};

use acronyms::initials;
use corpus_model::cores::map_on_every_core;
use names::{Found, Names};

/// An entity as one document names it.
#[derive(Debug, Default)]
struct Local {
    kind: Option<EntityKind>,
    /// Every name form used (with honorifics stripped), with counts.
    names: BTreeMap<String, usize>,
    /// Surface forms as written.
    surfaces: BTreeSet<String>,
    roles: Vec<String>,
    spans: Vec<(u32, u32)>,
    acronyms: BTreeSet<String>,
    /// Only an acronym names it in this document.
    acronym_only: bool,
}

impl Local {
    fn add(&mut self, f: &Found) {
        self.kind = Some(f.kind);
        *self.names.entry(f.name.clone()).or_default() += 1;
        self.surfaces
            .insert(f.surface.split_whitespace().collect::<Vec<_>>().join(" "));
        for role in &f.roles {
            if !self.roles.contains(role) {
                self.roles.push(role.clone());
            }
        }
        self.spans.push((f.start, f.end));
        if let Some(a) = &f.acronym {
            self.acronyms.insert(a.clone());
        }
    }

    /// The fullest name: most words, then most used.
    fn best_name(&self) -> String {
        let full = self
            .names
            .iter()
            .filter(|(n, _)| !is_acronym(n) || self.names.len() == 1);
        full.max_by_key(|(n, count)| {
            (
                name_words(n),
                **count,
                !n.contains('&'),
                std::cmp::Reverse((*n).clone()),
            )
        })
        .map(|(n, _)| n.clone())
        .unwrap_or_default()
    }
}

/// Words in a name, not counting a leading "The".
fn name_words(name: &str) -> usize {
    name.strip_prefix("The ")
        .unwrap_or(name)
        .split_whitespace()
        .count()
}

fn is_acronym(name: &str) -> bool {
    !name.contains(' ') && name.len() >= 2 && name.chars().all(|c| c.is_ascii_uppercase())
}

/// A key under which an organisation's name forms meet: its words
/// lowercase and in alphabetical order, without "the", "of", "for",
/// "and"/"&", punctuation and a closing company suffix after two words or
/// more, so "Department of
/// Agriculture" meets "Agriculture Department" and "Standard and Poor's
/// Corp" meets "Standard and Poor's".
pub fn org_key(name: &str) -> String {
    let mut words = key_words(name);
    words.sort_unstable();
    words.join(" ")
}

/// The words of an organisation's name that tell it apart, in order:
/// lowercase, without punctuation, the words [`org_key`] ignores and a
/// closing company suffix ("Corp", "Inc") after two words or more.
fn key_words(name: &str) -> Vec<String> {
    let lexicon = lexicon::get();
    let mut words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    if words.len() > 1
        && words
            .last()
            .is_some_and(|w| lexicon.company_suffixes.contains(w))
    {
        words.pop();
    }
    words
        .into_iter()
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !lexicon.org_key_ignored.contains(w.as_str()))
        .collect()
}

/// The acronym an organisation's name makes without its company suffix
/// ("IBM" of "International Business Machines Corp", "SP" of "S and P");
/// none for fewer than two letters.
fn name_initials(name: &str) -> Option<String> {
    let suffixes = &lexicon::get().company_suffixes;
    let name = match name.rsplit_once(' ') {
        Some((rest, last)) if suffixes.contains(last) => rest,
        _ => name,
    };
    Some(initials(name)).filter(|letters| letters.len() >= 2)
}

/// Whether an organisation's name is written as single letters ("S and P").
fn is_spelt_in_letters(name: &str) -> bool {
    let words = key_words(name);
    words.len() >= 2 && words.iter().all(|w| w.chars().count() == 1)
}

/// One document's entities being grouped, with indexes into them by key.
#[derive(Default)]
struct Grouping {
    locals: Vec<Local>,
    /// Lowercase full name → local.
    people: FxHashMap<String, usize>,
    /// [`org_key`] (or `acronym:` and the acronym) → local.
    orgs: FxHashMap<String, usize>,
    /// Name → local.
    places: FxHashMap<String, usize>,
}

/// The local under `key` in `index`, made if there is none.
fn slot(locals: &mut Vec<Local>, index: &mut FxHashMap<String, usize>, key: String) -> usize {
    *index.entry(key).or_insert_with(|| {
        locals.push(Local::default());
        locals.len() - 1
    })
}

/// A person named by a mention, with no role or acronym.
fn plain_person(start: u32, end: u32, word: &str) -> Found {
    Found {
        kind: EntityKind::Person,
        start,
        end,
        name: word.to_string(),
        surface: word.to_string(),
        roles: Vec::new(),
        acronym: None,
        is_acronym: false,
    }
}

/// The people of a document by their one-word names.
struct OneWordNames {
    by_surname: FxHashMap<String, Vec<usize>>,
    by_given: FxHashMap<String, Vec<usize>>,
}

impl OneWordNames {
    fn new(g: &Grouping) -> OneWordNames {
        let mut names = OneWordNames {
            by_surname: FxHashMap::default(),
            by_given: FxHashMap::default(),
        };
        for &i in g.people.values() {
            let name = g.locals[i].best_name().to_lowercase();
            let words: Vec<&str> = name.split(' ').collect();
            if let (Some(first), Some(last)) = (words.first(), words.last()) {
                names
                    .by_surname
                    .entry(last.to_string())
                    .or_default()
                    .push(i);
                names.by_given.entry(first.to_string()).or_default().push(i);
            }
        }
        names
    }

    /// The one person `word` is the surname of, else the given name of.
    fn person(&self, word: &str) -> Option<usize> {
        let word = word.to_lowercase();
        match (
            self.by_surname.get(&word).map(Vec::as_slice),
            self.by_given.get(&word).map(Vec::as_slice),
        ) {
            (Some([one]), _) | (None, Some([one])) => Some(*one),
            _ => None,
        }
    }
}

impl Grouping {
    /// Full names of people, organisations and places; returns the one-word
    /// people and the acronyms, which join them later.
    fn group_names<'f>(&mut self, names: &'f Names) -> (Vec<&'f Found>, Vec<&'f Found>) {
        let (mut short_people, mut acronym_orgs) = (Vec::new(), Vec::new());
        for f in &names.found {
            let i = match f.kind {
                EntityKind::Person if f.name.contains(' ') => {
                    slot(&mut self.locals, &mut self.people, f.name.to_lowercase())
                }
                EntityKind::Person => {
                    short_people.push(f);
                    continue;
                }
                EntityKind::Organisation if f.is_acronym => {
                    acronym_orgs.push(f);
                    continue;
                }
                EntityKind::Organisation => {
                    slot(&mut self.locals, &mut self.orgs, org_key(&f.name))
                }
                EntityKind::Place => slot(&mut self.locals, &mut self.places, f.name.clone()),
            };
            self.locals[i].add(f);
        }
        (short_people, acronym_orgs)
    }

    /// Unrecognised two- or three-word names whose last word the text uses
    /// as a surname ("Mr Fitzwater", "Fitzwater said") are people; returns
    /// their spans.
    fn promote_unconfirmed(&mut self, names: &Names, short_people: &[&Found]) -> Vec<(u32, u32)> {
        let surnames: FxHashSet<String> = short_people
            .iter()
            .map(|f| f.name.to_lowercase())
            .chain(
                names
                    .candidates
                    .iter()
                    .filter(|c| c.speaks)
                    .map(|c| c.word.to_lowercase()),
            )
            .collect();
        let mut promoted = Vec::new();
        for u in &names.unconfirmed {
            let last = u.word.rsplit(' ').next().unwrap_or("").to_lowercase();
            if surnames.contains(&last) {
                promoted.push((u.start, u.end));
                let f = plain_person(u.start, u.end, &u.word);
                let i = slot(&mut self.locals, &mut self.people, f.name.to_lowercase());
                self.locals[i].add(&f);
            }
        }
        promoted
    }

    /// One-word names of people join the one person whose surname, else
    /// given name, they are; other one-word names stand alone. Candidates
    /// outside `promoted` spans join a person the same way, or are dropped.
    fn join_one_word_people(
        &mut self,
        names: &Names,
        short_people: Vec<&Found>,
        promoted: &[(u32, u32)],
    ) {
        let one_word = OneWordNames::new(self);
        for f in short_people {
            let i = one_word
                .person(&f.name)
                .unwrap_or_else(|| slot(&mut self.locals, &mut self.people, f.name.to_lowercase()));
            self.locals[i].add(f);
        }
        for c in &names.candidates {
            if promoted
                .iter()
                .any(|&(start, end)| c.start >= start && c.end <= end)
            {
                continue;
            }
            let i = one_word
                .person(&c.word)
                .or_else(|| self.people.get(&c.word.to_lowercase()).copied());
            if let Some(i) = i {
                self.locals[i].add(&plain_person(c.start, c.end, &c.word));
            }
        }
    }

    /// Shorter names of the document's organisations, lowercase → local:
    /// the name without its company suffix ("American Express" for
    /// "American Express Co"); one word only when it is distinctive and the
    /// document never writes it in lowercase ("Pennzoil", not "Hospital"
    /// for "Hospital Corp"). A form two organisations share names neither.
    fn organisation_short_forms(&self, text: &str) -> FxHashMap<String, usize> {
        let lexicon = lexicon::get();
        let mut forms: FxHashMap<String, Option<usize>> = FxHashMap::default();
        let mut orgs: Vec<usize> = self.orgs.values().copied().collect();
        orgs.sort_unstable();
        for i in orgs {
            let name = self.locals[i].best_name();
            let mut words: Vec<&str> = name.split(' ').collect();
            let full = words.len();
            while words.len() > 1
                && words
                    .last()
                    .is_some_and(|w| lexicon.company_suffixes.contains(w))
            {
                words.pop();
            }
            let kept = match words[..] {
                [one] => is_distinctive(one) && !written_in_lowercase(text, one),
                _ => true,
            };
            if words.len() < full && kept {
                forms
                    .entry(words.join(" ").to_lowercase())
                    .and_modify(|o| *o = o.filter(|&other| other == i))
                    .or_insert(Some(i));
            }
        }
        (forms.into_iter())
            .filter_map(|(form, org)| Some((form, org?)))
            .collect()
    }

    /// One-word people and unrecognised names that are the short form of
    /// an organisation of the document ([`Grouping::organisation_short_forms`])
    /// name that organisation ("Pennzoil said" after "Pennzoil Co").
    fn join_organisation_short_forms(
        &mut self,
        text: &str,
        names: &Names,
        short_people: &mut Vec<&Found>,
    ) {
        let forms = self.organisation_short_forms(text);
        if forms.is_empty() {
            return;
        }
        let org_of = |word: &str| forms.get(&word.to_lowercase()).copied();
        let mut joined = Vec::new();
        short_people.retain(|f| match org_of(&f.name) {
            Some(i) => {
                joined.push((i, f.start, f.end, f.surface.clone()));
                false
            }
            None => true,
        });
        for c in names.candidates.iter().chain(&names.unconfirmed) {
            if let Some(i) = org_of(&c.word) {
                joined.push((i, c.start, c.end, c.word.clone()));
            }
        }
        for (i, start, end, surface) in joined {
            let local = &mut self.locals[i];
            local.spans.push((start, end));
            local.surfaces.insert(surface);
        }
    }

    /// Acronyms join the organisation they abbreviate in this document, by
    /// definition, else by initials (the first organisation named wins a
    /// tie); others stand alone. Acronyms defined as common nouns name none.
    fn join_acronyms(&mut self, names: &Names, acronym_orgs: Vec<&Found>) {
        let mut orgs: Vec<usize> = self.orgs.values().copied().collect();
        orgs.sort_unstable();
        let mut by_acronym: FxHashMap<String, usize> = FxHashMap::default();
        for &i in &orgs {
            for a in &self.locals[i].acronyms {
                by_acronym.entry(a.clone()).or_insert(i);
            }
        }
        for &i in &orgs {
            let initials = initials(&self.locals[i].best_name());
            if initials.len() >= 2 {
                by_acronym.entry(initials).or_insert(i);
            }
        }
        for f in acronym_orgs {
            if names.plain_acronyms.iter().any(|a| a == &f.name) {
                continue;
            }
            let i = by_acronym.get(&f.name).copied().unwrap_or_else(|| {
                let i = slot(
                    &mut self.locals,
                    &mut self.orgs,
                    format!("acronym:{}", f.name),
                );
                self.locals[i].acronym_only = true;
                i
            });
            self.locals[i].add(f);
            self.locals[i].acronyms.insert(f.name.clone());
        }
    }
}

/// Whether a word alone may stand for the organisation it names with a
/// company suffix ("Pennzoil" for "Pennzoil Co"): not a common word, place,
/// given name, nationality, organisation head or company suffix.
fn is_distinctive(word: &str) -> bool {
    let lexicon = lexicon::get();
    word.chars().count() >= 3
        && corpus_text::words::is_capitalised(word)
        && !lexicon.common_words.contains(word.to_lowercase().as_str())
        && !lexicon.places.contains(word)
        && !lexicon.given_names.contains(word)
        && !lexicon.org_heads.contains(word)
        && !lexicon.company_suffixes.contains(word)
        && !corpus_text::words::looks_national(word)
}

/// Whether `text` has `word` in lowercase as a word of its own.
fn written_in_lowercase(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    text.match_indices(&lower).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Groups one document's names into the entities it names.
fn resolve_document(text: &str, blocks: &[corpus_model::Block]) -> Vec<Local> {
    let names = find::find(text, blocks);
    let mut g = Grouping::default();
    let (mut short_people, acronym_orgs) = g.group_names(&names);
    g.join_organisation_short_forms(text, &names, &mut short_people);
    let promoted = g.promote_unconfirmed(&names, &short_people);
    g.join_one_word_people(&names, short_people, &promoted);
    g.join_acronyms(&names, acronym_orgs);
    g.locals.retain(|l| l.kind.is_some());
    g.locals
}

/// Finds entities in every document, filling `Document::mentions`, and
/// returns them resolved across the corpus.
pub fn extract(documents: &mut [Document]) -> Vec<Entity> {
    let per_doc: Vec<Vec<Local>> =
        map_on_every_core(documents, |d| resolve_document(&d.text, &d.blocks));
    let acronym_key = acronym_keys(&per_doc);
    let mut corpus = Corpus::default();
    for (doc, locals) in per_doc.iter().enumerate() {
        corpus.absorb(doc as DocId, locals, &acronym_key);
    }
    let mut redirect = corpus.join_one_word_people();
    corpus.join_prefixed_names(&mut redirect);
    // Entities in a stable order: kind, then name.
    let mut order: Vec<usize> = (0..corpus.merged.len())
        .filter(|&i| redirect[i] == i)
        .collect();
    order.sort_by_cached_key(|&i| {
        let m = &corpus.merged[i];
        (m.kind, m.best_name().to_lowercase())
    });
    let mut id_of = vec![0 as EntityId; corpus.merged.len()];
    for (id, &i) in order.iter().enumerate() {
        id_of[i] = id as EntityId;
    }
    for (doc, mine) in std::mem::take(&mut corpus.doc_entities)
        .into_iter()
        .enumerate()
    {
        let ids = mine
            .into_iter()
            .map(|(i, spans)| (id_of[redirect[i]], spans));
        documents[doc].mentions = mentions(ids);
    }
    order
        .into_iter()
        .map(|i| std::mem::take(&mut corpus.merged[i]).into_entity())
        .collect()
}

/// How many times as many documents as any other organisation with the
/// same initials one must be named in for an acronym no text defines to
/// stand for it: "IBM" for International Business Machines (33 stories
/// against 4), but no guess between two bodies the corpus names about as
/// often.
const INITIALS_LEAD: usize = 5;
/// The fewest documents that organisation must be named in.
const INITIALS_MIN_DOCUMENTS: usize = 3;

/// Acronym → organisation key, from the curated list, then the
/// corpus's own definitions (which win), then, for acronyms neither
/// defines, the initials of the corpus's organisations when one
/// organisation leads the others with those initials by [`INITIALS_LEAD`]
/// times their documents.
fn acronym_keys(per_doc: &[Vec<Local>]) -> FxHashMap<String, String> {
    let mut acronym_key: FxHashMap<String, String> = lexicon::get()
        .acronyms
        .iter()
        .map(|(a, full)| (a.to_string(), org_key(full)))
        .collect();
    // Initials → organisation key → documents naming it.
    let mut by_initials: FxHashMap<String, FxHashMap<String, usize>> = FxHashMap::default();
    for locals in per_doc {
        for l in locals
            .iter()
            .filter(|l| l.kind == Some(EntityKind::Organisation) && !l.acronym_only)
        {
            let name = l.best_name();
            let key = org_key(&name);
            for a in &l.acronyms {
                acronym_key.insert(a.clone(), key.clone());
            }
            let spelt_out = !is_acronym(&name) && !is_spelt_in_letters(&name);
            if let Some(letters) = name_initials(&name).filter(|_| spelt_out) {
                *by_initials
                    .entry(letters)
                    .or_default()
                    .entry(key)
                    .or_default() += 1;
            }
        }
    }
    for (letters, keys) in by_initials {
        let mut counts: Vec<(usize, &String)> = keys.iter().map(|(key, &n)| (n, key)).collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let runner_up = counts.get(1).map_or(0, |&(n, _)| n);
        if let Some(&(n, key)) = counts.first() {
            if n >= INITIALS_MIN_DOCUMENTS && n >= INITIALS_LEAD * runner_up {
                acronym_key.entry(letters).or_insert_with(|| key.clone());
            }
        }
    }
    acronym_key
}

/// A document's mentions, sorted by start, the longest first at one
/// start, and without overlaps (the earlier mention wins).
fn mentions(ids: impl Iterator<Item = (EntityId, Vec<(u32, u32)>)>) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = ids
        .flat_map(|(entity, spans)| {
            spans
                .into_iter()
                .map(move |(start, end)| Mention { entity, start, end })
        })
        .collect();
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut last_end = 0;
    mentions.retain(|m| {
        let keep = m.start >= last_end;
        if keep {
            last_end = m.end;
        }
        keep
    });
    mentions
}

/// The corpus's entities being assembled, document by document.
#[derive(Default)]
struct Corpus {
    merged: Vec<Merged>,
    /// (kind, key) → index into `merged`.
    global: FxHashMap<(EntityKind, String), usize>,
    /// Per document, its entities and their spans.
    doc_entities: Vec<Vec<Spans>>,
    /// Surname → people with full names that end in it.
    full_surnames: FxHashMap<String, Vec<usize>>,
}

impl Corpus {
    /// Merges one document's entities into the corpus's, by the key of
    /// their kind: full name, organisation key (through `acronym_key` for an
    /// acronym alone) or place name.
    fn absorb(&mut self, doc: DocId, locals: &[Local], acronym_key: &FxHashMap<String, String>) {
        let mut mine = Vec::new();
        for l in locals {
            let kind = l.kind.expect("retained locals have a kind");
            let name = l.best_name();
            let key = match kind {
                EntityKind::Organisation if l.acronym_only => acronym_key
                    .get(&name)
                    .cloned()
                    .unwrap_or_else(|| format!("acronym:{name}")),
                EntityKind::Organisation if is_acronym(&name) => acronym_key
                    .get(&name)
                    .cloned()
                    .unwrap_or_else(|| org_key(&name)),
                EntityKind::Organisation if is_spelt_in_letters(&name) => name_initials(&name)
                    .and_then(|letters| acronym_key.get(&letters).cloned())
                    .unwrap_or_else(|| org_key(&name)),
                EntityKind::Organisation => org_key(&name),
                EntityKind::Person => name.to_lowercase(),
                EntityKind::Place => name.clone(),
            };
            let merged = &mut self.merged;
            let index = *self.global.entry((kind, key)).or_insert_with(|| {
                merged.push(Merged {
                    kind: Some(kind),
                    ..Merged::default()
                });
                merged.len() - 1
            });
            if kind == EntityKind::Person && name.contains(' ') {
                let surname = name.rsplit(' ').next().unwrap_or("").to_lowercase();
                let list = self.full_surnames.entry(surname).or_default();
                if !list.contains(&index) {
                    list.push(index);
                }
            }
            self.merged[index].absorb(doc, l);
            mine.push((index, l.spans.clone()));
        }
        self.doc_entities.push(mine);
    }

    /// A person named by one word in some document ("Mr Hunt") joins the
    /// one person of the corpus with that surname. Returns, for each
    /// entity, the entity it now is part of (itself if none).
    fn join_one_word_people(&mut self) -> Vec<usize> {
        let mut redirect: Vec<usize> = (0..self.merged.len()).collect();
        for (i, m) in self.merged.iter().enumerate() {
            if m.kind == Some(EntityKind::Person) && !m.best_name().contains(' ') {
                if let Some([one]) = self
                    .full_surnames
                    .get(&m.best_name().to_lowercase())
                    .map(Vec::as_slice)
                {
                    redirect[i] = *one;
                }
            }
        }
        for (i, &to) in redirect.iter().enumerate() {
            if to != i {
                let from = std::mem::take(&mut self.merged[i]);
                self.merged[to].merge(from);
            }
        }
        redirect
    }
}

impl Corpus {
    /// A name that is another entity's full name with up to four words of
    /// someone else's title or a country's abbreviation before it
    /// ("Exchequer Nigel Lawson" from "Chancellor of the Exchequer Nigel
    /// Lawson", "U.S Agriculture Department") joins that entity, the longer
    /// form kept as an alias. A person's dropped words must not be a given
    /// name ("Mary Ann Smith" is not "Ann Smith"); an organisation's must
    /// be an abbreviation in capitals, since "American Stock Exchange" is
    /// not "Stock Exchange".
    fn join_prefixed_names(&mut self, redirect: &mut [usize]) {
        let live: Vec<usize> = (0..self.merged.len())
            .filter(|&i| redirect[i] == i)
            .collect();
        let mut by_name: FxHashMap<(EntityKind, String), usize> = FxHashMap::default();
        for &i in &live {
            let m = &self.merged[i];
            if let Some(kind) = m.kind {
                by_name
                    .entry((kind, m.best_name().to_lowercase()))
                    .or_insert(i);
            }
        }
        let mut by_length: Vec<(usize, String)> = live
            .iter()
            .map(|&i| (i, self.merged[i].best_name()))
            .collect();
        by_length.sort_by_key(|(_, name)| name.split(' ').count());
        for (i, name) in by_length {
            let Some(kind) = self.merged[i].kind else {
                continue;
            };
            let Some(target) = prefixed_name_of(kind, &name, &by_name) else {
                continue;
            };
            let to = redirect[target];
            if to == i {
                continue;
            }
            redirect[i] = to;
            let from = std::mem::take(&mut self.merged[i]);
            self.merged[to].merge_as_alias(from);
        }
    }
}

/// The entity whose full name `name` is, after droppable words.
fn prefixed_name_of(
    kind: EntityKind,
    name: &str,
    by_name: &FxHashMap<(EntityKind, String), usize>,
) -> Option<usize> {
    full_name_after_prefix(name, |full| {
        let found = by_name.get(&(kind, full.to_lowercase()))?;
        Some((kind, *found))
    })
}

/// Most words before a full name that may belong to something else ("U.S.
/// Trade Representative Clayton Yeutter").
const MAX_PREFIX_WORDS: usize = 4;

/// What `find` gives for the full name `name` is after one to
/// [`MAX_PREFIX_WORDS`] words that belong to something else
/// ([`is_droppable_prefix`] for the kind `find` reports), the last of them
/// capitalised ("Wim Moret of Banque Paribas" is not Banque Paribas),
/// keeping at least two words of the name.
pub fn full_name_after_prefix<T>(
    name: &str,
    find: impl Fn(&str) -> Option<(EntityKind, T)>,
) -> Option<T> {
    let words: Vec<&str> = name.split(' ').collect();
    (1..=MAX_PREFIX_WORDS.min(words.len().saturating_sub(2))).find_map(|k| {
        let (kind, found) = find(&words[k..].join(" "))?;
        let joined_by_lowercase = !corpus_text::words::is_capitalised(words[k - 1]);
        (!joined_by_lowercase && words[..k].iter().all(|w| is_droppable_prefix(kind, w)))
            .then_some(found)
    })
}

/// Whether a word before a name of `kind` may belong to something else: for
/// a person, any word but a given name; for an organisation, a country's
/// abbreviation ("U.S"), not a company's own letters ("PPG Industries");
/// never for a place.
fn is_droppable_prefix(kind: EntityKind, word: &str) -> bool {
    let lexicon = lexicon::get();
    match kind {
        EntityKind::Person => !lexicon.given_names.contains(word),
        EntityKind::Organisation => lexicon
            .country_abbreviations
            .contains(word.replace('.', "").as_str()),
        EntityKind::Place => false,
    }
}

/// An entity (index into the merged list) and its spans in one document.
type Spans = (usize, Vec<(u32, u32)>);

/// An entity being assembled from the documents that name it.
#[derive(Debug, Default)]
struct Merged {
    /// Always set once the entity absorbed a document.
    kind: Option<EntityKind>,
    names: BTreeMap<String, usize>,
    aliases: BTreeSet<String>,
    roles: Vec<Role>,
    documents: BTreeSet<DocId>,
    acronym_only: bool,
}

impl Merged {
    fn absorb(&mut self, doc: DocId, l: &Local) {
        for (name, count) in &l.names {
            *self.names.entry(name.clone()).or_default() += count;
        }
        self.aliases.extend(l.surfaces.iter().cloned());
        self.aliases.extend(l.acronyms.iter().cloned());
        for role in &l.roles {
            let role = Role {
                doc,
                role: role.clone(),
            };
            if !self.roles.contains(&role) {
                self.roles.push(role);
            }
        }
        self.documents.insert(doc);
        self.acronym_only = self.acronym_only || l.acronym_only;
    }

    fn merge(&mut self, other: Merged) {
        for (name, count) in other.names {
            *self.names.entry(name).or_default() += count;
        }
        self.aliases.extend(other.aliases);
        for role in other.roles {
            if !self.roles.contains(&role) {
                self.roles.push(role);
            }
        }
        self.documents.extend(other.documents);
    }

    /// Takes in `other`, a longer form of this entity's name: its names
    /// become aliases, so they never win as the entity's name.
    fn merge_as_alias(&mut self, other: Merged) {
        self.aliases.extend(other.names.into_keys());
        let rest = Merged {
            names: BTreeMap::new(),
            ..other
        };
        self.merge(rest);
    }

    /// The fullest name the corpus gives: full names over acronyms, most
    /// words, then most used ("&" counted as "and"), then alphabetical.
    fn best_name(&self) -> String {
        let mut forms: BTreeMap<String, usize> = BTreeMap::new();
        for (name, count) in &self.names {
            *forms.entry(name.replace(" & ", " and ")).or_default() += count;
        }
        let full: Vec<(&String, &usize)> = forms.iter().filter(|(n, _)| !is_acronym(n)).collect();
        let pool = if full.is_empty() {
            forms.iter().collect()
        } else {
            full
        };
        pool.into_iter()
            .max_by_key(|(n, count)| (name_words(n), **count, std::cmp::Reverse((*n).clone())))
            .map(|(n, _)| n.clone())
            .unwrap_or_default()
    }

    fn into_entity(self) -> Entity {
        let name = self.best_name();
        let mut aliases: BTreeSet<String> = self
            .aliases
            .into_iter()
            .chain(self.names.into_keys())
            .filter(|a| !a.eq_ignore_ascii_case(&name))
            .collect();
        let kind = self.kind.unwrap_or(EntityKind::Place);
        if kind == EntityKind::Organisation {
            for a in aliases.clone().iter().chain(std::iter::once(&name)) {
                if let Some(full) = lexicon::get().acronyms.get(a.as_str()) {
                    if !full.eq_ignore_ascii_case(&name) {
                        aliases.insert(full.to_string());
                    }
                }
            }
        }
        let mut roles = self.roles;
        roles.sort_by(|a, b| (a.doc, &a.role).cmp(&(b.doc, &b.role)));
        Entity {
            kind,
            name,
            aliases: aliases.into_iter().collect(),
            roles,
            documents: self.documents.into_iter().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus_model::{Block, BlockKind};

    fn people(text: &str) -> Vec<(String, Vec<String>)> {
        named(text, EntityKind::Person)
    }

    /// The entities of one kind a one-paragraph text names, with aliases.
    fn named(text: &str, kind: EntityKind) -> Vec<(String, Vec<String>)> {
        named_in(&[text], kind)
    }

    /// The entities of one kind that one-paragraph documents name, with
    /// aliases.
    fn named_in(texts: &[&str], kind: EntityKind) -> Vec<(String, Vec<String>)> {
        let mut docs: Vec<Document> = texts
            .iter()
            .map(|text| Document {
                text: text.to_string(),
                blocks: vec![Block {
                    kind: BlockKind::Paragraph,
                    start: 0,
                    end: text.len() as u32,
                }],
                ..Document::default()
            })
            .collect();
        extract(&mut docs)
            .into_iter()
            .filter(|e| e.kind == kind)
            .map(|e| (e.name, e.aliases))
            .collect()
    }

    #[test]
    fn a_full_name_after_words_of_a_title() {
        let find = |full: &str| {
            matches!(full, "Clara Voss" | "Trade Department")
                .then_some((EntityKind::Person, full.to_string()))
        };
        let cases = [
            ("U.S. Trade Envoy Deputy Clara Voss", Some("Clara Voss")),
            ("Undersecretary of Trade Clara Voss", Some("Clara Voss")),
            ("Milo Hart of Trade Department", None),
            ("Clara Voss", None),
        ];
        for (name, want) in cases {
            assert_eq!(
                full_name_after_prefix(name, find).as_deref(),
                want,
                "{name:?}"
            );
        }
    }

    #[test]
    fn a_company_named_without_its_suffix_is_that_company() {
        let text = "American Express Co rose. American Express said it was studying options. \
                    Pennzoil Co sued. Pennzoil said it would appeal.";
        let orgs = named(text, EntityKind::Organisation);
        assert!(
            orgs.iter()
                .any(|(n, a)| n == "American Express Co"
                    && a.contains(&"American Express".to_string())),
            "{orgs:?}"
        );
        assert!(
            orgs.iter()
                .any(|(n, a)| n == "Pennzoil Co" && a.contains(&"Pennzoil".to_string())),
            "{orgs:?}"
        );
        assert!(people(text).is_empty(), "{:?}", people(text));
    }

    #[test]
    fn an_organisation_meets_its_other_forms_across_documents() {
        let mut texts = vec![
            "The Department of Agriculture said exports rose.",
            "The Agriculture Department said exports fell.",
            "S and P said the outlook was stable.",
        ];
        let agency = "Standard and Poor's Corp said it had cut the rating.";
        let firms = "International Business Machines Corp said sales rose.";
        texts.extend([agency; 3]);
        texts.extend([firms; 3]);
        texts.push("IBM said it would hire.");
        // Two bodies of the same initials, named as often: no guess.
        texts.extend(["The Council of Mortgage Lenders said prices rose."; 2]);
        texts.extend(["The Civil Mediation League said cases rose."; 2]);
        texts.push("CML said it would respond.");
        let orgs = named_in(&texts, EntityKind::Organisation);
        let with = |name: &str, alias: &str| {
            orgs.iter()
                .any(|(n, a)| n == name && a.iter().any(|x| x == alias))
        };
        assert!(
            with("Department of Agriculture", "Agriculture Department"),
            "{orgs:?}"
        );
        assert!(with("Standard and Poor's Corp", "S and P"), "{orgs:?}");
        assert!(
            with("International Business Machines Corp", "IBM"),
            "{orgs:?}"
        );
        assert!(orgs.iter().any(|(n, _)| n == "CML"), "{orgs:?}");
    }

    #[test]
    fn surnames_may_open_with_a_particle() {
        for (text, name) in [
            ("John van Dam said so.", "John van Dam"),
            (
                "Finance Minister Ronnie de Mel said the budget was tight. De Mel said more aid was needed.",
                "Ronnie de Mel",
            ),
        ] {
            let found = people(text);
            assert!(found.iter().any(|(n, _)| n == name), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_front_head_may_follow_its_modifiers() {
        let text = "Prices rose 0.5 pct in February, the Central Bureau of Statistics said.";
        let orgs = named(text, EntityKind::Organisation);
        assert!(
            orgs.iter()
                .any(|(n, _)| n == "Central Bureau of Statistics"),
            "{orgs:?}"
        );
    }

    #[test]
    fn a_generic_word_left_by_a_company_suffix_stays_apart() {
        let text = "Hospital Corp said the hospital would close. Hospital said nothing more.";
        let orgs = named(text, EntityKind::Organisation);
        assert!(
            orgs.iter()
                .all(|(_, aliases)| !aliases.contains(&"Hospital".to_string())),
            "{orgs:?}"
        );
    }

    #[test]
    fn one_word_names_join_the_person_they_name() {
        /// (text, the people it names with their aliases).
        type Case<'a> = (&'a str, &'a [(&'a str, &'a [&'a str])]);
        let cases: &[Case] = &[
            (
                "Marlin Fitzwater told reporters. Fitzwater said it was over.",
                &[("Marlin Fitzwater", &["Fitzwater"])],
            ),
            (
                "Sir Simon Stevens spoke. Later Mr Stevens left.",
                &[(
                    "Simon Stevens",
                    &["Mr Stevens", "Sir Simon Stevens", "Stevens"],
                )],
            ),
            (
                "President Reagan spoke first. Then Ronald Reagan left.",
                &[("Ronald Reagan", &["President Reagan", "Reagan"])],
            ),
            (
                "Senator Robert Dole of Kansas said no.",
                &[("Robert Dole", &[])],
            ),
            // negative rows: a firm's name confirmed by nothing but itself, a weekday
            ("Merrill Lynch said it would sell the unit.", &[]),
            ("On Tuesday Stoltenberg arrived.", &[]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, Vec<String>)> = expected
                .iter()
                .map(|(n, a)| (n.to_string(), a.iter().map(|s| s.to_string()).collect()))
                .collect();
            assert_eq!(people(text), expected, "in {text:?}");
        }
    }
}
