//! Separates a document's own text from web and print furniture, keeping its
//! structure and an exact map back to the original bytes.
//!
//! Invariant: for every segment of the source map,
//! `text[text_start..text_start + len] == raw[raw_start..raw_start + len]`;
//! everything else in `text` is a separator ("\n\n" between blocks, "\n"
//! between the lines of a block, " " where a paragraph interrupted by a page
//! break is joined again). Every line of the body is either kept or listed
//! in `dropped` with a reason.
//!
//! How it works, on a web page such as
//!
//! ```text
//! England Northern Ireland Scotland Wales      navigation (a menu of places)
//! Last updated:                               timestamp
//! Health secretary says he'll …               heading (short, unpunctuated, first)
//! HANCOCK: Move towards preventive medicine   caption (SURNAME: words)
//! The health and social care secretary …      paragraph
//! READ MORE: Bed blocking and Brexit …        promo
//! Have you got a story to tell? …             comments: this line and the rest of the page go
//! ```
//!
//! 1. The body is split into lines and lines into groups at blank lines.
//! 2. A group that repeats an earlier one (a letterhead on every page) is
//!    dropped; a line that marks the end of the article (a comment prompt)
//!    drops itself and everything after it.
//! 3. Each remaining line goes through [`FURNITURE`], an ordered list of
//!    named rules; the first that matches drops the line with its reason.
//! 4. Kept lines become blocks: a bullet line on its own, a group's other
//!    lines together. Markdown emphasis, escapes and link targets are removed
//!    inline, as are Reuters' `<Company>` marks and `Reuter &#3;` trailer.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::dates::find_dates;
use corpus_model::{Block, BlockKind, Dropped, Segment, SourceMap};
use corpus_text::lexicon::{
    ARTICLE_ENDINGS, MENU_SECTIONS, PLACES, PROMO_OPENERS, SIGN_OFFS, TIMESTAMP_LABELS,
};
use corpus_text::words::written_words;

/// The cleaned text of one document.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub text: String,
    pub blocks: Vec<Block>,
    pub source_map: SourceMap,
    pub dropped: Vec<Dropped>,
}

/// One line of the body: its byte range in `raw` without the line break.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

/// What a line is, once read in its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Keep,
    Drop(&'static str),
}

/// Cleans the whole of `raw` (a file without front matter).
pub fn clean(raw: &str) -> Cleaned {
    clean_from(raw, 0)
}

/// Cleans `raw[body_start..]` (the text after the front matter); offsets in
/// the result point into the whole of `raw`.
pub fn clean_from(raw: &str, body_start: usize) -> Cleaned {
    let groups = split_groups(raw, body_start);
    let fates = judge(raw, &groups);
    let first_kept = groups
        .iter()
        .flatten()
        .zip(fates.iter().flatten())
        .find(|(_, f)| **f == Fate::Keep)
        .map(|(l, _)| l.start);
    let mut builder = Builder {
        raw,
        out: Cleaned::default(),
        pending_break: false,
        after_sign_off: false,
        first_kept,
    };
    let prose_follows = prose_follows(raw, &groups, &fates);
    for (g, group) in groups.iter().enumerate() {
        let before_prose = prose_follows[g];
        let mut run = Vec::new();
        for (line, fate) in group.iter().zip(&fates[g]) {
            match *fate {
                Fate::Drop(reason) => {
                    builder.flush(&mut run, false);
                    builder.drop(line.start, line.end, reason);
                    builder.pending_break = true;
                }
                Fate::Keep if is_bullet(&raw[line.start..line.end]) => {
                    builder.flush(&mut run, false);
                    builder.push_block(&[*line], BlockKind::Bullet);
                }
                Fate::Keep => run.push(*line),
            }
        }
        builder.flush(&mut run, before_prose);
    }
    builder.out.dropped.sort_by_key(|d| d.raw_start);
    builder.out
}

