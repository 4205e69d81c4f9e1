//! Clustering official mentions across articles: which mentions name the
//! same person. [`super::resolve`] builds officials from the clusters.

use super::gazetteer::GAZETTEER;
use super::packed::PackedEntities;
use crate::search::fold;
use foldhash::{HashMap, HashMapExt};

/// The mentions of one person, while clustering.
pub(super) struct Cluster {
    /// The fullest name among the mentions: most words, then most bytes,
    /// the last of equals (the person's name in the corpus lists).
    pub(super) name: String,
    /// `name`'s words and bytes.
    name_rank: (usize, usize),
    /// The distinct name keys of the mentions.
    keys: Vec<String>,
    /// The distinct (name, institution) pairs among the mentions, with the
    /// name's parts: all that matching a new mention against the cluster needs.
    variants: Vec<(String, Option<String>, NameParts)>,
    /// (article, index of the official in that article)
    pub(super) members: Vec<(usize, usize)>,
    /// The last name words of `keys`, each with when the cluster took it.
    lasts: Vec<(String, usize)>,
    /// The distinct institutions among `variants`.
    institutions: Vec<String>,
    /// `variants` by a hash of name and institution, so a mention finds its
    /// variant without comparing every one.
    variant_at: HashMap<u64, Vec<usize>>,
    /// Which mentions the variants may match, for ruling a cluster out
    /// before comparing them.
    reach: Reach,
}

/// Which mentions a cluster's variants may match, in bits: a common name
/// has a cluster per province, as many as the corpus brings, and a mention
/// from one province rules the others out with two bit tests instead of
/// comparing their variants. Bits may collide, which only lets a cluster
/// through to the full comparison.
#[derive(Debug, Default)]
struct Reach {
    /// Some variant has no institution, or one whose province is unknown:
    /// it may match a mention from anywhere.
    anywhere: bool,
    /// Bit `p % 64` of the province `p` of each variant of two or more
    /// words (a one-word name matches only in its own institution).
    provinces: u64,
    /// [`institution_bit`] of each variant's institution.
    institutions: u64,
}

impl Reach {
    /// Takes in a variant with `words` name words from `institution`.
    fn add(
        &mut self,
        institution: Option<&str>,
        words: usize,
        province: &mut dyn FnMut(&str) -> Option<u32>,
    ) {
        let Some(inst) = institution else {
            self.anywhere = true;
            return;
        };
        self.institutions |= institution_bit(inst);
        if words >= 2 {
            match province(inst) {
                Some(p) => self.provinces |= 1 << (p % 64),
                None => self.anywhere = true,
            }
        }
    }

    /// False when no variant can match a mention from an institution with
    /// bit `institution` in province `province` (see [`same_parts`]: equal
    /// keys need the same institution or province, or an unknown one;
    /// other keys need the same institution).
    fn may_match(&self, institution: u64, province: u32) -> bool {
        self.anywhere
            || self.provinces & (1 << (province % 64)) != 0
            || self.institutions & institution != 0
    }
}

/// One of 64 bits for an institution.
fn institution_bit(institution: &str) -> u64 {
    use std::hash::BuildHasher;
    1 << (foldhash::fast::FixedState::default().hash_one(institution) % 64)
}

/// The hash [`Cluster::variant_at`] files a name and institution under.
fn variant_hash(name: &str, institution: Option<&str>) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().hash_one((name, institution))
}

/// Folded letters and digits of a name (`Arief R. Wismansyah` → `ariefrwismansyah`).
pub fn name_key(name: &str) -> String {
    let mut key = fold(name);
    // in place: collecting the kept chars one by one into a new string
    // cost ~800 instructions a name
    key.retain(char::is_alphanumeric);
    key
}

/// [`name_key`] of a name already folded.
fn key_of_folded(folded: &str) -> String {
    let mut key = folded.to_owned();
    key.retain(char::is_alphanumeric);
    key
}

/// Name words without initials, of a name already folded.
fn words_of_folded(folded: &str) -> Vec<String> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(str::to_string)
        .collect()
}

/// The province code an institution lies in, when it names a region.
fn province_of(institution: &str) -> Option<String> {
    let g = &*GAZETTEER;
    let bare = institution
        .split_once(' ')
        .map(|(head, rest)| {
            if matches!(
                head,
                "Polres" | "Polresta" | "Polda" | "Polsek" | "Kodim" | "Korem"
            ) {
                rest
            } else {
                institution
            }
        })
        .unwrap_or(institution);
    g.region_by_name(bare)
        .or_else(|| g.region_by_name(institution))
        .map(|r| r.province.clone())
}

