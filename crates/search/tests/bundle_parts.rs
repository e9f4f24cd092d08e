//! The size breakdown of a bundle (`Bundle::encoded_parts`, printed by
//! `corpus bundle --sizes`) accounts for every byte: the parts add up to
//! the encoded bundle less its 10-byte header and the length of the
//! document list, so a field added to a document or the corpus without a
//! line in the breakdown fails here.

use std::path::Path;

use corpus_search::bundle::Bundle;
use corpus_search::SearchIndex;

/// Bytes of postcard's varint encoding of `n`.
fn varint_len(mut n: usize) -> usize {
    let mut bytes = 1;
    while n >= 0x80 {
        n >>= 7;
        bytes += 1;
    }
    bytes
}

#[test]
fn the_parts_add_up_to_the_whole_bundle() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let corpus = corpus_pipeline::build(&dir).unwrap_or_else(|e| panic!("seeds: {e}"));
    let documents = corpus.documents.len();
    let index = SearchIndex::build(&corpus);
    let bundle = Bundle { corpus, index };
    let parts: usize = bundle.encoded_parts().iter().map(|(_, b)| b.len()).sum();
    let header = b"CEXPLORE".len() + 2;
    assert_eq!(
        bundle.encode().len(),
        header + varint_len(documents) + parts
    );
}