/// Lines of the body grouped at blank lines.
fn split_groups(raw: &str, body_start: usize) -> Vec<Vec<Line>> {
    let mut groups = vec![Vec::new()];
    let mut at = body_start;
    while at < raw.len() {
        let end = raw[at..].find('\n').map_or(raw.len(), |i| at + i);
        let content_end = if raw[at..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        if raw[at..content_end].trim().is_empty() {
            if !groups.last().is_some_and(Vec::is_empty) {
                groups.push(Vec::new());
            }
        } else {
            groups
                .last_mut()
                .expect("groups is never empty")
                .push(Line {
                    start: at,
                    end: content_end,
                });
        }
        at = end + 1;
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// Decides the fate of every line.
fn judge(raw: &str, groups: &[Vec<Line>]) -> Vec<Vec<Fate>> {
    let repeated = repeated_runs(raw, groups);
    let body = groups.first().map_or("", |g| &raw[g[0].start..]);
    let candidates: FxHashSet<String> = groups
        .iter()
        .flatten()
        .filter_map(|line| caption_name(without_wire_trailer(raw[line.start..line.end].trim())))
        .collect();
    let written_names = occurring(&candidates, body);
    let mut tail = false;
    let mut first = true;
    groups
        .iter()
        .zip(repeated)
        .map(|(group, repeated)| {
            group
                .iter()
                .map(|line| {
                    let text = without_wire_trailer(raw[line.start..line.end].trim());
                    if tail {
                        return Fate::Drop("sidebar");
                    }
                    if ends_article(text) {
                        tail = true;
                        return Fate::Drop("comments");
                    }
                    if repeated {
                        return Fate::Drop("repeated header");
                    }
                    let context = Context {
                        first,
                        written_names: &written_names,
                    };
                    let fate = FURNITURE
                        .iter()
                        .find(|rule| (rule.applies)(text, &context))
                        .map_or(Fate::Keep, |rule| Fate::Drop(rule.reason));
                    if fate == Fate::Keep {
                        first = false;
                    }
                    fate
                })
                .collect()
        })
        .collect()
}

/// Groups that repeat earlier ones in a run of at least three short groups
/// and twenty words (a letterhead printed on every page). Other repeats,
/// such as the same figures in two tables, are the document's own.
fn repeated_runs(raw: &str, groups: &[Vec<Line>]) -> Vec<bool> {
    let mut seen = FxHashSet::default();
    let mut repeats = Vec::with_capacity(groups.len());
    let mut words = Vec::with_capacity(groups.len());
    for group in groups {
        let key = normalise(group.iter().map(|l| &raw[l.start..l.end]));
        let count = key.split(' ').count();
        let short = count <= 12 && !group.iter().any(|l| is_prose(&raw[l.start..l.end]));
        repeats.push(short && !seen.insert(key));
        words.push(count);
    }
    let mut i = 0;
    while i < repeats.len() {
        let run = repeats[i..].iter().take_while(|r| **r).count();
        let run_words: usize = words[i..i + run].iter().sum();
        if run > 0 && (run < 3 || run_words < 20) {
            repeats[i..i + run].iter_mut().for_each(|r| *r = false);
        }
        i += run.max(1);
    }
    repeats
}

/// Reuters' end-of-story mark: SGML markup rather than words, so it stays
/// here and not in a word list; longest first, as the last is a suffix of
/// the others.
const WIRE_TRAILERS: &[&str] = &["Reuter &#3;", "REUTER &#3;", "reuter &#3;", "&#3;"];

fn without_wire_trailer(line: &str) -> &str {
    WIRE_TRAILERS
        .iter()
        .find_map(|t| line.strip_suffix(t))
        .map_or(line, str::trim_end)
}

/// What a furniture rule may consult besides the line itself.
struct Context<'a> {
    /// No line has been kept yet.
    first: bool,
    /// The names of caption-like lines that the body also writes in
    /// ordinary case (see [`is_caption`]).
    written_names: &'a FxHashSet<String>,
}

/// A group's words, lowercased, without markdown marks, single-spaced.
fn normalise<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        for word in line.split_whitespace() {
            let word: String = word
                .chars()
                .filter(|c| !matches!(c, '*' | '_' | '\\'))
                .flat_map(char::to_lowercase)
                .collect();
            if !word.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&word);
            }
        }
    }
    out
}

/// For each group, whether the next later group that keeps a line reads as
/// running prose; found in one backward pass so that many dropped groups
/// cost linear time.
fn prose_follows(raw: &str, groups: &[Vec<Line>], fates: &[Vec<Fate>]) -> Vec<bool> {
    let mut follows = vec![false; groups.len()];
    let mut next_is_prose = false;
    for g in (0..groups.len()).rev() {
        follows[g] = next_is_prose;
        let first_kept = groups[g]
            .iter()
            .zip(&fates[g])
            .find(|(_, f)| **f == Fate::Keep)
            .map(|(l, _)| &raw[l.start..l.end]);
        if let Some(text) = first_kept {
            next_is_prose = is_prose(text.trim());
        }
    }
    follows
}

