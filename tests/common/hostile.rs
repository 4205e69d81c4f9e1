//! Hostile inputs for the memory and time bounds (issue 7), shared by
//! `tests/memory_bounds.rs` and `benches/bounds.rs`.

/// One line of `mib` MiB of ordinary article words (no newline until the end).
pub fn one_line(mib: usize) -> Vec<u8> {
    let words = "Kepala Dinas Kota Tangerang menyampaikan laporan kepada Wali Kota. ";
    let mut out = b"Judul Berita Satu Baris Panjang\n\n".to_vec();
    while out.len() < mib << 20 {
        out.extend_from_slice(words.as_bytes());
    }
    out.push(b'\n');
    out
}

/// `n` tiny capitalised names: officials with a post, later short mentions
/// (`kata Abc`) and bare names, so every pass of the extractor has work.
pub fn names(n: usize) -> Vec<u8> {
    let mut out = b"Daftar Nama Pejabat Desa\n\n".to_vec();
    let mut x = 12345u64;
    for i in 0..n {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let a = (b'A' + (x >> 60) as u8 % 26) as char;
        let b = (b'a' + (x >> 50) as u8 % 26) as char;
        let c = (b'a' + (x >> 40) as u8 % 26) as char;
        let name = format!("{a}{b}{c}");
        let piece = match i % 4 {
            0 => format!("Camat {name} {c}{b}{a}ni hadir. "),
            1 => format!("kata {name}. "),
            2 => format!("{name} "),
            _ => format!("Lurah {name} {a}{c}di, "),
        };
        out.extend_from_slice(piece.as_bytes());
        if i % 50 == 49 {
            out.extend_from_slice(b"\n\n");
        }
    }
    out.push(b'\n');
    out
}
