//! Resolved entities in warta's cache encoding ([`crate::codec`]), for the
//! library snapshot: a reopened corpus skips extraction and resolution.

use super::packed::{level_code, LEVELS};
use super::{
    EntityIndex, Official, Organization, PackedEntities, Place, PlaceLevel, Program, Role,
};
use crate::codec::{Decode, Encode, Reader, Writer};

impl Encode for PlaceLevel {
    fn encode(&self, w: &mut Writer) {
        w.u8(level_code(*self));
    }
}

impl Decode for PlaceLevel {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        LEVELS.get(r.u8()? as usize).copied()
    }
}

impl Encode for PackedEntities {
    fn encode(&self, w: &mut Writer) {
        w.bytes(self.as_bytes());
    }
}

impl Decode for PackedEntities {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        PackedEntities::from_bytes(r.bytes()?)
    }
}

crate::codec_fields!(Role {
    position,
    institution,
    articles,
});

crate::codec_fields!(Official {
    name,
    aliases,
    roles,
    articles,
    mentions,
});

crate::codec_fields!(Organization {
    name,
    expansion,
    articles,
});

crate::codec_fields!(Place {
    name,
    level,
    articles,
});

crate::codec_fields!(Program {
    name,
    expansion,
    articles,
});

/// The corpus-wide lists of an [`EntityIndex`] (the per-article parts are
/// stored beside their articles, in chunks).
pub fn encode_resolved(index: &EntityIndex, w: &mut Writer) {
    w.put(&index.officials);
    w.put(&index.organizations);
    w.put(&index.places);
    w.put(&index.programs);
}

/// An [`EntityIndex`] with the corpus-wide lists read back and no
/// per-article parts yet.
pub fn decode_resolved(r: &mut Reader<'_>) -> Option<EntityIndex> {
    Some(EntityIndex {
        officials: r.get()?,
        organizations: r.get()?,
        places: r.get()?,
        programs: r.get()?,
        ..EntityIndex::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_seeds;

    #[test]
    fn the_seeds_entities_read_back_whole() {
        let corpus = load_seeds();
        let index = crate::entities::build_index(&corpus.articles);
        let mut w = Writer::default();
        encode_resolved(&index, &mut w);
        w.put(&index.per_article);
        w.put(&index.official_of_mention);
        let mut r = Reader::new(w.as_bytes());
        let mut back = decode_resolved(&mut r).unwrap();
        back.per_article = r.get().unwrap();
        back.official_of_mention = r.get().unwrap();
        assert!(r.is_done());
        assert!(!back.officials.is_empty());
        assert_eq!(back.officials, index.officials);
        assert_eq!(back.organizations, index.organizations);
        assert_eq!(back.places, index.places);
        assert_eq!(back.programs, index.programs);
        assert_eq!(back.official_of_mention, index.official_of_mention);
        let unpacked = |i: &EntityIndex| (0..5).map(|a| i.article(a)).collect::<Vec<_>>();
        assert_eq!(unpacked(&back), unpacked(&index));
    }
}
