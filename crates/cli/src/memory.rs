//! Where the memory of a decoded corpus goes: the heap bytes of each
//! structure once decoded (what the app's wasm memory holds for it), for
//! `corpus bundle --sizes`. Counted natively: `String` and `Vec` headers are
//! 24 bytes here and 12 in wasm32, so structures of many small items weigh
//! somewhat less in the app.

use std::mem::{size_of, size_of_val};

use corpus_model::{Corpus, Document, Entity, Warning};

fn option_string(s: &Option<String>) -> usize {
    s.as_ref().map_or(0, String::len)
}

fn strings(values: &[String]) -> usize {
    size_of_val(values) + values.iter().map(String::len).sum::<usize>()
}

fn meta(d: &Document) -> usize {
    let m = &d.meta;
    let facets: usize = m.facets.len() * size_of::<(String, Vec<String>)>()
        + m.facets
            .iter()
            .map(|(key, values)| key.len() + strings(values))
            .sum::<usize>();
    m.title.len()
        + option_string(&m.source)
        + option_string(&m.url)
        + option_string(&m.kind)
        + facets
}

fn quotes(d: &Document) -> usize {
    let strings: usize = d
        .quotes
        .iter()
        .map(|q| {
            option_string(&q.speaker_name)
                + option_string(&q.role)
                + option_string(&q.verb)
                + size_of_val(&q.fragments[..])
        })
        .sum();
    size_of_val(&d.quotes[..]) + strings
}

fn dropped(d: &Document) -> usize {
    size_of_val(&d.dropped[..]) + d.dropped.iter().map(|x| x.reason.len()).sum::<usize>()
}

fn entities(entities: &[Entity]) -> usize {
    let inner: usize = entities
        .iter()
        .map(|e| {
            e.name.len()
                + strings(&e.aliases)
                + size_of_val(&e.roles[..])
                + e.roles.iter().map(|r| r.role.len()).sum::<usize>()
                + size_of_val(&e.documents[..])
        })
        .sum();
    size_of_val(entities) + inner
}

fn warnings(warnings: &[Warning]) -> usize {
    size_of_val(warnings)
        + warnings
            .iter()
            .map(|w| w.file.len() + w.message.len())
            .sum::<usize>()
}

/// Heap bytes of one field of every document, summed.
fn per_document(corpus: &Corpus, field: impl Fn(&Document) -> usize) -> usize {
    corpus.documents.iter().map(field).sum()
}

/// Each structure of a decoded corpus with its heap bytes.
pub fn decoded_sizes(corpus: &Corpus) -> Vec<(&'static str, usize)> {
    let c = corpus;
    vec![
        ("documents (the structs)", size_of_val(&c.documents[..])),
        ("documents.file", per_document(c, |d| d.file.len())),
        ("documents.meta", per_document(c, meta)),
        ("documents.text", per_document(c, |d| d.text.len())),
        (
            "documents.original_rest",
            per_document(c, |d| d.original_rest.rest.len()),
        ),
        (
            "documents.blocks",
            per_document(c, |d| size_of_val(&d.blocks[..])),
        ),
        (
            "documents.source_map",
            per_document(c, |d| size_of_val(&d.source_map.segments[..])),
        ),
        ("documents.dropped", per_document(c, dropped)),
        (
            "documents.dates",
            per_document(c, |d| size_of_val(&d.dates[..])),
        ),
        (
            "documents.mentions",
            per_document(c, |d| size_of_val(&d.mentions[..])),
        ),
        ("documents.quotes", per_document(c, quotes)),
        (
            "documents.unquoted",
            per_document(c, |d| size_of_val(&d.unquoted[..])),
        ),
        ("entities", entities(&c.entities)),
        (
            "warnings+skipped",
            warnings(&c.warnings) + warnings(&c.skipped),
        ),
    ]
}
