//! Tying one article's mentions of officials together: full mentions of one
//! person merge, a post without a region takes the region named before it,
//! and later short names and bare posts become mentions of the person.

use super::gazetteer::{Level, PostLevel, GAZETTEER};
use super::intervals::Intervals;
use super::model::{OfficialMention, Span};
use super::names::is_initial;
use super::officials::{BarePost, PostTable};
use super::people::{AliasSets, Merged, Person};
use super::posts::{match_post, openers};
use super::regions::{RegionRef, RegionTarget, TypedRefs};
use super::tokens::{ByteSet, TokenKind, TokenMarks, Tokens};
use crate::search::fold;
use foldhash::{HashMap, HashMapExt};

/// Words of a name usable as a short form: no initials, at least three letters.
fn short_forms(name: &str) -> impl Iterator<Item = &str> {
    let tokens = crate::entities::tokens::tokenize(name);
    let forms: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !is_initial(*t) && t.text.chars().count() >= 3)
        .map(|t| t.text)
        .collect();
    forms.into_iter()
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
        .filter(|r| r.first() < token)
        .rfind(|r| wanted(r))
        .map(|r| r.name().into_owned())
}

/// Fills institutions from context, and adds bare-post and short-form
/// mentions to the people merged from full mentions.
pub(super) fn resolve_in_article<'t>(
    text: &'t str,
    tokens: &Tokens,
    posts: PostTable,
    merged: Merged<'t>,
    bare: Vec<BarePost>,
    context: &[RegionRef],
    typed: &TypedRefs,
) -> Vec<OfficialMention> {
    let Merged {
        mut mentions,
        people,
        mut taken,
        in_full,
        mut aliases,
    } = merged;
    let at = |s: Span| &text[s.start..s.end];
    fill_institutions(&mut mentions, &people, context);
    if !bare.is_empty() {
        // Bare posts after a person's first mention refer to them when only
        // one person holds that post here. An article names a few people:
        // their keys are compared in a list, not hashed.
        let keys: Vec<String> = mentions.iter().map(|m| post_key(&m.position)).collect();
        for b in &bare {
            let key = post_key(posts.position(b.post));
            let institution = posts.institution(b.post);
            let mut holders = keys.iter().enumerate().filter(|&(i, k)| {
                *k == key
                    && institution
                        .is_none_or(|inst| mentions[i].institution.as_deref() == Some(inst))
            });
            if let (Some((only, _)), None) = (holders.next(), holders.next()) {
                if people[only].first_token < b.token as usize
                    && !taken[only].iter().any(|t| t.overlaps(b.span()))
                {
                    taken[only][1].push(b.span());
                    aliases.add(&mut mentions[only].aliases, only, at(b.span()));
                }
            }
        }
    }
    drop((bare, posts));
    let found = Found {
        people: &people,
        in_full: &in_full,
        taken: &mut taken,
        mentions: &mut mentions,
        aliases: &mut aliases,
    };
    short_form_mentions(text, tokens, typed, found);
    drop((people, in_full, aliases));
    for (m, taken) in mentions.iter_mut().zip(taken) {
        let mut spans = Vec::with_capacity(taken.iter().map(Intervals::len).sum());
        for t in &taken {
            spans.extend(t.spans());
        }
        drop(taken);
        spans.sort();
        spans.dedup();
        spans.shrink_to_fit();
        m.spans = spans;
        // Aliases are distinct already; the name may have grown into one.
        m.aliases.retain(|a| a != &m.name);
        m.aliases.shrink_to_fit();
    }
    mentions
}
/// The region a post without one belongs to, and the full name of a
/// one-word unit (`Polres`) named elsewhere in the article.
fn fill_institutions(mentions: &mut [OfficialMention], people: &[Person], context: &[RegionRef]) {
    let stated: Vec<bool> = mentions.iter().map(|m| m.institution.is_some()).collect();
    for (m, p) in mentions.iter_mut().zip(people) {
        if m.institution.is_none() {
            m.institution = region_from_context(p.level, p.first_token, context);
        }
    }
    // `Kasat Binmas` of an unnamed `Polres`: the Polres stated elsewhere here
    // (as stated, not as filled from context), looked up once per unit.
    let mut named: HashMap<String, Option<usize>> = HashMap::new();
    let mut renamed = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(unit) = m.institution.as_ref().filter(|u| !u.contains(' ')) else {
            continue;
        };
        let found = *named.entry(unit.clone()).or_insert_with(|| {
            let prefix = format!("{unit} ");
            (0..mentions.len()).find(|&j| {
                stated[j]
                    && mentions[j]
                        .institution
                        .as_ref()
                        .is_some_and(|n| n.starts_with(&prefix))
            })
        });
        if let Some(j) = found {
            renamed.push((i, j));
        }
    }
    let names: Vec<(usize, Option<String>)> = renamed
        .into_iter()
        .map(|(i, j)| (i, mentions[j].institution.clone()))
        .collect();
    for (i, name) in names {
        mentions[i].institution = name;
    }
}

