//! Reading an article's raw text again, on demand: a loaded corpus keeps only
//! the clean body and a hash of the raw text, which tells whether the source
//! changed since loading.

use super::jsonl::record_text;
use super::load::raw_text;
use super::seeds::seed_text;
use super::walk::describe_io_error;
use super::{Article, Origin};
use crate::store::paths::text_hash;
use std::fs;
use std::path::Path;

/// Why an article's raw text cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawError {
    /// The source no longer holds the text that was loaded.
    Changed,
    /// The source cannot be read; the reason in words.
    Unreadable(String),
}

/// The raw text of an article (the whole file, or the record's text, after
/// decoding and sanitising), read again from its source. Fails with
/// [`RawError::Changed`] when the text is not the one that was loaded.
pub fn read_raw(article: &Article) -> Result<String, RawError> {
    let bytes = match article.origin {
        Origin::Seed => seed_text(&article.path)
            .ok_or(RawError::Changed)?
            .as_bytes()
            .to_vec(),
        Origin::File | Origin::Record(_) => read_file(&article.path)?,
    };
    raw_from_bytes(article, bytes)
}

/// The raw text of an article from its source's bytes (its file, or the
/// `.jsonl` file holding its record), checked against the hash taken while
/// loading.
pub fn raw_from_bytes(article: &Article, bytes: Vec<u8>) -> Result<String, RawError> {
    let text = match article.origin {
        Origin::Record(line) => {
            let body = record_text(&bytes, line).ok_or(RawError::Changed)?;
            raw_text(body.into_bytes())
        }
        Origin::File | Origin::Seed => raw_text(bytes),
    };
    match text {
        Ok(text) if text_hash(text.as_bytes()) == article.hash => Ok(text),
        _ => Err(RawError::Changed),
    }
}

/// Reads a regular file (a FIFO put in its place would block).
fn read_file(path: &Path) -> Result<Vec<u8>, RawError> {
    let unreadable = |e: std::io::Error| RawError::Unreadable(describe_io_error(&e));
    if !fs::metadata(path).map_err(unreadable)?.is_file() {
        return Err(RawError::Unreadable("not a regular file".to_string()));
    }
    fs::read(path).map_err(unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{load_paths, load_seeds, LoadOptions};

    #[test]
    fn seeds_files_and_records_read_back() {
        for a in &load_seeds().articles {
            let raw = read_raw(a).unwrap();
            assert!(raw.contains(a.body.text().lines().next().unwrap()));
        }
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        fs::write(&file, "Judul\n\nBupati\x1b[31m hadir.\r\n").unwrap();
        let lines = "{\"text\":\"Satu.\"}\n\n{\"content\":\"Dua \\u001b hadir.\"}\n";
        fs::write(dir.path().join("b.jsonl"), lines).unwrap();
        let corpus = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
        let raws: Vec<String> = corpus
            .articles
            .iter()
            .map(|a| read_raw(a).unwrap())
            .collect();
        assert!(raws[0].starts_with("Judul\n\nBupati␛") && !raws[0].contains('\x1b'));
        assert_eq!(raws[1], "Satu.");
        assert_eq!(raws[2], "Dua ␛adir.");
        assert_eq!(corpus.articles[2].origin, Origin::Record(3));

        fs::write(&file, "Judul lain\n").unwrap();
        assert_eq!(read_raw(&corpus.articles[0]), Err(RawError::Changed));
        fs::remove_file(dir.path().join("b.jsonl")).unwrap();
        assert_eq!(
            read_raw(&corpus.articles[1]),
            Err(RawError::Unreadable("no such file or folder".to_string()))
        );
    }
}
