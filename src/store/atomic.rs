//! Durable file replacement: a reader of the file sees the old version or the
//! new one, never a mix, even when warta is killed half-way through a write.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Marks the names of temporary files (`.state.json.tmp-<pid>-<n>`).
const TEMP_TAG: &str = ".tmp-";

/// Replaces `path` with `bytes` atomically and durably: temp file in the same
/// folder, fsync, rename over `path`, fsync of the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = write_temp(path, bytes)?;
    commit(&temp, path).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })
}

/// The first half of [`write_atomic`]: writes and fsyncs a temp file beside
/// `path` (creating the folder) and returns its name. `path` is untouched.
pub fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let (temp, mut file) = create_temp(path)?;
    let written = file.write_all(bytes).and_then(|_| file.sync_all());
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    Ok(temp)
}

/// A new, empty temp file beside `path` (creating the folder), for a writer
/// that streams into it and then calls [`commit`]; the caller removes it
/// when writing fails.
pub fn create_temp(path: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = parent(path);
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(
        ".{name}{TEMP_TAG}{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)?;
    Ok((temp, file))
}

/// Replaces `path` with what `fill` streams into a new temp file beside it
/// (as [`write_atomic`] does with bytes): the temp file is renamed over
/// `path` only when `fill` succeeds, and removed when it or the rename
/// fails. `fill` decides whether to fsync.
pub fn write_streamed<T>(path: &Path, fill: impl FnOnce(File) -> io::Result<T>) -> io::Result<T> {
    let (temp, file) = create_temp(path)?;
    let written = fill(file).and_then(|value| commit(&temp, path).map(|()| value));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// The second half of [`write_atomic`]: renames the temp file over `path` and
/// fsyncs the folder so the rename itself survives a power cut.
pub fn commit(temp: &Path, path: &Path) -> io::Result<()> {
    fs::rename(temp, path)?;
    // Some file systems cannot fsync a directory; the rename is done anyway.
    if let Ok(dir) = File::open(parent(path)) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Removes temp files of `path` left by a writer that died more than a minute ago.
pub fn clean_stale_temps(path: &Path) {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let prefix = format!(".{name}{TEMP_TAG}");
    let Ok(entries) = fs::read_dir(parent(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 60);
        if stale && entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Moves a file that cannot be parsed aside as `<name>.bad-<unix seconds>`
/// (with `-2`, `-3` … when that exists), and returns the new name.
pub fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = unix_seconds();
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let mut target = parent(path).join(format!("{name}.bad-{stamp}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = parent(path).join(format!("{name}.bad-{stamp}-{n}"));
    }
    fs::rename(path, &target)?;
    Ok(target)
}

/// Seconds since 1970, the clock the state file's timestamps use.
pub fn unix_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Milliseconds since 1970.
pub fn unix_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writer_killed_before_the_rename_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        write_atomic(&path, b"{\"old\":true}").unwrap();
        let new = "x".repeat(100_000);
        // the writer dies here: the temp file is written, the rename never happens
        let temp = write_temp(&path, new.as_bytes()).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"{\"old\":true}");
        // another writer finishing later yields the whole new version
        commit(&temp, &path).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), new);
    }

    #[test]
    fn move_aside_keeps_the_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, b"garbage").unwrap();
        let first = move_aside(&path).unwrap();
        fs::write(&path, b"more garbage").unwrap();
        let second = move_aside(&path).unwrap();
        assert_ne!(first, second);
        assert!(!path.exists());
        assert_eq!(fs::read(&first).unwrap(), b"garbage");
        assert!(first
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("state.json.bad-"));
    }
}
