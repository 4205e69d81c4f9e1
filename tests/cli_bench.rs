//! `warta bench` on the bundled seeds: the JSON shape and the plain report.

mod common;

use common::{repo, stdout, warta};
use serde_json::Value;

#[test]
fn bench_json_has_the_documented_fields() {
    let out = warta(&["bench", "--json", "--query", "sekda"]);
    assert!(out.status.success(), "{out:?}");
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["articles"], 5);
    assert!(v["bytes"].as_u64().unwrap() > 10_000);
    assert!(v["officials"].as_u64().unwrap() >= 5);
    for key in [
        "load_ms",
        "read_ms",
        "parse_ms",
        "extract_ms",
        "index_ms",
        "p50_ms",
        "p99_ms",
        "max_ms",
        "naive_p50_ms",
    ] {
        assert!(
            v[key].as_f64().is_some_and(|x| x >= 0.0),
            "{key}: {}",
            v[key]
        );
    }
    assert!(v["rss_bytes"].as_u64().unwrap() > 0);
    let keys = v["keystrokes"].as_array().unwrap();
    let typed: Vec<&str> = keys.iter().map(|k| k["query"].as_str().unwrap()).collect();
    assert_eq!(typed, ["s", "se", "sek", "sekd", "sekda"]);
    // The last keystroke finds the two articles that name a Sekda, as the naive scan does.
    let last = keys.last().unwrap();
    assert!(last["matches"].as_u64().unwrap() >= 1);
    assert!(last["ms"].as_f64().is_some());
    // The same keystrokes in the sidebar's corpus scope: a row per official,
    // organisation, place, programme and figure of the corpus.
    let rows = v["corpus_rows"].as_u64().unwrap();
    assert!(rows > v["officials"].as_u64().unwrap(), "{rows}");
    for key in ["corpus_p50_ms", "corpus_p99_ms", "corpus_max_ms"] {
        assert!(
            v[key].as_f64().is_some_and(|x| x >= 0.0),
            "{key}: {}",
            v[key]
        );
    }
    let corpus = v["corpus_keystrokes"].as_array().unwrap();
    let typed: Vec<&str> = corpus
        .iter()
        .map(|k| k["query"].as_str().unwrap())
        .collect();
    assert_eq!(typed, ["s", "se", "sek", "sekd", "sekda"]);
    let matches: Vec<u64> = corpus
        .iter()
        .map(|k| k["matches"].as_u64().unwrap())
        .collect();
    // each letter narrows the rows; the Sekda officials are still there
    assert!(matches.windows(2).all(|w| w[0] >= w[1]), "{matches:?}");
    assert!(matches[0] <= rows && matches[4] >= 2, "{matches:?}");
}

#[test]
fn bench_default_queries_and_plain_report() {
    let out = warta(&["bench"]);
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    assert!(text.starts_with("5 articles"), "{text}");
    for needle in [
        "load ",
        "\"agung basuki\"",
        "\"kpl bappeda tng\"",
        "\"wismansyh\"",
        "p50",
        "sidebar, corpus scope",
        "peak RSS",
    ] {
        assert!(text.contains(needle), "missing {needle}: {text}");
    }
}

#[test]
fn an_empty_query_is_a_usage_error_not_an_empty_report() {
    // With no keystroke to time, the report was all zeros ("speed-up 0.0×").
    let out = warta(&["bench", "--query", "sekda", "--query", ""]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--query"), "{err}");
}

#[test]
fn bench_times_a_plain_read_of_the_files_it_loaded() {
    let seeds = repo().join("seeds");
    let out = warta(&["bench", "--json", "--query", "k", seeds.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["articles"], 5);
    let plain = v["plain_read_ms"].as_f64().unwrap();
    let ratio = v["load_over_plain_read"].as_f64().unwrap();
    assert!(plain > 0.0 && ratio > 0.0, "{plain} {ratio}");
    let load = v["load_ms"].as_f64().unwrap();
    assert!((load / plain - ratio).abs() < 1e-6 * ratio.max(1.0));
    // The bundled seeds come from no file: there is nothing to read.
    let out = warta(&["bench", "--json", "--query", "k"]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(v["plain_read_ms"].is_null() && v["load_over_plain_read"].is_null());
    let text = stdout(&warta(&["bench", "--query", "k", seeds.to_str().unwrap()]));
    assert!(text.contains("plain read of the same files"), "{text}");
}

#[test]
fn bench_reads_the_library_snapshot_on_the_second_run_until_a_file_changes() {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(repo().join("seeds")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let path = dir.path().to_str().unwrap();
    let run = |extra: &[&str]| -> Value {
        let mut args = vec!["bench", "--json", "--query", "bupati"];
        args.extend_from_slice(extra);
        args.push(path);
        let out = warta(&args);
        assert!(out.status.success(), "{out:?}");
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let matches = |v: &Value| -> Vec<u64> {
        v["keystrokes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["matches"].as_u64().unwrap())
            .collect()
    };
    let first = run(&[]);
    assert_eq!(first["loaded_from"], "files");
    assert!(first["snapshot_bytes"].as_u64().unwrap() > 1000);
    assert!(first["fingerprint_ms"].as_f64().is_some());
    let second = run(&[]);
    assert_eq!(second["loaded_from"], "snapshot", "{second}");
    assert!(second["snapshot_read_ms"].as_f64().unwrap() > 0.0);
    assert!(second["snapshot_bytes"].is_null(), "nothing rewritten");
    for key in ["articles", "officials", "bytes", "haystack_bytes"] {
        assert_eq!(first[key], second[key], "{key}");
    }
    assert_eq!(matches(&first), matches(&second));
    // a changed file: loaded from the files again, and a new snapshot
    std::fs::write(
        dir.path().join("baru.txt"),
        "Bupati Bogor Tinjau Pasar\n\nBupati Bogor, Rudy Susmanto, meninjau pasar.\n",
    )
    .unwrap();
    let third = run(&[]);
    assert_eq!(third["loaded_from"], "files");
    assert_eq!(third["articles"], 6);
    assert_eq!(run(&[])["loaded_from"], "snapshot");
    // another size cap may load other files: it is another key
    assert_eq!(run(&["--max-file-size", "1"])["loaded_from"], "files");
    assert_eq!(run(&["--max-file-size", "1"])["loaded_from"], "snapshot");
    // --no-state neither reads nor writes one
    let bare = run(&["--no-state"]);
    assert_eq!(bare["loaded_from"], "files");
    assert!(bare["snapshot_bytes"].is_null() && bare["fingerprint_ms"].is_null());
}
