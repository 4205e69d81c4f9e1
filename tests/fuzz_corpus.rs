//! Inputs the fuzzer (`fuzz/fuzz.rs`) found interesting: crashes once
//! fixed, slow inputs, and inputs with new behaviour. Each must load, parse
//! and extract with the invariants of `tests/fuzz_check` and in bounded time.

mod common;
mod fuzz_check;

use std::time::{Duration, Instant};

#[test]
fn every_kept_fuzz_input_passes() {
    let dir = common::repo().join("tests/fuzz_corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let t = Instant::now();
        fuzz_check::run(&name, &bytes);
        // Debug builds are slow; this catches a return of quadratic passes.
        let budget = Duration::from_secs(2) + Duration::from_micros(bytes.len() as u64 * 100);
        assert!(
            t.elapsed() < budget,
            "{name}: {:?} for {} bytes",
            t.elapsed(),
            bytes.len()
        );
    }
}
