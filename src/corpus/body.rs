//! An article's clean body as it is held in memory: lz4-compressed, read
//! back on demand. Bodies are most of a loaded corpus, and news text
//! compresses to about half; only the open article (and the one the entity
//! extractor reads at a time) is ever held as text.

use crate::codec::{Decode, Encode, Reader, Writer};
use lz4_flex::block::{compress_into_with_table, CompressTable};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// Bodies shorter than this are kept as text: lz4 gains nothing on them.
const MIN_COMPRESSED: usize = 64;

/// A clean body, compressed when that makes it smaller. [`Body::text`]
/// gives back exactly the text it was made from.
#[derive(Clone, PartialEq, Eq)]
pub struct Body(Repr);

#[derive(Clone, PartialEq, Eq)]
enum Repr {
    /// Short or incompressible text, as is.
    Plain(Box<str>),
    /// lz4 block with the text length prepended (little-endian `u32`).
    Lz4(Box<[u8]>),
}

impl Body {
    /// Stores `text`, compressed unless that would not make it smaller (or
    /// it is too long for a 32-bit length).
    pub fn new(text: &str) -> Body {
        if text.len() >= MIN_COMPRESSED {
            if let Some(packed) = compress(text) {
                return Body(Repr::Lz4(packed));
            }
        }
        Body(Repr::Plain(text.into()))
    }

    /// Calls `f` with the text. A compressed body is decompressed into a
    /// buffer the thread keeps, so reading many bodies in turn (as entity
    /// extraction does) allocates nothing per body, unlike [`Body::text`].
    pub fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        let packed = match &self.0 {
            Repr::Plain(text) => return f(text),
            Repr::Lz4(packed) => packed,
        };
        // Taken out of the cell while `f` runs, so a nested call works (on
        // a buffer of its own) instead of finding the cell borrowed.
        let mut buf = SCRATCH.take();
        let result = {
            let text = lz4_flex::block::uncompressed_size(packed)
                .ok()
                .and_then(|(len, block)| {
                    if buf.len() < len {
                        buf.resize(len, 0);
                    }
                    // all of it, or nothing (as for a block that fails)
                    let n = lz4_flex::block::decompress_into(block, &mut buf[..len])
                        .ok()
                        .filter(|&n| n == len)?;
                    std::str::from_utf8(&buf[..n]).ok()
                });
            f(text.unwrap_or_default())
        };
        keep(buf);
        result
    }

    /// The text, decompressed when needed. Data that cannot be decompressed
    /// (it is only ever made by [`Body::new`], so this does not happen)
    /// gives an empty text rather than a panic.
    pub fn text(&self) -> Cow<'_, str> {
        match &self.0 {
            Repr::Plain(text) => Cow::Borrowed(text),
            Repr::Lz4(_) => Cow::Owned(self.with_text(str::to_owned)),
        }
    }

    /// Length of the text in bytes, without decompressing it.
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Plain(text) => text.len(),
            Repr::Lz4(packed) => lz4_flex::block::uncompressed_size(packed).map_or(0, |(n, _)| n),
        }
    }

    /// True when the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes held for the text (compressed or not), without bookkeeping.
    pub fn stored_len(&self) -> usize {
        match &self.0 {
            Repr::Plain(text) => text.len(),
            Repr::Lz4(packed) => packed.len(),
        }
    }

    /// True when the text is held compressed.
    pub fn is_compressed(&self) -> bool {
        matches!(self.0, Repr::Lz4(_))
    }
}

thread_local! {
    /// Room for one body's text or compressed form: kept between calls so
    /// that neither is allocated (and zeroed) per body.
    static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The compressor's hash table for inputs under 64 KiB, made once per
    /// thread and cleared per body (made per body, its allocation and
    /// zeroing took about a third of the compressor's time).
    static TABLE: std::cell::RefCell<CompressTable> = std::cell::RefCell::new(CompressTable::small());
}

/// `text` as an lz4 block with its length prepended (little-endian `u32`),
/// the bytes `lz4_flex::compress_prepend_size` gives; `None` when that is
/// not smaller than the text or the text is too long for the length.
fn compress(text: &str) -> Option<Box<[u8]>> {
    let len = u32::try_from(text.len()).ok()?;
    let mut buf = SCRATCH.take();
    let room = 4 + lz4_flex::block::get_maximum_output_size(text.len());
    if buf.len() < room {
        buf.resize(room, 0);
    }
    buf[..4].copy_from_slice(&len.to_le_bytes());
    let out = &mut buf[4..room];
    let packed = if text.len() < usize::from(u16::MAX) {
        TABLE.with_borrow_mut(|table| compress_into_with_table(text.as_bytes(), out, table))
    } else {
        // a table for long inputs only while one is compressed
        lz4_flex::block::compress_into(text.as_bytes(), out)
    };
    let packed = packed
        .ok()
        .filter(|n| 4 + n < text.len())
        .map(|n| buf[..4 + n].into());
    keep(buf);
    packed
}

/// Puts a buffer back into [`SCRATCH`] unless a huge body made it too big
/// to keep for the thread's life.
fn keep(buf: Vec<u8>) {
    const SCRATCH_MAX: usize = 1 << 20;
    if buf.capacity() <= SCRATCH_MAX {
        SCRATCH.set(buf);
    }
}

impl Default for Body {
    fn default() -> Body {
        Body::new("")
    }
}

