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
//!    at all (a title, a term, scare quotes, a headline's words: kept in
//!    [`Extracted::unquoted`] with the reason), and which clause attributes
//!    it, by the first rule of [`QUOTE_RULES`] that decides; every stretch
//!    in quotation marks is a candidate, and quoted words woven into a
//!    sentence with no reporting verb go to the subject it opens with
//!    ([`opening`]);
//! 6. [`speakers`] turns the words naming the speaker into a canonical name
//!    and role;
//! 7. [`statements`] folds partial quotes into the reported statement that
//!    holds them (one `mixed` record with fragments), so no record lies
//!    inside another.
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
//! A quote that runs over several paragraphs is one [`Quote`], from the
//! first paragraph's words to the last's.
//!
//! Invariant: quotes are sorted by start; no quote's range lies inside
//! another's; every range lies within one block of the cleaned text, but
//! for a direct quote running on over paragraphs;
//! `speaker_name` is set whenever a speaker is known, and then `mention`
//! holds the words that named them (here or where the speaker was last
//! named).

mod clauses;
mod layout;
mod lexicon;
mod marks;
mod opening;
pub mod record;
mod rule;
pub mod score;
mod speakers;
mod statements;
#[cfg(test)]
mod test_document;

use std::ops::Range;

use corpus_text::chars::is_dash;
use corpus_text::lexicon::{TERM_CUES, TITLE_SMALL_WORDS};
use corpus_text::sentences::sentences;
use corpus_text::tokens::without_possessive;
use corpus_text::words::{is_capitalised, words, written_words};

use self::clauses::vocabulary::NAMING_WORD;
use self::clauses::Clause;
use self::marks::Marked;
use self::rule::Rule;
use self::speakers::vocabulary::{is_anonymous_source, is_first_person};
pub use self::speakers::EntityNames;
use self::speakers::{People, Speaker};
use corpus_model::{Document, Entity, Quote, QuoteKind, Unquoted, UnquotedReason};

/// The quotes of a document and the quoted words that are none.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Sorted by position; no range lies inside another.
    pub quotes: Vec<Quote>,
    /// Sorted by position.
    pub unquoted: Vec<Unquoted>,
}

/// Every quote in `doc`, and every quoted stretch that is none, with the
/// corpus's `entities`.
pub fn extract(doc: &Document, entities: &[Entity]) -> Extracted {
    extract_with(doc, &EntityNames::of(entities))
}

/// [`extract`], with the corpus's entities indexed by name once for all
/// its documents.
pub fn extract_with(doc: &Document, names: &EntityNames) -> Extracted {
    let layout = layout::Layout::of(doc);
    let mut reader = Reader {
        doc,
        people: People::new(doc, names, layout.signatory.clone()),
        letter: layout.signatory.is_some(),
        last: None,
        last_quoted: None,
        awaiting_clause: None,
        introducing: None,
        out: Vec::new(),
        unquoted: Vec::new(),
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
        reader.introducing = None;
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
            .map(Attribution::continuing)
            .or_else(|| reader.introducing.take());
    }
    let mut quotes = reader.out;
    // The order statements::one_record_each reads: by start, the longer first.
    quotes.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
    quotes.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.kind == b.kind);
    let mut unquoted = reader.unquoted;
    unquoted.sort_by_key(|u| u.start);
    Extracted {
        quotes: statements::join_run_on(&doc.text, statements::one_record_each(quotes)),
        unquoted,
    }
}

