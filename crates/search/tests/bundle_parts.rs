//! The size breakdown of a bundle (`Bundle::encoded_parts`, printed by
//! `corpus bundle --sizes`) accounts for every byte: the parts, each
//! encoded alone, add up to the bundle before compression, so a field added to a
//! document or the corpus without a line in the breakdown fails here.

use std::path::Path;

use corpus_search::bundle::Bundle;
use corpus_search::SearchIndex;

#[test]
fn the_parts_add_up_to_the_whole_bundle() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let corpus = corpus_pipeline::build(&dir).unwrap_or_else(|e| panic!("seeds: {e}"));
    let index = SearchIndex::build(&corpus);
    let bundle = Bundle { corpus, index };
    let parts: usize = bundle.encoded_parts().iter().map(|(_, b)| b.len()).sum();
    assert_eq!(bundle.encode_uncompressed().len(), parts);
}
