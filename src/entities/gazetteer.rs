//! The gazetteers in `assets/`, compiled in and indexed once: regions of
//! Indonesia with short forms, posts, institutions, unit words, honorifics,
//! ranks, degrees and programmes.

use super::fast_hash::{FastMap as HashMap, FastSet as HashSet};
use super::tokens::{ShapedSet, WordShapes};
use crate::search::fold;
use key_filter::{KeyFilter, Table};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The administrative level of a region in the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// Province.
    Provinsi,
    /// Regency.
    Kabupaten,
    /// City.
    Kota,
    /// District.
    Kecamatan,
}

/// One region.
#[derive(Debug, Clone)]
pub struct Region {
    /// Kemendagri code (`36.74`).
    pub code: String,
    /// Level.
    pub level: Level,
    /// Canonical name with its type: `Provinsi Banten`, `Kota Tangerang`, `Kecamatan Serpong Utara`.
    pub name: String,
    /// The province code (first two digits of the code).
    pub province: String,
}

/// What a post form means (a row of `positions.tsv`).
#[derive(Debug, Clone)]
pub struct PostForm {
    /// As written (`Sekda`).
    pub form: String,
    /// `form` split into words, once (matching runs at every token).
    pub words: Vec<String>,
    /// As reported (`Sekretaris Daerah`).
    pub canonical: String,
    /// Unit words may follow (`Kepala Dinas …`).
    pub takes_unit: bool,
    /// The level of a bare region name after the form.
    pub level: PostLevel,
    /// For commanders, the unit they lead (`Polres`).
    pub command: Option<String>,
}

/// The region level a post belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostLevel {
    /// One region level.
    Region(Level),
    /// A kelurahan (not in the gazetteer: any capitalised name is accepted).
    Kelurahan,
    /// A desa (likewise).
    Desa,
    /// Kota, kabupaten or provinsi.
    Any,
    /// A national post or a commander: no region.
    None,
}

/// An institution acronym (a row of `institutions.tsv`).
#[derive(Debug, Clone)]
pub struct Institution {
    /// The acronym as usually written (`Bappeda`).
    pub acronym: String,
    /// The long form.
    pub expansion: String,
    /// `regional`, `national`, `police`, `military`, `training` or `other`.
    pub scope: String,
}

/// All gazetteers, indexed.
#[derive(Debug)]
pub struct Gazetteer {
    /// Every region.
    pub regions: Vec<Region>,
    /// Folded bare names and short forms → regions.
    by_name: HashMap<String, Vec<usize>>,
    /// Canonical name (`Kota Tangerang Selatan`) → region.
    by_canonical: HashMap<String, usize>,
    /// Region → its short forms as written (`Tangsel`).
    short_forms: HashMap<usize, Vec<String>>,
    /// The first word of each folded region name or short form → the most
    /// words of a name starting with it (a name's words are the token texts
    /// it matches, joined with single spaces).
    region_first_words: HashMap<String, usize>,
    /// Post forms, longest first.
    pub posts: Vec<PostForm>,
    /// Folded acronym → institution.
    institutions: HashMap<String, Institution>,
    /// Folded unit words.
    unit_words: HashSet<String>,
    /// Honorifics, exact.
    honorifics: ShapedSet,
    /// Ranks as word sequences, longest first.
    ranks: Vec<Vec<String>>,
    /// A rank's first word → indices into `ranks`, longest first.
    ranks_by_first: HashMap<String, Vec<usize>>,
    /// The first bytes and lengths of those first words.
    rank_shapes: WordShapes,
    /// Corps and service suffixes after a rank.
    rank_suffixes: ShapedSet,
    /// Degrees, folded, without dots.
    degrees: HashSet<String>,
    /// Folded programme name → (name, expansion).
    programs: HashMap<String, (String, String)>,
    /// Every prefix of every key of `programs`: a word no key starts with
    /// opens no programme, which spares building phrases for most
    /// capitalised words.
    program_prefixes: HashSet<String>,
    /// Folded names of every desa and kelurahan.
    villages: HashSet<String>,
    /// The most words a village name has.
    pub max_village_words: usize,
    /// First words of every post form (`Kepala`, `Sekda`): never part of a name.
    post_words: ShapedSet,
    /// First word of a post form → indices into `posts`, longest forms first.
    posts_by_first: HashMap<String, Vec<usize>>,
    /// The first bytes and lengths of those first words: most tokens
    /// (lower-case words, numbers, most capitalised words) are ruled out
    /// by one look.
    post_shapes: WordShapes,
    /// Rules out most words before a look-up in `institutions`,
    /// `unit_words`, `region_first_words`, `degrees` and
    /// `program_prefixes` (post matching looks at `post_shapes` first).
    key_filter: KeyFilter,
}