impl From<&str> for Body {
    fn from(text: &str) -> Body {
        Body::new(text)
    }
}

impl From<String> for Body {
    fn from(text: String) -> Body {
        Body::new(&text)
    }
}

impl fmt::Debug for Body {
    /// Debug-prints the text, as a `String` body would.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.text(), f)
    }
}

impl fmt::Display for Body {
    /// Writes the text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl Serialize for Body {
    /// Serializes as the text, as a `String` body would.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

impl Encode for Body {
    /// A tag (0 text, 1 lz4) and the bytes as held: nothing is recompressed.
    fn encode(&self, w: &mut Writer) {
        match &self.0 {
            Repr::Plain(text) => {
                w.u8(0);
                w.str(text);
            }
            Repr::Lz4(packed) => {
                w.u8(1);
                w.bytes(packed);
            }
        }
    }
}

impl Decode for Body {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let repr = match r.u8()? {
            0 => Repr::Plain(r.str()?.into()),
            1 => {
                let packed = r.bytes()?;
                // the length lz4 prepends must be there
                lz4_flex::block::uncompressed_size(packed).ok()?;
                Repr::Lz4(packed.into())
            }
            _ => return None,
        };
        Some(Body(repr))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) {
        let body = Body::new(text);
        assert_eq!(body.text().as_bytes(), text.as_bytes());
        body.with_text(|t| assert_eq!(t.as_bytes(), text.as_bytes()));
        if body.is_compressed() {
            let Repr::Lz4(packed) = &body.0 else {
                unreachable!()
            };
            assert_eq!(**packed, *lz4_flex::compress_prepend_size(text.as_bytes()));
        }
        assert_eq!(body.len(), text.len());
        assert_eq!(body.is_empty(), text.is_empty());
    }

    #[test]
    fn texts_come_back_byte_identical() {
        round_trip("");
        round_trip("Singkat.");
        round_trip("Bupati Gowa meresmikan pasar. – “Kutipan” … ½ € 日本語 🙂\n\nParagraf dua.");
        let long = "Wali Kota Padang meninjau banjir di Kecamatan Koto Tangah.\n\n".repeat(5000);
        round_trip(&long);
        let varied: String = (0..20_000u32)
            .filter_map(|i| char::from_u32(0x20 + (i * 7919) % 0x2fff))
            .collect();
        round_trip(&varied);
    }

    #[test]
    fn reading_a_body_while_reading_another_works() {
        let a = Body::new(&"Bupati hadir di Sleman. ".repeat(20));
        let b = Body::new(&"Camat hadir di Depok. ".repeat(30));
        assert!(a.is_compressed() && b.is_compressed());
        let both = a.with_text(|ta| {
            let made = Body::new(&ta.repeat(2));
            b.with_text(|tb| format!("{}|{}|{}", ta.len(), tb.len(), made.len()))
        });
        assert_eq!(both, format!("{}|{}|{}", 24 * 20, 22 * 30, 24 * 40));
        // the buffer is back and still reads right
        a.with_text(|ta| assert_eq!(ta, a.text()));
    }

    #[test]
    fn a_huge_body_leaves_no_huge_buffer_behind() {
        let huge = "Rapat koordinasi digelar di Sleman. ".repeat(60_000);
        assert!(huge.len() > 2 << 20);
        let body = Body::new(&huge);
        assert!(body.is_compressed());
        assert_eq!(body.with_text(str::len), huge.len());
        let kept = SCRATCH.with_borrow(Vec::capacity);
        assert!(kept <= 1 << 20, "{kept} bytes kept");
        // and an ordinary body still reads through a kept buffer
        let small = Body::new(&"Camat hadir. ".repeat(20));
        small.with_text(|t| assert_eq!(t.len(), 13 * 20));
        assert!(SCRATCH.with_borrow(Vec::capacity) >= 13 * 20);
    }

    #[test]
    fn repetitive_text_is_held_compressed_and_smaller() {
        let text = "Rapat koordinasi digelar di Sleman. Bupati hadir. ".repeat(40);
        let body = Body::new(&text);
        assert!(body.is_compressed());
        assert!(body.stored_len() < text.len() / 2);
    }

    #[test]
    fn short_or_incompressible_text_stays_plain() {
        assert!(!Body::new("Isi berita.").is_compressed());
        let noise: String = (0..200u32)
            .filter_map(|i| char::from_u32(0x4e00 + (i * 7919) % 0x5000))
            .collect();
        let body = Body::new(&noise);
        assert!(body.stored_len() <= noise.len());
        assert_eq!(body.text(), noise);
    }

    #[test]
    fn corrupt_data_gives_empty_text_not_a_panic() {
        let mut packed =
            lz4_flex::compress_prepend_size(b"Isi berita yang cukup panjang untuk dikompres.");
        packed.truncate(packed.len() / 2);
        assert_eq!(Body(Repr::Lz4(packed.into_boxed_slice())).text(), "");
        let body = Body(Repr::Lz4(Box::new([0x10, 0, 0, 0, 0xff, 0xff])));
        assert_eq!(body.text(), "");
    }

    #[test]
    fn serializes_and_prints_as_the_text() {
        let text = "Kalimat “pertama”.\n\nKalimat kedua. ".repeat(10);
        let body = Body::new(&text);
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            serde_json::to_string(&text).unwrap()
        );
        assert_eq!(format!("{body:?}"), format!("{text:?}"));
        assert_eq!(body.to_string(), text);
    }
}
