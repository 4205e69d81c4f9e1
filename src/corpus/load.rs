//! Walking paths and reading files in parallel. Nothing here blocks forever:
//! only regular files are opened, directory loops are detected, and sizes are
//! capped before reading.

use super::decode::decode;
use super::jsonl::parse_jsonl;
use super::parse::{parse_article, KnownFields};
use super::prefetch::{self, FinishOnDrop, Progress};
use super::reuse::{loaded_stamp, FileStamps, Reuse, SourceFile, Taken};
use super::sanitize::{clean_label, sanitize_decoded};
use super::walk::{describe_io_error, problem, walk, Entry, Format};
use super::{Article, Corpus, LoadProblem};
use rayon::prelude::*;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// The default size cap for one file: 16 MiB.
pub const DEFAULT_SIZE_CAP: u64 = 16 * 1024 * 1024;

/// Options for loading.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this many bytes are reported, not read.
    pub size_cap: u64,
    /// The stamps of the files taken before they were read, when known:
    /// the corpus then records its [`Corpus::sources`], and files can be
    /// used again from an earlier load ([`load_paths_reusing`]).
    pub stamps: Option<Arc<FileStamps>>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            size_cap: DEFAULT_SIZE_CAP,
            stamps: None,
        }
    }
}

/// Loads every article under `paths` (files or folders). Problems with single
/// files are collected, never fatal.
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> Corpus {
    load_paths_with_stats(paths, opts, &LoadStats::default())
}

/// Time spent reading and parsing, summed over all loader threads (for `warta
/// bench`), and counters the reader polls to show progress while loading.
#[derive(Debug, Default)]
pub struct LoadStats {
    /// Nanoseconds spent opening and reading files.
    pub read_nanos: AtomicU64,
    /// Nanoseconds spent decoding, sanitising and parsing.
    pub parse_nanos: AtomicU64,
    /// Article files found by the walk that keys the library snapshot, as
    /// it goes (the reader shows them before the files are read).
    pub files_found: AtomicU64,
    /// Files found by the walk.
    pub files_total: AtomicU64,
    /// Files read and parsed so far.
    pub files_done: AtomicU64,
    /// Bytes read so far.
    pub bytes_done: AtomicU64,
    /// Articles parsed so far.
    pub articles_done: AtomicU64,
    /// Articles whose entities are found so far (from a snapshot, the
    /// entity cache or extraction), once every file is parsed.
    pub entities_done: AtomicU64,
    /// Set once every article's entities are found, while officials are
    /// linked across articles and the search indices built.
    pub linking: AtomicBool,
    /// Set once officials are linked, while the search indices are built
    /// (the second half of `linking`).
    pub search_indexing: AtomicBool,
}

/// [`load_paths`], adding the time spent in each phase to `stats`.
pub fn load_paths_with_stats(paths: &[PathBuf], opts: &LoadOptions, stats: &LoadStats) -> Corpus {
    load_paths_streaming(paths, opts, stats, &mut |_| {})
}

/// Files read and parsed together, in parallel; `partial` sees the articles
/// after each batch.
pub(super) const BATCH: usize = 2048;

/// [`load_paths_with_stats`], calling `partial` after every batch of files
/// with the articles loaded so far, in their final order, so that a reader
/// can show them while the rest loads.
pub fn load_paths_streaming(
    paths: &[PathBuf],
    opts: &LoadOptions,
    stats: &LoadStats,
    partial: &mut dyn FnMut(&[Article]),
) -> Corpus {
    load_paths_reusing::<()>(paths, opts, stats, partial, None).0
}

