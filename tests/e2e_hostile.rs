//! Terminal safety end to end: a hostile article (screen clears, an OSC 52
//! clipboard write, OSC 8 links, SGR, BEL, backspace, CR, C1 controls, bidi
//! overrides, zero-width characters) and a hostile file name, opened in the
//! real binary in a pty. The raw byte stream may hold only warta's own
//! drawing; the reader shows placeholders where something was removed.

mod common;
mod pty;

use pty::Session;
use std::path::{Path, PathBuf};

/// The hostile article, kept as a file so it can be opened by hand in tmux.
fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let article = common::repo().join("tests/fixtures/hostile_article.txt");
    std::fs::copy(&article, dir.path().join("hostile_article.txt")).unwrap();
    // A file name is text from strangers too.
    let evil_name = dir.path().join("nama\x1b]0;PWNED\x07\u{202e}.txt");
    std::fs::write(
        evil_name,
        "Camat Hadiri Rapat Desa\n\nCIBINONG – Camat hadir.\n",
    )
    .unwrap();
    dir
}

/// Why a byte sequence in warta's output is not its own drawing, if it is not.
fn audit(raw: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(raw);
    let chars: Vec<char> = text.chars().collect();
    let context = |i: usize| -> String {
        let from = i.saturating_sub(40);
        format!(
            "{:?}",
            chars[from..(i + 20).min(chars.len())]
                .iter()
                .collect::<String>()
        )
    };
    let mut i = 0;
    let mut drawn = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\u{1b}' {
            let Some(&next) = chars.get(i + 1) else {
                return Err("a lone ESC at the end".into());
            };
            if next != '[' {
                return Err(format!("ESC {next:?} is not drawing: {}", context(i)));
            }
            let mut j = i + 2;
            while chars
                .get(j)
                .is_some_and(|c| ('\u{20}'..='\u{3f}').contains(c))
            {
                j += 1;
            }
            let Some(&last) = chars.get(j) else {
                return Err(format!("an unterminated CSI: {}", context(i)));
            };
            let params: String = chars[i + 2..j].iter().collect();
            let allowed = match last {
                // Cursor moves and position, SGR, erase in line.
                'A' | 'B' | 'C' | 'D' | 'G' | 'H' | 'm' | 'K' => true,
                // Private modes: cursor, alternate screen, mouse, paste, focus.
                'h' | 'l' => params.starts_with('?'),
                // Crossterm clears once while entering; never after drawing began.
                'J' => !drawn && params == "2",
                _ => false,
            };
            if !allowed {
                return Err(format!("CSI {params}{last} is not drawing: {}", context(i)));
            }
            drawn |= last == 'm' || last == 'H';
            i = j + 1;
            continue;
        }
        let line_end = matches!(c, '\r' | '\n');
        if !line_end && (c < ' ' || warta::corpus::sanitize::is_forbidden(c)) {
            return Err(format!(
                "control {c:?} reached the terminal: {}",
                context(i)
            ));
        }
        i += 1;
    }
    Ok(())
}

#[test]
fn the_auditor_rejects_what_it_should() {
    for bad in [
        "\x1b]52;c;aGk=\x07",
        "\x1b]8;;http://x\x1b\\",
        "\x1bPq\x1b\\",
        "\x1b_x\x1b\\",
        "x\x1b[m\x1b[2J",
        "\x1b[3J",
        "\x07",
        "\x08",
        "\u{9b}31m",
        "\u{202e}",
        "\u{200d}",
    ] {
        assert!(audit(bad.as_bytes()).is_err(), "{bad:?} passed");
    }
    assert!(audit(b"\x1b[?1049h\x1b[2J\x1b[1;1H\x1b[38;5;4mok\x1b[0m\x1b[K\r\n").is_ok());
}

fn open_reader_on(dir: &Path) -> Session {
    let mut s = Session::start(&[dir.to_str().unwrap()], 120, 40);
    s.wait_for("the two articles", |s| s.screen().contains("Articles 2/2"));
    s
}

