//! `config.toml`: every key, the errors that name a line, broken files moved
//! aside, and `--print-config` output that parses back to the defaults.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use warta::app::keymap::{lookup, map_key, Mode, BINDINGS};
use warta::store::config::{self, default_text, parse, Config};
use warta::ui::strings::Lang;
use warta::ui::theme::{Theme, ThemeName};

fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

fn action(c: &Config, mode: Mode, code: KeyCode, mods: KeyModifiers) -> String {
    format!("{:?}", lookup(&c.keymap.bindings, mode, &key(code, mods)))
}

fn error(text: &str) -> (Option<usize>, String) {
    parse(text).expect_err("an error")
}

#[test]
fn an_empty_file_gives_the_defaults() {
    let c = parse("").unwrap();
    assert_eq!(c.theme, ThemeName::Dark);
    assert_eq!(c.lang, Lang::En);
    assert!(c.paths.is_empty());
    assert_eq!(c.max_file_size, 16);
    assert_eq!(c.keymap.bindings.len(), BINDINGS.len());
}

#[test]
fn theme_takes_each_theme_and_no_color_drops_colours() {
    for (name, text) in ThemeName::ALL {
        let c = parse(&format!("theme = \"{text}\"")).unwrap();
        assert_eq!(c.theme, name);
    }
    let themes: Vec<Theme> = ThemeName::ALL
        .iter()
        .map(|(t, _)| Theme::new(*t, false))
        .collect();
    assert_ne!(themes[0], themes[1]);
    assert_ne!(themes[0], themes[2]);
    assert_eq!(Theme::default(), themes[0]);
    let plain = Theme::new(ThemeName::Light, true);
    assert_eq!(plain, Theme::new(ThemeName::Dark, true));
    assert_eq!(plain.dim().fg, None);
    assert_eq!(plain.selected().bg, None);
    assert!(plain
        .selected()
        .add_modifier
        .contains(ratatui::style::Modifier::REVERSED));
}

#[test]
fn lang_paths_and_max_file_size() {
    let c = parse("lang = \"id\"\npaths = [\"/srv/berita\", \"rilis.jsonl\"]\nmax_file_size = 64")
        .unwrap();
    assert_eq!(c.lang, Lang::Id);
    assert_eq!(
        c.paths,
        [PathBuf::from("/srv/berita"), PathBuf::from("rilis.jsonl")]
    );
    assert_eq!(c.max_file_size, 64);
    assert_eq!(parse("lang = \"en\"").unwrap().lang, Lang::En);
}

#[test]
fn a_key_override_replaces_the_defaults_of_its_action() {
    let c =
        parse("[keys]\nbookmark = \"x\"\nquit = [\"Ctrl-q\", \"F10\"]\ndown = [\"J\", \"Down\"]")
            .unwrap();
    let none = KeyModifiers::NONE;
    assert_eq!(
        action(&c, Mode::Normal, KeyCode::Char('x'), none),
        "Some(ToggleBookmark)"
    );
    assert_eq!(action(&c, Mode::Normal, KeyCode::Char('b'), none), "None");
    assert_eq!(action(&c, Mode::Normal, KeyCode::Char('q'), none), "None");
    assert_eq!(
        action(&c, Mode::Normal, KeyCode::Char('q'), KeyModifiers::CONTROL),
        "Some(Quit)"
    );
    assert_eq!(action(&c, Mode::Normal, KeyCode::F(10), none), "Some(Quit)");
    assert_eq!(
        action(&c, Mode::Normal, KeyCode::Char('j'), KeyModifiers::SHIFT),
        "Some(Down)"
    );
    assert_eq!(action(&c, Mode::Normal, KeyCode::Char('j'), none), "None");
    // while typing, letters stay text; Ctrl keys and named keys apply
    assert_eq!(
        action(&c, Mode::Input, KeyCode::Char('J'), KeyModifiers::SHIFT),
        "Some(Input('J'))"
    );
    assert_eq!(action(&c, Mode::Input, KeyCode::Down, none), "Some(Down)");
    assert_eq!(
        action(&c, Mode::Input, KeyCode::Char('q'), KeyModifiers::CONTROL),
        "Some(Quit)"
    );
    // the help overlay shows the new keys
    let help = format!("{:?}", c.keymap.help_lines(Lang::En));
    assert!(help.contains("\"Ctrl-q F10\""), "{help}");
}

#[test]
fn a_key_taken_from_another_action_leaves_it() {
    let c = parse("[keys]\nsort = \"b\"").unwrap();
    let none = KeyModifiers::NONE;
    assert_eq!(
        action(&c, Mode::Normal, KeyCode::Char('b'), none),
        "Some(CycleSort)"
    );
    assert_eq!(action(&c, Mode::Normal, KeyCode::Char('s'), none), "None");
    // the defaults are untouched elsewhere
    assert_eq!(
        format!(
            "{:?}",
            map_key(Mode::Normal, &key(KeyCode::Char('b'), none))
        ),
        "Some(ToggleBookmark)"
    );
}

