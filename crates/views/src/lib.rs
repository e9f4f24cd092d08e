//! What the explorer's views show, computed without the web: the state a URL
//! carries, citations, exports and the timeline's buckets. The app only wires
//! these to the page, so all of it is tested natively.

pub mod annotate;
pub mod citation;
pub mod export;
pub mod state;
pub mod timeline;
