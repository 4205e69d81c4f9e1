//! The deterministic synthetic corpus behind `gen_corpus` and the criterion
//! benches: articles in the style of the seeds (titles, date headers,
//! datelines, officials with posts and regions from the gazetteers, figures,
//! boilerplate tails).

use std::fmt::Write as _;

const REGIONS: &str = include_str!("../assets/regions.tsv");

const FIRST: &[&str] = &[
    "Agus", "Budi", "Siti", "Dewi", "Rahmat", "Yusuf", "Andi", "Ahmad", "Iwan", "Hendra", "Rina",
    "Sri", "Eko", "Bambang", "Dedi", "Asep", "Ujang", "Nur", "Fitri", "Wahyu", "Teguh", "Ratna",
    "Arief", "Airin", "Untung", "Bani", "Marlan", "Heru", "Joko", "Lukman", "Maya", "Rudi",
];
const LAST: &[&str] = &[
    "Santoso",
    "Hidayat",
    "Saputra",
    "Wijaya",
    "Setiawan",
    "Kurniawan",
    "Pratama",
    "Nugroho",
    "Sudiartono",
    "Prihartono",
    "Saritomo",
    "Widiatmo",
    "Nasution",
    "Siregar",
    "Harahap",
    "Lubis",
    "Effendi",
    "Rahma",
    "Susanto",
    "Gunawan",
    "Hermawan",
    "Firmansyah",
    "Ramadhan",
    "Sulistyo",
    "Permana",
    "Hakim",
    "Fauzi",
    "Rachmi Diany",
    "Khosyatullah",
    "Basuki",
];
const POSTS: &[&str] = &[
    "Kepala Bappeda",
    "Sekretaris Daerah",
    "Kepala Dinas Kesehatan",
    "Kepala Dinas Pendidikan",
    "Kepala BPSDM",
    "Kepala BKPSDM",
    "Asisten Pemerintahan",
    "Kepala Dinas Sosial",
    "Kepala Bagian Umum",
];
const SITES: &[&str] = &[
    "BantenHits.com",
    "Indolinear.com",
    "RadarKota.id",
    "WartaDaerah.com",
];
const DAYS: &[&str] = &[
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];
const MONTHS: &[&str] = &[
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const TOPICS: &[&str] = &[
    "Diklatpim Nasional",
    "Penurunan Angka Kemiskinan Ekstrem",
    "Percepatan Penanganan Stunting",
    "Pelayanan Publik Terpadu",
    "Bimtek Pengelolaan Keuangan",
    "Inovasi Pelayanan Kecamatan",
    "Pembangunan Infrastruktur Jalan",
    "Smart City",
];
const VERBS: &[&str] = &["Gelar", "Tinjau", "Dorong", "Perkuat", "Sambut", "Evaluasi"];
const FILLER: &[&str] = &[
    "Kegiatan tersebut diikuti oleh para pejabat dari berbagai organisasi perangkat daerah yang hadir di ruang rapat utama.",
    "Menurutnya, komitmen bersama mulai dari kepala daerah sampai dinas terkait menjadi kunci keberhasilan program ini.",
    "Para peserta juga mendapat pemaparan mengenai strategi pembangunan daerah dan pemantauan program secara berjenjang.",
    "Pemerintah daerah berharap inovasi yang telah dilakukan bisa menjadi contoh bagi daerah lain di Indonesia.",
    "Selain itu, masyarakat diminta ikut mengawasi pelaksanaan kegiatan agar berjalan sesuai dengan ketentuan yang berlaku.",
];

/// splitmix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A person holding a post in a region.
struct Person {
    name: String,
    short: String,
    post: String,
    region: String,
}

fn regions() -> Vec<&'static str> {
    REGIONS
        .lines()
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            matches!(cols.get(1), Some(&"kabupaten" | &"kota")).then(|| cols[2])
        })
        .collect()
}

fn people(rng: &mut Rng, regions: &[&str], count: usize) -> Vec<Person> {
    let mut out = vec![
        person("Agung Basuki", "Kepala BPSDM", "Provinsi Banten"),
        person("Arief R. Wismansyah", "Wali Kota", "Tangerang"),
        person("Ujang Sudiartono", "Kepala Bappeda", "Kabupaten Tangerang"),
        person("Muhamad", "Sekretaris Daerah", "Kota Tangerang Selatan"),
    ];
    while out.len() < count {
        let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        let region = regions[rng.below(regions.len())].to_string();
        out.push(person(&name, rng.pick(POSTS), &region));
    }
    out
}

