//! A fuzzer that runs on the stable toolchain (cargo-fuzz needs nightly). It
//! mutates the seed articles and the kept corpus (`tests/fuzz_corpus/`), runs
//! each input through load → parse → extract → resolve, and checks the
//! invariants in `tests/fuzz_check`. Without coverage instrumentation it keeps
//! inputs that show a new *behaviour* (a new post, title source, date form …).
//!
//! `cargo run --release --example fuzz -- --minutes 10`
//! writes `crash-*`, `slow-*` and `new-*` files under `--out` (default
//! `target/fuzz-out`). See the README, "Fuzzing".

#[path = "../tests/fuzz_check/mod.rs"]
mod fuzz_check;

use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Fragments that tend to reach rules: escapes, posts, honorifics, dates, sites.
const TOKENS: &[&str] = &[
    "\x1b[2J",
    "\x1b]52;c;aGk=\x07",
    "\x1b]8;;http://x\x1b\\",
    "\x1b[31m",
    "\x1bP",
    "\x07",
    "\x08",
    "\r",
    "\r\n",
    "\u{85}",
    "\u{9b}",
    "\u{9d}",
    "\u{202e}",
    "\u{2066}",
    "\u{200d}",
    "\u{feff}",
    "\u{ad}",
    "\u{a0}",
    "\u{301}",
    "🇮🇩",
    "日本",
    "é",
    "\n\n",
    "\n",
    " – ",
    " - ",
    "Wali Kota ",
    "Walikota ",
    "Wakil ",
    "Bupati ",
    "Sekda ",
    "Sekretaris Daerah ",
    "Kepala Dinas ",
    "Kepala Badan ",
    "Camat ",
    "Lurah ",
    "Pj. ",
    "Plt. ",
    "Gubernur ",
    "Ketua DPRD ",
    "AKBP ",
    "Bapak ",
    "Ibu ",
    "H. ",
    "Hj. ",
    "Drs. ",
    "Dr. ",
    "Ir. ",
    ", SH",
    ", M.Si",
    ", SE, MM",
    "Kota Tangerang",
    "Kabupaten ",
    "Tangsel",
    "Provinsi Jambi",
    "Kecamatan ",
    "(",
    ")",
    "\"",
    "“",
    "”",
    ",",
    ".",
    ":",
    "Rp",
    "%",
    "1,61",
    "8.182 rumah",
    "29 April 2019",
    "Senin, 29 April 2019 11:24 WIB",
    "(7/8)",
    "17/10/2023",
    "BantenHits.com",
    "Sumber: ",
    "Berita Lainnya",
    "Share post:",
    "0 Response to \"[Pos baru] ",
    "Terpopuler",
    "Untung",
    "Arief",
    "kata ",
    "ujar ",
    "Bappeda",
    "Pemkot",
    "BPSDMD",
    "P3KE",
    " A ",
    "{\"title\":\"",
    "\",\"text\":\"",
    "\"}",
    "\\u001b",
    "\\n",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

struct Options {
    minutes: f64,
    seed: u64,
    out: PathBuf,
    max_len: usize,
}

fn options() -> Options {
    let mut o = Options {
        minutes: 10.0,
        seed: 0x5eed_1234_abcd_ef01,
        out: PathBuf::from("target/fuzz-out"),
        max_len: 256 * 1024,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value = pair.get(1).map(String::as_str).unwrap_or("");
        match pair[0].as_str() {
            "--minutes" => o.minutes = value.parse().expect("--minutes N"),
            "--seed" => o.seed = value.parse().expect("--seed N"),
            "--out" => o.out = PathBuf::from(value),
            "--max-len" => o.max_len = value.parse().expect("--max-len BYTES"),
            other => panic!("unknown option {other}; use --minutes --seed --out --max-len"),
        }
    }
    o
}

/// The starting pool: seeds, the kept corpus, and a `.jsonl` record of each seed.
fn initial_pool() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pool = Vec::new();
    for dir in ["seeds", "tests/fuzz_corpus"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        for f in files {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&f).expect("read pool file");
            if dir == "seeds" {
                let text = String::from_utf8_lossy(&bytes);
                let record = serde_json::json!({"title": "Judul", "text": text});
                pool.push((format!("{name}.jsonl"), format!("{record}\n").into_bytes()));
            }
            pool.push((name, bytes));
        }
    }
    pool
}

