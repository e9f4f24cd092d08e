//! What the page says while its corpus arrives, and when it cannot start
//! or finish: the corpus built with it could not be downloaded or read.
//!
//! Invariant: the message is plain text for a reader who did not build the
//! site: what failed, that the site must be rebuilt, and the technical
//! detail for whoever rebuilds it.

use corpus_search::bundle::BundleError;
use corpus_search::Notice;

/// The heading shown instead of the explorer.
pub const LOAD_FAILURE_TITLE: &str = "This explorer could not load its documents";

/// Why the page shows no explorer, and what fixes it.
pub fn load_failure_message(error: &BundleError) -> String {
    let what = match error {
        BundleError::NotABundle => "the data that came with this page is not a corpus",
        BundleError::UnsupportedVersion(_) => {
            "the data that came with this page was made by a different version of the explorer"
        }
        BundleError::Corrupt(_) | BundleError::TrailingBytes(_) => {
            "the data that came with this page is damaged"
        }
    };
    format!(
        "The documents could not be read: {what}. The site needs to be rebuilt \
         and published again; if you do not run it, please tell whoever does. \
         (Detail: {error}.)"
    )
}

/// What a query's notice tells the reader: the engine's words, but for a
/// filter waiting on the documents' contents when they failed to arrive,
/// which will not apply.
pub fn notice_text(notice: &Notice, contents_failed: bool) -> String {
    match notice {
        Notice::FacetArriving { facet } if contents_failed => format!(
            "The {facet} filter cannot apply: the documents' names and quotes did not arrive."
        ),
        _ => notice.to_string(),
    }
}

/// Why the page shows no explorer when its documents could not be
/// downloaded: most often the connection, so it says to retry first.
pub fn download_failure_message(detail: &str) -> String {
    format!(
        "The documents could not be downloaded. Check the connection and reload \
         the page; if this keeps happening, the site may need to be published \
         again. (Detail: {detail}.)"
    )
}

/// What the page says while its documents arrive: how much of how much.
pub fn loading_message(received: u64, total: u64) -> String {
    arrived("Loading the documents…", received, total)
}

/// What a view that needs the documents' texts says while they arrive
/// behind an explorer that already answers queries.
pub fn contents_loading_message(received: u64, total: u64) -> String {
    arrived("Loading the texts and quotes…", received, total)
}

/// `what`, then megabytes received of the total when it is known.
fn arrived(what: &str, received: u64, total: u64) -> String {
    if total == 0 {
        return what.to_string();
    }
    format!(
        "{what} {} of {} MB",
        megabytes(received.min(total)),
        megabytes(total)
    )
}

/// `bytes` in megabytes to the nearest tenth (ties to even), in integers:
/// the app then links no float formatting.
fn megabytes(bytes: u64) -> String {
    let (tenths, rest) = (bytes / 100_000, bytes % 100_000);
    let round_up = rest > 50_000 || (rest == 50_000 && tenths % 2 == 1);
    let tenths = tenths + u64::from(round_up);
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_waiting_on_contents_that_failed_says_it_cannot_apply() {
        let waiting = Notice::FacetArriving {
            facet: "person".into(),
        };
        assert_eq!(notice_text(&waiting, false), waiting.to_string());
        let failed = notice_text(&waiting, true);
        assert!(failed.contains("person filter cannot apply"), "{failed}");
        assert!(!failed.contains("applies once"), "{failed}");
        let other = Notice::PartialMatch;
        assert_eq!(notice_text(&other, true), other.to_string());
    }

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

    #[test]
    fn a_download_failure_says_to_retry_and_gives_the_detail() {
        let message = download_failure_message("data/corpus-1.bin: HTTP 404");
        assert!(message.contains("reload"), "{message}");
        assert!(message.contains("HTTP 404"), "{message}");
    }

    #[test]
    fn loading_says_how_much_has_arrived_never_more_than_all() {
        assert_eq!(loading_message(0, 0), "Loading the documents…");
        assert_eq!(
            loading_message(1_250_000, 5_000_000),
            "Loading the documents… 1.2 of 5.0 MB"
        );
        assert_eq!(
            loading_message(9_000_000, 5_000_000),
            "Loading the documents… 5.0 of 5.0 MB"
        );
        let rows = [
            (0, "0.0"),
            (49_999, "0.0"),
            (50_000, "0.0"),
            (50_001, "0.1"),
            (150_000, "0.2"),
            (949_999, "0.9"),
            (950_000, "1.0"),
            (12_345_678_901, "12345.7"),
        ];
        for (bytes, expected) in rows {
            assert_eq!(megabytes(bytes), expected, "{bytes} bytes");
        }
        assert_eq!(
            contents_loading_message(3_000_000, 15_800_000),
            "Loading the texts and quotes… 3.0 of 15.8 MB"
        );
    }
}
