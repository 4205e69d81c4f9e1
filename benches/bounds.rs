//! Time and memory bounds on hostile input (issue 7). Builds an input, then
//! runs load → parse → extract on it and prints each phase's time:
//!
//! `cargo run --release --example bounds -- line 100` — one 100 MiB line
//! `cargo run --release --example bounds -- names 1000000` — ~1 M tiny names
//! `cargo run --release --example bounds -- file PATH` — any file
//!
//! Run under `/usr/bin/time -v` for the peak memory (the README, "Bad input").

use std::path::PathBuf;
use std::time::Instant;
use warta::corpus::{load_paths, LoadOptions};

#[path = "../tests/common/hostile.rs"]
mod hostile;

use hostile::{names, one_line};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (kind, arg) = match args.as_slice() {
        [k, a] => (k.as_str(), a.as_str()),
        _ => panic!("usage: bounds line MIB | names N | file PATH"),
    };
    let dir = std::env::temp_dir().join(format!("warta-bounds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = match kind {
        "file" => PathBuf::from(arg),
        "line" | "names" => {
            let n: usize = arg.parse().expect("a number");
            let bytes = if kind == "line" {
                one_line(n)
            } else {
                names(n)
            };
            let p = dir.join("input.txt");
            std::fs::write(&p, bytes).unwrap();
            p
        }
        _ => panic!("usage: bounds line MIB | names N | file PATH"),
    };
    let size = std::fs::metadata(&path).unwrap().len();
    let t = Instant::now();
    let corpus = load_paths(
        std::slice::from_ref(&path),
        &LoadOptions {
            size_cap: u64::MAX,
            ..LoadOptions::default()
        },
    );
    let load = t.elapsed();
    let t = Instant::now();
    let mut officials = 0;
    let mut mentions = 0;
    for a in &corpus.articles {
        let e = warta::entities::extract(&a.body.text());
        officials += e.officials.len();
        mentions += e.officials.iter().map(|o| o.spans.len()).sum::<usize>();
    }
    let extract = t.elapsed();
    if corpus.articles.is_empty() {
        // Not an article (binary, empty): time the extractor on the raw text.
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let t = Instant::now();
        let e = warta::entities::extract(&text);
        println!(
            "raw extract {:.2?}, {} officials",
            t.elapsed(),
            e.officials.len()
        );
    }
    println!(
        "{kind} {arg}: {:.1} MiB, {} articles, load+parse {:.2?}, extract {:.2?}, {officials} officials, {mentions} mentions",
        size as f64 / 1048576.0,
        corpus.articles.len(),
        load,
        extract
    );
    let _ = std::fs::remove_dir_all(&dir);
}
