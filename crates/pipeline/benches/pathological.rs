//! Times every pipeline stage on generated pathological inputs at three
//! sizes, so that work growing faster than the input shows: with linear
//! stages the 16x/1x ratio is about 16, with quadratic ones about 256.
//!
//! Run with `cargo bench -p corpus-pipeline --bench pathological`; an
//! optional argument multiplies the base size (`-- 2`).

use std::path::Path;
use std::time::{Duration, Instant};

use corpus_model::{Document, Metadata, PartialDate};
use corpus_pipeline::{clean, dates, entities, ingest, metadata, quotes};

/// The size of the smallest input of each kind, in bytes.
const BASE_BYTES: usize = 16 * 1024;
/// The sizes measured, as multiples of the base.
const SCALES: [usize; 3] = [1, 4, 16];
/// A stage that ran faster than this is timed again, and the best run kept.
const RETIME_BELOW: Duration = Duration::from_millis(200);
/// Runs of a fast stage.
const FAST_RUNS: usize = 5;
/// The document's date when its text gives none, so that days without a
/// year are always looked for.
const ANCHOR: PartialDate = PartialDate {
    year: 2024,
    month: Some(2),
    day: Some(8),
};

/// A generated input: the file's text and the catalogue beside it.
struct Input {
    file: String,
    catalog: String,
}

/// A kind of input and how to make one of about `bytes` bytes.
struct Kind {
    name: &'static str,
    make: fn(usize) -> Input,
}

const KINDS: &[Kind] = &[
    Kind {
        name: "long line of `](`",
        make: link_line,
    },
    Kind {
        name: "many short attributed quotes",
        make: attributed_quotes,
    },
    Kind {
        name: "long run without spaces",
        make: unbroken_run,
    },
    Kind {
        name: "CJK text",
        make: cjk_text,
    },
    Kind {
        name: "markdown link list",
        make: link_list,
    },
    Kind {
        name: "many front-matter and catalogue keys",
        make: many_keys,
    },
    Kind {
        name: "many dates without years",
        make: yearless_dates,
    },
    Kind {
        name: "deeply nested quotes",
        make: nested_quotes,
    },
    Kind {
        name: "many caption-like lines",
        make: caption_lines,
    },
    Kind {
        name: "many dropped groups",
        make: dropped_groups,
    },
];

const STAGES: [&str; 6] = ["ingest", "clean", "metadata", "entities", "quotes", "total"];

