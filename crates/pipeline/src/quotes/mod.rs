//! Finds quotations and attributes them to their speakers.
//!
//! A document is read block by block, sentence by sentence:
//!
//! 1. [`layout`] sets aside furniture (links, teasers, related headlines)
//!    and finds a letter's signatory;
//! 2. [`marks`] pairs quotation marks into quoted stretches, telling
//!    apostrophes from closing marks and letting a quote run on into the
//!    next paragraph;
//! 3. [`text`] cuts the block into sentences without cutting through quotes;
//! 4. [`clauses`] finds reporting verbs, their subjects and reported content;
//! 5. this module decides, for each quoted stretch, whether it is a direct
//!    quote, a partial quote inside a sentence of the writer's, or no quote
//!    at all (a title, a scare-quoted term), and which clause attributes it;
//! 6. [`speakers`] turns the words naming the speaker into a canonical name
//!    and role.
//!
//! [`record`] writes quotes as JSON lines with offsets into the original
//! file, and [`score`] compares such lines with a hand-written gold file.
//!
//! Worked example, from a news report:
//!
//! ```text
//! He added: “The view of the government … levels.            → direct, "He" → Jeremy Hunt, "added"
//!
//! “It is invidious … with Sajid.”                             → direct, no verb of its own: same speaker
//!
//! He told HSJ the purpose was in part to “send a message” …   → reported "the purpose was…" and
//!                                                               partial "send a message", both Jeremy Hunt
//! ```
//!
//! A quote that runs over several paragraphs yields one [`Quote`] per
//! paragraph, all with the same speaker, so each range stays within a block.
//!
//! Invariant: quotes are sorted by start; direct and partial quotes never
//! overlap one another; every range lies within one block of the cleaned
//! text; `speaker_name` is set whenever a speaker is known.

mod clauses;
mod layout;
mod lexicon;
mod marks;
pub mod record;
mod rule;
pub mod score;
mod speakers;

use std::ops::Range;

use corpus_text::chars::is_dash;
use corpus_text::sentences::sentences;
use corpus_text::words::{is_capitalised, words};

use self::clauses::Clause;
use self::marks::Marked;
use self::speakers::vocabulary::is_first_person;
use self::speakers::{People, Speaker};
use corpus_model::{Document, Entity, Quote, QuoteKind};

/// Every quote in `doc`, sorted by position.
pub fn extract(doc: &Document, entities: &[Entity]) -> Vec<Quote> {
    let layout = layout::Layout::of(doc);
    let mut reader = Reader {
        doc,
        people: People::new(doc, entities, layout.signatory.clone()),
        letter: layout.signatory.is_some(),
        last: None,
        last_direct: None,
        out: Vec::new(),
    };
    let mut run_on: Option<Attribution> = None;
    for (index, block) in doc.blocks.iter().enumerate() {
        if layout.furniture.get(index).copied().unwrap_or(false) {
            run_on = None;
            continue;
        }
        let range = block.start as usize..block.end as usize;
        let marked = marks::find(&doc.text, range.clone());
        let outers: Vec<Range<usize>> = marked.iter().map(Marked::outer).collect();
        let mut carried = run_on.take();
        for sentence in sentences(&doc.text, range.clone(), &outers) {
            reader.sentence(index, &sentence, &marked, &outers, &mut carried);
        }
        run_on = marked
            .last()
            .filter(|m| m.unclosed)
            .and_then(|m| {
                reader
                    .out
                    .iter()
                    .rev()
                    .find(|q| q.start as usize == m.inner.start)
            })
            .map(Attribution::continuing);
    }
    let mut quotes = reader.out;
    quotes.sort_by_key(|q| (q.start, q.end));
    quotes.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.kind == b.kind);
    quotes
}

/// Who a quote is attributed to and how.
#[derive(Debug, Clone, Default)]
struct Attribution {
    speaker: Option<Speaker>,
    mention: Option<Range<usize>>,
    verb: Option<String>,
}

impl Attribution {
    /// The attribution a paragraph that continues `quote` inherits: same speaker, no words of its own.
    fn continuing(quote: &Quote) -> Attribution {
        let speaker = quote.speaker_name.clone().map(|name| Speaker {
            name,
            entity: quote.speaker,
            role: quote.role.clone(),
            person: true,
            gender: lexicon::Gender::Unknown,
        });
        Attribution {
            speaker,
            mention: None,
            verb: None,
        }
    }
}

