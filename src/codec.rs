//! A compact binary encoding for warta's own cache files: little-endian
//! numbers and length-prefixed bytes, written and read field by field.
//!
//! Reading never panics and never trusts a length: a text or list longer
//! than the bytes left, a string that is not UTF-8 or an unknown tag is
//! damage, and decoding gives `None`. Only warta reads what warta wrote, so
//! there is no schema: a file's format version says how to read it.

use std::path::PathBuf;
use std::sync::Arc;

/// Bytes being encoded.
#[derive(Debug, Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    /// The bytes written so far.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Number of bytes written so far.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// True when nothing was written.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// Forgets what was written, keeping the buffer.
    pub fn clear(&mut self) {
        self.buf.clear();
    }

    /// Writes one byte.
    pub fn u8(&mut self, n: u8) {
        self.buf.push(n);
    }

    /// Writes a `u32`.
    pub fn u32(&mut self, n: u32) {
        self.buf.extend_from_slice(&n.to_le_bytes());
    }

    /// Writes a `u64`.
    pub fn u64(&mut self, n: u64) {
        self.buf.extend_from_slice(&n.to_le_bytes());
    }

    /// Writes a length or count (as a `u64`).
    pub fn len_of(&mut self, n: usize) {
        self.u64(n as u64);
    }

    /// Writes bytes with their length.
    pub fn bytes(&mut self, bytes: &[u8]) {
        self.len_of(bytes.len());
        self.buf.extend_from_slice(bytes);
    }

    /// Writes a text with its length.
    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    /// Writes anything encodable.
    pub fn put<T: Encode + ?Sized>(&mut self, value: &T) {
        value.encode(self);
    }
}

/// Bytes being decoded, consumed from the front.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// Reads `bytes` from the start.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { rest: bytes }
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.rest.len()
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.rest.split_at_checked(n)?;
        self.rest = rest;
        Some(head)
    }

    /// Reads one byte.
    pub fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    /// Reads a `u32`.
    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    /// Reads a `u64`.
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// Reads a length or count; `None` when it cannot be one here: longer
    /// than the bytes left (every item takes at least one byte).
    pub fn len_of(&mut self) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        (n <= self.rest.len()).then_some(n)
    }

    /// Reads bytes written with [`Writer::bytes`].
    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len_of()?;
        self.take(n)
    }

    /// Reads a text written with [`Writer::str`].
    pub fn str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    /// Reads anything decodable.
    pub fn get<T: Decode>(&mut self) -> Option<T> {
        T::decode(self)
    }

    /// True when every byte was read.
    pub fn is_done(&self) -> bool {
        self.rest.is_empty()
    }
}

/// A value that can be written with a [`Writer`].
pub trait Encode {
    /// Appends the value.
    fn encode(&self, w: &mut Writer);
}

/// A value that can be read back from what [`Encode`] wrote.
pub trait Decode: Sized {
    /// Reads the value; `None` on damage.
    fn decode(r: &mut Reader<'_>) -> Option<Self>;
}

/// [`Encode`] and [`Decode`] for a struct whose fields all have them: the
/// fields in the order named, nothing else. Naming a field twice or leaving
/// one out does not compile.
#[macro_export]
macro_rules! codec_fields {
    ($type:ty { $($field:ident),+ $(,)? }) => {
        impl $crate::codec::Encode for $type {
            fn encode(&self, w: &mut $crate::codec::Writer) {
                $( w.put(&self.$field); )+
            }
        }

        impl $crate::codec::Decode for $type {
            fn decode(r: &mut $crate::codec::Reader<'_>) -> Option<Self> {
                Some(Self { $( $field: r.get()?, )+ })
            }
        }
    };
}

impl Encode for u32 {
    fn encode(&self, w: &mut Writer) {
        w.u32(*self);
    }
}

impl Decode for u32 {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.u32()
    }
}

impl Encode for u64 {
    fn encode(&self, w: &mut Writer) {
        w.u64(*self);
    }
}

impl Decode for u64 {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.u64()
    }
}

