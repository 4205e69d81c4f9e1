//! Where warta keeps its files: the `directories` crate's project folders for
//! "warta" (on Linux `$XDG_CONFIG_HOME/warta`, `$XDG_DATA_HOME/warta` and
//! `$XDG_CACHE_HOME/warta`, falling back to `~/.config/warta`,
//! `~/.local/share/warta` and `~/.cache/warta`).

use directories::ProjectDirs;
use std::path::{Path, PathBuf};

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "warta")
}

/// The default config file, `<config dir>/config.toml`; `None` without a home.
pub fn config_file() -> Option<PathBuf> {
    project().map(|p| p.config_dir().join("config.toml"))
}

/// The data folder that holds one state folder per corpus.
pub fn data_dir() -> Option<PathBuf> {
    project().map(|p| p.data_dir().to_path_buf())
}

/// The cache folder that holds one entity cache per corpus.
pub fn cache_dir() -> Option<PathBuf> {
    project().map(|p| p.cache_dir().to_path_buf())
}

/// The identity of a corpus: its roots made absolute and sorted, or `seeds`
/// for the bundled articles. Two runs on the same folders share one state.
pub fn corpus_identity(roots: &[PathBuf]) -> Vec<String> {
    if roots.is_empty() {
        return vec!["seeds".to_string()];
    }
    let mut ids: Vec<String> = roots
        .iter()
        .map(|r| {
            let abs = r
                .canonicalize()
                .or_else(|_| std::path::absolute(r))
                .unwrap_or_else(|_| r.clone());
            abs.to_string_lossy().into_owned()
        })
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// `<data dir>/corpora/<name>-<hash>/state.json` for a corpus identity.
pub fn state_file(data_dir: &Path, identity: &[String]) -> PathBuf {
    corpus_dir(data_dir, identity).join("state.json")
}

/// `<base>/corpora/<name>-<hash>`, the folder of one corpus: a readable name
/// from the first root and a hash of all of them.
pub fn corpus_dir(base: &Path, identity: &[String]) -> PathBuf {
    let first = identity.first().map(String::as_str).unwrap_or("corpus");
    let name = Path::new(first)
        .file_name()
        .map_or_else(|| first.to_string(), |n| n.to_string_lossy().into_owned());
    let mut name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(32)
        .collect();
    if name.is_empty() {
        name.push_str("corpus");
    }
    let hash = fnv1a(identity.join("\n").as_bytes());
    base.join("corpora").join(format!("{name}-{hash:016x}"))
}

/// The hash of an article's raw text that ties marks to it (and lets the raw
/// view check the file is unchanged): XXH3-64, fixed by its specification
/// across versions and platforms. Every loaded byte passes through it;
/// FNV-1a, used before, takes a multiply per byte in one chain and was
/// about a twentieth of a first load.
pub fn text_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// 64-bit FNV-1a: small, stable across Rust versions and platforms.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_state_file_per_set_of_roots() {
        let data = Path::new("/d");
        let a = state_file(data, &corpus_identity(&[PathBuf::from("/x/berita")]));
        let b = state_file(data, &corpus_identity(&[PathBuf::from("/y/berita")]));
        assert_ne!(a, b);
        assert!(a.starts_with("/d/corpora"));
        assert!(a.to_string_lossy().contains("/berita-"));
        assert_eq!(corpus_identity(&[]), vec!["seeds"]);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
