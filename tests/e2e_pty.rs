//! End to end: the real binary in a pseudo-terminal, read back through a
//! vt100 parser. Every wait has a deadline, and the child is killed on
//! failure, so a broken build fails instead of hanging CI.

mod pty;

use pty::Session;

const ROWS: u16 = 40;
const COLS: u16 = 120;

fn start() -> Session {
    Session::start(&[], COLS, ROWS)
}

/// The article list pane's rows (its left 36 columns at 120 wide).
fn list_rows(s: &Session) -> Vec<String> {
    s.rows(36)
}

const TITLES: [&str; 5] = [
    "Para Pejabat",
    "Saat Peserta",
    "Pemkot Gelar",
    "Dikunjungi Para",
    "Kementrian Sosial",
];

fn shown_titles(s: &Session) -> Vec<&'static str> {
    let rows = list_rows(s).join("\n");
    TITLES.into_iter().filter(|t| rows.contains(t)).collect()
}

#[test]
fn filter_wisman_in_a_real_terminal_then_escape_and_quit() {
    let mut s = start();
    // The list shows as soon as the articles are parsed; officials follow.
    s.wait_for("the five seeds and their officials", |s| {
        s.screen().contains("Articles 5/5")
            && shown_titles(s).len() == 5
            && s.screen().contains("Officials (")
    });
    assert!(
        s.screen().contains("Officials ("),
        "the sidebar lists officials"
    );

    s.send("/wisman");
    s.wait_for("the filter to narrow", |s| {
        s.screen().contains("Articles 1/5") && s.screen().contains("1 match")
    });
    assert_eq!(
        shown_titles(&s),
        ["Saat Peserta"],
        "only the Kota Tangerang article remains"
    );
    assert!(
        s.screen()
            .contains("Saat Peserta Diklatpim Nasional Serius"),
        "its full title in the reader"
    );

    s.send("\x1b");
    s.wait_for("all five again", |s| {
        s.screen().contains("Articles 5/5") && shown_titles(s).len() == 5
    });

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let raw = String::from_utf8_lossy(&s.raw);
    let left = raw
        .rfind("\x1b[?1049l")
        .expect("the alternate screen is left");
    assert!(raw.rfind("\x1b[?1049h").unwrap() < left);
    assert!(
        raw[left..].contains("\x1b[?25h") || raw.rfind("\x1b[?25h") > raw.rfind("\x1b[?25l"),
        "cursor shown again"
    );
}

#[test]
fn finder_opens_the_officials_article_and_help_shows() {
    let mut s = start();
    s.wait_for("the list", |s| s.screen().contains("Articles 5/5"));
    s.send("ountung");
    s.wait_for("the finder's match", |s| {
        s.screen().contains("Untung Saritomo  Kepala BPSDMD")
    });
    s.send("\r");
    s.wait_for("the article filtered to Untung, at the mention", |s| {
        let screen = s.screen();
        screen.contains("Articles 1/5 · by date · Untung")
            && screen.contains("Untung Saritomo, yang turut hadir")
    });
    s.send("?");
    s.wait_for("help", |s| s.screen().contains("official finder"));
    s.send("\x1b");
    s.wait_for("help closed", |s| !s.screen().contains("official finder"));
    s.send("\x03");
    let status = s.wait_exit();
    assert!(status.success(), "Ctrl-C quits cleanly: {status:?}");
}

