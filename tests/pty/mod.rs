//! A pseudo-terminal session with the real binary: every byte it writes is
//! kept raw and also fed to a vt100 parser. Every wait has a deadline and the
//! child is killed on failure or drop, so nothing hangs CI.
#![allow(dead_code)]

use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

/// The longest any single wait may take.
pub const WAIT: Duration = Duration::from_secs(20);

/// A running warta in a pty.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    /// The screen as a terminal would show it.
    pub parser: vt100::Parser,
    /// Every byte warta wrote, unparsed.
    pub raw: Vec<u8>,
    /// The config and data folders of a session started without one, removed on drop.
    _home: Option<tempfile::TempDir>,
}

impl Session {
    /// Starts `warta ARGS` in a `cols`×`rows` pty, with config and state in a
    /// fresh temporary folder (never the real home).
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        let home = tempfile::tempdir().expect("temp home");
        let mut s = Session::start_in(args, cols, rows, home.path());
        s._home = Some(home);
        s
    }

    /// Starts `warta ARGS` with `XDG_CONFIG_HOME`, `XDG_DATA_HOME` and
    /// `XDG_CACHE_HOME` under `home`.
    pub fn start_in(args: &[&str], cols: u16, rows: u16, home: &std::path::Path) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_warta"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CACHE_HOME", home.join("cache"));
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
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            _home: None,
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

    /// The screen's text.
    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until `done` holds on a settled screen (no output for a moment,
    /// so a frame that arrives in pieces is read whole), or fails the test
    /// after [`WAIT`].
    pub fn wait_for(&mut self, what: &str, done: impl Fn(&Session) -> bool) {
        let deadline = Instant::now() + WAIT;
        loop {
            if done(self) && self.settled() && done(self) {
                return;
            }
            if Instant::now() > deadline {
                let screen = self.screen();
                let _ = self.child.kill();
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            self.pump(Duration::from_millis(50));
        }
    }

    /// Reads until nothing arrives for 80 ms (at most half a second); true
    /// when the output went quiet.
    fn settled(&mut self) -> bool {
        let until = Instant::now() + Duration::from_millis(500);
        while Instant::now() < until {
            match self.output.recv_timeout(Duration::from_millis(80)) {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                Err(_) => return true,
            }
        }
        false
    }

    /// The rows of the screen's left `width` columns (the list pane).
    pub fn rows(&self, width: u16) -> Vec<String> {
        self.parser.screen().rows(0, width).collect()
    }

    /// Types keys.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    /// Waits for warta to exit and reads what it wrote until then.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + WAIT;
        loop {
            self.pump(Duration::from_millis(20));
            if let Some(status) = self.child.try_wait().expect("wait") {
                self.pump(Duration::from_millis(100));
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
