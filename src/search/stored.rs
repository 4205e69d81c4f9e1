//! A [`SearchIndex`] in warta's cache encoding ([`crate::codec`]), for the
//! library snapshot. Only the texts and the shape are stored; profiles and
//! byte masks follow from the texts and are made again on reading, which
//! also means a damaged file cannot make the filter skip a match.

use super::{memory, FieldInfo, FieldProfile, SearchIndex};
use crate::codec::{Decode, Encode, Reader, Writer};
use rayon::prelude::*;

impl Encode for SearchIndex {
    fn encode(&self, w: &mut Writer) {
        w.str(&self.text);
        w.len_of(self.fields.len());
        for f in &self.fields {
            w.u32(f.start);
            w.u32(f.end);
        }
        w.put(&self.field_ids);
        w.put(&self.doc_starts);
    }
}

impl Decode for SearchIndex {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let text = r.str()?;
        let count = r.len_of()?;
        let mut ranges = Vec::with_capacity(count);
        for _ in 0..count {
            let (start, end) = (r.u32()?, r.u32()?);
            text.get(start as usize..end as usize)?;
            ranges.push((start, end));
        }
        let fields: Vec<FieldInfo> = ranges
            .par_iter()
            .map(|&(start, end)| FieldInfo {
                profile: FieldProfile::of(&text[start as usize..end as usize]),
                start,
                end,
            })
            .collect();
        let field_ids: Vec<u32> = r.get()?;
        let doc_starts: Vec<u32> = r.get()?;
        // starts at 0, never goes back, ends at the last id
        let shaped = doc_starts.first() == Some(&0)
            && doc_starts.windows(2).all(|w| w[0] <= w[1])
            && doc_starts.last().map(|&n| n as usize) == Some(field_ids.len());
        if !shaped || field_ids.iter().any(|&id| id as usize >= fields.len()) {
            return None;
        }
        let fields = memory::vec(fields);
        let slot_masks: Vec<u64> = field_ids
            .iter()
            .map(|&id| fields[id as usize].profile.bytes)
            .collect();
        let masks = doc_starts
            .windows(2)
            .map(|w| {
                slot_masks[w[0] as usize..w[1] as usize]
                    .iter()
                    .fold(0, |m, s| m | s)
            })
            .collect();
        Some(SearchIndex {
            text: memory::string_copied(text),
            fields,
            field_ids: memory::vec(field_ids),
            slot_masks: memory::vec(slot_masks),
            doc_starts,
            masks,
            cache: Default::default(),
            scratch: Default::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{Document, FilterQuery, FuzzyScorer};

    fn index() -> SearchIndex {
        SearchIndex::new(vec![
            Document::new(["Bupati Tinjau Pasar", "Ahmed Zaki Iskandar"]),
            Document::new([
                "Camat Hadiri Musrenbang",
                "Budi Santoso",
                "Ahmed Zaki Iskandar",
            ]),
            Document::new(Vec::<String>::new()),
            Document::new(["Kepala Bappeda Kota Tangerang"]),
        ])
    }

    #[test]
    fn an_index_reads_back_and_finds_the_same() {
        let index = index();
        let mut w = Writer::default();
        w.put(&index);
        let mut r = Reader::new(w.as_bytes());
        let back: SearchIndex = r.get().unwrap();
        assert!(r.is_done());
        assert_eq!(back.len(), index.len());
        for d in 0..index.len() {
            assert!(back.fields(d).eq(index.fields(d)));
        }
        assert_eq!(back.masks, index.masks);
        assert_eq!(back.slot_masks, index.slot_masks);
        let scorer = FuzzyScorer::default();
        for q in ["zaki", "kpl bpd", "a", "musren budi"] {
            let q = FilterQuery::new(q);
            assert_eq!(
                back.filter(&q, &scorer, None),
                index.filter(&q, &scorer, None),
                "{q:?}"
            );
        }
    }

    #[test]
    fn ids_or_starts_out_of_shape_read_as_none() {
        let index = index();
        let mut damaged = index.clone();
        damaged.field_ids[0] = 99;
        let mut w = Writer::default();
        w.put(&damaged);
        assert!(Reader::new(w.as_bytes()).get::<SearchIndex>().is_none());
        let mut damaged = index.clone();
        damaged.doc_starts.swap(1, 2);
        let mut w = Writer::default();
        w.put(&damaged);
        assert!(Reader::new(w.as_bytes()).get::<SearchIndex>().is_none());
    }
}
