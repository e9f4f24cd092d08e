//! `corpus search DIR --batch FILE --json`: one JSON line per query line, in
//! order, over the seeds corpus.

use std::process::Command;

#[test]
fn batch_mode_prints_one_json_line_per_query_in_order() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let dir = std::env::temp_dir().join(format!("corpus-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("queries.txt");
    let too_long = "x".repeat(corpus_search::query::MAX_QUERY_CHARS + 1);
    let queries = ["visa", "zzzzqqq", "", &too_long, "immigration"];
    std::fs::write(&file, queries.join("\n")).expect("write queries");
    let output = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["search", seeds, "--batch"])
        .arg(&file)
        .args(["--json", "--limit", "2"])
        .output()
        .expect("run corpus");
    std::fs::remove_dir_all(&dir).ok();
    assert!(output.status.success(), "{output:?}");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    let echoed: Vec<&str> = lines
        .iter()
        .map(|l| l["query"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(echoed, queries);
    assert!(lines[0]["hits"]
        .as_array()
        .is_some_and(|h| !h.is_empty() && h.len() <= 2));
    assert_eq!(lines[1]["hits"].as_array().map(Vec::len), Some(0));
    assert!(lines[3]["error"].is_string());
}
