//! Merging one article's full mentions of officials as they are found, so
//! no list of mentions waits for the merge (an article can hold a mention
//! every few bytes): each one joins a person already seen or starts one.

use super::cluster::name_key;
use super::gazetteer::PostLevel;
use super::intervals::Intervals;
use super::merge::MergeIndex;
use super::model::OfficialMention;
use super::officials::{FullMention, PostTable};
use super::tokens::TokenMarks;
use std::collections::HashSet;

/// What resolution needs about a person beside the output record.
#[derive(Debug)]
pub(super) struct Person<'t> {
    /// The longest name as written (the record's name).
    pub(super) name: &'t str,
    /// Token where the first full mention starts.
    pub(super) first_token: usize,
    /// The level of the region the post belongs to.
    pub(super) level: PostLevel,
    /// End of the first full mention: short forms come after it.
    pub(super) first_end: usize,
}

/// A person's spans: full mentions, bare posts, short forms, each kind
/// found in text order.
pub(super) type Taken = [Intervals; 3];

/// Aliases below this many per person are checked by a scan of the
/// person's list; a person with more (hostile text) gets a hash set.
const SCAN: usize = 8;

/// The aliases already given to people with many of them: a name repeated
/// a million times is one alias, not a million strings.
#[derive(Debug, Default)]
pub(super) struct AliasSets {
    many: HashSet<(u32, String)>,
}

impl AliasSets {
    /// Adds `alias` to `person`'s `aliases` unless already there.
    pub(super) fn add(&mut self, aliases: &mut Vec<String>, person: usize, alias: &str) {
        let id = u32::try_from(person).expect("fewer people than tokens");
        if aliases.len() < SCAN {
            if aliases.iter().any(|a| a == alias) {
                return;
            }
            if aliases.len() == aliases.capacity() {
                // From one up (a `Vec` would start at 4): most people have one or two.
                aliases.reserve_exact(aliases.len().max(1));
            }
            aliases.push(alias.to_string());
            if aliases.len() == SCAN {
                self.many.extend(aliases.iter().map(|a| (id, a.clone())));
            }
        } else if self.many.insert((id, alias.to_string())) {
            aliases.push(alias.to_string());
        }
    }
}

/// The people of one article so far.
#[derive(Debug)]
pub(super) struct People<'t> {
    text: &'t str,
    /// Output records, in order of first mention.
    mentions: Vec<OfficialMention>,
    people: Vec<Person<'t>>,
    /// Each person's spans: full mentions, bare posts, short forms.
    taken: Vec<Taken>,
    /// Each person's name key, for merging.
    keys: Vec<String>,
    /// Tokens inside the name of some full mention.
    in_full: TokenMarks,
    /// Every person's key and position, once there are more than
    /// [`SCAN_PEOPLE`]; `None` before.
    index: Option<MergeIndex>,
    aliases: AliasSets,
}

/// Up to this many people, a mention is matched against each in turn: the
/// merge index's look-ups (one per 4-byte window of the key) and entries
/// cost more than comparing a few keys, and nearly every article names
/// fewer.
const SCAN_PEOPLE: usize = 8;

/// The merged people, their records and what resolution still needs.
pub(super) struct Merged<'t> {
    /// Output records, in order of first mention.
    pub(super) mentions: Vec<OfficialMention>,
    /// Resolution data, one per record.
    pub(super) people: Vec<Person<'t>>,
    /// Spans of each person's full mentions, bare posts and short forms.
    /// Overlap checks are binary searches (a scan made such articles
    /// quadratic).
    pub(super) taken: Vec<Taken>,
    /// Tokens inside the name of some full mention.
    pub(super) in_full: TokenMarks,
    /// Aliases given so far.
    pub(super) aliases: AliasSets,
}

impl<'t> People<'t> {
    /// No one yet, in `text` of `tokens` tokens.
    pub(super) fn new(text: &'t str, tokens: usize) -> Self {
        People {
            text,
            mentions: Vec::new(),
            people: Vec::new(),
            taken: Vec::new(),
            keys: Vec::new(),
            in_full: TokenMarks::new(tokens),
            index: None,
            aliases: AliasSets::default(),
        }
    }

    /// Merges a full mention into the first person with the same key, or
    /// with the same post and a key containing or inside this one (both at
    /// least 4 bytes); else it starts a person.
    pub(super) fn add(&mut self, f: FullMention, posts: &PostTable) {
        let text = self.text;
        let at = |s: super::model::Span| &text[s.start..s.end];
        let name = at(f.name_span);
        let position = posts.position(f.post);
        let institution = posts.institution(f.post);
        let key = name_key(name);
        self.in_full.set(f.name_tokens.clone());
        let (keys, mentions) = (&self.keys, &self.mentions);
        let same = |&i: &usize| {
            let k = &keys[i];
            *k == key
                || (mentions[i].position == position
                    && (key.contains(k.as_str()) || k.contains(&key))
                    && k.len().min(key.len()) >= 4)
        };
        // Both ways find the first person, in order of first mention, that
        // `same` accepts: the index's candidates include every such person.
        let existing = if keys.len() <= SCAN_PEOPLE {
            (0..keys.len()).find(same)
        } else {
            let index = self.index.get_or_insert_with(|| {
                let mut index = MergeIndex::default();
                for (i, k) in keys.iter().enumerate() {
                    index.add(i, k, &mentions[i].position);
                }
                index
            });
            index.candidates(&key, position).into_iter().find(same)
        };
        let Some(i) = existing else {
            let i = self.mentions.len();
            if let Some(index) = &mut self.index {
                index.add(i, &key, position);
            }
            self.keys.push(key);
            self.mentions.push(OfficialMention {
                name: name.to_string(),
                position: position.to_string(),
                institution: institution.map(str::to_string),
                titles: f.titles,
                degrees: f.degrees,
                aliases: Vec::new(),
                spans: Vec::new(),
            });
            let mut full = Intervals::default();
            full.push(f.name_span);
            self.taken
                .push([full, Intervals::default(), Intervals::default()]);
            self.people.push(Person {
                name,
                first_token: f.token,
                level: f.level,
                first_end: f.name_span.end,
            });
            if let Some(s) = f.alias {
                self.aliases.add(&mut self.mentions[i].aliases, i, at(s));
            }
            return;
        };
        let m = &mut self.mentions[i];
        let p = &mut self.people[i];
        if m.institution.is_none() {
            m.institution = institution.map(str::to_string);
        }
        if name.len() > m.name.len() {
            m.name = name.to_string();
            p.name = name;
            if let Some(index) = &mut self.index {
                index.add(i, &key, &m.position);
            }
            self.keys[i] = key;
        }
        for t in f.titles {
            if !m.titles.contains(&t) {
                m.titles.push(t);
            }
        }
        for d in f.degrees {
            if !m.degrees.contains(&d) {
                m.degrees.push(d);
            }
        }
        self.taken[i][0].push(f.name_span);
        if let Some(s) = f.alias {
            self.aliases.add(&mut m.aliases, i, at(s));
        }
    }

    /// The merged people; the merge index and keys are freed here.
    pub(super) fn finish(self) -> Merged<'t> {
        Merged {
            mentions: self.mentions,
            people: self.people,
            taken: self.taken,
            in_full: self.in_full,
            aliases: self.aliases,
        }
    }
}
