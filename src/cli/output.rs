//! Writing the headless commands' output to stdout: a closed pipe (`warta
//! list | head -1`) is a normal end, and nothing a terminal could act on is
//! written raw. JSON is streamed as it is serialised, so a listing of a
//! large corpus is never held whole in memory.

use crate::corpus::sanitize::is_forbidden;
use serde::Serialize;
use std::io::{self, BufWriter, Write};

/// Writes `text` to stdout. The last line of defence for terminal safety:
/// a character a terminal could act on that slipped past ingest is written
/// as a visible `\uXXXX` escape (in JSON output that is the same value).
pub fn write_stdout(text: &str) -> io::Result<()> {
    to_stdout(|out| out.write_all(text.as_bytes()))
}

/// Writes `value` to stdout as pretty-printed JSON and a newline, escaped
/// as [`write_stdout`] escapes, serialised straight into the output.
pub fn write_json_stdout<T: Serialize + ?Sized>(value: &T) -> io::Result<()> {
    to_stdout(|out| {
        serde_json::to_writer_pretty(&mut *out, value)?;
        out.write_all(b"\n")
    })
}

/// Runs `write` on a buffered, terminal-safe stdout and flushes it; a
/// closed pipe ends the output without an error.
fn to_stdout(
    write: impl FnOnce(&mut TerminalSafe<BufWriter<io::StdoutLock>>) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = TerminalSafe::new(BufWriter::with_capacity(1 << 16, io::stdout().lock()));
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// A writer that passes UTF-8 text on with every character a terminal may
/// act on (see [`is_forbidden`]) written as `\uXXXX`, the escape
/// [`crate::corpus::sanitize::json_terminal_safe`] gives. A character split
/// across two writes is held until its last byte comes; bytes that are not
/// UTF-8 pass unchanged.
pub struct TerminalSafe<W: Write> {
    inner: W,
    /// The first bytes of a character the last write ended inside.
    pending: Vec<u8>,
}

impl<W: Write> TerminalSafe<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        TerminalSafe {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes `text`, escaping what must be escaped.
    fn write_text(&mut self, text: &str) -> io::Result<()> {
        let mut from = 0;
        for (at, c) in text.char_indices().filter(|&(_, c)| is_forbidden(c)) {
            self.inner.write_all(&text.as_bytes()[from..at])?;
            write!(self.inner, "\\u{:04x}", c as u32)?;
            from = at + c.len_utf8();
        }
        self.inner.write_all(&text.as_bytes()[from..])
    }

    /// Writes `bytes`: its UTF-8 runs escaped, anything else as it is, and
    /// an unfinished character at the end kept for the next write.
    fn write_bytes(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        loop {
            match std::str::from_utf8(bytes) {
                Ok(text) => return self.write_text(text),
                Err(e) => {
                    let (valid, rest) = bytes.split_at(e.valid_up_to());
                    // `valid` is UTF-8 up to `valid_up_to`, as the error says.
                    self.write_text(std::str::from_utf8(valid).unwrap_or_default())?;
                    match e.error_len() {
                        Some(n) => {
                            self.inner.write_all(&rest[..n])?;
                            bytes = &rest[n..];
                        }
                        None => {
                            self.pending.extend_from_slice(rest);
                            return Ok(());
                        }
                    }
                }
            }
        }
    }
}

impl<W: Write> Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            self.write_bytes(buf)?;
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(buf);
            self.write_bytes(&joined)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let pending = std::mem::take(&mut self.pending);
        self.inner.write_all(&pending)?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::TerminalSafe;
    use crate::corpus::sanitize::json_terminal_safe;
    use std::io::Write;

    fn through(chunks: &[&[u8]]) -> Vec<u8> {
        let mut out = TerminalSafe::new(Vec::new());
        for c in chunks {
            out.write_all(c).unwrap();
        }
        out.flush().unwrap();
        out.inner
    }

    #[test]
    fn escapes_as_json_terminal_safe_does_at_every_split() {
        let text = "Bupati \u{202e}Sleman\u{9b}31m kata \u{200b}é 👍 DEL\u{7f} akhir";
        let whole = json_terminal_safe(text);
        assert_ne!(whole, text, "the sample has characters to escape");
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            let got = through(&[&bytes[..cut], &bytes[cut..]]);
            assert_eq!(String::from_utf8(got).unwrap(), whole, "cut at {cut}");
        }
        let one_by_one: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(String::from_utf8(through(&one_by_one)).unwrap(), whole);
    }

    #[test]
    fn bytes_that_are_not_utf8_pass_unchanged() {
        assert_eq!(through(&[b"a\xffb", b"\xe2\x80"]), b"a\xffb\xe2\x80");
        assert_eq!(through(&[b"\xe2\x80", b"\xaex"]), b"\\u202ex");
    }
}
