//! `warta bench`: loads a corpus the way the reader does, then types queries
//! one character at a time through the reader's article-filter path, and
//! compares each keystroke with a naive fuzzy-matcher rescan of the same
//! haystacks.

use super::args::CorpusArgs;
use super::commands::read_corpus_with_stats;
use super::write_stdout;
use crate::app::search::{self, SearchRequest, SearchTarget};
use crate::app::Library;
use crate::corpus::LoadStats;
use crate::entities::resolve_packed;
use crate::search::{fold, FuzzyScorer, SearchIndex};
use crate::store::entity_cache;
use anyhow::Result;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;
use serde_json::json;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
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

/// Runs the benchmark and prints its report.
pub fn bench(
    args: &CorpusArgs,
    cache: Option<&Path>,
    queries: &[String],
    as_json: bool,
) -> Result<()> {
    let queries: Vec<String> = if queries.is_empty() {
        DEFAULT_QUERIES.iter().map(|q| q.to_string()).collect()
    } else {
        queries.to_vec()
    };
    // Load exactly as the reader does: read_corpus, then extraction through
    // the entity cache and resolution (timed apart), then the library's indices.
    let stats = LoadStats::default();
    let start = Instant::now();
    let corpus = read_corpus_with_stats(args, &stats);
    let read_parse = start.elapsed();
    let t = Instant::now();
    let (per_article, cache_use) = entity_cache::extract_all(&corpus.articles, cache);
    let extract_time = t.elapsed();
    let t = Instant::now();
    let entities = resolve_packed(per_article);
    let resolve_time = t.elapsed();
    let t = Instant::now();
    let lib = Library::new(corpus, entities);
    let index_time = t.elapsed();
    let load = start.elapsed();
    for p in &lib.corpus.problems {
        eprintln!("warta: {p}");
    }
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
    let parse_ms = ms(read_parse) - read_ms;

    let scorer = FuzzyScorer::default();
    let cancel = AtomicBool::new(false);
    let mut keystrokes = Vec::new();
    let mut generation = 0;
    for q in &queries {
        for prefix in prefixes(q) {
            generation += 1;
            let request = SearchRequest {
                target: SearchTarget::Articles,
                generation,
                query: prefix.to_string(),
                index: lib.article_search.clone(),
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
    }
    let rss = peak_rss();
    // After the load, so the files are in the page cache, as for a second
    // run of `rg`.
    let plain = plain_read(lib.articles());
    let plain_ms = plain.map(|(t, _)| ms(t));
    let load_over_plain = plain_ms.filter(|&p| p > 0.0).map(|p| ms(load) / p);
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
    let lib_ref = &lib;
    if as_json {
        let v = json!({
            "articles": lib_ref.articles().len(),
            "bytes": lib_ref.corpus.bytes,
            "threads": rayon::current_num_threads(),
            "load_ms": ms(load),
            "read_ms": read_ms,
            "parse_ms": parse_ms,
            "extract_ms": ms(extract_time),
            "extract_cached": cache_use.hits,
            "resolve_ms": ms(resolve_time),
            "index_ms": ms(index_time),
            "plain_read_ms": plain_ms,
            "load_over_plain_read": load_over_plain,
            "officials": lib_ref.entities.officials.len(),
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
    let _ = writeln!(
        out,
        "load {:.0} ms: read {read_ms:.0} · parse {parse_ms:.0} · extract {:.0} ({} of {} from the entity cache) · resolve {:.0} · index {:.0}",
        ms(load),
        ms(extract_time),
        cache_use.hits,
        lib.articles().len(),
        ms(resolve_time),
        ms(index_time)
    );
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
