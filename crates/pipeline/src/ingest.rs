//! Reads a corpus folder: finds the `.txt` and `.md` files, decodes them and
//! reads the metadata they declare (TOML front matter and the `catalog.toml`
//! sidecar).
//!
//! Invariant: `SourceFile::raw` is the whole file decoded (front matter
//! included, byte-order mark excluded) and `SourceFile::body_start` is the
//! byte offset in `raw` where the document's own text begins, so every later
//! offset can be traced back into `raw`.
//!
//! What counts as bad input, and what happens to it:
//!
//! | input                                   | outcome                                   |
//! |-----------------------------------------|-------------------------------------------|
//! | invalid UTF-8                           | bytes decoded as Windows-1252, warning    |
//! | UTF-16 with a byte-order mark           | decoded                                   |
//! | invalid UTF-16 (lone surrogate, odd end) | read as U+FFFD, warning                  |
//! | empty or whitespace-only file           | document kept (titled by file), warning   |
//! | malformed catalogue                     | error at `catalog.toml:line`              |
//! | unknown date format                     | date ignored, warning at `file:line`      |
//! | catalogue entry for a missing file      | warning at `catalog.toml:line`            |
//! | binary file (a NUL byte)                | file skipped, warning                     |
//! | file over [`MAX_FILE_BYTES`]            | file skipped, warning                     |
//! | malformed front matter in one file      | file skipped, warning at `file:line`      |
//! | link to a folder, or outside the folder | not followed, warning                     |
//! | FIFO, device or socket named `*.txt`    | not opened, warning                       |
//! | identical documents                     | kept once (pipeline), warning             |

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use crate::dates::days_in_month;
use corpus_model::{Encoding, PartialDate, Warning};

/// The largest file read, 8 MiB: far above any article or report (the largest
/// Reuters story is under 100 KB) yet small enough that a misplaced dump or
/// archive is reported instead of slowing every build.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The name of the sidecar metadata file in a corpus folder.
pub const CATALOG_FILE: &str = "catalog.toml";

/// A file of the corpus, decoded, before cleaning.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the corpus folder, with `/` separators.
    pub rel_path: String,
    /// The whole file, decoded.
    pub raw: String,
    pub encoding: Encoding,
    /// Byte offset in `raw` where the text after any front matter begins.
    pub body_start: usize,
    /// What the front matter declares.
    pub declared: Declared,
}

/// Metadata a file or the catalogue declares; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Declared {
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<PartialDate>,
    pub url: Option<String>,
    pub kind: Option<String>,
    pub facets: BTreeMap<String, Vec<String>>,
}

impl Declared {
    /// Fills the fields `self` leaves empty from `other` (facets key by key).
    pub fn or(mut self, other: &Declared) -> Declared {
        self.title = self.title.or_else(|| other.title.clone());
        self.source = self.source.or_else(|| other.source.clone());
        self.date = self.date.or(other.date);
        self.url = self.url.or_else(|| other.url.clone());
        self.kind = self.kind.or_else(|| other.kind.clone());
        for (key, values) in &other.facets {
            self.facets
                .entry(key.clone())
                .or_insert_with(|| values.clone());
        }
        self
    }
}

/// Input that stops the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

/// What a walk of the corpus folder found.
#[derive(Debug, Default)]
pub struct Walk {
    /// The `.txt` and `.md` files, sorted by path.
    pub files: Vec<PathBuf>,
    /// The folders walked, the corpus folder first (for build watches).
    pub folders: Vec<PathBuf>,
    /// Entries left out: links leading elsewhere, special files, unreadable
    /// folders, each with the reason.
    pub skipped: Vec<Warning>,
}

