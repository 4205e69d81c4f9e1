//! Tying one article's mentions of officials together: full mentions of one
//! person merge, a post without a region takes the region named before it,
//! and later short names and bare posts become mentions of the person.

use super::gazetteer::{Level, PostLevel, GAZETTEER};
use super::intervals::Intervals;
use super::merge::MergeIndex;
use super::model::{OfficialMention, Span};
use super::names::is_initial;
use super::officials::{BarePost, FullMention, PostTable};
use super::posts::match_post;
use super::regions::{RegionRef, RegionTarget};
use super::tokens::{TokenKind, Tokens};
use crate::search::fold;
use std::collections::{HashMap, HashSet};

/// A key under which spelling variants of one name meet: folded letters only.
fn name_key(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Words of a name usable as a short form: no initials, at least three letters.
fn short_forms(name: &str) -> Vec<String> {
    crate::entities::tokens::tokenize(name)
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !is_initial(*t) && t.text.chars().count() >= 3)
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
        .filter(|r| r.first() < token)
        .rfind(|r| wanted(r))
        .map(RegionRef::name)
}

/// Merges full mentions of one person, fills institutions from context, and
/// adds short-form and bare-post mentions.
pub(super) fn resolve_in_article<'t>(
    text: &'t str,
    tokens: &Tokens,
    posts: &PostTable,
    full: Vec<FullMention>,
    bare: Vec<BarePost>,
    context: &[RegionRef],
) -> Vec<OfficialMention> {
    // A person's spans are gathered in `full_spans`, then in `taken` (one
    // copy each: the mention's list is filled from `taken` at the end).
    struct Person {
        mention: OfficialMention,
        key: String,
        first_token: usize,
        level: PostLevel,
        full_spans: Vec<Span>,
        /// End of the first full mention: short forms come after it.
        first_end: usize,
    }
    let mut people: Vec<Person> = Vec::new();
    let mut index = MergeIndex::default();
    let at = |s: Span| &text[s.start..s.end];
    // Aliases already given to each person: a name repeated a million times
    // is one alias, not a million strings waiting for deduplication.
    let mut alias_seen: HashSet<(usize, &str)> = HashSet::new();
    let mut add_alias = |aliases: &mut Vec<String>, person: usize, alias: &'t str| {
        if alias_seen.insert((person, alias)) {
            aliases.push(alias.to_string());
        }
    };
    for f in full {
        let name = at(f.name_span);
        let position = posts.position(f.post);
        let institution = posts.institution(f.post);
        let key = name_key(name);
        // The first person with the same key, or with the same post and a key
        // containing or inside this one.
        let existing = index.candidates(&key, position).into_iter().find(|&i| {
            let p = &people[i];
            p.key == key
                || (p.mention.position == position
                    && (key.contains(&p.key) || p.key.contains(&key))
                    && p.key.len().min(key.len()) >= 4)
        });
        match existing {
            Some(i) => {
                let p = &mut people[i];
                if p.mention.institution.is_none() {
                    p.mention.institution = institution.cloned();
                }
                if name.len() > p.mention.name.len() {
                    p.mention.name = name.to_string();
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
                p.full_spans.push(f.name_span);
                if let Some(s) = f.alias {
                    add_alias(&mut p.mention.aliases, i, at(s));
                }
            }
            None => {
                index.add(people.len(), &key, position);
                people.push(Person {
                    mention: OfficialMention {
                        name: name.to_string(),
                        position: position.to_string(),
                        institution: institution.cloned(),
                        titles: f.titles,
                        degrees: f.degrees,
                        aliases: Vec::new(),
                        spans: Vec::new(),
                    },
                    key,
                    first_token: f.token,
                    level: f.level,
                    full_spans: vec![f.name_span],
                    first_end: f.name_span.end,
                });
                if let Some(s) = f.alias {
                    let last = people.len() - 1;
                    add_alias(&mut people[last].mention.aliases, last, at(s));
                }
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
    let all_full = Intervals::from(
        &people
            .iter()
            .flat_map(|p| p.full_spans.iter().copied())
            .collect::<Vec<_>>(),
    );
    let mut taken: Vec<[Intervals; 3]> = people
        .iter_mut()
        .map(|p| {
            [
                Intervals::from(&std::mem::take(&mut p.full_spans)),
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
            .get(&post_key(posts.position(b.post)))
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|&i| {
                        posts
                            .institution(b.post)
                            .is_none_or(|inst| people[i].mention.institution.as_ref() == Some(inst))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if let [only] = holders[..] {
            let p = &mut people[only];
            if p.first_token < b.token as usize && !taken[only].iter().any(|t| t.overlaps(b.span)) {
                taken[only][1].push(b.span);
                add_alias(&mut p.mention.aliases, only, at(b.span));
            }
        }
    }
    // Short forms of names after the first mention. A word used by two
    // people is ambiguous and names no one.
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
        if t.start < p.first_end || all_full.contains(t.start, t.end) {
            continue;
        }
        let own = &forms[pi];
        // A run of capitalised words: take it whole when all belong to the name,
        // skip it when it names someone else (`Agus Salim`).
        let mut end = ti + 1;
        while end < tokens.len()
            && own.iter().any(|f| f == tokens.at(end).text)
            && !tokens.at(end).after_break
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
            && tokens.at(ti - 1).is_capitalized()
            && !tokens.at(ti).after_break
            && !own.iter().any(|f| f == tokens.at(ti - 1).text)
            && !GAZETTEER.is_honorific(tokens.at(ti - 1).text);
        if next_foreign || prev_foreign {
            continue;
        }
        let span = Span::new(t.start, tokens.at(end - 1).end);
        if taken[pi].iter().any(|t| t.overlaps(span)) {
            continue;
        }
        taken[pi][2].push(span);
        add_alias(&mut p.mention.aliases, pi, at(span));
    }
    people
        .into_iter()
        .zip(taken)
        .map(|(mut p, taken)| {
            p.mention.spans = taken.into_iter().flat_map(Intervals::into_spans).collect();
            p.mention.spans.sort();
            p.mention.spans.dedup();
            // Aliases are distinct already; the name may have grown into one.
            p.mention.aliases.retain(|a| a != &p.mention.name);
            p.mention
        })
        .collect()
}

/// True when a post starts at token `i` (so a capitalised word there is not a name).
fn is_post_start(tokens: &Tokens, i: usize) -> bool {
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
