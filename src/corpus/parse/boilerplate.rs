//! Recognising the site furniture scraped along with an article: author
//! boxes, "related" teasers, share buttons, comment sections, captcha prompts
//! and view counters. Rules are about the shape of a line, never about a
//! particular article.

use crate::corpus::wordre::WordRegex;
use regex::Regex;
use std::sync::LazyLock;

/// What a line of scraped text is, as far as boilerplate goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// Ordinary text.
    Text,
    /// A line after which nothing belongs to the article (`Terpopuler`,
    /// `Berita Lainnya`, `Artikel Terkait`, `Komentar` …).
    End,
    /// The author box heading; the next line names the author, then the tail.
    AuthorBox,
    /// `Penulis: X`, `Editor: X`, `Reporter: X`: names the author, drop the line.
    Byline(String),
    /// `Sumber: X`: names the source, drop the line.
    Source(String),
    /// `0 Response to "[Pos baru] Title"`: a comment footer carrying the title.
    FooterTitle(String),
    /// A line to drop wherever it stands (captcha prompt, view counter,
    /// `Baca juga: …`, share prompt, empty label).
    Drop,
}

/// Whole-line markers after which the rest of the file is site furniture.
const END_MARKERS: &[&str] = &[
    "terpopuler",
    "populer",
    "baca berita lainnya",
    "berita lainnya",
    "baca selengkapnya",
    "berita populer",
    "terpopuler hari ini",
    "share post",
    "share",
    "bagikan",
    "bagikan artikel",
    "share this",
    "share this post",
    "berita lainnya",
    "berita terkait",
    "berita terbaru",
    "terbaru",
    "related",
    "related posts",
    "related articles",
    "artikel terkait",
    "artikel lainnya",
    "baca juga",
    "lihat juga",
    "rekomendasi",
    "rekomendasi untuk anda",
    "komentar",
    "komentari",
    "tulis komentar",
    "tinggalkan balasan",
    "tinggalkan komentar",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "tags",
    "tag",
    "topik",
    "editor's pick",
    "pilihan editor",
    "video pilihan",
    "kategori",
    "navigasi pos",
    "post navigation",
    "previous post",
    "next post",
    "pos-pos terbaru",
];

/// Lines dropped wherever they stand (and any line that mentions a captcha).
static DROP_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:dibaca|dilihat|views?)\s*:?\s*[\d.,]+(?:\s*(?:kali|x|views?))?
          | [\d.,]+\s*(?:kali\s+dibaca|views|dilihat|comments?|komentar)
          | baca\s+(?:juga|pula|selengkapnya)\s*:.*
          | (?:share|bagikan)\s*(?:ke|to|on|:).*
          | (?:date|tanggal|waktu)\s*:\s*
          | (?:advertisement|iklan|scroll\s+to\s+continue.*|gulir\s+untuk.*|loading\.*)
          | (?:follow|ikuti)\s+(?:us|kami|berita).*(?:google\s+news|instagram|twitter|whatsapp|telegram).*
        )$",
    )
    .expect("valid regex")
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:penulis|reporter|wartawan|editor|redaktur|pewarta|oleh|author|writer)\s*[:：]|laporan\s+(?:wartawan|reporter|kontributor)\s+(?:[\w.-]+\.\w+,)?)\s*(.{2,80})$")
        .expect("valid regex")
});

static SOURCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^sumber\s*:\s*(.{2,120})$").expect("valid regex"));

static FOOTER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^\d+\s+(?:responses?|komentar|tanggapan)\s+(?:to|untuk|pada)\s+["“](?:\[[^\]]*\]\s*)?(.+?)["”]\s*$"#)
        .expect("valid regex")
});

static COMMENT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\d+\s+(?:comments?|komentar|responses?|tanggapan)$").expect("valid regex")
});

/// `Tags: Banjarbaru, PKN II`: a tag list closes the article.
static TAG_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:tags?|topik|kategori|label)\s*:\s*\S").expect("valid regex")
});

/// `Home / Berita Daerah / Jember`: a breadcrumb trail.
static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^/›»>]{1,40}(?:\s[/›»>]\s[^/›»>]{1,40}){1,5}$").expect("valid regex")
});

