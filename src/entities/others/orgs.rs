//! Organisations: definitions in brackets and known acronyms.

use super::programs::is_roman;
use super::programs::PROGRAM_HEADS;
use super::{span, words, Others};
use crate::entities::gazetteer::GAZETTEER;
use crate::entities::regions::typed_ref;
use crate::entities::tokens::{Token, TokenMarks, Tokens};

/// Words that open the long name of an organisation.
pub(super) const ORG_HEADS: &[&str] = &[
    "Badan",
    "Dinas",
    "Kementerian",
    "Kementrian",
    "Komisi",
    "Lembaga",
    "Pusat",
    "Sekretariat",
    "Inspektorat",
    "Biro",
    "Kantor",
    "Dewan",
    "Majelis",
    "Bank",
    "Universitas",
    "Perusahaan",
    "Satuan",
    "Balai",
    "Forum",
    "Ikatan",
    "Persatuan",
    "Himpunan",
    "Asosiasi",
    "Yayasan",
    "Direktorat",
    "Kepolisian",
    "Komando",
    "Pengadilan",
    "Kejaksaan",
    "Organisasi",
    "Tim",
    "Rumah",
    "Perum",
    "Unit",
    "Pusdiklat",
];

/// `Long Name (ACR)` or `ACR (Long Name)`: an organisation or programme with
/// its expansion. `open` is the index of `(`.
pub(super) fn parenthesised(
    tokens: &Tokens,
    open: usize,
    out: &mut Others,
    used: &mut TokenMarks,
) -> Option<usize> {
    let close = (open + 1..tokens.len().min(open + 8)).find(|&k| tokens.at(k).text == ")")?;
    if close == open + 1 {
        return None;
    }
    let inner = words(tokens, open + 1, close);
    let inner_is_short = close - open - 1 <= 2 && tokens.at(open + 1).is_capitalized();
    // the capitalised run before the bracket
    let mut start = open;
    while start > 0 {
        let t = tokens.at(start - 1);
        let connector =
            matches!(t.text, "dan" | "&") && start >= 2 && tokens.at(start - 2).is_capitalized();
        if (t.is_capitalized() || t.is_upper() || connector) && !tokens.at(start).after_break {
            start -= 1;
        } else {
            break;
        }
    }
    if start == open {
        return None;
    }
    let before: Vec<Token> = tokens.range(start..open).collect();
    // `RI` or a region after the bracket belongs to the name.
    let mut after = close + 1;
    let mut suffix = String::new();
    if tokens.get(after).is_some_and(|t| t.text == "RI") {
        suffix = " RI".into();
        after += 1;
    } else if let Some(r) = typed_ref(tokens, after) {
        suffix = format!(" {}", r.name_ref());
        out.place_ref(tokens, &r);
        after = r.end();
    }
    if inner_is_short
        && (tokens.at(open + 1).is_upper()
            || GAZETTEER.institution(&inner).is_some()
            || GAZETTEER.program(&inner).is_some()
            || inner.chars().count() <= 10)
    {
        // `Long Name (ACR)`: start at the leftmost head word in the run.
        let head_at = before.iter().position(|t| ORG_HEADS.contains(&t.text));
        let program_at = before.iter().position(|t| PROGRAM_HEADS.contains(&t.text));
        let is_org = GAZETTEER
            .institution(&inner)
            .is_some_and(|i| i.scope != "regional" || head_at.is_some())
            || head_at.is_some() && GAZETTEER.program(&inner).is_none();
        if is_org {
            let from = start + head_at.unwrap_or(0);
            let long = words(tokens, from, open);
            // `Pusdiklat Kesejahteraan Sosial (Kesos)` is `Pusdiklat Kesos`.
            let head = tokens.at(from).text;
            let name = if head != inner
                && GAZETTEER.institution(head).is_some()
                && GAZETTEER.institution(&inner).is_none()
            {
                format!("{head} {inner}{suffix}")
            } else {
                format!("{inner}{suffix}")
            };
            out.org(
                name,
                Some(format!("{long}{suffix}")),
                span(tokens, from, after),
            );
        } else if GAZETTEER.program(&inner).is_some() || program_at.is_some() {
            let from = start + program_at.unwrap_or(0);
            let long = words(tokens, from, open);
            // `Pendidikan dan Pelatihan (Diklatpim) IV`
            let mut name = inner.clone();
            if tokens.get(close + 1).is_some_and(|t| is_roman(t.text)) {
                name = format!("{name} {}", tokens.at(close + 1).text);
                after = after.max(close + 2);
            }
            out.program(name, Some(long), span(tokens, from, after));
        } else {
            return None;
        }
    } else if before.iter().any(|t| t.is_upper()) && tokens.at(open + 1).is_capitalized() {
        // `Komisi ASN (Aparatur Sipil Negara)`, `KPU (Komisi Pemilihan Umum)`
        let name = words(tokens, start, open);
        let head = before
            .first()
            .map(|t| t.text)
            .filter(|h| ORG_HEADS.contains(h));
        let expansion = match head {
            Some(h) => format!("{h} {inner}"),
            None => inner.clone(),
        };
        out.org(name, Some(expansion), span(tokens, start, close + 1));
    } else {
        return None;
    }
    used.set(start..after.min(used.len()));
    Some(after)
}

/// An institution acronym, with the region after it when there is one
/// (`Bappeda Kabupaten Tangerang`, `BPSDM Provinsi Banten`, `OPD`, `KPU`).
pub(super) fn acronym(tokens: &Tokens, i: usize, out: &mut Others) -> Option<usize> {
    let t = tokens.at(i);
    if !(t.is_capitalized() || t.is_upper()) {
        return None;
    }
    let inst = GAZETTEER.institution(t.text)?;
    if matches!(
        inst.acronym.as_str(),
        "Pemkab" | "Pemkot" | "Pemprov" | "Pemda" | "Pemdes"
    ) {
        return None;
    }
    // Words like `Inspektorat` or `Humas` count only capitalised as written.
    if t.text != inst.acronym && !t.is_upper() {
        return None;
    }
    let mut end = i + 1;
    // (concatenated, each made once at its length: formatting took ~900
    // instructions a name, and growing a copy by pushes reallocated it)
    let (name, expansion) = if tokens.get(end).is_some_and(|n| n.text == "RI") {
        end += 1;
        ([t.text, " RI"].concat(), [&inst.expansion, " RI"].concat())
    } else if let Some(r) = typed_ref(tokens, end) {
        let region = r.name_ref();
        let both = (
            [t.text, " ", region].concat(),
            [&inst.expansion, " ", region].concat(),
        );
        out.place_ref(tokens, &r);
        end = r.end();
        both
    } else {
        (t.text.to_string(), inst.expansion.clone())
    };
    let expansion = Some(expansion).filter(|e| e != &name);
    // A bare acronym after `Bappeda Kabupaten Tangerang` is that same body.
    if end == i + 1 {
        if let Some(full) = out
            .organizations
            .iter()
            .find(|o| {
                o.name
                    .strip_prefix(&name)
                    .is_some_and(|rest| rest.starts_with(' '))
            })
            .map(|o| o.name.clone())
        {
            out.org(full, None, span(tokens, i, end));
            return Some(end);
        }
    }
    out.org(name, expansion, span(tokens, i, end));
    Some(end)
}