fn mutate(rng: &mut Rng, input: &[u8], pool: &[(String, Vec<u8>)], max_len: usize) -> Vec<u8> {
    let mut b = input.to_vec();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(b.len() + 1);
        match rng.below(10) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 => {
                let interesting = [0u8, 0xff, 0x80, 0xc3, 0xe2, 0x1b, b'\n', b' ', b'.', b','];
                b.insert(at, interesting[rng.below(interesting.len())]);
            }
            2 if !b.is_empty() => {
                let len = rng.below(64.min(b.len() - at.min(b.len())) + 1);
                b.drain(at.min(b.len())..(at + len).min(b.len()));
            }
            3..=5 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                b.splice(at..at, t.iter().copied());
            }
            6 => {
                let other = &pool[rng.below(pool.len())].1;
                let from = rng.below(other.len());
                let len = rng.below(512).min(other.len() - from);
                b.splice(at..at, other[from..from + len].iter().copied());
            }
            7 if !b.is_empty() => {
                // Repeat a chunk many times: probes superlinear passes.
                let from = rng.below(b.len());
                let chunk: Vec<u8> = b[from..(from + 1 + rng.below(40)).min(b.len())].to_vec();
                let times = 1 + rng.below(2000);
                let rep: Vec<u8> = chunk
                    .iter()
                    .copied()
                    .cycle()
                    .take(chunk.len() * times)
                    .collect();
                b.splice(at..at, rep);
            }
            8 => b.truncate(at),
            _ => {
                let from = rng.below(b.len() + 1);
                let to = (from + rng.below(200)).min(b.len());
                let copy = b[from..to].to_vec();
                b.splice(at..at, copy);
            }
        }
    }
    b.truncate(max_len);
    b
}

fn save(out: &Path, kind: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    std::hash::Hash::hash(bytes, &mut h);
    let ext = if name.ends_with(".jsonl") {
        "jsonl"
    } else {
        "txt"
    };
    let path = out.join(format!(
        "{kind}-{:016x}.{ext}",
        std::hash::Hasher::finish(&h)
    ));
    std::fs::write(&path, bytes).expect("save input");
    path
}

fn main() {
    let o = options();
    std::fs::create_dir_all(&o.out).expect("create --out");
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(o.seed | 1);
    let mut pool = initial_pool();
    let mut seen: HashSet<u64> = HashSet::new();
    for (name, bytes) in &pool {
        seen.extend(fuzz_check::run(name, bytes));
    }
    let start = Instant::now();
    let deadline = start + Duration::from_secs_f64(o.minutes * 60.0);
    let (mut runs, mut crashes, mut slow, mut kept) = (0u64, 0u64, 0u64, 0u64);
    let mut report = start;
    while Instant::now() < deadline {
        let (name, parent) = &pool[rng.below(pool.len())];
        let name = name.clone();
        let input = mutate(&mut rng, parent, &pool, o.max_len);
        let t = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| fuzz_check::run(&name, &input)));
        let took = t.elapsed();
        runs += 1;
        match result {
            Err(e) => {
                crashes += 1;
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                let path = save(&o.out, "crash", &name, &input);
                println!(
                    "CRASH {}: {}",
                    path.display(),
                    msg.lines().next().unwrap_or("")
                );
            }
            Ok(features) => {
                // Linear work is ~1 µs per byte; far beyond that is a finding.
                if took
                    > Duration::from_millis(200) + Duration::from_micros(input.len() as u64 * 20)
                {
                    slow += 1;
                    let path = save(&o.out, "slow", &name, &input);
                    println!(
                        "SLOW {:?} for {} bytes: {}",
                        took,
                        input.len(),
                        path.display()
                    );
                }
                let new = features.iter().filter(|f| seen.insert(**f)).count();
                if new > 0 && pool.len() < 20_000 {
                    kept += 1;
                    save(&o.out, "new", &name, &input);
                    pool.push((name, input));
                }
            }
        }
        if report.elapsed() > Duration::from_secs(60) {
            report = Instant::now();
            println!(
                "{:>4.0}s {runs} runs, {crashes} crashes, {slow} slow, {kept} new, {} features",
                start.elapsed().as_secs_f64(),
                seen.len()
            );
        }
    }
    println!(
        "done: {:.1} min, {runs} runs, {crashes} crashes, {slow} slow, {kept} kept, {} features",
        start.elapsed().as_secs_f64() / 60.0,
        seen.len()
    );
}
