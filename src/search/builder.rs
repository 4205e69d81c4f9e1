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