#[test]
fn raw_view_reads_the_file_again() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("pasar.txt"),
        "Bupati Resmikan Pasar\n\nSLEMAN – Bupati Sleman meresmikan pasar baru.\n\nBaca juga: Jembatan Baru Dibuka\n",
    )
    .unwrap();
    let mut s = Session::start(&[dir.path().to_str().unwrap()], COLS, ROWS);
    s.wait_for("the article", |s| {
        s.screen().contains("Articles 1/1") && s.screen().contains("meresmikan pasar baru")
    });
    assert!(
        !s.screen().contains("Baca juga"),
        "boilerplate is not in the body"
    );
    s.send("2r");
    s.wait_for("the raw file with its boilerplate", |s| {
        s.screen().contains("Reader (raw)") && s.screen().contains("Baca juga: Jembatan Baru")
    });
    s.send("r");
    s.wait_for("the clean body again", |s| {
        !s.screen().contains("Baca juga")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

#[path = "../benches/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

#[test]
fn quitting_while_officials_are_extracted_exits_at_once() {
    // Enough articles that the build under test is still extracting
    // officials a second or more after the list shows (a release build
    // extracts 6000 of them in about a tenth of a second).
    let count = if cfg!(debug_assertions) { 6000 } else { 60_000 };
    let dir = tempfile::tempdir().expect("temp corpus");
    for (i, text) in synthetic::articles(count, 3).enumerate() {
        std::fs::write(dir.path().join(format!("{i:05}.txt")), text).expect("write");
    }
    let corpus = dir.path().to_str().expect("utf-8 temp path");
    let mut s = Session::start(&[corpus], 100, 24);
    s.wait_for("the extraction notice", |s| {
        s.screen().contains("Finding officials")
    });
    let asked = std::time::Instant::now();
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    let took = asked.elapsed();
    assert!(
        took < std::time::Duration::from_secs(3),
        "warta took {took:?} to exit while extracting"
    );
}

#[test]
fn a_terminal_that_goes_away_ends_warta() {
    // crossterm 0.28 reads a hung-up terminal in a loop that never ends;
    // warta read its events on the event loop's thread, which could be
    // caught there for good, spinning at full CPU.
    //
    // Told by the hang-up signal: keys are still waiting to be read when
    // the terminal goes.
    for _ in 0..3 {
        let mut s = start();
        s.wait_for("the seeds", |s| s.screen().contains("Articles 5/5"));
        s.signal(libc::SIGSTOP);
        s.send(&"jk".repeat(200));
        s.hang_up();
        s.signal(libc::SIGCONT);
        let status = s.wait_exit();
        assert!(status.success(), "{status:?}");
    }
    // Not told: no hang-up signal comes to a program in a session of its own.
    let mut s = Session::start_detached(&[], COLS, ROWS);
    s.wait_for("the seeds", |s| s.screen().contains("Articles 5/5"));
    s.hang_up();
    // (exit code 101 was a panic: a print to the terminal that had gone)
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_takes_it_again() {
    // Started from this test, warta is not a job of a shell with job
    // control, so the stop signal is discarded (POSIX, for an orphaned
    // process group) and the reader comes straight back: what is checked
    // is that the terminal was put back for the shell and set up again.
    // The stop itself was checked by hand in tmux (README, Keys).
    let mut s = start();
    s.wait_for("the seeds", |s| s.screen().contains("Articles 5/5"));
    let before = s.raw.len();
    s.send("\x1a");
    s.wait_for("the screen back", |s| {
        let after = String::from_utf8_lossy(&s.raw[before..]).into_owned();
        after
            .find("\x1b[?1049l")
            .is_some_and(|left| after[left..].contains("\x1b[?1049h"))
            && s.screen().contains("Articles 5/5")
    });
    s.send("j");
    s.wait_for("the second article selected", |s| {
        list_rows(s)
            .iter()
            .any(|r| r.starts_with("│▶") && r.contains("Saat Peserta"))
    });
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_bracketed_paste_goes_into_the_filter_and_is_never_run_as_keys() {
    let mut s = start();
    s.wait_for("the seeds", |s| s.screen().contains("Articles 5/5"));
    assert!(
        String::from_utf8_lossy(&s.raw).contains("\x1b[?2004h"),
        "bracketed paste switched on"
    );
    // In the list, a pasted `q` must not quit nor `G` jump.
    s.send("\x1b[200~q\nG\x1b[201~");
    s.send("/");
    s.send("\x1b[200~kota\ntangerang\n\x1b[201~");
    s.wait_for("the pasted filter", |s| {
        s.screen().contains("/ kota tangerang▏") && s.screen().contains("Articles 2/5")
    });
    s.send("\x1b");
    s.wait_for("the filter cleared", |s| {
        s.screen().contains("Articles 5/5")
    });
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    assert!(
        String::from_utf8_lossy(&s.raw).contains("\x1b[?2004l"),
        "bracketed paste switched off on the way out"
    );
}
