//! Finds the names in one document's cleaned text and says what each is.
//!
//! Invariant: every [`Found`] span lies inside one block of the text, on
//! `char` boundaries, and no two spans overlap.
//!
//! A name is a *chunk*: capitalised words on one line, joined by connectors
//! ("Department of Health & Social Care"), and by "and" when the result is
//! still one name ("Health and Care Professions Council"). Each chunk goes
//! through the ordered table of named rules in `classify`
//! (publication, role before a given name, honorific, organisation shapes,
//! place, given name, title, context), and the first rule that recognises
//! it decides. Chunks no rule recognises are kept as [`Candidate`]s: a lone "Hunt" or "Sajid" becomes a mention once the
//! document is known to name Jeremy Hunt or Sajid Javid.
//!
//! Letter signatures in capitals ("MICHELLE DYSON, DIRECTOR GENERAL …,
//! DEPARTMENT OF HEALTH AND SOCIAL CARE") are read first, by commas.

use corpus_model::{Block, BlockKind, EntityKind};
use corpus_text::tokens::{tokens, Token};

use super::acronyms::{defined_acronym, initials, plain_acronym, strip_plural};
use super::chunks::chunk;
use super::classify::{classify, Class};
use super::lexicon::{self, Lexicon};
use super::names::Chunk;
pub use super::names::{Candidate, Found, Names};
use super::roles::{add_roles, read_role_lines, reporting_after};
use super::signature::read_signature;

/// Finds the names in `text`.
pub fn find(text: &str, blocks: &[Block]) -> Names {
    let lexicon = lexicon::get();
    let mut names = Names::default();
    for block in blocks {
        let (start, end) = (block.start as usize, block.end as usize);
        let body = &text[start..end];
        let toks = tokens(text, start..end);
        let mut claimed = vec![false; toks.len()];
        let first_of_block = names.found.len();
        if block.kind == BlockKind::Signature {
            read_signature(text, &toks, &mut claimed, &mut names.found);
        }
        read_block(text, &toks, &claimed, lexicon, &mut names);
        read_role_lines(body, start, &mut names.found[first_of_block..]);
    }
    names.found.sort_by_key(|f| f.start);
    names.candidates.sort_by_key(|c| c.start);
    names
}

fn read_block(text: &str, toks: &[Token], claimed: &[bool], lexicon: &Lexicon, names: &mut Names) {
    let chunks = chunk(text, toks, claimed, lexicon);
    let mut found_here: Vec<(Chunk, Found)> = Vec::new();
    for c in &chunks {
        let next_acronym = defined_acronym(toks, c.to);
        let (_, parts) = classify(text, toks, *c, lexicon, &found_here);
        for result in parts {
            match result {
                Class::Found(mut found, part) => {
                    if found.kind == EntityKind::Organisation && !found.is_acronym {
                        if let Some(acr) =
                            next_acronym.filter(|a| initials(&found.name) == strip_plural(a))
                        {
                            found.acronym = Some(acr.to_string());
                        }
                    }
                    found_here.push((part, found));
                }
                Class::Candidate(part) => names.candidates.push(candidate(text, toks, part)),
                Class::Unconfirmed(part) => names.unconfirmed.push(candidate(text, toks, part)),
            }
        }
    }
    for i in 0..toks.len() {
        if let Some(acr) = plain_acronym(toks, i) {
            names.plain_acronyms.push(acr);
        }
    }
    add_roles(text, toks, &mut found_here);
    names.found.extend(found_here.into_iter().map(|(_, f)| f));
}

