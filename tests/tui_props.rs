//! Property: any size from 1x1 to 200x60 and any sequence of actions draws
//! without panicking, and the state's invariants hold after every action.

mod tui_fixture;

use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use warta::app::search::run_pending;
use warta::app::{update, Action, Pane, State};

fn action() -> impl Strategy<Value = Action> {
    let simple = prop::sample::select(vec![
        Action::FocusNext,
        Action::FocusPrev,
        Action::Focus(Pane::List),
        Action::Focus(Pane::Reader),
        Action::Focus(Pane::Sidebar),
        Action::Down,
        Action::Up,
        Action::First,
        Action::Last,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::PageDown,
        Action::PageUp,
        Action::Activate,
        Action::StartFilter,
        Action::OpenFinder,
        Action::NextMention,
        Action::PrevMention,
        Action::ToggleScope,
        Action::ToggleBookmark,
        Action::BookmarksOnly,
        Action::ToggleRead,
        Action::UnreadOnly,
        Action::CycleSort,
        Action::ToggleRaw,
        Action::ToggleHelp,
        Action::Back,
        Action::DeleteBack,
        Action::ClearInput,
    ]);
    prop_oneof![
        6 => simple,
        2 => prop::sample::select(vec!['k', 'u', 's', 't', 'i', 'n', ' ', 'z', 'é', '日']).prop_map(Action::Input),
        1 => (0u16..210, 0u16..70).prop_map(|(column, row)| Action::Click { column, row }),
        1 => (0u16..210, 0u16..70, any::<bool>()).prop_map(|(column, row, down)| if down {
            Action::ScrollDown { column, row }
        } else {
            Action::ScrollUp { column, row }
        }),
        1 => (1u16..=200, 1u16..=60).prop_map(|(width, height)| Action::Resize { width, height }),
    ]
}

fn check(s: &State) {
    assert!(s.list.visible.is_empty() || s.list.selected < s.list.visible.len());
    assert!(s.sidebar.visible.is_empty() || s.sidebar.selected < s.sidebar.visible.len());
    assert_eq!(
        s.reader.article,
        s.list.selected_article(),
        "the reader shows the selection"
    );
    assert!(s.reader.scroll <= warta::app::reader::max_scroll(s));
    if let Some(f) = &s.finder {
        assert!(f.visible.is_empty() || f.selected < f.visible.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_size_and_actions_draw_without_panic(
        width in 1u16..=200,
        height in 1u16..=60,
        actions in prop::collection::vec(action(), 0..40),
    ) {
        let mut s = tui_fixture::state(width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        for a in actions {
            if let Action::Resize { width, height } = a {
                terminal.backend_mut().resize(width, height);
            }
            update(&mut s, a);
            run_pending(&mut s);
            check(&s);
            terminal.draw(|f| warta::ui::draw(f, &s)).unwrap();
        }
        terminal.draw(|f| warta::ui::draw(f, &s)).unwrap();
    }
}