/// Who a quote is attributed to and how.
#[derive(Debug, Clone, Default)]
struct Attribution {
    speaker: Option<Speaker>,
    mention: Option<Range<usize>>,
    verb: Option<String>,
    /// The mention names an anonymous source ("officials said").
    anonymous: bool,
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
            mention: quote.mention.map(|(s, e)| s as usize..e as usize),
            verb: None,
            anonymous: false,
        }
    }

    /// Gives `quote` this speaker, the words that named them and the verb.
    fn apply_to(&self, quote: &mut Quote) {
        let speaker = self.speaker.as_ref();
        quote.speaker = speaker.and_then(|s| s.entity);
        quote.speaker_name = speaker.map(|s| s.name.clone());
        quote.role = speaker.and_then(|s| s.role.clone());
        quote.mention = self
            .mention
            .as_ref()
            .map(|m| (m.start as u32, m.end as u32));
        quote.verb = self.verb.clone();
        quote.anonymous = speaker.is_none() && self.anonymous;
    }

    /// A speaker named by the words at `mention`, with no verb.
    fn named(speaker: Speaker, mention: Range<usize>) -> Attribution {
        Attribution {
            speaker: Some(speaker),
            mention: Some(mention),
            verb: None,
            anonymous: false,
        }
    }

    /// Whether it names a speaker, resolved or only by the words of a
    /// mention ("said a 2008 Clinton veteran").
    fn names_someone(&self) -> bool {
        self.speaker.is_some() || self.mention.is_some()
    }

    /// The attribution a later quote with no words of its own inherits:
    /// same speaker and mention, no verb.
    fn carried(&self) -> Attribution {
        Attribution {
            verb: None,
            ..self.clone()
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
    /// The attribution of a quote running on from the block before, until
    /// a quote opening the block takes it.
    carried: Option<Attribution>,
}

/// The reading state of one document.
struct Reader<'a> {
    doc: &'a Document,
    people: People<'a>,
    letter: bool,
    /// The latest speaker of anything, for subjectless verbs ("Says …").
    last: Option<Attribution>,
    /// The block and attribution of the latest direct quote or quote with a
    /// speaker, for quoted words with no verb of their own.
    last_quoted: Option<(usize, Attribution)>,
    /// The speaker a block ending with a colon introduces ("Sanders made
    /// the following comment:"), for a quote opening the next block.
    introducing: Option<Attribution>,
    /// The end of the latest quote and its record, when it is a direct
    /// quote no clause of its own attributes (its speaker, if any, taken
    /// from an earlier quote): a sentence right after it that is only a
    /// reporting clause ("“…?” Graham asked.") names its speaker.
    awaiting_clause: Option<(usize, usize)>,
    out: Vec<Quote>,
    unquoted: Vec<Unquoted>,
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
        for clause in &clauses {
            let attribution = self.clause_attribution(clause, sentence, said.last());
            let aside = text[clause.verb.clone()].eq_ignore_ascii_case("according to");
            if let (Some(s), false) = (&attribution.speaker, aside) {
                self.people.note(clause.verb.start, s);
                self.last = Some(attribution.carried());
            } else if attribution.anonymous {
                self.people.note_unnamed(clause.verb.start);
            }
            said.push(attribution);
        }
        if quotes.is_empty() {
            self.attribute_back(block, sentence, &clauses, &said);
            self.introducing = self.introduced_by(sentence, &said);
        }
        let mut frame = Frame {
            block,
            range: sentence.clone(),
            attributing: vec![false; clauses.len()],
            clauses,
            said,
            carried: carried.take(),
        };
        let mut previous: Option<(&Marked, QuoteKind)> = None;
        for quote in quotes {
            let decided = self.quote(&mut frame, quote, previous);
            if let Some(Err(reason)) = decided {
                self.unquoted.push(Unquoted {
                    start: quote.inner.start as u32,
                    end: quote.inner.end as u32,
                    reason,
                });
            }
            if let Some(Ok((kind, attribution))) = decided {
                previous = Some((quote, kind));
                let pushed = self.push(quote.inner.clone(), kind, &attribution);
                if kind == QuoteKind::Direct || attribution.speaker.is_some() {
                    self.last_quoted = Some((block, attribution.carried()));
                }
                self.awaiting_clause = pushed
                    .filter(|_| kind == QuoteKind::Direct && attribution.verb.is_none())
                    .map(|record| (quote.outer_end, record));
                if let Some(s) = &attribution.speaker {
                    self.people.note(quote.open, s);
                    self.last = Some(attribution.carried());
                }
            }
        }
        *carried = frame.carried.take();
        for (k, clause) in frame.clauses.iter().enumerate() {
            if let (Some(content), false) = (clause.content.clone(), frame.attributing[k]) {
                self.push(content, QuoteKind::Reported, &frame.said[k]);
            }
        }
    }

    /// Gives the direct quote just before `sentence` the speaker of the
    /// sentence's only clause, when the sentence follows the closing mark
    /// and reports nothing else ("“…?” Graham asked."), in place of any
    /// speaker the quote took from an earlier one in the same block.
    fn attribute_back(
        &mut self,
        block: usize,
        sentence: &Range<usize>,
        clauses: &[Clause],
        said: &[Attribution],
    ) {
        let Some((quote_end, record)) = self.awaiting_clause.take() else {
            return;
        };
        let right_after = self.doc.text[quote_end.min(sentence.start)..sentence.start]
            .trim()
            .is_empty();
        let [clause] = clauses else {
            return;
        };
        let [attribution] = said else {
            return;
        };
        let has_speaker = self.out[record].speaker_name.is_some();
        let same_block = self.doc.blocks[block].start as usize <= quote_end;
        if !right_after
            || clause.content.is_some()
            || attribution.speaker.is_none()
            || (has_speaker && !same_block)
        {
            return;
        }
        attribution.apply_to(&mut self.out[record]);
        self.last_quoted = Some((block, attribution.carried()));
    }

    /// The speaker a sentence ending with a colon introduces: its last
    /// clause's, else the subject it opens with.
    fn introduced_by(&self, sentence: &Range<usize>, said: &[Attribution]) -> Option<Attribution> {
        let text = &self.doc.text;
        if !text[sentence.clone()].trim_end().ends_with(':') {
            return None;
        }
        if let Some(clause) = said.iter().rev().find(|a| a.speaker.is_some()) {
            return Some(clause.clone());
        }
        let mention = opening::subject(text, sentence.clone(), sentence.end)?;
        let speaker = self.people.resolve(mention.clone(), sentence.start)?;
        Some(Attribution::named(speaker, mention))
    }

    /// Who a clause attributes to: its subject resolved; a subjectless verb
    /// shares the sentence's previous speaker, else the subject a
    /// participle's sentence opens with, else the document's latest
    /// speaker, with the words that named them.
    fn clause_attribution(
        &self,
        clause: &Clause,
        sentence: &Range<usize>,
        previous_in_sentence: Option<&Attribution>,
    ) -> Attribution {
        let verb = Some(self.doc.text[clause.verb.clone()].to_string());
        let (speaker, mention) = match &clause.subject {
            _ if clause.passive => (None, None),
            Some(subject) => (
                self.people
                    .resolve(subject.clone(), sentence.start)
                    .or_else(|| self.fallback_speaker(subject)),
                Some(subject.clone()),
            ),
            None if self.letter => (self.people.signatory_speaker(), self.people.signatory_at()),
            None => {
                let shared = previous_in_sentence
                    .filter(|a| a.speaker.is_some())
                    .map(|a| (a.speaker.clone(), a.mention.clone()));
                shared
                    .or_else(|| {
                        let m = self.sentence_subject(clause, sentence)?;
                        let speaker = self.people.resolve(m.clone(), sentence.start)?;
                        Some((Some(speaker), Some(m)))
                    })
                    .or_else(|| self.last.clone().map(|a| (a.speaker, a.mention)))
                    .unwrap_or_default()
            }
        };
        let anonymous = speaker.is_none()
            && mention
                .as_ref()
                .and_then(|m| self.doc.text[m.clone()].split_whitespace().last())
                .is_some_and(|head| is_anonymous_source(&head.to_lowercase()));
        Attribution {
            speaker,
            mention,
            verb,
            anonymous,
        }
    }

    /// For a clause with no subject of its own ("…has rejected the offer,
    /// saying…", "She greeted supporters and told them…"), the words
    /// naming whom the sentence opens with, when no quote comes before.
    fn sentence_subject(&self, clause: &Clause, sentence: &Range<usize>) -> Option<Range<usize>> {
        let text = &self.doc.text;
        let before = sentence.start..clause.verb.start;
        if text[before.clone()].contains(['“', '”', '"']) {
            return None;
        }
        let first = words(text, before.clone()).first()?.start;
        self.people
            .entity_named_at(first..clause.verb.start)
            .or_else(|| opening::subject(text, sentence.clone(), clause.verb.start))
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

    /// The attribution of the latest direct or attributed quote, if it is
    /// in block `block` and names a speaker.
    fn block_speaker(&self, block: usize) -> Option<Attribution> {
        self.last_quoted
            .as_ref()
            .filter(|(b, a)| *b == block && a.names_someone())
            .map(|(_, a)| a.clone())
    }

    /// Classifies one quoted stretch by the first rule of [`QUOTE_RULES`]
    /// that decides; `None` when it is no quote.
    fn quote(
        &self,
        frame: &mut Frame,
        quote: &Marked,
        previous: Option<(&Marked, QuoteKind)>,
    ) -> Option<QuoteVerdict> {
        let stretch = Stretch::read(&self.doc.text, frame, quote, previous);
        QUOTE_RULES
            .iter()
            .find_map(|rule| (rule.apply)(self, frame, &stretch))
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
            let after_dash = rest.trim_start().strip_prefix(['–', '—', '―', '-'])?;
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
        Some(Attribution::named(speaker, mention))
    }

    /// Records the quote at `range` (its trailing spaces dropped) with
    /// `attribution`; returns its index, or `None` when it holds no words.
    fn push(
        &mut self,
        range: Range<usize>,
        kind: QuoteKind,
        attribution: &Attribution,
    ) -> Option<usize> {
        let piece = &self.doc.text[range.clone()];
        let end = range.start + piece.trim_end().len();
        if end <= range.start {
            return None;
        }
        let mut quote = Quote {
            start: range.start as u32,
            end: end as u32,
            kind,
            speaker: None,
            speaker_name: None,
            role: None,
            mention: None,
            verb: None,
            fragments: Vec::new(),
            anonymous: false,
        };
        attribution.apply_to(&mut quote);
        self.out.push(quote);
        Some(self.out.len() - 1)
    }
}