/// The gazetteer compiled from `assets/`.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// Compiles [`GAZETTEER`] on a thread of its own, so that extraction finds
/// it ready: compiled on first use, it kept one core busy and the other
/// waiting for about 30 ms at the start of every first open.
pub fn compile_in_background() {
    std::thread::spawn(|| LazyLock::force(&GAZETTEER));
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Calls `f` with the lookup key of `word`: [`fold`]ed, and without dots when
/// `drop_dots` (the degree key).
fn with_key<R>(word: &str, drop_dots: bool, f: impl FnOnce(&str) -> R) -> R {
    with_joined_key(std::iter::once(word), drop_dots, f)
}

/// [`with_key`] of `words` joined with single spaces. Short ASCII names,
/// nearly every token, are lowered into a stack buffer, so a lookup
/// allocates nothing.
fn with_joined_key<'w, R>(
    words: impl Iterator<Item = &'w str> + Clone,
    drop_dots: bool,
    f: impl FnOnce(&str) -> R,
) -> R {
    let mut buf = [0u8; 48];
    let (mut len, mut ascii) = (0, true);
    for (k, w) in words.clone().enumerate() {
        len += w.len() + usize::from(k > 0);
        ascii &= w.is_ascii();
    }
    if ascii && len <= buf.len() {
        let mut n = 0;
        for (k, w) in words.enumerate() {
            if k > 0 {
                buf[n] = b' ';
                n += 1;
            }
            for b in w.bytes().filter(|&b| !(drop_dots && b == b'.')) {
                buf[n] = b.to_ascii_lowercase();
                n += 1;
            }
        }
        debug_assert!(buf[..n].is_ascii());
        // SAFETY: only ASCII bytes (of ASCII words, lowered, and spaces)
        // were written to `buf[..n]`, so it is UTF-8. The checked conversion
        // was 3 % of all extraction instructions (a look-up per capitalised
        // word).
        return f(unsafe { std::str::from_utf8_unchecked(&buf[..n]) });
    }
    // One word (nearly every look-up that gets here: a word with a
    // non-ASCII letter, a non-ASCII punctuation mark such as `“`, or a
    // word longer than the buffer) needs no joining.
    let mut rest = words.clone();
    let joined = match (rest.next(), rest.next()) {
        (Some(only), None) => Cow::Borrowed(only),
        _ => Cow::Owned(words.collect::<Vec<_>>().join(" ")),
    };
    if drop_dots {
        f(&degree_key(&joined))
    } else {
        f(&fold(&joined))
    }
}