/// Levenshtein distance, bounded: stops counting past `max` (any result
/// above `max` means "too far"). Compares bytes when both are ASCII (keys
/// almost always are), else chars; two rows, no allocation per row.
fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    if a.is_ascii() && b.is_ascii() {
        return bounded_levenshtein(a.as_bytes(), b.as_bytes(), max);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    bounded_levenshtein(&a, &b, max)
}

/// [`edit_distance`] over any sequence: returns `max + 1` as soon as a whole
/// row of the matrix exceeds `max` (the distance can only grow from there).
fn bounded_levenshtein<T: PartialEq>(a: &[T], b: &[T], max: usize) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// What matching compares of a name, worked out once per name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NameParts {
    /// See [`name_key`].
    key: String,
    /// Name words without initials, folded.
    words: Vec<String>,
}

impl NameParts {
    fn of(name: &str) -> NameParts {
        let folded = fold(name);
        NameParts {
            key: key_of_folded(&folded),
            words: words_of_folded(&folded),
        }
    }
}

/// True when two mentions name the same person.
#[cfg(test)]
fn same_person(name_a: &str, inst_a: Option<&str>, name_b: &str, inst_b: Option<&str>) -> bool {
    same_parts(
        &NameParts::of(name_a),
        inst_a,
        &NameParts::of(name_b),
        inst_b,
        &mut province_of,
    )
}

/// [`same_person`] on names already taken apart; `province` gives an
/// institution's province, or anything that compares as it does (the
/// caller caches and interns them).
fn same_parts<P: PartialEq>(
    a: &NameParts,
    inst_a: Option<&str>,
    b: &NameParts,
    inst_b: Option<&str>,
    province: &mut dyn FnMut(&str) -> Option<P>,
) -> bool {
    let (ka, kb) = (&a.key, &b.key);
    let same_institution = inst_a.is_some() && inst_a == inst_b;
    let (words_a, words_b) = (&a.words, &b.words);
    if ka == kb {
        if words_a.len() < 2 {
            // `Hendra` in two regions is two people.
            return inst_a == inst_b;
        }
        return match (inst_a, inst_b) {
            (Some(a), Some(b)) => {
                a == b
                    || match (province(a), province(b)) {
                        (Some(pa), Some(pb)) => pa == pb,
                        _ => true,
                    }
            }
            _ => true,
        };
    }
    if !same_institution {
        return false;
    }
    // Spelling variants within one institution.
    let (short, long) = if words_a.len() <= words_b.len() {
        (words_a, words_b)
    } else {
        (words_b, words_a)
    };
    (short.len() >= 2 && short.iter().all(|w| long.contains(w)))
        || (ka.len().min(kb.len()) >= 8 && edit_distance(ka, kb, 2) <= 2)
}

