//! A pseudo-terminal session with the real binary: every byte it writes is
//! kept raw and also fed to a vt100 parser. Every wait has a deadline and the
//! child is killed on failure or drop, so nothing hangs CI.
#![allow(dead_code)]

use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The longest any single wait may take.
pub const WAIT: Duration = Duration::from_secs(20);

/// A running warta in a pty.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    /// `None` once the terminal was hung up.
    writer: Option<Box<dyn Write + Send>>,
    output: Receiver<Vec<u8>>,
    /// Tells the reading thread to close the pty's master side.
    stop: Arc<AtomicBool>,
    reading: Option<JoinHandle<()>>,
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
        let reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let fd = pair.master.as_raw_fd().expect("a unix pty");
        Session::reading(child, reader, writer, fd, Box::new(pair.master), rows, cols)
    }

    /// Starts `warta ARGS` (config and state in a fresh temporary folder)
    /// on a pty that is not its controlling terminal: it runs in a session
    /// of its own, so when the terminal goes away no hang-up signal tells it,
    /// as for a program started with `setsid` or `nohup`.
    pub fn start_detached(args: &[&str], cols: u16, rows: u16) -> Session {
        use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
        use std::os::unix::process::CommandExt;
        let home = tempfile::tempdir().expect("temp home");
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes the two fds it opens; no name buffer or
        // termios is passed, the window size is read only.
        let opened = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
        // Not inherited (by warta itself, or by what other tests start), or
        // the master side would stay open in them and never hang up.
        for fd in [master, slave] {
            // SAFETY: fcntl on the two fds openpty just opened.
            unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
        }
        // SAFETY: both fds were just opened by openpty and are owned here only.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let io = |fd: &OwnedFd| std::process::Stdio::from(fd.try_clone().expect("dup the pty"));
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_warta"));
        cmd.args(args)
            .env("TERM", "xterm-256color")
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .current_dir(std::env::temp_dir())
            .stdin(io(&slave))
            .stdout(io(&slave))
            .stderr(io(&slave));
        // SAFETY: setsid is async-signal-safe, as pre_exec requires.
        unsafe {
            cmd.pre_exec(|| {
                libc::setsid();
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn warta");
        drop(slave);
        let fd = master.as_raw_fd();
        let reader = std::fs::File::from(master.try_clone().expect("dup the pty"));
        let writer = std::fs::File::from(master.try_clone().expect("dup the pty"));
        let mut s = Session::reading(
            Box::new(child),
            Box::new(reader),
            Box::new(writer),
            fd,
            Box::new(master),
            rows,
            cols,
        );
        s._home = Some(home);
        s
    }

    /// A session reading what `child` writes to the pty whose master side
    /// `master` holds (`fd` is its descriptor; `reader` and `writer` are
    /// more handles on it).
    fn reading(
        child: Box<dyn Child + Send + Sync>,
        mut reader: Box<dyn Read + Send>,
        writer: Box<dyn Write + Send>,
        fd: i32,
        master: Box<dyn Send>,
        rows: u16,
        cols: u16,
    ) -> Session {
        let (tx, output) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let reading = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Waits in short polls, so that a hang-up is not held up by a
            // read that nothing will end.
            while !stopped.load(Ordering::Relaxed) {
                let mut p = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd, for the master's fd, which
                // `master` keeps open until after the loop.
                let ready = unsafe { libc::poll(&mut p, 1, 50) };
                let interrupted = ready < 0
                    && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted;
                if ready == 0 || interrupted {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(n) if n > 0 && tx.send(buf[..n].to_vec()).is_ok() => {}
                    _ => break,
                }
            }
            drop(reader);
            drop(master);
        });
        Session {
            child,
            writer: Some(writer),
            output,
            stop,
            reading: Some(reading),
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            _home: None,
        }
    }

    fn pump(&mut self, for_at_most: Duration) {
        match self.output.recv_timeout(for_at_most) {
            Ok(bytes) => {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
            // nothing more will come (the terminal was hung up): wait anyway
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => std::thread::sleep(for_at_most),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
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
        let writer = self.writer.as_mut().expect("the terminal is still there");
        writer.write_all(keys.as_bytes()).expect("type");
        writer.flush().expect("flush");
    }

    /// Sends warta a signal (`libc::SIGSTOP`, `libc::SIGCONT`, …).
    pub fn signal(&self, signal: i32) {
        let pid = self.child.process_id().expect("a running child") as i32;
        // SAFETY: kill(2) with the pid of the child this session started.
        unsafe { libc::kill(pid, signal) };
    }

    /// Closes the terminal under warta, as when its window is closed or an
    /// ssh connection drops: every handle on the pty's master side is
    /// closed, and the kernel hangs the terminal up.
    pub fn hang_up(&mut self) {
        self.writer = None;
        self.stop.store(true, Ordering::Relaxed);
        if let Some(reading) = self.reading.take() {
            let _ = reading.join();
        }
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
