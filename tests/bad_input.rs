//! A folder of hostile files: the good ones load, each bad one is reported on
//! stderr, and the run succeeds.

mod common;

use std::fs;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs warta with a hard deadline, so a blocking read (a FIFO) fails the test
/// instead of hanging it.
fn run_with_deadline(args: &[&str], deadline: Duration) -> (i32, String, String) {
    let home = std::env::temp_dir().join(format!("warta-bad-input-home-{}", std::process::id()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let out = child.wait_with_output().unwrap();
            return (
                status.code().unwrap_or(-1),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            );
        }
        if start.elapsed() > deadline {
            child.kill().unwrap();
            panic!("warta did not finish within {deadline:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn hostile_folder_loads_good_files_and_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("a_good.txt"),
        "Bupati Sleman Resmikan Pasar\n\nSLEMAN – Bupati meresmikan pasar.\n",
    )
    .unwrap();
    fs::write(
        d.join("b_cp1252.txt"),
        b"Camat Hadiri Rapat Desa\n\n\x93Kami siap,\x94 kata Camat di caf\xe9.\n",
    )
    .unwrap();
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    fs::write(d.join("c_random.txt"), &noise).unwrap();
    fs::write(d.join("d_empty.txt"), b"").unwrap();
    let fifo = d.join("e_pipe.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink(d.join("f_loop2.txt"), d.join("f_loop1.txt")).unwrap();
    std::os::unix::fs::symlink(d.join("f_loop1.txt"), d.join("f_loop2.txt")).unwrap();
    let mut big = fs::File::create(d.join("g_big.txt")).unwrap();
    let line = "Kepala Dinas menyampaikan laporan panjang sekali. ".repeat(20) + "\n";
    while big.metadata().unwrap().len() < 25 * 1024 * 1024 {
        big.write_all(line.as_bytes()).unwrap();
    }
    drop(big);
    fs::create_dir(d.join("h_sub")).unwrap();
    std::os::unix::fs::symlink(d, d.join("h_sub/back_to_root")).unwrap();

    let (code, out, err) = run_with_deadline(
        &["list", "--json", d.to_str().unwrap()],
        Duration::from_secs(20),
    );
    assert_eq!(code, 0, "stderr: {err}");
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a_good", "b_cp1252"]);
    assert_eq!(rows[1]["redecoded"], true);
    assert_eq!(rows[1]["title"], "Camat Hadiri Rapat Desa");

    let expect = [
        ("c_random.txt", "binary file"),
        ("d_empty.txt", "empty file"),
        ("e_pipe.txt", "not a regular file (FIFO)"),
        ("f_loop1.txt", "symlink"),
        ("f_loop2.txt", "symlink"),
        ("g_big.txt", "over the size cap"),
        ("back_to_root", "symlink loop"),
    ];
    for (file, reason) in expect {
        assert!(
            err.lines()
                .any(|l| l.starts_with("warta: ") && l.contains(file) && l.contains(reason)),
            "no stderr line for {file} with {reason:?}:\n{err}"
        );
    }
    assert_eq!(err.lines().count(), expect.len(), "{err}");
}

#[test]
fn show_of_the_cp1252_article_is_clean_utf8() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("x.txt"),
        b"Judul Berita Berbahasa\n\n\x93Kami siap,\x94 kata Lurah.\n",
    )
    .unwrap();
    let (code, out, _) = run_with_deadline(
        &["show", "x", dir.path().to_str().unwrap()],
        Duration::from_secs(10),
    );
    assert_eq!(code, 0);
    assert!(out.contains("“Kami siap,” kata Lurah."));
}

#[test]
fn size_cap_is_configurable() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "Judul Berita Panjang\n\n{}\n",
        "Isi berita. ".repeat(200_000)
    );
    fs::write(dir.path().join("x.txt"), text).unwrap();
    let (code, out, err) = run_with_deadline(
        &["list", "--max-file-size", "1", dir.path().to_str().unwrap()],
        Duration::from_secs(10),
    );
    assert_eq!(code, 0);
    assert!(out.is_empty());
    assert!(err.contains("over the size cap of 1.0 MiB"), "{err}");
    let (_, out, _) = run_with_deadline(
        &["list", "--max-file-size", "4", dir.path().to_str().unwrap()],
        Duration::from_secs(10),
    );
    assert!(out.contains("Judul Berita Panjang"));
}

#[test]
fn missing_path_is_reported_not_fatal() {
    let (code, _, err) = run_with_deadline(&["list", "/no/such/place"], Duration::from_secs(10));
    assert_eq!(code, 0);
    assert!(err.contains("/no/such/place: no such file or folder"));
}

