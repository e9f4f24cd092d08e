//! Classes of punctuation and space characters the text rules share.

/// Characters that close a quotation or bracket after a sentence's final stop.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』' | ')' | ']'
    )
}

/// Characters that open a quotation.
pub fn is_opening_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '„' | '«' | '‹' | '「' | '『')
}

/// Whitespace within a line (a space, a no-break space, a tab).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

/// Dashes used as clause punctuation.
pub fn is_dash(c: char) -> bool {
    matches!(c, '–' | '—' | '-')
}