/// A sentence or more: ends like a sentence and has a dozen words.
fn is_prose(text: &str) -> bool {
    written_words(text) >= 12 && ends_sentence(text)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', '\'', ')', '*', '」', '』'])
        .ends_with([
            '.', '!', '?', ':', '…', '。', '！', '？', '：', '؟', '۔', '।',
        ])
}

/// The word lists furniture rules consult, read once.
struct Wording {
    /// Place names, as written ("Northern Ireland").
    places: FxHashSet<&'static str>,
    /// Lowercase.
    menu_sections: FxHashSet<&'static str>,
    /// Lowercase line openings.
    article_endings: Vec<&'static str>,
    /// Lowercase line openings.
    timestamp_labels: Vec<&'static str>,
    promo: PromoWording,
}

/// Promo wording by where it must stand (see `promo_openers.txt`).
#[derive(Default)]
struct PromoWording {
    always: Vec<&'static str>,
    later: Vec<&'static str>,
    within: Vec<&'static str>,
}

fn wording() -> &'static Wording {
    static WORDING: OnceLock<Wording> = OnceLock::new();
    WORDING.get_or_init(|| {
        let mut promo = PromoWording::default();
        for entry in PROMO_OPENERS.entries() {
            let (place, words) = entry.split_once(' ').unwrap_or((entry, ""));
            let list = match place {
                "always" => &mut promo.always,
                "later" => &mut promo.later,
                "within" => &mut promo.within,
                other => panic!("promo_openers.txt: {other:?} is not always, later or within"),
            };
            list.push(words);
        }
        Wording {
            places: PLACES.entries().collect(),
            menu_sections: MENU_SECTIONS.entries().collect(),
            article_endings: ARTICLE_ENDINGS.entries().collect(),
            timestamp_labels: TIMESTAMP_LABELS.entries().collect(),
            promo,
        }
    })
}

/// A rule that recognises a line of furniture.
struct Rule {
    /// Why the line is dropped, as shown by `corpus show --dropped`.
    reason: &'static str,
    applies: fn(&str, &Context) -> bool,
}

/// Line rules in the order they are tried.
const FURNITURE: &[Rule] = &[
    Rule {
        reason: "navigation",
        applies: is_navigation,
    },
    Rule {
        reason: "timestamp",
        applies: is_timestamp,
    },
    Rule {
        reason: "promo",
        applies: is_promo,
    },
    Rule {
        reason: "label",
        applies: is_label,
    },
    Rule {
        reason: "caption",
        applies: is_caption,
    },
    Rule {
        reason: "section label",
        applies: is_section_label,
    },
    Rule {
        reason: "link",
        applies: is_link,
    },
    Rule {
        reason: "sidebar",
        applies: is_dated_teaser,
    },
];

fn ends_article(line: &str) -> bool {
    let lower = line.to_lowercase();
    wording().article_endings.iter().any(|p| {
        lower
            .strip_prefix(p)
            .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
    })
}

/// A menu: three or more place names or section names and nothing else,
/// such as "England Northern Ireland Scotland Wales".
fn is_navigation(line: &str, _context: &Context) -> bool {
    let words: Vec<&str> = line
        .split([' ', '|', '·', '/'])
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 3
        || !words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return false;
    }
    let wording = wording();
    let mut i = 0;
    let mut items = 0;
    while i < words.len() {
        let matched = (1..=3.min(words.len() - i))
            .rev()
            .find(|&n| wording.places.contains(&*words[i..i + n].join(" ")));
        match matched {
            Some(n) => i += n,
            None if wording.menu_sections.contains(&*words[i].to_lowercase()) => i += 1,
            None => return false,
        }
        items += 1;
    }
    items >= 3
}

/// "Last updated:", "Published: 12 March 2019 14:02".
fn is_timestamp(line: &str, _context: &Context) -> bool {
    let lower = line.to_lowercase();
    wording()
        .timestamp_labels
        .iter()
        .any(|p| lower.starts_with(p))
        && written_words(line) <= 10
}

