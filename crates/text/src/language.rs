//! Which language a text is in, among the eighteen a Snowball stemmer
//! exists for, so the search index can stem each document by its own rules.
//!
//! Two steps, cheapest first:
//! 1. the script decides where it names one language ([`SCRIPT_LANGUAGES`]:
//!    Arabic, Greek, Cyrillic → Russian, Tamil);
//! 2. Latin-alphabet text goes to the language whose list of commonest
//!    function words (`data/language_stopwords.txt`) holds most of its first
//!    [`SAMPLE_WORDS`] words, if it holds at least [`MIN_SHARE`] of them and
//!    clearly more than the runner-up; otherwise the text is English, the
//!    language of the search analyzer's defaults.
//!
//! Scripts with no stemmer (Chinese, Japanese, Hebrew, …) give `None`.
//! Worked example: "Le gouvernement a annoncé que les infirmières …" has
//! `le`, `a`, `que`, `les` in the French list, fewer in any other: French.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::lexicon::LANGUAGE_STOPWORDS;
use crate::scripts::main_script;
use crate::words::{lowercased, word_spans, Prose};

/// The languages a stemmer exists for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    Arabic,
    Danish,
    Dutch,
    English,
    Finnish,
    French,
    German,
    Greek,
    Hungarian,
    Italian,
    Norwegian,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
}

/// Scripts that name one language.
const SCRIPT_LANGUAGES: &[(&str, Language)] = &[
    ("Arabic", Language::Arabic),
    ("Cyrillic", Language::Russian),
    ("Greek", Language::Greek),
    ("Tamil", Language::Tamil),
];

/// ISO 639-1 codes of the languages in the function-word lists.
const CODES: &[(&str, Language)] = &[
    ("da", Language::Danish),
    ("de", Language::German),
    ("en", Language::English),
    ("es", Language::Spanish),
    ("fi", Language::Finnish),
    ("fr", Language::French),
    ("hu", Language::Hungarian),
    ("it", Language::Italian),
    ("nl", Language::Dutch),
    ("no", Language::Norwegian),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("sv", Language::Swedish),
    ("tr", Language::Turkish),
];

/// Words of a text read for its language.
pub const SAMPLE_WORDS: usize = 400;
/// Least share of the sampled words the winning list must hold.
pub const MIN_SHARE: f32 = 0.08;
/// How much more of the sample the winner must hold than the runner-up.
pub const MIN_LEAD: f32 = 1.2;

/// The language of `text`, or `None` when its script has no stemmer.
pub fn detect(text: &str) -> Option<Language> {
    match main_script(text)? {
        "Latin" => Some(latin_language(text)),
        script => SCRIPT_LANGUAGES
            .iter()
            .find(|(name, _)| *name == script)
            .map(|&(_, language)| language),
    }
}

/// The listed languages, and each function word with the languages that
/// list it (bit `i` for the `i`-th language), read once.
struct Profiles {
    languages: Vec<Language>,
    words: FxHashMap<&'static str, u32>,
}

fn profiles() -> &'static Profiles {
    static PROFILES: OnceLock<Profiles> = OnceLock::new();
    PROFILES.get_or_init(|| {
        let mut profiles = Profiles {
            languages: Vec::new(),
            words: FxHashMap::default(),
        };
        for (code, list) in LANGUAGE_STOPWORDS.pairs() {
            let Some(&(_, language)) = CODES.iter().find(|(c, _)| *c == code) else {
                continue;
            };
            let bit = 1 << profiles.languages.len();
            profiles.languages.push(language);
            for word in list.split_whitespace() {
                *profiles.words.entry(word).or_default() |= bit;
            }
        }
        profiles
    })
}

/// The Latin-alphabet language whose function words `text` uses most.
fn latin_language(text: &str) -> Language {
    let profiles = profiles();
    let mut hits = vec![0usize; profiles.languages.len()];
    let mut sampled = 0;
    for span in word_spans::<Prose>(text).take(SAMPLE_WORDS) {
        sampled += 1;
        let Some(&bits) = profiles.words.get(lowercased(&text[span]).as_ref()) else {
            continue;
        };
        for (i, count) in hits.iter_mut().enumerate() {
            if bits & (1 << i) != 0 {
                *count += 1;
            }
        }
    }
    if sampled == 0 {
        return Language::English;
    }
    let mut scores: Vec<(usize, Language)> = hits
        .into_iter()
        .zip(profiles.languages.iter().copied())
        .collect();
    scores.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let best = scores.first().copied().unwrap_or((0, Language::English));
    let runner_up = scores.get(1).map_or(0, |s| s.0);
    let share = best.0 as f32 / sampled as f32;
    if share >= MIN_SHARE && best.0 as f32 >= runner_up as f32 * MIN_LEAD {
        best.1
    } else {
        Language::English
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_text_gets_its_language() {
        let rows: &[(&str, Option<Language>)] = &[
            ("The nurses said that the hospital was short of staff and would close.", Some(Language::English)),
            ("Le gouvernement a annoncé que les infirmières seront mieux payées dans les hôpitaux.", Some(Language::French)),
            ("Die Regierung hat angekündigt, dass die Pflegekräfte mehr Geld für ihre Arbeit bekommen.", Some(Language::German)),
            ("El gobierno anunció que las enfermeras recibirán más dinero por su trabajo en los hospitales.", Some(Language::Spanish)),
            ("Il governo ha annunciato che le infermiere saranno pagate di più per il loro lavoro.", Some(Language::Italian)),
            ("De regering heeft aangekondigd dat de verpleegkundigen meer geld krijgen voor het werk.", Some(Language::Dutch)),
            ("O governo anunciou que as enfermeiras vão receber mais dinheiro pelo seu trabalho.", Some(Language::Portuguese)),
            ("Regeringen har meddelat att sjuksköterskorna ska få mer betalt för sitt arbete och det är bra.", Some(Language::Swedish)),
            ("Правительство объявило, что медсёстры получат больше денег.", Some(Language::Russian)),
            ("قالت الممرضات إن المستشفيات تعاني من نقص في الموظفين", Some(Language::Arabic)),
            ("Η κυβέρνηση ανακοίνωσε ότι οι νοσηλευτές θα πληρωθούν περισσότερο.", Some(Language::Greek)),
            ("东京都政府周三宣布了一项新的护理人员招聘计划", None),
            ("האחיות אמרו שבתי החולים סובלים ממחסור בצוות", None),
            ("BAHIA COCOA REVIEW", Some(Language::English)),
            ("", None),
        ];
        for &(text, want) in rows {
            assert_eq!(detect(text), want, "{text:?}");
        }
    }
}
