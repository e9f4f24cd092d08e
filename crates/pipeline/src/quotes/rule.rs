//! A rule of an ordered rule table: a stable name, for tests and debugging,
//! and the small function that applies it.
//!
//! Invariant: within one table names are unique, so a test row or a trace
//! names exactly one rule.

use std::fmt;

/// One named rule; `F` is the table's function type.
pub struct Rule<F> {
    pub name: &'static str,
    pub apply: F,
}

impl<F> fmt::Display for Rule<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl<F> fmt::Debug for Rule<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rule({:?})", self.name)
    }
}