#[test]
fn jsonl_with_broken_lines() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("n.jsonl"),
        "{\"title\":\"Satu\",\"text\":\"Isi satu.\"}\nnot json\n{\"title\":\"Dua\",\"content\":\"Isi dua.\"}\n",
    )
    .unwrap();
    let (code, out, err) = run_with_deadline(
        &["list", "--json", dir.path().to_str().unwrap()],
        Duration::from_secs(10),
    );
    assert_eq!(code, 0);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["id"], "n.jsonl:3");
    assert!(err.contains("n.jsonl:2: not a JSON object"), "{err}");
}

#[test]
fn device_files_are_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).unwrap();
    let (code, out, err) = run_with_deadline(
        &[
            "list",
            "/dev/null",
            "/dev/zero",
            dir.path().to_str().unwrap(),
        ],
        Duration::from_secs(10),
    );
    assert_eq!(code, 0);
    assert!(out.is_empty(), "{out}");
    for name in ["/dev/null", "/dev/zero", "zero.txt"] {
        assert!(
            err.lines()
                .any(|l| l.contains(name) && l.contains("not a regular file (device)")),
            "{name}: {err}"
        );
    }
}

#[test]
fn the_largest_size_cap_does_not_overflow() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("x.txt"), "Judul Berita Biasa\n\nIsi.\n").unwrap();
    let (code, out, err) = run_with_deadline(
        &[
            "list",
            "--max-file-size",
            &u64::MAX.to_string(),
            dir.path().to_str().unwrap(),
        ],
        Duration::from_secs(10),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Judul Berita Biasa"), "{out}{err}");
}

#[test]
fn unreadable_folder_is_reported() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0) {
        println!("note: running as root, who reads any folder; permission test skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("a.txt"), "Judul Berita Terkunci\n\nIsi.\n").unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let (code, _, err) = run_with_deadline(
        &["list", dir.path().to_str().unwrap()],
        Duration::from_secs(10),
    );
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, 0);
    assert!(err.contains("locked: permission denied"), "{err}");
}

#[test]
fn files_deleted_or_truncated_while_loading() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Judul Berita Berubah\n\nBupati Sleman hadir. ".repeat(50);
    let files: Vec<_> = (0..400)
        .map(|i| dir.path().join(format!("f{i:04}.txt")))
        .collect();
    for f in &files {
        fs::write(f, &body).unwrap();
    }
    let vandal = {
        let files = files.clone();
        std::thread::spawn(move || {
            for (i, f) in files.iter().enumerate().rev() {
                if i % 2 == 0 {
                    let _ = fs::remove_file(f);
                } else {
                    let _ = fs::OpenOptions::new().write(true).truncate(true).open(f);
                }
            }
        })
    };
    let corpus = warta::corpus::load_paths(
        &[dir.path().to_path_buf()],
        &warta::corpus::LoadOptions::default(),
    );
    vandal.join().unwrap();
    // Every file became an article or a problem, whatever the timing.
    let accounted = corpus.articles.len() + corpus.problems.len();
    assert!(accounted <= files.len() && accounted > 0, "{accounted}");
    for p in &corpus.problems {
        assert!(
            p.reason.contains("no such file") || p.reason.contains("empty file"),
            "{p}"
        );
    }
}

#[test]
fn warta_list_into_head_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (0..5000)
        .map(|i| format!("{{\"title\":\"Judul Berita {i}\",\"text\":\"Isi berita.\"}}\n"))
        .collect();
    fs::write(dir.path().join("many.jsonl"), lines).unwrap();
    let script = format!(
        "set -o pipefail; '{}' list '{}' | head -1",
        env!("CARGO_BIN_EXE_warta"),
        dir.path().display()
    );
    let out = Command::new("bash").args(["-c", &script]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// One 100 MiB line with the cap raised loads in bounded time (run by hand:
/// `cargo test --release --test bad_input -- --ignored`; numbers in the README, "Bad input").
#[test]
#[ignore]
fn one_line_of_100_mib() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = fs::File::create(dir.path().join("big.txt")).unwrap();
    f.write_all(b"Judul Berita Satu Baris\n\n").unwrap();
    let words = "Kepala Dinas Kota Tangerang menyampaikan laporan kepada Wali Kota. ".repeat(1000);
    while f.metadata().unwrap().len() < 100 << 20 {
        f.write_all(words.as_bytes()).unwrap();
    }
    drop(f);
    let (code, out, err) = run_with_deadline(
        &[
            "list",
            "--max-file-size",
            "200",
            dir.path().to_str().unwrap(),
        ],
        Duration::from_secs(300),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Judul Berita Satu Baris"), "{out}");
}