/// Walks `dir` for every `.txt` and `.md` file below it. A `README.md` at
/// the top of the folder describes the corpus and is not part of it.
///
/// Nothing outside `dir` is read: symbolic links to folders are not
/// followed (so a link loop cannot hang the walk), a link to a file counts
/// only when the file lies inside `dir`, and special files (FIFOs, devices,
/// sockets) are skipped, each with a warning; only the top folder failing
/// to open is an error.
pub fn walk(dir: &Path) -> std::io::Result<Walk> {
    let root = std::fs::canonicalize(dir)?;
    let mut walk = Walk::default();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if folder.as_path() == dir => return Err(e),
            Err(e) => {
                walk.skipped
                    .push(skipped(dir, &folder, format!("cannot read folder: {e}")));
                continue;
            }
        };
        walk.folders.push(folder.clone());
        for entry in entries.flatten() {
            let path = entry.path();
            match entry_kind(&root, &path) {
                EntryKind::Folder => pending.push(path),
                EntryKind::File if is_document(&path) && !(folder == dir && is_readme(&path)) => {
                    walk.files.push(path)
                }
                EntryKind::File => {}
                EntryKind::Skipped(reason) if is_document(&path) || reason.starts_with("link") => {
                    walk.skipped.push(skipped(dir, &path, reason))
                }
                EntryKind::Skipped(_) => {}
            }
        }
    }
    walk.files.sort();
    Ok(walk)
}

/// Every `.txt` and `.md` file below `dir`, sorted by path (see [`walk`]).
pub fn find_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    Ok(walk(dir)?.files)
}

/// What an entry of the corpus folder is, for the walk.
enum EntryKind {
    Folder,
    File,
    Skipped(String),
}

/// Classifies `path` without following a link to a folder and without
/// opening anything.
fn entry_kind(root: &Path, path: &Path) -> EntryKind {
    let Ok(own) = std::fs::symlink_metadata(path) else {
        return EntryKind::Skipped("cannot be read".into());
    };
    if own.is_dir() {
        return EntryKind::Folder;
    }
    if own.file_type().is_symlink() {
        let target = std::fs::canonicalize(path);
        return match (&target, std::fs::metadata(path)) {
            (Ok(target), Ok(meta)) if meta.is_file() && target.starts_with(root) => EntryKind::File,
            (Ok(_), Ok(meta)) if meta.is_dir() => {
                EntryKind::Skipped("link to a folder: not followed".into())
            }
            (Ok(_), Ok(meta)) if meta.is_file() => {
                EntryKind::Skipped("link to a file outside the corpus folder: not read".into())
            }
            (Ok(_), Ok(_)) => EntryKind::Skipped("link to a special file: not read".into()),
            _ => EntryKind::Skipped("link that leads nowhere: not read".into()),
        };
    }
    if own.is_file() {
        EntryKind::File
    } else {
        EntryKind::Skipped("not a regular file (a FIFO, device or socket): not read".into())
    }
}

/// A warning that `path` was left out, and why.
fn skipped(root: &Path, path: &Path, reason: String) -> Warning {
    Warning {
        file: relative_path(root, path),
        line: None,
        message: format!("skipped: {reason}"),
    }
}

fn is_document(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md")
    )
}

fn is_readme(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}

/// `path` relative to `root`, with `/` separators.
pub fn relative_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads, decodes and splits one file; `warnings` receives what did not
/// stop it.
pub fn read_file(
    root: &Path,
    path: &Path,
    warnings: &mut Vec<Warning>,
) -> Result<SourceFile, IngestError> {
    let rel_path = relative_path(root, path);
    let error = |line: Option<u32>, message: String| IngestError {
        file: rel_path.clone(),
        line,
        message,
    };
    let bytes = read_bounded(path).map_err(|message| error(None, message))?;
    let (raw, encoding) = match decode_utf16(&bytes, &rel_path, warnings) {
        Some(decoded) => decoded,
        None => decode_checked(&bytes, &rel_path, warnings)
            .map_err(|(line, message)| error(Some(line), message))?,
    };
    let (declared, body_start) = match split_front_matter(&raw) {
        None => (Declared::default(), 0),
        Some(Err((line, message))) => return Err(error(Some(line), message)),
        Some(Ok((table, first_line, body_start))) => {
            let declared = read_declared(&table, &raw[..body_start], first_line)
                .map_err(|(line, message)| error(Some(line), message))?;
            for (line, message) in declared.1 {
                warnings.push(Warning {
                    file: rel_path.clone(),
                    line: Some(line),
                    message,
                });
            }
            (declared.0, body_start)
        }
    };
    if raw[body_start..].trim().is_empty() {
        warnings.push(Warning {
            file: rel_path.clone(),
            line: None,
            message: "empty document: no text after the front matter".into(),
        });
    }
    Ok(SourceFile {
        rel_path,
        raw,
        encoding,
        body_start,
        declared,
    })
}

