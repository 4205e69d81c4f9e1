//! Criterion benches for the three stages `warta bench` times on a whole
//! corpus: parsing, entity extraction, and filtering while typing. Inputs
//! come from the same deterministic generator as `gen_corpus`.
//!
//! `cargo bench --bench speed` (add `-- filter` to run one group).

#[path = "synthetic.rs"]
mod synthetic;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use rayon::prelude::*;
use std::path::Path;
use warta::app::Library;
use warta::corpus::{load_bytes, Corpus};
use warta::entities::{extract, resolve};
use warta::search::{FilterQuery, FuzzyScorer};

/// Parsed articles of a synthetic corpus, as one corpus.
fn corpus(count: usize) -> Corpus {
    let mut corpus = Corpus::default();
    for (i, text) in synthetic::articles(count, 1).enumerate() {
        let (articles, _) = load_bytes(Path::new(&format!("{i:07}.txt")), text.as_bytes());
        corpus.bytes += text.len() as u64;
        corpus.articles.extend(articles);
    }
    corpus
}

fn parse(c: &mut Criterion) {
    let texts: Vec<String> = synthetic::articles(200, 1).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("200 articles", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| load_bytes(Path::new("a.txt"), t.as_bytes()).0.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn extraction(c: &mut Criterion) {
    let corpus = corpus(200);
    let bytes: usize = corpus.articles.iter().map(|a| a.body.text().len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("200 bodies", |b| {
        b.iter(|| {
            corpus
                .articles
                .iter()
                .map(|a| extract(&a.body.text()).officials.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn filter(c: &mut Criterion) {
    let corpus = corpus(10_000);
    let per_article = corpus
        .articles
        .par_iter()
        .map(|a| extract(&a.body.text()))
        .collect();
    let library = Library::new(corpus, resolve(per_article));
    let scorer = FuzzyScorer::default();
    let mut group = c.benchmark_group("filter 10k articles");
    for query in ["agung basuki", "kpl bappeda tng", "sekda"] {
        // Every keystroke of the query on an index with an empty cache.
        group.bench_function(format!("typing {query:?}"), |b| {
            b.iter_batched(
                || (*library.article_search).clone(),
                |index| {
                    query
                        .char_indices()
                        .map(|(i, ch)| {
                            let q = FilterQuery::new(&query[..i + ch.len_utf8()]);
                            index.filter(&q, &scorer, None).map_or(0, |h| h.len())
                        })
                        .sum::<usize>()
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = parse, extraction, filter
}
criterion_main!(benches);
