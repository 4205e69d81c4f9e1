//! The binary with XDG config and data dirs in temp folders: `list --json`
//! reports marks from a state file, broken files are moved aside with exit
//! status 0, `--print-config` parses back, wrong settings exit 2.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use warta::store::paths::{corpus_identity, state_file};

struct Home(tempfile::TempDir);

impl Home {
    fn new() -> Home {
        Home(tempfile::tempdir().unwrap())
    }

    fn config(&self) -> PathBuf {
        self.0.path().join("config")
    }

    fn data(&self) -> PathBuf {
        self.0.path().join("data")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_warta"))
            .args(args)
            .current_dir(self.0.path())
            .env("XDG_CONFIG_HOME", self.config())
            .env("XDG_DATA_HOME", self.data())
            .env("XDG_CACHE_HOME", self.0.path().join("cache"))
            .env_remove("NO_COLOR")
            .output()
            .expect("run warta")
    }

    /// The state file of the bundled seeds.
    fn seeds_state(&self) -> PathBuf {
        state_file(&self.data().join("warta"), &corpus_identity(&[]))
    }
}

fn listed(out: &Output) -> Vec<Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn marks(rows: &[Value], id: &str) -> (bool, bool) {
    let row = rows.iter().find(|r| r["id"] == id).expect("article");
    (
        row["bookmarked"].as_bool().unwrap(),
        row["read"].as_bool().unwrap(),
    )
}

fn bad_copies(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect()
}

#[test]
fn list_json_reports_marks_from_the_state_file() {
    let home = Home::new();
    let path = home.seeds_state();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let state = json!({
        "version": 1,
        "articles": {
            "000_bbc4bc9959b0c5c3": {"hash": "?", "bookmarked": true, "read": false, "updated": 1},
            "001_ad00abfcf8fba43d": {"hash": "?", "bookmarked": false, "read": true, "updated": 1}
        }
    });
    std::fs::write(&path, state.to_string()).unwrap();
    let rows = listed(&home.run(&["list", "--json"]));
    assert_eq!(marks(&rows, "000_bbc4bc9959b0c5c3"), (true, false));
    assert_eq!(marks(&rows, "001_ad00abfcf8fba43d"), (false, true));
    assert_eq!(marks(&rows, "002_68eda884bb9a4a5d"), (false, false));
    // --no-state neither reads nor writes
    let rows = listed(&home.run(&["list", "--json", "--no-state"]));
    assert_eq!(marks(&rows, "000_bbc4bc9959b0c5c3"), (false, false));
    // listing never rewrites the state
    assert_eq!(std::fs::read_to_string(&path).unwrap(), state.to_string());
}

#[test]
fn a_broken_state_file_is_moved_aside_and_the_run_succeeds() {
    let home = Home::new();
    let path = home.seeds_state();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "{\"version\": 1, \"articles\": {\"000_bbc").unwrap();
    let out = home.run(&["list", "--json"]);
    let rows = listed(&out);
    assert_eq!(marks(&rows, "000_bbc4bc9959b0c5c3"), (false, false));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("could not be read") && stderr.contains(".bad-"),
        "{stderr}"
    );
    let copies = bad_copies(path.parent().unwrap(), "state.json.bad-");
    assert_eq!(copies.len(), 1);
    assert!(std::fs::read_to_string(&copies[0])
        .unwrap()
        .starts_with("{\"version\": 1"));
}

