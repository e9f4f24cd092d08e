//! Finds reporting clauses in a sentence: a reporting verb, the words naming
//! its speaker, and, for reported speech, the content it reports.
//!
//! Each word outside quotation marks is tried against [`CLAUSE_RULES`]
//! ("according to" in [`according`], or a reporting verb); the parts of a
//! clause are then read by ordered tables of named rules, first match wins:
//! whether the verb form is a noun here ([`verb`]), who the subject is
//! ([`subject`]), where the verb phrase ends ([`phrase`]) and what it
//! reports ([`content`]). A test row names each rule.
//!
//! ```text
//! In response, Yousaf said both he and the Welsh Health Secretary had raised the issue
//!              ^subject ^verb ^content ……………………………………………………………………………………………………………………
//! …not been restored, Comissaria Smith said in its weekly review.
//! ^content (before) …  ^subject        ^verb
//! ```
//!
//! Invariant: every range lies inside the sentence; the subject and verb lie
//! outside quotation marks; content (which may hold quotations) never starts
//! with a colon or an opening mark, since those introduce direct quotes.

mod according;
mod clause;
mod content;
mod phrase;
mod sentence;
mod subject;
mod verb;
pub mod vocabulary;

use std::ops::Range;

use super::rule::Rule;
use corpus_text::chars::is_dash;
use corpus_text::words::words;

pub use self::clause::Clause;
use self::content::{is_clause, trim_content};
use self::sentence::Words;
use self::verb::Site;
use self::vocabulary::CLAUSE_JOINER;

/// One way of reading a clause at a word: the clause and how many words
/// its verb takes.
type ClauseRule = Rule<fn(&Words, usize) -> Option<(Clause, usize)>>;

/// The clauses a word may start, tried in order.
const CLAUSE_RULES: &[ClauseRule] = &[
    Rule {
        name: "according to",
        apply: according::clause,
    },
    Rule {
        name: "reporting verb",
        apply: reporting_verb,
    },
];

