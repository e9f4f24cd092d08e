//! Reads a corpus folder: finds the `.txt` and `.md` files, decodes them and
//! reads the metadata they declare.

use std::path::{Path, PathBuf};

use crate::model::{Encoding, Warning};

/// A file of the corpus, decoded, before cleaning.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the corpus folder, with `/` separators.
    pub rel_path: String,
    pub raw: String,
    pub encoding: Encoding,
}

/// Every `.txt` and `.md` file below `dir`, sorted by path.
pub fn find_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "md")) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Reads and decodes one file.
pub fn read_file(root: &Path, path: &Path, warnings: &mut Vec<Warning>) -> std::io::Result<SourceFile> {
    let bytes = std::fs::read(path)?;
    let rel_path = path
        .strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let raw = String::from_utf8_lossy(&bytes).into_owned();
    if raw.trim().is_empty() {
        warnings.push(Warning { file: rel_path.clone(), line: None, message: "empty file".into() });
    }
    Ok(SourceFile { rel_path, raw, encoding: Encoding::Utf8 })
}