/// Folds and removes dots: `M.Si.` → `msi`.
pub fn degree_key(s: &str) -> String {
    fold(s).chars().filter(|c| *c != '.').collect()
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut regions = Vec::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_code = HashMap::default();
        for row in rows(include_str!("../../assets/regions.tsv")).skip(1) {
            let [code, level, name, ..] = row[..] else {
                continue;
            };
            let (level, canonical, bare) = match level {
                "provinsi" => (
                    Level::Provinsi,
                    format!("Provinsi {name}"),
                    name.to_string(),
                ),
                "kabupaten" => (Level::Kabupaten, name.to_string(), strip_type(name)),
                "kota" => (Level::Kota, name.to_string(), strip_type(name)),
                "kecamatan" => (
                    Level::Kecamatan,
                    format!("Kecamatan {name}"),
                    name.to_string(),
                ),
                _ => continue,
            };
            let index = regions.len();
            by_code.insert(code.to_string(), index);
            by_name.entry(fold(&bare)).or_default().push(index);
            regions.push(Region {
                code: code.to_string(),
                level,
                name: canonical,
                province: code.split('.').next().unwrap_or("").to_string(),
            });
        }
        let mut short_forms: HashMap<usize, Vec<String>> = HashMap::default();
        for row in rows(include_str!("../../assets/region_aliases.tsv")) {
            let [alias, code, ..] = row[..] else { continue };
            if let Some(&i) = by_code.get(code) {
                short_forms.entry(i).or_default().push(alias.to_string());
                let list = by_name.entry(fold(alias)).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        let mut region_first_words: HashMap<String, usize> = HashMap::default();
        for key in by_name.keys() {
            let mut words = key.split(' ');
            let first = words.next().unwrap_or_default().to_string();
            let most = region_first_words.entry(first).or_default();
            *most = (*most).max(1 + words.count());
        }
        let mut posts: Vec<PostForm> = rows(include_str!("../../assets/positions.tsv"))
            .filter_map(|row| {
                let form = row.first()?.to_string();
                let canonical = row
                    .get(1)
                    .filter(|c| !c.is_empty())
                    .map_or(form.clone(), |c| c.to_string());
                let level = match row.get(3).copied().unwrap_or("none") {
                    "provinsi" => PostLevel::Region(Level::Provinsi),
                    "kabupaten" => PostLevel::Region(Level::Kabupaten),
                    "kota" => PostLevel::Region(Level::Kota),
                    "kecamatan" => PostLevel::Region(Level::Kecamatan),
                    "kelurahan" => PostLevel::Kelurahan,
                    "desa" => PostLevel::Desa,
                    "any" => PostLevel::Any,
                    _ => PostLevel::None,
                };
                Some(PostForm {
                    words: form.split_whitespace().map(str::to_string).collect(),
                    form,
                    canonical,
                    takes_unit: row.get(2) == Some(&"unit"),
                    level,
                    command: row.get(4).filter(|c| !c.is_empty()).map(|c| c.to_string()),
                })
            })
            .collect();
        posts.sort_by_key(|p| std::cmp::Reverse(p.form.split_whitespace().count()));
        let institutions: HashMap<String, Institution> =
            rows(include_str!("../../assets/institutions.tsv"))
                .filter_map(|row| {
                    let [acronym, expansion, scope, ..] = row[..] else {
                        return None;
                    };
                    Some((
                        fold(acronym),
                        Institution {
                            acronym: acronym.to_string(),
                            expansion: expansion.to_string(),
                            scope: scope.to_string(),
                        },
                    ))
                })
                .collect();
        let words = |text: &str| -> HashSet<String> {
            rows(text)
                .filter_map(|r| r.first().map(|w| w.to_string()))
                .collect()
        };
        let unit_words: HashSet<String> = words(include_str!("../../assets/unit_words.txt"))
            .iter()
            .map(|w| fold(w))
            .collect();
        let honorifics = words(include_str!("../../assets/honorifics.txt"))
            .into_iter()
            .collect();
        let mut ranks: Vec<Vec<String>> = rows(include_str!("../../assets/ranks.txt"))
            .filter_map(|r| {
                r.first()
                    .map(|w| w.split_whitespace().map(str::to_string).collect())
            })
            .collect();
        ranks.retain(|r| !r.is_empty());
        ranks.sort_by_key(|r| std::cmp::Reverse(r.len()));
        let mut ranks_by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, r) in ranks.iter().enumerate() {
            ranks_by_first.entry(r[0].clone()).or_default().push(i);
        }
        let rank_shapes = ranks_by_first
            .keys()
            .fold(WordShapes::new(), |s, w| s.with(w));
        let rank_suffixes = words(include_str!("../../assets/rank_suffixes.txt"))
            .into_iter()
            .collect();
        let degrees: HashSet<String> = words(include_str!("../../assets/degrees.txt"))
            .iter()
            .map(|d| degree_key(d))
            .collect();
        let programs: HashMap<String, (String, String)> =
            rows(include_str!("../../assets/programs.tsv"))
                .filter_map(|r| {
                    Some((
                        fold(r.first()?),
                        (r.first()?.to_string(), r.get(1).unwrap_or(&"").to_string()),
                    ))
                })
                .collect();
        let program_prefixes: HashSet<String> = programs
            .keys()
            .flat_map(|k| k.char_indices().map(|(at, _)| k[..at].to_string()))
            .chain(programs.keys().cloned())
            .collect();
        let villages: HashSet<String> = rows(include_str!("../../assets/villages.txt"))
            .filter_map(|r| r.first().map(|n| fold(n)))
            .collect();
        let max_village_words = villages
            .iter()
            .map(|v| v.split_whitespace().count())
            .max()
            .unwrap_or(1)
            .min(5);
        let mut posts_by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, p) in posts.iter().enumerate() {
            if let Some(w) = p.words.first() {
                posts_by_first.entry(w.clone()).or_default().push(i);
            }
        }
        let post_shapes = posts_by_first
            .keys()
            .fold(WordShapes::new(), |s, w| s.with(w));
        let post_words = posts
            .iter()
            .filter_map(|p| p.form.split_whitespace().next().map(str::to_string))
            .collect();
        let by_canonical = regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.name.clone(), i))
            .collect();
        let mut key_filter = KeyFilter::new();
        let mut add = |table, keys: &mut dyn Iterator<Item = &String>| {
            keys.for_each(|k| key_filter.insert(table, k));
        };
        add(Table::Institution, &mut institutions.keys());
        add(Table::UnitWord, &mut unit_words.iter());
        add(Table::RegionFirstWord, &mut region_first_words.keys());
        add(Table::ProgramPrefix, &mut program_prefixes.iter());
        add(Table::Degree, &mut degrees.iter());
        Gazetteer {
            key_filter,
            by_canonical,
            short_forms,
            villages,
            max_village_words,
            post_words,
            posts_by_first,
            post_shapes,
            regions,
            by_name,
            region_first_words,
            posts,
            institutions,
            unit_words,
            honorifics,
            ranks,
            ranks_by_first,
            rank_shapes,
            rank_suffixes,
            degrees,
            programs,
            program_prefixes,
        }
    }

    /// Regions whose bare name or short form is `name` (any case).
    pub fn regions_named(&self, name: &str) -> &[usize] {
        with_key(name, false, |k| {
            self.by_name.get(k).map_or(&[][..], Vec::as_slice)
        })
    }

    /// The most words of a region name that starts with `word`; 0 when none does.
    pub fn region_words_from(&self, word: &str) -> usize {
        if !self.key_filter.may_hold(Table::RegionFirstWord, word) {
            return 0;
        }
        with_key(word, false, |k| {
            self.region_first_words.get(k).copied().unwrap_or(0)
        })
    }

    /// [`Gazetteer::regions_named`] of `words` joined with single spaces,
    /// without building the name.
    pub fn regions_named_words<'w>(
        &self,
        words: impl Iterator<Item = &'w str> + Clone,
    ) -> &[usize] {
        with_joined_key(words, false, |k| {
            self.by_name.get(k).map_or(&[][..], Vec::as_slice)
        })
    }

    /// A region by its canonical name (`Kota Tangerang Selatan`, `Provinsi Jambi`).
    pub fn region_by_name(&self, name: &str) -> Option<&Region> {
        self.by_canonical.get(name).map(|&i| &self.regions[i])
    }

    /// Short forms of a region given by canonical name (`Kota Tangerang Selatan` → `Tangsel`).
    pub fn region_short_forms(&self, name: &str) -> Vec<String> {
        self.by_canonical
            .get(name)
            .and_then(|i| self.short_forms.get(i))
            .cloned()
            .unwrap_or_default()
    }

    /// Short forms of a post (`Sekretaris Daerah` → `Sekda`, `Sekprov`).
    pub fn post_short_forms(&self, position: &str) -> Vec<String> {
        self.posts
            .iter()
            .filter(|p| p.form != p.canonical && position.ends_with(&p.canonical))
            .map(|p| p.form.clone())
            .collect()
    }

    /// The institution an acronym stands for.
    pub fn institution(&self, acronym: &str) -> Option<&Institution> {
        if !self.key_filter.may_hold(Table::Institution, acronym) {
            return None;
        }
        with_key(acronym, false, |k| self.institutions.get(k))
    }

    /// True for a word that can stand inside a unit name (`Pengembangan`).
    pub fn is_unit_word(&self, word: &str) -> bool {
        if !self.key_filter.may_hold(Table::UnitWord, word) {
            return false;
        }
        with_key(word, false, |k| self.unit_words.contains(k))
    }

    /// True for an honorific as written (`H.`, `Drs.`, `Ibu`).
    pub fn is_honorific(&self, word: &str) -> bool {
        self.honorifics.contains(word)
    }

    /// The ranks whose first word is `word`, longest first.
    pub fn ranks_starting_with(&self, word: &str) -> impl Iterator<Item = &[String]> {
        self.rank_shapes
            .may_hold_word(word)
            .then(|| self.ranks_by_first.get(word))
            .flatten()
            .into_iter()
            .flatten()
            .map(|&i| self.ranks[i].as_slice())
    }

    /// True for a corps or service suffix after a rank (`Inf`, `Pol`).
    pub fn is_rank_suffix(&self, word: &str) -> bool {
        self.rank_suffixes.contains(word)
    }

    /// True for a degree suffix (`S.Sos`, `M.Si.`, `SH`).
    pub fn is_degree(&self, word: &str) -> bool {
        // Without dots a word's key is the word lowered, which the filter
        // reads as it stands (most words asked about are names): no key is
        // built for a word it rules out.
        if !word.contains('.') && !self.key_filter.may_hold(Table::Degree, word) {
            return false;
        }
        with_key(word, true, |k| {
            self.key_filter.may_hold(Table::Degree, k) && self.degrees.contains(k)
        })
    }

    /// True for the name of some desa or kelurahan.
    pub fn is_village(&self, name: &str) -> bool {
        with_key(name, false, |k| self.villages.contains(k))
    }

    /// [`Gazetteer::is_village`] of `words` joined with single spaces,
    /// without building the name.
    pub fn is_village_words<'w>(&self, words: impl Iterator<Item = &'w str> + Clone) -> bool {
        with_joined_key(words, false, |k| self.villages.contains(k))
    }

    /// True for the first word of a post form (`Kepala`, `Sekretaris`, `Kapolres`).
    pub fn is_post_word(&self, word: &str) -> bool {
        self.post_words.contains(word)
    }

    /// The first bytes and lengths of the post forms' first words: a word
    /// of another shape opens no post ([`Gazetteer::posts_starting_with`]
    /// would give nothing).
    pub fn post_shapes(&self) -> &WordShapes {
        &self.post_shapes
    }

    /// The post forms whose first word is `word`, longest first.
    pub fn posts_starting_with(&self, word: &str) -> impl Iterator<Item = &PostForm> {
        self.posts_by_first
            .get(word)
            .into_iter()
            .flatten()
            .map(|&i| &self.posts[i])
    }

    /// A programme by name or acronym.
    pub fn program(&self, name: &str) -> Option<&(String, String)> {
        with_key(name, false, |k| self.programs.get(k))
    }

    /// True when some programme's name starts with `word` (folded), so a
    /// phrase opened by it could be one.
    pub fn may_open_program(&self, word: &str) -> bool {
        if !self.key_filter.may_hold(Table::ProgramPrefix, word) {
            return false;
        }
        with_key(word, false, |k| self.program_prefixes.contains(k))
    }
}

fn strip_type(name: &str) -> String {
    name.strip_prefix("Kabupaten ")
        .or_else(|| name.strip_prefix("Kota "))
        .unwrap_or(name)
        .to_string()
}

mod key_filter;
#[cfg(test)]
mod tests;
