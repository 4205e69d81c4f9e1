//! Resolution across the corpus: the same person in several articles becomes
//! one [`Official`] with every role; namesakes in different regions stay apart.

use super::cluster::cluster;
use super::gazetteer::GAZETTEER;
use super::index::{EntityIndex, Official, Organization, Place, Program, Role};
use super::model::ArticleEntities;
use super::packed::{NamedRef, OfficialRef, PackedEntities};
use crate::search::{fold, Document};
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

pub use super::cluster::name_key;

/// Extracts every article (in parallel) and resolves entities across them.
pub fn build_index(articles: &[crate::corpus::Article]) -> EntityIndex {
    resolve_packed(extract_packed(articles))
}

/// Extracts every article's entities in parallel, each packed as soon as it
/// is extracted (the corpus's mentions never exist unpacked at once): the
/// first step of [`build_index`].
pub fn extract_packed(articles: &[crate::corpus::Article]) -> Vec<PackedEntities> {
    use rayon::prelude::*;
    articles
        .par_iter()
        .with_max_len(EXTRACTION_RUN)
        .map(extract_article)
        .collect()
}

/// The most articles one thread extracts without letting another take
/// some: rayon's own split left one core idle for the last 130 ms of
/// extraction at 100 000 articles (a run of about 3 000 articles on the
/// other); at some 45 µs an article, a run of 64 ends within 3 ms.
pub const EXTRACTION_RUN: usize = 64;

/// One article's entities, extracted from its body and packed.
pub fn extract_article(article: &crate::corpus::Article) -> PackedEntities {
    article
        .body
        .with_text(|text| PackedEntities::pack(&super::extract(text)))
}

/// Resolves per-article entities into corpus-wide lists.
pub fn resolve(per_article: Vec<ArticleEntities>) -> EntityIndex {
    resolve_packed(per_article.iter().map(PackedEntities::pack).collect())
}

/// [`resolve`] over packed per-article entities, which the index keeps.
/// Officials and the named entities are resolved side by side (on two
/// cores, about a quarter of this step's time at 100 000 articles).
pub fn resolve_packed(per_article: Vec<PackedEntities>) -> EntityIndex {
    resolve_packed_beside(per_article, |_| ()).0
}

/// [`resolve_packed`], running `beside` over the per-article entities on
/// the core that resolves the named entities once it has: clustering the
/// officials on the other core takes longer (about 110 against 65 ms at
/// 100 000 articles), and work a caller has next that needs no resolution
/// (the figure rows' search documents) fills the gap.
pub fn resolve_packed_beside<T: Send>(
    per_article: Vec<PackedEntities>,
    beside: impl FnOnce(&[PackedEntities]) -> T + Send,
) -> (EntityIndex, T) {
    let ((officials, official_of_mention), ((organizations, places, programs), more)) = rayon::join(
        || resolve_officials(&per_article),
        || (resolve_named(&per_article), beside(&per_article)),
    );
    let index = EntityIndex {
        per_article,
        official_of_mention,
        officials,
        organizations,
        places,
        programs,
    };
    (index, more)
}

/// The corpus's officials, most cited first, and for each article's
/// official mentions the index of its official.
fn resolve_officials(per_article: &[PackedEntities]) -> (Vec<Official>, Vec<Vec<usize>>) {
    let clusters = cluster(per_article);

    // A cluster's members come in article order: each worker unpacks an
    // article once per cluster. Clusters are summed on every core: the
    // other half of resolution is over by the time clustering is.
    let mut officials: Vec<(Official, Vec<(usize, usize)>)> = clusters
        .into_par_iter()
        .map_init(
            || (usize::MAX, Vec::<OfficialRef>::new()),
            |unpacked, c| {
                let name = c.name;
                let mut aliases: Vec<String> = Vec::new();
                let mut roles: Vec<Role> = Vec::new();
                let mut articles: Vec<usize> = Vec::new();
                let mut mentions = 0;
                for &(ai, oi) in &c.members {
                    if unpacked.0 != ai {
                        unpacked.0 = ai;
                        unpacked.1.clear();
                        unpacked.1.extend(per_article[ai].official_refs());
                    }
                    let o = &unpacked.1[oi];
                    for a in std::iter::once(o.name).chain(o.aliases()) {
                        if a != name && !aliases.iter().any(|known| known == a) {
                            aliases.push(a.to_string());
                        }
                    }
                    mentions += o.span_count;
                    // Members come in article order: a repeat is always the last one.
                    if articles.last() != Some(&ai) {
                        articles.push(ai);
                    }
                    match roles.iter_mut().find(|r| {
                        r.position == o.position && r.institution.as_deref() == o.institution
                    }) {
                        Some(r) => {
                            if r.articles.last() != Some(&ai) {
                                r.articles.push(ai);
                            }
                        }
                        None => roles.push(Role {
                            position: o.position.to_string(),
                            institution: o.institution.map(str::to_string),
                            articles: vec![ai],
                        }),
                    }
                }
                articles.sort_unstable();
                roles.sort_by_key(|r| std::cmp::Reverse(r.articles.len()));
                (
                    Official {
                        name,
                        aliases,
                        roles,
                        articles,
                        mentions,
                    },
                    c.members,
                )
            },
        )
        .collect();
    officials.sort_by(|(a, _), (b, _)| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(b.mentions.cmp(&a.mentions))
            .then(a.name.cmp(&b.name))
    });

    let mut official_of_mention: Vec<Vec<usize>> = per_article
        .iter()
        .map(|e| vec![0; e.official_count()])
        .collect();
    for (i, (_, members)) in officials.iter().enumerate() {
        for &(ai, oi) in members {
            official_of_mention[ai][oi] = i;
        }
    }

    (
        officials.into_iter().map(|(o, _)| o).collect(),
        official_of_mention,
    )
}

