//! Which writing system a text is in, by the Unicode blocks of its letters.
//!
//! A text's script is the one most of its letters belong to; letters of no
//! listed block count as "Other". This is the evidence the About page shows
//! about a corpus's languages; it reads letters only, so digits, punctuation
//! and spaces never decide.

/// Writing systems and the code-point ranges of their letters. Keep the
/// ranges of one script together; order does not matter.
const SCRIPTS: &[(&str, &[(u32, u32)])] = &[
    (
        "Latin",
        &[(0x41, 0x5a), (0x61, 0x7a), (0xc0, 0x24f), (0x1e00, 0x1eff)],
    ),
    ("Greek", &[(0x370, 0x3ff), (0x1f00, 0x1fff)]),
    ("Cyrillic", &[(0x400, 0x52f)]),
    ("Armenian", &[(0x530, 0x58f)]),
    ("Hebrew", &[(0x590, 0x5ff)]),
    (
        "Arabic",
        &[
            (0x600, 0x6ff),
            (0x750, 0x77f),
            (0xfb50, 0xfdff),
            (0xfe70, 0xfeff),
        ],
    ),
    ("Devanagari", &[(0x900, 0x97f)]),
    ("Bengali", &[(0x980, 0x9ff)]),
    ("Tamil", &[(0xb80, 0xbff)]),
    ("Thai", &[(0xe00, 0xe7f)]),
    ("Georgian", &[(0x10a0, 0x10ff)]),
    (
        "Hangul",
        &[(0x1100, 0x11ff), (0x3130, 0x318f), (0xac00, 0xd7af)],
    ),
    ("Kana", &[(0x3040, 0x30ff), (0x31f0, 0x31ff)]),
    (
        "Han",
        &[
            (0x3400, 0x4dbf),
            (0x4e00, 0x9fff),
            (0xf900, 0xfaff),
            (0x20000, 0x2ffff),
        ],
    ),
];

/// The name of the script a letter belongs to, "Other" for a letter of no
/// listed script, or `None` for anything that is not a letter.
pub fn script_of(c: char) -> Option<&'static str> {
    if !c.is_alphabetic() {
        return None;
    }
    let code = u32::from(c);
    let script = SCRIPTS
        .iter()
        .find(|(_, ranges)| ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&code)));
    Some(script.map_or("Other", |(name, _)| name))
}

/// The script most letters of `text` are in, or `None` if it has none.
/// Japanese text mixes Han and kana: Han or kana text with any kana is
/// "Japanese".
pub fn main_script(text: &str) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for script in text.chars().filter_map(script_of) {
        match counts.iter_mut().find(|(name, _)| *name == script) {
            Some((_, n)) => *n += 1,
            None => counts.push((script, 1)),
        }
    }
    let has_kana = counts.iter().any(|(name, _)| *name == "Kana");
    let (main, _) = counts.into_iter().max_by_key(|&(_, n)| n)?;
    Some(if matches!(main, "Han" | "Kana") && has_kana {
        "Japanese"
    } else {
        main
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_scripts() {
        let rows: &[(&str, Option<&str>)] = &[
            ("The nurses said 2024", Some("Latin")),
            ("Économie générale", Some("Latin")),
            ("Медсестры сказали", Some("Cyrillic")),
            ("قالت الممرضات", Some("Arabic")),
            ("האחיות אמרו", Some("Hebrew")),
            ("护士们说", Some("Han")),
            ("看護師たちは言った", Some("Japanese")),
            ("간호사들이 말했다", Some("Hangul")),
            ("NHS 护士们说了很多话", Some("Han")),
            ("2024 — 12,5 %", None),
            ("", None),
        ];
        for &(text, want) in rows {
            assert_eq!(main_script(text), want, "main script of {text:?}");
        }
    }
}
