//! Finding officials in one article: a post with a name after it (`Kepala
//! Bappeda Kabupaten Tangerang, Ujang Sudiartono`, `Sekda Muhamad`,
//! `Walikota (Airin Rachmi Diany)`), a name before it (`Ahmad Yani, Kepala
//! Dinas …`), `pejabat di <body>, <name>`; then every later short form
//! (`kata Arief`, a bare `Sekda`) as a mention of the same person.

use super::gazetteer::{Level, PostLevel, GAZETTEER};
use super::intervals::Intervals;
use super::merge::MergeIndex;
use super::model::{OfficialMention, Span};
use super::names::{is_initial, parse_backward, parse_forward, NameMatch};
use super::posts::{match_post, PostMatch};
use super::regions::{all_refs, typed_ref, RegionRef, RegionTarget};
use super::tokens::{Token, TokenKind};
use crate::search::fold;
use std::collections::HashMap;

/// A full mention: a name tied to a post.
#[derive(Debug, Clone)]
struct FullMention {
    name: String,
    titles: Vec<String>,
    degrees: Vec<String>,
    position: String,
    institution: Option<String>,
    level: PostLevel,
    /// Token where the mention starts (for context look-ups).
    token: usize,
    name_span: Span,
    /// The post's words as written when they differ from the reported post
    /// (`Sekda Muhamad`, `Ibu Walikota`), kept as aliases.
    alias: Option<String>,
}