/// The corpus's organisations, places and programmes, most cited first.
fn resolve_named(per_article: &[PackedEntities]) -> (Vec<Organization>, Vec<Place>, Vec<Program>) {
    let mut organizations = ExpandedNames::default();
    let mut programs = ExpandedNames::default();
    let mut places: Vec<Place> = Vec::new();
    let mut place_at: HashMap<String, usize> = HashMap::new();
    for (ai, e) in per_article.iter().enumerate() {
        for named in e.named_refs() {
            match named {
                NamedRef::Organization { name, expansion } => {
                    organizations.add(name, expansion, ai, org_key);
                }
                NamedRef::Program { name, expansion } => {
                    programs.add(name, expansion, ai, fold);
                }
                NamedRef::Place { name, level } => {
                    let i = match place_at.get(name) {
                        Some(&i) => i,
                        None => {
                            places.push(Place {
                                name: name.to_string(),
                                level,
                                articles: Vec::new(),
                            });
                            place_at.insert(name.to_string(), places.len() - 1);
                            places.len() - 1
                        }
                    };
                    push_unique(&mut places[i].articles, ai);
                }
            }
        }
    }
    most_cited_first(&mut places, |p| (&p.articles, &p.name));
    let organizations = organizations.into_sorted(|name, expansion, articles| Organization {
        name,
        expansion,
        articles,
    });
    let programs = programs.into_sorted(|name, expansion, articles| Program {
        name,
        expansion,
        articles,
    });
    (organizations, places, programs)
}

/// Sorts entries by the number of articles citing them, most first, then by
/// name.
fn most_cited_first<T>(entries: &mut [T], cited: impl Fn(&T) -> (&Vec<usize>, &String)) {
    entries.sort_by(|a, b| {
        let (a_articles, a_name) = cited(a);
        let (b_articles, b_name) = cited(b);
        b_articles
            .len()
            .cmp(&a_articles.len())
            .then(a_name.cmp(b_name))
    });
}

/// A name with an optional long form and the articles citing it: what an
/// organisation and a programme both are while the corpus is read.
struct ExpandedName {
    name: String,
    expansion: Option<String>,
    articles: Vec<usize>,
}

/// The organisations (or programmes) of a corpus being gathered: names that
/// share a key are one entry, which keeps the first name and the first long
/// form seen.
#[derive(Default)]
struct ExpandedNames {
    entries: Vec<ExpandedName>,
    at: KeyedNames,
}

impl ExpandedNames {
    /// Cites `name` (long form `expansion`) in article `article`.
    fn add(
        &mut self,
        name: &str,
        expansion: Option<&str>,
        article: usize,
        key_of: impl FnOnce(&str) -> String,
    ) {
        let entries = &mut self.entries;
        let i = self.at.index(name, key_of, || {
            entries.push(ExpandedName {
                name: name.to_string(),
                expansion: None,
                articles: Vec::new(),
            });
            entries.len() - 1
        });
        let entry = &mut self.entries[i];
        if entry.expansion.is_none() {
            entry.expansion = expansion.map(str::to_string);
        }
        push_unique(&mut entry.articles, article);
    }

