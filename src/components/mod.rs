//! The app's views, one file each.

pub mod document_list;
pub mod reader;