/// A quoted stretch and what the sentence around it shows.
struct Stretch<'a> {
    quote: &'a Marked,
    /// The writer's words between the previous quote (or the sentence
    /// start) and this one, without leading bullets.
    left: &'a str,
    quoted: &'a str,
    /// The reporting clause that leads into the quote ("He said: …").
    left_clause: Option<usize>,
    /// The reporting clause right after the closing mark ("…,” he said).
    right_clause: Option<usize>,
    /// Set off as a quote of its own rather than woven into the writer's sentence.
    direct: bool,
    /// Words as a reader counts them: each ideograph or kana is one.
    word_count: usize,
}

impl<'a> Stretch<'a> {
    /// Whether the quoted words end in an exclamation or question mark:
    /// something cried out or asked, not a word held at a distance.
    fn exclaimed(&self) -> bool {
        self.quoted.trim_end().ends_with(['!', '?'])
    }

    /// Whether the writer's words end in a possessive ("on MSNBC's"): what
    /// follows is named as someone's (a programme, a book, a slogan), not
    /// quoted from them.
    fn owned(&self) -> bool {
        self.left
            .split_whitespace()
            .last()
            .and_then(without_possessive)
            .is_some_and(|owner| !owner.is_empty())
    }

    fn read(
        text: &'a str,
        frame: &Frame,
        quote: &'a Marked,
        previous: Option<(&Marked, QuoteKind)>,
    ) -> Stretch<'a> {
        let sentence = &frame.range;
        let left_from = previous.map_or(sentence.start, |(p, _)| p.outer_end.max(sentence.start));
        let left = text[left_from..quote.open]
            .trim()
            .trim_start_matches(['•', '*', '-', '–', '—', '·'])
            .trim();
        let quoted = &text[quote.inner.clone()];
        let starts_upper = quoted
            .trim_start_matches(['…', '.', ' ', '['])
            .starts_with(char::is_uppercase);
        let left_clause = frame.clauses.iter().position(|c| {
            c.verb.start >= left_from && c.phrase_end <= quote.open && leads_in(text, c, quote)
        });
        let right_clause = if quote.unclosed {
            None
        } else {
            frame.clauses.iter().position(|c| {
                c.begins >= quote.outer_end
                    && text[quote.outer_end..c.begins]
                        .trim_matches(|ch: char| {
                            ch.is_whitespace() || matches!(ch, ',' | ';') || is_dash(ch)
                        })
                        .is_empty()
            })
        };
        let split_continuation =
            left_clause.is_some() && previous.is_some_and(|(_, k)| k == QuoteKind::Direct);
        let introduced = left.ends_with(':') || left.ends_with(',');
        let direct = left.is_empty()
            || left.ends_with(':')
            || (left_clause.is_some() && (starts_upper || split_continuation || introduced));
        Stretch {
            quote,
            left,
            quoted,
            left_clause,
            right_clause,
            direct,
            word_count: words(text, quote.inner.clone())
                .into_iter()
                .map(|w| written_words(&text[w]))
                .sum(),
        }
    }
}

