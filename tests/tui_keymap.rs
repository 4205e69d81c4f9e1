//! The keymap: DESIGN section 3's keys map to the documented actions, typed
//! text stays text while a filter is edited, and the help lists every key.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use warta::app::keymap::{help_lines, map_event, map_key, HelpLine, Mode, BINDINGS};
use warta::app::{Action, Pane, State};
use warta::ui::strings::Lang;

fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

fn normal(code: KeyCode) -> Option<Action> {
    map_key(Mode::Normal, &key(code, KeyModifiers::NONE))
}

#[test]
fn design_keys_map_to_their_actions() {
    use KeyCode::*;
    let m = |c| format!("{:?}", normal(c));
    assert_eq!(m(Tab), "Some(FocusNext)");
    assert_eq!(
        format!(
            "{:?}",
            map_key(Mode::Normal, &key(BackTab, KeyModifiers::SHIFT))
        ),
        "Some(FocusPrev)"
    );
    assert_eq!(
        m(Char('1')),
        format!("{:?}", Some(Action::Focus(Pane::List)))
    );
    assert_eq!(
        m(Char('3')),
        format!("{:?}", Some(Action::Focus(Pane::Sidebar)))
    );
    for (code, action) in [
        (Char('j'), "Down"),
        (Down, "Down"),
        (Char('k'), "Up"),
        (Up, "Up"),
        (Char('g'), "First"),
        (Home, "First"),
        (End, "Last"),
        (PageDown, "PageDown"),
        (PageUp, "PageUp"),
        (Enter, "Activate"),
        (Char('/'), "StartFilter"),
        (Char('o'), "OpenFinder"),
        (Char('n'), "NextMention"),
        (Char('e'), "ToggleScope"),
        (Char('b'), "ToggleBookmark"),
        (Char('u'), "ToggleRead"),
        (Char('s'), "CycleSort"),
        (Char('r'), "ToggleRaw"),
        (Char('?'), "ToggleHelp"),
        (Char('q'), "Quit"),
        (Esc, "Back"),
    ] {
        assert_eq!(m(code), format!("Some({action})"), "{code:?}");
    }
    // capitals arrive with Shift held
    let shifted = |c| {
        format!(
            "{:?}",
            map_key(Mode::Normal, &key(Char(c), KeyModifiers::SHIFT))
        )
    };
    assert_eq!(shifted('G'), "Some(Last)");
    assert_eq!(shifted('N'), "Some(PrevMention)");
    assert_eq!(shifted('B'), "Some(BookmarksOnly)");
    assert_eq!(shifted('U'), "Some(UnreadOnly)");
    let ctrl = |c| {
        format!(
            "{:?}",
            map_key(Mode::Normal, &key(Char(c), KeyModifiers::CONTROL))
        )
    };
    assert_eq!(ctrl('d'), "Some(HalfPageDown)");
    assert_eq!(ctrl('u'), "Some(HalfPageUp)");
    assert_eq!(ctrl('c'), "Some(Quit)");
    assert!(normal(Char('z')).is_none());
}

#[test]
fn letters_are_text_while_typing_but_ctrl_c_still_quits() {
    let input = |code, mods| format!("{:?}", map_key(Mode::Input, &key(code, mods)));
    assert_eq!(
        input(KeyCode::Char('q'), KeyModifiers::NONE),
        "Some(Input('q'))"
    );
    assert_eq!(
        input(KeyCode::Char('W'), KeyModifiers::SHIFT),
        "Some(Input('W'))"
    );
    assert_eq!(
        input(KeyCode::Char('c'), KeyModifiers::CONTROL),
        "Some(Quit)"
    );
    assert_eq!(
        input(KeyCode::Backspace, KeyModifiers::NONE),
        "Some(DeleteBack)"
    );
    assert_eq!(input(KeyCode::Enter, KeyModifiers::NONE), "Some(Activate)");
    assert_eq!(input(KeyCode::Esc, KeyModifiers::NONE), "Some(Back)");
    let release = KeyEvent {
        kind: KeyEventKind::Release,
        ..key(KeyCode::Char('j'), KeyModifiers::NONE)
    };
    assert!(map_key(Mode::Normal, &release).is_none());
}

