//! Building a [`SearchIndex`] one document at a time from borrowed fields,
//! so a caller with many small documents (a figure row per figure, with its
//! article's title) need not allocate each as a [`super::Document`].

use super::{memory, FieldInfo, FieldProfile, SearchIndex};
use foldhash::{HashMap, HashMapExt};
use std::hash::BuildHasher;

/// An index being built: documents are added in order and their distinct
/// field texts stored once.
pub struct IndexBuilder {
    index: SearchIndex,
    hasher: foldhash::fast::RandomState,
    /// Hash of a text -> the first field with that hash (a collision only
    /// costs sharing).
    seen: HashMap<u64, u32>,
    /// The field at each position of the document added last: a text that
    /// repeats there (the article title of every figure row of an article)
    /// is taken without hashing it again.
    last: Vec<u32>,
}

impl IndexBuilder {
    /// An empty index with room for about `docs` documents.
    pub fn with_capacity(docs: usize) -> Self {
        let mut index = SearchIndex::default();
        index.doc_starts.reserve(docs + 1);
        index.masks.reserve(docs);
        IndexBuilder {
            index,
            hasher: foldhash::fast::RandomState::default(),
            seen: HashMap::new(),
            last: Vec::new(),
        }
    }

    /// Adds the next document, its fields already passed through
    /// [`super::fold`], most important first. Field text past 4 GiB in all
    /// is not searchable (those fields are left empty).
    pub fn add_folded<'f>(&mut self, fields: impl IntoIterator<Item = &'f str>) {
        self.index
            .doc_starts
            .push(self.index.field_ids.len() as u32);
        let mut mask = 0;
        for (slot, f) in fields.into_iter().enumerate() {
            debug_assert_eq!(super::fold(f), f, "fields are folded");
            let f = if self.index.text.len() + f.len() <= u32::MAX as usize {
                f
            } else {
                ""
            };
            let id = match self.last.get(slot) {
                Some(&id) if self.index.field_text(id) == f => id,
                _ => self.intern(f),
            };
            match self.last.get_mut(slot) {
                Some(last) => *last = id,
                None => self.last.push(id),
            }
            let index = &mut self.index;
            let field_mask = index.fields[id as usize].profile.bytes;
            mask |= field_mask;
            index.field_ids.push(id);
            index.slot_masks.push(field_mask);
        }
        self.index.masks.push(mask);
    }

    /// The id of the field with text `f`, stored now if it is new.
    fn intern(&mut self, f: &str) -> u32 {
        let index = &mut self.index;
        let hash = self.hasher.hash_one(f);
        match self.seen.get(&hash) {
            Some(&id) if index.field_text(id) == f => id,
            found => {
                let id = index.fields.len() as u32;
                let start = index.text.len() as u32;
                index.text.push_str(f);
                index.fields.push(FieldInfo {
                    profile: FieldProfile::of(f),
                    start,
                    end: index.text.len() as u32,
                });
                if found.is_none() {
                    self.seen.insert(hash, id);
                }
                id
            }
        }
    }

    /// Adds `other`'s documents after this one's, in order, as if each had
    /// been added here: an index built in parts on several threads. Their
    /// field texts are taken over as they are (a text both hold is then
    /// stored twice, which only costs its bytes), unless that would take
    /// the text past 4 GiB: the documents are then added one by one.
    pub fn append(&mut self, other: IndexBuilder) {
        let other = other.index;
        let (Ok(text_base), Ok(id_base), Ok(slot_base)) = (
            u32::try_from(self.index.text.len()),
            u32::try_from(self.index.fields.len()),
            u32::try_from(self.index.field_ids.len()),
        ) else {
            return self.append_one_by_one(&other);
        };
        if self.index.text.len() + other.text.len() > u32::MAX as usize
            || self.index.field_ids.len() + other.field_ids.len() > u32::MAX as usize
        {
            return self.append_one_by_one(&other);
        }
        let index = &mut self.index;
        index.text.push_str(&other.text);
        index.fields.extend(other.fields.iter().map(|f| FieldInfo {
            profile: f.profile,
            start: f.start + text_base,
            end: f.end + text_base,
        }));
        index
            .field_ids
            .extend(other.field_ids.iter().map(|&id| id + id_base));
        index.slot_masks.extend_from_slice(&other.slot_masks);
        index
            .doc_starts
            .extend(other.doc_starts.iter().map(|&s| s + slot_base));
        index.masks.extend_from_slice(&other.masks);
        // the next document compares its fields with `other`'s last
        self.last = match other.doc_starts.last() {
            Some(&s) => other.field_ids[s as usize..]
                .iter()
                .map(|&id| id + id_base)
                .collect(),
            None => Vec::new(),
        };
    }

    /// [`IndexBuilder::append`] by adding `other`'s documents one by one.
    #[cold]
    fn append_one_by_one(&mut self, other: &SearchIndex) {
        for d in 0..other.doc_starts.len() {
            let end = other
                .doc_starts
                .get(d + 1)
                .map_or(other.field_ids.len(), |&e| e as usize);
            let ids = &other.field_ids[other.doc_starts[d] as usize..end];
            self.add_folded(ids.iter().map(|&id| other.field_text(id)));
        }
    }

    /// The finished index of the documents of `parts`, in order: what
    /// [`IndexBuilder::append`]ing each part to the first and finishing
    /// gives. Each array is made once at its full length and filled from
    /// the parts (the arrays shared among the cores), rather than grown
    /// part by part and then copied into place: at 100 000 articles the
    /// corpus rows' and articles' arrays are about 77 MB, written and
    /// faulted in once less. Each part's array is freed once copied, so
    /// the parts and the whole are not all held at once.
    pub fn finish_parts(parts: Vec<IndexBuilder>) -> SearchIndex {
        let total =
            |len: fn(&SearchIndex) -> usize| -> usize { parts.iter().map(|p| len(&p.index)).sum() };
        let text_len = total(|i| i.text.len());
        let field_count = total(|i| i.fields.len());
        let slot_count = total(|i| i.field_ids.len());
        let doc_count = total(|i| i.masks.len());
        if [text_len, field_count, slot_count]
            .iter()
            .any(|&n| n > u32::MAX as usize)
        {
            let mut parts = parts.into_iter();
            let mut first = parts
                .next()
                .unwrap_or_else(|| IndexBuilder::with_capacity(0));
            parts.for_each(|part| first.append(part));
            return first.finish();
        }
        // The parts' arrays, by kind, each with where the part's texts,
        // fields or slots start in the whole (each total fits in a u32, so
        // each sum on the way does).
        let n = parts.len();
        let mut texts = Vec::with_capacity(n);
        let mut fields = Vec::with_capacity(n);
        let mut ids = Vec::with_capacity(n);
        let mut slot_masks = Vec::with_capacity(n);
        let mut starts = Vec::with_capacity(n);
        let mut masks = Vec::with_capacity(n);
        let (mut text_base, mut id_base, mut slot_base) = (0, 0, 0);
        for part in parts {
            let i = part.index;
            let (text_len, field_count, slot_count) =
                (i.text.len(), i.fields.len(), i.field_ids.len());
            texts.push(i.text);
            fields.push((i.fields, text_base));
            ids.push((i.field_ids, id_base));
            slot_masks.push((i.slot_masks, 0));
            starts.push((i.doc_starts, slot_base));
            masks.push((i.masks, 0));
            text_base += text_len as u32;
            id_base += field_count as u32;
            slot_base += slot_count as u32;
        }
        let text = || {
            let mut text = memory::string_with_capacity(text_len);
            texts.into_iter().for_each(|t| text.push_str(&t));
            text
        };
        let fields = || {
            let at = |f: &FieldInfo, base: u32| FieldInfo {
                profile: f.profile,
                start: f.start + base,
                end: f.end + base,
            };
            joined(memory::with_capacity(field_count), fields, at)
        };
        let field_ids = || {
            joined(memory::with_capacity(slot_count), ids, |&id, base| {
                id + base
            })
        };
        let slot_masks = || joined(memory::with_capacity(slot_count), slot_masks, |&m, _| m);
        let docs = || {
            let mut doc_starts = joined(Vec::with_capacity(doc_count + 1), starts, |&s, base| {
                s + base
            });
            doc_starts.push(slot_count as u32);
            (
                doc_starts,
                joined(Vec::with_capacity(doc_count), masks, |&m, _| m),
            )
        };
        let ((text, fields), ((field_ids, slot_masks), (doc_starts, masks))) = rayon::join(
            || rayon::join(text, fields),
            || rayon::join(|| rayon::join(field_ids, slot_masks), docs),
        );
        SearchIndex {
            text,
            fields,
            field_ids,
            slot_masks,
            doc_starts,
            masks,
            ..SearchIndex::default()
        }
    }

    /// The finished index.
    pub fn finish(self) -> SearchIndex {
        let mut index = self.index;
        index.doc_starts.push(index.field_ids.len() as u32);
        index.text = memory::string(std::mem::take(&mut index.text));
        index.fields = memory::vec(std::mem::take(&mut index.fields));
        index.field_ids = memory::vec(std::mem::take(&mut index.field_ids));
        index.slot_masks = memory::vec(std::mem::take(&mut index.slot_masks));
        index
    }
}

