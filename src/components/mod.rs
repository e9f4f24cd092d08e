//! The app's views and their parts, one file each.

pub mod about_view;
pub mod clipboard;
pub mod contents;
pub mod entity_view;
pub mod export;
pub mod facets;
pub mod highlighted;
pub mod keyboard;
pub mod paged;
pub mod people_view;
pub mod query_help;
pub mod quotes_view;
pub mod reader;
pub mod search_box;
pub mod search_view;
pub mod timeline_view;
