//! The dictionaries the typo walk ([`super::typo`]) reads as tries of
//! bytes: the index's words FST, and the same words reversed, kept as a
//! sorted list (building a second FST would bring the `fst` crate's
//! builder into the app's code, 30 kB gzipped).
//!
//! Invariant: a node's edges are in byte order, and a word's term is the
//! one the words FST maps it to.

use rustc_hash::FxHashMap;

/// A trie of words, each ending at a node that gives its term.
pub trait Trie {
    /// A node: where a prefix of some word leads.
    type Node: Copy;
    /// An edge out of a node, read before its node is.
    type Edge: Copy;
    fn root(&self) -> Self::Node;
    /// The term of the word ending at `node`, if one does.
    fn term(&self, node: Self::Node) -> Option<u32>;
    /// Replaces `edges` with those out of `node`.
    fn edges(&self, node: Self::Node, edges: &mut Vec<Self::Edge>);
    /// The byte an edge reads.
    fn byte(edge: Self::Edge) -> u8;
    /// The node an edge out of `node` leads to.
    fn follow(&self, node: Self::Node, edge: Self::Edge) -> Self::Node;
}

/// A node of the words FST and the output gathered on the way to it.
#[derive(Clone, Copy)]
pub struct FstNode<'f> {
    node: fst::raw::Node<'f>,
    output: u64,
}

impl<'f> Trie for &'f fst::raw::Fst<Vec<u8>> {
    type Node = FstNode<'f>;
    type Edge = fst::raw::Transition;

    fn root(&self) -> FstNode<'f> {
        FstNode {
            node: fst::raw::Fst::root(self),
            output: 0,
        }
    }

    fn term(&self, node: FstNode<'f>) -> Option<u32> {
        let out = fst::raw::Output::new(node.output);
        (node.node.is_final()).then(|| node.node.final_output().cat(out).value() as u32)
    }

    fn edges(&self, node: FstNode<'f>, edges: &mut Vec<fst::raw::Transition>) {
        edges.clear();
        let node = node.node;
        edges.extend((0..node.len()).map(|i| node.transition(i)));
    }

    fn byte(edge: fst::raw::Transition) -> u8 {
        edge.inp
    }

    fn follow(&self, node: FstNode<'f>, edge: fst::raw::Transition) -> FstNode<'f> {
        FstNode {
            node: self.node(edge.addr),
            output: fst::raw::Output::new(node.output).cat(edge.out).value(),
        }
    }
}

/// Words with their bytes reversed, sorted, with their terms: a node is
/// the range of the words sharing its path.
#[derive(Debug, Clone, Default)]
pub struct ReversedWords {
    /// Every reversed word, one after another, in sorted order.
    bytes: Vec<u8>,
    /// Where each word starts in `bytes`, and where the last ends.
    starts: Vec<u32>,
    terms: Vec<u32>,
    /// `columns[d][i]`: the byte at depth `d` of word `i` (0 past its
    /// end), for the first [`COLUMNS`] depths, where the walk reads most:
    /// a node's edges are then found by searching one small array.
    columns: Vec<Vec<u8>>,
    /// The edges of the nodes less than [`KEPT_DEPTHS`] deep, by depth
    /// and first word: every walk reads them, and they span the most
    /// words, so they are found once, when the list is made.
    kept: FxHashMap<(u32, u32), Vec<Edge>>,
}

/// Depths of the nodes whose edges [`ReversedWords`] keeps.
const KEPT_DEPTHS: u32 = 3;

/// An edge of [`ReversedWords`]: its byte and the range of words it leads
/// to.
type Edge = (u8, u32, u32);

/// Depths whose bytes [`ReversedWords`] keeps apart, one array each.
const COLUMNS: usize = 12;

/// A node of [`ReversedWords`]: its depth and the range of words below it.
#[derive(Debug, Clone, Copy)]
pub struct ListNode {
    depth: u32,
    first: u32,
    end: u32,
}

impl ReversedWords {
    /// The words of a words FST, reversed.
    pub fn of_fst(words: &fst::raw::Fst<Vec<u8>>) -> Self {
        let mut found: Vec<(Vec<u8>, u32)> = Vec::with_capacity(words.len());
        let mut path = Vec::new();
        collect(&words, Trie::root(&words), &mut path, &mut found);
        Self::of(found)
    }

    /// A list of `(word, term)` reversed and sorted.
    pub fn of(words: Vec<(Vec<u8>, u32)>) -> Self {
        let mut reversed: Vec<(Vec<u8>, u32)> = words
            .into_iter()
            .map(|(mut word, term)| {
                word.reverse();
                (word, term)
            })
            .collect();
        reversed.sort_unstable();
        let mut list = ReversedWords {
            starts: vec![0],
            ..Self::default()
        };
        list.columns = (0..COLUMNS)
            .map(|_| Vec::with_capacity(reversed.len()))
            .collect();
        for (word, term) in reversed {
            for (d, column) in list.columns.iter_mut().enumerate() {
                column.push(word.get(d).copied().unwrap_or(0));
            }
            list.bytes.extend_from_slice(&word);
            list.starts.push(list.bytes.len() as u32);
            list.terms.push(term);
        }
        let mut kept = FxHashMap::default();
        let mut nodes = vec![Trie::root(&list)];
        while let Some(node) = nodes.pop() {
            let mut edges = Vec::new();
            list.find_edges(node, &mut edges);
            if node.depth + 1 < KEPT_DEPTHS {
                nodes.extend(edges.iter().map(|&edge| list.follow(node, edge)));
            }
            kept.insert((node.depth, node.first), edges);
        }
        list.kept = kept;
        list
    }

