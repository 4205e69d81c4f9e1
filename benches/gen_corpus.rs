//! A deterministic synthetic corpus for benchmarks: articles in the style of
//! the seeds (titles, date headers, datelines, officials with posts and
//! regions from the gazetteers, figures, boilerplate tails), one `.txt` file
//! each, 1 000 files per sub-folder.
//!
//! ```text
//! cargo run --release --example gen_corpus -- OUT_DIR [COUNT] [SEED]
//! ```
//! COUNT defaults to 10 000, SEED to 1. The same COUNT and SEED always give
//! byte-identical files. Write into /tmp, never into the repository.

#[path = "synthetic.rs"]
mod synthetic;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first().map(PathBuf::from) else {
        eprintln!("usage: gen_corpus OUT_DIR [COUNT] [SEED]");
        std::process::exit(2);
    };
    let count: usize = args.get(1).and_then(|c| c.parse().ok()).unwrap_or(10_000);
    let seed: u64 = args.get(2).and_then(|c| c.parse().ok()).unwrap_or(1);
    let mut bytes = 0usize;
    for (i, text) in synthetic::articles(count, seed).enumerate() {
        let dir = out.join(format!("{:04}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&dir)?;
        }
        bytes += text.len();
        std::fs::write(dir.join(format!("{i:07}.txt")), text)?;
    }
    eprintln!(
        "wrote {count} articles, {bytes} bytes, to {}",
        out.display()
    );
    Ok(())
}