fn candidate(text: &str, toks: &[Token], part: Chunk) -> Candidate {
    let (start, end) = (toks[part.from].start, toks[part.to - 1].end);
    // Only a word standing alone counts as a surname used alone.
    let alone = part.to - part.from == 1 && (part.from == 0 || !toks[part.from - 1].capitalised());
    Candidate {
        start: start as u32,
        end: end as u32,
        word: text[start..end].to_string(),
        speaks: alone && reporting_after(toks, part.to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(EntityKind, String, Vec<String>)> {
        let block = Block {
            kind: BlockKind::Paragraph,
            start: 0,
            end: text.len() as u32,
        };
        find(text, &[block])
            .found
            .into_iter()
            .map(|f| (f.kind, f.name, f.roles))
            .collect()
    }

    #[test]
    fn finds_names_with_roles() {
        use EntityKind::*;
        type Case<'a> = (&'a str, &'a [(EntityKind, &'a str, &'a [&'a str])]);
        let cases: &[Case] = &[
            ("Health secretary Jeremy Hunt will raise it.", &[(Person, "Jeremy Hunt", &["health secretary"])]),
            ("Health Secretary Humza Yousaf confirmed it.", &[(Person, "Humza Yousaf", &["health secretary"])]),
            ("He would lobby the recently-appointed home secretary, Sajid Javid, for this.", &[(Person, "Sajid Javid", &["home secretary"])]),
            ("said Professor Lisa Bayliss-Pratt, chief nurse at HEE.", &[(Person, "Lisa Bayliss-Pratt", &["chief nurse at HEE"]), (Organisation, "HEE", &[])]),
            ("In a reference to former health secretary, now foreign secretary, Jeremy Hunt, he said", &[(Person, "Jeremy Hunt", &["foreign secretary", "former health secretary"])]),
            ("Health Education England (HEE) has launched it.", &[(Organisation, "Health Education England", &[]), (Organisation, "HEE", &[])]),
            ("calls on the Home Office and the Care Quality Commission.", &[(Organisation, "Home Office", &[]), (Organisation, "Care Quality Commission", &[])]),
            ("in England, Scotland and Northern Ireland", &[(Place, "England", &[]), (Place, "Scotland", &[]), (Place, "Northern Ireland", &[])]),
            ("Campaign group EveryDoctor said so.", &[(Organisation, "EveryDoctor", &[])]),
            ("Moody's Investors Service Inc said so.", &[(Organisation, "Moody's Investors Service Inc", &[])]),
            ("as deputy White House chief of staff", &[(Organisation, "White House", &[])]),
            ("declined to refute Treasurer Paul Keating's charge", &[(Person, "Paul Keating", &["treasurer"])]),
            ("talks with Brazil, whose finance minister Dilson Funaro has", &[(Place, "Brazil", &[]), (Person, "Dilson Funaro", &["finance minister"])]),
            ("In January Secretary of State George Shultz told", &[(Person, "George Shultz", &["secretary of state"])]),
            ("with President Reagan, Chief Cabinet Secretary Masaharu Gotoda told", &[(Person, "Reagan", &["president"]), (Person, "Masaharu Gotoda", &["chief cabinet secretary"])]),
            ("IRAN SAYS IT WILL ATTACK", &[(Place, "Iran", &[])]),
            ("in talks with Chancellor Nigel Lawson, a Treasury spokesman said.", &[(Person, "Nigel Lawson", &["chancellor"]), (Organisation, "Treasury", &[])]),
            ("British Foreign Secretary Sir Geoffrey Howe and U.S. Secretary of State George Shultz plan to", &[(Person, "Geoffrey Howe", &["british foreign secretary"]), (Person, "George Shultz", &["secretary of state"])]),
            ("said Bill Martin, chief U.K. Economist at brokers Phillips and Drew.", &[(Person, "Bill Martin", &["chief U.K. Economist at brokers Phillips and Drew"])]),
            ("Talbot Machine group Inc said so.", &[(Organisation, "Talbot Machine group Inc", &[])]),
            ("said Lena Ostrow, chief executive of Pelham Corp PLHM.O, on Monday", &[(Person, "Lena Ostrow", &["chief executive of Pelham Corp"]), (Organisation, "Pelham Corp", &[])]),
            ("Talks were held between John Hollin, and the finance minister, on Monday.", &[(Person, "John Hollin", &[])]),
            ("the rating fell, Hale and Dorrit's said.", &[(Organisation, "Hale and Dorrit's", &[])]),
            // negative rows: sentence-initial words and weekdays are not names
            ("Last Tuesday, it was claimed.", &[]),
            ("Focusing on retention, the strategy concedes it.", &[]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(EntityKind, String, Vec<String>)> = expected
                .iter()
                .map(|(k, n, r)| (*k, n.to_string(), r.iter().map(|s| s.to_string()).collect()))
                .collect();
            let mut got = names(text);
            for g in &mut got {
                g.2.sort();
            }
            assert_eq!(got, expected, "in {text:?}");
        }
    }

    #[test]
    fn reads_capitalised_signatures() {
        let text = "MICHELLE DYSON, DIRECTOR GENERAL FOR ADULT SOCIAL CARE,\nDEPARTMENT OF HEALTH AND SOCIAL CARE";
        let block = Block {
            kind: BlockKind::Signature,
            start: 0,
            end: text.len() as u32,
        };
        let found: Vec<(String, Vec<String>)> = find(text, &[block])
            .found
            .into_iter()
            .map(|f| (f.name, f.roles))
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    "Michelle Dyson".to_string(),
                    vec!["director general for adult social care".to_string()]
                ),
                ("Department of Health and Social Care".to_string(), vec![]),
            ],
            "in {text:?}"
        );
    }

    #[test]
    fn initials_make_acronyms() {
        let cases = [
            ("UK Visas and Immigration", "UKVI"),
            ("Department of Health & Social Care", "DHSC"),
            ("Care Quality Commission", "CQC"),
            ("Home Office", "HO"),
        ];
        for (name, acronym) in cases {
            assert_eq!(initials(name), acronym, "for {name:?}");
        }
    }
}
