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
        if depth >= MAX_DEPTH {
            return;
        }
        let Ok(read) = fs::read_dir(path) else {
            return;
        };
        let mut children: Vec<PathBuf> = read.flatten().map(|e| e.path()).collect();
        children.sort();
        for child in children {
            let hidden = child
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !hidden {
                visit(&child, depth + 1, false, h);
            }
        }
        return;
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if !given && !matches!(ext.as_deref(), Some("txt" | "md" | "jsonl")) {
        return;
    }
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
}
