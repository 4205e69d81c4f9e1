//! Walking the opened paths: the files a load reads, in a deterministic
//! order, each with its article id and format. Only regular files are
//! taken, directory loops are detected, and anything else is reported.

use super::sanitize::clean_label;
use super::LoadProblem;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    /// One article per file (`.txt`, `.md`, no extension).
    Text,
    /// One article per line.
    Jsonl,
}

/// A file found while walking, with its article id.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file, as found.
    pub(super) path: PathBuf,
    /// Its id: the path relative to its root (without extension but for
    /// JSON Lines), made unique with `~2`, `~3` ….
    pub(super) id: String,
    /// How it is read.
    pub(super) format: Format,
}

/// A problem with `path`, in words.
pub(super) fn problem(path: &Path, reason: impl Into<String>) -> LoadProblem {
    LoadProblem {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// Finds the files to load, in a deterministic order: arguments in the order
/// given, folder contents sorted by name, recursively.
pub fn walk(paths: &[PathBuf], problems: &mut Vec<LoadProblem>) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut seen_dirs = HashSet::new();
    for root in paths {
        let meta = match fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                problems.push(problem(root, describe_io_error(&e)));
                continue;
            }
        };
        if meta.is_dir() {
            walk_dir(root, root, &mut seen_dirs, &mut entries, problems);
        } else {
            let base = root.parent().unwrap_or(Path::new(""));
            add_file(root, base, &meta, true, &mut entries, problems);
        }
    }
    // The second file with an id becomes `id~2`, and so on (found first,
    // then renamed: the map borrows the ids).
    let mut renamed = Vec::new();
    {
        let mut ids: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
        for (at, e) in entries.iter().enumerate() {
            let n = ids.entry(e.id.as_str()).or_insert(0);
            *n += 1;
            if *n > 1 {
                renamed.push((at, format!("{}~{}", e.id, n)));
            }
        }
    }
    for (at, id) in renamed {
        entries[at].id = id;
    }
    entries
}

fn walk_dir(
    dir: &Path,
    root: &Path,
    seen: &mut HashSet<(u64, u64)>,
    entries: &mut Vec<Entry>,
    problems: &mut Vec<LoadProblem>,
) {
    if let Some(key) = dir_key(dir) {
        if !seen.insert(key) {
            problems.push(problem(
                dir,
                "folder already visited (symlink loop), skipped",
            ));
            return;
        }
    }
    let read = match fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) => {
            problems.push(problem(dir, describe_io_error(&e)));
            return;
        }
    };
    // A regular file's type comes with the listing: only folders, links
    // and the rest are looked up (a folder of 300 000 files is listed in
    // a third of the time).
    for entry in visible_entries(read) {
        let child = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            add_entry(child, root, false, entries, problems);
            continue;
        }
        let meta = match fs::metadata(&child) {
            Ok(m) => m,
            Err(e) => {
                let is_link =
                    fs::symlink_metadata(&child).is_ok_and(|m| m.file_type().is_symlink());
                let reason = if is_link {
                    format!(
                        "broken symlink or symlink loop ({}), skipped",
                        describe_io_error(&e)
                    )
                } else {
                    describe_io_error(&e)
                };
                problems.push(problem(&child, reason));
                continue;
            }
        };
        if meta.is_dir() {
            walk_dir(&child, root, seen, entries, problems);
        } else {
            add_file(&child, root, &meta, false, entries, problems);
        }
    }
}

/// How a file found in a folder is read, by its extension; the extension
/// (lower-cased) when warta does not read such files.
fn folder_format(path: &Path) -> Result<Format, String> {
    // (an extension that is not UTF-8 counts as none)
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return Ok(Format::Text);
    };
    // compared without a lower-cased copy: this runs for every file walked
    let is = |name: &str| ext.eq_ignore_ascii_case(name);
    if is("jsonl") {
        Ok(Format::Jsonl)
    } else if ["txt", "md", "markdown", "text"].into_iter().any(is) {
        Ok(Format::Text)
    } else {
        Err(ext.to_ascii_lowercase())
    }
}

/// True for a file that loading a folder reads articles from (`.txt`,
/// `.md`, `.markdown`, `.text`, `.jsonl` or no extension).
pub fn is_article_file(path: &Path) -> bool {
    folder_format(path).is_ok()
}

/// The entries of a folder listing that loading looks at, in name order
/// (within one folder, the order of their paths): hidden ones (a name
/// starting with a dot) and entries that cannot be read are left out.
/// The watcher lists folders with it too, so that its fingerprints see
/// the same files.
pub fn visible_entries(read: fs::ReadDir) -> Vec<fs::DirEntry> {
    let mut named: Vec<(std::ffi::OsString, fs::DirEntry)> = read
        .flatten()
        .map(|e| (e.file_name(), e))
        .filter(|(name, _)| !name.as_encoded_bytes().starts_with(b"."))
        .collect();
    named.sort_by(|a, b| a.0.cmp(&b.0));
    named.into_iter().map(|(_, e)| e).collect()
}

