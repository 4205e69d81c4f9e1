//! Tests of the tokenizer.

use super::*;

fn texts(s: &str) -> Vec<&str> {
    tokenize(s).iter().map(|t| t.text).collect()
}

#[test]
fn reused_buffers_cut_the_same_tokens() {
    let long = "Bupati Gowa, Adnan Purichta Ichsan, meresmikan Pasar Sungguminasa.\n".repeat(50);
    let short = "Camat Cisoka hadir (7/8) di M.Si-nya se-Kota.";
    let list = |t: &Tokens| {
        t.iter()
            .map(|k| (k.start, k.end, k.kind, k.after_break))
            .collect::<Vec<_>>()
    };
    // Cut while other tokens are alive and hold the spare buffers: fresh.
    let holder = tokenize("x");
    let fresh_long = list(&tokenize(&long));
    let holder2 = tokenize("y");
    let fresh_short = list(&tokenize(short));
    drop((holder, holder2));
    assert!(fresh_long.len() > 500);
    // Each cut into the buffers the one before left behind.
    for _ in 0..2 {
        assert_eq!(list(&tokenize(&long)), fresh_long);
        assert_eq!(list(&tokenize(short)), fresh_short);
    }
}

#[test]
fn words_punctuation_and_numbers() {
    assert_eq!(
        texts("Wali Kota, Arief R. Wismansyah."),
        ["Wali", "Kota", ",", "Arief", "R.", "Wismansyah", "."]
    );
    assert_eq!(
        texts("dari 1,61 % menjadi 8.182 rumah"),
        ["dari", "1,61", "%", "menjadi", "8.182", "rumah"]
    );
}

#[test]
fn abbreviations_initials_and_degrees() {
    assert_eq!(
        texts("Pj. Bupati Drs. H. Ahmad, M.Si, S.Sos."),
        ["Pj.", "Bupati", "Drs.", "H.", "Ahmad", ",", "M.Si", ",", "S.Sos."]
    );
    assert_eq!(texts("A.S. Chaidir"), ["A.S.", "Chaidir"]);
}

#[test]
fn hyphens_before_capitals_split() {
    assert_eq!(
        texts("se-Kota Padang Se-Indonesia kunjungan-kunjungan"),
        [
            "se",
            "-",
            "Kota",
            "Padang",
            "Se",
            "-",
            "Indonesia",
            "kunjungan-kunjungan"
        ]
    );
}

#[test]
fn a_byte_set_holds_the_first_bytes_and_nothing_else() {
    let set = ByteSet::of_first_bytes(&["Kota", "desa", "", "Émile", "kota"]);
    let held: Vec<u8> = (0..=255).filter(|&b| set.contains(b)).collect();
    assert_eq!(held, [b'K', b'd', b'k', "É".as_bytes()[0]]);
}

#[test]
fn marks_set_and_read_across_words() {
    let mut m = TokenMarks::new(130);
    m.set(62..66);
    m.set(129..130);
    let set: Vec<usize> = (0..130).filter(|&i| m.get(i)).collect();
    assert_eq!(set, [62, 63, 64, 65, 129]);
    // past the last flag (in its word and beyond): none
    assert!((130..300).all(|i| !m.get(i)));
    assert!(!TokenMarks::new(0).get(0));
}

#[test]
fn long_tokens_keep_their_end() {
    let word = "a".repeat(LONG + 5);
    let short = "b".repeat(LONG - 1);
    let s = format!("x {word} {short} . {word}\ny");
    let t = tokenize(&s);
    let lens: Vec<usize> = t.iter().map(|t| t.text.len()).collect();
    assert_eq!(lens, [1, LONG + 5, LONG - 1, 1, LONG + 5, 1]);
    assert!(t.at(5).after_break && t.at(3).kind == TokenKind::Punct);
    assert_eq!(t.long.len(), 2);
}

#[test]
fn spans_are_char_boundaries() {
    let s = "“Kami”—kata Bu Ratna’s";
    for t in tokenize(s).iter() {
        assert_eq!(&s[t.start..t.end], t.text);
    }
}

#[test]
fn the_next_line_is_the_next_token_after_a_break() {
    for text in [
        "Bupati Gowa\nhadir.\n\n  Camat (7/8)\r\nmenyapa “warga”\n",
        "\nsatu\n\ndua tiga\u{2028}empat\n lima",
        "tanpa baris baru",
        "",
    ] {
        let tokens = tokenize(text);
        for i in 0..=tokens.len() + 1 {
            let scanned = (i + 1..tokens.len())
                .find(|&k| tokens.at(k).after_break)
                .unwrap_or(tokens.len());
            assert_eq!(tokens.next_line(i), scanned, "token {i} of {text:?}");
        }
    }
}

#[test]
fn the_marks_are_the_tokens_that_are_that_punctuation() {
    let texts = [
        "Kepala Dinas Kesehatan (Dinkes) Kota Padang (Sumbar), dr. A (47), M.Si(Han).",
        "(Awal) dan akhir (",
        "tanpa kurung sama sekali",
        "Bupati “(Gowa)” – (7/8) ((ganda)) se-(Kota) Rp(1.000)",
        "",
    ];
    for text in texts {
        let tokens = tokenize(text);
        for mark in [b'(', b')', b'/', b'%'] {
            let scanned: Vec<usize> = (0..tokens.len())
                .filter(|&i| tokens.at(i).text.as_bytes() == [mark])
                .collect();
            let found: Vec<usize> = tokens.marks(mark).collect();
            assert_eq!(found, scanned, "{} in {text:?}", mark as char);
        }
    }
}