/// What the short-form pass reads and adds to.
struct Found<'a, 't> {
    people: &'a [Person<'t>],
    in_full: &'a TokenMarks,
    taken: &'a mut [[Intervals; 3]],
    mentions: &'a mut [OfficialMention],
    aliases: &'a mut AliasSets,
}

/// Owner of a short form used by two people or more: it names no one.
const AMBIGUOUS: u32 = u32::MAX;

/// Short forms of names after the first mention, as mentions of the person.
fn short_form_mentions(text: &str, tokens: &Tokens, typed: &TypedRefs, found: Found) {
    let Found {
        people,
        in_full,
        taken,
        mentions,
        aliases,
    } = found;
    // Each person's forms are `forms[first_form[i]..first_form[i + 1]]`.
    let mut forms: Vec<&str> = Vec::new();
    let mut first_form: Vec<u32> = Vec::with_capacity(people.len() + 1);
    let mut owners: HashMap<&str, u32> = HashMap::new();
    let narrow = |x: usize| u32::try_from(x).expect("fewer forms than tokens");
    for (pi, p) in people.iter().enumerate() {
        first_form.push(narrow(forms.len()));
        let pi = narrow(pi);
        for w in short_forms(p.name) {
            forms.push(w);
            owners
                .entry(w)
                .and_modify(|o| {
                    if *o != pi {
                        *o = AMBIGUOUS;
                    }
                })
                .or_insert(pi);
        }
    }
    first_form.push(narrow(forms.len()));
    // Most tokens share no first byte with any form: no hashing for them.
    let first_bytes = ByteSet::of_first_bytes(&forms);
    for ti in 0..tokens.len() {
        if !tokens.starts_in(ti, &first_bytes) {
            continue;
        }
        let t = tokens.at(ti);
        let Some(&pi) = owners.get(t.text).filter(|&&o| o != AMBIGUOUS) else {
            continue;
        };
        let pi = pi as usize;
        if t.start < people[pi].first_end || in_full.get(ti) {
            continue;
        }
        let own = &forms[first_form[pi] as usize..first_form[pi + 1] as usize];
        // A run of capitalised words: take it whole when all belong to the name,
        // skip it when it names someone else (`Agus Salim`).
        let mut end = ti + 1;
        while end < tokens.len()
            && own.contains(&tokens.at(end).text)
            && !tokens.at(end).after_break
        {
            end += 1;
        }
        let next_foreign = tokens.get(end).is_some_and(|n| {
            n.is_capitalized()
                && !n.after_break
                && !own.contains(&n.text)
                && !is_post_start(tokens, end, typed)
        });
        let prev_foreign = ti > 0
            && tokens.at(ti - 1).is_capitalized()
            && !tokens.at(ti).after_break
            && !own.contains(&tokens.at(ti - 1).text)
            && !GAZETTEER.is_honorific(tokens.at(ti - 1).text);
        if next_foreign || prev_foreign {
            continue;
        }
        let span = Span::new(t.start, tokens.at(end - 1).end);
        if taken[pi].iter().any(|t| t.overlaps(span)) {
            continue;
        }
        taken[pi][2].push(span);
        aliases.add(&mut mentions[pi].aliases, pi, &text[span.start..span.end]);
    }
}

/// True when a post starts at token `i` (so a capitalised word there is not a name).
fn is_post_start(tokens: &Tokens, i: usize, typed: &TypedRefs) -> bool {
    match_post(tokens, i, typed, openers()).is_some()
}

/// Posts compare without acting prefixes and case.
fn post_key(position: &str) -> String {
    let p = ["Pj. ", "Pj ", "Plt. ", "Plt ", "Plh. ", "Plh "]
        .into_iter()
        .fold(position, super::trim_prefix);
    let key = fold(p);
    // (a plain look first: `replace` builds a searcher and a copy per call)
    if key.as_bytes().windows(8).any(|w| w == b"walikota") {
        key.replace("walikota", "wali kota")
    } else {
        key
    }
}