/// `all` with the items of `parts` after it, in order, each passed through
/// `map` with its part's base; each part is freed once copied.
fn joined<T, U>(mut all: Vec<U>, parts: Vec<(Vec<T>, u32)>, map: impl Fn(&T, u32) -> U) -> Vec<U> {
    for (part, base) in parts {
        all.extend(part.iter().map(|x| map(x, base)));
    }
    all
}

#[cfg(test)]
mod tests {
    use super::IndexBuilder;
    use crate::search::{fold, fold_into, Document, FilterQuery, FuzzyScorer, SearchIndex};

    #[test]
    fn fold_into_appends_what_fold_gives() {
        for text in ["Bupati Sleman", "Muhamad Ridwan Kamíl", "", "ÅNGSTRÖM 45%"] {
            let mut out = String::from("kept ");
            fold_into(text, &mut out);
            assert_eq!(out, format!("kept {}", fold(text)), "{text:?}");
        }
    }

    /// Every array of `a` as in `b`.
    fn assert_same_arrays(a: &SearchIndex, b: &SearchIndex, split: usize) {
        assert_eq!(a.text, b.text, "split at {split}");
        let fields = |i: &SearchIndex| -> Vec<(u32, u32, u64)> {
            i.fields
                .iter()
                .map(|f| (f.start, f.end, f.profile.bytes))
                .collect()
        };
        assert_eq!(fields(a), fields(b), "split at {split}");
        assert_eq!(a.field_ids, b.field_ids, "split at {split}");
        assert_eq!(a.slot_masks, b.slot_masks, "split at {split}");
        assert_eq!(a.doc_starts, b.doc_starts, "split at {split}");
        assert_eq!(a.masks, b.masks, "split at {split}");
    }

