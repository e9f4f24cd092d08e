//! How facets, their values and sort orders are named on screen.
//!
//! Invariant: a label is derived from the facet name and value alone (and,
//! for documents, the corpus), so the sidebar and the filter chips always
//! agree.

use corpus_model::Corpus;
use corpus_search::{Facet, Sort};

/// The heading a facet is shown under: a built-in facet's own, a
/// front-matter key with its first letter in capitals.
pub fn facet_label(name: &str) -> String {
    let label = match name.parse::<Facet>() {
        Ok(Facet::Source) => "Source",
        Ok(Facet::Kind) => "Kind",
        Ok(Facet::Year) => "Year",
        Ok(Facet::Month) => "Month",
        Ok(Facet::Person) => "People",
        Ok(Facet::Organisation) => "Organisations",
        Ok(Facet::Place) => "Places",
        Ok(Facet::Speaker) => "Speaker",
        Ok(Facet::Attribution) => "Attribution",
        Ok(Facet::Document) => "Document",
        Err(_) => {
            let mut chars = name.chars();
            return chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
        }
    };
    label.to_string()
}

/// How a facet value is shown: documents by their title, the rest as they
/// are.
pub fn value_label(corpus: &Corpus, facet: &str, value: &str) -> String {
    if facet.parse() == Ok(Facet::Document) {
        if let Some(doc) = corpus.documents.iter().find(|d| d.file == value) {
            return doc.meta.title.clone();
        }
    }
    value.to_string()
}

/// How a sort order is offered in the sort menu.
pub fn sort_label(sort: Sort) -> &'static str {
    match sort {
        Sort::Relevance => "relevance",
        Sort::Newest => "newest first",
        Sort::Oldest => "oldest first",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus_model::Document;

    #[test]
    fn facets_have_headings() {
        assert_eq!(facet_label("person"), "People");
        assert_eq!(facet_label("month"), "Month");
        assert_eq!(facet_label("topics"), "Topics");
        assert_eq!(facet_label("été"), "Été");
        assert_eq!(facet_label(""), "");
    }

    #[test]
    fn sort_orders_have_menu_labels() {
        let labels: Vec<&str> = Sort::ALL.into_iter().map(sort_label).collect();
        assert_eq!(labels, ["relevance", "newest first", "oldest first"]);
    }

    #[test]
    fn documents_show_by_title() {
        let mut doc = Document {
            file: "a.txt".into(),
            ..Document::default()
        };
        doc.meta.title = "A letter".into();
        let corpus = Corpus {
            documents: vec![doc],
            ..Corpus::default()
        };
        assert_eq!(value_label(&corpus, "document", "a.txt"), "A letter");
        assert_eq!(value_label(&corpus, "document", "b.txt"), "b.txt");
        assert_eq!(value_label(&corpus, "source", "a.txt"), "a.txt");
    }
}
