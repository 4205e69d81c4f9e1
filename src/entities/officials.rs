//! Finding officials in one article: a post with a name after it (`Kepala
//! Bappeda Kabupaten Tangerang, Ujang Sudiartono`, `Sekda Muhamad`,
//! `Walikota (Airin Rachmi Diany)`), a name before it (`Ahmad Yani, Kepala
//! Dinas …`), `pejabat di <body>, <name>`; then every later short form
//! (`kata Arief`, a bare `Sekda`) as a mention of the same person.

use super::gazetteer::{PostLevel, GAZETTEER};
use super::in_article::resolve_in_article;
use super::model::{OfficialMention, Span};
use super::names::{parse_backward, parse_forward, NameMatch};
use super::people::People;
use super::posts::{match_post, openers, PostMatch};
use super::regions::{typed_ref, RegionRef, TypedRefs};
use super::tokens::{TokenKind, TokenMarks, TokenShapes, Tokens};
use super::Pass;
use std::hash::BuildHasher;

/// A full mention: a name tied to a post. Text it repeats is kept as a span
/// of the article, and its post as an index into the article's
/// [`PostTable`]: an article can hold a mention every few bytes.
#[derive(Debug, Clone)]
pub(super) struct FullMention {
    pub(super) titles: Vec<String>,
    pub(super) degrees: Vec<String>,
    /// The post and institution, in the [`PostTable`].
    pub(super) post: u32,
    pub(super) level: PostLevel,
    /// Token where the mention starts (for context look-ups).
    pub(super) token: usize,
    /// The name as written, without titles and degrees.
    pub(super) name_span: Span,
    /// The tokens of the name.
    pub(super) name_tokens: std::ops::Range<usize>,
    /// The post's words as written when they differ from the reported post
    /// (`Sekda Muhamad`, `Ibu Walikota`), kept as aliases.
    pub(super) alias: Option<Span>,
}

/// A post mentioned without a name (`kata Sekda`, `Ibu Walikota juga`); its
/// surface is the text at [`BarePost::span`]. 16 bytes: an article can hold
/// one every few bytes.
#[derive(Debug, Clone, Copy)]
pub(super) struct BarePost {
    /// The post and institution, in the [`PostTable`].
    pub(super) post: u32,
    pub(super) token: u32,
    /// Byte offsets of the surface (token bounds, so they fit in `u32`).
    start: u32,
    end: u32,
}

impl BarePost {
    /// The surface as written.
    pub(super) fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// The distinct posts (with their institution) of one article; mentions
/// hold an index, so a post repeated a million times is stored once. Each
/// post is stored once too: the lookup maps a hash to the latest post with
/// it, and each post links to the previous one with the same hash.
#[derive(Debug, Default)]
pub(super) struct PostTable {
    posts: Vec<(Box<str>, Option<Box<str>>)>,
    /// The previous post with the same hash, or [`NO_POST`].
    same_hash: Vec<u32>,
    latest: foldhash::HashMap<u64, u32>,
    /// foldhash: the standard SipHash took ~320 instructions a post.
    hasher: foldhash::fast::RandomState,
}

/// The end of a [`PostTable`] hash chain.
const NO_POST: u32 = u32::MAX;

impl PostTable {
    /// The index of a post, added when new.
    fn intern(&mut self, position: &str, institution: Option<&str>) -> u32 {
        let hash = self.hasher.hash_one((position, institution));
        let mut at = self.latest.get(&hash).copied().unwrap_or(NO_POST);
        while at != NO_POST {
            let (p, i) = &self.posts[at as usize];
            if **p == *position && i.as_deref() == institution {
                return at;
            }
            at = self.same_hash[at as usize];
        }
        let id = u32::try_from(self.posts.len())
            .ok()
            .filter(|&id| id != NO_POST)
            .expect("fewer posts than tokens");
        self.posts
            .push((position.into(), institution.map(Into::into)));
        self.same_hash
            .push(self.latest.insert(hash, id).unwrap_or(NO_POST));
        id
    }

    /// The post (jabatan) at `id`.
    pub(super) fn position(&self, id: u32) -> &str {
        &self.posts[id as usize].0
    }

