//! Articles in warta's cache encoding ([`crate::codec`]), for the library
//! snapshot: a reopened corpus is read back without parsing a file.

use super::{Article, ArticleDate, Corpus, LoadProblem, Origin, TitleSource};
use crate::codec::{Decode, Encode, Reader, Writer};

impl Encode for TitleSource {
    fn encode(&self, w: &mut Writer) {
        w.u8(match self {
            TitleSource::Header => 0,
            TitleSource::Footer => 1,
            TitleSource::Lead => 2,
        });
    }
}

impl Decode for TitleSource {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.u8()? {
            0 => Some(TitleSource::Header),
            1 => Some(TitleSource::Footer),
            2 => Some(TitleSource::Lead),
            _ => None,
        }
    }
}

impl Encode for ArticleDate {
    fn encode(&self, w: &mut Writer) {
        w.put(&self.year.map(|y| y as u32));
        w.u8(self.month);
        w.u8(self.day);
    }
}

impl Decode for ArticleDate {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let year = r.get::<Option<u32>>()?.map(|y| y as i32);
        let (month, day) = (r.u8()?, r.u8()?);
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(ArticleDate {
            year,
            month,
            day,
        })
    }
}

impl Encode for Origin {
    fn encode(&self, w: &mut Writer) {
        match self {
            Origin::File => w.u8(0),
            Origin::Record(line) => {
                w.u8(1);
                w.put(line);
            }
            Origin::Seed => w.u8(2),
        }
    }
}

impl Decode for Origin {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.u8()? {
            0 => Some(Origin::File),
            1 => Some(Origin::Record(r.get()?)),
            2 => Some(Origin::Seed),
            _ => None,
        }
    }
}

crate::codec_fields!(Article {
    id,
    path,
    title,
    title_source,
    date,
    site,
    author,
    dateline,
    body,
    hash,
    origin,
    redecoded,
    removed_controls,
});

crate::codec_fields!(LoadProblem { path, reason });

/// Everything of a corpus but its articles (the snapshot stores those in
/// chunks of their own).
pub fn encode_head(corpus: &Corpus, w: &mut Writer) {
    w.put(&corpus.problems);
    w.u64(corpus.bytes);
    w.len_of(corpus.articles.len());
}

/// A corpus without articles and the number of articles to read into it.
pub fn decode_head(r: &mut Reader<'_>) -> Option<(Corpus, u64)> {
    let problems = r.get()?;
    let bytes = r.u64()?;
    let articles = r.u64()?;
    Some((
        Corpus {
            articles: Vec::new(),
            problems,
            bytes,
            sources: Vec::new(),
        },
        articles,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{load_bytes, load_seeds};
    use std::path::Path;

    fn round_trip(article: &Article) -> Article {
        let mut w = Writer::default();
        w.put(article);
        let mut r = Reader::new(w.as_bytes());
        let back = r.get::<Article>().expect("an article reads back");
        assert!(r.is_done());
        back
    }

    /// Every field but the body, which [`Body`]'s own tests compare.
    fn same(a: &Article, b: &Article) {
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        assert_eq!(a.body.text(), b.body.text());
        assert_eq!((a.hash, a.origin), (b.hash, b.origin));
    }

    #[test]
    fn seeds_and_records_read_back_whole() {
        for a in &load_seeds().articles {
            same(a, &round_trip(a));
        }
        let text =
            "{\"title\":\"Camat \\u001b[31mHadiri\",\"text\":\"Camat Cisoka hadir (7/8).\"}\n";
        let (articles, _) = load_bytes(Path::new("b.jsonl"), text.as_bytes());
        assert_eq!(articles[0].origin, Origin::Record(1));
        same(&articles[0], &round_trip(&articles[0]));
    }

    #[test]
    fn a_cut_article_reads_as_none() {
        let a = &load_seeds().articles[0];
        let mut w = Writer::default();
        w.put(a);
        let bytes = w.as_bytes();
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(Reader::new(&bytes[..cut]).get::<Article>().is_none());
        }
    }
}
