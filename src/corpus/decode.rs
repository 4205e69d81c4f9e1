//! Turning bytes into text: UTF-8 first, Windows-1252 as the fallback that
//! scraped Indonesian sites most often use, and a refusal for binary data.

use super::sanitize::has_ascii_controls;
use encoding_rs::WINDOWS_1252;

/// Decoded text, whether it needed the Windows-1252 fallback, and whether
/// it holds an ASCII control (for sanitising).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed.
    pub text: String,
    /// True when the bytes were not valid UTF-8.
    pub redecoded: bool,
    /// True when the text holds an ASCII control other than the line feed
    /// (see [`has_ascii_controls`]); sanitising need not look again.
    pub ascii_controls: bool,
}

/// Why bytes could not become an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    /// The file has no bytes (or only whitespace).
    Empty,
    /// The file holds NUL bytes or mostly control bytes.
    Binary(&'static str),
}

impl NotText {
    /// A reason for people.
    pub fn reason(&self) -> String {
        match self {
            NotText::Empty => "empty file".to_string(),
            NotText::Binary(why) => format!("binary file ({why}), not an article"),
        }
    }
}

/// Decodes file bytes, refusing empty and binary data. Takes the bytes so
/// UTF-8 text becomes a `String` without a copy (a huge file is held once).
pub fn decode(mut bytes: Vec<u8>) -> Result<Decoded, NotText> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(NotText::Empty);
    }
    // Text without a control byte (nearly every file) has neither a NUL
    // nor controls to count: one quick look, not two passes, whose answer
    // sanitising takes too. (Windows-1252 decodes every ASCII byte to
    // itself, so it holds for a redecoded text as well.)
    let ascii_controls = has_ascii_controls(&bytes);
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if ascii_controls {
        if memchr::memchr(0, sample).is_some() {
            return Err(NotText::Binary("NUL bytes"));
        }
        let controls = control_bytes(sample);
        if controls * 20 > sample.len() {
            return Err(NotText::Binary("mostly control bytes"));
        }
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            redecoded: false,
            ascii_controls,
        }),
        Err(e) => {
            let (text, _, _) = WINDOWS_1252.decode(e.as_bytes());
            Ok(Decoded {
                text: text.into_owned(),
                redecoded: true,
                ascii_controls,
            })
        }
    }
}

/// The number of control bytes other than line breaks, tab, form feed and
/// escape. Counted in byte-wide sums over runs of 255 bytes, each byte
/// compared with constants only, so the compiler turns it into vector code
/// (a sum per byte in a machine word, and a shift per byte by a variable
/// amount, both kept it scalar).
fn control_bytes(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|run| {
            let below_space = run.iter().fold(0u8, |n, &b| n + u8::from(b < 0x20));
            let allowed = run.iter().fold(0u8, |n, &b| {
                n + u8::from(b == b'\n')
                    + u8::from(b == b'\r')
                    + u8::from(b == b'\t')
                    + u8::from(b == 0x0c)
                    + u8::from(b == 0x1b)
            });
            usize::from(below_space - allowed)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_bytes_are_counted_as_before() {
        let old = |bytes: &[u8]| -> usize {
            bytes
                .iter()
                .map(|&b| {
                    usize::from(b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
                })
                .sum()
        };
        // every byte value, in runs that cross the 255-byte sums
        let all: Vec<u8> = (0..=255u8).cycle().take(2000).collect();
        for len in [0, 1, 31, 254, 255, 256, 511, 2000] {
            assert_eq!(control_bytes(&all[..len]), old(&all[..len]), "{len}");
        }
        let controls = vec![0x01u8; 1000];
        assert_eq!(control_bytes(&controls), 1000);
    }

    #[test]
    fn utf8_with_bom() {
        let d = decode(b"\xEF\xBB\xBFBupati".to_vec()).unwrap();
        assert_eq!(d.text, "Bupati");
        assert!(!d.redecoded);
    }

    #[test]
    fn the_text_says_whether_it_holds_ascii_controls() {
        for (bytes, controls) in [
            (&b"Bupati\nhadir"[..], false),
            (b"Bupati\thadir", true),
            (b"Bupati\r\nhadir", true),
            (b"\x93Caf\xe9\x94 kata\x7f Bupati", true),
            (b"\x93Caf\xe9\x94 kata Bupati", false),
        ] {
            let d = decode(bytes.to_vec()).unwrap();
            assert_eq!(d.ascii_controls, controls, "{bytes:?}");
            assert_eq!(
                d.ascii_controls,
                has_ascii_controls(d.text.as_bytes()),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn windows_1252_fallback() {
        // 0x93/0x94 are curly quotes and 0xE9 is é in Windows-1252.
        let d = decode(b"\x93Caf\xe9\x94 kata Bupati".to_vec()).unwrap();
        assert_eq!(d.text, "\u{201c}Café\u{201d} kata Bupati");
        assert!(d.redecoded);
    }

    #[test]
    fn empty_and_whitespace_only() {
        assert_eq!(decode(b"".to_vec()), Err(NotText::Empty));
        assert_eq!(decode(b" \n\r\n ".to_vec()), Err(NotText::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF".to_vec()), Err(NotText::Empty));
    }

    #[test]
    fn binary_by_nul_and_by_controls() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00".to_vec()),
            Err(NotText::Binary(_))
        ));
        let noisy: Vec<u8> = (0..400u32).map(|i| (i % 31) as u8 + 1).collect();
        assert!(matches!(decode(noisy.clone()), Err(NotText::Binary(_))));
    }
}