/// Decodes a file that is not UTF-16: UTF-8, or Windows-1252 where it is not
/// UTF-8 (with a warning). A NUL byte makes it binary: refused, with the
/// line and the reason.
fn decode_checked(
    bytes: &[u8],
    rel_path: &str,
    warnings: &mut Vec<Warning>,
) -> Result<(String, Encoding), (u32, String)> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err((
            line_at(bytes, at),
            format!("binary file (NUL byte at offset {at}); only text files belong in a corpus"),
        ));
    }
    let (raw, encoding) = decode(bytes);
    if encoding == Encoding::Windows1252 {
        let at = std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        let at = if bytes.starts_with(BOM) {
            at.max(BOM.len())
        } else {
            at
        };
        warnings.push(Warning {
            file: rel_path.to_string(),
            line: Some(line_at(bytes, at)),
            message: format!(
                "invalid UTF-8 (byte 0x{:02X} at offset {at}); invalid bytes read as Windows-1252",
                bytes[at]
            ),
        });
    }
    Ok((raw, encoding))
}

/// Decodes UTF-16 that starts with its byte-order mark (what Windows saves
/// as "Unicode" text); none for any other file. A unit that is not UTF-16
/// (a lone surrogate, an odd last byte) is read as U+FFFD, and the first is
/// warned of with its byte offset and line.
fn decode_utf16(
    bytes: &[u8],
    rel_path: &str,
    warnings: &mut Vec<Warning>,
) -> Option<(String, Encoding)> {
    let (encoding, unit): (Encoding, fn([u8; 2]) -> u16) = match bytes.get(..2)? {
        [0xFF, 0xFE] => (Encoding::Utf16Le, u16::from_le_bytes),
        [0xFE, 0xFF] => (Encoding::Utf16Be, u16::from_be_bytes),
        _ => return None,
    };
    let pairs = bytes[2..].chunks_exact(2);
    let odd_end = !pairs.remainder().is_empty();
    let units = pairs.map(|pair| unit([pair[0], pair[1]]));
    let mut raw = String::with_capacity(bytes.len());
    // The first unreadable unit: its byte offset in the file and in `raw`.
    let mut invalid = None;
    let mut units_read = 0;
    for decoded in char::decode_utf16(units) {
        let c = decoded.unwrap_or_else(|_| {
            invalid.get_or_insert((2 + 2 * units_read, raw.len()));
            char::REPLACEMENT_CHARACTER
        });
        units_read += c.len_utf16();
        raw.push(c);
    }
    if odd_end {
        invalid.get_or_insert((bytes.len() - 1, raw.len()));
        raw.push(char::REPLACEMENT_CHARACTER);
    }
    if let Some((at, in_raw)) = invalid {
        warnings.push(Warning {
            file: rel_path.to_string(),
            line: Some(line_at(raw.as_bytes(), in_raw)),
            message: format!("invalid UTF-16 at byte offset {at}; read as U+FFFD"),
        });
    }
    Some((raw, encoding))
}

/// The bytes of the regular file at `path`, at most [`MAX_FILE_BYTES`]:
/// anything else (a FIFO, a device, a larger file) is refused before or
/// while reading, never read to the end.
fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file (a FIFO, device or socket): not read".into());
    }
    let too_big = |size: u64| {
        format!("file is {size} bytes, over the {MAX_FILE_BYTES}-byte limit for one document")
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A parser's message on one line, so a warning stays one line of output.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 1-based line of byte `at`.
fn line_at(bytes: &[u8], at: usize) -> u32 {
    bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}

/// Decodes UTF-8 (dropping a byte-order mark); bytes that are not UTF-8 are
/// read one by one as Windows-1252, keeping the valid UTF-8 around them.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let (bytes, bom) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => (
            text.to_string(),
            if bom {
                Encoding::Utf8Bom
            } else {
                Encoding::Utf8
            },
        ),
        Err(_) => {
            let mut out = String::with_capacity(bytes.len() + 16);
            for chunk in bytes.utf8_chunks() {
                out.push_str(chunk.valid());
                out.extend(chunk.invalid().iter().map(|&b| windows_1252(b)));
            }
            (out, Encoding::Windows1252)
        }
    }
}