impl Encode for usize {
    fn encode(&self, w: &mut Writer) {
        w.u64(*self as u64);
    }
}

impl Decode for usize {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        usize::try_from(r.u64()?).ok()
    }
}

impl Encode for bool {
    fn encode(&self, w: &mut Writer) {
        w.u8(u8::from(*self));
    }
}

impl Decode for bool {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Encode for str {
    fn encode(&self, w: &mut Writer) {
        w.str(self);
    }
}

impl Encode for String {
    fn encode(&self, w: &mut Writer) {
        w.str(self);
    }
}

impl Decode for String {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.str().map(str::to_string)
    }
}

impl Encode for Arc<str> {
    fn encode(&self, w: &mut Writer) {
        w.str(self);
    }
}

impl Decode for Arc<str> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.str().map(Arc::from)
    }
}

impl Encode for PathBuf {
    fn encode(&self, w: &mut Writer) {
        w.bytes(self.as_os_str().as_encoded_bytes());
    }
}

impl Decode for PathBuf {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        path_from_bytes(r.bytes()?)
    }
}

/// A path back from the bytes [`std::ffi::OsStr::as_encoded_bytes`] gave:
/// any bytes on Unix, UTF-8 elsewhere.
#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Some(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> Option<PathBuf> {
    std::str::from_utf8(bytes).ok().map(PathBuf::from)
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, w: &mut Writer) {
        match self {
            None => w.u8(0),
            Some(v) => {
                w.u8(1);
                v.encode(w);
            }
        }
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.u8()? {
            0 => Some(None),
            1 => Some(Some(T::decode(r)?)),
            _ => None,
        }
    }
}

impl<T: Encode> Encode for [T] {
    fn encode(&self, w: &mut Writer) {
        w.len_of(self.len());
        for v in self {
            v.encode(w);
        }
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, w: &mut Writer) {
        self.as_slice().encode(w);
    }
}

/// Items a list reserves room for before any is read: a damaged count is
/// refused once the bytes run out, but should not reserve gigabytes first.
pub const PREALLOCATE_MAX: usize = 1 << 16;

impl<T: Decode> Decode for Vec<T> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.len_of()?;
        let mut out = Vec::with_capacity(n.min(PREALLOCATE_MAX));
        for _ in 0..n {
            out.push(T::decode(r)?);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Encode + Decode + PartialEq + std::fmt::Debug>(value: T) {
        let mut w = Writer::default();
        w.put(&value);
        let mut r = Reader::new(w.as_bytes());
        assert_eq!(r.get::<T>(), Some(value));
        assert!(r.is_done());
    }

    #[test]
    fn values_read_back_as_written() {
        round_trip(7u32);
        round_trip(u64::MAX);
        round_trip(12usize);
        round_trip(true);
        round_trip("Bupati Tangerang".to_string());
        round_trip(Some("Kepala Bappeda".to_string()));
        round_trip(None::<String>);
        round_trip(vec![vec![1usize, 2], vec![], vec![3]]);
        round_trip(Arc::<str>::from("Sekda"));
        round_trip(PathBuf::from("/tmp/berita/a.txt"));
    }

    #[test]
    fn cut_or_damaged_bytes_read_as_none() {
        let mut w = Writer::default();
        w.put(&vec!["satu".to_string(), "dua".to_string()]);
        let bytes = w.as_bytes();
        for cut in 0..bytes.len() {
            assert_eq!(Reader::new(&bytes[..cut]).get::<Vec<String>>(), None);
        }
        // a length far past the end is refused before anything is allocated
        let mut w = Writer::default();
        w.u64(u64::MAX / 2);
        assert_eq!(Reader::new(w.as_bytes()).get::<Vec<String>>(), None);
        // invalid UTF-8 and unknown tags
        let mut w = Writer::default();
        w.bytes(&[0xff, 0xfe]);
        assert_eq!(Reader::new(w.as_bytes()).get::<String>(), None);
        assert_eq!(Reader::new(&[2]).get::<Option<String>>(), None);
        assert_eq!(Reader::new(&[2]).get::<bool>(), None);
    }
}