#[test]
fn ctrl_z_suspends_in_both_modes_and_sets_the_flag_the_loop_acts_on() {
    use warta::app::update;
    for mode in [Mode::Normal, Mode::Input] {
        let action = map_key(mode, &key(KeyCode::Char('z'), KeyModifiers::CONTROL));
        assert_eq!(format!("{action:?}"), "Some(Suspend)", "{mode:?}");
    }
    // plain `z` is still text while typing
    assert_eq!(
        format!(
            "{:?}",
            map_key(Mode::Input, &key(KeyCode::Char('z'), KeyModifiers::NONE))
        ),
        "Some(Input('z'))"
    );
    let mut s = State::new(Lang::En, (80, 24));
    update(&mut s, Action::Suspend);
    assert!(s.suspend && !s.quit);
    assert_eq!(
        warta::app::keymap::action_name(&Action::Suspend),
        Some("suspend")
    );
}

#[test]
fn a_paste_is_text_in_an_input_and_nothing_elsewhere() {
    use warta::app::{update, Library};
    let lib = Library::build(warta::corpus::load_seeds());
    let mut s = State::with_library(lib, Lang::En, (120, 40));
    // Pasted into the list, `qqq` and `G` would quit and jump.
    let paste = Event::Paste("qqq\nG".into());
    assert!(map_event(&s, &paste).is_none());
    update(&mut s, Action::StartFilter);
    let paste = Event::Paste("kota\r\ntange\u{1b}[31mrang\tbanten\n".into());
    let action = map_event(&s, &paste).expect("a paste while typing");
    update(&mut s, action);
    // line breaks and tabs are spaces, the trailing one is dropped, and the
    // escape character is left out (the rest of its sequence is plain text)
    assert_eq!(s.list.filter.text, "kota  tange[31mrang banten");
    assert!(s.list.filter.editing);
    assert_eq!(s.requests.len(), 1, "{:?}", s.requests.len());
    // the same in the official finder
    update(&mut s, Action::Back);
    update(&mut s, Action::OpenFinder);
    let action = map_event(&s, &Event::Paste("untung".into())).expect("a paste in the finder");
    update(&mut s, action);
    assert_eq!(s.finder.as_ref().unwrap().filter.text, "untung");
}

#[test]
fn events_map_by_the_states_mode() {
    let mut s = State::new(Lang::En, (80, 24));
    let j = Event::Key(key(KeyCode::Char('j'), KeyModifiers::NONE));
    assert_eq!(format!("{:?}", map_event(&s, &j)), "Some(Down)");
    s.list.filter.editing = true;
    assert_eq!(format!("{:?}", map_event(&s, &j)), "Some(Input('j'))");
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 4,
        row: 7,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(
        format!("{:?}", map_event(&s, &click)),
        "Some(Click { column: 4, row: 7 })"
    );
    let wheel = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 1,
        row: 2,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(
        format!("{:?}", map_event(&s, &wheel)),
        "Some(ScrollDown { column: 1, row: 2 })"
    );
    assert_eq!(
        format!("{:?}", map_event(&s, &Event::Resize(10, 5))),
        "Some(Resize { width: 10, height: 5 })"
    );
}

#[test]
fn help_lists_every_binding_once_per_description() {
    let lines = help_lines(Lang::En);
    let keys: Vec<&String> = lines
        .iter()
        .filter_map(|l| match l {
            HelpLine::Key { keys, .. } => Some(keys),
            HelpLine::Heading(_) => None,
        })
        .collect();
    for b in BINDINGS {
        let name = warta::app::keymap::key_name(b.code, b.mods);
        assert!(
            keys.iter().any(|k| k.split(' ').any(|part| part == name)),
            "{name} missing from help"
        );
    }
    assert!(
        keys.iter().any(|k| *k == "j ↓"),
        "keys with one meaning share a line"
    );
    assert!(keys.iter().any(|k| *k == "mouse"));
}

#[test]
fn no_key_is_bound_twice_in_a_mode() {
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            assert!(
                !(a.mode == b.mode && a.code == b.code && a.mods == b.mods),
                "{:?} twice",
                a.code
            );
        }
    }
}
