//! Programmes: training names, gazetteer entries and named phrases.

use super::{span, words, Others};
use crate::entities::gazetteer::GAZETTEER;
use crate::entities::regions::typed_ref;
use crate::entities::tokens::{Tokens, WordShapes};

/// Words that open the name of a programme.
pub(super) const PROGRAM_HEADS: &[&str] = &[
    "Program",
    "Sistem",
    "Gerakan",
    "Percepatan",
    "Usaha",
    "Pelatihan",
    "Bimbingan",
    "Layanan",
    "Kartu",
    "Bantuan",
    "Inovasi",
    "Aplikasi",
    "Visitasi",
    "Sekolah",
    "Kampung",
    "Festival",
    "Lomba",
    "Pendidikan",
    "Diklat",
    "Bimtek",
    "Gebyar",
    "Pekan",
    "Penghargaan",
    "Sabilulungan",
];

/// Qualifiers that may follow a training programme name.
pub(super) const TRAINING: &[&str] = &["Diklatpim", "PKN", "PKA", "PKP", "Latsar", "Diklat", "Pim"];

pub(super) fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// `Diklatpim Nasional tingkat II`, `Diklatpim IV`, `PKN Tingkat II Angkatan V`.
#[inline]
pub(super) fn training(tokens: &Tokens, i: usize, out: &mut Others) -> Option<usize> {
    // checked here, inlined, before a call
    if !tokens.shaped_in(i, &TRAINING_SHAPES) {
        return None;
    }
    training_at(tokens, i, out)
}

/// The first bytes and lengths of [`TRAINING`].
const TRAINING_SHAPES: WordShapes = WordShapes::of(TRAINING);

/// [`training`] at a word with a training name's first byte and length.
#[inline(never)]
fn training_at(tokens: &Tokens, i: usize, out: &mut Others) -> Option<usize> {
    if !TRAINING.contains(&tokens.at(i).text) {
        return None;
    }
    let mut end = i + 1;
    let at = |k: usize| tokens.get(k).map(|t| t.text).unwrap_or("");
    if at(end) == "Nasional" {
        end += 1;
    }
    if matches!(at(end), "tingkat" | "Tingkat") && is_roman(at(end + 1)) {
        end += 2;
    } else if is_roman(at(end)) {
        end += 1;
    }
    if at(end) == "Angkatan"
        && (is_roman(at(end + 1)) || at(end + 1).chars().all(|c| c.is_ascii_digit()))
    {
        end += 2;
    }
    if end == i + 1 && tokens.at(i).text == "Pim" {
        return None;
    }
    let expansion = GAZETTEER
        .program(tokens.at(i).text)
        .map(|(_, e)| e.clone())
        .filter(|e| !e.is_empty());
    out.program(words(tokens, i, end), expansion, span(tokens, i, end));
    Some(end)
}

/// Programmes from the gazetteer and `Visitasi Kepemimpinan Nasional`-style names.
pub(super) fn named_phrase(tokens: &Tokens, i: usize, out: &mut Others) -> Option<usize> {
    let t = tokens.at(i);
    if !(t.is_capitalized() || t.is_upper()) || !GAZETTEER.may_open_program(t.text) {
        return None;
    }
    // gazetteer programmes, longest first (up to four words)
    for n in (1..=4).rev() {
        if i + n > tokens.len() || tokens.range(i..i + n).skip(1).any(|t| t.after_break) {
            continue;
        }
        let phrase = words(tokens, i, i + n);
        if let Some((name, expansion)) = GAZETTEER.program(&phrase) {
            if n == 1
                && !t.is_upper()
                && !t.text.chars().skip(1).any(char::is_uppercase)
                && name != t.text
            {
                continue;
            }
            let expansion = Some(expansion.clone()).filter(|e| !e.is_empty() && e != name);
            out.program(name.clone(), expansion, span(tokens, i, i + n));
            return Some(i + n);
        }
    }
    None
}

