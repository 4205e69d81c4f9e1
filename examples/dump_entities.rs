//! Prints what the extractor finds in each seed article (a development aid).

fn main() {
    let corpus = warta::corpus::load_seeds();
    for a in &corpus.articles {
        println!("== {}", a.id);
        let e = warta::entities::extract(&a.body);
        for o in &e.officials {
            println!(
                "  {} | {} | {:?} | t{:?} d{:?} | aliases {:?} | {} spans",
                o.name,
                o.position,
                o.institution,
                o.titles,
                o.degrees,
                o.aliases,
                o.spans.len()
            );
        }
    }
}
