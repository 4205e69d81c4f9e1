//! `state.json`: keys that survive re-ordering, edits and renames; merging
//! two writers; broken files; and the reader's Tick, Restore and marks.

mod tui_fixture;

use std::collections::BTreeSet;
use std::path::PathBuf;
use warta::app::search::run_pending;
use warta::app::{update, Action, Pane, READ_AFTER_TICKS};
use warta::corpus::{Article, TitleSource};
use warta::store::state::{self, content_hash};
use warta::store::{atomic, keys, Remembered, StateFile, StateStore};

fn article(id: &str, text: &str) -> Article {
    Article {
        id: id.to_string(),
        path: PathBuf::from(format!("{id}.txt")),
        title: text.to_string(),
        title_source: TitleSource::Header,
        date: None,
        site: None,
        author: None,
        dateline: None,
        body: text.into(),
        hash: warta::store::paths::text_hash(text.as_bytes()),
        origin: Default::default(),
        redecoded: false,
        removed_controls: 0,
    }
}

fn set(items: &[usize]) -> BTreeSet<usize> {
    items.iter().copied().collect()
}

fn marked(bookmarks: &[usize], read: &[usize]) -> Remembered {
    Remembered {
        bookmarks: set(bookmarks),
        read: set(read),
        ..Remembered::default()
    }
}

#[test]
fn marks_survive_reordering_edits_of_other_files_and_renames() {
    let before = [
        article("a", "satu"),
        article("b", "dua"),
        article("c", "tiga"),
    ];
    let mut file = StateFile::default();
    file.record(&keys(&before), &marked(&[1], &[0, 2]), 1);
    // new order, `a` edited, `c` renamed to `z`, a new file `d`
    let after = [
        article("d", "empat"),
        article("z", "tiga"),
        article("b", "dua"),
        article("a", "satu, diperbaiki"),
    ];
    let r = file.resolve(&keys(&after));
    assert_eq!(r.bookmarks, set(&[2]), "b by id and hash");
    assert_eq!(
        r.read,
        set(&[1, 3]),
        "z by hash (renamed), a by id (edited)"
    );
}

#[test]
fn record_stamps_only_what_changed() {
    let articles = [article("a", "satu"), article("b", "dua")];
    let mut file = StateFile::default();
    file.record(&keys(&articles), &marked(&[0], &[]), 10);
    file.record(&keys(&articles), &marked(&[0], &[1]), 20);
    assert_eq!(
        file.articles["a"].updated, 10,
        "unchanged entry keeps its time"
    );
    assert_eq!(file.articles["b"].updated, 20);
    assert!(file.articles["b"].read && !file.articles["b"].bookmarked);
    assert_eq!(file.articles["b"].hash, content_hash(&articles[1]));
}

#[test]
fn two_writers_merge_per_key_and_the_later_change_wins() {
    let dir = tempfile::tempdir().unwrap();
    let articles = [article("a", "satu"), article("b", "dua")];
    let (mut one, _) = StateStore::open(dir.path(), &[]).unwrap();
    let (mut two, _) = StateStore::open(dir.path(), &[]).unwrap();
    one.save(&keys(&articles), &marked(&[0], &[])).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    two.save(&keys(&articles), &marked(&[], &[1])).unwrap();
    // the second writer did not touch `a`, so the first writer's bookmark stays
    let (merged, _) = StateStore::open(dir.path(), &[]).unwrap();
    let r = merged.resolve(&keys(&articles));
    assert_eq!(r.bookmarks, set(&[0]));
    assert_eq!(r.read, set(&[1]));
    // the first writer un-bookmarks `a` later: that change wins
    std::thread::sleep(std::time::Duration::from_millis(5));
    one.save(&keys(&articles), &marked(&[], &[])).unwrap();
    let (merged, _) = StateStore::open(dir.path(), &[]).unwrap();
    let r = merged.resolve(&keys(&articles));
    assert!(r.bookmarks.is_empty());
    assert_eq!(r.read, set(&[1]), "the other writer's read mark stays");
}