/// [`load_paths_streaming`], taking the articles of every file `reuse`
/// knows with the stamp it has now (see [`LoadOptions::stamps`]) from
/// there instead of reading it. Gives the corpus and, for each article,
/// what `reuse` kept beside it (`None` for an article read now); the
/// result is the same as reading every file.
pub fn load_paths_reusing<T: Send + Sync>(
    paths: &[PathBuf],
    opts: &LoadOptions,
    stats: &LoadStats,
    partial: &mut dyn FnMut(&[Article]),
    mut reuse: Option<&mut Reuse<T>>,
) -> (Corpus, Vec<Option<T>>) {
    let mut problems = Vec::new();
    let entries = walk(paths, &mut problems);
    stats
        .files_total
        .store(entries.len() as u64, Ordering::Relaxed);
    let mut corpus = Corpus {
        problems,
        // one article per file but for JSON Lines: sized once, mostly
        articles: Vec::with_capacity(entries.len()),
        ..Corpus::default()
    };
    let mut kept: Vec<Option<T>> = Vec::new();
    // Each file's stamp, looked up once.
    let stamps: Vec<Option<u64>> = entries
        .iter()
        .map(|e| {
            let stamps = opts.stamps.as_ref()?;
            Some(loaded_stamp(stamps.get(&e.path)?, opts.size_cap))
        })
        .collect();
    // The files to read are hinted ahead of the reads, when there are more
    // than a batch of them: all on a first open; with an earlier load, only
    // those it cannot give (they are taken from it, not read).
    let taken_from_reuse: Vec<bool> = match reuse.as_deref() {
        Some(reuse) if entries.len() > BATCH => entries
            .iter()
            .zip(&stamps)
            .map(|(e, stamp)| stamp.is_some_and(|stamp| reuse.knows(&e.path, &e.id, stamp)))
            .collect(),
        _ => Vec::new(),
    };
    let to_read = entries.len() - taken_from_reuse.iter().filter(|&&t| t).count();
    let hint = if prefetch::SUPPORTED && to_read > BATCH {
        prefetch::Reach::for_this_process(opts.size_cap)
    } else {
        None
    };
    let progress = Progress::new(if hint.is_some() { entries.len() } else { 0 });
    std::thread::scope(|scope| {
        // inside the scope: it waits for the thread before it unwinds
        let _finish = FinishOnDrop(&progress);
        if let Some(reach) = hint {
            let (entries, progress, skip) = (&entries, &progress, &taken_from_reuse);
            scope.spawn(move || prefetch::hint_ahead(entries, skip, progress, reach));
        }
        for (k, (batch, stamps)) in entries.chunks(BATCH).zip(stamps.chunks(BATCH)).enumerate() {
            progress.reach(k * BATCH);
            // Files known from before are taken first, in order; the rest
            // are read on every core.
            let known: Vec<Option<Taken<T>>> = batch
                .iter()
                .zip(stamps)
                .map(|(e, stamp)| reuse.as_mut()?.take(&e.path, &e.id, (*stamp)?))
                .collect();
            let loaded: Vec<LoadedFile> = batch
                .par_iter()
                .zip(&known)
                .enumerate()
                .map(|(j, (e, known))| {
                    let file = match known {
                        Some(taken) => LoadedFile::known(taken.articles.len(), taken.bytes),
                        None => load_entry(e, progress.take(k * BATCH + j), opts, stats, &progress),
                    };
                    stats.files_done.fetch_add(1, Ordering::Relaxed);
                    stats.bytes_done.fetch_add(file.bytes, Ordering::Relaxed);
                    stats
                        .articles_done
                        .fetch_add(file.count() as u64, Ordering::Relaxed);
                    file
                })
                .collect();
            for (((entry, file), known), &stamp) in batch.iter().zip(loaded).zip(known).zip(stamps)
            {
                let first = corpus.articles.len();
                corpus.bytes += file.bytes;
                let clean = file.problems.is_empty();
                match known {
                    Some(taken) => {
                        kept.resize_with(first, || None);
                        for (article, extra) in taken.articles {
                            corpus.articles.push(article);
                            kept.push(Some(extra));
                        }
                    }
                    None => {
                        corpus.articles.extend(file.article);
                        corpus.articles.extend(file.articles);
                        corpus.problems.extend(file.problems);
                    }
                }
                let articles = corpus.articles.len() - first;
                if let Some(stamp) = stamp.filter(|_| clean && articles > 0) {
                    corpus.sources.push(SourceFile {
                        path_key: FileStamps::path_key(&entry.path),
                        id: entry.id.clone(),
                        stamp,
                        first,
                        articles,
                        bytes: file.bytes,
                    });
                }
            }
            partial(&corpus.articles);
        }
    });
    corpus.articles.shrink_to_fit();
    kept.resize_with(corpus.articles.len(), || None);
    (corpus, kept)
}

