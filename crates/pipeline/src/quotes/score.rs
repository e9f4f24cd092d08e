//! Scores extracted quotes against a gold file.
//!
//! A predicted quote matches a gold quote of the same file when it covers at
//! least a threshold share of the gold quote's bytes: 30% (loose) or 80%
//! (strict). Matching is one-to-one: pairs of the same kind first, then by
//! best coverage (so a partial quote inside reported speech pairs with the
//! predicted partial quote, not the reported span around it). Precision, recall
//! and F1 are computed per kind (only quotes of that kind on both sides) and
//! overall (kinds ignored); speaker accuracy is the share of loosely matched
//! pairs whose speakers agree (ignoring case, spacing and a leading "The";
//! both unknown agrees).
//!
//! Invariant: every figure is a ratio of counts over the same two sets of
//! records; an empty denominator gives 1.0 when nothing was expected and
//! nothing was found, else 0.0.

use std::fmt::Write as _;

use super::record::{Record, NOT_A_QUOTE};
use corpus_model::QuoteKind;

/// Share of a gold quote a prediction must cover to match it, loose then strict.
pub const THRESHOLDS: [f64; 2] = [0.3, 0.8];
/// The kinds scored one by one, then all together.
pub const KINDS: [&str; 3] = ["direct", "partial", "reported"];

/// Precision, recall and F1 at one threshold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// The scores of one kind (or of all kinds).
#[derive(Debug, Clone, PartialEq)]
pub struct KindScore {
    /// "direct", "partial", "reported" or "all".
    pub kind: String,
    pub gold: usize,
    pub predicted: usize,
    pub loose: Prf,
    pub strict: Prf,
    /// Speaker agreement on loose matches.
    pub speaker_accuracy: f64,
}

/// Scores per kind, then overall.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub kinds: Vec<KindScore>,
    /// Gold quotes with no loose match, and predictions with none, for reading.
    pub missed: Vec<Record>,
    pub spurious: Vec<Record>,
    /// Loose matches whose speakers disagree: (gold, predicted).
    pub wrong_speaker: Vec<(Record, Record)>,
}

impl Report {
    /// The scores of `kind` ("direct", …, or "all").
    pub fn kind(&self, kind: &str) -> Option<&KindScore> {
        self.kinds.iter().find(|k| k.kind == kind)
    }
}

/// Reads JSON lines as they are scored: a mixed statement counts as its
/// reported statement and a partial quote per fragment, and quoted words
/// that are no quotation are left out; `source` names the input in error
/// messages.
pub fn parse(source: &str, jsonl: &str) -> Result<Vec<Record>, String> {
    let records: Vec<Record> = jsonl
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let record: Record =
                serde_json::from_str(line).map_err(|e| format!("{source}:{}: {e}", i + 1))?;
            if record.start > record.end {
                return Err(format!(
                    "{source}:{}: start {} is after end {}",
                    i + 1,
                    record.start,
                    record.end
                ));
            }
            let known = KINDS.contains(&record.kind.as_str())
                || [MIXED, NOT_A_QUOTE].contains(&record.kind.as_str());
            if !known {
                return Err(format!(
                    "{source}:{}: unknown kind {:?} (expected direct, partial, mixed, reported or {NOT_A_QUOTE})",
                    i + 1,
                    record.kind
                ));
            }
            Ok(record)
        })
        .collect::<Result<_, _>>()?;
    Ok(records.into_iter().flat_map(as_scored).collect())
}

/// The kind of a reported statement that holds quoted words.
const MIXED: &str = QuoteKind::Mixed.as_str();

/// A record as scored: a mixed statement becomes its reported statement
/// and a partial quote per fragment; quoted words that are no quotation
/// become nothing.
pub fn as_scored(record: Record) -> Vec<Record> {
    match record.kind.as_str() {
        NOT_A_QUOTE => Vec::new(),
        MIXED => {
            let partials = record.fragments.iter().map(|f| Record {
                kind: QuoteKind::Partial.as_str().to_string(),
                text: f.text.clone(),
                start: f.start,
                end: f.end,
                fragments: Vec::new(),
                ..record.clone()
            });
            let statement = Record {
                kind: QuoteKind::Reported.as_str().to_string(),
                ..record.clone()
            };
            partials.chain([statement]).collect()
        }
        _ => vec![record],
    }
}