#[test]
fn truncated_or_garbage_state_is_moved_aside_and_defaults_are_used() {
    let dir = tempfile::tempdir().unwrap();
    let articles = [article("a", "satu")];
    let (mut store, moved) = StateStore::open(dir.path(), &[]).unwrap();
    assert!(moved.is_none());
    store.save(&keys(&articles), &marked(&[0], &[0])).unwrap();
    let good = std::fs::read_to_string(&store.path).unwrap();
    for broken in [&good[..good.len() / 2], "\u{0}\u{1}garbage ]]"] {
        std::fs::write(&store.path, broken).unwrap();
        let (again, moved) = StateStore::open(dir.path(), &[]).unwrap();
        let aside = moved.expect("moved aside");
        assert!(aside
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("state.json.bad-"));
        assert_eq!(std::fs::read_to_string(&aside).unwrap(), broken);
        assert_eq!(again.file.articles.len(), 0);
        assert_eq!(again.resolve(&keys(&articles)), Remembered::default());
    }
}

#[test]
fn a_writer_killed_between_write_and_rename_leaves_old_or_new_never_a_mix() {
    let dir = tempfile::tempdir().unwrap();
    let articles: Vec<Article> = (0..200)
        .map(|i| article(&format!("{i:03}"), &format!("teks {i}")))
        .collect();
    let (mut store, _) = StateStore::open(dir.path(), &[]).unwrap();
    store.save(&keys(&articles), &marked(&[1], &[])).unwrap();
    let old = std::fs::read(&store.path).unwrap();
    let mut newer = store.file.clone();
    let all: Vec<usize> = (0..200).collect();
    newer.record(&keys(&articles), &marked(&all, &all), 99);
    let bytes = serde_json::to_vec_pretty(&newer).unwrap();
    // killed here: the temp file is complete, the rename never happened
    let temp = atomic::write_temp(&store.path, &bytes).unwrap();
    assert_eq!(std::fs::read(&store.path).unwrap(), old);
    let loaded = state::load(&store.path).unwrap();
    assert!(loaded.moved_aside.is_none());
    assert_eq!(loaded.file.resolve(&keys(&articles)).bookmarks, set(&[1]));
    // a killed writer's temp file is never read as the state
    assert!(temp.exists());
    atomic::commit(&temp, &store.path).unwrap();
    let loaded = state::load(&store.path).unwrap();
    assert_eq!(loaded.file.resolve(&keys(&articles)).bookmarks.len(), 200);
}

#[test]
fn an_article_open_for_a_moment_is_marked_read_once() {
    let mut s = tui_fixture::state(120, 40);
    let open = s.reader.article.unwrap();
    s.read.clear();
    // the timer starts when the article opens
    for _ in 1..READ_AFTER_TICKS {
        update(&mut s, Action::Tick);
    }
    assert!(!s.read.contains(&open), "not yet");
    update(&mut s, Action::Tick);
    assert!(s.read.contains(&open));
    // marked unread by hand: the timer does not undo it
    update(&mut s, Action::ToggleRead);
    for _ in 0..3 * READ_AFTER_TICKS {
        update(&mut s, Action::Tick);
    }
    assert!(!s.read.contains(&open));
    // moving on restarts the timer for the next article
    update(&mut s, Action::Down);
    let next = s.reader.article.unwrap();
    for _ in 0..READ_AFTER_TICKS / 2 {
        update(&mut s, Action::Tick);
    }
    assert!(!s.read.contains(&next));
}

#[test]
fn restore_applies_marks_article_scroll_and_filter() {
    let mut s = tui_fixture::state(80, 24);
    let r = Remembered {
        bookmarks: set(&[1]),
        read: set(&[0, 2]),
        article: Some(2),
        scroll: 4,
        filter: String::new(),
    };
    update(&mut s, Action::Restore(r.clone()));
    assert_eq!(s.reader.article, Some(2));
    assert_eq!(s.list.selected_article(), Some(2));
    assert_eq!(s.reader.scroll, 4);
    assert_eq!(s.remembered(), r);
    // the reopened article is not marked read behind the user's back
    let mut s = tui_fixture::state(80, 24);
    update(
        &mut s,
        Action::Restore(Remembered {
            article: Some(1),
            ..Remembered::default()
        }),
    );
    for _ in 0..3 * READ_AFTER_TICKS {
        update(&mut s, Action::Tick);
    }
    assert!(s.read.is_empty());
    update(&mut s, Action::Down);
    update(&mut s, Action::Up);
    for _ in 0..=READ_AFTER_TICKS {
        update(&mut s, Action::Tick);
    }
    assert_eq!(s.read, set(&[1]), "opened anew, it is timed again");
    // a remembered filter is typed in again and searched
    let mut s = tui_fixture::state(80, 24);
    update(
        &mut s,
        Action::Restore(Remembered {
            filter: "padang".into(),
            article: Some(1),
            ..Remembered::default()
        }),
    );
    run_pending(&mut s);
    assert_eq!(s.list.filter.text, "padang");
    assert_eq!(s.list.visible, [1]);
    assert_eq!(s.reader.article, Some(1));
    assert_eq!(s.focus, Pane::List);
}