/// What one file yielded.
struct LoadedFile {
    /// A text file's article, held in place: a vector per file would be an
    /// allocation per article, freed between the bodies once the corpus is
    /// assembled (holes later allocations mostly cannot use).
    article: Option<Article>,
    /// A JSON Lines file's articles.
    articles: Vec<Article>,
    problems: Vec<LoadProblem>,
    bytes: u64,
    /// Articles taken from an earlier load instead.
    known: usize,
}

impl LoadedFile {
    /// A file whose `articles` are taken from an earlier load.
    fn known(articles: usize, bytes: u64) -> LoadedFile {
        LoadedFile {
            article: None,
            articles: Vec::new(),
            problems: Vec::new(),
            bytes,
            known: articles,
        }
    }

    fn count(&self) -> usize {
        self.known + usize::from(self.article.is_some()) + self.articles.len()
    }
}

/// Loads one file's bytes as if read from `path`, whose extension picks the
/// format (`.jsonl` or text). The fuzz target and property tests use it.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> (Vec<Article>, Vec<LoadProblem>) {
    let is_jsonl = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    let name = path.file_name().map(Path::new).unwrap_or(path);
    if is_jsonl {
        return parse_jsonl(&clean_label(&name.to_string_lossy()), path, bytes);
    }
    let id = clean_label(&name.with_extension("").to_string_lossy());
    match article_from_bytes(&id, path, bytes.to_vec(), KnownFields::default()) {
        Ok(a) => (vec![a], Vec::new()),
        Err(reason) => (Vec::new(), vec![problem(path, reason)]),
    }
}

/// Reads and parses one file, from `opened` when it was opened already,
/// noting in `progress` how long the read took.
fn load_entry(
    entry: &Entry,
    opened: Option<fs::File>,
    opts: &LoadOptions,
    stats: &LoadStats,
    progress: &Progress,
) -> LoadedFile {
    let mut out = LoadedFile {
        article: None,
        articles: Vec::new(),
        problems: Vec::new(),
        bytes: 0,
        known: 0,
    };
    let start = Instant::now();
    let read = read_capped(&entry.path, opened, opts.size_cap);
    let parse_start = Instant::now();
    add_nanos(&stats.read_nanos, parse_start - start);
    progress.note_read(parse_start - start);
    let bytes = match read {
        Ok(b) => b,
        Err(reason) => {
            out.problems.push(problem(&entry.path, reason));
            return out;
        }
    };
    out.bytes = bytes.len() as u64;
    match entry.format {
        Format::Text => {
            match article_from_bytes(&entry.id, &entry.path, bytes, KnownFields::default()) {
                Ok(a) => out.article = Some(a),
                Err(reason) => out.problems.push(problem(&entry.path, reason)),
            }
        }
        Format::Jsonl => {
            let (articles, problems) = parse_jsonl(&entry.id, &entry.path, &bytes);
            out.articles = articles;
            out.problems = problems;
        }
    }
    add_nanos(&stats.parse_nanos, parse_start.elapsed());
    out
}

fn add_nanos(counter: &AtomicU64, d: std::time::Duration) {
    counter.fetch_add(d.as_nanos() as u64, Ordering::Relaxed);
}

/// Decodes, sanitises and parses one article's bytes.
pub(super) fn article_from_bytes(
    id: &str,
    path: &Path,
    bytes: Vec<u8>,
    known: KnownFields,
) -> Result<Article, String> {
    let decoded = decode(bytes).map_err(|e| e.reason())?;
    let redecoded = decoded.redecoded;
    // a huge file is held at most twice while it is parsed; a clean one once
    let clean = sanitize_decoded(decoded.text, decoded.ascii_controls);
    Ok(parse_article(
        id.to_string(),
        path.to_path_buf(),
        clean.text,
        redecoded,
        clean.removed,
        known,
    ))
}

