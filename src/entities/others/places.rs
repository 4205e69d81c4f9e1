//! Places beyond the region references: datelines, kecamatan lists, named sites.

use super::{span, words, Others};
use crate::entities::gazetteer::{Level, GAZETTEER};
use crate::entities::model::PlaceLevel;
use crate::entities::regions::{match_name, typed_ref};
use crate::entities::tokens::Tokens;

/// Lower-case heads of named places (`situ Pondok Jagung`, `Gedung Cisadane`).
pub(super) const PLACE_HEADS: &[&str] = &[
    "gedung",
    "ruang",
    "aula",
    "situ",
    "danau",
    "pendopo",
    "pendapa",
    "jalan",
    "jl.",
    "taman",
    "pasar",
    "masjid",
    "stadion",
    "lapangan",
    "bendungan",
    "pantai",
    "pulau",
    "gunung",
    "sungai",
    "balai",
    "alun-alun",
    "wisma",
    "hotel",
    "graha",
    "kantor",
];

/// `SOREANG – …`: the dateline of the first paragraph, when it names a region.
pub(super) fn dateline_place(tokens: &Tokens, out: &mut Others) {
    let Some(dash) = tokens
        .iter()
        .take(5)
        .position(|t| matches!(t.text, "–" | "-" | "—"))
    else {
        return;
    };
    if dash == 0 || !tokens.range(0..dash).all(|t| t.is_upper()) {
        return;
    }
    let name: Vec<String> = tokens
        .range(0..dash)
        .map(|t| {
            let lower = t.text.to_lowercase();
            let mut c = lower.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    let g = &*GAZETTEER;
    let candidates = g.regions_named(&name.join(" "));
    // A dateline names a city or the seat of a regency: prefer kota, then kabupaten, then kecamatan.
    let best = [Level::Kota, Level::Kabupaten, Level::Kecamatan]
        .iter()
        .find_map(|l| {
            candidates
                .iter()
                .copied()
                .find(|&r| g.regions[r].level == *l)
        });
    if let Some(r) = best {
        let level = match g.regions[r].level {
            Level::Kota => PlaceLevel::Kota,
            Level::Kabupaten => PlaceLevel::Kabupaten,
            _ => PlaceLevel::Kecamatan,
        };
        out.place(g.regions[r].name.as_str(), level, span(tokens, 0, dash));
    }
}

/// `Kecamatan Pamulang, Setu dan Serpong Utara`: the names after the first
/// are kecamatan of the same kabupaten or kota.
pub(super) fn kecamatan_list(tokens: &Tokens, i: usize, out: &mut Others) -> Option<usize> {
    if !tokens.at(i).is_capitalized() || i < 2 || !matches!(tokens.at(i - 1).text, "," | "dan") {
        return None;
    }
    // the list must continue a kecamatan named just before
    let (parent, prev_end) = out.last_kecamatan.clone()?;
    if tokens.at(i - 1).start.saturating_sub(prev_end) > 30 {
        return None;
    }
    let (region, end) = match_name(tokens, i, |r| {
        let reg = &GAZETTEER.regions[r];
        reg.level == Level::Kecamatan && parent_code(r) == parent
    })?;
    let sp = span(tokens, i, end);
    out.place(
        GAZETTEER.regions[region].name.clone(),
        PlaceLevel::Kecamatan,
        sp,
    );
    out.last_kecamatan = Some((parent, sp.end));
    Some(end)
}

/// The code of the region above (`36.74.01` → `36.74`).
pub(super) fn parent_code(region: usize) -> String {
    let code = &GAZETTEER.regions[region].code;
    code.rsplit_once('.')
        .map_or(String::new(), |(p, _)| p.to_string())
}

/// `Gedung Cisadane`, `situ Pondok Jagung`, `Ruang Rapat Wareng`.
#[inline]
pub(super) fn lokasi(tokens: &Tokens, i: usize, out: &mut Others) -> Option<usize> {
    // checked here, inlined, before a call: nearly every word is no head
    if !is_place_head(tokens.at(i).text) {
        return None;
    }
    lokasi_at(tokens, i, out)
}

/// [`lokasi`] at a place head.
#[inline(never)]
fn lokasi_at(tokens: &Tokens, i: usize, out: &mut Others) -> Option<usize> {
    if i > 0 && tokens.at(i - 1).is_capitalized() && !tokens.at(i).after_break {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len()
        && end - i <= 4
        && tokens.at(end).is_capitalized()
        && !tokens.at(end).after_break
        && typed_ref(tokens, end).is_none()
        && !is_place_head(tokens.at(end).text)
        && !GAZETTEER.is_post_word(tokens.at(end).text)
        && !matches!(tokens.at(end).text, "Nomor" | "No." | "No" | "RT" | "RW")
    {
        end += 1;
    }
    if end == i + 1 {
        return None;
    }
    let mut head_word = tokens.at(i).text.to_string();
    if let Some(first) = head_word.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    let name = format!("{head_word} {}", words(tokens, i + 1, end));
    out.place(name, PlaceLevel::Lokasi, span(tokens, i, end));
    Some(end)
}

/// True for a word of [`PLACE_HEADS`] in any case, without allocating.
fn is_place_head(word: &str) -> bool {
    let bytes = word.as_bytes();
    let (Some(a), Some(b)) = (bytes.first(), bytes.get(1)) else {
        return false;
    };
    // Nearly every word is ruled out by its first two letters and its
    // length together (`dan`, `para`, `pada` share a head's first two).
    let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
    a.is_ascii_lowercase()
        && b.is_ascii_lowercase()
        && bytes.len() < 16
        && HEAD_LENGTHS[pair_index(a, b)] & (1 << bytes.len()) != 0
        && PLACE_HEADS.iter().any(|h| h.eq_ignore_ascii_case(word))
}

/// The index of two lower-case ASCII letters in [`HEAD_LENGTHS`].
const fn pair_index(a: u8, b: u8) -> usize {
    (a - b'a') as usize * 26 + (b - b'a') as usize
}

/// For each pair of first letters, the lengths of the place heads that
/// start with it, one bit per length (each head starts with two lower-case
/// ASCII letters and is shorter than 16 bytes; a test checks it).
const HEAD_LENGTHS: [u16; 26 * 26] = {
    let mut lengths = [0u16; 26 * 26];
    let mut i = 0;
    while i < PLACE_HEADS.len() {
        let h = PLACE_HEADS[i].as_bytes();
        lengths[pair_index(h[0], h[1])] |= 1 << h.len();
        i += 1;
    }
    lengths
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_heads_are_found_in_any_case_and_nothing_else() {
        for h in PLACE_HEADS {
            assert!(h.bytes().take(2).all(|b| b.is_ascii_lowercase()), "{h}");
            assert!(h.len() < 16, "{h}");
            assert!(is_place_head(h));
            assert!(is_place_head(&h.to_uppercase()));
            let mut capitalised = h.to_string();
            capitalised[..1].make_ascii_uppercase();
            assert!(is_place_head(&capitalised));
            assert!(!is_place_head(&format!("{h}x")));
            assert!(!is_place_head(&h[..h.len() - 1]));
        }
        for w in [
            "",
            "G",
            "Gedungan",
            "Bupati",
            "é",
            "Éa",
            "ge",
            "dan",
            "para",
            "pendopoan",
        ] {
            assert!(!is_place_head(w), "{w}");
        }
    }
}