#[test]
fn hostile_article_in_a_real_terminal_draws_only_warta() {
    let dir = hostile_folder();
    let mut s = open_reader_on(dir.path());
    // Both articles, each read in full: scroll the reader to its end.
    for _ in 0..2 {
        s.send("2GG1j");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    s.send("k");
    let placeholders = [
        "␛tautan ini␛",
        "merah␛",
        "bel�",
        "mundur��",
        "�gnirts�",
        "acara.␛",
    ];
    // Wait for the whole frame: the pty may hand over a frame in pieces.
    s.wait_for("the hostile article in the reader", |s| {
        let screen = s.screen();
        screen.contains("Wali Kota Hapus Layar␛ Lewat Berita")
            && placeholders.iter().all(|p| screen.contains(p))
    });
    let screen = s.screen();
    for shown in placeholders {
        assert!(screen.contains(shown), "{shown:?} not on screen:\n{screen}");
    }
    s.send("j");
    s.wait_for("the file with the hostile name", |s| {
        s.screen().contains("nama�]0;PWNED��.txt")
    });
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    let screen = s.parser.screen();
    assert_eq!(screen.title(), "", "the window title was not set");
    assert_eq!(screen.audible_bell_count(), 0, "no bell rang");
    if let Err(why) = audit(&s.raw) {
        panic!("{why}");
    }
}

fn run(args: &[&str]) -> (String, String) {
    let out = common::warta(args);
    assert!(out.status.success(), "{args:?}: {}", common::stderr(&out));
    (common::stdout(&out), common::stderr(&out))
}

fn assert_no_controls(what: &str, text: &str) {
    if let Some(c) = text
        .chars()
        .find(|&c| c != '\n' && (c.is_control() || warta::corpus::sanitize::is_forbidden(c)))
    {
        panic!("{what}: {c:?} in output:\n{text}");
    }
}

#[test]
fn every_cli_output_on_hostile_input_is_free_of_controls() {
    let dir = hostile_folder();
    let d = dir.path().to_str().unwrap();
    let mut ids: Vec<String> = Vec::new();
    for json in [false, true] {
        let j: &[&str] = if json { &["--json"] } else { &[] };
        let (out, err) = run(&[&["list", d], j].concat());
        assert_no_controls("list", &out);
        assert_no_controls("list stderr", &err);
        if json {
            let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
            ids = rows
                .iter()
                .map(|r| r["id"].as_str().unwrap().to_string())
                .collect();
            let path = PathBuf::from(rows[1]["path"].as_str().unwrap());
            assert!(path.exists(), "JSON keeps the real path, escaped: {path:?}");
        } else {
            assert!(out.contains("Wali Kota Hapus Layar␛ Lewat Berita"), "{out}");
            assert!(out.contains("nama�]0;PWNED��"), "{out}");
        }
        for id in &ids {
            let (out, _) = run(&[&["show", id, d], j].concat());
            assert_no_controls("show", &out);
        }
        let (out, _) = run(&[&["entities", d], j].concat());
        assert_no_controls("entities", &out);
        let (out, _) = run(&[&["find", "wismansyah", d], j].concat());
        assert_no_controls("find", &out);
        assert!(out.contains("Wismansyah"), "{out}");
    }
    let (out, _) = run(&["show", "hostile_article", d]);
    assert!(out.contains("Klik ␛tautan ini␛ sekarang."), "{out}");
}

#[test]
fn a_one_by_one_terminal_draws_and_quits() {
    let dir = hostile_folder();
    let mut s = Session::start(&[dir.path().to_str().unwrap()], 1, 1);
    s.wait_for("the alternate screen", |s| {
        s.parser.screen().alternate_screen()
    });
    s.send("jjGk?");
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.send("\x1b"); // alone: ESC then q in one read would be Alt-q
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    if let Err(why) = audit(&s.raw) {
        panic!("{why}");
    }
}