/// The raw text of some bytes, as loading makes it: decoded and sanitised.
pub(super) fn raw_text(bytes: Vec<u8>) -> Result<String, String> {
    let decoded = decode(bytes).map_err(|e| e.reason())?;
    Ok(sanitize_decoded(decoded.text, decoded.ascii_controls).text)
}

/// Reads a file (from `opened` when it is open already), refusing it when
/// it is larger than the cap: checked before reading, and again after it
/// for a file that reports no size.
///
/// A file with a known size is read up to that size and no further: the
/// extra read that would only find its end (one system call in five per
/// file) is left out. What a file being written gains meanwhile is read at
/// the next load, which its change starts.
fn read_capped(path: &Path, opened: Option<fs::File>, cap: u64) -> Result<Vec<u8>, String> {
    let file = match opened {
        Some(file) => file,
        None => fs::File::open(path).map_err(|e| describe_io_error(&e))?,
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > cap {
        return Err(over_cap(len, cap));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // a size of 0 may be unknown (some system files): read to the end
    let limit = if len > 0 { len } else { cap.saturating_add(1) };
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| describe_io_error(&e))?;
    if bytes.len() as u64 > cap {
        return Err(over_cap(bytes.len() as u64, cap));
    }
    Ok(bytes)
}

fn over_cap(len: u64, cap: u64) -> String {
    format!(
        "file is {:.1} MiB, over the size cap of {:.1} MiB; skipped (raise it with --max-file-size)",
        len as f64 / 1048576.0,
        cap as f64 / 1048576.0
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_to_its_size_and_one_without_a_size_to_its_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "Judul\n\nIsi berita.\n").unwrap();
        assert_eq!(
            read_capped(&path, None, 1024).unwrap(),
            b"Judul\n\nIsi berita.\n"
        );
        assert!(read_capped(&path, None, 4)
            .unwrap_err()
            .contains("over the size cap"));
        // Linux reports a size of 0 for this file, which holds more
        #[cfg(target_os = "linux")]
        {
            let status = Path::new("/proc/self/status");
            assert_eq!(fs::metadata(status).unwrap().len(), 0);
            let bytes = read_capped(status, None, 1 << 20).unwrap();
            assert!(bytes.starts_with(b"Name:"), "{bytes:?}");
            assert!(read_capped(status, None, 8)
                .unwrap_err()
                .contains("over the size cap"));
        }
    }

    #[test]
    fn batches_show_growing_prefixes_of_the_final_order() {
        let dir = tempfile::tempdir().unwrap();
        let n = BATCH * 2 + 5;
        for i in 0..n {
            let text = format!("Berita {i}\n\nBupati hadir pada rapat ke-{i}.\n");
            fs::write(dir.path().join(format!("{i:05}.txt")), text).unwrap();
        }
        fs::write(dir.path().join("z.bin"), b"\0").unwrap();
        let paths = [dir.path().to_path_buf()];
        let mut seen: Vec<Vec<String>> = Vec::new();
        let stats = LoadStats::default();
        let corpus = load_paths_streaming(&paths, &LoadOptions::default(), &stats, &mut |a| {
            seen.push(a.iter().map(|a| a.id.clone()).collect())
        });
        let ids: Vec<String> = corpus.articles.iter().map(|a| a.id.clone()).collect();
        assert_eq!(ids.len(), n);
        let sizes: Vec<usize> = seen.iter().map(Vec::len).collect();
        assert_eq!(sizes, [BATCH, 2 * BATCH, n]);
        for prefix in &seen {
            assert_eq!(prefix[..], ids[..prefix.len()]);
        }
        assert_eq!(corpus.problems.len(), 1, "{:?}", corpus.problems);
        let plain = load_paths(&paths, &LoadOptions::default());
        let plain_ids: Vec<&String> = plain.articles.iter().map(|a| &a.id).collect();
        assert_eq!(plain_ids, ids.iter().collect::<Vec<_>>());
        assert_eq!(stats.files_done.load(Ordering::Relaxed), n as u64);
    }
}
