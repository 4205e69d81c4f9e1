//! Every user-visible string of the reader, in one table with an English and
//! an Indonesian column. Code names a string by [`S`]; [`tr`] picks the
//! column. Placeholders are `{}` and filled in order by [`trf`].

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Bahasa Indonesia.
    Id,
}

macro_rules! strings {
    ($($name:ident => $en:expr, $id:expr;)*) => {
        /// The name of one user-visible string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum S { $($name,)* }

        /// The table: (name, English, Indonesian).
        pub const TABLE: &[(S, &str, &str)] = &[$((S::$name, $en, $id),)*];

        /// The English and Indonesian text of a string.
        pub const fn pair(s: S) -> (&'static str, &'static str) {
            match s { $(S::$name => ($en, $id),)* }
        }
    };
}

strings! {
    // pane titles and headers
    Articles => "Articles", "Artikel";
    Reader => "Reader", "Pembaca";
    RawTag => "raw", "mentah";
    RawLoading => "Reading the file…", "Membaca berkas…";
    RawChanged => "The file changed since it was loaded: its raw text is not shown.", "Berkas berubah sejak dimuat: teks mentahnya tidak ditampilkan.";
    RawUnreadable => "Cannot read the file again: {}.", "Berkas tidak bisa dibaca lagi: {}.";
    Entities => "Entities", "Entitas";
    ScopeArticle => "article", "artikel";
    ScopeCorpus => "corpus", "korpus";
    LinePos => "line {}/{}", "baris {}/{}";
    SortDate => "by date", "urut tanggal";
    SortTitle => "by title", "urut judul";
    SortRelevance => "by relevance", "urut relevansi";
    BookmarksOnly => "bookmarks", "markah";
    UnreadOnly => "unread", "belum dibaca";
    // sidebar groups
    Officials => "Officials", "Pejabat";
    Organizations => "Organisations", "Organisasi";
    Places => "Places", "Tempat";
    Programs => "Programmes", "Program";
    Figures => "Figures", "Angka";
    // reader header
    By => "by {}", "oleh {}";
    Dateline => "dateline {}", "lokasi {}";
    NoDate => "no date", "tanpa tanggal";
    // headless commands
    ArticleCountOne => "1 article", "1 artikel";
    ArticleCountMany => "{} articles", "{} artikel";
    NoSuchArticle => "no article with id `{}`; `warta list` prints the ids", "tidak ada artikel dengan id `{}`; `warta list` menampilkan id-nya";
    LeadTitle => "(title from the lead)", "(judul dari paragraf pembuka)";
    // empty states and notices
    Loading => "Loading articles…", "Memuat artikel…";
    LoadingProgress => "Loading articles… {} of {} files · {} MB · {} articles/s", "Memuat artikel… {} dari {} berkas · {} MB · {} artikel/detik";
    LoadingProgressCompact => "Loading {}/{} files · {} MB · {}/s", "Memuat {}/{} berkas · {} MB · {}/detik";
    LoadingProgressTiny => "Loading {}/{}", "Memuat {}/{}";
    LoadingFound => "Loading articles… {} files found", "Memuat artikel… {} berkas ditemukan";
    Indexing => "Finding officials, places and programmes in {} articles…", "Mencari pejabat, tempat dan program di {} artikel…";
    IndexingProgress => "Finding officials, places and programmes… {}% ({} of {} articles)", "Mencari pejabat, tempat dan program… {}% ({} dari {} artikel)";
    IndexingProgressShort => "Finding officials… {}% ({} of {})", "Mencari pejabat… {}% ({} dari {})";
    IndexingProgressTiny => "Finding officials… {}%", "Mencari pejabat… {}%";
    Linking => "Linking officials across {} articles (step 1 of 2)…", "Menautkan pejabat di {} artikel (langkah 1 dari 2)…";
    LinkingShortForm => "Linking officials (1 of 2)…", "Menautkan pejabat (1 dari 2)…";
    SearchIndexingShort => "Indexing search (2 of 2)…", "Mengindeks pencarian (2 dari 2)…";
    SearchIndexing => "Indexing {} articles for search (step 2 of 2)…", "Mengindeks {} artikel untuk pencarian (langkah 2 dari 2)…";
    LoadingShort => "still loading: {} of {} files", "masih memuat: {} dari {} berkas";
    IndexingShort => "still finding officials", "masih mencari pejabat";
    IndexingShortProgress => "still finding officials: {}%", "masih mencari pejabat: {}%";
    LinkingShort => "still linking officials", "masih menautkan pejabat";
    SecondsLeft => "about {} s left", "sekitar {} detik lagi";
    MinutesLeft => "about {} min left", "sekitar {} menit lagi";
    SecondsSoFar => "{} s so far", "sudah {} detik";
    MinutesSoFar => "{} min so far", "sudah {} menit";
    LoadFailed => "Could not load the corpus: {}", "Korpus tidak dapat dimuat: {}";
    NoArticles => "No articles match. Esc clears the filter.", "Tidak ada artikel yang cocok. Esc menghapus saringan.";
    EmptyCorpus => "No articles found. Open files or folders: warta PATH…", "Tidak ada artikel. Buka berkas atau folder: warta PATH…";
    NoArticleOpen => "No article selected.", "Tidak ada artikel terpilih.";
    NoEntities => "No entities.", "Tidak ada entitas.";
    EntitiesComing => "Entities are still being found…", "Entitas masih dicari…";
    NotLinkedYet => "Not linked across articles yet.", "Belum ditautkan antarartikel.";
    TooSmall => "Terminal too small", "Terminal terlalu kecil";
    Skipped => "{} files skipped", "{} berkas dilewati";
    BadFile => "{} could not be read; kept beside it as {}, using defaults", "{} tidak dapat dibaca; disimpan di sampingnya sebagai {}, memakai bawaan";
    SaveFailed => "Could not save bookmarks and read marks: {}", "Markah dan tanda baca tidak dapat disimpan: {}";
    // status bar
    FilterPrompt => "/ ", "/ ";
    Match => "{} match", "{} cocok";
    Matches => "{} matches", "{} cocok";
    Millis => "{} ms", "{} md";
    Searching => "searching…", "mencari…";
    HintsShort => "? help · q quit", "? bantuan · q keluar";
    Hints => "Tab pane · / filter · o officials · ? help · q quit", "Tab panel · / saring · o pejabat · ? bantuan · q keluar";
    // popups
    FinderTitle => "Find an official", "Cari pejabat";
    FinderEmpty => "No official matches.", "Tidak ada pejabat yang cocok.";
    StillFinding => "Officials are still being found…", "Pejabat masih dicari…";
    HelpTitle => "Keys", "Tombol";
    HelpFooter => "Esc or ? closes", "Esc atau ? menutup";
    ModeNormal => "Everywhere", "Di mana saja";
    ModeInput => "While typing a filter or in the finder", "Saat mengetik saringan atau di pencarian";
    // key descriptions for the help overlay
    KeyNextPane => "next pane", "panel berikutnya";
    KeyPrevPane => "previous pane", "panel sebelumnya";
    KeyListPane => "article list", "daftar artikel";
    KeyReaderPane => "reader", "pembaca";
    KeySidebarPane => "entity sidebar", "panel entitas";
    KeyDown => "move down / scroll", "turun / gulir";
    KeyUp => "move up / scroll", "naik / gulir";
    KeyFirst => "first", "pertama";
    KeyLast => "last", "terakhir";
    KeyHalfDown => "half page down", "setengah halaman turun";
    KeyHalfUp => "half page up", "setengah halaman naik";
    KeyPageDown => "page down", "halaman turun";
    KeyPageUp => "page up", "halaman naik";
    KeyActivate => "open article; on an entity: its articles and first mention", "buka artikel; pada entitas: artikelnya dan sebutan pertama";
    KeyFilter => "fuzzy filter of the focused list", "saring daftar yang aktif";
    KeyFinder => "official finder", "pencarian pejabat";
    KeyNextMention => "next mention", "sebutan berikutnya";
    KeyPrevMention => "previous mention", "sebutan sebelumnya";
    KeyScope => "entities: this article ↔ whole corpus", "entitas: artikel ini ↔ seluruh korpus";
    KeyBookmark => "bookmark toggle", "tandai / hapus markah";
    KeyBookmarksOnly => "bookmarks only", "hanya markah";
    KeyRead => "read / unread toggle", "tandai dibaca / belum";
    KeyUnreadOnly => "unread only", "hanya yang belum dibaca";
    KeySort => "sort: date, title, relevance", "urutan: tanggal, judul, relevansi";
    KeyRaw => "reader: clean text ↔ raw file", "pembaca: teks bersih ↔ berkas mentah";
    KeyHelp => "this help", "bantuan ini";
    KeyQuit => "quit", "keluar";
    KeySuspend => "suspend to the shell (fg resumes)", "tangguhkan ke shell (fg melanjutkan)";
    KeyBack => "close popup, clear filter", "tutup jendela, hapus saringan";
    KeyKeep => "keep the filter / open the official", "simpan saringan / buka pejabat";
    KeyDeleteBack => "delete a character", "hapus satu karakter";
    KeyClearInput => "clear the input", "kosongkan masukan";
    KeyMouse => "click selects, wheel scrolls", "klik memilih, roda menggulir";
    KeyNameMouse => "mouse", "tetikus";
    KeyNameTyping => "letters", "huruf";
    KeyTyping => "type the query", "ketik kueri";
}

/// The text of a string in a language.
pub fn tr(lang: Lang, s: S) -> &'static str {
    let (en, id) = pair(s);
    match lang {
        Lang::En => en,
        Lang::Id => id,
    }
}

/// The text of a string with its `{}` placeholders filled in order.
pub fn trf(lang: Lang, s: S, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::new();
    let mut args = args.iter();
    let mut parts = tr(lang, s).split("{}").peekable();
    while let Some(part) = parts.next() {
        out.push_str(part);
        if parts.peek().is_some() {
            if let Some(a) = args.next() {
                out.push_str(&a.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_columns_have_the_same_placeholders() {
        for (name, en, id) in TABLE {
            assert!(!en.is_empty() && !id.is_empty(), "{name:?} is empty");
            assert_eq!(
                en.matches("{}").count(),
                id.matches("{}").count(),
                "{name:?}"
            );
        }
    }

    #[test]
    fn placeholders_fill_in_order() {
        assert_eq!(trf(Lang::En, S::LinePos, &[&3, &40]), "line 3/40");
        assert_eq!(trf(Lang::Id, S::LinePos, &[&3, &40]), "baris 3/40");
    }
}