    /// The institution of the post at `id`, if stated.
    pub(super) fn institution(&self, id: u32) -> Option<&str> {
        self.posts[id as usize].1.as_deref()
    }
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
fn ends_name(tokens: &Tokens, i: usize) -> bool {
    let sentence_ended =
        i > 0 && tokens.at(i - 1).kind == TokenKind::Word && tokens.at(i - 1).text.ends_with('.');
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
pub fn find_officials(
    text: &str,
    tokens: &Tokens,
    shapes: &TokenShapes,
) -> (Vec<OfficialMention>, Vec<RegionRef>) {
    let typed = TypedRefs::scan(tokens, shapes);
    let mut implied = Vec::new();
    let mut full = People::new(text, tokens.len());
    let mut bare = Vec::new();
    let mut posts = PostTable::default();
    let headings = heading_tokens(tokens);
    let mut i = 0;
    let openers = openers();
    loop {
        // Only a post's first word or `pejabat` goes further: every other
        // token is stepped over, sixteen at a time.
        i = shapes.next(i, Pass::Officials.set());
        if i >= tokens.len() {
            break;
        }
        if headings.get(i) {
            // `Bupati Resmikan Jembatan`: a title-case subheading names no one.
            i += 1;
            continue;
        }
        if let Some(post) = match_post(tokens, i, &typed, openers) {
            // A post's region that is a typed reference already found at the
            // same tokens is dropped: posts come in text order, one region
            // each, so the copy would sort right after the original and
            // change nothing but memory (`Kepala Dinas Kota Tangerang` a
            // million times).
            let found = |r: &RegionRef| typed.starting_at(r.first()) == Some(r);
            if let Some(r) = post.region.clone().filter(|r| !found(r)) {
                implied.push(r);
            }
            i = take_post(tokens, post, &mut posts, &mut full, &mut bare);
            continue;
        }
        if let Some((m, next)) = pejabat_di(tokens, i, &mut posts) {
            full.add(m, &posts);
            i = next;
            continue;
        }
        i += 1;
    }
    // Exact capacity: an article can imply a region every few bytes.
    let mut context = Vec::with_capacity(typed.refs().len() + implied.len());
    context.extend_from_slice(typed.refs());
    context.extend(implied);
    context.sort_by_key(|r| r.first());
    let officials = resolve_in_article(text, tokens, posts, full.finish(), bare, &context, &typed);
    (officials, context)
}

/// Marks the tokens of title-case subheadings: short paragraphs without a
/// comma or a closing full stop whose words are all capitalised.
fn heading_tokens(tokens: &Tokens) -> TokenMarks {
    let mut marks = TokenMarks::new(tokens.len());
    let mut start = 0;
    while start < tokens.len() {
        let end = tokens.next_line(start);
        // Counting stops at 15: a huge paragraph costs no list of its words.
        let words = || {
            tokens
                .range(start..end)
                .filter(|t| t.kind == TokenKind::Word)
        };
        // The test that fails soonest first: prose has a lower-case word of
        // four letters or more within its first few.
        let heading = words()
            .all(|t| t.is_capitalized() || t.is_upper() || t.text.chars().count() <= 3)
            && (2..=14).contains(&words().take(15).count())
            && !tokens
                .range(start..end)
                .any(|t| matches!(t.text, "," | "." | "“" | "\"" | ":"));
        if heading {
            marks.set(start..end);
        }
        start = end;
    }
    marks
}

/// Handles one post: a name after it, a name before it, or a bare mention.
/// Returns the next token to look at.
fn take_post(
    tokens: &Tokens,
    post: PostMatch,
    posts: &mut PostTable,
    full: &mut People,
    bare: &mut Vec<BarePost>,
) -> usize {
    // `Pendopo Bupati`, `Rumah Dinas Wali Kota`: the post names a place.
    if post.first > 0
        && PLACE_BEFORE_POST.contains(&tokens.at(post.first - 1).text)
        && !tokens.at(post.first).after_break
    {
        return post.end;
    }
    let honorific_before = post.first > 0
        && matches!(
            tokens.at(post.first - 1).text,
            "Ibu" | "Bapak" | "Pak" | "Bu"
        )
        && !tokens.at(post.first).after_break;
    let surface_start = if honorific_before {
        post.first - 1
    } else {
        post.first
    };
    let surface = Span::new(tokens.at(surface_start).start, tokens.at(post.end - 1).end);
    let written_post = &tokens.text()[tokens.at(post.first).start..tokens.at(post.end - 1).end];
    let forward = match tokens.get(post.end).map(|t| t.text) {
        Some(",") => parse_forward(tokens, post.end + 1).filter(|m| ends_name(tokens, m.consumed)),
        Some("(") => parse_forward(tokens, post.end + 1)
            .filter(|m| tokens.get(m.consumed).is_some_and(|t| t.text == ")")),
        Some(_) if !tokens.at(post.end).after_break => {
            parse_forward(tokens, post.end).filter(|m| ends_name(tokens, m.consumed))
        }
        _ => None,
    };
    if let Some(m) = forward {
        let abbreviated =
            !written_post.contains(&post.form.canonical) && post.form.form != post.form.canonical;
        let alias = if tokens.get(post.end).is_some_and(|t| t.text == "(") && honorific_before {
            Some(surface)
        } else if abbreviated
            && m.start == post.end
            && post.end == post.first + post.form.words.len()
        {
            // `Sekda Muhamad`: the short post right before the name.
            Some(Span::new(
                tokens.at(post.first).start,
                tokens.at(m.end - 1).end,
            ))
        } else {
            None
        };
        let next = m.consumed + usize::from(tokens.get(m.consumed).is_some_and(|t| t.text == ")"));
        let f = full_mention(tokens, &post, posts, &m, alias);
        full.add(f, posts);
        return next;
    }
    // `Ahmad Yani, Kepala Dinas …`, `Ahmad Yani selaku Kepala Dinas …`
    if post.first >= 2 && matches!(tokens.at(post.first - 1).text, "," | "selaku" | "sebagai") {
        if let Some(m) = parse_backward(tokens, post.first - 1) {
            let f = full_mention(tokens, &post, posts, &m, None);
            full.add(f, posts);
            return post.end;
        }
    }
    let plural = post.first > 0 && {
        let before = tokens.at(post.first - 1);
        before.kind == TokenKind::Number
            || PLURAL_BEFORE.contains(&before.text.to_lowercase().as_str())
    };
    // `Gedung Bupati`, `Piala Wali Kota`: the post is part of another name.
    let inside_name = !honorific_before
        && post.first > 1
        && tokens.at(post.first - 1).is_capitalized()
        && !tokens.at(post.first - 1).after_break
        && !matches!(tokens.at(post.first - 2).text, "." | "“" | "\"" | "!" | "?");
    if !plural && !inside_name {
        bare.push(BarePost {
            post: posts.intern(&post.position, post.institution.as_deref()),
            token: u32::try_from(post.first).expect("token indices fit in u32"),
            start: u32::try_from(surface.start).expect("token bounds fit in u32"),
            end: u32::try_from(surface.end).expect("token bounds fit in u32"),
        });
    }
    post.end
}

fn full_mention(
    tokens: &Tokens,
    post: &PostMatch,
    posts: &mut PostTable,
    m: &NameMatch,
    alias: Option<Span>,
) -> FullMention {
    let name_span = Span::new(tokens.at(m.first).start, tokens.at(m.end - 1).end);
    FullMention {
        titles: m.titles.clone(),
        degrees: m.degrees.clone(),
        post: posts.intern(&post.position, post.institution.as_deref()),
        level: post.form.level,
        token: post.first.min(m.start),
        name_span,
        name_tokens: m.first..m.end,
        alias,
    }
}

/// `pejabat di Badan … (BPSDM) Provinsi Banten, Agung Basuki`: a civil servant
/// of a body, named after it.
fn pejabat_di(tokens: &Tokens, i: usize, posts: &mut PostTable) -> Option<(FullMention, usize)> {
    // nearly every token goes no further than its first byte
    if !matches!(tokens.first_byte(i), Some(b'p' | b'P')) {
        return None;
    }
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
            k = r.end();
            region = Some(r);
            break;
        }
        if t.text == "(" && tokens.get(k + 2).is_some_and(|c| c.text == ")") {
            acronym = Some(tokens.at(k + 1).text.to_string());
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
    let name_span = Span::new(tokens.at(m.first).start, tokens.at(m.end - 1).end);
    Some((
        FullMention {
            titles: m.titles,
            degrees: m.degrees,
            post: posts.intern(
                &format!("Pejabat {body}"),
                region.as_ref().map(RegionRef::name_ref),
            ),
            level: PostLevel::None,
            token: i,
            name_span,
            name_tokens: m.first..m.end,
            alias: None,
        },
        m.consumed,
    ))
}