    /// The edges out of `node`, found in the words.
    fn find_edges(&self, node: ListNode, edges: &mut Vec<Edge>) {
        edges.clear();
        let depth = node.depth as usize;
        let mut first = node.first + u32::from(self.term(node).is_some());
        while first < node.end {
            // Past the word ending here, every word is longer, and their
            // bytes at this depth ascend: those equal to the first's lead.
            let byte = self.word(first)[depth];
            let end = self.run_end(depth, first, node.end, byte);
            edges.push((byte, first, end));
            first = end;
        }
    }

    /// The end of the run of words from `first` (below `end`) whose byte at
    /// `depth` is `byte`; those words all reach past `depth`, and their
    /// bytes there ascend.
    fn run_end(&self, depth: usize, first: u32, end: u32, byte: u8) -> u32 {
        let (first, end) = (first as usize, end as usize);
        let run = match self.columns.get(depth) {
            Some(column) => column[first..end].partition_point(|&b| b == byte),
            None => (first..end)
                .position(|i| self.word(i as u32)[depth] != byte)
                .unwrap_or(end - first),
        };
        (first + run) as u32
    }

    fn word(&self, i: u32) -> &[u8] {
        let i = i as usize;
        &self.bytes[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

/// Adds every word below `node` of `trie`, reached by `path`, to `found`.
fn collect<T: Trie>(trie: &T, node: T::Node, path: &mut Vec<u8>, found: &mut Vec<(Vec<u8>, u32)>) {
    if let Some(term) = trie.term(node) {
        found.push((path.clone(), term));
    }
    let mut edges = Vec::new();
    trie.edges(node, &mut edges);
    for edge in edges {
        path.push(T::byte(edge));
        collect(trie, trie.follow(node, edge), path, found);
        path.pop();
    }
}

impl Trie for ReversedWords {
    type Node = ListNode;
    type Edge = Edge;

    fn root(&self) -> ListNode {
        ListNode {
            depth: 0,
            first: 0,
            end: self.terms.len() as u32,
        }
    }

    fn term(&self, node: ListNode) -> Option<u32> {
        (node.first < node.end && self.word(node.first).len() == node.depth as usize)
            .then(|| self.terms[node.first as usize])
    }

    fn edges(&self, node: ListNode, edges: &mut Vec<Edge>) {
        let kept = (node.depth < KEPT_DEPTHS)
            .then(|| self.kept.get(&(node.depth, node.first)))
            .flatten();
        match kept {
            Some(kept) => {
                edges.clear();
                edges.extend_from_slice(kept);
            }
            None => self.find_edges(node, edges),
        }
    }

    fn byte(edge: Edge) -> u8 {
        edge.0
    }

    fn follow(&self, node: ListNode, edge: Edge) -> ListNode {
        ListNode {
            depth: node.depth + 1,
            first: edge.1,
            end: edge.2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Read as a trie, the list gives back every word it was made of,
    /// reversed, with its term, in order: for words longer than the depths
    /// kept apart as well.
    #[test]
    fn the_reversed_list_reads_back_every_word() {
        let mut below = crate::seeded::below(11);
        let mut words: Vec<Vec<u8>> = (0..3000)
            .map(|i| (0..1 + i % 23).map(|_| b"abcd"[below(4)]).collect())
            .collect();
        words.sort();
        words.dedup();
        let list = ReversedWords::of(words.iter().cloned().zip(0u32..).collect());
        let mut found = Vec::new();
        collect(&list, list.root(), &mut Vec::new(), &mut found);
        let mut want: Vec<(Vec<u8>, u32)> = (words.iter().zip(0u32..))
            .map(|(w, t)| (w.iter().rev().copied().collect(), t))
            .collect();
        want.sort();
        assert_eq!(found, want);
        assert!(want.iter().any(|(w, _)| w.len() > COLUMNS));
    }

    /// The list made from a words FST holds its words and terms.
    #[test]
    fn the_list_of_an_fst_has_its_words() {
        let words = [&b"cab"[..], b"cat", b"dog", b"dogs"];
        let map = fst::Map::from_iter(words.iter().zip(0u64..)).expect("sorted");
        let list = ReversedWords::of_fst(map.as_fst());
        let mut found = Vec::new();
        collect(&list, list.root(), &mut Vec::new(), &mut found);
        let texts: Vec<(&[u8], u32)> = found.iter().map(|(w, t)| (w.as_slice(), *t)).collect();
        assert_eq!(
            texts,
            [(&b"bac"[..], 0), (b"god", 2), (b"sgod", 3), (b"tac", 1)]
        );
    }
}