#[test]
fn print_config_parses_back_and_is_accepted_by_the_binary() {
    let home = Home::new();
    let out = home.run(&["--print-config"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(warta::store::config::parse(&text).is_ok());
    let dir = home.config().join("warta");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), &text).unwrap();
    let out = home.run(&["list"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn config_settings_reach_the_commands() {
    let home = Home::new();
    let corpus = home.0.path().join("berita");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("satu.txt"), "Judul Satu\n\nIsi berita satu.\n").unwrap();
    std::fs::write(
        corpus.join("besar.txt"),
        format!("Judul Besar\n\n{}\n", "kata ".repeat(300_000)),
    )
    .unwrap();
    let config = home.0.path().join("mine.toml");
    std::fs::write(
        &config,
        format!(
            "paths = [{:?}]\nmax_file_size = 1\nlang = \"id\"\ntheme = \"light\"\n",
            corpus.display().to_string()
        ),
    )
    .unwrap();
    let out = home.run(&["--config", config.to_str().unwrap(), "list", "--json"]);
    let rows = listed(&out);
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["satu"], "default paths used, the large file skipped");
    // a relative path is relative to the config file's folder
    std::fs::create_dir_all(home.0.path().join("conf")).unwrap();
    let relative = home.0.path().join("conf/relative.toml");
    std::fs::write(&relative, "paths = [\"../berita\"]\n").unwrap();
    let out = home.run(&["list", "--json", "--config", relative.to_str().unwrap()]);
    assert_eq!(listed(&out).len(), 2);
    // the command line overrides the size cap
    let out = home.run(&[
        "list",
        "--json",
        "--max-file-size",
        "4",
        "--config",
        config.to_str().unwrap(),
    ]);
    assert_eq!(listed(&out).len(), 2);
    // --lang takes en or id only
    assert_eq!(home.run(&["--lang", "fr", "list"]).status.code(), Some(2));
    assert!(home.run(&["--lang", "id", "list"]).status.success());
}

#[test]
fn wrong_settings_exit_2_naming_the_line_and_non_toml_is_moved_aside() {
    let home = Home::new();
    let dir = home.config().join("warta");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    std::fs::write(&path, "theme = \"dark\"\n[keys]\nbokmark = \"b\"\n").unwrap();
    let out = home.run(&["list"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 3") && stderr.contains("unknown action `bokmark`"),
        "{stderr}"
    );
    std::fs::write(&path, "theme = = \"dark\"").unwrap();
    let out = home.run(&["list"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("config.toml.bad-"));
    assert_eq!(bad_copies(&dir, "config.toml.bad-").len(), 1);
    assert!(!path.exists());
    // --config naming a missing file
    assert_eq!(
        home.run(&["--config", "/nonexistent/warta.toml", "list"])
            .status
            .code(),
        Some(2)
    );
}

/// A folder `berita` in the home with one article, `a.txt`: a Bupati of
/// Tangerang opening a market.
fn pasar_corpus(home: &Home) -> PathBuf {
    let corpus = home.0.path().join("berita");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Bupati Resmikan Pasar\n\nBupati Tangerang, Ahmed Zaki Iskandar, meresmikan Pasar Cisoka.\n",
    )
    .unwrap();
    corpus
}

/// The entity cache of a corpus folder, as the binary places it.
fn entity_cache_of(home: &Home, corpus: &Path) -> PathBuf {
    warta::store::paths::corpus_dir(
        &home.0.path().join("cache").join("warta"),
        &corpus_identity(&[corpus.to_path_buf()]),
    )
    .join("entities.bin")
}

#[test]
fn the_entity_cache_serves_a_second_run_and_never_a_stale_article() {
    let home = Home::new();
    let corpus = pasar_corpus(&home);
    std::fs::write(
        corpus.join("b.txt"),
        "Camat Hadiri Musrenbang\n\nCamat Cisoka, Budi Santoso, menghadiri musrenbang di Desa Sukamaju.\n",
    )
    .unwrap();
    let dir = corpus.to_str().unwrap();
    let entities = |extra: &[&str]| {
        let mut args = vec!["entities", "--json", dir];
        args.extend_from_slice(extra);
        let out = home.run(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let cache = entity_cache_of(&home, &corpus);

    // --no-state writes no cache.
    let fresh = entities(&["--no-state"]);
    assert!(fresh.contains("Ahmed Zaki Iskandar"), "{fresh}");
    assert!(!cache.exists());

    // The first run writes it; the second reads it and leaves it as it was.
    assert_eq!(entities(&[]), fresh);
    let written = std::fs::read(&cache).expect("cache written");
    assert_eq!(entities(&[]), fresh);
    assert_eq!(std::fs::read(&cache).unwrap(), written);
    let bench = home.run(&["bench", "--json", "--query", "a", dir]);
    let report: Value = serde_json::from_slice(&bench.stdout).expect("bench json");
    assert_eq!(report["extract_cached"], 2);

    // An edited article is extracted again.
    std::fs::write(
        corpus.join("a.txt"),
        "Bupati Resmikan Pasar\n\nBupati Tangerang, Maesyal Rasyid, meresmikan Pasar Cisoka.\n",
    )
    .unwrap();
    let edited = entities(&[]);
    assert!(edited.contains("Maesyal Rasyid"), "{edited}");
    assert!(!edited.contains("Ahmed Zaki Iskandar"), "{edited}");
    assert_eq!(edited, entities(&["--no-state"]));

    // A damaged cache is rebuilt without a word.
    std::fs::write(&cache, b"WARTAENT and then nonsense").unwrap();
    assert_eq!(entities(&[]), edited);
    assert_ne!(
        std::fs::read(&cache).unwrap(),
        b"WARTAENT and then nonsense"
    );
    // The snapshot the first bench wrote still holds the unchanged `b.txt`
    // with its entities; the edited `a.txt` comes from the cache.
    let bench = home.run(&["bench", "--json", "--query", "a", dir]);
    let report: Value = serde_json::from_slice(&bench.stdout).expect("bench json");
    assert_eq!(
        (&report["reused"], &report["extract_cached"]),
        (&json!(1), &json!(1))
    );
}

#[test]
fn library_snapshot_false_keeps_no_snapshot() {
    let home = Home::new();
    let corpus = pasar_corpus(&home);
    let config = home.0.path().join("warta.toml");
    std::fs::write(&config, "library_snapshot = false\n").unwrap();
    let snapshot = entity_cache_of(&home, &corpus).with_file_name("library.bin");
    let bench = |extra: &[&str]| -> Value {
        let mut args = vec!["bench", "--json", "--query", "zaki"];
        args.extend_from_slice(extra);
        args.push(corpus.to_str().unwrap());
        let out = home.run(&args);
        assert!(out.status.success(), "{out:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    for _ in 0..2 {
        let v = bench(&["--config", config.to_str().unwrap()]);
        assert_eq!(v["loaded_from"], "files");
        assert!(v["snapshot_bytes"].is_null());
        assert!(!snapshot.exists());
    }
    // on by default: written by the first run, read by the second
    assert_eq!(bench(&[])["loaded_from"], "files");
    assert!(snapshot.exists());
    assert_eq!(bench(&[])["loaded_from"], "snapshot");
}

#[test]
fn headless_commands_read_a_current_snapshot_and_never_a_stale_one() {
    let home = Home::new();
    let corpus = pasar_corpus(&home);
    std::fs::write(corpus.join("b.bin"), [0u8, 1, 2]).unwrap();
    let dir = corpus.to_str().unwrap();
    let run = |args: &[&str]| -> String {
        let out = home.run(args);
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap() + "\n--\n" + &String::from_utf8(out.stderr).unwrap()
    };
    let cache = entity_cache_of(&home, &corpus);
    run(&["bench", "--query", "zaki", dir]);
    assert!(cache.with_file_name("library.bin").exists());
    // Served from the snapshot: nothing is extracted, so the entity cache
    // removed here is not written again; the output (and the problem
    // reported on stderr) is what the files give.
    std::fs::remove_file(&cache).unwrap();
    for command in ["entities", "list", "find"] {
        let mut args = vec![command, "--json", dir];
        if command == "find" {
            args.insert(1, "zaki");
        }
        let stored = run(&args);
        args.push("--no-state");
        assert_eq!(stored, run(&args), "{command}");
        assert!(stored.contains("b.bin"), "{stored}");
    }
    assert!(!cache.exists(), "the snapshot served them");
    // a new article: the snapshot is stale, the files are read
    std::fs::write(
        corpus.join("c.txt"),
        "Camat Hadiri Musrenbang\n\nCamat Cisoka, Budi Santoso, menghadiri musrenbang.\n",
    )
    .unwrap();
    let listed = run(&["list", "--json", dir]);
    assert!(listed.contains("Camat Hadiri Musrenbang"), "{listed}");
    assert!(run(&["entities", "--json", dir]).contains("Budi Santoso"));
    assert!(cache.exists(), "extracted through the entity cache");
}

#[test]
fn a_changed_folder_takes_its_unchanged_files_from_the_last_snapshot() {
    let home = Home::new();
    let corpus = pasar_corpus(&home);
    let write = |name: &str, title: &str, who: &str| {
        let text =
            format!("{title}\n\nCamat Cisoka, {who}, menghadiri musrenbang di Desa Sukamaju.\n");
        std::fs::write(corpus.join(name), text).unwrap();
    };
    write("b.txt", "Camat Hadiri Musrenbang", "Budi Santoso");
    write("c.txt", "Camat Tinjau Jalan", "Dedi Supriadi");
    let dir = corpus.to_str().unwrap();
    let bench = || -> Value {
        let out = home.run(&["bench", "--json", "--query", "a", dir]);
        assert!(out.status.success(), "{out:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let first = bench();
    assert_eq!(first["loaded_from"], "files");
    assert_eq!(first["reused"], 0);
    assert!(first["reuse_read_ms"].is_null(), "no snapshot yet");

    // one edited (another size), one added: the other two are taken
    std::fs::write(
        corpus.join("a.txt"),
        "Bupati Resmikan Pasar\n\nBupati Tangerang, Maesyal Rasyid, meresmikan Pasar Cisoka Baru.\n",
    )
    .unwrap();
    write("d.txt", "Lurah Buka Posyandu", "Siti Aminah");
    let second = bench();
    assert_eq!(second["loaded_from"], "files");
    assert_eq!(second["articles"], 4);
    assert_eq!(second["reused"], 2);
    assert!(second["reuse_read_ms"].is_number());

    // The snapshot that load wrote is what the files give.
    let run = |args: &[&str]| {
        let out = home.run(args);
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    for command in ["entities", "list"] {
        let stored = run(&[command, "--json", dir]);
        assert_eq!(
            stored,
            run(&[command, "--json", dir, "--no-state"]),
            "{command}"
        );
        assert!(
            stored.contains("Siti Aminah") || command == "list",
            "{stored}"
        );
        assert!(!stored.contains("Ahmed Zaki"), "{stored}");
    }
    assert_eq!(bench()["loaded_from"], "snapshot");

    // Three of four files edited: too few left to be worth reading the
    // snapshot's articles, so they are not read.
    for name in ["a.txt", "b.txt", "c.txt"] {
        let text = std::fs::read_to_string(corpus.join(name)).unwrap();
        std::fs::write(corpus.join(name), text + "Tambahan.\n").unwrap();
    }
    let most = bench();
    assert_eq!(most["loaded_from"], "files");
    assert_eq!(
        (&most["reused"], &most["reuse_read_ms"]),
        (&json!(0), &Value::Null)
    );
    assert_eq!(
        run(&["entities", "--json", dir]),
        run(&["entities", "--json", dir, "--no-state"])
    );
}
