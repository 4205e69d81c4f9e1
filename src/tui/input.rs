//! Terminal input off the event loop's thread, and telling when the
//! terminal has gone away.
//!
//! crossterm 0.28 reads a hung-up terminal (its window closed, its ssh
//! connection dropped) in a loop that never ends: the descriptor stays
//! readable and every read returns nothing (crossterm issue #793). Read on
//! the event loop's thread, as its `EventStream` does, that loop could
//! catch the reader for good, spinning at full CPU and never handling the
//! hang-up. Events are read on a thread of their own instead, which is the
//! only one that can be caught; the event loop checks the terminal itself
//! ([`terminal_gone`]) and quits, and the thread ends with the process.

use crossterm::event::Event;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};

/// Starts reading terminal events on a thread of its own; they arrive on
/// the receiver, which closes after the first read error.
pub(super) fn spawn_reader() -> std::io::Result<UnboundedReceiver<std::io::Result<Event>>> {
    let (tx, rx) = unbounded_channel();
    std::thread::Builder::new()
        .name("warta-input".into())
        .spawn(move || loop {
            let event = crossterm::event::read();
            let failed = event.is_err();
            if tx.send(event).is_err() || failed {
                return;
            }
        })?;
    Ok(rx)
}

/// True when standard input or output, the terminal, has hung up or is
/// no longer open.
pub(super) fn terminal_gone() -> bool {
    any_hung_up(&[libc::STDIN_FILENO, libc::STDOUT_FILENO])
}

/// True when one of `fds` has hung up or is not open. `poll` reports a
/// hang-up even when asked for no events, and reads nothing.
fn any_hung_up(fds: &[i32]) -> bool {
    fds.iter().any(|&fd| {
        let mut p = libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        };
        // SAFETY: one valid pollfd and a zero timeout; poll only reads and
        // writes that struct.
        let ready = unsafe { libc::poll(&mut p, 1, 0) };
        ready > 0 && p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_is_gone_once_its_other_side_is_closed() {
        let (mut master, mut slave) = (0, 0);
        // SAFETY: openpty writes the two fds it opens; nothing else is passed.
        let opened = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(opened, 0, "{}", std::io::Error::last_os_error());
        assert!(!any_hung_up(&[slave]), "an open terminal");
        // SAFETY: the master fd was opened above and is closed once.
        unsafe { libc::close(master) };
        assert!(any_hung_up(&[slave]), "a hung-up terminal");
        // SAFETY: as above, for the slave.
        unsafe { libc::close(slave) };
        // A descriptor that is not open: not the slave's number, which a
        // test on another thread may be given again as soon as it is
        // closed (the prefetch tests open thousands of files).
        assert!(any_hung_up(&[libc::c_int::MAX]), "a descriptor not open");
    }
}