/// The reporting clauses of `text[sentence]`; `quoted` are the sentence's
/// quotations with their marks.
pub fn find(text: &str, sentence: Range<usize>, quoted: &[Range<usize>]) -> Vec<Clause> {
    let all = words(text, sentence.clone());
    let outside = |w: &Range<usize>| !quoted.iter().any(|q| q.start <= w.start && w.end <= q.end);
    let ws: Vec<Range<usize>> = all.iter().filter(|w| outside(w)).cloned().collect();
    let sentence_words = Words {
        text,
        sentence,
        ws,
        all,
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < sentence_words.ws.len() {
        let clause = CLAUSE_RULES
            .iter()
            .find_map(|rule| (rule.apply)(&sentence_words, i));
        match clause {
            Some((clause, used)) => {
                found.push(clause);
                i += used;
            }
            None => i += 1,
        }
    }
    cut_at_coordinated(text, &mut found);
    for clause in &mut found {
        if let Some(content) = clause.content.clone() {
            let enough = is_clause(text, content.clone());
            let only_a_quote = quoted
                .iter()
                .any(|q| q.start <= content.start && content.end <= q.end);
            if !enough || only_a_quote {
                clause.content = None;
            }
        }
    }
    found
}

/// A reporting verb form with its subject, listener and content.
fn reporting_verb(words: &Words, i: usize) -> Option<(Clause, usize)> {
    let site = Site::at(words, i)?;
    let subject = if site.passive {
        None
    } else {
        subject::find(&site)
    };
    let begins = subject
        .as_ref()
        .filter(|s| !s.after_verb)
        .map_or(site.verb.start, |s| {
            subject::phrase_start(words, s.words.start)
        });
    let phrase = phrase::after_verb(words, site.verb_last, site.form.takes_object);
    let content = content::find(&site, subject.as_ref(), &phrase);
    let clause = Clause {
        verb: site.verb.clone(),
        reports: site.form.reports,
        subject: subject.map(|s| s.words),
        passive: site.passive,
        begins,
        phrase_end: phrase.end,
        content: content.map(|c| trim_content(words.text, c)),
    };
    Some((clause, site.used))
}

/// When a later verb has no subject of its own ("…and said he would…",
/// "– suggesting…"), it starts a new clause: the earlier content ends there.
fn cut_at_coordinated(text: &str, clauses: &mut [Clause]) {
    for k in 0..clauses.len() {
        let Some(content) = clauses[k].content.clone() else {
            continue;
        };
        let cut = clauses[k + 1..]
            .iter()
            .filter(|c| {
                c.verb.start > content.start
                    && c.verb.start < content.end
                    && c.subject.is_none()
                    && !c.passive
                    && c.reports
            })
            .map(|c| c.begins)
            .next();
        if let Some(cut) = cut {
            clauses[k].content = Some(content.start..end_before_joiners(text, content.start, cut));
        }
    }
}

/// Where content from `start` ends when cut at `cut`: before the spaces,
/// commas, dashes and joining words ("and", "but") that lead to the cut.
fn end_before_joiners(text: &str, start: usize, cut: usize) -> usize {
    let mut end = cut;
    loop {
        let piece = text[start..end]
            .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || is_dash(c));
        let trimmed = CLAUSE_JOINER
            .entries()
            .find_map(|j| piece.strip_suffix(j).filter(|p| p.ends_with(' ')));
        end = start + trimmed.unwrap_or(piece).len();
        if trimmed.is_none() {
            return end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::content::{Reading, CONTENT_RULES};
    use super::phrase::{After, AFTER_VERB_RULES, LISTENER_RULES};
    use super::subject::SUBJECT_RULES;
    use super::verb::NOUN_READINGS;
    use super::*;

    /// (verb, subject, content) of each clause found in a sentence.
    fn parse(sentence: &str) -> Vec<(String, Option<String>, Option<String>)> {
        find(sentence, 0..sentence.len(), &[])
            .into_iter()
            .map(|c| {
                (
                    sentence[c.verb].to_string(),
                    c.subject.map(|s| sentence[s].to_string()),
                    c.content.map(|r| sentence[r].to_string()),
                )
            })
            .collect()
    }

    /// The name of the first rule of `rules` that `applies`.
    fn first<F>(rules: &[Rule<F>], applies: impl Fn(&F) -> bool) -> Option<&'static str> {
        rules.iter().find(|r| applies(&r.apply)).map(|r| r.name)
    }

    /// The names of the rules that decide at any word of `sentence`, in
    /// every table.
    fn fired(sentence: &str) -> Vec<&'static str> {
        let all = words(sentence, 0..sentence.len());
        let w = Words {
            text: sentence,
            sentence: 0..sentence.len(),
            ws: all.clone(),
            all,
        };
        let mut names = Vec::new();
        for i in 0..w.ws.len() {
            names.extend(first(CLAUSE_RULES, |f| f(&w, i).is_some()));
            if let Some(site) = Site::form_at(&w, i) {
                names.extend(first(NOUN_READINGS, |f| f(&site)));
            }
            let Some(site) = Site::at(&w, i) else {
                continue;
            };
            let subject = (!site.passive).then(|| subject::find(&site)).flatten();
            if !site.passive {
                names.extend(first(SUBJECT_RULES, |f| f(&site).is_some()));
            }
            let after = After {
                text: sentence,
                all: &w.all,
                verb: site.verb_last,
                takes_object: site.form.takes_object,
            };
            names.extend(first(AFTER_VERB_RULES, |f| f(&after).is_some()));
            if site.form.takes_object {
                names.extend(first(LISTENER_RULES, |f| f(&after).is_some()));
            }
            let phrase = phrase::after_verb(&w, site.verb_last, site.form.takes_object);
            let reading = Reading {
                site: &site,
                subject: subject.as_ref(),
                phrase: &phrase,
                introduces_quote: content::introduces_quote(&w, phrase.end),
            };
            if site.form.reports {
                names.extend(first(CONTENT_RULES, |f| f(&reading).is_some()));
            }
        }
        names
    }

    type Found = (&'static str, Option<&'static str>, Option<&'static str>);

    /// One row per rule of every table (named first; the rule must decide
    /// somewhere in the sentence), then negative rows: (rule or case,
    /// sentence, every clause expected as (verb, subject, content)).
    const ROWS: &[(&str, &str, &[Found])] = &[
        ("according to", "Prices rose sharply in March, according to the Office for National Statistics.", &[("according to", Some("the Office for National Statistics"), Some("Prices rose sharply in March"))]),
        ("according to", "According to the ONS, prices rose sharply in March.", &[("According to", Some("the ONS"), Some("prices rose sharply in March"))]),
        ("reporting verb", "Mr Hunt indicated he was likely to lobby the home secretary.", &[("indicated", Some("Mr Hunt"), Some("he was likely to lobby the home secretary"))]),
        ("capitalised inside the sentence", "The Times Claim was printed on Tuesday.", &[]),
        ("after a noun marker", "The report was published on Tuesday.", &[]),
        ("noun after a determiner and a name", "The Guardian report said nothing new.", &[("said", Some("The Guardian report"), None)]),
        ("noun without a verbal cue", "She left a long note on the desk.", &[]),
        ("quoted as saying", "The paper quoted unidentified industry sources as saying the deal would close soon.", &[("saying", Some("unidentified industry sources"), Some("the deal would close soon"))]),
        ("name before a relative clause", "The letter from the union, which has warned that pay would fall, was published.", &[("warned", Some("the union"), Some("pay would fall, was published"))]),
        ("subject before the verb", "In response, Yousaf said both he and the minister had raised the issue.", &[("said", Some("Yousaf"), Some("both he and the minister had raised the issue"))]),
        ("subject before the verb", "Campaign group EveryDoctor said clearing the backlog would help.", &[("said", Some("Campaign group EveryDoctor"), Some("clearing the backlog would help"))]),
        ("subject before the verb", "One user wrote that it was great fun.", &[("wrote", Some("One user"), Some("it was great fun"))]),
        ("subject before the verb", "There is concern, with NHS Employers warning that 400 visas had been rejected.", &[("warning", Some("NHS Employers"), Some("400 visas had been rejected"))]),
        ("apposed subject", "The shadow home secretary, Yvette Nolan, said the plan had failed.", &[("said", Some("The shadow home secretary, Yvette Nolan"), Some("the plan had failed"))]),
        ("apposed subject", "Energy UK, which represents suppliers, warned that bills would rise.", &[("warned", Some("Energy UK"), Some("bills would rise"))]),
        ("apposed subject", "Jane Smith, the chief nurse, said the plan had failed.", &[("said", Some("Jane Smith"), Some("the plan had failed"))]),
        ("apposed subject", "Jane Smith, speaking on Tuesday, said the plan had failed.", &[("said", Some("Jane Smith"), Some("the plan had failed"))]),
        ("a place set off after another is no subject", "A group led by the Amberly family of Leeds, Yorkshire, told regulators it had bought shares.", &[("told", None, Some("it had bought shares"))]),
        ("a name that only says where is not the whole subject", "The index fell sharply on the day, one trader at a Swiss bank in Zurich said.", &[("said", Some("one trader at a Swiss bank in Zurich"), Some("The index fell sharply on the day"))]),
        ("name opening the sentence, set off", "Weingarten, a longtime Clinton supporter, said the unions had been slow.", &[("said", Some("Weingarten"), Some("the unions had been slow"))]),
        ("name opening the sentence, set off", "Rep. Gregory Meeks (D-N.Y.) said the party would unite.", &[("said", Some("Rep. Gregory Meeks"), Some("the party would unite"))]),
        ("name opening the sentence, set off", "Speaking later on the same show, Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said Sanders had pushed her.", &[("said", Some("Sen. Claire McCaskill"), Some("Sanders had pushed her"))]),
        ("name opening the sentence, set off", "Butz, 49, told The Huffington Post that he was glad.", &[("told", Some("Butz"), Some("he was glad"))]),
        ("common word opening the sentence", "However, the council, after a long debate, said the plan had failed.", &[("said", None, Some("the plan had failed"))]),
        ("subjectless participle after a comma", "Ohio Gov. John Kasich ended his campaign, telling supporters in Columbus that he had faith.", &[("telling", None, Some("he had faith"))]),
        ("subject after the verb", "“It works,” said Mr Hunt.", &[("said", Some("Mr Hunt"), None)]),
        ("nothing after the verb", "He said.", &[("said", Some("He"), None)]),
        ("listener, then that", "He told HSJ that the purpose was to send a message.", &[("told", Some("He"), Some("the purpose was to send a message"))]),
        ("listener, then content", "He told HSJ the purpose was to send a message.", &[("told", Some("He"), Some("the purpose was to send a message"))]),
        ("that or how", "He explained how the purpose was to send a message.", &[("explained", Some("He"), Some("the purpose was to send a message"))]),
        ("phrase, then that", "He said in a statement that the purpose was to send a message.", &[("said", Some("He"), Some("the purpose was to send a message"))]),
        ("phrase, then that", "It was claimed in media reports that the prime minister had blocked requests.", &[("claimed", None, Some("the prime minister had blocked requests"))]),
        ("content right after the verb", "Mr Hunt indicated he was likely to lobby the home secretary.", &[("indicated", Some("Mr Hunt"), Some("he was likely to lobby the home secretary"))]),
        ("content right after the verb", "Kelso Bank said about half of the loans were sold.", &[("said", Some("Kelso Bank"), Some("about half of the loans were sold"))]),
        ("named listener", "He told HSJ the purpose was to send a message.", &[("told", Some("He"), Some("the purpose was to send a message"))]),
        ("object pronoun", "She told him he was wrong.", &[("told", Some("She"), Some("he was wrong"))]),
        ("determiner's noun phrase", "She told the committee the purpose was to send a message.", &[("told", Some("She"), Some("the purpose was to send a message"))]),
        ("one word before a name or pronoun", "She told reporters the purpose was to send a message.", &[("told", Some("She"), Some("the purpose was to send a message"))]),
        ("one or two words ending the phrase", "She told colleagues.", &[("told", Some("She"), None)]),
        ("content before an inverted subject", "Prices have not been restored, said Comissaria Smith.", &[("said", Some("Comissaria Smith"), Some("Prices have not been restored"))]),
        ("content after the verb", "He told them the purpose was to send a message.", &[("told", Some("He"), Some("the purpose was to send a message"))]),
        ("content before the subject", "Prices have not been restored, Comissaria Smith said in its weekly review.", &[("said", Some("Comissaria Smith"), Some("Prices have not been restored"))]),
        ("coordinated verbs split content", "Mr Hancock said he would not be spending every Monday on finances and said he would approach the role as a chair.", &[("said", Some("Mr Hancock"), Some("he would not be spending every Monday on finances")), ("said", None, Some("he would approach the role as a chair"))]),
        ("negated verb reports nothing", "He did not say the plan had failed.", &[("say", Some("He"), None)]),
        ("colon introduces a direct quote", "He said: the plan had failed.", &[("said", Some("He"), None)]),
        ("listener ended by a comma", "He told staff, the plan had failed.", &[("told", Some("He"), None)]),
        ("content without a finite verb", "He promised further action on agency spending.", &[("promised", Some("He"), None)]),
        ("noun subject of another verb", "Media reports suggest nothing.", &[("suggest", Some("Media reports"), None)]),
        ("no reporting verb", "Mr Hunt was speaking to HSJ during a visit.", &[]),
    ];

    #[test]
    fn clause_rules() {
        let tables: Vec<Vec<&str>> = vec![
            CLAUSE_RULES.iter().map(|r| r.name).collect(),
            NOUN_READINGS.iter().map(|r| r.name).collect(),
            SUBJECT_RULES.iter().map(|r| r.name).collect(),
            AFTER_VERB_RULES.iter().map(|r| r.name).collect(),
            LISTENER_RULES.iter().map(|r| r.name).collect(),
            CONTENT_RULES.iter().map(|r| r.name).collect(),
        ];
        let rules: Vec<&str> = tables.concat();
        for &(rule, sentence, want) in ROWS {
            let got = parse(sentence);
            let want: Vec<_> = want
                .iter()
                .map(|&(v, s, c)| (v.to_string(), s.map(str::to_string), c.map(str::to_string)))
                .collect();
            assert_eq!(got, want, "{rule}: clauses of {sentence:?}");
            if rules.contains(&rule) {
                let fired = fired(sentence);
                assert!(
                    fired.contains(&rule),
                    "{rule}: does not decide in {sentence:?}, {fired:?} do"
                );
            }
        }
        for rule in rules {
            assert!(
                ROWS.iter().any(|row| row.0 == rule),
                "rule {rule:?} has no row"
            );
        }
    }
}
