//! Shared helpers for the integration tests.
#![allow(dead_code)]

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

/// The gold annotation of the seeds (a copy of ../shared/gold/seeds.json).
pub fn gold() -> Value {
    let text = std::fs::read_to_string(repo().join("tests/gold/seeds.json")).expect("gold file");
    serde_json::from_str(&text).expect("gold json")
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A config and data home for the binary under test, never the real one.
pub fn test_home() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("warta-test-home-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("test home");
    dir
}

/// Runs the real binary with arguments, from a neutral working directory,
/// with XDG config and data dirs in a temp folder.
pub fn warta(args: &[&str]) -> Output {
    let home = test_home();
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .output()
        .expect("run warta")
}

/// Stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

/// Stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}