/// The character Windows-1252 gives a byte (undefined bytes map to U+FFFD).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
        '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[(byte - 0x80) as usize],
        _ => char::from(byte),
    }
}

/// The front matter between `+++` lines at the very top of `raw`:
/// `None` when there is none, else the parsed table, the line the front
/// matter starts on (1) and the byte offset where the body starts.
#[allow(clippy::type_complexity)]
fn split_front_matter(raw: &str) -> Option<Result<(toml::Table, u32, usize), (u32, String)>> {
    let first_end = raw.find('\n').unwrap_or(raw.len());
    if raw[..first_end].trim_end() != "+++" {
        return None;
    }
    let content_start = (first_end + 1).min(raw.len());
    let mut at = content_start;
    let mut close = None;
    while at < raw.len() {
        let end = raw[at..].find('\n').map_or(raw.len(), |i| at + i);
        if raw[at..end].trim_end() == "+++" {
            close = Some((at, (end + 1).min(raw.len())));
            break;
        }
        at = end + 1;
    }
    let Some((close_start, body_start)) = close else {
        return Some(Err((
            1,
            "front matter opened with `+++` is never closed by a `+++` line".into(),
        )));
    };
    let content = &raw[content_start..close_start];
    Some(match content.parse::<toml::Table>() {
        Ok(table) => Ok((table, 1, body_start)),
        Err(e) => {
            let line = e.span().map_or(0, |span| {
                content[..span.start.min(content.len())]
                    .matches('\n')
                    .count() as u32
            });
            Err((
                2 + line,
                format!("malformed front matter: {}", one_line(e.message())),
            ))
        }
    })
}

/// The known keys and facets of a front-matter or catalogue table. `text` is
/// the TOML source (for line numbers) and `first_line` the line it starts on.
/// Returns the metadata and warnings, or the first error.
#[allow(clippy::type_complexity)]
fn read_declared(
    table: &toml::Table,
    text: &str,
    first_line: u32,
) -> Result<(Declared, Vec<(u32, String)>), (u32, String)> {
    let key_lines = key_lines(text);
    let line_of = |key: &str| {
        key_lines
            .get(key)
            .map_or(first_line, |l| l + first_line - 1)
    };
    let mut declared = Declared::default();
    let mut warnings = Vec::new();
    for (key, value) in table {
        let line = line_of(key);
        let string = || {
            value
                .as_str()
                .map(|s| s.trim().to_string())
                .ok_or((line, format!("`{key}` must be a string")))
        };
        match key.as_str() {
            "title" => declared.title = Some(string()?),
            "source" => declared.source = Some(string()?),
            "url" => declared.url = Some(string()?),
            "kind" => declared.kind = Some(string()?.to_lowercase()),
            "date" => {
                let written = match value {
                    toml::Value::Datetime(d) => d.to_string(),
                    toml::Value::Integer(year) => year.to_string(),
                    _ => string()?,
                };
                match parse_date(&written) {
                    Some(date) => declared.date = Some(date),
                    None => warnings.push((line, format!("unknown date format {written:?} (expected YYYY, YYYY-MM or YYYY-MM-DD); date ignored"))),
                }
            }
            _ => match value {
                toml::Value::String(s) => {
                    declared
                        .facets
                        .insert(key.clone(), vec![s.trim().to_string()]);
                }
                toml::Value::Array(items) if items.iter().all(toml::Value::is_str) => {
                    let values = items
                        .iter()
                        .filter_map(toml::Value::as_str)
                        .map(|s| s.trim().to_string())
                        .collect();
                    declared.facets.insert(key.clone(), values);
                }
                _ => warnings.push((
                    line,
                    format!("`{key}` ignored: a facet must be a string or a list of strings"),
                )),
            },
        }
    }
    Ok((declared, warnings))
}

