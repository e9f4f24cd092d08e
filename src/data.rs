//! The corpus embedded at build time, decoded once on first use.

use std::sync::OnceLock;

use corpus::bundle::Bundle;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus and its index.
pub fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| Bundle::decode(BYTES).expect("the build embeds a valid bundle"))
}
