//! Quote extraction on the hard cases of newsroom text, one named row each.
//!
//! Properties checked, for every row:
//! 1. every expected quote is found with its kind, exact text and speaker;
//! 2. nothing else is found (so negative rows — titles, scare quotes,
//!    navigation — expect an empty list).
//!
//! Each row is a small document run through the whole pipeline, so the
//! failure message shows the input and everything that was extracted.

use std::path::PathBuf;

use corpus_pipeline as pipeline;
use corpus_pipeline::quotes::record::Record;
use corpus_pipeline::quotes::score;

/// (kind, text, speaker) of one quote.
type Expected = (&'static str, &'static str, Option<&'static str>);

struct Case {
    name: &'static str,
    text: &'static str,
    want: &'static [Expected],
}

const CASES: &[Case] = &[
    Case {
        name: "multi-paragraph quote, one record, curly opening closed by a straight mark",
        text: "Council leader Sarah Okafor spoke on Wednesday.\n\nMs Okafor said: “We have listened to residents.\n\n“That stops now.\n\n“Libraries are not a luxury.\"",
        want: &[("direct", "We have listened to residents.\n\n“That stops now.\n\n“Libraries are not a luxury.", Some("Sarah Okafor"))],
    },
    Case {
        name: "split quote around the attribution",
        text: "Union organiser Tomas Reyes welcomed the deal.\n\n“It is invidious to pick winners,” he said. “We do have to make sure everyone gains.”",
        want: &[("direct", "It is invidious to pick winners,", Some("Tomas Reyes")), ("direct", "We do have to make sure everyone gains.", Some("Tomas Reyes"))],
    },
    Case {
        name: "split quote inside one sentence",
        text: "“It has been a difficult fortnight,” the port’s chief executive, Helen Marsh, told reporters, “and I am grateful to everyone.”",
        want: &[("direct", "It has been a difficult fortnight,", Some("Helen Marsh")), ("direct", "and I am grateful to everyone.", Some("Helen Marsh"))],
    },
    Case {
        name: "pronoun speakers follow the nearest fitting person",
        text: "Education secretary Daniel Price and chancellor Miriam Holt spoke in Leeds.\n\nMs Holt was more cautious.\n\n“We cannot spend money we have not earned,” she said.\n\nMr Price disagreed. He said: “Teachers have waited long enough.”",
        want: &[("direct", "We cannot spend money we have not earned,", Some("Miriam Holt")), ("direct", "Teachers have waited long enough.", Some("Daniel Price"))],
    },
    Case {
        name: "apostrophes are not closing marks",
        text: "Its general secretary, Joan Whitfield, said: ‘Our members’ patience has run out. They don’t want Hunt's warm words, and the trusts' finances are no excuse.’",
        want: &[("direct", "Our members’ patience has run out. They don’t want Hunt's warm words, and the trusts' finances are no excuse.", Some("Joan Whitfield"))],
    },
    Case {
        name: "nested quotes stay inside the outer quote",
        text: "“One report told us the line was ‘fully inspected’ on a flooded day,” said chief inspector Anil Desai.\n\n‘The answer was “we have always done it this way”,’ he went on.",
        want: &[("direct", "One report told us the line was ‘fully inspected’ on a flooded day,", Some("Anil Desai")), ("direct", "The answer was “we have always done it this way”,", Some("Anil Desai"))],
    },
    Case {
        name: "US marks with the speaker after the verb",
        text: "\"We saw strong demand across every region,\" said Chief Executive Laura Kim.",
        want: &[("direct", "We saw strong demand across every region,", Some("Laura Kim"))],
    },
    Case {
        name: "British single marks with the speaker before the verb",
        text: "'We will not be rushed,' the minister, Alan Brookes, said.",
        want: &[("direct", "We will not be rushed,", Some("Alan Brookes"))],
    },
    Case {
        name: "colon attribution with a listener",
        text: "The health secretary, Jeremy Hunt, told HSJ: “I think it is a really interesting idea.”",
        want: &[("direct", "I think it is a really interesting idea.", Some("Jeremy Hunt"))],
    },
    Case {
        name: "attribution without a colon",
        text: "Jeremy Hunt spoke at the conference. He said “It is very hard to get a message across.”",
        want: &[("direct", "It is very hard to get a message across.", Some("Jeremy Hunt"))],
    },
    Case {
        name: "went on continues a named speaker",
        text: "Humza Yousaf answered questions. Yousaf went on: “I genuinely don’t understand it.”",
        want: &[("direct", "I genuinely don’t understand it.", Some("Humza Yousaf"))],
    },
    Case {
        name: "dash attribution",
        text: "“Behind every one of these numbers is a person in pain” – Rachel Power, chief executive of the Patients Association.",
        want: &[("direct", "Behind every one of these numbers is a person in pain", Some("Rachel Power"))],
    },
    Case {
        name: "according to a named source",
        text: "According to the trust's finance director, Gareth Evans, agency staffing costs have doubled since 2021.",
        want: &[("reported", "agency staffing costs have doubled since 2021", Some("Gareth Evans"))],
    },
    Case {
        name: "organisation spokesperson",
        text: "A DHSC spokesperson said: “We are committed to cutting waiting times.”",
        want: &[("direct", "We are committed to cutting waiting times.", Some("DHSC"))],
    },
    Case {
        name: "role resolved through an apposition",
        text: "The home secretary, Alan Brookes, has ordered a review.\n\n“We will not allow exploitation,” the home secretary said.",
        want: &[("direct", "We will not allow exploitation,", Some("Alan Brookes"))],
    },
    Case {
        name: "a shadow post is not the post",
        text: "The home secretary, Alan Brookes, and the shadow home secretary, Yvette Nolan, debated.\n\n“The review is overdue,” the home secretary said.",
        want: &[("direct", "The review is overdue,", Some("Alan Brookes"))],
    },
    Case {
        name: "a letter's statements belong to its signatory",
        text: "Dear Minister,\n\nWe welcome the grant, but I must tell you that it will not cover the rise in costs.\n\nYours sincerely,\n\nSarah Okafor\nLeader, Harbridge Council",
        want: &[("reported", "it will not cover the rise in costs", Some("Sarah Okafor"))],
    },
    Case {
        name: "a quoted paragraph with no verb continues the previous speaker",
        text: "“The barrier will protect 3,000 homes,” said project manager Nadia Hussain.\n\n“We have learned from the floods of 2019.”",
        want: &[("direct", "The barrier will protect 3,000 homes,", Some("Nadia Hussain")), ("direct", "We have learned from the floods of 2019.", Some("Nadia Hussain"))],
    },
    Case {
        name: "partial quote inside reported speech",
        text: "Matt Hancock spoke to trust leaders. Mr Hancock said the NHS ‘held the pen’ and would be controlling the detail.",
        want: &[("reported", "the NHS ‘held the pen’ and would be controlling the detail", Some("Matt Hancock")), ("partial", "held the pen", Some("Matt Hancock"))],
    },
    Case {
        name: "reported speech with an object and with a participle",
        text: "There is concern, with NHS Employers warning that 400 visas had been rejected. Mr Hunt indicated he was likely to lobby the home secretary.",
        want: &[("reported", "400 visas had been rejected", Some("NHS Employers")), ("reported", "he was likely to lobby the home secretary", Some("Hunt"))],
    },
    Case { name: "negative: title of a work", text: "The festival opened with a screening of ‘Northern Lights’, a documentary.", want: &[] },
    Case { name: "negative: scare quote around a term", text: "Critics have called the so-called 'festival circuit' a closed shop.", want: &[] },
    Case { name: "negative: quotation marks in navigation text", text: "The council met on Tuesday to agree the budget for the year ahead.\n\nREAD MORE: Doctors warn of NHS 'collapse' this winter", want: &[] },
    Case { name: "negative: possessives and contractions only", text: "The nurses' union and Jones’ team don’t expect a deal before the ’90s estimates are revised.", want: &[] },
    Case {
        name: "a headline that reads as a sentence, then a short paragraph whose last quote closes the wrong way round",
        text: "Watchdog Says Ministers Ignored Its Advice On Care Homes Last Year.\n\nIts chair, Anna Berg, said ministers had been \u{201c}warned repeatedly\u{201d} and called the delay \u{201c}inexcusable.\u{201c}\n\nThe department declined to comment on the report.",
        want: &[("reported", "ministers had been \u{201c}warned repeatedly\u{201d} and called the delay \u{201c}inexcusable.\u{201c}", Some("Anna Berg")), ("partial", "warned repeatedly", Some("Anna Berg")), ("partial", "inexcusable.", Some("Anna Berg"))],
    },
    Case {
        name: "she is the woman named after the sentence's subject, a man of the same surname told apart by his given name",
        text: "Farm sale postponed\n\nTom Harlow founded the farm with his wife, Susan Harlow, in 1985.\n\n\u{201c}We never planned to sell,\u{201d} she said.",
        want: &[("direct", "We never planned to sell,", Some("Susan Harlow"))],
    },
    Case {
        name: "German low-high marks, the reporting verb and speaker after the quote",
        text: "Regierung plant neue Schulen\n\n„Wir bauen in jedem Kreis eine neue Schule“, sagte Ministerin Katrin Vogel.",
        want: &[("direct", "Wir bauen in jedem Kreis eine neue Schule", Some("Katrin Vogel"))],
    },
    Case {
        name: "French guillemets set apart by no-break spaces, a two-word reporting verb",
        text: "Le budget des écoles\n\n«\u{a0}Nous ouvrirons une école dans chaque canton\u{a0}», a déclaré la ministre Claire Martin.",
        want: &[("direct", "Nous ouvrirons une école dans chaque canton", Some("Claire Martin"))],
    },
    Case {
        name: "Spanish doubles with the speaker after the verb",
        text: "Nuevas escuelas\n\n\"Abriremos una escuela en cada provincia\", dijo la ministra Lucía Romero.",
        want: &[("direct", "Abriremos una escuela en cada provincia", Some("Lucía Romero"))],
    },
    Case {
        name: "Japanese corner brackets: a quote with no speaker the English reading can name",
        text: "学校の計画\n\n「すべての県に新しい学校を建てます」と大臣は述べた。",
        want: &[("direct", "すべての県に新しい学校を建てます", None)],
    },
];

fn extract(name: &str, text: &str) -> Vec<Record> {
    let dir = std::env::temp_dir().join(format!(
        "corpus-quotes-{}-{}",
        std::process::id(),
        name.replace(|c: char| !c.is_alphanumeric(), "-")
    ));
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("{name}: cannot create {}: {e}", dir.display()));
    let file: PathBuf = dir.join("case.txt");
    std::fs::write(&file, text)
        .unwrap_or_else(|e| panic!("{name}: cannot write {}: {e}", file.display()));
    let corpus = pipeline::build(&file).unwrap_or_else(|e| panic!("{name}: pipeline failed: {e}"));
    let _ = std::fs::remove_dir_all(&dir);
    corpus
        .documents
        .iter()
        .flat_map(|doc| doc.quotes.iter().map(move |q| Record::new(doc, q)))
        .flat_map(score::as_scored)
        .collect()
}

#[test]
fn hard_cases() {
    let mut failures = Vec::new();
    for case in CASES {
        let found = extract(case.name, case.text);
        let mut got: Vec<(String, String, Option<String>)> = found
            .iter()
            .map(|r| (r.kind.clone(), r.text.clone(), r.speaker.clone()))
            .collect();
        let mut want: Vec<(String, String, Option<String>)> = case
            .want
            .iter()
            .map(|&(k, t, s)| (k.to_string(), t.to_string(), s.map(str::to_string)))
            .collect();
        got.sort();
        want.sort();
        if got != want {
            failures.push(format!(
                "{}\n  input: {:?}\n  want:  {:?}\n  got:   {:?}",
                case.name, case.text, want, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} hard cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