/// The 1-based line of `text` where each key is first assigned, read in one
/// pass so that a table with many keys costs linear time.
fn key_lines(text: &str) -> FxHashMap<&str, u32> {
    let mut lines = FxHashMap::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if !line.contains('=') {
            continue;
        }
        let name = line
            .split('=')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"');
        lines.entry(name).or_insert(i as u32 + 1);
    }
    lines
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time after the day is ignored).
pub fn parse_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    let date = text.split(['T', ' ']).next()?;
    let mut parts = date.split('-');
    let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month = match parts.next() {
        None => {
            return Some(PartialDate {
                year,
                month: None,
                day: None,
            })
        }
        Some(m) if m.len() == 2 => m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?,
        Some(_) => return None,
    };
    let day = match parts.next() {
        None => None,
        Some(d) if d.len() == 2 => Some(
            d.parse::<u8>()
                .ok()
                .filter(|&d| d >= 1 && d <= days_in_month(year, month))?,
        ),
        Some(_) => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(PartialDate {
        year,
        month: Some(month),
        day,
    })
}

/// The `catalog.toml` sidecar: declared metadata per file.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Keyed by path relative to the corpus folder.
    pub entries: BTreeMap<String, Declared>,
}

/// Reads `root/catalog.toml` if there is one. Entries naming files that do
/// not exist are reported as warnings.
pub fn read_catalog(root: &Path, warnings: &mut Vec<Warning>) -> Result<Catalog, IngestError> {
    let path = root.join(CATALOG_FILE);
    if !path.is_file() {
        return Ok(Catalog::default());
    }
    let error = |line: Option<u32>, message: String| IngestError {
        file: CATALOG_FILE.into(),
        line,
        message,
    };
    let bytes = std::fs::read(&path).map_err(|e| error(None, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        error(
            Some(line_at(e.as_bytes(), at)),
            "the catalogue must be UTF-8".into(),
        )
    })?;
    let table = text.parse::<toml::Table>().map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() as u32 + 1);
        error(
            line,
            format!("malformed catalogue: {}", one_line(e.message())),
        )
    })?;
    let mut catalog = Catalog::default();
    let sections = Sections::of(&text);
    for (file, value) in &table {
        let header = sections.header(file);
        let Some(entry) = value.as_table() else {
            return Err(error(
                Some(header),
                format!("`{file}` must be a table of metadata, such as [\"{file}\"]"),
            ));
        };
        let section = sections.text(header);
        let (declared, entry_warnings) = read_declared(entry, section, header)
            .map_err(|(line, message)| error(Some(line), message))?;
        for (line, message) in entry_warnings {
            warnings.push(Warning {
                file: CATALOG_FILE.into(),
                line: Some(line),
                message,
            });
        }
        if !root.join(file).is_file() {
            warnings.push(Warning {
                file: CATALOG_FILE.into(),
                line: Some(header),
                message: format!("entry for {file:?}, but there is no such file"),
            });
        }
        catalog.entries.insert(file.clone(), declared);
    }
    Ok(catalog)
}

/// The key a table header line names (`["a.md"]` names `a.md`).
fn table_header(line: &str) -> Option<&str> {
    let inner = line
        .trim()
        .strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .map(str::trim)?;
    Some(inner.trim_matches(|c| c == '"' || c == '\''))
}

/// Where the tables of a catalogue start and end, found in one pass so that
/// a catalogue with many entries costs linear time.
struct Sections<'a> {
    text: &'a str,
    /// Byte offset of each line.
    line_starts: Vec<usize>,
    /// 0-based lines that open with `[`, in order.
    bracket_lines: Vec<usize>,
    /// The 1-based line of the first header naming each key.
    headers: FxHashMap<&'a str, u32>,
}

impl<'a> Sections<'a> {
    fn of(text: &'a str) -> Self {
        let mut sections = Sections {
            text,
            line_starts: Vec::new(),
            bracket_lines: Vec::new(),
            headers: FxHashMap::default(),
        };
        let mut offset = 0;
        for (i, line) in text.split_inclusive('\n').enumerate() {
            sections.line_starts.push(offset);
            offset += line.len();
            if line.trim_start().starts_with('[') {
                sections.bracket_lines.push(i);
            }
            if let Some(key) = table_header(line) {
                sections.headers.entry(key).or_insert(i as u32 + 1);
            }
        }
        sections
    }

