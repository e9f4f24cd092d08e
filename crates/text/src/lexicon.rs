//! Every word list the rules consult, as data files under `data/`, embedded
//! at compile time and named here once.
//!
//! One format for all of them: `#` comment lines at the top saying what the
//! list is and how a line reads, then one entry a line, sorted in byte order
//! with no repeats. An entry is a word or phrase, or `key = value`, or fields
//! separated by `|` or spaces where the header says so. The test below holds
//! every file in `data/` to that, and to being named here.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// One list file: its name under `data/` and its text.
#[derive(Debug, Clone, Copy)]
pub struct WordList {
    pub file: &'static str,
    pub text: &'static str,
}

impl WordList {
    /// The entries: lines without comments, blank lines and outer spaces.
    pub fn entries(self) -> impl Iterator<Item = &'static str> {
        self.text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    }

    /// `key = value` entries, split and trimmed; other lines are skipped.
    pub fn pairs(self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.entries()
            .filter_map(|l| l.split_once(" = "))
            .map(|(k, v)| (k.trim(), v.trim()))
    }

    /// Whether `word` is an entry (exact, case-sensitive).
    pub fn contains(self, word: &str) -> bool {
        self.entries().any(|e| e == word)
    }
}

/// A word list's entries as a set, built on first use: for a list that
/// rules consult word by word.
pub struct WordSet {
    list: WordList,
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn of(list: WordList) -> WordSet {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is an entry (exact, case-sensitive).
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.list.entries().collect())
            .contains(word)
    }

    /// The entries, in the list's order.
    pub fn entries(&self) -> impl Iterator<Item = &'static str> {
        self.list.entries()
    }
}

