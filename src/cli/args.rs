//! Command-line arguments (DESIGN section 4).

use clap::builder::NonEmptyStringValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// warta: read Indonesian regional-government news and find who said what, where.
#[derive(Debug, Parser)]
#[command(name = "warta", version, about, subcommand_precedence_over_arg = true)]
pub struct Cli {
    /// A headless command; without one, warta opens the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Corpus for the reader.
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// Options for every command.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// Print the default config.toml, with comments, and exit.
    #[arg(long)]
    pub print_config: bool,
}

/// Options every command takes (DESIGN section 4).
#[derive(Debug, Clone, Args, Default)]
pub struct GlobalArgs {
    /// Interface language (overrides `lang` in config.toml).
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    /// Read this config file instead of the one in the config dir.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Neither read nor write bookmarks, read marks and the last position,
    /// nor the entity cache and library snapshot.
    #[arg(long, global = true)]
    pub no_state: bool,
}

/// Interface languages for `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Bahasa Indonesia.
    Id,
}

/// Where the articles come from.
#[derive(Debug, Clone, Args, Default)]
pub struct CorpusArgs {
    /// Files or folders to open (.txt, .md, .jsonl); none: the bundled seed articles.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Skip files larger than this many MiB [default: 16, or config.toml's max_file_size].
    #[arg(long, value_name = "MIB")]
    pub max_file_size: Option<u64>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List articles: id, date, site, title.
    List {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Show one cleaned article.
    Show {
        /// The article id, as `warta list` prints it.
        id: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// List the entities of the corpus: officials, organisations, places, programmes, figures.
    Entities {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Only this kind.
        #[arg(long, value_enum)]
        kind: Option<EntityKindArg>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Fuzzy-find officials (by name, alias, post, institution) and articles.
    Find {
        /// What to look for, e.g. `sekda tangsel` or `wismansyh`.
        query: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Search only officials or only articles (default: both).
        #[arg(long = "in", value_enum)]
        scope: Option<FindScope>,
        /// At most this many results per kind.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Measure loading and per-keystroke filtering (DESIGN section 4).
    Bench {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// A query to type one character at a time (repeatable); default:
        /// `agung basuki`, `kpl bappeda tng`, `wismansyh`, `sekda`. An
        /// empty one has no keystrokes to time, and is refused.
        #[arg(long = "query", value_name = "Q", value_parser = NonEmptyStringValueParser::new())]
        queries: Vec<String>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
}

/// Entity kinds for `--kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntityKindArg {
    /// Officials.
    Official,
    /// Organisations.
    Organization,
    /// Places.
    Place,
    /// Programmes.
    Program,
    /// Figures.
    Figure,
}

/// What `find` searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FindScope {
    /// Articles: title, site, date, official names.
    Articles,
    /// Officials: name, aliases, post, institution.
    Officials,
}
