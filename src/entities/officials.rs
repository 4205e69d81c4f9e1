//! Finding officials in one article: a post with a name after it (`Kepala
//! Bappeda Kabupaten Tangerang, Ujang Sudiartono`, `Sekda Muhamad`,
//! `Walikota (Airin Rachmi Diany)`), a name before it (`Ahmad Yani, Kepala
//! Dinas …`), `pejabat di <body>, <name>`; then every later short form
//! (`kata Arief`, a bare `Sekda`) as a mention of the same person.

use super::gazetteer::{PostLevel, GAZETTEER};
use super::in_article::resolve_in_article;
use super::model::{OfficialMention, Span};
use super::names::{parse_backward, parse_forward, NameMatch};
use super::posts::{match_post, PostMatch};
use super::regions::{all_refs, typed_ref, RegionRef};
use super::tokens::{Token, TokenKind};

/// A full mention: a name tied to a post.
#[derive(Debug, Clone)]
pub(super) struct FullMention {
    /// The name as written, without titles and degrees.
    pub(super) name: String,
    pub(super) titles: Vec<String>,
    pub(super) degrees: Vec<String>,
    pub(super) position: String,
    pub(super) institution: Option<String>,
    pub(super) level: PostLevel,
    /// Token where the mention starts (for context look-ups).
    pub(super) token: usize,
    pub(super) name_span: Span,
    /// The post's words as written when they differ from the reported post
    /// (`Sekda Muhamad`, `Ibu Walikota`), kept as aliases.
    pub(super) alias: Option<String>,
}

/// A post mentioned without a name (`kata Sekda`, `Ibu Walikota juga`).
#[derive(Debug, Clone)]
pub(super) struct BarePost {
    pub(super) position: String,
    pub(super) institution: Option<String>,
    pub(super) token: usize,
    pub(super) span: Span,
    pub(super) surface: String,
}

/// Words before a post that make it plural or generic (`para Camat`, `30 Camat`).
const PLURAL_BEFORE: &[&str] = &[
    "para",
    "seluruh",
    "semua",
    "sejumlah",
    "beberapa",
    "tiap",
    "setiap",
    "masing-masing",
    "antar",
    "se",
    "dan",
];

/// Words that make a following post part of a place's name (`Pendopo Bupati`).
const PLACE_BEFORE_POST: &[&str] = &[
    "Pendopo", "Pendapa", "Gedung", "Rumah", "Kantor", "Piala", "Aula", "Ruang", "Rujab", "Balai",
    "Jabatan", "Dinas", "Rapat", "Lapangan", "Halaman", "Masjid", "Stadion", "Taman", "Wisma",
    "Graha", "Hadiah", "Trofi",
];

/// What may follow a name: it must end there. A capitalised word may follow
/// when the name (or its last degree) ended with a full stop, since that
/// stop also ends the sentence (`…, S.Sos, M.Si. Ia menambahkan`).
fn ends_name(tokens: &[Token], i: usize) -> bool {
    let sentence_ended =
        i > 0 && tokens[i - 1].kind == TokenKind::Word && tokens[i - 1].text.ends_with('.');
    match tokens.get(i) {
        None => true,
        Some(t) => {
            t.after_break
                || t.is_lower()
                || (t.kind == TokenKind::Punct && !matches!(t.text, "-" | "/" | "&"))
                || (sentence_ended && t.is_capitalized())
        }
    }
}

/// Finds the officials in a text.
/// Also returns every region reference seen (typed ones and those implied
/// by posts such as `Bupati Sleman`), in text order.
pub fn find_officials(text: &str, tokens: &[Token]) -> (Vec<OfficialMention>, Vec<RegionRef>) {
    let mut context = all_refs(tokens);
    let mut full = Vec::new();
    let mut bare = Vec::new();
    let headings = heading_tokens(tokens);
    let mut i = 0;
    while i < tokens.len() {
        if headings[i] {
            // `Bupati Resmikan Jembatan`: a title-case subheading names no one.
            i += 1;
            continue;
        }
        if let Some(post) = match_post(tokens, i) {
            if let Some(r) = &post.region {
                context.push(r.clone());
            }
            i = take_post(text, tokens, post, &mut full, &mut bare);
            continue;
        }
        if let Some((m, next)) = pejabat_di(text, tokens, i) {
            full.push(m);
            i = next;
            continue;
        }
        i += 1;
    }
    context.sort_by_key(|r| r.first);
    let officials = resolve_in_article(text, tokens, full, bare, &context);
    (officials, context)
}

/// Marks the tokens of title-case subheadings: short paragraphs without a
/// comma or a closing full stop whose words are all capitalised.
fn heading_tokens(tokens: &[Token]) -> Vec<bool> {
    let mut marks = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let end = (start + 1..tokens.len())
            .find(|&k| tokens[k].after_break)
            .unwrap_or(tokens.len());
        let para = &tokens[start..end];
        let words: Vec<&Token> = para.iter().filter(|t| t.kind == TokenKind::Word).collect();
        let heading = words.len() >= 2
            && words.len() <= 14
            && !para
                .iter()
                .any(|t| matches!(t.text, "," | "." | "“" | "\"" | ":"))
            && words
                .iter()
                .all(|t| t.is_capitalized() || t.is_upper() || t.text.chars().count() <= 3);
        if heading {
            marks[start..end].iter_mut().for_each(|m| *m = true);
        }
        start = end;
    }
    marks
}