macro_rules! word_lists {
    ($($(#[$doc:meta])* $name:ident = $file:literal;)*) => {
        $($(#[$doc])* pub const $name: WordList = WordList {
            file: $file,
            text: include_str!(concat!("../data/", $file)),
        };)*
        /// Every list, for the format test.
        pub const ALL: &[WordList] = &[$($name),*];
    };
}

word_lists! {
    /// Acronyms and the names they stand for (`NHS = National Health Service`).
    ACRONYMS = "acronyms.txt";
    /// Lowercase common words that are not names when capitalised.
    COMMON_WORDS = "common_words.txt";
    /// Given names that mark a capitalised run as a person's name.
    GIVEN_NAMES = "given_names.txt";
    /// Given names worn by men or by women (`Janet f`), for "he" and "she".
    GIVEN_NAME_GENDERS = "given_name_genders.txt";
    /// Honorifics before a name, for finding names ("Dr", "Mr").
    NAME_HONORIFICS = "name_honorifics.txt";
    /// Words that show someone calling a thing by quoted words ("called").
    NAMING_WORDS = "naming_words.txt";
    /// Words before quoted words that make them a term ("so-called").
    TERM_CUES = "term_cues.txt";
    /// Titles abbreviated with a full stop before a name ("Sen.", "Lt.").
    TITLE_ABBREVIATIONS = "title_abbreviations.txt";
    /// Organisation names known without other evidence.
    KNOWN_ORGS = "known_orgs.txt";
    /// Capitalised words shaped like acronyms that are not organisations.
    NOT_ACRONYMS = "not_acronyms.txt";
    /// Lowercase words that introduce an organisation's name.
    ORG_CUES = "org_cues.txt";
    /// Words that open an organisation's name ("Department of …").
    ORG_FRONT_HEADS = "org_front_heads.txt";
    /// Words that end an organisation's name ("… Council").
    ORG_HEADS = "org_heads.txt";
    /// Place names.
    PLACES = "places.txt";
    /// Words that end a company's legal name ("Inc", "Corp").
    COMPANY_SUFFIXES = "company_suffixes.txt";
    /// Countries with the adjective of their institutions ("Japan = Japanese").
    COUNTRIES = "countries.txt";
    /// Words of a country's institution's generic name ("Finance Ministry").
    INSTITUTION_WORDS = "institution_words.txt";
    /// Countries' abbreviations before an organisation's name ("U.S").
    COUNTRY_ABBREVIATIONS = "country_abbreviations.txt";
    /// Words naming a portfolio after "Minister of" ("Mines and Energy").
    PORTFOLIOS = "portfolios.txt";
    /// Lowercase nouns that head a role ("secretary", "chief executive").
    ROLE_HEADS = "role_heads.txt";
    /// Words that may stand between a subject and its reporting verb.
    AUX_WORDS = "aux_words.txt";
    /// Finite verb forms: text holding one is a clause.
    FINITE_WORDS = "finite_words.txt";
    /// Wording of links and teasers (`prefix …` / `suffix …`).
    FURNITURE_WORDING = "furniture_wording.txt";
    /// Honorifics before a speaker's name, with a gender (`Mrs f`).
    SPEAKER_HONORIFICS = "speaker_honorifics.txt";
    /// Case-sensitive words that make a name an organisation or place.
    ORG_WORDS = "org_words.txt";
    /// Lowercase words that name a role.
    ROLE_WORDS = "role_words.txt";
    /// Reporting verbs: `lemma | flags | forms`.
    REPORTING_VERBS = "reporting_verbs.txt";
    /// Reporting verbs of other languages, in the same format.
    REPORTING_VERBS_OTHER_LANGUAGES = "reporting_verbs_other_languages.txt";
    /// Month names, lowercase, with their number (`january = 1`).
    MONTHS = "months.txt";
    /// Month abbreviations, lowercase, with their number (`jan = 1`).
    MONTH_ABBREVIATIONS = "month_abbreviations.txt";
    /// Weekday names, lowercase.
    WEEKDAYS = "weekdays.txt";
    /// Lines that close a letter before its signature, lowercase.
    SIGN_OFFS = "sign_offs.txt";

    // Page furniture the cleaner drops.
    /// Openings of lines after which the rest of the page is not the
    /// article's ("have you got a story"), lowercase.
    ARTICLE_ENDINGS = "article_endings.txt";
    /// Section names of news sites' menus, lowercase.
    MENU_SECTIONS = "menu_sections.txt";
    /// Wording of promos: `always`, `later` or `within`, then the words.
    PROMO_OPENERS = "promo_openers.txt";
    /// Openings of publication timestamps ("last updated"), lowercase.
    TIMESTAMP_LABELS = "timestamp_labels.txt";

    // Names, roles and organisations, for the entities stage.
    /// Lowercase words that join the capitalised words of one name ("of", "van").
    NAME_CONNECTORS = "name_connectors.txt";
    /// Lowercase particles that open a surname ("de" in "Ronnie de Mel").
    SURNAME_PARTICLES = "surname_particles.txt";
    /// Lowercase titles before a surname alone ("president").
    SURNAME_TITLES = "surname_titles.txt";
    /// Last words of street names ("Street").
    STREET_WORDS = "street_words.txt";
    /// Lowercase words before a role that are not part of it ("newly-appointed").
    ROLE_DESCRIPTORS = "role_descriptors.txt";
    /// Lowercase words that qualify a role ("joint", "acting").
    ROLE_MODIFIERS = "role_modifiers.txt";
    /// Lowercase words that end a role read backwards from a name ("the").
    ROLE_STOPS = "role_stops.txt";
    /// Lowercase words that end a role written after a name ("who", "said").
    APPOSITION_STOPS = "apposition_stops.txt";
    /// Lowercase verb forms that show the words before them name a speaker.
    SPEAKER_VERB_FORMS = "speaker_verb_forms.txt";
    /// Lowercase words whose initials an acronym leaves out ("of", "&").
    ACRONYM_SKIPPED_WORDS = "acronym_skipped_words.txt";
    /// Lowercase words that may stand with names on a line of names ("cc").
    NAME_LINE_FILLERS = "name_line_fillers.txt";
    /// Lowercase words an organisation's name may add or drop ("the", "of").
    ORG_KEY_IGNORED_WORDS = "org_key_ignored_words.txt";

    // Speaker resolution in quote extraction.
    /// Capitalised words that open a sentence without being part of a name.
    NOT_NAMES = "not_names.txt";
    /// Words that make a role a different post ("former", "deputy").
    ROLE_QUALIFIERS = "role_qualifiers.txt";
    /// Nouns that stand for an organisation already named ("the trust").
    ORGANISATION_NOUNS = "organisation_nouns.txt";
    /// Words dropped from the front of a role ("the", "now").
    ROLE_LEADERS = "role_leaders.txt";
    /// Words after an organisation's name in its fullest form ("Inc").
    ORGANISATION_SUFFIXES = "organisation_suffixes.txt";
    /// Words a title may hold uncapitalised ("and", "of").
    TITLE_SMALL_WORDS = "title_small_words.txt";
    /// Words that end a role written before a name, reading leftwards.
    ROLE_PREFIX_STOPS = "role_prefix_stops.txt";
    /// Words of a role that carry no meaning when roles are compared.
    ROLE_FILLERS = "role_fillers.txt";
    /// Words that may join the capitalised words of a speaker's name ("and").
    SPEAKER_NAME_CONNECTORS = "speaker_name_connectors.txt";
    /// Subjects by which a letter's writer speaks of themselves ("we").
    FIRST_PERSON_SUBJECTS = "first_person_subjects.txt";
    /// Head nouns of a speaker left unnamed on purpose ("sources").
    ANONYMOUS_SOURCES = "anonymous_sources.txt";
    /// Endings of nationality adjectives ("-ese", "-ish").
    NATIONALITY_ENDINGS = "nationality_endings.txt";

    // Reporting clauses in quote extraction.
    /// Words that end a subject read back from its reporting verb ("but").
    SUBJECT_STOPS = "subject_stops.txt";
    /// Words after which a reporting verb form is a noun ("the report").
    NOUN_MARKERS = "noun_markers.txt";
    /// Reporting verb lemmas that are also common nouns ("claim").
    NOUN_LIKE_VERBS = "noun_like_verbs.txt";
    /// Words opening a phrase between a verb and its "that" ("in", "on").
    PHRASE_OPENERS = "phrase_openers.txt";
    /// Personal pronouns as subjects ("he", "they").
    SUBJECT_PRONOUNS = "subject_pronouns.txt";
    /// Words that open a description of who speaks ("one", "another").
    QUANTIFIERS = "quantifiers.txt";
    /// Personal pronouns as listeners ("him", "them").
    OBJECT_PRONOUNS = "object_pronouns.txt";
    /// Determiners opening a speaker's or listener's noun phrase ("the").
    DETERMINERS = "determiners.txt";
    /// Capitalised openers of the words before a verb that name no speaker.
    NON_SUBJECT_OPENERS = "non_subject_openers.txt";
    /// Forms of "to be" that make a participle passive ("was").
    BE_FORMS = "be_forms.txt";
    /// Verbs that negate the reporting verb after them ("declined").
    REFUSAL_VERBS = "refusal_verbs.txt";
    /// Words that negate the reporting verb after them ("not").
    NEGATIONS = "negations.txt";
    /// Nouns for someone who speaks for their body ("a Treasury official").
    REPRESENTATIVE_NOUNS = "representative_nouns.txt";
    /// Words saying how many, after which "about" means "roughly" ("half").
    QUANTITY_WORDS = "quantity_words.txt";
    /// Prepositions after which a name says where someone is ("in London").
    LOCATING_PREPOSITIONS = "locating_prepositions.txt";
    /// Prepositions that end a subject read back from ", who" ("from").
    RELATIVE_SUBJECT_STOPS = "relative_subject_stops.txt";
    /// Conjunctions dropped where a coordinated reporting verb begins ("and").
    CLAUSE_JOINERS = "clause_joiners.txt";
    /// The commonest function words of each Latin-alphabet language with a
    /// stemmer (`fr = a au aux ...`), for telling a text's language.
    LANGUAGE_STOPWORDS = "language_stopwords.txt";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file in `data/` is named in [`ALL`], opens with its comment
    /// header, and is sorted in byte order without repeats.
    #[test]
    fn every_list_is_named_headed_sorted_and_unique() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        on_disk.sort();
        let mut named: Vec<String> = ALL.iter().map(|l| l.file.to_string()).collect();
        named.sort();
        assert_eq!(on_disk, named, "files in data/ and lists named in ALL");
        for list in ALL {
            assert!(list.text.starts_with('#'), "{} has no header", list.file);
            let entries: Vec<&str> = list.entries().collect();
            assert!(!entries.is_empty(), "{} is empty", list.file);
            for pair in entries.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{}: {:?} before {:?} (sorted, no repeats)",
                    list.file,
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}