    /// The 1-based line of the header of `key`'s table, else 1.
    fn header(&self, key: &str) -> u32 {
        self.headers.get(key).copied().unwrap_or(1)
    }

    /// The lines from 1-based `header` up to the next line opening with `[`.
    fn text(&self, header: u32) -> &'a str {
        let first = header as usize - 1;
        let offset_of = |line: usize| self.line_starts.get(line).copied();
        let start = offset_of(first).unwrap_or(self.text.len());
        let after = self.bracket_lines.partition_point(|&l| l <= first);
        let end = self
            .bracket_lines
            .get(after)
            .and_then(|&l| offset_of(l))
            .unwrap_or(self.text.len());
        &self.text[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_dates() {
        let date = |year, month, day| Some(PartialDate { year, month, day });
        let cases: &[(&str, Option<PartialDate>)] = &[
            ("1987", date(1987, None, None)),
            ("1987-03", date(1987, Some(3), None)),
            ("1987-03-24", date(1987, Some(3), Some(24))),
            ("2024-02-29T10:00:00Z", date(2024, Some(2), Some(29))),
            // negative rows
            ("2023-02-29", None),
            ("1987-3-24", None),
            ("March 1987", None),
            ("24/03/1987", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text), *expected, "date {text:?}");
        }
    }

    #[test]
    fn decoding() {
        let cases: &[(&[u8], &str, Encoding)] = &[
            (b"plain", "plain", Encoding::Utf8),
            (b"\xEF\xBB\xBFwith bom", "with bom", Encoding::Utf8Bom),
            (
                b"\xa35 and \x93quoted\x94",
                "£5 and “quoted”",
                Encoding::Windows1252,
            ),
            ("caf\u{e9} \u{2013} ".as_bytes(), "café – ", Encoding::Utf8),
            (b"caf\xc3\xa9 \x80", "café €", Encoding::Windows1252),
        ];
        for (bytes, text, encoding) in cases {
            assert_eq!(
                decode(bytes),
                (text.to_string(), *encoding),
                "bytes {bytes:?}"
            );
        }
    }

    #[test]
    fn many_front_matter_keys_get_their_lines() {
        const KEYS: u32 = 20_000;
        let text: String = (0..KEYS).map(|i| format!("facet_{i} = {i}\n")).collect();
        let table: toml::Table = text.parse().expect("valid TOML");
        let (_, warnings) = read_declared(&table, &text, 1).expect("no error");
        assert_eq!(warnings.len(), KEYS as usize);
        let last = warnings
            .iter()
            .find(|(_, m)| m.starts_with(&format!("`facet_{}`", KEYS - 1)));
        assert_eq!(last.map(|(line, _)| *line), Some(KEYS));
    }

    #[test]
    fn a_large_catalogue_gets_its_lines() {
        const ENTRIES: u32 = 5_000;
        const LINES_PER_ENTRY: u32 = 4;
        let dir = std::env::temp_dir().join(format!("corpus-catalogue-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp folder");
        let text: String = (0..ENTRIES)
            .map(|i| format!("[\"doc_{i}.md\"]\ntitle = \"T\"\ndate = \"soon\"\n\n"))
            .collect();
        std::fs::write(dir.join(CATALOG_FILE), text).expect("write catalogue");
        let mut warnings = Vec::new();
        let catalog = read_catalog(&dir, &mut warnings);
        std::fs::remove_dir_all(&dir).expect("remove temp folder");
        assert_eq!(
            catalog.expect("catalogue reads").entries.len(),
            ENTRIES as usize
        );
        let header = (ENTRIES - 1) * LINES_PER_ENTRY + 1;
        let lines_of_last: Vec<Option<u32>> = warnings
            .iter()
            .filter(|w| {
                w.message.contains(&format!("doc_{}.md", ENTRIES - 1)) || w.line == Some(header + 2)
            })
            .map(|w| w.line)
            .collect();
        assert_eq!(lines_of_last, [Some(header + 2), Some(header)]);
    }
}