/// One sentence being read: its reporting clauses, who each names, and
/// which of them attribute a direct quote (and so report nothing else).
struct Frame {
    block: usize,
    range: Range<usize>,
    clauses: Vec<Clause>,
    said: Vec<Attribution>,
    attributing: Vec<bool>,
}

/// The reading state of one document.
struct Reader<'a> {
    doc: &'a Document,
    people: People<'a>,
    letter: bool,
    /// The latest speaker of anything, for subjectless verbs ("Says …").
    last: Option<Speaker>,
    /// The latest direct quote's block and speaker, for quoted paragraphs
    /// with no verb of their own.
    last_direct: Option<(usize, Option<Speaker>)>,
    out: Vec<Quote>,
}

impl Reader<'_> {
    fn sentence(
        &mut self,
        block: usize,
        sentence: &Range<usize>,
        marked: &[Marked],
        outers: &[Range<usize>],
        carried: &mut Option<Attribution>,
    ) {
        let text = &self.doc.text;
        let quotes: Vec<&Marked> = marked
            .iter()
            .filter(|m| m.open >= sentence.start && m.open < sentence.end)
            .collect();
        let clauses = clauses::find(text, sentence.clone(), outers);
        if let Some(subject) = self.people.subject_at(sentence.start) {
            self.people.note(sentence.start, &subject);
        }
        let mut said: Vec<Attribution> = Vec::with_capacity(clauses.len());
        for (k, clause) in clauses.iter().enumerate() {
            let speaker = self.clause_speaker(
                clause,
                sentence,
                said.get(k.wrapping_sub(1)).and_then(|a| a.speaker.clone()),
            );
            let aside = text[clause.verb.clone()].eq_ignore_ascii_case("according to");
            if let (Some(s), false) = (&speaker, aside) {
                self.people.note(clause.verb.start, s);
                self.last = Some(s.clone());
            }
            said.push(Attribution {
                speaker,
                mention: clause.subject.clone(),
                verb: Some(text[clause.verb.clone()].to_string()),
            });
        }
        let mut frame = Frame {
            block,
            range: sentence.clone(),
            attributing: vec![false; clauses.len()],
            clauses,
            said,
        };
        let mut previous: Option<(&Marked, QuoteKind)> = None;
        for quote in quotes {
            let decided = self.quote(&mut frame, quote, previous, carried);
            if let Some((kind, attribution)) = decided {
                previous = Some((quote, kind));
                self.push(quote.inner.clone(), kind, &attribution);
                if kind == QuoteKind::Direct {
                    self.last_direct = Some((block, attribution.speaker.clone()));
                }
                if let Some(s) = &attribution.speaker {
                    self.people.note(quote.open, s);
                    self.last = Some(s.clone());
                }
            }
        }
        for (k, clause) in frame.clauses.iter().enumerate() {
            if let (Some(content), false) = (clause.content.clone(), frame.attributing[k]) {
                self.push(content, QuoteKind::Reported, &frame.said[k]);
            }
        }
    }

    /// The speaker of a clause: its subject resolved; a subjectless verb
    /// shares the sentence's previous speaker, else the document's latest.
    fn clause_speaker(
        &self,
        clause: &Clause,
        sentence: &Range<usize>,
        previous_in_sentence: Option<Speaker>,
    ) -> Option<Speaker> {
        if clause.passive {
            return None;
        }
        match &clause.subject {
            Some(subject) => self
                .people
                .resolve(subject.clone(), sentence.start)
                .or_else(|| self.fallback_speaker(subject)),
            None if self.letter => self.people.signatory_speaker(),
            None => previous_in_sentence
                .or_else(|| self.sentence_subject(clause, sentence))
                .or_else(|| self.last.clone()),
        }
    }

    /// For a participle set off by a comma ("…has rejected the offer,
    /// saying…"), the name that opens the sentence.
    fn sentence_subject(&self, clause: &Clause, sentence: &Range<usize>) -> Option<Speaker> {
        let text = &self.doc.text;
        let verb = &text[clause.verb.clone()];
        if !verb.ends_with("ing")
            || !text[sentence.start..clause.verb.start]
                .trim_end()
                .ends_with(',')
        {
            return None;
        }
        let opening = words(text, sentence.start..clause.verb.start);
        let mut end = 0;
        while end < opening.len()
            && (is_capitalised(&text[opening[end].clone()])
                || (end > 0 && matches!(&text[opening[end].clone()], "of" | "and" | "for")))
        {
            end += 1;
        }
        while end > 0 && !is_capitalised(&text[opening[end - 1].clone()]) {
            end -= 1;
        }
        (end > 0)
            .then(|| opening[0].start..opening[end - 1].end)
            .and_then(|m| self.people.resolve(m, sentence.start))
    }

    /// A subject the people register cannot place: in a letter, "we" and "I"
    /// are the signatory; otherwise the speaker stays unknown.
    fn fallback_speaker(&self, subject: &Range<usize>) -> Option<Speaker> {
        let first = self.doc.text[subject.clone()]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase();
        (self.letter && is_first_person(&first))
            .then(|| self.people.signatory_speaker())
            .flatten()
    }

    /// Classifies one quoted stretch; `None` when it is no quote.
    fn quote(
        &mut self,
        frame: &mut Frame,
        quote: &Marked,
        previous: Option<(&Marked, QuoteKind)>,
        carried: &mut Option<Attribution>,
    ) -> Option<(QuoteKind, Attribution)> {
        let (block, sentence) = (frame.block, &frame.range);
        let (clauses, said, attributing) = (&frame.clauses, &frame.said, &mut frame.attributing);
        let text = &self.doc.text;
        let block_start = self.doc.blocks[block].start as usize;
        if quote.open == block_start {
            if let Some(attribution) = carried.take() {
                return Some((QuoteKind::Direct, attribution));
            }
        }
        let left_from = previous.map_or(sentence.start, |(p, _)| p.outer_end.max(sentence.start));
        let left = text[left_from..quote.open]
            .trim()
            .trim_start_matches(['•', '*', '-', '–', '—', '·'])
            .trim();
        let quoted = &text[quote.inner.clone()];
        let starts_upper = quoted
            .trim_start_matches(['…', '.', ' ', '['])
            .starts_with(char::is_uppercase);
        let lead_in = |c: &Clause| {
            let gap = text[c.phrase_end..quote.open].trim();
            let short = gap.split_whitespace().count() <= 6
                && !gap.contains(['.', ';', '“', '”', '"'])
                && !gap.split_whitespace().any(|w| w == "that");
            gap.trim_end_matches([':', ',']).trim().is_empty()
                || (gap.ends_with([':', ',']) && short)
        };
        let left_clause = clauses
            .iter()
            .position(|c| c.verb.start >= left_from && c.phrase_end <= quote.open && lead_in(c));
        let right_clause = if quote.unclosed {
            None
        } else {
            clauses.iter().position(|c| {
                c.begins >= quote.outer_end
                    && text[quote.outer_end..c.begins]
                        .trim_matches(|ch: char| {
                            ch.is_whitespace() || matches!(ch, ',' | ';') || is_dash(ch)
                        })
                        .is_empty()
            })
        };
        let adjacent = left_clause.or(right_clause);
        let split_continuation =
            left_clause.is_some() && previous.is_some_and(|(_, k)| k == QuoteKind::Direct);
        let introduced = left.ends_with(':') || left.ends_with(',');
        let direct = left.is_empty()
            || left.ends_with(':')
            || (left_clause.is_some() && (starts_upper || split_continuation || introduced));
        if let Some(k) = adjacent {
            attributing[k] |= direct;
            if is_title(quoted) && !direct {
                return None;
            }
            let kind = if direct {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            return Some((kind, said[k].clone()));
        }
        if let Some(attribution) = self.named_beside(sentence, quote, left) {
            return Some((QuoteKind::Direct, attribution));
        }
        let word_count = words(text, quote.inner.clone()).len();
        if direct {
            if word_count <= 3 || is_title(quoted) {
                return None;
            }
            let recent = self
                .last_direct
                .as_ref()
                .filter(|(b, _)| block <= b + 2)
                .and_then(|(_, s)| s.clone());
            let speaker = recent.or_else(|| {
                if self.letter {
                    self.people.signatory_speaker()
                } else {
                    None
                }
            });
            return Some((
                QuoteKind::Direct,
                Attribution {
                    speaker,
                    mention: None,
                    verb: None,
                },
            ));
        }
        if is_title(quoted) {
            return None;
        }
        let holder = clauses.iter().position(|c| {
            c.content
                .as_ref()
                .is_some_and(|r| r.start <= quote.open && quote.outer_end <= r.end)
        });
        let before = clauses.iter().rposition(|c| c.verb.end <= quote.open);
        let after = clauses.iter().position(|c| c.verb.start >= quote.outer_end);
        match holder.or(before).or(after) {
            Some(k) => Some((QuoteKind::Partial, said[k].clone())),
            None if word_count > 3 => {
                let speaker = self
                    .last_direct
                    .as_ref()
                    .filter(|(b, _)| *b == block)
                    .and_then(|(_, s)| s.clone())?;
                Some((
                    QuoteKind::Partial,
                    Attribution {
                        speaker: Some(speaker),
                        mention: None,
                        verb: None,
                    },
                ))
            }
            None => None,
        }
    }

    /// A speaker named without a verb: "Name: “…”" or "“…” – Name".
    fn named_beside(
        &self,
        sentence: &Range<usize>,
        quote: &Marked,
        left: &str,
    ) -> Option<Attribution> {
        let text = &self.doc.text;
        let name_like = |s: &str| {
            let ws: Vec<&str> = s.split_whitespace().collect();
            !ws.is_empty()
                && ws.len() <= 4
                && ws
                    .iter()
                    .all(|w| is_capitalised(w) || w.chars().all(char::is_lowercase) && ws.len() > 2)
        };
        let mention = if let Some(name) = left.strip_suffix(':').filter(|n| name_like(n)) {
            let start = text[..quote.open].rfind(name)?;
            start..start + name.len()
        } else {
            let rest = text.get(quote.outer_end..sentence.end)?;
            let after_dash = rest.trim_start().strip_prefix(['–', '—', '-'])?;
            let name = after_dash.trim_start();
            let name = &name[..name.find([',', '.', ';', '(']).unwrap_or(name.len())];
            let name = name.trim_end();
            if !name_like(name) {
                return None;
            }
            let start = sentence.end - rest.len()
                + (rest.len() - after_dash.len())
                + (after_dash.len() - after_dash.trim_start().len());
            start..start + name.len()
        };
        let speaker = self.people.resolve(mention.clone(), sentence.start)?;
        Some(Attribution {
            speaker: Some(speaker),
            mention: Some(mention),
            verb: None,
        })
    }

    fn push(&mut self, range: Range<usize>, kind: QuoteKind, attribution: &Attribution) {
        let piece = &self.doc.text[range.clone()];
        let end = range.start + piece.trim_end().len();
        if end <= range.start {
            return;
        }
        let speaker = attribution.speaker.as_ref();
        self.out.push(Quote {
            start: range.start as u32,
            end: end as u32,
            kind,
            speaker: speaker.and_then(|s| s.entity),
            speaker_name: speaker.map(|s| s.name.clone()),
            role: speaker.and_then(|s| s.role.clone()),
            mention: attribution
                .mention
                .as_ref()
                .map(|m| (m.start as u32, m.end as u32)),
            verb: attribution.verb.clone(),
        });
    }
}

/// The name of a work or a capitalised term: every word of note
/// capitalised, no sentence punctuation ("War and Peace", "Brexit").
fn is_title(quoted: &str) -> bool {
    const SMALL: &[&str] = &["a", "an", "and", "at", "for", "in", "of", "on", "the", "to"];
    let ws: Vec<&str> = quoted.split_whitespace().collect();
    !ws.is_empty()
        && ws.len() <= 8
        && !quoted.contains(['.', ',', '!', '?', ';', ':'])
        && ws.iter().enumerate().all(|(i, w)| {
            is_capitalised(w)
                || (i > 0 && SMALL.contains(w))
                || w.starts_with(|c: char| c.is_ascii_digit())
        })
}
