//! A first open hints the files to the kernel ahead of the reads and holds
//! some of them open for the loader: under a low limit on open files
//! (`ulimit -n`, a soft 1 024 on many desktops) every file must still load.

use std::fs;
use std::process::Command;

/// Lists `n` generated articles with `warta list` after `ulimit` in `sh`.
fn list_under(ulimit: &str, n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    for i in 0..n {
        let text = format!(
            "Bupati Sleman Resmikan Pasar {i}\n\nSLEMAN – Bupati meresmikan pasar ke-{i}.\n"
        );
        fs::write(dir.path().join(format!("{i:05}.txt")), text).unwrap();
    }
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(r#"{ulimit} && exec "$0" list "$1" --no-state"#))
        .arg(env!("CARGO_BIN_EXE_warta"))
        .arg(dir.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let first: Vec<&str> = stderr.lines().take(3).collect();
    assert!(stderr.is_empty(), "no file may fail to open: {first:?} …");
    let listed = String::from_utf8_lossy(&out.stdout);
    assert_eq!(listed.lines().count(), n);
    assert!(listed.contains(&format!("Bupati Sleman Resmikan Pasar {}", n - 1)));
}

// More than one batch of 2 048 files (the hints run only past one) and far
// more than the 64 the limit allows open.

#[test]
fn a_folder_of_more_files_than_a_hard_open_file_limit_loads_every_file() {
    list_under("ulimit -n 64", 6_000);
}

#[test]
fn a_low_soft_open_file_limit_is_raised_and_every_file_loads() {
    list_under("ulimit -S -n 64", 6_000);
}
