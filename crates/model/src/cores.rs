//! One order-keeping map over every core of the machine, for the build
//! stages that treat each file or document on its own (the pipeline's
//! reading, entities and quotes; the search index's analysis).

/// `f` of every item, in order, computed on as many threads as the
/// machine has cores, each over its own run of items (so the result does
/// not depend on how many). With one core (or none known, as in wasm) the
/// items are mapped in place, on no new thread.
pub fn map_on_every_core<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores <= 1 {
        return items.iter().map(f).collect();
    }
    let per_core = items.len().div_ceil(cores).max(1);
    let f = &f;
    std::thread::scope(|scope| {
        let runs: Vec<_> = items
            .chunks(per_core)
            .map(|run| scope.spawn(move || run.iter().map(f).collect::<Vec<R>>()))
            .collect();
        runs.into_iter()
            .flat_map(|run| run.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}
