//! Tests of packing and unpacking.

use super::refs::FigureRef;
use super::*;
use crate::entities::extract;

#[test]
fn unpack_gives_back_what_was_packed() {
    let bodies = [
        "",
        "Bupati Tangerang, Ahmed Zaki Iskandar, meresmikan program P3KE di Kecamatan Cisoka senilai Rp300 miliar.",
        "Kepala Bappeda Kabupaten Tangerang, H. Taufik Emil, S.Sos., M.Si, mengatakan 1,61 % warga Kota Tangerang Selatan hadir. Taufik juga menyebut Dinas Sosial.",
    ];
    let mut kinds = [0; 4];
    for body in bodies {
        let e = extract(body);
        for (k, n) in [
            e.organizations.len(),
            e.places.len(),
            e.programs.len(),
            e.figures.len(),
        ]
        .into_iter()
        .enumerate()
        {
            kinds[k] += n;
        }
        let packed = PackedEntities::pack(&e);
        assert_eq!(packed.unpack(), e);
        assert_eq!(packed.official_count(), e.officials.len());
        assert_eq!(packed.figure_count(), e.figures.len());
        assert_eq!(packed.figures(), e.figures);
        assert_eq!(named_refs_of(&e), packed.named_refs().collect::<Vec<_>>());
        let figures: Vec<FigureRef> = e
            .figures
            .iter()
            .map(|f| FigureRef {
                text: &f.text,
                span: f.span,
            })
            .collect();
        assert_eq!(packed.figure_refs().collect::<Vec<_>>(), figures);
    }
    // Every kind of mention came through the readers above.
    assert!(kinds.iter().all(|&n| n > 0), "{kinds:?}");
    let big = ArticleEntities {
        places: vec![PlaceMention {
            name: "Danau Toba ✓".to_string(),
            level: PlaceLevel::Lokasi,
            spans: vec![Span::new(300_000, 300_015), Span::new(5, 9)],
        }],
        ..ArticleEntities::default()
    };
    let packed = PackedEntities::pack(&big);
    assert_eq!(packed.unpack(), big);
    assert_eq!(packed.named_refs().collect::<Vec<_>>(), named_refs_of(&big));
}

/// What [`PackedEntities::named_refs`] should read from packed `e`.
fn named_refs_of(e: &ArticleEntities) -> Vec<NamedRef<'_>> {
    let organizations = e.organizations.iter().map(|o| NamedRef::Organization {
        name: &o.name,
        expansion: o.expansion.as_deref(),
    });
    let places = e.places.iter().map(|p| NamedRef::Place {
        name: &p.name,
        level: p.level,
    });
    let programs = e.programs.iter().map(|p| NamedRef::Program {
        name: &p.name,
        expansion: p.expansion.as_deref(),
    });
    organizations.chain(places).chain(programs).collect()
}

#[test]
fn only_bytes_of_the_packed_shape_come_back() {
    let e = extract("Kepala Bappeda Kabupaten Tangerang, H. Taufik Emil, S.Sos., M.Si, hadir di Kecamatan Cisoka bersama Dinas Sosial.");
    assert!(!e.officials.is_empty());
    let packed = PackedEntities::pack(&e);
    let bytes = packed.as_bytes();
    assert_eq!(PackedEntities::from_bytes(bytes), Some(packed.clone()));
    assert!(PackedEntities::from_bytes(&PackedEntities::default().0).is_none());
    // Cut short, or with a byte more, the shape no longer holds.
    for end in 0..bytes.len() {
        assert!(
            PackedEntities::from_bytes(&bytes[..end]).is_none(),
            "cut at {end}"
        );
    }
    let mut longer = bytes.to_vec();
    longer.push(0);
    assert!(PackedEntities::from_bytes(&longer).is_none());
    // A list count far beyond the bytes is refused before anything is allocated.
    let huge = [0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0, 0, 0];
    assert!(PackedEntities::from_bytes(&huge).is_none());
    // Not UTF-8 in a name.
    let mut bad = Vec::new();
    for n in [0usize, 1, 0, 0, 0] {
        put(&mut bad, n);
    }
    put(&mut bad, 2);
    bad.extend_from_slice(&[0xc3, 0x28]);
    put(&mut bad, 0);
    put(&mut bad, 0);
    assert!(PackedEntities::from_bytes(&bad).is_none());
    bad[6] = b'a';
    bad[7] = b'b';
    assert!(PackedEntities::from_bytes(&bad).is_some());
}
