//! What the page says when it cannot start: the corpus built into it could
//! not be read.
//!
//! Invariant: the message is plain text for a reader who did not build the
//! site: what failed, that the site must be rebuilt, and the technical
//! detail for whoever rebuilds it.

use corpus_search::bundle::BundleError;

/// The heading shown instead of the explorer.
pub const LOAD_FAILURE_TITLE: &str = "This explorer could not load its documents";

/// Why the page shows no explorer, and what fixes it.
pub fn load_failure_message(error: &BundleError) -> String {
    let what = match error {
        BundleError::NotABundle => "the data built into this page is not a corpus",
        BundleError::UnsupportedVersion(_) => {
            "the data built into this page was made by a different version of the explorer"
        }
        BundleError::Corrupt(_) | BundleError::TrailingBytes(_) => {
            "the data built into this page is damaged"
        }
    };
    format!(
        "The documents could not be read: {what}. The site needs to be rebuilt \
         and published again; if you do not run it, please tell whoever does. \
         (Detail: {error}.)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_says_what_failed_and_that_the_site_needs_rebuilding() {
        let cases = [
            (BundleError::NotABundle, "is not a corpus", "bad magic"),
            (
                BundleError::UnsupportedVersion(9),
                "a different version of the explorer",
                "version 9",
            ),
            (
                BundleError::Corrupt("unexpected end".into()),
                "is damaged",
                "unexpected end",
            ),
            (
                BundleError::TrailingBytes(3),
                "is damaged",
                "3 trailing bytes",
            ),
        ];
        for (error, what, detail) in cases {
            let message = load_failure_message(&error);
            assert!(message.contains(what), "{message}");
            assert!(message.contains(detail), "{message}");
            assert!(message.contains("needs to be rebuilt"), "{message}");
        }
    }
}