/// A capitalised run opened by a programme head: `Visitasi Kepemimpinan
/// Nasional`, `Bimbingan Teknis Percepatan … dan Pemberdayaan Masyarakat di Kelurahan`.
#[inline]
pub(super) fn program_phrase(tokens: &Tokens, i: usize, out: &mut Others) -> Option<usize> {
    // checked here, inlined, before a call
    if !tokens.shaped_in(i, &PROGRAM_HEAD_SHAPES) {
        return None;
    }
    program_phrase_at(tokens, i, out)
}

/// The first bytes and lengths of [`PROGRAM_HEADS`].
const PROGRAM_HEAD_SHAPES: WordShapes = WordShapes::of(PROGRAM_HEADS);

/// [`program_phrase`] at a word with a programme head's first byte and length.
#[inline(never)]
fn program_phrase_at(tokens: &Tokens, i: usize, out: &mut Others) -> Option<usize> {
    if !PROGRAM_HEADS.contains(&tokens.at(i).text)
        || (i > 0 && tokens.at(i - 1).is_capitalized() && !tokens.at(i).after_break)
    {
        return None;
    }
    let mut end = i + 1;
    while let Some(t) = tokens.get(end) {
        if t.after_break {
            break;
        }
        let connector = matches!(t.text, "dan" | "di" | "untuk")
            && tokens.get(end + 1).is_some_and(|n| n.is_capitalized())
            && typed_ref(tokens, end + 1).is_none();
        let new_head = end > i + 1
            && matches!(
                t.text,
                "Pelatihan" | "Program" | "Visitasi" | "Diklat" | "Lomba" | "Festival"
            );
        if (t.is_capitalized() || t.is_upper() || connector)
            && typed_ref(tokens, end).is_none()
            && t.text != "Tahun"
            && !new_head
        {
            end += 1;
        } else {
            break;
        }
    }
    if end - i < 3 {
        return None;
    }
    out.program(words(tokens, i, end), None, span(tokens, i, end));
    Some(end)
}

/// Words that end a lower-case programme name.
pub(super) const PROGRAM_STOP: &[&str] = &[
    "yang",
    "di",
    "ke",
    "dari",
    "untuk",
    "dan",
    "dengan",
    "bagi",
    "ini",
    "itu",
    "tersebut",
    "baik",
    "secara",
    "serta",
    "melalui",
    "pada",
    "dalam",
    "oleh",
    "sebagai",
    "juga",
    "telah",
    "sudah",
    "akan",
    "kerja sama",
    "pemerintah",
    "daerah",
    "nasional",
    "unggulan",
    "prioritas",
    "strategis",
    "kami",
    "kita",
    "mereka",
    "ia",
];

/// `program bedah rumah`, `program bursa kerja`: a programme named in lower case.
#[inline]
pub(super) fn lowercase_program(tokens: &Tokens, i: usize, out: &mut Others) -> Option<usize> {
    // checked here, inlined, before a call
    if !tokens.shaped_in(i, &PROGRAM_SHAPES) {
        return None;
    }
    lowercase_program_at(tokens, i, out)
}

/// The first bytes and lengths of `program` and `Program`.
const PROGRAM_SHAPES: WordShapes = WordShapes::of(&["program", "Program"]);

/// [`lowercase_program`] at a word with the first byte and length of `program`.
#[inline(never)]
fn lowercase_program_at(tokens: &Tokens, i: usize, out: &mut Others) -> Option<usize> {
    if !matches!(tokens.at(i).text, "program" | "Program") {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len()
        && end - i <= 3
        && tokens.at(end).is_lower()
        && !tokens.at(end).after_break
        && !PROGRAM_STOP.contains(&tokens.at(end).text)
    {
        end += 1;
    }
    if end - i < 3 {
        return None;
    }
    out.program(words(tokens, i + 1, end), None, span(tokens, i + 1, end));
    Some(end)
}