fn main() {
    let factor: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1);
    let dir = std::env::temp_dir().join(format!("corpus-pathological-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    for kind in KINDS {
        let times: Vec<[Duration; 6]> = SCALES
            .iter()
            .map(|scale| {
                let input = (kind.make)(BASE_BYTES * factor * scale);
                best_of(|| run(&dir, &input))
            })
            .collect();
        report(kind.name, &times, BASE_BYTES * factor);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The fastest of a few runs, per stage, for stages fast enough to repeat.
fn best_of(mut run_once: impl FnMut() -> [Duration; 6]) -> [Duration; 6] {
    let mut best = run_once();
    if best[5] < RETIME_BELOW {
        for _ in 1..FAST_RUNS {
            let again = run_once();
            for (b, a) in best.iter_mut().zip(again) {
                *b = (*b).min(a);
            }
        }
    }
    best
}

/// Runs the stages in pipeline order and times each.
fn run(dir: &Path, input: &Input) -> [Duration; 6] {
    let path = dir.join("doc.md");
    std::fs::write(&path, &input.file).expect("write input");
    std::fs::write(dir.join(ingest::CATALOG_FILE), &input.catalog).expect("write catalogue");
    let mut warnings = Vec::new();

    let clock = Instant::now();
    let catalog = ingest::read_catalog(dir, &mut warnings).expect("catalogue reads");
    let source = ingest::read_file(dir, &path, &mut warnings).expect("file reads");
    let ingest_time = clock.elapsed();

    let clock = Instant::now();
    let cleaned = clean::clean_from(&source.raw, source.body_start);
    let clean_time = clock.elapsed();

    let clock = Instant::now();
    let mut found = dates::find_dates(&cleaned.text);
    let date = source
        .declared
        .date
        .or_else(|| metadata::infer_date(&cleaned, &source.raw, &found));
    let anchor = date.filter(|d| d.day.is_some()).unwrap_or(ANCHOR);
    found.extend(dates::find_yearless_dates(&cleaned.text, anchor, &found));
    found.sort_by_key(|d| d.start);
    let title = metadata::infer_title(&cleaned);
    let kind = metadata::infer_kind(&cleaned);
    let metadata_time = clock.elapsed();
    std::hint::black_box(catalog.entries.len());

    let mut documents = vec![Document {
        file: source.rel_path,
        meta: Metadata {
            title,
            date,
            kind,
            ..Metadata::default()
        },
        raw: source.raw,
        encoding: source.encoding,
        text: cleaned.text,
        blocks: cleaned.blocks,
        source_map: cleaned.source_map,
        dropped: cleaned.dropped,
        dates: found,
        ..Document::default()
    }];
    let clock = Instant::now();
    let entities = entities::extract(&mut documents);
    let entities_time = clock.elapsed();

    let clock = Instant::now();
    let quotes = quotes::extract(&documents[0], &entities).quotes;
    let quotes_time = clock.elapsed();
    std::hint::black_box(quotes.len());

    let stages = [
        ingest_time,
        clean_time,
        metadata_time,
        entities_time,
        quotes_time,
    ];
    let total = stages.iter().sum();
    [stages[0], stages[1], stages[2], stages[3], stages[4], total]
}

fn report(name: &str, times: &[[Duration; 6]], base: usize) {
    println!("\n{name} (1x = {} KB)", base / 1024);
    let header: Vec<String> = SCALES.iter().map(|s| format!("{s}x")).collect();
    println!(
        "  {:<9} {:>10} {:>10} {:>10} {:>8}",
        "stage", header[0], header[1], header[2], "16x/1x"
    );
    for (i, stage) in STAGES.iter().enumerate() {
        let ms: Vec<f64> = times.iter().map(|t| t[i].as_secs_f64() * 1e3).collect();
        let ratio = ms[2] / ms[0].max(1e-3);
        println!(
            "  {stage:<9} {:>8.2}ms {:>8.2}ms {:>8.2}ms {ratio:>8.1}",
            ms[0], ms[1], ms[2]
        );
    }
}

/// `text` repeated to about `bytes` bytes.
fn repeat_to(text: &str, bytes: usize) -> String {
    text.repeat(bytes.div_ceil(text.len()))
}

/// An input with no catalogue entries.
fn alone(file: String) -> Input {
    Input {
        file,
        catalog: String::new(),
    }
}

fn link_line(bytes: usize) -> Input {
    alone(format!("A line of links: {}", repeat_to("](", bytes)))
}

fn attributed_quotes(bytes: usize) -> Input {
    const SPEAKERS: [&str; 4] = ["John Smith", "Mary Jones", "Ann Brown", "Peter White"];
    let mut file = String::from("Quotes Galore\n\n");
    let mut i = 0;
    while file.len() < bytes {
        let speaker = SPEAKERS[i % SPEAKERS.len()];
        file.push_str(&format!("“We will act now,” said {speaker}.\n"));
        i += 1;
        if i % 5 == 0 {
            file.push('\n');
        }
    }
    alone(file)
}

fn unbroken_run(bytes: usize) -> Input {
    alone(format!(
        "Start {}\n\nThe end of it all, said nobody at all today.",
        repeat_to("Abcdefghij", bytes)
    ))
}

fn cjk_text(bytes: usize) -> Input {
    let paragraph = repeat_to(
        "他说：“我们会在明年采取行动。”北京市政府今天宣布了新的计划。",
        1024,
    );
    alone(repeat_to(&format!("{paragraph}\n\n"), bytes))
}

fn link_list(bytes: usize) -> Input {
    let mut file = String::from("Further reading\n\n");
    let mut i = 0;
    while file.len() < bytes {
        file.push_str(&format!(
            "- [Story number {i}](https://example.org/story/{i})\n"
        ));
        i += 1;
    }
    alone(file)
}

fn many_keys(bytes: usize) -> Input {
    let mut file = String::from("+++\ntitle = \"Keys\"\n");
    let mut catalog = String::new();
    let mut i = 0;
    while file.len() < bytes {
        file.push_str(&format!("facet_{i} = \"value {i}\"\n"));
        catalog.push_str(&format!(
            "[\"missing_{i}.md\"]\nsource = \"Source {i}\"\n\n"
        ));
        i += 1;
    }
    file.push_str("+++\nThe body of the document, said someone.\n");
    Input { file, catalog }
}

fn yearless_dates(bytes: usize) -> Input {
    let mut file = String::from("8 February 2024\n\n");
    file.push_str(&repeat_to(
        "On 1st March, on 3 May 2024 and on 12 June we met at 10 Downing Street. ",
        bytes,
    ));
    alone(file)
}

fn nested_quotes(bytes: usize) -> Input {
    let depth = bytes / 16;
    let mut file = String::from("He said: ");
    for i in 0..depth {
        file.push_str(if i % 2 == 0 { "“we " } else { "‘they " });
    }
    for i in (0..depth).rev() {
        file.push_str(if i % 2 == 0 { "” " } else { "’ " });
    }
    file.push_str("and left.");
    alone(file)
}

/// A name of capital letters, different for every `i`.
fn letters(mut i: usize) -> String {
    let mut name = String::new();
    loop {
        name.push((b'A' + (i % 26) as u8) as char);
        i /= 26;
        if i == 0 {
            break name;
        }
    }
}

fn caption_lines(bytes: usize) -> Input {
    let mut file =
        String::from("The story begins with a long sentence that has many words in it.\n\n");
    let mut i = 0;
    while file.len() < bytes {
        file.push_str(&format!("XX{}: A short caption here\n\n", letters(i)));
        i += 1;
    }
    alone(file)
}

fn dropped_groups(bytes: usize) -> Input {
    let mut file = String::from("A Headline Here\n\n");
    file.push_str(&repeat_to("Last updated: 12 March 2019\n\n", bytes));
    alone(file)
}