/// Scores `predicted` against `gold`.
pub fn score(gold: &[Record], predicted: &[Record]) -> Report {
    let mut kinds = Vec::new();
    for kind in KINDS.iter().copied().chain(["all"]) {
        let pick = |r: &&Record| kind == "all" || r.kind == kind;
        let g: Vec<&Record> = gold.iter().filter(pick).collect();
        let p: Vec<&Record> = predicted.iter().filter(pick).collect();
        let [loose, strict] = THRESHOLDS.map(|t| matches(&g, &p, t));
        let agree = loose
            .iter()
            .filter(|&&(gi, pi)| same_speaker(g[gi], p[pi]))
            .count();
        kinds.push(KindScore {
            kind: kind.to_string(),
            gold: g.len(),
            predicted: p.len(),
            loose: prf(loose.len(), g.len(), p.len()),
            strict: prf(strict.len(), g.len(), p.len()),
            speaker_accuracy: ratio(agree, loose.len(), true),
        });
    }
    let all: Vec<&Record> = gold.iter().collect();
    let found: Vec<&Record> = predicted.iter().collect();
    let pairs = matches(&all, &found, THRESHOLDS[0]);
    let missed = (0..all.len())
        .filter(|i| !pairs.iter().any(|p| p.0 == *i))
        .map(|i| all[i].clone())
        .collect();
    let spurious = (0..found.len())
        .filter(|i| !pairs.iter().any(|p| p.1 == *i))
        .map(|i| found[i].clone())
        .collect();
    let wrong_speaker = pairs
        .iter()
        .filter(|&&(g, p)| !same_speaker(all[g], found[p]))
        .map(|&(g, p)| (all[g].clone(), found[p].clone()))
        .collect();
    Report {
        kinds,
        missed,
        spurious,
        wrong_speaker,
    }
}

