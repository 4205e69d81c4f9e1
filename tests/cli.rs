//! The real binary: list, show, exit codes, closed pipes.

mod common;

use common::{gold, stderr, stdout, warta};
use serde_json::Value;
use std::io::Read;
use std::process::{Command, Stdio};

#[test]
fn list_without_paths_lists_the_embedded_seeds_from_any_directory() {
    let out = warta(&["list"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 5);
    assert!(text
        .lines()
        .next()
        .unwrap()
        .starts_with("000_bbc4bc9959b0c5c3  2023-10-17  BantenHits.com  Para Pejabat"));
    assert!(text.contains("004_77a1ede7394869c8  --08-07"));
}

#[test]
fn list_json_has_the_documented_fields_and_agrees_with_gold() {
    let out = warta(&["list", "--json"]);
    assert!(out.status.success());
    let rows: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap();
    let gold = gold();
    for (row, g) in rows.iter().zip(gold["articles"].as_array().unwrap()) {
        for key in [
            "id",
            "path",
            "title",
            "title_source",
            "date",
            "site",
            "author",
            "dateline",
            "words",
        ] {
            assert!(row.get(key).is_some(), "missing {key}");
        }
        assert_eq!(
            row["id"].as_str().unwrap(),
            g["file"].as_str().unwrap().trim_end_matches(".txt")
        );
        if let Some(t) = g["title"].as_str() {
            assert_eq!(row["title"], t);
            assert_ne!(row["title_source"], "lead");
        } else {
            assert_eq!(row["title_source"], "lead");
        }
        if let Some(d) = g["date"].as_str() {
            assert_eq!(row["date"], d);
        }
        assert!(row["words"].as_u64().unwrap() > 100);
    }
    assert_eq!(rows[3]["title_source"], "footer");
    assert_eq!(rows[0]["title_source"], "header");
}

#[test]
fn show_json_adds_body_and_raw() {
    let out = warta(&["show", "002_68eda884bb9a4a5d", "--json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let body = v["body"].as_str().unwrap();
    assert!(body.starts_with("Percepatan pembangunan sarana dan prasarana"));
    assert!(body.ends_with("sesuai dengan ketentuan yang berlaku,\" tukas Sekda."));
    assert!(body.contains("\n\n"), "paragraphs joined with blank lines");
    assert!(v["raw"]
        .as_str()
        .unwrap()
        .contains("Pastikan Google Captcha"));
    assert_eq!(v["date"], "2019-04-29");
}

#[test]
fn show_plain_prints_title_meta_and_body() {
    let out = warta(&["show", "003_8ea2b539bd739b9e"]);
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("Dikunjungi Para Camat Provinsi Jambi, Kecamatan Serpong Utara Jadi Percontohan")
    );
    assert_eq!(
        lines.next(),
        Some("2017-11-08 · Indolinear.com · dateline Tangsel")
    );
    assert!(!text.contains("Post a Comment"));
}

#[test]
fn unknown_id_is_a_runtime_error_with_a_hint() {
    let out = warta(&["show", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no article with id `nope`"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(warta(&["list", "--frobnicate"]).status.code(), Some(2));
    assert_eq!(warta(&["show"]).status.code(), Some(2));
}

#[test]
fn help_and_version() {
    let out = warta(&["--help"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("list"));
    let out = warta(&["--version"]);
    assert!(stdout(&out).starts_with("warta "));
}

#[test]
fn closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..2000 {
        std::fs::write(
            dir.path().join(format!("a{i:05}.txt")),
            format!("Judul Berita Nomor {i}\n\nIsi berita."),
        )
        .unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["list", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "status {status:?}, stderr {err}");
    assert!(err.is_empty(), "stderr: {err}");
}

fn first_official(query: &str) -> String {
    let out = warta(&["find", query, "--in", "officials", "--json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(v.get("articles").is_none());
    v["officials"][0]["name"]
        .as_str()
        .unwrap_or("(none)")
        .to_string()
}

#[test]
fn find_officials_ranks_the_right_person_first() {
    assert_eq!(first_official("wismansyh"), "Arief R. Wismansyah");
    assert_eq!(first_official("sekda tangsel"), "Muhamad");
    assert_eq!(first_official("kepala bpsdm jambi"), "AM Iskandar Nasution");
    assert_eq!(first_official("UNTUNG"), "Untung Saritomo");
}

#[test]
fn find_plain_lists_officials_and_articles() {
    let out = warta(&["find", "marlan"]);
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "Officials (1)\n  Marlan  —  Asisten Ekonomi dan Kesejahteraan · Kabupaten Bandung"
        ),
        "{text}"
    );
    assert!(
        text.contains("Articles (1)\n  004_77a1ede7394869c8"),
        "{text}"
    );
    let out = warta(&["find", "zzzzqqq", "--limit", "3"]);
    assert_eq!(stdout(&out), "Officials (0)\nArticles (0)\n");
}

#[test]
fn entities_json_has_the_documented_shape() {
    let out = warta(&["entities", "--json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let o = &v["officials"][0];
    for key in ["name", "aliases", "roles", "articles", "mentions"] {
        assert!(o.get(key).is_some(), "official lacks {key}");
    }
    for key in ["position", "institution", "articles"] {
        assert!(o["roles"][0].get(key).is_some(), "role lacks {key}");
    }
    assert!(v["organizations"][0].get("expansion").is_some());
    assert!(v["places"][0].get("kind").is_some());
    assert!(v["programs"][0].get("name").is_some());
    assert!(v["figures"][0].get("article").is_some());
    assert_eq!(v["officials"].as_array().unwrap().len(), 12);
}

#[test]
fn entities_kind_filters() {
    let out = warta(&["entities", "--kind", "place", "--json"]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        v.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["places"]
    );
    let out = warta(&["entities", "--kind", "official"]);
    let text = stdout(&out);
    assert!(text.starts_with("Officials (12)\n"));
    assert!(text.contains(
        "  Airin Rachmi Diany\n    Walikota · Kota Tangerang Selatan  [003_8ea2b539bd739b9e]"
    ));
    assert_eq!(
        warta(&["entities", "--kind", "nonsense"]).status.code(),
        Some(2)
    );
}

#[test]
fn show_json_carries_the_article_entities() {
    let out = warta(&["show", "003_8ea2b539bd739b9e", "--json"]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let officials = v["entities"]["officials"].as_array().unwrap();
    assert_eq!(officials.len(), 4);
    let body = v["body"].as_str().unwrap();
    let span = &officials[0]["spans"][0];
    let (s, e) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&body[s..e], "Muhamad");
}

#[test]
fn plain_output_follows_the_language() {
    let out = warta(&[
        "--lang",
        "id",
        "entities",
        "--kind",
        "official",
        "--no-state",
    ]);
    assert!(
        stdout(&out).starts_with("Pejabat (12)\n"),
        "{}",
        stdout(&out)
    );
    let out = warta(&["--lang", "id", "entities", "--kind", "place", "--no-state"]);
    let text = stdout(&out);
    assert!(text.starts_with("Tempat ("), "{text}");
    assert!(
        text.contains(" — 2 artikel\n") && text.contains(" — 1 artikel\n"),
        "{text}"
    );
    let out = warta(&["--lang", "id", "show", "000_bbc4bc9959b0c5c3", "--no-state"]);
    let text = stdout(&out);
    assert!(
        text.contains("· oleh Darussalam J. S · lokasi Tangerang"),
        "{text}"
    );
    assert!(text.contains("\nPejabat:\n  Agung Basuki"), "{text}");
    let out = warta(&["--lang", "id", "find", "untung", "--no-state"]);
    assert!(stdout(&out).contains("\nArtikel ("), "{}", stdout(&out));
    let out = warta(&["--lang", "id", "show", "nope", "--no-state"]);
    assert!(
        stderr(&out).contains("tidak ada artikel dengan id `nope`"),
        "{}",
        stderr(&out)
    );
    let out = warta(&["show", "nope", "--no-state"]);
    assert!(stderr(&out).contains("no article with id `nope`"));
}

/// The JSON commands stream their output; it stays byte for byte what
/// printing a parsed `serde_json::Value` gives (keys in name order, two-space
/// indent, a final newline), as it was when the output was built that way.
#[test]
fn json_output_is_laid_out_as_a_value_tree_prints_it() {
    let commands: [&[&str]; 6] = [
        &["list", "--json"],
        &["entities", "--json"],
        &["entities", "--kind", "official", "--json"],
        &["find", "bupati", "--json"],
        &["find", "tangerang", "--in", "articles", "--json"],
        &["show", "002_68eda884bb9a4a5d", "--json"],
    ];
    for args in commands {
        let out = warta(args);
        assert!(out.status.success(), "{args:?}");
        let text = stdout(&out);
        let v: Value = serde_json::from_str(&text).unwrap();
        let reprinted = format!("{}\n", serde_json::to_string_pretty(&v).unwrap());
        assert_eq!(text, reprinted, "{args:?}");
    }
}
