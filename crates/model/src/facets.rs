//! The facet values a document declares (`topics = ["acq", "earn"]`), by
//! facet name.
//!
//! A sorted list, not a map: most documents declare one to five facets, and
//! a list of that length takes a fifth of the memory of a B-tree map's node,
//! which the app holds twice per document while the corpus arrives.
//!
//! Invariant: names are unique and in ascending order.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Facet values by facet name, in name order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeclaredFacets(Vec<(String, Vec<String>)>);

impl DeclaredFacets {
    /// The values declared for `name`.
    pub fn get(&self, name: &str) -> Option<&Vec<String>> {
        let at = self
            .0
            .binary_search_by(|(n, _)| n.as_str().cmp(name))
            .ok()?;
        Some(&self.0[at].1)
    }

    /// Sets the values of `name`, returning those it replaces.
    pub fn insert(&mut self, name: String, values: Vec<String>) -> Option<Vec<String>> {
        match self.0.binary_search_by(|(n, _)| n.cmp(&name)) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, values)),
            Err(at) => {
                self.0.insert(at, (name, values));
                None
            }
        }
    }

    /// Removes `name` and returns its values.
    pub fn remove(&mut self, name: &str) -> Option<Vec<String>> {
        let at = self
            .0
            .binary_search_by(|(n, _)| n.as_str().cmp(name))
            .ok()?;
        Some(self.0.remove(at).1)
    }

    /// The names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(name, _)| name)
    }

    /// The values of each name, in name order.
    pub fn values(&self) -> impl Iterator<Item = &Vec<String>> {
        self.0.iter().map(|(_, values)| values)
    }

    /// Names with their values, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<String>)> {
        self.0.iter().map(|(name, values)| (name, values))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Later values of a name replace earlier ones, as a map's would.
impl FromIterator<(String, Vec<String>)> for DeclaredFacets {
    fn from_iter<I: IntoIterator<Item = (String, Vec<String>)>>(pairs: I) -> Self {
        let mut facets = DeclaredFacets::default();
        for (name, values) in pairs {
            facets.insert(name, values);
        }
        facets.0.shrink_to_fit();
        facets
    }
}

impl<const N: usize> From<[(String, Vec<String>); N]> for DeclaredFacets {
    fn from(pairs: [(String, Vec<String>); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a DeclaredFacets {
    type Item = (&'a String, &'a Vec<String>);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Vec<String>)>,
        fn(&'a (String, Vec<String>)) -> (&'a String, &'a Vec<String>),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(name, values)| (name, values))
    }
}

/// Written as a map from name to values, as the map it replaces was.
impl Serialize for DeclaredFacets {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, values) in &self.0 {
            map.serialize_entry(name, values)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for DeclaredFacets {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FacetsVisitor)
    }
}

struct FacetsVisitor;

impl<'de> Visitor<'de> for FacetsVisitor {
    type Value = DeclaredFacets;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map from facet name to a list of values")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DeclaredFacets, A::Error> {
        // Bounded: a damaged length must not make the reader allocate it.
        let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some(pair) = map.next_entry::<String, Vec<String>>()? {
            pairs.push(pair);
        }
        Ok(pairs.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facets(pairs: &[(&str, &[&str])]) -> DeclaredFacets {
        pairs
            .iter()
            .map(|(n, vs)| (n.to_string(), vs.iter().map(|v| v.to_string()).collect()))
            .collect()
    }

    #[test]
    fn acts_as_a_sorted_map() {
        let mut f = facets(&[
            ("topics", &["acq"]),
            ("places", &["usa"]),
            ("topics", &["earn"]),
        ]);
        assert_eq!(f.keys().collect::<Vec<_>>(), ["places", "topics"]);
        assert_eq!(f.get("topics"), Some(&vec!["earn".to_string()]));
        assert_eq!(f.insert("by".into(), vec!["Ann".into()]), None);
        assert_eq!(f.keys().collect::<Vec<_>>(), ["by", "places", "topics"]);
        assert_eq!(f.remove("places"), Some(vec!["usa".to_string()]));
        assert_eq!((f.len(), f.get("places")), (2, None));
    }

    #[test]
    fn serialises_as_a_map() {
        let f = facets(&[("topics", &["acq", "earn"]), ("by", &["Ann"])]);
        let json = serde_json::to_string(&f).expect("writes");
        assert_eq!(json, r#"{"by":["Ann"],"topics":["acq","earn"]}"#);
        let back: DeclaredFacets = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, f);
        let bytes = postcard::to_allocvec(&f).expect("writes");
        let back: DeclaredFacets = postcard::from_bytes(&bytes).expect("reads");
        assert_eq!(back, f);
    }
}