/// Links to other stories: "READ MORE: …", "Read more from …", a trailing
/// "Exclusive: …" headline.
fn is_promo(line: &str, context: &Context) -> bool {
    let first = context.first;
    let lower = line.to_lowercase();
    let promo = &wording().promo;
    let short = written_words(line) <= 25;
    short
        && (promo.always.iter().any(|p| lower.starts_with(p))
            || (!first && promo.later.iter().any(|p| lower.starts_with(p)) && !ends_sentence(line))
            || promo.within.iter().any(|p| lower.contains(p)))
}

/// An embed label: a few capitalised words and a colon, nothing after
/// ("The National:").
fn is_label(line: &str, _context: &Context) -> bool {
    let Some(words) = line.strip_suffix(':') else {
        return false;
    };
    let words: Vec<&str> = words.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A picture caption: a surname in capitals, a colon, a short phrase
/// ("HANCOCK: Move towards preventive medicine"). The name must be one the
/// document writes in ordinary case ("Hancock"), so that labels such as
/// "NOTE:" are not taken for captions.
fn is_caption(line: &str, context: &Context) -> bool {
    caption_name(line).is_some_and(|written| context.written_names.contains(&written))
}

/// The name of a caption-like line, as ordinary case writes it ("HANCOCK:
/// Move towards preventive medicine" gives "Hancock").
fn caption_name(line: &str) -> Option<String> {
    let (name, rest) = line.split_once(": ")?;
    let name_is_caps = name.len() >= 2
        && written_words(name) <= 3
        && name
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == '\'' || c == '’')
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    if !name_is_caps || written_words(rest) > 15 || ends_sentence(rest) {
        return None;
    }
    let written = name
        .split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_string() + &chars.as_str().to_lowercase()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some(written)
}

/// Which of `names` occur in `text`, found in one pass over it with an
/// Aho–Corasick automaton, so that many names cost linear time.
fn occurring(names: &FxHashSet<String>, text: &str) -> FxHashSet<String> {
    let mut automaton = Automaton::default();
    let ends: Vec<(usize, &String)> = names
        .iter()
        .map(|name| (automaton.insert(name.as_bytes()), name))
        .collect();
    let seen = automaton.states_seen(text.as_bytes());
    ends.into_iter()
        .filter(|(end, _)| seen[*end])
        .map(|(_, name)| name.clone())
        .collect()
}

/// A trie of byte strings with failure links (state 0 is the root).
struct Automaton {
    /// The children of each state, by byte.
    children: Vec<Vec<(u8, usize)>>,
}

impl Default for Automaton {
    fn default() -> Self {
        Automaton {
            children: vec![Vec::new()],
        }
    }
}

impl Automaton {
    fn child(&self, state: usize, byte: u8) -> Option<usize> {
        self.children[state]
            .iter()
            .find(|(b, _)| *b == byte)
            .map(|(_, s)| *s)
    }

    /// Adds `word` and returns the state it ends in.
    fn insert(&mut self, word: &[u8]) -> usize {
        let mut state = 0;
        for &byte in word {
            state = match self.child(state, byte) {
                Some(next) => next,
                None => {
                    self.children.push(Vec::new());
                    let next = self.children.len() - 1;
                    self.children[state].push((byte, next));
                    next
                }
            };
        }
        state
    }

    /// The states in breadth-first order and each state's failure link (the
    /// state of its longest proper suffix in the trie).
    fn failure_links(&self) -> (Vec<usize>, Vec<usize>) {
        let mut fail = vec![0; self.children.len()];
        let mut order = vec![0];
        let mut i = 0;
        while i < order.len() {
            let state = order[i];
            i += 1;
            for &(byte, next) in &self.children[state] {
                if state != 0 {
                    let mut back = fail[state];
                    while back != 0 && self.child(back, byte).is_none() {
                        back = fail[back];
                    }
                    fail[next] = self.child(back, byte).unwrap_or(0);
                }
                order.push(next);
            }
        }
        (order, fail)
    }

    /// For each state, whether `text` contains the string it stands for.
    fn states_seen(&self, text: &[u8]) -> Vec<bool> {
        let (order, fail) = self.failure_links();
        let mut seen = vec![false; self.children.len()];
        seen[0] = true;
        let mut state = 0;
        for &byte in text {
            while state != 0 && self.child(state, byte).is_none() {
                state = fail[state];
            }
            state = self.child(state, byte).unwrap_or(0);
            seen[state] = true;
        }
        for &state in order.iter().rev() {
            if seen[state] {
                seen[fail[state]] = true;
            }
        }
        seen
    }
}