#[cfg(unix)]
fn dir_key(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn dir_key(_dir: &Path) -> Option<(u64, u64)> {
    None
}

fn add_file(
    path: &Path,
    base: &Path,
    meta: &fs::Metadata,
    explicit: bool,
    entries: &mut Vec<Entry>,
    problems: &mut Vec<LoadProblem>,
) {
    if !meta.is_file() {
        problems.push(problem(
            path,
            format!("not a regular file ({}), skipped", special_kind(meta)),
        ));
        return;
    }
    add_entry(path.to_path_buf(), base, explicit, entries, problems);
}

/// Adds a regular file by its extension, or reports its type as unsupported.
fn add_entry(
    path: PathBuf,
    base: &Path,
    explicit: bool,
    entries: &mut Vec<Entry>,
    problems: &mut Vec<LoadProblem>,
) {
    let format = match folder_format(&path) {
        Ok(format) => format,
        Err(_) if explicit => Format::Text,
        Err(other) => {
            problems.push(problem(
                &path,
                format!(
                    "unsupported file type .{other}, skipped (warta reads .txt, .md and .jsonl)"
                ),
            ));
            return;
        }
    };
    let mut rel = relative_bytes(&path, base);
    if format == Format::Text {
        if let Some(ext) = path.extension() {
            // the extension and its dot, as `Path::with_extension("")` drops them
            rel = &rel[..rel.len().saturating_sub(ext.len() + 1)];
        }
    }
    // A file name can hold escape sequences too: ids are printed, so clean them.
    let id = clean_label(&String::from_utf8_lossy(rel));
    entries.push(Entry { path, id, format });
}

/// `path` below `base`, as bytes, as `Path::strip_prefix` gives it (all of
/// `path` when it is not below `base`). A walked path is its root joined
/// with names from folder listings, so it starts with the root's bytes
/// and a separator: cutting them off is what comparing component by
/// component would find, at a fraction of the cost for every file walked.
fn relative_bytes<'p>(path: &'p Path, base: &Path) -> &'p [u8] {
    let bytes = path.as_os_str().as_encoded_bytes();
    let rest = bytes
        .strip_prefix(base.as_os_str().as_encoded_bytes())
        .filter(|rest| {
            rest.first()
                .is_some_and(|&b| std::path::is_separator(b.into()))
        });
    match rest {
        Some(mut rest) => {
            // separators and `.` components between the two, as in `a/./b`
            loop {
                match rest {
                    [b, more @ ..] if std::path::is_separator((*b).into()) => rest = more,
                    [b'.', b, more @ ..] if std::path::is_separator((*b).into()) => rest = more,
                    _ => break rest,
                }
            }
        }
        None => path
            .strip_prefix(base)
            .unwrap_or(path)
            .as_os_str()
            .as_encoded_bytes(),
    }
}

fn special_kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "FIFO";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "device";
        }
    }
    let _ = meta;
    "special file"
}

/// Turns an IO error into words a user can act on.
pub(super) fn describe_io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or folder".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ if e.raw_os_error() == Some(40) => {
            "too many levels of symbolic links (symlink loop)".to_string()
        }
        _ => format!("cannot read: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_go_by_extension_in_any_case() {
        let format = |name: &str| folder_format(Path::new(name));
        assert_eq!(format("a.TXT"), Ok(Format::Text));
        assert_eq!(format("a.Md"), Ok(Format::Text));
        assert_eq!(format("a"), Ok(Format::Text));
        assert_eq!(format("a.JSONL"), Ok(Format::Jsonl));
        assert_eq!(format("a.PDF"), Err("pdf".to_string()));
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            // an extension that is not UTF-8 counts as none
            let odd = Path::new(std::ffi::OsStr::from_bytes(b"a.t\xffxt"));
            assert_eq!(folder_format(odd), Ok(Format::Text));
        }
    }

    #[test]
    fn ids_are_the_paths_below_their_roots_however_the_roots_are_written() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path();
        fs::create_dir_all(top.join("Banten/2024")).unwrap();
        for name in [
            "Banten/2024/a.txt",
            "Banten/2024/b.c.MD",
            "Banten/tanpa",
            "Banten/x.jsonl",
            "Banten/titik.Txt",
            "Banten/foto.PNG",
        ] {
            fs::write(top.join(name), "Judul\n\nIsi.\n").unwrap();
        }
        let banten = top.join("Banten");
        let mut roots: Vec<PathBuf> = ["", "/", "/.", "//", "/./", "/../Banten", "/2024/.."]
            .iter()
            .map(|tail| PathBuf::from(format!("{}{tail}", banten.display())))
            .collect();
        roots.push(banten.join("2024/a.txt"));
        roots.push(PathBuf::from(format!(
            "{}//2024/./b.c.MD",
            banten.display()
        )));
        for root in roots {
            let mut problems = Vec::new();
            let entries = walk(std::slice::from_ref(&root), &mut problems);
            assert!(!entries.is_empty(), "{root:?}");
            // the ids as `Path` gives them, component by component
            let base = if root.is_dir() {
                root.as_path()
            } else {
                root.parent().unwrap()
            };
            for e in &entries {
                let rel = e.path.strip_prefix(base).unwrap();
                let expected = match e.format {
                    Format::Jsonl => rel.to_string_lossy().into_owned(),
                    Format::Text => rel.with_extension("").to_string_lossy().into_owned(),
                };
                assert_eq!(e.id, expected, "{root:?}");
            }
            if root.is_dir() {
                let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
                assert_eq!(
                    ids,
                    ["2024/a", "2024/b.c", "tanpa", "titik", "x.jsonl"],
                    "{root:?}"
                );
                assert_eq!(problems.len(), 1, "{root:?}");
                assert!(problems[0].reason.contains(".png"), "{:?}", problems[0]);
            }
        }
    }
}
