//! A cheap polling watcher for the live corpus: a fingerprint of the names,
//! sizes and modification times of the files under the opened paths. The
//! reader compares it on an interval and reloads when it changes. Polling
//! needs no platform API and no extra thread per folder, and a changed,
//! added or removed file is seen within one interval.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Folders deeper than this are not looked into (guards against symlink loops).
const MAX_DEPTH: usize = 32;

/// A hash over every corpus file (`.txt`, `.md`, `.jsonl`, hidden ones
/// skipped) under `paths`: path, size and modification time.
pub fn fingerprint(paths: &[PathBuf]) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    for p in paths {
        visit(p, 0, true, &mut h);
    }
    h.0
}

struct Fnv(u64);

impl Fnv {
    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn visit(path: &Path, depth: usize, given: bool, h: &mut Fnv) {
    let Ok(meta) = fs::metadata(path) else {
        return;
    };
    if meta.is_dir() {
        visit_dir(path, depth, h);
    } else if given || is_corpus_file(path) {
        add_file(path, &meta, h);
    }
}

/// Visits a folder's entries in name order (the order of sorting their
/// paths, without comparing paths component by component). An entry's
/// type comes with the listing, and only corpus files are looked up, by
/// name inside the folder: a folder of 300 000 articles is walked in about
/// the time `find` takes.
fn visit_dir(dir: &Path, depth: usize, h: &mut Fnv) {
    if depth >= MAX_DEPTH {
        return;
    }
    let Ok(read) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<(std::ffi::OsString, fs::DirEntry)> = read
        .flatten()
        .map(|e| (e.file_name(), e))
        .filter(|(name, _)| !name.as_encoded_bytes().starts_with(b"."))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, entry) in entries {
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => visit_dir(&path, depth + 1, h),
            Ok(kind) if kind.is_file() => {
                if is_corpus_file(&path) {
                    if let Ok(meta) = entry.metadata() {
                        add_file(&path, &meta, h);
                    }
                }
            }
            // Symbolic links (followed) and anything the listing cannot tell.
            _ => visit(&path, depth + 1, false, h),
        }
    }
}

/// True for the files a folder is read for.
fn is_corpus_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(ext.as_deref(), Some("txt" | "md" | "jsonl"))
}

fn add_file(path: &Path, meta: &fs::Metadata, h: &mut Fnv) {
    h.add(path.as_os_str().as_encoded_bytes());
    h.add(&meta.len().to_le_bytes());
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    h.add(&modified.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_changing_and_removing_a_file_changes_the_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let paths = vec![dir.path().to_path_buf()];
        let empty = fingerprint(&paths);
        fs::write(dir.path().join("a.txt"), "Judul\n\nIsi.").unwrap();
        let one = fingerprint(&paths);
        assert_ne!(empty, one);
        fs::write(dir.path().join("notes.bin"), "x").unwrap();
        fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
        assert_eq!(fingerprint(&paths), one, "other files do not count");
        fs::write(dir.path().join("a.txt"), "Judul\n\nIsi yang lebih panjang.").unwrap();
        let changed = fingerprint(&paths);
        assert_ne!(changed, one);
        fs::remove_file(dir.path().join("a.txt")).unwrap();
        assert_eq!(fingerprint(&paths), empty);
    }

    #[cfg(unix)]
    #[test]
    fn linked_files_and_folders_are_followed() {
        let target = tempfile::tempdir().unwrap();
        fs::write(target.path().join("real.txt"), "Judul\n\nIsi.").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(target.path().join("real.txt"), dir.path().join("link.txt"))
            .unwrap();
        std::os::unix::fs::symlink(target.path(), dir.path().join("linked")).unwrap();
        let paths = vec![dir.path().to_path_buf()];
        let before = fingerprint(&paths);
        fs::write(target.path().join("real.txt"), "Judul\n\nIsi yang lain.").unwrap();
        let after = fingerprint(&paths);
        assert_ne!(before, after, "a linked file's size counts");
        fs::write(target.path().join("more.txt"), "x").unwrap();
        assert_ne!(fingerprint(&paths), after, "a linked folder's files count");
    }
}
