//! One record per statement: a reported statement that holds quoted words
//! becomes one `mixed` record with those words as its fragments, a quote
//! running on over paragraphs is one record, and no record's range lies
//! inside another's.
//!
//! ```text
//! He told HSJ the purpose was in part to “send a message” to trusts.
//!             ^reported …………………………………………………………………………………………………………………   → one mixed record,
//!                                         ^partial ………………                     fragment "send a message"
//! ```

use corpus_model::{Quote, QuoteKind};

/// `quotes` (sorted by start, the longer first at one start, so a record
/// comes before those inside it) with every quote that lies inside another
/// folded into it: partial quotes inside a reported statement
/// become its fragments (the statement is then `mixed`, and takes their
/// speaker if it had none); a reported statement that holds a direct quote
/// is dropped, as the direct quote says it in the speaker's own words; any
/// other record inside another is dropped.
pub fn one_record_each(quotes: Vec<Quote>) -> Vec<Quote> {
    let quotes = drop_statements_holding_direct_quotes(quotes);
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    for quote in quotes {
        let Some(outer) = out.last_mut().filter(|o| holds(o, &quote)) else {
            out.push(quote);
            continue;
        };
        if quote.kind == QuoteKind::Partial && is_statement(outer) {
            outer.kind = QuoteKind::Mixed;
            outer.fragments.push((quote.start, quote.end));
            if outer.speaker_name.is_none() {
                outer.speaker = quote.speaker;
                outer.speaker_name = quote.speaker_name;
                outer.role = quote.role;
                outer.mention = quote.mention;
                outer.verb = quote.verb;
            }
        }
    }
    out
}

/// Whether `outer`'s range holds all of `inner`'s.
fn holds(outer: &Quote, inner: &Quote) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Reported speech, with or without quoted words.
fn is_statement(quote: &Quote) -> bool {
    matches!(quote.kind, QuoteKind::Reported | QuoteKind::Mixed)
}

/// `quotes` without the reported statements that hold a direct quote.
fn drop_statements_holding_direct_quotes(quotes: Vec<Quote>) -> Vec<Quote> {
    let directs: Vec<(u32, u32)> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| (q.start, q.end))
        .collect();
    quotes
        .into_iter()
        .filter(|q| {
            q.kind != QuoteKind::Reported || {
                let first = directs.partition_point(|d| d.0 < q.start);
                directs[first..]
                    .iter()
                    .take_while(|d| d.0 < q.end)
                    .all(|d| d.1 > q.end)
            }
        })
        .collect()
}

/// `quotes` (sorted by start) with each direct quote that continues the
/// one before over a paragraph break ("…hospitals.¶“They will open…”",
/// the first paragraph left without a closing mark) joined to it: one
/// record from the first paragraph's words to the last's.
pub fn join_run_on(text: &str, quotes: Vec<Quote>) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    for quote in quotes {
        let continues = out.last().is_some_and(|before| {
            before.kind == QuoteKind::Direct
                && quote.kind == QuoteKind::Direct
                && quote.verb.is_none()
                && quote.speaker_name == before.speaker_name
                && quote.mention == before.mention
                && is_run_on_break(text.get(before.end as usize..quote.start as usize))
        });
        match out.last_mut() {
            Some(before) if continues => before.end = quote.end,
            _ => out.push(quote),
        }
    }
    out
}

/// Whether `gap` is a paragraph break and the opening mark of the next
/// paragraph's quote, with nothing else.
fn is_run_on_break(gap: Option<&str>) -> bool {
    let Some(before_mark) = gap.and_then(|g| g.trim_end().strip_suffix(['“', '"', '«', '„']))
    else {
        return false;
    };
    before_mark.contains('\n') && before_mark.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(start: u32, end: u32, kind: QuoteKind, speaker: Option<&str>) -> Quote {
        Quote {
            start,
            end,
            kind,
            speaker: None,
            speaker_name: speaker.map(str::to_string),
            role: None,
            mention: None,
            verb: None,
            fragments: Vec::new(),
            anonymous: false,
        }
    }

    #[test]
    fn partial_quotes_inside_a_statement_become_its_fragments() {
        use QuoteKind::{Direct, Mixed, Partial, Reported};
        let got = one_record_each(vec![
            quote(0, 50, Reported, None),
            quote(10, 20, Partial, Some("Hunt")),
            quote(30, 40, Partial, Some("Hunt")),
            quote(60, 70, Partial, Some("Ng")),
            quote(80, 120, Reported, Some("Ng")),
            quote(90, 100, Direct, Some("Ng")),
        ]);
        let shape: Vec<_> = got
            .iter()
            .map(|q| {
                (
                    q.start,
                    q.kind,
                    q.speaker_name.as_deref(),
                    q.fragments.clone(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (0, Mixed, Some("Hunt"), vec![(10, 20), (30, 40)]),
                (60, Partial, Some("Ng"), vec![]),
                (90, Direct, Some("Ng"), vec![]),
            ]
        );
    }
}