/// Whether clause `c` leads straight into `quote`: nothing between but a
/// colon or comma, or a short gap ending with one, with no sentence mark,
/// other quote or "that".
fn leads_in(text: &str, c: &Clause, quote: &Marked) -> bool {
    let gap = text[c.phrase_end..quote.open].trim();
    let short = gap.split_whitespace().count() <= 6
        && !gap.contains(['.', ';', '“', '”', '"'])
        && !gap.split_whitespace().any(|w| w == "that");
    gap.trim_end_matches([':', ',']).trim().is_empty() || (gap.ends_with([':', ',']) && short)
}

/// What a quote rule decides: the quote's kind and attribution, or why
/// the stretch is no quote.
type QuoteVerdict = Result<(QuoteKind, Attribution), UnquotedReason>;

/// One way of deciding what a quoted stretch is.
type QuoteRule = Rule<fn(&Reader, &mut Frame, &Stretch) -> Option<QuoteVerdict>>;

/// The ways of deciding what a quoted stretch is, tried in order; a
/// stretch no rule decides is no quote.
const QUOTE_RULES: &[QuoteRule] = &[
    Rule {
        name: "paragraph continuing a quote",
        apply: continuing,
    },
    Rule {
        name: "beside its reporting clause",
        apply: beside_clause,
    },
    Rule {
        name: "speaker named beside",
        apply: named_beside,
    },
    Rule {
        name: "quote standing alone",
        apply: standing_alone,
    },
    Rule {
        name: "title or term",
        apply: title,
    },
    Rule {
        name: "partial quote in a reporting sentence",
        apply: in_reporting_sentence,
    },
    Rule {
        name: "long partial quote after a direct quote",
        apply: after_direct,
    },
    Rule {
        name: "words quoted in the headline",
        apply: headline,
    },
    Rule {
        name: "quoted words in the writer's sentence",
        apply: woven_in,
    },
];

