//! A small hand-made corpus with known entities, for the reader's tests: the
//! expectations do not move when the extractor improves.
#![allow(dead_code)]

use std::path::PathBuf;
use warta::app::search::run_pending;
use warta::app::{update, Action, Library, State};
use warta::corpus::{Article, ArticleDate, Corpus, Origin, TitleSource};
use warta::entities::{
    ArticleEntities, EntityIndex, FigureMention, Official, OfficialMention, Organization,
    OrganizationMention, PackedEntities, Place, PlaceLevel, PlaceMention, Role, Span,
};
use warta::store::paths::text_hash;
use warta::ui::strings::Lang;

/// Bodies: article 0 mentions Kustini twice and Dinas Perdagangan, article 1
/// Hendri Septa and Kota Padang, article 2 Kustini once, with a long tail.
pub const BODIES: [&str; 3] = [
    "Bupati Sleman, Kustini Sri Purnomo, meresmikan pasar baru.\n\nMenurut Kustini pasar dikelola Dinas Perdagangan dengan anggaran Rp300 miliar.",
    "Wali Kota Padang, Hendri Septa, meninjau banjir di Kota Padang.",
    "Rapat koordinasi digelar di Sleman.\n\nBupati Kustini hadir dalam rapat itu.",
];

fn date(y: i32, m: u8, d: u8) -> Option<ArticleDate> {
    Some(ArticleDate {
        year: Some(y),
        month: m,
        day: d,
    })
}

fn article(i: usize, title: &str, date: Option<ArticleDate>, body: String) -> Article {
    Article {
        id: format!("{i:03}"),
        path: PathBuf::from(format!("fixture/{i:03}.txt")),
        title: title.to_string(),
        title_source: TitleSource::Header,
        date,
        site: Some("Contoh.com".to_string()),
        author: Some("Redaksi".to_string()),
        dateline: None,
        hash: text_hash(raw(title, &body).as_bytes()),
        origin: Origin::File,
        body: body.as_str().into(),
        redecoded: false,
        removed_controls: 0,
    }
}

/// The raw text a fixture article's hash stands for (the fixture has no
/// files: tests deliver it with [`Action::RawRead`]).
pub fn raw(title: &str, body: &str) -> String {
    format!("{title}\nRAW\n{body}")
}

fn spans(body: &str, needle: &str) -> Vec<Span> {
    body.match_indices(needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

fn official(name: &str, position: &str, institution: &str, spans: Vec<Span>) -> OfficialMention {
    OfficialMention {
        name: name.to_string(),
        position: position.to_string(),
        institution: Some(institution.to_string()),
        titles: Vec::new(),
        degrees: Vec::new(),
        aliases: Vec::new(),
        spans,
    }
}

/// The fixture corpus and its entities. Article 2's body gets `tail` extra
/// paragraphs so the reader can scroll.
pub fn library(tail: usize) -> Library {
    let mut body2 = BODIES[2].to_string();
    for i in 0..tail {
        body2.push_str(&format!(
            "\n\nParagraf tambahan nomor {i} tentang pasar dan banjir."
        ));
    }
    let articles = vec![
        article(
            0,
            "Bupati Sleman Resmikan Pasar",
            date(2023, 1, 5),
            BODIES[0].to_string(),
        ),
        article(
            1,
            "Wali Kota Padang Tinjau Banjir",
            date(2022, 3, 1),
            BODIES[1].to_string(),
        ),
        article(2, "Asisten Pemerintahan Tangsel", None, body2.clone()),
    ];
    let b0 = BODIES[0];
    let mut kustini0 = spans(b0, "Kustini Sri Purnomo");
    kustini0.push(Span::new(
        b0.find("Menurut Kustini").unwrap() + 8,
        b0.find("Menurut Kustini").unwrap() + 15,
    ));
    let per_article = [
        ArticleEntities {
            officials: vec![official(
                "Kustini Sri Purnomo",
                "Bupati",
                "Kabupaten Sleman",
                kustini0,
            )],
            organizations: vec![OrganizationMention {
                name: "Dinas Perdagangan".to_string(),
                expansion: None,
                spans: spans(b0, "Dinas Perdagangan"),
            }],
            figures: vec![FigureMention {
                text: "Rp300 miliar".to_string(),
                span: spans(b0, "Rp300 miliar")[0],
            }],
            ..ArticleEntities::default()
        },
        ArticleEntities {
            officials: vec![official(
                "Hendri Septa",
                "Wali Kota",
                "Kota Padang",
                spans(BODIES[1], "Hendri Septa"),
            )],
            places: vec![PlaceMention {
                name: "Kota Padang".to_string(),
                level: PlaceLevel::Kota,
                spans: spans(BODIES[1], "Kota Padang"),
            }],
            ..ArticleEntities::default()
        },
        ArticleEntities {
            officials: vec![official(
                "Kustini",
                "Bupati",
                "Kabupaten Sleman",
                spans(&body2, "Kustini"),
            )],
            ..ArticleEntities::default()
        },
    ];
    let entities = EntityIndex {
        per_article: per_article.iter().map(PackedEntities::pack).collect(),
        official_of_mention: vec![vec![0], vec![1], vec![0]],
        officials: vec![
            Official {
                name: "Kustini Sri Purnomo".to_string(),
                aliases: vec!["Kustini".to_string()],
                roles: vec![Role {
                    position: "Bupati".to_string(),
                    institution: Some("Kabupaten Sleman".to_string()),
                    articles: vec![0, 2],
                }],
                articles: vec![0, 2],
                mentions: 3,
            },
            Official {
                name: "Hendri Septa".to_string(),
                aliases: Vec::new(),
                roles: vec![Role {
                    position: "Wali Kota".to_string(),
                    institution: Some("Kota Padang".to_string()),
                    articles: vec![1],
                }],
                articles: vec![1],
                mentions: 1,
            },
        ],
        organizations: vec![Organization {
            name: "Dinas Perdagangan".to_string(),
            expansion: None,
            articles: vec![0],
        }],
        places: vec![Place {
            name: "Kota Padang".to_string(),
            level: PlaceLevel::Kota,
            articles: vec![1],
        }],
        ..EntityIndex::default()
    };
    let corpus = Corpus {
        articles,
        ..Corpus::default()
    };
    Library::new(corpus, entities)
}

/// A loaded state over the fixture at a terminal size.
pub fn state(width: u16, height: u16) -> State {
    State::with_library(library(30), Lang::En, (width, height))
}

/// Applies actions in order, running each queued search at once (as the
/// event loop's worker would).
pub fn apply(s: &mut State, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        update(s, a);
        run_pending(s);
    }
}

/// The actions of typing `text`.
pub fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Input).collect()
}