/// Handles one post: a name after it, a name before it, or a bare mention.
/// Returns the next token to look at.
fn take_post(
    text: &str,
    tokens: &[Token],
    post: PostMatch,
    full: &mut Vec<FullMention>,
    bare: &mut Vec<BarePost>,
) -> usize {
    // `Pendopo Bupati`, `Rumah Dinas Wali Kota`: the post names a place.
    if post.first > 0
        && PLACE_BEFORE_POST.contains(&tokens[post.first - 1].text)
        && !tokens[post.first].after_break
    {
        return post.end;
    }
    let honorific_before = post.first > 0
        && matches!(tokens[post.first - 1].text, "Ibu" | "Bapak" | "Pak" | "Bu")
        && !tokens[post.first].after_break;
    let surface_start = if honorific_before {
        post.first - 1
    } else {
        post.first
    };
    let surface = text[tokens[surface_start].start..tokens[post.end - 1].end].to_string();
    let written_post = text[tokens[post.first].start..tokens[post.end - 1].end].to_string();
    let forward = match tokens.get(post.end).map(|t| t.text) {
        Some(",") => parse_forward(tokens, post.end + 1).filter(|m| ends_name(tokens, m.consumed)),
        Some("(") => parse_forward(tokens, post.end + 1)
            .filter(|m| tokens.get(m.consumed).is_some_and(|t| t.text == ")")),
        Some(_) if !tokens[post.end].after_break => {
            parse_forward(tokens, post.end).filter(|m| ends_name(tokens, m.consumed))
        }
        _ => None,
    };
    if let Some(m) = forward {
        let abbreviated =
            !written_post.contains(&post.form.canonical) && post.form.form != post.form.canonical;
        let alias = if tokens.get(post.end).is_some_and(|t| t.text == "(") && honorific_before {
            Some(surface.clone())
        } else if abbreviated
            && m.start == post.end
            && post.end == post.first + post.form.words.len()
        {
            // `Sekda Muhamad`: the short post right before the name.
            Some(text[tokens[post.first].start..tokens[m.end - 1].end].to_string())
        } else {
            None
        };
        let next = m.consumed + usize::from(tokens.get(m.consumed).is_some_and(|t| t.text == ")"));
        full.push(full_mention(text, tokens, &post, &m, alias));
        return next;
    }
    // `Ahmad Yani, Kepala Dinas …`, `Ahmad Yani selaku Kepala Dinas …`
    if post.first >= 2 && matches!(tokens[post.first - 1].text, "," | "selaku" | "sebagai") {
        if let Some(m) = parse_backward(tokens, post.first - 1) {
            full.push(full_mention(text, tokens, &post, &m, None));
            return post.end;
        }
    }
    let plural = post.first > 0 && {
        let before = &tokens[post.first - 1];
        before.kind == TokenKind::Number
            || PLURAL_BEFORE.contains(&before.text.to_lowercase().as_str())
    };
    // `Gedung Bupati`, `Piala Wali Kota`: the post is part of another name.
    let inside_name = !honorific_before
        && post.first > 1
        && tokens[post.first - 1].is_capitalized()
        && !tokens[post.first - 1].after_break
        && !matches!(tokens[post.first - 2].text, "." | "“" | "\"" | "!" | "?");
    if !plural && !inside_name {
        bare.push(BarePost {
            position: post.position.clone(),
            institution: post.institution.clone(),
            token: post.first,
            span: Span::new(tokens[surface_start].start, tokens[post.end - 1].end),
            surface,
        });
    }
    post.end
}

fn full_mention(
    text: &str,
    tokens: &[Token],
    post: &PostMatch,
    m: &NameMatch,
    alias: Option<String>,
) -> FullMention {
    let name_span = Span::new(tokens[m.first].start, tokens[m.end - 1].end);
    FullMention {
        name: text[name_span.start..name_span.end].to_string(),
        titles: m.titles.clone(),
        degrees: m.degrees.clone(),
        position: post.position.clone(),
        institution: post.institution.clone(),
        level: post.form.level,
        token: post.first.min(m.start),
        name_span,
        alias,
    }
}

/// `pejabat di Badan … (BPSDM) Provinsi Banten, Agung Basuki`: a civil servant
/// of a body, named after it.
fn pejabat_di(text: &str, tokens: &[Token], i: usize) -> Option<(FullMention, usize)> {
    let t = tokens.get(i)?;
    if !matches!(t.text, "pejabat" | "Pejabat") || !matches!(tokens.get(i + 1)?.text, "di" | "dari")
    {
        return None;
    }
    let mut k = i + 2;
    let mut acronym = None;
    let mut words = Vec::new();
    let mut region: Option<RegionRef> = None;
    while let Some(t) = tokens.get(k) {
        if let Some(r) = typed_ref(tokens, k) {
            k = r.end;
            region = Some(r);
            break;
        }
        if t.text == "(" && tokens.get(k + 2).is_some_and(|c| c.text == ")") {
            acronym = Some(tokens[k + 1].text.to_string());
            k += 3;
        } else if t.is_capitalized() || t.is_upper() || (t.text == "dan" && !words.is_empty()) {
            if GAZETTEER.institution(t.text).is_some() && acronym.is_none() {
                acronym = Some(t.text.to_string());
            }
            words.push(t.text);
            k += 1;
        } else {
            break;
        }
    }
    if words.is_empty() || tokens.get(k)?.text != "," {
        return None;
    }
    let m = parse_forward(tokens, k + 1).filter(|m| ends_name(tokens, m.consumed))?;
    let body = acronym.unwrap_or_else(|| words.join(" "));
    let name_span = Span::new(tokens[m.first].start, tokens[m.end - 1].end);
    Some((
        FullMention {
            name: text[name_span.start..name_span.end].to_string(),
            titles: m.titles,
            degrees: m.degrees,
            position: format!("Pejabat {body}"),
            institution: region.map(|r| r.name()),
            level: PostLevel::None,
            token: i,
            name_span,
            alias: None,
        },
        m.consumed,
    ))
}