/// Classifies one trimmed line.
pub fn classify(line: &str) -> LineKind {
    let lower = line.to_lowercase();
    let bare = lower.trim_end_matches([':', ' ', '.']).trim();
    if bare == "author" || bare == "tentang penulis" || bare == "about the author" {
        return LineKind::AuthorBox;
    }
    if END_MARKERS.contains(&bare) || COMMENT_COUNT.is_match(line) || TAG_LINE.is_match(line) {
        return LineKind::End;
    }
    if let Some(c) = FOOTER_TITLE.captures(line) {
        return LineKind::FooterTitle(c[1].trim().to_string());
    }
    if let Some(c) = BYLINE.captures(line) {
        return LineKind::Byline(clean_name(&c[1]));
    }
    if let Some(c) = SOURCE.captures(line) {
        return LineKind::Source(c[1].trim().to_string());
    }
    // A breadcrumb holds a separator and is at most ~260 bytes: most lines
    // are ruled out without running its regex.
    let may_be_breadcrumb = line.len() <= 300 && line.contains(['/', '›', '»', '>']);
    if lower.contains("captcha")
        || DROP_LINE.is_match(line)
        || (may_be_breadcrumb && BREADCRUMB.is_match(line) && line.split_whitespace().count() <= 10)
    {
        return LineKind::Drop;
    }
    LineKind::Text
}

/// Strips bullets and stray punctuation around a name in an author box.
pub fn clean_name(s: &str) -> String {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '•' | '·' | '-' | '–' | '*' | '|' | '/' | ',')
    })
    .to_string()
}

/// True for a photo caption line such as `… berfoto bersama. (FOTO: x.go.id)`.
pub fn is_photo_caption(line: &str) -> bool {
    static CAPTION: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)(?:\((?:foto|photo|dok|dokumentasi|ist|istimewa)\b[^)]*\)\s*$|^(?:foto|photo|ilustrasi)\s*[:/])")
            .expect("valid regex")
    });
    CAPTION.on(line).is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_markers() {
        for line in [
            "Terpopuler",
            "Share post:",
            "Berita Lainnya",
            "Related",
            "Artikel Terkait",
            "Komentar",
            "Post a Comment",
            "BERITA TERKAIT",
            "Baca Juga:",
            "Tags:",
            "12 Comments",
        ] {
            assert_eq!(classify(line), LineKind::End, "{line}");
        }
    }

    #[test]
    fn author_box_and_bylines() {
        assert_eq!(classify("Author"), LineKind::AuthorBox);
        assert_eq!(
            classify("Penulis: Rina Marlina"),
            LineKind::Byline("Rina Marlina".into())
        );
        assert_eq!(
            classify("Editor : Yudi S."),
            LineKind::Byline("Yudi S.".into())
        );
        assert_eq!(clean_name("  • Darmawan J. S"), "Darmawan J. S");
    }

    #[test]
    fn captcha_counters_and_read_also_are_dropped() {
        for line in [
            "Pastikan Google Captcha Sudah Tercentang !!!",
            "Dibaca : 540",
            "1.234 kali dibaca",
            "Baca juga: Bupati Resmikan Jembatan",
            "Date:",
            "Share ke: Facebook Twitter",
        ] {
            assert_eq!(classify(line), LineKind::Drop, "{line}");
        }
    }

    #[test]
    fn comment_footer_carries_the_title() {
        assert_eq!(
            classify("0 Response to \"[Pos baru] Wabup Tinjau Pasar Baru\""),
            LineKind::FooterTitle("Wabup Tinjau Pasar Baru".into())
        );
        assert_eq!(
            classify("3 Responses to “Camat Hadiri Musrenbang”"),
            LineKind::FooterTitle("Camat Hadiri Musrenbang".into())
        );
    }

    #[test]
    fn source_lines() {
        assert_eq!(
            classify("Sumber: sleman.go.id"),
            LineKind::Source("sleman.go.id".into())
        );
    }

    #[test]
    fn ordinary_text_is_text() {
        assert_eq!(
            classify("Bupati meresmikan jembatan baru di Desa Sukamaju."),
            LineKind::Text
        );
        assert_eq!(
            classify("Related dengan itu, Sekda menyampaikan arahan."),
            LineKind::Text
        );
    }

    #[test]
    fn photo_captions() {
        assert!(is_photo_caption(
            "Para peserta berfoto bersama. (FOTO: sleman.go.id)"
        ));
        assert!(is_photo_caption("Foto: Humas Pemkab"));
        assert!(!is_photo_caption("Bupati memotret kegiatan warga."));
    }
}