/// Accepts words quoted in the document's headline with no reporting
/// clause: no quote, as a headline quotes in brief what the story quotes
/// in full.
fn headline(reader: &Reader, frame: &mut Frame, _: &Stretch) -> Option<QuoteVerdict> {
    let doc = reader.doc;
    let title = doc.meta.title.trim();
    let block = &doc.blocks[frame.block];
    (!title.is_empty() && doc.block_text(block).trim() == title)
        .then_some(Err(UnquotedReason::Headline))
}

/// Accepts a quote opening a block that continues the previous block's
/// unclosed quote: a direct quote, same speaker.
fn continuing(reader: &Reader, frame: &mut Frame, s: &Stretch) -> Option<QuoteVerdict> {
    let block_start = reader.doc.blocks[frame.block].start as usize;
    if s.quote.open != block_start {
        return None;
    }
    let attribution = frame.carried.take()?;
    Some(Ok((QuoteKind::Direct, attribution)))
}

/// Accepts a quote led into by a reporting clause or followed by one
/// ("He said: “…”", "“…,” he said"): direct when set off, else partial;
/// a title set in the sentence, or owned by a name before it, is no quote.
fn beside_clause(_: &Reader, frame: &mut Frame, s: &Stretch) -> Option<QuoteVerdict> {
    let k = s.left_clause.or(s.right_clause)?;
    frame.attributing[k] |= s.direct;
    if is_title(s.quoted) && (!s.direct || s.owned()) {
        return Some(Err(UnquotedReason::Title));
    }
    let kind = if s.direct {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
    Some(Ok((kind, frame.said[k].clone())))
}

/// Accepts "Name: “…”" and "“…” – Name": a direct quote by the named speaker.
fn named_beside(reader: &Reader, frame: &mut Frame, s: &Stretch) -> Option<QuoteVerdict> {
    let attribution = reader.named_beside(&frame.range, s.quote, s.left)?;
    Some(Ok((QuoteKind::Direct, attribution)))
}

/// Accepts a set-off quote with no clause and not inside what a clause
/// reports: no quote when it is three words or fewer or a title and no
/// attributed quote came before it in the block; else a direct quote by
/// the speaker of a quote at most two blocks before, or a letter's
/// signatory.
fn standing_alone(reader: &Reader, frame: &mut Frame, s: &Stretch) -> Option<QuoteVerdict> {
    if !s.direct || content_holder(frame, s).is_some() {
        return None;
    }
    let follows_direct = reader.block_speaker(frame.block).is_some();
    if is_title(s.quoted) && !follows_direct {
        return Some(Err(UnquotedReason::Title));
    }
    if s.word_count <= 3 && !follows_direct && !s.exclaimed() {
        return Some(Err(UnquotedReason::ScareQuotes));
    }
    let recent = reader
        .last_quoted
        .as_ref()
        .filter(|(b, a)| frame.block <= b + 2 && a.names_someone())
        .map(|(_, a)| a.clone());
    let attribution = recent.unwrap_or_else(|| Attribution {
        speaker: reader
            .letter
            .then(|| reader.people.signatory_speaker())
            .flatten(),
        mention: reader
            .letter
            .then(|| reader.people.signatory_at())
            .flatten(),
        verb: None,
        anonymous: false,
    });
    Some(Ok((QuoteKind::Direct, attribution)))
}

/// Accepts a title or capitalised term woven into the sentence and not
/// part of what a clause reports, or owned by a name before it ("MSNBC's
/// “Morning Joe”", even inside what a clause reports): no quote.
fn title(_: &Reader, frame: &mut Frame, s: &Stretch) -> Option<QuoteVerdict> {
    let named = is_title(s.quoted) && (s.owned() || content_holder(frame, s).is_none());
    named.then_some(Err(UnquotedReason::Title))
}

/// The clause whose reported content holds the stretch, if any.
fn content_holder(frame: &Frame, s: &Stretch) -> Option<usize> {
    let (open, close) = (s.quote.open, s.quote.outer_end);
    frame.clauses.iter().position(|c| {
        c.content
            .as_ref()
            .is_some_and(|r| r.start <= open && close <= r.end)
    })
}

/// Accepts a quote in a sentence with a reporting clause: a partial quote
/// by the clause whose content holds it, else the nearest before, else
/// the first after.
fn in_reporting_sentence(_: &Reader, frame: &mut Frame, s: &Stretch) -> Option<QuoteVerdict> {
    let (open, close) = (s.quote.open, s.quote.outer_end);
    let clauses = &frame.clauses;
    let holder = content_holder(frame, s);
    let before = clauses.iter().rposition(|c| c.verb.end <= open);
    let after = clauses.iter().position(|c| c.verb.start >= close);
    let k = holder.or(before).or(after)?;
    Some(Ok((QuoteKind::Partial, frame.said[k].clone())))
}

/// Accepts a quote of more than three words in a block with an
/// attributed quote: a partial quote by that quote's speaker.
fn after_direct(reader: &Reader, frame: &mut Frame, s: &Stretch) -> Option<QuoteVerdict> {
    if s.word_count <= 3 {
        return None;
    }
    let attribution = reader.block_speaker(frame.block)?;
    Some(Ok((QuoteKind::Partial, attribution)))
}

/// Accepts any other quoted words: a term when a cue such as "so-called"
/// leads into it; else a partial quote by the subject the sentence opens
/// with, else by the block's latest speaker; but scare quotes when three
/// words or fewer with no speaker or no word of saying or calling before
/// them; else a partial quote by nobody known.
fn woven_in(reader: &Reader, frame: &mut Frame, s: &Stretch) -> Option<QuoteVerdict> {
    if is_term_cue(s.left) {
        return Some(Err(UnquotedReason::Term));
    }
    let text = &reader.doc.text;
    let opening = opening::naming_subject(text, frame.range.clone(), s.quote.open)
        .or_else(|| opening::subject(text, frame.range.clone(), s.quote.open));
    let named = opening
        .clone()
        .and_then(|m| reader.people.resolve(m, frame.range.start));
    let attribution = match (opening, named) {
        (Some(mention), Some(speaker)) => Attribution::named(speaker, mention),
        _ => reader.block_speaker(frame.block).unwrap_or_default(),
    };
    let short = s.word_count <= 3 && !s.exclaimed() && !is_named_by_verb(text, frame, s);
    if short && (attribution.speaker.is_none() || !is_someones_words(text, frame, s)) {
        return Some(Err(UnquotedReason::ScareQuotes));
    }
    Some(Ok((QuoteKind::Partial, attribution)))
}

/// Whether a verb of naming ("called", "described") comes before the
/// stretch in its sentence.
fn is_named_by_verb(text: &str, frame: &Frame, s: &Stretch) -> bool {
    words(text, frame.range.start..s.quote.open)
        .iter()
        .map(|w| text[w.clone()].to_lowercase())
        .any(|w| opening::is_naming_verb(&w))
}

/// Whether the sentence before a short stretch shows someone saying or
/// calling something: a reporting verb or a naming word ("called", "as").
fn is_someones_words(text: &str, frame: &Frame, s: &Stretch) -> bool {
    let lex = lexicon::Lexicon::get();
    words(text, frame.range.start..s.quote.open)
        .iter()
        .map(|w| text[w.clone()].to_lowercase())
        .any(|w| lex.verb(&w).is_some() || NAMING_WORD.contains(&w))
}

/// Whether the writer's words before a stretch end with a term cue
/// ("the so-called", "known as").
fn is_term_cue(left: &str) -> bool {
    let lower = left.to_lowercase();
    let ws: Vec<&str> = lower.split_whitespace().collect();
    let last = |n: usize| ws[ws.len().saturating_sub(n)..].join(" ");
    TERM_CUES
        .entries()
        .any(|cue| last(cue.split(' ').count()) == cue)
}

/// The name of a work or a capitalised term: every word of note
/// capitalised, no sentence punctuation but the full stop or comma that
/// US style sets inside the closing mark ("War and Peace", "Brexit",
/// "Face the Nation,").
fn is_title(quoted: &str) -> bool {
    let quoted = quoted.trim_end().trim_end_matches(['.', ',']);
    let ws: Vec<&str> = quoted.split_whitespace().collect();
    !ws.is_empty()
        && ws.len() <= 8
        && !quoted.contains(['.', ',', '!', '?', ';', ':'])
        && ws.iter().enumerate().all(|(i, w)| {
            is_capitalised(w)
                || (i > 0 && TITLE_SMALL_WORDS.contains(w))
                || w.starts_with(|c: char| c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotes of a document whose blocks are the paragraphs of `raw`,
    /// as (kind, quoted words, speaker); a mixed statement's fragments are
    /// partial quotes.
    fn quotes_in(raw: &str) -> Vec<(QuoteKind, String, Option<String>)> {
        let doc = test_document::paragraphs(raw);
        let mut out = Vec::new();
        for q in extract(&doc, &[]).quotes {
            let pieces = match q.kind {
                QuoteKind::Reported => Vec::new(),
                QuoteKind::Mixed => q.fragments.clone(),
                _ => vec![(q.start, q.end)],
            };
            let kind = q.kind.min(QuoteKind::Partial);
            for (start, end) in pieces {
                let quoted = raw[start as usize..end as usize].to_string();
                out.push((kind, quoted, q.speaker_name.clone()));
            }
        }
        out
    }

    /// Speakers taking turns in the generated documents.
    const TURNS: [&str; 4] = ["John Smith", "Mary Jones", "Ann Brown", "Peter White"];
    /// Quotes in the small generated document; the large one has
    /// [`SCALE`] times as many.
    const FEW_QUOTES: usize = 1_000;
    const SCALE: usize = 4;
    /// The most the large document may cost over the small one: linear
    /// work costs about [`SCALE`] times as much, quadratic work 16 times.
    const MAX_COST_RATIO: f64 = 8.0;
    /// Timed runs of each size, the fastest kept.
    const TIMED_RUNS: usize = 3;

    /// A document of `count` short quotes, each attributed by name, then
    /// by role after the role is given, five to a paragraph.
    fn attributed(count: usize) -> Document {
        let mut raw = String::new();
        for i in 0..count {
            let name = TURNS[i % TURNS.len()];
            let line = match i % 3 {
                0 => format!("“We will act now,” said {name}."),
                1 => format!(
                    "Health secretary {name} spoke. “We will act,” the health secretary said."
                ),
                _ => format!("{name}: “We will not wait for anyone.”"),
            };
            raw.push_str(&line);
            raw.push_str(if i % 5 == 4 { "\n\n" } else { "\n" });
        }
        test_document::paragraphs(&raw)
    }

    /// The quotes of `doc` after the entities stage, and how long the
    /// quotes stage took at best.
    fn timed_quotes(doc: Document) -> (Vec<Quote>, std::time::Duration) {
        let mut docs = vec![doc];
        let entities = crate::entities::extract(&mut docs);
        let mut best = std::time::Duration::MAX;
        let mut quotes = Vec::new();
        for _ in 0..TIMED_RUNS {
            let clock = std::time::Instant::now();
            quotes = extract(&docs[0], &entities).quotes;
            best = best.min(clock.elapsed());
        }
        (quotes, best)
    }

    /// Many short attributed quotes: each finds its speaker, and the
    /// stage's cost grows with the document, not with its square.
    #[test]
    fn many_attributed_quotes_cost_linear_time() {
        let (few, small) = timed_quotes(attributed(FEW_QUOTES));
        let (many, large) = timed_quotes(attributed(FEW_QUOTES * SCALE));
        for (quotes, count) in [(&few, FEW_QUOTES), (&many, FEW_QUOTES * SCALE)] {
            let speakers: Vec<Option<&str>> = quotes
                .iter()
                .filter(|q| q.kind == QuoteKind::Direct)
                .map(|q| q.speaker_name.as_deref())
                .collect();
            let want: Vec<Option<&str>> =
                (0..count).map(|i| Some(TURNS[i % TURNS.len()])).collect();
            assert_eq!(speakers, want, "speakers of {count} quotes");
        }
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
        assert!(
            ratio < MAX_COST_RATIO,
            "{} quotes took {large:?}, {} took {small:?}: {ratio:.1} times",
            FEW_QUOTES * SCALE,
            FEW_QUOTES
        );
    }

    /// One row per rule of [`QUOTE_RULES`] (named first), then negative
    /// rows: (rule or case, document, the one quote expected or none).
    #[test]
    fn quote_rules() {
        use QuoteKind::{Direct, Partial};
        type Row<'a> = (
            &'a str,
            &'a str,
            Option<(QuoteKind, &'a str, Option<&'a str>)>,
        );
        let cases: &[Row] = &[
            ("paragraph continuing a quote", "Jeremy Hunt said: “We will act on this at once.\n\n“And we will not wait for others to act first.”", Some((Direct, "We will act on this at once.\n\n“And we will not wait for others to act first.", Some("Jeremy Hunt")))),
            ("beside its reporting clause", "“We will act on this at once,” said Jeremy Hunt.", Some((Direct, "We will act on this at once,", Some("Jeremy Hunt")))),
            ("speaker named beside", "Jeremy Hunt: “We will act on this at once.”", Some((Direct, "We will act on this at once.", Some("Jeremy Hunt")))),
            ("quote standing alone", "Jeremy Hunt said: “We will act.”\n\n“It is invidious to compare us with them.”", Some((Direct, "It is invidious to compare us with them.", Some("Jeremy Hunt")))),
            ("partial quote in a reporting sentence", "Jeremy Hunt said the plan would “send a message” to the trusts.", Some((Partial, "send a message", Some("Jeremy Hunt")))),
            ("long partial quote after a direct quote", "“We will act on this at once,” Jeremy Hunt said. The plan was “a day we will not forget soon” for all.", Some((Partial, "a day we will not forget soon", Some("Jeremy Hunt")))),
            ("title or term", "The film “War and Peace” opened in the city.", None),
            ("a title owned by a name, inside what a clause reports", "The plan will work, Jeremy Hunt said on the BBC’s “Good Morning Britain.”", None),
            ("a title owned by a name, set off after a clause", "Gary Johnson tells MSNBC’s “Morning Joe”", None),
            ("words quoted in the headline", "Flood defences 'will be ready by winter'\n\nWork is on schedule.", None),
            ("quoted words in the writer's sentence", "Trump called the senator a “nasty guy” on Friday.", Some((Partial, "nasty guy", Some("Trump")))),
            ("term after a cue", "Critics have called the so-called 'festival circuit' a closed shop.", None),
            ("short stretch standing alone", "“Brexit means Brexit” was the phrase.", None),
            ("scare quotes without a clause", "The so-called “reform” failed badly.", None),
            ("a name set off after the quote", "“I found it,” Norbert Butz, 49, told The Huffington Post.", Some((Direct, "I found it,", Some("Norbert Butz")))),
            ("a clause after a quote overrides an inherited speaker", "“It is normal,” Corey Lewandowski said.\n\n“Is that a bribe?” Donald Trump asked.", Some((Direct, "Is that a bribe?", Some("Donald Trump")))),
            ("a quote cried out is no scare quote", "The crowd fell silent. “You lie!” he heard.", Some((Direct, "You lie!", None))),
            ("a verb of naming attributes a short quote", "Donors were upset after Barack Obama called bankers “fat cats” last year.", Some((Partial, "fat cats", Some("Barack Obama")))),
        ];
        for &(rule, raw, want) in cases {
            let got = quotes_in(raw);
            let got: Vec<_> = got
                .iter()
                .map(|(k, q, s)| (*k, q.as_str(), s.as_deref()))
                .collect();
            let fits = match want {
                Some(quote) => got.contains(&quote),
                None => got.is_empty(),
            };
            assert!(fits, "{rule}: {raw:?} gave {got:?}, want {want:?}");
        }
        for rule in QUOTE_RULES {
            assert!(
                cases.iter().any(|c| c.0 == rule.name),
                "rule {rule} has no row"
            );
        }
    }
}