/// A lowercase site section or widget title ("latest health care news",
/// "featured articles", "more videos >") above the headline: no capitals, no
/// figures. (Below the article, such labels are in the dropped page tail.)
fn is_section_label(line: &str, context: &Context) -> bool {
    context.first
        && line.chars().any(char::is_lowercase)
        && !line.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
        && written_words(line) <= 6
        && !ends_sentence(line)
}

/// A "more >" link.
fn is_link(line: &str, _context: &Context) -> bool {
    (line.ends_with(" >") || line.ends_with('»') || line.ends_with(" ›"))
        && written_words(line) <= 30
}

/// A teaser of another story, starting with its date run into its headline
/// ("11/04/2019Turning blue lights green").
fn is_dated_teaser(line: &str, _context: &Context) -> bool {
    let b = line.as_bytes();
    b.len() > 11
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 2 || i == 5 {
                *c == b'/'
            } else {
                c.is_ascii_digit()
            }
        })
        && b[10].is_ascii_alphabetic()
}

/// A bullet marker at the start of a line, and its length with the spaces
/// around it.
fn bullet_prefix(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let marker = ["• ", "◦ ", "▪ ", "- ", "* ", "– "]
        .iter()
        .find(|m| rest.starts_with(**m))?;
    let after = &rest[marker.len()..];
    Some(indent + marker.len() + (after.len() - after.trim_start().len()))
}

fn is_bullet(line: &str) -> bool {
    bullet_prefix(line).is_some()
}

fn is_sign_off(text: &str) -> bool {
    let lower = text.trim().trim_end_matches([',', '.']).to_lowercase();
    written_words(text) <= 3 && SIGN_OFFS.contains(&lower)
}

/// An author's credit: "By Jane Smith", "Read more from Peter Blackburn and
/// follow on Twitter."
fn is_byline(text: &str) -> bool {
    let lower = text.to_lowercase();
    written_words(text) <= 14
        && (lower.starts_with("read more from ")
            || (lower.starts_with("by ") && written_words(text) <= 5 && !ends_sentence(text)))
}

/// Appends blocks to the cleaned text, keeping the source map exact.
struct Builder<'a> {
    raw: &'a str,
    out: Cleaned,
    /// A line was dropped since the last block.
    pending_break: bool,
    after_sign_off: bool,
    /// Where the first kept line starts: a headline if it is short.
    first_kept: Option<usize>,
}