fn person(name: &str, post: &str, region: &str) -> Person {
    Person {
        name: name.to_string(),
        short: name.split(' ').next().unwrap_or(name).to_string(),
        post: post.to_string(),
        region: region.to_string(),
    }
}

fn article(rng: &mut Rng, people: &[Person], regions: &[&str]) -> String {
    // A few officials appear much more often than the rest, as in real archives.
    let who = |rng: &mut Rng| {
        let i = if rng.below(4) == 0 {
            rng.below(people.len().min(40))
        } else {
            rng.below(people.len())
        };
        &people[i]
    };
    let (a, b) = (who(rng), who(rng));
    let region = regions[rng.below(regions.len())];
    let title = format!(
        "{} {} {} di {}",
        a.post,
        rng.pick(VERBS),
        rng.pick(TOPICS),
        a.region
    );
    let date = format!(
        "{}, {} {} {}",
        rng.pick(DAYS),
        1 + rng.below(28),
        rng.pick(MONTHS),
        2015 + rng.below(10)
    );
    let site = rng.pick(SITES);
    let place = region
        .trim_start_matches("Kabupaten ")
        .trim_start_matches("Kota ");
    let mut s = String::with_capacity(4096);
    let style = rng.below(4);
    match style {
        0 => {
            let _ = write!(s, "{title}\n\nDate:\n\n{} saat kegiatan di {region}, {date}. (FOTO: {site})\n\nBerita {place} – ", a.name);
        }
        1 => {
            let _ = write!(
                s,
                "{date} 10:{:02} WIB | Dibaca : {}\n{title}\n{title}\n{title}\n\n",
                rng.below(60),
                rng.below(2000)
            );
        }
        2 => {
            let _ = write!(s, "{site}, {place} - ");
        }
        _ => {
            let _ = write!(s, "{} – ", place.to_uppercase());
        }
    }
    let _ = writeln!(
        s,
        "Pemerintah {} menggelar kegiatan {} pada {date}, yang dibuka langsung oleh {} {}, {}.\n",
        a.region,
        rng.pick(TOPICS),
        a.post,
        a.region,
        a.name
    );
    for p in 0..11 + rng.below(8) {
        match (p + rng.below(3)) % 5 {
            0 => {
                let _ = writeln!(s, "\u{201c}Kami berkomitmen meningkatkan pelayanan kepada masyarakat,\u{201d} ujar {} {}, {}.\n", b.post, b.region, b.name);
            }
            1 => {
                let _ = writeln!(s, "Anggaran kegiatan tahun ini mencapai Rp{} miliar, naik {} persen dibanding tahun lalu, kata {}.\n", 1 + rng.below(900), 1 + rng.below(60), a.short);
            }
            2 => {
                let _ = writeln!(
                    s,
                    "Sebanyak {} peserta dari {} mengikuti kegiatan ini. {}\n",
                    10 + rng.below(300),
                    regions[rng.below(regions.len())],
                    rng.pick(FILLER)
                );
            }
            3 => {
                let _ = writeln!(
                    s,
                    "{} {} {}\n",
                    rng.pick(FILLER),
                    rng.pick(FILLER),
                    rng.pick(FILLER)
                );
            }
            _ => {
                let _ = writeln!(
                    s,
                    "Sementara itu, {} {}, {}, menyampaikan bahwa {} {}\n",
                    b.post,
                    b.region,
                    b.name,
                    rng.pick(FILLER).to_lowercase(),
                    rng.pick(FILLER)
                );
            }
        }
    }
    match style {
        0 => s.push_str("Berita Lainnya\n\nPemkot Gelar Bimtek Guna Dorong Pembangunan\n\nBerita Tangerang - Pemerintah Kota...\n"),
        1 => s.push_str("\n\nArtikel Terkait\n\n\nKomentar\n\nPastikan Google Captcha Sudah Tercentang !!!\n"),
        2 => {
            let _ = write!(s, "0 Response to \"[Pos baru] {title}\"\nPost a Comment\n");
        }
        _ => s.push_str("Share post:\n\nTerpopuler\n"),
    }
    s
}

/// `count` articles from `seed`: the same arguments always give the same texts.
pub fn articles(count: usize, seed: u64) -> impl Iterator<Item = String> {
    let mut rng = Rng(seed);
    let regions = regions();
    let people = people(&mut rng, &regions, (count / 25).clamp(50, 20_000));
    (0..count).map(move |_| article(&mut rng, &people, &regions))
}