    /// The entries, most cited first, each made by `make` from its name,
    /// long form and articles.
    fn into_sorted<T>(mut self, make: impl Fn(String, Option<String>, Vec<usize>) -> T) -> Vec<T> {
        most_cited_first(&mut self.entries, |n| (&n.articles, &n.name));
        self.entries
            .into_iter()
            .map(|n| make(n.name, n.expansion, n.articles))
            .collect()
    }
}

/// Entries looked up by a key made from a name (folded, say), remembering
/// each name as written: a name seen before costs one look-up and no
/// allocation. Names with the same key share an entry.
#[derive(Default)]
struct KeyedNames {
    by_key: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl KeyedNames {
    /// The entry of `name`'s key, made by `add` when the key is new.
    fn index(
        &mut self,
        name: &str,
        key_of: impl FnOnce(&str) -> String,
        add: impl FnOnce() -> usize,
    ) -> usize {
        if let Some(&i) = self.by_name.get(name) {
            return i;
        }
        let i = *self.by_key.entry(key_of(name)).or_insert_with(add);
        self.by_name.insert(name.to_string(), i);
        i
    }
}

/// Acronyms that name the same body (`BPSDMD` is the regional `BPSDM`).
const SAME_BODY: &[(&str, &str)] = &[
    ("bpsdmd", "bpsdm"),
    ("bkpsdmd", "bkpsdm"),
    ("kementrian", "kementerian"),
    ("setdakab", "setda"),
    ("setdakot", "setda"),
];

/// The key under which organisation names meet across articles.
fn org_key(name: &str) -> String {
    fold(name)
        .split_whitespace()
        .map(|w| {
            SAME_BODY
                .iter()
                .find(|(a, _)| *a == w)
                .map_or(w, |(_, b)| b)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Adds an article to an ascending list of articles. Articles are visited in
/// order, so a repeat can only be the last one: no scan of the list (which
/// made a place named in most articles quadratic).
fn push_unique(list: &mut Vec<usize>, value: usize) {
    debug_assert!(list.last().is_none_or(|&last| last <= value));
    if list.last() != Some(&value) {
        list.push(value);
    }
}

/// The search fields of an official, best first: names, posts (with their
/// short forms and acronyms), institutions (with their short forms).
pub fn official_document(o: &Official) -> Document {
    let g = &*GAZETTEER;
    let mut names = vec![o.name.clone()];
    names.extend(o.aliases.iter().cloned());
    let mut posts = Vec::new();
    let mut institutions = Vec::new();
    for r in &o.roles {
        posts.push(r.position.clone());
        posts.extend(g.post_short_forms(&r.position));
        posts.extend(acronym_of(&r.position));
        if let Some(inst) = &r.institution {
            institutions.push(inst.clone());
            institutions.extend(g.region_short_forms(inst));
        }
    }
    Document::new([names.join(" "), posts.join(" "), institutions.join(" ")])
}

/// Initials of the capitalised unit words of a post (`Kepala Badan
/// Pengembangan Sumber Daya Manusia` → `BPSDM`).
fn acronym_of(position: &str) -> Option<String> {
    let words: Vec<&str> = position
        .split_whitespace()
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    (words.len() >= 3).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

#[cfg(test)]
mod tests {
    use super::{org_key, KeyedNames};
    use std::cell::Cell;

    #[test]
    fn names_with_one_key_share_an_entry_and_are_keyed_once() {
        let mut names = KeyedNames::default();
        let keyed = Cell::new(0);
        let mut entries = 0;
        let mut index = |names: &mut KeyedNames, name: &str| {
            let key_of = |n: &str| {
                keyed.set(keyed.get() + 1);
                org_key(n)
            };
            names.index(name, key_of, || {
                entries += 1;
                entries - 1
            })
        };
        let first = index(&mut names, "BPSDMD Jawa Barat");
        // Another spelling of the same body: a new name, the same key.
        assert_eq!(index(&mut names, "BPSDM Jawa Barat"), first);
        assert_eq!(index(&mut names, "Bappeda"), first + 1);
        assert_eq!(keyed.get(), 3);
        // Names seen before are looked up as written, not keyed again.
        assert_eq!(index(&mut names, "BPSDMD Jawa Barat"), first);
        assert_eq!(index(&mut names, "BPSDM Jawa Barat"), first);
        assert_eq!(keyed.get(), 3);
        assert_eq!(entries, 2);
    }
}