impl Builder<'_> {
    fn drop(&mut self, start: usize, end: usize, reason: &'static str) {
        if let Some(last) = self
            .out
            .dropped
            .last_mut()
            .filter(|l| l.raw_end as usize <= start)
        {
            let between = &self.raw[last.raw_end as usize..start];
            if last.reason == reason && between.trim().is_empty() {
                last.raw_end = end as u32;
                return;
            }
        }
        self.out.dropped.push(Dropped {
            raw_start: start as u32,
            raw_end: end as u32,
            reason: reason.to_string(),
        });
    }

    /// Turns the kept lines of `run` into one block.
    fn flush(&mut self, run: &mut Vec<Line>, before_prose: bool) {
        if run.is_empty() {
            return;
        }
        let lines = std::mem::take(run);
        let first = Some(lines[0].start) == self.first_kept;
        let text: Vec<&str> = lines
            .iter()
            .map(|l| self.raw[l.start..l.end].trim())
            .collect();
        let joined = text.join(" ");
        let in_signature = self.after_sign_off && !joined.starts_with(['¹', '²', '³', '[']);
        let kind = if in_signature || is_byline(&joined) {
            BlockKind::Signature
        } else if is_sign_off(&joined) {
            self.after_sign_off = true;
            BlockKind::Signature
        } else if lines.len() == 1 && is_heading(&joined) && (first || before_prose) {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        self.push_block(&lines, kind);
    }

    fn push_block(&mut self, lines: &[Line], kind: BlockKind) {
        let continues = kind == BlockKind::Paragraph
            && self.pending_break
            && self.out.blocks.last().is_some_and(|b| {
                b.kind == BlockKind::Paragraph
                    && !ends_sentence(&self.out.text[b.start as usize..b.end as usize])
            })
            && self.raw[lines[0].start..lines[0].end]
                .trim_start()
                .starts_with(|c: char| c.is_lowercase());
        self.pending_break = false;
        let start = if continues {
            self.out.text.push(' ');
            self.out.blocks.pop().map_or(0, |b| b.start)
        } else {
            if !self.out.text.is_empty() {
                self.out.text.push_str("\n\n");
            }
            self.out.text.len() as u32
        };
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.out.text.push('\n');
            }
            let text = &self.raw[line.start..line.end];
            let skip = bullet_prefix(text)
                .filter(|_| kind == BlockKind::Bullet)
                .unwrap_or(text.len() - text.trim_start().len());
            let end = line.start + text.trim_end().len();
            self.copy_inline((line.start + skip).min(end), end);
        }
        let mut len = self.out.text.trim_end_matches([' ', '\n']).len();
        if len <= start as usize {
            len = self.out.text[..start as usize].trim_end_matches('\n').len();
        }
        self.truncate(len);
        let end = self.out.text.len() as u32;
        if end > start {
            self.out.blocks.push(Block { kind, start, end });
        }
    }

    /// Cuts the text to `len` bytes, and the source map with it.
    fn truncate(&mut self, len: usize) {
        self.out.text.truncate(len);
        let len = len as u32;
        while let Some(last) = self.out.source_map.segments.last_mut() {
            if last.text_start >= len {
                self.out.source_map.segments.pop();
            } else {
                last.len = last.len.min(len - last.text_start);
                break;
            }
        }
    }

    /// Copies `raw[start..end]` without inline markup: markdown emphasis
    /// (`*`, `**`, `_` around words), backslash escapes, link targets,
    /// Reuters' `<Company>` marks and its `Reuter &#3;` trailer.
    fn copy_inline(&mut self, start: usize, end: usize) {
        let raw = self.raw;
        let line = &raw[start..end];
        let trailer = WIRE_TRAILERS
            .iter()
            .find_map(|t| line.strip_suffix(t).map(|rest| rest.len()));
        let end = match trailer {
            Some(len) => {
                self.drop(start + len, end, "wire trailer");
                start + line[..len].trim_end().len()
            }
            None => end,
        };
        let bytes = raw.as_bytes();
        // Found once per line, so that a long line costs linear time.
        let last_link = raw[start..end].rfind("](").map_or(start, |i| start + i);
        let last_close = raw[start..end].rfind('>').map_or(start, |i| start + i);
        let mut next_close = NextClose::default();
        let mut company_open = false;
        let mut at = start;
        let mut copy_from = start;
        while at < end {
            let skip = match bytes[at] {
                b'*' | b'_' if is_emphasis_mark(raw, at, start, end) => Some(1),
                b'\\' if at + 1 < end && bytes[at + 1].is_ascii_punctuation() => Some(1),
                b']' if raw[at..end].starts_with("](") => {
                    next_close.from(bytes, at, end).map(|close| close - at + 1)
                }
                b'[' if at < last_link => Some(1),
                b'&' if raw[at..end].starts_with("&lt;") && at < last_close => {
                    company_open = true;
                    Some(4)
                }
                b'>' if company_open => {
                    company_open = false;
                    Some(1)
                }
                _ => None,
            };
            match skip {
                Some(n) => {
                    self.copy(copy_from, at);
                    if n > 1 && bytes[at] == b']' {
                        self.drop(at + 2, at + n - 1, "link target");
                    }
                    at += n;
                    copy_from = at;
                }
                None => at += 1,
            }
        }
        self.copy(copy_from, end);
    }

    fn copy(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let text_start = self.out.text.len() as u32;
        if let Some(last) = self.out.source_map.segments.last_mut() {
            if last.text_start + last.len == text_start
                && (last.raw_start + last.len) as usize == start
            {
                last.len += (end - start) as u32;
                self.out.text.push_str(&self.raw[start..end]);
                return;
            }
        }
        self.out.source_map.segments.push(Segment {
            text_start,
            raw_start: start as u32,
            len: (end - start) as u32,
        });
        self.out.text.push_str(&self.raw[start..end]);
    }
}

/// Finds the next `)` of a line for offsets asked in increasing order,
/// remembering the last answer, so that a line of many `](` costs linear
/// time rather than a search to the line's end at each.
#[derive(Default)]
struct NextClose {
    /// The answer for the last offset asked; `None` before the first.
    found: Option<Option<usize>>,
}

