//! Prints what the extractor finds in each seed article (a development aid):
//! `cargo run --example dump_entities`.

fn main() {
    let corpus = warta::corpus::load_seeds();
    for a in &corpus.articles {
        println!("== {}", a.id);
        let e = warta::entities::extract(&a.body);
        for o in &e.officials {
            println!(
                "  official {} | {} | {:?} | t{:?} d{:?} | aliases {:?} | {} spans",
                o.name,
                o.position,
                o.institution,
                o.titles,
                o.degrees,
                o.aliases,
                o.spans.len()
            );
        }
        let orgs: Vec<String> = e
            .organizations
            .iter()
            .map(|o| format!("{} ({})", o.name, o.expansion.as_deref().unwrap_or("-")))
            .collect();
        println!("  orgs: {}", orgs.join("; "));
        let places: Vec<String> = e
            .places
            .iter()
            .map(|p| format!("{} [{:?}]", p.name, p.level))
            .collect();
        println!("  places: {}", places.join("; "));
        let programs: Vec<String> = e
            .programs
            .iter()
            .map(|p| format!("{} ({})", p.name, p.expansion.as_deref().unwrap_or("-")))
            .collect();
        println!("  programs: {}", programs.join("; "));
        let figures: Vec<&str> = e.figures.iter().map(|f| f.text.as_str()).collect();
        println!("  figures: {}", figures.join("; "));
    }
}
