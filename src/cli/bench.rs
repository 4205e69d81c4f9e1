//! `warta bench`: loads a corpus the way the reader does, then types queries
//! one character at a time through the reader's article-filter path, and
//! compares each keystroke with a naive fuzzy-matcher rescan of the same
//! haystacks.

use super::args::CorpusArgs;
use super::open::read_corpus_reusing;
use super::open::SnapshotPlace;
use super::write_stdout;
use crate::app::search::{self, SearchRequest, SearchTarget};
use crate::app::{figure_documents, Library};
use crate::corpus::LoadStats;
use crate::entities::resolve_packed_beside;
use crate::search::{fold, FuzzyScorer, SearchIndex};
use crate::store::{entity_cache, snapshot};
use anyhow::Result;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;
use serde_json::json;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The queries typed when none are given.
pub const DEFAULT_QUERIES: [&str; 4] = ["agung basuki", "kpl bappeda tng", "wismansyh", "sekda"];

/// One keystroke: the query so far, and what filtering it cost.
struct Keystroke {
    query: String,
    ms: f64,
    matches: usize,
    naive_ms: f64,
    naive_matches: usize,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Nearest-rank percentile of unsorted values.
fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

/// Peak resident set size of this process (`VmHWM`), in bytes; 0 when unknown.
pub fn peak_rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

/// Every prefix of `query`, one per typed character.
fn prefixes(query: &str) -> impl Iterator<Item = &str> {
    query
        .char_indices()
        .map(move |(i, c)| &query[..i + c.len_utf8()])
}

/// The baseline: every haystack (fields joined) scored afresh with
/// fuzzy-matcher against the whole query, then all matches sorted.
fn naive_rescan(matcher: &SkimMatcherV2, haystacks: &[String], query: &str) -> usize {
    let folded = fold(query);
    let mut hits: Vec<(i64, usize)> = haystacks
        .par_iter()
        .enumerate()
        .filter_map(|(i, h)| matcher.fuzzy_match(h, &folded).map(|s| (s, i)))
        .collect();
    hits.par_sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hits.len()
}

fn haystacks(index: &SearchIndex) -> Vec<String> {
    (0..index.len())
        .map(|d| index.fields(d).collect::<Vec<_>>().join(" "))
        .collect()
}

/// The baseline the load goal is measured against, taken in the same run:
/// every file the articles came from read whole and its newlines counted,
/// on every core (the work of `rg -c .`). The time and the lines; `None` when no
/// article came from a file (the bundled seeds).
fn plain_read(articles: &[crate::corpus::Article]) -> Option<(Duration, usize)> {
    let mut paths: Vec<&Path> = articles
        .iter()
        .filter(|a| a.origin != crate::corpus::Origin::Seed)
        .map(|a| a.path.as_path())
        .collect();
    paths.sort_unstable();
    paths.dedup();
    if paths.is_empty() {
        return None;
    }
    let start = Instant::now();
    let lines = paths
        .par_iter()
        .map(|p| std::fs::read(p).map_or(0, |bytes| memchr::memchr_iter(b'\n', &bytes).count()))
        .sum();
    Some((start.elapsed(), lines))
}

/// Types each query one character at a time through the filter the
/// reader's search worker runs on `index`; the naive columns are left 0.
fn typed(index: &Arc<SearchIndex>, target: SearchTarget, queries: &[String]) -> Vec<Keystroke> {
    let scorer = FuzzyScorer::default();
    let cancel = AtomicBool::new(false);
    let mut keystrokes = Vec::new();
    for (generation, prefix) in queries.iter().flat_map(|q| prefixes(q)).enumerate() {
        let request = SearchRequest {
            target,
            generation: generation as u64 + 1,
            query: prefix.to_string(),
            index: index.clone(),
        };
        let t = Instant::now();
        let result = search::run(&request, &scorer, &cancel);
        let elapsed = t.elapsed();
        keystrokes.push(Keystroke {
            query: prefix.to_string(),
            ms: ms(elapsed),
            matches: result.map_or(0, |r| r.hits.len()),
            naive_ms: 0.0,
            naive_matches: 0,
        });
    }
    keystrokes
}

/// How the corpus was loaded and what each step took.
struct Load {
    lib: Library,
    /// Wall time of the whole load.
    total: Duration,
    /// Walking the files for the snapshot key (none without a snapshot).
    fingerprint: Option<Duration>,
    /// Reading the snapshot, when it was current and used.
    snapshot_read: Option<Duration>,
    /// The steps of a load from the files (all zero after a snapshot).
    read_ms: f64,
    parse_ms: f64,
    extract: Duration,
    cache_hits: usize,
    /// Reading the articles of a snapshot that was not current, when one
    /// by this build was there.
    reuse_read: Option<Duration>,
    /// Articles taken from it with their entities (files unchanged since).
    reused: usize,
    resolve: Duration,
    index: Duration,
    /// Writing a new snapshot after a load from the files (not in `total`),
    /// and its size.
    snapshot_write: Option<(Duration, u64)>,
    /// Rewriting the entity cache after that (not in `total` either: the
    /// reader does both on a thread of its own once the library is built).
    cache_write: Option<Duration>,
}

/// Loads exactly as the reader does: from a current snapshot, else
/// read_corpus, then extraction through the entity cache and resolution
/// (timed apart), then the library's indices, then a new snapshot.
fn load(args: &CorpusArgs, cache: Option<&Path>, snapshot: bool) -> Load {
    let start = Instant::now();
    let place = snapshot.then(|| SnapshotPlace::now(args)).flatten();
    let fingerprint = place.as_ref().map(|_| start.elapsed());
    let t = Instant::now();
    if let Some(lib) = place.as_ref().and_then(SnapshotPlace::read) {
        return Load {
            lib,
            total: start.elapsed(),
            fingerprint,
            snapshot_read: Some(t.elapsed()),
            read_ms: 0.0,
            parse_ms: 0.0,
            extract: Duration::ZERO,
            cache_hits: 0,
            reuse_read: None,
            reused: 0,
            resolve: Duration::ZERO,
            index: Duration::ZERO,
            snapshot_write: None,
            cache_write: None,
        };
    }
    let t = Instant::now();
    let reuse = place.as_ref().and_then(SnapshotPlace::reusable);
    let reuse_read = reuse.as_ref().map(|_| t.elapsed());
    let stats = LoadStats::default();
    let t = Instant::now();
    let (corpus, known) = read_corpus_reusing(args, &stats, &mut |_| {}, place.as_ref(), reuse);
    let read_parse = t.elapsed();
    let t = Instant::now();
    let (per_article, cache_use, pending) =
        entity_cache::extract_known(&corpus.articles, known, cache, &stats.entities_done);
    let extract = t.elapsed();
    // Resolution, with the figure rows' search documents folded beside it
    // (timed with it), then the rest of the indices.
    let t = Instant::now();
    let (entities, figures) =
        resolve_packed_beside(per_article, |p| figure_documents(&corpus.articles, p));
    let resolve = t.elapsed();
    let t = Instant::now();
    let lib = Library::with_figure_documents(Arc::new(corpus), entities, false, Some(figures));
    let index = t.elapsed();
    let total = start.elapsed();
    let snapshot_write = place.and_then(|p| {
        let t = Instant::now();
        let bytes = snapshot::write(&p.path, p.key, &lib).ok()?;
        Some((t.elapsed(), bytes))
    });
    let cache_write = pending.and_then(|pending| {
        let t = Instant::now();
        let entities = &lib.entities.per_article;
        pending.write(&lib.corpus.articles, entities).ok()?;
        Some(t.elapsed())
    });
    // Read and parse run interleaved on every loader thread: split their wall
    // time by the thread time each phase took.
    let read_ns = stats.read_nanos.load(Ordering::Relaxed) as f64;
    let parse_ns = stats.parse_nanos.load(Ordering::Relaxed) as f64;
    let read_share = if read_ns + parse_ns > 0.0 {
        read_ns / (read_ns + parse_ns)
    } else {
        0.0
    };
    let read_ms = ms(read_parse) * read_share;
    Load {
        lib,
        total,
        fingerprint,
        snapshot_read: None,
        read_ms,
        parse_ms: ms(read_parse) - read_ms,
        extract,
        cache_hits: cache_use.hits,
        reuse_read,
        reused: cache_use.known,
        resolve,
        index,
        snapshot_write,
        cache_write,
    }
}

/// Runs the benchmark and prints its report.
pub fn bench(
    args: &CorpusArgs,
    cache: Option<&Path>,
    snapshot: bool,
    queries: &[String],
    as_json: bool,
) -> Result<()> {
    let queries: Vec<String> = if queries.is_empty() {
        DEFAULT_QUERIES.iter().map(|q| q.to_string()).collect()
    } else {
        queries.to_vec()
    };
    let load = load(args, cache, snapshot);
    let lib = &load.lib;
    for p in &lib.corpus.problems {
        eprintln!("warta: {p}");
    }

    let mut keystrokes = typed(&lib.article_search, SearchTarget::Articles, &queries);
    let rss = peak_rss();
    // The sidebar's corpus scope (a row per figure, organisation, place …),
    // after the RSS reading, so that figure stays the list's alone.
    let corpus = typed(&lib.corpus_row_search, SearchTarget::Entities, &queries);
    let corpus_times: Vec<f64> = corpus.iter().map(|k| k.ms).collect();
    let corpus_p = [50.0, 99.0, 100.0].map(|p| percentile(&corpus_times, p));
    // After the load, so the files are in the page cache, as for a second
    // run of `rg`.
    let plain = plain_read(lib.articles());
    let plain_ms = plain.map(|(t, _)| ms(t));
    let load_over_plain = plain_ms.filter(|&p| p > 0.0).map(|p| ms(load.total) / p);
    // The baseline, on the same haystacks, after the RSS reading.
    let hay = haystacks(&lib.article_search);
    let matcher = SkimMatcherV2::default().respect_case();
    for k in &mut keystrokes {
        let t = Instant::now();
        k.naive_matches = naive_rescan(&matcher, &hay, &k.query);
        k.naive_ms = ms(t.elapsed());
    }

    let times: Vec<f64> = keystrokes.iter().map(|k| k.ms).collect();
    let naive: Vec<f64> = keystrokes.iter().map(|k| k.naive_ms).collect();
    let (p50, p99, max) = (
        percentile(&times, 50.0),
        percentile(&times, 99.0),
        percentile(&times, 100.0),
    );
    let (n50, n99) = (percentile(&naive, 50.0), percentile(&naive, 99.0));
    let speedup = |naive: f64, fast: f64| if fast > 0.0 { naive / fast } else { 0.0 };
    let hay_bytes: usize = hay.iter().map(String::len).sum();
    if as_json {
        let v = json!({
            "articles": lib.articles().len(),
            "bytes": lib.corpus.bytes,
            "threads": rayon::current_num_threads(),
            "load_ms": ms(load.total),
            "loaded_from": if load.snapshot_read.is_some() { "snapshot" } else { "files" },
            "fingerprint_ms": load.fingerprint.map(ms),
            "snapshot_read_ms": load.snapshot_read.map(ms),
            "read_ms": load.read_ms,
            "parse_ms": load.parse_ms,
            "extract_ms": ms(load.extract),
            "extract_cached": load.cache_hits,
            "reuse_read_ms": load.reuse_read.map(ms),
            "reused": load.reused,
            "resolve_ms": ms(load.resolve),
            "index_ms": ms(load.index),
            "snapshot_write_ms": load.snapshot_write.map(|(t, _)| ms(t)),
            "snapshot_bytes": load.snapshot_write.map(|(_, n)| n),
            "cache_write_ms": load.cache_write.map(ms),
            "plain_read_ms": plain_ms,
            "load_over_plain_read": load_over_plain,
            "officials": lib.entities.officials.len(),
            "haystack_bytes": hay_bytes,
            "keystrokes": keystrokes.iter().map(|k| json!({
                "query": k.query,
                "ms": k.ms,
                "matches": k.matches,
                "naive_ms": k.naive_ms,
                "naive_matches": k.naive_matches,
            })).collect::<Vec<_>>(),
            "p50_ms": p50,
            "p99_ms": p99,
            "max_ms": max,
            "naive_p50_ms": n50,
            "naive_p99_ms": n99,
            "speedup_p50": speedup(n50, p50),
            "speedup_p99": speedup(n99, p99),
            "rss_bytes": rss,
            "corpus_rows": lib.corpus_row_search.len(),
            "corpus_p50_ms": corpus_p[0],
            "corpus_p99_ms": corpus_p[1],
            "corpus_max_ms": corpus_p[2],
            "corpus_keystrokes": corpus.iter().map(|k| json!({
                "query": k.query,
                "ms": k.ms,
                "matches": k.matches,
            })).collect::<Vec<_>>(),
        });
        return Ok(write_stdout(&format!(
            "{}\n",
            serde_json::to_string_pretty(&v)?
        ))?);
    }
    let mut out = String::new();
    let mb = lib.corpus.bytes as f64 / 1e6;
    let _ = writeln!(
        out,
        "{} articles, {mb:.1} MB, {} officials, {} threads",
        lib.articles().len(),
        lib.entities.officials.len(),
        rayon::current_num_threads()
    );
    let walk = load
        .fingerprint
        .map(|t| format!("fingerprint {:.0} · ", ms(t)))
        .unwrap_or_default();
    if let Some(t) = load.snapshot_read {
        let _ = writeln!(
            out,
            "load {:.0} ms from the library snapshot: {walk}snapshot {:.0}",
            ms(load.total),
            ms(t)
        );
    } else {
        let reused = load
            .reuse_read
            .map(|t| {
                format!(
                    "earlier snapshot {:.0} ({} of {} articles from unchanged files) · ",
                    ms(t),
                    load.reused,
                    lib.articles().len()
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "load {:.0} ms: {walk}{reused}read {:.0} · parse {:.0} · extract {:.0} ({} of {} from the entity cache) · resolve {:.0} · index {:.0}",
            ms(load.total),
            load.read_ms,
            load.parse_ms,
            ms(load.extract),
            load.cache_hits,
            lib.articles().len(),
            ms(load.resolve),
            ms(load.index)
        );
    }
    if let Some((t, bytes)) = load.snapshot_write {
        let _ = writeln!(
            out,
            "library snapshot written for the next open: {:.1} MB in {:.0} ms",
            bytes as f64 / 1e6,
            ms(t)
        );
    }
    if let Some(t) = load.cache_write {
        let _ = writeln!(
            out,
            "entity cache written for the next open: {:.0} ms",
            ms(t)
        );
    }
    if let (Some((t, lines)), Some(ratio)) = (plain, load_over_plain) {
        let _ = writeln!(
            out,
            "plain read of the same files on every core (the work of `rg -c .`): {:.0} ms, {lines} lines; load {ratio:.1}× that",
            ms(t)
        );
    }
    let _ = writeln!(
        out,
        "{:<20} {:>9} {:>10} {:>9} {:>10}",
        "keystroke", "ms", "matches", "naive ms", "naive hits"
    );
    for k in &keystrokes {
        let _ = writeln!(
            out,
            "{:<20} {:>9.2} {:>10} {:>9.2} {:>10}",
            format!("{:?}", k.query),
            k.ms,
            k.matches,
            k.naive_ms,
            k.naive_matches
        );
    }
    let _ = writeln!(
        out,
        "filter p50 {p50:.2} ms · p99 {p99:.2} ms · max {max:.2} ms; naive p50 {n50:.2} ms · p99 {n99:.2} ms; speed-up p50 {:.1}× · p99 {:.1}×",
        speedup(n50, p50),
        speedup(n99, p99)
    );
    let _ = writeln!(
        out,
        "sidebar, corpus scope ({} rows), the same keystrokes: p50 {:.2} ms · p99 {:.2} ms · max {:.2} ms",
        lib.corpus_row_search.len(),
        corpus_p[0],
        corpus_p[1],
        corpus_p[2]
    );
    let _ = writeln!(
        out,
        "peak RSS {:.1} MB ({:.2}× the corpus bytes)",
        rss as f64 / 1e6,
        rss as f64 / (lib.corpus.bytes.max(1) as f64)
    );
    Ok(write_stdout(&out)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let v = [5.0, 1.0, 3.0, 2.0, 4.0];
        assert_eq!(percentile(&v, 50.0), 3.0);
        assert_eq!(percentile(&v, 99.0), 5.0);
        assert_eq!(percentile(&v, 100.0), 5.0);
        assert_eq!(percentile(&[], 50.0), 0.0);
    }

    #[test]
    fn prefixes_grow_by_one_char() {
        assert_eq!(
            prefixes("aí b").collect::<Vec<_>>(),
            ["a", "aí", "aí ", "aí b"]
        );
    }
}