#[test]
fn content_hash_is_the_xxh3_of_the_file_text() {
    // Pinned: state.json files keep these hashes, so a change of function
    // loses the marks of files renamed across it (builds before this one
    // used FNV-1a; their entries still match by id).
    let dir = tempfile::tempdir().unwrap();
    let text = "Bupati Resmikan Pasar\n\nSLEMAN – Bupati meresmikan pasar.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let corpus = warta::corpus::load_paths(
        &[dir.path().to_path_buf()],
        &warta::corpus::LoadOptions::default(),
    );
    let a = &corpus.articles[0];
    assert_eq!(content_hash(a), "904eea39d51657f0");
    assert_eq!(keys(&corpus.articles)[0].hash, content_hash(a));
    assert_eq!(warta::corpus::read_raw(a).unwrap(), text);
}

#[test]
fn a_preview_opens_no_article_as_read_until_the_whole_corpus_is_in() {
    use std::sync::Arc;
    use warta::app::{Library, State};
    use warta::ui::strings::Lang;
    let articles: Vec<Article> = (0..6)
        .map(|i| article(&format!("a{i}"), &format!("Bupati Hadiri Rapat {i}")))
        .collect();
    let mut s = State::with_library(Library::preview(&articles[..3]), Lang::En, (120, 40));
    let open = s.reader.article.expect("the preview opens an article");
    for _ in 0..2 * READ_AFTER_TICKS {
        update(&mut s, Action::Tick);
    }
    assert!(s.read.is_empty(), "nobody chose it: not read");
    // the whole corpus comes in with the same article still open
    let whole = Library::unindexed(Arc::new(warta::corpus::Corpus {
        articles,
        ..Default::default()
    }));
    update(&mut s, Action::Loaded(Arc::new(whole)));
    assert_eq!(s.reader.article, Some(open));
    for _ in 0..READ_AFTER_TICKS {
        update(&mut s, Action::Tick);
    }
    assert!(s.read.contains(&open), "read once the load is done");
}

#[test]
fn changes_made_in_a_preview_are_carried_and_the_saved_place_kept_unless_moved() {
    let articles: Vec<Article> = ["a", "b", "c", "d"]
        .iter()
        .map(|id| article(id, &format!("Berita {id}")))
        .collect();
    let all = keys(&articles);
    // saved: d bookmarked and open at line 7
    let mut saved = StateFile::default();
    let mut before = marked(&[3], &[]);
    before.article = Some(3);
    before.scroll = 7;
    saved.record(&all, &before, 1);
    // a preview of a and b: the user bookmarks b, reads a, stays put
    let preview = keys(&articles[..2]);
    let mut shown = saved.resolve(&preview);
    assert_eq!(shown.article, None, "d is not in the preview");
    shown.bookmarks.insert(1);
    shown.read.insert(0);
    let carried = saved.with_preview_changes(&preview, &shown, false);
    let back = carried.resolve(&all);
    assert_eq!(back.bookmarks, set(&[1, 3]));
    assert_eq!(back.read, set(&[0]));
    assert_eq!((back.article, back.scroll), (Some(3), 7), "the saved place");
    // had the user opened b, that would be the place
    shown.article = Some(1);
    shown.scroll = 2;
    let moved = saved
        .with_preview_changes(&preview, &shown, true)
        .resolve(&all);
    assert_eq!((moved.article, moved.scroll), (Some(1), 2));
    assert_eq!(moved.bookmarks, set(&[1, 3]));
}