#[test]
fn an_action_whose_keys_were_taken_can_still_get_new_ones() {
    let c = parse("[keys]\nbookmark = \"s\"\nsort = \"x\"").unwrap();
    let none = KeyModifiers::NONE;
    assert_eq!(
        action(&c, Mode::Normal, KeyCode::Char('s'), none),
        "Some(ToggleBookmark)"
    );
    assert_eq!(
        action(&c, Mode::Normal, KeyCode::Char('x'), none),
        "Some(CycleSort)"
    );
}

#[test]
fn every_action_can_be_remapped() {
    for (name, _) in warta::app::keyconfig::default_keys() {
        let c = parse(&format!("[keys]\n{name} = \"F12\"")).unwrap();
        let found = c.keymap.bindings.iter().any(|b| {
            b.code == KeyCode::F(12) && warta::app::keymap::action_name(&b.action) == Some(name)
        });
        assert!(found, "{name}");
    }
}

#[test]
fn wrong_settings_are_errors_naming_the_line() {
    let cases = [
        (
            "theme = \"dark\"\n\n[keys]\nbookmrk = \"b\"",
            4,
            "unknown action `bookmrk`",
        ),
        (
            "[keys]\nquit = \"q\"\nsort = \"Hyper-x\"",
            3,
            "unknown key `Hyper-x`",
        ),
        ("[keys]\nquit = [\"q\", \"\"]", 2, "unknown key ``"),
        ("[keys]\n\nquit = []", 3, "no key for `quit`"),
        ("\ntheme = \"solarized\"", 2, "unknown theme `solarized`"),
        ("lang = \"fr\"", 1, "unknown language `fr`"),
        ("\n\nmax_file_size = -3", 3, "positive"),
        ("colour = \"red\"", 1, "unknown field"),
        ("lang = \"id\"\npaths = \"/srv\"", 2, "invalid type"),
    ];
    for (text, line, message) in cases {
        let (got_line, got) = error(text);
        assert_eq!(got_line, Some(line), "{text:?}: {got}");
        assert!(got.contains(message), "{text:?}: {got}");
    }
    let (_, got) = error("[keys]\nbookmrk = \"b\"");
    assert!(got.contains("bookmark"), "lists the actions: {got}");
}

#[test]
fn a_file_that_is_not_toml_is_moved_aside_and_the_defaults_used() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "theme = \"light\nlang = [").unwrap();
    let loaded = config::load(Some(&path)).unwrap();
    let (file, aside) = loaded.moved_aside.expect("moved aside");
    assert_eq!(file, path);
    assert!(!path.exists());
    assert!(aside.to_string_lossy().contains("config.toml.bad-"));
    assert_eq!(
        std::fs::read_to_string(aside).unwrap(),
        "theme = \"light\nlang = ["
    );
    assert_eq!(loaded.config.theme, ThemeName::Dark);
    // a wrong setting in good TOML is an error, and the file stays
    std::fs::write(&path, "theme = \"sepia\"").unwrap();
    let e = config::load(Some(&path)).unwrap_err();
    assert_eq!(e.line, Some(1));
    assert!(
        e.to_string().contains("config.toml: line 1: unknown theme"),
        "{e}"
    );
    assert!(path.exists());
    // --config naming a missing file is an error
    assert!(config::load(Some(&dir.path().join("nope.toml"))).is_err());
}

#[test]
fn print_config_parses_back_to_the_defaults() {
    let text = default_text();
    assert!(text.lines().filter(|l| l.starts_with('#')).count() > 5);
    let c = parse(&text).unwrap();
    let d = Config::default();
    assert_eq!(
        (c.theme, c.lang, &c.paths, c.max_file_size),
        (d.theme, d.lang, &d.paths, d.max_file_size)
    );
    let mut got: Vec<String> = c
        .keymap
        .bindings
        .iter()
        .map(|b| format!("{:?}", (b.mode, b.code, b.mods, &b.action, b.help)))
        .collect();
    let mut want: Vec<String> = BINDINGS
        .iter()
        .map(|b| format!("{:?}", (b.mode, b.code, b.mods, &b.action, b.help)))
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn library_snapshot_is_on_by_default_and_can_be_turned_off() {
    assert!(parse("").unwrap().library_snapshot);
    assert!(!parse("library_snapshot = false").unwrap().library_snapshot);
    assert!(parse("library_snapshot = true").unwrap().library_snapshot);
    let (line, message) = error("theme = \"dark\"\nlibrary_snapshot = \"no\"");
    assert_eq!(line, Some(2), "{message}");
}
