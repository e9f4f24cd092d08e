//! What a reporting clause is: its verb, speaker, listener's end and
//! reported content, as byte ranges of the text.
//!
//! Invariant: every range lies inside the sentence the clause was read from.

use std::ops::Range;

/// A reporting verb with what surrounds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The verb as written ("said", "went on", "according to").
    pub verb: Range<usize>,
    /// The verb reports speech, so content after or before it is reported.
    pub reports: bool,
    /// The words naming the speaker, before or after the verb.
    pub subject: Option<Range<usize>>,
    /// "it was claimed": the speaker is not the subject.
    pub passive: bool,
    /// Where the clause's own words begin (its subject or verb).
    pub begins: usize,
    /// Where the verb phrase ends, past any listener ("told HSJ").
    pub phrase_end: usize,
    /// The reported content, when the clause reports speech without marks.
    pub content: Option<Range<usize>>,
}
