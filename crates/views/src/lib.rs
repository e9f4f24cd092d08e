//! What the explorer's views show, computed without the web: the state a URL
//! carries, the search each view runs, citations, exports, the timeline's
//! buckets and the people index. The app only wires these to the page, so
//! all of it is tested natively.

pub mod about;
pub mod annotate;
pub mod citation;
pub mod entities;
pub mod export;
pub mod failure;
pub mod labels;
pub mod requests;
pub mod state;
pub mod timeline;