/// A post mentioned without a name (`kata Sekda`, `Ibu Walikota juga`).
#[derive(Debug, Clone)]
struct BarePost {
    position: String,
    institution: Option<String>,
    token: usize,
    span: Span,
    surface: String,
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

/// A key under which spelling variants of one name meet: folded letters only.
fn name_key(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Words of a name usable as a short form: no initials, at least three letters.
fn short_forms(name: &str) -> Vec<String> {
    crate::entities::tokens::tokenize(name)
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !is_initial(t) && t.text.chars().count() >= 3)
        .map(|t| t.text.to_string())
        .collect()
}

/// The region a post without one belongs to: the most recent region of the
/// right level named before it.
fn region_from_context(level: PostLevel, token: usize, context: &[RegionRef]) -> Option<String> {
    let wanted = |r: &RegionRef| match (level, &r.target) {
        (PostLevel::Region(l), RegionTarget::Known(_)) => r.level() == Some(l),
        (PostLevel::Any, RegionTarget::Known(_)) => matches!(
            r.level(),
            Some(Level::Kota | Level::Kabupaten | Level::Provinsi)
        ),
        (PostLevel::Kelurahan, RegionTarget::Village(n)) => n.starts_with("Kelurahan "),
        (PostLevel::Desa, RegionTarget::Village(n)) => n.starts_with("Desa "),
        _ => false,
    };
    context
        .iter()
        .filter(|r| r.first < token)
        .rfind(|r| wanted(r))
        .map(RegionRef::name)
}

/// Merges full mentions of one person, fills institutions from context, and
/// adds short-form and bare-post mentions.
fn resolve_in_article(
    text: &str,
    tokens: &[Token],
    full: Vec<FullMention>,
    bare: Vec<BarePost>,
    context: &[RegionRef],
) -> Vec<OfficialMention> {
    struct Person {
        mention: OfficialMention,
        key: String,
        first_token: usize,
        level: PostLevel,
        full_spans: Vec<Span>,
    }
    let mut people: Vec<Person> = Vec::new();
    let mut index = MergeIndex::default();
    for f in full {
        let key = name_key(&f.name);
        // The first person with the same key, or with the same post and a key
        // containing or inside this one.
        let existing = index.candidates(&key, &f.position).into_iter().find(|&i| {
            let p = &people[i];
            p.key == key
                || (p.mention.position == f.position
                    && (key.contains(&p.key) || p.key.contains(&key))
                    && p.key.len().min(key.len()) >= 4)
        });
        match existing {
            Some(i) => {
                let p = &mut people[i];
                if p.mention.institution.is_none() {
                    p.mention.institution = f.institution.clone();
                }
                if f.name.len() > p.mention.name.len() {
                    p.mention.name = f.name.clone();
                    index.add(i, &key, &p.mention.position);
                    p.key = key;
                }
                for t in f.titles {
                    if !p.mention.titles.contains(&t) {
                        p.mention.titles.push(t);
                    }
                }
                for d in f.degrees {
                    if !p.mention.degrees.contains(&d) {
                        p.mention.degrees.push(d);
                    }
                }
                p.mention.spans.push(f.name_span);
                p.full_spans.push(f.name_span);
                p.mention.aliases.extend(f.alias);
            }
            None => {
                index.add(people.len(), &key, &f.position);
                people.push(Person {
                    mention: OfficialMention {
                        name: f.name.clone(),
                        position: f.position.clone(),
                        institution: f.institution.clone(),
                        titles: f.titles.clone(),
                        degrees: f.degrees.clone(),
                        aliases: f.alias.into_iter().collect(),
                        spans: vec![f.name_span],
                    },
                    key,
                    first_token: f.token,
                    level: f.level,
                    full_spans: vec![f.name_span],
                })
            }
        }
    }
    let institutions: Vec<Option<String>> = people
        .iter()
        .map(|p| p.mention.institution.clone())
        .collect();
    for p in &mut people {
        if p.mention.institution.is_none() {
            p.mention.institution = region_from_context(p.level, p.first_token, context);
        }
        // `Kasat Binmas` of an unnamed `Polres`: the Polres named elsewhere here.
        if let Some(unit) = p.mention.institution.clone().filter(|i| !i.contains(' ')) {
            let prefix = format!("{unit} ");
            if let Some(named) = institutions
                .iter()
                .flatten()
                .find(|i| i.starts_with(&prefix))
            {
                p.mention.institution = Some(named.clone());
            }
        }
    }
    // Spans per person, for overlap checks in logarithmic time (a scan here
    // made an article with many mentions quadratic).
    let mut taken: Vec<[Intervals; 3]> = people
        .iter()
        .map(|p| {
            [
                Intervals::from(&p.mention.spans),
                Intervals::default(),
                Intervals::default(),
            ]
        })
        .collect();
    // Bare posts after a person's first mention refer to them when only one
    // person holds that post here.
    let mut by_post: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        by_post
            .entry(post_key(&p.mention.position))
            .or_default()
            .push(i);
    }
    for b in &bare {
        let holders: Vec<usize> = by_post
            .get(&post_key(&b.position))
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|&i| {
                        b.institution
                            .as_ref()
                            .is_none_or(|inst| people[i].mention.institution.as_ref() == Some(inst))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if let [only] = holders[..] {
            let p = &mut people[only];
            if p.first_token < b.token && !taken[only].iter().any(|t| t.overlaps(b.span)) {
                p.mention.spans.push(b.span);
                taken[only][1].push(b.span);
                p.mention.aliases.push(b.surface.clone());
            }
        }
    }
    // Short forms of names after the first mention. A word used by two
    // people is ambiguous and names no one.
    let all_full = Intervals::from(
        &people
            .iter()
            .flat_map(|p| p.full_spans.clone())
            .collect::<Vec<_>>(),
    );
    let forms: Vec<Vec<String>> = people
        .iter()
        .map(|p| short_forms(&p.mention.name))
        .collect();
    let mut owners: HashMap<&str, Vec<usize>> = HashMap::new();
    for (pi, f) in forms.iter().enumerate() {
        for w in f {
            let v = owners.entry(w.as_str()).or_default();
            if v.last() != Some(&pi) {
                v.push(pi);
            }
        }
    }
    for (ti, t) in tokens.iter().enumerate() {
        let Some(&[pi]) = owners.get(t.text).map(Vec::as_slice) else {
            continue;
        };
        let p = &mut people[pi];
        let first_end = p.full_spans.first().map_or(0, |s| s.end);
        if t.start < first_end || all_full.contains(t.start, t.end) {
            continue;
        }
        let own = &forms[pi];
        // A run of capitalised words: take it whole when all belong to the name,
        // skip it when it names someone else (`Agus Salim`).
        let mut end = ti + 1;
        while end < tokens.len()
            && own.iter().any(|f| f == tokens[end].text)
            && !tokens[end].after_break
        {
            end += 1;
        }
        let next_foreign = tokens.get(end).is_some_and(|n| {
            n.is_capitalized()
                && !n.after_break
                && !own.iter().any(|f| f == n.text)
                && !is_post_start(tokens, end)
        });
        let prev_foreign = ti > 0
            && tokens[ti - 1].is_capitalized()
            && !tokens[ti].after_break
            && !own.iter().any(|f| f == tokens[ti - 1].text)
            && !GAZETTEER.is_honorific(tokens[ti - 1].text);
        if next_foreign || prev_foreign {
            continue;
        }
        let span = Span::new(t.start, tokens[end - 1].end);
        if taken[pi].iter().any(|t| t.overlaps(span)) {
            continue;
        }
        taken[pi][2].push(span);
        p.mention.spans.push(span);
        p.mention
            .aliases
            .push(text[span.start..span.end].to_string());
    }
    people
        .into_iter()
        .map(|mut p| {
            p.mention.spans.sort();
            p.mention.spans.dedup();
            let mut seen = Vec::new();
            p.mention.aliases.retain(|a| {
                a != &p.mention.name && !seen.contains(a) && {
                    seen.push(a.clone());
                    true
                }
            });
            p.mention
        })
        .collect()
}

/// True when a post starts at token `i` (so a capitalised word there is not a name).
fn is_post_start(tokens: &[Token], i: usize) -> bool {
    match_post(tokens, i).is_some()
}

/// Posts compare without acting prefixes and case.
fn post_key(position: &str) -> String {
    let p = position
        .trim_start_matches("Pj. ")
        .trim_start_matches("Pj ")
        .trim_start_matches("Plt. ")
        .trim_start_matches("Plt ")
        .trim_start_matches("Plh. ")
        .trim_start_matches("Plh ");
    fold(p).replace("walikota", "wali kota")
}