    #[test]
    fn borrowed_fields_build_the_index_documents_build() {
        // Texts repeat at the same position of the next document, at
        // another position, and further on; two of one length follow each
        // other.
        let raw: [&[&str]; 10] = [
            &["Rp300 miliar", "Bupati Sleman Resmikan Pasar"],
            &["8 rumah", "Bupati Sleman Resmikan Pasar"],
            &["Dinas Kesehatan", ""],
            &["Kamíl", "Wali Kota Bandung"],
            &["Kamíl", "8 rumah", "Wali Kota Bandung"],
            &[],
            &["Wali Kota Bandung", "Kamíl"],
            &["8 rumah"],
            &["Kota Bekasi"],
            &["Kota Bandar"],
        ];
        let docs: Vec<Document> = raw.iter().map(|f| Document::new(f.iter())).collect();
        let from_docs = SearchIndex::build(docs.clone());
        let mut builder = IndexBuilder::with_capacity(1);
        for d in &docs {
            builder.add_folded(d.fields().iter().map(String::as_str));
        }
        let built = builder.finish();
        assert_eq!(built.len(), from_docs.len());
        for (d, doc) in docs.iter().enumerate() {
            let fields: Vec<&str> = built.fields(d).collect();
            assert_eq!(fields, from_docs.fields(d).collect::<Vec<_>>(), "doc {d}");
            assert_eq!(fields, doc.fields(), "doc {d}");
        }
        for q in ["bupati", "kamil", "rumah sleman", "zz"] {
            let query = FilterQuery::new(q);
            let a = built.search(&query, &FuzzyScorer::default(), None).unwrap();
            let b = from_docs
                .search(&query, &FuzzyScorer::default(), None)
                .unwrap();
            assert_eq!(a, b, "{q}");
        }
        // Built in two parts and appended, or the second part added one by
        // one: the same documents, the same answers.
        for split in [0, 1, 4, docs.len()] {
            let part = |docs: &[Document]| {
                let mut b = IndexBuilder::with_capacity(docs.len());
                for d in docs {
                    b.add_folded(d.fields().iter().map(String::as_str));
                }
                b
            };
            let mut appended = part(&docs[..split]);
            appended.append(part(&docs[split..]));
            // one more document after the parts, repeating the last's text
            appended.add_folded(["kota bandar"]);
            let mut one_by_one = part(&docs[..split]);
            one_by_one.append_one_by_one(&part(&docs[split..]).index);
            one_by_one.add_folded(["kota bandar"]);
            // In four parts (one empty, one empty at the first split),
            // finished at once: the arrays appending them gives.
            let parts = || {
                let mut last = IndexBuilder::with_capacity(1);
                last.add_folded(["kota bandar"]);
                let empty = part(&docs[docs.len()..]);
                vec![part(&docs[..split]), part(&docs[split..]), empty, last]
            };
            let finished = IndexBuilder::finish_parts(parts());
            let mut each = parts().into_iter();
            let mut first = each.next().expect("four parts");
            each.for_each(|part| first.append(part));
            assert_same_arrays(&finished, &first.finish(), split);
            for joined in [appended.finish(), one_by_one.finish(), finished] {
                assert_eq!(joined.len(), docs.len() + 1, "split at {split}");
                for (d, doc) in docs.iter().enumerate() {
                    let fields: Vec<&str> = joined.fields(d).collect();
                    assert_eq!(fields, doc.fields(), "doc {d}, split at {split}");
                }
                assert_eq!(
                    joined.fields(docs.len()).collect::<Vec<_>>(),
                    ["kota bandar"]
                );
                for q in ["bupati", "kamil", "rumah sleman", "kota band", "zz"] {
                    let query = FilterQuery::new(q);
                    let a = joined
                        .search(&query, &FuzzyScorer::default(), None)
                        .unwrap();
                    let b = from_docs
                        .search(&query, &FuzzyScorer::default(), None)
                        .unwrap();
                    // (the document added last is not in `from_docs`)
                    let a: Vec<_> = a.into_iter().filter(|h| h.index() < docs.len()).collect();
                    assert_eq!(a, b, "{q}, split at {split}");
                }
            }
        }
        // Each shared text is stored once.
        for text in [
            "bupati sleman resmikan pasar",
            "wali kota bandung",
            "8 rumah",
        ] {
            assert_eq!(built.text.matches(text).count(), 1, "{text}");
        }
    }
}