impl NextClose {
    /// The offset of the first `)` in `bytes[at..end]`.
    fn from(&mut self, bytes: &[u8], at: usize, end: usize) -> Option<usize> {
        match self.found {
            Some(Some(close)) if close >= at => Some(close),
            Some(None) => None,
            _ => {
                let close = bytes[at..end].iter().position(|&b| b == b')');
                let found = close.map(|i| at + i);
                self.found = Some(found);
                found
            }
        }
    }
}

/// `*` or `_` at `at` opens or closes emphasis: it touches a word on one
/// side and a space, line edge or another mark on the other.
fn is_emphasis_mark(raw: &str, at: usize, start: usize, end: usize) -> bool {
    let before = raw[start..at].chars().next_back();
    let after = raw[at + 1..end].chars().next();
    let word =
        |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || ".,;:!?'’\"”)".contains(c));
    let edge = |c: Option<char>| {
        c.is_none_or(|c| c.is_whitespace() || c == '*' || c == '_' || "(\"“‘".contains(c))
    };
    let mark = raw.as_bytes()[at];
    if mark == b'_' {
        return (edge(before) && word(after) && after != Some('_'))
            || (word(before) && edge(after));
    }
    (edge(before) && (word(after) || after == Some('*')))
        || ((word(before) || before == Some('*')) && edge(after))
}