/// One-to-one matches (gold index, predicted index) covering at least
/// `threshold` of the gold quote, best coverage first.
fn matches(gold: &[&Record], predicted: &[&Record], threshold: f64) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in predicted
            .iter()
            .enumerate()
            .filter(|(_, p)| p.file == g.file)
        {
            let overlap = g.end.min(p.end).saturating_sub(g.start.max(p.start));
            let coverage = if g.end > g.start {
                f64::from(overlap) / f64::from(g.end - g.start)
            } else {
                0.0
            };
            if coverage >= threshold {
                candidates.push((g.kind == p.kind, coverage, gi, pi));
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let (mut gold_used, mut predicted_used) =
        (vec![false; gold.len()], vec![false; predicted.len()]);
    let mut pairs = Vec::new();
    for (_, _, gi, pi) in candidates {
        if !gold_used[gi] && !predicted_used[pi] {
            gold_used[gi] = true;
            predicted_used[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs.sort_unstable();
    pairs
}

fn same_speaker(gold: &Record, predicted: &Record) -> bool {
    let norm = |s: &Option<String>| {
        s.as_deref().map(|s| {
            let lower = s
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            lower
                .strip_prefix("the ")
                .map_or(lower.clone(), str::to_string)
        })
    };
    norm(&gold.speaker) == norm(&predicted.speaker)
}

fn ratio(part: usize, whole: usize, empty_is_perfect: bool) -> f64 {
    if whole == 0 {
        return if empty_is_perfect { 1.0 } else { 0.0 };
    }
    part as f64 / whole as f64
}

fn prf(matched: usize, gold: usize, predicted: usize) -> Prf {
    let nothing = gold == 0 && predicted == 0;
    let precision = ratio(matched, predicted, nothing);
    let recall = ratio(matched, gold, nothing);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Prf {
        matched,
        precision,
        recall,
        f1,
    }
}

/// The report as a table, then the misses, for reading.
pub fn render(report: &Report, details: bool) -> String {
    let mut out = String::new();
    let pct = |x: f64| format!("{:5.1}", 100.0 * x);
    let _ = writeln!(
        out,
        "{:<9} {:>5} {:>5}   {:^23}   {:^23}   {:>8}",
        "", "", "", "loose (>=30% covered)", "strict (>=80% covered)", "speaker"
    );
    let _ = writeln!(
        out,
        "{:<9} {:>5} {:>5}   {:>5}   {:>5}   {:>5}     {:>5}   {:>5}   {:>5}   {:>8}",
        "kind", "gold", "pred", "P", "R", "F1", "P", "R", "F1", "accuracy"
    );
    for k in &report.kinds {
        let _ = writeln!(
            out,
            "{:<9} {:>5} {:>5}   {}   {}   {}     {}   {}   {}   {:>8}",
            k.kind,
            k.gold,
            k.predicted,
            pct(k.loose.precision),
            pct(k.loose.recall),
            pct(k.loose.f1),
            pct(k.strict.precision),
            pct(k.strict.recall),
            pct(k.strict.f1),
            pct(k.speaker_accuracy)
        );
    }
    if details {
        let line = |r: &Record| {
            format!(
                "{}:{}-{} {} {:?} ({})",
                r.file,
                r.start,
                r.end,
                r.kind,
                r.text.chars().take(90).collect::<String>(),
                r.speaker.as_deref().unwrap_or("no speaker")
            )
        };
        for r in &report.missed {
            let _ = writeln!(out, "missed:   {}", line(r));
        }
        for r in &report.spurious {
            let _ = writeln!(out, "spurious: {}", line(r));
        }
        for (g, p) in &report.wrong_speaker {
            let _ = writeln!(
                out,
                "speaker:  {} — found {:?}",
                line(g),
                p.speaker.as_deref().unwrap_or("no speaker")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(file: &str, start: u32, end: u32, kind: &str, speaker: Option<&str>) -> Record {
        Record {
            file: file.into(),
            text: String::new(),
            start,
            end,
            kind: kind.into(),
            speaker: speaker.map(str::to_string),
            mention: None,
            mention_start: None,
            mention_end: None,
            verb: None,
            fragments: Vec::new(),
            reason: None,
            anonymous: false,
        }
    }

    #[test]
    fn coverage_thresholds() {
        let gold = [record("a", 0, 100, "direct", Some("Jeremy Hunt"))];
        // (prediction, loose matches, strict matches, speaker accuracy)
        let cases: &[(Record, usize, usize, f64)] = &[
            (
                record("a", 0, 100, "direct", Some("jeremy  hunt")),
                1,
                1,
                1.0,
            ),
            (
                record("a", 0, 100, "direct", Some("The Jeremy Hunt")),
                1,
                1,
                1.0,
            ),
            (
                record("a", 10, 95, "direct", Some("Matt Hancock")),
                1,
                1,
                0.0,
            ),
            (
                record("a", 50, 300, "direct", Some("Jeremy Hunt")),
                1,
                0,
                1.0,
            ),
            (
                record("a", 80, 100, "direct", Some("Jeremy Hunt")),
                0,
                0,
                1.0,
            ),
            (
                record("b", 0, 100, "direct", Some("Jeremy Hunt")),
                0,
                0,
                1.0,
            ),
        ];
        for (predicted, loose, strict, accuracy) in cases {
            let report = score(&gold, std::slice::from_ref(predicted));
            let all = report
                .kind("all")
                .unwrap_or_else(|| panic!("no overall score"));
            assert_eq!(
                (all.loose.matched, all.strict.matched, all.speaker_accuracy),
                (*loose, *strict, *accuracy),
                "gold 0..100 in a, predicted {predicted:?}"
            );
        }
    }

    #[test]
    fn one_to_one_and_per_kind() {
        let gold = [
            record("a", 0, 10, "partial", None),
            record("a", 0, 40, "reported", None),
        ];
        let predicted = [record("a", 0, 40, "reported", None)];
        let report = score(&gold, &predicted);
        let all = report
            .kind("all")
            .unwrap_or_else(|| panic!("no overall score"));
        assert_eq!(
            (all.loose.matched, report.missed.len()),
            (1, 1),
            "one prediction matches one gold quote"
        );
        let partial = report
            .kind("partial")
            .unwrap_or_else(|| panic!("no partial score"));
        assert_eq!(
            (partial.loose.recall, partial.loose.f1),
            (0.0, 0.0),
            "the partial quote was not found"
        );
    }

    #[test]
    fn bad_lines_name_their_place() {
        let cases = [("{\"file\":\"a\"}", "gold.jsonl:1:"), ("\n{\"file\":\"a\",\"text\":\"\",\"start\":5,\"end\":1,\"kind\":\"direct\",\"speaker\":null}", "gold.jsonl:2: start 5 is after end 1")];
        for (input, want) in cases {
            let err = parse("gold.jsonl", input).err().unwrap_or_default();
            assert!(
                err.starts_with(want),
                "error for {input:?} was {err:?}, expected it to start with {want:?}"
            );
        }
    }
}
