//! Datelines (`SOREANG –`, `Indolinear.com, Tangsel -`) and the site name.

use crate::corpus::wordre::{WordChars, WordRegex};
use regex::Regex;
use std::sync::LazyLock;

/// The dateline that opens a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place (`SOREANG`, `Tangsel`), if the dateline names one.
    pub place: Option<String>,
    /// A site named in the dateline (`Indolinear.com`).
    pub site: Option<String>,
    /// Byte offset in the paragraph where the report proper begins.
    pub body_offset: usize,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<a>[^\s,()\-–—][^,()\-–—\n]{0,48}?)(?:,\s*(?P<b>[^,()\-–—\n]{2,40}?))?\s*(?:\((?P<c>[^)\n]{1,40})\)\s*)?[-–—]{1,2}\s+\S",
    )
    .expect("valid regex")
});

static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|id|net|org|co|news|info|tv)$")
        .expect("valid regex")
});

/// `dikutip BantenHits.com`: the site that quotes another.
static QUOTED_BY: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\bdikutip\s+(?:dari\s+)?([a-z0-9][a-z0-9-]*\.(?:co\.id|com|id|net|news))\b",
    )
    .expect("valid regex")
});

/// A capitalised site name such as `Kompas.com` or `BantenHits.com`.
static SITE_NAME: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"\b([A-Z][A-Za-z0-9-]*[a-z][A-Za-z0-9-]*\.(?:co\.id|com|id|net|news|info))\b")
        .expect("valid regex")
});

fn is_domain(s: &str) -> bool {
    DOMAIN.is_match(s)
}

/// A dateline part is a few capitalised words (`SOREANG`, `Kota Batu`).
fn is_place_words(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '.' || c == '\'')
        })
}

/// Finds a dateline at the start of the first paragraph.
pub fn find_dateline(paragraph: &str) -> Option<Dateline> {
    let caps = DATELINE.captures(paragraph)?;
    let a = caps.name("a")?.as_str().trim();
    let b = caps.name("b").map(|m| m.as_str().trim());
    let body_offset = caps.get(0)?.end() - 1;
    // the final `\S` belongs to the body; step back to its first byte
    let body_offset = paragraph[..=body_offset]
        .char_indices()
        .last()
        .map_or(body_offset, |(i, _)| i);
    let (place, site) = match (is_domain(a), b) {
        (true, Some(b)) if is_place_words(b) => (Some(b.to_string()), Some(a.to_string())),
        (true, None) => (None, Some(a.to_string())),
        (false, Some(b)) if is_domain(b) && is_place_words(a) => {
            (Some(a.to_string()), Some(b.to_string()))
        }
        (false, None) if is_place_words(a) => {
            // `Berita Tangerang –`: a rubric naming the place.
            let place = a.strip_prefix("Berita ").unwrap_or(a);
            (Some(place.to_string()), None)
        }
        _ => return None,
    };
    Some(Dateline {
        place,
        site,
        body_offset,
    })
}

/// Finds the news site named in the body: `dikutip X.com`, else the first
/// capitalised site name.
pub fn find_site(body: &str) -> Option<String> {
    // Both patterns end in a dot and a domain (`.com`, `.co.id`, `.id`,
    // `.net`, `.news`, `.info`): without a dot before a c, i or n there is
    // nothing to look for, and most bodies' dots end sentences.
    let bytes = body.as_bytes();
    let dotted = memchr::memchr_iter(b'.', bytes).any(|at| {
        matches!(
            bytes.get(at + 1),
            Some(b'c' | b'i' | b'n' | b'C' | b'I' | b'N')
        )
    });
    if !dotted {
        return None;
    }
    let chars = WordChars::of(body);
    QUOTED_BY
        .for_text(&chars)
        .captures(body)
        .or_else(|| SITE_NAME.for_text(&chars).captures(body))
        .map(|c| c[1].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_named_in_the_body() {
        assert_eq!(
            find_site("Hal itu dikutip dari DETIK.COM kemarin.").as_deref(),
            Some("DETIK.COM")
        );
        assert_eq!(
            find_site("Menurut Kompas.com, acara selesai. Ini kata Bupati.").as_deref(),
            Some("Kompas.com")
        );
        assert_eq!(
            find_site("Acara selesai. Ini kata Bupati. Nanti lagi."),
            None
        );
    }

    #[test]
    fn all_caps_place() {
        let d = find_dateline("SOREANG – Kementerian Sosial menggelar").unwrap();
        assert_eq!(d.place.as_deref(), Some("SOREANG"));
        assert_eq!(d.site, None);
        assert_eq!(
            &"SOREANG – Kementerian Sosial menggelar"[d.body_offset..],
            "Kementerian Sosial menggelar"
        );
    }

    #[test]
    fn site_then_place() {
        let d = find_dateline("Radarbogor.id, Cibinong - Bupati Bogor meresmikan").unwrap();
        assert_eq!(d.place.as_deref(), Some("Cibinong"));
        assert_eq!(d.site.as_deref(), Some("Radarbogor.id"));
    }

    #[test]
    fn place_then_site_and_agency() {
        let d = find_dateline("PADANG, KOMPAS.com - Wali Kota Padang").unwrap();
        assert_eq!(d.place.as_deref(), Some("PADANG"));
        assert_eq!(d.site.as_deref(), Some("KOMPAS.com"));
        let d = find_dateline("MATARAM (Antara) - Gubernur NTB").unwrap();
        assert_eq!(d.place.as_deref(), Some("MATARAM"));
    }

    #[test]
    fn rubric_names_the_place() {
        let d = find_dateline("Berita Sleman – Pemkab Sleman menggelar").unwrap();
        assert_eq!(d.place.as_deref(), Some("Sleman"));
    }

    #[test]
    fn no_dateline_in_plain_sentences() {
        assert_eq!(
            find_dateline("Pemerintah Kota (Pemkot) Padang sukses - kata Bupati"),
            None
        );
        assert_eq!(find_dateline("Para Pejabat Se-Indonesia Datang"), None);
        assert_eq!(
            find_dateline("Bupati hadir di sini dan menyapa warga yang datang - semua senang"),
            None
        );
    }

    #[test]
    fn site_in_body() {
        assert_eq!(
            find_site("seperti dikutip Radarjambi.co.id dari laman").as_deref(),
            Some("Radarjambi.co.id")
        );
        assert_eq!(
            find_site("Menurut Kompas.com, bupati").as_deref(),
            Some("Kompas.com")
        );
        assert_eq!(find_site("laman resmi sleman.go.id"), None);
    }
}
