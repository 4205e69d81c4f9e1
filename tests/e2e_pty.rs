//! End to end: the real binary in a pseudo-terminal, read back through a
//! vt100 parser. Every wait has a deadline, and the child is killed on
//! failure, so a broken build fails instead of hanging CI.

use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

const ROWS: u16 = 40;
const COLS: u16 = 120;
const WAIT: Duration = Duration::from_secs(20);

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    raw: Vec<u8>,
}

impl Session {
    fn start() -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_warta"));
        cmd.env("TERM", "xterm-256color");
        // never the real home: config and state go to a temp folder
        let home = std::env::temp_dir().join(format!("warta-e2e-home-{}", std::process::id()));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.cwd(std::env::temp_dir());
        let child = pair.slave.spawn_command(cmd).expect("spawn warta");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let _master = pair.master; // keep the pty open while reading
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            writer,
            output,
            parser: vt100::Parser::new(ROWS, COLS, 0),
            raw: Vec::new(),
        }
    }

    fn pump(&mut self, for_at_most: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(for_at_most) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// The article list pane's rows (its left 36 columns at 120 wide).
    fn list_rows(&self) -> Vec<String> {
        self.parser.screen().rows(0, 36).collect()
    }

    fn wait_for(&mut self, what: &str, done: impl Fn(&Session) -> bool) {
        let deadline = Instant::now() + WAIT;
        while !done(self) {
            if Instant::now() > deadline {
                let screen = self.screen();
                let _ = self.child.kill();
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            self.pump(Duration::from_millis(50));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + WAIT;
        loop {
            self.pump(Duration::from_millis(20));
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("warta did not exit; screen:\n{}", self.screen());
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

const TITLES: [&str; 5] = [
    "Para Pejabat",
    "Saat Peserta",
    "Pemkot Gelar",
    "Dikunjungi Para",
    "Kementrian Sosial",
];

fn shown_titles(s: &Session) -> Vec<&'static str> {
    let rows = s.list_rows().join("\n");
    TITLES.into_iter().filter(|t| rows.contains(t)).collect()
}

#[test]
fn filter_wisman_in_a_real_terminal_then_escape_and_quit() {
    let mut s = Session::start();
    s.wait_for("the five seeds", |s| {
        s.screen().contains("Articles 5/5") && shown_titles(s).len() == 5
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
    let mut s = Session::start();
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