#[test]
fn every_byte_is_told_alphanumeric_or_not_in_every_lane() {
    for b in 0..=255u8 {
        for lane in 0..16 {
            // the byte in one lane, letters and digits around it
            let mut group = *b"abcdefgh01234XYZ";
            group[lane] = b;
            let want = if b.is_ascii_alphanumeric() {
                0xffff
            } else {
                !(1u16 << lane)
            };
            assert_eq!(
                alphanumeric_marks(&group),
                want,
                "byte {b:#04x} in lane {lane}"
            );
        }
    }
}

#[test]
fn an_alphanumeric_run_ends_where_the_first_other_byte_is() {
    let texts = [
        "Bupati",
        "Sungguminasa, Gowa",
        "abcdefgh",
        "abcdefghi",
        "abcdefghijklmnop",
        "abcdefghijklmnopq",
        "Kabupaten Bantaeng dan Kepulauan Selayar",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz!",
        "Kab.Gowa",
        "Wali Kota Makassar",
        "Dinas—PUPR",
        "0123456789",
        "",
    ];
    for text in texts {
        let bytes = text.as_bytes();
        for i in 0..=bytes.len() {
            let want = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |n| i + n);
            assert_eq!(alphanumeric_run_end(bytes, i), want, "{text:?} from {i}");
        }
    }
}

#[test]
fn a_full_stop_joins_an_abbreviation_an_initial_or_a_dotted_run_only() {
    let cases: [(&str, &[&str]); 10] = [
        ("Angkatan V.", &["Angkatan", "V", "."]),
        ("Angkatan V. dimulai", &["Angkatan", "V", ".", "dimulai"]),
        ("Arief R.  Wismansyah", &["Arief", "R.", "Wismansyah"]),
        ("Bapak É. Sulaiman", &["Bapak", "É.", "Sulaiman"]),
        (
            "Prof. Ahmad dan Jl. merdeka",
            &["Prof.", "Ahmad", "dan", "Jl.", "merdeka"],
        ),
        ("Profesor. Ahmad", &["Profesor", ".", "Ahmad"]),
        ("hadir. Bupati", &["hadir", ".", "Bupati"]),
        ("Ab. Cd", &["Ab", ".", "Cd"]),
        ("S.Sos. lalu", &["S.Sos.", "lalu"]),
        ("Abcd.Efgh.Ijkl. x", &["Abcd.Efgh.Ijkl", ".", "x"]),
    ];
    for (text, want) in cases {
        assert_eq!(texts(text), want, "{text:?}");
    }
}

#[test]
fn the_next_token_of_a_set_is_the_first_its_shapes_hold() {
    // more than sixteen tokens, so both the wide steps and the tail count
    let text = "kata Program 12 ( Pasar é pejabat program\nKota “Gowa” x di sini dan \
                di sana lagi , dan ; juga ( itu ) ini pula ; Kota Pasar program akhir";
    let tokens = tokenize(text);
    let sets = [
        WordShapes::of(&["program", "Kota"]).with_initials(0x80, 0xff),
        WordShapes::of(&["Pasar"]),
        WordShapes::new(),
    ];
    let table = ShapeTable::new(&[&sets[0], &sets[1], &sets[2]]);
    let shapes = TokenShapes::new(&tokens, &table);
    let n = tokens.len();
    assert!(n > 32, "{n} tokens");
    for (k, set) in sets.iter().enumerate() {
        for from in 0..=n + 2 {
            let looked = (from..n).find(|&i| tokens.shaped_in(i, set)).unwrap_or(n);
            assert_eq!(shapes.next(from, k), looked, "set {k} from {from}");
        }
    }
    let found: Vec<&str> =
        std::iter::successors(Some(shapes.next(0, 0)), |&i| Some(shapes.next(i + 1, 0)))
            .take_while(|&i| i < n)
            .map(|i| tokens.at(i).text)
            .collect();
    // `Program` has another first byte, `Pasar` another length; `pejabat`
    // has the shape of `program` (shapes only narrow the words down)
    assert_eq!(
        found,
        ["é", "pejabat", "program", "Kota", "“", "”", "Kota", "program"]
    );
    let none = TokenShapes::new(&tokenize(""), &table);
    assert_eq!(none.next(0, 0), 0);
    assert_eq!(none.next(3, 1), 0);
}

#[test]
fn a_shape_table_answers_as_each_of_its_sets() {
    let sets = [
        WordShapes::of(&["Kota", "kab", "Pemerintah"]),
        WordShapes::new().with_initials(b'A', b'Z'),
        WordShapes::of(&["Pengembangan Sumber Daya Manusia Aparatur"]),
    ];
    let table = ShapeTable::new(&[&sets[0], &sets[1], &sets[2]]);
    let text = "Kota kab Pemerintah Kab Kotak kota Pengembangan Sumber Daya Manusia Aparatur \
                a Z é 123 ( Pengembangan-Sumber-Daya-Manusia-Aparatur-Negara \
                Pengembangansumberdayamanusiaaparaturnegara";
    let tokens = tokenize(text);
    let shapes = TokenShapes::new(&tokens, &table);
    for i in 0..tokens.len() {
        for (k, set) in sets.iter().enumerate() {
            let next = shapes.next(i, k);
            assert_eq!(next == i, tokens.shaped_in(i, set), "token {i} set {k}");
        }
    }
}

#[test]
fn initials_hold_every_length_of_their_bytes_only() {
    let set = WordShapes::new().with_initials(b'K', b'M');
    for len in [0, 1, 7, 30, 31, 500] {
        for b in [b'K', b'L', b'M'] {
            assert!(set.may_hold(b, len), "{b} {len}");
        }
        for b in [b'J', b'N', b'k', 0x80] {
            assert!(!set.may_hold(b, len), "{b} {len}");
        }
    }
}