/// A short unpunctuated line that starts with a capital: a headline or
/// section heading, not a date or an address.
fn is_heading(text: &str) -> bool {
    let words = written_words(text);
    (2..=16).contains(&words)
        && text.starts_with(|c: char| c.is_uppercase())
        && !text
            .trim_end_matches(['*', '"', '”', '\'', '’'])
            .ends_with(['.', ',', ';', ':', '!', '?'])
        && find_dates(text).is_empty()
        && text.chars().filter(|c| c.is_alphabetic()).count() * 2 > text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept_and_dropped(raw: &str) -> (String, Vec<(String, String)>) {
        let cleaned = clean(raw);
        let dropped = cleaned
            .dropped
            .iter()
            .map(|d| {
                (
                    d.reason.clone(),
                    raw[d.raw_start as usize..d.raw_end as usize].to_string(),
                )
            })
            .collect();
        (cleaned.text, dropped)
    }

    #[test]
    fn furniture_rules_drop_lines_with_a_reason() {
        let body = "The story goes on at some length, as stories do, with many words in it.";
        let cases: &[(&str, Option<&str>)] = &[
            (
                "England Northern Ireland Scotland Wales",
                Some("navigation"),
            ),
            ("Home News Sport Business", Some("navigation")),
            ("Last updated: 12 March 2019", Some("timestamp")),
            ("Published: 12 March 2019 14:02", Some("timestamp")),
            ("Sign up to our daily newsletter", Some("promo")),
            ("Follow us on Twitter and Facebook", Some("promo")),
            ("READ MORE: Doctors outline five key steps", Some("promo")),
            ("Exclusive: Minister seeks a new plan", Some("promo")),
            ("The National:", Some("label")),
            ("more last word articles >", Some("link")),
            ("11/04/2019Turning blue lights green", Some("sidebar")),
            // negative rows: the document's own lines
            ("He said: “We will act.”", None),
            ("NOTE: the figures are unaudited", None),
            ("England and Wales saw record demand", None),
            ("nine mths", None),
        ];
        for (line, reason) in cases {
            let raw = format!("{body}\n\n{line}\n\n{body}");
            let (_, dropped) = kept_and_dropped(&raw);
            let got = dropped.first().map(|(r, _)| r.as_str());
            assert_eq!(got, *reason, "line {line:?}");
        }
    }

    #[test]
    fn page_furniture_around_an_article() {
        let raw = "latest health care news\n\nA headline\n\nHANCOCK: Move towards prevention\n\nMr Hancock said the plan would work well for every patient in the land.\n\nHave you got a story? Tell us.\n\nfeatured articles\n\nAnother story entirely";
        let (text, dropped) = kept_and_dropped(raw);
        assert_eq!(
            text,
            "A headline\n\nMr Hancock said the plan would work well for every patient in the land.",
            "in {raw:?}"
        );
        let reasons: Vec<&str> = dropped.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(
            reasons,
            ["section label", "caption", "comments", "sidebar"],
            "in {raw:?}"
        );
    }

    #[test]
    fn a_repeated_letterhead_goes_and_the_split_paragraph_joins() {
        let head = "Department for Things and Other Matters\n\nFrom A Person\nDirector General for Stuff\n\n1 High Street\nTown\nAB1 2CD\n\n020 7000 0000\n\n";
        let raw = format!("{head}Dear Sir,\n\nWe write to say that the providers must now supply\n\n{head}much more evidence than before, as you know.\n\nYours sincerely,\n\nA PERSON");
        let cleaned = clean(&raw);
        assert!(
            cleaned.text.contains("must now supply much more evidence"),
            "{:?}",
            cleaned.text
        );
        assert_eq!(cleaned.text.matches("020 7000 0000").count(), 1);
        let kinds: Vec<BlockKind> = cleaned
            .blocks
            .iter()
            .rev()
            .take(2)
            .map(|b| b.kind)
            .collect();
        assert_eq!(kinds, [BlockKind::Signature, BlockKind::Signature]);
    }

    #[test]
    fn inline_markup_is_removed_but_mapped() {
        let cases: &[(&str, &str)] = &[
            ("*From Michelle Dyson*", "From Michelle Dyson"),
            ("**BOLD NAME, ROLE**", "BOLD NAME, ROLE"),
            (
                "¹ [A page \\(site\\)](https://example.org/a_b)",
                "¹ A page (site)",
            ),
            (
                "Company &lt;Acme Corp> said it would sell. Reuter &#3;",
                "Company Acme Corp said it would sell.",
            ),
            // negative rows: stars and underscores inside words stay
            ("5 * 3 is a_b", "5 * 3 is a_b"),
        ];
        for (raw, text) in cases {
            let cleaned = clean(raw);
            assert_eq!(cleaned.text, *text, "in {raw:?}");
            for s in &cleaned.source_map.segments {
                let (t, r) = (s.text_start as usize, s.raw_start as usize);
                assert_eq!(
                    &cleaned.text[t..t + s.len as usize],
                    &raw[r..r + s.len as usize],
                    "in {raw:?}"
                );
            }
        }
    }

    /// Sizes at which work that grows with the square of the input takes
    /// minutes, and linear work well under a second.
    const MANY: usize = 50_000;

    #[test]
    fn a_long_line_of_link_marks_is_copied_whole() {
        let raw = "](".repeat(MANY * 4);
        let cleaned = clean(&raw);
        assert_eq!(cleaned.text, raw);
        let links = "See [a](b) ".repeat(MANY);
        let cleaned = clean(&links);
        assert_eq!(cleaned.text, "See a ".repeat(MANY).trim_end());
        assert_eq!(cleaned.dropped.len(), MANY);
    }

    #[test]
    fn many_caption_lines_are_checked_against_the_body() {
        let names: Vec<String> = (0..MANY / 5).map(name_of).collect();
        let mut raw =
            String::from("The story begins with a long sentence that has many words in it.\n\n");
        for name in &names {
            raw.push_str(&format!(
                "{}: A short caption here\n\n",
                name.to_uppercase()
            ));
        }
        let written: Vec<&String> = names.iter().step_by(2).collect();
        for name in &written {
            raw.push_str(&format!("{name} said so.\n"));
        }
        let cleaned = clean(&raw);
        let captions = cleaned
            .dropped
            .iter()
            .filter(|d| d.reason == "caption")
            .count();
        assert_eq!(captions, written.len());
    }

    /// A capitalised name of four letters, different for every `i` below
    /// 26³, none inside another.
    fn name_of(i: usize) -> String {
        let letter = |n: usize| (b'a' + (n % 26) as u8) as char;
        ['Q', letter(i / 676), letter(i / 26), letter(i)]
            .iter()
            .collect()
    }

    #[test]
    fn a_heading_before_prose_across_many_dropped_groups() {
        let first = "The story begins with a long sentence that has many words in it.";
        let raw = format!(
            "{first}\n\nSection Heading\n\n{}{first}",
            "Last updated: 12 March 2019\n\n".repeat(MANY)
        );
        let cleaned = clean(&raw);
        let kinds: Vec<BlockKind> = cleaned.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph
            ]
        );
    }
}
