//! Resolves the words that name a speaker ("Mr Hunt", "he", "the health
//! secretary", "a DHSC spokesperson") to a canonical speaker with the role
//! the document gives them.
//!
//! The document is read once for its people, one step a file:
//! [`known`] indexes what the entities stage found; [`names`] reads the
//! personal names its capitalised runs write ("Jeremy Hunt") and the titles
//! that reveal their gender ("Mr Hunt"); [`roles`] reads the roles written
//! around them — before the name ("Health secretary Jeremy Hunt"), in
//! apposition after it ("Lisa Bayliss-Pratt, chief nurse at HEE") or
//! before it ("the home secretary, Sajid Javid"); [`organisations`] spells
//! organisation names in full; [`people`] holds it all, with [`lookup`]'s
//! indexes over it; [`resolve`] turns a
//! mention into a speaker by an ordered table of rules. The pipeline's
//! entities give the speaker's id and canonical name, unless the document
//! writes the person's name more fully than the entity does ("Tomas Reyes"
//! over "Reyes").
//!
//! Invariant: a resolved name is always spelled as the document (or its
//! entity) spells it; a surname resolves to the fullest name in the document
//! that ends with it; a pronoun resolves only to a person already mentioned.

mod known;
mod lookup;
mod names;
mod organisations;
mod people;
mod resolve;
mod roles;
pub mod vocabulary;

pub use known::EntityNames;
pub use people::{People, Speaker};
