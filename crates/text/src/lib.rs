//! The language layer every stage that reads text shares: words and
//! punctuation with byte offsets, sentences, and the word lists.