/// Groups every official mention of the corpus into people: a mention joins
/// the first cluster (in order of creation) holding a variant it matches.
pub(super) fn cluster(per_article: &[PackedEntities]) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    // Provinces as small numbers, looked up once per institution: matching
    // compares them for every variant of every cluster with the same key.
    let mut province_ids: HashMap<String, u32> = HashMap::new();
    let mut provinces: HashMap<String, Option<u32>> = HashMap::new();
    let mut province = |institution: &str| -> Option<u32> {
        if let Some(p) = provinces.get(institution) {
            return *p;
        }
        let p = province_of(institution).map(|code| {
            let next = province_ids.len() as u32;
            *province_ids.entry(code).or_insert(next)
        });
        provinces.insert(institution.to_string(), p);
        p
    };
    // Spelling variants match only within one institution, so clusters that
    // share a last name word are listed per institution too: a new name
    // looks at the few in its own institution, not at every cluster with its
    // last name (a list that grows with the corpus). Each entry keeps when
    // the cluster took that last name, the order the matching follows.
    let mut by_last: HashMap<(String, String), Vec<(usize, usize)>> = HashMap::new();
    let mut took_last = 0;
    // A name comes back in article after article: its parts are worked out
    // once.
    let mut parts_of: HashMap<&str, NameParts> = HashMap::new();
    for (ai, ents) in per_article.iter().enumerate() {
        for (oi, o) in ents.official_refs().enumerate() {
            let parts = &*parts_of
                .entry(o.name)
                .or_insert_with(|| NameParts::of(o.name));
            let key = parts.key.as_str();
            let last = parts.words.last().map_or("", String::as_str);
            let exact = variant_hash(o.name, o.institution);
            // The mention's institution bit and province, when it has both.
            let mut gate: Option<Option<(u64, u32)>> = None;
            // The cluster found holding the mention's own variant, if one
            // was: it holds the mention's key and institution already.
            let mut exact_in: Option<usize> = None;
            let mut matches = |ci: &usize| {
                let c = &clusters[*ci];
                let gate = *gate.get_or_insert_with(|| {
                    let inst = o.institution?;
                    Some((institution_bit(inst), province(inst)?))
                });
                if gate.is_some_and(|(bit, p)| !c.reach.may_match(bit, p)) {
                    return false;
                }
                // A mention matches its own (name, institution) variant, the
                // usual case: one look-up instead of comparing every variant
                // of a cluster, whose count grows with the corpus.
                let own = c.variant_at.get(&exact).is_some_and(|filed| {
                    filed.iter().any(|&v| {
                        c.variants[v].0 == o.name && c.variants[v].1.as_deref() == o.institution
                    })
                });
                if own {
                    exact_in = Some(*ci);
                    return true;
                }
                c.variants.iter().any(|(_, inst, p)| {
                    // same_person needs equal keys or one shared institution.
                    (p.key == key || (inst.is_some() && inst.as_deref() == o.institution))
                        && same_parts(p, inst.as_deref(), parts, o.institution, &mut province)
                })
            };
            // Clusters with this key, then the earliest to take this last
            // name among those with this institution.
            let found = by_key
                .get(key)
                .and_then(|list| list.iter().find(|ci| matches(ci)))
                .or_else(|| {
                    let inst = o.institution?.to_string();
                    by_last
                        .get(&(last.to_string(), inst))?
                        .iter()
                        .filter(|(_, ci)| matches(ci))
                        .min()
                        .map(|(_, ci)| ci)
                })
                .copied();
            let ci = match found {
                Some(ci) => ci,
                None => {
                    clusters.push(Cluster {
                        name: String::new(),
                        name_rank: (0, 0),
                        keys: Vec::new(),
                        variants: Vec::new(),
                        members: Vec::new(),
                        lasts: Vec::new(),
                        institutions: Vec::new(),
                        variant_at: HashMap::new(),
                        reach: Reach::default(),
                    });
                    clusters.len() - 1
                }
            };
            let c = &mut clusters[ci];
            // A mention of a variant the cluster holds (nearly every one)
            // adds no key, institution or variant: each was taken in with
            // the variant.
            if exact_in != Some(ci) {
                // `keys` holds each distinct key once.
                if !c.keys.iter().any(|k| k == key) {
                    by_key.entry(key.to_string()).or_default().push(ci);
                    c.keys.push(key.to_string());
                    if !c.lasts.iter().any(|(l, _)| l == last) {
                        took_last += 1;
                        for inst in &c.institutions {
                            let list = by_last.entry((last.to_string(), inst.clone())).or_default();
                            list.push((took_last, ci));
                        }
                        c.lasts.push((last.to_string(), took_last));
                    }
                }
                if let Some(inst) = o.institution {
                    if !c.institutions.iter().any(|i| i == inst) {
                        for (l, when) in &c.lasts {
                            let list = by_last.entry((l.clone(), inst.to_string())).or_default();
                            list.push((*when, ci));
                        }
                        c.institutions.push(inst.to_string());
                    }
                }
                let filed = c.variant_at.entry(exact).or_default();
                let variants = &mut c.variants;
                if !filed
                    .iter()
                    .any(|&v| variants[v].0 == o.name && variants[v].1.as_deref() == o.institution)
                {
                    filed.push(variants.len());
                    c.reach.add(o.institution, parts.words.len(), &mut province);
                    variants.push((
                        o.name.to_string(),
                        o.institution.map(str::to_string),
                        parts.clone(),
                    ));
                }
            }
            let rank = (o.name.split_whitespace().count(), o.name.len());
            if c.members.is_empty() || rank >= c.name_rank {
                c.name.clear();
                c.name.push_str(o.name);
                c.name_rank = rank;
            }
            c.members.push((ai, oi));
        }
    }
    clusters
}

#[cfg(test)]
mod tests;
