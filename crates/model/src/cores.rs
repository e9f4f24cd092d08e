//! One order-keeping map over every core of the machine, for the build
//! stages that treat each file or document on its own (the pipeline's
//! reading, entities and quotes; the search index's analysis).

/// `f` of every item, in order, computed on as many threads as the
/// machine has cores, each over its own run of items (so the result does
/// not depend on how many). With one core (or none known, as in wasm) the
/// items are mapped in place, on no new thread.
pub fn map_on_every_core<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let cores = cores();
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

/// How many threads [`map_on_every_core`] runs on: the machine's cores, 1
/// when unknown (as in wasm).
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The indices of `items` cut into one contiguous run per core, in order,
/// each of about the same total `weight` (fewer runs than cores when there
/// are fewer items; none when there are none).
pub fn runs_of_equal_weight<T>(
    items: &[T],
    weight: impl Fn(&T) -> usize,
) -> Vec<std::ops::Range<usize>> {
    let total: usize = items.iter().map(&weight).sum();
    runs_of_weight(items, weight, total.div_ceil(cores()).max(1))
}

/// The indices of `items` cut into contiguous runs, in order, each closed
/// as soon as its total `weight` reaches `per_run` (the last may weigh
/// less; none is empty).
pub fn runs_of_weight<T>(
    items: &[T],
    weight: impl Fn(&T) -> usize,
    per_run: usize,
) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let (mut start, mut filled) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        filled += weight(item);
        if filled >= per_run {
            runs.push(start..i + 1);
            (start, filled) = (i + 1, 0);
        }
    }
    if start < items.len() {
        runs.push(start..items.len());
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_every_item_once_in_order() {
        for items in [
            vec![],
            vec![5],
            vec![1; 7],
            vec![100, 1, 1, 1, 1],
            vec![0, 0, 0],
        ] {
            let runs = runs_of_equal_weight(&items, |&w| w);
            let covered: Vec<usize> = runs.iter().flat_map(|r| r.clone()).collect();
            assert_eq!(covered, (0..items.len()).collect::<Vec<_>>(), "{items:?}");
            assert!(runs.iter().all(|r| !r.is_empty()), "{items:?}: {runs:?}");
            assert!(runs.len() <= cores().max(1) + 1, "{items:?}: {runs:?}");
        }
    }

    #[test]
    fn the_map_keeps_the_order_of_the_items() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled = map_on_every_core(&items, |&i| i * 2);
        assert_eq!(doubled, items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }
}
